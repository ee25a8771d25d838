"""Break-even: hand-worked examples, boundaries (price at or below the variable cost), the
first whole unit without a loss, the table behind the chart, JSON."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desmigratif_kit.business import TitikImpas, break_even
from desmigratif_kit.core import i18n
from desmigratif_kit.core.i18n import InputError


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


def test_break_even_worked_by_hand():
    # fixed Rp 200.000 a month; a bottle sells for Rp 25.000 and costs Rp 14.700 to make
    titik = break_even(200_000, 25_000, 14_700)
    assert titik.kontribusi_per_unit_rp == 25_000 - 14_700 == 10_300
    assert titik.unit_tepat == pytest.approx(200_000 / 10_300)  # 19,42
    assert titik.unit_per_bulan == 20  # rounded up: 19 bottles still lose money
    assert titik.pendapatan_per_bulan_rp == 20 * 25_000 == 500_000
    assert titik.pendapatan_tepat_rp == round(200_000 / (10_300 / 25_000))  # 485.437
    assert titik.rasio_kontribusi_pct == pytest.approx(41.2)
    assert titik.laba_rp(20) == 20 * 10_300 - 200_000 == 6_000
    assert titik.laba_rp(19) == 19 * 10_300 - 200_000 == -4_300


def test_break_even_exact_and_boundaries():
    exact = break_even(300_000, 20_000, 14_000)  # 300.000 / 6.000 = 50, no rounding up
    assert (exact.unit_per_bulan, exact.laba_rp(50)) == (50, 0)
    assert break_even(0, 20_000, 14_000).unit_per_bulan == 0  # no fixed costs
    assert break_even(300_000, 20_000, 0).unit_per_bulan == 15  # nothing variable
    just_above = break_even(100, 14_001, 14_000)  # Rp 1 contribution: 100 units
    assert just_above.unit_per_bulan == 100
    # decimals: a contribution of 0,3; 3 / 0,3 is exactly 10 (not 10,000000000000002 → 11)
    assert break_even(3, 0.5, 0.2).unit_per_bulan == 10


@pytest.mark.parametrize(
    ("price", "variable"),
    [(14_700, 14_700), (14_000, 14_700), (1, 14_700)],
)
def test_price_not_above_variable_cost_is_a_clear_error(price, variable):
    with pytest.raises(InputError) as err:
        break_even(200_000, price, variable)
    text = str(err.value)
    assert '"Harga jual per unit" di luar batas' in text
    assert "lebih dari Rp 14.700 (biaya variabel per unit" in text
    assert f'diberikan "{i18n.format_rp(price)}"' in text
    assert "more than Rp 14.700 (the variable cost per unit" in err.value.message("en")


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ((-1, 25_000, 14_700), "Biaya tetap per bulan"),
        ((200_000, 0, 0), "Harga jual per unit"),
        ((200_000, -25_000, 14_700), "Harga jual per unit"),
        ((200_000, 25_000, -1), "Biaya variabel per unit"),
        ((200_000, "dua puluh", 14_700), "Harga jual per unit"),
    ],
)
def test_bad_break_even_input(args, field):
    with pytest.raises(InputError, match=f'"{field}"'):
        break_even(*args)


@given(
    fixed=st.integers(0, 50_000_000),
    variable=st.integers(0, 1_000_000),
    extra=st.integers(1, 1_000_000),
)
def test_break_even_is_the_first_whole_unit_without_a_loss(fixed, variable, extra):
    titik = break_even(fixed, variable + extra, variable)
    assert titik.laba_rp(titik.unit_per_bulan) >= 0
    if titik.unit_per_bulan:
        assert titik.laba_rp(titik.unit_per_bulan - 1) < 0


def test_break_even_table_and_json():
    titik = break_even(200_000, 25_000, 14_700)
    table = titik.tabel()
    assert list(table.columns) == ["unit", "pendapatan_rp", "biaya_total_rp", "laba_rp"]
    assert table["unit"].iloc[0] == 0 and table["unit"].iloc[-1] == 40  # twice the break-even
    row = table[table["unit"] == 20].iloc[0]
    assert (row["pendapatan_rp"], row["biaya_total_rp"]) == (500_000, 200_000 + 20 * 14_700)
    assert TitikImpas.from_dict(json.loads(json.dumps(titik.to_dict()))) == titik
    with pytest.raises(InputError):
        titik.tabel(0)
    with pytest.raises(InputError):
        titik.laba_rp(-1)
