"""core.excel: workbooks with Indonesian headers, Rp formats, real dates, notes and totals."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pandas as pd
import pytest

from desmigratif_kit.core import i18n
from desmigratif_kit.core.excel import NUMBER_FORMATS, XLSX_MIME, Lembar, workbook
from desmigratif_kit.core.tables import Column

COLUMNS = [
    Column("nama", "text", label="Nama"),
    Column("tanggal", "date", label="Tanggal"),
    Column("jumlah", "int", label="Jumlah barang"),
    Column("harga_rp", "rp", label="Harga"),
    Column("margin_pct", "pct", label="Margin"),
    Column("aktif", "bool", label="Aktif"),
]


def frame():
    return pd.DataFrame(
        {
            "nama": ["Minyak kemiri", "Minyak kakao", None],
            "tanggal": [date(2017, 9, 12), None, date(2026, 12, 1)],
            "jumlah": pd.array([10, 5, None], dtype="Int64"),
            "harga_rp": [25000.0, 1500000.0, float("nan")],
            "margin_pct": [30.0, 12.5, None],
            "aktif": [True, False, True],
        }
    )


def read(content, title):
    return openpyxl.load_workbook(io.BytesIO(content))[title]


def test_headers_values_and_formats():
    sheet = read(workbook([Lembar("Produk", frame(), COLUMNS)]), "Produk")
    assert [c.value for c in sheet[1]] == [
        "Nama", "Tanggal", "Jumlah barang", "Harga", "Margin", "Aktif",
    ]  # fmt: skip
    row = sheet[2]
    assert row[0].value == "Minyak kemiri"
    assert row[1].value.date() == date(2017, 9, 12) and row[1].number_format == "DD/MM/YYYY"
    assert row[2].value == 10 and row[2].number_format == "#,##0"
    assert row[3].value == 25000 and row[3].number_format == '"Rp" #,##0'
    assert row[4].value == 30 and row[4].number_format == NUMBER_FORMATS["pct"]
    assert row[5].value == "Ya" and sheet["F3"].value == "Tidak"
    assert sheet["A4"].value is None and sheet["D4"].value is None  # blanks stay blank
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:F4"
    assert sheet["A1"].font.bold


def test_note_above_and_totals_below():
    content = workbook([Lembar("Produk", frame(), COLUMNS, catatan="Angka ilustrasi",
                               total=["jumlah", "harga_rp"])])  # fmt: skip
    sheet = read(content, "Produk")
    assert sheet["A1"].value == "Angka ilustrasi" and sheet["A2"].value == "Nama"
    assert sheet.freeze_panes == "A3"
    assert sheet["A6"].value == "Jumlah" and sheet["C6"].value == 15
    assert sheet["D6"].value == 1_525_000 and sheet["D6"].number_format == '"Rp" #,##0'


def test_headers_follow_the_language_through_catalog_keys():
    cols = [Column("r", "text", label="role.kepala_desa")]
    df = pd.DataFrame({"r": ["x"]})
    i18n.set_language("en")
    try:
        sheet = read(workbook([Lembar("S", df, cols)]), "S")
    finally:
        i18n.set_language("id")
    assert sheet["A1"].value == "Village head"


def test_several_sheets_in_order_and_clear_errors():
    df = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    content = workbook([Lembar("Ringkasan", df), Lembar("Rincian", df)])
    assert openpyxl.load_workbook(io.BytesIO(content)).sheetnames == ["Ringkasan", "Rincian"]
    with pytest.raises(ValueError):
        workbook([])
    with pytest.raises(ValueError, match="differ"):
        workbook([Lembar("A", df), Lembar("A", df)])
    with pytest.raises(KeyError, match="tidak_ada"):
        workbook([Lembar("A", df, [Column("tidak_ada", "text")])])
    assert XLSX_MIME.endswith("spreadsheetml.sheet")
