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
* :mod:`.ledger`: the cooperative's member ledger: :func:`load_ledger`, :func:`check_ledger`;
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
    HasilKur,
    KetentuanKur,
    Pertanyaan,
    kur_eligibility,
    kur_schedule,
    kur_vs_informal,
)
from desmigratif_kit.cooperative.ledger import (
    KOLOM_UANG,
    LEDGER_SCHEMA,
    SAMPLE_LEDGER_FILE,
    Selisih,
    check_ledger,
    ledger_to_shu_members,
    ledger_totals,
    load_ledger,
    load_sample_ledger,
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
from desmigratif_kit.cooperative.shu import (
    ALOKASI_SHU_ILUSTRASI,
    POS_SHU,
    label_pos_shu,
    shu_allocation,
    shu_distribution,
)

__all__ = [
    "ALOKASI_SHU_ILUSTRASI",
    "KOLOM_JADWAL",
    "KOLOM_UANG",
    "KUR_PMI",
    "KUR_PMI_2018",
    "LEDGER_SCHEMA",
    "METODE",
    "NEGARA_PENGIRIM",
    "NEGARA_TIDAK_TERCAKUP",
    "PERIODE_BUNGA",
    "PERTANYAAN_KUR",
    "POS_REMITANSI",
    "POS_SHU",
    "RPW_FILE",
    "RPW_PERIODE",
    "SAMPLE_LEDGER_FILE",
    "SUMBER_RPW",
    "TARGET_G20_PCT",
    "TARGET_SDG_PCT",
    "BiayaRemitansi",
    "BungaEfektif",
    "HasilKur",
    "KetentuanKur",
    "Pertanyaan",
    "RingkasanPinjaman",
    "Selisih",
    "check_ledger",
    "compare_offers",
    "coverage_note",
    "effective_rate_pct",
    "kur_eligibility",
    "kur_schedule",
    "kur_vs_informal",
    "label_periode",
    "label_pos_shu",
    "largest_remainder",
    "ledger_to_shu_members",
    "ledger_totals",
    "load_ledger",
    "load_remittance_costs",
    "load_sample_ledger",
    "loan_schedule",
    "loan_summary",
    "monthly_irr_pct",
    "monthly_rate",
    "remittance_cost",
    "remittance_costs_by_corridor",
    "remittance_plan",
    "remittance_split",
    "shu_allocation",
    "shu_distribution",
]
