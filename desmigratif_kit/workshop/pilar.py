"""The pillars as the workshop sees them: each pillar's facts and lesson progress, found by name.

The workshop layer knows no pillar's data. Each pillar package may hold a ``ringkasan`` module
with ``ringkasan_kerja(works) -> RingkasanPilar`` (:mod:`desmigratif_kit.core.summary`); this
module finds it by the package name in :data:`core.catalog.PILLARS`
(``importlib.util.find_spec``, as :mod:`core.latihan` finds exercises), so a pillar that lands
later shows on the action plan, the results board and the district dashboard without a change
here. A pillar without the module (not built yet) gives ``None``: "belum tersedia".

Lesson progress comes from the lesson records (``pelajaran_<lesson id>``,
:mod:`desmigratif_kit.core.lessons`) and the catalog's lessons, the same way for every pillar.
Facts whose key starts with ``latihan_`` or ``pelajaran_`` are the pillar's own copy of those
numbers: :func:`facts_shown` leaves them out, so a lesson is never counted twice.

>>> [p.nomor for p in pillars_with_summary()][:1]
[1]
>>> summary = pillar_summary(PILLARS[0], {})
>>> summary.pilar, summary.nilai("pmi_terdaftar")
(1, None)
>>> lesson_progress(PILLARS[0], {})
Progress(benar=0, dijawab=0, total=6)
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Mapping
from functools import cache
from types import ModuleType
from typing import Any

from desmigratif_kit.core import lessons
from desmigratif_kit.core.catalog import PILLARS, Pillar
from desmigratif_kit.core.latihan import exercises_with_prefix
from desmigratif_kit.core.summary import Fakta, RingkasanPilar

log = logging.getLogger("desmigratif_kit.workshop")

LESSON_KEY_PREFIXES = ("latihan_", "pelajaran_")
"""Facts that repeat the lesson's progress (shown from the lesson records instead)."""
SUMMED_KINDS = ("int", "number", "rp")
"""Fact kinds added up over villages (``bool`` facts are counted, ``pct`` averaged)."""


def summary_module_name(pillar: Pillar) -> str:
    """``desmigratif_kit.<pillar>.ringkasan``.

    >>> summary_module_name(PILLARS[0])
    'desmigratif_kit.migration.ringkasan'
    """
    return f"{pillar.package}.ringkasan"


def summary_module(pillar: Pillar) -> ModuleType | None:
    """The pillar's ``ringkasan`` module, or ``None`` when the pillar has none (yet)."""
    if not pillar.package:
        return None
    name = summary_module_name(pillar)
    try:
        if importlib.util.find_spec(pillar.package) is None:
            return None
        if importlib.util.find_spec(name) is None:
            return None
    except (ImportError, ValueError):
        return None
    module = importlib.import_module(name)
    return module if callable(getattr(module, "ringkasan_kerja", None)) else None


def pillars_with_summary() -> list[Pillar]:
    """The pillars whose facts the workshop can show now."""
    return [pillar for pillar in PILLARS if summary_module(pillar) is not None]


def pillar_summary(pillar: Pillar, works: Mapping[str, Any]) -> RingkasanPilar | None:
    """The pillar's facts about one participant's ``works`` (app id -> latest data).

    ``None`` when the pillar has no summary yet, or when its summary failed on this
    participant's data (logged: one participant's odd data never stops the board).
    """
    module = summary_module(pillar)
    if module is None:
        return None
    try:
        summary = module.ringkasan_kerja(works)
    except Exception:
        log.exception("ringkasan_kerja of pillar %s failed", pillar.nomor)
        return None
    return summary if isinstance(summary, RingkasanPilar) else None


def facts_shown(summary: RingkasanPilar | None) -> list[Fakta]:
    """The facts the workshop shows (the lesson's own numbers left out), in the pillar's order."""
    if summary is None:
        return []
    return [f for f in summary.fakta if not f.key.startswith(LESSON_KEY_PREFIXES)]


@cache
def _exercises(prefix: str) -> tuple[str, ...]:
    return tuple(exercises_with_prefix(prefix))


def lesson_progress(pillar: Pillar, works: Mapping[str, Any]) -> lessons.Progress:
    """Exercises right, answered and in all, over the pillar's lessons in the catalog."""
    benar = dijawab = total = 0
    for entry in pillar.lessons:
        done = lessons.progress(works.get(entry.app_id), _exercises(entry.prefix))
        benar, dijawab, total = benar + done.benar, dijawab + done.dijawab, total + done.total
    return lessons.Progress(benar, dijawab, total)


def lesson_started(pillar: Pillar, works: Mapping[str, Any]) -> bool:
    """Whether the participant answered anything in one of the pillar's lessons."""
    return any(lessons.answers(works.get(entry.app_id)) for entry in pillar.lessons)


def pillar_apps(pillar: Pillar) -> set[str]:
    """The store app ids that belong to the pillar (its apps and its lessons)."""
    return {entry.app_id for entry in (*pillar.apps, *pillar.lessons)}


def is_number(value: Any) -> bool:
    """True for an int or float that is not a bool.

    >>> is_number(3), is_number(True), is_number(None)
    (True, False, False)
    """
    return isinstance(value, int | float) and not isinstance(value, bool)


def participant_works(store, code: str) -> dict[str, Any]:
    """One participant's latest saved data for every app and lesson in the catalog (app id ->
    data): what the pillars' summaries read (``store`` is a :class:`core.store.Store`)."""
    found: dict[str, Any] = {}
    for pillar in PILLARS:
        for app_id in sorted(pillar_apps(pillar)):
            saved = store.load(code, app_id)
            if saved is not None:
                found[app_id] = saved.data
    return found
