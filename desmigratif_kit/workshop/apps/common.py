"""What the workshop apps share: their CSS, the header with the language switch, cards.

The apps: :mod:`.rencana_aksi` (the village action plan, phones), :mod:`.papan_hasil` (the
results board, the projector), :mod:`.dasbor_kabupaten` (the district dashboard, phones) and
:mod:`.beranda` (the home page).
"""

from __future__ import annotations

import re

import ipywidgets as widgets

from desmigratif_kit.core.app import App, LanguageSwitch, esc
from desmigratif_kit.core.i18n import t

_CSS = """
.dk-app .widget-html-content { line-height: 1.45; }
.dk-facts { border-collapse: collapse; width: 100%; max-width: 640px; margin: 4px 0 8px; }
.dk-facts th, .dk-facts td { border-bottom: 1px solid #e1e7ee; padding: 5px 8px; text-align: left;
  vertical-align: top; font-weight: normal; }
.dk-facts td { font-weight: bold; white-space: nowrap; }
.dk-gap td, td.dk-gap { color: #8a5a00; font-style: italic; font-weight: normal;
  background: #fffaf0; }
tr.dk-follow td, td.dk-follow { background: #ffe3c7; color: #7a3300; font-weight: bold; }
.dk-follow-tag { display: inline-block; font-size: 0.78em; background: #d9731f; color: #fff;
  border-radius: 9px; padding: 0 7px; margin-left: 4px; font-weight: bold; white-space: nowrap; }
.dk-gaps { margin: 4px 0; padding-left: 1.2em; color: #6d4a00; }
.dk-gaps li { margin: 2px 0; }
.dk-pillar-tabs .widget-toggle-buttons { flex-wrap: wrap; height: auto; }
.dk-pillar-tabs .widget-toggle-button { margin: 2px; }
.dk-app textarea { font-size: 16px; min-height: 4.5em; }
.dk-app .dk-status .widget-radio-box { height: auto; }
.dk-app .dk-status .widget-radio-box label { margin: 5px 0; font-size: 16px; }
.dk-app .dk-status input[type=radio] { width: 20px; height: 20px; }
.dk-plan-sum { border-collapse: collapse; width: 100%; }
.dk-plan-sum th, .dk-plan-sum td { border-bottom: 1px solid #e1e7ee; padding: 5px 6px;
  text-align: left; vertical-align: top; }
.dk-app.dk-board { font-size: 19px; }
.dk-board h1 { font-size: 2.1em; margin: 0.1em 0; }
.dk-board .dk-muted { font-size: 0.95em; }
.dk-tiles { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0; }
.dk-tile { flex: 1 1 180px; background: #eef4f8; border-radius: 10px; padding: 10px 16px; }
.dk-tile b { display: block; font-size: 3.2em; line-height: 1.05; color: #1d3b55; }
.dk-tile span { font-size: 1.15em; color: #33475b; }
.dk-board .dk-pillar-card h2 { font-size: 1.6em; margin: 0.2em 0; }
.dk-totals { list-style: none; padding: 0; margin: 4px 0; font-size: 1.25em; }
.dk-totals li { padding: 6px 8px; border-bottom: 1px solid #e1e7ee; display: flex;
  flex-wrap: wrap; justify-content: space-between; gap: 4px 16px; }
.dk-totals li.dk-follow { background: #fff1e3; }
.dk-total-value { font-weight: bold; }
.dk-total-note { flex: 1 1 100%; font-size: 0.8em; color: #7a3300; }
.dk-board-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr));
  gap: 12px; }
.dk-who-list { columns: 2 22em; font-size: 1.05em; padding-left: 1.2em; }
.dk-people { color: #33475b; }
.dk-live { color: #4a5663; font-size: 0.95em; }
.dk-app .dk-wide, .dk-app .dk-wide .widget-html-content { width: 100%; max-width: 100%;
  min-width: 0; overflow: hidden; }
.dk-app .dk-tablewrap { overflow-x: auto; max-width: 100%; -webkit-overflow-scrolling: touch; }
.dk-district { border-collapse: separate; border-spacing: 0; font-size: 0.92em; }
.dk-district th, .dk-district td { border-bottom: 1px solid #d5dde5; padding: 4px 8px;
  text-align: left; white-space: nowrap; background: #fff; }
.dk-district thead th { background: #eef4f8; white-space: normal; min-width: 5.5em;
  vertical-align: bottom; font-size: 0.9em; }
.dk-district .dk-group { text-align: left; border-left: 2px solid #9db7cc; font-size: 1em;
  white-space: nowrap; }
.dk-district tfoot td, .dk-district tfoot th { font-weight: bold; background: #f5f8fb; }
.dk-district .dk-sticky { position: sticky; left: 0; z-index: 1; background: #fff;
  max-width: 9em; white-space: normal; border-right: 1px solid #d5dde5; }
.dk-district thead .dk-sticky { background: #eef4f8; z-index: 2; }
.dk-follow-list li { margin: 4px 0; }
.dk-pin input { font-size: 22px; letter-spacing: 0.2em; }
.dk-app img.dk-chart, .dk-app .dk-chart img { max-width: 100%; height: auto; }
.dk-downloads a { margin-right: 10px; }
@media (max-width: 600px) {
  .dk-app .dk-row-card .widget-text, .dk-app .dk-row-card .widget-dropdown {
    width: calc(100% - 8px) !important; }
  .dk-board-grid { grid-template-columns: 1fr; }
  .dk-tile b { font-size: 2.2em; }
  .dk-facts td { white-space: normal; }
}
"""


def css() -> widgets.HTML:
    return widgets.HTML(f"<style>{_CSS}</style>", layout=widgets.Layout(display="none"))


def card(children, css_class: str | None = None) -> widgets.VBox:
    box = widgets.VBox(children, layout=widgets.Layout(width="100%"))
    box.add_class("dk-card")
    if css_class:
        box.add_class(css_class)
    return box


def wide(**extra) -> widgets.Layout:
    return widgets.Layout(width="100%", max_width="640px", **extra)


def slug(text: str) -> str:
    """A file-name-safe form of a name.

    >>> slug("Ranggatalo (Lio Timur)")
    'ranggatalo-lio-timur'
    """
    cleaned = re.sub(r"[^A-Za-z0-9]+", "-", text or "").strip("-").lower()
    return cleaned[:40] or "desa"


class WorkshopApp(App):
    """Shared header (title, language switch, intro) for the workshop's apps."""

    title_key = "app.rencana_aksi"
    intro_key = ""

    def _create_header(self) -> None:
        self.title = widgets.HTML()
        self.lang = LanguageSwitch()
        self.intro = widgets.HTML()
        row = widgets.HBox(
            [self.title, self.lang.widget],
            layout=widgets.Layout(
                flex_flow="row wrap",
                align_items="center",
                justify_content="space-between",
                width="100%",
            ),
        )
        self.header = widgets.VBox([row, self.intro], layout=widgets.Layout(width="100%"))

    def _draw_header(self) -> None:
        self.title.value = f"<h1>{esc(t(self.title_key))}</h1>"
        self.intro.value = f"<p>{esc(t(self.intro_key))}</p>" if self.intro_key else ""
