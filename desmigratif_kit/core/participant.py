"""Who takes part and what they save: roles, participant codes, records, and input checks.

A participant code is 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown
as ``ABC-234``. The checks here turn what a person typed into the values the store keeps, or
raise an :class:`~desmigratif_kit.core.i18n.InputError` that says what was expected and what was
given. :mod:`desmigratif_kit.core.store` re-exports every public name.

>>> format_code("abc234")
'ABC-234'
>>> normalize_code("abc 234") == "ABC234"
True
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desmigratif_kit.core.i18n import InputError, t

ROLES = ("kepala_desa", "kepala_dinas", "fasilitator")
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, no 1/I/L
CODE_LENGTH = 6
MAX_NAME_CHARS = 100
MAX_APP_CHARS = 100
MAX_DATA_BYTES = 5_000_000

_CODE_RE = re.compile(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}")
_VILLAGE_RE = re.compile(r"\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?")
_SEPARATORS_RE = re.compile(r"[\s\-\u2010-\u2015_.]+")  # spaces, hyphens, dashes, _ and .


# --------------------------------------------------------------------------------------
# Errors: ``i18n.InputError`` subclasses (apps show them as bad-input messages). Their
# messages are the store's own Indonesian wording in every language for now.
# --------------------------------------------------------------------------------------


class StoreInputError(InputError):
    """A value a person gave could not be used for saved work.

    ``field`` and ``expected`` are catalog keys (``store.*``), ``values`` fill ``expected``;
    ``str(err)`` is written in the current language and names what was expected and given.

    >>> err = StoreInputError("store.name", expected="store.name.expected", given="",
    ...                       field="store.name.field", max=100)
    >>> str(err)
    'Nama tidak sah: diharapkan nama 1-100 karakter, diberikan ""'
    >>> err.message("en")
    'Name is not valid: expected a name of 1-100 characters, given ""'
    >>> isinstance(err, ValueError), err.key
    (True, 'store.name')
    """

    sentence = "store.invalid"

    def __init__(self, key: str, *, expected: str, given: Any, field: str, **values: Any):
        self.key = key
        self.expected = expected
        self.given = given
        self.field = field
        self.values = values
        ValueError.__init__(self, key, expected, given, field)

    def message(self, lang: str | None = None) -> str:
        return t(
            self.sentence,
            lang,
            field=t(self.field, lang),
            expected=t(self.expected, lang, **self.values),
            given=_show(self.given),
        )


class CodeError(StoreInputError):
    """A participant code that is not 6 characters of ``CODE_ALPHABET``."""


class UnknownCodeError(StoreInputError):
    """A well-formed participant code that nobody registered (in this workspace)."""

    sentence = "store.not_found"


class DataError(StoreInputError):
    """Work that cannot be saved as JSON (nothing is saved)."""


class StoreError(RuntimeError):
    """The database could not be used (still busy after retries, or made by a newer kit)."""


def _show(value: Any, limit: int = 60) -> str:
    """How a given value appears in a message: text in quotes, other values by type/repr."""
    if isinstance(value, str):
        text = value if len(value) <= limit else value[: limit - 1] + "…"
        return f'"{text}"'
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------------------
# Participant codes
# --------------------------------------------------------------------------------------

_CODE_VALUES = {"length": CODE_LENGTH, "alphabet": CODE_ALPHABET}


def new_code() -> str:
    """A fresh random participant code (6 characters, ``secrets``-generated).

    >>> code = new_code()
    >>> len(code), set(code) <= set(CODE_ALPHABET)
    (6, True)
    """
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(text: Any) -> str:
    """The stored form of a code a person typed or read aloud: 6 upper-case characters.

    Lower case, spaces and hyphens are accepted. Nothing else is guessed: ``0``/``O`` and
    ``1``/``I``/``L`` are never part of a code, so a code containing them is refused.

    >>> normalize_code("abc 234")
    'ABC234'
    >>> normalize_code(" Abc-234 ")
    'ABC234'
    >>> normalize_code("AB0-234")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.participant.CodeError: Kode peserta tidak sah: diharapkan kode 6 karakter \
seperti ABC-234, dari huruf dan angka 23456789ABCDEFGHJKMNPQRSTUVWXYZ (kode tidak pernah \
memuat 0, O, 1, I atau L), diberikan "AB0-234"
    """
    if not isinstance(text, str):
        raise CodeError(
            "store.code",
            expected="store.code.expected",
            given=text,
            field="store.code.field",
            **_CODE_VALUES,
        )
    code = _SEPARATORS_RE.sub("", text).upper()
    if not _CODE_RE.fullmatch(code):
        raise CodeError(
            "store.code",
            expected="store.code.expected",
            given=text,
            field="store.code.field",
            **_CODE_VALUES,
        )
    return code


def format_code(code: str) -> str:
    """A code as it is shown and read aloud: ``ABC-234``.

    >>> format_code("abc234")
    'ABC-234'
    """
    code = normalize_code(code)
    return f"{code[:3]}-{code[3:]}"


# --------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Participant:
    """A registered participant. ``code`` is stored without hyphen (``ABC234``)."""

    code: str
    role: str
    name: str
    village_code: str | None
    created_at: datetime  # UTC

    @property
    def display_code(self) -> str:
        """The code as shown on screen: ``ABC-234``."""
        return format_code(self.code)


@dataclass(frozen=True)
class SavedWork:
    """One saved version of a participant's work in one app."""

    code: str
    app: str
    data: dict
    version: int
    saved_at: datetime  # UTC


# --------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------


def _check_role(role: Any) -> str:
    value = role.strip().lower() if isinstance(role, str) else role
    if value not in ROLES:
        raise StoreInputError(
            "store.role",
            expected="store.role.expected",
            given=role,
            field="store.role.field",
            choices=", ".join(ROLES),
        )
    return value


def _check_name(name: Any) -> str:
    value = " ".join(name.split()) if isinstance(name, str) else None
    if not value or len(value) > MAX_NAME_CHARS:
        raise StoreInputError(
            "store.name",
            expected="store.name.expected",
            given=name,
            field="store.name.field",
            max=MAX_NAME_CHARS,
        )
    return value


def _check_app(app: Any) -> str:
    value = app.strip() if isinstance(app, str) else None
    if not value or len(value) > MAX_APP_CHARS:
        raise StoreInputError(
            "store.app",
            expected="store.app.expected",
            given=app,
            field="store.app.field",
            max=MAX_APP_CHARS,
        )
    return value


def _check_village(village_code: Any) -> str | None:
    """A Kemendagri code of any level (``53``, ``53.10``, ``53.10.05``, ``53.10.05.2003``);
    digits without dots are accepted too. Blank means none."""
    if village_code is None:
        return None
    if isinstance(village_code, str):
        value = village_code.strip()
        if not value:
            return None
        if value.isdigit() and len(value) in (2, 4, 6, 10):
            parts = (value[:2], value[2:4], value[4:6], value[6:])
            value = ".".join(part for part in parts if part)
        if _VILLAGE_RE.fullmatch(value):
            return value
    raise StoreInputError(
        "store.village_code",
        expected="store.village_code.expected",
        given=village_code,
        field="store.village_code.field",
    )


def _to_json(data: Any) -> str:
    if not isinstance(data, Mapping):
        raise DataError(
            "store.data",
            expected="store.data.expected_dict",
            given=type(data).__name__,
            field="store.data.field",
        )
    try:
        text = json.dumps(dict(data), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as err:
        raise DataError(
            "store.data",
            expected="store.data.expected_json",
            given=str(err),
            field="store.data.field",
        ) from err
    if len(text.encode("utf-8")) > MAX_DATA_BYTES:
        raise DataError(
            "store.data_size",
            expected="store.data_size.expected",
            given=f"{len(text.encode('utf-8')):,} byte".replace(",", "."),
            field="store.data.field",
            max=MAX_DATA_BYTES // 1_000_000,
        )
    return text
