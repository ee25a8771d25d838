"""Pillar-2 charts: they draw in both languages, with Indonesian numbers, the right bars and
lines, and a source line that says when the figures are illustrative."""

from __future__ import annotations

import matplotlib
import pytest
from matplotlib.colors import to_rgba
from matplotlib.container import BarContainer

from desmigratif_kit.business import (
    break_even,
    cash_flow_plan,
    charts,
    compare_scenarios,
    contoh_produk,
    cost_of_goods,
    rencana_usaha,
)
from desmigratif_kit.core import i18n


@pytest.fixture(autouse=True, scope="module")
def agg_backend():
    matplotlib.use("Agg")


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


def texts(fig):
    found = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        found += [ax.get_title(loc="left"), ax.get_xlabel(), ax.get_ylabel()]
        found += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
        found += [t.get_text() for t in ax.texts]
        if ax.get_legend():
            found += [t.get_text() for t in ax.get_legend().get_texts()]
    return found


def bars(ax):
    return [bar for c in ax.containers if isinstance(c, BarContainer) for bar in c]


def kemiri(lang="id"):
    return contoh_produk("minyak_kemiri", lang)


def scenarios(p):
    return compare_scenarios(
        p["batch"], p["kemasan"], p["saluran"], p["harga"], p["laku_per_bulan"]
    )


def every_chart(lang):
    """Every chart of the candlenut oil, drawn with the language set to ``lang``."""
    i18n.set_language(lang)
    p = kemiri(lang)
    hpp = cost_of_goods(p["batch"])
    plan = rencana_usaha(p, "botol_100ml", "marketplace", tahun_mulai=2027)
    return {
        "porsi": charts.chart_porsi_biaya(hpp),
        "porsi_item": charts.chart_porsi_biaya(hpp, per="item", lebar_inci=4.2),
        "impas": charts.chart_titik_impas(
            plan.titik_impas, nama_unit=hpp.nama_unit, unit_sekarang=12, ilustrasi=True
        ),  # fmt: skip
        "skenario": charts.chart_skenario(scenarios(p)),
        "arus_kas": charts.chart_arus_kas(plan.arus_kas),
    }


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_chart_draws_as_png_with_an_illustrative_line(lang):
    i18n.set_language(lang)
    for name, fig in every_chart(lang).items():
        png = charts.to_png(fig)
        assert png[:8] == b"\x89PNG\r\n\x1a\n", name
        source = fig.texts[0].get_text().replace("\n", " ")
        expected = i18n.t(charts.SUMBER_ILUSTRASI, lang)
        assert source.endswith(expected), (name, source)
        assert fig._repr_png_()[:4] == b"\x89PNG"


def test_labels_follow_the_language_numbers_stay_indonesian():
    indonesian, english = every_chart("id"), every_chart("en")
    assert indonesian["porsi"].axes[0].get_title(loc="left") == (
        "HPP Minyak kemiri: Rp 15.200 per botol 100 ml"
    )
    assert english["porsi"].axes[0].get_title(loc="left") == (
        "Cost of goods, Candlenut oil: Rp 15.200 per 100 ml bottle"
    )
    assert "Bahan baku" in texts(indonesian["porsi"]) and "Raw materials" in texts(english["porsi"])
    assert "Rp 7.500 (49,3%)" in texts(english["porsi"])  # Indonesian numbers in English too
    assert english["impas"].axes[0].get_title(loc="left") == (
        "Break-even: revenue and costs per month"
    )
    assert "Break-even: 20 × 100 ml bottle (Rp 588.800)" in texts(english["impas"])
    assert "Saldo kas" in texts(indonesian["arus_kas"])
    assert "Cash balance" in texts(english["arus_kas"])
    months = [t.get_text() for t in english["arus_kas"].axes[0].get_xticklabels()]
    assert months[:2] == ["Jan\n2027", "Feb"]
    assert "Mei" in texts(indonesian["arus_kas"]) and "May" in texts(english["arus_kas"])


def test_cost_shares_by_category_and_by_item():
    hpp = cost_of_goods(kemiri()["batch"])
    fig = charts.chart_porsi_biaya(hpp)
    ax = fig.axes[0]
    assert [round(b.get_width()) for b in bars(ax)] == [7_500, 2_000, 600, 4_500, 100, 250, 250]
    orange = [b for b in bars(ax) if b.get_facecolor() == to_rgba(charts.WARNA["sorot"])]
    assert len(orange) == 1 and orange[0].get_width() == 7_500  # the biggest share
    assert [t.get_text() for t in ax.get_yticklabels()][0] == "Bahan baku"
    assert ax.get_xlabel() == "Biaya per botol 100 ml (Rp)"
    phone = charts.chart_porsi_biaya(hpp, per="item", lebar_inci=4.2)
    ax = phone.axes[0]
    assert len(bars(ax)) == 9 and not [t.get_text() for t in ax.get_yticklabels()]
    assert "Kemiri kupas" in texts(phone)  # the names go above their bars on a phone


def test_the_break_even_lines_cross_at_the_marked_point():
    titik = break_even(200_000, 25_000, 14_700)
    fig = charts.chart_titik_impas(titik)
    revenue, cost, fixed = fig.axes[0].lines[:3]
    assert (revenue.get_label(), cost.get_label(), fixed.get_label()) == (
        "Pendapatan",
        "Biaya total",
        "Biaya tetap",
    )
    x = list(revenue.get_xdata())
    assert x[0] == 0 and x[-1] == 40
    gap = [r - c for r, c in zip(revenue.get_ydata(), cost.get_ydata(), strict=True)]
    assert gap[0] < 0 < gap[-1]  # loss first, profit after the crossing
    point = fig.axes[0].lines[3]
    assert point.get_xdata()[0] == pytest.approx(200_000 / 10_300)
    assert point.get_ydata()[0] == pytest.approx(200_000 / 10_300 * 25_000)
    assert fig.texts[0].get_text().startswith("Sumber: angka isian peserta")
    loss = charts.chart_titik_impas(titik, unit_sekarang=10)
    assert "10 unit: rugi Rp 97.000" in texts(loss)  # 10 × 10.300 − 200.000
    profit = charts.chart_titik_impas(titik, unit_sekarang=38, nama_unit="botol")
    assert "38 botol: laba Rp 191.400" in texts(profit)  # 38 × 10.300 − 200.000
    assert profit.axes[0].get_xlabel() == "Terjual per bulan (botol)"


def test_source_line_for_a_participants_own_figures_and_a_given_source():
    p = kemiri()
    p["batch"]["ilustrasi"] = False
    fig = charts.chart_porsi_biaya(cost_of_goods(p["batch"]))
    assert (
        fig.texts[0].get_text() == "Sumber: angka isian peserta; dihitung dengan Desmigratif Kit."
    )
    own = charts.chart_porsi_biaya(cost_of_goods(p["batch"]), sumber="Sumber: harga Pasar Wolowaru")
    assert own.texts[0].get_text() == "Sumber: harga Pasar Wolowaru"


def test_scenarios_best_in_green_losses_in_orange():
    fig = charts.chart_skenario(scenarios(kemiri()))
    ax = fig.axes[0]
    widths = [b.get_width() for b in bars(ax)]
    assert widths[0] == 1_382_000 and widths[-1] == -96_000  # best at the top
    assert bars(ax)[0].get_facecolor() == to_rgba(charts.WARNA["pulang"])
    assert bars(ax)[-1].get_facecolor() == to_rgba(charts.WARNA["sorot"])
    assert "Rp 1.382.000 (Rp 4.607/unit)" in texts(fig)
    assert "-Rp 96.000 (-Rp 960/unit)" in texts(fig)
    assert ax.get_xlim()[0] < -96_000  # the loss is inside the chart
    note = fig.texts[0].get_text().replace("\n", " ")
    assert note.startswith("Laba = unit terjual × (harga − potongan − biaya variabel)")
    top3 = charts.chart_skenario(scenarios(kemiri()), top=3, lebar_inci=4.2)
    assert len(bars(top3.axes[0])) == 3


def test_cash_flow_chart_marks_payback_or_says_there_is_none():
    plan = rencana_usaha(kemiri(), "botol_100ml", "marketplace")
    fig = charts.chart_arus_kas(plan.arus_kas)
    ax = fig.axes[0]
    assert len(bars(ax)) == 12
    assert [round(b.get_height()) for b in bars(ax)][0] == plan.arus_kas.bulan[0].arus_bersih_rp
    assert "Balik modal: bulan ke-5" in texts(fig)
    assert fig.texts[0].get_text().startswith("Modal investasi Rp 6.000.000 kembali")
    never = cash_flow_plan(
        1_000_000,
        3,
        unit_per_bulan=1,
        harga_rp=10,
        biaya_variabel_per_unit_rp=0,
        investasi=5_000_000,
    )
    fig = charts.chart_arus_kas(never)
    assert not fig.axes[0].texts and "belum kembali" in fig.texts[0].get_text()
    assert "Sumber: angka isian peserta" in fig.texts[0].get_text()


def test_long_plans_and_phones_get_fewer_month_labels_and_short_millions():
    long = cash_flow_plan(10_000_000, 36, unit_per_bulan=100, harga_rp=20_000,
                          biaya_variabel_per_unit_rp=12_000, tahun_mulai=2027)  # fmt: skip
    fig = charts.chart_arus_kas(long, lebar_inci=4.2)
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert len(labels) <= 9 and labels[0] == "Jan\n2027"
    assert fig.axes[0].yaxis.get_major_formatter()(20_000_000, 0) == "20 jt"
    assert charts.chart_arus_kas(long).axes[0].yaxis.get_major_formatter()(20_000_000, 0) == (
        "20.000.000"
    )
    i18n.set_language("en")
    fig = charts.chart_arus_kas(long, lebar_inci=4.2)
    assert fig.axes[0].yaxis.get_major_formatter()(2_500_000, 0) == "2,5 mn"


def test_bad_chart_choice():
    with pytest.raises(i18n.InputError, match='"per"'):
        charts.chart_porsi_biaya(cost_of_goods(kemiri()["batch"]), per="bulan")
