"""Input checks shared by the pillar's rules: amounts, months, percentages, choices.

Each check accepts what a person gives (a number, or text typed the Indonesian way such as
``Rp 10.000.000``, ``1,5`` or ``12``) and returns a clean number, or raises
:class:`~desmigratif_kit.core.i18n.InputError` naming the field, what was expected and what
was given (in the catalogs: keys ``kop.expected.*`` and ``kop.field.*``).

>>> amount_rp("Rp 10.000.000", "kop.field.principal")
10000000
>>> whole_months(0, "kop.field.months")
Traceback (most recent call last):
...
desmigratif_kit.core.i18n.InputError: Nilai untuk "Jangka waktu (bulan)" di luar batas:
diharapkan bilangan bulat 1 sampai 360 bulan, diberikan "0".
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from desmigratif_kit.core import i18n
from desmigratif_kit.core.inputs import missing

__all__ = [
    "BULAN_MAKS",
    "POKOK_MAKS_RP",
    "amount_rp",
    "as_fraction",
    "choice",
    "largest_remainder",
    "pct",
    "round_rp",
    "shares_100",
    "whole_months",
]

BULAN_MAKS = 360
"""The longest term the calculators accept: 30 years."""
POKOK_MAKS_RP = 1_000_000_000_000
"""The largest amount the calculators accept: Rp 1 trillion (far above any village loan)."""


def _number(value: Any, field: str, kind: str) -> int | float:
    """A finite number from a number or Indonesian text; ``kind`` is ``rp``, ``pct`` or
    ``number`` (the parser and the message when it cannot be read)."""
    if missing(value) or (isinstance(value, str) and not value.strip()):
        raise i18n.InputError("input.required", expected=f"expected.{kind}", given="", field=field)
    if isinstance(value, bool):
        raise i18n.InputError(expected=f"expected.{kind}", given=value, field=field)
    if isinstance(value, numbers.Real):
        number = value
    else:
        parse = {"rp": i18n.parse_rp, "pct": i18n.parse_pct}.get(kind, i18n.parse_number)
        number = parse(value, field=field)
    if isinstance(number, numbers.Integral):
        return int(number)
    number = float(number)
    if not math.isfinite(number):
        raise i18n.InputError(expected=f"expected.{kind}", given=value, field=field)
    return number


def amount_rp(
    value: Any,
    field: str,
    *,
    allow_zero: bool = False,
    max_rp: int = POKOK_MAKS_RP,
    whole: bool = True,
) -> int | float:
    """A rupiah amount: more than zero (or zero when ``allow_zero``), at most ``max_rp``.

    ``whole=True`` rounds to the rupiah (half up): schedules and shares are in whole rupiah.

    >>> amount_rp(1500000.5, "kop.field.principal")
    1500001
    >>> amount_rp(-5, "kop.field.principal")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Pokok pinjaman" di luar batas: diharapkan
    jumlah lebih dari Rp 0 dan paling banyak Rp 1.000.000.000.000, diberikan "-5".
    """
    number = _number(value, field, "rp")
    low_ok = number >= 0 if allow_zero else number > 0
    if not low_ok or number > max_rp:
        raise i18n.InputError(
            "input.out_of_range",
            expected="kop.expected.amount_zero" if allow_zero else "kop.expected.amount",
            given=i18n.format_number(number),
            field=field,
            max=i18n.format_rp(max_rp),
        )
    return round_rp(number) if whole else number


def whole_months(
    value: Any,
    field: str,
    *,
    max_months: int = BULAN_MAKS,
    expected: str = "kop.expected.months",
) -> int:
    """A term in whole months, 1 to ``max_months`` (``expected``: the catalog key that says
    so, with a ``{max}`` field; another key serves other whole counts).

    >>> whole_months("24", "kop.field.months")
    24
    >>> whole_months(2.5, "kop.field.months")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Jangka waktu (bulan)" tidak dapat dibaca:
    diharapkan bilangan bulat 1 sampai 360 bulan, diberikan "2,5".
    """
    number = _number(value, field, "integer")
    if isinstance(number, float):
        if not number.is_integer():
            raise i18n.InputError(
                expected=expected,
                given=i18n.format_number(number),
                field=field,
                max=max_months,
            )
        number = int(number)
    if not 1 <= number <= max_months:
        raise i18n.InputError(
            "input.out_of_range",
            expected=expected,
            given=number,
            field=field,
            max=max_months,
        )
    return number


def pct(value: Any, field: str, *, expected: str = "kop.expected.pct_0_100") -> int | float:
    """A percentage from 0 to 100 (``1,5``, ``"1,5%"`` or ``1.5``).

    >>> pct("1,5%", "kop.field.rate_bulan")
    1.5
    >>> pct(120, "kop.field.rate_bulan", expected="kop.expected.rate_bulan")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Bunga (% per bulan)" di luar batas:
    diharapkan bunga 0% sampai 100% per bulan, diberikan "120".
    """
    number = _number(value, field, "pct")
    if not 0 <= number <= 100:
        raise i18n.InputError(
            "input.out_of_range", expected=expected, given=i18n.format_number(number), field=field
        )
    return number


def _norm(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", str(text).casefold()).strip()


def choice(value: Any, field: str, choices: Mapping[str, Sequence[str]]) -> str:
    """The canonical choice for ``value``: a key of ``choices`` or one of its other spellings
    (case, spaces, ``_`` and ``-`` ignored).

    >>> choice("Anuitas", "kop.field.method", {"anuitas": ["annuity"], "flat": []})
    'anuitas'
    >>> choice("bulanan", "kop.field.method", {"anuitas": [], "flat": []})
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Cara menghitung bunga" tidak ditemukan:
    diharapkan salah satu dari: anuitas, flat, diberikan "bulanan".
    """
    lookup = {_norm(text): key for key, others in choices.items() for text in (key, *others)}
    found = lookup.get(_norm(value)) if isinstance(value, str) else None
    if found is None:
        raise i18n.InputError(
            "input.required" if missing(value) or value == "" else "input.not_found",
            expected="expected.choice",
            choices=", ".join(choices),
            given="" if missing(value) else value,
            field=field,
        )
    return found


# --- whole rupiah --------------------------------------------------------------------------


def as_fraction(value: int | float | Fraction | Decimal) -> Fraction:
    """An exact fraction for a number as it was written: ``1.5`` is 3/2, not the binary float.

    >>> as_fraction(1.5), as_fraction(0.1)
    (Fraction(3, 2), Fraction(1, 10))
    """
    if isinstance(value, float):
        return Fraction(Decimal(repr(value)))
    return Fraction(value)


def round_rp(value: int | float | Fraction) -> int:
    """Round to the whole rupiah, halves up (away from zero), as cashiers do.

    >>> round_rp(Fraction(5, 2)), round_rp(833333.5), round_rp(-0.5)
    (3, 833334, -1)
    """
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, Fraction):
        sign = -1 if value < 0 else 1
        return sign * math.floor(abs(value) + Fraction(1, 2))
    return int(Decimal(repr(float(value))).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def largest_remainder(total_rp: int, weights: Sequence[int | float | Fraction]) -> list[int]:
    """Share ``total_rp`` (whole rupiah) in proportion to ``weights``, in whole rupiah that add
    up to ``total_rp`` exactly (the largest-remainder method: everyone gets the whole rupiah
    of their exact share, then the rupiah left over go one each to the largest remainders; ties
    go to the earlier row). All weights zero, or a negative weight, raise ``ValueError``.

    >>> largest_remainder(100, [1, 1, 1])
    [34, 33, 33]
    >>> largest_remainder(1_000_000, [2, 0, 98])
    [20000, 0, 980000]
    """
    if total_rp < 0 or int(total_rp) != total_rp:
        raise ValueError(f"total_rp must be a whole amount >= 0, not {total_rp!r}")
    exact = [as_fraction(w) for w in weights]
    if any(w < 0 for w in exact):
        raise ValueError("weights must not be negative")
    whole_weight = sum(exact, Fraction(0))
    if not exact:
        return []
    if whole_weight == 0:
        raise ValueError("at least one weight must be more than zero")
    quotas = [Fraction(int(total_rp)) * w / whole_weight for w in exact]
    shares = [math.floor(q) for q in quotas]
    left = int(total_rp) - sum(shares)
    order = sorted(range(len(quotas)), key=lambda i: (-(quotas[i] - shares[i]), i))
    for i in order[:left]:
        shares[i] += 1
    return shares


def shares_100(
    shares: Mapping[str, Any], field: str, allowed: Sequence[str] | None = None
) -> dict[str, int | float]:
    """Percentages by name, each 0 to 100, that add up to exactly 100 (else one clear error
    that shows the sum). ``allowed`` limits the names (any non-empty name when ``None``).

    >>> shares_100({"tabungan": "30", "kebutuhan": 70}, "kop.field.plan_shares")
    {'tabungan': 30, 'kebutuhan': 70}
    >>> shares_100({"tabungan": 30, "kebutuhan": 60}, "kop.field.plan_shares")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Pembagian kiriman (%)" tidak dapat dibaca:
    diharapkan bagian-bagian yang jumlahnya tepat 100%, diberikan "90% (tabungan 30% + kebutuhan
    60%)".
    """
    if not isinstance(shares, Mapping) or not shares:
        raise i18n.InputError(
            "input.required", expected="kop.expected.shares_100", given="", field=field
        )
    cleaned: dict[str, int | float] = {}
    for name, value in shares.items():
        key = str(name).strip()
        if allowed is not None and key not in allowed:
            raise i18n.InputError(
                "input.not_found",
                expected="expected.choice",
                choices=", ".join(allowed),
                given=key,
                field=field,
            )
        if not key:
            raise i18n.InputError("input.required", expected="expected.text", given="", field=field)
        cleaned[key] = pct(value, key)
    whole = sum((as_fraction(v) for v in cleaned.values()), Fraction(0))
    if whole != 100:
        given = " + ".join(f"{k} {i18n.format_pct(v)}" for k, v in cleaned.items())
        raise i18n.InputError(
            expected="kop.expected.shares_100",
            given=f"{i18n.format_pct(float(whole))} ({given})",  # the sum first: long text is cut
            field=field,
        )
    return cleaned
