"""What pillar 4 tells the workshop about one participant's work (:func:`ringkasan_kerja`).

``works`` is the participant's latest saved data per app id (see :mod:`.forms` for the shapes
of ``simulasi_remitansi``, ``kalkulator_pinjaman``, ``pembagian_shu``, ``koperasi_desa``, and
:mod:`desmigratif_kit.core.lessons` for ``pelajaran_04_koperasi_dan_remitansi``). Every fact
is recomputed from the saved inputs with the rules, so the board shows what the app showed.
A fact is ``None`` when the participant has not done that part (a gap to discuss), or when
what was saved cannot be read; ``latihan_total`` (how many exercises the lesson has) is always
given, so a board can write "3 of 7". No name is ever a fact: counts and amounts only.

Facts, in order (key, kind, meaning; *follow up* marks what a district head should follow up):

==================================  ======  ========================================================
``remitansi_negara``                text    the sending country simulated (a country, not a person)
``remitansi_biaya_pct``             pct     cost of sending, % of the amount (World Bank or own)
``remitansi_biaya_setahun_rp``      rp      money lost to sending costs in a year
``remitansi_bisa_hemat_rp``         rp      of which above the 3 % SDG target (*follow up* if > 0)
``rencana_tabungan_pct``            pct     share of the money planned for savings
``rencana_usaha_pct``               pct     share planned for a productive fund (*follow up* if 0)
``pinjaman_ada_flat``               bool    a flat-rate offer was among those compared
``pinjaman_efektif_tertinggi_pct``  pct     the dearest offer's effective rate, % a year
``pinjaman_selisih_bunga_rp``       rp      interest saved by the cheaper offer (same loan only)
``kur_dicek``                       bool    the KUR PMI option and its questions were used
``kur_syarat_kurang``               int     KUR conditions not met (*follow up* if > 0)
``shu_anggota``                     int     members in the SHU sharing
``shu_dibagi_rp``                   rp      SHU shared among the members (jasa modal + usaha)
``koperasi_anggota``                int     members in the village cooperative's ledger
``koperasi_simpanan_rp``            rp      all savings (pokok + wajib + sukarela)
``koperasi_pinjaman_rp``            rp      loans outstanding
``koperasi_selisih``                int     things that do not reconcile (*follow up* if > 0)
``latihan_benar``                   int     lesson exercises answered right (of ``latihan_total``)
``latihan_total``                   int     exercises in the lesson (always given, as in pillar 1)
==================================  ======  ========================================================

>>> r = ringkasan_kerja({})
>>> r.pilar, len(r.fakta), [f.key for f in r.fakta if f.value is not None], r.nilai("latihan_total")
(4, 19, ['latihan_total'], 7)
>>> ringkasan_kerja({"pembagian_shu": {"shu": "60.000.000", "jm": "20", "ju": "25",
...     "anggota": [{"nama": "Sari", "simpanan_rp": 2e6, "transaksi_rp": 5e6}]}}
...     ).nilai("shu_dibagi_rp")
27000000
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from desmigratif_kit.cooperative.checks import shares_100
from desmigratif_kit.cooperative.forms import (
    kur_answers_from_form,
    offer_from_form,
    remittance_from_form,
    shu_members_from_records,
    times_from_form,
)
from desmigratif_kit.cooperative.kur import kur_eligibility, kur_unanswered
from desmigratif_kit.cooperative.ledger import check_ledger, ledger_from_records, ledger_totals
from desmigratif_kit.cooperative.loans import compare_offers
from desmigratif_kit.cooperative.remittance import POS_REMITANSI
from desmigratif_kit.cooperative.shu import shu_distribution
from desmigratif_kit.core import lessons
from desmigratif_kit.core.i18n import InputError
from desmigratif_kit.core.summary import Fakta, RingkasanPilar, Works

__all__ = ["LESSON_APP_ID", "ringkasan_kerja"]

log = logging.getLogger(__name__)

LESSON_APP_ID = "pelajaran_04_koperasi_dan_remitansi"
LESSON_PREFIX = "4."


def _safe(compute: Callable[[], Any]) -> Any:
    """``compute()``, or ``None`` when the saved work cannot be read (never an exception)."""
    try:
        return compute()
    except (InputError, ValueError, TypeError, KeyError, AttributeError):
        log.info("saved work of pillar 4 could not be read", exc_info=True)
        return None


def _remittance(work: Mapping[str, Any] | None) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    form = (work or {}).get("form") if isinstance(work, Mapping) else None
    if not isinstance(form, Mapping):
        return facts
    biaya = _safe(lambda: remittance_from_form(form))
    times = _safe(lambda: times_from_form(form))
    if biaya is not None and times is not None:
        facts["remitansi_negara"] = biaya.negara
        facts["remitansi_biaya_pct"] = biaya.biaya_pct
        facts["remitansi_biaya_setahun_rp"] = round(biaya.biaya_setahun(times))
        facts["remitansi_bisa_hemat_rp"] = max(0, round(biaya.lebih_dari_sdg * times))
    shares = form.get("pos")
    if isinstance(shares, Mapping):
        cleaned = _safe(
            lambda: shares_100(
                {k: v for k, v in shares.items() if str(v).strip() not in ("", "0")},
                "kop.field.plan_shares",
                allowed=POS_REMITANSI,
            )
        )
        if cleaned is not None:
            facts["rencana_tabungan_pct"] = float(cleaned.get("tabungan", 0))
            facts["rencana_usaha_pct"] = float(cleaned.get("usaha", 0))
    return facts


def _loans(work: Mapping[str, Any] | None) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    if not isinstance(work, Mapping):
        return facts
    forms = {k: work.get(k) for k in ("a", "b")}
    if not all(isinstance(f, Mapping) for f in forms.values()):
        return facts
    offers = _safe(lambda: {k: offer_from_form(f) for k, f in forms.items()})
    table = _safe(lambda: compare_offers(offers)) if offers else None
    if table is not None:
        facts["pinjaman_ada_flat"] = bool((table["metode"] == "flat").any())
        facts["pinjaman_efektif_tertinggi_pct"] = float(table["efektif_tahun_pct"].max())
        principal = table["total_bayar_rp"] - table["total_bunga_rp"]
        if principal.nunique() == 1 and table["bulan"].nunique() == 1:
            facts["pinjaman_selisih_bunga_rp"] = int(
                table["total_bunga_rp"].max() - table["total_bunga_rp"].min()
            )
    kur_offer = next((f for f in forms.values() if f.get("jenis") == "kur"), None)
    facts["kur_dicek"] = kur_offer is not None
    if kur_offer is not None:
        answers = kur_answers_from_form(kur_offer, work.get("kur") or {})
        if not _safe(lambda: kur_unanswered(answers)):
            hasil = _safe(lambda: kur_eligibility(answers))
            if hasil is not None:
                facts["kur_syarat_kurang"] = len(hasil.kurang)
    return facts


def _shu(work: Mapping[str, Any] | None) -> dict[str, Any]:
    if not isinstance(work, Mapping) or not work.get("anggota"):
        return {}
    members = _safe(lambda: shu_members_from_records(work.get("anggota")))
    if members is None or members.empty:
        return {}
    result = _safe(lambda: shu_distribution(members, work.get("shu"), work.get("jm"),
                                            work.get("ju")))  # fmt: skip
    facts: dict[str, Any] = {"shu_anggota": len(members)}
    if result is not None:
        facts["shu_dibagi_rp"] = int(result["shu_rp"].sum())
    return facts


def _ledger(work: Mapping[str, Any] | None) -> dict[str, Any]:
    from desmigratif_kit.cooperative.ledger import load_sample_ledger

    if not isinstance(work, Mapping) or not work.get("anggota"):
        return {}
    ledger = _safe(lambda: ledger_from_records(work.get("anggota")))
    if ledger is None or ledger.empty:
        return {}
    totals = ledger_totals(ledger)
    report = {
        k: v for k, v in (work.get("laporan") or {}).items() if v is not None and str(v).strip()
    }
    problems = _safe(lambda: check_ledger(ledger, report))
    if problems is None:
        problems = _safe(lambda: check_ledger(ledger))
    sample_rows = load_sample_ledger()
    pairs = set(
        zip(sample_rows["no_anggota"].astype(str), sample_rows["nama"].astype(str), strict=True)
    )
    own = set(zip(ledger["no_anggota"].astype(str), ledger["nama"].astype(str), strict=True))
    sample = bool(own) and own <= pairs  # the synthetic sample (number and name), not a real list
    return {
        "_contoh_koperasi": sample,
        "koperasi_anggota": int(totals["anggota"]),
        "koperasi_simpanan_rp": totals["simpanan_total_rp"],
        "koperasi_pinjaman_rp": totals["sisa_pinjaman_rp"],
        "koperasi_selisih": None if problems is None else len(problems),
    }


def _lesson(record: Any) -> dict[str, Any]:
    from desmigratif_kit.core.latihan import exercises_with_prefix

    numbers = exercises_with_prefix(LESSON_PREFIX)
    facts: dict[str, Any] = {"latihan_total": len(numbers)}
    if isinstance(record, Mapping):
        facts["latihan_benar"] = lessons.progress(record, numbers).benar
    return facts


def ringkasan_kerja(works: Works) -> RingkasanPilar:
    """Pillar 4's facts from one participant's saved work (see the module docstring)."""
    works = works if isinstance(works, Mapping) else {}
    found: dict[str, Any] = {}
    found |= _remittance(works.get("simulasi_remitansi"))
    found |= _loans(works.get("kalkulator_pinjaman"))
    found |= _shu(works.get("pembagian_shu"))
    found |= _ledger(works.get("koperasi_desa"))
    found |= _lesson(works.get(LESSON_APP_ID))

    sample = bool(found.get("_contoh_koperasi"))

    def fakta(key: str, kind: str, follow: Callable[[Any], bool] | None = None) -> Fakta:
        value = found.get(key)
        from_sample = sample and key.startswith("koperasi_")
        follow_up = bool(
            value is not None and follow is not None and follow(value) and not from_sample
        )
        return Fakta(key, f"kop.sum.{key}", value, kind, follow_up, from_sample)

    return RingkasanPilar(
        4,
        [
            fakta("remitansi_negara", "text"),
            fakta("remitansi_biaya_pct", "pct"),
            fakta("remitansi_biaya_setahun_rp", "rp"),
            fakta("remitansi_bisa_hemat_rp", "rp", lambda v: v > 0),
            fakta("rencana_tabungan_pct", "pct"),
            fakta("rencana_usaha_pct", "pct", lambda v: v == 0),
            fakta("pinjaman_ada_flat", "bool"),
            fakta("pinjaman_efektif_tertinggi_pct", "pct"),
            fakta("pinjaman_selisih_bunga_rp", "rp"),
            fakta("kur_dicek", "bool"),
            fakta("kur_syarat_kurang", "int", lambda v: v > 0),
            fakta("shu_anggota", "int"),
            fakta("shu_dibagi_rp", "rp"),
            fakta("koperasi_anggota", "int"),
            fakta("koperasi_simpanan_rp", "rp"),
            fakta("koperasi_pinjaman_rp", "rp"),
            fakta("koperasi_selisih", "int", lambda v: v > 0),
            fakta("latihan_benar", "int"),
            fakta("latihan_total", "int"),
        ],
    )
