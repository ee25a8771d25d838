"""Charts of pillar 3: a KMS-style growth chart and the roster summary.

Drawn with :mod:`desmigratif_kit.core.charts` (a :class:`Chart` shows itself as a PNG in
Jupyter, Voila and an ``ipywidgets.Output``; no pyplot). Every text comes from the catalogs
(``par.chart.*``, ``par.index.*``, ``par.sex.*``, ``par.count.*``) in the language current
when the chart is made; numbers are Indonesian in both languages (``format_number``).

* :func:`chart_growth`: WHO's curves from -3 to +3 SD for the child's sex and index, with the
  child's measurements as points (the latest one labelled with its z-score);
* :func:`chart_roster_summary`: the village's counts (from
  :func:`~desmigratif_kit.parenting.count_children`): numbers only, never a name.

>>> fig = chart_growth("P", "bb_u", [(30, 4.1), (61, 5.0), (91, 5.6)])
>>> fig.axes[0].get_title(loc="left")
'Berat badan menurut umur, Perempuan'
>>> len(fig.axes[0].lines)   # seven WHO curves and the child's line
8
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from desmigratif_kit.core.chart_cache import drawn_once
from desmigratif_kit.core.charts import WARNA, Chart, to_png
from desmigratif_kit.core.charts import figure as _figure
from desmigratif_kit.core.charts import format_axis as _format_axis
from desmigratif_kit.core.charts import horizontal_bars as _horizontal_bars
from desmigratif_kit.core.charts import source_line as _source
from desmigratif_kit.core.charts import style_axes as _style
from desmigratif_kit.core.charts import title_left as _title
from desmigratif_kit.core.i18n import InputError, format_date, format_number, get_language, t
from desmigratif_kit.parenting.growth import (
    BATAS_PANJANG_HARI,
    HARI_PER_BULAN,
    INDICES,
    sd_curves,
    zscores_frame,
)

__all__ = ["GARIS", "RINGKASAN_GRAFIK", "Chart", "chart_growth", "chart_roster_summary", "to_png"]

GARIS = {
    0: ("#3b8f5a", 2.0),
    1: ("#e0a030", 1.0),
    2: ("#c0392b", 1.6),
    3: ("#222222", 1.6),
}
"""Colour and width of the WHO lines by distance from the median (|SD|): green median,
orange ±1, red ±2, black ±3 (WHO's chart colours)."""
RINGKASAN_GRAFIK = (
    "pendek",
    "gizi_kurang",
    "bb_kurang",
    "gizi_lebih",
    "tidak_naik",
    "perlu_rujukan",
    "perlu_kunjungan",
    "tidak_sekolah",
)
"""The counts of :func:`chart_roster_summary`, top to bottom."""

_VALUE_COLUMN = {"bb_u": "berat_kg", "tb_u": "tinggi_dipakai_cm", "imt_u": "imt"}
_Y_LABEL = {
    "bb_u": "par.chart.axis.weight",
    "tb_u": "par.chart.axis.length",
    "bb_tb": "par.chart.axis.weight",
    "imt_u": "par.chart.axis.bmi",
}


def _points(index: str, sex: str, points: Any) -> pd.DataFrame:
    """The child's points as ``x`` (age in days, or length/height in cm for ``bb_tb``), ``y``
    and ``umur_hari``, from an assessed roster slice, a frame with the raw measurements, or
    ``(x, y)`` pairs (already adjusted lengths)."""
    if points is None:
        return pd.DataFrame({"x": [], "y": [], "umur_hari": []})
    if isinstance(points, pd.DataFrame):
        frame = points.copy()
        if "tinggi_dipakai_cm" not in frame.columns and "tinggi_cm" in frame.columns:
            scores = zscores_frame(
                sex,
                frame["umur_hari"].to_numpy(dtype="float64"),
                frame.get("berat_kg"),
                frame["tinggi_cm"],
                frame.get("cara_ukur"),
            )
            frame["tinggi_dipakai_cm"] = scores["tinggi_dipakai_cm"].to_numpy()
            frame["imt"] = scores["imt"].to_numpy()
        if index == "bb_tb":
            x, y = frame["tinggi_dipakai_cm"], frame["berat_kg"]
        else:
            x, y = frame["umur_hari"], frame[_VALUE_COLUMN[index]]
        days = frame["umur_hari"]
    else:
        pairs = list(points)
        x = [p[0] for p in pairs]
        y = [p[1] for p in pairs]
        days = [p[2] if len(p) > 2 else (p[0] if index != "bb_tb" else np.nan) for p in pairs]
    out = pd.DataFrame(
        {
            "x": pd.to_numeric(pd.Series(list(x)), errors="coerce"),
            "y": pd.to_numeric(pd.Series(list(y)), errors="coerce"),
            "umur_hari": pd.to_numeric(pd.Series(list(days)), errors="coerce"),
        }
    )
    return out.dropna(subset=["x", "y"]).sort_values("x", kind="stable").reset_index(drop=True)


def _latest_z(index: str, sex: str, point: pd.Series, tabel: str | None) -> float | None:
    days = point["umur_hari"]
    if index == "bb_tb":
        if np.isnan(days):
            days = 0 if tabel == "panjang" else BATAS_PANJANG_HARI
        z = zscores_frame(sex, days, point["y"], point["x"])["bb_tb"].iloc[0]
    elif index == "imt_u":
        return None  # BMI points carry no weight/length pair to recompute from
    else:
        kwargs = {"weight_kg": point["y"]} if index == "bb_u" else {"length_cm": point["y"]}
        z = zscores_frame(sex, days, **kwargs)[index].iloc[0]
    return None if np.isnan(z) else float(z)


@drawn_once
def chart_growth(
    sex: str,
    index: str = "bb_u",
    points: Any = None,
    *,
    tabel: str | None = None,
    nama: str | None = None,
    rentang_bulan: tuple[float, float] | None = None,
    lebar_inci: float = 7.5,
    tinggi_inci: float = 5.0,
) -> Chart:
    """A KMS-style growth chart: WHO's -3 to +3 SD curves for ``sex`` (``"L"``/``"P"``) and
    ``index`` (``bb_u``, ``tb_u``, ``bb_tb``, ``imt_u``) with the child's points.

    ``points``: the child's rows of :func:`~desmigratif_kit.parenting.assess_roster` (or a
    frame with ``umur_hari``, ``berat_kg``, ``tinggi_cm``, ``cara_ukur``), or ``(x, y)``
    pairs: (age in days, kg / cm / BMI), or for ``bb_tb`` (length/height in cm, kg, age in
    days). Lengths are the 0.7 cm-adjusted ones, so points and curves agree. For ``bb_tb``
    the table is ``tabel`` (``"panjang"`` or ``"tinggi"``), else the latest point's (under 24
    months: length). The x axis runs 0-24 months while every point is under 24 months, else
    0-60 (``rentang_bulan`` to choose). ``nama`` puts the child's name in the title: for the
    village's own view only.

    >>> fig = chart_growth("L", "bb_tb", [(101.4, 15.2, 1644)])
    >>> fig.axes[0].get_xlabel(), fig.axes[0].texts[-1].get_text()
    ('Tinggi badan, berdiri (cm)', 'z = -0,44')
    >>> chart_growth("X")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Jenis kelamin" tidak dapat dibaca: diharapkan
    salah satu dari: L, P, diberikan "X".
    """
    lang = get_language()
    if sex not in ("L", "P"):
        raise InputError(
            expected="expected.choice", given=sex, field="par.field.sex", choices="L, P"
        )
    if index not in INDICES:
        raise InputError(
            expected="expected.choice",
            given=index,
            field="par.field.index",
            choices=", ".join(INDICES),
        )
    child = _points(index, sex, points)
    if index == "bb_tb" and tabel is None:
        last_age = child["umur_hari"].iloc[-1] if len(child) else np.nan
        tabel = (
            "tinggi" if not np.isnan(last_age) and last_age >= BATAS_PANJANG_HARI else ("panjang")
        )
    curves = sd_curves(index, sex, tabel)
    notes = [t("par.chart.note.lines", lang)]
    if index != "bb_u":
        notes.append(t("par.chart.note.adjusted", lang))
    width = max(int(lebar_inci * 15), 30)  # characters of 8.5 pt text per line
    source = _source("par.chart.source", lang, notes).split("\n")
    fig = _figure(lebar_inci, tinggi_inci, "\n".join(textwrap.fill(line, width) for line in source))
    ax = fig.add_subplot()
    if index == "bb_tb":
        x_curve = curves["t"]
        x_child = child["x"]
        ax.set_xlabel(
            t(f"par.chart.axis.{'length_only' if tabel == 'panjang' else 'height_only'}", lang),
            color=WARNA["teks"],
        )
    else:
        x_curve = curves["t"] / HARI_PER_BULAN
        x_child = child["x"] / HARI_PER_BULAN
        if rentang_bulan is None:
            young = bool(len(child)) and bool((child["x"] < BATAS_PANJANG_HARI).all())
            rentang_bulan = (0, 24) if young else (0, 60)
        keep = (x_curve >= rentang_bulan[0]) & (x_curve <= rentang_bulan[1])
        x_curve, curves = x_curve[keep], curves[keep]
        ax.set_xlabel(t("par.chart.axis.age_months", lang), color=WARNA["teks"])
        ax.set_xlim(*rentang_bulan)
    if index != "bb_tb":  # WHO's length (under 731 days) and height tables: no line across
        gap = curves["t"].to_numpy() == BATAS_PANJANG_HARI
        curves = curves.astype("float64").mask(pd.Series(gap, index=curves.index), np.nan)
    for sd in range(-3, 4):
        color, width = GARIS[abs(sd)]
        ax.plot(x_curve, curves[sd], color=color, linewidth=width, zorder=2)
        ax.annotate(
            format_number(sd),
            (x_curve.iloc[-1], curves[sd].iloc[-1]),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
            color=color,
        )
    ax.plot(
        x_child,
        child["y"],
        color=WARNA["utama"],
        marker="o",
        markersize=5,
        linewidth=1.4,
        zorder=3,
        label=t("par.chart.child", lang),
    )
    if len(child):
        z = _latest_z(index, sex, child.iloc[-1], tabel)
        if z is not None:
            ax.annotate(
                f"z = {format_number(z, 2)}",
                (x_child.iloc[-1], child["y"].iloc[-1]),
                xytext=(6, 8),
                textcoords="offset points",
                fontsize=9,
                color=WARNA["utama"],
                fontweight="bold",
                zorder=4,
                bbox={
                    "boxstyle": "round,pad=0.2",
                    "facecolor": "white",
                    "edgecolor": "none",
                    "alpha": 0.85,
                },
            )
    ax.set_ylabel(t(_Y_LABEL[index], lang), color=WARNA["teks"])
    _format_axis(ax.xaxis)
    _format_axis(ax.yaxis)
    ax.grid(color="#e3e6ea", linewidth=0.6)
    ax.set_axisbelow(True)
    _style(ax)
    index_name = t(f"par.index.{index}", lang)
    if nama:
        _title(ax, t("par.chart.growth.title_named", lang, name=nama, index=index_name))
    else:
        sex_name = t(f"par.sex.{sex}", lang)
        _title(ax, t("par.chart.growth.title", lang, index=index_name, sex=sex_name))
    return fig


@drawn_once
def chart_roster_summary(
    counts: Mapping[str, int],
    tanggal: date | None = None,
    tempat: str | None = None,
    keys: Iterable[str] = RINGKASAN_GRAFIK,
    lebar_inci: float = 8.0,
) -> Chart:
    """The village's children in numbers (``counts`` from
    :func:`~desmigratif_kit.parenting.count_children`; no names can reach this chart).

    ``tempat`` names the place in the title (default "di desa"; e.g. "di Desa Sukamaju
    Sintetis" for the village's own view, nothing finer for a shared one), ``tanggal`` in the
    source line; ``keys`` chooses the bars (default :data:`RINGKASAN_GRAFIK`).

    >>> fig = chart_roster_summary({"anak": 180, "balita": 96, "pendek": 21, "gizi_kurang": 5,
    ...     "bb_kurang": 12, "gizi_lebih": 1, "tidak_naik": 30, "perlu_rujukan": 50,
    ...     "perlu_kunjungan": 58, "tidak_sekolah": 4}, tanggal=date(2026, 12, 15))
    >>> fig.axes[0].get_title(loc="left")
    'Anak di desa: 180 anak, 96 balita'
    >>> [text.get_text() for text in fig.axes[0].texts][:2]
    ['21', '5']
    """
    lang = get_language()
    keys = [key for key in keys if key in counts]
    if not keys:
        raise InputError(
            expected="expected.choice",
            given=", ".join(map(str, counts)),
            choices=", ".join(RINGKASAN_GRAFIK),
        )
    source = t("par.chart.summary.source", lang, date=format_date(tanggal, lang) if tanggal else "")
    source = textwrap.fill(source, max(int(lebar_inci * 15), 30))  # 8.5 pt text per line
    fig = _figure(lebar_inci, 0.9 + 0.45 * max(len(keys), 3), source)
    ax = fig.add_subplot()
    colors = [WARNA["sorot"] if key.startswith("perlu") else WARNA["utama"] for key in keys]
    _horizontal_bars(
        ax,
        [t(f"par.count.{key}", lang) for key in keys],
        [int(counts[key]) for key in keys],
        colors,
    )
    ax.set_xlabel(t("par.chart.axis.children", lang), color=WARNA["teks"])
    _style(ax)
    place = tempat or t("par.chart.summary.place", lang)
    _title(
        ax,
        t(
            "par.chart.summary.title",
            lang,
            place=place,
            n=format_number(int(counts.get("anak", 0))),
            balita=format_number(int(counts.get("balita", 0))),
        ),
    )
    return fig
