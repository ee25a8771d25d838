"""Pillar 3 charts: the KMS-style growth chart and the roster summary."""

import numpy as np
import pytest

from desmigratif_kit.core import i18n
from desmigratif_kit.core.i18n import InputError
from desmigratif_kit.parenting import (
    SAMPLE_REFERENCE_DATE_ANAK,
    assess_roster,
    count_children,
    load_sample_roster,
    sd_curves,
)
from desmigratif_kit.parenting.charts import (
    GARIS,
    RINGKASAN_GRAFIK,
    chart_growth,
    chart_roster_summary,
    to_png,
)


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


@pytest.fixture(scope="module")
def assessed():
    return assess_roster(load_sample_roster())


def _one_child(assessed, older=True):
    measured = assessed[assessed["z_tb_u"].notna()]
    ages = measured.groupby("anak")["umur_hari"].min()
    child = ages[ages > 800].index[0] if older else ages[ages < 300].index[0]
    return assessed[assessed["anak"] == child]


def test_growth_chart_draws_the_who_curves_and_the_childs_points(assessed):
    child = _one_child(assessed)
    sex = child["jenis_kelamin"].iloc[0]
    fig = chart_growth(sex, "tb_u", child)
    ax = fig.axes[0]
    curves, points = ax.lines[:7], ax.lines[7]
    median = sd_curves("tb_u", sex)
    assert np.allclose(
        np.asarray(curves[3].get_ydata(), dtype=float)[:700],
        median[0].to_numpy()[:700],
        equal_nan=True,
    )
    assert curves[3].get_color() == GARIS[0][0]
    measured = child[child["tinggi_dipakai_cm"].notna()]
    assert list(points.get_ydata()) == measured["tinggi_dipakai_cm"].tolist()
    assert list(points.get_xdata()) == pytest.approx((measured["umur_hari"] / 30.4375).tolist())
    assert ax.get_xlim() == (0, 60)
    z_label = ax.texts[-1].get_text()
    assert z_label == f"z = {i18n.format_number(child['z_tb_u'].dropna().iloc[-1], 2)}"
    assert ax.get_xlabel() == "Umur (bulan)"
    assert ax.get_title(loc="left") == (
        "Panjang/tinggi badan menurut umur, " + ("Laki-laki" if sex == "L" else "Perempuan")
    )
    assert to_png(fig)[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_baby_gets_the_0_to_24_month_page(assessed):
    child = _one_child(assessed, older=False)
    child = child[child["umur_hari"] < 731]
    fig = chart_growth(child["jenis_kelamin"].iloc[0], "bb_u", child)
    assert fig.axes[0].get_xlim() == (0, 24)


def test_weight_for_height_uses_the_table_of_the_latest_point():
    fig = chart_growth("L", "bb_tb", [(101.4, 15.2, 1644)])
    ax = fig.axes[0]
    assert ax.get_xlabel() == "Tinggi badan, berdiri (cm)"
    assert ax.lines[0].get_xdata()[0] == 65.0 and ax.lines[0].get_xdata()[-1] == 120.0
    assert ax.texts[-1].get_text() == "z = -0,44"
    baby = chart_growth("P", "bb_tb", [(60.0, 5.5, 90)])
    assert baby.axes[0].get_xlabel() == "Panjang badan, terlentang (cm)"


def test_the_length_and_height_curves_are_not_joined_at_24_months():
    fig = chart_growth("P", "tb_u", [])
    ydata = np.asarray(fig.axes[0].lines[3].get_ydata(), dtype=float)
    assert np.isnan(ydata).sum() == 1  # one gap, at day 731


def test_a_chart_with_a_name_only_when_asked():
    fig = chart_growth("P", "bb_u", [(100, 6.0)], nama="Ayu Lestari")
    assert fig.axes[0].get_title(loc="left").startswith("Ayu Lestari")
    anonymous = chart_growth("P", "bb_u", [(100, 6.0)])
    assert "Ayu" not in anonymous.axes[0].get_title(loc="left")


def test_chart_labels_in_english():
    i18n.set_language("en")
    fig = chart_growth("L", "bb_u", [(365, 9.6)])
    assert fig.axes[0].get_title(loc="left") == "Weight-for-age, Boy"
    assert fig.axes[0].get_xlabel() == "Age (months)"
    assert fig.axes[0].texts[-1].get_text() == "z = -0,04"  # Indonesian numbers everywhere


def test_bad_chart_input():
    with pytest.raises(InputError):
        chart_growth("X", "bb_u")
    with pytest.raises(InputError):
        chart_growth("L", "lila")
    with pytest.raises(InputError):
        chart_roster_summary({"nama": 3})


def test_roster_summary_chart_counts_only():
    counts = count_children(load_sample_roster(), SAMPLE_REFERENCE_DATE_ANAK)
    fig = chart_roster_summary(
        counts, tanggal=SAMPLE_REFERENCE_DATE_ANAK, tempat="di Desa Sukamaju Sintetis"
    )
    ax = fig.axes[0]
    assert [label.get_text() for label in ax.get_yticklabels()][0] == "Pendek (stunting)"
    assert [text.get_text() for text in ax.texts] == [
        i18n.format_number(counts[key]) for key in RINGKASAN_GRAFIK
    ]
    assert ax.get_title(loc="left") == "Anak di Desa Sukamaju Sintetis: 180 anak, 96 balita"
    notes = [text.get_text() for text in fig.texts]
    assert any("15 Desember 2026" in note for note in notes)
