"""What the Buku Register Desa app shows, as HTML and labels: form fields, table cells, alerts,
import problems. Pure functions of their inputs (the app holds the widgets and the state).

>>> choice_label("jenis_kelamin", "P")
'Perempuan'
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from desmigratif_kit import migration
from desmigratif_kit.core import i18n
from desmigratif_kit.core.app import esc, message_html
from desmigratif_kit.core.data import TableError
from desmigratif_kit.core.i18n import format_date, t

REGISTER_FORM = (
    "nama", "nik", "jenis_kelamin", "tanggal_lahir", "negara_tujuan", "jabatan", "jalur",
    "agensi", "tanggal_berangkat", "akhir_kontrak", "tanggal_pulang", "status",
    "telepon_keluarga", "nomor_paspor", "keterangan",
)  # fmt: skip
CHOICE_FIELDS = {
    "jenis_kelamin": ("", "L", "P"),
    "jalur": ("",) + migration.JALUR,
    "status": ("",) + migration.STATUS,
}
TABLE_COLUMNS = (
    "nama", "nik", "jenis_kelamin", "negara_tujuan", "jabatan", "status", "tanggal_berangkat",
    "akhir_kontrak", "nomor_paspor", "telepon_keluarga",
)  # fmt: skip
MASKED = migration.MASKED_COLUMNS


def _cell(value, lang: str) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, date):
        return format_date(value, lang)
    return str(value)


_TITLE_TO_NAME = {column.title: column.name for column in migration.REGISTER_SCHEMA.columns}


def _form_problem(problem, lang: str) -> str:
    """A problem of the entry form, named by the form's field (no spreadsheet row)."""
    name = _TITLE_TO_NAME.get(problem.column or "")
    column = t(f"mig.col.{name}", lang) if name else (problem.column or "")
    empty = t("table.given_empty_cell", lang)
    return t(
        "mig.reg.form_problem",
        lang,
        column=column,
        expected=i18n.text_or_key(problem.expected, lang, **problem.values),
        given=i18n.quote_given(problem.given, empty),
    )


def choice_label(name: str, code: str) -> str:
    if not code:
        return t("mig.reg.not_filled") if name == "jalur" else f"— {t('mig.reg.choose_option')} —"
    if name == "jalur":
        return t(f"mig.jalur.{code}")
    if name == "status":
        return t(f"mig.status.{code}")
    return t(f"mig.sex.{code}")


def status_label(code) -> str:
    return t(f"mig.status.{code}") if code in migration.STATUS else str(code)


def alert_html(kind: str, head: str, items_html: list[str], total: int) -> str:
    """A message box with a list; ``items_html`` are already escaped."""
    more = total - len(items_html)
    tail = f"<li>{esc(t('mig.reg.more', count=more))}</li>" if more > 0 else ""
    body = f"<b>{esc(head)}</b><ul>" + "".join(f"<li>{i}</li>" for i in items_html) + tail + "</ul>"
    return message_html(kind, body)


def problems_html(err: TableError, form: bool = False) -> str:
    lang = i18n.get_language()
    shown = err.problems[: TableError.LIST_LIMIT]
    if form:
        head = t("mig.reg.form_problems", count=len(err.problems))
    else:
        head = t("table.error", file=err.file or t("table.unnamed"), count=len(err.problems))
    items = "".join(
        f"<li>{esc(_form_problem(p, lang) if form else p.message(lang))}</li>" for p in shown
    )
    hidden = len(err.problems) - len(shown)
    if hidden > 0:
        items += f"<li>{esc(t('table.more', count=hidden))}</li>"
    tail = "" if form else f"<p>{esc(t('mig.reg.nothing_changed'))}</p>"
    return message_html("error", f"<b>{esc(head)}</b><ul data-testid='masalah'>{items}</ul>{tail}")
