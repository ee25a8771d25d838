"""Answer widgets, one per answer kind of :class:`~desmigratif_kit.core.latihan.Jawab`.

Numbers, money, years and dates are typed as text and read the Indonesian way by
:meth:`Jawab.baca` (``1.500.000``, ``12/09/2017``): on phones a browser's number and date
pickers differ from one device to the next, while text follows the kit's one rule everywhere.
Yes/no and one choice are radio buttons; several choices are checkboxes with the choices'
labels (never codes typed by hand).

>>> field = AnswerField(Jawab("rp", satuan="rupiah"))
>>> field.set_raw("1.500.000"); field.raw()
'1.500.000'
>>> field = AnswerField(Jawab("pilih_banyak", pilihan=[("a", "Satu"), ("b", "Dua")]))
>>> field.set_raw(["b"]); sorted(field.raw())
['b']
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from desmigratif_kit.core.app import esc
from desmigratif_kit.core.i18n import t, text_or_key
from desmigratif_kit.core.latihan import Jawab

TEXT_KINDS = ("bulat", "rp", "tahun", "desimal", "persen", "tanggal", "teks")
PLACEHOLDER_KEYS = {
    "bulat": "lesson.placeholder.bulat",
    "rp": "lesson.placeholder.rp",
    "tahun": "lesson.placeholder.tahun",
    "desimal": "lesson.placeholder.desimal",
    "persen": "lesson.placeholder.persen",
    "tanggal": "lesson.placeholder.tanggal",
    "teks": "lesson.placeholder.teks",
}


class AnswerField:
    """The widget for one answer kind: ``.widget`` to show, ``raw()`` / ``set_raw()``."""

    def __init__(self, jawab: Jawab):
        self.jawab = jawab
        self.kind = jawab.jenis
        self.unit = widgets.HTML()
        self.boxes: dict[str, widgets.Checkbox] = {}
        self._watchers: list = []
        if self.kind in TEXT_KINDS:
            self.input = widgets.Text(continuous_update=True, layout=widgets.Layout(width="14em"))
            self.input.add_class("dk-answer-text")
            self.widget = widgets.HBox(
                [self.input, self.unit],
                layout=widgets.Layout(flex_flow="row wrap", align_items="center", gap="6px"),
            )
        elif self.kind in ("ya_tidak", "pilih"):
            self.input = widgets.RadioButtons(options=[], value=None)
            self.input.add_class("dk-answer-choice")
            self.widget = widgets.VBox([self.input])
        else:  # pilih_banyak
            self.input = widgets.VBox(layout=widgets.Layout(width="100%"))
            self.input.add_class("dk-answer-choices")
            self.widget = self.input
        self.widget.layout.width = "100%"
        self.redraw()

    def redraw(self) -> None:
        """Labels, choices and hints in the current language (the answer is kept)."""
        raw = self.raw()
        if self.kind in TEXT_KINDS:
            self.input.placeholder = self.jawab.contoh_isian or t(PLACEHOLDER_KEYS[self.kind])
            unit = text_or_key(self.jawab.satuan) if self.jawab.satuan else ""
            self.unit.value = f"<span class='dk-unit'>{esc(unit)}</span>" if unit else ""
        elif self.kind == "ya_tidak":
            self.input.options = [(t("lesson.yes"), True), (t("lesson.no"), False)]
            self.input.value = None
        elif self.kind == "pilih":
            self.input.options = [(label, code) for code, label in self.jawab.options()]
            self.input.value = None
        else:
            self.boxes = {
                code: widgets.Checkbox(
                    value=False,
                    description=label,
                    indent=False,
                    layout=widgets.Layout(width="100%"),
                )
                for code, label in self.jawab.options()
            }
            self.input.children = list(self.boxes.values())
            for box in self.boxes.values():
                for callback in self._watchers:
                    box.observe(lambda _change, cb=callback: cb(), names="value")
        self.set_raw(raw)

    def raw(self) -> Any:
        """What the participant gave: text, ``True``/``False``/``None``, a code, or codes."""
        if self.kind == "pilih_banyak":
            return [code for code, box in self.boxes.items() if box.value]
        return self.input.value

    def set_raw(self, raw: Any) -> None:
        if self.kind == "pilih_banyak":
            chosen = set(raw or ())
            for code, box in self.boxes.items():
                box.value = code in chosen
        elif self.kind in TEXT_KINDS:
            self.input.value = "" if raw is None else str(raw)
        else:
            values = [value for _, value in self.input.options]
            self.input.value = raw if raw in values else None

    def shown(self) -> str:
        """The answer as a person reads it (choices by their labels), for the saved record."""
        raw = self.raw()
        if self.kind == "pilih_banyak":
            labels = dict(self.jawab.options())
            return "; ".join(labels.get(code, code) for code in raw)
        if self.kind in ("ya_tidak", "pilih"):
            return next((label for label, value in self.input.options if value == raw), "")
        return "" if raw is None else str(raw).strip()

    def watch(self, callback) -> None:
        """Call ``callback()`` whenever the participant changes the answer."""
        self._watchers.append(callback)
        if self.kind == "pilih_banyak":
            for box in self.boxes.values():
                box.observe(lambda _change: callback(), names="value")
        else:
            self.input.observe(lambda _change: callback(), names="value")
