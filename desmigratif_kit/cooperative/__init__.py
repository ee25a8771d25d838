"""Pillar 4, *koperasi dan keuangan mikro*: cooperatives and microfinance.

This ``__init__`` is the pillar's public API (``from desmigratif_kit.cooperative import
loan_schedule, effective_rate_pct, shu_distribution, remittance_cost``). Inside the pillar,
one module per idea (see ``README.md`` in this folder):

* :mod:`.checks`: input checks and whole-rupiah rounding (largest remainder);
* :mod:`.loans`: :func:`loan_schedule` (flat, menurun, anuitas), :func:`effective_rate_pct`
  (what a flat rate really costs, FACTS §4.2), :func:`loan_summary`, :func:`compare_offers`;
* :mod:`.shu`: :func:`shu_allocation` (the whole SHU by post), :func:`shu_distribution` (each
  member's SHU by savings and transactions, FACTS §4.1);
* :mod:`.remittance`: :func:`remittance_cost` (World Bank RPW data, FACTS §2.2),
  :func:`remittance_plan`;
* :mod:`.kur`: the KUR for migrant workers (FACTS §4.3): :data:`KUR_PMI`,
  :func:`kur_eligibility`, :func:`kur_schedule`, :func:`kur_vs_informal`;
* :mod:`.ledger`: the cooperative's member ledger: :func:`load_ledger`, :func:`check_ledger`,
  :func:`ledger_records` (what the app saves);
* :mod:`.offers`: loan offers in plain words (:func:`offer_explanation`, :func:`offers_verdict`);
* :mod:`.workbooks`: the Excel files the apps hand out (not re-exported here: it imports
  openpyxl, which only an export needs);
* :mod:`.ringkasan`: :func:`ringkasan_kerja`, the facts the workshop shows;
* :mod:`.latihan`: the lesson's exercises (4.1-4.7);
* :mod:`.charts`: the pillar's charts (matplotlib; imported by notebooks and apps only).

Rules modules import only :mod:`desmigratif_kit.core` and each other; they never import
ipywidgets, IPython or matplotlib.

>>> jadwal = loan_schedule(10_000_000, 1.5, 12, "flat")
>>> int(jadwal["angsuran"].iloc[0]), round(effective_rate_pct(10_000_000, 1.5, 12)
...                                          .efektif_bulan_pct, 2)
(983333, 2.64)
>>> from desmigratif_kit.cooperative import loans
>>> loan_schedule is loans.loan_schedule
True
"""

from __future__ import annotations

from desmigratif_kit.cooperative.checks import largest_remainder
from desmigratif_kit.cooperative.kur import (
    KUR_PMI,
    KUR_PMI_2018,
    PERTANYAAN_KUR,
    SYARAT_KUR,
    HasilKur,
    KetentuanKur,
    Pertanyaan,
    kur_eligibility,
    kur_schedule,
    kur_unanswered,
    kur_vs_informal,
    label_syarat_kur,
)
from desmigratif_kit.cooperative.ledger import (
    KOLOM_UANG,
    LEDGER_EDIT_SCHEMA,
    LEDGER_SCHEMA,
    SAMPLE_LEDGER_FILE,
    Selisih,
    check_ledger,
    check_members,
    ledger_from_records,
    ledger_records,
    ledger_to_shu_members,
    ledger_totals,
    load_ledger,
    load_sample_ledger,
    with_row_totals,
)
from desmigratif_kit.cooperative.loans import (
    KOLOM_JADWAL,
    METODE,
    PERIODE_BUNGA,
    BungaEfektif,
    RingkasanPinjaman,
    compare_offers,
    effective_rate_pct,
    loan_schedule,
    loan_summary,
    monthly_irr_pct,
    monthly_rate,
)
from desmigratif_kit.cooperative.offers import offer_explanation, offers_verdict
from desmigratif_kit.cooperative.remittance import (
    NEGARA_PENGIRIM,
    NEGARA_TIDAK_TERCAKUP,
    POS_REMITANSI,
    RPW_FILE,
    RPW_PERIODE,
    SUMBER_RPW,
    TARGET_G20_PCT,
    TARGET_SDG_PCT,
    BiayaRemitansi,
    coverage_note,
    label_periode,
    load_remittance_costs,
    remittance_cost,
    remittance_costs_by_corridor,
    remittance_plan,
    remittance_split,
)
from desmigratif_kit.cooperative.ringkasan import ringkasan_kerja
from desmigratif_kit.cooperative.shu import (
    ALOKASI_SHU_ILUSTRASI,
    POS_SHU,
    SHU_MEMBER_SCHEMA,
    PotSHU,
    label_pos_shu,
    load_shu_members,
    members_for_shu,
    shu_allocation,
    shu_distribution,
    shu_pots,
)

__all__ = [
    "ALOKASI_SHU_ILUSTRASI",
    "BiayaRemitansi",
    "BungaEfektif",
    "HasilKur",
    "KOLOM_JADWAL",
    "KOLOM_UANG",
    "KUR_PMI",
    "KUR_PMI_2018",
    "KetentuanKur",
    "LEDGER_EDIT_SCHEMA",
    "LEDGER_SCHEMA",
    "METODE",
    "NEGARA_PENGIRIM",
    "NEGARA_TIDAK_TERCAKUP",
    "PERIODE_BUNGA",
    "PERTANYAAN_KUR",
    "POS_REMITANSI",
    "POS_SHU",
    "Pertanyaan",
    "PotSHU",
    "RPW_FILE",
    "RPW_PERIODE",
    "RingkasanPinjaman",
    "SAMPLE_LEDGER_FILE",
    "SHU_MEMBER_SCHEMA",
    "SUMBER_RPW",
    "SYARAT_KUR",
    "Selisih",
    "TARGET_G20_PCT",
    "TARGET_SDG_PCT",
    "check_ledger",
    "check_members",
    "compare_offers",
    "coverage_note",
    "effective_rate_pct",
    "kur_eligibility",
    "kur_schedule",
    "kur_unanswered",
    "kur_vs_informal",
    "label_periode",
    "label_pos_shu",
    "label_syarat_kur",
    "largest_remainder",
    "ledger_from_records",
    "ledger_records",
    "ledger_to_shu_members",
    "ledger_totals",
    "load_ledger",
    "load_remittance_costs",
    "load_sample_ledger",
    "load_shu_members",
    "loan_schedule",
    "loan_summary",
    "members_for_shu",
    "monthly_irr_pct",
    "monthly_rate",
    "offer_explanation",
    "offers_verdict",
    "remittance_cost",
    "remittance_costs_by_corridor",
    "remittance_plan",
    "remittance_split",
    "ringkasan_kerja",
    "shu_allocation",
    "shu_distribution",
    "shu_pots",
    "with_row_totals",
]
