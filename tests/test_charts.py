"""Charts: a Figure with the expected bars/points, labels in the current language (Indonesian by
default), Indonesian numbers in both languages, a source line."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.container import BarContainer
from matplotlib.figure import Figure

from desmigratif_kit import migration
from desmigratif_kit.core import i18n
from desmigratif_kit.core.i18n import InputError
from desmigratif_kit.migration import charts


@pytest.fixture(autouse=True, scope="module")
def agg_backend():
    """Headless, as in CI (the charts never need a GUI: they do not use pyplot)."""
    matplotlib.use("Agg")


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


@pytest.fixture
def english():
    i18n.set_language("en")


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
    assert status_labels <= {"Calon PMI", "Sedang bekerja", "Sudah pulang", "Bermasalah"}
    assert "Sudah pulang" in status_labels  # the catalog's words for the codes (mig.status.*)
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
    """The pillar's rules modules never mention matplotlib (tests/test_layout.py checks every
    import of every module; this is the quick reminder next to the charts)."""
    for path in Path(migration.__file__).parent.glob("*.py"):
        if path.name != "charts.py":
            assert "import matplotlib" not in path.read_text(encoding="utf-8"), path.name
            assert "from matplotlib" not in path.read_text(encoding="utf-8"), path.name


# --------------------------------------------------------------------------- languages


def test_indonesian_is_the_default():
    assert i18n.get_language() == "id"
    fig = charts.chart_penempatan_tahunan()
    assert fig.axes[0].get_title(loc="left") == "Penempatan PMI per tahun, 2011-2024"
    assert source_line(fig).endswith(i18n.t("chart.bp2mi.source", "id"))


def test_placements_per_year_in_english(english):
    fig = charts.chart_penempatan_tahunan()
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == "Placements of migrant workers per year, 2011-2024"
    assert ax.get_ylabel() == "Placements (people)" and ax.get_xlabel() == "Year"
    assert "73k" in bar_labels(ax)
    assert ax.yaxis.get_major_formatter()(300_000, 0) == "300.000"  # numbers stay Indonesian
    assert {"Placements", "COVID-19 pandemic"} <= set(texts(fig))
    assert source_line(fig).startswith("Hatched: estimated figures, not yet confirmed (2017).")
    assert "Dotted: placement services" in source_line(fig)
    assert "Source: BP2MI" in source_line(fig) and "Sumber" not in source_line(fig)


def test_destinations_and_provinces_in_english(english):
    fig = charts.chart_penempatan_negara("2007/2024-11-14", top=5)
    ax = fig.axes[0]
    title = ax.get_title(loc="left").replace("\n", " ")  # may be wrapped after the comma
    assert (
        title == "Destination countries of migrant workers, 2007 to 14 November 2024 (cumulative)"
    )
    assert ax.get_xlabel() == "Placements (people)"
    assert "1.407.494" in bar_labels(ax)
    assert "not a complete list" in source_line(fig) and "uncertain" in source_line(fig)
    fig = charts.chart_penempatan_provinsi("2024")
    assert fig.axes[0].get_title(loc="left") == "Provinces of origin of migrant workers, 2024"
    assert "other provinces are not listed" in source_line(fig)
    assert charts.label_periode("2007/2024-11-14") == "2007 to 14 November 2024 (cumulative)"


def test_register_summary_chart_in_english(english):
    summary = migration.register_summary(migration.load_sample_register())
    fig = charts.chart_register_summary(summary, dimensi=["status", "negara_tujuan", "jalur"])
    status, destinations, route = fig.axes
    assert status.get_title(loc="left") == "Status"
    assert destinations.get_title(loc="left") == "Destination country"
    assert route.get_title(loc="left") == "Route"
    status_labels = {t.get_text() for t in status.get_yticklabels()}
    assert status_labels == {"Prospective worker", "Working abroad", "Returned", "In trouble"}
    labels = [t.get_text() for t in destinations.get_yticklabels()]
    assert labels[-1] == f"Other ({len(summary['negara_tujuan']) - 7})"
    route_labels = {t.get_text() for t in route.get_yticklabels()}
    assert route_labels <= {i18n.t(f"chart.jalur.{c}") for c in migration.JALUR} | {
        "(not filled in)"
    }
    assert "Village register of migrant workers: 1.500 people" in texts(fig)
    assert {ax.get_xlabel() for ax in fig.axes} == {"Number of people"}
    assert source_line(fig) == "Source: village register of migrant workers"
    fig = charts.chart_register_summary(summary, dimensi="jenis_kelamin")
    assert {t.get_text() for t in fig.axes[0].get_yticklabels()} == {"Male", "Female"}
    assert fig.axes[0].get_title(loc="left") == "Sex"


def test_register_summary_names_empty_cells():
    summary = {
        "jalur": pd.DataFrame(
            {"jalur": ["p3mi", migration.TIDAK_DIISI], "jumlah": [2, 1], "persen": [66.7, 33.3]}
        )
    }
    fig = charts.chart_register_summary(summary, dimensi="jalur")
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["P3MI (perusahaan)", "(tidak diisi)"]
    i18n.set_language("en")
    fig = charts.chart_register_summary(summary, dimensi="jalur")
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["P3MI (company)", "(not filled in)"]


def test_movements_chart_in_english(english):
    df = migration.movements_per_month(migration.load_sample_register())
    fig = charts.chart_movements(df, bulan_terakhir=24)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Departures", "Returns"]
    assert ax.get_title(loc="left") == "Departures and returns per month, Dec 2024 - Nov 2026"
    assert ax.get_ylabel() == "Number of people"
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert "Aug 2025" in ticks or "May 2025" in ticks  # English month names
    assert not {"Agu 2025", "Mei 2025"} & set(ticks)
    assert source_line(fig) == "Source: village register of migrant workers"
    empty = charts.chart_movements(df.head(0))
    assert "No departures or returns recorded yet." in texts(empty)


def test_english_charts_have_no_indonesian_words(english):
    register = migration.load_sample_register()
    figs = [
        charts.chart_penempatan_tahunan(),
        charts.chart_penempatan_provinsi("2024"),
        charts.chart_register_summary(migration.register_summary(register)),
        charts.chart_movements(migration.movements_per_month(register), bulan_terakhir=12),
    ]
    words = ("Sumber", "Jumlah", "orang", "Lainnya", "Berangkat", "Pulang", "Tahun", "Penempatan")
    for fig in figs:
        found = " ".join(texts(fig))
        assert not [w for w in words if w in found], found


def test_a_chart_keeps_the_language_it_was_made_in():
    """Month labels are drawn when the PNG is made: they follow the chart, not a later switch."""
    df = migration.movements_per_month(migration.load_sample_register())
    fig = charts.chart_movements(df, bulan_terakhir=12)
    i18n.set_language("en")
    FigureCanvasAgg(fig).draw()  # as when the PNG is made
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert any(tick.startswith(("Agu", "Mei", "Okt", "Des")) for tick in ticks), ticks


# --------------------------------------------------------------------------- narrow (phone)


def test_register_charts_for_a_phone():
    """The register app stacks the panels (kolom=1) in a narrow chart: titles still fit."""
    register = migration.load_sample_register()
    summary = migration.register_summary(register)
    fig = charts.chart_register_summary(
        summary, dimensi=("status", "negara_tujuan"), kolom=1, lebar_inci=4.4
    )
    top, bottom = fig.axes
    assert fig.get_figwidth() == 4.4
    assert top.get_position().y0 > bottom.get_position().y1  # one under the other
    assert top.get_position().x0 == bottom.get_position().x0
    with pytest.raises(InputError):
        charts.chart_register_summary(summary, kolom=0)
    moves = charts.chart_movements(
        migration.movements_per_month(register), bulan_terakhir=36, lebar_inci=4.4
    )
    title = moves.axes[0].get_title(loc="left")
    assert title == "Keberangkatan dan kepulangan per bulan,\nDes 2023 - Nov 2026"
    ticks = [t.get_text() for t in moves.axes[0].get_xticklabels()]
    assert ticks and all(tick.startswith("Jan ") for tick in ticks)  # one a year, not 12
    for figure in (fig, moves):
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        renderer = canvas.get_renderer()
        for text in [figure._suptitle, *(ax.title for ax in figure.axes)]:
            if text is not None and text.get_text():
                box = text.get_window_extent(renderer)
                assert box.x0 >= 0 and box.x1 <= figure.bbox.width, text.get_text()
