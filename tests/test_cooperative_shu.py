"""SHU: the members' meeting's allocation and each member's share (FACTS §4.1)."""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desmigratif_kit import cooperative
from desmigratif_kit.cooperative import (
    ALOKASI_SHU_ILUSTRASI,
    POS_SHU,
    label_pos_shu,
    largest_remainder,
    shu_allocation,
    shu_distribution,
)
from desmigratif_kit.cooperative import shu as shu_module
from desmigratif_kit.core import i18n
from desmigratif_kit.core.i18n import InputError


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


def facts_members() -> pd.DataFrame:
    """The member of FACTS §4.1 (Rp 2 million of Rp 100 million savings, Rp 5 million of
    Rp 75 million loans) among four others who hold the rest."""
    return pd.DataFrame(
        {
            "nama": ["Ibu Sari", "Pak Budi", "Bu Ani", "Pak Made", "Bu Rina"],
            "simpanan_rp": [2_000_000, 30_000_000, 28_000_000, 25_000_000, 15_000_000],
            "transaksi_rp": [5_000_000, 20_000_000, 25_000_000, 15_000_000, 10_000_000],
            "desa": ["Rangga Talo"] * 5,
        }
    )


def test_facts_worked_example():
    members = facts_members()
    assert members["simpanan_rp"].sum() == 100_000_000
    assert members["transaksi_rp"].sum() == 75_000_000
    df = shu_distribution(members, 60_000_000, 20, 25)
    sari = df.iloc[0]
    # jasa modal: 2/100 x 20 % x 60,000,000 = 240,000
    assert sari["shu_jasa_modal_rp"] == 2 * 20 * 60_000_000 // (100 * 100) == 240_000
    # jasa usaha: 5/75 x 25 % x 60,000,000 = 1,000,000
    assert sari["shu_jasa_usaha_rp"] == 5 * 25 * 60_000_000 // (75 * 100) == 1_000_000
    assert sari["shu_rp"] == 1_240_000
    # the parts add up to what was set aside: 20 % and 25 % of 60 million
    assert df["shu_jasa_modal_rp"].sum() == 12_000_000
    assert df["shu_jasa_usaha_rp"].sum() == 15_000_000
    assert df["shu_rp"].sum() == 27_000_000
    assert df["desa"].tolist() == ["Rangga Talo"] * 5  # other columns are kept
    assert list(df.columns[-3:]) == ["shu_jasa_modal_rp", "shu_jasa_usaha_rp", "shu_rp"]
    assert (df[["shu_jasa_modal_rp", "shu_jasa_usaha_rp", "shu_rp"]].dtypes == "int64").all()


def test_members_frame_is_not_changed():
    members = facts_members()
    before = members.copy()
    shu_distribution(members, 60_000_000, 20, 25)
    pd.testing.assert_frame_equal(members, before)


def test_largest_remainder_rounding_cases():
    assert largest_remainder(100, [1, 1, 1]) == [34, 33, 33]  # 33.33 each, 1 rupiah left
    assert largest_remainder(100, [1, 1, 1, 1, 1, 1]) == [17, 17, 17, 17, 16, 16]
    assert largest_remainder(10, [0.1, 0.2, 0.7]) == [1, 2, 7]  # exact as written
    assert largest_remainder(0, [1, 2]) == [0, 0]
    assert largest_remainder(5, []) == []
    with pytest.raises(ValueError):
        largest_remainder(5, [0, 0])
    with pytest.raises(ValueError):
        largest_remainder(5, [1, -1])


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**12),
    st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=40).filter(any),
)
def test_largest_remainder_adds_up_and_stays_within_a_rupiah(total, weights):
    shares = largest_remainder(total, weights)
    assert sum(shares) == total
    whole = sum(weights)
    for share, weight in zip(shares, weights, strict=True):
        exact = Fraction(total * weight, whole)
        assert abs(share - exact) < 1


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**10),
    st.integers(min_value=0, max_value=50),
    st.integers(min_value=0, max_value=50),
    st.lists(
        st.tuples(st.integers(1, 10**8), st.integers(0, 10**8)), min_size=1, max_size=30
    ).filter(lambda rows: any(t for _, t in rows)),
)
def test_member_shares_always_add_up_to_what_was_set_aside(shu, jm, ju, rows):
    members = pd.DataFrame(
        {
            "nama": [f"A{i}" for i in range(len(rows))],
            "simpanan_rp": [s for s, _ in rows],
            "transaksi_rp": [t for _, t in rows],
        }
    )
    df = shu_distribution(members, shu, jm, ju)
    assert df["shu_jasa_modal_rp"].sum() == int(Fraction(shu * jm, 100) + Fraction(1, 2))
    assert df["shu_jasa_usaha_rp"].sum() == int(Fraction(shu * ju, 100) + Fraction(1, 2))
    assert (df["shu_rp"] == df["shu_jasa_modal_rp"] + df["shu_jasa_usaha_rp"]).all()
    assert (df["shu_rp"] >= 0).all()


def test_allocation_of_the_whole_shu_is_decided_by_the_meeting():
    df = shu_allocation(60_000_000, ALOKASI_SHU_ILUSTRASI)
    assert df["pos"].tolist() == list(ALOKASI_SHU_ILUSTRASI)
    # 40 % of 60 million = 24 million; 5 % = 3 million
    assert df["jumlah_rp"].tolist() == [24_000_000, 24_000_000] + [3_000_000] * 4
    assert df["jumlah_rp"].sum() == 60_000_000
    own = shu_allocation(
        1_000_001, {"cadangan": 25, "jasa_modal": 20, "jasa_usaha": 30, "Dana RT": 25}
    )
    assert own["jumlah_rp"].sum() == 1_000_001  # the odd rupiah goes somewhere, exactly once
    assert own["pos"].tolist()[-1] == "Dana RT"  # a post of the meeting's own choosing
    assert shu_allocation(0, {"cadangan": 100})["jumlah_rp"].tolist() == [0]


def test_the_common_split_is_labelled_illustrative():
    assert sum(ALOKASI_SHU_ILUSTRASI.values()) == 100
    note = i18n.t("kop.shu.illustrative")
    assert "ilustrasi" in note and "Rapat Anggota" in note and "tidak menetapkan" in note
    assert "illustration" in i18n.t("kop.shu.illustrative", "en")
    assert "illustrative only" in shu_module.__doc__
    for pos in POS_SHU:
        assert label_pos_shu(pos) != pos and label_pos_shu(pos, "en") != pos


@pytest.mark.parametrize(
    "shares, expected",
    [
        ({"cadangan": 40, "jasa_anggota": 50}, 'diharapkan bagian-bagian yang jumlahnya tepat '
         '100%, diberikan "90% (cadangan 40% + jasa_anggota 50%)".'),
        ({"cadangan": 60, "jasa_anggota": 50}, 'diberikan "110% ('),
        ({"cadangan": 33.33, "jasa_anggota": 33.33, "sosial": 33.33}, 'diberikan "99,99% ('),
        ({"cadangan": 120, "sosial": -20}, 'Nilai untuk "cadangan" di luar batas'),
        ({}, 'Nilai untuk "Pembagian SHU (%)" wajib diisi'),
    ],
)  # fmt: skip
def test_shares_not_adding_up_to_100_are_refused(shares, expected):
    with pytest.raises(InputError) as caught:
        shu_allocation(60_000_000, shares)
    assert expected in str(caught.value)


def test_decimal_shares_that_add_up_exactly_are_accepted():
    df = shu_allocation(100, {"a": 33.33, "b": 33.33, "c": 33.34})
    assert df["jumlah_rp"].sum() == 100


@pytest.mark.parametrize(
    "change, args, expected",
    [
        ({}, (60_000_000, 60, 50), 'Nilai untuk "Jasa modal + jasa usaha" di luar batas: '
         'diharapkan jasa modal + jasa usaha paling banyak 100% dari SHU, diberikan "60% + 50%".'),
        ({}, (-1, 20, 25), 'Nilai untuk "SHU" di luar batas'),
        ({}, (60_000_000, 120, 0), 'Nilai untuk "Jasa modal (%)" di luar batas'),
        ({"transaksi_rp": [0] * 5}, (60_000_000, 20, 25), 'diharapkan transaksi anggota lebih '
         'dari Rp 0 agar jasa usaha dapat dibagi, diberikan "Rp 0".'),
        ({"simpanan_rp": [0] * 5}, (60_000_000, 20, 25), "simpanan anggota lebih dari Rp 0"),
        ({"simpanan_rp": [1, 2, -3, 4, 5]}, (60_000_000, 20, 25),
         'Nilai untuk "simpanan_rp anggota ke-3" di luar batas'),
        ({"transaksi_rp": [1, None, 3, 4, 5]}, (60_000_000, 20, 25),
         'Nilai untuk "transaksi_rp anggota ke-2" wajib diisi'),
        ({"transaksi_rp": [1, "banyak", 3, 4, 5]}, (60_000_000, 20, 25), 'diberikan "banyak"'),
    ],
)  # fmt: skip
def test_bad_member_data_and_percentages_get_clear_messages(change, args, expected):
    members = facts_members().assign(**change)
    with pytest.raises(InputError) as caught:
        shu_distribution(members, *args)
    assert expected in str(caught.value)


def test_missing_columns_and_empty_list():
    with pytest.raises(InputError) as caught:
        shu_distribution(pd.DataFrame({"nama": ["A"], "simpanan": [1]}), 100, 50, 50)
    assert "kolom nama, simpanan_rp dan transaksi_rp" in str(caught.value)
    assert 'diberikan "nama, simpanan"' in str(caught.value)
    empty = pd.DataFrame({"nama": [], "simpanan_rp": [], "transaksi_rp": []})
    with pytest.raises(InputError, match="paling sedikit satu anggota"):
        shu_distribution(empty, 100, 50, 50)
    with pytest.raises(TypeError):
        shu_distribution([{"nama": "A"}], 100, 50, 50)


def test_a_pot_of_zero_needs_no_weights():
    members = facts_members().assign(transaksi_rp=0)
    df = shu_distribution(members, 60_000_000, 20, 0)  # no jasa usaha: transactions unused
    assert df["shu_jasa_usaha_rp"].sum() == 0 and df["shu_rp"].sum() == 12_000_000


def test_names_are_re_exported():
    for name in shu_module.__all__:
        assert getattr(cooperative, name) is getattr(shu_module, name)


# --- the pots and the member list ---------------------------------------------------------------


def test_pots_follow_facts_and_add_up():
    pots = cooperative.shu_pots(60_000_000, 20, 25)
    # 20 % and 25 % of Rp 60 juta; the other 55 % stays with the reserve and other posts
    assert (pots.jasa_modal_rp, pots.jasa_usaha_rp) == (12_000_000, 15_000_000)
    assert pots.anggota_rp + pots.lainnya_rp == 60_000_000 and pots.lainnya_pct == 55


@given(
    shu=st.integers(0, 10**12),
    jm=st.decimals(0, 100, places=2),
    ju=st.decimals(0, 100, places=2),
)
@settings(max_examples=200, deadline=None)
def test_pots_never_exceed_the_shu(shu, jm, ju):
    if jm + ju > 100:
        with pytest.raises(InputError, match="paling banyak 100%"):
            cooperative.shu_pots(shu, float(jm), float(ju))
        return
    pots = cooperative.shu_pots(shu, float(jm), float(ju))
    assert 0 <= pots.anggota_rp <= shu and pots.lainnya_rp >= 0


def test_distribution_uses_the_same_pots():
    members = pd.DataFrame({"nama": ["A", "B", "C"], "simpanan_rp": [1, 2, 3],
                            "transaksi_rp": [5, 0, 1]})  # fmt: skip
    result = shu_distribution(members, 1_000_001, 33.33, 12.5)
    pots = cooperative.shu_pots(1_000_001, 33.33, 12.5)
    assert result["shu_jasa_modal_rp"].sum() == pots.jasa_modal_rp
    assert result["shu_jasa_usaha_rp"].sum() == pots.jasa_usaha_rp


def test_member_list_from_a_messy_csv():
    content = (
        "\ufeffNAMA ANGGOTA;Simpanan (Pokok + Wajib);Jumlah Transaksi\n"
        "Théresia;Rp 2.000.000;5.000.000\n"
        "\n"
        "Budi ;1.500.000,50;\n"
    ).encode("utf-8")
    members = cooperative.load_shu_members(content, filename="anggota.csv")
    assert members["nama"].tolist() == ["Théresia", "Budi"]
    assert members["simpanan_rp"].tolist() == [2_000_000, 1_500_000.5]
    assert members["transaksi_rp"].tolist() == [5_000_000, 0]  # empty: no business this year


def test_member_list_from_the_ledger_file_uses_pokok_plus_wajib():
    from desmigratif_kit.core import data

    content = data.data_path("sample/koperasi_sintetis.csv").read_bytes()
    members = cooperative.load_shu_members(content, filename="koperasi.csv")
    assert len(members) == 24
    # KSS-001: pokok 100.000 + wajib 450.000 (sukarela 250.000 does not count)
    assert members.iloc[0].tolist() == ["Rina Rahayu", 550_000.0, 270_000.0]


def test_member_list_problems_are_listed_and_name_the_columns_needed():
    from desmigratif_kit.core.tables import TableError

    with pytest.raises(TableError) as caught:
        cooperative.load_shu_members(b"Nama;Uang\nA;1\n", filename="x.csv")
    assert "Simpanan pokok + wajib" in str(caught.value)  # transactions may be left out
    with pytest.raises(TableError, match='baris 3, kolom "Simpanan"'):
        cooperative.load_shu_members(
            "Nama;Simpanan;Transaksi\nA;1;1\nB;dua;2\n".encode("cp1252"), filename="y.csv"
        )
    with pytest.raises(TableError, match="Simpanan Wajib"):  # a ledger with a bad cell
        cooperative.load_shu_members(
            b"Nama;Simpanan Pokok;Simpanan Wajib\nA;100.000;lima\n", filename="z.csv"
        )
