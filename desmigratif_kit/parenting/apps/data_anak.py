"""Data Anak Desa: the village's roster of migrant workers' children.

Add a child and their measurements, import the posyandu's Excel/CSV (through the roster
schema: a messy file gets every problem listed and changes nothing), see how many children are
stunted, wasted, underweight or not gaining, and **who** needs a visit this month. This app is
the village's own view, the only place children are named; what leaves it for others (the
summary Excel, the workshop's facts) counts children and never names them.
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
from desmigratif_kit.core.data import TableError
from desmigratif_kit.core.i18n import (
    InputError,
    format_date,
    format_number,
    parse_date,
    t,
)
from desmigratif_kit.parenting.apps import data_anak_view as view
from desmigratif_kit.parenting.apps.common import (
    CHART_DPI,
    PAGE_ROWS,
    ParentingApp,
    card,
    date_text,
    heading,
    label,
    row,
    wide,
)
from desmigratif_kit.parenting.apps.data_anak_child import ChildPanel

__all__ = ["DataAnakApp", "preload"]

SAVE_VERSION = 1


class DataAnakApp(ParentingApp):
    """The village roster: counts, visits, table, one child's card, import and export.

    ``DataAnakApp(kode="ABC234")`` restores the participant's roster; ``today`` fixes "today"
    (tests): the default "as of" date and measuring date.
    """

    app_id = "data_anak"
    title_key = "app.data_anak"
    intro_key = "par.da.intro"

    def __init__(self, kode: str | None = None, store=None, today: date | None = None):
        super().__init__(kode=kode, store=store)
        self.today = today or date.today()
        self.tanggal = self.today
        self.df = parenting.roster_from_records([])
        self.assessed: pd.DataFrame | None = None
        self.counts: dict[str, int] | None = None
        self.page = 0
        self._confirm_sample = False
        self._quiet = True
        self._create_header()
        self._create_date()
        self._create_summary()
        self._create_table()
        self.child = ChildPanel(self)
        self._create_import()
        self._create_export()
        self._finish_with(
            [self.header, self.privacy, self.date_box],
            [
                self.summary_box,
                self.visits_box,
                self.table_box,
                self.child.box,
                self.import_box,
                self.export_box,
            ],
        )
        self.redraw()
        self._quiet = False
        self.restore()

    def restore(self) -> None:
        """The signed-in participant's roster and its "as of" date, drawn again."""
        saved = self.load_saved()
        if saved is not None:
            self.df = parenting.roster_from_records(saved.data.get("records") or [])
            text = saved.data.get("tanggal")
            if isinstance(text, str) and text:
                self.tanggal = date.fromisoformat(text[:10])
            quiet, self._quiet = self._quiet, True
            try:
                self.date_field.value = date_text(self.tanggal)
            finally:
                self._quiet = quiet
        self._refresh()

    # --- building -------------------------------------------------------------------------------
    def _create_date(self) -> None:
        self.privacy = widgets.HTML()
        self.date_field = widgets.Text(
            value=date_text(self.tanggal), continuous_update=False, layout=wide()
        )
        self.date_hint = widgets.HTML()
        self.sample_banner = widgets.HTML()
        self.on(self.date_field, self._date_changed)
        self.date_box = card([self.date_field, self.date_hint, self.sample_banner], "dk-form")

    def _create_summary(self) -> None:
        self.summary_title = widgets.HTML()
        self.tiles = widgets.HTML()
        self.summary_box = card([self.summary_title, self.tiles])
        self.visits_title = widgets.HTML()
        self.visits = widgets.HTML()
        self.visits_box = card([self.visits_title, self.visits])

    def _create_table(self) -> None:
        self.table_title = widgets.HTML()
        self.search = widgets.Text(continuous_update=False, layout=wide())
        self.table = widgets.HTML()
        self.prev_page = widgets.Button(icon="arrow-left", layout=widgets.Layout(width="auto"))
        self.next_page = widgets.Button(icon="arrow-right", layout=widgets.Layout(width="auto"))
        self.page_label = widgets.HTML()
        self.on(self.search, self._search_changed)
        self.on_click(self.prev_page, lambda _: self._turn(-1))
        self.on_click(self.next_page, lambda _: self._turn(1))
        self.table_box = card(
            [
                self.table_title,
                self.search,
                self.table,
                self.page_label,
                widgets.HBox([self.prev_page, self.next_page], layout=row()),
            ]
        )

    def _create_import(self) -> None:
        self.import_title = widgets.HTML()
        self.mode = widgets.RadioButtons(
            options=[("", "tambah"), ("", "ganti")], value="tambah", layout=wide()
        )
        self.upload = widgets.FileUpload(accept=".xlsx,.csv", multiple=False)
        self.sample_button = widgets.Button(icon="table", layout=widgets.Layout(width="auto"))
        self.import_msg = widgets.HTML()
        self.on(self.upload, self._uploaded)
        self.on_click(self.sample_button, self._load_sample)
        self.import_box = card(
            [
                self.import_title,
                self.mode,
                widgets.HBox([self.upload, self.sample_button], layout=row()),
                self.import_msg,
            ],
            "dk-form",
        )

    def _create_export(self) -> None:
        self.export_title = widgets.HTML()
        self.export_named = widgets.Button(icon="download", layout=widgets.Layout(width="auto"))
        self.export_counts = widgets.Button(icon="download", layout=widgets.Layout(width="auto"))
        self.export_link = widgets.HTML()
        self.on_click(self.export_named, self._export_named)
        self.on_click(self.export_counts, self._export_counts)
        self.export_box = card(
            [
                self.export_title,
                widgets.HBox([self.export_named, self.export_counts], layout=row()),
                self.export_link,
            ]
        )

    # --- texts ----------------------------------------------------------------------------------
    def redraw(self) -> None:
        quiet, self._quiet = self._quiet, True
        try:
            self._draw_header()
            self.privacy.value = f"<div class='dk-privacy'>{esc(t('par.da.privacy'))}</div>"
            label(self.date_field, "par.da.as_of", "par.tk.date_ph")
            self.date_hint.value = f"<p class='dk-hint'>{esc(t('par.da.as_of_hint'))}</p>"
            self.summary_title.value = heading("par.da.summary_title", "par.da.summary_hint")
            self.visits_title.value = heading("par.da.visits_title", "par.da.visits_hint")
            self.table_title.value = heading("par.da.table_title")
            label(self.search, "par.da.search", "par.da.search_ph")
            self.prev_page.description = t("par.da.prev")
            self.next_page.description = t("par.da.next")
            self.import_title.value = heading("par.da.import_title", "par.da.import_hint")
            mode = self.mode.value
            self.mode.options = [
                (t("par.da.mode_add"), "tambah"),
                (t("par.da.mode_replace"), "ganti"),
            ]
            self.mode.value = mode
            self.upload.description = t("par.da.upload")
            self.sample_button.description = t("par.da.sample")
            self.export_title.value = heading("par.da.export_title", "par.da.export_hint")
            self.export_named.description = t("par.da.export_named")
            self.export_counts.description = t("par.da.export_counts")
            self.child.redraw()
        finally:
            self._quiet = quiet
        self._refresh()

    # --- drawing --------------------------------------------------------------------------------
    def _refresh(self) -> None:
        """Assess the roster once and redraw everything that shows it."""
        has_rows = bool(len(self.df))
        self.assessed = parenting.assess_roster(self.df) if has_rows else None
        self.counts = parenting.count_children(self.assessed, self.tanggal) if has_rows else None
        for box in (self.summary_box, self.visits_box, self.table_box):
            box.layout.display = None if has_rows else "none"
        self.sample_banner.value = (
            message_html("warn", esc(t("par.da.sample_banner")))
            if has_rows and parenting.ada_data_contoh(self.df)
            else ""
        )
        self.export_link.value = ""
        if has_rows:
            self._draw_summary()
            self._draw_table()
        else:
            self.tiles.value = self.visits.value = self.table.value = ""
        self.child.refresh()

    def place(self) -> str | None:
        """The village's name for the summary ("di Desa ..."): the participant's village, or
        the synthetic one when the roster holds the sample."""
        if len(self.df) and parenting.ada_data_contoh(self.df):
            return t("par.da.place_sample")
        code = self.participant.village_code if self.participant else None
        if not code:
            return None
        try:
            from desmigratif_kit.core.data import wilayah_name

            return t("par.da.place", desa=wilayah_name(code))
        except (KeyError, ValueError, InputError):
            return None

    def _draw_summary(self) -> None:
        self.tiles.value = view.tiles_html(self.counts)
        self.visits.value = view.visits_html(parenting.needs_visit(self.assessed, self.tanggal))

    def latest(self) -> pd.DataFrame:
        """One row per child (named), filtered by the search box, sorted by name."""
        latest = parenting.latest_per_child(self.assessed, self.tanggal)
        text = self.search.value.strip().casefold()
        if text:
            names = latest["nama_anak"].astype("object").fillna("").str.casefold()
            latest = latest[names.str.contains(text, regex=False).to_numpy(dtype=bool)]
        order = (
            latest["nama_anak"].astype("object").fillna("").str.casefold().argsort(kind="stable")
        )
        return latest.iloc[order].reset_index(drop=True)

    def _draw_table(self) -> None:
        rows = self.latest()
        pages = max(1, -(-len(rows) // PAGE_ROWS))
        self.page = max(0, min(self.page, pages - 1))
        start = self.page * PAGE_ROWS
        self.table.value = view.table_html(rows.iloc[start : start + PAGE_ROWS], start)
        self.page_label.value = esc(
            t("par.da.page", page=self.page + 1, pages=pages, n=format_number(len(rows)))
        )
        self.prev_page.disabled = self.page == 0
        self.next_page.disabled = self.page >= pages - 1

    # --- reacting -------------------------------------------------------------------------------
    def _date_changed(self, change) -> None:
        if self._quiet:
            return
        self.tanggal = parse_date(change["new"], field=t("par.da.as_of"))
        self.clear_message()
        self.save()
        self._refresh()

    def _search_changed(self, change) -> None:
        self.page = 0
        if self.assessed is not None:
            self._draw_table()
        self.child.refresh()

    def _turn(self, step: int) -> None:
        self.page += step
        self._draw_table()

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
        """Import a roster file (add to or replace the roster); on any problem list them all
        and change nothing."""
        try:
            new = parenting.load_roster(content, filename=filename)
            merged = (
                new
                if self.mode.value == "ganti"
                else parenting.gabung_roster(self.df, new, filename)
            )
        except TableError as err:
            self.import_msg.value = problems_html(err, tail=t("table.nothing_changed"))
            return False
        children = len(set(parenting.child_key(new)))
        self.replace(merged)
        self.import_msg.value = message_html(
            "ok",
            esc(
                t(
                    "par.da.imported",
                    rows=format_number(len(new)),
                    children=format_number(children),
                    file=filename,
                    total=format_number(len(set(parenting.child_key(merged)))),
                )
            ),
        )
        return True

    def _load_sample(self, _button=None) -> None:
        if len(self.df) and not self._confirm_sample:
            self._confirm_sample = True
            self.import_msg.value = message_html("warn", esc(t("par.da.sample_confirm")))
            return
        self._confirm_sample = False
        self.tanggal = parenting.SAMPLE_REFERENCE_DATE_ANAK
        self.replace(parenting.load_sample_roster())
        quiet, self._quiet = self._quiet, True
        try:
            self.date_field.value = date_text(self.tanggal)
        finally:
            self._quiet = quiet
        self.import_msg.value = message_html(
            "ok",
            esc(
                t(
                    "par.da.sample_loaded",
                    n=format_number(len(set(parenting.child_key(self.df)))),
                    date=format_date(self.tanggal),
                )
            ),
        )

    def _export_named(self, _button=None) -> None:
        if not len(self.df):
            return
        from desmigratif_kit.core.excel import XLSX_MIME

        content = parenting.roster_xlsx(self.df, self.tanggal)
        self.export_link.value = (
            download_link(
                content,
                f"data-anak-desa-{self.tanggal.isoformat()}.xlsx",
                XLSX_MIME,
                t("par.da.export_named_link"),
            )
            + f"<p class='dk-hint'>{esc(t('par.da.export_named_warning'))}</p>"
        )

    def _export_counts(self, _button=None) -> None:
        if self.counts is None:
            return
        from desmigratif_kit.core.excel import XLSX_MIME

        content = parenting.ringkasan_xlsx(self.counts, self.tanggal, self.place())
        self.export_link.value = download_link(
            content,
            f"ringkasan-anak-desa-{self.tanggal.isoformat()}.xlsx",
            XLSX_MIME,
            t("par.da.export_counts_link"),
        )

    # --- saving ---------------------------------------------------------------------------------
    def saved_data(self, records: list[dict] | None = None) -> dict:
        """What is saved: every roster row (ISO dates) and the "as of" date."""
        return {
            "version": SAVE_VERSION,
            "records": parenting.roster_records(self.df) if records is None else records,
            "tanggal": self.tanggal.isoformat(),
        }

    def save(self) -> None:
        self.autosave(self.saved_data())

    def replace(self, df: pd.DataFrame) -> None:
        """Make ``df`` the roster: save it first, then redraw (a failed save changes nothing).
        The roster is kept as the saved records give it back (no file attributes), so the app
        shows the same after a reload."""
        records = parenting.roster_records(df)
        self.autosave(self.saved_data(records))
        self.df = parenting.roster_from_records(records)
        self._refresh()


def preload() -> None:
    """Warm a preheated kernel: catalogs, the WHO tables, the synthetic roster assessed and
    counted, and matplotlib (a child's growth chart), so a roster opens at once."""
    t("par.da.intro")
    roster = parenting.assess_roster(parenting.load_sample_roster())
    parenting.count_children(roster, parenting.SAMPLE_REFERENCE_DATE_ANAK)
    from desmigratif_kit.parenting import charts

    charts.to_png(charts.chart_growth("P", "bb_u", [(30, 4.1)]), dpi=CHART_DPI)
