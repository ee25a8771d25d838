"""Exercises of the teaching notebooks: one definition, two ways to answer.

Each exercise (``@latihan("1.2", contoh=..., jawab=Jawab("ya_tidak"))`` in a pillar's
``latihan`` module) has a few checks, each with a hint, and declares how it is answered:

- in JupyterLab a trainer writes ``jawaban = ...`` and runs ``cek("1.2", jawaban)``;
- in the lesson view (Voila) a participant answers with a widget: a whole number, an amount in
  rupiah, a year, a decimal, a percentage, yes/no, one choice, several choices, a date or a short
  text (:data:`JENIS`). :meth:`Jawab.baca` turns what they typed into the same value ``cek``
  takes, through :mod:`desmigratif_kit.core.i18n`'s parsers (``1.500.000``, ``12/09/2017``).

Feedback is kind: "✅ Latihan 1.2 benar!" with the exercise's one-sentence explanation, or one
hint per failed check, never the answer and never a traceback. After a second wrong try the
lesson view offers the exercise's worked explanation (*pembahasan*). ``cek`` never raises in a
learner's notebook (so CI can run notebooks with blanks), except in strict mode
(``DESMIGRATIF_CEK_STRICT=1``), where a wrong or blank answer raises ``AssertionError``: the
tests use it to prove every reference solution passes.

A hint may carry a sentence that only makes sense with code in hand ("check with
``red_flags(tawaran)``"): wrap it in :func:`cara_lab`; the lesson view leaves it out.

>>> @latihan("0.1", contoh=2, jawab=Jawab("bulat"), penjelasan="Satu tambah satu.")
... def _(jawaban):
...     yield jawaban == 2, "Hitung lagi: 1 + 1." + cara_lab(" Coba ketik 1 + 1 di sel kode.")
>>> periksa("0.1", 2).pesan
'✅ Latihan 0.1 benar! Satu tambah satu.'
>>> periksa("0.1", 3).pesan
'❌ Latihan 0.1 belum tepat. Hitung lagi: 1 + 1. Coba ketik 1 + 1 di sel kode.'
>>> periksa("0.1", 3, mode="pelajaran").pesan
'❌ Latihan 0.1 belum tepat. Hitung lagi: 1 + 1.'
>>> periksa("0.1", REGISTRY["0.1"].jawab.baca(" 2 ")).benar
True
>>> periksa("0.1", ...).pesan
'✏️ Latihan 0.1 belum dijawab: ganti ... dengan jawaban Anda.'
>>> periksa("0.9", 1).pesan
'Latihan 0.9 tidak dikenal. Latihan yang ada: 0.1, ...'
"""

from __future__ import annotations

import contextvars
import html
import importlib
import importlib.util
import math
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from desmigratif_kit.core import i18n
from desmigratif_kit.core.i18n import InputError, t

Check = Callable[[Any], Iterable[tuple[bool, str]]]
Text = str | Callable[[], str]
"""A text, or a function returning it (computed from the kit when it is shown)."""

JENIS = (
    "bulat",
    "rp",
    "tahun",
    "desimal",
    "persen",
    "ya_tidak",
    "pilih",
    "pilih_banyak",
    "tanggal",
    "teks",
)
"""Answer kinds: whole number, rupiah, year, decimal, percentage, yes/no, one choice, several
choices, date, short text."""

MODES = ("lab", "pelajaran")
_mode: contextvars.ContextVar[str] = contextvars.ContextVar("latihan_mode", default="lab")
TEKS_MAKS = 200
"""Longest short-text answer (characters)."""


def cara_lab(text: str) -> str:
    """``text`` when feedback is for JupyterLab (code in hand), ``""`` in the lesson view.

    >>> cara_lab(" Periksa dengan red_flags(tawaran).")
    ' Periksa dengan red_flags(tawaran).'
    """
    return text if _mode.get() == "lab" else ""


def _text(value: Text | None) -> str:
    if value is None:
        return ""
    return value() if callable(value) else str(value)


@dataclass(frozen=True)
class Jawab:
    """How an exercise is answered in the lesson view.

    ``pilihan`` (for ``pilih`` and ``pilih_banyak``) gives the choices as ``(code, label)``
    pairs, or a function returning them in the current language: take them from the kit's own
    rules (e.g. the red-flag codes with their titles), never type them twice. ``satuan`` is
    shown after the field (a catalog key or text, e.g. ``"tahun"``); ``contoh_isian`` is the
    grey example inside an empty field.

    >>> Jawab("rp").baca("Rp 1.500.000")
    1500000
    >>> Jawab("pilih_banyak", pilihan=[("a", "A"), ("b", "B")]).baca(["b", "a"]) == {"a", "b"}
    True
    >>> Jawab("tahun").baca("20")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Jawaban" di luar batas: diharapkan tahun
    empat angka seperti 2017, diberikan "20".
    """

    jenis: str
    pilihan: Sequence[tuple[str, str]] | Callable[[], Sequence[tuple[str, str]]] | None = None
    satuan: str = ""
    contoh_isian: str = ""

    def __post_init__(self) -> None:
        if self.jenis not in JENIS:
            raise ValueError(f"jenis must be one of {JENIS}, got {self.jenis!r}")
        if self.jenis in ("pilih", "pilih_banyak") and self.pilihan is None:
            raise ValueError(f"an exercise answered with {self.jenis!r} needs pilihan")

    def options(self) -> list[tuple[str, str]]:
        """The choices as ``(code, label)`` pairs, labels in the current language."""
        choices = self.pilihan() if callable(self.pilihan) else (self.pilihan or ())
        return [(str(code), str(label)) for code, label in choices]

    def baca(self, raw: Any) -> Any:
        """What a person gave in the widget, as the value the exercise's checks take.

        Text is read the Indonesian way; a blank or unreadable value raises ``InputError``
        saying what was expected and what was given (the lesson view shows it and counts no
        try).
        """
        field = "latihan.answer"
        if self.jenis in ("pilih_banyak",):
            codes = {str(code) for code in (raw or ())}
            known = {code for code, _ in self.options()}
            unknown = sorted(codes - known)
            if unknown:
                raise InputError(
                    "input.not_found",
                    expected="expected.choice",
                    choices=", ".join(sorted(known)),
                    given=unknown[0],
                    field=field,
                )
            return codes
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            expected = "latihan.expected." + self.jenis
            raise InputError("input.required", expected=expected, given="", field=field)
        if self.jenis == "ya_tidak":
            return raw if isinstance(raw, bool) else i18n.parse_bool(raw, field=field)
        if self.jenis == "pilih":
            known = [code for code, _ in self.options()]
            if str(raw) not in known:
                raise InputError(
                    "input.not_found",
                    expected="expected.choice",
                    choices=", ".join(known),
                    given=raw,
                    field=field,
                )
            return str(raw)
        if self.jenis == "tanggal":
            return i18n.parse_date(raw, field=field)
        if self.jenis == "teks":
            text = " ".join(str(raw).split())
            if len(text) > TEKS_MAKS:
                raise InputError(
                    "input.out_of_range",
                    expected="expected.max",
                    max=f"{TEKS_MAKS} karakter",
                    given=text[:40] + "…",
                    field=field,
                )
            return text
        if self.jenis == "persen":
            return i18n.parse_pct(raw, field=field)
        if self.jenis == "rp":
            value = i18n.parse_rp(raw, field=field)
        else:
            value = i18n.parse_number(raw, field=field)
        if self.jenis == "desimal":
            return value
        if isinstance(value, float) and not value.is_integer():
            raise InputError(
                "input.unreadable", expected="expected.integer", given=raw, field=field
            )
        value = int(value)
        if self.jenis == "tahun" and not 1000 <= value <= 9999:
            raise InputError(
                "input.out_of_range", expected="latihan.expected.tahun", given=raw, field=field
            )
        return value

    def simpan(self, value: Any) -> Any:
        """The answer as JSON for the store: sets as sorted lists, dates as ISO text.

        >>> Jawab("tanggal").simpan(date(2017, 9, 12))
        '2017-09-12'
        """
        if isinstance(value, set | frozenset):
            return sorted(value)
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value

    def muat(self, stored: Any) -> Any:
        """The answer back from the store (the inverse of :meth:`simpan`)."""
        if self.jenis == "pilih_banyak":
            return set(stored or ())
        if self.jenis == "tanggal" and isinstance(stored, str):
            return date.fromisoformat(stored)
        return stored

    def isian(self, value: Any) -> Any:
        """The answer as the widget shows it: typed text the Indonesian way, a bool, codes.

        >>> Jawab("rp").isian(1500000), Jawab("tanggal").isian(date(2017, 9, 12))
        ('1.500.000', '12/09/2017')
        """
        if value is None:
            return None
        if self.jenis in ("ya_tidak", "pilih"):
            return value
        if self.jenis == "pilih_banyak":
            return sorted(value)
        if self.jenis == "tanggal":
            return value.strftime("%d/%m/%Y")
        if self.jenis == "tahun":
            return str(value)
        if self.jenis in ("bulat", "rp", "desimal", "persen"):
            return i18n.format_number(value)
        return str(value)


@dataclass(frozen=True)
class Latihan:
    nomor: str
    periksa: Check
    contoh: Any  # a reference solution, used by the tests (strict mode)
    jawab: Jawab | None = None
    penjelasan: Text | None = None  # one sentence shown with a right answer
    pembahasan: Text | None = None  # the worked explanation, offered after two wrong tries

    def teks_penjelasan(self) -> str:
        return _text(self.penjelasan)

    def teks_pembahasan(self) -> str:
        return _text(self.pembahasan)


@dataclass(frozen=True)
class Hasil:
    nomor: str
    benar: bool
    dijawab: bool
    pesan: str

    @property
    def kind(self) -> str:
        """The message kind the kit's CSS knows: ``ok``, ``warn`` (wrong) or ``info`` (blank)."""
        return "ok" if self.benar else ("info" if not self.dijawab else "warn")

    def _repr_html_(self) -> str:
        # Inline colours: in JupyterLab the kit's stylesheet (loaded by the apps) is absent.
        background, colour = _COLOURS[self.kind]
        return (
            f'<div class="dk-msg dk-msg-{self.kind}" style="background:{background};'
            f'color:{colour};padding:8px 12px;border-radius:6px">{html.escape(self.pesan)}</div>'
        )

    def __repr__(self) -> str:
        return self.pesan


REGISTRY: dict[str, Latihan] = {}
_COLOURS = {
    "ok": ("#e8f5ec", "#1b5e2f"),
    "warn": ("#fff6e0", "#6d4a00"),
    "info": ("#eef4f8", "#1d3b55"),
}


def latihan(
    nomor: str,
    contoh: Any,
    jawab: Jawab | None = None,
    penjelasan: Text | None = None,
    pembahasan: Text | None = None,
):
    """Register the checks of one exercise (a generator of ``(passed, hint)`` pairs).

    ``jawab`` says how it is answered in the lesson view, ``penjelasan`` is the one sentence
    shown with a right answer, ``pembahasan`` the worked explanation (texts, or functions that
    compute them from the kit).
    """

    def register(check: Check) -> Check:
        REGISTRY[nomor] = Latihan(nomor, check, contoh, jawab, penjelasan, pembahasan)
        return check

    return register


def get(nomor: str) -> Latihan:
    """The registered exercise ``nomor`` (the pillars' modules are imported first)."""
    _load_pillars()
    try:
        return REGISTRY[nomor]
    except KeyError:
        known = ", ".join(nomor_urut(REGISTRY)) or "-"
        raise KeyError(t("cek.unknown", nomor=nomor, known=known)) from None


def nomor_urut(numbers: Iterable[str]) -> list[str]:
    """Exercise numbers in reading order: ``1.2`` before ``1.10``.

    >>> nomor_urut(["1.10", "1.2", "2.1"])
    ['1.2', '1.10', '2.1']
    """
    return sorted(numbers, key=lambda n: [int(p) if p.isdigit() else p for p in n.split(".")])


def exercises_with_prefix(prefix: str) -> list[str]:
    """The registered exercises whose number starts with ``prefix`` (``"1."``), in order."""
    _load_pillars()
    return nomor_urut(n for n in REGISTRY if n.startswith(prefix))


def _blank(jawaban: Any) -> bool:
    return jawaban is ... or jawaban is None or (isinstance(jawaban, float) and math.isnan(jawaban))


def periksa(nomor: str, jawaban: Any, mode: str = "lab") -> Hasil:
    """Check an answer and return the feedback (does not display or raise).

    ``mode`` is ``"lab"`` (JupyterLab: hints may name code) or ``"pelajaran"`` (the lesson
    view: sentences wrapped in :func:`cara_lab` are left out).
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    _load_pillars()
    exercise = REGISTRY.get(nomor)
    if exercise is None:
        known = ", ".join(nomor_urut(REGISTRY)) or "-"
        return Hasil(nomor, False, False, t("cek.unknown", nomor=nomor, known=known))
    if _blank(jawaban):
        return Hasil(nomor, False, False, t("cek.blank", nomor=nomor))
    token = _mode.set(mode)
    try:
        hints = []
        try:
            for passed, hint in exercise.periksa(jawaban):
                if not passed:
                    hints.append(hint)
        except Exception as exc:  # a malformed answer is feedback, not a crash
            hints.append(t("cek.unreadable", detail=f"{type(exc).__name__}: {exc}"))
        if hints:
            text = t("cek.wrong", nomor=nomor) + " " + " ".join(h.strip() for h in hints)
            return Hasil(nomor, False, True, _one_line(text))
        explanation = exercise.teks_penjelasan()
        text = t("cek.right", nomor=nomor) + (" " + explanation if explanation else "")
        return Hasil(nomor, True, True, _one_line(text))
    finally:
        _mode.reset(token)


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


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
        if not pillar.package or importlib.util.find_spec(pillar.package) is None:
            continue
        name = f"{pillar.package}.latihan"
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name)
