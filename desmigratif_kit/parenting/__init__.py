"""Pillar 3, *community parenting*: shared care and growth monitoring of migrant workers' children.

This ``__init__`` is the pillar's public API (``from desmigratif_kit.parenting import zscores,
classify, assess_roster``). Inside the pillar, one module per idea:

* :mod:`.growth`: WHO z-scores (:func:`zscores`, vectorised :func:`zscores_frame`), age in
  days and months, WHO's implausibility flags, the WHO curves for charts;
* :mod:`.categories`: the Permenkes 2/2020 categories (:func:`classify`), their meaning in
  plain words (:func:`meaning`) and when to see a health worker (:func:`advice`);
* :mod:`.kbm`: N/T from the minimum weight gain table (:func:`weight_gain_status`);
* :mod:`.roster`: the children's roster (schema, import, sample, :func:`assess_roster`, the
  named lists for the village's own view);
* :mod:`.summary`: counts for shared views, never a name;
* :mod:`.kartu`: one child's growth card (the measurements entered in *Pantau Tumbuh
  Kembang*, checked and assessed);
* :mod:`.roster_edit`: the roster as saved work (form entries, import merge, Excel with names
  for the village and counts-only Excel for others);
* :mod:`.kegiatan`: the parenting group's activity plan;
* :mod:`.ringkasan`: :func:`ringkasan_kerja`, the facts the workshop layer shows (counts only);
* :mod:`.latihan`: the lesson's exercises 3.1-3.6 (registered with ``core.latihan``);
* :mod:`.charts`: the growth chart and the roster summary chart (matplotlib; imported by
  notebooks and apps only, not here).

Rules modules import only :mod:`desmigratif_kit.core` and each other; never ipywidgets,
IPython or matplotlib.

>>> z = zscores("L", 1644, weight_kg=15.2, length_cm=101.4, measured="berdiri")
>>> z["bb_tb"], classify("bb_tb", z["bb_tb"])
(-0.44, 'Gizi baik (normal)')
"""

from __future__ import annotations

from desmigratif_kit.parenting.categories import (
    KATEGORI,
    TINGKAT_SARAN,
    Kategori,
    Saran,
    advice,
    categories_frame,
    category_code,
    classify,
    meaning,
)
from desmigratif_kit.parenting.growth import (
    BATAS_PANJANG_HARI,
    BATAS_TIDAK_WAJAR,
    CARA_UKUR,
    HARI_PER_BULAN,
    INDICES,
    JENIS_KELAMIN,
    MAX_UMUR_HARI,
    ZScores,
    implausible,
    lms,
    sd_curves,
    umur_bulan,
    umur_hari,
    value_for_z,
    zscores,
    zscores_frame,
)
from desmigratif_kit.parenting.kartu import (
    Anak,
    HasilUkur,
    angka_ukur,
    baca_anak,
    baca_ukuran,
    garis_sd,
    hapus_ukuran,
    hasil_ukur,
    kartu_xlsx,
    riwayat_frame,
    tabel_garis_sd,
    tambah_ukuran,
)
from desmigratif_kit.parenting.kbm import (
    KBM_GRAM,
    KBM_RAGU_BULAN,
    STATUS_KBM,
    kbm_gram,
    weight_gain_status,
)
from desmigratif_kit.parenting.kegiatan import (
    KEGIATAN_SCHEMA,
    TOPIK,
    cek_kegiatan,
    gabung_kegiatan,
    kegiatan_from_records,
    kegiatan_records,
    kegiatan_xlsx,
    ringkas_kegiatan,
)
from desmigratif_kit.parenting.ringkasan import ringkasan_kerja
from desmigratif_kit.parenting.roster import (
    BULAN_BERLAKU,
    ORANG_TUA,
    PENGASUH,
    ROSTER_SCHEMA,
    SAMPLE_REFERENCE_DATE_ANAK,
    SAMPLE_ROSTER_FILE,
    STATUS_SEKOLAH,
    UMUR_SEKOLAH_TAHUN,
    assess_roster,
    child_key,
    latest_per_child,
    load_roster,
    load_sample_roster,
    needs_visit,
)
from desmigratif_kit.parenting.roster_edit import (
    PENANDA_CONTOH,
    ada_data_contoh,
    entri_anak,
    gabung_roster,
    hapus_anak,
    hapus_ukuran_anak,
    ringkasan_xlsx,
    roster_from_records,
    roster_records,
    roster_xlsx,
    simpan_anak,
    tambah_ukuran_anak,
)
from desmigratif_kit.parenting.summary import (
    RINGKASAN,
    count_by_category,
    count_children,
    count_needs_visit,
    count_not_gaining,
    count_stunted,
    count_underweight,
    count_wasted,
)

__all__ = [
    "BATAS_PANJANG_HARI",
    "BATAS_TIDAK_WAJAR",
    "BULAN_BERLAKU",
    "CARA_UKUR",
    "HARI_PER_BULAN",
    "INDICES",
    "JENIS_KELAMIN",
    "KATEGORI",
    "KBM_GRAM",
    "KBM_RAGU_BULAN",
    "KEGIATAN_SCHEMA",
    "MAX_UMUR_HARI",
    "ORANG_TUA",
    "PENANDA_CONTOH",
    "PENGASUH",
    "RINGKASAN",
    "ROSTER_SCHEMA",
    "SAMPLE_REFERENCE_DATE_ANAK",
    "SAMPLE_ROSTER_FILE",
    "STATUS_KBM",
    "STATUS_SEKOLAH",
    "TINGKAT_SARAN",
    "TOPIK",
    "UMUR_SEKOLAH_TAHUN",
    "Anak",
    "HasilUkur",
    "Kategori",
    "Saran",
    "ZScores",
    "ada_data_contoh",
    "advice",
    "angka_ukur",
    "assess_roster",
    "baca_anak",
    "baca_ukuran",
    "categories_frame",
    "category_code",
    "cek_kegiatan",
    "child_key",
    "classify",
    "count_by_category",
    "count_children",
    "count_needs_visit",
    "count_not_gaining",
    "count_stunted",
    "count_underweight",
    "count_wasted",
    "entri_anak",
    "gabung_kegiatan",
    "gabung_roster",
    "garis_sd",
    "hapus_anak",
    "hapus_ukuran",
    "hapus_ukuran_anak",
    "hasil_ukur",
    "implausible",
    "kartu_xlsx",
    "kbm_gram",
    "kegiatan_from_records",
    "kegiatan_records",
    "kegiatan_xlsx",
    "latest_per_child",
    "lms",
    "load_roster",
    "load_sample_roster",
    "meaning",
    "needs_visit",
    "ringkas_kegiatan",
    "ringkasan_kerja",
    "ringkasan_xlsx",
    "riwayat_frame",
    "roster_from_records",
    "roster_records",
    "roster_xlsx",
    "sd_curves",
    "simpan_anak",
    "tabel_garis_sd",
    "tambah_ukuran",
    "tambah_ukuran_anak",
    "umur_bulan",
    "umur_hari",
    "value_for_z",
    "weight_gain_status",
    "zscores",
    "zscores_frame",
]
