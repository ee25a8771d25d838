"""Charts for the teaching notebooks and the apps: labels in the current language,
Indonesian numbers.

Every helper returns a :class:`Chart`, a matplotlib :class:`~matplotlib.figure.Figure` that
shows itself as a PNG in Jupyter, in Voila and in an ``ipywidgets.Output`` (it needs neither
pyplot nor the inline backend, so it is safe under the Agg backend, in tests and in many
kernels at once). Titles, labels, legends, notes and the source line under every chart come
from the message catalogs (keys ``chart.*``, and ``mig.status.*``, ``mig.sex.*``,
``mig.col.*`` for the register's codes and columns) in the language current when the chart
is made (:func:`~desmigratif_kit.core.i18n.get_language`, Indonesian by default); month names
follow it too (``Agu 2026``, ``Aug 2026``). Numbers are written the Indonesian way in both
languages (``format_number``: 100.000), like everywhere in the kit.

This is the drawing layer: the numbers come from :mod:`desmigratif_kit.migration`, which
stays free of matplotlib.

* BP2MI placement statistics: :func:`chart_penempatan_tahunan` (per year, the COVID-19
  years highlighted), :func:`chart_penempatan_negara` (top destinations of a period),
  :func:`chart_penempatan_provinsi` (provinces of origin of a period).
* The village register: :func:`chart_register_summary` (counts by destination, status, ...,
  from :func:`~desmigratif_kit.migration.register_summary`) and :func:`chart_movements`
  (departures and returns per month, from
  :func:`~desmigratif_kit.migration.movements_per_month`).

>>> fig = chart_penempatan_tahunan()
>>> fig.axes[0].get_title(loc="left")
'Penempatan PMI per tahun, 2011-2024'
>>> fig.axes[0].yaxis.get_major_formatter()(300000, 0)
'300.000'
>>> from desmigratif_kit.core.i18n import set_language
>>> set_language("en")
>>> chart_penempatan_tahunan().axes[0].get_title(loc="left")
'Placements of migrant workers per year, 2011-2024'
>>> set_language("id")
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd
from matplotlib.dates import MonthLocator, YearLocator, date2num, num2date
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from desmigratif_kit import migration
from desmigratif_kit.core.chart_cache import drawn_once
from desmigratif_kit.core.charts import (
    BULAN_SINGKAT,
    WARNA,
    Chart,
    to_png,
)
from desmigratif_kit.core.charts import MONTHS as _MONTHS
from desmigratif_kit.core.charts import figure as _figure
from desmigratif_kit.core.charts import fit_text as _fit
from desmigratif_kit.core.charts import format_axis as _format_axis
from desmigratif_kit.core.charts import horizontal_bars as _horizontal_bars
from desmigratif_kit.core.charts import source_line as _source
from desmigratif_kit.core.charts import style_axes as _style
from desmigratif_kit.core.charts import title_left as _title
from desmigratif_kit.core.i18n import (
    InputError,
    format_date,
    format_number,
    get_language,
    parse_date,
    t,
)

__all__ = [
    "BULAN_SINGKAT",
    "SUMBER_BP2MI",
    "WARNA",
    "Chart",
    "chart_movements",
    "chart_penempatan_negara",
    "chart_penempatan_provinsi",
    "chart_penempatan_tahunan",
    "chart_register_summary",
    "label_periode",
    "to_png",
]

SUMBER_BP2MI = "chart.bp2mi.source"
"""Catalog key of the source line under the BP2MI charts."""
SUMBER_REGISTER = "chart.register.source"
"""Catalog key of the default source line under the register charts (``sumber`` takes a key
or ready text)."""

_LABEL_KEYS = {
    "status": ("mig.status", migration.STATUS),
    "jalur": ("chart.jalur", migration.JALUR),  # short forms: mig.jalur.* are whole sentences
    "jenis_kelamin": ("mig.sex", ("L", "P")),
}
_TITLE_KEYS = ("negara_tujuan", "jenis_kelamin", "jabatan", "status", "jalur")  # mig.col.*


def label_periode(periode: str, lang: str | None = None) -> str:
    """A period of the BP2MI tables written for people (in ``lang``, default: current).

    >>> label_periode("2024"), label_periode("2007/2024-11-14")
    ('2024', '2007 s.d. 14 November 2024 (kumulatif)')
    >>> label_periode("2007/2024-11-14", lang="en")
    '2007 to 14 November 2024 (cumulative)'
    """
    periode = str(periode)
    if "/" in periode:
        start, end = periode.split("/", 1)
        end_text = format_date(parse_date(end), lang=lang) if "-" in end else end
        return t("chart.period.cumulative", lang, start=start, end=end_text)
    return periode


# --- BP2MI placement statistics --------------------------------------------------------------


@drawn_once
def chart_penempatan_tahunan(
    df: pd.DataFrame | None = None, sorot: Iterable[int] = (2020, 2021)
) -> Chart:
    """Placements of Indonesian migrant workers per year (one bar per year).

    ``df`` is :func:`~desmigratif_kit.migration.load_penempatan_tahunan` (loaded when
    ``None``); the years in ``sorot`` (default the COVID-19 years 2020-2021) are drawn in
    orange. Uncertain figures (``catatan`` ``?``: 2017) are hatched and explained under the
    chart, as is the change of definition in 2024 (*layanan penempatan*).

    >>> fig = chart_penempatan_tahunan()
    >>> len(fig.axes[0].containers[0])
    14
    """
    lang = get_language()
    df = migration.load_penempatan_tahunan() if df is None else df
    df = df.sort_values("tahun").reset_index(drop=True)
    sorot = {int(y) for y in sorot}
    tahun = [int(y) for y in df["tahun"]]
    nilai = [int(v) for v in df["penempatan"]]
    ragu = [c == "?" for c in df["catatan"]] if "catatan" in df else [False] * len(df)
    layanan = (
        [d == "layanan_penempatan" for d in df["definisi"]]
        if "definisi" in df
        else [False] * len(df)
    )

    notes = []
    if any(ragu):
        years = ", ".join(str(y) for y, r in zip(tahun, ragu, strict=True) if r)
        notes.append(t("chart.yearly.uncertain", lang, years=years))
    if any(layanan):
        years = ", ".join(str(y) for y, s in zip(tahun, layanan, strict=True) if s)
        notes.append(t("chart.yearly.services", lang, years=years))
    fig = _figure(10, 5.2, _source(SUMBER_BP2MI, lang, [" ".join(notes)] if notes else []))
    ax = fig.add_subplot()
    colors = [WARNA["sorot"] if y in sorot else WARNA["utama"] for y in tahun]
    bars = ax.bar(tahun, nilai, color=colors, width=0.72)
    for bar, r, s in zip(bars, ragu, layanan, strict=True):
        if r or s:
            bar.set_hatch("///" if r else "..")
            bar.set_edgecolor("white")
    ax.bar_label(
        bars, labels=[t("chart.thousands", lang, n=format_number(round(v / 1000))) for v in nilai],
        padding=2,
        fontsize=8.5, color=WARNA["teks"],
    )  # fmt: skip
    ax.set_xticks(tahun, labels=[str(y) for y in tahun])
    _format_axis(ax.yaxis)
    ax.set_ylim(0, max(nilai) * 1.15 if nilai else 1)
    ax.set_ylabel(t("chart.axis.placements", lang), color=WARNA["teks"])
    ax.set_xlabel(t("chart.axis.year", lang), color=WARNA["teks"])
    ax.grid(axis="y", color="#e3e6ea", linewidth=0.8)
    ax.set_axisbelow(True)
    _style(ax)
    span = f"{min(tahun)}-{max(tahun)}" if tahun else ""
    _title(ax, t("chart.yearly.title", lang, years=span))
    if sorot & set(tahun):
        ax.legend(
            handles=[
                Patch(color=WARNA["utama"], label=t("chart.yearly.placements", lang)),
                Patch(color=WARNA["sorot"], label=t("chart.yearly.covid", lang)),
            ],
            loc="upper right", frameon=False, fontsize=9,
        )  # fmt: skip
    return fig


def _ranked(df: pd.DataFrame, name: str, top: int | None) -> pd.DataFrame:
    df = df.sort_values(["jumlah", name], ascending=[False, True]).reset_index(drop=True)
    return df.head(top) if top else df


@drawn_once
def chart_penempatan_negara(
    periode: str = "2024",
    df: pd.DataFrame | None = None,
    top: int | None = 10,
    sorot: Iterable[str] = (),
) -> Chart:
    """Top destination countries of one period, largest at the top.

    ``periode`` as in :func:`~desmigratif_kit.migration.load_penempatan_negara` (``"2016"``,
    ``"2021"`` to ``"2024"``, ``"2007/2024-11-14"``); ``df`` is that table (loaded when
    ``None``; other periods in it are ignored); at most ``top`` countries; ``sorot`` names
    countries drawn in orange. The sources give top-N lists, so the chart says so.

    >>> fig = chart_penempatan_negara("2023")
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()][:3]   # from the top
    ['Taiwan', 'Malaysia', 'Hong Kong']
    """
    table = migration.load_penempatan_negara(periode) if df is None else df
    return _ranked_period(table, periode, "negara", top, sorot, "chart.country")


@drawn_once
def chart_penempatan_provinsi(
    periode: str = "2024",
    df: pd.DataFrame | None = None,
    top: int | None = 10,
    sorot: Iterable[str] = (),
) -> Chart:
    """Provinces of origin of one period, largest at the top; ``sorot`` provinces in orange.

    ``periode``: ``"2023"``, ``"2024"`` or ``"2007/2024-11-14"`` (see
    :func:`~desmigratif_kit.migration.load_penempatan_provinsi`).

    >>> fig = chart_penempatan_provinsi("2024", sorot=["Jawa Tengah"])
    >>> len(fig.axes[0].containers[0])
    5
    """
    table = migration.load_penempatan_provinsi(periode) if df is None else df
    return _ranked_period(table, periode, "provinsi", top, sorot, "chart.province")


def _ranked_period(
    table: pd.DataFrame,
    periode: str,
    column: str,
    top: int | None,
    sorot: Iterable[str],
    keys: str,
) -> Chart:
    """Horizontal bars of one period of a BP2MI top-N table (destinations or provinces).

    ``keys`` is the catalog prefix of the chart's title and note (``chart.country``).
    Bars named in ``sorot`` are orange; a table flagged uncertain (``?``) is drawn grey.
    """
    lang = get_language()
    table = table[table["periode"].astype(str) == str(periode)]
    table = _ranked(table, column, top)
    sorot = set(sorot)
    ragu = (table["catatan"] == "?").any()
    notes = [t(f"{keys}.note", lang)]
    if ragu:
        notes.append(t("chart.uncertain_cumulative", lang))
    fig = _figure(
        9, 0.9 + 0.42 * max(len(table), 3), _source(SUMBER_BP2MI, lang, [" ".join(notes)])
    )
    ax = fig.add_subplot()
    colors = [
        WARNA["sorot"] if name in sorot else (WARNA["ragu"] if ragu else WARNA["utama"])
        for name in table[column]
    ]
    _horizontal_bars(ax, list(table[column]), [int(v) for v in table["jumlah"]], colors)
    ax.set_xlabel(t("chart.axis.placements", lang), color=WARNA["teks"])
    _style(ax)
    _title(ax, t(f"{keys}.title", lang, period=label_periode(periode, lang)))
    return fig


# --- the village register ------------------------------------------------------------------


def _label_nilai(dimensi: str, value: object, lang: str) -> str:
    if value == migration.TIDAK_DIISI:
        return t("mig.reg.not_filled", lang)
    prefix, codes = _LABEL_KEYS.get(dimensi, ("", ()))
    return t(f"{prefix}.{value}", lang) if value in codes else str(value)


def _dimension_title(dimensi: str, lang: str) -> str:
    if dimensi in _TITLE_KEYS:
        return t(f"mig.col.{dimensi}", lang)
    return dimensi.replace("_", " ").capitalize()


@drawn_once
def chart_register_summary(
    summary: Mapping[str, pd.DataFrame],
    dimensi: Sequence[str] = ("negara_tujuan", "status"),
    top: int = 8,
    sumber: str = SUMBER_REGISTER,
    kolom: int | None = None,
    lebar_inci: float | None = None,
) -> Chart:
    """The village register in bars: one panel per ``dimensi`` of ``summary``.

    ``summary`` is :func:`~desmigratif_kit.migration.register_summary` (a dict of DataFrames
    with the dimension's column, ``jumlah`` and ``persen``). Each panel shows at most ``top``
    bars: the ``top - 1`` largest and one grey "Lainnya (n)" bar for the rest. Codes are
    shown as words from the catalogs (``pulang`` as "Sudah pulang", ``P`` as "Perempuan").
    ``sumber`` is a catalog key or ready text. The panels sit side by side, or ``kolom`` per
    row (``kolom=1``: one under the other, for a phone); ``lebar_inci`` is the width of the
    whole chart in inches (default 5.2 per column).

    >>> import pandas as pd
    >>> s = {"status": pd.DataFrame({"status": ["pulang", "bekerja"], "jumlah": [3, 1],
    ...      "persen": [75.0, 25.0]})}
    >>> fig = chart_register_summary(s, dimensi=["status"])
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]   # from the top
    ['Sudah pulang', 'Sedang bekerja']
    >>> chart_register_summary(s, dimensi=["umur"])
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "dimensi" tidak ditemukan: diharapkan salah
    satu
    dari: status, diberikan "umur".
    """
    lang = get_language()
    dimensi = [dimensi] if isinstance(dimensi, str) else list(dimensi)
    for name in dimensi:
        if name not in summary:
            raise InputError(
                "input.not_found",
                expected="expected.choice",
                choices=", ".join(summary),
                given=name,
                field="dimensi",
            )
    if not dimensi:
        raise InputError(
            "input.required",
            expected="expected.choice",
            choices=", ".join(summary),
            given="",
            field="dimensi",
        )
    if top < 2:
        raise InputError(
            "input.out_of_range", expected="expected.min", min=2, given=top, field="top"
        )
    if kolom is not None and kolom < 1:
        raise InputError(
            "input.out_of_range", expected="expected.min", min=1, given=kolom, field="kolom"
        )
    panels = []
    for name in dimensi:
        table = summary[name]
        labels = [_label_nilai(name, v, lang) for v in table[name]]
        values = [int(v) for v in table["jumlah"]]
        colors = [WARNA["utama"]] * len(values)
        if len(values) > top:
            rest = values[top - 1 :]
            labels = labels[: top - 1] + [t("chart.other", lang, n=format_number(len(rest)))]
            values = values[: top - 1] + [sum(rest)]
            colors = colors[: top - 1] + [WARNA["lain"]]
        panels.append((name, labels, values, colors))
    columns = min(kolom or len(panels), len(panels))
    grid_rows = [panels[i : i + columns] for i in range(0, len(panels), columns)]
    # bars per grid row (at least 2), each row of panels as tall as its longest panel
    heights = [max(2, *(len(p[1]) for p in row)) for row in grid_rows]
    width = lebar_inci or 5.2 * columns + 0.6
    height = 0.5 + sum(0.8 + 0.4 * h for h in heights)
    fig = _figure(width, height, _source(sumber, lang))
    grid = fig.add_gridspec(len(grid_rows), columns, height_ratios=[h + 2 for h in heights])
    total = sum(panels[0][2])
    for i, (name, labels, values, colors) in enumerate(panels):
        ax = fig.add_subplot(grid[i // columns, i % columns])
        if values:
            _horizontal_bars(ax, labels, values, colors)
        else:
            ax.text(
                0.5, 0.5, t("chart.no_data", lang), ha="center", va="center",
                transform=ax.transAxes,
            )  # fmt: skip
            ax.set_xticks([])
            ax.set_yticks([])
        ax.set_xlabel(t("chart.axis.people", lang), color=WARNA["teks"])
        _style(ax)
        _title(ax, _dimension_title(name, lang))
    title = t("chart.register.title", lang, n=format_number(total))
    title, size = _fit(title, width - 0.2, 13)
    fig.suptitle(
        title, x=0.01, ha="left",
        fontsize=size, fontweight="bold", color=WARNA["teks"],
    )  # fmt: skip
    return fig


def _month_label(value: float, _pos=None, with_year: bool = True, lang: str = "id") -> str:
    moment = num2date(value)
    month = _MONTHS[lang][moment.month - 1]
    return f"{month} {moment.year}" if with_year else month


@drawn_once
def chart_movements(
    df: pd.DataFrame,
    bulan_terakhir: int | None = None,
    sumber: str = SUMBER_REGISTER,
    lebar_inci: float = 10,
) -> Chart:
    """Departures and returns per month: two lines, one point per month.

    ``df`` is :func:`~desmigratif_kit.migration.movements_per_month` (columns ``bulan``,
    ``berangkat``, ``pulang``); ``bulan_terakhir`` keeps only the last that many months.
    Month names follow the language (``Agu 2026``, ``Aug 2026``); long periods are labelled
    by year. ``sumber`` is a catalog key or ready text; ``lebar_inci`` the width in inches
    (narrower charts get fewer month labels).

    >>> import pandas as pd
    >>> df = pd.DataFrame({"bulan": pd.to_datetime(["2026-07-01", "2026-08-01", "2026-09-01"]),
    ...     "berangkat": [3, 0, 2], "pulang": [1, 4, 0]})
    >>> fig = chart_movements(df)
    >>> [len(line.get_xdata()) for line in fig.axes[0].lines]
    [3, 3]
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    ['Berangkat', 'Pulang']
    """
    lang = get_language()
    missing = [c for c in ("bulan", "berangkat", "pulang") if c not in df.columns]
    if missing:
        raise InputError(
            "input.not_found",
            expected="expected.choice",
            choices="bulan, berangkat, pulang",
            given=", ".join(map(str, df.columns)),
        )
    df = df.sort_values("bulan")
    if bulan_terakhir:
        df = df.tail(int(bulan_terakhir))
    fig = _figure(lebar_inci, max(3.6, 0.46 * lebar_inci), _source(sumber, lang))
    ax = fig.add_subplot()
    _style(ax)
    if df.empty:
        ax.text(
            0.5, 0.5, t("chart.movements.empty", lang), ha="center",
            va="center", transform=ax.transAxes, color=WARNA["teks"],
        )  # fmt: skip
        ax.set_xticks([])
        ax.set_yticks([])
        _title(ax, t("chart.movements.title_empty", lang))
        return fig
    bulan = pd.to_datetime(df["bulan"])
    x = date2num(bulan.dt.to_pydatetime())
    many = len(df) > 36
    style = {"linewidth": 1.6, "marker": None if many else "o", "markersize": 4}
    departures, returns = t("mig.reg.departures", lang), t("mig.reg.returns", lang)
    ax.plot(x, df["berangkat"].astype(int), color=WARNA["berangkat"], label=departures, **style)
    ax.plot(
        x, df["pulang"].astype(int), color=WARNA["pulang"], label=returns, linestyle="--",
        **style,
    )  # fmt: skip
    if many:
        ax.xaxis.set_major_locator(YearLocator())
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: str(num2date(v).year)))
    else:
        # at most one "Agu 2026" per 0.8 inch: every 1, 2, 3, 4 or 6 months
        labels = max(2, int(lebar_inci / 0.8))
        step = next((s for s in (1, 2, 3, 4, 6) if -(-len(df) // s) <= labels), 12)
        locator = YearLocator() if step == 12 else MonthLocator(interval=step)  # January
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, p: _month_label(v, p, lang=lang)))
        for label in ax.get_xticklabels():
            label.set_rotation(0)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    _format_axis(ax.yaxis)
    highest = max(int(df["berangkat"].max()), int(df["pulang"].max()), 1)
    ax.set_ylim(0, highest * 1.2)  # room for the legend above the lines
    ax.set_ylabel(t("chart.axis.people", lang), color=WARNA["teks"])
    ax.grid(axis="y", color="#e3e6ea", linewidth=0.8)
    ax.legend(loc="upper left", frameon=False, fontsize=9, ncols=2)
    first, last = bulan.iloc[0], bulan.iloc[-1]
    period = (
        f"{_month_label(date2num(first), lang=lang)} - {_month_label(date2num(last), lang=lang)}"
    )
    _title(ax, t("chart.movements.title", lang, period=period))
    return fig
