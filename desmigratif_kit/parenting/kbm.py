"""Monthly weight gain on the KMS: *N* (naik) or *T* (tidak naik), from the minimum weight
gain table (*Kenaikan Berat badan Minimal*, KBM) of the Buku KIA (FACTS §3.2).

* **N**: the gain since last month's weighing is at least the KBM for the child's age;
* **T**: the gain is smaller (or the weight went down);
* **O**: the child was not weighed last month, so the gain cannot be read;
* **B**: the first weighing (*baru*).

N and T are FACTS §3.2 (Buku KIA 2023). O and B are the posyandu register's usual marks for
the two cases where N/T cannot be read; they are not in FACTS [?].

**Uncertain table [?]**: FACTS reads months 1-6 as 800, 900, 800, 600, 500, 400 g from the
Buku KIA page, then 300 and 200 g "for older ages" with spans it could not confirm; this module
uses the classic table (7 months 400 g; 8-10 months 300 g; 11 months and older 200 g), and
marks ages 7-11 months, where the two readings may differ, with ``kbm_ragu = True``
(:data:`KBM_RAGU_BULAN`). Check against the Buku KIA before using it in exercises; apps show
``par.kbm.ragu`` next to such a month.

The age is in completed months at the weighing (as the posyandu counts it); the KBM of month
*k* applies to the gain from the weighing at month *k-1* to the one at month *k*.

>>> weight_gain_status([("10/01/2026", 7.0), ("09/02/2026", 7.5), ("10/03/2026", 7.6)],
...                    tanggal_lahir="05/08/2025")[["umur_bulan", "kenaikan_gram", "kbm_gram",
...                                                 "status"]]
   umur_bulan  kenaikan_gram  kbm_gram status
0           5           <NA>       500      B
1           6            500       400      N
2           7            100       400      T
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from desmigratif_kit.core import i18n
from desmigratif_kit.core.inputs import as_date, missing
from desmigratif_kit.parenting.growth import umur_bulan

__all__ = [
    "KBM_GRAM",
    "KBM_RAGU_BULAN",
    "STATUS_KBM",
    "kbm_gram",
    "gain_status_frame",
    "weight_gain_status",
]

KBM_GRAM = {1: 800, 2: 900, 3: 800, 4: 600, 5: 500, 6: 400, 7: 400, 8: 300, 9: 300, 10: 300}
"""Minimum weight gain (grams) by age in completed months; 11 months and older: 200 g."""
KBM_TUA_GRAM = 200
KBM_RAGU_BULAN = frozenset({7, 8, 9, 10, 11})
"""Ages whose KBM FACTS marks uncertain [?] (the spans after 6 months)."""
STATUS_KBM = ("N", "T", "O", "B")


def kbm_gram(umur_bulan: int) -> int | None:
    """The KBM (grams) for a child of ``umur_bulan`` completed months (1-60); a weighing in
    the first month (0) uses the first month's 800 g; ``None`` beyond 60 months.

    >>> kbm_gram(2), kbm_gram(9), kbm_gram(30), kbm_gram(61)
    (900, 300, 200, None)
    """
    if umur_bulan < 0 or umur_bulan > 60:
        return None
    return KBM_GRAM.get(max(umur_bulan, 1), KBM_TUA_GRAM)


def _months(dates: pd.Series) -> np.ndarray:
    return (dates.dt.year * 12 + dates.dt.month).to_numpy()


def gain_status_frame(
    anak: pd.Series, tanggal_lahir: pd.Series, tanggal_ukur: pd.Series, berat_kg: pd.Series
) -> pd.DataFrame:
    """Vectorised N/T/O/B for many children at once (the roster): one row per input row, in
    the input's order, with ``umur_bulan``, ``kenaikan_gram``, ``kbm_gram``, ``status``
    (``<NA>`` for a row without a date or weight, or a child over 60 months) and ``kbm_ragu``.
    ``anak`` identifies the child; several weighings in one calendar month: the last one
    counts, the others get ``<NA>``.
    """
    frame = pd.DataFrame(
        {
            "anak": anak.to_numpy(),
            "lahir": pd.to_datetime(pd.Series(tanggal_lahir.to_numpy()), errors="coerce"),
            "ukur": pd.to_datetime(pd.Series(tanggal_ukur.to_numpy()), errors="coerce"),
            "berat": pd.to_numeric(pd.Series(berat_kg.to_numpy()), errors="coerce"),
        }
    )
    usable = frame["ukur"].notna() & frame["berat"].notna() & frame["lahir"].notna()
    rows = frame[usable].copy()
    rows["bulan"] = _months(rows["ukur"])
    rows = rows.sort_values(["anak", "ukur"], kind="stable")
    last_in_month = ~rows.duplicated(["anak", "bulan"], keep="last")
    rows = rows[last_in_month]
    before = rows.groupby("anak", sort=False)
    prev_month = before["bulan"].shift(1)
    prev_weight = before["berat"].shift(1)
    months = (rows["ukur"].dt.year - rows["lahir"].dt.year) * 12 + (
        rows["ukur"].dt.month - rows["lahir"].dt.month
    )
    months = months - (rows["ukur"].dt.day < rows["lahir"].dt.day).astype(int)
    gain = np.round((rows["berat"] - prev_weight) * 1000)
    kbm = np.select(
        [months < 0, months > 60, months <= 1] + [months == k for k in sorted(KBM_GRAM) if k > 1],
        [np.nan, np.nan, KBM_GRAM[1]] + [KBM_GRAM[k] for k in sorted(KBM_GRAM) if k > 1],
        default=KBM_TUA_GRAM,
    )
    consecutive = prev_month == rows["bulan"] - 1
    status = np.where(
        prev_month.isna(), "B", np.where(~consecutive, "O", np.where(gain >= kbm, "N", "T"))
    )
    status = np.where(np.isnan(kbm), None, status)
    out = pd.DataFrame(index=frame.index)
    out["umur_bulan"] = pd.array([pd.NA] * len(frame), dtype="Int64")
    out.loc[rows.index, "umur_bulan"] = months.astype("int64")
    out["kenaikan_gram"] = pd.array([pd.NA] * len(frame), dtype="Int64")
    with_gain = rows.index[consecutive.to_numpy()]
    out.loc[with_gain, "kenaikan_gram"] = gain[consecutive].astype("int64")
    out["kbm_gram"] = pd.array([pd.NA] * len(frame), dtype="Int64")
    has_kbm = rows.index[~np.isnan(kbm)]
    out.loc[has_kbm, "kbm_gram"] = kbm[~np.isnan(kbm)].astype("int64")
    out["status"] = pd.array([None] * len(frame), dtype="string")
    out.loc[rows.index, "status"] = pd.array(status, dtype="string")
    out["kbm_ragu"] = pd.array([False] * len(frame), dtype="boolean")
    out.loc[rows.index, "kbm_ragu"] = months.isin(KBM_RAGU_BULAN).to_numpy()
    out.loc[rows.index[np.isnan(kbm)], "kbm_ragu"] = False
    return out


def _history_frame(history: Any) -> pd.DataFrame:
    if isinstance(history, pd.DataFrame):
        frame = history.copy()
    elif isinstance(history, Iterable) and not isinstance(history, str | bytes | Mapping):
        items = list(history)
        if items and isinstance(items[0], Mapping):
            frame = pd.DataFrame(items)
        else:
            frame = pd.DataFrame(items, columns=["tanggal_ukur", "berat_kg"])
    else:
        raise i18n.InputError(expected="par.expected.history", given=type(history).__name__)
    frame = frame.rename(columns={"tanggal": "tanggal_ukur", "berat": "berat_kg"})
    for column in ("tanggal_ukur", "berat_kg"):
        if column not in frame.columns:
            raise i18n.InputError(
                "input.not_found",
                expected="par.expected.history",
                given=", ".join(map(str, frame.columns)),
            )
    return frame


def weight_gain_status(history: Any, tanggal_lahir: date | str | None = None) -> pd.DataFrame:
    """N (naik) or T (tidak naik) for each month of one child's weighings, from the KBM table
    (and O or B when the gain cannot be read; see the module's docstring).

    ``history`` is a DataFrame or a list of rows with ``tanggal_ukur`` (date or text like
    12/09/2026) and ``berat_kg`` (and ``tanggal_lahir``, unless given as the argument), or a
    list of ``(tanggal_ukur, berat_kg)`` pairs. Returns one row per month with a weighing
    (the last of the month), sorted by date: ``bulan`` (the month's first day),
    ``tanggal_ukur``, ``berat_kg``, ``umur_bulan``, ``kenaikan_gram``, ``kbm_gram``,
    ``status`` and ``kbm_ragu`` (True where the KBM is uncertain [?]).

    >>> weight_gain_status([("09/02/2026", 7.5), ("10/04/2026", 7.9)],
    ...                    tanggal_lahir="05/08/2025")["status"].tolist()
    ['B', 'O']
    >>> weight_gain_status([("09/02/2026", -7.5)], tanggal_lahir="05/08/2025")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Berat badan (kg)" di luar batas: diharapkan
    antara 0,9 dan 58 kg, diberikan "-7,5".
    """
    frame = _history_frame(history)
    if tanggal_lahir is not None:
        frame["tanggal_lahir"] = as_date(tanggal_lahir, "par.field.birth_date")
    elif "tanggal_lahir" not in frame.columns:
        raise i18n.InputError(
            "input.required", expected="expected.date", given="", field="par.field.birth_date"
        )
    lahir = [as_date(v, "par.field.birth_date") for v in frame["tanggal_lahir"]]
    ukur = [as_date(v, "par.field.measure_date") for v in frame["tanggal_ukur"]]
    berat = []
    for value in frame["berat_kg"]:
        kg = None if missing(value) else float(i18n.parse_number(value, "par.field.weight"))
        if kg is None or not 0.9 <= kg <= 58:
            raise i18n.InputError(
                "input.out_of_range",
                expected="par.expected.weight",
                given="" if kg is None else i18n.format_number(kg).replace(".", ""),
                field="par.field.weight",
            )
        berat.append(kg)
    for birth, day in zip(lahir, ukur, strict=True):
        if day < birth or umur_bulan(birth, day) > 60:
            raise i18n.InputError(
                "input.out_of_range",
                expected="par.expected.measure_date",
                given=day.strftime("%d/%m/%Y"),
                field="par.field.measure_date",
            )
    table = pd.DataFrame({"tanggal_ukur": ukur, "berat_kg": berat})
    status = gain_status_frame(
        pd.Series(["anak"] * len(table)), pd.Series(lahir), pd.Series(ukur), table["berat_kg"]
    )
    table = pd.concat([table, status], axis=1)
    table = table[table["status"].notna()].copy()
    table.insert(0, "bulan", [d.replace(day=1) for d in table["tanggal_ukur"]])
    order = np.argsort(pd.to_datetime(table["tanggal_ukur"]).to_numpy(), kind="stable")
    return table.iloc[order].reset_index(drop=True)
