"""What *Pantau Tumbuh Kembang* shows, as HTML: the advice, the four scores in plain words,
N/T, WHO's notes and the history table. Pure functions of the rules' results (the app holds
the widgets and the state); every text from the catalogs, every number Indonesian.

>>> from desmigratif_kit.parenting import baca_anak, baca_ukuran, hasil_ukur
>>> anak = baca_anak("P", "10/12/2023")
>>> hasil = hasil_ukur(anak, [baca_ukuran(anak, "10/12/2026", "11,2", "87,4", "berdiri")])
>>> "Pendek (stunted)" in hasil_html(hasil) and "-2,01" in hasil_html(hasil)
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from desmigratif_kit import parenting
from desmigratif_kit.core.app import esc, message_html
from desmigratif_kit.core.i18n import format_date, format_number, t
from desmigratif_kit.core.inputs import missing

SEVERE = {"bb_sangat_kurang", "sangat_pendek", "gizi_buruk", "obesitas"}
WATCH = {
    "bb_kurang", "risiko_bb_lebih", "pendek", "tinggi", "gizi_kurang", "berisiko_gizi_lebih",
    "gizi_lebih",
}  # fmt: skip
"""Category codes drawn red (severe) or orange (to watch or refer); the rest green."""


def _kg(value: Any) -> str:
    return "" if missing(value) else format_number(round(float(value), 2))


def saran_html(saran: parenting.Saran) -> str:
    """The advice as a coloured box: what to do, then why (``data-testid="saran"``)."""
    reasons = "".join(f"<li>{esc(t(f'par.alasan.{code}'))}</li>" for code in saran.alasan)
    items = f"<ul>{reasons}</ul>" if reasons else ""
    mark = {"segera": "⚠ ", "rujuk": "⚠ ", "pantau": "", "baik": "✓ "}[saran.tingkat]
    return (
        f"<div class='dk-saran dk-saran-{esc(saran.tingkat)}' data-testid='saran' role='status'>"
        f"{mark}{esc(t(f'par.saran.{saran.tingkat}'))}{items}</div>"
    )


def _why_no_score(index: str, hasil: parenting.HasilUkur) -> str:
    if hasil.edema and index != "tb_u":
        return t("par.tk.no_score.edema")
    if index in ("bb_u", "bb_tb", "imt_u") and hasil.berat_kg is None:
        return t("par.tk.no_score.weight")
    if index in ("tb_u", "bb_tb", "imt_u") and hasil.tinggi_cm is None:
        return t("par.tk.no_score.length")
    return t("par.tk.no_score.table")


def score_html(index: str, hasil: parenting.HasilUkur) -> str:
    """One index: its name, the z-score, the Permenkes category and what it means."""
    z = hasil.scores[index]
    name = f"{t(f'par.index.{index}')} ({t(f'par.index.short.{index}')})"
    if z is None:
        return (
            f"<div class='dk-score dk-score-none' data-testid='skor-{index}'>"
            f"<p><b>{esc(name)}</b></p><p>{esc(_why_no_score(index, hasil))}</p></div>"
        )
    code = parenting.category_code(index, z)
    kind = "bad" if code in SEVERE else ("warn" if code in WATCH else "ok")
    return (
        f"<div class='dk-score dk-score-{kind}' data-testid='skor-{index}'>"
        f"<p><b>{esc(name)}</b></p>"
        f"<p><span class='dk-z'>z = {esc(format_number(z, 2))}</span> · "
        f"<b data-testid='kategori-{index}'>{esc(t(f'par.kategori.{index}.{code}'))}</b></p>"
        f"<p>{esc(parenting.meaning(index, z))}</p></div>"
    )


def kbm_html(hasil: parenting.HasilUkur) -> str:
    """The month's weight gain: N/T with the gain and the KBM, or why it cannot be read."""
    if hasil.status_kbm is None:
        return ""
    status = hasil.status_kbm
    text = t(f"par.kbm.{status}")
    if status in ("N", "T") and hasil.kenaikan_gram is not None:
        text += " " + t(
            "par.tk.kbm_detail",
            gain=format_number(hasil.kenaikan_gram),
            kbm=format_number(hasil.kbm_gram),
        )
    doubt = f"<p class='dk-hint'>{esc(t('par.kbm.ragu'))}</p>" if hasil.kbm_ragu else ""
    return f"<p data-testid='kbm'><b>{esc(t('par.tk.kbm_title'))}:</b> {esc(text)}</p>{doubt}"


def notes_html(hasil: parenting.HasilUkur) -> str:
    """WHO's notes (standing under 9 months, oedema, outside the table) and the length used
    when it was adjusted by 0,7 cm."""
    notes = [t(f"par.catatan.{code}") for code in hasil.scores.catatan]
    used = hasil.scores.tinggi_dipakai_cm
    if used is not None and hasil.tinggi_cm is not None and abs(used - hasil.tinggi_cm) > 1e-9:
        notes.append(
            t(
                "par.tk.adjusted",
                measured=_kg(hasil.tinggi_cm),
                used=_kg(used),
                position=t(f"par.measured.{hasil.cara_ukur}"),
            )
        )
    if not notes:
        return ""
    return "".join(f"<p class='dk-hint'>ℹ {esc(note)}</p>" for note in notes)


def hasil_html(hasil: parenting.HasilUkur) -> str:
    """The whole result of one measurement (``data-testid="hasil"``)."""
    weight = f"{_kg(hasil.berat_kg)} kg" if hasil.berat_kg is not None else "—"
    length = f"{_kg(hasil.tinggi_cm)} cm" if hasil.tinggi_cm is not None else "—"
    head = t(
        "par.tk.result_head",
        date=format_date(hasil.tanggal_ukur),
        months=hasil.umur_bulan,
        days=format_number(hasil.umur_hari),
        weight=weight,
        length=length,
    )
    scores = "".join(score_html(index, hasil) for index in parenting.INDICES)
    return (
        f"<div data-testid='hasil'><h2>{esc(head)}</h2>{saran_html(hasil.saran)}"
        f"{kbm_html(hasil)}<div class='dk-scores'>{scores}</div>{notes_html(hasil)}</div>"
    )


def history_html(frame: pd.DataFrame) -> str:
    """The card's measurements, newest first (``data-testid="riwayat"``)."""
    heads = ("date", "age", "weight", "length", "measured", "status")
    head = "".join(f"<th>{esc(t(f'par.tk.col.{key}'))}</th>" for key in heads)
    body = []
    for row in frame.iloc[::-1].itertuples(index=False):
        position = "" if missing(row.cara_ukur) else t(f"par.tk.short.{row.cara_ukur}")
        status = "" if missing(row.status_kbm) else str(row.status_kbm)
        cells = [
            (row.tanggal_ukur.strftime("%d/%m/%Y"), ""),
            (str(row.umur_bulan), " class='dk-num'"),
            (_kg(row.berat_kg), " class='dk-num'"),
            (_kg(row.tinggi_dipakai_cm), " class='dk-num'"),
            (position, ""),
            (status, ""),
        ]
        body.append("<tr>" + "".join(f"<td{css}>{esc(text)}</td>" for text, css in cells) + "</tr>")
    return (
        "<div class='dk-tablewrap'><table class='dk-table' data-testid='riwayat'>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def date_options(riwayat: Iterable[Mapping[str, Any]]) -> list[tuple[str, str]]:
    """The measurements as drop-down choices (label: the date in words; value: ISO date)."""
    from datetime import date

    return [
        (format_date(date.fromisoformat(u["tanggal_ukur"])), u["tanggal_ukur"])
        for u in sorted(riwayat, key=lambda u: u["tanggal_ukur"], reverse=True)
    ]


def info(key: str, **values: Any) -> str:
    return message_html("info", esc(t(key, **values)))
