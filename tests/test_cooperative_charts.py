"""Charts of pillar 4: the expected bars and lines, labels from the catalogs in the current
language, Indonesian numbers in both languages, a source line under each."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

from desmigratif_kit.cooperative import (
    charts,
    ledger_to_shu_members,
    load_sample_ledger,
    loan_schedule,
    remittance_plan,
    shu_distribution,
)
from desmigratif_kit.core import i18n
from desmigratif_kit.core.i18n import InputError


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
        legend = ax.get_legend()
        if legend:
            found += [t.get_text() for t in legend.get_texts()]
    return found


def all_charts():
    shu = shu_distribution(ledger_to_shu_members(load_sample_ledger()), 12_000_000, 20, 25)
    plan = remittance_plan(2_500_000, {"kebutuhan": 50, "tabungan": 30, "usaha": 20}, 24)
    return {
        "flat": charts.chart_flat_vs_effective(10_000_000, 1.5, 12),
        "flat_kumulatif": charts.chart_flat_vs_effective(10_000_000, 1.5, 12, kumulatif=True),
        "jadwal": charts.chart_loan_schedule(loan_schedule(25_000_000, 6, 24, "anuitas", "tahun")),
        "shu": charts.chart_shu_members(shu),
        "rencana": charts.chart_remittance_plan(plan),
        "biaya": charts.chart_remittance_costs(sorot="Malaysia"),
    }


def test_every_chart_has_a_source_line_and_draws_as_png():
    for name, fig in all_charts().items():
        notes = fig.texts[0].get_text()
        assert "Sumber:" in notes, name
        assert charts.to_png(fig)[:8] == b"\x89PNG\r\n\x1a\n"
        assert fig._repr_png_()[:4] == b"\x89PNG"


def test_labels_follow_the_language_numbers_stay_indonesian():
    indonesian = all_charts()
    i18n.set_language("en")
    english = all_charts()
    for name in indonesian:
        id_texts, en_texts = set(texts(indonesian[name])), set(texts(english[name]))
        assert id_texts != en_texts, name
        assert any("Source:" in text for text in en_texts), name
    flat_en = " ".join(texts(english["flat"]))
    assert "1,5% flat" in flat_en and "Rp 1.800.000" in flat_en and "2,64% a month" in flat_en


def test_flat_versus_effective_shows_the_lesson():
    fig = charts.chart_flat_vs_effective(10_000_000, 1.5, 12)
    ax = fig.axes[0]
    flat, declining = ax.containers
    # flat: 150,000 every month; on the balance: 150,000 falling to 1.5 % x 833,337 = 12,500
    assert [bar.get_height() for bar in flat] == [150_000] * 12
    assert declining[0].get_height() == 150_000 and declining[-1].get_height() == 12_500
    words = " ".join(texts(fig))
    assert "Rp 1.800.000" in words and "Rp 975.000" in words
    assert "2,64% per bulan" in words and "36,8% per tahun" in words


def test_schedule_chart_stacks_principal_and_interest():
    schedule = loan_schedule(25_000_000, 6, 24, "menurun", "tahun")
    fig = charts.chart_loan_schedule(schedule)
    principal, interest = fig.axes[0].containers
    assert [b.get_height() for b in principal] == schedule["angsuran_pokok"].tolist()
    assert [b.get_y() for b in interest] == schedule["angsuran_pokok"].tolist()
    assert "Rp 1.5" in fig.axes[0].get_title(loc="left")  # total interest in the title
    assert (
        charts.chart_loan_schedule(schedule, judul="Pinjaman Bu Sari").axes[0].get_title(loc="left")
        == "Pinjaman Bu Sari"
    )
    with pytest.raises(InputError):
        charts.chart_loan_schedule(pd.DataFrame({"bulan": [1]}))


def test_shu_chart_orders_members_and_writes_totals():
    df = shu_distribution(
        pd.DataFrame({"nama": ["Ani", "Budi", "Citra"], "simpanan_rp": [1, 3, 2],
                      "transaksi_rp": [5, 1, 1]}), 700_000, 20, 50)  # fmt: skip
    fig = charts.chart_shu_members(df)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ordered = df.sort_values("shu_rp", ascending=False)["nama"].tolist()
    assert labels == ordered
    assert sorted(t.get_text() for t in fig.axes[0].texts) == sorted(
        i18n.format_rp(v) for v in df["shu_rp"]
    )
    assert len(charts.chart_shu_members(df, top=2).axes[0].get_yticklabels()) == 2


def test_remittance_plan_chart_and_costs_chart():
    plan = remittance_plan(2_000_000, {"kebutuhan": 50, "tabungan": 30, "usaha": 20}, 12)
    fig = charts.chart_remittance_plan(plan)
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == [
        "Modal usaha produktif: Rp 4.800.000",
        "Tabungan: Rp 7.200.000",
        "Kebutuhan sehari-hari: Rp 12.000.000",
    ]  # the education post is 0, so not drawn
    costs = charts.chart_remittance_costs(2019)
    ax = costs.axes[0]
    assert [line.get_xdata()[0] for line in ax.lines] == [3.0, 5.0]  # SDG and G20 targets
    assert "Biaya mengirim uang ke Indonesia, 2019" == ax.get_title(loc="left")
    assert "Hong Kong, Taiwan dan Korea Selatan" in costs.texts[0].get_text()
    assert "Bank Dunia" in costs.texts[0].get_text()


@pytest.mark.parametrize("lebar", [3.9, 8])
def test_narrow_charts_put_the_legend_under_the_axes(lebar):
    fig = charts.chart_flat_vs_effective(10_000_000, 1.5, 12, lebar_inci=lebar)
    anchor = (
        fig.axes[0].get_legend().get_bbox_to_anchor().transformed(fig.axes[0].transAxes.inverted())
    )
    assert bool(anchor.y0 < 0) == (lebar < 6)
    assert fig.get_figwidth() == lebar
