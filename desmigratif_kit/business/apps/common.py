"""What the pillar-2 apps share: the header, the illustrative-figures note, layout helpers, the
pillar's CSS, charts as pictures, typed fields read the Indonesian way, and ``preload``.

The apps read widgets, call :mod:`desmigratif_kit.business` (the rules) and draw what comes
back; they hold no arithmetic. Money and numbers are typed as text (``1.500.000``,
``Rp 25.000``, ``2,5``) and read by :mod:`desmigratif_kit.core.i18n`; text fields report when
the participant leaves them or presses Enter (``continuous_update=False``), so a half-typed
number is never an error. Charts are PNG pictures (``ipywidgets.Image``) drawn 4.4 inches wide
at 160 dpi: readable when the picture shrinks to a phone's width, sharp on a projector.
"""

from __future__ import annotations

import ipywidgets as widgets

from desmigratif_kit import business
from desmigratif_kit.core import i18n
from desmigratif_kit.core.app import App, LanguageSwitch, esc, message_html
from desmigratif_kit.core.i18n import t

CHART_WIDTH_INCI = 4.4
CHART_DPI = 160
LABEL_WIDTH = "14em"
"""Width of form labels on a wide screen (on a phone the label goes above its field)."""

_CSS = """
.dk-biz .dk-big { font-size: 1.6em; font-weight: bold; color: #1d3b55; margin: 2px 0; }
.dk-biz .dk-big-label { color: #4a5663; font-size: 0.95em; }
.dk-biz .dk-figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
  gap: 8px; margin: 6px 0; }
.dk-biz .dk-figure { background: #f7fbfe; border: 1px solid #d5dde5; border-radius: 8px;
  padding: 6px 10px; }
.dk-biz .dk-figure b { display: block; font-size: 1.25em; color: #1d3b55; }
.dk-biz .dk-compare { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
  gap: 10px; margin: 6px 0; }
.dk-biz .dk-way { border: 2px solid #c9dcea; border-radius: 10px; padding: 8px 12px;
  background: #fff; }
.dk-biz .dk-way-margin { border-color: #1b7a3a; background: #f3faf5; }
.dk-biz .dk-way-markup { border-color: #e0a100; background: #fffbef; }
.dk-biz .dk-way .dk-price { font-size: 1.5em; font-weight: bold; }
.dk-biz .dk-way p { margin: 3px 0; }
.dk-biz .dk-good { color: #1b5e2f; font-weight: bold; }
.dk-biz .dk-bad { color: #8a1c12; font-weight: bold; }
.dk-biz .dk-sentence { font-size: 1.1em; background: #f3f8fc; border-left: 5px solid #2d7fc1;
  padding: 8px 12px; margin: 6px 0; }
.dk-biz .dk-tablewrap { overflow-x: auto; max-width: 100%; }
.dk-biz .dk-table { border-collapse: collapse; font-size: 0.92em; }
.dk-biz .dk-table th, .dk-biz .dk-table td { border-bottom: 1px solid #d5dde5; padding: 4px 8px;
  text-align: right; white-space: nowrap; }
.dk-biz .dk-table th:first-child, .dk-biz .dk-table td:first-child { text-align: left;
  white-space: normal; min-width: 4.5em; }
.dk-biz .dk-table th { white-space: normal; }
.dk-biz .dk-row-card { box-sizing: border-box; max-width: 100%; }
.dk-biz .dk-row-card > .widget-vbox { min-width: 0; max-width: 100%; }
.dk-biz .dk-row-card .widget-text, .dk-biz .dk-row-card .widget-dropdown {
  box-sizing: border-box; max-width: 100%; margin-left: 0; margin-right: 0; }
.dk-biz .dk-table th { background: #eef4f8; }
.dk-biz .dk-table tr.dk-total td { font-weight: bold; border-top: 2px solid #9fb3c8; }
.dk-biz .dk-table tr.dk-hit td { background: #e8f5ec; font-weight: bold; }
.dk-biz .dk-table td.dk-neg { color: #8a1c12; }
.dk-biz img.dk-chart, .dk-biz .dk-chart img { max-width: 100%; height: auto; }
.dk-biz .dk-form .widget-text, .dk-biz .dk-form .widget-dropdown { width: 100%; max-width: 560px; }
.dk-biz .widget-slider { width: 100%; max-width: 560px; }
.dk-biz .dk-slider-value { font-weight: bold; font-size: 1.1em; color: #1d3b55; }
.dk-biz .dk-actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
@media (max-width: 600px) {
  .dk-biz .widget-slider { flex-wrap: wrap; height: auto !important; }
  .dk-biz .widget-slider > .widget-label { width: 100% !important; min-width: 0;
    text-align: left; }
  .dk-biz .widget-slider .slider-container { flex: 1 1 100%; }
  .dk-biz .dk-big { font-size: 1.35em; }
  .dk-biz .dk-row-card > .widget-vbox:nth-child(n+4) { flex: 1 1 40%; }
  .dk-biz .dk-table { font-size: 0.85em; }
  .dk-biz .dk-table th, .dk-biz .dk-table td { padding: 3px 4px; }
}
"""


def css() -> widgets.HTML:
    return widgets.HTML(f"<style>{_CSS}</style>", layout=widgets.Layout(display="none"))


def wide(**extra) -> widgets.Layout:
    return widgets.Layout(width="100%", max_width="560px", **extra)


def card(children, *classes: str) -> widgets.VBox:
    box = widgets.VBox(children, layout=widgets.Layout(width="100%"))
    box.add_class("dk-card")
    for name in classes:
        box.add_class(name)
    return box


def row(children) -> widgets.HBox:
    return widgets.HBox(
        children,
        layout=widgets.Layout(flex_flow="row wrap", align_items="center", gap="8px", width="100%"),
    )


def text_field(**extra) -> widgets.Text:
    """A text field for numbers and money: read when left or on Enter."""
    return widgets.Text(layout=wide(), continuous_update=False, **extra)


def label(widget: widgets.Widget, key: str, placeholder: str | None = None) -> None:
    """Give ``widget`` its label (and grey example) from the catalogs, in the current language."""
    widget.description = t(key)
    widget.style.description_width = LABEL_WIDTH
    if placeholder is not None:
        widget.placeholder = t(placeholder)


def image() -> widgets.Image:
    image = widgets.Image(format="png", layout=widgets.Layout(max_width="640px", width="100%"))
    image.add_class("dk-chart")
    return image


def png(chart) -> bytes:
    """A chart of :mod:`desmigratif_kit.business.charts` as PNG bytes for an ``Image``."""
    from desmigratif_kit.business import charts  # matplotlib: only when a chart is drawn

    return charts.to_png(chart, dpi=CHART_DPI)


def show_chart(image: widgets.Image, key: object, draw) -> None:
    """Put ``draw()`` (a chart) into ``image`` as PNG, unless the picture already shows
    ``key`` (the figures it was drawn from, and the language): drawing takes a good part of
    a second on a busy laptop, and most changes leave most charts as they were."""
    full_key = (i18n.get_language(), key)
    if getattr(image, "_dk_key", None) == full_key and image.value:
        return
    image.value = png(draw())
    image._dk_key = full_key


def clear_chart(image: widgets.Image) -> None:
    image.value = b""
    image._dk_key = None


def charts_module():
    """The pillar's chart module, imported when the first chart is drawn."""
    from desmigratif_kit.business import charts

    return charts


def read_rp(widget: widgets.Text, key: str, required: bool = True) -> float | None:
    """The rupiah amount typed in ``widget`` (``Rp 25.000``, ``25.000``), or ``None`` when
    empty and not ``required``; unreadable text raises ``InputError`` naming the field."""
    text = widget.value.strip()
    if not text:
        if not required:
            return None
        raise i18n.InputError("input.required", expected="expected.rp", given="", field=key)
    return i18n.parse_rp(text, field=t(key))


def read_number(widget: widgets.Text, key: str, required: bool = True) -> float | None:
    """The number typed in ``widget`` (``2,5``, ``1.000``), or ``None`` when empty and not
    ``required``."""
    text = widget.value.strip()
    if not text:
        if not required:
            return None
        raise i18n.InputError("input.required", expected="expected.number", given="", field=key)
    return i18n.parse_number(text, field=t(key))


def read_pct(widget: widgets.Text, key: str) -> float:
    """A percentage typed as ``30`` or ``30%`` (empty is 0)."""
    text = widget.value.strip()
    return i18n.parse_pct(text, field=t(key)) if text else 0


def shown_number(value) -> str:
    """A number as it is typed back into a field (``1.500.000``, ``2,5``; empty for None)."""
    return "" if value is None else i18n.format_number(value)


def figures_html(items: list[tuple[str, str]]) -> str:
    """Key figures as a grid of small cards: ``[(label, value), ...]`` (both escaped here)."""
    cells = "".join(
        f"<div class='dk-figure'><span class='dk-big-label'>{esc(name)}</span>"
        f"<b>{esc(value)}</b></div>"
        for name, value in items
    )
    return f"<div class='dk-figures'>{cells}</div>"


class BisnisApp(App):
    """Shared layout of the pillar-2 apps: a header (title, language switch, one-line intro)
    and the note that the starting figures are illustrative and where real prices come from."""

    title_key = "app.kalkulator_hpp"
    intro_key = "biz.app.hpp.intro"

    def _create_header(self) -> None:
        self.title = widgets.HTML()
        self.lang = LanguageSwitch()
        self.intro = widgets.HTML()
        self.note = widgets.HTML()
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
                self.note,
            ],
            layout=widgets.Layout(width="100%"),
        )

    def _draw_header(self) -> None:
        self.title.value = f"<h1>{esc(t(self.title_key))}</h1>"
        self.intro.value = f"<p>{esc(t(self.intro_key))}</p>"

    def draw_note(self, all_example: bool) -> None:
        """The illustrative-figures note: stronger while every figure is still the example."""
        if all_example:
            text, kind = business.catatan_ilustrasi(), "warn"
        else:
            text, kind = t("biz.app.note_changed"), "info"
        self.note.value = f"<div data-testid='ilustrasi'>{message_html(kind, esc(text))}</div>"

    def _finish_biz(self, children: list) -> None:
        """Lay out the app with the pillar's CSS; the message area under the header."""
        self._finish([css(), self.header, self.message, *children])
        self.container.add_class("dk-biz")


def preload(app: str = "kalkulator_hpp") -> None:
    """Warm a preheated kernel before a visitor arrives: catalogs, the example products, a
    first calculation and the chart module with one chart drawn (matplotlib and its fonts),
    since every pillar-2 app draws a chart on its first screen."""
    t("biz.app.hpp.intro")
    produk = business.contoh_produk("minyak_kemiri")
    hpp = business.cost_of_goods(produk["batch"])
    business.analisis_harga(hpp.hpp_per_unit_rp, 30)
    charts = charts_module()
    if app == "rencana_usaha":
        rencana = business.rencana_usaha(produk, "botol_100ml", "marketplace")
        png(charts.chart_arus_kas(rencana.arus_kas, lebar_inci=CHART_WIDTH_INCI))
    elif app == "titik_impas":
        titik = business.break_even(250_000, 29_440, 16_700)
        png(charts.chart_titik_impas(titik, lebar_inci=CHART_WIDTH_INCI))
    else:
        png(charts.chart_porsi_biaya(hpp, lebar_inci=CHART_WIDTH_INCI))
