"""The Permenkes 2/2020 categories of the z-scores, their meaning in plain words, and when to
take a child to a health worker.

The table is FACTS §3.1 (Permenkes No. 2/2020, *Standar Antropometri Anak*), children 0-60
months. **Boundary convention** (documented by ``tests/test_parenting_categories.py``): a
score exactly on a limit belongs to the *better* category, as in the regulation's wording
("-3 SD sampai dengan < -2 SD"; "-2 SD sampai dengan +1 SD"): -2.00 is normal, -3.00 is
*kurang*/*pendek*, +1.00 is normal for BB/U, +2.00 is *berisiko gizi lebih* for BB/TB, +3.00
is normal for TB/U. So: below -3 → ``z < -3``; above +1 → ``z > 1``.

:func:`classify` gives the official label (Indonesian, as the regulation writes it);
:func:`category_code` a short code for counting and for the catalogs; :func:`meaning` the
same category in words a grandmother understands (catalogs ``par.arti.*``, id and en);
:func:`advice` says whether the child should see a health worker, and why.

>>> classify("tb_u", -2.35)
'Pendek (stunted)'
>>> classify("bb_tb", -2.0), classify("bb_u", 1.0), classify("bb_u", 1.01)
('Gizi baik (normal)', 'Berat badan normal', 'Risiko berat badan lebih')
>>> classify("lila", 1)
Traceback (most recent call last):
...
desmigratif_kit.core.i18n.InputError: Nilai untuk "Indeks" tidak dapat dibaca: diharapkan salah
satu dari: bb_u, tb_u, bb_tb, imt_u, diberikan "lila".
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from desmigratif_kit.core import i18n
from desmigratif_kit.parenting.growth import BATAS_TIDAK_WAJAR, INDICES, implausible

__all__ = [
    "KATEGORI",
    "TINGKAT_SARAN",
    "Kategori",
    "Saran",
    "advice",
    "categories_frame",
    "category_code",
    "classify",
    "meaning",
]


@dataclass(frozen=True)
class Kategori:
    """One row of the Permenkes table: ``kode``, the official ``label`` and its upper limit:
    the category holds the scores below ``batas_atas`` (``z < batas``), or up to it inclusive
    when ``termasuk`` (``z <= batas``), that no worse category holds. ``None``: no limit."""

    kode: str
    label: str
    batas_atas: float | None
    termasuk: bool = False


def _six() -> tuple[Kategori, ...]:
    """The six categories BB/TB and IMT/U share (FACTS §3.1)."""
    return (
        Kategori("gizi_buruk", "Gizi buruk (severely wasted)", -3),  # z < -3
        Kategori("gizi_kurang", "Gizi kurang (wasted)", -2),  # -3 <= z < -2
        Kategori("gizi_baik", "Gizi baik (normal)", 1, True),  # -2 <= z <= +1
        Kategori(
            "berisiko_gizi_lebih", "Berisiko gizi lebih (possible risk of overweight)", 2, True
        ),
        Kategori("gizi_lebih", "Gizi lebih (overweight)", 3, True),  # +2 < z <= +3
        Kategori("obesitas", "Obesitas (obese)", None),  # z > +3
    )


KATEGORI: dict[str, tuple[Kategori, ...]] = {
    "bb_u": (
        Kategori("bb_sangat_kurang", "Berat badan sangat kurang (severely underweight)", -3),
        Kategori("bb_kurang", "Berat badan kurang (underweight)", -2),
        Kategori("bb_normal", "Berat badan normal", 1, True),
        Kategori("risiko_bb_lebih", "Risiko berat badan lebih", None),
    ),
    "tb_u": (
        Kategori("sangat_pendek", "Sangat pendek (severely stunted)", -3),
        Kategori("pendek", "Pendek (stunted)", -2),
        Kategori("normal", "Normal", 3, True),
        Kategori("tinggi", "Tinggi (tall)", None),
    ),
    "bb_tb": _six(),
    "imt_u": _six(),
}
"""Permenkes 2/2020 categories per index, 0-60 months, worst first (labels as in the
regulation, with its English in brackets)."""


def _check_index(index: Any) -> str:
    if index not in KATEGORI:
        raise i18n.InputError(
            expected="expected.choice",
            given=index,
            field="par.field.index",
            choices=", ".join(INDICES),
        )
    return index


def _is_missing(z: Any) -> bool:
    return z is None or z is pd.NA or (isinstance(z, numbers.Real) and math.isnan(z))


def _below(kategori: Kategori, z: Any) -> Any:
    """Whether ``z`` is under the category's upper limit (numbers or numpy arrays)."""
    if kategori.batas_atas is None:
        return np.logical_not(np.isnan(z))  # every number, never NaN
    return z <= kategori.batas_atas if kategori.termasuk else z < kategori.batas_atas


def _find(index: str, z: Any) -> Kategori | None:
    _check_index(index)
    if _is_missing(z):
        return None
    if isinstance(z, bool) or not isinstance(z, numbers.Real):
        raise i18n.InputError(expected="expected.number", given=z, field="z-score")
    return next(kategori for kategori in KATEGORI[index] if _below(kategori, z))


def classify(index: str, z: float | None) -> str | None:
    """The Permenkes 2/2020 category of a z-score, in Indonesian as the regulation writes it
    (``None`` when there is no score). See the module's docstring for the boundaries.

    >>> classify("bb_u", -3.0), classify("bb_u", -3.01)
    ('Berat badan kurang (underweight)', 'Berat badan sangat kurang (severely underweight)')
    >>> classify("imt_u", None) is None
    True
    """
    kategori = _find(index, z)
    return None if kategori is None else kategori.label


def category_code(index: str, z: float | None) -> str | None:
    """The category's code (``"pendek"``, ``"gizi_kurang"``, ...), for counting and catalogs.

    >>> category_code("tb_u", -2.01), category_code("tb_u", -2.0)
    ('pendek', 'normal')
    """
    kategori = _find(index, z)
    return None if kategori is None else kategori.kode


def categories_frame(scores: pd.DataFrame) -> pd.DataFrame:
    """Vectorised :func:`classify`: for a frame with columns ``bb_u``, ``tb_u``, ``bb_tb``,
    ``imt_u`` (NaN when missing), the official labels (``kategori_<index>``), the codes
    (``kode_<index>``) and WHO's implausibility flags (``flag_<index>``, boolean).

    >>> scores = pd.DataFrame({"bb_u": [-2.5], "tb_u": [-2.0], "bb_tb": [float("nan")],
    ...                        "imt_u": [5.2]})
    >>> categories_frame(scores).loc[0, ["kode_bb_u", "kode_tb_u", "kode_bb_tb", "flag_imt_u"]]
    kode_bb_u     bb_kurang
    kode_tb_u        normal
    kode_bb_tb         <NA>
    flag_imt_u         True
    Name: 0, dtype: object
    """
    out = pd.DataFrame(index=scores.index)
    for index in INDICES:
        z = pd.to_numeric(scores[index], errors="coerce").to_numpy(dtype="float64")
        with np.errstate(invalid="ignore"):
            conditions = [_below(kategori, z) & ~np.isnan(z) for kategori in KATEGORI[index]]
        code = np.select(conditions, [k.kode for k in KATEGORI[index]], default="")
        label = np.select(conditions, [k.label for k in KATEGORI[index]], default="")
        out[f"kategori_{index}"] = pd.array(np.where(code == "", None, label), dtype="string")
        out[f"kode_{index}"] = pd.array(np.where(code == "", None, code), dtype="string")
        low, high = BATAS_TIDAK_WAJAR[index]
        out[f"flag_{index}"] = pd.array((z < low) | (z > high), dtype="boolean")
    return out


def meaning(index: str, z: float | None, lang: str | None = None) -> str | None:
    """The category in plain words for a carer (a grandmother raising her grandchild): what
    it means and what to do, from the catalogs (``par.arti.<index>.<code>``).

    >>> meaning("tb_u", -2.5)
    'Anak lebih pendek daripada anak sehat seumurnya (stunting). ...'
    >>> meaning("tb_u", -2.5, lang="en")
    'The child is shorter than healthy children of the same age (stunting). ...'
    """
    code = category_code(index, z)
    return None if code is None else i18n.t(f"par.arti.{index}.{code}", lang)


TINGKAT_SARAN = ("segera", "rujuk", "pantau", "baik")
"""How soon to see a health worker: today or this week (*segera*), this month (*rujuk*),
watch at next month's posyandu (*pantau*), all well (*baik*). Worst first."""

_REASONS = {  # (index, category code) → (level, reason code)
    ("bb_tb", "gizi_buruk"): ("segera", "gizi_buruk"),
    ("imt_u", "gizi_buruk"): ("segera", "gizi_buruk"),
    ("bb_u", "bb_sangat_kurang"): ("segera", "bb_sangat_kurang"),
    ("bb_tb", "gizi_kurang"): ("rujuk", "gizi_kurang"),
    ("imt_u", "gizi_kurang"): ("rujuk", "gizi_kurang"),
    ("tb_u", "sangat_pendek"): ("rujuk", "sangat_pendek"),
    ("tb_u", "pendek"): ("rujuk", "pendek"),
    ("bb_u", "bb_kurang"): ("rujuk", "bb_kurang"),
    ("bb_tb", "gizi_lebih"): ("rujuk", "gizi_lebih"),
    ("bb_tb", "obesitas"): ("rujuk", "obesitas"),
    ("imt_u", "gizi_lebih"): ("rujuk", "gizi_lebih"),
    ("imt_u", "obesitas"): ("rujuk", "obesitas"),
    ("tb_u", "tinggi"): ("rujuk", "tinggi"),
    ("bb_tb", "berisiko_gizi_lebih"): ("pantau", "berisiko_gizi_lebih"),
    ("imt_u", "berisiko_gizi_lebih"): ("pantau", "berisiko_gizi_lebih"),
    ("bb_u", "risiko_bb_lebih"): ("pantau", "risiko_bb_lebih"),
}


@dataclass(frozen=True)
class Saran:
    """What to do: ``tingkat`` (one of :data:`TINGKAT_SARAN`) and ``alasan`` (reason codes,
    worst first, each explained by ``par.alasan.<code>``)."""

    tingkat: str
    alasan: tuple[str, ...]

    @property
    def rujuk(self) -> bool:
        """True when the child should see a health worker (*segera* or *rujuk*)."""
        return self.tingkat in ("segera", "rujuk")

    def teks(self, lang: str | None = None) -> str:
        """The advice and its reasons in plain words (current language by default)."""
        lines = [i18n.t(f"par.saran.{self.tingkat}", lang)]
        lines += [f"- {i18n.t(f'par.alasan.{code}', lang)}" for code in self.alasan]
        return "\n".join(lines)


def advice(
    scores: Mapping[str, float | None], status_kbm: str | None = None, oedema: bool = False
) -> Saran:
    """Whether a child should see a health worker, and why (the kit's rule, from FACTS §3.1
    and §3.2).

    * *segera* (today or this week): oedema (WHO: severe acute malnutrition), *gizi buruk*
      (BB/TB or IMT/U < -3), *berat badan sangat kurang* (BB/U < -3);
    * *rujuk* (to the village midwife or puskesmas this month): *gizi kurang*, *pendek* or
      *sangat pendek*, *berat badan kurang*, *gizi lebih* or *obesitas*, *tinggi* (TB/U > +3,
      which may be a hormone disorder), weight not gaining (**T**; the Buku KIA refers on T),
      or a score WHO flags as implausible (measure again);
    * *pantau*: *berisiko gizi lebih* or *risiko berat badan lebih*;
    * *baik*: everything else.

    ``scores`` is :func:`~desmigratif_kit.parenting.zscores`'s result (or any mapping of the
    indices); ``status_kbm`` the month's ``"N"``/``"T"``/... from
    :func:`~desmigratif_kit.parenting.weight_gain_status`.

    >>> advice({"bb_u": -2.4, "tb_u": -2.6, "bb_tb": -1.1, "imt_u": -1.0})
    Saran(tingkat='rujuk', alasan=('bb_kurang', 'pendek'))
    >>> advice({"bb_u": 0.2, "tb_u": 0.1, "bb_tb": 0.3, "imt_u": 0.3}, status_kbm="N").tingkat
    'baik'
    >>> print(advice({"bb_u": None, "tb_u": 0.5, "bb_tb": None, "imt_u": None}, oedema=True)
    ...       .teks())
    Segera bawa anak ke puskesmas atau bidan desa: hari ini, paling lambat minggu ini.
    - Kaki atau tubuh anak bengkak (edema): tanda gizi buruk yang berbahaya.
    """
    found: list[tuple[str, str]] = []
    if oedema:
        found.append(("segera", "edema"))
    for index in INDICES:
        code = category_code(index, scores.get(index))
        if (index, code) in _REASONS:
            found.append(_REASONS[(index, code)])
        if implausible(index, scores.get(index)):
            found.append(("rujuk", f"tidak_wajar_{index}"))
    if status_kbm == "T":
        found.append(("rujuk", "tidak_naik"))
    if not found:
        return Saran("baik", ())
    order = {level: i for i, level in enumerate(TINGKAT_SARAN)}
    found.sort(key=lambda item: order[item[0]])
    reasons = tuple(dict.fromkeys(reason for _, reason in found))
    return Saran(found[0][0], reasons)
