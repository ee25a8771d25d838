"""An editable table for phones: one card per row, typed fields, add and remove rows.

The columns are a :class:`~desmigratif_kit.core.tables.Schema`, the same one that reads an
uploaded Excel/CSV file with ``read_table``, so a table typed in the app and a table imported
from a file follow the same rules. Cells are typed as text and read the Indonesian way
(``1.500.000``, ``12/09/2017``) by :func:`~desmigratif_kit.core.tables.convert_cell`; choices
are drop-downs. :meth:`RowsEditor.frame` returns the rows as a DataFrame with the schema's
dtypes, or raises a :class:`~desmigratif_kit.core.tables.TableError` listing every cell that
cannot be read (row number and column, what was expected and what was given): the app shows it
and keeps the last good table.

>>> from desmigratif_kit.core.tables import Column, Schema
>>> schema = Schema("bahan", [Column("bahan", "text", label="Bahan"),
...                           Column("harga_rp", "rp", label="Harga")])
>>> editor = RowsEditor(schema, rows=[{"bahan": "Kemiri", "harga_rp": 25000}])
>>> editor.cells[0]["harga_rp"].value
'25.000'
>>> editor.cells[0]["harga_rp"].value = "30.000"; editor.frame()["harga_rp"].tolist()
[30000.0]
>>> editor.add_row()
>>> editor.cells[1]["bahan"].value, editor.cells[1]["harga_rp"].value = "Botol", "dua ribu"
>>> editor.frame()
Traceback (most recent call last):
...
desmigratif_kit.core.tables.TableError: Berkas "formulir" tidak dapat dipakai. Masalah yang
ditemukan: 1.
- baris 2, kolom "Harga": diharapkan jumlah rupiah seperti Rp 1.500.000, diberikan "dua ribu".
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

import ipywidgets as widgets
import pandas as pd

from desmigratif_kit.core.app import esc, problems_html
from desmigratif_kit.core.i18n import InputError, format_number, format_pct, t, text_or_key
from desmigratif_kit.core.tables import (
    Column,
    Problem,
    Schema,
    TableError,
    column_series,
    convert_cell,
    expected_key,
)

NONE = ""
"""The value of a drop-down's "— pilih —" entry."""


def cell_text(column: Column, value: Any) -> str:
    """A value as it is typed in a cell (Indonesian numbers and dates).

    >>> cell_text(Column("harga", "rp"), 1500000.0)
    '1.500.000'
    >>> cell_text(Column("tgl", "date"), date(2017, 9, 12))
    '12/09/2017'
    """
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if column.kind == "date":
        return value.strftime("%d/%m/%Y") if isinstance(value, date) else str(value)
    if column.kind == "pct":
        return format_pct(value).removesuffix("%")
    if column.kind in ("int", "number", "rp"):
        return format_number(value)
    if column.kind == "bool":
        return t("lesson.yes") if value else t("lesson.no")
    return str(value)


class RowsEditor:
    """Rows of typed cells. ``.widget`` to show; ``frame()`` to read; ``set_rows()`` to fill.

    ``on_change()`` is called after any cell is changed (when the participant leaves the cell
    or presses Enter), a row is added or removed.
    """

    def __init__(
        self,
        schema: Schema,
        rows: Sequence[Mapping[str, Any]] = (),
        on_change: Callable[[], None] | None = None,
        max_rows: int = 100,
        min_rows: int = 0,
        field_width: str = "11em",
        choice_labels: Mapping[str, Callable[[str], str]] | None = None,
    ):
        self.schema = schema
        self.choice_labels = dict(choice_labels or {})
        self.on_change = on_change
        self.max_rows = max_rows
        self.min_rows = min_rows
        self.field_width = field_width
        self.cells: list[dict[str, widgets.Widget]] = []
        self._cards: list[widgets.Box] = []
        self._quiet = False
        self.rows_box = widgets.VBox(layout=widgets.Layout(width="100%"))
        self.add_button = widgets.Button(icon="plus", layout=widgets.Layout(width="auto"))
        self.add_button.on_click(lambda _button: self.add_row(notify=True))
        self.widget = widgets.VBox([self.rows_box, self.add_button])
        self.widget.layout.width = "100%"
        self.widget.add_class("dk-rows")
        self.set_rows(rows)

    # --- building -----------------------------------------------------------------------------
    def _options(self, column: Column) -> list[tuple[str, str]]:
        """A choice column's drop-down entries: ``(label, canonical value)``, the label from
        ``choice_labels`` when the app gave one (in the current language), else the value."""
        choices = column.choices.keys() if isinstance(column.choices, Mapping) else column.choices
        label = self.choice_labels.get(column.name)
        return [("—", NONE)] + [
            (label(str(choice)) if label else str(choice), str(choice)) for choice in choices
        ]

    def _cell(self, column: Column) -> widgets.Widget:
        if column.kind == "choice":
            cell = widgets.Dropdown(options=self._options(column), value=NONE)
        else:
            cell = widgets.Text(continuous_update=False)
        cell.layout = widgets.Layout(width=self.field_width)
        cell.observe(self._changed, names="value")
        return cell

    def _card(self, number: int, cells: dict[str, widgets.Widget]) -> widgets.Box:
        fields = []
        for column in self.schema.columns:
            label = widgets.HTML(
                f"<span class='dk-cell-label'>{esc(text_or_key(column.title))}</span>"
            )
            fields.append(widgets.VBox([label, cells[column.name]]))
        remove = widgets.Button(
            icon="trash", tooltip=t("table.remove_row"), layout=widgets.Layout(width="auto")
        )
        remove.on_click(
            lambda _button, row=cells: self.remove_row(self.cells.index(row), notify=True)
        )
        head = widgets.HTML(f"<span class='dk-row-number'>{esc(t('table.row_n', n=number))}</span>")
        card = widgets.HBox(
            [head, *fields, remove],
            layout=widgets.Layout(
                flex_flow="row wrap", align_items="flex-end", gap="6px", width="100%"
            ),
        )
        card.add_class("dk-row-card")
        return card

    def _relayout(self) -> None:
        self._cards = [self._card(n, cells) for n, cells in enumerate(self.cells, start=1)]
        self.rows_box.children = self._cards
        self.add_button.description = t("table.add_row")
        self.add_button.disabled = len(self.cells) >= self.max_rows

    # --- rows ---------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Mapping[str, Any]]) -> None:
        """Replace every row (values as the schema's kinds, or text as typed)."""
        self._quiet = True
        try:
            self.cells = []
            for row in rows:
                cells = {column.name: self._cell(column) for column in self.schema.columns}
                for column in self.schema.columns:
                    value = row.get(column.name)
                    text = value if isinstance(value, str) else cell_text(column, value)
                    widget = cells[column.name]
                    if isinstance(widget, widgets.Dropdown):
                        known = [v for _, v in widget.options]
                        widget.value = text if text in known else NONE
                    else:
                        widget.value = text
                self.cells.append(cells)
            while len(self.cells) < self.min_rows:
                self.cells.append({c.name: self._cell(c) for c in self.schema.columns})
        finally:
            self._quiet = False
        self._relayout()

    def add_row(self, notify: bool = False) -> None:
        if len(self.cells) >= self.max_rows:
            return
        self.cells.append({column.name: self._cell(column) for column in self.schema.columns})
        self._relayout()
        if notify:
            self._notify()

    def remove_row(self, index: int, notify: bool = False) -> None:
        if len(self.cells) <= self.min_rows:
            return
        del self.cells[index]
        self._relayout()
        if notify:
            self._notify()

    def raw_rows(self) -> list[dict[str, str]]:
        """The cells as typed (text), row by row."""
        return [{name: widget.value for name, widget in row.items()} for row in self.cells]

    # --- reading ------------------------------------------------------------------------------
    def frame(self) -> pd.DataFrame:
        """The rows as a DataFrame with the schema's columns and dtypes; blank rows are skipped.

        Raises :class:`TableError` listing every cell that cannot be read (row numbers as
        shown on the cards).
        """
        values: dict[str, list[Any]] = {c.name: [] for c in self.schema.columns}
        problems: list[Problem] = []
        form = t("table.form")
        numbers = []
        for number, row in enumerate(self.raw_rows(), start=1):
            if all(not str(text).strip() for text in row.values()):
                continue
            numbers.append(number)
            for column in self.schema.columns:
                text = str(row[column.name]).strip()
                if not text:
                    if column.required:
                        problems.append(
                            Problem(form, number, column.title, expected_key(column), "")
                        )
                    values[column.name].append(None)
                    continue
                try:
                    values[column.name].append(convert_cell(column, text))
                except InputError as err:
                    problems.append(
                        Problem(form, number, column.title, err.expected, text, dict(err.values))
                    )
                    values[column.name].append(None)
        if problems:
            raise TableError(problems, form)
        frame = pd.DataFrame(
            {c.name: column_series(c, values[c.name]) for c in self.schema.columns}
        )
        frame.attrs.update(source=form, rows=numbers)
        return frame

    # --- events -------------------------------------------------------------------------------
    def _changed(self, _change) -> None:
        if not self._quiet:
            self._notify()

    def _notify(self) -> None:
        if self.on_change is not None:
            self.on_change()

    def relabel(self) -> None:
        """Rebuild the drop-downs' labels (after a language change, or when ``choice_labels``
        depend on something that changed); values are kept and no change is reported."""
        self._quiet = True
        try:
            for row in self.cells:
                for column in self.schema.columns:
                    widget = row[column.name]
                    if isinstance(widget, widgets.Dropdown):
                        value = widget.value
                        widget.options = self._options(column)
                        widget.value = value
        finally:
            self._quiet = False

    def redraw(self) -> None:
        """Labels in the current language (values are kept)."""
        self.relabel()
        self._relayout()


def form_problems_html(err: TableError) -> str:
    """The problems of a :class:`RowsEditor` as an error box headed "Isian belum dapat dipakai"
    (not "Berkas ...": nothing was uploaded)."""
    return problems_html(err, head=t("table.form_error", count=len(err.problems)))
