"""Results an app can save: frozen dataclasses that turn into JSON-friendly dicts and back.

Apps autosave through :mod:`desmigratif_kit.core.store`, which holds JSON. Each result of the
pillar (:class:`~desmigratif_kit.business.costs.HargaPokok`, ``TitikImpas``, ``Skenario``,
``RencanaKas`` ...) derives from :class:`Record`: ``to_dict()`` gives plain dicts, lists,
text, numbers, ``True``/``False`` and ``None``; ``from_dict()`` builds the same result again.

>>> from dataclasses import dataclass
>>> @dataclass(frozen=True)
... class Titik(Record):
...     x: int
...     label: str
>>> Titik.from_dict(Titik(3, "a").to_dict()) == Titik(3, "a")
True
>>> Titik.from_dict({"x": 3, "lebel": "a"})
Traceback (most recent call last):
...
desmigratif_kit.core.i18n.InputError: Nilai untuk "Titik" tidak ditemukan: diharapkan salah satu
dari: x, label, diberikan "lebel".
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from decimal import Decimal
from typing import Any, ClassVar

from desmigratif_kit.core import i18n

__all__ = ["Record", "plain"]


def plain(value: Any) -> Any:
    """``value`` as JSON holds it: records become dicts, tuples lists, decimals floats."""
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    return value


class Record:
    """Base of the pillar's results (frozen dataclasses).

    ``_NESTED`` maps a field to the record class of its items (a tuple of records) or of its
    value (one record), so :meth:`from_dict` can rebuild them.
    """

    _NESTED: ClassVar[dict[str, type[Record]]] = {}

    def to_dict(self) -> dict[str, Any]:
        """Every field, JSON-friendly (for ``core.store`` and the action plan)."""
        assert is_dataclass(self)
        return {f.name: plain(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Record:
        """The record saved by :meth:`to_dict`; an unknown or missing field raises
        :class:`~desmigratif_kit.core.i18n.InputError`."""
        names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
        if not isinstance(data, Mapping):
            raise i18n.InputError(
                "input.unreadable",
                expected="biz.expected.mapping",
                given=type(data).__name__,
                field=cls.__name__,
            )
        for key in data:
            if key not in names:
                raise i18n.InputError(
                    "input.not_found",
                    expected="expected.choice",
                    choices=", ".join(names),
                    given=key,
                    field=cls.__name__,
                )
        for key in names:
            if key not in data:
                raise i18n.InputError(
                    "input.required",
                    expected="expected.choice",
                    choices=key,
                    given="",
                    field=cls.__name__,
                )
        values = {}
        for key in names:
            value = data[key]
            nested = cls._NESTED.get(key)
            if nested is not None and value is not None:
                if isinstance(value, Mapping):
                    value = nested.from_dict(value)
                else:
                    value = tuple(nested.from_dict(item) for item in value)
            elif isinstance(value, list):
                value = tuple(value)
            values[key] = value
        return cls(**values)
