"""Charts of pillar 2: cost shares, break-even, packaging × channel, cash flow and payback.

Drawn with :mod:`desmigratif_kit.core.charts` (a :class:`Chart` shows itself as a PNG in
Jupyter, Voila and an ``ipywidgets.Output``; no pyplot). Titles, labels, legends and notes come
from the catalogs (``biz.chart.*``) in the language in effect when the chart is made; numbers
and rupiah are Indonesian in both languages (``Rp 15.200``). Under every chart is a source
line: for example figures (a result with ``ilustrasi=True``) it says they are illustrative and
where real prices come from; ``sumber=`` (a catalog key or text) replaces it. ``lebar_inci`` is
the width in inches (about 4.2 for a phone).

The numbers come from the rules (:mod:`desmigratif_kit.business`); this module only draws.

>>> from desmigratif_kit.business import contoh_produk, cost_of_goods
>>> fig = chart_porsi_biaya(cost_of_goods(contoh_produk("minyak_kemiri")["batch"]))
>>> fig.axes[0].get_title(loc="left")
'HPP Minyak kemiri: Rp 15.200 per botol 100 ml'
>>> fig.texts[0].get_text().startswith("Ilustrasi")
True
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator
from matplotlib.transforms import ScaledTranslation

from desmigratif_kit.business.break_even import TitikImpas
from desmigratif_kit.business.cash_flow import RencanaKas
from desmigratif_kit.business.costs import HargaPokok
from desmigratif_kit.business.inputs import bulatkan_rp
from desmigratif_kit.business.scenarios import PerbandinganSkenario
from desmigratif_kit.core.chart_cache import drawn_once
from desmigratif_kit.core.charts import MONTHS, WARNA, Chart, text_inches, to_png
from desmigratif_kit.core.charts import figure as _figure
from desmigratif_kit.core.charts import style_axes as _style
from desmigratif_kit.core.charts import title_left as _title
from desmigratif_kit.core.i18n import (
    InputError,
    format_number,
    format_pct,
    format_rp,
    get_language,
    t,
    text_or_key,
)

__all__ = [
    "SUMBER_ILUSTRASI",
    "SUMBER_PESERTA",
    "WARNA",
    "Chart",
    "chart_arus_kas",
    "chart_porsi_biaya",
    "chart_skenario",
    "chart_titik_impas",
    "to_png",
]

SUMBER_ILUSTRASI = "biz.chart.source.ilustrasi"
"""Catalog key of the line under charts of example figures."""
SUMBER_PESERTA = "biz.chart.source.peserta"
"""Catalog key of the line under charts of a participant's own figures."""

_UNTUNG = WARNA["pulang"]  # green: profit
_RUGI = WARNA["sorot"]  # orange: loss
_GRID = "#e3e6ea"


def _wrap(text: str, inches: float) -> str:
    """``text`` broken into lines that fit a chart ``inches`` wide at the note's font size."""
    return textwrap.fill(text, width=max(40, int(inches * 15)))


def _source(sumber: str | None, ilustrasi: bool, lang: str, inches: float) -> str:
    key = sumber or (SUMBER_ILUSTRASI if ilustrasi else SUMBER_PESERTA)
    return _wrap(text_or_key(key, lang), inches)


def _format_axis(axis, inches: float) -> None:
    """Indonesian numbers on an axis; on a narrow chart millions as ``20 jt``."""

    def label(value: float, _pos=None) -> str:
        if inches < 6 and abs(value) >= 1_000_000:
            return t("biz.chart.millions", n=format_number(round(value / 1_000_000, 1)))
        return format_number(value)

    axis.set_major_formatter(FuncFormatter(label))


def _legend_below(ax, handles=None, inches_below: float = 0.55) -> None:
    """The legend under the plot (below the axis labels), where it never hides a line or a
    bar; the layout makes room for it."""
    handles = handles if handles is not None else ax.get_legend_handles_labels()[0]
    columns = 2 if ax.figure.get_figwidth() < 6 else min(4, len(handles))
    shift = ScaledTranslation(0, -inches_below, ax.figure.dpi_scale_trans)
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, 0),
        bbox_transform=ax.transAxes + shift,
        ncols=columns,
        frameon=False,
        fontsize=8.5,
    )


def _grid(ax, axis: str = "x") -> None:
    ax.grid(axis=axis, color=_GRID, linewidth=0.8)
    ax.set_axisbelow(True)


# --- horizontal bars (costs, scenarios) ----------------------------------------------------


def _bars(
    fig: Chart,
    labels: Sequence[str],
    values: Sequence[float],
    colors: Sequence[str],
    texts: Sequence[str],
    inches: float,
):
    """Horizontal bars, the first at the top, each with ``texts`` written after it (after the
    zero line for a negative bar). Names longer than a third of the width (a phone) go above
    their bar instead of beside it. The axis leaves room for the longest text."""
    ax = fig.add_subplot()
    n = len(values)
    name_in = max((text_inches(x, 10, "normal") for x in labels), default=0)
    above = name_in > 0.4 * inches
    positions = [float(n - 1 - i) for i in range(n)]
    bars = ax.barh(positions, values, color=list(colors), height=0.42 if above else 0.7)
    for y, value, text in zip(positions, values, texts, strict=True):
        ax.annotate(
            text,
            (max(value, 0), y),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=9,
            color=WARNA["teks"],
        )
    if above:
        ax.set_yticks([])
        for y, label in zip(positions, labels, strict=True):
            ax.text(
                0,
                y + 0.26,
                label,
                transform=ax.get_yaxis_transform(),
                va="bottom",
                fontsize=9.5,
                color=WARNA["teks"],
            )
        ax.set_ylim(-0.6, n - 0.2)
    else:
        ax.set_yticks(positions, labels=list(labels))
    axis_in = max(1.0, inches - (0.5 if above else name_in + 0.5))
    text_in = max((text_inches(x, 9, "normal") for x in texts), default=0) + 0.15
    low, high = min([0.0, *values]), max([0.0, *values])
    span = (high - low) or 1.0
    room = min(0.7, text_in / axis_in)
    ax.set_xlim(low - 0.02 * span if low < 0 else 0, low + span / (1 - room))
    if low < 0:
        ax.axvline(0, color=WARNA["teks"], linewidth=0.8)
    _format_axis(ax.xaxis, inches)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=4 if inches < 6 else 6))
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0, labelsize=10)
    _grid(ax)
    _style(ax)
    return ax, bars


def _bars_height(count: int, inches: float, names: Sequence[str]) -> float:
    name_in = max((text_inches(x, 10, "normal") for x in names), default=0)
    per_bar = 0.62 if name_in > 0.4 * inches else 0.42
    return 1.4 + per_bar * max(count, 3)


# --- cost shares ---------------------------------------------------------------------------


@drawn_once
def chart_porsi_biaya(
    hpp: HargaPokok,
    per: str = "kategori",
    sumber: str | None = None,
    lebar_inci: float = 8,
) -> Chart:
    """Where the HPP of one unit goes: one bar per cost category (``per="kategori"``) or per
    cost row (``per="item"``), each with its rupiah per unit and its share, the largest in
    orange.

    >>> from desmigratif_kit.business import contoh_produk, cost_of_goods
    >>> hpp = cost_of_goods(contoh_produk("minyak_kemiri")["batch"])
    >>> fig = chart_porsi_biaya(hpp)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()][:2]       # from the top
    ['Bahan baku', 'Tenaga kerja']
    >>> [t.get_text() for t in fig.axes[0].texts][0]
    'Rp 7.500 (49,3%)'
    >>> chart_porsi_biaya(hpp, per="bulan")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "per" tidak ditemukan: diharapkan salah satu
    dari: kategori, item, diberikan "bulan".
    """
    lang = get_language()
    if per == "kategori":
        table = hpp.per_kategori()
        labels = [t(f"biz.kategori.{k}", lang) for k in table["kategori"]]
        values = [float(v) for v in table["per_unit_rp"]]
        shares = [float(v) for v in table["porsi_pct"]]
    elif per == "item":
        labels = [i.nama for i in hpp.rincian]
        values = [i.per_unit_rp for i in hpp.rincian]
        shares = [i.porsi_pct for i in hpp.rincian]
    else:
        raise InputError(
            "input.not_found",
            expected="expected.choice",
            choices="kategori, item",
            given=per,
            field="per",
        )
    height = _bars_height(len(labels), lebar_inci, labels)
    fig = _figure(lebar_inci, height, _source(sumber, hpp.ilustrasi, lang, lebar_inci))
    biggest = max(range(len(values)), key=values.__getitem__) if values else -1
    colors = [WARNA["sorot"] if i == biggest else WARNA["utama"] for i in range(len(values))]
    texts = [
        f"{format_rp(bulatkan_rp(v))} ({format_pct(round(s, 1))})"
        for v, s in zip(values, shares, strict=True)
    ]
    ax, _ = _bars(fig, labels, values, colors, texts, lebar_inci)
    ax.set_xlabel(t("biz.chart.cost.axis", lang, unit=hpp.nama_unit), color=WARNA["teks"])
    title = t(
        "biz.chart.cost.title",
        lang,
        produk=hpp.nama,
        unit=hpp.nama_unit,
        hpp=format_rp(bulatkan_rp(hpp.hpp_per_unit_rp)),
    )
    _title(ax, title)
    return fig


# --- break-even ----------------------------------------------------------------------------


@drawn_once
def chart_titik_impas(
    titik: TitikImpas,
    sampai_unit: int | None = None,
    nama_unit: str | None = None,
    unit_sekarang: int | None = None,
    sumber: str | None = None,
    ilustrasi: bool = False,
    lebar_inci: float = 8,
) -> Chart:
    """Revenue and total cost against units sold a month: the lines cross at the break-even
    point (marked), loss shaded before it and profit after. ``unit_sekarang`` (a slider in
    the app) adds a line with the month's profit or loss at that volume. ``nama_unit`` names
    the units on the axis (``botol 100 ml``).

    >>> from desmigratif_kit.business import break_even
    >>> fig = chart_titik_impas(break_even(200_000, 25_000, 14_700), unit_sekarang=30)
    >>> [line.get_label() for line in fig.axes[0].lines][:3]
    ['Pendapatan', 'Biaya total', 'Biaya tetap']
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['Titik impas: 20 unit (Rp 500.000)', '30 unit: laba Rp 109.000']
    """
    lang = get_language()
    end = sampai_unit or max(10, 2 * titik.unit_per_bulan, int(unit_sekarang or 0) + 5)
    table = titik.tabel(end, titik=51)
    unit = nama_unit or t("biz.chart.unit", lang)
    fig = _figure(lebar_inci, 0.6 * lebar_inci + 0.9, _source(sumber, ilustrasi, lang, lebar_inci))
    ax = fig.add_subplot()
    x, revenue, cost = table["unit"], table["pendapatan_rp"], table["biaya_total_rp"]
    ax.plot(x, revenue, color=WARNA["utama"], linewidth=2, label=t("biz.chart.be.revenue", lang))
    ax.plot(x, cost, color=_RUGI, linewidth=2, label=t("biz.chart.be.cost", lang))
    ax.plot(
        x,
        [titik.biaya_tetap_rp] * len(x),
        color=WARNA["lain"],
        linewidth=1.2,
        linestyle="--",
        label=t("biz.chart.be.fixed", lang),
    )
    ax.fill_between(
        x,
        revenue,
        cost,
        where=revenue < cost,
        interpolate=True,
        color=_RUGI,
        alpha=0.12,
        linewidth=0,
    )
    ax.fill_between(
        x,
        revenue,
        cost,
        where=revenue >= cost,
        interpolate=True,
        color=_UNTUNG,
        alpha=0.15,
        linewidth=0,
    )
    be_y = titik.unit_tepat * titik.harga_rp
    ax.plot([titik.unit_tepat], [be_y], "o", color=WARNA["teks"], markersize=7, zorder=5)
    point = t(
        "biz.chart.be.point",
        lang,
        n=format_number(titik.unit_per_bulan),
        unit=unit,
        rp=format_rp(titik.pendapatan_per_bulan_rp),
    )
    narrow = lebar_inci < 6
    if narrow:
        point = point.replace(" (", "\n(")
    side = "right" if titik.unit_tepat > 0.55 * end else "left"
    ax.annotate(
        point,
        (titik.unit_tepat, be_y),
        xytext=({"right": -8, "left": 8}[side], 8 if narrow else -10),
        textcoords="offset points",
        ha=side,
        va="bottom" if narrow else "top",
        fontsize=9,
        color=WARNA["teks"],
        fontweight="bold",
        bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85},
    )
    if unit_sekarang is not None:
        laba = bulatkan_rp(titik.laba_rp(unit_sekarang))
        ax.axvline(unit_sekarang, color=WARNA["catatan"], linewidth=1, linestyle=":")
        key = "biz.chart.be.profit" if laba >= 0 else "biz.chart.be.loss"
        right = unit_sekarang > 0.6 * end
        text = t(key, lang, n=format_number(unit_sekarang), unit=unit, rp=format_rp(abs(laba)))
        if narrow:
            text = text.replace(": ", ":\n", 1)
        ax.annotate(
            text,
            (unit_sekarang, 0.98),
            xycoords=("data", "axes fraction"),
            xytext=(-4 if right else 4, 0),
            textcoords="offset points",
            ha="right" if right else "left",
            va="top",
            fontsize=9,
            color=_UNTUNG if laba >= 0 else _RUGI,
            fontweight="bold",
        )
    ax.set_xlim(0, end)
    ax.set_ylim(0, max(revenue.max(), cost.max()) * 1.08)
    _format_axis(ax.xaxis, lebar_inci)
    _format_axis(ax.yaxis, lebar_inci)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5 if lebar_inci < 6 else 9, integer=True))
    ax.set_xlabel(t("biz.chart.be.axis_x", lang, unit=unit), color=WARNA["teks"])
    ax.set_ylabel(t("biz.chart.axis_rp", lang), color=WARNA["teks"])
    _grid(ax, "both")
    _style(ax)
    _legend_below(ax)
    _title(ax, t("biz.chart.be.title", lang))
    return fig


# --- packaging × channel -------------------------------------------------------------------


@drawn_once
def chart_skenario(
    perbandingan: PerbandinganSkenario,
    top: int | None = None,
    sumber: str | None = None,
    lebar_inci: float = 9,
) -> Chart:
    """Profit per month of each packaging × channel pair, best at the top (in green; the
    others blue; losses orange), with the profit per unit written beside each bar. At most
    ``top`` pairs.

    >>> from desmigratif_kit.business import compare_scenarios, contoh_produk
    >>> p = contoh_produk("minyak_kemiri")
    >>> hasil = compare_scenarios(p["batch"], p["kemasan"], p["saluran"], p["harga"],
    ...                           p["laku_per_bulan"])
    >>> fig = chart_skenario(hasil, top=3)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()][0]
    'Botol 30 ml berlabel · Toko oleh-oleh (titip jual)'
    >>> fig.axes[0].texts[0].get_text()
    'Rp 1.382.000 (Rp 4.607/unit)'
    """
    lang = get_language()
    items = list(perbandingan.skenario[:top] if top else perbandingan.skenario)
    labels = [f"{s.nama_kemasan} · {s.nama_saluran}" for s in items]
    values = [s.laba_per_bulan_rp for s in items]
    notes = [
        _wrap(t("biz.chart.scenarios.note", lang), lebar_inci),
        _source(sumber, perbandingan.ilustrasi, lang, lebar_inci),
    ]
    fig = _figure(lebar_inci, _bars_height(len(items), lebar_inci, labels), "\n".join(notes))
    colors = [
        _RUGI if v < 0 else (_UNTUNG if s.peringkat == 1 else WARNA["utama"])
        for s, v in zip(items, values, strict=True)
    ]
    texts = []
    for s in items:
        per_unit = (
            t("biz.chart.per_unit", lang, rp=format_rp(bulatkan_rp(s.laba_per_unit_rp)))
            if s.laba_per_unit_rp is not None
            else t("biz.chart.none_sold", lang)
        )
        texts.append(f"{format_rp(s.laba_per_bulan_rp)} ({per_unit})")
    ax, _ = _bars(fig, labels, values, colors, texts, lebar_inci)
    ax.set_xlabel(t("biz.chart.scenarios.axis", lang), color=WARNA["teks"])
    _title(ax, t("biz.chart.scenarios.title", lang, produk=perbandingan.nama_produk))
    return fig


# --- cash flow -----------------------------------------------------------------------------


@drawn_once
def chart_arus_kas(
    rencana: RencanaKas,
    sumber: str | None = None,
    lebar_inci: float = 10,
) -> Chart:
    """Net cash of each month (bars: green in, orange out) and the cash balance (line), with
    the start capital as a dotted line and the payback month marked, or a note that the
    investment does not come back within the plan.

    >>> from desmigratif_kit.business import cash_flow_plan
    >>> r = cash_flow_plan(10_000_000, 6, unit_per_bulan=100, harga_rp=20_000,
    ...     biaya_variabel_per_unit_rp=12_000, biaya_tetap_per_bulan_rp=100_000,
    ...     investasi=[{"nama": "Alat press", "harga_rp": 3_000_000}])
    >>> fig = chart_arus_kas(r)
    >>> len(fig.axes[0].patches), fig.axes[0].texts[0].get_text()
    (6, 'Balik modal: bulan ke-5')
    """
    lang = get_language()
    months = list(rencana.bulan)
    x = [m.bulan_ke for m in months]
    net = [m.arus_bersih_rp for m in months]
    saldo = [m.saldo_rp for m in months]
    fig = _figure(
        lebar_inci,
        max(3.8, 0.42 * lebar_inci + 1),
        "\n".join(
            [
                _wrap(rencana.kesimpulan(lang), lebar_inci),
                _source(sumber, rencana.ilustrasi, lang, lebar_inci),
            ]
        ),
    )
    ax = fig.add_subplot()
    ax.bar(x, net, color=[_UNTUNG if v >= 0 else _RUGI for v in net], width=0.65)
    ax.plot(x, saldo, color=WARNA["utama"], linewidth=2, marker="o", markersize=4)
    ax.axhline(rencana.modal_awal_rp, color=WARNA["catatan"], linewidth=1, linestyle=":")
    ax.axhline(0, color=WARNA["teks"], linewidth=0.8)
    if rencana.bulan_balik_modal is not None:
        n = rencana.bulan_balik_modal
        ax.axvline(n, color=_UNTUNG, linewidth=1.2, linestyle="--")
        right = n > 0.6 * len(x)
        ax.annotate(
            t("biz.chart.cash.payback", lang, n=n),
            (n, 0.98),
            xycoords=("data", "axes fraction"),
            xytext=(-4 if right else 4, 0),
            textcoords="offset points",
            ha="right" if right else "left",
            va="top",
            fontsize=9,
            color=_UNTUNG,
            fontweight="bold",
        )
    names = MONTHS.get(lang, MONTHS["id"])
    fits = max(6, int(lebar_inci * 1.5))  # month labels that fit side by side
    step = next((s for s in (1, 2, 3, 4, 6) if -(-len(x) // s) <= fits), 12)
    shown = [m for m in months if (m.bulan_ke - 1) % step == 0]
    ax.set_xticks(
        [m.bulan_ke for m in shown],
        labels=[
            names[m.bulan - 1]
            + (f"\n{m.tahun}" if m.tahun and (m.bulan <= step or m.bulan_ke == 1) else "")
            for m in shown
        ],
    )
    ax.set_xlim(0.4, len(x) + 0.6)
    _format_axis(ax.yaxis, lebar_inci)
    ax.set_ylabel(t("biz.chart.axis_rp", lang), color=WARNA["teks"])
    _grid(ax, "y")
    _style(ax)
    _legend_below(
        ax,
        inches_below=0.7 if any(m.tahun for m in months) else 0.55,
        handles=[
            Patch(color=_UNTUNG, label=t("biz.chart.cash.in", lang)),
            Patch(color=_RUGI, label=t("biz.chart.cash.out", lang)),
            Line2D([], [], color=WARNA["utama"], lw=2, label=t("biz.chart.cash.saldo", lang)),
            Line2D([], [], color=WARNA["catatan"], ls=":", label=t("biz.chart.cash.modal", lang)),
        ],
    )
    _title(ax, t("biz.chart.cash.title", lang, months=len(x)))
    return fig
