"""What the pillar-4 apps share: the header, labelled fields with their own error line,
tables, charts as pictures, the pillar's CSS.

The apps are one module each: :mod:`.simulasi_remitansi`, :mod:`.kalkulator_pinjaman`,
:mod:`.pembagian_shu` and :mod:`.koperasi_desa`. They read widgets, call the rules of
:mod:`desmigratif_kit.cooperative` (and :mod:`~desmigratif_kit.cooperative.forms` for what
they save), and draw what comes back: no arithmetic here.

Labels sit above their fields on every screen (a phone has no room beside them); numbers are
typed as text and read the Indonesian way by the rules (``Rp 10.000.000``, ``1,5``), and a
value that cannot be used gets a message under its own field saying what was expected and
what was given. Text fields update when the field is left or Enter is pressed
(``continuous_update=False``), so a half-typed number is never reported as an error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import ipywidgets as widgets

from desmigratif_kit.core.app import App, LanguageSwitch, esc, message_html
from desmigratif_kit.core.i18n import InputError, t

__all__ = [
    "CHART_DPI",
    "CHART_WIDTH_INCI",
    "Field",
    "KoperasiApp",
    "card",
    "chart_png",
    "row",
    "table_html",
]

CHART_WIDTH_INCI = 4.4
CHART_DPI = 160
"""Charts are drawn 4.4 inches wide at 160 dpi (704 px): their 9-13 point text stays readable
when the picture shrinks to a phone's width (about 340 px), and sharp on a laptop."""
FIELD_WIDTH = "100%"
FIELD_MAX = "420px"

_CSS = """
.dk-kop .widget-html-content { line-height: 1.45; }
.dk-kop .dk-card, .dk-kop .dk-field, .dk-kop .dk-field > .widget-inline-hbox,
.dk-kop .dk-field > .widget-dropdown, .dk-kop .dk-field > .widget-text { box-sizing: border-box; }
.dk-kop .dk-field > .widget-inline-hbox { margin-left: 0; margin-right: 0; }
.dk-kop .dk-field { margin: 2px 0 6px; width: 100%; }
.dk-kop .dk-field-label { font-size: 14px; font-weight: bold; color: #33414f; }
.dk-kop .dk-field-hint { font-size: 13px; color: #6b7785; }
.dk-kop .dk-field .dk-msg { margin: 2px 0; font-size: 14px; }
.dk-kop .dk-pair { gap: 10px; }
.dk-kop .dk-pair > .dk-card { flex: 1 1 300px; min-width: 0; }
.dk-kop .dk-figures { display: flex; flex-wrap: wrap; gap: 8px; margin: 6px 0; }
.dk-kop .dk-figure { flex: 1 1 120px; background: #f3f8fc; border: 1px solid #c9dcea;
  border-radius: 8px; padding: 6px 10px; }
.dk-kop .dk-figure b { display: block; font-size: 1.25em; color: #0b3d6e; white-space: nowrap; }
.dk-kop .dk-figure.dk-warn b { color: #9a3b00; }
.dk-kop .dk-figure.dk-good b { color: #1b5e2f; }
.dk-kop .dk-figure span { font-size: 13px; color: #4a5663; }
.dk-kop .dk-tablewrap { overflow-x: auto; max-width: 100%; }
.dk-kop .dk-table { border-collapse: collapse; font-size: 0.92em; }
.dk-kop .dk-table th, .dk-kop .dk-table td { border-bottom: 1px solid #d5dde5;
  padding: 4px 8px; text-align: left; white-space: nowrap; }
.dk-kop .dk-table td.dk-num, .dk-kop .dk-table th.dk-num { text-align: right; }
.dk-kop .dk-table th { white-space: normal; vertical-align: bottom; }
.dk-kop .dk-table td:not(.dk-num) { white-space: normal; min-width: 7em; }
.dk-kop .dk-table th { background: #eef4f8; }
.dk-kop .dk-table tfoot td { font-weight: bold; border-top: 2px solid #9fb3c8; }
.dk-kop img.dk-chart, .dk-kop .dk-chart img { max-width: 100%; height: auto; }
.dk-kop .dk-explain { background: #fffdf5; border: 1px solid #eadfb8; border-radius: 8px;
  padding: 8px 12px; margin: 6px 0; }
.dk-kop .dk-explain p { margin: 4px 0; }
.dk-kop .dk-note { color: #4a5663; font-size: 0.9em; }
.dk-kop .widget-toggle-buttons .widget-toggle-button { width: auto; min-width: 4em; }
.dk-kop .widget-toggle-buttons { flex-wrap: wrap; height: auto; }
.dk-kop .widget-upload { width: auto; max-width: 100%; }
.dk-kop .jupyter-button { max-width: 100%; }
.dk-kop .dk-rows-wide .dk-row-card > .widget-vbox { flex: 1 1 10em; padding-right: 4px;
  box-sizing: border-box; }
.dk-kop .dk-rows-wide .dk-row-card .widget-text { width: 100% !important; }
.dk-kop .dk-row-card { box-sizing: border-box; }
.dk-kop .dk-row-card .widget-text, .dk-kop .dk-row-card .widget-dropdown {
  box-sizing: border-box; margin-left: 0; margin-right: 0; }
@media (max-width: 600px) {
  .dk-kop .dk-table { font-size: 0.8em; }
  .dk-kop .dk-table th, .dk-kop .dk-table td { padding: 3px 4px; }
  .dk-kop .dk-table td:not(.dk-num) { min-width: 5.5em; }
  .dk-kop .dk-rows-wide .dk-row-card > .widget-vbox { flex: 1 1 40%; }
  .dk-kop .dk-figure b { font-size: 1.1em; }
}
"""


def css() -> widgets.HTML:
    return widgets.HTML(f"<style>{_CSS}</style>", layout=widgets.Layout(display="none"))


def card(children: Sequence[widgets.Widget], css_class: str | None = None) -> widgets.VBox:
    box = widgets.VBox(list(children), layout=widgets.Layout(width="100%"))
    box.add_class("dk-card")
    if css_class:
        box.add_class(css_class)
    return box


def row(children: Sequence[widgets.Widget]) -> widgets.HBox:
    """Widgets side by side that wrap onto the next line on a narrow screen."""
    return widgets.HBox(
        list(children),
        layout=widgets.Layout(flex_flow="row wrap", align_items="center", width="100%",
                              gap="6px"),
    )  # fmt: skip


class Field:
    """One input with its label above it, an optional hint, and its own error line."""

    def __init__(self, widget: widgets.Widget, label: str, hint: str | None = None,
                 placeholder: str | None = None):  # fmt: skip
        self.widget = widget
        self.label_key = label
        self.hint_key = hint
        self.placeholder_key = placeholder
        if not isinstance(widget, widgets.ToggleButtons | widgets.Checkbox):
            widget.layout.width = FIELD_WIDTH
            widget.layout.max_width = FIELD_MAX
        self.label = widgets.HTML()
        self.hint = widgets.HTML()
        self.error = widgets.HTML()
        self.box = widgets.VBox(
            [self.label, self.widget, self.hint, self.error],
            layout=widgets.Layout(width="100%"),
        )
        self.box.add_class("dk-field")
        self.draw()

    def draw(self, **values: Any) -> None:
        """Texts in the current language (``values`` fill the label's fields)."""
        self.label.value = f"<span class='dk-field-label'>{esc(t(self.label_key, **values))}</span>"
        self.hint.value = (
            f"<span class='dk-field-hint'>{esc(t(self.hint_key, **values))}</span>"
            if self.hint_key
            else ""
        )
        if self.placeholder_key and hasattr(self.widget, "placeholder"):
            self.widget.placeholder = t(self.placeholder_key)

    def show_error(self, error: InputError | str) -> None:
        self.error.value = message_html("error", esc(str(error)))

    def clear(self) -> None:
        self.error.value = ""


def text_input() -> widgets.Text:
    return widgets.Text(continuous_update=False)


def route_error(error: InputError, fields: Mapping[str, Field]) -> Field | None:
    """The field an ``InputError`` is about (by its ``field`` catalog key, else its
    ``expected`` key), its message shown there; ``None`` when no field of ``fields`` matches."""
    field = None
    for key in (error.field, error.expected):
        if isinstance(key, str) and key in fields:
            field = fields[key]
            break
    if field is not None:
        field.show_error(error)
    return field


def _cell(value: Any, kind: str) -> str:
    from desmigratif_kit.core.i18n import format_number, format_pct, format_rp

    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, str):
        return value
    if kind == "rp":
        return format_rp(value)
    if kind == "pct":
        return format_pct(value)
    if kind in ("int", "number"):
        return format_number(value)
    return str(value)


def table_html(
    rows: Iterable[Sequence[Any]],
    columns: Sequence[tuple[str, str]],
    testid: str,
    foot: Sequence[Any] | None = None,
) -> str:
    """An HTML table, scrolling sideways inside its box when wider than the screen.

    ``columns``: (header text, kind) with kind ``text``, ``int``, ``number``, ``rp`` or
    ``pct`` (numbers right-aligned and written the Indonesian way); every cell is escaped.
    """
    kinds = [kind for _, kind in columns]

    def cells(values: Sequence[Any], tag: str) -> str:
        out = []
        for value, kind in zip(values, kinds, strict=True):
            css_class = " class='dk-num'" if kind != "text" else ""
            out.append(f"<{tag}{css_class}>{esc(_cell(value, kind))}</{tag}>")
        return "".join(out)

    head = "".join(
        f"<th class='dk-num'>{esc(h)}</th>" if kind != "text" else f"<th>{esc(h)}</th>"
        for h, kind in columns
    )
    body = "".join(f"<tr>{cells(values, 'td')}</tr>" for values in rows)
    tail = f"<tfoot><tr>{cells(foot, 'td')}</tr></tfoot>" if foot is not None else ""
    return (
        f"<div class='dk-tablewrap'><table class='dk-table' data-testid='{esc(testid)}'>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody>{tail}</table></div>"
    )


def rp_header(label_key: str) -> str:
    """A column header for amounts written without "Rp" (narrow tables on a phone)."""
    return t("kop.app.rp_header", label=t(label_key))


def figures_html(items: Iterable[tuple[str, str, str]]) -> str:
    """Big numbers in boxes: (label, value text, tone ``""``/``"dk-warn"``/``"dk-good"``)."""
    boxes = "".join(
        f"<div class='dk-figure {esc(tone)}'><span>{esc(label)}</span><b>{esc(value)}</b></div>"
        for label, value, tone in items
    )
    return f"<div class='dk-figures'>{boxes}</div>"


def chart_png(draw: Callable[..., Any], *args: Any, **kwargs: Any) -> bytes:
    """A chart of :mod:`desmigratif_kit.cooperative.charts` as PNG bytes (``draw`` is the
    chart function's name); matplotlib is imported on the first chart, not before."""
    from desmigratif_kit.cooperative import charts

    function = getattr(charts, draw) if isinstance(draw, str) else draw
    figure = function(*args, lebar_inci=CHART_WIDTH_INCI, **kwargs)
    return charts.to_png(figure, dpi=CHART_DPI)


def chart_image() -> widgets.Image:
    image = widgets.Image(format="png", layout=widgets.Layout(width="100%", max_width="640px"))
    image.add_class("dk-chart")
    return image


class KoperasiApp(App):
    """Shared layout of the pillar-4 apps: title, language switch, intro, message area."""

    title_key = "app.simulasi_remitansi"
    intro_key = ""

    def _create_header(self) -> None:
        self._quiet = True
        self.title = widgets.HTML()
        self.lang = LanguageSwitch()
        self.intro = widgets.HTML()
        self.header = widgets.VBox(
            [
                widgets.HBox(
                    [self.title, self.lang.widget],
                    layout=widgets.Layout(
                        flex_flow="row wrap",
                        align_items="center",
                        justify_content="space-between",
                        width="100%",
                    ),
                ),  # fmt: skip
                self.intro,
            ],
            layout=widgets.Layout(width="100%"),
        )

    def _draw_header(self) -> None:
        self.title.value = f"<h1>{esc(t(self.title_key))}</h1>"
        self.intro.value = f"<p>{esc(t(self.intro_key))}</p>" if self.intro_key else ""

    def _finish_with(self, top: list[widgets.Widget], rest: list[widgets.Widget]) -> None:
        """``App._finish`` with the message area right under ``top``, where it is seen."""
        self._finish([css(), *top, self.message, *rest])
        self.container.add_class("dk-kop")

    def _mark_unsaved(self) -> None:
        if self.participant is not None:
            self.bar.mark_unsaved()
