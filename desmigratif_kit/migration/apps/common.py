"""What the pillar-1 apps share: layout helpers, the pillar's CSS, a finding box, ``preload``.

The apps themselves are one module each: :mod:`.cek_kesiapan` (Cek Kesiapan CPMI),
:mod:`.waspada_calo` (Waspada Calo) and :mod:`.register_desa` (Buku Register Desa).

The apps read widgets, call :mod:`desmigratif_kit.migration` (rules, red flags, the register)
and :mod:`desmigratif_kit.migration.cards` (the scenario cards, the saved register), and draw
what comes back. Every text a participant typed is escaped; identity numbers are masked in
every display and in the Excel export.

Dates are typed as text (``12/09/2017``) and read by :func:`i18n.parse_date`, not picked with
a ``DatePicker``: on phones the browser's date picker differs from one device to the next and
is slow for a birth date 25 years back, while typing follows the same rule as every other date
in the kit (and its error message says what was expected and what was given). Text fields that
are parsed update when the field is left or Enter is pressed (``continuous_update=False``), so a
half-typed date is never reported as an error.
"""

from __future__ import annotations

import base64
import re
from datetime import date

import ipywidgets as widgets

from desmigratif_kit import migration
from desmigratif_kit.core.app import App, LanguageSwitch, esc
from desmigratif_kit.core.i18n import t

ALERT_LIMIT = 5
"""Names listed in each register alert before "and N more"."""
PAGE_ROWS = 20
"""Register rows per table page (a phone scrolls; a projector stays readable)."""
CHART_WIDTH_INCI = 4.4
CHART_DPI = 160
"""The register charts are drawn 4.4 inches wide (so that their 9-13 point text stays
readable when the picture shrinks to the width of a phone, about 340 px) at 160 dpi (704 px:
sharp on a 640 px wide screen)."""
LABEL_WIDTH = "15em"
"""Width of form labels on a wide screen (on a phone the label goes above its field)."""
CHOICE_LIMIT = 200
NEW = -1
"""The edit drop-down's value for "a new entry"."""
"""Entries offered in the edit drop-down (narrow it with the search box)."""

_CSS = """
.dk-app .widget-html-content { line-height: 1.45; }
.dk-app .dk-flags .widget-checkbox, .dk-app .dk-docs .widget-checkbox { width: 100%; height: auto; }
.dk-app .dk-flags .widget-checkbox label, .dk-app .dk-docs .widget-checkbox label {
  white-space: normal; overflow: visible; text-overflow: clip; line-height: 1.3; }
.dk-app .dk-flags .widget-checkbox, .dk-app .dk-docs .widget-checkbox { margin: 3px 0; }
.dk-status { font-size: 1.25em; font-weight: bold; padding: 8px 12px; border-radius: 8px;
  margin: 6px 0; }
.dk-ready { background: #e8f5ec; color: #1b5e2f; border: 2px solid #1b7a3a; }
.dk-notready { background: #fdecea; color: #8a1c12; border: 2px solid #c0392b; }
.dk-pending { background: #eef4f8; color: #1d3b55; border: 2px solid #c9dcea; }
.dk-find { border-left: 5px solid #c9dcea; padding: 4px 10px; margin: 6px 0; }
.dk-find-tanda_bahaya { border-left-color: #c0392b; background: #fff6f5; }
.dk-find-syarat { border-left-color: #e0a100; background: #fffbef; }
.dk-find-perhatian { border-left-color: #2d7fc1; background: #f3f8fc; }
.dk-find p { margin: 2px 0; }
.dk-law { color: #4a5663; font-size: 0.9em; }
.dk-ok-list { columns: 2 16em; padding-left: 0.2em; list-style: none; }
.dk-app .dk-flags input[type=checkbox], .dk-app .dk-docs input[type=checkbox] {
  width: 20px; height: 20px; flex: none; }
.dk-download { display: inline-block; padding: 8px 14px; background: #0b5cad;
  color: #fff !important;
  border-radius: 6px; text-decoration: none; font-weight: bold; margin: 6px 0; }
.dk-tablewrap { overflow-x: auto; max-width: 100%; }
.dk-table { border-collapse: collapse; font-size: 0.92em; }
.dk-table th, .dk-table td { border-bottom: 1px solid #d5dde5; padding: 4px 8px; text-align: left;
  white-space: nowrap; }
.dk-table th { background: #eef4f8; }
.dk-story { font-size: 1.05em; background: #fffdf5; border: 1px solid #eadfb8; border-radius: 8px;
  padding: 10px 14px; }
.dk-score { font-size: 1.1em; }
.dk-app .dk-form .widget-text, .dk-app .dk-form .widget-dropdown,
.dk-app .dk-form .widget-combobox { width: 100%; max-width: 560px; }
.dk-app img.dk-chart, .dk-app .dk-chart img { max-width: 100%; height: auto; }
"""


def _css() -> widgets.HTML:
    return widgets.HTML(f"<style>{_CSS}</style>", layout=widgets.Layout(display="none"))


def _wide(**extra) -> widgets.Layout:
    return widgets.Layout(width="100%", max_width="560px", **extra)


def _row() -> widgets.Layout:
    return widgets.Layout(flex_flow="row wrap", align_items="center", width="100%")


def _card(children, css: str | None = None) -> widgets.VBox:
    box = widgets.VBox(children, layout=widgets.Layout(width="100%"))
    box.add_class("dk-card")
    if css:
        box.add_class(css)
    return box


def _data_link(content: bytes, filename: str, mime: str, label: str) -> str:
    """An ``<a download>`` with the file in a base64 data URI (works offline in Voila)."""
    b64 = base64.b64encode(content).decode("ascii")
    return (
        f'<a class="dk-download" download="{esc(filename)}" '
        f'href="data:{mime};base64,{b64}">⬇ {esc(label)}</a>'
    )


def _slug(text: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", text or "").strip("-").lower()
    return slug[:40] or "calon"


def _finding_html(finding: migration.Finding, lang: str | None = None) -> str:
    """A finding: title, explanation, next step, then its legal basis and, for a sign known
    from officials' warnings in the news, its source (never called a legal basis)."""
    teks = finding.teks(lang)
    refs = "".join(
        f"<p class='dk-law'>{esc(t(key, lang))}: {esc(teks[name])}</p>"
        for key, name in (("mig.legal_basis", "dasar_hukum"), ("mig.source", "sumber"))
        if teks[name]
    )
    return (
        f'<div class="dk-find dk-find-{esc(finding.jenis)}">'
        f"<p><b>{esc(teks['judul'])}</b></p>"
        f"<p>{esc(teks['penjelasan'])}</p>"
        f"<p><b>{esc(t('mig.next_step', lang))}:</b> {esc(teks['langkah'])}</p>"
        f"{refs}</div>"
    )


def _abbrev_html(lang: str | None = None) -> str:
    """The abbreviations the findings use (LTSA, BP3MI, SKCK, G to G, jo., ...) spelt out."""
    return f"<p class='dk-law' data-testid='singkatan'>{esc(t('mig.abbrev', lang))}</p>"


class _MigrasiApp(App):
    """Shared layout: header with title and language switch, the message under the header."""

    title_key = "app.cek_kesiapan"
    intro_key = "mig.cek.intro"

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
        self._finish([_css(), *top, self.message, *rest])


def preload(register: bool = False) -> None:
    """Warm a preheated kernel before a visitor arrives: catalogs, rules, and for the
    register matplotlib and the synthetic sample (cached per process)."""
    t("mig.cek.intro")
    migration.check_readiness(
        {
            "tanggal_lahir": date(2000, 1, 1),
            "tanggal_berangkat": date(2030, 1, 1),
            "dokumen": [],
            "bpjs": False,
            "opp": False,
            "jalur": "p3mi",
            "visa": "kerja",
            "jabatan": "operator pabrik",
            "biaya_penempatan_rp": 0,
        }
    )
    if register:
        from desmigratif_kit.migration import charts  # noqa: F401  (imports matplotlib)

        migration.load_sample_register()
