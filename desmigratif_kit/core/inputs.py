"""Small input checks shared by the pillars' rules modules.

Rules read dates and treat ``None``, NaN, ``NaT`` and ``NA`` as "not given" the same way
everywhere (pillar 1's readiness checks and its register both use these two helpers).

>>> missing(None), missing(float("nan")), missing(0)
(True, True, False)
>>> as_date("12/09/2017", "tanggal_berangkat")
datetime.date(2017, 9, 12)
>>> as_date(None, "tanggal_lahir")
Traceback (most recent call last):
...
desmigratif_kit.core.i18n.InputError: Nilai untuk "tanggal_lahir" wajib diisi: ...
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

import pandas as pd

from desmigratif_kit.core import i18n

__all__ = ["as_date", "missing"]


def missing(value: Any) -> bool:
    """True for ``None``, NaN, ``pd.NaT`` and ``pd.NA``: a value that was not given."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return value is pd.NaT or value is pd.NA


def as_date(value: Any, name: str) -> date:
    """``value`` (a ``date``, ``datetime`` or text like 12/09/2017) as a ``date``.

    A missing or unreadable value raises :class:`~desmigratif_kit.core.i18n.InputError` naming
    the field ``name``.
    """
    if missing(value):
        raise i18n.InputError("input.required", expected="expected.date", given="", field=name)
    if isinstance(value, datetime | date | str):
        return i18n.parse_date(value, field=name)
    raise i18n.InputError("input.unreadable", expected="expected.date", given=value, field=name)
