"""Rencana Kegiatan Parenting: the parenting group's sessions for the carers of migrant
workers' children.

Pick a suggested topic (each comes from a problem the programme reported) or write one, plan
the date and place, and after the session record how many carers were invited and how many
came (counts only, never names). The plan is an editable table (one card per session on a
phone, :class:`~desmigratif_kit.core.apps.table.RowsEditor` with
:data:`~desmigratif_kit.parenting.KEGIATAN_SCHEMA`), saved as the participant's work; it can
be imported from and exported to Excel.
"""

from __future__ import annotations

from datetime import date

import ipywidgets as widgets
import pandas as pd

from desmigratif_kit import parenting
from desmigratif_kit.core.app import (
    download_link,
    esc,
    message_html,
    problems_html,
    uploaded_files,
)
from desmigratif_kit.core.apps.table import RowsEditor
from desmigratif_kit.core.data import TableError, read_table
from desmigratif_kit.core.i18n import format_date, format_number, format_pct, t
from desmigratif_kit.parenting.apps.common import ParentingApp, card, heading, row, wide

__all__ = ["RencanaParentingApp", "preload"]

SAVE_VERSION = 1
MAX_SESSIONS = 60


class RencanaParentingApp(ParentingApp):
    """The activity plan: suggested topics, the sessions table, the plan in numbers, Excel.

    ``RencanaParentingApp(kode="ABC234")`` restores the participant's plan.
    """

    app_id = "rencana_parenting"
    title_key = "app.rencana_parenting"
    intro_key = "par.rk.intro"

    def __init__(self, kode: str | None = None, store=None, today: date | None = None):
        super().__init__(kode=kode, store=store)
        self.today = today or date.today()
        self.df = parenting.kegiatan_from_records([])
        self._quiet = True
        self._create_header()
        self._create_topics()
        self._create_plan()
        self._create_summary()
        self._create_files()
        self._finish_with(
            [self.header], [self.topics_box, self.plan_box, self.summary_box, self.files_box]
        )
        self.redraw()
        self._quiet = False
        self.restore()

    def restore(self) -> None:
        """The signed-in participant's sessions, back in the table."""
        saved = self.load_saved()
        if saved is not None:
            self.df = parenting.kegiatan_from_records(saved.data.get("kegiatan") or [])
            self._show(self.df)
        self._draw_summary()

    # --- building -------------------------------------------------------------------------------
    def _create_topics(self) -> None:
        self.topics_title = widgets.HTML()
        self.topic = widgets.Dropdown(
            options=[("", code) for code in parenting.TOPIK], layout=wide()
        )
        self.topic_why = widgets.HTML()
        self.topic_button = widgets.Button(icon="plus", layout=widgets.Layout(width="auto"))
        self.on(self.topic, lambda _change: self._draw_why())
        self.on_click(self.topic_button, self._add_topic)
        self.topics_box = card(
            [self.topics_title, self.topic, self.topic_why, self.topic_button], "dk-form"
        )

    def _create_plan(self) -> None:
        self.plan_title = widgets.HTML()
        self.editor = RowsEditor(
            parenting.KEGIATAN_SCHEMA,
            rows=[],
            on_change=self.callback(self._edited),
            max_rows=MAX_SESSIONS,
            field_width="12em",
        )
        self.plan_msg = widgets.HTML()
        self.plan_box = card([self.plan_title, self.editor.widget, self.plan_msg])

    def _create_summary(self) -> None:
        self.summary_title = widgets.HTML()
        self.summary = widgets.HTML()
        self.summary_box = card([self.summary_title, self.summary])

    def _create_files(self) -> None:
        self.files_title = widgets.HTML()
        self.upload = widgets.FileUpload(accept=".xlsx,.csv", multiple=False)
        self.export_button = widgets.Button(icon="download", layout=widgets.Layout(width="auto"))
        self.files_msg = widgets.HTML()
        self.export_link = widgets.HTML()
        self.on(self.upload, self._uploaded)
        self.on_click(self.export_button, self._export)
        self.files_box = card(
            [
                self.files_title,
                widgets.HBox([self.upload, self.export_button], layout=row()),
                self.files_msg,
                self.export_link,
            ]
        )

    # --- texts ----------------------------------------------------------------------------------
    def redraw(self) -> None:
        quiet, self._quiet = self._quiet, True
        try:
            self._draw_header()
            self.topics_title.value = heading("par.rk.topics_title", "par.rk.topics_hint")
            value = self.topic.value
            self.topic.options = [(t(f"par.topik.{code}"), code) for code in parenting.TOPIK]
            self.topic.value = value
            self.topic_button.description = t("par.rk.add_topic")
            self.plan_title.value = heading("par.rk.plan_title", "par.rk.plan_hint")
            self.editor.redraw()
            self._placeholders()
            self.summary_title.value = heading("par.rk.summary_title", "par.rk.summary_hint")
            self.files_title.value = heading("par.rk.files_title", "par.rk.files_hint")
            self.upload.description = t("par.rk.upload")
            self.export_button.description = t("par.rk.export")
        finally:
            self._quiet = quiet
        self._draw_why()
        self._draw_summary()

    # --- state ----------------------------------------------------------------------------------
    def _show(self, df: pd.DataFrame) -> None:
        """Put the sessions in the table (quietly: nothing is saved)."""
        quiet, self._quiet = self._quiet, True
        try:
            self.editor.set_rows(df.to_dict("records"))
        finally:
            self._quiet = quiet
        self._placeholders()

    def _placeholders(self) -> None:
        """Examples in the empty cells of every row (how to write a date, a count)."""
        examples = {"tanggal": "par.tk.date_ph", "diundang": "par.rk.count_ph"}
        for cells in self.editor.cells:
            for name, key in examples.items():
                cells[name].placeholder = t(key)

    def _keep(self, df: pd.DataFrame) -> None:
        """Save ``df`` as the plan, then show it (a failed save changes nothing)."""
        self.autosave({"version": SAVE_VERSION, "kegiatan": parenting.kegiatan_records(df)})
        self.df = df
        self._draw_summary()

    # --- reacting -------------------------------------------------------------------------------
    def _edited(self) -> None:
        if self._quiet:
            return
        self._placeholders()  # a row added by the table's own button
        try:
            df = parenting.cek_kegiatan(self.editor.frame(), file=t("table.form"))
        except TableError as err:
            self.plan_msg.value = _form_html(err)
            if self.participant is not None:
                self.bar.mark_unsaved()
            return
        self.plan_msg.value = ""
        self._keep(df)

    def _add_topic(self, _button=None) -> None:
        if len(self.editor.cells) >= MAX_SESSIONS:
            self.plan_msg.value = message_html("warn", esc(t("par.rk.full", n=MAX_SESSIONS)))
            return
        quiet, self._quiet = self._quiet, True
        try:
            self.editor.add_row()
            self.editor.cells[-1]["topik"].value = t(f"par.topik.{self.topic.value}")
        finally:
            self._quiet = quiet
        self._placeholders()
        self.plan_msg.value = message_html("info", esc(t("par.rk.topic_added")))

    def _uploaded(self, change) -> None:
        files = uploaded_files(change["new"])
        if self._quiet or not files:
            return
        name, content = files[0]
        try:
            self.import_file(content, name)
        finally:
            quiet, self._quiet = self._quiet, True
            try:
                self.upload.value = ()
            finally:
                self._quiet = quiet

    def import_file(self, content: bytes, filename: str) -> bool:
        """Add the sessions of an Excel/CSV file; on any problem list them all, change
        nothing."""
        try:
            new = parenting.cek_kegiatan(
                read_table(content, parenting.KEGIATAN_SCHEMA, filename=filename), filename
            )
        except TableError as err:
            self.files_msg.value = problems_html(err, tail=t("table.nothing_changed"))
            return False
        merged = parenting.gabung_kegiatan(self.df, new)
        self._keep(merged)
        self._show(merged)
        self.plan_msg.value = ""
        self.files_msg.value = message_html(
            "ok",
            esc(t("par.rk.imported", n=format_number(len(new)), file=filename, total=len(merged))),
        )
        return True

    def _export(self, _button=None) -> None:
        from desmigratif_kit.core.excel import XLSX_MIME

        self.export_link.value = download_link(
            parenting.kegiatan_xlsx(self.df),
            f"rencana-kegiatan-parenting-{self.today.isoformat()}.xlsx",
            XLSX_MIME,
            t("par.rk.export_link", n=len(self.df)),
        )

    # --- drawing --------------------------------------------------------------------------------
    def _draw_why(self) -> None:
        why = t(f"par.topik.{self.topic.value}.why")
        self.topic_why.value = f"<p class='dk-hint'>{esc(why)}</p>"

    def _draw_summary(self) -> None:
        if not len(self.df):
            self.summary.value = message_html("info", esc(t("par.rk.empty")))
            return
        r = parenting.ringkas_kegiatan(self.df)
        pct = "—" if r["kehadiran_pct"] is None else format_pct(r["kehadiran_pct"])
        tiles = [
            ("par.rk.planned", format_number(r["direncanakan"])),
            ("par.rk.held", format_number(r["terlaksana"])),
            ("par.rk.present", f"{format_number(r['hadir'])} / {format_number(r['diundang'])}"),
            ("par.rk.attendance", pct),
        ]
        html = "".join(
            f"<div class='dk-tile' data-testid='rk-{key.rsplit('.', 1)[1]}'><b>{esc(value)}</b>"
            f"{esc(t(key))}</div>"
            for key, value in tiles
        )
        upcoming = r["berikutnya"]
        if upcoming is None:
            nxt = message_html("warn", esc(t("par.rk.no_next")))
        else:
            topic = self.df.loc[
                (self.df["tanggal"] == upcoming) & self.df["hadir"].isna(), "topik"
            ].iloc[0]
            key = "par.rk.overdue" if upcoming < self.today else "par.rk.next"
            kind = "warn" if upcoming < self.today else "info"
            nxt = message_html(kind, esc(t(key, date=format_date(upcoming), topic=topic)))
        self.summary.value = f"<div class='dk-tiles' data-testid='rk-angka'>{html}</div>{nxt}"


def _form_html(err: TableError) -> str:
    """The table's problems: a gentle note when only required cells are still empty (a row
    being typed), an error box otherwise."""
    if all(problem.given == "" for problem in err.problems):
        head = t("par.rk.incomplete", count=len(err.problems))
        items = "".join(f"<li>{esc(p.message())}</li>" for p in err.problems[: err.LIST_LIMIT])
        return message_html("warn", f"<b>{esc(head)}</b><ul data-testid='masalah'>{items}</ul>")
    return problems_html(err, head=t("table.form_error", count=len(err.problems)))


def preload() -> None:
    """Warm a preheated kernel: catalogs and the plan's rules."""
    t("par.rk.intro")
    parenting.ringkas_kegiatan(
        parenting.cek_kegiatan(
            parenting.kegiatan_from_records([{"topik": "Gizi", "tanggal": "2026-11-07"}])
        )
    )
