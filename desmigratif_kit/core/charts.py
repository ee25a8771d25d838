"""The drawing base every pillar's charts share: a self-showing figure, colours, layout helpers.

A :class:`Chart` is a matplotlib :class:`~matplotlib.figure.Figure` that shows itself as a PNG
in Jupyter, in Voila and in an ``ipywidgets.Output`` (it needs neither pyplot nor the inline
backend, so it is safe under the Agg backend, in tests and in many kernels at once). Numbers on
axes and bars are Indonesian in every language (``format_number``: 100.000). Each pillar's own
``charts`` module draws its figures with these pieces; only chart modules import matplotlib.

>>> fig = figure(4, 3, "Sumber: contoh")
>>> bars = horizontal_bars(fig.add_subplot(), ["A", "B"], [1500, 300], [WARNA["utama"]] * 2)
>>> [text.get_text() for text in fig.axes[0].texts]
['1.500', '300']
>>> to_png(fig)[:8]
b'\\x89PNG\\r\\n\\x1a\\n'
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.textpath import text_to_path
from matplotlib.ticker import FuncFormatter, MaxNLocator

from desmigratif_kit.core.i18n import format_number, text_or_key

__all__ = [
    "AXIS_LABELS_INCI",
    "BULAN_SINGKAT",
    "DPI_LAYAR",
    "MONTHS",
    "WARNA",
    "Chart",
    "figure",
    "fit_text",
    "format_axis",
    "horizontal_bars",
    "text_inches",
    "source_line",
    "style_axes",
    "title_left",
    "to_png",
]

WARNA = {
    "utama": "#2f6f9f",  # blue: ordinary bars
    "sorot": "#d9731f",  # orange: highlighted bars (COVID years, a chosen province)
    "ragu": "#9db7cc",  # pale blue: uncertain figures (catatan "?")
    "lain": "#a7adb4",  # grey: "Lainnya"
    "berangkat": "#2f6f9f",
    "pulang": "#3b8f5a",
    "teks": "#333333",
    "catatan": "#5b6470",
}
"""Colours (colour-blind safe pair blue/orange; text dark grey on white for a projector)."""

BULAN_SINGKAT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
_MONTHS = {
    "id": BULAN_SINGKAT,
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}

BULAN_SINGKAT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
MONTHS = {
    "id": BULAN_SINGKAT,
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
"""Short month names per language (charts' time axes)."""

DPI_LAYAR = 110
AXIS_LABELS_INCI = 0.6  # left of the axes, where a title starts: the y axis labels


class Chart(Figure):
    """A :class:`~matplotlib.figure.Figure` that Jupyter and Voila show as a PNG by itself."""

    def _repr_png_(self) -> bytes:
        return to_png(self)


def to_png(fig: Figure, dpi: int = DPI_LAYAR) -> bytes:
    """The chart as PNG bytes, e.g. for an ``ipywidgets.Image`` in an app.

    >>> to_png(figure(2, 1, ""))[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()


# --- shared pieces -------------------------------------------------------------------------


def figure(width: float, height: float, catatan: str) -> Chart:
    """A white chart with room at the bottom for the source line (and a note)."""
    fig = Chart(figsize=(width, height), facecolor="white")
    lines = catatan.count("\n") + 1
    bottom = min(0.3, (0.16 + 0.16 * lines) / height)
    fig.set_layout_engine(ConstrainedLayoutEngine(rect=(0, bottom, 1, 1 - bottom)))
    fig.text(
        0.01, 0.02, catatan, ha="left", va="bottom", fontsize=8.5, color=WARNA["catatan"],
        wrap=False,
    )  # fmt: skip
    return fig


def format_axis(axis) -> None:
    axis.set_major_formatter(FuncFormatter(lambda value, _pos: format_number(value)))


def style_axes(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(colors=WARNA["teks"], labelsize=9)
    ax.title.set_color(WARNA["teks"])


def text_inches(text: str, size: float, weight: str = "bold") -> float:
    """Width of ``text`` at ``size`` points, in inches."""
    font = FontProperties(size=size, weight=weight)
    return text_to_path.get_text_width_height_descent(text, font, ismath=False)[0] / 72


def fit_text(text: str, inches: float, size: float) -> tuple[str, float]:
    """``text`` and a font size (``size`` or down to 2 points smaller) that fit ``inches``:
    on one line, else broken after its last ", ", else wrapped word by word at ``size``."""
    head, comma, tail = text.rpartition(", ")
    choices = [[text], [head + ",", tail]] if comma else [[text]]
    for points in (size, size - 1, size - 2):
        for lines in choices:
            if all(text_inches(line, points) <= inches for line in lines):
                return "\n".join(lines), points
    lines = []
    for word in text.split(" "):
        if lines and text_inches(f"{lines[-1]} {word}", size) <= inches:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines), size


def title_left(ax, text: str) -> None:
    """A bold title at the left of the axes, smaller or wrapped when wider than its column."""
    spec = ax.get_subplotspec()
    columns = spec.get_gridspec().ncols if spec else 1
    names = [label.get_text() for label in ax.get_yticklabels()]  # bars: countries, ...
    names_inci = max((text_inches(n, 10, "normal") for n in names), default=0) + 0.15
    inches = ax.figure.get_figwidth() / columns - max(AXIS_LABELS_INCI, names_inci)
    text, size = fit_text(text, inches, 12)
    ax.set_title(text, loc="left", fontsize=size, fontweight="bold", color=WARNA["teks"], pad=10)


def source_line(sumber: str, lang: str, extra: Sequence[str] = ()) -> str:
    return "\n".join([*extra, text_or_key(sumber, lang)])


def horizontal_bars(
    ax,
    labels: Sequence[str],
    values: Sequence[float],
    colors: Sequence[str],
    hatches: Sequence[str | None] | None = None,
):
    """Horizontal bars, largest at the top, each with its value written at its end."""
    positions = range(len(labels))[::-1]
    bars = ax.barh(list(positions), list(values), color=list(colors), height=0.7)
    if hatches:
        for bar, hatch in zip(bars, hatches, strict=True):
            if hatch:
                bar.set_hatch(hatch)
                bar.set_edgecolor("white")
    ax.set_yticks(list(positions), labels=list(labels))
    ax.bar_label(
        bars, labels=[format_number(v) for v in values], padding=3, fontsize=9,
        color=WARNA["teks"],
    )  # fmt: skip
    format_axis(ax.xaxis)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    ax.set_xlim(0, max(values) * 1.18 if len(values) and max(values) > 0 else 1)
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0, labelsize=10)
    ax.grid(axis="x", color="#e3e6ea", linewidth=0.8)
    ax.set_axisbelow(True)
    return bars
