"""Charts of pillar 4 for the lesson and the apps: labels from the catalogs (``kop.chart.*``)
in the current language, Indonesian numbers, a source line under each.

Every helper returns a :class:`~desmigratif_kit.core.charts.Chart` (a matplotlib figure that
shows itself as a PNG; no pyplot). The numbers come from the rules modules of
:mod:`desmigratif_kit.cooperative`, which stay free of matplotlib.

* :func:`chart_flat_vs_effective`: interest a month (or added up) of a flat loan next to the
  same rate charged on what is still owed; the key lesson of FACTS §4.2;
* :func:`chart_loan_schedule`: a schedule's instalments (principal + interest) and the
  principal still owed;
* :func:`chart_shu_members`: each member's SHU, jasa modal + jasa usaha;
* :func:`chart_remittance_plan`: what accumulates in needs, savings, education and business;
* :func:`chart_remittance_costs`: the cost of each corridor to Indonesia, with the 3 % SDG
  and 5 % G20 targets.

>>> fig = chart_flat_vs_effective(10_000_000, 1.5, 12)
>>> fig.axes[0].get_title(loc="left")
'Bunga per bulan: flat 1,5% vs 1,5% dari sisa pinjaman'
>>> from desmigratif_kit.core.i18n import set_language
>>> set_language("en")
>>> chart_flat_vs_effective(10_000_000, 1.5, 12).axes[0].get_title(loc="left")
'Interest a month: 1,5% flat vs 1,5% on what is still owed'
>>> set_language("id")
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.ticker import FuncFormatter, MaxNLocator

from desmigratif_kit.cooperative import (
    KOLOM_JADWAL,
    POS_REMITANSI,
    SUMBER_RPW,
    TARGET_G20_PCT,
    TARGET_SDG_PCT,
    effective_rate_pct,
    label_periode,
    loan_schedule,
    remittance_costs_by_corridor,
)
from desmigratif_kit.core.chart_cache import drawn_once
from desmigratif_kit.core.charts import WARNA, Chart, text_inches, to_png
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
)

__all__ = [
    "SUMBER_HITUNG",
    "WARNA_POS",
    "Chart",
    "chart_flat_vs_effective",
    "chart_loan_schedule",
    "chart_remittance_costs",
    "chart_remittance_plan",
    "chart_shu_members",
    "to_png",
]

SUMBER_HITUNG = "kop.chart.calc_source"
"""Catalog key of the source line under the calculated charts (loans, SHU, plans)."""

WARNA_POS = {
    "kebutuhan": WARNA["lain"],
    "tabungan": WARNA["utama"],
    "pendidikan": WARNA["pulang"],
    "usaha": WARNA["sorot"],
}
"""One colour per remittance post (blue/orange/green/grey: distinct for colour-blind eyes)."""

_GRID = {"color": "#e3e6ea", "linewidth": 0.8}


def _rp_axis(axis, highest: float) -> None:
    """Rupiah on an axis: in millions (``2,5 jt``) when the largest value is a million or
    more, so every label has the same form; else plain Indonesian numbers (``150.000``)."""
    if highest >= 1_000_000:
        axis.set_major_formatter(
            FuncFormatter(
                lambda v, _p: t("kop.chart.million", n=format_number(v / 1e6, None)) if v else "0"
            )
        )
    else:
        axis.set_major_formatter(FuncFormatter(lambda v, _p: format_number(v)))


def _wrap(text: str, inches: float, size: float = 8.5) -> str:
    """``text`` broken into lines no wider than ``inches`` at ``size`` points (the notes
    under a chart, which would otherwise run off a phone-sized figure)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and text_inches(f"{lines[-1]} {word}", size, "normal") <= inches:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


def _notes(sumber: str, lang: str, notes: list[str], lebar_inci: float) -> str:
    inches = lebar_inci - 0.2
    return "\n".join([*(_wrap(n, inches) for n in notes), _wrap(t(sumber, lang), inches)])


def _legend(ax, lebar_inci: float, handles=None, labels=None, loc: str = "upper right") -> None:
    """The legend inside the axes on a wide chart; on a narrow one (a phone) under the axes,
    one entry a line, each label wrapped to the chart's width, so no label covers the bars."""
    if handles is None:
        handles, labels = ax.get_legend_handles_labels()
    if lebar_inci < 6:
        labels = [_wrap(label, lebar_inci - 0.8, 9) for label in labels]
        ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, -0.2),
                  frameon=False, fontsize=9)  # fmt: skip
    else:
        ax.legend(handles, labels, loc=loc, frameon=False, fontsize=9)


def _height(base: float, lebar_inci: float, legend_lines: int = 0) -> float:
    """A chart's height: narrow charts grow by the legend that goes under them."""
    return base + (0.22 * legend_lines + 0.3 if lebar_inci < 6 and legend_lines else 0)


def _require(df: pd.DataFrame, columns: tuple[str, ...] | list[str], what: str) -> None:
    absent = [c for c in columns if c not in df.columns]
    if absent:
        raise InputError(
            "input.not_found",
            expected="expected.choice",
            choices=", ".join(columns),
            given=", ".join(map(str, df.columns)),
            field=what,
        )


def _month_ticks(ax, months: int) -> None:
    ax.xaxis.set_major_locator(MaxNLocator(nbins=min(months, 12), integer=True))
    ax.set_xlim(0.4, months + 0.6)
    ax.set_xlabel(t("kop.chart.axis.month", get_language()), color=WARNA["teks"])


# --- loans ----------------------------------------------------------------------------------


@drawn_once
def chart_flat_vs_effective(
    principal_rp: Any,
    flat_rate_pct: Any,
    months: Any,
    kumulatif: bool = False,
    lebar_inci: float = 8,
) -> Chart:
    """Interest a month of a **flat** loan next to the **same rate on what is still owed**
    (declining balance), for the same principal and term; ``kumulatif=True`` adds the months
    up (two lines). The note under the chart gives the flat loan's effective rate.

    >>> fig = chart_flat_vs_effective(10_000_000, 1.5, 12, kumulatif=True)
    >>> [int(line.get_ydata()[-1]) for line in fig.axes[0].lines]
    [1800000, 975000]
    """
    lang = get_language()
    flat = loan_schedule(principal_rp, flat_rate_pct, months, "flat")
    declining = loan_schedule(principal_rp, flat_rate_pct, months, "menurun")
    hasil = effective_rate_pct(principal_rp, flat_rate_pct, months)
    rate = format_pct(hasil.flat_bulan_pct)
    note = t(
        "kop.chart.flat.note",
        lang,
        flat=rate,
        efektif=format_pct(hasil.efektif_bulan_pct, 2),
        tahunan=format_pct(hasil.efektif_tahun_pct, 1),
    )
    fig = _figure(
        lebar_inci, _height(4.6, lebar_inci, 4), _notes(SUMBER_HITUNG, lang, [note], lebar_inci)
    )
    ax = fig.add_subplot()
    n = len(flat)
    labels = (
        t("kop.chart.flat.flat", lang, rate=rate, total=format_rp(flat["bunga"].sum())),
        t("kop.chart.flat.declining", lang, rate=rate, total=format_rp(declining["bunga"].sum())),
    )
    if kumulatif:
        style = {"linewidth": 2, "marker": "o" if n <= 36 else None, "markersize": 3.5}
        ax.plot(flat["bulan"], flat["bunga"].cumsum(), color=WARNA["sorot"], label=labels[0],
                **style)  # fmt: skip
        ax.plot(declining["bulan"], declining["bunga"].cumsum(), color=WARNA["utama"],
                label=labels[1], linestyle="--", **style)  # fmt: skip
        title = t("kop.chart.flat.title_cumulative", lang, rate=rate)
        top = max(int(flat["bunga"].sum()), int(declining["bunga"].sum()), 1)
    else:
        width = 0.4
        ax.bar(flat["bulan"] - width / 2, flat["bunga"], width, color=WARNA["sorot"],
               label=labels[0])  # fmt: skip
        ax.bar(declining["bulan"] + width / 2, declining["bunga"], width, color=WARNA["utama"],
               label=labels[1])  # fmt: skip
        title = t("kop.chart.flat.title", lang, rate=rate)
        top = max(int(flat["bunga"].max()), int(declining["bunga"].max()), 1)
    ax.set_ylim(0, top * (1.3 if lebar_inci >= 6 else 1.1))
    _rp_axis(ax.yaxis, top)
    _month_ticks(ax, n)
    ax.set_ylabel(t("kop.chart.axis.interest", lang), color=WARNA["teks"])
    ax.grid(axis="y", **_GRID)
    ax.set_axisbelow(True)
    _legend(ax, lebar_inci, loc="upper left" if kumulatif else "upper right")
    _style(ax)
    _title(ax, title)
    return fig


@drawn_once
def chart_loan_schedule(
    schedule: pd.DataFrame, judul: str | None = None, lebar_inci: float = 8
) -> Chart:
    """A schedule from :func:`~desmigratif_kit.cooperative.loan_schedule`: each month's
    instalment as principal (blue) + interest (orange) bars, and the principal still owed
    (grey line, right axis). ``judul`` replaces the title (text or a catalog key).

    >>> fig = chart_loan_schedule(loan_schedule(25_000_000, 6, 24, "menurun", "tahun"))
    >>> len(fig.axes[0].patches), int(fig.axes[1].lines[0].get_ydata()[-1])
    (48, 0)
    """
    _require(schedule, KOLOM_JADWAL, "kop.field.schedule")
    lang = get_language()
    height = _height(4.6, lebar_inci, 3)
    fig = _figure(lebar_inci, height, _notes(SUMBER_HITUNG, lang, [], lebar_inci))
    ax = fig.add_subplot()
    bulan = schedule["bulan"]
    ax.bar(bulan, schedule["angsuran_pokok"], 0.7, color=WARNA["utama"],
           label=t("kop.sched.angsuran_pokok", lang))  # fmt: skip
    ax.bar(bulan, schedule["bunga"], 0.7, bottom=schedule["angsuran_pokok"], color=WARNA["sorot"],
           label=t("kop.sched.bunga", lang))  # fmt: skip
    top = max(int(schedule["angsuran"].max()), 1)
    ax.set_ylim(0, top * (1.3 if lebar_inci >= 6 else 1.1))
    _rp_axis(ax.yaxis, top)
    _month_ticks(ax, len(schedule))
    ax.set_ylabel(t("kop.chart.axis.instalment", lang), color=WARNA["teks"])
    ax.grid(axis="y", **_GRID)
    ax.set_axisbelow(True)
    right = ax.twinx()
    right.plot(bulan, schedule["sisa_pokok"], color=WARNA["catatan"], linewidth=1.8,
               label=t("kop.sched.sisa_pokok", lang))  # fmt: skip
    owed = max(int(schedule["sisa_pokok"].max()), 1)
    right.set_ylim(0, owed * 1.15)
    _rp_axis(right.yaxis, owed)
    right.set_ylabel(t("kop.sched.sisa_pokok", lang), color=WARNA["catatan"])
    right.tick_params(colors=WARNA["teks"], labelsize=9)
    right.spines["top"].set_visible(False)
    handles = ax.get_legend_handles_labels()
    extra = right.get_legend_handles_labels()
    _legend(ax, lebar_inci, handles[0] + extra[0], handles[1] + extra[1])
    _style(ax)
    total = int(schedule["bunga"].sum())
    title = (t(judul, lang) if judul and judul.startswith("kop.") else judul) or t(
        "kop.chart.schedule.title", lang, interest=format_rp(total)
    )
    _title(ax, title)
    return fig


# --- SHU ------------------------------------------------------------------------------------


@drawn_once
def chart_shu_members(shu: pd.DataFrame, top: int | None = None, lebar_inci: float = 8) -> Chart:
    """Each member's SHU from :func:`~desmigratif_kit.cooperative.shu_distribution`:
    horizontal bars, jasa modal (blue) + jasa usaha (orange), the largest at the top, the
    total written at the end; ``top`` keeps the largest that many.

    >>> import pandas as pd
    >>> from desmigratif_kit.cooperative import shu_distribution
    >>> df = shu_distribution(pd.DataFrame({"nama": ["Ani", "Budi"], "simpanan_rp": [1, 3],
    ...     "transaksi_rp": [2, 2]}), 1_000_000, 20, 25)
    >>> fig = chart_shu_members(df)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]   # from the top
    ['Budi', 'Ani']
    """
    _require(shu, ["nama", "shu_jasa_modal_rp", "shu_jasa_usaha_rp", "shu_rp"], "kop.field.members")
    lang = get_language()
    df = shu.sort_values(["shu_rp", "nama"], ascending=[False, True])
    if top:
        df = df.head(int(top))
    n = len(df)
    height = _height(1.4 + 0.36 * max(n, 3), lebar_inci, 2)
    fig = _figure(lebar_inci, height, _notes(SUMBER_HITUNG, lang, [], lebar_inci))
    ax = fig.add_subplot()
    positions = list(range(n))[::-1]
    modal = [int(v) for v in df["shu_jasa_modal_rp"]]
    usaha = [int(v) for v in df["shu_jasa_usaha_rp"]]
    ax.barh(positions, modal, 0.7, color=WARNA["utama"], label=t("kop.shu.col.shu_jasa_modal_rp",
            lang))  # fmt: skip
    bars = ax.barh(positions, usaha, 0.7, left=modal, color=WARNA["sorot"],
                   label=t("kop.shu.col.shu_jasa_usaha_rp", lang))  # fmt: skip
    ax.bar_label(bars, labels=[format_rp(v) for v in df["shu_rp"]], padding=3, fontsize=9,
                 color=WARNA["teks"])  # fmt: skip
    ax.set_yticks(positions, labels=[str(name) for name in df["nama"]])
    highest = max((int(v) for v in df["shu_rp"]), default=0)
    ax.set_xlim(0, highest * 1.35 if highest > 0 else 1)
    _rp_axis(ax.xaxis, highest)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=4))
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0, labelsize=10)
    ax.grid(axis="x", **_GRID)
    ax.set_axisbelow(True)
    _legend(ax, lebar_inci, loc="lower right")
    _style(ax)
    total = int(shu["shu_rp"].sum())
    _title(ax, t("kop.chart.shu.title", lang, total=format_rp(total), n=format_number(len(shu))))
    return fig


# --- remittances ----------------------------------------------------------------------------


@drawn_once
def chart_remittance_plan(plan: pd.DataFrame, lebar_inci: float = 8) -> Chart:
    """A plan from :func:`~desmigratif_kit.cooperative.remittance_plan`: stacked areas of
    what accumulates in each post month by month; the legend gives each post's final amount.

    >>> from desmigratif_kit.cooperative import remittance_plan
    >>> fig = chart_remittance_plan(remittance_plan(2_000_000, {"kebutuhan": 50,
    ...     "tabungan": 30, "usaha": 20}, 24))
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()][1]
    'Tabungan: Rp 14.400.000'
    """
    _require(plan, ["bulan", *(f"{p}_rp" for p in POS_REMITANSI)], "kop.field.plan_shares")
    lang = get_language()
    fig = _figure(
        lebar_inci, _height(4.6, lebar_inci, 4), _notes(SUMBER_HITUNG, lang, [], lebar_inci)
    )
    ax = fig.add_subplot()
    last = plan.iloc[-1]
    posts = [p for p in POS_REMITANSI if int(last[f"{p}_rp"]) > 0]
    ax.stackplot(
        plan["bulan"],
        *[plan[f"{p}_rp"] for p in posts],
        colors=[WARNA_POS[p] for p in posts],
        labels=[
            t("kop.chart.plan.legend", lang, pos=t(f"kop.remit.pos.{p}", lang),
              total=format_rp(int(last[f"{p}_rp"])))
            for p in posts
        ],
        alpha=0.9,
    )  # fmt: skip
    total = (
        int(last["total_rp"]) if "total_rp" in plan else int(sum(last[f"{p}_rp"] for p in posts))
    )
    ax.set_ylim(0, max(total, 1) * 1.05)
    ax.set_xlim(1, max(len(plan), 2))
    ax.xaxis.set_major_locator(MaxNLocator(nbins=min(len(plan), 12), integer=True))
    ax.set_xlabel(t("kop.chart.axis.month", lang), color=WARNA["teks"])
    _rp_axis(ax.yaxis, total)
    ax.set_ylabel(t("kop.chart.axis.accumulated", lang), color=WARNA["teks"])
    ax.grid(axis="y", **_GRID)
    ax.set_axisbelow(True)
    handles, labels = ax.get_legend_handles_labels()
    _legend(ax, lebar_inci, handles[::-1], labels[::-1], loc="upper left")
    _style(ax)
    _title(ax, t("kop.chart.plan.title", lang, months=format_number(len(plan)),
                 total=format_rp(total)))  # fmt: skip
    return fig


@drawn_once
def chart_remittance_costs(
    year: Any = None, df: pd.DataFrame | None = None, sorot: str | None = None,
    lebar_inci: float = 8,
) -> Chart:  # fmt: skip
    """The average cost of sending money to Indonesia from each covered country (World Bank
    RPW), the most expensive at the top, with the 3 % SDG target (green dashed) and the 5 %
    G20 target (grey dotted). ``year`` as in
    :func:`~desmigratif_kit.cooperative.remittance_costs_by_corridor` (default: the last
    quarter, 2020Q3), or ``df`` from it; ``sorot`` names one country drawn in orange. The note
    says which corridors the data does not cover.

    >>> fig = chart_remittance_costs(sorot="Malaysia")
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()][:2]
    ['Thailand', 'Jepang']
    >>> fig.axes[0].texts[0].get_text()
    '14,07%'
    """
    lang = get_language()
    table = remittance_costs_by_corridor(year) if df is None else df
    _require(table, ["negara", "periode", "biaya_pct"], "kop.field.country")
    table = table.sort_values(["biaya_pct", "negara"], ascending=[False, True])
    periods = [label_periode(p, lang) for p in sorted(set(map(str, table["periode"])))]
    period = periods[0] if len(periods) == 1 else f"{periods[0]} - {periods[-1]}"
    note = t("kop.chart.costs.note", lang)
    height = _height(1.6 + 0.4 * max(len(table), 3), lebar_inci, 2) + (0.6 if lebar_inci < 6 else 0)
    fig = _figure(lebar_inci, height, _notes(SUMBER_RPW, lang, [note], lebar_inci))
    ax = fig.add_subplot()
    positions = list(range(len(table)))[::-1]
    values = [float(v) for v in table["biaya_pct"]]
    colors = [WARNA["sorot"] if name == sorot else WARNA["utama"] for name in table["negara"]]
    bars = ax.barh(positions, values, 0.7, color=colors)
    ax.bar_label(bars, labels=[format_pct(v) for v in values], padding=3, fontsize=9,
                 color=WARNA["teks"])  # fmt: skip
    ax.axvline(TARGET_SDG_PCT, color=WARNA["pulang"], linestyle="--", linewidth=1.6,
               label=t("kop.chart.costs.sdg", lang, pct=format_pct(TARGET_SDG_PCT)))  # fmt: skip
    ax.axvline(TARGET_G20_PCT, color=WARNA["catatan"], linestyle=":", linewidth=1.6,
               label=t("kop.chart.costs.g20", lang, pct=format_pct(TARGET_G20_PCT)))  # fmt: skip
    ax.set_yticks(positions, labels=[str(name) for name in table["negara"]])
    ax.set_xlim(0, max([*values, TARGET_G20_PCT]) * 1.2)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=4 if lebar_inci < 6 else 8))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: format_pct(v)))
    ax.set_xlabel(_wrap(t("kop.chart.axis.cost_pct", lang), lebar_inci - 1.5, 10),
                  color=WARNA["teks"])  # fmt: skip
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0, labelsize=10)
    ax.grid(axis="x", **_GRID)
    ax.set_axisbelow(True)
    _legend(ax, lebar_inci, loc="lower right")
    _style(ax)
    _title(ax, t("kop.chart.costs.title", lang, period=period))
    return fig
