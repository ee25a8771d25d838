"""A participant's answers to a lesson's exercises: the saved record and the progress.

Every answer given in a lesson (the teaching notebook in Voila) is saved through the store for
the signed-in participant, under the lesson's app id (``pelajaran_<lesson id>``, see
:class:`~desmigratif_kit.core.catalog.LessonEntry`). Each save is a new version of one record
holding every answer so far; this shape is stable because the facilitator's results board and
the home page read it (``docs/ARCHITECTURE.md``)::

    {"version": 1, "lesson": "01_migrasi_aman",
     "answers": {"1.1": {"value": 18, "text": "18", "correct": true, "tries": 2,
                         "answered_at": "2026-12-03T02:15:00+00:00"}}}

``value`` is the answer as JSON (numbers, booleans, codes as a sorted list, dates as ISO
text), ``text`` what the participant typed or chose as shown, ``correct`` whether the last try
was right, ``tries`` how many times they pressed *Periksa* with a readable answer.

>>> record = with_answer(new_record("01_migrasi_aman"), "1.1", 21, "21", False)
>>> record = with_answer(record, "1.1", 18, "18", True)
>>> record["answers"]["1.1"]["tries"], progress(record, ["1.1", "1.2"])
(2, Progress(benar=1, dijawab=1, total=2))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, NamedTuple

RECORD_VERSION = 1


class Progress(NamedTuple):
    benar: int
    """Exercises whose last answer is right."""
    dijawab: int
    """Exercises answered at least once."""
    total: int


def new_record(lesson_id: str) -> dict[str, Any]:
    return {"version": RECORD_VERSION, "lesson": lesson_id, "answers": {}}


def answers(record: Mapping[str, Any] | None) -> dict[str, dict[str, Any]]:
    """The answers of a saved record (empty for none or an unreadable record)."""
    if not isinstance(record, Mapping):
        return {}
    found = record.get("answers")
    return {k: dict(v) for k, v in found.items() if isinstance(v, Mapping)} if found else {}


def with_answer(
    record: Mapping[str, Any] | None,
    nomor: str,
    value: Any,
    text: str,
    correct: bool,
    when: datetime | None = None,
) -> dict[str, Any]:
    """A new record with one more try at exercise ``nomor`` (the input is not changed)."""
    lesson = record.get("lesson", "") if isinstance(record, Mapping) else ""
    updated = new_record(lesson)
    updated["answers"] = answers(record)
    before = updated["answers"].get(nomor, {})
    updated["answers"][nomor] = {
        "value": value,
        "text": text,
        "correct": bool(correct),
        "tries": int(before.get("tries", 0)) + 1,
        "answered_at": (when or datetime.now(UTC)).isoformat(timespec="seconds"),
    }
    return updated


def progress(record: Mapping[str, Any] | None, numbers: Iterable[str]) -> Progress:
    """How many of the exercises ``numbers`` are answered, and answered right.

    >>> progress(None, ["1.1", "1.2"])
    Progress(benar=0, dijawab=0, total=2)
    """
    numbers = list(numbers)
    given = answers(record)
    done = [given[n] for n in numbers if n in given]
    return Progress(sum(bool(a.get("correct")) for a in done), len(done), len(numbers))
