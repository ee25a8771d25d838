"""Remittance costs (World Bank RPW, FACTS §2.2) and remittance plans."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desmigratif_kit import cooperative
from desmigratif_kit.cooperative import (
    NEGARA_PENGIRIM,
    POS_REMITANSI,
    TARGET_G20_PCT,
    TARGET_SDG_PCT,
    coverage_note,
    label_periode,
    load_remittance_costs,
    remittance_cost,
    remittance_costs_by_corridor,
    remittance_plan,
    remittance_split,
)
from desmigratif_kit.cooperative import remittance as remittance_module
from desmigratif_kit.core import data, files, i18n
from desmigratif_kit.core.i18n import InputError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


# --- the data --------------------------------------------------------------------------------


def test_the_data_is_the_shared_reference_copy_registered_with_a_checksum():
    ours = data.data_path(remittance_module.RPW_FILE)
    assert remittance_module.RPW_FILE in data.registered_files()
    shared = Path("/work/shared/reference/remittance_cost_to_indonesia_rpw.csv")
    if shared.exists():
        assert data.file_sha256(ours) == data.file_sha256(shared)
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    section = readme.split("remittance_cost_to_indonesia_rpw.csv", 1)[1]
    for needed in ("CC BY 4.0", "ATCR.CORR", "2011Q1", "2020Q3", "avg_total_cost_pct"):
        assert needed in section, needed


def test_loaded_table_is_validated_and_a_copy():
    df = load_remittance_costs()
    assert len(df) == 238
    assert set(df["sending_iso3"]) == set(NEGARA_PENGIRIM)
    assert (df["receiving_iso3"] == "IDN").all()
    assert (df["quarter"].min(), df["quarter"].max()) == ("2011Q1", "2020Q3")
    df.loc[0, "avg_total_cost_pct"] = 99
    assert load_remittance_costs().loc[0, "avg_total_cost_pct"] != 99


@pytest.fixture
def broken_data(tmp_path, monkeypatch):
    """A data folder with a damaged copy of the RPW file; the loader's cache is emptied."""
    (tmp_path / "reference").mkdir()
    monkeypatch.setattr(files, "DATA_DIR", tmp_path)
    remittance_module._reference.cache_clear()
    yield tmp_path / remittance_module.RPW_FILE
    remittance_module._reference.cache_clear()


def test_a_damaged_file_is_refused_with_every_problem(broken_data):
    original = (ROOT / "data" / remittance_module.RPW_FILE).read_text(encoding="utf-8")
    lines = original.splitlines()
    lines[1] = lines[1].replace("AUS,IDN", "AUS,PHL")  # another receiving country
    lines[2] = lines[2].replace("2016Q1", "2016-Q1")  # a malformed quarter
    lines[3] = lines[3].rsplit(",", 1)[0] + ",-4"  # a negative cost
    lines.append(lines[4])  # a duplicated country and quarter
    broken_data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(data.TableError) as caught:
        load_remittance_costs()
    problems = [(p.row, p.column) for p in caught.value.problems]
    assert problems == [
        (2, "receiving_iso3"),
        (3, "quarter"),
        (4, "avg_total_cost_pct"),
        (len(lines), "quarter"),
    ]


def test_a_file_with_other_columns_is_refused(broken_data):
    broken_data.write_text("negara,biaya\nMalaysia,5\n", encoding="utf-8")
    with pytest.raises(data.TableError):
        load_remittance_costs()


# --- FACTS §2.2: the annual means and the last quarter ---------------------------------------


@pytest.mark.parametrize(
    "country, year, pct",
    [
        ("Malaysia", 2015, 5.26), ("Malaysia", 2019, 4.73), ("Malaysia", 2020, 5.01),
        ("Arab Saudi", 2019, 3.68), ("Singapura", 2020, 3.35), ("Uni Emirat Arab", 2017, 7.23),
        ("Jepang", 2015, 11.08), ("Amerika Serikat", 2018, 7.67), ("Australia", 2016, 8.40),
        ("Belanda", 2017, 11.34), ("Thailand", 2016, 15.93),
        ("Malaysia", None, 5.39), ("Arab Saudi", None, 4.06), ("Singapura", None, 2.94),
        ("Uni Emirat Arab", None, 5.23), ("Jepang", None, 9.37), ("Amerika Serikat", None, 6.18),
        ("Australia", None, 5.88), ("Belanda", None, 8.20), ("Thailand", None, 14.07),
        ("Malaysia", "2020Q3", 5.39), ("Malaysia", "2019q4", 4.66),
    ],
)  # fmt: skip
def test_costs_match_facts(country, year, pct):
    hasil = remittance_cost(200, country, year)
    assert round(hasil.biaya_pct, 2) == pct
    assert hasil.periode == (str(year).upper() if year else "2020Q3")
    assert hasil.sumber == "rpw"


def test_facts_worked_example_money_lost_and_targets():
    """USD 200 from Malaysia at 5.4 %: 200 x 5.4 / 100 = 10.80 lost; at 3 %, 6.00."""
    hasil = remittance_cost(200, "Malaysia", cost_pct=5.4)
    assert hasil.biaya == pytest.approx(200 * 5.4 / 100) == pytest.approx(10.80)
    assert hasil.biaya_target_sdg == 200 * 3 / 100 == 6.0
    assert hasil.lebih_dari_sdg == pytest.approx(4.80)
    assert hasil.diterima == pytest.approx(189.20)
    assert hasil.di_atas_sdg and hasil.di_atas_g20
    assert (TARGET_SDG_PCT, TARGET_G20_PCT) == (3.0, 5.0)
    # Rp 2.5 million a month from Saudi Arabia in 2019 (3.68 %): 12 x 2,500,000 x 3.68 %
    saudi = remittance_cost(2_500_000, "Saudi Arabia", 2019)
    assert saudi.biaya_setahun() == pytest.approx(12 * 2_500_000 * saudi.biaya_pct / 100)
    assert saudi.di_atas_sdg and not saudi.di_atas_g20
    singapore = remittance_cost(1_000_000, "SGP")  # 2.94 % in 2020Q3: within the SDG target
    assert not singapore.di_atas_sdg and singapore.lebih_dari_sdg < 0
    assert "tidak lebih dari target SDG 3%" in singapore.penjelasan()


def test_country_names_in_indonesian_english_or_iso3():
    for name in ("Arab Saudi", "saudi arabia", "SAU", " KSA "):
        assert remittance_cost(100, name).negara == "Arab Saudi"
    assert remittance_cost(100, "UAE").iso3 == "ARE"
    assert remittance_cost(100, "United States of America").negara == "Amerika Serikat"


@pytest.mark.parametrize("country", ["Taiwan", "Hong Kong", "hongkong", "Korea Selatan", "KOR"])
def test_uncovered_corridors_are_refused_kindly(country):
    with pytest.raises(InputError) as caught:
        remittance_cost(2_000_000, country)
    text = str(caught.value)
    assert text.startswith("Maaf, pengiriman dari")
    assert "tidak ada dalam data Bank Dunia" in text and "triwulan III 2020" in text
    assert "Malaysia" in text and "Arab Saudi" in text  # what is covered
    assert "isi sendiri persentase biayanya" in text  # what to do instead
    english = caught.value.message("en")
    assert english.startswith("Sorry, sending from") and "enter the cost percentage" in english


def test_an_uncovered_corridor_works_with_a_cost_the_participant_enters():
    hasil = remittance_cost(3_000_000, "Taiwan", cost_pct="4,5%")
    assert (hasil.negara, hasil.iso3, hasil.periode, hasil.sumber) == (
        "Taiwan", None, None, "manual",
    )  # fmt: skip
    assert hasil.biaya == pytest.approx(135_000)
    assert "biaya yang Anda masukkan" in hasil.penjelasan()


def test_unknown_country_and_periods_without_data():
    with pytest.raises(InputError) as caught:
        remittance_cost(200, "Malaysa")  # a typo gets the same kind answer, with the list
    assert 'pengiriman dari "Malaysa"' in str(caught.value)
    assert "Malaysia, Arab Saudi" in str(caught.value)
    with pytest.raises(InputError) as caught:
        remittance_cost(200, "Thailand", 2015)  # Thailand starts in 2016Q2
    assert "data ada dari 2016Q2 sampai 2020Q3" in str(caught.value)
    with pytest.raises(InputError, match="tahun 2011-2020"):
        remittance_cost(200, "Malaysia", 2024)
    with pytest.raises(InputError):
        remittance_cost(200, "Malaysia", "kemarin")
    with pytest.raises(InputError, match="wajib diisi"):
        remittance_cost(200, "")
    with pytest.raises(InputError, match="Jumlah yang dikirim"):
        remittance_cost(0, "Malaysia")
    with pytest.raises(InputError, match="Biaya kirim"):
        remittance_cost(200, "Malaysia", cost_pct=150)


def test_coverage_is_said_plainly():
    note = coverage_note()
    assert "triwulan III 2020" in note and "Hong Kong, Taiwan dan Korea Selatan" in note
    assert all(name in note for name, _ in NEGARA_PENGIRIM.values())
    assert "not covered" in coverage_note("en")
    assert label_periode("2011Q1") == "triwulan I 2011"
    assert label_periode("2020Q3", "en") == "Q3 2020"


def test_costs_by_corridor():
    latest = remittance_costs_by_corridor()
    assert len(latest) == 9 and (latest["periode"] == "2020Q3").all()
    assert latest["biaya_pct"].is_monotonic_decreasing
    in_2015 = remittance_costs_by_corridor(2015)
    assert "Thailand" not in set(in_2015["negara"]) and len(in_2015) == 8
    with pytest.raises(InputError):
        remittance_costs_by_corridor(2030)


def test_penjelasan_in_both_languages():
    hasil = remittance_cost(2_000_000, "Malaysia")
    text = hasil.penjelasan()
    # 2,000,000 x 5.3914 % = 107,828 each time; 12 times a year = 1,293,936
    assert "Rp 107.828" in text and "Rp 1.293.936" in text and "triwulan III 2020" in text
    assert "Q3 2020" in hasil.penjelasan("en")


# --- the plan --------------------------------------------------------------------------------


def test_remittance_plan_accumulates_each_post():
    shares = {"kebutuhan": 50, "tabungan": 20, "pendidikan": 20, "usaha": 10}
    plan = remittance_plan(2_500_000, shares, 24)
    assert plan.columns.tolist() == ["bulan", *(f"{p}_rp" for p in POS_REMITANSI), "total_rp"]
    last = plan.iloc[-1]
    # 24 months x 2,500,000 = 60,000,000; savings 20 % of it = 12,000,000
    assert last["total_rp"] == 24 * 2_500_000 == 60_000_000
    assert last["tabungan_rp"] == 24 * 500_000 == 12_000_000
    assert last["usaha_rp"] == 24 * 250_000 == 6_000_000
    assert (plan[[f"{p}_rp" for p in POS_REMITANSI]].sum(axis=1) == plan["total_rp"]).all()
    assert plan["tabungan_rp"].is_monotonic_increasing


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**9),
    st.lists(st.integers(0, 100), min_size=3, max_size=3).filter(lambda p: sum(p) <= 100),
)
def test_a_month_is_always_shared_exactly(monthly, first_three):
    shares = dict(zip(POS_REMITANSI, [*first_three, 100 - sum(first_three)], strict=True))
    split = remittance_split(monthly, shares)
    assert sum(split.values()) == monthly
    assert all(abs(split[p] - monthly * shares[p] / 100) < 1 for p in POS_REMITANSI)


@pytest.mark.parametrize(
    "shares, months, expected",
    [
        ({"kebutuhan": 60, "tabungan": 30}, 12, 'Nilai untuk "Pembagian kiriman (%)" tidak dapat '
         'dibaca: diharapkan bagian-bagian yang jumlahnya tepat 100%, diberikan "90% '
         '(kebutuhan 60% + tabungan 30%)".'),
        ({"kebutuhan": 60, "tabungan": 50}, 12, 'diberikan "110% ('),
        ({"kebutuhan": 60, "arisan": 40}, 12, 'Nilai untuk "Pembagian kiriman (%)" tidak '
         'ditemukan: diharapkan salah satu dari: kebutuhan, tabungan, pendidikan, usaha, '
         'diberikan "arisan".'),
        ({"kebutuhan": 100}, 0, 'Nilai untuk "Jangka waktu (bulan)" di luar batas'),
        ({"kebutuhan": "seratus"}, 12, 'Nilai untuk "kebutuhan" tidak dapat dibaca'),
    ],
)  # fmt: skip
def test_bad_plans_are_refused_clearly(shares, months, expected):
    with pytest.raises(InputError) as caught:
        remittance_plan(2_500_000, shares, months)
    assert expected in str(caught.value)


def test_names_are_re_exported():
    for name in remittance_module.__all__:
        assert getattr(cooperative, name) is getattr(remittance_module, name)


def test_what_the_family_receives_a_month():
    cost = remittance_cost(3_000_000, "Malaysia", "2020Q3")
    # 3.000.000 x (1 - 5,3914 %) = 2.838.258
    assert cost.diterima_per_bulan_rp() == 2_838_258
    # sent six times a year: half of that a month on average
    assert cost.diterima_per_bulan_rp(6) == 1_419_129
    with pytest.raises(InputError, match="Kali kirim per tahun"):
        cost.diterima_per_bulan_rp(0)
