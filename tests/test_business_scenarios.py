"""Packaging × sales channel: every pair worked by hand, ranking, capacity and demand, bad
input, and the hand-over to the cash-flow plan."""

from __future__ import annotations

import copy
import json

import pytest

from desmigratif_kit.business import (
    PerbandinganSkenario,
    compare_scenarios,
    contoh_produk,
    cost_of_goods,
)
from desmigratif_kit.core import i18n
from desmigratif_kit.core.i18n import InputError


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


@pytest.fixture
def kemiri():
    return contoh_produk("minyak_kemiri")


def compare(p, **changes):
    args = {k: p[k] for k in ("batch", "kemasan", "saluran", "harga", "laku_per_bulan")}
    return compare_scenarios(**{**args, **changes})


def test_every_pair_of_the_candlenut_oil_worked_by_hand(kemiri):
    hasil = compare(kemiri)
    # one liter of oil, before bottling: Rp 102.000 (see test_business_costs); the month's fixed
    # costs Rp 200.000 (rent 100.000 + depreciation 100.000); production 4 × 10 = 40 liters
    expected = {
        # (packaging, channel): (contribution per unit, units a month, profit a month)
        # jerrycan 5 l: contents 5 × 102.000 + jerrycan 15.000 = 525.000
        ("jeriken_5l", "pasar_desa"): (600_000 - 525_000, 4, 4 * 75_000 - 200_000 - 40_000),
        ("jeriken_5l", "koperasi"): (
            650_000 - 650_000 * 5 // 100 - 525_000,  # 92.500
            8,  # demand 8, production 40 / 5 = 8
            8 * 92_500 - 200_000,
        ),
        # 100 ml bottle: 0,1 × 102.000 + 4.500 = 14.700
        ("botol_100ml", "pasar_desa"): (20_000 - 14_700, 60, 60 * 5_300 - 240_000),
        ("botol_100ml", "toko_oleh_oleh"): (
            30_000 - 6_000 - 14_700,  # the shop keeps 20%
            80,
            80 * 9_300 - 250_000,
        ),
        ("botol_100ml", "marketplace"): (
            32_000 - 2_560 - 14_700 - 2_000,  # 8% fee, Rp 2.000 packing
            120,
            120 * 12_740 - 250_000,
        ),
        ("botol_100ml", "koperasi"): (22_000 - 1_100 - 14_700, 150, 150 * 6_200 - 200_000),
        # 30 ml bottle with label: 0,03 × 102.000 + 3.500 = 6.560
        ("botol_30ml_label", "pasar_desa"): (8_000 - 6_560, 100, 100 * 1_440 - 240_000),
        ("botol_30ml_label", "toko_oleh_oleh"): (
            15_000 - 3_000 - 6_560,
            300,
            300 * 5_440 - 250_000,
        ),
        ("botol_30ml_label", "marketplace"): (
            15_000 - 1_200 - 6_560 - 2_000,
            250,
            250 * 5_240 - 250_000,
        ),
        ("botol_30ml_label", "koperasi"): (9_000 - 450 - 6_560, 300, 300 * 1_990 - 200_000),
    }
    found = {
        (s.kemasan, s.saluran): (
            pytest.approx(s.kontribusi_per_unit_rp),
            s.unit_per_bulan,
            s.laba_per_bulan_rp,
        )
        for s in hasil.skenario
    }
    assert found == expected
    ranking = [(s.kemasan, s.saluran) for s in hasil.skenario]
    assert ranking[:3] == [
        ("botol_30ml_label", "toko_oleh_oleh"),  # 1.382.000
        ("botol_100ml", "marketplace"),  # 1.278.800
        ("botol_30ml_label", "marketplace"),  # 1.060.000
    ]
    assert ranking[-1] == ("botol_30ml_label", "pasar_desa")  # -96.000: a loss
    assert [s.peringkat for s in hasil.skenario] == list(range(1, 11))
    assert not hasil.skenario[-1].untung and hasil.terbaik.untung


def test_the_biggest_profit_per_unit_is_not_the_biggest_profit_per_month(kemiri):
    hasil = compare(kemiri)
    per_unit = max(hasil.skenario, key=lambda s: s.kontribusi_per_unit_rp)
    assert (per_unit.kemasan, per_unit.saluran) == ("jeriken_5l", "koperasi")
    assert per_unit.peringkat > 1
    assert hasil.terbaik.laba_per_unit_rp == pytest.approx(1_382_000 / 300)  # Rp 4.607


def test_fixed_costs_and_depreciation_of_a_pair(kemiri):
    s = compare(kemiri).pilih("botol_100ml", "marketplace")
    assert s.biaya_tetap_per_bulan_rp == 200_000 + 50_000  # batch (with depreciation) + channel
    assert s.biaya_tetap_tunai_per_bulan_rp == 250_000 - 100_000
    assert (s.harga_rp, s.potongan_pct, s.harga_bersih_rp) == (32_000, 8, 29_440)
    assert (s.biaya_isi_rp, s.biaya_kemasan_rp, s.biaya_saluran_per_unit_rp) == (
        10_200,
        4_500,
        2_000,
    )
    assert s.biaya_variabel_per_unit_rp == 16_700


def test_capacity_limits_what_is_sold(kemiri):
    # without demand figures, all that 4 batches of 10 liters make is sold
    hasil = compare(kemiri, laku_per_bulan=None)
    s = hasil.pilih("botol_30ml_label", "koperasi")
    assert s.kapasitas_unit_per_bulan == 1_333  # 40 liters / 0,03 = 1.333,3
    assert s.laku_unit_per_bulan is None and s.unit_per_bulan == 1_333
    # demand above capacity is capped
    laku = copy.deepcopy(kemiri["laku_per_bulan"])
    laku["jeriken_5l"]["koperasi"] = 50
    assert compare(kemiri, laku_per_bulan=laku).pilih("jeriken_5l", "koperasi").unit_per_bulan == 8


def test_losses_lower_the_capacity(kemiri):
    batch = {**kemiri["batch"], "susut_pct": 10}
    s = compare(kemiri, batch=batch, laku_per_bulan=None).pilih("jeriken_5l", "pasar_desa")
    assert s.kapasitas_unit_per_bulan == 7  # 36 liters / 5 = 7,2
    hpp = cost_of_goods(batch)
    assert hpp.biaya_isi_per_hasil_rp == pytest.approx(1_020_000 / 9)  # 9 liters sold a batch


def test_a_result_from_cost_of_goods_is_accepted(kemiri):
    hpp = cost_of_goods(kemiri["batch"])
    assert compare(kemiri, batch=hpp) == compare(kemiri)


def test_zero_demand_and_ties(kemiri):
    laku = copy.deepcopy(kemiri["laku_per_bulan"])
    laku["jeriken_5l"]["pasar_desa"] = 0
    s = compare(kemiri, laku_per_bulan=laku).pilih("jeriken_5l", "pasar_desa")
    assert s.unit_per_bulan == 0 and s.laba_per_unit_rp is None
    assert s.laba_per_bulan_rp == -240_000  # the fixed costs still come
    # equal profit: the larger contribution per unit first, then the order given
    batch = {"nama": "X", "satuan_hasil": "liter", "hasil_per_batch": 10, "batch_per_bulan": 1,
             "biaya": [{"kategori": "bahan", "nama": "A", "jumlah": 1, "harga_rp": 0}]}  # fmt: skip
    kemasan = {"a": {"nama": "A", "isi_per_unit": 1, "biaya_per_unit_rp": 0}}
    saluran = {"x": {"nama": "X"}, "y": {"nama": "Y"}, "z": {"nama": "Z"}}
    hasil = compare_scenarios(
        batch,
        kemasan,
        saluran,
        {"a": {"x": 100, "y": 200, "z": 100}},
        {"a": {"x": 2, "y": 1, "z": 2}},
    )
    assert [s.saluran for s in hasil.skenario] == ["y", "x", "z"]


def test_prices_left_out_are_not_sold_that_way(kemiri):
    harga = copy.deepcopy(kemiri["harga"])
    harga["botol_100ml"]["pasar_desa"] = None
    harga["jeriken_5l"] = None
    hasil = compare(kemiri, harga=harga)
    pairs = {(s.kemasan, s.saluran) for s in hasil.skenario}
    assert len(pairs) == 7 and ("botol_100ml", "pasar_desa") not in pairs
    with pytest.raises(InputError, match='"Pilihan kemasan × saluran" tidak ditemukan'):
        hasil.pilih("jeriken_5l", "koperasi")


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda p: p["harga"]["botol_100ml"].update(toko=1), '"Harga jual botol_100ml" tidak'),
        (lambda p: p["harga"].update(botol_1l={"koperasi": 1}), 'diberikan "botol_1l"'),
        (lambda p: p["harga"]["botol_100ml"].update(koperasi=-1), "lebih dari Rp 0"),
        (lambda p: p["harga"]["botol_100ml"].update(koperasi=0), "lebih dari Rp 0"),
        (lambda p: p["harga"]["botol_100ml"].update(koperasi="mahal"), "tidak dapat dibaca"),
        (lambda p: p["laku_per_bulan"]["botol_100ml"].pop("koperasi"),
         '"Laku per bulan botol_100ml × koperasi" wajib diisi'),
        (lambda p: p["laku_per_bulan"]["botol_100ml"].update(koperasi=2.5), "bilangan bulat"),
        (lambda p: p["laku_per_bulan"]["botol_100ml"].update(koperasi=-3), "paling sedikit 0"),
        (lambda p: p["saluran"]["koperasi"].update(potongan_pct=100), "kurang dari 100%"),
        (lambda p: p["saluran"]["koperasi"].update(jeda_bayar_bulan=13), "paling banyak 12"),
        (lambda p: p["saluran"]["koperasi"].update(komisi=5), 'diberikan "komisi"'),
        (lambda p: p["saluran"]["koperasi"].pop("nama"), '"Saluran koperasi: Nama" wajib'),
        (lambda p: p["kemasan"]["botol_100ml"].update(isi_per_unit=0), "lebih dari 0"),
        (lambda p: p["kemasan"]["botol_100ml"].update(isi_per_unit=50),
         "paling banyak 40 liter"),
        (lambda p: p["kemasan"]["botol_100ml"].pop("biaya_per_unit_rp"), "Biaya per unit"),
        (lambda p: p["kemasan"].clear(), "paling sedikit satu pilihan"),
        (lambda p: p["harga"].clear(), "paling sedikit satu harga"),
    ],
)  # fmt: skip
def test_bad_scenarios_say_what_was_expected(kemiri, change, words):
    p = copy.deepcopy(kemiri)
    change(p)
    with pytest.raises(InputError) as err:
        compare(p)
    assert words in str(err.value), str(err.value)


def test_inputs_are_not_changed(kemiri):
    before = copy.deepcopy(kemiri)
    compare(kemiri)
    assert kemiri == before


def test_hand_over_to_the_cash_flow_plan(kemiri):
    s = compare(kemiri).pilih("botol_100ml", "koperasi")
    assert s.untuk_arus_kas() == {
        "unit_per_bulan": 150,
        "harga_rp": 22_000,
        "potongan_pct": 5,
        "biaya_variabel_per_unit_rp": 14_700,
        "biaya_tetap_per_bulan_rp": 100_000,  # rent only: the press is the investment
        "kapasitas_unit_per_bulan": 400,
        "jeda_bayar_bulan": 1,  # the cooperative pays a month later
    }
    no_demand = compare(kemiri, laku_per_bulan=None).pilih("botol_100ml", "koperasi")
    assert no_demand.untuk_arus_kas()["unit_per_bulan"] == 400


def test_result_round_trips_through_json(kemiri):
    hasil = compare(kemiri)
    saved = json.loads(json.dumps(hasil.to_dict()))
    assert PerbandinganSkenario.from_dict(saved) == hasil
    table = hasil.tabel()
    assert len(table) == 10 and table["laba_per_bulan_rp"].is_monotonic_decreasing
