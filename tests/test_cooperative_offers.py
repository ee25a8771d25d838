"""Loan offers in plain words and which is cheaper (cooperative.offers), the saved forms read
back into the rules (cooperative.forms), and the pillar's Excel files (cooperative.workbooks)."""

from __future__ import annotations

import io

import numpy_financial as npf
import openpyxl
import pandas as pd
import pytest

from desmigratif_kit import cooperative
from desmigratif_kit.cooperative import (
    compare_offers,
    forms,
    kur_schedule,
    load_sample_ledger,
    loan_schedule,
    offer_explanation,
    offers_verdict,
    remittance_costs_by_corridor,
    shu_distribution,
    workbooks,
)
from desmigratif_kit.cooperative import offers as offers_module
from desmigratif_kit.core import i18n
from desmigratif_kit.core.i18n import InputError
from desmigratif_kit.core.tables import TableError


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


FLAT = dict(principal_rp=10_000_000, rate_pct=1.5, months=12, method="flat")
DECLINING = dict(principal_rp=10_000_000, rate_pct=1.5, months=12, method="menurun")
KUR = dict(principal_rp=25_000_000, rate_pct=6, months=24, method="anuitas", rate_period="tahun")


# --- offers in plain words ---------------------------------------------------------------------


def test_a_flat_offer_is_explained_with_its_effective_rate():
    # FACTS §4.2: 833.333 + 150.000 = 983.333 a month, Rp 1.800.000 interest, 2,64 % a month
    text = offer_explanation(FLAT)
    assert "Rp 983.333" in text and "Rp 1.800.000" in text
    assert "2,64% per bulan" in text and "1,76 kali" in text


def test_an_annuity_is_explained_on_the_balance_with_numpy_financial_instalment():
    instalment = round(-npf.pmt(0.06 / 12, 24, 25_000_000))  # 1.108.015
    text = offer_explanation(KUR)
    assert f"Angsuran {i18n.format_rp(instalment)} per bulan" in text
    assert "0,5% per bulan" in text and "6,17% per tahun" in text  # (1,005^12 - 1) = 6,17 %
    assert "Rp 1.592.366" in text  # FACTS §4.2 total interest


def test_a_declining_offer_says_the_instalment_falls():
    # first: 833.333 + 150.000; last: 833.333 + 12.500 (1,5 % of the 833.333 left)
    text = offer_explanation(DECLINING)
    assert "turun setiap bulan, dari Rp 983.333 sampai Rp 845.833" in text
    assert "Rp 975.000" in text  # 1,5 % x 10 juta x (12+11+...+1)/12 = 975.000


def test_a_free_loan_says_so():
    assert "Tanpa bunga" in offer_explanation({**DECLINING, "rate_pct": 0})
    assert "Tanpa bunga" in offer_explanation({**FLAT, "rate_pct": 0})


def test_explanations_follow_the_language():
    i18n.set_language("en")
    assert "on what is still owed" in offer_explanation(KUR)


def test_verdict_picks_the_lower_effective_rate_and_the_interest_saved():
    table = compare_offers({"Rentenir": FLAT, "Koperasi": DECLINING})
    text = offers_verdict(table)
    # 1.800.000 - 975.000 = 825.000
    assert text.startswith("Koperasi lebih murah")
    assert "Rp 825.000 lebih sedikit" in text and "2,64% per bulan" in text


def test_verdict_order_does_not_matter():
    one = offers_verdict(compare_offers({"A": FLAT, "B": DECLINING}))
    two = offers_verdict(compare_offers({"B": DECLINING, "A": FLAT}))
    assert one == two


def test_a_lower_headline_rate_can_be_dearer():
    # Bu Wati (lesson 4.4): 2 % flat costs 1.200.000, 3 % declining 975.000
    table = compare_offers(
        {
            "Rentenir": dict(principal_rp=5_000_000, rate_pct=2, months=12, method="flat"),
            "Koperasi": dict(principal_rp=5_000_000, rate_pct=3, months=12, method="menurun"),
        }
    )
    assert offers_verdict(table).startswith("Koperasi lebih murah")
    assert "Rp 225.000" in offers_verdict(table)


def test_different_loans_are_compared_by_effective_rate_only():
    table = compare_offers({"KUR PMI": KUR, "Rentenir": FLAT})
    text = offers_verdict(table)
    assert text.startswith("KUR PMI lebih murah")
    assert "bandingkan bunga efektifnya, bukan total bunganya" in text
    assert "lebih sedikit" not in text


def test_equal_offers_cost_the_same():
    assert "sama mahal" in offers_verdict(compare_offers({"A": FLAT, "B": dict(FLAT)}))


def test_verdict_needs_two_offers():
    with pytest.raises(InputError, match="paling sedikit dua penawaran"):
        offers_verdict(compare_offers({"A": FLAT}))


def test_bad_offers_are_refused_with_the_field():
    with pytest.raises(InputError, match="Jangka waktu"):
        offer_explanation({**FLAT, "months": 0})
    with pytest.raises(InputError, match="Bunga \\(% per bulan\\)"):
        offer_explanation({**FLAT, "rate_pct": 150})


def test_names_are_re_exported():
    for name in offers_module.__all__:
        assert getattr(cooperative, name) is getattr(offers_module, name)


# --- saved forms read back into the rules -----------------------------------------------------


def test_remittance_form_with_the_world_bank_cost_or_the_channels_own():
    form = forms.REMITANSI_AWAL["form"]
    biaya = forms.remittance_from_form(form)
    assert (biaya.negara, biaya.periode, biaya.biaya_pct) == ("Malaysia", "2020Q3", 5.3914)
    own = forms.remittance_from_form({**form, "negara": "Hong Kong", "biaya_pct": "2,5"})
    assert own.biaya == 75_000 and own.sumber == "manual"  # 3.000.000 x 2,5 %
    yearly = forms.remittance_from_form({**form, "periode": "2019"})
    assert yearly.periode == "2019" and round(yearly.biaya_pct, 2) == 4.73  # FACTS §2.2 annual mean


def test_uncovered_country_without_a_cost_says_what_to_do():
    with pytest.raises(InputError, match="isi sendiri persentase biayanya"):
        forms.remittance_from_form({"negara": "Taiwan", "jumlah": "1.000.000"})


def test_times_default_to_monthly_and_are_checked():
    assert forms.times_from_form({}) == 12
    with pytest.raises(InputError, match="Kali kirim per tahun"):
        forms.times_from_form({"kali": "0"})


def test_plan_uses_what_the_family_receives_unless_a_monthly_amount_is_given():
    form = forms.REMITANSI_AWAL["form"]
    plan = forms.plan_from_form(form)
    # 3.000.000 - 161.742 = 2.838.258 a month, 24 months
    assert int(plan["total_rp"].iloc[0]) == 2_838_258 and len(plan) == 24
    own = forms.plan_from_form({**form, "bulanan": "2.000.000", "bulan": "12"})
    assert own.iloc[-1]["tabungan_rp"] == 12 * 400_000  # 20 % of 2.000.000


def test_plan_shares_must_add_up_to_100():
    form = dict(forms.REMITANSI_AWAL["form"])
    form["pos"] = {"kebutuhan": "50", "tabungan": "20", "pendidikan": "15", "usaha": "10"}
    with pytest.raises(InputError, match='"95%'):
        forms.plan_from_form(form)


def test_offer_forms_become_loan_arguments():
    a = forms.offer_from_form(forms.PINJAMAN_AWAL["a"])
    assert a == dict(principal_rp="10.000.000", rate_pct="1,5", months="12", method="flat",
                     rate_period="bulan")  # fmt: skip
    assert loan_schedule(**a)["bunga"].sum() == 1_800_000


def test_a_kur_offer_takes_the_kur_terms_and_limits():
    kur = forms.offer_from_form({"jenis": "kur", "pokok": "25.000.000", "bulan": "24",
                                 "bunga": "99", "metode": "flat"})  # fmt: skip
    assert (kur["rate_pct"], kur["rate_period"], kur["method"]) == (6.0, "tahun", "anuitas")
    assert loan_schedule(**kur).equals(kur_schedule(25_000_000, 24))
    with pytest.raises(InputError, match="1 sampai 36 bulan"):
        forms.offer_from_form({"jenis": "kur", "pokok": "25.000.000", "bulan": "48"})


def test_offer_names_default_by_letter_and_language():
    assert forms.offer_name({"nama": "  Bank Desa "}, "a") == "Bank Desa"
    assert forms.offer_name({}, "b") == "Penawaran B"
    assert forms.offer_name({"jenis": "kur"}, "b", "en") == "KUR PMI"
    assert forms.offer_name({}, "a", "en") == "Offer A"


def test_kur_answers_take_amount_and_term_from_the_offer():
    answers = forms.kur_answers_from_form({"pokok": "60.000.000", "bulan": "30"},
                                          {"ektp": True, "npwp": ""})  # fmt: skip
    assert answers["jumlah_pinjaman_rp"] == "60.000.000" and answers["jangka_bulan"] == "30"
    assert answers["ektp"] is True and answers["npwp"] is None


def test_shu_members_from_saved_records():
    members = forms.shu_members_from_records(
        [{"nama": "Siti", "simpanan_rp": "2.000.000", "transaksi_rp": 5_000_000}, "rusak"]
    )
    assert members.values.tolist() == [["Siti", 2_000_000.0, 5_000_000.0]]
    with pytest.raises(TableError, match='baris 1, kolom "Transaksi"'):
        forms.shu_members_from_records([{"nama": "Siti", "simpanan_rp": 1, "transaksi_rp": "x"}])


# --- Excel files, opened with openpyxl ---------------------------------------------------------


def _sheet(content: bytes, title: str):
    return openpyxl.load_workbook(io.BytesIO(content))[title]


def test_loans_workbook_has_the_comparison_and_each_schedule():
    table = compare_offers({"Rentenir": FLAT, "Koperasi": DECLINING})
    content = workbooks.loans_workbook(
        table, {"Rentenir": loan_schedule(**FLAT), "Koperasi": loan_schedule(**DECLINING)}
    )
    book = openpyxl.load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["Perbandingan", "Jadwal Rentenir", "Jadwal Koperasi"]
    comparison = book["Perbandingan"]
    headers = [c.value for c in comparison[2]]
    assert headers[:5] == ["Penawaran", "Cara menghitung bunga", "Bunga", "Jangka waktu (bulan)",
                           "Pokok pinjaman"]  # fmt: skip
    assert comparison["C3"].value == "1,5% per bulan"
    assert comparison["E3"].value == 10_000_000 and comparison["E3"].number_format == '"Rp" #,##0'
    assert comparison["H3"].value == 1_800_000 and comparison["H4"].value == 975_000
    assert comparison["J3"].number_format == '0.0#"%"'
    assert round(comparison["J3"].value, 2) == 2.64
    schedule = book["Jadwal Rentenir"]
    assert schedule["A15"].value == "Jumlah"  # note, header, 12 months, totals
    assert schedule["B15"].value == 10_000_000 and schedule["C15"].value == 1_800_000
    assert schedule.freeze_panes == "A3"


def test_shu_workbook_totals_add_up_to_the_members_part():
    members = cooperative.ledger_to_shu_members(load_sample_ledger())
    result = shu_distribution(members, 3_000_000, 20, 25)
    sheet = _sheet(workbooks.shu_workbook(result, 3_000_000, 20, 25), "Pembagian SHU")
    last = 2 + len(result) + 1
    assert sheet[f"A{last}"].value == "Jumlah"
    assert sheet[f"F{last}"].value == 1_350_000  # 3.000.000 x (20 % + 25 %)
    assert sum(sheet[f"F{r}"].value for r in range(3, last)) == 1_350_000
    assert "Rp 3.000.000" in sheet["A1"].value and "20%" in sheet["A1"].value
    assert sheet["B3"].number_format == '"Rp" #,##0'


def test_ledger_workbook_has_row_totals_and_the_checks():
    ledger = load_sample_ledger()
    content = workbooks.ledger_workbook(ledger, [], catatan="Buku anggota contoh")
    sheet = _sheet(content, "Buku anggota")
    headers = [c.value for c in sheet[2]]
    assert headers[:7] == ["No. Anggota", "Nama", "Simpanan pokok", "Simpanan wajib",
                           "Simpanan sukarela", "Jumlah simpanan", "Sisa pinjaman"]  # fmt: skip
    # first sample member: 100.000 + 450.000 + 250.000 = 800.000
    assert sheet["F3"].value == 800_000
    total_row = 2 + len(ledger) + 1
    assert sheet[f"F{total_row}"].value == 14_890_000  # all savings of the sample
    assert sheet["I3"].number_format == "DD/MM/YYYY" and sheet["I3"].value.year == 2023
    checks = _sheet(content, "Pemeriksaan")
    assert checks["B2"].value == "Semua jumlah cocok."


def test_remittance_workbook_writes_every_corridor_and_the_plan():
    corridors = remittance_costs_by_corridor("2020Q3")
    plan = forms.plan_from_form(forms.REMITANSI_AWAL["form"])
    content = workbooks.remittance_workbook(corridors, plan, catatan="Pak Yosef")
    costs = _sheet(content, "Biaya kirim")
    assert "Bank Dunia" in costs["A1"].value and "Pak Yosef" in costs["A1"].value
    rows = {costs[f"A{r}"].value: costs[f"C{r}"].value for r in range(3, 3 + len(corridors))}
    assert rows["Singapura"] == pytest.approx(2.9397) and costs["B3"].value == "triwulan III 2020"
    planned = _sheet(content, "Rencana kiriman")
    assert [c.value for c in planned[2]][:3] == ["Bulan ke-", "Kebutuhan sehari-hari", "Tabungan"]
    assert planned["F26"].value == 24 * 2_838_258  # note, header, 24 months


def test_workbooks_follow_the_language():
    i18n.set_language("en")
    table = compare_offers({"A": FLAT, "B": DECLINING})
    book = openpyxl.load_workbook(io.BytesIO(workbooks.loans_workbook(table, {})))
    assert book.sheetnames == ["Comparison"]
    assert book["Comparison"]["A2"].value == "Offer"


def test_workbooks_leave_the_tables_unchanged():
    table = compare_offers({"A": FLAT, "B": DECLINING})
    before = table.copy()
    workbooks.loans_workbook(table, {})
    pd.testing.assert_frame_equal(table, before)
