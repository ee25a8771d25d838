"""core.apps.table.RowsEditor: typed rows for phones, read the Indonesian way, every problem."""

from __future__ import annotations

from datetime import date

import pytest

from desmigratif_kit.core.apps.table import RowsEditor, form_problems_html
from desmigratif_kit.core.tables import Column, Schema, TableError

SCHEMA = Schema(
    "bahan",
    [
        Column("bahan", "text", label="Bahan"),
        Column("jumlah", "number", label="Jumlah"),
        Column("satuan", "choice", label="Satuan", choices=["kg", "liter", "buah"]),
        Column("harga_rp", "rp", label="Harga"),
        Column("tanggal", "date", label="Tanggal beli", required=False),
    ],
)


def test_rows_are_shown_and_read_back_with_the_schema_dtypes():
    rows = [{"bahan": "Kemiri", "jumlah": 3.5, "satuan": "kg", "harga_rp": 25000,
             "tanggal": date(2026, 11, 2)}]  # fmt: skip
    editor = RowsEditor(SCHEMA, rows=rows)
    assert editor.cells[0]["jumlah"].value == "3,5"
    assert editor.cells[0]["harga_rp"].value == "25.000"
    assert editor.cells[0]["tanggal"].value == "02/11/2026"
    df = editor.frame()
    assert df.to_dict("records") == [{**rows[0], "jumlah": 3.5, "harga_rp": 25000.0}]
    assert str(df["harga_rp"].dtype) == "float64"


def test_every_bad_cell_is_reported_with_row_column_expected_and_given():
    editor = RowsEditor(SCHEMA, rows=[{"bahan": "Kemiri"}, {"bahan": "Botol"}])
    editor.cells[0]["jumlah"].value = "1.5"
    editor.cells[0]["satuan"].value = "kg"
    editor.cells[0]["harga_rp"].value = "25.000"
    editor.cells[1]["jumlah"].value = "2"
    editor.cells[1]["satuan"].value = "buah"
    editor.cells[1]["harga_rp"].value = "dua ribu"
    editor.cells[1]["tanggal"].value = "31/02/2026"
    with pytest.raises(TableError) as caught:
        editor.frame()
    messages = [problem.message() for problem in caught.value.problems]
    assert messages[0].startswith('baris 1, kolom "Jumlah": diharapkan angka')
    assert 'diberikan "1.5"' in messages[0]
    assert any('baris 2, kolom "Harga"' in m and '"dua ribu"' in m for m in messages)
    assert any('baris 2, kolom "Tanggal beli"' in m for m in messages)
    html = form_problems_html(caught.value)
    assert "Isian belum dapat dipakai" in html and "Berkas" not in html


def test_blank_rows_are_skipped_and_required_blanks_named():
    editor = RowsEditor(SCHEMA, min_rows=2)
    assert len(editor.cells) == 2 and len(editor.frame()) == 0
    editor.cells[1]["bahan"].value = "Label"
    with pytest.raises(TableError) as caught:
        editor.frame()
    assert {p.column for p in caught.value.problems} == {"Jumlah", "Satuan", "Harga"}
    assert all(p.row == 2 for p in caught.value.problems)


def test_add_and_remove_rows_notify_and_respect_the_limits():
    changes = []
    editor = RowsEditor(SCHEMA, on_change=lambda: changes.append(1), max_rows=2, min_rows=1)
    editor.add_button.click()
    assert len(editor.cells) == 2 and editor.add_button.disabled and changes == [1]
    editor.add_button.click()
    assert len(editor.cells) == 2
    editor.cells[0]["bahan"].value = "x"
    assert changes == [1, 1]
    editor.remove_row(0, notify=True)
    editor.remove_row(0, notify=True)  # min_rows keeps one
    assert len(editor.cells) == 1


def test_participant_text_is_escaped_in_problem_lists():
    editor = RowsEditor(SCHEMA, rows=[{"bahan": "x", "jumlah": "<b>dua</b>", "satuan": "kg",
                                       "harga_rp": "1"}])  # fmt: skip
    with pytest.raises(TableError) as caught:
        editor.frame()
    assert "<b>dua</b>" not in form_problems_html(caught.value)
