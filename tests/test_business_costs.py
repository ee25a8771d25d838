"""Cost of goods (HPP): hand-worked batches, rounding, shares, the cost table, bad input."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desmigratif_kit import business
from desmigratif_kit.business import (
    BIAYA_SCHEMA,
    HargaPokok,
    biaya_dari_tabel,
    check_batch,
    cost_of_goods,
    penyusutan_per_bulan_rp,
)
from desmigratif_kit.core import i18n
from desmigratif_kit.core.data import read_table
from desmigratif_kit.core.i18n import InputError


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


def kemiri(**changes):
    """The candlenut-oil batch of the lesson (illustrative figures), written out here."""
    batch = {
        "nama": "Minyak kemiri",
        "satuan_hasil": "liter",
        "hasil_per_batch": 10,
        "isi_per_unit": 0.1,
        "nama_unit": "botol 100 ml",
        "batch_per_bulan": 4,
        "biaya": [
            {"kategori": "bahan", "nama": "Kemiri kupas", "jumlah": 3, "satuan": "kg",
             "harga_rp": 25_000, "dasar": "hasil"},
            {"kategori": "tenaga", "nama": "Upah", "jumlah": 16, "satuan": "jam",
             "harga_rp": 12_500},
            {"kategori": "energi", "nama": "Kayu bakar", "jumlah": 2, "harga_rp": 20_000},
            {"kategori": "energi", "nama": "Bensin", "jumlah": 2, "harga_rp": 10_000},
            {"kategori": "lain", "nama": "Kain saring", "jumlah": 1, "harga_rp": 10_000},
            {"kategori": "kemasan", "nama": "Botol", "jumlah": 1, "harga_rp": 4_000},
            {"kategori": "kemasan", "nama": "Label", "jumlah": 1, "harga_rp": 500},
            {"kategori": "tetap", "nama": "Sewa", "jumlah": 1, "harga_rp": 100_000},
            {"kategori": "penyusutan", "nama": "Alat press", "jumlah": 1, "harga_rp": 100_000},
        ],
    }  # fmt: skip
    return {**batch, **changes}


# --- hand-worked ---------------------------------------------------------------------------


def test_candlenut_oil_batch_worked_by_hand():
    hpp = cost_of_goods(kemiri())
    # 10 liters in 100 ml bottles: 10 / 0,1 = 100 bottles
    assert hpp.unit_per_batch == 100
    per_batch = {item.nama: item.per_batch_rp for item in hpp.rincian}
    assert per_batch == {
        "Kemiri kupas": 3 * 10 * 25_000,  # 3 kg per liter × 10 liters × Rp 25.000 = 750.000
        "Upah": 16 * 12_500,  # 200.000
        "Kayu bakar": 2 * 20_000,  # 40.000
        "Bensin": 2 * 10_000,  # 20.000
        "Kain saring": 10_000,
        "Botol": 100 * 4_000,  # one per bottle: 400.000
        "Label": 100 * 500,  # 50.000
        "Sewa": 100_000 // 4,  # Rp 100.000 a month over 4 batches: 25.000
        "Alat press": 100_000 // 4,  # 25.000
    }
    assert hpp.biaya_variabel_per_batch_rp == 750_000 + 200_000 + 60_000 + 10_000 + 450_000
    assert hpp.biaya_tetap_per_batch_rp == 50_000
    assert hpp.total_per_batch_rp == 1_520_000
    assert hpp.hpp_per_unit_rp == 1_520_000 / 100 == 15_200
    assert hpp.biaya_variabel_per_unit_rp == 14_700
    assert hpp.biaya_tetap_per_bulan_rp == 200_000
    assert hpp.penyusutan_per_bulan_rp == 100_000
    assert hpp.biaya_tetap_tunai_per_bulan_rp == 100_000
    # the contents of one liter, without packaging: (750 + 200 + 60 + 10) rb / 10 liters
    assert hpp.biaya_isi_per_hasil_rp == 102_000
    assert hpp.unit_per_bulan == 400
    assert i18n.format_rp(hpp.hpp_per_unit_rp) == "Rp 15.200"


def test_shares_add_up_to_100_and_follow_the_items():
    hpp = cost_of_goods(kemiri())
    assert sum(i.porsi_pct for i in hpp.rincian) == pytest.approx(100)
    kemiri_kupas = hpp.rincian[0]
    assert kemiri_kupas.porsi_pct == pytest.approx(750_000 / 1_520_000 * 100)  # 49,3%
    assert kemiri_kupas.per_unit_rp == 7_500
    table = hpp.per_kategori()
    assert list(table["kategori"]) == list(business.KATEGORI)  # every category present here
    assert dict(zip(table["kategori"], table["per_batch_rp"], strict=True)) == {
        "bahan": 750_000,
        "tenaga": 200_000,
        "energi": 60_000,
        "kemasan": 450_000,
        "lain": 10_000,
        "tetap": 25_000,
        "penyusutan": 25_000,
    }
    assert table["porsi_pct"].sum() == pytest.approx(100)
    assert list(hpp.tabel().columns)[:3] == ["kategori", "nama", "jumlah"]
    assert len(hpp.tabel()) == 9


def test_losses_and_the_bottle_that_is_not_full():
    # 10 liters with 2% lost: 9,8 liters = 98 bottles of 100 ml
    assert cost_of_goods(kemiri(susut_pct=2)).unit_per_batch == 98
    # 10 liters in 30 ml bottles: 333,3 bottles, the last one not full: 333
    assert cost_of_goods(kemiri(isi_per_unit=0.03)).unit_per_batch == 333
    # 0,1 × 3 is 0,30000000000000004 in floating point: still exactly 3 bottles of 0,1 l
    assert cost_of_goods(kemiri(hasil_per_batch=0.3)).unit_per_batch == 3


def test_packaging_follows_the_units_and_yield_follows_the_output():
    hpp = cost_of_goods(kemiri(hasil_per_batch=5))  # half the oil, half the bottles
    per_batch = {i.nama: i.per_batch_rp for i in hpp.rincian}
    assert hpp.unit_per_batch == 50
    assert per_batch["Kemiri kupas"] == 3 * 5 * 25_000  # 375.000
    assert per_batch["Botol"] == 50 * 4_000
    assert per_batch["Upah"] == 200_000  # per batch: the same


def test_fixed_costs_spread_over_the_batches_and_rounded_to_the_rupiah():
    # Rp 100.000 of rent over 3 batches: 33.333,33 → Rp 33.333 a batch
    hpp = cost_of_goods(kemiri(batch_per_bulan=3))
    assert {i.nama: i.per_batch_rp for i in hpp.rincian}["Sewa"] == 33_333
    assert hpp.biaya_tetap_per_batch_rp == 2 * 33_333
    assert hpp.biaya_tetap_per_bulan_rp == 200_000  # the month itself is not rounded away
    # a half: 0,5 × Rp 1 rounds up to Rp 1
    one = kemiri(biaya=[{"kategori": "bahan", "nama": "X", "jumlah": 0.5, "harga_rp": 1}])
    assert cost_of_goods(one).total_per_batch_rp == 1


def test_a_unit_that_is_the_whole_output_by_default():
    minyak = {"kategori": "bahan", "nama": "Minyak", "jumlah": 4, "harga_rp": 30_000}
    batch = {"nama": "Sabun", "satuan_hasil": "batang", "hasil_per_batch": 40,
             "batch_per_bulan": 2, "biaya": [minyak]}  # fmt: skip
    hpp = cost_of_goods(batch)
    assert (hpp.unit_per_batch, hpp.nama_unit, hpp.hpp_per_unit_rp) == (40, "batang", 3_000)
    unnamed = kemiri()
    del unnamed["nama_unit"]
    assert cost_of_goods(unnamed).nama_unit == "0,1 liter"


def test_numbers_typed_the_indonesian_way():
    batch = kemiri(hasil_per_batch="10", isi_per_unit="0,1", batch_per_bulan="4")
    batch["biaya"] = copy.deepcopy(batch["biaya"])
    batch["biaya"][0] = {**batch["biaya"][0], "harga_rp": "Rp 25.000", "jumlah": "3"}
    assert cost_of_goods(batch).total_per_batch_rp == 1_520_000


def test_input_is_not_changed_and_defaults_are_filled():
    batch = kemiri()
    del batch["isi_per_unit"]
    before = copy.deepcopy(batch)
    checked = check_batch(batch)
    cost_of_goods(batch)
    assert batch == before
    assert checked["isi_per_unit"] == 1 and checked["susut_pct"] == 0
    assert checked["biaya"][1]["dasar"] == "batch" and checked["biaya"][5]["dasar"] == "unit"
    assert checked["biaya"][7]["dasar"] == "bulan" and checked["ilustrasi"] is False
    json.dumps(checked)  # what an app saves


def test_penyusutan_per_bulan():
    assert penyusutan_per_bulan_rp(6_000_000, 60) == 100_000  # 6.000.000 / 60
    assert penyusutan_per_bulan_rp(12_000_000, 36) == 333_333  # 333.333,33
    with pytest.raises(InputError, match="Umur pakai"):
        penyusutan_per_bulan_rp(6_000_000, 0)


# --- JSON ----------------------------------------------------------------------------------


def test_result_round_trips_through_json():
    hpp = cost_of_goods(kemiri())
    saved = json.loads(json.dumps(hpp.to_dict()))
    assert HargaPokok.from_dict(saved) == hpp
    assert saved["rincian"][0]["nama"] == "Kemiri kupas"


def test_from_dict_refuses_unknown_and_missing_fields():
    saved = cost_of_goods(kemiri()).to_dict()
    with pytest.raises(InputError, match="tidak ditemukan"):
        HargaPokok.from_dict({**saved, "harga": 1})
    del saved["nama"]
    with pytest.raises(InputError, match="wajib diisi"):
        HargaPokok.from_dict(saved)


# --- bad input -----------------------------------------------------------------------------


def row(**changes):
    return {"kategori": "bahan", "nama": "Kemiri", "jumlah": 3, "harga_rp": 25_000, **changes}


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"hasil_per_batch": 0}, "Hasil per batch", "lebih dari 0"),
        ({"hasil_per_batch": -1}, "Hasil per batch", "lebih dari 0"),
        ({"hasil_per_batch": "sepuluh"}, "Hasil per batch", "tidak dapat dibaca"),
        ({"hasil_per_batch": True}, "Hasil per batch", "tidak dapat dibaca"),
        ({"hasil_per_batch": float("inf")}, "Hasil per batch", "tidak dapat dibaca"),
        ({"batch_per_bulan": 0}, "Batch per bulan", "lebih dari 0"),
        ({"isi_per_unit": 0}, "Isi per unit", "lebih dari 0"),
        ({"isi_per_unit": 20}, "Isi per unit", "paling banyak 10 liter"),
        ({"susut_pct": 100}, "Susut (%)", "kurang dari 100%"),
        ({"susut_pct": -5}, "Susut (%)", "paling sedikit 0%"),
        ({"nama": "  "}, "Nama", "wajib diisi"),
        ({"nama": None}, "Nama", "wajib diisi"),
        ({"biaya": []}, "Biaya", "paling sedikit satu baris biaya"),
        ({"biaya": "kemiri"}, "Biaya", "daftar"),
        ({"biaya": [row(harga_rp=-25_000)]}, "Biaya no. 1 (Kemiri): Harga satuan", "-Rp 25.000"),
        ({"biaya": [row(jumlah=-1)]}, "Biaya no. 1 (Kemiri): Jumlah", "paling sedikit 0"),
        ({"biaya": [row(kategori="modal")]}, "Biaya no. 1 (Kemiri): Kategori", '"modal"'),
        ({"biaya": [row(), row(nama="")]}, "Biaya no. 2: Nama", "wajib diisi"),
        ({"biaya": [row(harga="1")]}, "Biaya no. 1 (Kemiri): Kolom", '"harga"'),
        ({"biaya": [row(dasar="bulan")]}, "Biaya no. 1 (Kemiri): Dihitung", "batch, hasil, unit"),
        ({"biaya": [row(kategori="tetap", dasar="batch")]}, "Biaya no. 1 (Kemiri): Dihitung",
         'bulan, diberikan "batch"'),
        ({"biaya": [3]}, "Biaya no. 1", "dict"),
        ({"ilustrasi": "mungkin"}, "Angka ilustrasi", "ya atau tidak"),
    ],
)  # fmt: skip
def test_bad_input_names_the_field_what_was_expected_and_given(changes, field, words):
    with pytest.raises(InputError) as err:
        cost_of_goods(kemiri(**changes))
    text = str(err.value)
    assert f'"{field}' in text and words in text, text


def test_unknown_and_missing_keys():
    with pytest.raises(InputError, match='tidak ditemukan.*diberikan "harga_jual"'):
        cost_of_goods(kemiri(harga_jual=20_000))
    batch = kemiri()
    del batch["batch_per_bulan"]
    with pytest.raises(InputError, match='"Batch per bulan" wajib diisi'):
        cost_of_goods(batch)
    del batch["biaya"]
    with pytest.raises(InputError, match='"Biaya" wajib diisi: diharapkan daftar'):
        cost_of_goods({**batch, "batch_per_bulan": 4})
    with pytest.raises(InputError, match="Data batch produksi"):
        cost_of_goods(["bukan", "dict"])


def test_errors_follow_the_language():
    with pytest.raises(InputError) as err:
        cost_of_goods(kemiri(hasil_per_batch=0))
    assert err.value.message("en") == (
        'The value for "Yield per batch" is out of range: expected more than 0, given "0".'
    )


@given(
    hasil=st.integers(1, 500),
    isi_ml=st.sampled_from([30, 50, 100, 250, 1000]),
    harga=st.integers(0, 100_000),
    per_bulan=st.integers(1, 30),
)
def test_hpp_times_units_is_the_batch_total(hasil, isi_ml, harga, per_bulan):
    batch = kemiri(
        hasil_per_batch=hasil,
        isi_per_unit=isi_ml / 1000,
        batch_per_bulan=per_bulan,
        biaya=[row(harga_rp=harga, dasar="hasil"), row(kategori="tetap", harga_rp=harga)],
    )
    hpp = cost_of_goods(batch)
    assert hpp.unit_per_batch == hasil * 1000 // isi_ml  # whole bottles, exactly
    assert hpp.hpp_per_unit_rp * hpp.unit_per_batch == pytest.approx(hpp.total_per_batch_rp)
    assert hpp.total_per_batch_rp == sum(i.per_batch_rp for i in hpp.rincian)


# --- the cost table (editable table, Excel/CSV import) -------------------------------------


def test_cost_table_from_a_messy_csv():
    csv = (
        "Kategori;Nama;Jumlah;Satuan;Harga satuan;Dihitung\r\n"
        "Bahan baku;Kemiri kupas;3;kg;Rp 25.000;per liter hasil\r\n"
        "Tenaga kerja;Upah;16;jam;12.500;\r\n"
        ";;;;;\r\n"
        "Kemasan;Botol;1;botol;Rp 4.000,-;per botol\r\n"
        "Penyusutan alat;Alat press;1;bulan;100.000;per bulan\r\n"
    ).encode("cp1252")
    rows = biaya_dari_tabel(read_table(csv, BIAYA_SCHEMA, "biaya.csv"))
    assert [r["kategori"] for r in rows] == ["bahan", "tenaga", "kemasan", "penyusutan"]
    assert [r.get("dasar") for r in rows] == ["hasil", None, "unit", "bulan"]
    batch = kemiri(biaya=rows)
    hpp = cost_of_goods(batch)
    # 750.000 + 200.000 + 100 × 4.000 + 100.000 / 4
    assert hpp.total_per_batch_rp == 750_000 + 200_000 + 400_000 + 25_000


def test_cost_table_headers_in_english_too():
    csv = "Category,Name,Quantity,Unit price\nRaw materials,Candlenut,3,25000\n"
    rows = biaya_dari_tabel(read_table(csv.encode(), BIAYA_SCHEMA, "costs.csv"))
    assert rows == [{"kategori": "bahan", "nama": "Candlenut", "jumlah": 3.0, "harga_rp": 25000.0}]
