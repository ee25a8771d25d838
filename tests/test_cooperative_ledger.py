"""The cooperative's member ledger: import from Excel/CSV, totals that reconcile."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest

from desmigratif_kit import cooperative
from desmigratif_kit.cooperative import (
    LEDGER_SCHEMA,
    Selisih,
    check_ledger,
    ledger_to_shu_members,
    ledger_totals,
    load_ledger,
    load_sample_ledger,
    shu_distribution,
)
from desmigratif_kit.cooperative import ledger as ledger_module
from desmigratif_kit.core import data, i18n


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


def xlsx(rows) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_an_excel_ledger_with_indonesian_headers_and_a_total_row():
    content = xlsx(
        [
            ["No. Anggota", "Nama Anggota", "Tgl Masuk", "Simp. Pokok", "Simpanan Wajib",
             "Simpanan Sukarela", "Jumlah Simpanan", "Sisa Pinjaman", "Catatan"],
            ["A-01", "Siti", date(2025, 1, 5), 100_000, 120_000, 50_000, 270_000, 1_000_000, ""],
            ["A-02", "Budi", "12/03/2025", "Rp 100.000", "90.000", None, 190_000, None, "baru"],
            [None, "TOTAL", None, 200_000, 210_000, 50_000, 460_000, 1_000_000, None],
        ]
    )  # fmt: skip
    df = load_ledger(content, filename="buku.xlsx")
    assert df.columns.tolist() == LEDGER_SCHEMA.names
    assert df["nama"].tolist() == ["Siti", "Budi"]
    assert df["tanggal_masuk"].tolist() == [date(2025, 1, 5), date(2025, 3, 12)]
    assert df["simpanan_sukarela_rp"].tolist() == [50_000, 0]  # empty optional money: Rp 0
    assert df["sisa_pinjaman_rp"].tolist() == [1_000_000, 0]
    assert df.attrs["rows"] == [2, 3]
    assert df.attrs["baris_jumlah"]["baris"] == 4
    totals = ledger_totals(df)
    assert totals == {
        "anggota": 2,
        "simpanan_pokok_rp": 200_000,
        "simpanan_wajib_rp": 210_000,
        "simpanan_sukarela_rp": 50_000,
        "sisa_pinjaman_rp": 1_000_000,
        "transaksi_rp": 0,
        "simpanan_total_rp": 200_000 + 210_000 + 50_000,
    }
    assert check_ledger(df) == []


def test_the_sample_ledger_loads_and_reconciles():
    df = load_sample_ledger()
    assert len(df) == 24 and df["no_anggota"].is_unique
    assert (df["simpanan_pokok_rp"] == 100_000).all()
    assert check_ledger(df) == []
    totals = ledger_totals(df)
    row = df.attrs["baris_jumlah"]
    for column in ("simpanan_pokok_rp", "simpanan_wajib_rp", "sisa_pinjaman_rp", "transaksi_rp"):
        assert totals[column] == row[column]
    assert "SINTETIS" in data.data_path(ledger_module.SAMPLE_LEDGER_FILE).read_text("utf-8")
    changed = load_sample_ledger()
    changed.loc[0, "nama"] = "X"
    assert load_sample_ledger().loc[0, "nama"] != "X"  # a copy each time


def ledger_csv(*rows: str) -> bytes:
    header = "No. Anggota;Nama;Simpanan Pokok;Simpanan Wajib;Simpanan Sukarela;Jumlah Simpanan"
    return "\n".join([header, *rows]).encode("utf-8")


def test_what_does_not_add_up_is_listed():
    content = ledger_csv(
        "1;Siti;100.000;120.000;0;220.000",
        "2;Budi;100.000;90.000;10.000;190.000",  # 100,000 + 90,000 + 10,000 = 200,000
        "3;Ani;50.000;60.000;0;110.000",  # simpanan pokok differs
        "JUMLAH;JUMLAH;250.000;270.000;10.000;530.000",  # sukarela fine; total 520,000
    )
    found = check_ledger(load_ledger(content, filename="b.csv"))
    assert [(s.kode, s.baris, s.kolom) for s in found] == [
        ("jumlah_baris", 3, "jumlah_simpanan_rp"),
        ("baris_jumlah", 5, "jumlah_simpanan_rp"),
        ("pokok_berbeda", 4, "simpanan_pokok_rp"),
    ]
    first = found[0]
    assert (first.tercatat, first.dihitung, first.selisih) == (190_000, 200_000, -10_000)
    assert first.pesan() == (
        "Baris 3: Jumlah simpanan tertulis Rp 190.000, sedangkan pokok + wajib + sukarela = "
        "Rp 200.000 (selisih -Rp 10.000)."
    )
    assert found[1].pesan().startswith("Baris JUMLAH (baris 5): Jumlah simpanan tertulis")
    assert "Law 25/1992" in found[2].pesan("en")


def test_reported_totals_are_checked_against_the_ledger():
    df = load_ledger(ledger_csv("1;Siti;100.000;120.000;0;220.000"), filename="c.csv")
    assert check_ledger(df, {"simpanan_wajib_rp": "Rp 120.000", "simpanan_total_rp": 220_000}) == []
    found = check_ledger(df, {"simpanan_wajib_rp": 125_000, "sisa_pinjaman_rp": 0})
    assert found == [Selisih("laporan", None, "simpanan_wajib_rp", 125_000, 120_000)]
    assert found[0].pesan() == (
        "Laporan: Simpanan wajib tercatat Rp 125.000, sedangkan jumlah di buku anggota "
        "Rp 120.000 (selisih Rp 5.000)."
    )
    with pytest.raises(i18n.InputError, match="simpanan_total_rp"):
        check_ledger(df, {"kas_rp": 5})


def test_problems_in_the_file_come_all_at_once():
    content = ledger_csv(
        "1;Siti;100.000;lima puluh;0;",
        "1;Budi;100.000;-5;0;",
        ";;100.000;0;0;",
        "Jumlah;Jumlah;;;;",
        "Total;Total;;;;",
    )
    with pytest.raises(data.TableError) as caught:
        load_ledger(content, filename="d.csv")
    problems = [(p.row, p.column) for p in caught.value.problems]
    assert (2, "Simpanan Wajib") in problems  # "lima puluh"
    assert (3, "Simpanan Wajib") in problems  # negative
    assert (4, "Nama") in problems  # a member without a name
    message = str(caught.value)
    assert message.startswith('Berkas "d.csv" tidak dapat dipakai.')
    assert 'baris 2, kolom "Simpanan Wajib": diharapkan jumlah rupiah' in message


def test_duplicate_member_numbers_and_two_total_rows():
    with pytest.raises(data.TableError) as caught:
        load_ledger(ledger_csv("7;Siti;100.000;0;0;", "7;Budi;100.000;0;0;"), filename="e.csv")
    assert [(p.row, p.expected) for p in caught.value.problems] == [(3, "expected.unique_code")]
    with pytest.raises(data.TableError) as caught:
        load_ledger(
            ledger_csv("1;Siti;100.000;0;0;", ";Jumlah;100.000;0;0;", ";TOTAL;100.000;0;0;"),
            filename="f.csv",
        )
    assert "hanya satu baris JUMLAH" in str(caught.value)


def test_missing_required_columns_are_named():
    with pytest.raises(data.TableError) as caught:
        load_ledger(b"Nama;Tabungan\nSiti;5.000\n", filename="g.csv")
    message = str(caught.value)
    assert '"Simpanan pokok"' in message and '"Simpanan wajib"' in message


def test_ledger_feeds_the_shu_distribution():
    df = load_sample_ledger()
    members = ledger_to_shu_members(df)
    assert members.columns.tolist() == ["nama", "simpanan_rp", "transaksi_rp"]
    assert (members["simpanan_rp"] == df["simpanan_pokok_rp"] + df["simpanan_wajib_rp"]).all()
    shu = shu_distribution(members, 12_000_000, 20, 25)
    assert shu["shu_jasa_modal_rp"].sum() == 2_400_000  # 20 % of 12 million
    assert shu["shu_jasa_usaha_rp"].sum() == 3_000_000  # 25 % of 12 million


def test_names_are_re_exported():
    for name in ledger_module.__all__:
        assert getattr(cooperative, name) is getattr(ledger_module, name)


# --- what the app saves and types ----------------------------------------------------------------


def test_records_round_trip_and_are_json_ready():
    import json

    sample = load_sample_ledger()
    records = cooperative.ledger_records(sample)
    assert json.loads(json.dumps(records)) == records
    assert (
        records[0]["tanggal_masuk"] == "2023-03-04" and records[0]["simpanan_wajib_rp"] == 450_000
    )
    again = cooperative.ledger_from_records(records)
    assert list(again.columns) == cooperative.LEDGER_EDIT_SCHEMA.names
    assert ledger_totals(again) == ledger_totals(sample)
    assert again.loc[0, "tanggal_masuk"] == date(2023, 3, 4)


def test_unreadable_saved_values_are_left_empty_not_fatal():
    ledger = cooperative.ledger_from_records(
        [{"nama": "Siti", "simpanan_pokok_rp": "seratus", "simpanan_wajib_rp": None}, 42]
    )
    assert len(ledger) == 1 and ledger["simpanan_pokok_rp"].isna().all()
    assert ledger.loc[0, "sisa_pinjaman_rp"] == 0  # empty optional money counts as Rp 0
    assert cooperative.ledger_from_records(None).empty


def test_typed_members_refuse_a_total_row_and_a_number_used_twice():
    typed = cooperative.ledger_from_records(
        [
            {"no_anggota": "A-1", "nama": "Siti", "simpanan_pokok_rp": 1, "simpanan_wajib_rp": 1},
            {"no_anggota": "A-1 ", "nama": "Budi", "simpanan_pokok_rp": 1, "simpanan_wajib_rp": 1},
            {"no_anggota": None, "nama": "JUMLAH", "simpanan_pokok_rp": 2, "simpanan_wajib_rp": 2},
            {"no_anggota": "", "nama": "Ani", "simpanan_pokok_rp": 1, "simpanan_wajib_rp": 1},
        ]
    )
    with pytest.raises(data.TableError) as caught:
        cooperative.check_members(typed)
    text = str(caught.value)
    rows = [(p.row, p.column) for p in caught.value.problems]  # rows 2.. as a sheet shows
    assert rows == [(3, "kop.col.no_anggota"), (4, "kop.col.nama")]
    assert 'baris 3, kolom "No. Anggota"' in text and 'diberikan "A-1"' in text
    assert 'baris 4, kolom "Nama"' in text and "JUMLAH dihitung sendiri" in text
    assert len(caught.value.problems) == 2  # blank numbers are not duplicates


def test_row_totals_add_pokok_wajib_sukarela_without_changing_the_input():
    sample = load_sample_ledger()
    before = sample.copy()
    totals = cooperative.with_row_totals(sample)["jumlah_simpanan_rp"]
    # the sample's own "Jumlah Simpanan" column agrees member by member
    assert (totals == sample["jumlah_simpanan_rp"]).all()
    assert "jumlah_simpanan_rp" in before and sample.equals(before)
    assert totals.sum() == ledger_totals(sample)["simpanan_total_rp"] == 14_890_000
