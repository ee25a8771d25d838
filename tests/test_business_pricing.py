"""Price from a margin or a markup, and the trap between them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desmigratif_kit.business import (
    margin_for_markup,
    margin_pct,
    margin_vs_markup,
    markup_for_margin,
    markup_pct,
    price_from_margin,
    price_from_markup,
)
from desmigratif_kit.core import i18n
from desmigratif_kit.core.i18n import InputError


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


# --- margin and markup ---------------------------------------------------------------------


def test_the_margin_versus_markup_trap_worked_by_hand():
    hpp = 15_200  # HPP of a 100 ml bottle of candlenut oil (illustrative)
    # markup 30%: 15.200 × 1,30 = 19.760; the profit 4.560 is 30% of the HPP ...
    assert price_from_markup(hpp, 30) == 19_760
    # ... but only 4.560 / 19.760 = 23,08% of the price
    assert margin_pct(hpp, 19_760) == pytest.approx(4_560 / 19_760 * 100)
    assert round(margin_pct(hpp, 19_760), 1) == 23.1
    # margin 30%: 15.200 / 0,70 = 21.714,29 → rounded up to Rp 21.715
    assert price_from_margin(hpp, 30) == 21_715
    assert margin_pct(hpp, 21_715) >= 30
    # the difference per bottle
    assert price_from_margin(hpp, 30) - price_from_markup(hpp, 30) == 1_955


def test_textbook_figures():
    assert price_from_markup(10_000, 30) == 13_000
    assert price_from_margin(10_000, 30) == 14_286  # 14.285,71 up
    assert price_from_margin(10_000, 50) == 20_000 == price_from_markup(10_000, 100)
    assert price_from_margin(10_000, 0) == price_from_markup(10_000, 0) == 10_000
    assert markup_pct(10_000, 13_000) == pytest.approx(30)
    assert margin_pct(10_000, 8_000) == pytest.approx(-25)  # below HPP: a loss on every unit
    assert markup_for_margin(30) == pytest.approx(30 / 70 * 100)  # 42,86%
    assert margin_for_markup(30) == pytest.approx(30 / 130 * 100)  # 23,08%
    assert markup_for_margin(0) == 0 and margin_for_markup(0) == 0


def test_prices_round_up_never_down():
    # 1.000 × 1,1 is 1100.0000000000002 in floating point: still Rp 1.100, not 1.101
    assert price_from_markup(1_000, 10) == 1_100
    assert price_from_markup(0.1, 10) == 1  # 0,11 → Rp 1
    assert price_from_margin(10_000, 30, kelipatan_rp=500) == 14_500
    assert price_from_margin(10_000, 30, kelipatan_rp=1_000) == 15_000
    assert price_from_markup(10_000, 30, kelipatan_rp=1_000) == 13_000  # already a multiple
    assert price_from_margin("Rp 15.200", "30%") == 21_715  # typed the Indonesian way


@given(
    hpp=st.integers(1, 10_000_000),
    margin=st.floats(0, 95, allow_nan=False),
    step=st.sampled_from([1, 100, 500, 1_000]),
)
def test_a_price_from_a_margin_keeps_at_least_that_margin(hpp, margin, step):
    price = price_from_margin(hpp, margin, kelipatan_rp=step)
    assert price % step == 0
    assert margin_pct(hpp, price) >= margin - 1e-9
    assert price - step <= 0 or margin_pct(hpp, price - step) < margin + 1e-9


@given(hpp=st.integers(1, 10_000_000), markup=st.integers(0, 500))
def test_markup_and_margin_describe_the_same_price(hpp, markup):
    price = price_from_markup(hpp, markup)
    assert markup_pct(hpp, price) >= markup - 1e-9
    exact = hpp * (1 + markup / 100)
    assert margin_pct(hpp, exact) == pytest.approx(margin_for_markup(markup))


ROUND_UP = "Pembulatan harga ke atas (Rp)"


@pytest.mark.parametrize(
    ("call", "field", "words"),
    [
        (lambda: price_from_margin(10_000, 100), "Margin (% dari harga jual)", "kurang dari 100%"),
        (lambda: price_from_margin(10_000, 150), "Margin (% dari harga jual)", "kurang dari 100%"),
        (lambda: price_from_margin(10_000, -5), "Margin (% dari harga jual)", "paling sedikit 0%"),
        (lambda: price_from_markup(10_000, -10), "Markup (% dari HPP)", "paling sedikit 0%"),
        (lambda: price_from_markup(0, 30), "HPP per unit", "lebih dari Rp 0"),
        (lambda: price_from_markup(-1, 30), "HPP per unit", "lebih dari Rp 0"),
        (lambda: price_from_markup(None, 30), "HPP per unit", "wajib diisi"),
        (lambda: price_from_markup("lima ribu", 30), "HPP per unit", "tidak dapat dibaca"),
        (lambda: price_from_margin(10_000, 30, 0), ROUND_UP, "paling sedikit 1"),
        (lambda: price_from_margin(10_000, 30, 2.5), ROUND_UP, "bilangan bulat"),
        (lambda: margin_pct(10_000, 0), "Harga jual per unit", "lebih dari Rp 0"),
        (lambda: markup_for_margin(100), "Margin (% dari harga jual)", "kurang dari 100%"),
    ],
)  # fmt: skip
def test_bad_prices_say_what_was_expected(call, field, words):
    with pytest.raises(InputError) as err:
        call()
    assert f'"{field}"' in str(err.value) and words in str(err.value), str(err.value)


def test_the_one_line_explanation_in_both_languages():
    text_id, text_en = margin_vs_markup(), margin_vs_markup("en")
    assert text_id.startswith("Margin adalah laba dibagi harga jual; markup adalah laba dibagi HPP")
    assert "Rp 13.000" in text_id and "23%" in text_id and "Rp 14.286" in text_id
    assert text_en.startswith("Margin is the profit as a share of the selling price")
    # the figures in the sentence are the functions' own
    assert price_from_markup(10_000, 30) == 13_000 and price_from_margin(10_000, 30) == 14_286
    assert round(margin_pct(10_000, 13_000)) == 23
    i18n.set_language("en")
    assert margin_vs_markup() == text_en
