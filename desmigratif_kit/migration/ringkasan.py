"""What pillar 1 tells the workshop about one participant's work (pure; counts only).

``ringkasan_kerja(works, today=None)`` reads the participant's saved work (app id -> latest
data: ``register_desa``, ``cek_kesiapan``, ``waspada_calo`` and the lesson record
``pelajaran_01_migrasi_aman``) and returns a :class:`~desmigratif_kit.core.summary.RingkasanPilar`
with these facts, in this order (``None``: not filled yet, a gap to discuss):

========================  =====  ===========================================================
key                       kind   meaning
========================  =====  ===========================================================
``pmi_terdaftar``         int    entries in the village register
``pmi_di_luar_negeri``    int    of them abroad now (working or in trouble)
``pmi_bermasalah``        int    of them in trouble (follow up when > 0)
``kontrak_berakhir``      int    contracts ending in the next 90 days (follow up when > 0)
``data_belum_lengkap``    int    entries abroad with required data missing (follow up > 0)
``cek_kesiapan``          bool   a prospective worker was checked with Cek Kesiapan
``kartu_calo_tepat``      int    Waspada Calo cards answered right
``latihan_benar``         int    lesson exercises answered right (of ``latihan_total``)
``latihan_total``         int    exercises in the lesson
========================  =====  ===========================================================

Never a name, NIK, passport or phone number.

>>> r = ringkasan_kerja({})
>>> [f.key for f in r.kosong()][:3], r.nilai("latihan_total")
(['pmi_terdaftar', 'pmi_di_luar_negeri', 'pmi_bermasalah'], 6)
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from desmigratif_kit.core import lessons
from desmigratif_kit.core.catalog import lesson
from desmigratif_kit.core.latihan import exercises_with_prefix
from desmigratif_kit.core.summary import Fakta, RingkasanPilar

LESSON_ID = "01_migrasi_aman"
DALAM_HARI = 90


def _register_facts(data: Mapping[str, Any] | None, today: date) -> list[Fakta]:
    from desmigratif_kit.migration.register import contracts_ending
    from desmigratif_kit.migration.register_edit import (
        data_belum_lengkap,
        records_saved,
        register_from_records,
    )

    keys = (
        ("pmi_terdaftar", False),
        ("pmi_di_luar_negeri", False),
        ("pmi_bermasalah", True),
        ("kontrak_berakhir", True),
        ("data_belum_lengkap", True),
    )
    records = records_saved(data)
    if not records:
        return [Fakta(key, f"mig.sum.{key}", None, "int") for key, _ in keys]
    df = register_from_records(records)
    sample = bool(len(df)) and bool(
        df["keterangan"].astype("object").fillna("").astype(str).str.upper().eq("SINTETIS").all()
    )
    status = df["status"].astype("object")
    values = {
        "pmi_terdaftar": len(df),
        "pmi_di_luar_negeri": int(status.isin(["bekerja", "bermasalah"]).sum()),
        "pmi_bermasalah": int(status.eq("bermasalah").sum()),
        "kontrak_berakhir": len(contracts_ending(df, today, within_days=DALAM_HARI)),
        "data_belum_lengkap": len(data_belum_lengkap(df)),
    }
    return [
        Fakta(
            key,
            f"mig.sum.{key}",
            values[key],
            "int",
            follow_up=alert and values[key] > 0 and not sample,
            contoh=sample,
        )
        for key, alert in keys
    ]


def _readiness_fact(data: Mapping[str, Any] | None) -> Fakta:
    form = data.get("form") if isinstance(data, Mapping) else None
    return Fakta("cek_kesiapan", "mig.sum.cek_kesiapan", True if form else None, "bool")


def _cards_fact(data: Mapping[str, Any] | None) -> Fakta:
    from desmigratif_kit.migration.cards import KARTU, skor

    marked = data.get("tanda") if isinstance(data, Mapping) else None
    checked = data.get("diperiksa") if isinstance(data, Mapping) else None
    if not marked or not checked:
        return Fakta("kartu_calo_tepat", "mig.sum.kartu_calo_tepat", None, "int")
    known = {card.kode for card in KARTU}
    answers = {
        code: marked.get(code, [])
        for code in (checked if isinstance(checked, list) else [])
        if code in known
    }
    return Fakta("kartu_calo_tepat", "mig.sum.kartu_calo_tepat", skor(answers).kartu_tepat, "int")


def ringkasan_kerja(
    works: Mapping[str, Mapping[str, Any]], today: date | None = None
) -> RingkasanPilar:
    """Pillar 1's facts about one participant's saved work (see the module docstring)."""
    today = today or date.today()
    entry = lesson(LESSON_ID)
    numbers = exercises_with_prefix(entry.prefix)
    record = works.get(entry.app_id)
    done = lessons.progress(record, numbers)
    facts = [
        *_register_facts(works.get("register_desa"), today),
        _readiness_fact(works.get("cek_kesiapan")),
        _cards_fact(works.get("waspada_calo")),
        Fakta("latihan_benar", "mig.sum.latihan_benar", done.benar if record else None, "int"),
        Fakta("latihan_total", "mig.sum.latihan_total", done.total, "int"),
    ]
    return RingkasanPilar(1, facts)
