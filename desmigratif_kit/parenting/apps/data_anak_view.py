"""What *Data Anak Desa* shows, as HTML and labels: the counts as tiles, who needs a visit
(named: this app is the village's own view), the roster table, form problems. Pure functions
of their inputs (the app holds the widgets and the state).

>>> html = tiles_html({"anak": 3, "balita": 2, "balita_diukur": 2, "pendek": 1})
>>> "data-testid='angka-pendek'><b>1</b>Pendek (stunting)" in html, "dk-tile-alert" in html
(True, True)
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import pandas as pd

from desmigratif_kit import parenting
from desmigratif_kit.core import i18n
from desmigratif_kit.core.app import esc, message_html
from desmigratif_kit.core.i18n import format_number, t
from desmigratif_kit.core.inputs import missing
from desmigratif_kit.core.tables import TableError

TILES = (
    "anak", "balita", "balita_diukur", "pendek", "gizi_kurang", "bb_kurang", "gizi_lebih",
    "tidak_naik", "perlu_rujukan", "perlu_kunjungan", "tidak_sekolah",
)  # fmt: skip
"""The counts shown as tiles, in order (labels ``par.count.<key>``)."""
ALERT_TILES = {
    "pendek", "gizi_kurang", "bb_kurang", "gizi_lebih", "tidak_naik", "perlu_rujukan",
    "tidak_sekolah",
}  # fmt: skip
TABLE_COLUMNS = (
    "nama_anak", "jenis_kelamin", "umur_bulan_kini", "tanggal_ukur", "kode_tb_u", "kode_bb_tb",
    "kode_bb_u", "status_kbm",
)  # fmt: skip
"""The roster table: what fits a phone (a child's carer and parents are in the child's card)."""
CHOICES = {
    "jenis_kelamin": ("L", "P"),
    "orang_tua_di_luar_negeri": tuple(parenting.ORANG_TUA),
    "pengasuh": tuple(parenting.PENGASUH),
    "status_sekolah": tuple(parenting.STATUS_SEKOLAH),
}
"""The form's drop-downs: roster column → its codes (labels ``par.pilihan.<column>.<code>``)."""
FORM_FIELDS = (
    "nama_anak", "jenis_kelamin", "tanggal_lahir", "id_anak", "orang_tua_di_luar_negeri",
    "negara_orang_tua", "pengasuh", "nama_pengasuh", "status_sekolah", "keterangan",
)  # fmt: skip
REQUIRED = {"nama_anak", "jenis_kelamin", "tanggal_lahir"}
VISIT_LIMIT = 30
"""Children listed under "needs a visit" before "and N more"."""


def choice_label(column: str, code: Any) -> str:
    """A drop-down code in words (``""`` for a blank)."""
    if missing(code) or code == "":
        return ""
    if column == "jenis_kelamin":
        return t(f"par.sex.{code}")
    if column == "cara_ukur":
        return t(f"par.measured.{code}")
    return t(f"par.pilihan.{column}.{code}")


def tiles_html(counts: Mapping[str, int]) -> str:
    """The village's counts as tiles (``data-testid="angka"``, one ``angka-<key>`` each)."""
    tiles = []
    for key in TILES:
        value = int(counts.get(key, 0))
        alert = " dk-tile-alert" if key in ALERT_TILES and value else ""
        tiles.append(
            f"<div class='dk-tile{alert}' data-testid='angka-{key}'>"
            f"<b>{esc(format_number(value))}</b>{esc(t(f'par.count.{key}'))}</div>"
        )
    return f"<div class='dk-tiles' data-testid='angka'>{''.join(tiles)}</div>"


def visits_html(visits: pd.DataFrame) -> str:
    """Who needs a visit this month (**named**), grouped by urgency, with the reasons."""
    if not len(visits):
        return message_html("ok", esc(t("par.da.no_visits")))
    parts = []
    shown = visits.head(VISIT_LIMIT)
    for level in ("segera", "rujuk", "kunjungi"):
        group = shown[shown["tingkat"] == level]
        if not len(group):
            continue
        total = int((visits["tingkat"] == level).sum())
        head = t(f"par.tingkat.{level}") + f" ({format_number(total)})"
        items = []
        for child in group.itertuples(index=False):
            reasons = " ".join(t(f"par.alasan.{code}") for code in child.alasan)
            months = "" if missing(child.umur_bulan_kini) else int(child.umur_bulan_kini)
            who = t("par.da.visit_who", name=child.nama_anak, months=months)
            carer = choice_label("pengasuh", child.pengasuh)
            if carer:
                who += f" · {t('par.da.carer')}: {carer}"
            items.append(f"<li><b>{esc(who)}</b><br>{esc(reasons)}</li>")
        parts.append(
            f"<p class='dk-visit-head dk-visit-head-{level}'>{esc(head)}</p>"
            f"<ul class='dk-visit'>{''.join(items)}</ul>"
        )
    more = len(visits) - len(shown)
    if more > 0:
        parts.append(f"<p>{esc(t('par.da.more', count=format_number(more)))}</p>")
    return f"<div data-testid='perlu-kunjungan'>{''.join(parts)}</div>"


def _cell(column: str, value: Any) -> str:
    if missing(value):
        return ""
    if column == "jenis_kelamin":
        return str(value)
    if column in CHOICES:
        return choice_label(column, value)
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if column.startswith("kode_"):
        return t(f"par.kategori.{column.removeprefix('kode_')}.{value}").split(" (")[0]
    return str(value)


def table_html(rows: pd.DataFrame, start: int = 0) -> str:
    """One page of the roster, one row per child (``data-testid="tabel-anak"``)."""
    head = "".join(f"<th>{esc(t(f'par.da.col.{c}'))}</th>" for c in ("no", *TABLE_COLUMNS))
    body = []
    for number, row in enumerate(rows.itertuples(index=False), start=start + 1):
        cells = [(str(number), "")] + [
            (_cell(c, getattr(row, c)), " class='dk-name'" if c == "nama_anak" else "")
            for c in TABLE_COLUMNS
        ]
        body.append("<tr>" + "".join(f"<td{css}>{esc(c)}</td>" for c, css in cells) + "</tr>")
    if not body:
        empty = esc(t("par.da.no_rows"))
        body.append(f"<tr><td colspan='{len(TABLE_COLUMNS) + 1}'>{empty}</td></tr>")
    return (
        "<div class='dk-tablewrap'><table class='dk-table' data-testid='tabel-anak'>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def child_option(row: Any) -> str:
    """A child in the chooser: name and birth date (two children may share a name)."""
    born = "" if missing(row.tanggal_lahir) else row.tanggal_lahir.strftime("%d/%m/%Y")
    return f"{row.nama_anak} ({born})"


def form_problems_html(err: TableError) -> str:
    """A form entry's problems, each named by its field (no spreadsheet row)."""
    lang = i18n.get_language()
    titles = {column.title: column.name for column in parenting.ROSTER_SCHEMA.columns}
    items = []
    for problem in err.problems[: err.LIST_LIMIT]:
        name = titles.get(problem.column or "")
        field = t(f"par.roster.{name}", lang) if name else (problem.column or "")
        items.append(
            t(
                "par.da.form_problem",
                lang,
                field=field,
                expected=i18n.text_or_key(problem.expected, lang, **problem.values),
                given=i18n.quote_given(problem.given, t("input.given_empty", lang)),
            )
        )
    body = "".join(f"<li>{esc(item)}</li>" for item in items)
    head = t("table.form_error", lang, count=len(err.problems))
    return message_html("error", f"<b>{esc(head)}</b><ul data-testid='masalah'>{body}</ul>")
