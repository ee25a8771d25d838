"""``business.ringkasan_kerja``: the pillar-2 facts the workshop layer reads from one
participant's saved work (built here as the apps and the lesson save it)."""

from __future__ import annotations

import pytest

from desmigratif_kit import business
from desmigratif_kit.business import FAKTA_KEYS, LATIHAN_NOMOR, ringkasan_kerja
from desmigratif_kit.core import i18n
from desmigratif_kit.core.latihan import exercises_with_prefix
from desmigratif_kit.core.lessons import new_record, with_answer
from desmigratif_kit.core.summary import KINDS, RingkasanPilar, total


def facts(result: RingkasanPilar) -> dict:
    return {f.key: f.value for f in result.fakta}


def follow(result: RingkasanPilar) -> set[str]:
    return {f.key for f in result.fakta if f.follow_up}


def plan_saved(**ringkasan) -> dict:
    """Saved work of *Rencana Usaha* with a plan kept for the action plan (the illustrative
    100 ml bottle on the marketplace unless told otherwise)."""
    r = business.rencana_usaha(
        business.contoh_produk("minyak_kemiri"), "botol_100ml", "marketplace", tahun_mulai=2027
    )
    pilihan = {
        "produk": "minyak_kemiri", "kemasan": "botol_100ml", "saluran": "marketplace",
        "bulan_mulai": 1, "tahun_mulai": 2027, "biaya_sendiri": False, "harga_rp": 32_000,
        "laku_per_bulan": 120, "modal_awal_rp": 10_000_000, "investasi_rp": 6_000_000,
    }  # fmt: skip
    summary = {**r.ringkasan(), **ringkasan}
    return {
        "version": 1,
        "pilihan": pilihan,
        "ringkasan": summary,
        "rencana_aksi": {"pilihan": pilihan, "ringkasan": summary, "disimpan": "2026-12-03"},
    }


def test_empty_work_is_all_gaps():
    result = ringkasan_kerja({})
    assert result.pilar == 2
    assert [f.key for f in result.fakta] == list(FAKTA_KEYS)
    assert all(f.value is None for f in result.fakta) and result.kosong() == result.fakta
    assert not follow(result)
    assert all(f.kind in KINDS for f in result.fakta)
    for lang in i18n.LANGUAGES:  # every label is in both catalogs
        assert all(i18n.t(f.label, lang) for f in result.fakta)


def test_the_lesson_numbers_are_the_registered_exercises():
    assert list(LATIHAN_NOMOR) == exercises_with_prefix("2.")


def test_hpp_with_own_prices_and_a_price_below_cost():
    works = {
        "kalkulator_hpp": {
            "hasil": {
                "hpp_per_unit_rp": 16_700, "contoh": None, "harga_rencana_rp": 15_000,
                "margin_rencana_pct": -11.3,
            }
        }
    }  # fmt: skip
    result = ringkasan_kerja(works)
    values = facts(result)
    assert values["hpp_per_unit_rp"] == 16_700 and values["hpp_angka_sendiri"] is True
    assert values["harga_jual_rp"] == 15_000 and values["margin_pct"] == -11.3
    assert follow(result) == {"margin_pct"}  # every bottle sold at that price loses money


def test_hpp_still_the_example_is_followed_up():
    works = {"kalkulator_hpp": {"hasil": {"hpp_per_unit_rp": 15_200, "contoh": "minyak_kemiri"}}}
    result = ringkasan_kerja(works)
    assert facts(result)["hpp_angka_sendiri"] is False
    assert "hpp_angka_sendiri" in follow(result)
    assert facts(result)["harga_jual_rp"] is None


def test_break_even_from_titik_impas():
    works = {"titik_impas": {"hasil": {"unit_impas": 20, "laba_rp": 259_600}}}
    assert facts(ringkasan_kerja(works))["titik_impas_unit"] == 20
    assert facts(ringkasan_kerja({"titik_impas": {"hasil": None}}))["titik_impas_unit"] is None


def test_a_saved_plan_gives_codes_profit_and_payback():
    result = ringkasan_kerja({"rencana_usaha": plan_saved()})
    values = facts(result)
    assert values["rencana_disimpan"] is True
    assert (values["rencana_produk"], values["rencana_kemasan"], values["rencana_saluran"]) == (
        "minyak_kemiri", "botol_100ml", "marketplace",
    )  # fmt: skip
    assert values["rencana_laba_per_bulan_rp"] == 1_278_800
    assert values["rencana_investasi_rp"] == 6_000_000
    assert values["rencana_bulan_balik_modal"] == 5 and values["rencana_balik_modal"] is True
    assert values["rencana_modal_kurang_rp"] == 0
    assert values["rencana_angka_contoh"] is True
    assert follow(result) == {"rencana_angka_contoh"}  # local prices still to be found


def test_a_plan_that_does_not_pay_back_and_runs_short_is_followed_up():
    saved = plan_saved(bulan_balik_modal=None, modal_kurang_rp=920_000, laba_per_bulan_rp=-96_000)
    saved["rencana_aksi"]["pilihan"]["harga_rp"] = 25_000  # own price: not the example
    result = ringkasan_kerja({"rencana_usaha": saved})
    values = facts(result)
    assert values["rencana_bulan_balik_modal"] is None and values["rencana_balik_modal"] is False
    assert values["rencana_modal_kurang_rp"] == 920_000
    assert values["rencana_angka_contoh"] is False
    assert follow(result) == {
        "rencana_balik_modal",
        "rencana_modal_kurang_rp",
        "rencana_laba_per_bulan_rp",
    }


def test_a_draft_only_is_not_a_saved_plan():
    draft = plan_saved()
    draft["rencana_aksi"] = None
    result = ringkasan_kerja({"rencana_usaha": draft})
    assert facts(result)["rencana_disimpan"] is False
    assert facts(result)["rencana_produk"] is None
    assert follow(result) == {"rencana_disimpan"}


def test_own_costs_make_the_plan_not_the_example():
    saved = plan_saved()
    saved["rencana_aksi"]["pilihan"]["biaya_sendiri"] = True
    assert facts(ringkasan_kerja({"rencana_usaha": saved}))["rencana_angka_contoh"] is False


def test_lesson_progress_and_the_margin_trap():
    record = new_record("02_usaha_keluarga")
    record = with_answer(record, "2.1", 15_200, "15.200", True)
    record = with_answer(record, "2.3", 19_760, "19.760", False)  # fell into the trap
    result = ringkasan_kerja({"pelajaran_02_usaha_keluarga": record})
    values = facts(result)
    assert (values["latihan_benar"], values["latihan_dijawab"]) == (1, 2)
    assert values["paham_margin_markup"] is False and "paham_margin_markup" in follow(result)
    record = with_answer(record, "2.3", 21_715, "21.715", True)
    values = facts(ringkasan_kerja({"pelajaran_02_usaha_keluarga": record}))
    assert values["paham_margin_markup"] is True and values["latihan_benar"] == 2


@pytest.mark.parametrize(
    "works",
    [
        {"kalkulator_hpp": "rusak"},
        {"kalkulator_hpp": {"hasil": {"hpp_per_unit_rp": "15.200", "contoh": None}}},
        {"rencana_usaha": {"rencana_aksi": {"pilihan": "x", "ringkasan": [1]}}},
        {"titik_impas": {"hasil": {"unit_impas": True}}},
        {"pelajaran_02_usaha_keluarga": {"answers": "x"}},
    ],
)
def test_malformed_work_gives_gaps_not_errors(works):
    result = ringkasan_kerja(works)
    assert isinstance(result, RingkasanPilar)
    assert facts(result)["hpp_per_unit_rp"] is None
    assert facts(result)["titik_impas_unit"] is None


def test_facts_add_up_over_a_district_and_hold_no_name():
    works = [{"rencana_usaha": plan_saved()}, {}, {"rencana_usaha": plan_saved()}]
    summaries = [ringkasan_kerja(w) for w in works]
    assert total(summaries, "rencana_investasi_rp") == 12_000_000
    for summary in summaries:
        for fact in summary.fakta:
            assert not isinstance(fact.value, str) or fact.value in (
                "minyak_kemiri", "botol_100ml", "marketplace",
            )  # fmt: skip
