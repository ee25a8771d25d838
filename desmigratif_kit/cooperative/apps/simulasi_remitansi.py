"""Simulasi Remitansi: what sending money home costs, and a plan for where it goes.

Part 1: the sending country, the amount, how often, and (optionally) the channel's own cost →
the cost per remittance and per year against the 3 % SDG target, with every corridor of the
World Bank data in a chart. Part 2: what the family receives a month, shared among daily
needs, savings, children's education and a productive fund → what accumulates, with a chart.
An Excel file of both.
"""

from __future__ import annotations

from datetime import date

import ipywidgets as widgets

from desmigratif_kit.cooperative import (
    NEGARA_PENGIRIM,
    NEGARA_TIDAK_TERCAKUP,
    POS_REMITANSI,
    TARGET_SDG_PCT,
    coverage_note,
    label_periode,
    load_remittance_costs,
    remittance_costs_by_corridor,
)
from desmigratif_kit.cooperative.apps.common import (
    Field,
    KoperasiApp,
    card,
    chart_image,
    chart_png,
    figures_html,
    route_error,
    table_html,
    text_input,
)
from desmigratif_kit.cooperative.forms import (
    REMITANSI_AWAL,
    plan_from_form,
    remittance_from_form,
    times_from_form,
)
from desmigratif_kit.core.app import download_link, esc, message_html
from desmigratif_kit.core.i18n import InputError, format_pct, format_rp, t

__all__ = ["SimulasiRemitansiApp", "preload"]

LATEST = ""
"""The period drop-down's value for the latest quarter of the data."""


def country_label(name: str) -> str:
    """A country's name in the current language (the rules take the Indonesian one)."""
    for table in (NEGARA_PENGIRIM, NEGARA_TIDAK_TERCAKUP):
        for iso3, (indonesian, _) in table.items():
            if indonesian == name:
                return t(f"kop.country.{iso3}")
    return name


class SimulasiRemitansiApp(KoperasiApp):
    """Remittance costs (World Bank RPW) and a plan for the money; ``remittance_cost``,
    ``remittance_plan``. ``SimulasiRemitansiApp(kode=...)`` restores the saved form."""

    app_id = "simulasi_remitansi"
    title_key = "app.simulasi_remitansi"
    intro_key = "kop.remit_app.intro"

    def __init__(self, kode: str | None = None, store=None):
        super().__init__(kode=kode, store=store)
        self.biaya = None
        self.plan = None
        self._chart_keys: dict[str, object] = {}
        self._create_header()
        self._create_cost()
        self._create_plan()
        self._create_export()
        self._finish_with(
            [self.header],
            [self.cost_box, self.cost_result, self.plan_box, self.plan_result, self.export_box],
        )
        self.redraw()
        self.set_form(REMITANSI_AWAL["form"])
        self._quiet = False
        self.restore()

    def restore(self) -> None:
        """The signed-in participant's saved form, calculated again (nothing saved)."""
        saved = self.load_saved()
        if saved is not None and isinstance(saved.data.get("form"), dict):
            self.set_form(saved.data["form"])
        self.callback(self._update)(None, save=False)

    # --- building -----------------------------------------------------------------------------
    def _create_cost(self) -> None:
        self.cost_title = widgets.HTML()
        self.negara = Field(widgets.Dropdown(options=[("", "Malaysia")]), "kop.remit_app.country")
        self.jumlah = Field(
            text_input(), "kop.remit_app.amount", placeholder="kop.remit_app.amount_ph"
        )
        self.kali = Field(text_input(), "kop.remit_app.times", placeholder="kop.remit_app.times_ph")
        self.biaya_pct = Field(text_input(), "kop.remit_app.cost", "kop.remit_app.cost_hint",
                               placeholder="kop.remit_app.cost_ph")  # fmt: skip
        self.periode = Field(widgets.Dropdown(options=[("", LATEST)]), "kop.remit_app.period")
        self.cost_fields = {
            "kop.field.country": self.negara,
            "kop.field.amount": self.jumlah,
            "kop.field.times_per_year": self.kali,
            "kop.field.cost_pct": self.biaya_pct,
            "kop.expected.rpw_year": self.periode,
            "kop.expected.corridor": self.negara,
        }
        self.cost_msg = widgets.HTML()
        self.cost_box = card(
            [self.cost_title, *(f.box for f in (self.negara, self.jumlah, self.kali,
                                                self.biaya_pct, self.periode)), self.cost_msg],
        )  # fmt: skip
        self.figures = widgets.HTML()
        self.explain = widgets.HTML()
        self.coverage = widgets.HTML()
        self.costs_chart = chart_image()
        self.cost_result = card([self.figures, self.explain, self.costs_chart, self.coverage])
        for field in (self.negara, self.jumlah, self.kali, self.biaya_pct, self.periode):
            self.on(field.widget, self._update)

    def _create_plan(self) -> None:
        self.plan_title = widgets.HTML()
        self.bulanan = Field(text_input(), "kop.remit_app.monthly", "kop.remit_app.monthly_hint")
        self.pos = {pos: Field(text_input(), f"kop.remit.pos.{pos}") for pos in POS_REMITANSI}
        for field in self.pos.values():
            field.widget.layout.max_width = "12em"
            field.box.layout.width = "auto"
            field.box.layout.flex = "1 1 11em"
        self.pos_title = widgets.HTML()
        self.pos_error = Field(widgets.HTML(), "kop.remit_app.shares")
        self.pos_error.box.children = (self.pos_error.error,)
        self.bulan = Field(text_input(), "kop.remit_app.months")
        self.plan_fields = {
            "kop.field.monthly": self.bulanan,
            "kop.field.plan_shares": self.pos_error,
            "kop.field.months": self.bulan,
            **{pos: field for pos, field in self.pos.items()},
        }
        pos_row = widgets.HBox(
            [f.box for f in self.pos.values()],
            layout=widgets.Layout(
                flex_flow="row wrap", width="100%", gap="8px", align_items="flex-end"
            ),
        )
        self.plan_msg = widgets.HTML()
        self.plan_box = card(
            [self.plan_title, self.bulanan.box, self.pos_title, pos_row, self.pos_error.box,
             self.bulan.box, self.plan_msg]
        )  # fmt: skip
        self.plan_table = widgets.HTML()
        self.plan_chart = chart_image()
        self.plan_result = card([self.plan_table, self.plan_chart])
        for field in (self.bulanan, *self.pos.values(), self.bulan):
            self.on(field.widget, self._update)

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
            self.cost_title.value = f"<h2>{esc(t('kop.remit_app.part1'))}</h2>"
            self.plan_title.value = (
                f"<h2>{esc(t('kop.remit_app.part2'))}</h2>"
                f"<p>{esc(t('kop.remit_app.part2_intro'))}</p>"
            )
            self.pos_title.value = f"<b>{esc(t('kop.remit_app.shares'))}</b>"
            for field in (self.negara, self.jumlah, self.kali, self.biaya_pct, self.periode,
                          self.bulanan, *self.pos.values(), self.bulan):  # fmt: skip
                field.draw()
            self._fill_choices()
            self.export_title.value = (
                f"<h2>{esc(t('kop.remit_app.export'))}</h2>"
                f"<p>{esc(t('kop.remit_app.export_hint'))}</p>"
            )
            self.export_button.description = t("kop.app.make_excel")
            self.coverage.value = f"<p class='dk-note'>{esc(coverage_note())}</p>"
        finally:
            self._quiet = quiet
        self._chart_keys.clear()
        self._draw()

    def _fill_choices(self) -> None:
        negara, periode = self.negara.widget.value, self.periode.widget.value
        covered = [(country_label(name), name) for name, _ in NEGARA_PENGIRIM.values()]
        other = [
            (t("kop.remit_app.not_covered", negara=country_label(name)), name)
            for name, _ in NEGARA_TIDAK_TERCAKUP.values()
        ]
        self.negara.widget.options = covered + other
        known = [value for _, value in covered + other]
        self.negara.widget.value = negara if negara in known else known[0]
        years = sorted({int(y) for y in load_remittance_costs()["tahun"]}, reverse=True)
        options = [(t("kop.remit_app.latest", periode=label_periode(
            remittance_costs_by_corridor()["periode"].iloc[0])), LATEST)]  # fmt: skip
        options += [(t("kop.remit_app.year", year=year), str(year)) for year in years]
        self.periode.widget.options = options
        self.periode.widget.value = periode if periode in [v for _, v in options] else LATEST

    # --- form ---------------------------------------------------------------------------------
    def form_values(self) -> dict:
        """The form as typed (JSON-ready; what is saved)."""
        return {
            "negara": self.negara.widget.value or "",
            "jumlah": self.jumlah.widget.value,
            "kali": self.kali.widget.value,
            "biaya_pct": self.biaya_pct.widget.value,
            "periode": self.periode.widget.value or LATEST,
            "bulanan": self.bulanan.widget.value,
            "pos": {pos: field.widget.value for pos, field in self.pos.items()},
            "bulan": self.bulan.widget.value,
        }

    def set_form(self, form: dict) -> None:
        """Fill the form from saved values (unknown or malformed values are skipped)."""
        quiet, self._quiet = self._quiet, True
        try:
            for name in ("jumlah", "kali", "biaya_pct", "bulanan", "bulan"):
                if isinstance(form.get(name), str):
                    getattr(self, name).widget.value = form[name]
            shares = form.get("pos") if isinstance(form.get("pos"), dict) else {}
            for pos, field in self.pos.items():
                value = shares.get(pos)
                field.widget.value = "" if value is None else str(value)
            for field, name in ((self.negara, "negara"), (self.periode, "periode")):
                if form.get(name) in [value for _, value in field.widget.options]:
                    field.widget.value = form[name]
        finally:
            self._quiet = quiet

    # --- reacting -----------------------------------------------------------------------------
    def _fields(self) -> list[Field]:
        return [*self.cost_fields.values(), *self.plan_fields.values()]

    def _update(self, change, save: bool = True) -> None:
        """Calculate again after a change; a value that cannot be used is explained under its
        field, the last good result stays on screen and nothing is saved."""
        if self._quiet:
            return
        for field in self._fields():
            field.clear()
        self.cost_msg.value = self.plan_msg.value = ""
        form = self.form_values()
        try:
            biaya = remittance_from_form(form)
            times = times_from_form(form)
        except InputError as error:
            self._refuse(error, self.cost_fields, self.cost_msg)
            return
        self.biaya, self.times = biaya, times
        try:
            plan = plan_from_form(form, biaya)
        except InputError as error:
            self.plan = None
            self._draw()
            self._refuse(error, self.plan_fields, self.plan_msg)
            return
        self.plan = plan
        self.clear_message()
        self._draw()
        if save:
            self.autosave({"form": form})

    def _refuse(self, error: InputError, fields: dict, fallback: widgets.HTML) -> None:
        if route_error(error, fields) is None:
            fallback.value = message_html("error", esc(str(error)))
        self._mark_unsaved()

    # --- drawing --------------------------------------------------------------------------------
    def _draw(self) -> None:
        self.export_link.value = ""
        self._draw_cost()
        self._draw_plan()

    def _draw_cost(self) -> None:
        biaya = self.biaya
        if biaya is None:
            self.figures.value = self.explain.value = ""
            return
        times = self.times
        above = biaya.di_atas_sdg
        self.figures.value = figures_html(
            [
                (t("kop.remit_app.per_send"), format_rp(biaya.biaya), "dk-warn" if above else ""),
                (t("kop.remit_app.per_year", kali=times), format_rp(biaya.biaya_setahun(times)),
                 "dk-warn" if above else "dk-good"),
                (t("kop.remit_app.at_target", pct=format_pct(TARGET_SDG_PCT)),
                 format_rp(biaya.biaya_target_sdg * times), ""),
                (t("kop.remit_app.saving"), format_rp(max(0.0, biaya.lebih_dari_sdg * times)),
                 "dk-good" if above else ""),
            ]
        )  # fmt: skip
        self.explain.value = (
            f"<div class='dk-explain' data-testid='biaya-kirim'><p>"
            f"{esc(biaya.penjelasan(kali_per_tahun=times))}</p></div>"
        )
        periode = self.periode.widget.value or None
        key = (periode, biaya.negara, biaya.sumber, round(biaya.biaya_pct, 4))
        if self._chart_keys.get("costs") != key:
            table = remittance_costs_by_corridor(periode)
            table["negara"] = [country_label(name) for name in table["negara"]]
            sorot = country_label(biaya.negara)
            self.costs_chart.value = chart_png("chart_remittance_costs", df=table, sorot=sorot)
            self._chart_keys["costs"] = key

    def _draw_plan(self) -> None:
        plan = self.plan
        if plan is None:
            self.plan_table.value = ""
            self.plan_chart.layout.display = "none"
            return
        self.plan_chart.layout.display = None
        first, last = plan.iloc[0], plan.iloc[-1]
        months = len(plan)
        rows = [
            (t(f"kop.remit.pos.{pos}"), int(first[f"{pos}_rp"]), int(last[f"{pos}_rp"]))
            for pos in POS_REMITANSI
        ]
        columns = [
            (t("kop.remit_app.post"), "text"),
            (t("kop.remit_app.a_month"), "rp"),
            (t("kop.remit_app.after", months=months), "rp"),
        ]
        foot = (t("kop.remit_app.total"), int(first["total_rp"]), int(last["total_rp"]))
        self.plan_table.value = table_html(rows, columns, "rencana", foot=foot)
        key = tuple(int(v) for v in last) + (months,)
        if self._chart_keys.get("plan") != key:
            self.plan_chart.value = chart_png("chart_remittance_plan", plan)
            self._chart_keys["plan"] = key
        if not self.bulanan.widget.value.strip() and self.biaya is not None:
            self.bulanan.widget.placeholder = t(
                "kop.remit_app.monthly_ph", jumlah=format_rp(int(first["total_rp"]))
            )

    # --- export -----------------------------------------------------------------------------
    def _export(self, _button) -> None:
        from desmigratif_kit.cooperative import workbooks

        periode = self.periode.widget.value or None
        note = ""
        if self.biaya is not None:
            note = self.biaya.penjelasan(kali_per_tahun=self.times)
        content = workbooks.remittance_workbook(
            remittance_costs_by_corridor(periode), self.plan, catatan=note
        )
        self.export_link.value = download_link(
            content,
            f"remitansi-{date.today().isoformat()}.xlsx",
            workbooks.XLSX_MIME,
            t("kop.app.download_excel"),
        )


def preload() -> None:
    """Warm a preheated kernel before its visitor: catalogs, the World Bank table, a first
    calculation, and matplotlib with the pillar's charts (the app draws on its first build)."""
    from desmigratif_kit.cooperative import charts  # noqa: F401  (imports matplotlib)

    t("kop.remit_app.intro")
    form = REMITANSI_AWAL["form"]
    plan_from_form(form, remittance_from_form(form))
