"""Pantau Tumbuh Kembang: one child's growth card, like the KMS in the Buku KIA.

The carer or cadre enters the child's sex and birth date, then each weighing and measurement
(date, weight, length/height, how it was measured, oedema). The app shows every WHO z-score,
the Permenkes 2/2020 category and what it means in plain words, N/T against last month, the
advice (see a health worker, and why), and a KMS-style chart: WHO's -3..+3 SD curves for the
child's sex with every measurement of the card. The card holds no name (children are named
only in the village's own roster); it is saved for the participant and comes back with
``?kode=``.
"""

from __future__ import annotations

from datetime import date

import ipywidgets as widgets

from desmigratif_kit import parenting
from desmigratif_kit.core.app import download_link, esc, message_html
from desmigratif_kit.core.i18n import InputError, format_date, t
from desmigratif_kit.parenting.apps import kartu_view as view
from desmigratif_kit.parenting.apps.common import (
    CHART_DPI,
    CHART_HEIGHT_INCI,
    CHART_WIDTH_INCI,
    ParentingApp,
    card,
    date_text,
    heading,
    label,
    row,
    wide,
)

__all__ = ["TumbuhKembangApp", "preload"]

SAVE_VERSION = 1


class TumbuhKembangApp(ParentingApp):
    """One child's growth card: enter measurements, read the scores, see the chart.

    ``TumbuhKembangApp(kode="ABC234")`` restores the participant's saved card; ``today``
    fixes "today" (tests): the default measuring date, and no date after it is accepted.
    """

    app_id = "tumbuh_kembang"
    title_key = "app.tumbuh_kembang"
    intro_key = "par.tk.intro"

    def __init__(self, kode: str | None = None, store=None, today: date | None = None):
        super().__init__(kode=kode, store=store)
        self.today = today or date.today()
        self.anak: parenting.Anak | None = None
        self.riwayat: list[dict] = []
        self.indeks = "bb_u"
        self._confirm_reset = False
        self._quiet = True
        self._create_header()
        self._create_child()
        self._create_measure()
        self._create_result()
        self._create_chart()
        self._create_history()
        self._finish_with(
            [self.header],
            [self.child_box, self.measure_box, self.result_box, self.chart_box, self.history_box],
        )
        self.redraw()
        self._quiet = False
        self.restore()

    def restore(self) -> None:
        """The signed-in participant's card: the child, every measurement, the chart chosen."""
        saved = self.load_saved()
        if saved is not None:
            data = saved.data
            try:
                self.anak = parenting.Anak.from_dict(data["anak"]) if data.get("anak") else None
            except InputError:
                self.anak = None
            self.riwayat = [dict(u) for u in data.get("ukuran") or [] if u.get("tanggal_ukur")]
            if data.get("indeks") in parenting.INDICES:
                self.indeks = data["indeks"]
            self._show_child()
        self._draw()

    # --- building -------------------------------------------------------------------------------
    def _create_child(self) -> None:
        self.child_title = widgets.HTML()
        self.sex = widgets.RadioButtons(options=[("L", "L"), ("P", "P")], value=None, layout=wide())
        self.sex.add_class("dk-radio-row")
        self.sex_label = widgets.HTML()
        self.birth = widgets.Text(continuous_update=False, layout=wide())
        self.child_msg = widgets.HTML()
        self.on(self.sex, self._child_changed)
        self.on(self.birth, self._child_changed)
        self.child_box = card(
            [self.child_title, self.sex_label, self.sex, self.birth, self.child_msg], "dk-form"
        )

    def _create_measure(self) -> None:
        self.measure_title = widgets.HTML()
        self.tanggal = widgets.Text(
            value=date_text(self.today), continuous_update=False, layout=wide()
        )
        self.berat = widgets.Text(continuous_update=False, layout=wide())
        self.tinggi = widgets.Text(continuous_update=False, layout=wide())
        self.cara_label = widgets.HTML()
        self.cara = widgets.RadioButtons(
            options=[("terlentang", "terlentang"), ("berdiri", "berdiri")],
            value=None,
            layout=wide(),
        )
        self.cara_hint = widgets.HTML()
        full = widgets.Layout(width="100%")
        self.edema = widgets.Checkbox(value=False, indent=False, layout=full)
        edema_box = widgets.VBox([self.edema], layout=widgets.Layout(width="100%"))
        edema_box.add_class("dk-check")
        self.add_button = widgets.Button(
            button_style="primary", icon="check", layout=widgets.Layout(width="auto")
        )
        self.measure_msg = widgets.HTML()
        self.on_click(self.add_button, self._add_measurement)
        self.measure_box = card(
            [
                self.measure_title, self.tanggal, self.berat, self.tinggi, self.cara_label,
                self.cara, self.cara_hint, edema_box, self.add_button, self.measure_msg,
            ],
            "dk-form",
        )  # fmt: skip

    def _create_result(self) -> None:
        self.result = widgets.HTML()
        self.result_box = card([self.result])

    def _create_chart(self) -> None:
        self.chart_title = widgets.HTML()
        self.chart_index = widgets.ToggleButtons(
            options=[(index, index) for index in parenting.INDICES],
            value="bb_u",
            style={"button_width": "auto"},
            layout=widgets.Layout(width="auto"),
        )
        self.chart = widgets.Image(
            format="png", layout=widgets.Layout(width="100%", max_width="680px")
        )
        self.chart.add_class("dk-chart")
        self.chart_note = widgets.HTML()
        self.on(self.chart_index, self._index_changed)
        self.chart_box = card([self.chart_title, self.chart_index, self.chart_note, self.chart])

    def _create_history(self) -> None:
        self.history_title = widgets.HTML()
        self.history = widgets.HTML()
        self.remove_choice = widgets.Dropdown(options=[], layout=wide())
        self.remove_button = widgets.Button(icon="trash", layout=widgets.Layout(width="auto"))
        self.export_button = widgets.Button(icon="download", layout=widgets.Layout(width="auto"))
        self.reset_button = widgets.Button(
            button_style="danger", icon="refresh", layout=widgets.Layout(width="auto")
        )
        self.export_link = widgets.HTML()
        self.history_msg = widgets.HTML()
        self.on_click(self.remove_button, self._remove_measurement)
        self.on_click(self.export_button, self._export)
        self.on_click(self.reset_button, self._reset)
        self.history_box = card(
            [
                self.history_title,
                self.history,
                widgets.HBox([self.remove_choice, self.remove_button], layout=row()),
                widgets.HBox([self.export_button, self.reset_button], layout=row()),
                self.export_link,
                self.history_msg,
            ]
        )

    # --- texts ----------------------------------------------------------------------------------
    def redraw(self) -> None:
        quiet, self._quiet = self._quiet, True
        try:
            self._draw_header()
            self.child_title.value = heading("par.tk.child_title", "par.tk.child_hint")
            self.sex_label.value = f"<b>{esc(t('par.field.sex'))}</b>"
            sex = self.sex.value
            self.sex.options = [(t("par.sex.L"), "L"), (t("par.sex.P"), "P")]
            self.sex.value = sex
            label(self.birth, "par.field.birth_date", "par.tk.date_ph")
            self.measure_title.value = heading("par.tk.measure_title", "par.tk.measure_hint")
            label(self.tanggal, "par.field.measure_date", "par.tk.date_ph")
            label(self.berat, "par.field.weight", "par.tk.weight_ph")
            label(self.tinggi, "par.field.length", "par.tk.length_ph")
            self.cara_label.value = f"<b>{esc(t('par.field.measured'))}</b>"
            cara = self.cara.value
            self.cara.options = [(t(f"par.measured.{c}"), c) for c in parenting.CARA_UKUR]
            self.cara.value = cara
            self.cara_hint.value = f"<p class='dk-hint'>{esc(t('par.tk.measured_hint'))}</p>"
            self.edema.description = t("par.tk.oedema")
            self.add_button.description = t("par.tk.add")
            self.chart_title.value = heading("par.tk.chart_title", "par.tk.chart_hint")
            self.chart_index.options = [
                (t(f"par.index.short.{index}"), index) for index in parenting.INDICES
            ]
            self.chart_index.value = self.indeks
            self.history_title.value = heading("par.tk.history_title")
            self.remove_choice.description = t("par.tk.remove_choice")
            self.remove_button.description = t("par.tk.remove")
            self.export_button.description = t("par.tk.export")
            self.reset_button.description = t("par.tk.reset")
        finally:
            self._quiet = quiet
        self._draw()

    # --- state ----------------------------------------------------------------------------------
    def _show_child(self) -> None:
        """Put the card's child in the form (quietly)."""
        quiet, self._quiet = self._quiet, True
        try:
            self.sex.value = self.anak.jenis_kelamin if self.anak else None
            self.birth.value = date_text(self.anak.tanggal_lahir) if self.anak else ""
        finally:
            self._quiet = quiet

    def saved_data(self) -> dict:
        """What is saved: the child, the measurements (ISO dates), the chart's index."""
        return {
            "version": SAVE_VERSION,
            "anak": self.anak.to_dict() if self.anak else None,
            "ukuran": self.riwayat,
            "indeks": self.indeks,
        }

    def _save(self) -> None:
        self.autosave(self.saved_data())

    # --- reacting -------------------------------------------------------------------------------
    def _child_changed(self, change) -> None:
        if self._quiet:
            return
        self.child_msg.value = ""
        if self.sex.value is None or not self.birth.value.strip():
            return
        try:
            anak = parenting.baca_anak(self.sex.value, self.birth.value, today=self.today)
            for ukuran in self.riwayat:  # every measurement must still fit the birth date
                parenting.baca_ukuran(
                    anak, ukuran["tanggal_ukur"], ukuran.get("berat_kg"),
                    ukuran.get("tinggi_cm"), ukuran.get("cara_ukur"), ukuran.get("edema"),
                )  # fmt: skip
        except InputError as err:
            conflict = t("par.tk.birth_conflict") + " " if self.riwayat else ""
            self.child_msg.value = message_html("error", esc(conflict + str(err)))
            if self.participant is not None:
                self.bar.mark_unsaved()
            return
        self.anak = anak
        if parenting.umur_bulan(anak.tanggal_lahir, self.today) > 60:
            self.child_msg.value = message_html("warn", esc(t("par.tk.over_five")))
        self._save()
        self._draw()

    def _add_measurement(self, _button=None) -> None:
        self.measure_msg.value = ""
        if self.anak is None:
            self.measure_msg.value = message_html("warn", esc(t("par.tk.child_first")))
            return
        try:
            ukuran = parenting.baca_ukuran(
                self.anak,
                self.tanggal.value,
                self.berat.value,
                self.tinggi.value,
                self.cara.value,
                self.edema.value,
                today=self.today,
            )
        except InputError as err:
            self.measure_msg.value = message_html("error", esc(str(err)))
            return
        self.riwayat = parenting.tambah_ukuran(self.riwayat, ukuran)
        quiet, self._quiet = self._quiet, True
        try:
            self.berat.value = ""
            self.tinggi.value = ""
            self.edema.value = False
        finally:
            self._quiet = quiet
        day = format_date(date.fromisoformat(ukuran["tanggal_ukur"]))
        self.measure_msg.value = message_html("ok", esc(t("par.tk.added", date=day)))
        self._confirm_reset = False
        self._save()
        self._draw()

    def _index_changed(self, change) -> None:
        if self._quiet:
            return
        self.indeks = change["new"]
        self._draw_chart()
        self._save()

    def _remove_measurement(self, _button=None) -> None:
        chosen = self.remove_choice.value
        if not chosen:
            return
        self.riwayat = parenting.hapus_ukuran(self.riwayat, chosen)
        day = format_date(date.fromisoformat(chosen))
        self.history_msg.value = message_html("ok", esc(t("par.tk.removed", date=day)))
        self._save()
        self._draw()

    def _reset(self, _button=None) -> None:
        if not self._confirm_reset:
            self._confirm_reset = True
            self.history_msg.value = message_html("warn", esc(t("par.tk.reset_confirm")))
            return
        self._confirm_reset = False
        self.anak, self.riwayat = None, []
        self._show_child()
        self.history_msg.value = message_html("ok", esc(t("par.tk.reset_done")))
        self._save()
        self._draw()

    def _export(self, _button=None) -> None:
        if self.anak is None or not self.riwayat:
            return
        from desmigratif_kit.core.excel import XLSX_MIME

        content = parenting.kartu_xlsx(self.anak, self.riwayat)
        name = f"kartu-tumbuh-kembang-{self.anak.tanggal_lahir.isoformat()}.xlsx"
        self.export_link.value = download_link(content, name, XLSX_MIME, t("par.tk.export_link"))

    # --- drawing --------------------------------------------------------------------------------
    def _draw(self) -> None:
        hasil = None
        if self.anak is not None and self.riwayat:
            hasil = parenting.hasil_ukur(self.anak, self.riwayat)
        if self.anak is None:
            self.result.value = view.info("par.tk.empty_child")
        elif hasil is None:
            self.result.value = view.info("par.tk.empty_measure")
        else:
            self.result.value = view.hasil_html(hasil)
        self._draw_chart()
        self._draw_history()

    def _draw_chart(self) -> None:
        show = self.anak is not None and bool(self.riwayat)
        self.chart_box.layout.display = None if show else "none"
        if not show:
            self.chart.value = b""
            self.chart_note.value = ""
            return
        from desmigratif_kit.parenting import charts  # matplotlib: only once there is a point

        frame = parenting.riwayat_frame(self.anak, self.riwayat)
        value_column = {"bb_u": "berat_kg", "tb_u": "tinggi_dipakai_cm", "imt_u": "imt"}
        needed = frame[["berat_kg", "tinggi_dipakai_cm"]] if self.indeks == "bb_tb" else None
        if needed is not None:
            has_points = bool(needed.notna().all(axis=1).any())
        else:
            has_points = bool(frame[value_column[self.indeks]].notna().any())
        self.chart_note.value = "" if has_points else view.info("par.tk.no_points")
        figure = charts.chart_growth(
            self.anak.jenis_kelamin,
            self.indeks,
            frame,
            lebar_inci=CHART_WIDTH_INCI,
            tinggi_inci=CHART_HEIGHT_INCI,
        )
        self.chart.value = charts.to_png(figure, dpi=CHART_DPI)

    def _draw_history(self) -> None:
        show = self.anak is not None and bool(self.riwayat)
        self.history_box.layout.display = None if show else "none"
        self.export_link.value = ""
        if not show:
            self.history.value = ""
            self.remove_choice.options = []
            return
        self.history.value = view.history_html(parenting.riwayat_frame(self.anak, self.riwayat))
        options = view.date_options(self.riwayat)
        self.remove_choice.options = options
        self.remove_choice.value = options[0][1]


def preload() -> None:
    """Warm a preheated kernel before its visitor: catalogs, the WHO tables, one card assessed
    and one chart drawn (matplotlib loaded), so the first measurement answers at once."""
    t("par.tk.intro")
    anak = parenting.baca_anak("P", date(2025, 8, 10))
    riwayat = [parenting.baca_ukuran(anak, date(2026, 2, 10), 7.1, 66.0, "terlentang")]
    parenting.hasil_ukur(anak, riwayat)
    from desmigratif_kit.parenting import charts

    charts.to_png(
        charts.chart_growth("P", "bb_u", parenting.riwayat_frame(anak, riwayat)), dpi=CHART_DPI
    )
