"""The parenting group's activity plan: the schema reads messy files, the attendance rule, the
plan in numbers, the merge of an import, Excel out and back in."""

import io
from datetime import date

import openpyxl
import pandas as pd
import pytest

from desmigratif_kit.core import i18n
from desmigratif_kit.core.data import read_table
from desmigratif_kit.core.tables import TableError
from desmigratif_kit.parenting import (
    KEGIATAN_SCHEMA,
    TOPIK,
    cek_kegiatan,
    gabung_kegiatan,
    kegiatan_from_records,
    kegiatan_records,
    kegiatan_xlsx,
    ringkas_kegiatan,
)


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


PLAN = [
    {"topik": "Makan bergizi", "tanggal": "2026-11-07", "tempat": "Balai desa", "diundang": 20,
     "hadir": 15},
    {"topik": "Anak tetap sekolah", "tanggal": "2026-12-05", "diundang": 25, "hadir": 21},
    {"topik": "Telepon video dengan ibu", "tanggal": "2027-01-09", "diundang": 20},
    {"topik": "Ayah mengasuh", "tanggal": "2027-02-06"},
]  # fmt: skip


def test_the_plan_in_numbers():
    summary = ringkas_kegiatan(kegiatan_from_records(PLAN))
    assert summary == {
        "direncanakan": 4,
        "terlaksana": 2,
        "diundang": 20 + 25,
        "hadir": 15 + 21,
        "kehadiran_pct": round(100 * (15 + 21) / (20 + 25), 1),  # 80.0
        "berikutnya": date(2027, 1, 9),
    }
    assert summary["kehadiran_pct"] == 80.0


def test_attendance_is_only_over_sessions_with_both_counts():
    df = kegiatan_from_records([{"topik": "A", "tanggal": "2026-11-07", "hadir": 12}])
    summary = ringkas_kegiatan(df)
    assert summary["terlaksana"] == 1 and summary["hadir"] == 12
    assert summary["kehadiran_pct"] is None and summary["berikutnya"] is None


def test_records_round_trip():
    df = kegiatan_from_records(PLAN)
    assert kegiatan_from_records(kegiatan_records(df)).equals(df)
    assert kegiatan_records(df)[3] == {
        "topik": "Ayah mengasuh", "tanggal": "2027-02-06", "tempat": None, "diundang": None,
        "hadir": None, "catatan": None,
    }  # fmt: skip


def test_more_present_than_invited_is_refused_naming_the_row():
    df = kegiatan_from_records(PLAN + [{"topik": "X", "tanggal": "2027-03-06", "diundang": 10,
                                        "hadir": 12}])  # fmt: skip
    df.attrs["rows"] = [1, 2, 3, 4, 5]  # the cards' numbers in the app
    with pytest.raises(TableError) as err:
        cek_kegiatan(df, "formulir")
    (problem,) = err.value.problems
    assert (problem.row, problem.column, problem.given) == (5, "par.keg.col.hadir", "12")
    assert "paling banyak 10 (jumlah yang diundang)" in str(err.value)


def test_the_checked_plan_is_sorted_by_date_and_the_input_kept():
    df = kegiatan_from_records(list(reversed(PLAN)))
    checked = cek_kegiatan(df)
    assert [d.month for d in checked["tanggal"]] == [11, 12, 1, 2]
    assert df["topik"].iloc[0] == "Ayah mengasuh"


MESSY = (
    "Tema;Hari/tanggal;Lokasi;Undangan;Jumlah hadir;Ket.\n"
    "Makan bergizi;07/11/2026;Balai desa;20;15;\n"
    "\n"
    "Anak tetap sekolah;5 Desember 2026;Posyandu Mawar;25;21;bawa KIP\n"
    "Telepon video;09-01-2027;;dua puluh;;\n"
    "Ayah mengasuh;;;;;\n"
)


def test_a_messy_file_reads_by_its_aliases_and_every_problem_is_listed():
    with pytest.raises(TableError) as err:
        read_table(MESSY.encode("cp1252"), KEGIATAN_SCHEMA, "kegiatan.csv")
    problems = sorted((p.row, p.column) for p in err.value.problems)
    assert problems == [(5, "Undangan"), (6, "Hari/tanggal")]
    good = MESSY.replace("dua puluh", "20").replace("Ayah mengasuh;;", "Ayah mengasuh;06/02/2027;")
    df = cek_kegiatan(read_table(good.encode("cp1252"), KEGIATAN_SCHEMA, "kegiatan.csv"))
    assert df["topik"].tolist() == [
        "Makan bergizi", "Anak tetap sekolah", "Telepon video", "Ayah mengasuh",
    ]  # fmt: skip
    assert (
        df["tanggal"].tolist()[1] == date(2026, 12, 5) and df["catatan"].tolist()[1] == "bawa KIP"
    )


def test_an_english_header_reads_too():
    df = read_table(b"Topic,Date,Carers invited,Carers present\nGizi,07/11/2026,20,15\n",
                    KEGIATAN_SCHEMA, "plan.csv")  # fmt: skip
    assert df.loc[0, "hadir"] == 15


def test_an_import_replaces_the_same_topic_and_date_and_adds_the_rest():
    lama = kegiatan_from_records(PLAN)
    baru = kegiatan_from_records([{"topik": " makan  BERGIZI", "tanggal": "2026-11-07",
                                   "diundang": 20, "hadir": 18},
                                  {"topik": "Stigma", "tanggal": "2027-03-06"}])  # fmt: skip
    merged = gabung_kegiatan(lama, baru)
    assert len(merged) == 5
    assert merged.loc[merged["tanggal"] == date(2026, 11, 7), "hadir"].tolist() == [18]
    assert list(merged["tanggal"]) == sorted(merged["tanggal"])


def test_the_excel_plan_has_its_headers_and_formats_and_imports_again():
    df = kegiatan_from_records(PLAN)
    content = kegiatan_xlsx(df)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert [c.value for c in sheet[1]] == [
        "Topik", "Tanggal", "Tempat", "Pengasuh diundang", "Pengasuh hadir", "Catatan",
    ]  # fmt: skip
    assert sheet["B2"].number_format == "DD/MM/YYYY" and sheet["D2"].number_format == "#,##0"
    assert sheet["D2"].value == 20 and sheet["E5"].value is None
    back = cek_kegiatan(read_table(content, KEGIATAN_SCHEMA, "rencana.xlsx"))
    assert kegiatan_records(back) == kegiatan_records(df)
    i18n.set_language("en")
    english = openpyxl.load_workbook(io.BytesIO(kegiatan_xlsx(df))).active
    assert english["D1"].value == "Carers invited"
    assert kegiatan_records(read_table(kegiatan_xlsx(df), KEGIATAN_SCHEMA, "p.xlsx")) == (
        kegiatan_records(df)
    )


def test_every_suggested_topic_has_a_label_and_a_reason_in_both_languages():
    for lang in ("id", "en"):
        for code in TOPIK:
            assert len(i18n.t(f"par.topik.{code}", lang)) > 10
            assert i18n.t(f"par.topik.{code}.why", lang).endswith(".")


def test_an_empty_plan():
    df = kegiatan_from_records([])
    assert list(df.columns) == KEGIATAN_SCHEMA.names and len(cek_kegiatan(df)) == 0
    assert ringkas_kegiatan(df)["direncanakan"] == 0
    assert isinstance(df, pd.DataFrame)
