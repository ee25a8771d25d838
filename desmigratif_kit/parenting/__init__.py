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
    sd_curves,
    umur_bulan,
    umur_hari,
    value_for_z,
    zscores,
    zscores_frame,
)
from desmigratif_kit.parenting.kbm import (
    KBM_GRAM,
    KBM_RAGU_BULAN,
    STATUS_KBM,
    kbm_gram,
    weight_gain_status,
)
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
from desmigratif_kit.parenting.summary import (
    RINGKASAN,
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
    "MAX_UMUR_HARI",
    "ORANG_TUA",
    "PENGASUH",
    "RINGKASAN",
    "ROSTER_SCHEMA",
    "SAMPLE_REFERENCE_DATE_ANAK",
    "SAMPLE_ROSTER_FILE",
    "STATUS_KBM",
    "STATUS_SEKOLAH",
    "TINGKAT_SARAN",
    "UMUR_SEKOLAH_TAHUN",
    "Kategori",
    "Saran",
    "ZScores",
    "advice",
    "assess_roster",
    "categories_frame",
    "category_code",
    "child_key",
    "classify",
    "count_children",
    "count_needs_visit",
    "count_not_gaining",
    "count_stunted",
    "count_underweight",
    "count_wasted",
    "implausible",
    "kbm_gram",
    "latest_per_child",
    "load_roster",
    "load_sample_roster",
    "meaning",
    "needs_visit",
    "sd_curves",
    "umur_bulan",
    "umur_hari",
    "value_for_z",
    "weight_gain_status",
    "zscores",
    "zscores_frame",
]
