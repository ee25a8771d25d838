"""Exercise feedback for the teaching notebooks: ``cek("1.2", jawaban)``.

Each exercise has a few checks; each check has a hint. ``cek`` shows "✅ Latihan 1.2 benar!"
with the exercise's one-sentence explanation (``penjelasan``), or one hint per failed check,
never the answer and never a traceback. It never raises in a
learner's notebook (so CI can run notebooks with blanks), except in strict mode
(``DESMIGRATIF_CEK_STRICT=1``), where a wrong or blank answer raises ``AssertionError``: the
tests use it to prove every reference solution passes.

>>> @latihan("0.1", contoh=2, penjelasan="Satu tambah satu.")
... def _(jawaban):
...     yield jawaban == 2, "Hitung lagi: 1 + 1."
>>> periksa("0.1", 2).pesan
'✅ Latihan 0.1 benar! Satu tambah satu.'
>>> periksa("0.1", 3).pesan
'❌ Latihan 0.1 belum tepat. Hitung lagi: 1 + 1.'
>>> periksa("0.1", ...).pesan
'✏️ Latihan 0.1 belum dijawab: ganti ... dengan jawaban Anda.'
>>> periksa("9.9", 1).pesan
'Latihan 9.9 tidak dikenal. Latihan yang ada: 0.1, ...'
"""

from __future__ import annotations

import html
import importlib
import importlib.util
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from desmigratif_kit.core.i18n import t

Check = Callable[[Any], Iterable[tuple[bool, str]]]
Text = str | Callable[[], str]
"""A text, or a function returning it (computed from the kit when it is shown)."""


@dataclass(frozen=True)
class Latihan:
    nomor: str
    periksa: Check
    contoh: Any  # a reference solution, used by the tests (strict mode)
    penjelasan: Text | None = None  # one sentence shown with a right answer

    def teks_penjelasan(self) -> str:
        if self.penjelasan is None:
            return ""
        return self.penjelasan() if callable(self.penjelasan) else str(self.penjelasan)


@dataclass(frozen=True)
class Hasil:
    nomor: str
    benar: bool
    dijawab: bool
    pesan: str

    def _repr_html_(self) -> str:
        kind = "ok" if self.benar else ("info" if not self.dijawab else "warn")
        # Inline colours: in JupyterLab the kit's stylesheet (loaded by the apps) is absent.
        background, colour = _COLOURS[kind]
        return (
            f'<div class="dk-msg dk-msg-{kind}" style="background:{background};color:{colour};'
            f'padding:8px 12px;border-radius:6px">{html.escape(self.pesan)}</div>'
        )

    def __repr__(self) -> str:
        return self.pesan


REGISTRY: dict[str, Latihan] = {}
_COLOURS = {
    "ok": ("#e8f5ec", "#1b5e2f"),
    "warn": ("#fff6e0", "#6d4a00"),
    "info": ("#eef4f8", "#1d3b55"),
}


def latihan(nomor: str, contoh: Any, penjelasan: Text | None = None):
    """Register the checks of one exercise (a generator of ``(passed, hint)`` pairs);
    ``penjelasan`` is the one sentence shown with a right answer (a text, or a function that
    computes it from the kit)."""

    def register(check: Check) -> Check:
        REGISTRY[nomor] = Latihan(nomor, check, contoh, penjelasan)
        return check

    return register


def periksa(nomor: str, jawaban: Any) -> Hasil:
    """Check an answer and return the feedback (does not display or raise)."""
    _load_pillars()
    exercise = REGISTRY.get(nomor)
    if exercise is None:
        known = ", ".join(sorted(REGISTRY)) or "-"
        return Hasil(nomor, False, False, t("cek.unknown", nomor=nomor, known=known))
    if jawaban is ... or jawaban is None:
        return Hasil(nomor, False, False, t("cek.blank", nomor=nomor))
    hints = []
    try:
        for passed, hint in exercise.periksa(jawaban):
            if not passed:
                hints.append(hint)
    except Exception as exc:  # a malformed answer is feedback, not a crash
        hints.append(t("cek.unreadable", detail=f"{type(exc).__name__}: {exc}"))
    if hints:
        return Hasil(nomor, False, True, t("cek.wrong", nomor=nomor) + " " + " ".join(hints))
    explanation = exercise.teks_penjelasan()
    text = t("cek.right", nomor=nomor) + (" " + explanation if explanation else "")
    return Hasil(nomor, True, True, text)


def cek(nomor: str, jawaban: Any) -> Hasil:
    """Check an answer in a notebook: returns feedback that Jupyter shows as a coloured box.

    In strict mode (``DESMIGRATIF_CEK_STRICT=1``) a blank or wrong answer raises.
    """
    hasil = periksa(nomor, jawaban)
    if not hasil.benar and os.environ.get("DESMIGRATIF_CEK_STRICT") == "1":
        raise AssertionError(hasil.pesan)
    return hasil


def _load_pillars() -> None:
    """Import each pillar's ``latihan`` module, which registers its exercises.

    Lazy (they load data) and by name from the pillar table in :mod:`.catalog`: core imports
    no pillar. A pillar without exercises yet has no ``latihan`` module and is skipped.
    """
    from desmigratif_kit.core.catalog import PILLARS

    for pillar in PILLARS:
        if not pillar.package:
            continue
        name = f"{pillar.package}.latihan"
        if importlib.util.find_spec(pillar.package) is None:
            continue
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name)
