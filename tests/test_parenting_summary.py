"""Counts for shared views: the right numbers, and never a name."""

from datetime import date

import pandas as pd
import pytest

from desmigratif_kit.core import i18n
from desmigratif_kit.parenting import (
    RINGKASAN,
    SAMPLE_REFERENCE_DATE_ANAK,
    assess_roster,
    count_children,
    count_needs_visit,
    count_not_gaining,
    count_stunted,
    count_underweight,
    count_wasted,
    latest_per_child,
    load_roster,
    load_sample_roster,
    needs_visit,
    summary,
)


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


ROSTER = (
    "Nama anak;JK;Tgl Lahir;Tgl Ukur;BB;TB;Cara ukur;Orang tua di luar negeri;Pengasuh;"
    "Status sekolah\n"
    # stunted (TB/U about -3.5) and currently measured
    "Anak Satu;L;10/01/2024;10/11/2026;11,5;82,0;berdiri;ibu;nenek;belum sekolah\n"
    # wasted and underweight: 9,0 kg at 80 cm, 23 months
    "Anak Dua;P;10/01/2025;10/11/2026;9,6;82,0;terlentang;ayah;ibu;\n"
    "Anak Dua;P;10/01/2025;10/12/2026;8,6;82,5;terlentang;ayah;ibu;\n"
    # fine, gaining
    "Anak Tiga;P;10/01/2025;10/11/2026;10,5;82,0;terlentang;keduanya;kakek;\n"
    "Anak Tiga;P;10/01/2025;10/12/2026;11,0;82,8;terlentang;keduanya;kakek;\n"
    # stunted but the measurement is old (June): not counted as currently stunted
    "Anak Empat;L;10/01/2024;10/06/2026;10,0;76,0;berdiri;ibu;nenek;\n"
    # school age, not at school
    "Anak Lima;P;10/01/2014;;;;;ibu;nenek;tidak sekolah\n"
)


@pytest.fixture()
def roster():
    return load_roster(ROSTER.encode(), filename="kecil.csv")


def test_counts_of_a_small_roster(roster):
    counts = count_children(roster, date(2026, 12, 15))
    assert list(counts) == list(RINGKASAN)
    scores = latest_per_child(roster, date(2026, 12, 15)).set_index("nama_anak")
    assert scores.loc["Anak Satu", "z_tb_u"] < -2 and scores.loc["Anak Empat", "z_tb_u"] < -2
    assert scores.loc["Anak Dua", "z_bb_tb"] < -2 and scores.loc["Anak Dua", "z_bb_u"] < -2
    assert counts["anak"] == 5 and counts["balita"] == 4
    assert counts["balita_diukur"] == 3  # Anak Empat's June measurement is out of date
    assert counts["pendek"] == 1  # Anak Satu only
    assert counts["gizi_kurang"] == 1 and counts["bb_kurang"] >= 1
    assert counts["tidak_naik"] == 1  # Anak Dua lost 1 kg: T
    assert counts["ortu_ibu"] == 3 and counts["ortu_ayah"] == 1 and counts["ortu_keduanya"] == 1
    assert counts["diasuh_kakek_nenek"] == 4
    assert counts["usia_wajib_sekolah"] == 1 and counts["tidak_sekolah"] == 1
    visits = needs_visit(roster, date(2026, 12, 15))
    assert counts["perlu_kunjungan"] == len(visits) == 4  # all but Anak Tiga
    assert count_stunted(roster, date(2026, 12, 15)) == 1
    assert count_wasted(roster, date(2026, 12, 15)) == 1
    assert count_underweight(roster, date(2026, 12, 15)) == counts["bb_kurang"]
    assert count_not_gaining(roster, date(2026, 12, 15)) == 1
    assert count_needs_visit(roster, date(2026, 12, 15)) == 4


def test_a_child_with_oedema_counts_as_severely_wasted_and_underweight():
    """WHO (igrowup, anthro): no weight-based score with oedema, but < -3 SD in prevalences."""
    df = load_roster(
        b"Nama;JK;Tgl Lahir;Tgl Ukur;BB;TB;Edema\nBengkak;L;10/01/2025;10/12/2026;9,0;80,0;ya\n"
    )
    counts = count_children(df, date(2026, 12, 15))
    assert (counts["gizi_buruk"], counts["gizi_kurang"]) == (1, 1)
    assert (counts["bb_sangat_kurang"], counts["bb_kurang"]) == (1, 1)
    assert counts["perlu_rujukan"] == 1


def test_the_same_counts_from_a_raw_or_an_assessed_roster(roster):
    assert count_children(roster, "15/12/2026") == count_children(
        assess_roster(roster), date(2026, 12, 15)
    )


def test_no_aggregate_ever_contains_a_name():
    """The district dashboard relies on it: every public counting function returns numbers."""
    df = load_sample_roster()
    names = set(df["nama_anak"]) | set(df["nama_pengasuh"].dropna())
    functions = [getattr(summary, name) for name in summary.__all__ if name.startswith("count")]
    assert len(functions) == 7  # count_children, the five count_*, count_by_category
    for function in functions:
        result = function(df, SAMPLE_REFERENCE_DATE_ANAK)
        values = result.values() if isinstance(result, dict) else [result]
        assert all(type(v) is int for v in values), function.__name__
        text = repr(result)
        assert not any(name in text for name in names), function.__name__


def test_the_sample_counts():
    counts = count_children(load_sample_roster(), SAMPLE_REFERENCE_DATE_ANAK)
    print(counts)
    assert counts["anak"] == 180 and counts["balita"] == 96
    assert counts["pendek"] / counts["balita_diukur"] == pytest.approx(0.216, abs=0.05)


def test_bad_input_is_refused(roster):
    with pytest.raises(i18n.InputError):
        count_children(roster, "kemarin")
    with pytest.raises(i18n.InputError):
        count_children(pd.DataFrame({"nama": ["x"]}), date(2026, 12, 15))
