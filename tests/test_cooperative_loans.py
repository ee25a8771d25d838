"""Loan schedules and effective rates (FACTS §4.2), checked against numpy-financial and the
worked examples, whose arithmetic is written out in each test."""

from __future__ import annotations

import numpy as np
import numpy_financial as npf
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desmigratif_kit import cooperative
from desmigratif_kit.cooperative import (
    KOLOM_JADWAL,
    compare_offers,
    effective_rate_pct,
    loan_schedule,
    loan_summary,
    monthly_irr_pct,
    monthly_rate,
)
from desmigratif_kit.cooperative import loans as loans_module
from desmigratif_kit.core import i18n
from desmigratif_kit.core.i18n import InputError


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


# --- FACTS §4.2, the worked examples ---------------------------------------------------------


def test_flat_loan_of_facts():
    """Rp 10 million, 12 months, 1.5 % a month flat."""
    s = loan_schedule(10_000_000, 1.5, 12, "flat")
    assert list(s.columns) == list(KOLOM_JADWAL)
    assert s["bulan"].tolist() == list(range(1, 13))
    interest = 10_000_000 * 15 // 1000  # 1.5 % of the original principal, every month
    assert interest == 150_000
    part = round(10_000_000 / 12)  # 833,333.33 -> 833,333
    assert part == 833_333
    assert (s["bunga"] == 150_000).all()
    assert s["angsuran"].iloc[:11].eq(part + interest).all()
    assert s.loc[0, "angsuran"] == 983_333
    assert s.loc[11, "angsuran_pokok"] == 10_000_000 - 11 * 833_333 == 833_337  # last absorbs
    assert s["bunga"].sum() == 12 * 150_000 == 1_800_000
    assert s["sisa_pokok"].iloc[-1] == 0


def test_kur_annuity_of_facts():
    """KUR Rp 25 million, 24 months, 6 % a year = 0.5 % a month, equal instalments."""
    s = loan_schedule(25_000_000, 6, 24, "anuitas", "tahun")
    r = 0.06 / 12
    exact = 25_000_000 * r / (1 - (1 + r) ** -24)  # 1,108,015.26
    assert round(exact) == 1_108_015
    assert round(npf.pmt(r, 24, -25_000_000)) == 1_108_015
    assert s["angsuran"].iloc[:23].eq(1_108_015).all()
    assert s.loc[0, "bunga"] == 25_000_000 * 5 // 1000 == 125_000
    # 24 x 1,108,015.26 - 25,000,000 = 1,592,366.15
    assert round(24 * exact - 25_000_000) == 1_592_366
    assert s["bunga"].sum() == 1_592_366
    assert s["angsuran_pokok"].sum() == 25_000_000


def test_kur_declining_of_facts():
    """The same KUR with equal principal parts: 25,000,000 / 24 = 1,041,666.67 a month."""
    s = loan_schedule(25_000_000, 6, 24, "menurun", "tahun")
    # first: 1,041,666.67 + 0.5 % x 25,000,000 = 1,041,666.67 + 125,000
    assert s.loc[0, "angsuran"] == round(25_000_000 / 24 + 125_000) == 1_166_667
    # last: 1,041,666.67 + 0.5 % x 1,041,666.67 = 1,041,666.67 + 5,208.33
    assert s.loc[23, "angsuran"] == round(25_000_000 / 24 * 1.005) == 1_046_875
    assert set(s["angsuran_pokok"]) <= {1_041_666, 1_041_667}  # within a rupiah of P/n
    assert s["angsuran"].is_monotonic_decreasing
    assert s["angsuran_pokok"].sum() == 25_000_000


def test_effective_rate_of_a_flat_loan_is_the_key_lesson():
    """1.5 % a month flat over 12 months = 2.64 % a month effective, 31.7 % a year nominal,
    36.8 % effective annual, 1.76 x the flat 18 % a year."""
    hasil = effective_rate_pct(10_000_000, 1.5, 12)
    expected = npf.rate(12, -983_333, 10_000_000, 0) * 100  # the same instalments
    assert hasil.efektif_bulan_pct == pytest.approx(expected, abs=1e-3)
    assert round(hasil.efektif_bulan_pct, 2) == 2.64
    assert round(hasil.efektif_bulan_pct * 12, 1) == round(hasil.efektif_tahun_nominal_pct, 1)
    assert round(hasil.efektif_tahun_nominal_pct, 1) == 31.7
    assert round(((1 + hasil.efektif_bulan_pct / 100) ** 12 - 1) * 100, 1) == 36.8
    assert round(hasil.efektif_tahun_pct, 1) == 36.8
    assert hasil.flat_tahun_pct == 18
    assert round(hasil.kali_lipat, 2) == 1.76
    assert (hasil.angsuran_rp, hasil.total_bunga_rp) == (983_333, 1_800_000)


def test_the_effective_rate_is_explained_in_plain_words_in_both_languages():
    hasil = effective_rate_pct(10_000_000, 1.5, 12)
    indonesian = hasil.penjelasan()
    for part in ("1,5%", "Rp 10.000.000", "Rp 1.800.000", "2,64%", "36,8%", "1,76 kali", "18%"):
        assert part in indonesian, part
    english = hasil.penjelasan("en")
    assert "2,64% a month" in english and "1,76 times" in english
    assert effective_rate_pct(1_000_000, 0, 10).penjelasan().startswith("Tanpa bunga")


def test_a_flat_rate_always_costs_more_than_the_same_rate_on_the_balance():
    for rate, months in [(0.5, 6), (1, 12), (2, 24), (3, 36), (10, 60)]:
        hasil = effective_rate_pct(5_000_000, rate, months)
        assert hasil.efektif_bulan_pct > rate
        if months > 1:
            flat = loan_schedule(5_000_000, rate, months, "flat")["bunga"].sum()
            declining = loan_schedule(5_000_000, rate, months, "menurun")["bunga"].sum()
            assert flat > declining
    one_month = effective_rate_pct(5_000_000, 2, 1)  # one payment: flat is effective
    assert one_month.efektif_bulan_pct == pytest.approx(2, abs=1e-9)


def test_yearly_rates_are_a_twelfth_a_month():
    assert monthly_rate(6, "tahun") == monthly_rate(0.5, "bulan")
    assert monthly_rate("18%", "per tahun") == monthly_rate("1,5", "Bulan")
    a = loan_schedule(10_000_000, 18, 12, "flat", "tahun")
    b = loan_schedule(10_000_000, 1.5, 12, "flat", "bulan")
    pd.testing.assert_frame_equal(a, b)


# --- numpy-financial, for many loans -------------------------------------------------------

amounts = st.integers(min_value=1_000_000, max_value=10_000_000_000)
rates = st.integers(min_value=0, max_value=10_000).map(lambda cents: cents / 100)  # 0-100 %
terms = st.integers(min_value=1, max_value=360)
methods = st.sampled_from(["flat", "menurun", "anuitas"])


@settings(max_examples=150, deadline=None)
@given(amounts, st.integers(min_value=0, max_value=3000).map(lambda c: c / 100), terms)
def test_annuity_instalments_equal_numpy_financial_pmt_to_the_rupiah(principal, yearly, n):
    s = loan_schedule(principal, yearly, n, "anuitas", "tahun")
    r = yearly / 1200
    pmt = npf.pmt(r, n, -principal)
    # Each month is off by at most 1.5 rupiah (instalment and interest rounded), and the
    # error grows with interest over the term:
    growth = n if r == 0 else ((1 + r) ** n - 1) / r
    equal = s["angsuran"].iloc[:-1]
    if (round(pmt) - pmt + 0.5) * growth < pmt / 2:  # rounding up cannot repay it early
        assert (equal == round(pmt)).all()
    else:  # a long, dear loan: pmt is rounded down so the schedule never overpays
        assert (equal == round(pmt)).all() or (equal == np.floor(pmt)).all()
    assert abs(s["angsuran"].iloc[-1] - pmt) <= 1.5 * growth + 1
    interest = -npf.ipmt(r, np.arange(1, n + 1), n, principal) if r else np.zeros(n)
    assert np.abs(s["bunga"].to_numpy() - interest).max() <= 1.5 * growth * r + 1


def test_a_long_dear_annuity_never_repays_early():
    """Rp 1 million at 28.16 % a year over 335 months: pmt = 23,476.57. Rounded up to
    23,477, the extra 0.43 rupiah a month compounds (at 2.35 % a month) to more than an
    instalment, so the loan would be repaid early; the kit rounds down instead."""
    pmt = npf.pmt(0.2816 / 12, 335, -1_000_000)
    assert round(pmt, 2) == 23_476.57
    s = loan_schedule(1_000_000, 28.16, 335, "anuitas", "tahun")
    assert (s["angsuran"].iloc[:-1] == 23_476).all()
    assert s["angsuran_pokok"].iloc[:-1].gt(0).all() and s["angsuran_pokok"].sum() == 1_000_000


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**11), rates, terms, methods)
def test_the_parts_always_add_up_to_the_whole(principal, rate, n, method):
    s = loan_schedule(principal, rate, n, method)
    assert len(s) == n
    assert s["angsuran_pokok"].sum() == principal
    assert s["sisa_pokok"].iloc[-1] == 0
    assert (s["angsuran"] == s["angsuran_pokok"] + s["bunga"]).all()
    assert (s[["angsuran_pokok", "bunga", "sisa_pokok"]] >= 0).all().all()
    assert s["sisa_pokok"].is_monotonic_decreasing
    assert (s.dtypes == "int64").all()
    if method == "flat":
        assert s["bunga"].nunique() == 1
    if method == "menurun" and principal >= n:
        assert s["angsuran_pokok"].max() - s["angsuran_pokok"].min() <= 1


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=100_000, max_value=10**9), st.integers(1, 500).map(lambda c: c / 100),
       st.integers(min_value=2, max_value=120))  # fmt: skip
def test_effective_rate_matches_numpy_financial_rate(principal, flat, n):
    hasil = effective_rate_pct(principal, flat, n)
    s = loan_schedule(principal, flat, n, "flat")
    flows = [-principal, *s["angsuran"].tolist()]
    assert npf.npv(hasil.efektif_bulan_pct / 100, flows) == pytest.approx(0, abs=1e-3)
    exact = npf.rate(n, -(principal / n + principal * flat / 100), principal, 0) * 100
    assert hasil.efektif_bulan_pct == pytest.approx(exact, abs=0.01)


def test_rounding_cases_tiny_and_awkward_loans():
    s = loan_schedule(10, 1, 12, "flat")  # round(10/12) = 1 would overpay: 11 x 1 > 10
    assert s["angsuran_pokok"].sum() == 10 and (s["angsuran_pokok"] >= 0).all()
    s = loan_schedule(1, 100, 360, "anuitas")
    assert s["angsuran_pokok"].sum() == 1 and (s["angsuran_pokok"] >= 0).all()
    s = loan_schedule(1_000_001, 0, 3, "menurun")  # 333,333.67 a month
    assert s["angsuran_pokok"].tolist() == [333_334, 333_333, 333_334]
    s = loan_schedule(1_500_000.5, 1, 2, "flat")  # rounded to the rupiah, half up
    assert s["angsuran_pokok"].sum() == 1_500_001
    s = loan_schedule(1_000_000, 0, 4, "anuitas")
    assert s["angsuran"].tolist() == [250_000] * 4 and s["bunga"].sum() == 0


def test_typed_values_are_read_the_indonesian_way():
    a = loan_schedule("Rp 10.000.000", "1,5%", "12", "Flat", "Per Bulan")
    b = loan_schedule(10_000_000, 1.5, 12, "flat")
    pd.testing.assert_frame_equal(a, b)
    c = loan_schedule(10_000_000, 1.5, 12, "efektif")
    pd.testing.assert_frame_equal(c, loan_schedule(10_000_000, 1.5, 12, "menurun"))


# --- bad input: clear messages ---------------------------------------------------------------


@pytest.mark.parametrize(
    "args, expected",
    [
        ((10_000_000, 1.5, 0, "flat"), 'Nilai untuk "Jangka waktu (bulan)" di luar batas: '
         'diharapkan bilangan bulat 1 sampai 360 bulan, diberikan "0".'),
        ((10_000_000, 1.5, 361, "flat"), 'diberikan "361"'),
        ((10_000_000, 1.5, 2.5, "flat"), 'diharapkan bilangan bulat 1 sampai 360 bulan, '
         'diberikan "2,5".'),
        ((-5_000_000, 1.5, 12, "flat"), 'Nilai untuk "Pokok pinjaman" di luar batas: diharapkan '
         'jumlah lebih dari Rp 0 dan paling banyak Rp 1.000.000.000.000, diberikan "-5.000.000".'),
        ((0, 1.5, 12, "flat"), 'Nilai untuk "Pokok pinjaman" di luar batas'),
        ((10_000_000, 120, 12, "flat"), 'Nilai untuk "Bunga (% per bulan)" di luar batas: '
         'diharapkan bunga 0% sampai 100% per bulan, diberikan "120".'),
        ((10_000_000, 150, 12, "anuitas", "tahun"), "diharapkan bunga 0% sampai 100% per tahun"),
        ((10_000_000, -1, 12, "flat"), 'diberikan "-1"'),
        ((10_000_000, 1.5, 12, "harian"), 'Nilai untuk "Cara menghitung bunga" tidak ditemukan: '
         'diharapkan salah satu dari: flat, menurun, anuitas, diberikan "harian".'),
        ((10_000_000, 1.5, 12, "flat", "minggu"), 'Nilai untuk "Periode bunga" tidak ditemukan: '
         'diharapkan salah satu dari: bulan, tahun, diberikan "minggu".'),
        (("sepuluh juta", 1.5, 12, "flat"), 'Nilai untuk "Pokok pinjaman" tidak dapat dibaca: '
         'diharapkan jumlah rupiah seperti Rp 1.500.000, diberikan "sepuluh juta".'),
        ((None, 1.5, 12, "flat"), 'Nilai untuk "Pokok pinjaman" wajib diisi'),
        ((10_000_000, "", 12, "flat"), 'Nilai untuk "Bunga (% per bulan)" wajib diisi'),
        ((10_000_000, float("nan"), 12, "flat"), "wajib diisi"),
        ((True, 1.5, 12, "flat"), 'diberikan "True"'),
    ],
)  # fmt: skip
def test_bad_input_says_what_was_expected_and_what_was_given(args, expected):
    with pytest.raises(InputError) as caught:
        loan_schedule(*args)
    assert expected in str(caught.value)


def test_error_messages_follow_the_language():
    with pytest.raises(InputError) as caught:
        loan_schedule(10_000_000, 1.5, 0, "flat")
    assert caught.value.message("en") == (
        'The value for "Term (months)" is out of range: expected a whole number of months from 1 '
        'to 360, given "0".'
    )


# --- summaries and offers side by side ------------------------------------------------------


def test_loan_summary_and_compare_offers():
    s = loan_summary(loan_schedule(10_000_000, 1.5, 12, "flat"))
    assert (s.pokok_rp, s.bulan, s.total_bunga_rp, s.total_bayar_rp) == (
        10_000_000, 12, 1_800_000, 11_800_000,
    )  # fmt: skip
    assert (s.angsuran_pertama_rp, s.angsuran_terakhir_rp) == (983_333, 983_337)
    df = compare_offers(
        {
            "Koperasi A": dict(principal_rp=10_000_000, rate_pct=1.5, months=12, method="flat"),
            "Bank B": dict(principal_rp=10_000_000, rate_pct=1.5, months=12, method="anuitas"),
        }
    )
    assert df["penawaran"].tolist() == ["Koperasi A", "Bank B"]
    assert df["metode"].tolist() == ["flat", "anuitas"]
    # the same 1.5 % a month costs 1.8 million flat and 1,001,599 (12 x 916,800 - 10 million)
    # as an annuity: pmt(1.5 %, 12, 10 million) = 916,799.93
    assert round(npf.pmt(0.015, 12, -10_000_000)) == 916_800
    assert df["total_bunga_rp"].tolist() == [1_800_000, 1_001_599]
    assert df.loc[1, "efektif_bulan_pct"] == pytest.approx(1.5, abs=1e-4)
    with pytest.raises(InputError, match="bunga_pct"):
        compare_offers({"X": dict(principal_rp=1, bunga_pct=2, months=1, method="flat")})
    with pytest.raises(InputError):
        loan_summary(pd.DataFrame({"bulan": [1]}))


def test_monthly_irr_refuses_payments_that_do_not_repay():
    assert monthly_irr_pct(1_000_000, [1_000_000]) == pytest.approx(0, abs=1e-9)
    with pytest.raises(ValueError):
        monthly_irr_pct(1_000_000, [100_000] * 5)


def test_inputs_are_not_changed_and_names_are_re_exported():
    offers = {"A": dict(principal_rp=1_000_000, rate_pct=1, months=2, method="flat")}
    before = {k: dict(v) for k, v in offers.items()}
    compare_offers(offers)
    assert offers == before
    for name in loans_module.__all__:
        assert getattr(cooperative, name) is getattr(loans_module, name)
