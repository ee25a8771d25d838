"""Buku Register Desa: the village register of migrant workers.

Form (add, edit, remove), Excel/CSV import that never loses saved work, the synthetic sample,
alerts, charts, a masked table and a masked Excel export. Identity numbers are masked in every
display and export.
"""

from __future__ import annotations

from datetime import date

import ipywidgets as widgets
import pandas as pd

from desmigratif_kit import migration
from desmigratif_kit.core import i18n
from desmigratif_kit.core.app import esc, message_html
from desmigratif_kit.core.data import TableError
from desmigratif_kit.core.i18n import format_date, format_number, t
from desmigratif_kit.migration import register_edit
from desmigratif_kit.migration.apps.common import (
    ALERT_LIMIT,
    CHART_DPI,
    CHART_WIDTH_INCI,
    CHOICE_LIMIT,
    LABEL_WIDTH,
    NEW,
    PAGE_ROWS,
    _card,
    _data_link,
    _MigrasiApp,
    _row,
    _wide,
    preload,
)
from desmigratif_kit.migration.apps.register_view import (
    CHOICE_FIELDS,
    MASKED,
    REGISTER_FORM,
    TABLE_COLUMNS,
    _cell,
    alert_html,
    choice_label,
    problems_html,
    status_label,
)

__all__ = ["RegisterDesaApp", "preload"]

# =========================================================================================
# Buku Register Desa
# =========================================================================================


class RegisterDesaApp(_MigrasiApp):
    """The village register of migrant workers: form, import, alerts, charts, table, export."""

    app_id = "register_desa"
    title_key = "app.register_desa"
    intro_key = "mig.reg.intro"

    def __init__(self, kode: str | None = None, store=None, today: date | None = None):
        super().__init__(kode=kode, store=store)
        self.today = today or date.today()
        self.df = register_edit.register_from_records([])
        self.page = 0
        self.editing: int | None = None
        self._confirm_delete = False
        self._quiet = True
        self._create_header()
        self._create_alerts()
        self._create_charts()
        self._create_table()
        self._create_form()
        self._create_import()
        self._create_export()
        self._finish_with(
            [self.header],
            [
                self.summary,
                self.alerts,
                self.charts_box,
                self.table_box,
                self.form_box,
                self.import_box,
                self.export_box,
            ],
        )
        self._quiet = False
        self.restore()

    def restore(self) -> None:
        """The signed-in participant's register, drawn again."""
        saved = self.load_saved()
        if saved is not None:
            self.df = register_edit.register_from_records(register_edit.records_saved(saved.data))
        self.redraw()

    # --- building -----------------------------------------------------------------------
    def _create_alerts(self) -> None:
        self.summary = widgets.HTML()
        self.alerts = widgets.HTML()

    def _create_charts(self) -> None:
        self.charts_title = widgets.HTML()
        self.chart_status = widgets.Image(
            format="png", layout=widgets.Layout(max_width="640px", width="100%")
        )
        self.chart_months = widgets.Image(
            format="png", layout=widgets.Layout(max_width="640px", width="100%")
        )
        self.charts_box = _card([self.charts_title, self.chart_status, self.chart_months])

    def _create_table(self) -> None:
        self.table_title = widgets.HTML()
        self.search = widgets.Text(layout=_wide(), continuous_update=True)
        self.table = widgets.HTML()
        self.prev_page = widgets.Button(icon="arrow-left", layout=widgets.Layout(width="auto"))
        self.next_page = widgets.Button(icon="arrow-right", layout=widgets.Layout(width="auto"))
        self.page_label = widgets.HTML()
        self.on(self.search, self._search_changed)
        self.on_click(self.prev_page, lambda _: self._turn(-1))
        self.on_click(self.next_page, lambda _: self._turn(1))
        self.table_box = _card(
            [
                self.table_title,
                self.search,
                self.table,
                widgets.HBox([self.prev_page, self.page_label, self.next_page], layout=_row()),
            ]
        )

    def _create_form(self) -> None:
        self.form_title = widgets.HTML()
        self.choose = widgets.Dropdown(options=[("", NEW)], value=NEW, layout=_wide())
        self.fields: dict[str, widgets.Widget] = {}
        for name in REGISTER_FORM:
            if name in CHOICE_FIELDS:
                self.fields[name] = widgets.Dropdown(options=[("", "")], value="", layout=_wide())
            else:
                self.fields[name] = widgets.Text(layout=_wide())
        auto = widgets.Layout(width="auto")
        self.save_button = widgets.Button(button_style="primary", icon="save", layout=auto)
        self.delete_button = widgets.Button(
            button_style="danger", icon="trash", layout=widgets.Layout(width="auto")
        )
        self.new_button = widgets.Button(icon="plus", layout=widgets.Layout(width="auto"))
        self.form_msg = widgets.HTML()
        self.on(self.choose, self._chosen)
        self.on_click(self.save_button, self._save_entry)
        self.on_click(self.delete_button, self._delete_entry)
        self.on_click(self.new_button, lambda _: self.edit(None))
        self.form_box = _card(
            [
                self.form_title,
                self.choose,
                *self.fields.values(),
                widgets.HBox(
                    [self.save_button, self.new_button, self.delete_button], layout=_row()
                ),
                self.form_msg,
            ],
            "dk-form",
        )

    def _create_import(self) -> None:
        self.import_title = widgets.HTML()
        self.mode = widgets.RadioButtons(
            options=[("", "tambah"), ("", "ganti")],
            value="tambah",
            layout=widgets.Layout(width="auto"),
        )
        self.upload = widgets.FileUpload(accept=".xlsx,.csv", multiple=False)
        self.sample_button = widgets.Button(icon="table", layout=widgets.Layout(width="auto"))
        self.import_msg = widgets.HTML()
        self.on(self.upload, self._uploaded)
        self.on_click(self.sample_button, self._load_sample)
        self.import_box = _card(
            [
                self.import_title,
                self.mode,
                widgets.HBox([self.upload, self.sample_button], layout=_row()),
                self.import_msg,
            ]
        )

    def _create_export(self) -> None:
        self.export_title = widgets.HTML()
        self.export_button = widgets.Button(icon="download", layout=widgets.Layout(width="auto"))
        self.export_link = widgets.HTML()
        self.on_click(self.export_button, self._export)
        self.export_box = _card([self.export_title, self.export_button, self.export_link])

    # --- texts --------------------------------------------------------------------------
    def redraw(self) -> None:
        quiet, self._quiet = self._quiet, True
        try:
            self._draw_header()
            self.charts_title.value = f"<h2>{esc(t('mig.reg.charts'))}</h2>"
            self.table_title.value = f"<h2>{esc(t('mig.reg.table'))}</h2>"
            self.search.description = t("mig.reg.search")
            self.search.placeholder = t("mig.reg.search_ph")
            self.search.style.description_width = LABEL_WIDTH
            self.prev_page.description = t("mig.reg.prev")
            self.next_page.description = t("mig.reg.next")
            self.form_title.value = (
                f"<h2>{esc(t('mig.reg.form'))}</h2>"
                f"<p class='dk-muted'>{esc(t('mig.reg.form_hint'))}</p>"
            )
            self.choose.description = t("mig.reg.choose")
            self.choose.style.description_width = LABEL_WIDTH
            for name, widget in self.fields.items():
                required = migration.REGISTER_SCHEMA.columns[REGISTER_FORM.index(name)].required
                widget.description = t(f"mig.col.{name}") + (" *" if required else "")
                widget.style.description_width = LABEL_WIDTH
                if name in CHOICE_FIELDS:
                    value = widget.value
                    widget.options = [(choice_label(name, c), c) for c in CHOICE_FIELDS[name]]
                    widget.value = value if value in CHOICE_FIELDS[name] else CHOICE_FIELDS[name][0]
                elif "tanggal" in name or name == "akhir_kontrak":
                    widget.placeholder = t("mig.date_ph")
            self.save_button.description = t("mig.reg.save")
            self.new_button.description = t("mig.reg.new")
            self.delete_button.description = t("mig.reg.delete")
            self.import_title.value = (
                f"<h2>{esc(t('mig.reg.import'))}</h2><p>{esc(t('mig.reg.import_hint'))}</p>"
            )
            mode = self.mode.value
            self.mode.options = [
                (t("mig.reg.mode_add"), "tambah"),
                (t("mig.reg.mode_replace"), "ganti"),
            ]
            self.mode.value = mode
            self.upload.description = t("mig.reg.upload")
            self.sample_button.description = t("mig.reg.sample")
            self.export_title.value = (
                f"<h2>{esc(t('mig.reg.export'))}</h2><p>{esc(t('mig.reg.export_hint'))}</p>"
            )
            self.export_button.description = t("mig.reg.export_button")
        finally:
            self._quiet = quiet
        self._refresh(charts=True)
        if self.editing is not None and self.editing >= len(self.df):
            self.editing = None
        self._draw_form_state()

    # --- drawing ----------------------------------------------------------------------------
    def _refresh(self, charts: bool = True) -> None:
        """Redraw everything that shows the register (after each change)."""
        self._draw_summary()
        self._draw_alerts()
        if charts:
            self._draw_charts()
        self._draw_table()
        self._fill_choices()
        self.export_link.value = ""

    def _draw_summary(self) -> None:
        n = len(self.df)
        if not n:
            self.summary.value = message_html("info", esc(t("mig.reg.empty")))
            return
        counts = migration.register_summary(self.df)["status"]
        parts = [
            f"{esc(status_label(s))}: {esc(format_number(j))}"
            for s, j in zip(counts["status"], counts["jumlah"], strict=True)
        ]
        self.summary.value = (
            f"<p data-testid='ringkasan'><b>{esc(t('mig.reg.count', n=format_number(n)))}</b> · "
            + " · ".join(parts)
            + "</p>"
        )

    def _draw_alerts(self) -> None:
        if not len(self.df):
            self.alerts.value = ""
            return
        lang = i18n.get_language()
        parts = []
        ending = migration.contracts_ending(self.df, self.today, within_days=90)
        if len(ending):
            items = [
                t(
                    "mig.reg.ending_item",
                    nama=esc(row.nama),
                    negara=esc(_cell(row.negara_tujuan, lang)),
                    tanggal=esc(format_date(row.akhir_kontrak, lang)),
                    hari=row.sisa_hari,
                )
                for row in ending.head(ALERT_LIMIT).itertuples()
            ]
            parts.append(
                alert_html(
                    "warn", t("mig.reg.ending", count=len(ending), days=90), items, len(ending)
                )
            )
        ended = register_edit.kontrak_lewat(self.df, self.today)
        if len(ended):
            items = [
                t(
                    "mig.reg.ended_item",
                    nama=esc(row.nama),
                    tanggal=esc(format_date(row.akhir_kontrak, lang)),
                )
                for row in ended.head(ALERT_LIMIT).itertuples()
            ]
            parts.append(
                alert_html("warn", t("mig.reg.ended", count=len(ended)), items, len(ended))
            )
        gaps = register_edit.data_belum_lengkap(self.df)
        if len(gaps):
            items = [
                t(
                    "mig.reg.gap_item",
                    nama=esc(nama),
                    kolom=esc(", ".join(t(f"mig.col.{k}") for k in kurang)),
                )
                for nama, kurang in zip(
                    gaps["nama"].head(ALERT_LIMIT), gaps["kurang"].head(ALERT_LIMIT), strict=True
                )
            ]
            parts.append(alert_html("info", t("mig.reg.gaps", count=len(gaps)), items, len(gaps)))
        if not parts:
            parts.append(message_html("ok", esc(t("mig.reg.no_alerts"))))
        self.alerts.value = f"<div data-testid='peringatan'>{''.join(parts)}</div>"

    def _draw_charts(self) -> None:
        if not len(self.df):
            self.charts_box.layout.display = "none"
            self.chart_status.value = b""
            self.chart_months.value = b""
            return
        self.charts_box.layout.display = None
        from desmigratif_kit.migration import (
            charts,  # matplotlib: only once there is a register to draw
        )

        summary = charts.chart_register_summary(
            migration.register_summary(self.df),
            dimensi=("status", "negara_tujuan"),
            top=8,
            kolom=1,
            lebar_inci=CHART_WIDTH_INCI,
        )
        months = charts.chart_movements(
            migration.movements_per_month(self.df),
            bulan_terakhir=36,
            lebar_inci=CHART_WIDTH_INCI,
        )
        self.chart_status.value = charts.to_png(summary, dpi=CHART_DPI)
        self.chart_months.value = charts.to_png(months, dpi=CHART_DPI)

    def _filtered(self) -> pd.DataFrame:
        text = self.search.value.strip().casefold()
        if not text:
            return self.df
        names = self.df["nama"].astype("object").fillna("").str.casefold()
        return self.df[names.str.contains(text, regex=False).to_numpy(dtype=bool)]

    def _draw_table(self) -> None:
        lang = i18n.get_language()
        rows = self._filtered()
        pages = max(1, -(-len(rows) // PAGE_ROWS))
        self.page = max(0, min(self.page, pages - 1))
        shown = migration.masked(rows.iloc[self.page * PAGE_ROWS : (self.page + 1) * PAGE_ROWS])
        head = "".join(f"<th>{esc(t(f'mig.col.{c}'))}</th>" for c in ("no", *TABLE_COLUMNS))
        body = []
        for position, row in zip(shown.index, shown.itertuples(index=False), strict=True):
            cells = [str(self.df.index.get_loc(position) + 1)]
            for name in TABLE_COLUMNS:
                value = getattr(row, name)
                if name == "status" and isinstance(value, str):
                    value = status_label(value)
                elif name == "jenis_kelamin" and value in ("L", "P"):
                    value = t(f"mig.sex.{value}")
                cells.append(_cell(value, lang))
            body.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>")
        if not body:
            body.append(
                f"<tr><td colspan='{len(TABLE_COLUMNS) + 1}'>{esc(t('mig.reg.no_rows'))}</td></tr>"
            )
        self.table.value = (
            "<div class='dk-tablewrap'><table class='dk-table' data-testid='tabel-register'>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
        )
        self.page_label.value = esc(
            t("mig.reg.page", page=self.page + 1, pages=pages, n=format_number(len(rows)))
        )
        self.prev_page.disabled = self.page == 0
        self.next_page.disabled = self.page >= pages - 1

    def _fill_choices(self) -> None:
        rows = self._filtered().head(CHOICE_LIMIT)
        nik = migration.masked(rows[["nik"]])["nik"]
        options = [(t("mig.reg.new_entry"), NEW)]
        for position, (nama, masked_nik) in enumerate(zip(rows["nama"], nik, strict=True)):
            number = self.df.index.get_loc(rows.index[position]) + 1
            options.append((f"{number}. {nama} · {masked_nik}", number - 1))
        quiet, self._quiet = self._quiet, True
        try:
            keep = self.editing if any(v == self.editing for _, v in options) else NEW
            self.choose.options = options
            self.choose.value = NEW if keep is None else keep
        finally:
            self._quiet = quiet

    # --- table reacting -----------------------------------------------------------------
    def _search_changed(self, change) -> None:
        self.page = 0
        self._draw_table()
        self._fill_choices()

    def _turn(self, step: int) -> None:
        self.page += step
        self._draw_table()

    # --- form -------------------------------------------------------------------------------
    def _chosen(self, change) -> None:
        if self._quiet:
            return
        self.edit(None if change["new"] == NEW else change["new"])

    def edit(self, position: int | None) -> None:
        """Fill the form with entry ``position`` (0-based), or empty it for a new entry."""
        self.editing = position
        self._confirm_delete = False
        self.form_msg.value = ""
        lang = i18n.get_language()
        record = None
        if position is not None:
            record = register_edit.register_records(self.df.iloc[[position]])[0]
        for name, widget in self.fields.items():
            value = None if record is None else record.get(name)
            if name in CHOICE_FIELDS:
                widget.value = value if value in CHOICE_FIELDS[name] else CHOICE_FIELDS[name][0]
            elif name in MASKED:
                widget.value = ""
                masked = migration.mask_nik(value) if name == "nik" else migration.mask_id(value)
                widget.placeholder = t("mig.reg.keep_masked", masked=masked) if value else ""
            elif value and ("tanggal" in name or name == "akhir_kontrak"):
                widget.value = format_date(date.fromisoformat(value), lang)
            else:
                widget.value = value or ""
        quiet, self._quiet = self._quiet, True
        try:
            if position is not None and any(v == position for _, v in self.choose.options):
                self.choose.value = position
            else:
                self.choose.value = NEW
        finally:
            self._quiet = quiet
        self._draw_form_state()

    def _draw_form_state(self) -> None:
        self.delete_button.layout.display = None if self.editing is not None else "none"
        self.delete_button.description = t(
            "mig.reg.delete_confirm" if self._confirm_delete else "mig.reg.delete"
        )
        self.save_button.description = t(
            "mig.reg.save" if self.editing is None else "mig.reg.save_changes"
        )

    def form_values(self) -> dict[str, str]:
        values = {name: widget.value for name, widget in self.fields.items()}
        if self.editing is not None:
            old = register_edit.register_records(self.df.iloc[[self.editing]])[0]
            for name in MASKED:
                if not values[name].strip():
                    values[name] = old.get(name) or ""
        return values

    def _save_entry(self, _button) -> None:
        try:
            record = register_edit.entri_register(self.form_values(), self.df, kecuali=self.editing)
        except TableError as err:
            self.form_msg.value = problems_html(err, form=True)
            return
        records = register_edit.register_records(self.df)
        if self.editing is None:
            records.append(record)
            position = len(records) - 1
            done = t("mig.reg.added", nama=record["nama"])
        else:
            records[self.editing] = record
            position = self.editing
            done = t("mig.reg.updated", nama=record["nama"])
        self._replace(register_edit.register_from_records(records))
        self.edit(None)
        self.form_msg.value = message_html("ok", esc(done))
        self.last_position = position

    def _delete_entry(self, _button) -> None:
        if self.editing is None:
            return
        if not self._confirm_delete:
            self._confirm_delete = True
            self._draw_form_state()
            self.form_msg.value = message_html(
                "warn", esc(t("mig.reg.delete_ask", nama=self.df["nama"].iloc[self.editing]))
            )
            return
        nama = self.df["nama"].iloc[self.editing]
        records = register_edit.register_records(self.df)
        del records[self.editing]
        self._replace(register_edit.register_from_records(records))
        self.edit(None)
        self.form_msg.value = message_html("ok", esc(t("mig.reg.deleted", nama=nama)))

    # --- import, sample, export -------------------------------------------------------------
    def _uploaded(self, change) -> None:
        files = change["new"]
        if self._quiet or not files:
            return
        upload = files[0]
        name = upload.get("name") if isinstance(upload, dict) else upload.name
        content = upload.get("content") if isinstance(upload, dict) else upload.content
        try:
            self.import_file(bytes(content), name)
        finally:
            quiet, self._quiet = self._quiet, True
            try:
                self.upload.value = ()
            finally:
                self._quiet = quiet

    def import_file(self, content: bytes, filename: str) -> bool:
        """Import a register file; on any problem show them all and change nothing."""
        try:
            new = migration.load_register(content, filename=filename)
            merged = self._merged(new, filename)
        except TableError as err:
            self.import_msg.value = problems_html(err)
            return False
        self._replace(merged)
        self.import_msg.value = message_html(
            "ok",
            esc(
                t(
                    "mig.reg.imported",
                    n=format_number(len(new)),
                    file=filename,
                    total=format_number(len(merged)),
                )
            ),
        )
        return True

    def _merged(self, new: pd.DataFrame, filename: str | None) -> pd.DataFrame:
        if self.mode.value == "ganti" or not len(self.df):
            return register_edit.register_from_records(register_edit.register_records(new))
        return register_edit.gabung_register(self.df, new, filename)

    def _load_sample(self, _button) -> None:
        sample = migration.load_sample_register()
        try:
            merged = self._merged(sample, t("mig.reg.sample_name"))
        except TableError as err:
            self.import_msg.value = problems_html(err)
            return
        self._replace(merged)
        self.import_msg.value = message_html(
            "ok",
            esc(
                t(
                    "mig.reg.sample_loaded",
                    n=format_number(len(sample)),
                    date=format_date(migration.SAMPLE_REFERENCE_DATE),
                )
            ),
        )

    def _export(self, _button) -> None:
        if not len(self.df):
            self.export_link.value = message_html("info", esc(t("mig.reg.empty")))
            return
        content = register_edit.register_xlsx(self.df)
        self.export_link.value = _data_link(
            content,
            f"register-pmi-{self.today.isoformat()}.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            t("mig.reg.export_link", n=format_number(len(self.df))),
        )

    # --- saving -------------------------------------------------------------------------
    def _replace(self, df: pd.DataFrame) -> None:
        """Make ``df`` the register: save it first, then redraw (a failed save changes nothing).

        A NIK that leaves the register (an entry deleted, the whole register replaced, a NIK
        corrected) leaves every saved version too (:meth:`Store.rewrite_history`): a
        participant who removes a worker expects the number gone.
        """
        gone = set(self.df["nik"].dropna().astype(str)) - set(df["nik"].dropna().astype(str))
        self.autosave(
            {"records": register_edit.register_records(df), "kode_versi": register_edit.KODE_VERSI}
        )
        if gone and self.participant is not None:
            self.store.rewrite_history(
                self.participant.code,
                self.app_id,
                lambda data: register_edit.tanpa_nik(data, gone),
            )
        self.df = df
        self._refresh(charts=True)
