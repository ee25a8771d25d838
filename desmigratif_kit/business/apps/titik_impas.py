"""Titik Impas: how many units a month cover the fixed costs, and what a month leaves.

Price, channel fee, variable cost per unit and fixed costs per month (typed, or taken from the
participant's *Kalkulator HPP*); a slider for the price and one for the units sold a month.
The break-even point is said in words, drawn on a chart with the month's profit or loss at the
chosen volume, and handed out as an Excel table. A price that does not cover the variable cost
after the fee, a negative price, zero units: each gets a plain message.
"""

from __future__ import annotations

import math

import ipywidgets as widgets

from desmigratif_kit import business
from desmigratif_kit.business.apps.common import (
    CHART_WIDTH_INCI,
    BisnisApp,
    card,
    charts_module,
    clear_chart,
    image,
    label,
    preload,
    read_pct,
    read_rp,
    row,
    show_chart,
    shown_number,
    text_field,
    wide,
)
from desmigratif_kit.business.ringkasan import APP_HPP, APP_TITIK_IMPAS
from desmigratif_kit.core import i18n
from desmigratif_kit.core.app import download_link, esc, message_html
from desmigratif_kit.core.excel import XLSX_MIME
from desmigratif_kit.core.i18n import InputError, format_number, format_rp, t

__all__ = ["TitikImpasApp", "preload", "skala_slider"]

CONTOH = ("minyak_kemiri", "botol_100ml", "marketplace")
"""The starting figures: the illustrative 100 ml bottle of candlenut oil sold online."""
FIELDS = ("harga", "potongan", "variabel", "tetap")


def skala_slider(nilai: float, paling_sedikit: float = 10) -> tuple[int, int]:
    """A slider's top and step for values around ``nilai``: at least twice ``nilai`` and
    ``paling_sedikit``, rounded up to a round number; about a hundred steps of 1, 2 or 5 ×
    a power of ten (the slider is for feeling the effect; exact figures are typed).

    >>> skala_slider(32_000), skala_slider(20, 40), skala_slider(0)
    ((65000, 1000), (40, 1), (10, 1))
    """
    top = max(2 * float(nilai), float(paling_sedikit), 1.0)
    half = 10 ** math.floor(math.log10(top)) / 2
    top = math.ceil(top / half) * half
    raw = top / 100
    power = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next((m * power for m in (1, 2, 5, 10) if m * power >= raw), 10 * power)
    return int(top), max(1, int(step))


_CONTOH_FORM: dict[str, dict] = {}


def _contoh_form(lang: str) -> dict:
    """The starting figures of the app in ``lang``, as typed text."""
    if lang in _CONTOH_FORM:
        return dict(_CONTOH_FORM[lang])
    kode, kemasan, saluran = CONTOH
    p = business.contoh_produk(kode, lang=lang)
    s = business.compare_scenarios(
        p["batch"], p["kemasan"], p["saluran"], p["harga"], p["laku_per_bulan"]
    ).pilih(kemasan, saluran)
    _CONTOH_FORM[lang] = {
        "nama_unit": p["batch"]["nama_unit"],
        "harga": shown_number(s.harga_rp),
        "potongan": shown_number(s.potongan_pct),
        "variabel": shown_number(business.bulatkan_rp(s.biaya_variabel_per_unit_rp)),
        "tetap": shown_number(s.biaya_tetap_per_bulan_rp),
        "unit": s.unit_per_bulan,
    }
    return dict(_CONTOH_FORM[lang])


class TitikImpasApp(BisnisApp):
    """Break-even with sliders (``business.break_even_channel``). ``TitikImpasApp(kode=...)``
    restores the participant's figures."""

    app_id = APP_TITIK_IMPAS
    title_key = "app.titik_impas"
    intro_key = "biz.app.be.intro"

    def __init__(self, kode: str | None = None, store=None):
        super().__init__(kode=kode, store=store)
        self.titik: business.TitikImpas | None = None
        self._quiet = True
        self._create_header()
        self._create_form()
        self._create_result()
        self._create_chart()
        self._create_files()
        self._finish_biz([self.form_box, self.result_box, self.chart_box, self.files_box])
        self.set_form(self.contoh_form())
        self.redraw()
        self._quiet = False
        self.restore()

    def restore(self) -> None:
        saved = self.load_saved()
        if saved is not None and isinstance(saved.data.get("form"), dict):
            self.set_form(saved.data["form"])
        self._draw_hpp_button()
        self.callback(self.update)(save=False)

    @staticmethod
    def contoh_form() -> dict:
        """The starting figures, from the illustrative example (as typed text)."""
        return _contoh_form(i18n.get_language())

    # --- building -------------------------------------------------------------------------
    def _create_form(self) -> None:
        self.form_title = widgets.HTML()
        self.nama_unit = widgets.Text(layout=wide(), continuous_update=False)
        self.fields = {name: text_field() for name in FIELDS}
        self.harga_slider = widgets.IntSlider(
            min=0, max=1000, step=10, readout=False, continuous_update=False, layout=wide()
        )
        self.harga_value = widgets.HTML()
        self.hpp_button = widgets.Button(icon="calculator", layout=widgets.Layout(width="auto"))
        self.form_msg = widgets.HTML()
        self.on(self.nama_unit, self._changed)
        for widget in self.fields.values():
            self.on(widget, self._changed)
        self.on(self.harga_slider, self._price_slid)
        self.on_click(self.hpp_button, self._use_hpp)
        self.form_box = card(
            [
                self.form_title,
                self.hpp_button,
                self.nama_unit,
                self.fields["harga"],
                row([self.harga_slider, self.harga_value]),
                self.fields["potongan"],
                self.fields["variabel"],
                self.fields["tetap"],
                self.form_msg,
            ],
            "dk-form",
        )

    def _create_result(self) -> None:
        self.result_title = widgets.HTML()
        self.big = widgets.HTML()
        self.sentence = widgets.HTML()
        self.unit_slider = widgets.IntSlider(
            min=0, max=100, step=1, readout=False, continuous_update=False, layout=wide()
        )
        self.unit_value = widgets.HTML()
        self.laba = widgets.HTML()
        self.on(self.unit_slider, self._volume_changed)
        self.result_box = card(
            [
                self.result_title,
                self.big,
                self.sentence,
                row([self.unit_slider, self.unit_value]),
                self.laba,
            ]
        )

    def _create_chart(self) -> None:
        self.chart = image()
        self.chart_box = card([self.chart])

    def _create_files(self) -> None:
        self.files_title = widgets.HTML()
        self.export_button = widgets.Button(icon="download", layout=widgets.Layout(width="auto"))
        self.export_link = widgets.HTML()
        self.on_click(self.export_button, self._export)
        self.files_box = card([self.files_title, self.export_button, self.export_link])

    # --- texts ----------------------------------------------------------------------------
    def redraw(self) -> None:
        quiet, self._quiet = self._quiet, True
        try:
            if self.is_example():  # the example's unit follows the language
                self.nama_unit.value = self.contoh_form()["nama_unit"]
            self._draw_header()
            self.form_title.value = f"<h2>{esc(t('biz.app.be.form_title'))}</h2>"
            label(self.nama_unit, "biz.field.nama_unit", "biz.app.hpp.ph.nama_unit")
            label(self.fields["harga"], "biz.field.harga_jual_rp", "biz.app.be.ph.harga")
            label(self.fields["potongan"], "biz.field.potongan_pct", "biz.app.be.ph.potongan")
            label(
                self.fields["variabel"],
                "biz.field.biaya_variabel_per_unit_rp",
                "biz.app.be.ph.variabel",
            )
            label(self.fields["tetap"], "biz.field.biaya_tetap_per_bulan_rp", "biz.app.be.ph.tetap")
            self.harga_slider.description = t("biz.app.be.slide_price")
            self.unit_slider.description = t("biz.app.be.slide_units")
            for slider in (self.harga_slider, self.unit_slider):
                slider.style.description_width = "initial"
            self.hpp_button.description = t("biz.app.be.use_hpp")
            self.result_title.value = f"<h2>{esc(t('biz.app.be.result_title'))}</h2>"
            self.files_title.value = f"<h2>{esc(t('biz.app.files_title'))}</h2>"
            self.export_button.description = t("biz.app.export")
        finally:
            self._quiet = quiet
        self._draw()

    def _draw_hpp_button(self) -> None:
        self.hpp_button.layout.display = None if self._saved_hpp() else "none"

    # --- state ----------------------------------------------------------------------------
    def set_form(self, form: dict) -> None:
        quiet, self._quiet = self._quiet, True
        try:
            if isinstance(form.get("nama_unit"), str):
                self.nama_unit.value = form["nama_unit"]
            for name in FIELDS:
                if isinstance(form.get(name), str):
                    self.fields[name].value = form[name]
            unit = form.get("unit")
            if isinstance(unit, int) and not isinstance(unit, bool) and unit >= 0:
                self._set_units(unit)
        finally:
            self._quiet = quiet

    def form_values(self) -> dict:
        return {
            "nama_unit": self.nama_unit.value,
            **{name: widget.value for name, widget in self.fields.items()},
            "unit": self.unit_slider.value,
        }

    def _set_units(self, unit: int, paling_sedikit: int = 0) -> None:
        top, _ = skala_slider(max(unit, paling_sedikit), 20)
        self.unit_slider.max = max(top, self.unit_slider.value, unit)
        self.unit_slider.value = unit

    def _set_price_slider(self, harga: float, variabel: float) -> None:
        top, step = skala_slider(max(harga, variabel), 1000)
        self.harga_slider.step = step
        self.harga_slider.max = max(top, int(math.ceil(harga)))
        self.harga_slider.value = int(round(harga))

    def is_example(self) -> bool:
        """True while the figures are still the illustrative example's (the unit's name in
        either language)."""
        contoh = self.contoh_form()
        names = {_contoh_form(lang)["nama_unit"] for lang in i18n.LANGUAGES}
        values = self.form_values()
        return values["nama_unit"] in names and all(values[k] == contoh[k] for k in FIELDS)

    # --- reacting -------------------------------------------------------------------------
    def _changed(self, _change) -> None:
        if not self._quiet:
            self.update()

    def _price_slid(self, change) -> None:
        if self._quiet:
            return
        quiet, self._quiet = self._quiet, True
        try:
            self.fields["harga"].value = shown_number(change["new"])
        finally:
            self._quiet = quiet
        self.update()

    def _volume_changed(self, _change) -> None:
        if self._quiet:
            return
        self._draw()
        self.autosave(self.state())

    def update(self, save: bool = True) -> None:
        """Read the figures, compute the break-even, draw, save; bad input is explained next
        to the form and nothing is saved."""
        self.export_link.value = ""
        try:
            harga = read_rp(self.fields["harga"], "biz.field.harga_jual_rp")
            potongan = read_pct(self.fields["potongan"], "biz.field.potongan_pct")
            variabel = read_rp(self.fields["variabel"], "biz.field.biaya_variabel_per_unit_rp")
            tetap = read_rp(self.fields["tetap"], "biz.field.biaya_tetap_per_bulan_rp")
            titik = business.break_even_channel(tetap, harga, variabel, potongan)
        except InputError as err:
            self.titik = None
            self.form_msg.value = message_html("error", esc(str(err)))
            self._draw()
            if self.participant is not None:
                self.bar.mark_unsaved()
            return
        self.form_msg.value = ""
        self.titik = titik
        quiet, self._quiet = self._quiet, True
        try:
            self._set_price_slider(harga, variabel)
            if self.unit_slider.max < 2 * titik.unit_per_bulan:
                self._set_units(self.unit_slider.value, 2 * titik.unit_per_bulan)
        finally:
            self._quiet = quiet
        self._draw()
        if save:
            self.autosave(self.state())

    def state(self) -> dict:
        titik = self.titik
        hasil = None
        if titik is not None:
            hasil = {
                "unit_impas": titik.unit_per_bulan,
                "pendapatan_impas_rp": titik.pendapatan_per_bulan_rp,
                "unit": self.unit_slider.value,
                "laba_rp": business.bulatkan_rp(titik.laba_rp(self.unit_slider.value)),
                "contoh": self.is_example(),
            }
        return {"version": 1, "form": self.form_values(), "hasil": hasil}

    def _saved_hpp(self) -> dict | None:
        if self.participant is None:
            return None
        saved = self.store.load(self.participant.code, APP_HPP)
        hasil = saved.data.get("hasil") if saved is not None else None
        return hasil if isinstance(hasil, dict) else None

    def _use_hpp(self, _button) -> None:
        """Take the variable and fixed costs (and the price) from the participant's HPP."""
        hasil = self._saved_hpp()
        if hasil is None:
            return
        form = {
            "nama_unit": hasil.get("nama_unit") or self.nama_unit.value,
            "variabel": shown_number(hasil.get("biaya_variabel_per_unit_rp")),
            "tetap": shown_number(hasil.get("biaya_tetap_per_bulan_rp")),
        }
        price = hasil.get("harga_rencana_rp") or hasil.get("harga_margin_rp")
        if price:
            form["harga"] = shown_number(price)
        self.set_form(form)
        self.update()
        self.form_msg.value = self.form_msg.value or message_html(
            "ok", esc(t("biz.app.be.from_hpp"))
        )

    def _export(self, _button) -> None:
        if self.titik is None:
            return
        content = business.titik_impas_xlsx(
            self.titik,
            self.nama_unit.value,
            sampai_unit=max(self.unit_slider.max, 1),
            ilustrasi=self.is_example(),
        )
        self.export_link.value = download_link(
            content, "titik-impas.xlsx", XLSX_MIME, t("biz.app.download", file="titik-impas.xlsx")
        )

    # --- drawing --------------------------------------------------------------------------
    def _draw(self) -> None:
        self.draw_note(self.is_example())
        self.harga_value.value = (
            f"<span class='dk-slider-value'>{esc(format_rp(self.harga_slider.value))}</span>"
        )
        unit = self.nama_unit.value.strip() or t("biz.chart.unit")
        self.unit_value.value = (
            f"<span class='dk-slider-value'>"
            f"{esc(format_number(self.unit_slider.value))} {esc(unit)}</span>"
        )
        titik = self.titik
        if titik is None:
            self.big.value = ""
            self.sentence.value = message_html("warn", esc(t("biz.app.be.fix_first")))
            self.laba.value = ""
            clear_chart(self.chart)
            return
        self.big.value = (
            f"<div class='dk-big' data-testid='titik-impas'>"
            f"{esc(t('biz.app.be.big', n=format_number(titik.unit_per_bulan), unit=unit))}</div>"
        )
        self.sentence.value = (
            f"<div class='dk-sentence' data-testid='kalimat'>{esc(titik.kalimat(unit))}</div>"
        )
        laba = business.bulatkan_rp(titik.laba_rp(self.unit_slider.value))
        css = "dk-good" if laba > 0 else ("dk-bad" if laba < 0 else "")
        self.laba.value = (
            f"<p class='{css}' data-testid='laba'>"
            f"{esc(titik.kalimat_laba(self.unit_slider.value, unit))}</p>"
        )
        end, now, example = max(self.unit_slider.max, 1), self.unit_slider.value, self.is_example()
        show_chart(
            self.chart,
            (repr(titik.to_dict()), end, now, unit, example),
            lambda: charts_module().chart_titik_impas(
                titik,
                sampai_unit=end,
                nama_unit=unit,
                unit_sekarang=now,
                ilustrasi=example,
                lebar_inci=CHART_WIDTH_INCI,
            ),
        )
