"""Strict input checks for the pillar-2 rules, and rupiah rounding.

Every rule of the pillar reads plain mappings (what an app autosaves as JSON) through these
helpers: an unknown key, a missing value, text that is not a number, a negative price or a
percentage out of range raises :class:`~desmigratif_kit.core.i18n.InputError` naming the field
(a catalog key ``biz.field.*``, shown in the participant's language), what was expected and
what was given. Numbers may also be given as the text people type (``1.500.000``, ``Rp 25.000``,
``30%``), read by :mod:`desmigratif_kit.core.i18n`.

>>> rp("Rp 25.000", "biz.field.harga_rp")
25000
>>> pct("30%", "biz.field.margin_pct", below=100)
30
>>> rp(-5, "biz.field.harga_rp")
Traceback (most recent call last):
...
desmigratif_kit.core.i18n.InputError: Nilai untuk "Harga satuan" di luar batas: diharapkan
paling sedikit Rp 0, diberikan "-Rp 5".
>>> bulatkan_rp(15200.5), bulatkan_rp(-0.5), naikkan_rp(21714.2857, 500)
(15201, -1, 22000)
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from typing import Any

from desmigratif_kit.core import i18n
from desmigratif_kit.core.inputs import missing

__all__ = [
    "bulatkan_rp",
    "check_keys",
    "choice",
    "decimal",
    "flag",
    "mapping",
    "naikkan_rp",
    "number",
    "pct",
    "row_field",
    "rp",
    "sequence",
    "text",
    "whole",
]

_READERS = {
    "expected.number": i18n.parse_number,
    "expected.rp": i18n.parse_rp,
    "expected.pct": i18n.parse_pct,
    "expected.integer": i18n.parse_number,
}


# --- rounding ------------------------------------------------------------------------------


def decimal(value: float) -> Decimal:
    """``value`` as the decimal a person wrote (``0.1`` is exactly 0.1, not 0.10000000000000001)."""
    return Decimal(str(value)) if isinstance(value, float) else Decimal(value)


def bulatkan_rp(value: float) -> int:
    """An amount to the whole rupiah, halves away from zero (Rp 0,5 becomes Rp 1).

    Money that is shown is rounded once, here; totals are added from the rounded parts so a
    table always adds up.
    """
    return int(decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def naikkan_rp(value: float | Decimal, kelipatan_rp: int = 1) -> int:
    """``value`` rounded *up* to a multiple of ``kelipatan_rp`` (a price: rounding down would
    sell below the intended margin)."""
    amount = value if isinstance(value, Decimal) else decimal(value)
    step = Decimal(kelipatan_rp)
    return int((amount / step).to_integral_value(rounding=ROUND_CEILING) * step)


# --- fields --------------------------------------------------------------------------------


def row_field(group: str, nomor: int, nama: str, name: str) -> str:
    """The field of one row of a table, written for people: ``Biaya no. 3 (Kemiri): Harga``.

    ``group`` and ``name`` are catalog keys; ``nama`` is what the row is called (may be "").
    The text is written in the current language (apps rebuild it when the language changes).
    """
    label = i18n.t(group)
    where = f"{label} no. {nomor}" + (f" ({nama})" if nama else "")
    return f"{where}: {i18n.text_or_key(name)}"


def check_keys(
    value: Any, allowed: Sequence[str], field: str, required: Iterable[str] = ()
) -> Mapping[str, Any]:
    """``value`` must be a mapping with only ``allowed`` keys and every ``required`` one."""
    if not isinstance(value, Mapping):
        raise i18n.InputError(
            "input.unreadable",
            expected="expected.choice",
            choices=", ".join(allowed),
            given=type(value).__name__,
            field=field,
        )
    for key in value:
        if key not in allowed:
            raise i18n.InputError(
                "input.not_found",
                expected="expected.choice",
                choices=", ".join(allowed),
                given=key,
                field=field,
            )
    for key in required:
        if key not in value or missing(value[key]):
            raise i18n.InputError(
                "input.required", expected=_expected_for(key), given="", field=_field(key)
            )
    return value


def _field(key: str) -> str:
    name = f"biz.field.{key}"
    return name if name in i18n.catalog(i18n.get_language()) else key


def _expected_for(key: str) -> str:
    if key in ("biaya", "investasi", "musim_pct"):
        return "biz.expected.list"
    if key in ("batch", "kemasan", "saluran", "harga", "laku_per_bulan", "produk"):
        return "biz.expected.mapping"
    if key.endswith("_rp"):
        return "expected.rp"
    if key.endswith("_pct"):
        return "expected.pct"
    if key in ("nama", "satuan", "satuan_hasil", "nama_unit", "kategori"):
        return "expected.text"
    return "expected.number"


def mapping(value: Any, field: str) -> Mapping[str, Any]:
    """A mapping (dict) whose keys the caller checks itself (e.g. packaging codes)."""
    if not isinstance(value, Mapping):
        raise i18n.InputError(
            "input.unreadable",
            expected="biz.expected.mapping",
            given=type(value).__name__,
            field=field,
        )
    return value


def sequence(value: Any, field: str, expected: str = "biz.expected.list") -> list[Any]:
    """A list or tuple (text is not a list of letters)."""
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Sequence):
        raise i18n.InputError(
            "input.unreadable", expected=expected, given=type(value).__name__, field=field
        )
    return list(value)


# --- values --------------------------------------------------------------------------------


def _shown(value: float, expected: str) -> str:
    if expected == "expected.rp":
        return i18n.format_rp(value, 0 if float(value).is_integer() else 2)
    if expected == "expected.pct":
        return i18n.format_pct(value)
    return i18n.format_number(value)


def number(
    value: Any,
    field: str,
    *,
    expected: str = "expected.number",
    min: float | None = None,
    max: float | None = None,
    above: float | None = None,
    below: float | None = None,
) -> int | float:
    """A finite number (or text people type), within the bounds given.

    ``min``/``max`` are inclusive, ``above``/``below`` exclusive. ``expected`` names the kind
    (``expected.number``, ``expected.rp``, ``expected.pct``) for the message and the reader.
    """
    if missing(value) or (isinstance(value, str) and not value.strip()):
        raise i18n.InputError("input.required", expected=expected, given="", field=field)
    if isinstance(value, bool) or not isinstance(value, numbers.Real | str):
        raise i18n.InputError("input.unreadable", expected=expected, given=value, field=field)
    amount = _READERS[expected](value, field=field)
    if isinstance(amount, float) and not math.isfinite(amount):
        raise i18n.InputError("input.unreadable", expected=expected, given=value, field=field)
    for bound, ok, key in (
        (min, lambda b: amount >= b, "expected.min"),
        (above, lambda b: amount > b, "biz.expected.more_than"),
        (max, lambda b: amount <= b, "expected.max"),
        (below, lambda b: amount < b, "biz.expected.less_than"),
    ):
        if bound is not None and not ok(bound):
            shown = {
                "min" if key in ("expected.min", "biz.expected.more_than") else "max": _shown(
                    bound, expected
                )
            }
            raise i18n.InputError(
                "input.out_of_range",
                expected=key,
                given=_shown(amount, expected),
                field=field,
                **shown,
            )
    return amount


def rp(value: Any, field: str, *, min: float | None = 0, above: float | None = None) -> int | float:
    """A rupiah amount, at least Rp 0 unless told otherwise."""
    return number(value, field, expected="expected.rp", min=min, above=above)


def pct(
    value: Any,
    field: str,
    *,
    min: float | None = 0,
    max: float | None = None,
    below: float | None = None,
) -> int | float:
    """A percentage in percent units (``30`` or ``"30%"`` is 30%), at least 0 by default."""
    return number(value, field, expected="expected.pct", min=min, max=max, below=below)


def whole(value: Any, field: str, *, min: int | None = 0, max: int | None = None) -> int:
    """A whole number (``3``, ``3.0``, ``"3"``); ``3.5`` is refused."""
    amount = number(value, field, expected="expected.integer", min=min, max=max)
    if isinstance(amount, float):
        if not amount.is_integer():
            raise i18n.InputError(
                "input.unreadable", expected="expected.integer", given=value, field=field
            )
        amount = int(amount)
    return amount


def text(value: Any, field: str, *, required: bool = True) -> str:
    """Text, spaces at the ends removed; ``""`` when not required and not given."""
    if missing(value) or (isinstance(value, str) and not value.strip()):
        if required:
            raise i18n.InputError("input.required", expected="expected.text", given="", field=field)
        return ""
    if not isinstance(value, str):
        raise i18n.InputError(
            "input.unreadable", expected="expected.text", given=value, field=field
        )
    return " ".join(value.split())


def choice(value: Any, choices: Sequence[str], field: str) -> str:
    """One of ``choices`` (case and spaces at the ends ignored)."""
    code = value.strip().casefold() if isinstance(value, str) else value
    if missing(value) or code == "":
        raise i18n.InputError(
            "input.required",
            expected="expected.choice",
            choices=", ".join(choices),
            given="",
            field=field,
        )
    if code not in choices:
        raise i18n.InputError(
            "input.not_found",
            expected="expected.choice",
            choices=", ".join(choices),
            given=value,
            field=field,
        )
    return code


def flag(value: Any, field: str) -> bool:
    """Yes or no (``True``, ``"ya"``, ``1`` ...)."""
    if missing(value):
        raise i18n.InputError("input.required", expected="expected.bool", given="", field=field)
    return i18n.parse_bool(value, field=field)
