"""Pillar 2, *usaha produktif*: productive businesses for migrant families.

This ``__init__`` is the pillar's public API: notebooks, apps and the workshop write
``business.NAME``. Inside the pillar, one module per idea (rules are pure Python and pandas;
they never import ipywidgets, IPython or matplotlib):

* :mod:`.costs`: :func:`cost_of_goods` (HPP per batch and per sellable unit, breakdown by
  item and share), :func:`check_batch`, :func:`penyusutan_per_bulan_rp`, the cost rows as a
  table (:data:`BIAYA_SCHEMA`, :func:`biaya_dari_tabel`);
* :mod:`.pricing`: :func:`price_from_margin`, :func:`price_from_markup`, :func:`margin_pct`,
  :func:`markup_pct`, :func:`margin_vs_markup` (the one-line warning);
* :mod:`.break_even`: :func:`break_even` (units and revenue per month);
* :mod:`.scenarios`: :func:`compare_scenarios` (packaging × sales channel, ranked);
* :mod:`.cash_flow`: :func:`cash_flow_plan` (month by month, payback);
* :mod:`.products`: the illustrative example oils of Desa Rangga Talo
  (:func:`contoh_produk`);
* :mod:`.plan`: :func:`rencana_usaha` (all of it for one product and one way of selling),
  :func:`produk_disesuaikan` (a participant's own price, sales, capital, investment);
* :mod:`.laporan`: the apps' Excel files (:func:`hpp_xlsx`, :func:`titik_impas_xlsx`,
  :func:`rencana_xlsx`);
* :mod:`.ringkasan`: :func:`ringkasan_kerja`, the facts the workshop layer reads;
* :mod:`.inputs`, :mod:`.records`: strict input checks and rupiah rounding; results that
  save as JSON (``to_dict()``/``from_dict()``);
* :mod:`.charts`: the pillar's charts (matplotlib; imported by notebooks and apps only).

>>> from desmigratif_kit.core.i18n import format_rp
>>> hpp = cost_of_goods(contoh_produk("minyak_kemiri")["batch"])
>>> format_rp(hpp.hpp_per_unit_rp), price_from_margin(hpp.hpp_per_unit_rp, 30)
('Rp 15.200', 21715)
>>> break_even(200_000, 25_000, 14_700).unit_per_bulan
20
>>> from desmigratif_kit.business import costs
>>> cost_of_goods is costs.cost_of_goods
True
"""

from __future__ import annotations

from desmigratif_kit.business.break_even import TitikImpas, break_even, break_even_channel
from desmigratif_kit.business.cash_flow import (
    BULAN_RENCANA_MAKS,
    INVESTASI_KEYS,
    BulanKas,
    RencanaKas,
    cash_flow_plan,
    check_investasi,
    check_musim,
    nama_bulan,
)
from desmigratif_kit.business.costs import (
    BATCH_KEYS,
    BIAYA_KEYS,
    BIAYA_SCHEMA,
    DASAR,
    DASAR_BAWAAN,
    KATEGORI,
    KATEGORI_TETAP,
    SATUAN_UMUM,
    BiayaItem,
    HargaPokok,
    biaya_dari_tabel,
    biaya_ke_tabel,
    check_batch,
    cost_of_goods,
    label_dasar,
    penyusutan_per_bulan_rp,
    unit_per_batch,
)
from desmigratif_kit.business.inputs import bulatkan_rp, naikkan_rp
from desmigratif_kit.business.laporan import (
    Tabel,
    hpp_xlsx,
    rencana_xlsx,
    tabel_arus_kas,
    tabel_biaya,
    tabel_rincian,
    tabel_skenario,
    titik_impas_xlsx,
)
from desmigratif_kit.business.plan import (
    RencanaUsaha,
    pasangan_berharga,
    produk_disesuaikan,
    rencana_usaha,
)
from desmigratif_kit.business.pricing import (
    AnalisisHarga,
    analisis_harga,
    harga_bersih_rp,
    margin_for_markup,
    margin_pct,
    margin_vs_markup,
    markup_for_margin,
    markup_pct,
    price_from_margin,
    price_from_markup,
)
from desmigratif_kit.business.products import (
    CONTOH_FILE,
    CONTOH_PRODUK,
    PRODUK_KEYS,
    catatan_ilustrasi,
    check_produk,
    contoh_produk,
    sama_dengan_contoh,
)
from desmigratif_kit.business.records import Record
from desmigratif_kit.business.ringkasan import (
    APP_HPP,
    APP_PELAJARAN,
    APP_RENCANA,
    APP_TITIK_IMPAS,
    FAKTA_KEYS,
    LATIHAN_NOMOR,
    LESSON_ID,
    angka_contoh_rencana,
    ringkasan_kerja,
)
from desmigratif_kit.business.scenarios import (
    JEDA_BAYAR_MAKS,
    KEMASAN_KEYS,
    SALURAN_KEYS,
    PerbandinganSkenario,
    Skenario,
    check_kemasan,
    check_saluran,
    compare_scenarios,
)

__all__ = [
    "APP_HPP",
    "APP_PELAJARAN",
    "APP_RENCANA",
    "APP_TITIK_IMPAS",
    "BATCH_KEYS",
    "BIAYA_KEYS",
    "BIAYA_SCHEMA",
    "BULAN_RENCANA_MAKS",
    "CONTOH_FILE",
    "CONTOH_PRODUK",
    "DASAR",
    "DASAR_BAWAAN",
    "FAKTA_KEYS",
    "INVESTASI_KEYS",
    "JEDA_BAYAR_MAKS",
    "KATEGORI",
    "KATEGORI_TETAP",
    "KEMASAN_KEYS",
    "LATIHAN_NOMOR",
    "LESSON_ID",
    "PRODUK_KEYS",
    "SALURAN_KEYS",
    "SATUAN_UMUM",
    "AnalisisHarga",
    "BiayaItem",
    "BulanKas",
    "HargaPokok",
    "PerbandinganSkenario",
    "Record",
    "RencanaKas",
    "RencanaUsaha",
    "Skenario",
    "Tabel",
    "TitikImpas",
    "analisis_harga",
    "angka_contoh_rencana",
    "biaya_dari_tabel",
    "biaya_ke_tabel",
    "break_even",
    "break_even_channel",
    "bulatkan_rp",
    "cash_flow_plan",
    "catatan_ilustrasi",
    "check_batch",
    "check_investasi",
    "check_kemasan",
    "check_musim",
    "check_produk",
    "check_saluran",
    "compare_scenarios",
    "contoh_produk",
    "cost_of_goods",
    "harga_bersih_rp",
    "hpp_xlsx",
    "label_dasar",
    "margin_for_markup",
    "margin_pct",
    "margin_vs_markup",
    "markup_for_margin",
    "markup_pct",
    "naikkan_rp",
    "nama_bulan",
    "pasangan_berharga",
    "penyusutan_per_bulan_rp",
    "price_from_margin",
    "price_from_markup",
    "produk_disesuaikan",
    "rencana_usaha",
    "rencana_xlsx",
    "tabel_arus_kas",
    "tabel_biaya",
    "tabel_rincian",
    "tabel_skenario",
    "ringkasan_kerja",
    "sama_dengan_contoh",
    "titik_impas_xlsx",
    "unit_per_batch",
]
