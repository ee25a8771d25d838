"""The village action plan (*Rencana Aksi Desa*) as saved work: pure rules, no widgets.

Per pillar the village head writes where the village stands (a short self-assessment:
:data:`STATUS` and a note), a target, and actions: what, who, by when, budget and funding
source (:data:`TINDAKAN_SCHEMA`, the same :class:`~desmigratif_kit.core.tables.Schema` for the
phone form, the Excel sheet and its headers). Beside it the plan shows the pillar's facts from
the participant's own work (:mod:`.pilar`). What is not filled in is a gap to discuss
(:func:`celah`), never hidden.

The saved shape (store app ``rencana_aksi``), stable because the board and the dashboard read
it::

    {"version": 1,
     "pilar": {"1": {"status": "mulai", "catatan": "...", "target": "...",
                     "tindakan": [{"tindakan": "Buka meja layanan migrasi", "pj": "Sekdes",
                                   "batas_waktu": "2017-12-01", "anggaran_rp": 1500000,
                                   "sumber_dana": "Dana Desa"}]}}}

>>> plan = with_pillar(new_plan(), 1, status="mulai", target="Register lengkap",
...                    tindakan=[{"tindakan": "Data ulang PMI", "pj": "Kaur Pemerintahan"}])
>>> [c.jenis for c in celah(plan, 1)]
['batas_waktu', 'anggaran_rp', 'sumber_dana']
>>> with_pillar(new_plan(), 5)
Traceback (most recent call last):
...
desmigratif_kit.core.i18n.InputError: Nilai untuk "Pilar" tidak ditemukan: diharapkan salah satu
dari: 1, 2, 3, 4, diberikan "5".
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from desmigratif_kit.core.catalog import PILLARS
from desmigratif_kit.core.i18n import InputError, parse_date, t
from desmigratif_kit.core.summary import RingkasanPilar
from desmigratif_kit.core.tables import Column, Schema, column_series
from desmigratif_kit.workshop.pilar import facts_shown

PLAN_VERSION = 1
STATUS = ("belum", "mulai", "berjalan", "mandiri")
"""Self-assessment per pillar: not started, starting, running, running on its own
(labels ``ws.status.<code>``)."""
SUMBER_DANA = {
    "Dana Desa": ["dd", "dana desa (dd)"],
    "APBDes (PADes)": ["apbdes", "pades", "pendapatan asli desa"],
    "BUMDes": ["bumdes", "badan usaha milik desa"],
    "Koperasi": ["koperasi desa"],
    "Swadaya masyarakat": ["swadaya", "gotong royong"],
    "APBD kabupaten/kota": ["apbd", "apbd kabupaten", "pemda", "pemerintah daerah"],
    "APBD provinsi": ["apbd provinsi"],
    "Kementerian/lembaga pusat": ["kemnaker", "apbn", "pusat", "kementerian"],
    "CSR/swasta": ["csr", "swasta"],
    "Tanpa biaya": ["tanpa biaya", "gratis", "nol"],
    "Lainnya": ["lain", "lain-lain"],
}
"""Funding sources a village names (canonical label: other spellings read from a file)."""
TEXT_LIMITS = {"target": 500, "catatan": 300}
"""Longest target and note (characters); an action's text is limited by the schema form."""
ACTION_LIMIT = 30
"""Actions per pillar."""

TINDAKAN_SCHEMA = Schema(
    "rencana_tindakan",
    [
        Column("tindakan", "text", label="ws.col.tindakan", aliases=("kegiatan", "aksi")),
        Column("pj", "text", required=False, label="ws.col.pj", aliases=("penanggung jawab",)),
        Column(
            "batas_waktu", "date", required=False, label="ws.col.batas_waktu",
            min=date(2000, 1, 1), max=date(2100, 12, 31), aliases=("tenggat", "kapan"),
        ),
        Column(
            "anggaran_rp", "rp", required=False, label="ws.col.anggaran_rp", min=0,
            aliases=("anggaran", "biaya"),
        ),
        Column(
            "sumber_dana", "choice", required=False, label="ws.col.sumber_dana",
            choices=SUMBER_DANA,
        ),
    ],
)  # fmt: skip
ACTION_FIELDS = ("pj", "batas_waktu", "anggaran_rp", "sumber_dana")
"""The parts of an action that a plan needs besides the action itself (a gap when empty)."""


def pillar_numbers() -> tuple[int, ...]:
    return tuple(p.nomor for p in PILLARS)


def new_plan() -> dict[str, Any]:
    """An empty plan: every pillar with nothing filled in."""
    return {"version": PLAN_VERSION, "pilar": {str(n): _empty_pillar() for n in pillar_numbers()}}


def _empty_pillar() -> dict[str, Any]:
    return {"status": None, "catatan": "", "target": "", "tindakan": []}


def _check_pillar(nomor: Any) -> str:
    key = str(nomor).strip()
    if key not in {str(n) for n in pillar_numbers()}:
        raise InputError(
            "input.not_found",
            expected="expected.choice",
            given=str(nomor),
            field="ws.pillar",
            choices=", ".join(str(n) for n in pillar_numbers()),
        )
    return key


def _text(value: Any, limit: int, field: str) -> str:
    text = "" if value is None else " ".join(str(value).split())
    if len(text) > limit:
        raise InputError(
            "input.out_of_range",
            expected="ws.expected.text_max",
            given=text[:40] + "…",
            field=field,
            max=limit,
        )
    return text


def plan_from_saved(data: Mapping[str, Any] | None) -> dict[str, Any]:
    """A plan from saved data, every pillar present; unknown or broken parts are dropped
    (a plan saved by an older kit still opens)."""
    plan = new_plan()
    saved = data.get("pilar") if isinstance(data, Mapping) else None
    if not isinstance(saved, Mapping):
        return plan
    for key in plan["pilar"]:
        part = saved.get(key)
        if not isinstance(part, Mapping):
            continue
        status = part.get("status")
        plan["pilar"][key] = {
            "status": status if status in STATUS else None,
            "catatan": str(part.get("catatan") or "")[: TEXT_LIMITS["catatan"]],
            "target": str(part.get("target") or "")[: TEXT_LIMITS["target"]],
            "tindakan": [_clean_action(row) for row in part.get("tindakan") or []
                         if isinstance(row, Mapping)][:ACTION_LIMIT],
        }  # fmt: skip
    return plan


def _clean_action(row: Mapping[str, Any]) -> dict[str, Any]:
    names = [c.name for c in TINDAKAN_SCHEMA.columns]
    return {name: row.get(name) for name in names}


def pillar_plan(plan: Mapping[str, Any], nomor: int) -> dict[str, Any]:
    """One pillar's part of the plan (a copy)."""
    part = plan_from_saved(plan)["pilar"][_check_pillar(nomor)]
    return {**part, "tindakan": [dict(row) for row in part["tindakan"]]}


def with_pillar(
    plan: Mapping[str, Any],
    nomor: int,
    *,
    status: str | None = ...,
    catatan: str = ...,
    target: str = ...,
    tindakan: Sequence[Mapping[str, Any]] | pd.DataFrame = ...,
) -> dict[str, Any]:
    """A new plan with pillar ``nomor`` changed (arguments left out stay as they were).

    ``tindakan`` is a list of rows or the DataFrame of the form (:data:`TINDAKAN_SCHEMA`);
    it is stored as JSON (dates as ISO text, amounts as numbers, blanks as ``None``).
    """
    key = _check_pillar(nomor)
    updated = plan_from_saved(plan)
    part = dict(updated["pilar"][key])
    if status is not ...:
        if status not in (None, *STATUS):
            raise InputError(
                "input.not_found",
                expected="expected.choice",
                given=str(status),
                field="ws.status",
                choices=", ".join(STATUS),
            )
        part["status"] = status
    if catatan is not ...:
        part["catatan"] = _text(catatan, TEXT_LIMITS["catatan"], "ws.catatan")
    if target is not ...:
        part["target"] = _text(target, TEXT_LIMITS["target"], "ws.target")
    if tindakan is not ...:
        part["tindakan"] = action_records(tindakan)
    updated["pilar"][key] = part
    return updated


def _json_value(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return " ".join(value.split()) or None
    return value


def action_records(rows: Sequence[Mapping[str, Any]] | pd.DataFrame) -> list[dict[str, Any]]:
    """Action rows as JSON records (blank rows dropped; at most :data:`ACTION_LIMIT`).

    >>> action_records([{"tindakan": "Rapat desa", "anggaran_rp": 250000.0,
    ...                  "batas_waktu": date(2017, 10, 2)}, {"tindakan": " "}])
    [{'tindakan': 'Rapat desa', 'pj': None, 'batas_waktu': '2017-10-02', 'anggaran_rp': 250000,
      'sumber_dana': None}]
    """
    if isinstance(rows, pd.DataFrame):
        rows = rows.to_dict("records")
    records = []
    for row in rows:
        record = {c.name: _json_value(row.get(c.name)) for c in TINDAKAN_SCHEMA.columns}
        if any(v is not None for v in record.values()):
            records.append(record)
    if len(records) > ACTION_LIMIT:
        raise InputError(
            "input.out_of_range",
            expected="ws.expected.rows_max",
            given=str(len(records)),
            field="ws.col.tindakan",
            max=ACTION_LIMIT,
        )
    return records


def action_frame(records: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """Saved action records as a DataFrame with the schema's dtypes (dates as ``date``)."""
    values: dict[str, list[Any]] = {c.name: [] for c in TINDAKAN_SCHEMA.columns}
    for record in records:
        for column in TINDAKAN_SCHEMA.columns:
            value = record.get(column.name)
            if column.kind == "date" and isinstance(value, str):
                try:
                    value = parse_date(value)
                except InputError:
                    value = None
            if column.kind == "rp" and value is not None and not isinstance(value, int | float):
                value = None
            values[column.name].append(value)
    return pd.DataFrame({c.name: column_series(c, values[c.name]) for c in TINDAKAN_SCHEMA.columns})


@dataclass(frozen=True)
class Celah:
    """A gap to discuss: ``jenis`` is ``fakta`` (a fact of the pillar not given yet; ``label``
    is its label), ``status``, ``target``, ``tindakan`` (no action at all) or one of
    :data:`ACTION_FIELDS` for action number ``baris``."""

    jenis: str
    label: str = ""
    baris: int | None = None

    def teks(self, lang: str | None = None) -> str:
        """The gap as a sentence for people."""
        if self.jenis == "fakta":
            return t("ws.gap.fakta", lang, label=_label(self.label, lang))
        if self.baris is not None:
            return t(f"ws.gap.{self.jenis}", lang, n=self.baris)
        return t(f"ws.gap.{self.jenis}", lang)


def _label(label: str, lang: str | None) -> str:
    from desmigratif_kit.core.i18n import text_or_key

    return text_or_key(label, lang)


def celah(
    plan: Mapping[str, Any], nomor: int, ringkasan: RingkasanPilar | None = None
) -> list[Celah]:
    """What pillar ``nomor`` still lacks: facts not given, then the plan's own empty parts."""
    part = pillar_plan(plan, nomor)
    found = [Celah("fakta", fact.label) for fact in facts_shown(ringkasan) if fact.value is None]
    if part["status"] is None:
        found.append(Celah("status"))
    if not part["target"]:
        found.append(Celah("target"))
    if not part["tindakan"]:
        found.append(Celah("tindakan"))
    for number, row in enumerate(part["tindakan"], start=1):
        found += [Celah(name, baris=number) for name in ACTION_FIELDS if row.get(name) is None]
    return found


def budget_rp(plan: Mapping[str, Any], nomor: int | None = None) -> int:
    """The plan's budget: one pillar's actions, or all of them.

    >>> plan = with_pillar(new_plan(), 2, tindakan=[{"tindakan": "a", "anggaran_rp": 1500000},
    ...                                            {"tindakan": "b", "anggaran_rp": 250000}])
    >>> budget_rp(plan, 2), budget_rp(plan)
    (1750000, 1750000)
    """
    numbers = pillar_numbers() if nomor is None else (int(_check_pillar(nomor)),)
    parts = plan_from_saved(plan)["pilar"]
    return int(
        sum(
            row.get("anggaran_rp") or 0
            for n in numbers
            for row in parts[str(n)]["tindakan"]
            if isinstance(row.get("anggaran_rp"), int | float)
        )
    )


def is_empty(plan: Mapping[str, Any] | None) -> bool:
    """True when nothing at all was written in the plan."""
    parts = plan_from_saved(plan)["pilar"].values()
    return all(
        p["status"] is None and not p["target"] and not p["catatan"] and not p["tindakan"]
        for p in parts
    )
