"""What the pillar-3 apps share: the header, cards, form layout, the pillar's CSS, ``preload``.

The apps are one module each: :mod:`.tumbuh_kembang` (Pantau Tumbuh Kembang),
:mod:`.data_anak` (Data Anak Desa, with its HTML in :mod:`.data_anak_view`) and
:mod:`.rencana_parenting` (Rencana Kegiatan Parenting). They read widgets, call the rules of
:mod:`desmigratif_kit.parenting` and draw what comes back; no arithmetic here.

Dates, weights and lengths are typed as text and read the Indonesian way (``10/02/2026``,
``9,6``), as everywhere in the kit: a phone's date picker differs from one device to the next,
and text gives one rule and one kind of message. Fields that are parsed update when the field
is left or Enter is pressed (``continuous_update=False``).
"""

from __future__ import annotations

from datetime import date

import ipywidgets as widgets

from desmigratif_kit.core.app import App, LanguageSwitch, esc
from desmigratif_kit.core.i18n import t

LABEL_WIDTH = "14em"
"""Width of form labels on a wide screen (on a phone the label goes above its field)."""
CHART_WIDTH_INCI = 4.2
CHART_HEIGHT_INCI = 3.6
CHART_DPI = 170
"""Charts are drawn 4.2 inches wide at 170 dpi (714 px): sharp on a phone, and their 8-9 point
text stays readable when the picture shrinks to a phone's width (about 330 px)."""
PAGE_ROWS = 15
"""Rows per table page (a phone scrolls; a projector stays readable)."""

_CSS = """
.dk-app .widget-html-content { line-height: 1.45; }
.dk-app .dk-form .widget-text, .dk-app .dk-form .widget-dropdown,
.dk-app .dk-form .widget-combobox { width: calc(100% - 4px); max-width: 560px; }
.dk-app .widget-radio-box { height: auto; }
.dk-app .widget-radio-box label { display: flex; flex-direction: row-reverse;
  justify-content: flex-end; gap: 6px; height: auto; line-height: 1.3;
  white-space: normal; margin: 5px 0; align-items: flex-start; }
.dk-app .widget-radio-box input[type=radio] { width: 18px; height: 18px; flex: none; }
.dk-app .widget-radio { width: 100%; max-width: 560px; height: auto; }
.dk-app .dk-radio-row .widget-radio-box { flex-direction: row; flex-wrap: wrap; gap: 0 22px; }
.dk-app .dk-check .widget-checkbox { width: 100%; height: auto; }
.dk-app .dk-check .widget-checkbox label { white-space: normal; overflow: visible;
  text-overflow: clip; line-height: 1.3; }
.dk-app .dk-check input[type=checkbox] { width: 20px; height: 20px; flex: none; }
.dk-app img.dk-chart, .dk-app .dk-chart img { max-width: 100%; height: auto; }
.dk-hint { color: #4a5663; font-size: 0.92em; margin: 2px 0 6px; }
.dk-saran { font-size: 1.15em; font-weight: bold; padding: 8px 12px; border-radius: 8px;
  margin: 6px 0; }
.dk-saran ul { font-weight: normal; font-size: 0.9em; margin: 4px 0 0; padding-left: 1.2em; }
.dk-saran-segera { background: #fdecea; color: #8a1c12; border: 2px solid #c0392b; }
.dk-saran-rujuk { background: #fff4e0; color: #6d4a00; border: 2px solid #e08a00; }
.dk-saran-pantau { background: #eef4f8; color: #1d3b55; border: 2px solid #7aa7cc; }
.dk-saran-baik { background: #e8f5ec; color: #1b5e2f; border: 2px solid #1b7a3a; }
.dk-scores { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
  gap: 8px; margin: 6px 0; }
.dk-score { border: 1px solid #d5dde5; border-left: 6px solid #9aa8b5; border-radius: 8px;
  padding: 6px 10px; background: #fff; }
.dk-score-ok { border-left-color: #1b7a3a; }
.dk-score-warn { border-left-color: #e08a00; }
.dk-score-bad { border-left-color: #c0392b; }
.dk-score-none { border-left-color: #c8d0d8; color: #4a5663; }
.dk-score .dk-z { font-size: 1.3em; font-weight: bold; }
.dk-score p { margin: 2px 0; }
.dk-tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr));
  gap: 8px; margin: 6px 0; }
.dk-tile { border: 1px solid #d5dde5; border-radius: 8px; padding: 6px 10px; background: #fff; }
.dk-tile b { display: block; font-size: 1.6em; }
.dk-tile-alert { border-color: #e08a00; background: #fffaf0; }
.dk-tablewrap { overflow-x: auto; max-width: 100%; }
.dk-table { border-collapse: collapse; font-size: 0.92em; }
.dk-table th, .dk-table td { border-bottom: 1px solid #d5dde5; padding: 4px 6px; text-align: left;
  vertical-align: top; }
.dk-table td { white-space: nowrap; }
.dk-table td.dk-name { white-space: normal; min-width: 7em; }
.dk-table th { background: #eef4f8; }
.dk-table td.dk-num { text-align: right; white-space: nowrap; }
.dk-privacy { border-left: 5px solid #7aa7cc; background: #f3f8fc; padding: 6px 10px;
  margin: 6px 0; font-size: 0.95em; }
.dk-visit { margin: 4px 0 10px; padding-left: 1.2em; }
.dk-visit li { margin: 5px 0; }
.dk-visit-head { margin: 10px 0 2px; font-weight: bold; }
.dk-visit-head-segera { color: #8a1c12; }
.dk-visit-head-rujuk { color: #6d4a00; }
.dk-app .dk-buttons { flex-wrap: wrap; gap: 6px; }
@media (max-width: 600px) {
  .dk-app .dk-row-card .widget-text, .dk-app .dk-row-card .widget-dropdown {
    width: calc(100% - 4px) !important; }
}
"""


def css() -> widgets.HTML:
    return widgets.HTML(f"<style>{_CSS}</style>", layout=widgets.Layout(display="none"))


def wide(**extra) -> widgets.Layout:
    return widgets.Layout(width="calc(100% - 4px)", max_width="560px", **extra)


def row() -> widgets.Layout:
    return widgets.Layout(flex_flow="row wrap", align_items="center", width="100%", gap="6px")


def card(children, css_class: str | None = None) -> widgets.VBox:
    box = widgets.VBox(children, layout=widgets.Layout(width="100%"))
    box.add_class("dk-card")
    if css_class:
        box.add_class(css_class)
    return box


def heading(key: str, hint_key: str | None = None, level: int = 2) -> str:
    """A heading from the catalog, with an optional hint line under it."""
    hint = f"<p class='dk-hint'>{esc(t(hint_key))}</p>" if hint_key else ""
    return f"<h{level}>{esc(t(key))}</h{level}>{hint}"


def date_text(day: date | None) -> str:
    """A date as people type it (``10/02/2026``)."""
    return "" if day is None else day.strftime("%d/%m/%Y")


class ParentingApp(App):
    """Shared layout of the pillar-3 apps: the header (title, language switch, intro) and the
    message area right under it."""

    title_key = "app.tumbuh_kembang"
    intro_key = "par.tk.intro"

    def _create_header(self) -> None:
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
                ),
                self.intro,
            ],
            layout=widgets.Layout(width="100%"),
        )

    def _draw_header(self) -> None:
        self.title.value = f"<h1>{esc(t(self.title_key))}</h1>"
        self.intro.value = f"<p>{esc(t(self.intro_key))}</p>"

    def _finish_with(self, top: list, rest: list) -> None:
        """Like ``App._finish``, with the message area right under ``top`` (visible)."""
        self._finish([css(), *top, self.message, *rest])


def label(widget: widgets.Widget, key: str, placeholder_key: str | None = None) -> None:
    """Set a field's label (and placeholder) from the catalog."""
    widget.description = t(key)
    widget.style.description_width = LABEL_WIDTH
    if placeholder_key:
        widget.placeholder = t(placeholder_key)
