"""Data files and checksums, Kemendagri area codes, and reading messy uploaded tables."""

import io
import json
import os
import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desmigratif_kit.core import data, files, i18n
from desmigratif_kit.core import wilayah as wilayah_mod
from desmigratif_kit.core.data import (
    Column,
    Problem,
    Schema,
    TableError,
    load_wilayah,
    read_table,
    search_desa,
    wilayah_children,
    wilayah_name,
    wilayah_path,
)
from desmigratif_kit.core.i18n import InputError

ROOT = Path(__file__).resolve().parent.parent
RANGGATALO = "53.08.12.2014"  # the seed's "Rangga Talo", Lio Timur, Ende
RENGASPENDAWA = "33.29.15.2007"  # the seed's "Rengas Pendawa", Larangan, Brebes


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


# --- files and checksums -------------------------------------------------------------------


def test_data_dir_is_found_from_the_package_not_the_working_directory():
    assert data.DATA_DIR == ROOT / "data"
    assert data.data_path("reference/kode_wilayah_kemendagri_2025.csv").is_file()
    with pytest.raises(ValueError):
        data.data_path("/etc/passwd")


def test_data_dir_can_be_moved_with_an_environment_variable(tmp_path):
    code = "from desmigratif_kit.core import data; print(data.DATA_DIR)"
    env = {**os.environ, "DESMIGRATIF_DATA_DIR": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd="/", capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == str(tmp_path.resolve())


def test_every_data_file_matches_the_checksum_registry():
    assert data.verify_checksums() == []
    registry = json.loads(data.data_path("checksums.json").read_text())
    assert "reference/kode_wilayah_kemendagri_2025.csv" in registry
    assert all(re.fullmatch(r"[0-9a-f]{64}", digest) for digest in registry.values())


def test_the_kemendagri_file_is_the_shared_reference_copy():
    shared = Path("/work/shared/reference/kode_wilayah_kemendagri_2025.csv")
    if not shared.exists():
        pytest.skip("shared reference folder not mounted here")
    ours = data.data_path("reference/kode_wilayah_kemendagri_2025.csv")
    assert data.file_sha256(ours) == data.file_sha256(shared)


def test_verify_checksums_reports_changed_missing_and_unregistered_files(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "DATA_DIR", tmp_path)
    (tmp_path / "reference").mkdir()
    (tmp_path / "sample").mkdir()
    (tmp_path / "reference" / "a.csv").write_text("kode,nama\n")
    (tmp_path / "sample" / "b.csv").write_text("x\n")
    (tmp_path / "sample" / ".hidden").write_text("ignored")
    assert set(data.update_checksums()) == {"reference/a.csv", "sample/b.csv"}
    assert data.verify_checksums() == []

    (tmp_path / "reference" / "a.csv").write_text("kode,nama\n11,Aceh\n")
    (tmp_path / "sample" / "b.csv").unlink()
    (tmp_path / "sample" / "c.csv").write_text("new")
    assert data.verify_checksums() == ["reference/a.csv", "sample/b.csv", "sample/c.csv"]


# --- Kemendagri area codes -----------------------------------------------------------------

LEVEL_PATTERN = {
    1: r"\d{2}",
    2: r"\d{2}\.\d{2}",
    3: r"\d{2}\.\d{2}\.\d{2}",
    4: r"\d{2}\.\d{2}\.\d{2}\.\d{4}",
}


def test_load_wilayah_has_every_area_of_the_2025_edition_with_valid_codes():
    wilayah = load_wilayah()
    assert list(wilayah.columns) == ["kode", "nama", "tingkat", "induk"]
    assert wilayah.groupby("tingkat").size().to_dict() == {1: 38, 2: 514, 3: 7285, 4: 83762}
    assert wilayah["tingkat"].dtype == "int8"
    assert wilayah["kode"].is_unique and wilayah["kode"].is_monotonic_increasing
    for level, pattern in LEVEL_PATTERN.items():
        codes = wilayah.loc[wilayah["tingkat"] == level, "kode"]
        assert codes.str.fullmatch(pattern).all(), level
    parents = wilayah["kode"].str.rpartition(".")[0].replace("", None)
    assert (wilayah["induk"].astype(object).where(wilayah["tingkat"] > 1) == parents).sum() == (
        len(wilayah) - 38
    )
    assert set(wilayah["induk"].dropna()) <= set(wilayah["kode"])
    assert wilayah["induk"].isna().sum() == 38


def test_load_wilayah_is_cached_and_callers_cannot_spoil_the_cache():
    first = load_wilayah()
    first["nama"] = "diubah"
    first.drop(index=0, inplace=True)
    again = load_wilayah()
    assert len(again) == 91599 and again.loc[0, "nama"] == "Aceh"
    assert wilayah_mod._wilayah_frame.cache_info().hits >= 1


def _write_wilayah(root: Path, text: str) -> None:
    (root / "reference").mkdir(parents=True, exist_ok=True)
    (root / data.WILAYAH_FILE).write_text(text, encoding="utf-8")


def test_a_broken_wilayah_file_is_refused_with_every_problem(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "DATA_DIR", tmp_path)
    _write_wilayah(
        tmp_path,
        "kode,nama\n11,Aceh\n11.01,Kab A\n11.01,Kab A lagi\n11.9,Salah\n12.01,Yatim\n11.02,\n",
    )
    with pytest.raises(TableError) as caught:
        load_wilayah()
    found = [(p.row, p.expected) for p in caught.value.problems]
    assert found == [
        (4, "expected.unique_code"),
        (5, "expected.wilayah_code"),
        (6, "expected.wilayah_parent"),
        (7, "expected.text"),
    ]
    assert "baris 5" in str(caught.value) and '"11.9"' in str(caught.value)


def test_a_wilayah_file_with_other_headers_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "DATA_DIR", tmp_path)
    _write_wilayah(tmp_path, "code,name\n11,Aceh\n")
    with pytest.raises(TableError, match="kode, nama"):
        wilayah_children()


def test_children_paths_and_names():
    provinces = wilayah_children()
    assert len(provinces) == 38 and list(provinces.columns) == ["kode", "nama"]
    assert provinces.iloc[0].tolist() == ["11", "Aceh"]
    kabupaten = wilayah_children("53")
    assert "Kabupaten Ende" in set(kabupaten["nama"])
    assert kabupaten["kode"].str.startswith("53.").all()
    villages = wilayah_children("53.08.12")
    assert (RANGGATALO, "Ranggatalo") in set(villages.itertuples(index=False, name=None))
    assert len(wilayah_children(RANGGATALO)) == 0
    assert wilayah_path(RANGGATALO) == [
        ("53", "Nusa Tenggara Timur"),
        ("53.08", "Kabupaten Ende"),
        ("53.08.12", "Lio Timur"),
        (RANGGATALO, "Ranggatalo"),
    ]
    assert wilayah_name("3329152007") == "Rengaspendawa"  # digits without dots are fine


def test_every_area_is_the_child_of_its_parent():
    wilayah = load_wilayah()
    sample = wilayah.iloc[::997]
    for kode, induk in zip(sample["kode"], sample["induk"], strict=True):
        assert kode in set(wilayah_children(None if pd.isna(induk) else induk)["kode"])


@pytest.mark.parametrize("kode", ["99", "53.99", "53.08.12.9999", "53.8", "abc", ""])
def test_unknown_or_malformed_codes_say_what_was_expected(kode):
    with pytest.raises(InputError, match="kode wilayah Kemendagri seperti 32.12.16.2004"):
        wilayah_name(kode)


def test_search_finds_the_seed_villages_whatever_the_spacing():
    assert search_desa("rangga talo")["kode"].tolist() == [RANGGATALO]
    assert search_desa("RENGAS PENDAWA")["kode"].tolist() == [RENGASPENDAWA]
    assert search_desa("rengas", parent="33.29")["kode"].tolist() == [
        "33.29.07.2020",
        RENGASPENDAWA,
    ]


def test_search_lists_names_starting_with_the_text_first_and_respects_the_limit():
    found = search_desa("kranggan", limit=1000)["nama"].str.casefold()
    starts = found.str.startswith("kranggan").tolist()
    assert starts == sorted(starts, reverse=True)  # all True before all False
    assert any(starts) and not all(starts)
    assert len(search_desa("a", limit=50)) == 50
    assert search_desa("a", limit=50)["kode"].is_unique


def test_search_by_code_and_with_empty_text():
    assert len(search_desa("33.29.15")) == 11
    assert search_desa("33.29.15")["kode"].str.startswith("33.29.15.").all()
    under = search_desa("", parent="33.29.15", limit=5)
    assert under["kode"].tolist() == wilayah_children("33.29.15")["kode"].tolist()[:5]
    assert len(search_desa("zzzzzz")) == 0


def test_search_under_a_parent_stays_under_it_and_unknown_parents_are_refused():
    found = search_desa("sumber", parent="35", limit=500)
    assert len(found) > 50 and found["kode"].str.startswith("35.").all()
    with pytest.raises(InputError):
        search_desa("sumber", parent="35.99")


def _brute_force(needle: str, parent: str) -> list[str]:
    wilayah = load_wilayah()
    desa = wilayah[(wilayah["tingkat"] == 4) & wilayah["kode"].str.startswith(parent)]
    keys = desa["nama"].map(wilayah_mod._search_text)
    first = desa.loc[keys.str.startswith(needle), "kode"].tolist()
    rest = desa.loc[keys.str.contains(needle, regex=False) & ~keys.str.startswith(needle), "kode"]
    return first + rest.tolist()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(min_value=0, max_value=83761),
    st.integers(min_value=0, max_value=6),
    st.integers(min_value=1, max_value=5),
    st.sampled_from(["", "32", "33.29", "53.08.12", "11"]),
)
def test_search_agrees_with_a_brute_force_scan(row, start, length, parent):
    nama = load_wilayah().query("tingkat == 4").iloc[row]["nama"]
    needle = wilayah_mod._search_text(nama)[start : start + length] or "a"
    found = search_desa(needle, parent=parent or None, limit=100_000)["kode"].tolist()
    assert found == _brute_force(needle, parent)


# --- read_table ----------------------------------------------------------------------------

REGISTER = Schema(
    "register",
    [
        Column("nama", "text", label="Nama"),
        Column("tanggal_lahir", "date", label="Tanggal lahir", aliases=["tgl lahir"]),
        Column("biaya_rp", "rp", label="Biaya (Rp)", aliases=["biaya"]),
        Column("anak", "int", required=False, label="Jumlah anak", min=0, max=20),
        Column("sudah_pulang", "bool", required=False, label="Sudah pulang"),
        Column(
            "jenis_kelamin",
            "choice",
            required=False,
            label="Jenis kelamin",
            choices={"L": ["laki-laki", "pria"], "P": ["perempuan", "wanita"]},
        ),
        Column("catatan", "text", required=False),
    ],
)


def _xlsx_bytes(rows: list[list], sheet_title: str = "Data") -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = sheet_title
    for number, row in enumerate(rows, 1):
        for column, value in enumerate(row, 1):
            if value is not None:
                sheet.cell(row=number, column=column, value=value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_windows_1252_semicolon_csv_from_an_indonesian_excel(tmp_path):
    text = (
        "NAMA ; Tgl Lahir;Biaya;jumlah_anak;Sudah pulang;Jenis Kelamin;Kolom lain\r\n"
        "Sútrisno ;12/09/2017;Rp 1.500.000;2;ya;Laki-laki;abaikan\r\n"
        ";;;;;;\r\n"
        "  Kadék;1-2-1990;Rp1.250.000,-;;tidak;p;\r\n"
        "\r\n"
        "Wayan;2017-09-12;750.000,50;0;X;PRIA;\r\n"
    )
    path = tmp_path / "register.csv"
    path.write_bytes(text.encode("cp1252"))
    table = read_table(path, REGISTER)
    assert list(table.columns) == REGISTER.names
    assert table["nama"].tolist() == ["Sútrisno", "Kadék", "Wayan"]
    assert table["tanggal_lahir"].tolist() == [
        date(2017, 9, 12),
        date(1990, 2, 1),
        date(2017, 9, 12),
    ]
    assert table["biaya_rp"].tolist() == [1500000.0, 1250000.0, 750000.5]
    assert table["anak"].tolist() == [2, pd.NA, 0]
    assert table["sudah_pulang"].tolist() == [True, False, True]
    assert table["jenis_kelamin"].tolist() == ["L", "P", "L"]
    assert table["catatan"].isna().all()
    assert table.attrs["rows"] == [2, 4, 6]
    assert str(table["anak"].dtype) == "Int64"
    assert str(table["nama"].dtype) == "string"
    assert str(table["sudah_pulang"].dtype) == "boolean"
    assert table["biaya_rp"].dtype == "float64"
    assert table["tanggal_lahir"].dtype == object


def test_utf8_with_bom_and_commas_with_quoted_decimal_amounts():
    text = 'Nama,Tanggal lahir,Biaya (Rp)\n"Siti, S.Pd.",12 Agu 2001,"1.500.000,50"\n'
    table = read_table(text.encode("utf-8-sig"), REGISTER, filename="daftar.csv")
    assert table.loc[0, "nama"] == "Siti, S.Pd."
    assert table.loc[0, "tanggal_lahir"] == date(2001, 8, 12)
    assert table.loc[0, "biaya_rp"] == 1500000.5


def test_xlsx_with_real_dates_numbers_and_blank_rows():
    content = _xlsx_bytes(
        [
            [None],
            ["Nama", "Tanggal lahir", "Biaya (Rp)", "Jumlah anak", "Sudah pulang"],
            ["Sumardi", datetime(1980, 5, 1), 1500000, 3.0, True],
            [None, None, None, None, None],
            [" Irmibus ", date(1975, 12, 24), "Rp 2.000.000", "1", "tidak"],
            ["Ani", "12/09/2017", 250000.5, None, 1],
        ]
    )
    table = read_table(io.BytesIO(content), REGISTER, filename="laporan.xlsx")
    assert table["nama"].tolist() == ["Sumardi", "Irmibus", "Ani"]
    assert table["tanggal_lahir"].tolist() == [
        date(1980, 5, 1),
        date(1975, 12, 24),
        date(2017, 9, 12),
    ]
    assert table["biaya_rp"].tolist() == [1500000.0, 2000000.0, 250000.5]
    assert table["anak"].tolist() == [3, 1, pd.NA]
    assert table["sudah_pulang"].tolist() == [True, False, True]
    assert table.attrs["rows"] == [3, 5, 6]


def test_xlsx_problems_carry_the_row_numbers_excel_shows():
    content = _xlsx_bytes(
        [
            ["Nama", "Tanggal lahir", "Biaya"],
            ["A", datetime(1980, 5, 1), 1],
            [None, None, None],
            [None, None, None],
            ["B", 42990, "satu juta"],
        ]
    )
    with pytest.raises(TableError) as caught:
        read_table(content, REGISTER, filename="x.xlsx")
    assert [(p.row, p.column, p.given) for p in caught.value.problems] == [
        (5, "Tanggal lahir", "42990"),
        (5, "Biaya", "satu juta"),
    ]


def test_every_bad_cell_is_listed_at_once_in_indonesian_and_english():
    text = (
        "Nama;Tanggal lahir;Biaya;Jumlah anak;Sudah pulang;Jenis kelamin\n"
        "Sutrisno;31/02/2017;Rp 1.5;2,5;mungkin;X\n"
        ";12/09/2017;1.500.000;25;ya;L\n"
    )
    with pytest.raises(TableError) as caught:
        read_table(text.encode(), REGISTER, filename="data.csv")
    err = caught.value
    assert isinstance(err, InputError) and isinstance(err, ValueError)
    assert [(p.row, p.column) for p in err.problems] == [
        (2, "Tanggal lahir"),
        (2, "Biaya"),
        (2, "Jumlah anak"),
        (2, "Sudah pulang"),
        (2, "Jenis kelamin"),
        (3, "Nama"),
        (3, "Jumlah anak"),
    ]
    assert all(p.file == "data.csv" for p in err.problems)
    assert str(err).splitlines() == [
        'Berkas "data.csv" tidak dapat dipakai. Masalah yang ditemukan: 7.',
        '- baris 2, kolom "Tanggal lahir": diharapkan tanggal seperti 12/09/2017, '
        'diberikan "31/02/2017".',
        '- baris 2, kolom "Biaya": diharapkan jumlah rupiah seperti Rp 1.500.000, '
        'diberikan "Rp 1.5".',
        '- baris 2, kolom "Jumlah anak": diharapkan bilangan bulat seperti 1.500.000, '
        'diberikan "2,5".',
        '- baris 2, kolom "Sudah pulang": diharapkan ya atau tidak, diberikan "mungkin".',
        '- baris 2, kolom "Jenis kelamin": diharapkan salah satu dari: L, P, diberikan "X".',
        '- baris 3, kolom "Nama": diharapkan teks, diberikan sel kosong.',
        '- baris 3, kolom "Jumlah anak": diharapkan antara 0 dan 20, diberikan "25".',
    ]
    i18n.set_language("en")
    english = str(err)
    assert english.startswith('The file "data.csv" cannot be used. Problems found: 7.')
    assert '- row 3, column "Nama": expected text, given an empty cell.' in english


def test_a_missing_required_column_is_named_with_the_columns_found():
    text = "Nama;Tgl;Biaya\nSiti;12/09/2017;1.000\n"
    with pytest.raises(TableError) as caught:
        read_table(text.encode(), REGISTER, filename="a.csv")
    assert len(caught.value.problems) == 1
    assert str(caught.value).splitlines()[1] == (
        '- baris 1: diharapkan kolom "Tanggal lahir", diberikan kolom "Nama", "Tgl", "Biaya".'
    )
    assert 'expected a column "Tanggal lahir"' in caught.value.message("en")


def test_missing_columns_and_bad_cells_are_reported_together():
    text = "Nama;Biaya\nSiti;seribu\n"
    with pytest.raises(TableError) as caught:
        read_table(text.encode(), REGISTER, filename="a.csv")
    assert [(p.row, p.column) for p in caught.value.problems] == [
        (1, "Tanggal lahir"),
        (2, "Biaya"),
    ]


def test_two_headers_for_one_column_are_refused():
    text = "Nama;Tanggal lahir;Biaya;biaya_rp\nSiti;12/09/2017;1.000;2.000\n"
    with pytest.raises(TableError, match="hanya satu kolom untuk"):
        read_table(text.encode(), REGISTER, filename="a.csv")


def test_a_header_only_file_gives_an_empty_table_with_the_schema_types():
    table = read_table(b"Nama;Tanggal lahir;Biaya\n\n", REGISTER, filename="kosong.csv")
    assert table.empty and list(table.columns) == REGISTER.names
    assert str(table["anak"].dtype) == "Int64" and table["biaya_rp"].dtype == "float64"


@pytest.mark.parametrize(
    ("content", "filename", "expected"),
    [
        (b"", "kosong.csv", "berkas kosong"),
        (b" \r\n;;\r\n", "kosong.csv", "berkas kosong"),
        (b"%PDF-1.4", "laporan.pdf", "diharapkan berkas Excel (.xlsx) atau CSV (.csv)"),
        (b"\xd0\xcf\x11\xe0", "lama.xls", 'diberikan "lama.xls"'),
        (b"not a zip", "rusak.xlsx", "diharapkan berkas Excel .xlsx yang dapat dibuka"),
        (b"a\x00b;c\n", "biner.csv", "UTF-8 atau Windows-1252"),
    ],
)
def test_unusable_files_get_one_clear_message(content, filename, expected):
    with pytest.raises(TableError) as caught:
        read_table(content, REGISTER, filename=filename)
    assert len(caught.value.problems) == 1 and caught.value.problems[0].row is None
    assert expected in str(caught.value)
    assert filename in str(caught.value)


def test_a_missing_path_and_unnamed_uploads():
    with pytest.raises(TableError, match="diharapkan berkas yang ada"):
        read_table("/no/such/file.csv", REGISTER)
    with pytest.raises(TableError, match='Berkas "unggahan"'):
        read_table(b"", REGISTER)


def test_sources_may_be_bytes_memoryviews_file_objects_or_paths(tmp_path):
    text = b"Nama;Tanggal lahir;Biaya\nSiti;12/09/2017;1.000\n"
    xlsx = _xlsx_bytes([["Nama", "Tanggal lahir", "Biaya"], ["Siti", "12/09/2017", 1000]])
    (tmp_path / "a.csv").write_bytes(text)
    (tmp_path / "b.xlsx").write_bytes(xlsx)
    sources = [
        (text, "a.csv"),
        (memoryview(text), "a.csv"),  # what ipywidgets' FileUpload gives
        (io.BytesIO(text), None),
        (str(tmp_path / "a.csv"), None),
        (tmp_path / "b.xlsx", None),
        (xlsx, None),  # no name: the content says it is a workbook
        (open(tmp_path / "b.xlsx", "rb"), None),
    ]
    for source, name in sources:
        table = read_table(source, REGISTER, filename=name)
        assert table.loc[0, "biaya_rp"] == 1000.0, source
        if hasattr(source, "close"):
            source.close()


def test_the_problem_list_is_complete_but_the_message_is_kept_readable():
    rows = "".join(f"Orang {n};bukan tanggal;1.000\n" for n in range(150))
    with pytest.raises(TableError) as caught:
        read_table(("Nama;Tanggal lahir;Biaya\n" + rows).encode(), REGISTER, filename="a.csv")
    assert len(caught.value.problems) == 150
    lines = str(caught.value).splitlines()
    assert len(lines) == 1 + 100 + 1 and lines[-1] == "… dan 50 masalah lain."


def test_column_and_schema_are_checked_when_defined():
    with pytest.raises(ValueError):
        Column("x", "float")
    with pytest.raises(ValueError):
        Column("x", "choice")
    with pytest.raises(ValueError):
        Schema("s", [Column("x", "text"), Column("x", "int")])


def test_date_bounds_are_shown_as_dates():
    schema = Schema("s", [Column("tanggal", "date", min=date(2020, 1, 1))])
    with pytest.raises(TableError, match="paling sedikit 1 Januari 2020"):
        read_table(b"tanggal\n31/12/2019\n", schema, filename="a.csv")


def test_problem_messages_without_row_or_column():
    problem = Problem("a.csv", None, None, "expected.header_row", "")
    assert (
        problem.message() == "diharapkan tabel dengan baris judul kolom, diberikan berkas kosong."
    )
