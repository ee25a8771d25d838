"""Language, message catalogs, and Indonesian formatting and parsing.

The workshop speaks Indonesian first and English second. Every sentence a participant reads
comes from a catalog, ``desmigratif_kit/messages/<lang>.json`` (a flat mapping of key to text
with ``{name}`` fields), through :func:`t`.

Money, numbers and dates are Indonesian whatever the language (the workshop's money is rupiah
and its paperwork Indonesian): ``Rp 1.500.000``, ``1.500.000,50``, ``12 September 2017``. Only
month names follow the language.

Parsing reads what people type. In Indonesian writing the dot separates thousands and the
comma marks decimals, so the parsers follow one rule, without guessing:

* a dot must be followed by exactly three digits (``1.500.000``); ``1.5``, ``1.50`` or
  ``1500000.50`` are rejected with an :class:`InputError` that explains the rule, because
  ``1.5`` may mean one and a half (English) or a typing slip for ``1.500``;
* at most one comma, the decimal mark: ``1,5`` is one and a half, so ``1,500`` is 1.5 too,
  and ``1,500,000`` is rejected.

>>> parse_number("1.500.000,50")
1500000.5
>>> format_rp(parse_rp("Rp1.500.000,-"))
'Rp 1.500.000'
>>> parse_number("1.5")
Traceback (most recent call last):
...
desmigratif_kit.core.i18n.InputError: Nilai tidak dapat dibaca: diharapkan angka seperti 1.500.000
atau
1.500.000,50 (titik pemisah ribuan, koma desimal), diberikan "1.5".
"""

from __future__ import annotations

import json
import logging
import math
import numbers
import re
import string
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from babel.dates import format_date as _babel_format_date
from babel.dates import get_month_names
from babel.numbers import format_decimal

__all__ = [
    "LANGUAGES",
    "InputError",
    "catalog",
    "format_date",
    "format_datetime",
    "format_number",
    "format_pct",
    "format_rp",
    "get_language",
    "message_fields",
    "off_language_change",
    "on_language_change",
    "parse_bool",
    "parse_date",
    "parse_number",
    "parse_pct",
    "parse_rp",
    "quote_given",
    "set_language",
    "t",
    "text_or_key",
]

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
NUMBER_LOCALE = "id_ID"
DATE_LOCALES = {"id": "id_ID", "en": "en"}
PACKAGE_DIR = Path(__file__).resolve().parent.parent
"""The ``desmigratif_kit`` folder: each of its packages may have a ``messages/`` folder."""

log = logging.getLogger(__name__)

_language = DEFAULT_LANGUAGE
_callbacks: list[Callable[[str], Any]] = []


# --- language ------------------------------------------------------------------------------


def get_language() -> str:
    """The language of this process (each participant has their own kernel).

    >>> get_language()
    'id'
    """
    return _language


def set_language(lang: str) -> None:
    """Choose the language, then run the callbacks registered with :func:`on_language_change`.

    ``"EN"``, ``"en_US"`` and ``"en-GB"`` all mean ``"en"``. Callbacks run only when the
    language really changes; one that raises is logged and does not stop the others.

    >>> set_language("en"); get_language()
    'en'
    >>> set_language("id")
    >>> set_language("fr")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Bahasa" tidak dapat dibaca: diharapkan kode
    bahasa: id, en, diberikan "fr".
    """
    global _language
    code = _normalize_language(lang)
    if code == _language:
        return
    _language = code
    for callback in list(_callbacks):
        try:
            callback(code)
        except Exception:
            log.exception("language-change callback %r failed", callback)


def on_language_change(callback: Callable[[str], Any]) -> Callable[[str], Any]:
    """Register ``callback(lang)`` to run after each change of language; returns it.

    >>> seen = []
    >>> redraw = on_language_change(seen.append)
    >>> set_language("en"); set_language("id"); seen
    ['en', 'id']
    >>> off_language_change(redraw)
    """
    _callbacks.append(callback)
    return callback


def off_language_change(callback: Callable[[str], Any]) -> None:
    """Stop calling a callback registered with :func:`on_language_change` (no error if absent)."""
    if callback in _callbacks:
        _callbacks.remove(callback)


def _normalize_language(lang: str | None) -> str:
    if lang is None:
        return _language
    code = re.split(r"[-_]", str(lang).strip().lower())[0]
    if code not in LANGUAGES:
        raise InputError(
            "input.unreadable",
            expected="expected.language",
            given=lang,
            field="lang.label",
            choices=", ".join(LANGUAGES),
        )
    return code


# --- messages ------------------------------------------------------------------------------


def catalog_files(lang: str) -> list[Path]:
    """The catalog files of one language: ``<package>/messages/<lang>.json`` of every package.

    Each package (``core``, each pillar, ``workshop``) keeps the sentences it shows in its own
    ``messages/`` folder, so a pillar specialist edits only their pillar's files; the catalogs
    are found by their place in the folder tree (core imports no pillar).

    >>> [path.parent.parent.name for path in catalog_files("id")][:1]
    ['core']
    """
    found = sorted(PACKAGE_DIR.glob(f"*/messages/{lang}.json"))
    return sorted(found, key=lambda path: path.parent.parent.name != "core")


@cache
def catalog(lang: str) -> dict[str, str]:
    """The message catalog of one language: every package's file, read once per process.

    The same key in two files is an error (a test checks it; here the first file wins).

    >>> catalog("id")["role.kepala_desa"]
    'Kepala desa'
    """
    merged: dict[str, str] = {}
    for path in catalog_files(lang):
        for key, text in json.loads(path.read_text(encoding="utf-8")).items():
            merged.setdefault(key, text)
    return merged


def t(key: str, lang: str | None = None, **values: Any) -> str:
    """The message ``key`` in ``lang`` (default: the current language), fields filled in.

    A key missing from the catalog raises ``KeyError``, and so does a missing field value.

    >>> t("app.saved", time="10.15")
    'Tersimpan ✓ 10.15'
    >>> t("app.saved", lang="en", time="10.15")
    'Saved ✓ 10.15'
    >>> t("no.such.key")
    Traceback (most recent call last):
    ...
    KeyError: "no message 'no.such.key' in catalog 'id'"
    """
    code = _normalize_language(lang)
    try:
        text = catalog(code)[key]
    except KeyError:
        raise KeyError(f"no message {key!r} in catalog {code!r}") from None
    return text.format_map(values) if values or "{" in text else text


def message_fields(text: str) -> set[str]:
    """The ``{field}`` names used in a catalog text.

    >>> sorted(message_fields('{subject} tidak dapat dibaca: diberikan {given}.'))
    ['given', 'subject']
    """
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def text_or_key(text: str, lang: str | None = None, **values: Any) -> str:
    """Translate ``text`` when it is a catalog key, else return it as already-written text.

    >>> text_or_key("role.fasilitator", "en"), text_or_key("Tanggal lahir", "en")
    ('Facilitator', 'Tanggal lahir')
    """
    code = _normalize_language(lang)
    if text in catalog(code):
        return t(text, code, **values)
    return text


# --- errors --------------------------------------------------------------------------------


class InputError(ValueError):
    """A value that a person gave cannot be used.

    ``key`` is the catalog key of the sentence (``"input.unreadable"``, ``"input.out_of_range"``,
    ``"input.not_found"``, ``"input.required"``); ``expected`` and ``field`` are catalog keys
    (``"expected.date"``) or already-written text (a column label such as ``"Tanggal lahir"``);
    ``given`` is what the person gave; ``values`` fill the fields of ``expected``.
    ``str(err)`` is written in the current language at the moment it is read.

    >>> err = InputError("input.unreadable", expected="expected.date", given="31/02/2017",
    ...                  field="Tanggal lahir")
    >>> print(err)
    Nilai untuk "Tanggal lahir" tidak dapat dibaca: diharapkan tanggal seperti 12/09/2017,
    diberikan "31/02/2017".
    >>> print(err.message("en"))
    The value for "Tanggal lahir" could not be read: expected a date like 12/09/2017
    (day/month/year), given "31/02/2017".
    """

    def __init__(
        self,
        key: str = "input.unreadable",
        *,
        expected: str,
        given: Any,
        field: str | None = None,
        **values: Any,
    ) -> None:
        super().__init__(key, expected, given, field)
        self.key = key
        self.expected = expected
        self.given = given
        self.field = field
        self.values = values

    def message(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        code = _normalize_language(lang)
        if self.field is None:
            subject = t("input.subject", code)
        else:
            subject = t("input.subject_field", code, field=text_or_key(self.field, code))
        return t(
            self.key,
            code,
            subject=subject,
            expected=text_or_key(self.expected, code, **self.values),
            given=quote_given(self.given, t("input.given_empty", code)),
        )

    def __str__(self) -> str:
        return self.message()


def quote_given(given: Any, empty_text: str, limit: int = 60) -> str:
    """Show what a person gave: quoted, shortened when long, ``empty_text`` when empty.

    >>> quote_given(" 31/02/2017 ", "isian kosong")
    '"31/02/2017"'
    >>> quote_given(None, "isian kosong")
    'isian kosong'
    """
    text = "" if given is None else str(given).strip()
    if not text:
        return empty_text
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f'"{text}"'


# --- formatting ----------------------------------------------------------------------------


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in ("NAType", "NaTType")


def _unsigned_zero(text: str) -> str:
    """Drop the sign of a value that rounded to zero (``-0,00`` becomes ``0,00``)."""
    if text.startswith("-") and not any(ch in "123456789" for ch in text):
        return text[1:]
    return text


def format_number(value: float | None, decimals: int | None = None) -> str:
    """A number written the Indonesian way (Babel, ``id_ID``): dot for thousands, comma decimal.

    ``decimals=None`` shows up to three decimals as needed; a number shows exactly that many.
    A missing value (``None``, NaN, ``pd.NA``) gives ``""``.

    >>> format_number(1500000)
    '1.500.000'
    >>> format_number(1500000.5, 2)
    '1.500.000,50'
    >>> format_number(-0.001, 2)
    '0,00'
    >>> format_number("1500")
    Traceback (most recent call last):
    ...
    TypeError: format_number needs a number, not str '1500'
    """
    if _is_missing(value):
        return ""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"format_number needs a number, not {type(value).__name__} {value!r}")
    if decimals is None:
        pattern = "#,##0.###"
    else:
        pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return _unsigned_zero(format_decimal(value, format=pattern, locale=NUMBER_LOCALE))


def format_rp(value: float | None, decimals: int = 0) -> str:
    """A rupiah amount: ``Rp``, a plain space, the number; no decimals unless asked.

    >>> format_rp(1500000)
    'Rp 1.500.000'
    >>> format_rp(-1500000)
    '-Rp 1.500.000'
    >>> format_rp(1500000.5, 2)
    'Rp 1.500.000,50'
    """
    if _is_missing(value):
        return ""
    digits = format_number(abs(value), decimals)
    sign = "-" if value < 0 and any(ch in "123456789" for ch in digits) else ""
    return f"{sign}Rp {digits}"


def format_pct(value: float | None, decimals: int | None = None) -> str:
    """A percentage given in percent units (``5.4`` is 5,4%); up to two decimals by default.

    >>> format_pct(5.4)
    '5,4%'
    >>> format_pct(12.3456)
    '12,35%'
    >>> format_pct(5, 1)
    '5,0%'
    """
    if _is_missing(value):
        return ""
    if decimals is None:
        text = _unsigned_zero(format_decimal(value, format="#,##0.##", locale=NUMBER_LOCALE))
    else:
        text = format_number(value, decimals)
    return f"{text}%"


def format_date(value: date | None, lang: str | None = None) -> str:
    """A date as ``12 September 2017``; month names in ``lang`` (default: current language).

    >>> format_date(date(2017, 9, 12))
    '12 September 2017'
    >>> format_date(date(2017, 8, 17), lang="en")
    '17 August 2017'
    >>> format_date(datetime(2017, 8, 17, 9, 30))
    '17 Agustus 2017'
    """
    if _is_missing(value):
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        raise TypeError(f"format_date needs a date, not {type(value).__name__} {value!r}")
    locale = DATE_LOCALES[_normalize_language(lang)]
    return _babel_format_date(value, format="d MMMM y", locale=locale)


def format_datetime(value: datetime | None, lang: str | None = None) -> str:
    """A moment as ``12 September 2017 10.15`` (Indonesian time with a dot, as in
    ``app.saved``); a time-zone-aware value (saved work is stamped in UTC) is shown in the
    computer's local time first.

    >>> format_datetime(datetime(2017, 9, 12, 10, 15))
    '12 September 2017 10.15'
    >>> format_datetime(datetime(2017, 8, 17, 9, 5), lang="en")
    '17 August 2017 09.05'
    """
    if _is_missing(value):
        return ""
    if value.tzinfo is not None:
        value = value.astimezone()
    return f"{format_date(value, lang)} {value:%H.%M}"


# --- parsing -------------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_NUMBER = re.compile(r"(?P<sign>[-+−]?)(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+))?")
_RP = re.compile(
    r"(?P<s1>[-−])?\s?(?:rp\.?|idr)?\s?(?P<s2>[-−])?\s?(?P<num>\d[\d.,]*?)\s?(?:[,.][-−])?",
    re.IGNORECASE,
)
_DMY = re.compile(r"(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})")
_YMD = re.compile(
    r"(?P<y>\d{4})(?P<sep>[/-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
)
_D_MONTH_Y = re.compile(r"(?P<d>\d{1,2})[ -](?P<month>[^\W\d_]+)\.?,?[ -](?P<y>\d{4})")
_MONTH_D_Y = re.compile(r"(?P<month>[^\W\d_]+)\.? (?P<d>\d{1,2}),? (?P<y>\d{4})")
_MONTH_EXTRAS = {"sept": 9, "agt": 8, "ags": 8, "agust": 8, "peb": 2, "pebruari": 2,
                 "mrt": 3, "nop": 11, "nopember": 11}  # fmt: skip
_TRUE = {"ya", "y", "yes", "true", "benar", "1", "x", "v", "✓", "✔"}
_FALSE = {"tidak", "tdk", "no", "n", "false", "salah", "0"}


def _clean(value: Any) -> str:
    return _SPACES.sub(" ", str(value)).strip()


def _real(value: Any, expected: str, field: str | None) -> int | float:
    """A value that is already a number: ints stay ints, floats must be finite."""
    if isinstance(value, numbers.Integral):
        return int(value)
    number = float(value)
    if not math.isfinite(number):
        raise InputError(expected=expected, given=value, field=field)
    return number


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _number_from_text(text: str, expected: str, field: str | None, given: Any) -> int | float:
    match = _NUMBER.fullmatch(text)
    if not match:
        raise InputError(expected=expected, given=given, field=field)
    sign = -1 if match["sign"] in ("-", "−") else 1
    whole = int(match["int"].replace(".", ""))
    if match["frac"] is None:
        return sign * whole
    return sign * float(f"{whole}.{match['frac']}")


def parse_number(value: Any, field: str | None = None) -> int | float:
    """A number typed the Indonesian way: ``1.500.000``, ``1.500.000,50``, ``1500000``, ``1,5``.

    Returns an ``int`` when no decimal part was written, else a ``float``; a value that is
    already a number is returned as a number. A dot must be followed by exactly three digits
    (thousands); see the module docstring for why ``1.5`` is refused.

    >>> parse_number("1.500.000")
    1500000
    >>> parse_number(" -1,5 ")
    -1.5
    >>> parse_number(42.0)
    42.0
    >>> parse_number("1.50", field="Harga")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Harga" tidak dapat dibaca: diharapkan angka
    seperti 1.500.000 atau 1.500.000,50 (titik pemisah ribuan, koma desimal), diberikan "1.50".
    """
    if _is_number(value):
        return _real(value, "expected.number", field)
    return _number_from_text(_clean(value), "expected.number", field, value)


def parse_rp(value: Any, field: str | None = None) -> int | float:
    """A rupiah amount: ``Rp 1.500.000``, ``Rp1.500.000,-``, ``IDR 1.500.000``, ``-Rp 5.000``,
    or a plain number as :func:`parse_number` reads it.

    >>> parse_rp("Rp 1.500.000")
    1500000
    >>> parse_rp("rp. 1.500.000,50")
    1500000.5
    >>> parse_rp("-Rp 25.000,-")
    -25000
    >>> parse_rp("Rp 1,500,000")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai tidak dapat dibaca: diharapkan jumlah rupiah seperti
    Rp 1.500.000, diberikan "Rp 1,500,000".
    """
    if _is_number(value):
        return _real(value, "expected.rp", field)
    match = _RP.fullmatch(_clean(value))
    if not match or (match["s1"] and match["s2"]):
        raise InputError(expected="expected.rp", given=value, field=field)
    amount = _number_from_text(match["num"], "expected.rp", field, value)
    return -amount if match["s1"] or match["s2"] else amount


def parse_pct(value: Any, field: str | None = None) -> int | float:
    """A percentage in percent units: ``5,4%``, ``5,4`` and ``5,4 %`` all give ``5.4``.

    >>> parse_pct("5,4%")
    5.4
    >>> parse_pct("lima")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai tidak dapat dibaca: diharapkan persentase seperti
    5,4
    atau 5,4%, diberikan "lima".
    """
    if _is_number(value):
        return _real(value, "expected.pct", field)
    text = _clean(value).removesuffix("%").rstrip()
    return _number_from_text(text, "expected.pct", field, value)


@cache
def _month_numbers() -> dict[str, int]:
    """Month names and abbreviations, Indonesian and English, lower case → month number."""
    months = dict(_MONTH_EXTRAS)
    for locale in ("id", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, "format", locale=locale).items():
                months[name.casefold()] = number
    return months


def _date_parts(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) from the first date pattern ``text`` matches, else None."""
    for pattern in (_DMY, _YMD):
        match = pattern.fullmatch(text)
        if match:
            return int(match["y"]), int(match["m"]), int(match["d"])
    for pattern in (_D_MONTH_Y, _MONTH_D_Y):
        match = pattern.fullmatch(text)
        if match and match["month"].casefold() in _month_numbers():
            return int(match["y"]), _month_numbers()[match["month"].casefold()], int(match["d"])
    return None


def parse_date(value: Any, field: str | None = None) -> date:
    """A date as people write it: ``12/09/2017`` (day first), ``12-09-2017``, ``12.09.2017``,
    ``2017-09-12``, ``12 September 2017``, ``12 Sep 2017``, ``12 Agu 2017`` (Indonesian or
    English month names and abbreviations, any case), or a ``date``/``datetime`` already.

    The year needs four digits: ``12/09/17`` could be 1917 or 2017.

    >>> parse_date("12/09/2017")
    datetime.date(2017, 9, 12)
    >>> parse_date("17 Agustus 1945")
    datetime.date(1945, 8, 17)
    >>> parse_date("2017-09-12 00:00:00")
    datetime.date(2017, 9, 12)
    >>> parse_date("31/02/2017", field="Tanggal lahir")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Tanggal lahir" tidak dapat dibaca: diharapkan
    tanggal seperti 12/09/2017, diberikan "31/02/2017".
    """
    if isinstance(value, datetime):
        if _is_missing(value):
            raise InputError(expected="expected.date", given="", field=field)
        return value.date()
    if isinstance(value, date):
        return value
    parts = _date_parts(_clean(value)) if isinstance(value, str) else None
    if parts is None:
        raise InputError(expected="expected.date", given=value, field=field)
    try:
        return date(*parts)
    except ValueError:
        raise InputError(expected="expected.date", given=value, field=field) from None


def parse_bool(value: Any, field: str | None = None) -> bool:
    """Yes or no: ``ya``/``tidak``, ``yes``/``no``, ``y``/``n``, ``1``/``0``, ``true``/``false``,
    ``benar``/``salah``, and a tick mark ``x``/``v``/``✓`` for yes (any case).

    >>> parse_bool("Ya"), parse_bool("tidak"), parse_bool("X"), parse_bool(0)
    (True, False, True, False)
    >>> parse_bool("mungkin")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai tidak dapat dibaca: diharapkan ya atau tidak,
    diberikan "mungkin".
    """
    if isinstance(value, bool):
        return value
    if _is_number(value) and value in (0, 1):
        return bool(value)
    text = _clean(value).casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InputError(expected="expected.bool", given=value, field=field)
