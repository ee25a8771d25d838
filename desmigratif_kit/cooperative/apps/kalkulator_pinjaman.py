"""Kalkulator Pinjaman: two loan offers side by side, and what each really costs.

Each offer: amount, rate (a month or a year), term, and how interest is charged (flat,
declining balance, annuity). Offer B can be the KUR PMI at its terms, with its eligibility
questions. Shown: the instalments and total interest of both, which is cheaper by the
effective rate, each offer's true price in plain words, one schedule as a table and a chart,
and an Excel file of the comparison and both schedules.
"""

from __future__ import annotations

from datetime import date

import ipywidgets as widgets

from desmigratif_kit.cooperative import (
    KUR_PMI,
    METODE,
    PERIODE_BUNGA,
    PERTANYAAN_KUR,
    compare_offers,
    kur_eligibility,
    kur_unanswered,
    loan_schedule,
    offer_explanation,
    offers_verdict,
)
from desmigratif_kit.cooperative.apps.common import (
    Field,
    KoperasiApp,
    card,
    chart_image,
    chart_png,
    route_error,
    rp_header,
    table_html,
    text_input,
)
from desmigratif_kit.cooperative.checks import whole_months
from desmigratif_kit.cooperative.forms import (
    JENIS_PENAWARAN,
    PINJAMAN_AWAL,
    kur_answers_from_form,
    offer_from_form,
    offer_name,
)
from desmigratif_kit.core.app import download_link, esc, message_html
from desmigratif_kit.core.i18n import InputError, format_number, format_pct, format_rp, t

__all__ = ["KalkulatorPinjamanApp", "preload"]

TABLE_ROWS = 120
"""Schedule rows shown on the page (a longer schedule is complete in the Excel file)."""
OFFERS = ("a", "b")
KUR_QUESTIONS = [q for q in PERTANYAAN_KUR if q.kunci not in ("jumlah_pinjaman_rp", "jangka_bulan")]
"""The KUR questions asked in the KUR card (amount and term come from offer B)."""


class OfferForm:
    """The fields of one offer (``which``: ``"a"`` or ``"b"``); offer B may be the KUR PMI."""

    def __init__(self, app: KalkulatorPinjamanApp, which: str):
        self.which = which
        self.title = widgets.HTML()
        self.jenis = Field(
            widgets.ToggleButtons(options=[("", "lain"), ("", "kur")], value="lain"),
            "kop.loan.kind",
        )
        self.nama = Field(text_input(), "kop.loan.name", placeholder="kop.loan.name_ph")
        self.pokok = Field(text_input(), "kop.loan.principal", placeholder="kop.loan.principal_ph")
        self.bunga = Field(text_input(), "kop.loan.rate", placeholder="kop.loan.rate_ph")
        self.periode = Field(widgets.Dropdown(options=[("", "bulan")]), "kop.loan.period")
        self.bulan = Field(text_input(), "kop.loan.months", placeholder="kop.loan.months_ph")
        self.metode = Field(widgets.Dropdown(options=[("", "flat")]), "kop.loan.method")
        self.kur_terms = widgets.HTML()
        self.error = widgets.HTML()
        fields = [self.nama, self.pokok, self.bunga, self.periode, self.bulan, self.metode]
        shown = ([self.jenis] if which == "b" else []) + fields
        self.box = card(
            [self.title, *(f.box for f in shown[:2]), self.kur_terms,
             *(f.box for f in shown[2:]), self.error],
        )  # fmt: skip
        self.fields = {
            "kop.field.principal": self.pokok,
            "kop.field.rate_bulan": self.bunga,
            "kop.field.rate_tahun": self.bunga,
            "kop.field.rate_period": self.periode,
            "kop.field.months": self.bulan,
            "kop.field.method": self.metode,
        }
        for field in fields:
            app.on(field.widget, app._update)
        app.on(self.jenis.widget, self._kind_changed)
        self.app = app

    def _kind_changed(self, change) -> None:
        """Offer B becomes the KUR PMI (equal instalments, as banks repay it) or a typed offer."""
        if self.app._quiet:
            return
        if change["new"] == "kur":
            self.app._quiet = True
            try:
                self._draw_kind()
                self.metode.widget.value = "anuitas"
            finally:
                self.app._quiet = False
        self.app._update(change)

    @property
    def is_kur(self) -> bool:
        return self.which == "b" and self.jenis.widget.value == "kur"

    def all_fields(self) -> list[Field]:
        return [self.jenis, self.nama, self.pokok, self.bunga, self.periode, self.bulan,
                self.metode]  # fmt: skip

    def draw(self) -> None:
        self.title.value = f"<h2>{esc(t('kop.loan.offer_title', which=self.which.upper()))}</h2>"
        for field in self.all_fields():
            field.draw()
        jenis = self.jenis.widget.value
        self.jenis.widget.options = [(t(f"kop.loan.kind_{k}"), k) for k in JENIS_PENAWARAN]
        self.jenis.widget.value = jenis
        period = self.periode.widget.value
        self.periode.widget.options = [(t(f"kop.period.{p}"), p) for p in PERIODE_BUNGA]
        self.periode.widget.value = period if period in PERIODE_BUNGA else "bulan"
        self._draw_kind()

    def _draw_kind(self) -> None:
        """Offer B as the KUR PMI: its rate and period fixed, no flat method, its terms shown."""
        kur = self.is_kur
        method = self.metode.widget.value
        methods = [m for m in METODE if not (kur and m == "flat")]
        self.metode.widget.options = [(t(f"kop.method.{m}"), m) for m in methods]
        self.metode.widget.value = method if method in methods else methods[-1]
        self.bunga.widget.disabled = self.periode.widget.disabled = kur
        if kur:
            self.bunga.widget.value = format_number(KUR_PMI.bunga_efektif_tahun_pct)
            self.periode.widget.value = "tahun"
            self.nama.widget.placeholder = t("kop.kur.offer_kur")
            self.kur_terms.value = (
                f"<div class='dk-explain'><p>{esc(KUR_PMI.ringkasan())}</p>"
                f"<p class='dk-note'>{esc(t('kop.loan.kur_check_bank'))}</p></div>"
            )
        else:
            self.kur_terms.value = ""

    def values(self) -> dict:
        return {
            "nama": self.nama.widget.value,
            "pokok": self.pokok.widget.value,
            "bunga": self.bunga.widget.value,
            "periode": self.periode.widget.value,
            "bulan": self.bulan.widget.value,
            "metode": self.metode.widget.value,
            "jenis": self.jenis.widget.value if self.which == "b" else "lain",
        }

    def set_values(self, form: dict) -> None:
        if self.which == "b" and form.get("jenis") in JENIS_PENAWARAN:
            self.jenis.widget.value = form["jenis"]
        self._draw_kind()
        for name in ("nama", "pokok", "bunga", "bulan"):
            if isinstance(form.get(name), str):
                getattr(self, name).widget.value = form[name]
        if form.get("periode") in PERIODE_BUNGA:
            self.periode.widget.value = form["periode"]
        if form.get("metode") in [v for _, v in self.metode.widget.options]:
            self.metode.widget.value = form["metode"]
        self._draw_kind()

    def clear(self) -> None:
        self.error.value = ""
        for field in self.all_fields():
            field.clear()


class KalkulatorPinjamanApp(KoperasiApp):
    """Two loan offers side by side (``compare_offers``, ``offer_explanation``), with the
    KUR PMI option (``kur_eligibility``). ``KalkulatorPinjamanApp(kode=...)`` restores."""

    app_id = "kalkulator_pinjaman"
    title_key = "app.kalkulator_pinjaman"
    intro_key = "kop.loan.intro"

    def __init__(self, kode: str | None = None, store=None):
        super().__init__(kode=kode, store=store)
        self.table = None
        self.schedules: dict[str, object] = {}
        self.names: dict[str, str] = {}
        self._chart_key = None
        self._create_header()
        self.offers = {which: OfferForm(self, which) for which in OFFERS}
        pair = widgets.HBox(
            [self.offers["a"].box, self.offers["b"].box],
            layout=widgets.Layout(flex_flow="row wrap", width="100%", align_items="stretch"),
        )
        pair.add_class("dk-pair")
        self._create_kur()
        self._create_results()
        self._create_export()
        self._finish_with(
            [self.header],
            [pair, self.kur_box, self.result_box, self.schedule_box, self.export_box],
        )
        self.redraw()
        self.set_form(PINJAMAN_AWAL)
        self._quiet = False
        self.restore()

    def restore(self) -> None:
        """The signed-in participant's saved offers, calculated again (nothing saved)."""
        saved = self.load_saved()
        if saved is not None and isinstance(saved.data, dict):
            self.set_form(saved.data)
        self.callback(self._update)(None, save=False)

    # --- building -----------------------------------------------------------------------------
    def _create_kur(self) -> None:
        self.kur_title = widgets.HTML()
        self.kur_fields: dict[str, Field] = {}
        for question in KUR_QUESTIONS:
            if question.jenis == "ya_tidak":
                widget = widgets.ToggleButtons(options=[("", True), ("", False)], value=None)
            else:
                widget = text_input()
            self.kur_fields[question.kunci] = Field(widget, f"kop.kur.q.{question.kunci}")
            self.on(widget, self._update)
        self.kur_result = widgets.HTML()
        self.kur_box = card(
            [self.kur_title, *(f.box for f in self.kur_fields.values()), self.kur_result]
        )

    def _create_results(self) -> None:
        self.result_title = widgets.HTML()
        self.comparison = widgets.HTML()
        self.verdict = widgets.HTML()
        self.explanations = widgets.HTML()
        self.result_box = card(
            [self.result_title, self.comparison, self.verdict, self.explanations]
        )
        self.schedule_title = widgets.HTML()
        self.tampil = widgets.ToggleButtons(options=[("A", "a"), ("B", "b")], value="a")
        self.on(self.tampil, self._show_schedule)
        self.schedule_chart = chart_image()
        self.schedule_table = widgets.HTML()
        self.schedule_box = card(
            [self.schedule_title, self.tampil, self.schedule_chart, self.schedule_table]
        )

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
            for offer in self.offers.values():
                offer.draw()
            self.kur_title.value = (
                f"<h2>{esc(t('kop.loan.kur_title'))}</h2><p>{esc(t('kop.loan.kur_intro'))}</p>"
            )
            for field in self.kur_fields.values():
                field.draw()
                if isinstance(field.widget, widgets.ToggleButtons):
                    value = field.widget.value
                    field.widget.options = [(t("lesson.yes"), True), (t("lesson.no"), False)]
                    field.widget.value = value
            self.result_title.value = f"<h2>{esc(t('kop.loan.result_title'))}</h2>"
            self.schedule_title.value = f"<h2>{esc(t('kop.loan.schedule_title'))}</h2>"
            self.export_title.value = (
                f"<h2>{esc(t('kop.loan.export'))}</h2><p>{esc(t('kop.loan.export_hint'))}</p>"
            )
            self.export_button.description = t("kop.app.make_excel")
        finally:
            self._quiet = quiet
        self._chart_key = None
        self.callback(self._update)(None, save=False)  # names and sentences in the new language

    # --- form ---------------------------------------------------------------------------------
    def form_values(self) -> dict:
        """Both offers, the KUR answers and the schedule shown, as typed (what is saved)."""
        return {
            "a": self.offers["a"].values(),
            "b": self.offers["b"].values(),
            "kur": {key: field.widget.value for key, field in self.kur_fields.items()},
            "tampil": self.tampil.value,
        }

    def set_form(self, form: dict) -> None:
        quiet, self._quiet = self._quiet, True
        try:
            for which in OFFERS:
                if isinstance(form.get(which), dict):
                    self.offers[which].set_values(form[which])
            answers = form.get("kur") if isinstance(form.get("kur"), dict) else {}
            for key, field in self.kur_fields.items():
                value = answers.get(key)
                if isinstance(field.widget, widgets.ToggleButtons):
                    field.widget.value = value if isinstance(value, bool) else None
                else:
                    field.widget.value = value if isinstance(value, str) else ""
            if form.get("tampil") in OFFERS:
                self.tampil.value = form["tampil"]
        finally:
            self._quiet = quiet

    # --- reacting -----------------------------------------------------------------------------
    def _update(self, change, save: bool = True) -> None:
        """Calculate both offers again. A value that cannot be used is explained under its
        field; the last good comparison stays on screen and nothing is saved."""
        if self._quiet:
            return
        quiet, self._quiet = self._quiet, True
        try:
            self.offers["b"]._draw_kind()
        finally:
            self._quiet = quiet
        form = self.form_values()
        args, built, failed = {}, {}, False
        for which, offer in self.offers.items():
            offer.clear()
            try:
                args[which] = offer_from_form(form[which])
                built[which] = loan_schedule(**args[which])
            except InputError as error:
                if route_error(error, offer.fields) is None:
                    offer.error.value = message_html("error", esc(str(error)))
                failed = True
        kur_ok = self._draw_kur(form)
        if failed or not kur_ok:
            self._mark_unsaved()
            return
        names = {w: offer_name(form[w], w) for w in OFFERS}
        if names["a"] == names["b"]:
            names = {w: f"{names[w]} ({w.upper()})" for w in OFFERS}
        self.names = names
        self.args = args
        self.schedules = built
        self.table = compare_offers({names[w]: args[w] for w in OFFERS})
        self.clear_message()
        self._draw()
        if save:
            self.autosave(form)

    def _draw_kur(self, form: dict) -> bool:
        """The KUR card (offer B as KUR only); False when an answer cannot be read."""
        offer = self.offers["b"]
        for field in self.kur_fields.values():
            field.clear()
        if not offer.is_kur:
            self.kur_box.layout.display = "none"
            self.kur_result.value = ""
            return True
        self.kur_box.layout.display = None
        answers = kur_answers_from_form(form["b"], form["kur"])
        kur_fields = {f"kop.kur.q.{k}": f for k, f in self.kur_fields.items()}
        for question in KUR_QUESTIONS:
            typed = answers.get(question.kunci)
            if question.jenis == "bulan" and isinstance(typed, str) and typed.strip():
                try:  # read what is typed now, before the other questions are answered
                    whole_months(typed, f"kop.kur.q.{question.kunci}")
                except InputError as error:
                    route_error(error, kur_fields)
                    self.kur_result.value = ""
                    return False
        blank = kur_unanswered(answers)
        asked = [k for k in blank if k in self.kur_fields]
        if asked:
            items = "".join(f"<li>{esc(t(f'kop.kur.q.{k}'))}</li>" for k in asked)
            self.kur_result.value = message_html(
                "info", f"<b>{esc(t('kop.loan.kur_answer_more'))}</b><ul>{items}</ul>"
            )
            return True
        if blank:  # amount or term of offer B missing: said under offer B
            self.kur_result.value = ""
            return True
        try:
            hasil = kur_eligibility(answers)
        except InputError as error:
            if route_error(error, kur_fields):
                return False
            self.kur_result.value = ""
            return True  # about offer B's amount or term: said under offer B
        items = "".join(f"<li>{esc(text)}</li>" for text in hasil.pesan())
        head = t("kop.loan.kur_ok") if hasil.layak else t(
            "kop.loan.kur_missing", n=len(hasil.kurang))  # fmt: skip
        self.kur_result.value = message_html(
            "ok" if hasil.layak else "warn",
            f"<b data-testid='kur-status'>{esc(head)}</b><ul>{items}</ul>",
        )
        return True

    # --- drawing --------------------------------------------------------------------------------
    def _draw(self) -> None:
        self.export_link.value = ""
        table = self.table
        if table is None:
            self.comparison.value = self.verdict.value = self.explanations.value = ""
            self.schedule_table.value = ""
            return
        a, b = table.iloc[0], table.iloc[1]
        rows = [
            (t("kop.loan.row_method"), t(f"kop.method_short.{a['metode']}"),
             t(f"kop.method_short.{b['metode']}")),
            (t("kop.loan.row_rate"), self._rate(a), self._rate(b)),
            (t("kop.xl.first"), format_rp(a["angsuran_pertama_rp"]),
             format_rp(b["angsuran_pertama_rp"])),
            (t("kop.xl.last"), format_rp(a["angsuran_terakhir_rp"]),
             format_rp(b["angsuran_terakhir_rp"])),
            (t("kop.xl.total_interest"), format_rp(a["total_bunga_rp"]),
             format_rp(b["total_bunga_rp"])),
            (t("kop.xl.total_paid"), format_rp(a["total_bayar_rp"]),
             format_rp(b["total_bayar_rp"])),
            (t("kop.xl.effective_month"), format_pct(a["efektif_bulan_pct"]),
             format_pct(b["efektif_bulan_pct"])),
            (t("kop.xl.effective_year"), format_pct(a["efektif_tahun_pct"]),
             format_pct(b["efektif_tahun_pct"])),
        ]  # fmt: skip
        columns = [("", "text"), (str(a["penawaran"]), "rp"), (str(b["penawaran"]), "rp")]
        self.comparison.value = table_html(rows, columns, "perbandingan")
        self.verdict.value = message_html(
            "info", f"<b data-testid='putusan'>{esc(offers_verdict(table))}</b>"
        )
        parts = [
            f"<p data-testid='penjelasan-{w}'><b>{esc(self.names[w])}:</b> "
            f"{esc(offer_explanation(self.args[w]))}</p>"
            for w in OFFERS
        ]
        self.explanations.value = f"<div class='dk-explain'>{''.join(parts)}</div>"
        quiet, self._quiet = self._quiet, True
        try:
            shown = self.tampil.value
            self.tampil.options = [(self.names[w], w) for w in OFFERS]
            self.tampil.value = shown
        finally:
            self._quiet = quiet
        self._draw_schedule()

    @staticmethod
    def _rate(row) -> str:
        return f"{format_pct(row['bunga_pct'])} {t('kop.period.' + row['periode_bunga'])}"

    def _show_schedule(self, change) -> None:
        if self._quiet:
            return
        self._draw_schedule()
        if self.table is not None:
            self.autosave(self.form_values())

    def _draw_schedule(self) -> None:
        which = self.tampil.value
        schedule = self.schedules.get(which)
        if schedule is None:
            return
        shown = schedule.head(TABLE_ROWS)
        columns = [
            (t("kop.sched.bulan"), "int"),
            (rp_header("kop.sched.angsuran_pokok"), "int"),
            (rp_header("kop.sched.bunga"), "int"),
            (rp_header("kop.sched.angsuran"), "int"),
            (rp_header("kop.sched.sisa_pokok"), "int"),
        ]
        foot = (t("kop.remit_app.total"), int(schedule["angsuran_pokok"].sum()),
                int(schedule["bunga"].sum()), int(schedule["angsuran"].sum()), None)  # fmt: skip
        note = ""
        if len(schedule) > TABLE_ROWS:
            note = f"<p class='dk-note'>{esc(t('kop.loan.more_rows', n=TABLE_ROWS))}</p>"
        self.schedule_table.value = (
            table_html(shown.itertuples(index=False, name=None), columns, "jadwal", foot) + note
        )
        key = (which, tuple(int(v) for v in schedule["angsuran"]), self.names.get(which))
        if key != self._chart_key:
            self.schedule_chart.value = chart_png(
                "chart_loan_schedule",
                schedule,
                judul=t("kop.loan.chart_title", name=self.names[which],
                        interest=format_rp(int(schedule["bunga"].sum()))),
            )  # fmt: skip
            self._chart_key = key

    # --- export -----------------------------------------------------------------------------
    def _export(self, _button) -> None:
        from desmigratif_kit.cooperative import workbooks

        if self.table is None:
            self.export_link.value = message_html("info", esc(t("kop.loan.nothing")))
            return
        content = workbooks.loans_workbook(
            self.table, {self.names[w]: self.schedules[w] for w in OFFERS}
        )
        self.export_link.value = download_link(
            content,
            f"pinjaman-{date.today().isoformat()}.xlsx",
            workbooks.XLSX_MIME,
            t("kop.app.download_excel"),
        )


def preload() -> None:
    """Warm a preheated kernel before its visitor: catalogs, the rules on the first offers,
    and matplotlib with the pillar's charts (the app draws on its first build)."""
    from desmigratif_kit.cooperative import charts  # noqa: F401  (imports matplotlib)

    t("kop.loan.intro")
    args = [offer_from_form(PINJAMAN_AWAL[w]) for w in OFFERS]
    compare_offers({w: a for w, a in zip(OFFERS, args, strict=True)})
    offer_explanation(args[0])
