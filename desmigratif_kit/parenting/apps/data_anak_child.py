"""The chosen child in *Data Anak Desa*: a form to add a child or change their details, their
measurements with the latest result and a growth chart **with the child's name** (this app is
the village's own view), a form to add a measurement, and removing a measurement or the child.

A part of :class:`~desmigratif_kit.parenting.apps.data_anak.DataAnakApp` (it holds the roster
and saves it); callbacks go through the app's wrappers, so an error becomes a plain message.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import ipywidgets as widgets
import pandas as pd

from desmigratif_kit import parenting
from desmigratif_kit.core.app import esc, message_html
from desmigratif_kit.core.data import TableError
from desmigratif_kit.core.i18n import InputError, format_date, parse_date, t
from desmigratif_kit.core.inputs import missing
from desmigratif_kit.parenting.apps import data_anak_view as view
from desmigratif_kit.parenting.apps import kartu_view
from desmigratif_kit.parenting.apps.common import (
    CHART_DPI,
    CHART_HEIGHT_INCI,
    CHART_WIDTH_INCI,
    LABEL_WIDTH,
    card,
    date_text,
    heading,
    label,
    row,
    wide,
)

NEW = ""
"""The chooser's value for "a new child"."""
CHOICE_LIMIT = 200
"""Children offered in the chooser (narrow it with the search box)."""


class ChildPanel:
    """One child of the roster: details, measurements, chart; ``box`` to show."""

    def __init__(self, app: Any):
        """``app`` is the :class:`~desmigratif_kit.parenting.apps.data_anak.DataAnakApp`
        (not imported here: it imports this module)."""
        self.app = app
        self.selected: str | None = None
        self._confirm_delete = False
        self.title = widgets.HTML()
        self.choose = widgets.Dropdown(options=[("", NEW)], value=NEW, layout=wide())
        self.fields: dict[str, widgets.Widget] = {}
        for name in view.FORM_FIELDS:
            if name in view.CHOICES:
                self.fields[name] = widgets.Dropdown(options=[("", "")], value="", layout=wide())
            else:
                self.fields[name] = widgets.Text(layout=wide())
        auto = widgets.Layout(width="auto")
        self.save_button = widgets.Button(button_style="primary", icon="save", layout=auto)
        self.new_button = widgets.Button(icon="plus", layout=widgets.Layout(width="auto"))
        self.delete_button = widgets.Button(
            button_style="danger", icon="trash", layout=widgets.Layout(width="auto")
        )
        self.form_msg = widgets.HTML()
        app.on(self.choose, self._chosen)
        app.on_click(self.save_button, self._save_child)
        app.on_click(self.new_button, lambda _: self.select(None))
        app.on_click(self.delete_button, self._delete_child)
        self._create_measure()
        self.box = card(
            [
                self.title,
                self.choose,
                *self.fields.values(),
                widgets.HBox([self.save_button, self.new_button, self.delete_button], layout=row()),
                self.form_msg,
                self.measure_box,
            ],
            "dk-form",
        )

    def _create_measure(self) -> None:
        app = self.app
        self.m_title = widgets.HTML()
        self.result = widgets.HTML()
        self.history = widgets.HTML()
        self.remove_choice = widgets.Dropdown(options=[], layout=wide())
        self.remove_button = widgets.Button(icon="trash", layout=widgets.Layout(width="auto"))
        self.chart_index = widgets.ToggleButtons(
            options=[(index, index) for index in parenting.INDICES],
            value="bb_u",
            style={"button_width": "auto"},
            layout=widgets.Layout(width="auto"),
        )
        self.chart = widgets.Image(
            format="png", layout=widgets.Layout(width="100%", max_width="680px")
        )
        self.add_title = widgets.HTML()
        self.m_tanggal = widgets.Text(
            value=date_text(app.today), continuous_update=False, layout=wide()
        )
        self.m_berat = widgets.Text(continuous_update=False, layout=wide())
        self.m_tinggi = widgets.Text(continuous_update=False, layout=wide())
        self.m_cara = widgets.Dropdown(options=[("", "")], value="", layout=wide())
        self.m_edema = widgets.Checkbox(
            value=False, indent=False, layout=widgets.Layout(width="100%")
        )
        edema_box = widgets.VBox([self.m_edema], layout=widgets.Layout(width="100%"))
        edema_box.add_class("dk-check")
        self.m_button = widgets.Button(
            button_style="primary", icon="check", layout=widgets.Layout(width="auto")
        )
        self.m_msg = widgets.HTML()
        app.on_click(self.m_button, self._add_measure)
        app.on_click(self.remove_button, self._remove_measure)
        app.on(self.chart_index, lambda _change: self._draw_measurements())
        self.measure_box = widgets.VBox(
            [
                self.m_title, self.result, self.chart_index, self.chart, self.history,
                widgets.HBox([self.remove_choice, self.remove_button], layout=row()),
                self.add_title, self.m_tanggal, self.m_berat, self.m_tinggi, self.m_cara,
                edema_box, self.m_button, self.m_msg,
            ],
            layout=widgets.Layout(width="100%"),
        )  # fmt: skip

    # --- texts ------------------------------------------------------------------------------
    def redraw(self) -> None:
        self.title.value = heading("par.da.child_title", "par.da.child_hint")
        self.choose.description = t("par.da.choose")
        self.choose.style.description_width = LABEL_WIDTH
        for name, widget in self.fields.items():
            widget.description = t(f"par.roster.{name}") + (" *" if name in view.REQUIRED else "")
            widget.style.description_width = LABEL_WIDTH
            if name in view.CHOICES:
                value = widget.value
                none = f"— {t('par.da.choose_option')} —"
                widget.options = [(none, "")] + [
                    (view.choice_label(name, code), code) for code in view.CHOICES[name]
                ]
                widget.value = value
            elif name == "tanggal_lahir":
                widget.placeholder = t("par.tk.date_ph")
        self.save_button.description = t("par.da.save_child")
        self.new_button.description = t("par.da.new_child")
        self.delete_button.description = t("par.da.delete_child")
        self.remove_choice.description = t("par.tk.remove_choice")
        self.remove_button.description = t("par.tk.remove")
        self.chart_index.options = [
            (t(f"par.index.short.{index}"), index) for index in parenting.INDICES
        ]
        self.add_title.value = heading("par.da.add_measure", "par.tk.measure_hint", level=3)
        label(self.m_tanggal, "par.field.measure_date", "par.tk.date_ph")
        label(self.m_berat, "par.field.weight", "par.tk.weight_ph")
        label(self.m_tinggi, "par.field.length", "par.tk.length_ph")
        label(self.m_cara, "par.field.measured")
        cara = self.m_cara.value
        self.m_cara.options = [(t("par.da.measured_by_age"), "")] + [
            (t(f"par.measured.{code}"), code) for code in parenting.CARA_UKUR
        ]
        self.m_cara.value = cara
        self.m_edema.description = t("par.tk.oedema")
        self.m_button.description = t("par.tk.add")

    # --- state ------------------------------------------------------------------------------
    def _rows(self) -> pd.DataFrame:
        """The selected child's rows of the assessed roster, oldest first."""
        assessed = self.app.assessed
        if self.selected is None or assessed is None:
            return assessed.iloc[0:0] if assessed is not None else pd.DataFrame()
        rows = assessed[(assessed["anak"] == self.selected).to_numpy(dtype=bool)]
        order = pd.to_datetime(rows["tanggal_ukur"], errors="coerce").argsort(kind="stable")
        return rows.iloc[order]

    def refresh(self) -> None:
        """After any change of the roster or the search: the chooser, the form, the child."""
        app = self.app
        if self.selected is not None and (
            app.assessed is None or not (app.assessed["anak"] == self.selected).any()
        ):
            self.selected = None
        options = [(f"— {t('par.da.new_entry')} —", NEW)]
        if app.assessed is not None:
            latest = app.latest().head(CHOICE_LIMIT)
            options += [
                (view.child_option(child), child.anak) for child in latest.itertuples(index=False)
            ]
            if self.selected is not None and self.selected not in {v for _, v in options}:
                chosen = self._rows().iloc[-1]
                options.append((view.child_option(chosen), self.selected))
        quiet, app._quiet = app._quiet, True
        try:
            self.choose.options = options
            self.choose.value = self.selected or NEW
        finally:
            app._quiet = quiet
        self._fill_form()
        self._draw_measurements()

    def select(self, anak: str | None) -> None:
        self.selected = anak
        self._confirm_delete = False
        self.form_msg.value = self.m_msg.value = ""
        self.refresh()

    def _chosen(self, change) -> None:
        if self.app._quiet:
            return
        self.select(change["new"] or None)

    def _fill_form(self) -> None:
        quiet, self.app._quiet = self.app._quiet, True
        try:
            details: dict[str, Any] = {}
            if self.selected is not None:
                details = self._rows().iloc[-1].to_dict()
            for name, widget in self.fields.items():
                value = details.get(name)
                if missing(value):
                    value = ""
                elif isinstance(value, date):
                    value = date_text(value)
                widget.value = str(value)
        finally:
            self.app._quiet = quiet
        self.delete_button.layout.display = None if self.selected else "none"

    # --- the child's details ------------------------------------------------------------------
    def _save_child(self, _button=None) -> None:
        nilai = {name: str(widget.value).strip() for name, widget in self.fields.items()}
        try:
            df, key = parenting.simpan_anak(self.app.df, nilai, anak=self.selected)
        except TableError as err:
            self.form_msg.value = view.form_problems_html(err)
            return
        before, self.selected = self.selected, key
        try:
            self.app.replace(df)
        except Exception:
            self.selected = before
            raise
        text = "par.da.child_saved" if before else "par.da.child_added"
        self.form_msg.value = message_html("ok", esc(t(text, name=nilai["nama_anak"])))

    def _delete_child(self, _button=None) -> None:
        if self.selected is None:
            return
        name = self._rows().iloc[-1]["nama_anak"]
        if not self._confirm_delete:
            self._confirm_delete = True
            self.form_msg.value = message_html("warn", esc(t("par.da.delete_confirm", name=name)))
            return
        df = parenting.hapus_anak(self.app.df, self.selected)
        self.selected = None
        self._confirm_delete = False
        self.app.replace(df)
        self.form_msg.value = message_html("ok", esc(t("par.da.deleted", name=name)))

    # --- measurements ---------------------------------------------------------------------------
    def _add_measure(self, _button=None) -> None:
        if self.selected is None:
            return
        nilai = {
            "tanggal_ukur": self.m_tanggal.value,
            "berat_kg": self.m_berat.value,
            "tinggi_cm": self.m_tinggi.value,
            "cara_ukur": self.m_cara.value or None,
            "edema": self.m_edema.value,
        }
        try:
            df = parenting.tambah_ukuran_anak(
                self.app.df, self.selected, nilai, today=self.app.today
            )
        except InputError as err:
            self.m_msg.value = message_html("error", esc(str(err)))
            return
        self.app.replace(df)
        quiet, self.app._quiet = self.app._quiet, True
        try:
            self.m_berat.value = self.m_tinggi.value = ""
            self.m_edema.value = False
        finally:
            self.app._quiet = quiet
        day = format_date(parse_date(nilai["tanggal_ukur"]))
        self.m_msg.value = message_html("ok", esc(t("par.tk.added", date=day)))

    def _remove_measure(self, _button=None) -> None:
        chosen = self.remove_choice.value
        if self.selected is None or not chosen:
            return
        self.app.replace(parenting.hapus_ukuran_anak(self.app.df, self.selected, chosen))
        day = format_date(date.fromisoformat(chosen))
        self.m_msg.value = message_html("ok", esc(t("par.tk.removed", date=day)))

    def _draw_measurements(self) -> None:
        if self.selected is None:
            self.measure_box.layout.display = "none"
            self.chart.value = b""
            return
        self.measure_box.layout.display = None
        rows = self._rows()
        child = rows.iloc[-1]
        self.m_title.value = f"<h3>{esc(t('par.da.measures_of', name=child['nama_anak']))}</h3>"
        measured = rows[rows["tanggal_ukur"].notna().to_numpy(dtype=bool)]
        usable = measured[(measured["umur_hari"] <= parenting.MAX_UMUR_HARI).fillna(False)]
        options = kartu_view.date_options(
            {"tanggal_ukur": d.isoformat()} for d in measured["tanggal_ukur"]
        )
        self.remove_choice.options = options
        self.remove_choice.value = options[0][1] if options else None
        if not len(measured):
            self.result.value = kartu_view.info("par.da.no_measures")
            self.history.value = ""
            self.chart.value = b""
            self.chart.layout.display = self.chart_index.layout.display = "none"
            return
        self.history.value = kartu_view.history_html(measured.reset_index(drop=True))
        if not len(usable):
            self.result.value = kartu_view.info("par.da.over_five")
            self.chart.value = b""
            self.chart.layout.display = self.chart_index.layout.display = "none"
            return
        anak = parenting.baca_anak(child["jenis_kelamin"], child["tanggal_lahir"])
        riwayat = [
            {
                "tanggal_ukur": r.tanggal_ukur.isoformat(),
                "berat_kg": None if missing(r.berat_kg) else float(r.berat_kg),
                "tinggi_cm": None if missing(r.tinggi_cm) else float(r.tinggi_cm),
                "cara_ukur": None if missing(r.cara_ukur) else str(r.cara_ukur),
                "edema": bool(r.edema) if not missing(r.edema) else False,
            }
            for r in usable.itertuples(index=False)
        ]
        self.result.value = kartu_view.hasil_html(parenting.hasil_ukur(anak, riwayat))
        self.chart.layout.display = self.chart_index.layout.display = None
        from desmigratif_kit.parenting import charts  # matplotlib: only with a child to draw

        figure = charts.chart_growth(
            anak.jenis_kelamin,
            self.chart_index.value,
            usable,
            nama=str(child["nama_anak"]),
            lebar_inci=CHART_WIDTH_INCI,
            tinggi_inci=CHART_HEIGHT_INCI,
        )
        self.chart.value = charts.to_png(figure, dpi=CHART_DPI)
