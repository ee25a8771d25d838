"""Pillar 2 rules added for the apps: the price read both ways, break-even after a channel fee
and in words, the cost table out to Excel and back, the example check, a plan with the
participant's own figures, the Excel workbooks and the tables for people.

Worked examples use the illustrative candlenut oil (HPP Rp 15.200 per 100 ml bottle:
Rp 1.520.000 per batch of 100 bottles) and cocoa oil (HPP Rp 25.900), the arithmetic written
out in each test."""

from __future__ import annotations

import io
import json

import openpyxl
import pytest

from desmigratif_kit import business
from desmigratif_kit.business import (
    BIAYA_SCHEMA,
    analisis_harga,
    biaya_dari_tabel,
    biaya_ke_tabel,
    break_even,
    break_even_channel,
    compare_scenarios,
    contoh_produk,
    cost_of_goods,
    harga_bersih_rp,
    hpp_xlsx,
    label_dasar,
    pasangan_berharga,
    produk_disesuaikan,
    rencana_usaha,
    rencana_xlsx,
    sama_dengan_contoh,
    tabel_arus_kas,
    tabel_biaya,
    tabel_rincian,
    tabel_skenario,
    titik_impas_xlsx,
)
from desmigratif_kit.core import i18n
from desmigratif_kit.core.data import read_table
from desmigratif_kit.core.excel import workbook
from desmigratif_kit.core.i18n import InputError


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


def kemiri():
    return contoh_produk("minyak_kemiri")


# --------------------------------------------------------------------------- pricing


def test_one_percentage_read_as_margin_and_as_markup():
    a = analisis_harga(15_200, 30)
    # margin: 15.200 / 0,70 = 21.714,29 -> up to 21.715; profit 6.515 = 30% of 21.715
    assert a.harga_margin_rp == 21_715 and a.laba_margin_rp == 6_515
    assert round(a.markup_margin_pct, 1) == 42.9  # 6.515 / 15.200
    # markup: 15.200 × 1,30 = 19.760; profit 4.560 is only 23,1% of 19.760
    assert a.harga_markup_rp == 19_760 and a.laba_markup_rp == 4_560
    assert round(a.margin_markup_pct, 1) == 23.1
    assert a.harga_rencana_rp is None and not a.rugi


def test_a_planned_price_has_its_profit_margin_and_markup():
    a = analisis_harga(15_200, 30, kelipatan_rp=500, harga_rencana_rp="Rp 19.000")
    assert a.harga_margin_rp == 22_000  # 21.714,29 rounded up to Rp 500
    assert (a.laba_rencana_rp, a.margin_rencana_pct, a.markup_rencana_pct) == (3_800, 20, 25)
    below = analisis_harga(15_200, 30, harga_rencana_rp=14_000)
    assert below.rugi and below.laba_rencana_rp == -1_200


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"persen": 100}, "kurang dari 100%"),
        ({"persen": -5}, "paling sedikit 0%"),
        ({"persen": 30, "harga_rencana_rp": -5_000}, "lebih dari Rp 0"),
        ({"persen": 30, "harga_rencana_rp": "lima ribu"}, "Harga jual yang Anda pakai"),
    ],
)
def test_price_analysis_refuses_what_cannot_be(kwargs, words):
    with pytest.raises(InputError, match=words):
        analisis_harga(15_200, **kwargs)


def test_net_price_after_the_channel_fee():
    assert harga_bersih_rp(32_000, 8) == 29_440  # 32.000 − 2.560
    assert harga_bersih_rp(32_000) == 32_000
    with pytest.raises(InputError, match="kurang dari 100%"):
        harga_bersih_rp(32_000, 100)


# --------------------------------------------------------------------------- break-even


def test_break_even_after_the_marketplace_fee():
    titik = break_even_channel(250_000, 32_000, 16_700, 8)
    # net price 29.440; contribution 12.740; 250.000 / 12.740 = 19,6 -> 20 bottles
    assert titik.harga_rp == 29_440 and titik.kontribusi_per_unit_rp == 12_740
    assert titik.unit_per_bulan == 20 and titik.pendapatan_per_bulan_rp == 20 * 29_440
    assert break_even_channel(250_000, 32_000, 16_700) == break_even(250_000, 32_000, 16_700)


def test_a_fee_that_eats_the_contribution_is_explained():
    # 18.000 less 8% = 16.560, below the variable cost of 16.700
    with pytest.raises(InputError) as err:
        break_even_channel(250_000, 18_000, 16_700, 8)
    text = str(err.value)
    assert "Rp 16.560" in text and "Rp 16.700" in text and "Rp 18.000" in text and "8%" in text


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((250_000, 0, 16_700), "lebih dari Rp 0"),  # zero price
        ((250_000, -5_000, 16_700), "-Rp 5.000"),  # negative price
        ((250_000, 16_000, 16_700), "Rp 16.700 (biaya variabel"),  # below the variable cost
        ((-1, 32_000, 16_700), "Biaya tetap"),
    ],
)
def test_break_even_bad_input(args, words):
    with pytest.raises(InputError, match=words.replace("(", r"\(")):
        break_even_channel(*args)


def test_break_even_in_words_and_a_month_at_any_volume():
    titik = break_even(250_000, 29_440, 16_700)
    sentence = titik.kalimat("botol")
    assert "20 botol sebulan" in sentence and "Rp 588.800" in sentence
    assert "Rp 12.740" in sentence  # 29.440 − 16.700
    # 40 bottles: 40 × 12.740 − 250.000 = 259.600; none sold: the fixed costs are lost
    assert titik.kalimat_laba(40, "botol") == "Terjual 40 botol sebulan: laba Rp 259.600."
    assert "rugi Rp 250.000" in titik.kalimat_laba(0, "botol")
    exact = break_even(300_000, 20_000, 14_000)  # 300.000 / 6.000 = 50 exactly
    assert "tepat impas" in exact.kalimat_laba(50, "botol")
    assert "Tanpa biaya tetap" in break_even(0, 25_000, 14_700).kalimat("botol")
    assert "Break-even" in titik.kalimat("bottle", lang="en")


# --------------------------------------------------------------------------- cost table


def test_cost_table_out_to_excel_and_back_reads_the_same_rows():
    batch = kemiri()["batch"]
    for lang in i18n.LANGUAGES:
        table = biaya_ke_tabel(batch, lang)
        headers = [i18n.text_or_key(c.title, lang) for c in BIAYA_SCHEMA.columns]
        data = workbook([business.laporan.Lembar("Biaya", table, list(BIAYA_SCHEMA.columns))])
        back = biaya_dari_tabel(read_table(data, BIAYA_SCHEMA, "biaya.xlsx"))
        assert cost_of_goods({**batch, "biaya": back}).hpp_per_unit_rp == 15_200, lang
        checked = business.check_batch(batch)["biaya"]
        assert [(r["kategori"], r["dasar"]) for r in back] == [
            (r["kategori"], r["dasar"]) for r in checked
        ], lang
        assert headers[0] in ("Kategori", "Category")


def test_dasar_labels_name_the_unit_of_yield():
    assert label_dasar("hasil", "kg") == "per kg hasil"
    assert label_dasar("hasil", "", lang="en") == "per unit of yield"
    assert label_dasar("bulan") == "per bulan"


# --------------------------------------------------------------------------- examples and plans


def test_a_batch_is_the_example_until_a_figure_changes():
    batch = kemiri()["batch"]
    assert sama_dengan_contoh(batch) == "minyak_kemiri"
    renamed = {**batch, "nama": "Minyak kemiri Ibu Maria"}  # a name is not a figure
    assert sama_dengan_contoh(renamed) == "minyak_kemiri"
    batch["biaya"][1]["harga_rp"] = 15_000  # the village's own wage
    assert sama_dengan_contoh(batch) is None


def test_priced_pairs_follow_the_product():
    pairs = pasangan_berharga(kemiri())
    assert pairs == {
        "jeriken_5l": ["pasar_desa", "koperasi"],
        "botol_100ml": ["pasar_desa", "toko_oleh_oleh", "marketplace", "koperasi"],
        "botol_30ml_label": ["pasar_desa", "toko_oleh_oleh", "marketplace", "koperasi"],
    }


def test_a_plan_with_the_participants_own_figures():
    p = produk_disesuaikan(
        kemiri(), "botol_100ml", "marketplace", harga_rp=35_000, laku_per_bulan=100,
        modal_awal_rp=8_000_000, investasi_rp=0,
    )  # fmt: skip
    assert kemiri()["harga"]["botol_100ml"]["marketplace"] == 32_000  # the example unchanged
    r = rencana_usaha(p, "botol_100ml", "marketplace")
    # 35.000 less 8% = 32.200; contribution 32.200 − 16.700 = 15.500; 100 a month
    assert r.skenario.kontribusi_per_unit_rp == 15_500 and r.skenario.unit_per_bulan == 100
    assert r.arus_kas.modal_awal_rp == 8_000_000 and r.arus_kas.total_investasi_rp == 0
    assert r.ringkasan()["kode_kemasan"] == "botol_100ml"
    assert r.ringkasan()["modal_kurang_rp"] == 0


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"harga_rp": 0}, "Harga jual per unit"),
        ({"laku_per_bulan": -3}, "Laku per bulan"),
        ({"laku_per_bulan": 12.5}, "Laku per bulan"),
        ({"modal_awal_rp": -1}, "Modal awal"),
        ({"investasi_rp": -1}, "Harga alat"),
    ],
)
def test_own_figures_are_checked_by_name(kwargs, words):
    with pytest.raises(InputError, match=words):
        produk_disesuaikan(kemiri(), "botol_100ml", "marketplace", **kwargs)


def test_an_unpriced_pair_cannot_be_planned():
    with pytest.raises(InputError, match="jeriken_5l × marketplace"):
        produk_disesuaikan(kemiri(), "jeriken_5l", "marketplace")


# --------------------------------------------------------------------------- Excel workbooks


def _book(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def test_hpp_workbook_headers_formats_values_and_note():
    batch = kemiri()["batch"]
    hpp = cost_of_goods(batch)
    book = _book(hpp_xlsx(batch, hpp, analisis_harga(hpp.hpp_per_unit_rp, 30, 1, 25_000)))
    assert book.sheetnames == ["Biaya", "Rincian HPP", "Harga jual"]
    biaya = book["Biaya"]
    assert [c.value for c in biaya[1]] == [
        "Kategori", "Nama", "Jumlah", "Satuan", "Harga satuan", "Dihitung",
    ]  # fmt: skip
    assert [c.value for c in biaya[2]] == [
        "Bahan baku", "Kemiri kupas", 3, "kg", 25_000, "per liter hasil",
    ]  # fmt: skip
    assert biaya["E2"].number_format == '"Rp" #,##0'
    rincian = book["Rincian HPP"]
    assert rincian["A1"].value.startswith("HPP Minyak kemiri: Rp 15.200 per botol 100 ml.")
    assert "ilustrasi" in rincian["A1"].value
    assert [c.value for c in rincian[2]] == [
        "Kategori", "Nama", "Per batch", "Per unit", "Porsi dari HPP",
    ]  # fmt: skip
    total = rincian[rincian.max_row]
    # 750.000 + 200.000 + 40.000 + 20.000 + 10.000 + 400.000 + 50.000 + 25.000 + 25.000
    assert total[0].value == "Jumlah" and total[2].value == 1_520_000
    assert total[3].value == 15_200 and total[3].number_format == '"Rp" #,##0'
    harga = book["Harga jual"]
    rows = [[c.value for c in r] for r in harga.iter_rows(min_row=3)]
    assert rows[0][:3] == ["Margin 30% dari harga jual", 21_715, 6_515]
    assert rows[1][:3] == ["Markup 30% dari HPP", 19_760, 4_560]
    assert rows[1][3] == pytest.approx(23.08, abs=0.01)
    assert rows[2][:3] == ["Harga yang Anda pakai", 25_000, 9_800]
    assert harga["D3"].number_format == '0.0#"%"'


def test_hpp_workbook_first_sheet_imports_again():
    batch = kemiri()["batch"]
    data = hpp_xlsx(batch, cost_of_goods(batch))
    rows = biaya_dari_tabel(read_table(data, BIAYA_SCHEMA, "hpp-minyak-kemiri.xlsx"))
    assert cost_of_goods({**batch, "biaya": rows}).total_per_batch_rp == 1_520_000


def test_break_even_workbook():
    sheet = _book(titik_impas_xlsx(break_even(250_000, 29_440, 16_700), "botol", 40)).active
    assert sheet.title == "Titik impas"
    assert sheet["A1"].value.startswith("Titik impas: jual paling sedikit 20 botol")
    row = {c.value: i for i, c in enumerate(sheet[2])}
    assert list(row) == ["Terjual per bulan", "Pendapatan", "Biaya total", "Laba (rugi: minus)"]
    values = [[c.value for c in r] for r in sheet.iter_rows(min_row=3)]
    assert len(values) == 41  # 0 .. 40 bottles
    assert values[0] == [0, 0, 250_000, -250_000]
    assert values[20] == [20, 588_800, 584_000, 4_800]  # 20 × 29.440; 250.000 + 20 × 16.700
    assert sheet["D3"].number_format == '"Rp" #,##0'


def test_plan_workbook_months_summary_and_pairs():
    p = kemiri()
    r = rencana_usaha(p, "botol_100ml", "marketplace", tahun_mulai=2027)
    semua = compare_scenarios(p["batch"], p["kemasan"], p["saluran"], p["harga"],
                              p["laku_per_bulan"])  # fmt: skip
    book = _book(rencana_xlsx(r, semua))
    assert book.sheetnames == ["Arus kas", "Ringkasan", "Kemasan dan saluran"]
    kas = book["Arus kas"]
    assert kas["A1"].value.startswith("Modal investasi Rp 6.000.000 kembali pada bulan ke-5")
    header = [c.value for c in kas[2]]
    assert header[:3] == ["Bulan ke-", "Bulan", "Unit terjual"] and header[-1] == "Saldo kas"
    first = [c.value for c in kas[3]]
    # January: 108 bottles (120 × 90%); 108 × 32.000 = 3.456.000 less 8% = 3.179.520 in
    assert first[:4] == [1, "Januari 2027", 108, 3_456_000] and first[5] == 3_179_520
    assert first[-1] == 5_225_920 and kas["L3"].number_format == '"Rp" #,##0'
    total = [c.value for c in kas[15]]
    assert total[0] == "Jumlah" and total[8] == 6_000_000  # the press, once
    summary = {row[0].value: row[1].value for row in book["Ringkasan"].iter_rows(min_row=3)}
    assert summary["HPP per unit"] == "Rp 15.200"
    assert summary["Peringkat"] == "peringkat 2 dari 10 pilihan kemasan × saluran"
    pairs = book["Kemasan dan saluran"]
    assert [c.value for c in pairs[3]][:3] == [
        1,
        "Botol 30 ml berlabel",
        "Toko oleh-oleh (titip jual)",
    ]
    assert pairs["I3"].value == 1_382_000


def test_workbooks_in_english_have_english_headers():
    batch = contoh_produk("minyak_kemiri", lang="en")["batch"]
    book = _book(hpp_xlsx(batch, cost_of_goods(batch), lang="en"))
    assert book.sheetnames[:2] == ["Costs", "Cost breakdown"]
    assert [c.value for c in book["Costs"][2]][0] == "Raw materials"


# --------------------------------------------------------------------------- tables for people


def test_tables_for_people_are_written_the_indonesian_way_and_narrow():
    p = kemiri()
    assert tabel_biaya(p["batch"]).df.columns.tolist() == [
        "Nama", "Jumlah", "Harga satuan", "Dihitung",
    ]  # fmt: skip
    rincian = tabel_rincian(cost_of_goods(contoh_produk("minyak_kakao")["batch"])).df
    assert rincian.iloc[0].tolist() == ["Biji kakao kering", "Rp 800.000", "Rp 16.000", "61,8%"]
    semua = compare_scenarios(p["batch"], p["kemasan"], p["saluran"], p["harga"],
                              p["laku_per_bulan"])  # fmt: skip
    ordered = tabel_skenario(semua, urutan=(p["kemasan"], p["saluran"])).df
    assert ordered.iloc[0, 0] == "Jeriken 5 liter (curah) · Pasar desa"  # not the best first
    assert len(ordered.columns) == 4 and "Laba sebulan (Rp)" not in ordered.columns
    best = tabel_skenario(semua, laba=True).df
    assert best.iloc[0].tolist()[-1] == "1.382.000"
    kas = tabel_arus_kas(rencana_usaha(p, "botol_100ml", "marketplace", tahun_mulai=2027))
    assert kas.df.iloc[4].tolist() == ["Mei 2027", "3.532.800", "2.154.000", "10.282.480"]
    html = kas._repr_html_()
    assert "overflow-x:auto" in html and "Saldo (Rp)" in html


def test_summary_of_a_plan_is_json_and_names_its_codes():
    r = rencana_usaha(kemiri(), "botol_100ml", "koperasi")
    summary = r.ringkasan()
    json.dumps(summary)
    assert (summary["kode_kemasan"], summary["kode_saluran"]) == ("botol_100ml", "koperasi")
    assert summary["modal_kurang_rp"] == 0 and summary["saldo_akhir_rp"] > 0
