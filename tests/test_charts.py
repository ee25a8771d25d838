"""Charts: a Figure with the expected bars/points, Indonesian labels and numbers, a source line."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest
from matplotlib.container import BarContainer
from matplotlib.figure import Figure

from desmigratif_kit import charts, migration
from desmigratif_kit.i18n import InputError


@pytest.fixture(autouse=True, scope="module")
def agg_backend():
    """Headless, as in CI (the charts never need a GUI: they do not use pyplot)."""
    matplotlib.use("Agg")


def bars(ax):
    return [bar for c in ax.containers if isinstance(c, BarContainer) for bar in c]


def texts(fig):
    """Every piece of text in the figure: titles, labels, ticks, legends, notes."""
    found = [t.get_text() for t in fig.texts]
    if fig._suptitle is not None:
        found.append(fig._suptitle.get_text())
    for ax in fig.axes:
        found += [ax.get_title(loc="left"), ax.get_xlabel(), ax.get_ylabel()]
        found += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
        found += [t.get_text() for t in ax.texts]
        if ax.get_legend():
            found += [t.get_text() for t in ax.get_legend().get_texts()]
    return found


def bar_labels(ax):
    return [t.get_text() for t in ax.texts]


def source_line(fig):
    return fig.texts[0].get_text()


def test_placements_per_year():
    df = migration.load_penempatan_tahunan()
    fig = charts.chart_penempatan_tahunan(df)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert len(bars(ax)) == len(df) == 14
    assert ax.get_title(loc="left") == "Penempatan PMI per tahun, 2011-2024"
    assert ax.get_ylabel() == "Jumlah penempatan (orang)" and ax.get_xlabel() == "Tahun"
    assert ax.yaxis.get_major_formatter()(300_000, 0) == "300.000"
    assert "73 rb" in bar_labels(ax)  # 2021: 72.658
    # 2020 and 2021 highlighted, the others not
    colors = {round(b.get_x() + b.get_width() / 2): b.get_facecolor() for b in bars(ax)}
    highlight = matplotlib.colors.to_rgba(charts.WARNA["sorot"])
    assert [y for y, c in colors.items() if c == highlight] == [2020, 2021]
    assert "Pandemi COVID-19" in texts(fig)
    # uncertain 2017 and the 2024 definition are marked and explained
    hatched = [round(b.get_x() + b.get_width() / 2) for b in bars(ax) if b.get_hatch()]
    assert hatched == [2017, 2024]
    assert "BP2MI" in source_line(fig) and "data/README.md" in source_line(fig)
    assert "perkiraan" in source_line(fig) and "perpanjangan kontrak" in source_line(fig)


def test_placements_per_year_without_highlight():
    fig = charts.chart_penempatan_tahunan(sorot=())
    assert fig.axes[0].get_legend() is None


@pytest.mark.parametrize(("periode", "n"), [("2024", 5), ("2023", 10), ("2021", 4)])
def test_destinations(periode, n):
    fig = charts.chart_penempatan_negara(periode)
    ax = fig.axes[0]
    assert len(bars(ax)) == n
    assert ax.get_title(loc="left") == f"Negara tujuan PMI, {periode}"
    assert ax.get_xlabel() == "Jumlah penempatan (orang)"
    table = migration.load_penempatan_negara(periode)
    top = table.sort_values("jumlah", ascending=False)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == top["negara"].iloc[0]  # largest at the top
    assert set(labels) == set(table["negara"])
    assert ax.xaxis.get_major_formatter()(20_000, 0) == "20.000"


def test_destinations_top_and_cumulative():
    fig = charts.chart_penempatan_negara("2007/2024-11-14", top=5, sorot=["Arab Saudi"])
    ax = fig.axes[0]
    assert len(bars(ax)) == 5
    assert ax.get_title(loc="left").endswith("2007 s.d. 14 November 2024 (kumulatif)")
    assert "1.407.494" in bar_labels(ax)
    assert "belum pasti" in source_line(fig)
    highlight = matplotlib.colors.to_rgba(charts.WARNA["sorot"])
    labels = [t.get_text() for t in ax.get_yticklabels()]
    saudi = bars(ax)[labels.index("Arab Saudi")]
    assert saudi.get_facecolor() == highlight


def test_destinations_unknown_period():
    with pytest.raises(InputError):
        charts.chart_penempatan_negara("1999")


def test_provinces():
    fig = charts.chart_penempatan_provinsi("2024", sorot=["Jawa Tengah"])
    ax = fig.axes[0]
    assert len(bars(ax)) == 5
    assert ax.get_title(loc="left") == "Provinsi asal PMI, 2024"
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "Jawa Timur" and "Nusa Tenggara Barat" in labels
    assert "79.001" in bar_labels(ax)
    highlight = matplotlib.colors.to_rgba(charts.WARNA["sorot"])
    assert [b.get_facecolor() == highlight for b in bars(ax)].count(True) == 1
    assert "Sumber: BP2MI" in source_line(fig)


def test_provinces_top_10_of_2023():
    fig = charts.chart_penempatan_provinsi("2023")
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == 10 and "Maluku Utara" not in labels


def test_register_summary_chart():
    summary = migration.register_summary(migration.load_sample_register())
    fig = charts.chart_register_summary(summary, top=8)
    assert isinstance(fig, Figure)
    destinations, status = fig.axes
    n_countries = len(summary["negara_tujuan"])
    assert len(bars(destinations)) == min(8, n_countries)
    labels = [t.get_text() for t in destinations.get_yticklabels()]
    if n_countries > 8:
        assert labels[-1] == f"Lainnya ({n_countries - 7})"
    assert len(bars(status)) == len(summary["status"])
    status_labels = {t.get_text() for t in status.get_yticklabels()}
    assert status_labels <= {"Calon PMI", "Sedang bekerja", "Sudah pulang (purna)", "Bermasalah"}
    assert destinations.get_title(loc="left") == "Negara tujuan"
    assert status.get_title(loc="left") == "Status"
    assert "Register PMI desa: 1.500 orang" in texts(fig)
    # bars add up to the register
    assert sum(b.get_width() for b in bars(destinations)) == 1500
    assert source_line(fig) == "Sumber: register PMI desa"


def test_register_summary_chart_other_dimensions():
    summary = migration.register_summary(migration.load_sample_register())
    fig = charts.chart_register_summary(summary, dimensi="jenis_kelamin", sumber="Sumber: contoh")
    labels = {t.get_text() for t in fig.axes[0].get_yticklabels()}
    assert labels == {"Laki-laki", "Perempuan"}
    assert fig.axes[0].get_title(loc="left") == "Jenis kelamin"
    assert source_line(fig) == "Sumber: contoh"
    with pytest.raises(InputError):
        charts.chart_register_summary(summary, dimensi=["umur"])
    with pytest.raises(InputError):
        charts.chart_register_summary(summary, top=1)


def test_movements_chart():
    df = migration.movements_per_month(migration.load_sample_register())
    fig = charts.chart_movements(df, bulan_terakhir=24)
    ax = fig.axes[0]
    assert [len(line.get_xdata()) for line in ax.lines] == [24, 24]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Berangkat", "Pulang"]
    assert list(ax.lines[0].get_ydata()) == list(df["berangkat"].tail(24))
    assert ax.get_title(loc="left") == "Keberangkatan dan kepulangan per bulan, Des 2024 - Nov 2026"
    assert ax.get_ylabel() == "Jumlah orang"
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert "Agu 2025" in ticks or "Mei 2025" in ticks  # Indonesian month names


def test_movements_chart_long_period_by_year():
    df = migration.movements_per_month(migration.load_sample_register())
    fig = charts.chart_movements(df)
    ax = fig.axes[0]
    assert len(ax.lines[0].get_xdata()) == len(df)
    assert "2020" in [t.get_text() for t in ax.get_xticklabels()]


def test_movements_chart_empty_and_bad():
    empty = pd.DataFrame(
        {"bulan": pd.Series(dtype="datetime64[ns]"), "berangkat": [], "pulang": []}
    )
    fig = charts.chart_movements(empty)
    assert "Belum ada data" in " ".join(texts(fig))
    with pytest.raises(InputError):
        charts.chart_movements(pd.DataFrame({"x": [1]}))


def test_chart_shows_itself_as_png():
    fig = charts.chart_penempatan_provinsi("2024")
    png = fig._repr_png_()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert charts.to_png(fig)[:4] == b"\x89PNG"


def test_charts_do_not_use_pyplot():
    import sys

    charts.chart_penempatan_tahunan()
    pyplot = sys.modules.get("matplotlib.pyplot")
    assert pyplot is None or not pyplot.get_fignums()


def test_calculation_layer_stays_free_of_matplotlib():
    source = migration.__file__
    with open(source, encoding="utf-8") as fh:
        assert "matplotlib" not in fh.read()
