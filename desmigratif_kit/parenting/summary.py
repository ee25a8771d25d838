"""Counts of a village's children for shared views: **numbers only, never a name**.

The district dashboard, the results board and every export that leaves the village use these
functions. Each returns an ``int`` or a mapping of ``str`` to ``int``: no child, carer or
parent is named (``tests/test_parenting_summary.py`` checks that no name from the roster
appears in any result). The named lists (:func:`~desmigratif_kit.parenting.needs_visit`,
:func:`~desmigratif_kit.parenting.latest_per_child`) are for the village's own roster view.

What is counted (children under five, by their **current** measurement: taken this month or
in the two months before, :data:`~desmigratif_kit.parenting.roster.BULAN_BERLAKU`):

* stunted: TB/U < -2 (*pendek* and *sangat pendek*); wasted: BB/TB < -2 (*gizi kurang* and
  *gizi buruk*); underweight: BB/U < -2 (FACTS §3.1); overweight: BB/TB > +2; a child with
  oedema has no weight-based score but counts as below -3 (WHO's prevalence rule, as in
  igrowup and anthro);
* not gaining: the latest weighing, this month or last month, is **T**;
* needs a visit this month: :func:`~desmigratif_kit.parenting.needs_visit`.

>>> from desmigratif_kit.parenting.roster import (SAMPLE_REFERENCE_DATE_ANAK,
...                                               load_sample_roster)
>>> counts = count_children(load_sample_roster(), SAMPLE_REFERENCE_DATE_ANAK)
>>> all(isinstance(v, int) for v in counts.values())
True
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from desmigratif_kit.core.inputs import as_date
from desmigratif_kit.parenting.categories import KATEGORI
from desmigratif_kit.parenting.roster import (
    UMUR_SEKOLAH_TAHUN,
    assess_roster,
    latest_per_child,
    needs_visit,
)

__all__ = [
    "RINGKASAN",
    "count_by_category",
    "count_children",
    "count_needs_visit",
    "count_not_gaining",
    "count_stunted",
    "count_underweight",
    "count_wasted",
]

RINGKASAN = (
    "anak",
    "balita",
    "balita_diukur",
    "pendek",
    "sangat_pendek",
    "gizi_kurang",
    "gizi_buruk",
    "bb_kurang",
    "bb_sangat_kurang",
    "gizi_lebih",
    "tidak_naik",
    "perlu_kunjungan",
    "perlu_rujukan",
    "ortu_ayah",
    "ortu_ibu",
    "ortu_keduanya",
    "diasuh_kakek_nenek",
    "usia_wajib_sekolah",
    "tidak_sekolah",
)
"""The keys of :func:`count_children`, in display order (labels: ``par.count.<key>``)."""


def _current_under_five(latest: pd.DataFrame) -> pd.DataFrame:
    months = latest["umur_bulan_kini"]
    under_five = months.notna() & (months >= 0) & (months <= 60)
    return latest[under_five.fillna(False).astype(bool)]


def _below(frame: pd.DataFrame, column: str, limit: float) -> int:
    """Current measurements below ``limit``; a child with oedema counts below -3 on every
    weight-based index (WHO's prevalence rule: no score, but severe)."""
    values = pd.to_numeric(frame[column], errors="coerce")
    if column != "z_tb_u" and "edema" in frame.columns:
        oedema = frame["edema"].astype("boolean").fillna(False).astype(bool)
        values = values.mask(oedema, float("-inf"))
    return int((frame["terkini"] & (values < limit)).sum())


def count_children(df: pd.DataFrame, today: Any) -> dict[str, int]:
    """Every count of the roster (raw or assessed) on ``today``, as ``{key: int}`` in the
    order of :data:`RINGKASAN`. ``balita_diukur`` (children under five with a current
    measurement) is the denominator for the shares of stunting, wasting and underweight.
    """
    today = as_date(today, "today")
    assessed = assess_roster(df) if "z_tb_u" not in df.columns else df
    latest = latest_per_child(assessed, today)
    balita = _current_under_five(latest)
    measured = balita[balita["terkini"]]
    abroad = latest.get("orang_tua_di_luar_negeri", pd.Series(dtype="string")).astype("object")
    carer = latest.get("pengasuh", pd.Series(dtype="string")).astype("object")
    school = latest.get("status_sekolah", pd.Series(dtype="string")).astype("object")
    months = latest["umur_bulan_kini"]
    low, high = UMUR_SEKOLAH_TAHUN
    school_age = (months >= low * 12) & (months < (high + 1) * 12)
    school_age = school_age.fillna(False).astype(bool)
    visits = needs_visit(assessed, today)
    gizi_lebih = pd.to_numeric(measured["z_bb_tb"], errors="coerce") > 2
    counts = {
        "anak": len(latest),
        "balita": len(balita),
        "balita_diukur": len(measured),
        "pendek": _below(balita, "z_tb_u", -2),
        "sangat_pendek": _below(balita, "z_tb_u", -3),
        "gizi_kurang": _below(balita, "z_bb_tb", -2),
        "gizi_buruk": _below(balita, "z_bb_tb", -3),
        "bb_kurang": _below(balita, "z_bb_u", -2),
        "bb_sangat_kurang": _below(balita, "z_bb_u", -3),
        "gizi_lebih": int(gizi_lebih.sum()),
        "tidak_naik": _not_gaining(balita, today),
        "perlu_kunjungan": len(visits),
        "perlu_rujukan": int(visits["tingkat"].isin(["segera", "rujuk"]).sum()),
        "ortu_ayah": int((abroad == "ayah").sum()),
        "ortu_ibu": int((abroad == "ibu").sum()),
        "ortu_keduanya": int((abroad == "keduanya").sum()),
        "diasuh_kakek_nenek": int(carer.isin(["nenek", "kakek"]).sum()),
        "usia_wajib_sekolah": int(school_age.sum()),
        "tidak_sekolah": int(
            (school_age & school.isin(["tidak_sekolah", "belum_sekolah"]).to_numpy()).sum()
        ),
    }
    return {key: int(counts[key]) for key in RINGKASAN}


def _not_gaining(balita: pd.DataFrame, today) -> int:
    day = pd.to_datetime(balita["tanggal_ukur"], errors="coerce")
    months_ago = (today.year * 12 + today.month) - (day.dt.year * 12 + day.dt.month)
    recent = months_ago.notna() & (months_ago <= 1)
    return int((recent & (balita["status_kbm"].astype("object") == "T")).sum())


def count_stunted(df: pd.DataFrame, today: Any) -> int:
    """Children under five whose current TB/U is below -2 (stunted, severe included)."""
    return count_children(df, today)["pendek"]


def count_wasted(df: pd.DataFrame, today: Any) -> int:
    """Children under five whose current BB/TB is below -2 (wasted, severe included)."""
    return count_children(df, today)["gizi_kurang"]


def count_underweight(df: pd.DataFrame, today: Any) -> int:
    """Children under five whose current BB/U is below -2 (underweight, severe included)."""
    return count_children(df, today)["bb_kurang"]


def count_not_gaining(df: pd.DataFrame, today: Any) -> int:
    """Children under five whose latest weighing (this month or last month) is T."""
    return count_children(df, today)["tidak_naik"]


def count_needs_visit(df: pd.DataFrame, today: Any) -> int:
    """Children the parenting group should visit this month (see ``needs_visit``)."""
    return count_children(df, today)["perlu_kunjungan"]


def count_by_category(df: pd.DataFrame, today: Any, index: str = "tb_u") -> dict[str, int]:
    """Children under five with a current measurement, by their Permenkes category of
    ``index`` (``{category code: int}`` in the table's order, worst first). A child without a
    score for ``index`` is not counted: no length measured, or oedema for a weight-based index
    (:func:`count_children` counts such a child as severe). Numbers only, like every count.

    >>> from desmigratif_kit.parenting.roster import (SAMPLE_REFERENCE_DATE_ANAK,
    ...                                               load_sample_roster)
    >>> count_by_category(load_sample_roster(), SAMPLE_REFERENCE_DATE_ANAK)
    {'sangat_pendek': 5, 'pendek': 16, 'normal': 70, 'tinggi': 0}
    """
    today = as_date(today, "today")
    assessed = assess_roster(df) if "z_tb_u" not in df.columns else df
    balita = _current_under_five(latest_per_child(assessed, today))
    codes = balita.loc[balita["terkini"].astype(bool), f"kode_{index}"].astype("object")
    return {k.kode: int((codes == k.kode).sum()) for k in KATEGORI[index]}
