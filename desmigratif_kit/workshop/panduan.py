"""What the facilitator guide (``notebooks/lokakarya/panduan_fasilitator.ipynb``) lists from
the kit itself: every pillar's lessons and apps, with a link to open each and, for lessons, a
link to present it as slides (``?presentasi=1``: the kit's template shows one section at a
time, offline); the workshop's own pages. Built from :mod:`core.catalog` and
:mod:`.katalog`, so a lesson or app that lands later appears without editing the guide, and
one not built yet is marked "segera tersedia" instead of a broken link.

>>> html = daftar_bahan()
>>> '../1_layanan_migrasi/01_migrasi_aman.ipynb?presentasi=1' in html
True
>>> Html("<b>x</b>")._repr_html_()
'<b>x</b>'
>>> gaya().startswith("<style>")
True
"""

from __future__ import annotations

from urllib.parse import quote

from desmigratif_kit.core.catalog import PILLARS, AppEntry, LessonEntry
from desmigratif_kit.core.i18n import t
from desmigratif_kit.workshop import katalog
from desmigratif_kit.workshop.tampil import esc

SLIDES_QUERY = "presentasi=1"
"""Query that turns a notebook page into slides (``dk-slides.js`` in the kit's template)."""


GUIDE_CSS = """
.jp-RenderedMarkdown table, table.dk-guide { display: block; max-width: 100%; overflow-x: auto; }
.jp-RenderedMarkdown table td, .jp-RenderedMarkdown table th,
table.dk-guide td, table.dk-guide th { text-align: left; vertical-align: top; }
.jp-RenderedMarkdown td:first-child { white-space: nowrap; }
@media (max-width: 600px) {
  .jp-RenderedMarkdown table td, .jp-RenderedMarkdown table th { min-width: 7em; }
}
"""
"""The guide's tables on a phone: they scroll sideways inside the page, text left-aligned."""


class Html(str):
    """Text that Jupyter and Voila show as HTML (no IPython import needed)."""

    def _repr_html_(self) -> str:
        return str(self)


def gaya() -> Html:
    """The guide's stylesheet (the first code cell shows it; it has no visible output)."""
    return Html(f"<style>{GUIDE_CSS}</style>")


def _href(entry: AppEntry | LessonEntry, slides: bool = False) -> str:
    """The link from ``notebooks/lokakarya/`` to an entry's notebook."""
    href = "../" + quote(entry.notebook)
    return f"{href}?{SLIDES_QUERY}" if slides else href


def _row(pillar: str, entry: AppEntry | LessonEntry, kind: str, lang: str | None) -> str:
    title = esc(t(entry.judul_key, lang))
    if entry.available():
        links = [f"<a href='{esc(_href(entry))}' target='_blank'>{title}</a>"]
        if kind == "lesson":
            slides = esc(_href(entry, slides=True))
            label = esc(t("ws.guide.slides", lang))
            links.append(
                f"(<a href='{slides}' target='_blank' data-testid='presentasi'>{label}</a>)"
            )
        item = " ".join(links)
    else:
        item = f"{title} <span class='dk-soon'>({esc(t('ws.guide.soon', lang))})</span>"
    kind_text = esc(t(f"ws.guide.kind.{kind}", lang))
    return f"<tr><td>{esc(pillar)}</td><td>{kind_text}</td><td>{item}</td></tr>"


def daftar_bahan(lang: str | None = None) -> Html:
    """The table of lessons and apps per pillar, then the workshop's pages, with links."""
    rows = []
    for pillar in PILLARS:
        name = f"{pillar.nomor}. {t(pillar.judul_key, lang)}"
        rows += [_row(name, entry, "lesson", lang) for entry in pillar.lessons]
        rows += [_row(name, entry, "app", lang) for entry in pillar.apps]
    workshop = t("ws.guide.workshop", lang)
    rows += [_row(workshop, entry, "app", lang) for entry in katalog.ENTRIES[:3]]
    head = "".join(
        f"<th>{esc(t(key, lang))}</th>"
        for key in ("ws.guide.col.pillar", "ws.guide.col.kind", "ws.guide.col.item")
    )
    return Html(
        "<table class='dk-guide' data-testid='bahan-lokakarya' style='border-collapse:collapse'>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
