"""Charts of the workshop layer: the room's decisions (large, for a projector) and the national
context of the district dashboard (remittances, the programme's rollout; placements come from
pillar 1's :mod:`desmigratif_kit.migration.charts`).

Drawn with :mod:`desmigratif_kit.core.charts`; texts from the catalogs (``ws.chart.*``) in the
current language, numbers Indonesian, a source line under each chart.

>>> fig = chart_remitansi()
>>> fig.axes[0].get_title(loc="left")
'Remitansi PMI ke Indonesia, 2013-2024 (miliar USD)'
>>> [b.get_hatch() for b in fig.axes[0].containers[0]][-2:]   # 2023 uncertain, 2024 not
['///', None]
>>> chart_perluasan().axes[0].containers[0].datavalues.tolist()
[2, 120, 130, 150]
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import pandas as pd
from matplotlib.ticker import MaxNLocator

from desmigratif_kit.core.charts import (
    WARNA,
    Chart,
    figure,
    format_axis,
    source_line,
    style_axes,
    title_left,
    to_png,
)
from desmigratif_kit.core.i18n import format_datetime, format_number, get_language, t, text_or_key
from desmigratif_kit.migration.charts import (
    chart_penempatan_negara,
    chart_penempatan_provinsi,
    chart_penempatan_tahunan,
)
from desmigratif_kit.workshop import konteks
from desmigratif_kit.workshop.rekap import Rekap, TotalFakta

__all__ = [
    "Chart",
    "chart_lessons",
    "chart_penempatan_negara",
    "chart_penempatan_provinsi",
    "chart_penempatan_tahunan",
    "chart_perluasan",
    "chart_remitansi",
    "chart_ya",
    "fit_width",
    "to_png",
]

PROJECTOR_FONT = 15
"""Points for labels on the board's charts (read from the back of a room)."""


def _labelled_bars(ax, labels, values, colors, notes, limit: float) -> None:
    """Horizontal bars for a projector: each label written above its bar (long labels never
    squeeze the bars), the note (``12 dari 30 desa``) at the end of the bar."""
    rows = range(len(labels))[::-1]
    positions = [row * 1.6 for row in rows]
    bars = ax.barh(positions, values, color=colors, height=0.75)
    for y, label in zip(positions, labels, strict=True):
        ax.text(0, y + 0.5, label, fontsize=PROJECTOR_FONT, color=WARNA["teks"], va="bottom")
    ax.bar_label(bars, labels=notes, padding=6, fontsize=PROJECTOR_FONT - 1, color=WARNA["teks"],
                 fontweight="bold")  # fmt: skip
    ax.set_yticks([])
    ax.set_ylim(-0.8, max(positions, default=0) + 1.5)
    ax.set_xlim(0, limit)
    ax.spines["left"].set_visible(False)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    format_axis(ax.xaxis)
    ax.tick_params(axis="x", labelsize=PROJECTOR_FONT - 4)
    ax.grid(axis="x", color="#e3e6ea", linewidth=0.8)
    ax.set_axisbelow(True)


def chart_ya(
    nomor: int,
    totals: Sequence[TotalFakta],
    villages: int,
    when: datetime | None = None,
    lebar_inci: float = 5.6,
) -> Chart | None:
    """Pillar ``nomor``'s yes/no facts: how many villages said yes (``None`` if it has none);
    orange when some village is to be followed up on that fact.

    >>> totals = [TotalFakta("a", "Meja layanan", "bool", 12, 20, 10, 0)]
    >>> [t.get_text() for t in chart_ya(1, totals, 30).axes[0].texts][:1]
    ['Meja layanan']
    """
    bools = [total for total in totals if total.kind == "bool"]
    if not bools:
        return None
    lang = get_language()
    stamp = format_datetime(when or datetime.now().astimezone(), lang)
    source = t("ws.chart.board.source", lang, n=villages, time=stamp)
    fig = figure(lebar_inci, 1.5 + 0.95 * len(bools), source)
    ax = fig.add_subplot()
    values = [int(total.nilai or 0) for total in bools]
    _labelled_bars(
        ax,
        [text_or_key(total.label, lang) for total in bools],
        values,
        [WARNA["sorot"] if total.tindak_lanjut else WARNA["utama"] for total in bools],
        [t("ws.board.of_villages", lang, n=v, total=villages) for v in values],
        max(villages, max(values, default=0), 1) * 1.7,
    )
    style_axes(ax)
    ax.tick_params(axis="x", labelsize=PROJECTOR_FONT - 4)
    title_left(ax, t("ws.chart.board.title", lang, n=nomor))
    ax.title.set_fontsize(PROJECTOR_FONT + 1)
    return fig


def chart_lessons(rekap: Rekap, when: datetime | None = None, lebar_inci: float = 5.6) -> Chart:
    """Per pillar: villages that started its lesson, and the mean number of right answers per
    village that started.

    >>> from desmigratif_kit.core.store import Store
    >>> from desmigratif_kit.workshop.rekap import RekapLangsung
    >>> live = RekapLangsung(Store(":memory:")); _ = live.refresh()
    >>> len(chart_lessons(live.rekap).axes[0].patches)
    4
    """
    lang = get_language()
    stamp = format_datetime(when or datetime.now().astimezone(), lang)
    source = t("ws.chart.board.source", lang, n=rekap.jumlah_desa, time=stamp)
    fig = figure(lebar_inci, 1.5 + 0.95 * len(rekap.pilar), source)
    ax = fig.add_subplot()
    labels, values, notes = [], [], []
    for pillar in rekap.pilar:
        started, benar, _ = rekap.pelajaran(pillar.nomor)
        labels.append(f"{pillar.nomor}. {t(pillar.judul_key, lang)}")
        values.append(started)
        mean = format_number(round(benar / started, 1)) if started else "0"
        notes.append(t("ws.chart.lessons.bar", lang, n=format_number(started), mean=mean))
    _labelled_bars(
        ax, labels, values, [WARNA["utama"]] * len(values), notes,
        max(rekap.jumlah_desa, max(values, default=0), 1) * 2.2,
    )  # fmt: skip
    style_axes(ax)
    ax.tick_params(axis="x", labelsize=PROJECTOR_FONT - 4)
    title_left(ax, t("ws.chart.lessons.title", lang))
    ax.title.set_fontsize(PROJECTOR_FONT + 1)
    return fig


def chart_remitansi(df: pd.DataFrame | None = None, lebar_inci: float = 7.0) -> Chart:
    """Remittance inflows per year (USD billion), uncertain years hatched."""
    lang = get_language()
    df = (konteks.load_remitansi_tahunan() if df is None else df).sort_values("tahun")
    years = [int(y) for y in df["tahun"]]
    values = [float(v) for v in df["usd_miliar"]]
    uncertain = [c == "?" for c in df["catatan"]]
    notes = []
    if any(uncertain):
        shown = ", ".join(str(y) for y, u in zip(years, uncertain, strict=True) if u)
        notes.append(t("ws.chart.remit.uncertain", lang, years=shown))
    fig = figure(lebar_inci, 4.6, source_line("ws.chart.remit.source", lang, notes))
    ax = fig.add_subplot()
    bars = ax.bar(years, values, color=WARNA["utama"], width=0.72)
    for bar, doubt in zip(bars, uncertain, strict=True):
        if doubt:
            bar.set_hatch("///")
            bar.set_edgecolor("white")
            bar.set_facecolor(WARNA["ragu"])
    ax.bar_label(bars, labels=[format_number(v) for v in values], padding=2, fontsize=8.5)
    ax.set_xticks(years, labels=[str(y)[2:] if lebar_inci < 6 else str(y) for y in years])
    ax.tick_params(axis="x", labelsize=8.5)
    format_axis(ax.yaxis)
    ax.set_ylim(0, max(values, default=1) * 1.15)
    ax.set_ylabel(t("ws.chart.remit.axis", lang), color=WARNA["teks"])
    ax.grid(axis="y", color="#e3e6ea", linewidth=0.8)
    ax.set_axisbelow(True)
    style_axes(ax)
    span = f"{min(years)}-{max(years)}" if years else ""
    title_left(ax, t("ws.chart.remit.title", lang, years=span))
    return fig


def chart_perluasan(df: pd.DataFrame | None = None, lebar_inci: float = 7.0) -> Chart:
    """New Desmigratif villages per year, with the cumulative totals the sources give."""
    lang = get_language()
    df = konteks.load_perluasan() if df is None else df
    yearly = df[df["jenis"] == "baru"].sort_values("periode")
    totals = df[df["jenis"] == "kumulatif"]
    notes = []
    for row in totals.itertuples(index=False):
        start, end = str(row.periode).split("/")
        notes.append(t("ws.chart.rollout.total", lang, start=start, end=end, n=int(row.desa)))
    fig = figure(lebar_inci, 4.0, source_line("ws.chart.rollout.source", lang, ["; ".join(notes)]))
    ax = fig.add_subplot()
    years = [str(p) for p in yearly["periode"]]
    values = [int(v) for v in yearly["desa"]]
    bars = ax.bar(years, values, color=WARNA["utama"], width=0.6)
    ax.bar_label(bars, labels=[format_number(v) for v in values], padding=2, fontsize=10)
    format_axis(ax.yaxis)
    ax.set_ylim(0, max(values, default=1) * 1.2)
    ax.set_ylabel(t("ws.chart.axis.villages", lang), color=WARNA["teks"])
    ax.grid(axis="y", color="#e3e6ea", linewidth=0.8)
    ax.set_axisbelow(True)
    style_axes(ax)
    title_left(ax, t("ws.chart.rollout.title", lang))
    return fig


def fit_width(fig: Chart, width_inci: float, font_points: float = 8.5) -> Chart:
    """A chart drawn for a laptop (pillar 1's BP2MI charts, 9-10 inches) made ``width_inci``
    wide for a phone: the height shrinks less than the width (the bars stay tall enough),
    the note and source lines under it are wrapped to the new width and the plot moved up
    to make room for them. Returns the same figure.

    >>> fig = fit_width(chart_penempatan_tahunan(), 6.4)
    >>> float(round(fig.get_figwidth(), 1)), fig.texts[0].get_text().count("\\n") >= 2
    (6.4, True)
    """
    import textwrap

    old_width, old_height = fig.get_figwidth(), fig.get_figheight()
    if old_width <= width_inci:
        return fig
    height = old_height * (0.45 + 0.55 * width_inci / old_width)
    fig.set_size_inches(width_inci, height)
    if fig.texts:
        note = fig.texts[0]
        chars = max(40, int(width_inci * 72 / (font_points * 0.55)))
        lines = [
            wrapped
            for line in note.get_text().split("\n")
            for wrapped in (textwrap.wrap(line, chars) or [""])
        ]
        note.set_text("\n".join(lines))
        bottom = min(0.4, (0.16 + 0.15 * len(lines)) / height)
        fig.get_layout_engine().set(rect=(0, bottom, 1, 1 - bottom))
    return fig
