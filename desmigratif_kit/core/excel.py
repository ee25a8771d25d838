"""Excel workbooks the way an Indonesian office expects them (openpyxl, no widgets).

One call for every app that hands a table out: :func:`workbook` takes sheets (:class:`Lembar`),
each a DataFrame with the kit's column kinds (:class:`~desmigratif_kit.core.tables.Column`:
``text``, ``int``, ``number``, ``rp``, ``pct``, ``date``, ``bool``, ``choice``), and writes
Indonesian headers (the columns' labels through the catalogs), real numbers with number formats
(``"Rp" #,##0`` for money, ``#,##0`` for counts; Excel shows them with the reader's separators,
``Rp 1.500.000`` in Indonesian Excel), real dates (``DD/MM/YYYY``), a bold frozen header row
with a filter, sensible column widths, an optional note above the table (the source, or
"angka ilustrasi") and an optional totals row.

>>> import io, openpyxl, pandas as pd
>>> from desmigratif_kit.core.tables import Column
>>> df = pd.DataFrame({"nama": ["Ani", "Budi"], "simpanan_rp": [150000, 2500000]})
>>> cols = [Column("nama", "text", label="Nama"), Column("simpanan_rp", "rp", label="Simpanan")]
>>> book = workbook([Lembar("Anggota", df, cols, catatan="Data contoh", total=["simpanan_rp"])])
>>> sheet = openpyxl.load_workbook(io.BytesIO(book))["Anggota"]
>>> [c.value for c in sheet[2]], sheet["B3"].value, sheet["B3"].number_format
(['Nama', 'Simpanan'], 150000, '"Rp" #,##0')
>>> sheet["A5"].value, sheet["B5"].value
('Jumlah', 2650000)
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from desmigratif_kit.core.i18n import t, text_or_key
from desmigratif_kit.core.tables import Column

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NUMBER_FORMATS = {
    "rp": '"Rp" #,##0',
    "int": "#,##0",
    "number": "#,##0.##",
    "pct": '0.0#"%"',
    "date": "DD/MM/YYYY",
}
"""Excel number formats per column kind (``pct`` values are in percent units: 5.4 → 5,4%)."""
_HEADER_FILL = PatternFill("solid", fgColor="DCE9F5")
_NOTE_FONT = Font(italic=True, color="5B6470")
MAX_WIDTH = 60


@dataclass(frozen=True)
class Lembar:
    """One sheet: a title (at most 31 characters), a DataFrame, its columns (default: every
    column of the frame as text or number), a note above the table, columns to total."""

    judul: str
    df: pd.DataFrame
    kolom: Sequence[Column] | None = None
    catatan: str = ""
    total: Sequence[str] = field(default_factory=tuple)


def _columns(sheet: Lembar) -> list[Column]:
    if sheet.kolom is not None:
        return list(sheet.kolom)
    found = []
    for name in sheet.df.columns:
        numeric = pd.api.types.is_numeric_dtype(sheet.df[name]) and not pd.api.types.is_bool_dtype(
            sheet.df[name]
        )
        found.append(Column(str(name), "number" if numeric else "text"))
    return found


def _cell_value(value: Any, kind: str) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if kind == "date":
        if isinstance(value, pd.Timestamp | datetime):
            return value.date()
        return value if isinstance(value, date) else str(value)
    if kind == "bool":
        return t("lesson.yes") if bool(value) else t("lesson.no")
    if kind in ("int", "rp", "number", "pct"):
        number = float(value)
        return int(number) if kind in ("int", "rp") and number.is_integer() else number
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    return value if isinstance(value, int | float) else str(value)


def _shown_length(value: Any, kind: str) -> int:
    if value is None:
        return 0
    if kind == "rp" and isinstance(value, int | float):
        return len(f"{value:,.0f}") + 3
    if kind == "date":
        return 10
    return len(str(value))


def _write_sheet(book: Workbook, sheet: Lembar) -> None:
    ws = book.create_sheet(title=sheet.judul[:31])
    columns = _columns(sheet)
    missing = [c.name for c in columns if c.name not in sheet.df.columns]
    if missing:
        raise KeyError(f"sheet {sheet.judul!r}: columns not in the table: {missing}")
    row = 1
    if sheet.catatan:
        ws.cell(row=1, column=1, value=sheet.catatan).font = _NOTE_FONT
        row = 2
    header_row = row
    widths = []
    for index, column in enumerate(columns, start=1):
        header = text_or_key(column.title)
        cell = ws.cell(row=row, column=index, value=header)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        widths.append(min(max(len(header), 8), 30))
    for values in sheet.df[[c.name for c in columns]].itertuples(index=False, name=None):
        row += 1
        for index, (column, raw) in enumerate(zip(columns, values, strict=True), start=1):
            value = _cell_value(raw, column.kind)
            cell = ws.cell(row=row, column=index, value=value)
            if column.kind in NUMBER_FORMATS and value is not None and not isinstance(value, str):
                cell.number_format = NUMBER_FORMATS[column.kind]
            widths[index - 1] = max(widths[index - 1], _shown_length(value, column.kind))
    if sheet.total and len(sheet.df):
        row += 1
        ws.cell(row=row, column=1, value=t("excel.total")).font = Font(bold=True)
        for index, column in enumerate(columns, start=1):
            if column.name in sheet.total:
                total = _cell_value(pd.to_numeric(sheet.df[column.name]).sum(), column.kind)
                cell = ws.cell(row=row, column=index, value=total)
                cell.font = Font(bold=True)
                cell.number_format = NUMBER_FORMATS.get(column.kind, "General")
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = min(width + 2, MAX_WIDTH)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    if len(sheet.df):
        last = get_column_letter(len(columns))
        ws.auto_filter.ref = f"A{header_row}:{last}{header_row + len(sheet.df)}"


def workbook(sheets: Sequence[Lembar]) -> bytes:
    """The ``.xlsx`` bytes of a workbook with ``sheets`` in order (at least one)."""
    if not sheets:
        raise ValueError("a workbook needs at least one sheet")
    titles = [s.judul[:31] for s in sheets]
    if len(set(titles)) != len(titles):
        raise ValueError(f"sheet titles must differ in their first 31 characters: {titles}")
    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        _write_sheet(book, sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
