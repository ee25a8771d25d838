"""The roster as saved work: records, form entries, measurements, import merge, Excel out (with
names for the village, counts only for others)."""

import io
from datetime import date

import openpyxl
import pandas as pd
import pytest

from desmigratif_kit.core import i18n
from desmigratif_kit.core.i18n import InputError
from desmigratif_kit.core.tables import TableError
from desmigratif_kit.parenting import (
    SAMPLE_REFERENCE_DATE_ANAK,
    ada_data_contoh,
    assess_roster,
    child_key,
    count_children,
    entri_anak,
    gabung_roster,
    hapus_anak,
    hapus_ukuran_anak,
    load_roster,
    load_sample_roster,
    ringkasan_xlsx,
    roster_from_records,
    roster_records,
    roster_xlsx,
    simpan_anak,
    tambah_ukuran_anak,
)


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


AYU = {"nama_anak": "Ayu Lestari", "jenis_kelamin": "P", "tanggal_lahir": "05/08/2025",
       "orang_tua_di_luar_negeri": "ibu", "negara_orang_tua": "Hong Kong",
       "pengasuh": "nenek", "nama_pengasuh": "Mbah Sumi"}  # fmt: skip


@pytest.fixture
def one_child():
    return simpan_anak(roster_from_records([]), AYU)


def test_records_round_trip_the_sample_exactly():
    df = load_sample_roster()
    back = roster_from_records(roster_records(df))
    assert list(back.columns) == list(df.columns)
    pd.testing.assert_frame_equal(back, df, check_dtype=True)
    assert all(
        isinstance(v, str) or v is None for v in [r["tanggal_lahir"] for r in roster_records(df)]
    )


def test_a_child_from_the_form_follows_the_file_rules(one_child):
    df, key = one_child
    assert key == "ayu lestari|2025-08-05"
    row = df.iloc[0]
    assert (row["pengasuh"], row["orang_tua_di_luar_negeri"]) == ("nenek", "ibu")
    assert row["tanggal_lahir"] == date(2025, 8, 5) and pd.isna(row["berat_kg"])


def test_every_problem_of_a_form_is_listed():
    with pytest.raises(TableError) as err:
        entri_anak({"nama_anak": "", "jenis_kelamin": "X", "tanggal_lahir": "31/02/2025",
                    "pengasuh": "robot"})  # fmt: skip
    columns = sorted(problem.column for problem in err.value.problems)
    assert columns == ["Jenis kelamin", "Nama anak", "Pengasuh", "Tanggal lahir"]


def test_the_same_child_twice_is_refused_but_editing_itself_is_fine(one_child):
    df, key = one_child
    with pytest.raises(TableError) as err:
        simpan_anak(df, {**AYU, "nama_anak": " ayu  LESTARI"})
    assert err.value.problems[0].expected == "par.expected.unique_child"
    changed, new_key = simpan_anak(df, {**AYU, "pengasuh": "kakek"}, anak=key)
    assert new_key == key and changed.loc[0, "pengasuh"] == "kakek"
    assert df.loc[0, "pengasuh"] == "nenek"  # the input is not changed


def test_changing_details_changes_every_row_of_the_child(one_child):
    df, key = one_child
    df = tambah_ukuran_anak(df, key, {"tanggal_ukur": "10/01/2026", "berat_kg": "7,0"})
    df = tambah_ukuran_anak(df, key, {"tanggal_ukur": "10/02/2026", "berat_kg": "7,5"})
    df, key = simpan_anak(df, {**AYU, "nama_anak": "Ayu L."}, anak=key)
    assert df["nama_anak"].tolist() == ["Ayu L.", "Ayu L."] and key == "ayu l.|2025-08-05"


def test_a_birth_date_after_a_measurement_is_refused(one_child):
    df, key = one_child
    df = tambah_ukuran_anak(df, key, {"tanggal_ukur": "10/01/2026", "berat_kg": "7,0"})
    with pytest.raises(TableError) as err:
        simpan_anak(df, {**AYU, "tanggal_lahir": "05/02/2026"}, anak=key)
    assert "10 Januari 2026" in str(err.value)


def test_measurements_fill_the_empty_row_then_add_rows_and_replace_the_same_date(one_child):
    df, key = one_child
    df = tambah_ukuran_anak(df, key, {"tanggal_ukur": "10/01/2026", "berat_kg": "7,0"})
    assert len(df) == 1 and df.loc[0, "berat_kg"] == 7.0
    df = tambah_ukuran_anak(
        df, key, {"tanggal_ukur": "10/02/2026", "berat_kg": "7.5", "tinggi_cm": "66",
                  "cara_ukur": "terlentang"})  # fmt: skip
    df = tambah_ukuran_anak(df, key, {"tanggal_ukur": "10/02/2026", "berat_kg": "7,6"})
    assert df["berat_kg"].tolist() == [7.0, 7.6]
    assert df["nama_pengasuh"].tolist() == ["Mbah Sumi", "Mbah Sumi"]  # details copied


@pytest.mark.parametrize(
    ("nilai", "words"),
    [
        ({"tanggal_ukur": "10/02/2026", "berat_kg": "-7"}, 'diberikan "-7"'),
        ({"tanggal_ukur": "10/02/2026", "tinggi_cm": "300"}, 'diberikan "300"'),
        ({"tanggal_ukur": "10/02/2031", "berat_kg": "17"}, "umur 0-60 bulan"),
        ({"tanggal_ukur": "", "berat_kg": "7"}, "wajib diisi"),
    ],
)
def test_impossible_measurements_change_nothing(one_child, nilai, words):
    df, key = one_child
    with pytest.raises(InputError, match=words):
        tambah_ukuran_anak(df, key, nilai)
    assert len(df) == 1 and pd.isna(df.loc[0, "berat_kg"])


def test_removing_measurements_and_children(one_child):
    df, key = one_child
    df = tambah_ukuran_anak(df, key, {"tanggal_ukur": "10/01/2026", "berat_kg": "7,0"})
    df = tambah_ukuran_anak(df, key, {"tanggal_ukur": "10/02/2026", "berat_kg": "7,5"})
    df = hapus_ukuran_anak(df, key, "2026-01-10")
    assert df["berat_kg"].tolist() == [7.5]
    df = hapus_ukuran_anak(df, key, "2026-02-10")
    assert len(df) == 1 and df.loc[0, "nama_anak"] == "Ayu Lestari"  # the child stays
    assert len(hapus_anak(df, key)) == 0


# --- import: messy files ----------------------------------------------------------------------

MESSY = (
    "Nama Balita ; JK ; Tgl Lahir ; Tgl Timbang ; BB (kg) ; TB/PB (cm) ; Posisi ; "
    "Diasuh oleh\n"
    "Théresia Ndona;Perempuan;05/08/2025;10/01/2026;7,0;64,5;telentang;Mbah\n"
    "\n"
    "Théresia Ndona;P;05/08/2025;10/02/2026;7,5;;;\n"
    "Yosef Bata;L;12/03/2023;10/02/2026;11,8;88;berdiri;bapak\n"
)


def test_a_messy_posyandu_file_reads_with_its_aliases_and_merges():
    new = load_roster(MESSY.encode("cp1252"), filename="posyandu.csv")  # Windows-1252, é
    assert len(new) == 3 and new["pengasuh"].tolist()[0] == "nenek"
    old = load_roster(
        b"Nama anak;JK;Tgl lahir;Tgl ukur;BB\nTh\xe9resia Ndona;P;05/08/2025;10/01/2026;6,9\n",
        filename="lama.csv",
    )
    merged = gabung_roster(old, new, "posyandu.csv")
    assert len(merged) == 3  # January replaced by the file's, February and Yosef added
    assert merged.loc[merged["tanggal_ukur"] == date(2026, 1, 10), "berat_kg"].tolist() == [7.0]
    assert len(set(child_key(merged))) == 2


def test_a_file_with_bad_cells_lists_every_problem():
    bad = (
        "Nama anak;JK;Tgl lahir;Tgl ukur;BB;TB\n"
        "Ayu;P;05/08/2025;10/02/2026;-7;66\n"
        "Budi;X;31/02/2024;10/02/2026;10;300\n"
        "Citra;P;05/08/2025;01/08/2025;7;\n"
    )
    with pytest.raises(TableError) as err:
        load_roster(bad.encode(), filename="buruk.csv")
    rows = sorted((p.row, p.column) for p in err.value.problems)
    assert rows == [(2, "BB"), (3, "JK"), (3, "TB"), (3, "Tgl lahir")]  # first pass: cells
    with pytest.raises(TableError) as err:
        load_roster(bad.replace("-7", "7").replace(";X;31/02/2024", ";L;10/02/2024")
                    .replace(";300", ";80").encode(), filename="buruk.csv")  # fmt: skip
    assert [(p.row, p.column) for p in err.value.problems] == [(4, "Tanggal ukur")]


def test_a_child_who_changes_sex_in_an_import_is_a_problem_and_nothing_merges(one_child):
    df, _ = one_child
    new = load_roster(b"Nama anak;JK;Tgl lahir\nAyu Lestari;L;05/08/2025\nBudi;L;01/01/2024\n",
                      filename="b.csv")  # fmt: skip
    with pytest.raises(TableError) as err:
        gabung_roster(df, new, "b.csv")
    assert [(p.row, p.column, p.given) for p in err.value.problems] == [(2, "Jenis kelamin", "L")]


# --- Excel ------------------------------------------------------------------------------------


def test_the_named_roster_excel_has_indonesian_headers_formats_and_reads_back():
    df = load_sample_roster()
    book = openpyxl.load_workbook(io.BytesIO(roster_xlsx(df, SAMPLE_REFERENCE_DATE_ANAK)))
    assert book.sheetnames == ["Data anak", "Hasil terakhir", "Perlu dikunjungi"]
    data = book["Data anak"]
    headers = [c.value for c in data[1]]
    assert headers[:4] == ["ID anak", "Nama anak", "Jenis kelamin", "Tanggal lahir"]
    assert data["D2"].number_format == "DD/MM/YYYY" and data["D2"].value.year == 2024
    assert data["K3"].value == 10.4 and data["K3"].number_format == "#,##0.##"
    assert data["I2"].value == "belum sekolah"  # codes written as words
    latest = book["Hasil terakhir"]
    assert "BERISI NAMA ANAK" in latest["A1"].value
    assert latest["A2"].value == "Nama anak" and latest.max_row == 2 + 180
    visits = book["Perlu dikunjungi"]
    assert visits.max_row == 2 + count_children(df, SAMPLE_REFERENCE_DATE_ANAK)["perlu_kunjungan"]
    # the first sheet is a roster file again
    buffer = io.BytesIO()
    only = openpyxl.Workbook()
    only.remove(only.active)
    sheet = only.create_sheet("Data anak")
    for row in data.iter_rows(values_only=True):
        sheet.append(row)
    only.save(buffer)
    back = load_roster(buffer.getvalue(), filename="kembali.xlsx")
    pd.testing.assert_frame_equal(
        roster_from_records(roster_records(back)), roster_from_records(roster_records(df))
    )


def test_the_counts_excel_names_no_child_no_carer_and_no_parent():
    df = load_sample_roster()
    counts = count_children(df, SAMPLE_REFERENCE_DATE_ANAK)
    content = ringkasan_xlsx(counts, SAMPLE_REFERENCE_DATE_ANAK, "di Desa Sukamaju Sintetis")
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    values = [str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None]
    text = " ".join(values)
    names = set(df["nama_anak"].dropna()) | set(df["nama_pengasuh"].dropna())
    assert names and not [name for name in names if name in text]
    assert sheet["A2"].value == "Keterangan" and sheet["B2"].value == "Jumlah anak"
    rows = {row[0]: row[1] for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert rows["Pendek (stunting)"] == 21 and rows["Semua anak dalam data"] == 180
    assert all(isinstance(v, int) for v in rows.values())
    assert "15 Desember 2026" in sheet["A1"].value


def test_the_sample_is_recognised():
    df = load_sample_roster()
    assert ada_data_contoh(df)
    df = df.assign(keterangan=pd.array([None] * len(df), dtype="string"))
    assert not ada_data_contoh(df)


def test_assessing_a_roster_made_in_the_app_matches_the_file_rules(one_child):
    df, key = one_child
    df = tambah_ukuran_anak(df, key, {"tanggal_ukur": "10/02/2026", "berat_kg": "7,5",
                                      "tinggi_cm": "66", "cara_ukur": "terlentang"})  # fmt: skip
    from_file = load_roster(
        b"Nama;JK;Tgl Lahir;Tgl Ukur;BB (kg);TB (cm);Cara ukur\n"
        b"Ayu Lestari;P;05/08/2025;10/02/2026;7,5;66,0;terlentang\n"
    )
    a, b = assess_roster(df), assess_roster(from_file)
    assert (
        a.loc[0, ["z_bb_u", "z_tb_u", "z_bb_tb"]].tolist()
        == b.loc[0, ["z_bb_u", "z_tb_u", "z_bb_tb"]].tolist()
    )
