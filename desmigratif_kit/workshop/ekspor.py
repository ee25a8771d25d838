"""Excel workbooks of the workshop (through :mod:`desmigratif_kit.core.excel`): the village's
action plan, and all results for the organisers (or one district for its kepala dinas).

Action plan (:func:`rencana_xlsx`): a summary sheet (one row a pillar: self-assessment,
target, actions, budget, gaps, follow-ups) and one sheet per pillar, a tidy table of the
village's position (the pillar's facts, the lesson), self-assessment, target, actions (who, by
when, budget in Rp, funding source) and the gaps to discuss, with a budget total.

All results (:func:`hasil_xlsx`): what the room decided per fact, the participants (organisers
only), one sheet per pillar with a row per village and a typed column per fact, and every
village's actions. Counts only: no identity number ever reaches these sheets.

>>> import io, openpyxl
>>> from desmigratif_kit.workshop.rencana import new_plan, with_pillar
>>> plan = with_pillar(new_plan(), 1, status="mulai", tindakan=[{"tindakan": "Rapat",
...                    "anggaran_rp": 250000}])
>>> book = openpyxl.load_workbook(io.BytesIO(rencana_xlsx(plan, {}, {}, "Ranggatalo",
...                               "53.08.12.2014")))
>>> book.sheetnames  # doctest: +NORMALIZE_WHITESPACE
['Ringkasan', '1 Layanan migrasi', '2 Usaha produktif', '3 Community parenting',
 '4 Koperasi dan keuangan mikro']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import pandas as pd

from desmigratif_kit.core import lessons
from desmigratif_kit.core.catalog import PILLARS, Pillar
from desmigratif_kit.core.excel import Lembar, workbook
from desmigratif_kit.core.i18n import format_date, t, text_or_key
from desmigratif_kit.core.store import Participant, format_code
from desmigratif_kit.core.summary import RingkasanPilar
from desmigratif_kit.core.tables import Column
from desmigratif_kit.core.wilayah import wilayah_name
from desmigratif_kit.workshop.pilar import facts_shown, is_number
from desmigratif_kit.workshop.rekap import Rekap
from desmigratif_kit.workshop.rencana import (
    TINDAKAN_SCHEMA,
    action_frame,
    budget_rp,
    celah,
    plan_from_saved,
)
from desmigratif_kit.workshop.tampil import nilai_teks, village_label

SHEET_TITLE_MAX = 31


def sheet_title(pillar: Pillar, lang: str | None = None) -> str:
    """ "1 Layanan migrasi" (at most 31 characters, as Excel wants)."""
    return f"{pillar.nomor} {t(pillar.judul_key, lang)}"[:SHEET_TITLE_MAX]


def _pillar_name(pillar: Pillar, lang: str | None) -> str:
    return f"{pillar.nomor}. {t(pillar.judul_key, lang)}"


_PLAN_COLUMNS = [
    Column("bagian", "text", label="ws.xlsx.bagian"),
    Column("uraian", "text", label="ws.xlsx.uraian"),
    Column("jumlah", "number", required=False, label="ws.xlsx.jumlah"),
    *[c for c in TINDAKAN_SCHEMA.columns if c.name != "tindakan"],
    Column("keterangan", "text", required=False, label="ws.xlsx.keterangan"),
]
_PLAN_COLUMNS = [
    Column(c.name, "text", required=False, label=c.label) if c.kind == "choice" else c
    for c in _PLAN_COLUMNS
]


def _pillar_rows(
    plan: Mapping, pillar: Pillar, summary: RingkasanPilar | None, done, lang: str | None
) -> pd.DataFrame:
    part = plan["pilar"][str(pillar.nomor)]
    rows = []

    def row(bagian: str, uraian: str, **values) -> None:
        rows.append({"bagian": t(bagian, lang), "uraian": uraian, **values})

    if summary is None:
        row("ws.part.fakta", t("ws.plan.no_summary", lang))
    for fact in facts_shown(summary):
        number = fact.value if is_number(fact.value) else None
        notes = []
        if fact.value is None:
            notes.append(t("ws.value.empty", lang))
        elif number is None or fact.kind in ("rp", "pct"):
            notes.append(nilai_teks(fact.value, fact.kind, lang))
        if fact.follow_up:
            notes.append(t("ws.follow_up", lang))
        row("ws.part.fakta", text_or_key(fact.label, lang), jumlah=number,
            keterangan="; ".join(notes) or None)  # fmt: skip
    if done is not None and done.total:
        row("ws.part.pelajaran", t("ws.xlsx.latihan_benar", lang), jumlah=done.benar,
            keterangan=t("ws.xlsx.of_total", lang, total=done.total))  # fmt: skip
    status = part["status"]
    row("ws.part.status", t(f"ws.status.{status}", lang) if status else t("ws.value.empty", lang),
        keterangan=part["catatan"] or None)  # fmt: skip
    row("ws.part.target", part["target"] or t("ws.value.empty", lang))
    actions = action_frame(part["tindakan"])
    for record in actions.to_dict("records"):
        row("ws.part.tindakan", record["tindakan"] or "",
            **{k: v for k, v in record.items() if k != "tindakan"})  # fmt: skip
    for gap in celah(plan, pillar.nomor, summary):
        row("ws.part.celah", gap.teks(lang))
    frame = pd.DataFrame(rows, columns=[c.name for c in _PLAN_COLUMNS])
    frame["jumlah"] = pd.to_numeric(frame["jumlah"], errors="coerce")
    frame["anggaran_rp"] = pd.to_numeric(frame["anggaran_rp"], errors="coerce")
    return frame


def rencana_xlsx(
    plan: Mapping,
    summaries: Mapping[int, RingkasanPilar | None],
    progress: Mapping[int, lessons.Progress],
    desa_nama: str,
    desa_kode: str,
    tanggal: date | None = None,
    lang: str | None = None,
) -> bytes:
    """The village's action plan as an ``.xlsx`` workbook (see the module docstring).

    ``lang`` is the language of the texts written here; the column headers follow the
    language in effect (:mod:`core.excel` translates them when it writes)."""
    plan = plan_from_saved(plan)
    when = format_date(tanggal or date.today(), lang)
    note = t("ws.xlsx.plan_note", lang, desa=desa_nama, kode=desa_kode, date=when)
    summary_rows = []
    sheets = []
    for pillar in PILLARS:
        part = plan["pilar"][str(pillar.nomor)]
        summary = summaries.get(pillar.nomor)
        gaps = celah(plan, pillar.nomor, summary)
        summary_rows.append(
            {
                "pilar": _pillar_name(pillar, lang),
                "status": t(f"ws.status.{part['status']}", lang) if part["status"] else None,
                "target": part["target"] or None,
                "tindakan": len(part["tindakan"]),
                "anggaran_rp": budget_rp(plan, pillar.nomor),
                "celah": len(gaps),
                "tindak_lanjut": sum(1 for f in facts_shown(summary) if f.follow_up),
            }
        )
        frame = _pillar_rows(plan, pillar, summary, progress.get(pillar.nomor), lang)
        sheets.append(
            Lembar(sheet_title(pillar, lang), frame, _PLAN_COLUMNS,
                   catatan=f"{_pillar_name(pillar, lang)} · {note}", total=["anggaran_rp"])
        )  # fmt: skip
    summary_columns = [
        Column("pilar", "text", label="ws.pillar"),
        Column("status", "text", required=False, label="ws.status"),
        Column("target", "text", required=False, label="ws.target"),
        Column("tindakan", "int", label="ws.xlsx.tindakan_n"),
        Column("anggaran_rp", "rp", label="ws.col.anggaran_rp"),
        Column("celah", "int", label="ws.xlsx.celah_n"),
        Column("tindak_lanjut", "int", label="ws.xlsx.tindak_lanjut_n"),
    ]
    summary_sheet = Lembar(
        t("ws.xlsx.summary", lang),
        pd.DataFrame(summary_rows, columns=[c.name for c in summary_columns]),
        summary_columns,
        catatan=note,
        total=["tindakan", "anggaran_rp", "celah", "tindak_lanjut"],
    )
    return workbook([summary_sheet, *sheets])


# --- all results ----------------------------------------------------------------------------

_PLACE_COLUMNS = [
    Column("kode_desa", "text", label="ws.xlsx.kode_desa"),
    Column("desa", "text", label="ws.dash.col.desa"),
    Column("kecamatan", "text", label="home.kecamatan"),
    Column("kabupaten", "text", label="home.kabupaten"),
    Column("provinsi", "text", label="home.province"),
]


def _summary_sheet(rekap: Rekap, note: str, lang: str | None) -> Lembar:
    columns = [
        Column("pilar", "text", label="ws.pillar"),
        Column("hal", "text", label="ws.xlsx.hal"),
        Column("nilai", "number", required=False, label="ws.xlsx.nilai"),
        Column("cara", "text", label="ws.xlsx.cara"),
        Column("dijawab", "int", label="ws.xlsx.desa_mengisi"),
        Column("kosong", "int", label="ws.xlsx.desa_kosong"),
        Column("tindak_lanjut", "int", label="ws.xlsx.tindak_lanjut_desa"),
        Column("keterangan", "text", required=False, label="ws.xlsx.keterangan"),
    ]
    rows = []
    for pillar in rekap.pilar:
        for total in rekap.totals(pillar.nomor):
            values = ", ".join(f"{v} ({n})" for v, n in total.teks) or None
            rows.append(
                {
                    "pilar": _pillar_name(pillar, lang),
                    "hal": text_or_key(total.label, lang),
                    "nilai": total.nilai,
                    "cara": t(f"ws.xlsx.cara.{total.kind}", lang),
                    "dijawab": total.dijawab,
                    "kosong": total.kosong,
                    "tindak_lanjut": total.tindak_lanjut,
                    "keterangan": values,
                }
            )
        started, benar, dijawab = rekap.pelajaran(pillar.nomor)
        rows.append(
            {
                "pilar": _pillar_name(pillar, lang),
                "hal": t("ws.xlsx.pelajaran_mulai", lang),
                "nilai": started,
                "cara": t("ws.xlsx.cara.bool", lang),
                "dijawab": started,
                "kosong": rekap.jumlah_desa - started,
                "tindak_lanjut": 0,
                "keterangan": t("ws.xlsx.pelajaran_benar", lang, benar=benar, dijawab=dijawab),
            }
        )
    frame = pd.DataFrame(rows, columns=[c.name for c in columns])
    frame["nilai"] = pd.to_numeric(frame["nilai"], errors="coerce")
    return Lembar(t("ws.xlsx.summary", lang), frame, columns, catatan=note)


def _pillar_sheet(rekap: Rekap, pillar: Pillar, note: str, lang: str | None) -> Lembar:
    fact_columns: dict[str, Column] = {}
    for desa in rekap.desa:
        for fact in desa.fakta(pillar.nomor):
            fact_columns.setdefault(
                fact.key, Column(f"f_{fact.key}", fact.kind, required=False, label=fact.label)
            )
    columns = [
        *_PLACE_COLUMNS,
        *fact_columns.values(),
        Column("latihan_benar", "int", required=False, label="ws.xlsx.latihan_benar"),
        Column("latihan_total", "int", required=False, label="ws.xlsx.latihan_total"),
        Column("tindak_lanjut", "int", label="ws.xlsx.tindak_lanjut_n"),
    ]
    rows = []
    for desa in rekap.desa:
        row = _place(desa)
        facts = desa.fakta(pillar.nomor)
        for fact in facts:
            row[f"f_{fact.key}"] = fact.value
        done = desa.pelajaran.get(pillar.nomor)
        row["latihan_benar"] = done.benar if done and done.dijawab else None
        row["latihan_total"] = done.total if done and done.total else None
        row["tindak_lanjut"] = sum(1 for f in facts if f.follow_up)
        rows.append(row)
    frame = pd.DataFrame(rows, columns=[c.name for c in columns])
    for column in columns:
        if column.kind in ("int", "number", "rp", "pct"):
            frame[column.name] = pd.to_numeric(frame[column.name], errors="coerce")
    sums = [c.name for c in fact_columns.values() if c.kind in ("int", "rp", "number")]
    if not rekap.has_summary(pillar.nomor):
        note = f"{t('ws.plan.no_summary', lang)} {note}"
    return Lembar(sheet_title(pillar, lang), frame, columns, catatan=note, total=sums)


def _place(desa) -> dict:
    return {
        "kode_desa": desa.kode,
        "desa": desa.nama,
        "kecamatan": desa.kecamatan,
        "kabupaten": desa.kabupaten,
        "provinsi": desa.provinsi,
    }


def _plans_sheet(rekap: Rekap, note: str, lang: str | None) -> Lembar:
    columns = [
        *_PLACE_COLUMNS[:2],
        Column("pilar", "text", label="ws.pillar"),
        Column("status", "text", required=False, label="ws.status"),
        Column("target", "text", required=False, label="ws.target"),
        *[Column(c.name, "text", False, c.label) if c.kind == "choice" else c
          for c in TINDAKAN_SCHEMA.columns],
    ]  # fmt: skip
    rows = []
    for desa in rekap.desa:
        if not desa.rencana:
            continue
        plan = plan_from_saved(desa.rencana)
        for pillar in rekap.pilar:
            part = plan["pilar"][str(pillar.nomor)]
            base = {
                "kode_desa": desa.kode,
                "desa": village_label(desa),
                "pilar": _pillar_name(pillar, lang),
                "status": t(f"ws.status.{part['status']}", lang) if part["status"] else None,
                "target": part["target"] or None,
            }
            actions = action_frame(part["tindakan"]).to_dict("records")
            if not actions and (base["status"] or base["target"]):
                rows.append(base)
            rows += [{**base, **action} for action in actions]
    frame = pd.DataFrame(rows, columns=[c.name for c in columns])
    frame["anggaran_rp"] = pd.to_numeric(frame["anggaran_rp"], errors="coerce")
    return Lembar(t("ws.xlsx.plans", lang), frame, columns, catatan=note, total=["anggaran_rp"])


def _participants_sheet(people: Sequence[Participant], note: str, lang: str | None) -> Lembar:
    columns = [
        Column("kode", "text", label="ws.xlsx.kode_peserta"),
        Column("peran", "text", label="ws.xlsx.peran"),
        Column("nama", "text", label="home.name"),
        Column("kode_wilayah", "text", required=False, label="ws.xlsx.kode_wilayah"),
        Column("wilayah", "text", required=False, label="ws.xlsx.wilayah"),
        Column("terdaftar", "date", label="ws.xlsx.terdaftar"),
    ]
    rows = []
    for person in people:
        try:
            place = wilayah_name(person.village_code) if person.village_code else None
        except (KeyError, ValueError):
            place = None
        rows.append(
            {
                "kode": format_code(person.code),
                "peran": t(f"role.{person.role}", lang),
                "nama": person.name,
                "kode_wilayah": person.village_code,
                "wilayah": place,
                "terdaftar": person.created_at.astimezone().date(),
            }
        )
    frame = pd.DataFrame(rows, columns=[c.name for c in columns])
    return Lembar(t("ws.xlsx.participants", lang), frame, columns, catatan=note)


def hasil_xlsx(
    rekap: Rekap,
    participants: Sequence[Participant] | None = None,
    judul: str = "",
    tanggal: date | None = None,
    lang: str | None = None,
) -> bytes:
    """All results as an ``.xlsx``: summary, participants (when given: the organisers' copy),
    one sheet per pillar (a row a village), and the villages' actions."""
    when = format_date(tanggal or date.today(), lang)
    note = t("ws.xlsx.results_note", lang, title=judul or t("app.papan_hasil", lang), date=when)
    sheets = [_summary_sheet(rekap, note, lang)]
    if participants is not None:
        sheets.append(_participants_sheet(participants, note, lang))
    sheets += [_pillar_sheet(rekap, pillar, note, lang) for pillar in rekap.pilar]
    sheets.append(_plans_sheet(rekap, note, lang))
    return workbook(sheets)
