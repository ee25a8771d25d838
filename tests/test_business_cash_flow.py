"""The cash-flow plan: months worked by hand, seasons, payment delay, payback boundaries,
plain statements, rounding, bad input, JSON."""

from __future__ import annotations

import json

import pytest

from desmigratif_kit.business import RencanaKas, cash_flow_plan, nama_bulan
from desmigratif_kit.core import i18n
from desmigratif_kit.core.i18n import InputError


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


def plan(start=10_000_000, months=6, **changes):
    args = {
        "unit_per_bulan": 100,
        "harga_rp": 20_000,
        "biaya_variabel_per_unit_rp": 12_000,
        "biaya_tetap_per_bulan_rp": 100_000,
        "investasi": [{"nama": "Alat press", "harga_rp": 3_000_000}],
    }
    return cash_flow_plan(start, months, **{**args, **changes})


def test_a_press_bought_from_remittance_savings_worked_by_hand():
    r = plan()
    # every month: 100 × 20.000 in, 100 × 12.000 + 100.000 out: 700.000 net
    first, second = r.bulan[0], r.bulan[1]
    assert (first.penjualan_rp, first.kas_masuk_rp) == (2_000_000, 2_000_000)
    assert (first.biaya_variabel_rp, first.biaya_tetap_rp) == (1_200_000, 100_000)
    assert first.investasi_rp == 3_000_000  # the press, in month 1
    assert first.kas_keluar_rp == 1_200_000 + 100_000 + 3_000_000
    assert first.arus_bersih_rp == 700_000 - 3_000_000 == -2_300_000
    assert first.saldo_rp == 10_000_000 - 2_300_000
    assert (second.arus_bersih_rp, second.saldo_rp) == (700_000, 7_700_000 + 700_000)
    # earned back: -2.300.000 + 700.000 × 4 = 500.000 ≥ 0 in month 5 (month 4: -200.000)
    assert r.bulan_balik_modal == 5 and r.balik_modal
    assert r.saldo_akhir_rp == 10_000_000 - 3_000_000 + 6 * 700_000 == 11_200_000
    assert (r.saldo_terendah_rp, r.bulan_saldo_terendah, r.modal_kurang_rp) == (7_700_000, 1, 0)
    assert r.total_investasi_rp == 3_000_000 and r.piutang_akhir_rp == 0
    assert r.kesimpulan() == "Modal investasi Rp 3.000.000 kembali pada bulan ke-5 (Mei)."
    assert r.kesimpulan("en") == "The investment of Rp 3.000.000 is paid back in month 5 (May)."


def test_payback_on_the_month_the_balance_comes_back_exactly():
    r = plan(investasi=[{"nama": "Alat", "harga_rp": 2_100_000}])  # 3 × 700.000
    assert [sum(m.arus_bersih_rp for m in r.bulan[:k]) for k in (2, 3)] == [-700_000, 0]
    assert r.bulan_balik_modal == 3


def test_an_investment_later_in_the_plan_is_paid_back_after_it_is_made():
    r = plan(investasi=[{"nama": "Alat", "harga_rp": 1_000_000, "bulan": 3}])
    # months 1-2 already earned 1.400.000, but the tool is only bought in month 3
    assert [m.investasi_rp for m in r.bulan] == [0, 0, 1_000_000, 0, 0, 0]
    assert r.bulan_balik_modal == 3


def test_several_investments_and_one_amount():
    tools = [
        {"nama": "Press", "harga_rp": 2_000_000},
        {"nama": "Drum", "harga_rp": "Rp 500.000", "bulan": 2},
    ]
    r = plan(investasi=tools)
    assert r.total_investasi_rp == 2_500_000
    assert [m.investasi_rp for m in r.bulan[:2]] == [2_000_000, 500_000]
    # -1.300.000, -1.100.000, -400.000, 300.000 → month 4
    assert r.bulan_balik_modal == 4
    assert plan(investasi=3_000_000) == plan()  # one amount: bought in month 1


def test_not_paid_back_within_the_plan_is_said_plainly():
    r = plan(20_000_000, months=3, investasi=[{"nama": "Ketel", "harga_rp": 12_000_000}])
    assert r.bulan_balik_modal is None and not r.balik_modal
    earned = 3 * 700_000
    assert r.kesimpulan() == (
        "Dalam 3 bulan rencana ini modal investasi Rp 12.000.000 belum kembali: masih kurang "
        f"{i18n.format_rp(12_000_000 - earned)}."
    )
    assert "Rp 9.900.000 is still missing" in r.kesimpulan("en")


def test_no_investment_and_cash_that_runs_short():
    r = plan(investasi=None)
    assert r.bulan_balik_modal is None and r.kesimpulan() == "Rencana ini tanpa investasi awal."
    short = plan(start=1_000_000, investasi=[{"nama": "Press", "harga_rp": 3_000_000}])
    # 1.000.000 - 3.000.000 + 700.000 = -1.300.000 in month 1
    assert (short.saldo_terendah_rp, short.modal_kurang_rp) == (-1_300_000, 1_300_000)
    assert short.kesimpulan().endswith(
        "Perhatian: saldo kas turun sampai -Rp 1.300.000 pada bulan ke-1 (Januari). Modal awal "
        "perlu ditambah paling sedikit Rp 1.300.000, atau belanja dikurangi."
    )


def test_seasons_follow_the_calendar_across_the_year():
    musim = [50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160]  # January to December
    r = plan(months=4, musim_pct=musim, bulan_mulai=11, tahun_mulai=2027)
    labels = [(m.label(), m.bulan, m.tahun, m.musim_pct) for m in r.bulan]
    assert labels == [
        ("November 2027", 11, 2027, 150),
        ("Desember 2027", 12, 2027, 160),
        ("Januari 2028", 1, 2028, 50),
        ("Februari 2028", 2, 2028, 60),
    ]
    assert [m.unit_terjual for m in r.bulan] == [150, 160, 50, 60]  # 100 × the season
    assert r.bulan[0].penjualan_rp == 150 * 20_000
    assert r.bulan[0].label("en") == "November 2027"


def test_units_are_whole_and_capacity_caps_them():
    r = plan(unit_per_bulan=33, musim_pct=[115] * 12, kapasitas_unit_per_bulan=1000)
    assert r.bulan[0].unit_terjual == 37  # 33 × 1,15 = 37,95: 37 whole units
    capped = plan(musim_pct=[150] * 12, kapasitas_unit_per_bulan=120)
    assert [m.unit_terjual for m in capped.bulan] == [120] * 6


def test_a_channel_that_pays_a_month_later():
    r = plan(months=3, investasi=None, jeda_bayar_bulan=1, potongan_pct=5)
    # sales 2.000.000, fee 5% = 100.000: 1.900.000 comes in the month after
    assert [m.kas_masuk_rp for m in r.bulan] == [0, 1_900_000, 1_900_000]
    assert [m.potongan_rp for m in r.bulan] == [100_000] * 3
    assert r.bulan[0].arus_bersih_rp == -1_300_000  # costs are paid before the money comes
    assert r.piutang_akhir_rp == 1_900_000  # March's sales, still owed at the end
    nothing_paid = plan(months=2, investasi=None, jeda_bayar_bulan=3)
    assert [m.kas_masuk_rp for m in nothing_paid.bulan] == [0, 0]
    assert nothing_paid.piutang_akhir_rp == 2 * 2_000_000


def test_rupiah_are_rounded_and_the_table_adds_up():
    r = plan(
        months=3,
        harga_rp=333,
        unit_per_bulan=1,
        potongan_pct=5,
        biaya_variabel_per_unit_rp=0.5,
        biaya_tetap_per_bulan_rp=0,
        investasi=None,
    )
    first = r.bulan[0]
    assert first.potongan_rp == 17  # 5% of 333 = 16,65 → 17
    assert first.kas_masuk_rp == 333 - 17
    assert first.biaya_variabel_rp == 1  # Rp 0,5 → Rp 1
    for month in r.bulan:
        assert month.arus_bersih_rp == month.kas_masuk_rp - month.kas_keluar_rp
    saldo = [m.saldo_rp for m in r.bulan]
    assert saldo == [10_000_000 + k * (316 - 1) for k in (1, 2, 3)]


def test_a_plan_of_one_and_of_sixty_months():
    assert len(plan(months=1).bulan) == 1
    long = plan(months=60, tahun_mulai=2027)
    assert len(long.bulan) == 60 and long.bulan[-1].label() == "Desember 2031"


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"months": 0}, "Lama rencana (bulan)", "paling sedikit 1"),
        ({"months": 61}, "Lama rencana (bulan)", "paling banyak 60"),
        ({"start": -1}, "Modal awal", "paling sedikit Rp 0"),
        ({"unit_per_bulan": 2.5}, "Unit terjual per bulan", "bilangan bulat"),
        ({"unit_per_bulan": -1}, "Unit terjual per bulan", "paling sedikit 0"),
        ({"harga_rp": -20_000}, "Harga jual per unit", "paling sedikit Rp 0"),
        ({"biaya_variabel_per_unit_rp": None}, "Biaya variabel per unit", "wajib diisi"),
        ({"potongan_pct": 100}, "Potongan saluran (% dari harga)", "kurang dari 100%"),
        ({"bulan_mulai": 13}, "Bulan mulai", "paling banyak 12"),
        ({"tahun_mulai": 27}, "Tahun mulai", "paling sedikit 2.000"),
        ({"jeda_bayar_bulan": -1}, "Jeda pembayaran (bulan)", "paling sedikit 0"),
        ({"musim_pct": [100] * 11}, "Musim penjualan (% dari bulan biasa)", "12 angka"),
        ({"musim_pct": "tinggi"}, "Musim penjualan (% dari bulan biasa)", "12 angka"),
        ({"musim_pct": [100] * 11 + [-10]}, "Musim penjualan (% dari bulan biasa): Desember",
         "paling sedikit 0%"),
        ({"investasi": [{"nama": "Press", "harga_rp": 1, "bulan": 7}]},
         "Investasi no. 1 (Press): Bulan ke-", "paling banyak 6"),
        ({"investasi": [{"nama": "Press", "harga": 1}]}, "Investasi no. 1 (Press): Kolom",
         'diberikan "harga"'),
        ({"investasi": [{"harga_rp": 1}]}, "Investasi no. 1: Nama", "wajib diisi"),
        ({"investasi": [{"nama": "Press", "harga_rp": -1}]},
         "Investasi no. 1 (Press): Harga satuan", "paling sedikit Rp 0"),
        ({"ilustrasi": "barangkali"}, "Angka ilustrasi", "ya atau tidak"),
    ],
)  # fmt: skip
def test_bad_plans_say_what_was_expected(changes, field, words):
    with pytest.raises(InputError) as err:
        plan(**changes)
    text = str(err.value)
    assert f'"{field}"' in text and words in text, text


def test_result_round_trips_through_json_and_as_a_table():
    r = plan(musim_pct=[90] * 12, tahun_mulai=2027, jeda_bayar_bulan=1, ilustrasi=True)
    assert RencanaKas.from_dict(json.loads(json.dumps(r.to_dict()))) == r
    table = r.tabel()
    assert len(table) == 6 and table["saldo_rp"].iloc[-1] == r.saldo_akhir_rp
    assert list(table.columns)[:3] == ["bulan_ke", "bulan", "tahun"]


def test_month_names_in_both_languages():
    assert [nama_bulan(m) for m in (1, 8, 12)] == ["Januari", "Agustus", "Desember"]
    assert nama_bulan(8, 2027, lang="en") == "August 2027"
