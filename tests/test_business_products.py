"""The illustrative oils of Desa Rangga Talo, the data file behind them, and the business plan
(HPP + scenario + break-even + cash flow) saved and restored as an app would."""

from __future__ import annotations

import copy
import importlib
import json
import re

import pytest

from desmigratif_kit import business
from desmigratif_kit.business import (
    CONTOH_FILE,
    CONTOH_PRODUK,
    RencanaUsaha,
    catatan_ilustrasi,
    check_produk,
    compare_scenarios,
    contoh_produk,
    cost_of_goods,
    rencana_usaha,
)
from desmigratif_kit.core import data, i18n
from desmigratif_kit.core.i18n import InputError
from desmigratif_kit.core.store import Store


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


# --- the examples --------------------------------------------------------------------------


def test_three_oils_of_the_seed_every_one_labelled_illustrative():
    assert CONTOH_PRODUK == ("minyak_kemiri", "minyak_kakao", "minyak_kayu_putih")
    for kode in CONTOH_PRODUK:
        p = contoh_produk(kode)
        assert p["kode"] == kode
        assert p["ilustrasi"] is True and p["batch"]["ilustrasi"] is True
        assert p["catatan"].startswith("ILUSTRASI") and p["batch"]["catatan"] == p["catatan"]
        for where in ("pasar desa", "koperasi", "penyuluh pertanian"):
            assert where in p["catatan"]
        assert cost_of_goods(p["batch"]).ilustrasi
        json.dumps(p)  # editable and savable as it is
    assert contoh_produk("minyak_kemiri", lang="en")["catatan"].startswith("ILLUSTRATIVE")


def test_where_to_get_real_prices_in_both_languages():
    note = catatan_ilustrasi()
    assert note.startswith("Angka contoh ini ilustrasi")
    assert all(w in note for w in ("pasar desa", "koperasi", "penyuluh pertanian lapangan"))
    en = catatan_ilustrasi("en")
    assert all(w in en for w in ("village market", "cooperative", "extension officer"))


@pytest.mark.parametrize(
    ("kode", "per_batch", "units", "hpp"),
    [
        # 750 + 200 + 40 + 20 + 10 + 100 × 4,5 + (100 + 100) / 4 batches (thousands of Rp)
        ("minyak_kemiri", 750_000 + 200_000 + 60_000 + 10_000 + 450_000 + 50_000, 100, 15_200),
        # 4 kg × 5 l × 40.000 + 12 h × 12.500 + 3 × 20.000 + 10.000 + 50 × 4.500 + 200.000 / 4
        ("minyak_kakao", 800_000 + 150_000 + 60_000 + 10_000 + 225_000 + 50_000, 50, 25_900),
        # 100 kg × 4 l × 600 + 26 h × 12.500 + 10 × 20.000 + 20.000 + 40 × 4.500
        #   + 100.000 / 6 (16.667) + 200.000 / 6 (33.333)
        ("minyak_kayu_putih",
         240_000 + 325_000 + 200_000 + 20_000 + 180_000 + 16_667 + 33_333, 40, 25_375),
    ],
)  # fmt: skip
def test_the_hpp_of_each_example_worked_by_hand(kode, per_batch, units, hpp):
    result = cost_of_goods(contoh_produk(kode)["batch"])
    assert (result.total_per_batch_rp, result.unit_per_batch) == (per_batch, units)
    assert result.hpp_per_unit_rp == hpp == per_batch / units


@pytest.mark.parametrize("kode", CONTOH_PRODUK)
def test_depreciation_is_the_investment_spread_over_its_stated_life(kode):
    p = contoh_produk(kode)
    (row,) = [r for r in p["batch"]["biaya"] if r["kategori"] == "penyusutan"]
    price, months = re.search(r"\(Rp ([\d.]+) : (\d+) bulan\)", row["nama"]).groups()
    (tool,) = p["investasi"]
    assert i18n.parse_rp(price) == tool["harga_rp"]
    assert business.penyusutan_per_bulan_rp(tool["harga_rp"], int(months)) == row["harga_rp"]
    assert p["modal_awal_rp"] > tool["harga_rp"]  # the savings buy the tool


@pytest.mark.parametrize("kode", CONTOH_PRODUK)
def test_both_languages_hold_the_same_figures(kode):
    indonesian, english = contoh_produk(kode, "id"), contoh_produk(kode, "en")
    assert indonesian["batch"]["nama"] != english["batch"]["nama"]

    def numbers(value):
        if isinstance(value, dict):
            return {k: numbers(v) for k, v in value.items() if not isinstance(v, str)}
        if isinstance(value, list):
            return [numbers(v) for v in value]
        return value

    assert numbers(indonesian) == numbers(english)
    keys = ("batch", "kemasan", "saluran", "harga", "laku_per_bulan")
    id_result = compare_scenarios(*(indonesian[k] for k in keys))
    en_result = compare_scenarios(*(english[k] for k in keys))
    assert [s.laba_per_bulan_rp for s in id_result.skenario] == [
        s.laba_per_bulan_rp for s in en_result.skenario
    ]


def test_each_call_gives_a_fresh_copy():
    p = contoh_produk("minyak_kemiri")
    p["batch"]["biaya"][0]["harga_rp"] = 30_000
    p["harga"]["botol_100ml"]["koperasi"] = 1
    fresh = contoh_produk("minyak_kemiri")
    assert fresh["batch"]["biaya"][0]["harga_rp"] == 25_000
    assert fresh["harga"]["botol_100ml"]["koperasi"] == 22_000


def test_the_data_file_is_registered_and_described():
    assert data.verify_checksums() == []
    registry = json.loads(data.data_path("checksums.json").read_text())
    assert CONTOH_FILE in registry
    readme = data.data_path("README.md").read_text(encoding="utf-8")
    assert f"`{CONTOH_FILE}` (illustrative)" in readme
    raw = json.loads(data.data_path(CONTOH_FILE).read_text(encoding="utf-8"))
    assert raw["keterangan"]["id"].startswith("ILUSTRASI")
    assert set(raw["produk"]) == set(CONTOH_PRODUK)


def test_unknown_example_and_bad_products():
    with pytest.raises(InputError, match='"Contoh produk" tidak ditemukan'):
        contoh_produk("minyak_sawit")
    p = contoh_produk("minyak_kemiri")
    with pytest.raises(InputError, match='"Data produk" tidak ditemukan.*"harga_pasar"'):
        check_produk({**p, "harga_pasar": 1})
    without = {k: v for k, v in p.items() if k != "modal_awal_rp"}
    with pytest.raises(InputError, match='"Modal awal" wajib diisi'):
        check_produk(without)
    with pytest.raises(InputError, match="Hasil per batch"):
        check_produk({**p, "batch": {**p["batch"], "hasil_per_batch": 0}})


# --- the examples keep the lesson's points -------------------------------------------------


def test_the_lessons_points_hold_for_the_candlenut_oil():
    p = contoh_produk("minyak_kemiri")
    pairs = compare_scenarios(p["batch"], p["kemasan"], p["saluran"], p["harga"],
                              p["laku_per_bulan"]).skenario  # fmt: skip
    best_per_unit = max(pairs, key=lambda s: s.kontribusi_per_unit_rp)
    assert best_per_unit.peringkat > 1  # the fattest margin per unit is not the best month
    assert any(not s.untung for s in pairs)  # small bottles at the village market lose money
    plan = rencana_usaha(p, "botol_100ml", "marketplace")
    assert plan.arus_kas.bulan_balik_modal == 5
    slow = rencana_usaha(p, pairs[0].kemasan, pairs[0].saluran)  # the shop pays a month later
    assert slow.arus_kas.bulan_balik_modal > plan.arus_kas.bulan_balik_modal
    never = rencana_usaha(p, "jeriken_5l", "pasar_desa")
    assert never.arus_kas.bulan_balik_modal is None
    assert "belum kembali" in never.arus_kas.kesimpulan()


# --- the business plan ---------------------------------------------------------------------


def test_a_business_plan_worked_through():
    r = rencana_usaha(
        contoh_produk("minyak_kemiri"), "botol_100ml", "marketplace", tahun_mulai=2027
    )
    assert r.hpp.hpp_per_unit_rp == 15_200
    assert r.skenario.laba_per_bulan_rp == 1_278_800 and r.skenario.peringkat == 2
    # break-even on the price after the 8% fee: 250.000 / (29.440 - 16.700) = 19,6 → 20
    assert r.titik_impas.unit_per_bulan == 20
    assert r.titik_impas.harga_rp == 29_440 and r.titik_impas.biaya_variabel_rp == 16_700
    # month 1: 120 × 90% = 108 bottles; 108 × 32.000 = 3.456.000 less 8% = 3.179.520 in;
    # out 108 × 16.700 + 150.000 (rent + phone) + the press 6.000.000
    first = r.arus_kas.bulan[0]
    assert (first.unit_terjual, first.kas_masuk_rp) == (108, 3_456_000 - 276_480)
    assert first.kas_keluar_rp == 108 * 16_700 + 150_000 + 6_000_000
    assert r.arus_kas.bulan_balik_modal == 5
    assert r.arus_kas.kesimpulan() == (
        "Modal investasi Rp 6.000.000 kembali pada bulan ke-5 (Mei 2027)."
    )
    summary = r.ringkasan()
    assert summary["produk"] == "Minyak kemiri" and summary["saluran"] == "Marketplace online"
    assert summary["hpp_per_unit_rp"] == 15_200 and summary["bulan_balik_modal"] == 5
    assert summary["ilustrasi"] is True and summary["jumlah_skenario"] == 10
    json.dumps(summary)


def test_a_pair_that_loses_money_has_no_break_even():
    p = contoh_produk("minyak_kemiri")
    p["harga"]["botol_30ml_label"]["pasar_desa"] = 6_000  # below the Rp 6.560 it costs
    r = rencana_usaha(p, "botol_30ml_label", "pasar_desa")
    assert r.skenario.kontribusi_per_unit_rp < 0 and r.titik_impas is None
    assert r.ringkasan()["titik_impas_unit"] is None
    assert RencanaUsaha.from_dict(r.to_dict()) == r


def test_a_plan_is_saved_and_restored_like_an_app_would():
    store = Store(":memory:")
    participant = store.register("kepala_desa", "Maria Goreti", "53.08.12.2014")
    p = contoh_produk("minyak_kayu_putih")
    p["batch"]["biaya"][0]["harga_rp"] = 700  # the participant's own price of leaves
    r = rencana_usaha(p, "botol_100ml", "koperasi", bulan_mulai=7, tahun_mulai=2027)
    store.save(participant.code, "rencana_usaha", {"produk": p, "rencana": r.to_dict()})
    saved = store.load(participant.code, "rencana_usaha").data
    assert saved["produk"] == p
    assert RencanaUsaha.from_dict(saved["rencana"]) == r
    assert rencana_usaha(saved["produk"], "botol_100ml", "koperasi", 12, 7, 2027) == r


def test_the_public_api_is_the_modules_own_names():
    names = ("break_even", "cash_flow", "costs", "inputs", "laporan", "plan", "pricing",
             "products", "records", "ringkasan", "scenarios")  # fmt: skip
    modules = [importlib.import_module(f"desmigratif_kit.business.{n}") for n in names]
    for name in business.__all__:
        value = getattr(business, name)
        assert any(getattr(m, name, None) is value for m in modules), name
    assert len(set(business.__all__)) == len(business.__all__)
    public = {n for m in modules for n in getattr(m, "__all__", ())}
    internal = {"check_keys", "choice", "decimal", "flag", "mapping", "number", "pct",
                "row_field", "rp", "sequence", "text", "whole", "plain"}  # fmt: skip
    assert public - set(business.__all__) == internal


@pytest.mark.parametrize("kode", CONTOH_PRODUK)
def test_every_example_plan_runs_in_both_languages(kode):
    for lang in i18n.LANGUAGES:
        i18n.set_language(lang)
        p = contoh_produk(kode)
        for s in compare_scenarios(p["batch"], p["kemasan"], p["saluran"], p["harga"],
                                   p["laku_per_bulan"]).skenario:  # fmt: skip
            r = rencana_usaha(p, s.kemasan, s.saluran)
            assert r.skenario == s
            assert r.arus_kas.kesimpulan()
    i18n.set_language("id")
    assert copy.deepcopy(contoh_produk(kode)) == contoh_produk(kode)
