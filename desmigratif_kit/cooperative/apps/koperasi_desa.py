"""Koperasi Desa: the village cooperative's member ledger (*buku anggota*).

Members with their simpanan pokok, wajib and sukarela, loans outstanding and transactions:
typed in an editable table, imported from the treasurer's Excel or CSV file (its JUMLAH row
checked, not counted), or the synthetic sample. Shown: the totals, the book as a table, what
does not reconcile (a simpanan pokok that differs, a report's totals that differ from the
book), and an Excel file with a totals row.
"""

from __future__ import annotations

import math
from datetime import date

import ipywidgets as widgets
import pandas as pd

from desmigratif_kit.cooperative import (
    LEDGER_EDIT_SCHEMA,
    check_ledger,
    check_members,
    ledger_from_records,
    ledger_records,
    ledger_totals,
    load_ledger,
    load_sample_ledger,
    with_row_totals,
)
from desmigratif_kit.cooperative.apps.common import (
    Field,
    KoperasiApp,
    card,
    figures_html,
    route_error,
    row,
    rp_header,
    table_html,
    text_input,
)
from desmigratif_kit.core.app import (
    download_link,
    esc,
    message_html,
    problems_html,
    uploaded_files,
)
from desmigratif_kit.core.apps.table import RowsEditor, form_problems_html
from desmigratif_kit.core.i18n import InputError, format_number, format_rp, t
from desmigratif_kit.core.tables import TableError

__all__ = ["KoperasiDesaApp", "preload"]

MAX_MEMBERS = 500
REPORTED = ("simpanan_pokok_rp", "simpanan_wajib_rp", "simpanan_sukarela_rp", "sisa_pinjaman_rp")
"""Totals a treasurer's report (balance sheet) gives, checked against the book."""
TABLE_COLUMNS = (
    ("no_anggota", "text"),
    ("nama", "text"),
    ("simpanan_pokok_rp", "number"),
    ("simpanan_wajib_rp", "number"),
    ("simpanan_sukarela_rp", "number"),
    ("jumlah_simpanan_rp", "number"),
    ("sisa_pinjaman_rp", "number"),
    ("transaksi_rp", "number"),
)
"""The book as a table; amounts without "Rp" (the headers say it) so a phone shows more."""


def editor_rows(ledger: pd.DataFrame) -> list[dict]:
    """The ledger's rows as the editable table takes them (numbers, dates, ``None``)."""
    rows = []
    for record in (
        ledger.reindex(columns=LEDGER_EDIT_SCHEMA.names).astype(object).to_dict("records")
    ):
        rows.append(
            {
                k: None if (v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)))
                else v
                for k, v in record.items()
            }
        )  # fmt: skip
    return rows


class KoperasiDesaApp(KoperasiApp):
    """The member ledger (``ledger_totals``, ``check_ledger``). ``KoperasiDesaApp(kode=...)``
    restores the participant's saved book."""

    app_id = "koperasi_desa"
    title_key = "app.koperasi_desa"
    intro_key = "kop.ledger_app.intro"

    def __init__(self, kode: str | None = None, store=None):
        super().__init__(kode=kode, store=store)
        self.ledger = ledger_from_records([])
        self.problems: list = []
        self._create_header()
        self._create_summary()
        self._create_book()
        self._create_editor()
        self._create_report()
        self._create_files()
        self._finish_with(
            [self.header],
            [self.summary_box, self.book_box, self.editor_box, self.files_box, self.report_box],
        )
        self.redraw()
        self._quiet = False
        self.restore()

    def restore(self) -> None:
        """The signed-in participant's book, totalled and checked again (nothing saved)."""
        saved = self.load_saved()
        if saved is not None and isinstance(saved.data, dict):
            self.set_form(saved.data)
        self.editor_open(not len(self.editor.cells))
        self.callback(self._update)(save=False)

    # --- building -----------------------------------------------------------------------------
    def _create_summary(self) -> None:
        self.summary_title = widgets.HTML()
        self.nama = Field(text_input(), "kop.ledger_app.name", placeholder="kop.ledger_app.name_ph")
        self.on(self.nama.widget, lambda _change: self._update())
        self.totals = widgets.HTML()
        self.checks = widgets.HTML()
        self.summary_box = card([self.summary_title, self.nama.box, self.totals, self.checks])

    def _create_book(self) -> None:
        self.book_title = widgets.HTML()
        self.book = widgets.HTML()
        self.book_box = card([self.book_title, self.book])

    def _create_editor(self) -> None:
        self.editor_title = widgets.HTML()
        self.editor_toggle = widgets.Button(icon="pencil", layout=widgets.Layout(width="auto"))
        self.on_click(self.editor_toggle, lambda _b: self.editor_open(not self._editor_shown))
        self.editor = RowsEditor(
            LEDGER_EDIT_SCHEMA,
            on_change=self.callback(self._update),
            max_rows=MAX_MEMBERS,
            field_width="10em",
        )
        self.editor.widget.add_class("dk-rows-wide")
        self.editor_msg = widgets.HTML()
        self.editor_area = widgets.VBox(
            [self.editor.widget, self.editor_msg], layout=widgets.Layout(width="100%")
        )
        self._editor_shown = True
        self.editor_box = card([self.editor_title, self.editor_toggle, self.editor_area])

    def _create_report(self) -> None:
        self.report_title = widgets.HTML()
        self.report = {name: Field(text_input(), f"kop.col.{name}") for name in REPORTED}
        for field in self.report.values():
            self.on(field.widget, lambda _change: self._update())
        self.report_fields = {f"kop.col.{name}": f for name, f in self.report.items()}
        self.report_box = card([self.report_title, *(f.box for f in self.report.values())])

    def _create_files(self) -> None:
        self.files_title = widgets.HTML()
        self.upload = widgets.FileUpload(accept=".xlsx,.csv", multiple=False)
        self.sample_button = widgets.Button(icon="table", layout=widgets.Layout(width="auto"))
        self.export_button = widgets.Button(icon="download", layout=widgets.Layout(width="auto"))
        self.import_msg = widgets.HTML()
        self.export_link = widgets.HTML()
        self.on(self.upload, self._uploaded)
        self.on_click(self.sample_button, self._load_sample)
        self.on_click(self.export_button, self._export)
        self.files_box = card(
            [
                self.files_title,
                row([self.upload, self.sample_button]),
                self.import_msg,
                self.export_button,
                self.export_link,
            ]
        )

    # --- texts --------------------------------------------------------------------------------
    def redraw(self) -> None:
        quiet, self._quiet = self._quiet, True
        try:
            self._draw_header()
            self.summary_title.value = f"<h2>{esc(t('kop.ledger_app.summary'))}</h2>"
            self.nama.draw()
            self.book_title.value = f"<h2>{esc(t('kop.ledger_app.book'))}</h2>"
            self.editor_title.value = (
                f"<h2>{esc(t('kop.ledger_app.edit'))}</h2>"
                f"<p>{esc(t('kop.ledger_app.edit_hint'))}</p>"
            )
            self.editor.redraw()
            self.report_title.value = (
                f"<h2>{esc(t('kop.ledger_app.report'))}</h2>"
                f"<p>{esc(t('kop.ledger_app.report_hint'))}</p>"
            )
            for field in self.report.values():
                field.draw()
                field.widget.placeholder = t("kop.ledger_app.report_ph")
            self.files_title.value = (
                f"<h2>{esc(t('kop.ledger_app.files'))}</h2>"
                f"<p>{esc(t('kop.ledger_app.files_hint'))}</p>"
            )
            self.upload.description = t("kop.app.upload")
            self.sample_button.description = t("kop.ledger_app.sample")
            self.export_button.description = t("kop.app.make_excel")
        finally:
            self._quiet = quiet
        self.editor_open(self._editor_shown)
        self._draw()

    def editor_open(self, shown: bool) -> None:
        """Show or hide the editable table (hidden by default once the book has members, so
        a phone shows the totals and the book first)."""
        self._editor_shown = shown
        self.editor_area.layout.display = None if shown else "none"
        self.editor_toggle.layout.display = None if self.editor.cells else "none"
        self.editor_toggle.description = t(
            "kop.ledger_app.edit_close" if shown else "kop.ledger_app.edit_open",
            n=format_number(len(self.editor.cells)),
        )

    # --- form ---------------------------------------------------------------------------------
    def form_values(self) -> dict:
        return {
            "nama_koperasi": self.nama.widget.value,
            "laporan": {name: field.widget.value for name, field in self.report.items()},
        }

    def set_form(self, form: dict) -> None:
        quiet, self._quiet = self._quiet, True
        try:
            if isinstance(form.get("nama_koperasi"), str):
                self.nama.widget.value = form["nama_koperasi"]
            report = form.get("laporan") if isinstance(form.get("laporan"), dict) else {}
            for name, field in self.report.items():
                value = report.get(name)
                field.widget.value = value if isinstance(value, str) else ""
            if isinstance(form.get("anggota"), list):
                self.editor.set_rows(editor_rows(ledger_from_records(form["anggota"])))
        finally:
            self._quiet = quiet

    # --- reacting -----------------------------------------------------------------------------
    def _update(self, save: bool = True) -> None:
        """Total and check the book again. What cannot be used is explained next to it; the
        last good book stays on screen and nothing is saved."""
        if self._quiet:
            return
        self.editor_msg.value = ""
        for field in self.report.values():
            field.clear()
        try:
            typed = self.editor.frame()
            check_members(typed)
        except TableError as error:
            self.editor_msg.value = form_problems_html(error)
            self.editor_open(True)
            self._mark_unsaved()
            return
        ledger = ledger_from_records(ledger_records(typed))
        ledger.attrs["rows"] = list(typed.attrs.get("rows") or [])
        report = {k: v for k, v in self.form_values()["laporan"].items() if v.strip()}
        try:
            problems = check_ledger(ledger, report)
        except InputError as error:
            if route_error(error, self.report_fields) is None:
                self.say("error", esc(str(error)))
            self._mark_unsaved()
            return
        self.ledger, self.problems = ledger, problems
        self.clear_message()
        self._draw()
        if save:
            self.autosave({**self.form_values(), "anggota": ledger_records(ledger)})

    # --- drawing --------------------------------------------------------------------------------
    def _draw(self) -> None:
        self.export_link.value = ""
        self.editor_open(self._editor_shown)  # the button's count follows the cards
        ledger = self.ledger
        if ledger.empty:
            self.totals.value = message_html("info", esc(t("kop.ledger_app.empty")))
            self.checks.value = ""
            self.book_box.layout.display = "none"
            return
        self.book_box.layout.display = None
        totals = ledger_totals(ledger)
        self.totals.value = (
            "<div data-testid='jumlah-koperasi'>"
            + figures_html(
                [
                    (t("kop.ledger_app.members"), format_number(totals["anggota"]), ""),
                    (t("kop.col.simpanan_pokok_rp"), format_rp(totals["simpanan_pokok_rp"]), ""),
                    (t("kop.col.simpanan_wajib_rp"), format_rp(totals["simpanan_wajib_rp"]), ""),
                    (
                        t("kop.col.simpanan_sukarela_rp"),
                        format_rp(totals["simpanan_sukarela_rp"]),
                        "",
                    ),
                    (
                        t("kop.ledger_app.all_savings"),
                        format_rp(totals["simpanan_total_rp"]),
                        "dk-good",
                    ),
                    (t("kop.col.sisa_pinjaman_rp"), format_rp(totals["sisa_pinjaman_rp"]), ""),
                    (t("kop.col.transaksi_rp"), format_rp(totals["transaksi_rp"]), ""),
                ]
            )  # fmt: skip
            + "</div>"
        )
        if self.problems:
            items = "".join(f"<li>{esc(p.pesan())}</li>" for p in self.problems)
            head = t("kop.ledger_app.problems", n=len(self.problems))
            self.checks.value = message_html(
                "warn", f"<b>{esc(head)}</b><ul data-testid='selisih'>{items}</ul>"
            )
        else:
            self.checks.value = message_html(
                "ok", f"<span data-testid='cocok'>✓ {esc(t('kop.ledger.ok'))}</span>"
            )
        book = with_row_totals(ledger)
        columns = [
            (rp_header(f"kop.col.{name}") if kind == "number" else t(f"kop.col.{name}"), kind)
            for name, kind in TABLE_COLUMNS
        ]
        rows = (
            book[[name for name, _ in TABLE_COLUMNS]]
            .astype(object)
            .itertuples(index=False, name=None)
        )
        foot = [t("kop.remit_app.total"), t("kop.ledger_app.n_members", n=totals["anggota"])] + [
            float(book[name].sum()) for name, _ in TABLE_COLUMNS[2:]
        ]
        self.book.value = table_html(rows, columns, "buku-anggota", foot)

    # --- import, sample, export ---------------------------------------------------------------
    def _replace(self, ledger: pd.DataFrame) -> None:
        quiet, self._quiet = self._quiet, True
        try:
            self.editor.set_rows(editor_rows(ledger))
        finally:
            self._quiet = quiet
        self._update()
        self.editor_open(False)  # the totals and the book first; the cards behind a button

    def _uploaded(self, change) -> None:
        files = uploaded_files(change["new"])
        if self._quiet or not files:
            return
        try:
            name, content = files[0]
            self.import_file(content, name)
        finally:
            quiet, self._quiet = self._quiet, True
            try:
                self.upload.value = ()
            finally:
                self._quiet = quiet

    def import_file(self, content: bytes, filename: str) -> bool:
        """A ledger from the treasurer's Excel/CSV file: it replaces the book; on any problem
        every one is listed and nothing changes. What does not add up inside the file (a
        member's total, the JUMLAH row) is reported."""
        try:
            ledger = load_ledger(content, filename=filename)
        except TableError as error:
            self.import_msg.value = problems_html(error, tail=t("kop.app.nothing_changed"))
            return False
        if ledger.empty:
            empty = t("kop.app.empty_file", file=filename)
            self.import_msg.value = message_html("warn", esc(empty))
            return False
        in_file = [p for p in check_ledger(ledger) if p.kode in ("jumlah_baris", "baris_jumlah")]
        self._replace(ledger)
        done = t("kop.ledger_app.imported", n=format_number(len(ledger)), file=filename)
        if in_file:
            items = "".join(f"<li>{esc(p.pesan())}</li>" for p in in_file)
            self.import_msg.value = message_html(
                "warn", f"<b>{esc(done)}</b> {esc(t('kop.ledger_app.file_problems'))}"
                f"<ul data-testid='selisih-berkas'>{items}</ul>",
            )  # fmt: skip
        else:
            total_row = ledger.attrs.get("baris_jumlah")
            tail = t("kop.ledger_app.total_row_ok") if total_row else ""
            self.import_msg.value = message_html("ok", esc(f"{done} {tail}".strip()))
        return True

    def _load_sample(self, _button) -> None:
        sample = load_sample_ledger()
        self._replace(sample)
        if not self.nama.widget.value.strip():
            self.nama.widget.value = t("kop.ledger_app.sample_name")
        self.import_msg.value = message_html(
            "ok", esc(t("kop.ledger_app.sample_loaded", n=len(sample)))
        )

    def _export(self, _button) -> None:
        from desmigratif_kit.cooperative import workbooks

        if self.ledger.empty:
            self.export_link.value = message_html("info", esc(t("kop.ledger_app.empty")))
            return
        name = self.nama.widget.value.strip()
        note = t("kop.ledger_app.export_note", nama=name or t("app.koperasi_desa"),
                 tanggal=date.today().strftime("%d/%m/%Y"))  # fmt: skip
        content = workbooks.ledger_workbook(self.ledger, self.problems, catatan=note)
        self.export_link.value = download_link(
            content,
            f"buku-anggota-{date.today().isoformat()}.xlsx",
            workbooks.XLSX_MIME,
            t("kop.app.download_excel"),
        )


def preload() -> None:
    """Warm a preheated kernel before its visitor: catalogs and the sample ledger, totalled
    and checked."""
    t("kop.ledger_app.intro")
    sample = load_sample_ledger()
    check_ledger(sample)
    ledger_from_records(ledger_records(sample))
