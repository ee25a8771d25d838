"""Pembagian SHU: each member's share of the cooperative's surplus.

The SHU of the year and the percentages the members' meeting decided for *jasa modal* (shared
by savings) and *jasa usaha* (shared by transactions); the members typed in an editable table,
imported from Excel or CSV (a member list, or the cooperative's ledger), taken from the
participant's own *Koperasi Desa* ledger, or the synthetic sample. Shown: what each member
receives, a chart, an Excel file.
"""

from __future__ import annotations

from datetime import date

import ipywidgets as widgets

from desmigratif_kit.cooperative import (
    SHU_MEMBER_SCHEMA,
    ledger_from_records,
    ledger_to_shu_members,
    load_sample_ledger,
    load_shu_members,
    members_for_shu,
    shu_distribution,
    shu_pots,
)
from desmigratif_kit.cooperative.apps.common import (
    Field,
    KoperasiApp,
    card,
    chart_image,
    chart_png,
    figures_html,
    route_error,
    row,
    rp_header,
    table_html,
    text_input,
)
from desmigratif_kit.cooperative.forms import SHU_AWAL
from desmigratif_kit.cooperative.ledger import ledger_records
from desmigratif_kit.core.app import (
    download_link,
    esc,
    message_html,
    problems_html,
    uploaded_files,
)
from desmigratif_kit.core.apps.table import RowsEditor, form_problems_html
from desmigratif_kit.core.i18n import InputError, format_number, format_pct, format_rp, t
from desmigratif_kit.core.tables import TableError

__all__ = ["PembagianShuApp", "member_records", "preload"]

CHART_TOP = 15
"""Members drawn in the chart (the largest shares); the table lists everyone."""
MAX_MEMBERS = 500


def member_records(members) -> list[dict]:
    """Members (``nama``, ``simpanan_rp``, ``transaksi_rp``) as JSON-ready records."""
    return [
        {
            "nama": None if _blank(r["nama"]) else str(r["nama"]),
            "simpanan_rp": _number(r["simpanan_rp"]),
            "transaksi_rp": _number(r["transaksi_rp"]),
        }
        for r in members.astype(object).to_dict("records")
    ]


def _blank(value) -> bool:
    return value is None or value != value or (isinstance(value, str) and not value.strip())


def _number(value):
    if _blank(value):
        return None
    number = float(value)
    return int(number) if number.is_integer() else number


class PembagianShuApp(KoperasiApp):
    """Each member's SHU (``shu_distribution``). ``PembagianShuApp(kode=...)`` restores."""

    app_id = "pembagian_shu"
    title_key = "app.pembagian_shu"
    intro_key = "kop.shu_app.intro"

    def __init__(self, kode: str | None = None, store=None):
        super().__init__(kode=kode, store=store)
        self.result = None
        self.pots = None
        self._chart_key = None
        self._create_header()
        self._create_settings()
        self._create_members()
        self._create_results()
        self._create_export()
        self._finish_with(
            [self.header],
            [self.settings_box, self.result_box, self.members_box, self.export_box],
        )
        self.redraw()
        self.set_form(SHU_AWAL)
        self._quiet = False
        self.restore()

    def restore(self) -> None:
        """The signed-in participant's SHU and members, calculated again (nothing saved)."""
        saved = self.load_saved()
        if saved is not None and isinstance(saved.data, dict):
            self.set_form(saved.data)
        self.editor_open(not self.editor.cells)
        self.callback(self._update)(save=False)

    def editor_open(self, shown: bool) -> None:
        """Show or hide the member cards (hidden once there are members, so a phone shows
        each member's SHU first; errors in a card open them)."""
        self._editor_shown = shown
        self.editor_area.layout.display = None if shown else "none"
        self.editor_toggle.layout.display = None if self.editor.cells else "none"
        self.editor_toggle.description = t(
            "kop.shu_app.edit_close" if shown else "kop.shu_app.edit_open",
            n=format_number(len(self.editor.cells)),
        )

    # --- building -----------------------------------------------------------------------------
    def _create_settings(self) -> None:
        self.settings_title = widgets.HTML()
        self.shu = Field(text_input(), "kop.shu_app.shu", placeholder="kop.shu_app.shu_ph")
        self.jm = Field(text_input(), "kop.shu_app.jm", "kop.shu_app.jm_hint")
        self.ju = Field(text_input(), "kop.shu_app.ju", "kop.shu_app.ju_hint")
        self.law = widgets.HTML()
        self.pots_html = widgets.HTML()
        self.settings_fields = {
            "kop.field.shu": self.shu,
            "kop.field.jasa_modal": self.jm,
            "kop.field.jasa_usaha": self.ju,
            "kop.field.jasa_anggota": self.ju,
        }
        self.settings_box = card(
            [self.settings_title, self.shu.box, self.jm.box, self.ju.box, self.pots_html,
             self.law]
        )  # fmt: skip
        for field in (self.shu, self.jm, self.ju):
            self.on(field.widget, lambda _change: self._update())

    def _create_members(self) -> None:
        self.members_title = widgets.HTML()
        self.editor = RowsEditor(
            SHU_MEMBER_SCHEMA,
            on_change=self.callback(self._update),
            max_rows=MAX_MEMBERS,
            field_width="12em",
        )
        self.editor_msg = widgets.HTML()
        self.upload = widgets.FileUpload(accept=".xlsx,.csv", multiple=False)
        self.sample_button = widgets.Button(icon="table", layout=widgets.Layout(width="auto"))
        self.ledger_button = widgets.Button(icon="book", layout=widgets.Layout(width="auto"))
        self.import_title = widgets.HTML()
        self.import_msg = widgets.HTML()
        self.on(self.upload, self._uploaded)
        self.on_click(self.sample_button, self._load_sample)
        self.on_click(self.ledger_button, self._from_ledger)
        self.editor.widget.add_class("dk-rows-wide")
        self.editor_toggle = widgets.Button(icon="pencil", layout=widgets.Layout(width="auto"))
        self.on_click(self.editor_toggle, lambda _b: self.editor_open(not self._editor_shown))
        self.editor_area = widgets.VBox(
            [self.editor.widget, self.editor_msg], layout=widgets.Layout(width="100%")
        )
        self._editor_shown = True
        self.members_box = card(
            [
                self.members_title,
                self.editor_toggle,
                self.editor_area,
                self.import_title,
                row([self.upload, self.sample_button, self.ledger_button]),
                self.import_msg,
            ]
        )

    def _create_results(self) -> None:
        self.result_title = widgets.HTML()
        self.result_msg = widgets.HTML()
        self.result_table = widgets.HTML()
        self.chart = chart_image()
        self.chart_note = widgets.HTML()
        self.result_box = card([self.result_title, self.result_msg, self.result_table,
                                self.chart, self.chart_note])  # fmt: skip

    def _create_export(self) -> None:
        self.export_title = widgets.HTML()
        self.export_button = widgets.Button(icon="download", layout=widgets.Layout(width="auto"))
        self.export_link = widgets.HTML()
        self.on_click(self.export_button, self._export)
        self.export_box = card([self.export_title, self.export_button, self.export_link])

    # --- texts --------------------------------------------------------------------------------
    def redraw(self) -> None:
        quiet, self._quiet = self._quiet, True
        try:
            self._draw_header()
            self.settings_title.value = f"<h2>{esc(t('kop.shu_app.settings'))}</h2>"
            for field in (self.shu, self.jm, self.ju):
                field.draw()
            self.law.value = f"<p class='dk-note'>{esc(t('kop.shu_app.law'))}</p>"
            self.members_title.value = (
                f"<h2>{esc(t('kop.shu_app.members'))}</h2>"
                f"<p>{esc(t('kop.shu_app.members_hint'))}</p>"
            )
            self.editor.redraw()
            self.import_title.value = (
                f"<p><b>{esc(t('kop.shu_app.import'))}</b> {esc(t('kop.shu_app.import_hint'))}</p>"
            )
            self.upload.description = t("kop.app.upload")
            self.sample_button.description = t("kop.shu_app.sample")
            self.ledger_button.description = t("kop.shu_app.from_ledger")
            self.result_title.value = f"<h2>{esc(t('kop.shu_app.result'))}</h2>"
            self.export_title.value = (
                f"<h2>{esc(t('kop.shu_app.export'))}</h2><p>{esc(t('kop.shu_app.export_hint'))}</p>"
            )
            self.export_button.description = t("kop.app.make_excel")
        finally:
            self._quiet = quiet
        self._chart_key = None
        self._draw()

    # --- form ---------------------------------------------------------------------------------
    def form_values(self) -> dict:
        """The settings as typed (members are saved once they can be read)."""
        return {"shu": self.shu.widget.value, "jm": self.jm.widget.value,
                "ju": self.ju.widget.value}  # fmt: skip

    def set_form(self, form: dict) -> None:
        quiet, self._quiet = self._quiet, True
        try:
            for name in ("shu", "jm", "ju"):
                if isinstance(form.get(name), str):
                    getattr(self, name).widget.value = form[name]
            if isinstance(form.get("anggota"), list):
                rows = [r for r in form["anggota"] if isinstance(r, dict)]
                self.editor.set_rows(rows)
        finally:
            self._quiet = quiet

    # --- reacting -----------------------------------------------------------------------------
    def _update(self, save: bool = True) -> None:
        """Share the SHU again. What cannot be used is explained next to it; the last good
        result stays on screen and nothing is saved."""
        if self._quiet:
            return
        for field in (self.shu, self.jm, self.ju):
            field.clear()
        self.editor_msg.value = self.result_msg.value = ""
        try:
            pots = shu_pots(self.shu.widget.value, self.jm.widget.value, self.ju.widget.value)
        except InputError as error:
            if route_error(error, self.settings_fields) is None:
                self.say("error", esc(str(error)))
            self._mark_unsaved()
            return
        self.pots = pots
        self._draw_pots()
        try:
            members = members_for_shu(self.editor.frame())
        except TableError as error:
            self.editor_msg.value = form_problems_html(error)
            self.editor_open(True)
            self._mark_unsaved()
            return
        records = member_records(members)
        if members.empty:
            self.result = None
            self.result_msg.value = message_html("info", esc(t("kop.shu_app.no_members")))
        else:
            try:
                self.result = shu_distribution(
                    members, pots.shu_rp, pots.jasa_modal_pct, pots.jasa_usaha_pct
                )
            except InputError as error:
                self.result_msg.value = message_html("error", esc(str(error)))
                self._mark_unsaved()
                return
        self.clear_message()
        self._draw()
        if save:
            self.autosave({**self.form_values(), "anggota": records})

    # --- drawing --------------------------------------------------------------------------------
    def _draw_pots(self) -> None:
        pots = self.pots
        if pots is None:
            self.pots_html.value = ""
            return
        self.pots_html.value = figures_html(
            [
                (t("kop.shu_app.pot_jm", pct=format_pct(pots.jasa_modal_pct)),
                 format_rp(pots.jasa_modal_rp), ""),
                (t("kop.shu_app.pot_ju", pct=format_pct(pots.jasa_usaha_pct)),
                 format_rp(pots.jasa_usaha_rp), ""),
                (t("kop.shu_app.pot_rest", pct=format_pct(pots.lainnya_pct)),
                 format_rp(pots.lainnya_rp), ""),
            ]
        )  # fmt: skip

    def _draw(self) -> None:
        self.export_link.value = ""
        self.editor_open(self._editor_shown)  # the button's count follows the cards
        self._draw_pots()
        result = self.result
        if result is None:
            self.result_table.value = self.chart_note.value = ""
            self.chart.layout.display = "none"
            return
        columns = [  # what a member receives first: a phone shows it without scrolling
            ("#", "int"),
            (t("kop.shu.col.nama"), "text"),
            (rp_header("kop.shu.col.shu_rp"), "int"),
            (rp_header("kop.shu.col.shu_jasa_modal_rp"), "int"),
            (rp_header("kop.shu.col.shu_jasa_usaha_rp"), "int"),
            (rp_header("kop.shu.col.simpanan_rp"), "number"),
            (rp_header("kop.shu.col.transaksi_rp"), "number"),
        ]
        rows = [
            (i, r.nama, r.shu_rp, r.shu_jasa_modal_rp, r.shu_jasa_usaha_rp, r.simpanan_rp,
             r.transaksi_rp)
            for i, r in enumerate(result.itertuples(index=False), start=1)
        ]  # fmt: skip
        sums = result[["shu_rp", "shu_jasa_modal_rp", "shu_jasa_usaha_rp", "simpanan_rp",
                       "transaksi_rp"]].sum()  # fmt: skip
        foot = ("", t("kop.remit_app.total"), *(float(v) for v in sums))
        summary = t(
            "kop.shu_app.summary",
            n=format_number(len(result)),
            total=format_rp(int(result["shu_rp"].sum())),
        )
        self.result_table.value = f"<p data-testid='ringkasan-shu'><b>{esc(summary)}</b></p>" + (
            table_html(rows, columns, "tabel-shu", foot)
        )
        self.chart.layout.display = None
        key = tuple(result["shu_rp"].tolist()) + tuple(map(str, result["nama"]))
        top = CHART_TOP if len(result) > CHART_TOP else None
        self.chart_note.value = (
            f"<p class='dk-note'>{esc(t('kop.shu_app.chart_top', top=top))}</p>" if top else ""
        )
        if key != self._chart_key:
            self.chart.value = chart_png("chart_shu_members", result, top=top)
            self._chart_key = key

    # --- members from elsewhere -------------------------------------------------------------
    def _replace_members(self, members, message: str) -> None:
        """Put ``members`` in the table and share the SHU again (saved)."""
        quiet, self._quiet = self._quiet, True
        try:
            self.editor.set_rows(member_records(members))
        finally:
            self._quiet = quiet
        self._update()
        self.editor_open(False)  # the members' SHU first; the cards behind a button
        self.import_msg.value = message_html("ok", esc(message))

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
        """Members from an Excel/CSV file; on any problem list them all and change nothing."""
        try:
            members = load_shu_members(content, filename=filename)
        except TableError as error:
            self.import_msg.value = problems_html(error, tail=t("kop.app.nothing_changed"))
            return False
        if members.empty:
            empty = t("kop.app.empty_file", file=filename)
            self.import_msg.value = message_html("warn", esc(empty))
            return False
        self._replace_members(
            members, t("kop.shu_app.imported", n=format_number(len(members)), file=filename)
        )
        return True

    def _load_sample(self, _button) -> None:
        members = ledger_to_shu_members(load_sample_ledger())
        self._replace_members(members, t("kop.shu_app.sample_loaded", n=len(members)))

    def _from_ledger(self, _button) -> None:
        saved = None
        if self.participant is not None:
            saved = self.store.load(self.participant.code, "koperasi_desa")
        records = (saved.data or {}).get("anggota") if saved is not None else None
        if not records:
            self.import_msg.value = message_html("info", esc(t("kop.shu_app.no_ledger")))
            return
        members = ledger_to_shu_members(ledger_from_records(records))
        self._replace_members(members, t("kop.shu_app.ledger_loaded", n=len(members)))

    # --- export -----------------------------------------------------------------------------
    def _export(self, _button) -> None:
        from desmigratif_kit.cooperative import workbooks

        if self.result is None or self.pots is None:
            self.export_link.value = message_html("info", esc(t("kop.shu_app.no_members")))
            return
        content = workbooks.shu_workbook(
            self.result, self.pots.shu_rp, self.pots.jasa_modal_pct, self.pots.jasa_usaha_pct
        )
        self.export_link.value = download_link(
            content,
            f"pembagian-shu-{date.today().isoformat()}.xlsx",
            workbooks.XLSX_MIME,
            t("kop.app.download_excel"),
        )


def preload() -> None:
    """Warm a preheated kernel before its visitor: catalogs, the sample ledger, a first
    sharing, and matplotlib with the pillar's charts."""
    from desmigratif_kit.cooperative import charts  # noqa: F401  (imports matplotlib)

    t("kop.shu_app.intro")
    members = ledger_to_shu_members(load_sample_ledger())
    shu_distribution(members, SHU_AWAL["shu"], SHU_AWAL["jm"], SHU_AWAL["ju"])
    ledger_records(load_sample_ledger())
