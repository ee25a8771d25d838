"""What a pillar tells the workshop about one participant's work: facts that can be counted.

The workshop layer (the village action plan, the facilitator's results board, the district
dashboard) knows no pillar's data. Each pillar turns a participant's saved work into a
:class:`RingkasanPilar` with its public function ``ringkasan_kerja(works)`` (``works``: the
latest saved data per app id of that participant, as :meth:`Store.all_work` gives it), and the
workshop adds the facts up. Facts are numbers, yes/no or short codes, never a person's name
or identity number, so they can be shown on a shared screen and summed over a district.

>>> r = RingkasanPilar(1, [Fakta("pmi_terdaftar", "mig.sum.registered", 12, "int"),
...                        Fakta("meja_layanan", "mig.sum.desk", None, "bool")])
>>> r.nilai("pmi_terdaftar"), [f.key for f in r.kosong()]
(12, ['meja_layanan'])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

KINDS = ("int", "number", "rp", "pct", "bool", "text")


@dataclass(frozen=True)
class Fakta:
    """One fact: a stable ``key``, a ``label`` (catalog key or text), a ``value`` (``None``
    when the participant has not given it: a gap to discuss), its ``kind`` for formatting and
    summing, and whether it calls for ``follow_up`` (highlighted on the district dashboard).
    ``contoh`` marks a value computed from the kit's synthetic sample (a participant trying an
    app with the sample data): the workshop shows it for that village but leaves it out of
    totals."""

    key: str
    label: str
    value: Any
    kind: str = "int"
    follow_up: bool = False
    contoh: bool = False

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"Fakta {self.key!r}: kind must be one of {KINDS}, not {self.kind!r}")


@dataclass(frozen=True)
class RingkasanPilar:
    """A pillar's facts about one participant's work (in a fixed order: the board shows it)."""

    pilar: int
    fakta: list[Fakta] = field(default_factory=list)

    def nilai(self, key: str) -> Any:
        for fact in self.fakta:
            if fact.key == key:
                return fact.value
        raise KeyError(key)

    def kosong(self) -> list[Fakta]:
        """The facts not given yet (gaps to discuss in the action plan)."""
        return [fact for fact in self.fakta if fact.value is None]


def works_by_app(rows: Iterable[Any]) -> dict[str, dict[str, dict[str, Any]]]:
    """``{code: {app: data}}`` from :meth:`Store.all_work` rows (latest version per app)."""
    found: dict[str, dict[str, dict[str, Any]]] = {}
    for row in rows:
        found.setdefault(row.code, {})[row.app] = row.data
    return found


def total(summaries: Iterable[RingkasanPilar], key: str) -> float:
    """The sum of a numeric fact over many participants (missing values count as nothing).

    >>> done = [RingkasanPilar(1, [Fakta("n", "n", 2)]), RingkasanPilar(1, [Fakta("n", "n", None)])]
    >>> total(done, "n")
    2
    """
    values = []
    for summary in summaries:
        for fact in summary.fakta:
            if (
                fact.key == key
                and isinstance(fact.value, int | float)
                and not isinstance(fact.value, bool)
            ):
                values.append(fact.value)
    return sum(values)


def count_true(summaries: Iterable[RingkasanPilar], key: str) -> int:
    """How many participants have a yes/no fact set to yes."""
    return sum(
        1
        for summary in summaries
        for fact in summary.fakta
        if fact.key == key and fact.value is True
    )


Works = Mapping[str, Mapping[str, Any]]
"""A participant's saved work: app id → the latest saved data."""
