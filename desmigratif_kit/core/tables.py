"""Reading the tables people bring: Excel and CSV files checked against a :class:`Schema`.

``read_table(source, schema)`` accepts what Indonesian offices really produce (``.xlsx``, CSV
with ``;`` or ``,``, UTF-8 with or without BOM, Windows-1252; ``1.500.000,50``,
``Rp 1.500.000``, ``12/09/2017``) and reports **every** problem at once, each with its row,
column, what was expected and what was given (:class:`TableError`).
"""

from __future__ import annotations

import csv
import io
import logging
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from desmigratif_kit.core.i18n import (
    InputError,
    format_date,
    format_number,
    format_pct,
    format_rp,
    parse_bool,
    parse_date,
    parse_number,
    parse_pct,
    parse_rp,
    quote_given,
    t,
    text_or_key,
)

log = logging.getLogger(__name__)

# --- schemas and problems ------------------------------------------------------------------

KINDS = ("text", "int", "number", "rp", "pct", "date", "bool", "choice")
_EXPECTED = {
    "text": "expected.text",
    "int": "expected.integer",
    "number": "expected.number",
    "rp": "expected.rp",
    "pct": "expected.pct",
    "date": "expected.date",
    "bool": "expected.bool",
    "choice": "expected.choice",
}


def _norm_header(text: str) -> str:
    """Headers compare without case, spaces, ``_``/``-`` differences or a trailing ``:``/``*``.

    >>> _norm_header("  Tanggal_Lahir *")
    'tanggal lahir'
    """
    return re.sub(r"[\s_\-]+", " ", text.casefold()).strip(" :*")


@dataclass(frozen=True)
class Column:
    """One column of a table: its name in the DataFrame, its kind and its rules.

    ``label`` (a catalog key or text) is what people see; headers match ``name``, ``label``
    (in every language) and ``aliases``, ignoring case and spacing. ``choices`` is a list of
    canonical values, or a mapping of canonical value to other accepted spellings. ``min`` and
    ``max`` bound ``int``, ``number``, ``rp`` and ``date`` values.

    >>> Column("jenis_kelamin", "choice", choices={"L": ["laki-laki"], "P": ["perempuan"]}
    ...        ).choice_lookup["laki laki"]
    'L'
    >>> Column("umur", "years")
    Traceback (most recent call last):
    ...
    ValueError: Column 'umur': kind must be one of text, int, number, rp, pct, date, bool,
    choice, not 'years'
    """

    name: str
    kind: str
    required: bool = True
    label: str | None = None
    choices: Sequence[str] | Mapping[str, Sequence[str]] | None = None
    aliases: Sequence[str] = ()
    min: Any = None
    max: Any = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(
                f"Column {self.name!r}: kind must be one of {', '.join(KINDS)}, not {self.kind!r}"
            )
        if (self.kind == "choice") != bool(self.choices):
            raise ValueError(f"Column {self.name!r}: choices go with kind 'choice' only")

    @property
    def title(self) -> str:
        """The label (or catalog key) people see, else the name."""
        return self.label or self.name

    @cached_property
    def header_names(self) -> frozenset[str]:
        names = [self.name, *self.aliases]
        if self.label:
            names += [self.label] + [text_or_key(self.label, lang) for lang in ("id", "en")]
        return frozenset(_norm_header(name) for name in names)

    @cached_property
    def choice_lookup(self) -> dict[str, str]:
        """Accepted spelling (normalized) → canonical value."""
        choices = self.choices or ()
        spellings = choices if isinstance(choices, Mapping) else {value: () for value in choices}
        return {
            _norm_header(str(text)): canonical
            for canonical, others in spellings.items()
            for text in (canonical, *others)
        }


@dataclass(frozen=True)
class Schema:
    """A named list of columns, in the order the DataFrame will have them."""

    name: str
    columns: Sequence[Column]

    def __post_init__(self) -> None:
        object.__setattr__(self, "columns", tuple(self.columns))
        names = [column.name for column in self.columns]
        if len(set(names)) != len(names):
            raise ValueError(f"Schema {self.name!r}: column names must be unique: {names}")

    @property
    def names(self) -> list[str]:
        return [column.name for column in self.columns]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where (``row`` as the spreadsheet shows it, header = 1;
    ``None`` for the whole file), which column (as headed in the file), what was expected (a
    catalog key, filled with ``values``, or text) and what was given (the cell's text)."""

    file: str | None
    row: int | None
    column: str | None
    expected: str
    given: str
    values: Mapping[str, Any] = field(default_factory=dict)
    key: str = "table.problem"

    def message(self, lang: str | None = None) -> str:
        """The problem as one sentence, without the file name.

        >>> Problem("a.csv", 3, "Tanggal", "expected.date", "31/02/2017").message()
        'baris 3, kolom "Tanggal": diharapkan tanggal seperti 12/09/2017, diberikan "31/02/2017".'
        >>> Problem("a.csv", 4, "Nama", "expected.text", "").message("en")
        'row 4, column "Nama": expected text, given an empty cell.'
        """
        if self.key == "table.missing_column":
            column = text_or_key(self.expected, lang)
            return t(self.key, lang, row=self.row, column=column, found=self.given)
        empty = t("table.given_empty_file" if self.row is None else "table.given_empty_cell", lang)
        fields = {
            "row": self.row,
            "column": text_or_key(self.column, lang) if self.column else None,
            "expected": text_or_key(self.expected, lang, **self.values),
            "given": quote_given(self.given, empty),
        }
        if self.row is None:
            return t("table.problem_file", lang, **fields)
        if self.column is None:
            return t("table.problem_row", lang, **fields)
        return t("table.problem_cell", lang, **fields)

    def sort_key(self) -> tuple[int, int]:
        return (-1 if self.row is None else self.row, 0)


class TableError(InputError):
    """A table that cannot be used, with **all** the problems found in ``.problems``.

    ``str(err)`` names the file and lists the problems (the first ``LIST_LIMIT`` of them, then
    how many more) in the current language.
    """

    LIST_LIMIT = 100

    def __init__(self, problems: Iterable[Problem], file: str | None = None) -> None:
        problems = sorted(problems, key=Problem.sort_key)
        super().__init__("table.error", expected="expected.header_row", given=file)
        self.problems = problems
        self.file = file

    def message(self, lang: str | None = None) -> str:
        name = self.file or t("table.unnamed", lang)
        lines = [t("table.error", lang, file=name, count=len(self.problems))]
        lines += [f"- {problem.message(lang)}" for problem in self.problems[: self.LIST_LIMIT]]
        hidden = len(self.problems) - self.LIST_LIMIT
        if hidden > 0:
            lines.append(t("table.more", lang, count=hidden))
        return "\n".join(lines)


class _FileProblem(Exception):
    """Internal: a problem with the file as a whole, which stops reading it."""

    def __init__(self, expected: str, given: str) -> None:
        super().__init__(expected, given)
        self.expected = expected
        self.given = given


# --- read_table: the file ------------------------------------------------------------------

_XLSX_SUFFIXES = {".xlsx", ".xlsm"}
_CSV_SUFFIXES = {".csv", ".txt"}
_ZIP_MAGIC = b"PK\x03\x04"
_DELIMITERS = (";", ",", "\t")  # ties go to ";", what Excel saves in an Indonesian locale


def _source_bytes(source: Any, filename: str | None) -> tuple[bytes, str | None]:
    """The file's bytes and the name to show, from a path, bytes or a file-like object."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), filename
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        try:
            return path.read_bytes(), filename or path.name
        except OSError:
            raise _FileProblem("expected.file_exists", str(source)) from None
    if hasattr(source, "read"):
        content = source.read()
        if isinstance(content, str):
            content = content.encode("utf-8")
        name = filename or Path(str(getattr(source, "name", "") or "")).name or None
        return bytes(content), name
    raise TypeError(f"read_table reads a path, bytes or a file object, not {type(source)}")


def _file_kind(name: str | None, content: bytes) -> str:
    suffix = Path(name).suffix.lower() if name else ""
    if content.startswith(_ZIP_MAGIC) and suffix in _CSV_SUFFIXES | {""}:
        return "xlsx"  # an Excel file saved under a .csv name still opens
    if suffix in _XLSX_SUFFIXES:
        return "xlsx"
    if suffix in _CSV_SUFFIXES or suffix == "":
        return "csv"
    raise _FileProblem("expected.file_type", name or suffix)


def _xlsx_rows(content: bytes, name: str | None) -> list[tuple[int, list[Any]]]:
    """(spreadsheet row number, cell values) of the workbook's first sheet."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # a damaged or mislabelled file fails in many ways
        log.info("cannot open %s as .xlsx: %r", name, error)
        raise _FileProblem("expected.xlsx_readable", name or "") from None
    try:
        sheet = book.worksheets[0]
        return [
            (number, list(values))
            for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), 1)
        ]
    finally:
        book.close()


def _decode(content: bytes, name: str | None) -> str:
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _FileProblem("expected.csv_text", name or "")


def _sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first non-blank line into the most fields.

    >>> _sniff_delimiter("Nama;Biaya (Rp)\\nSiti;1.500.000,50"), _sniff_delimiter("a,b\\n1,2")
    (';', ',')
    """
    header = next((line for line in text.splitlines() if line.strip()), "")
    counts = {sep: len(next(csv.reader([header], delimiter=sep), [])) for sep in _DELIMITERS}
    return max(_DELIMITERS, key=lambda sep: counts[sep])


def _csv_rows(content: bytes, name: str | None) -> list[tuple[int, list[Any]]]:
    text = _decode(content, name)
    if "\x00" in text:
        raise _FileProblem("expected.csv_text", name or "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    try:
        return [(number, list(cells)) for number, cells in enumerate(reader, 1)]
    except csv.Error:
        raise _FileProblem("expected.csv_text", name or "") from None


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _cell_text(value: Any) -> str:
    """A cell as a person reads it: stripped text, ``1500000`` not ``1500000.0``, dates d/m/y.

    >>> _cell_text(1500000.0), _cell_text(datetime(2017, 9, 12)), _cell_text("  Kadék ")
    ('1500000', '12/09/2017', 'Kadék')
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and value == datetime(value.year, value.month, value.day):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


# --- read_table: headers and cells ---------------------------------------------------------


def _quoted_list(texts: Iterable[str]) -> str:
    return ", ".join(f'"{text}"' for text in texts)


def _match_columns(
    schema: Schema, header_row: int, headers: list[str], file: str | None
) -> tuple[dict[str, int], list[Problem]]:
    """Position of each schema column among the headers, and the header problems."""
    normalized = [_norm_header(header) for header in headers]
    found = _quoted_list(header for header in headers if header)
    positions: dict[str, int] = {}
    problems: list[Problem] = []
    for column in schema.columns:
        hits = [i for i, header in enumerate(normalized) if header in column.header_names]
        if len(hits) > 1:
            given = ", ".join(headers[i] for i in hits)
            values = {"column": headers[hits[0]]}
            problems.append(
                Problem(file, header_row, None, "expected.unique_column", given, values)
            )
        elif hits:
            positions[column.name] = hits[0]
        elif column.required:
            problems.append(
                Problem(
                    file, header_row, column.title, column.title, found, key="table.missing_column"
                )
            )
    return positions, problems


def _bound_text(column: Column, value: Any) -> str:
    if column.kind == "rp":
        return format_rp(value)
    if column.kind == "pct":
        return format_pct(value)
    if column.kind == "date":
        return format_date(value)
    return format_number(value)


def _check_range(column: Column, value: Any) -> None:
    low, high = column.min, column.max
    if (low is None or value >= low) and (high is None or value <= high):
        return
    if low is not None and high is not None:
        expected = "expected.between"
    else:
        expected = "expected.min" if low is not None else "expected.max"
    bounds = {
        name: _bound_text(column, bound)
        for name, bound in (("min", low), ("max", high))
        if bound is not None
    }
    raise InputError(
        "input.out_of_range",
        expected=expected,
        given=_cell_text(value),
        field=column.title,
        **bounds,
    )


def _to_int(raw: Any, field: str) -> int:
    try:
        number = parse_number(raw, field)
    except InputError:
        number = None
    if number is None or (isinstance(number, float) and not number.is_integer()):
        raise InputError(expected="expected.integer", given=_cell_text(raw), field=field)
    return int(number)


def _to_choice(raw: Any, column: Column) -> str:
    canonical = column.choice_lookup.get(_norm_header(_cell_text(raw)))
    if canonical is None:
        choices = ", ".join(dict.fromkeys(column.choice_lookup.values()))
        raise InputError(
            expected="expected.choice", given=_cell_text(raw), field=column.title, choices=choices
        )
    return canonical


def convert_cell(column: Column, raw: Any) -> Any:
    """One non-blank cell converted for ``column``; raises :class:`InputError` if it cannot be.

    >>> convert_cell(Column("biaya", "rp"), "Rp 1.500.000,-")
    1500000.0
    >>> convert_cell(Column("umur", "int", min=0, max=60), "75")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "umur" di luar batas: diharapkan antara 0 dan
    60, diberikan "75".
    """
    field_name = column.title
    kind = column.kind
    if kind == "text":
        return _cell_text(raw)
    if kind == "choice":
        return _to_choice(raw, column)
    if kind == "bool":
        return parse_bool(raw, field_name)
    if kind == "int":
        value = _to_int(raw, field_name)
    elif kind == "date":
        value = parse_date(raw, field_name)
    else:
        parse = {"rp": parse_rp, "pct": parse_pct}.get(kind, parse_number)
        value = float(parse(raw, field_name))
    _check_range(column, value)
    return value


def _convert_rows(
    schema: Schema,
    rows: list[tuple[int, list[Any]]],
    positions: dict[str, int],
    headers: list[str],
    file: str | None,
) -> tuple[dict[str, list[Any]], list[Problem]]:
    """Column name → converted values, and a problem for every cell that could not be used."""
    values: dict[str, list[Any]] = {column.name: [] for column in schema.columns}
    problems: list[Problem] = []
    for number, cells in rows:
        for column in schema.columns:
            position = positions.get(column.name)
            raw = cells[position] if position is not None and position < len(cells) else None
            value = None
            if _is_blank(raw):
                if column.required and position is not None:
                    problems.append(
                        Problem(
                            file,
                            number,
                            headers[position],
                            _EXPECTED[column.kind],
                            "",
                            _choice_values(column),
                        )
                    )
            else:
                try:
                    value = convert_cell(column, raw.strip() if isinstance(raw, str) else raw)
                except InputError as error:
                    problems.append(
                        Problem(
                            file,
                            number,
                            headers[position],
                            error.expected,
                            _cell_text(raw),
                            error.values,
                        )
                    )
            values[column.name].append(value)
    return values, problems


def _choice_values(column: Column) -> dict[str, str]:
    if column.kind != "choice":
        return {}
    return {"choices": ", ".join(dict.fromkeys(column.choice_lookup.values()))}


_DTYPES = {"text": "string", "choice": "string", "int": "Int64", "bool": "boolean"}


def expected_key(column: Column) -> str:
    """The catalog key that says what a cell of ``column`` should hold.

    >>> expected_key(Column("harga", "rp"))
    'expected.rp'
    """
    return _EXPECTED[column.kind]


def column_series(column: Column, values: list[Any]) -> pd.Series:
    """Converted cell values (``None`` for blanks) as a Series with the column kind's dtype."""
    if column.kind in ("number", "rp", "pct"):
        return pd.Series([np.nan if v is None else v for v in values], dtype="float64")
    if column.kind == "date":
        return pd.Series(values, dtype="object")
    return pd.Series(pd.array(values, dtype=_DTYPES[column.kind]))


def _frame(schema: Schema, values: dict[str, list[Any]], rows: list[int], file: str | None):
    frame = pd.DataFrame(
        {column.name: column_series(column, values[column.name]) for column in schema.columns}
    )
    frame.attrs.update(source=file, rows=rows)
    return frame


def read_table(source: Any, schema: Schema, filename: str | None = None) -> pd.DataFrame:
    """Read an uploaded ``.xlsx`` or ``.csv`` table and check it against ``schema``.

    ``source`` is a path, bytes (e.g. an ipywidgets ``FileUpload`` value's content) or a
    binary file object; ``filename`` names it in messages and tells its type (else the path's
    name; without any name the content decides). The ``.xlsx`` file's first sheet is read. A
    CSV may use ``;``, ``,`` or tabs, UTF-8 (with or without BOM) or Windows-1252.

    Blank rows are dropped (the first non-blank row holds the headers), spaces stripped, headers
    matched without case and by aliases, extra columns ignored. The result has exactly the
    schema's columns in order:

    * ``text``/``choice``: ``string`` (choices as their canonical value), ``int``: ``Int64``,
      ``number``/``rp``/``pct`` (percent units, ``5,4%`` is 5.4): ``float64`` (NaN when
      empty), ``bool``: ``boolean``,
    * ``date``: ``datetime.date`` objects (``None`` when empty) in an ``object`` column; use
      ``pd.to_datetime(df[col])`` for vectorised date work;
    * optional columns missing from the file are present and empty;
    * a file with headers but no data rows gives an empty DataFrame.

    ``df.attrs["rows"]`` holds the spreadsheet row number of each DataFrame row. On any
    problem, one :class:`TableError` lists them all.

    >>> schema = Schema("contoh", [Column("nama", "text"), Column("biaya", "rp")])
    >>> read_table(b"Nama;Biaya\\nSiti;Rp 1.500.000\\n\\nBudi ;250.000,50\\n", schema, "a.csv")
       nama      biaya
    0  Siti  1500000.0
    1  Budi   250000.5
    >>> read_table(b"Nama;Biaya\\nSiti;satu juta\\n;Rp 5.000\\n", schema, "b.csv")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.tables.TableError: Berkas "b.csv" tidak dapat dipakai. Masalah yang
    ditemukan: 2.
    - baris 2, kolom "Biaya": diharapkan jumlah rupiah seperti Rp 1.500.000, diberikan "satu juta".
    - baris 3, kolom "Nama": diharapkan teks, diberikan sel kosong.
    """
    name = filename
    try:
        content, name = _source_bytes(source, filename)
        kind = _file_kind(name, content)
        rows = (_xlsx_rows if kind == "xlsx" else _csv_rows)(content, name)
    except _FileProblem as problem:
        whole_file = Problem(name, None, None, problem.expected, problem.given)
        raise TableError([whole_file], name) from None
    rows = [(number, cells) for number, cells in rows if not all(map(_is_blank, cells))]
    if not rows:
        raise TableError([Problem(name, None, None, "expected.header_row", "")], name)
    (header_row, header_cells), body = rows[0], rows[1:]
    headers = [_cell_text(cell) for cell in header_cells]
    positions, problems = _match_columns(schema, header_row, headers, name)
    values, cell_problems = _convert_rows(schema, body, positions, headers, name)
    if problems or cell_problems:
        raise TableError(problems + cell_problems, name)
    return _frame(schema, values, [number for number, _ in body], name)
