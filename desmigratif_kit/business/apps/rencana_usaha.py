"""Rencana Usaha: one product, one packaging, one sales channel, twelve months.

The participant picks an example oil of Rangga Talo (or the costs of their own *Kalkulator
HPP*), a packaging and a channel, the month the plan starts, and may put in their own price,
sales a month, start capital and the price of the tool. The app shows the plan's key figures,
the break-even, the twelve months of cash (chart and table) with the month the investment comes
back, and how the other packaging × channel pairs compare. *Simpan untuk rencana aksi desa*
keeps the plan in the participant's work (read by the workshop's action plan through
:func:`business.ringkasan_kerja`); the whole plan goes out to Excel.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import ipywidgets as widgets

from desmigratif_kit import business
from desmigratif_kit.business.apps.common import (
    CHART_WIDTH_INCI,
    BisnisApp,
    card,
    charts_module,
    clear_chart,
    figures_html,
    image,
    label,
    preload,
    read_number,
    read_rp,
    row,
    show_chart,
    shown_number,
    text_field,
    wide,
)
from desmigratif_kit.business.ringkasan import APP_HPP, APP_RENCANA
from desmigratif_kit.core.app import download_link, esc, message_html
from desmigratif_kit.core.excel import XLSX_MIME
from desmigratif_kit.core.i18n import InputError, format_number, format_pct, format_rp, t

__all__ = ["RencanaUsahaApp", "preload"]

MONTHS = 12
FIGURES = ("harga_rp", "laku_per_bulan", "modal_awal_rp", "investasi_rp")
PASANGAN_AWAL = ("botol_100ml", "marketplace")
"""The pair a new plan starts with (the lesson's story: 100 ml bottles sold online)."""


def _first_year() -> int:
    return date.today().year + 1


class RencanaUsahaApp(BisnisApp):
    """A 12-month business plan (``business.rencana_usaha``), saved for the village action
    plan. ``RencanaUsahaApp(kode=...)`` restores the participant's plan."""

    app_id = APP_RENCANA
    title_key = "app.rencana_usaha"
    intro_key = "biz.app.plan.intro"

    def __init__(self, kode: str | None = None, store=None):
        super().__init__(kode=kode, store=store)
        self.rencana: business.RencanaUsaha | None = None
        self.semua: business.PerbandinganSkenario | None = None
        self.pilihan: dict | None = None
        self.rencana_aksi: dict | None = None
        self.saved_hpp: dict | None = None
        self._quiet = True
        self._create_header()
        self._create_choice()
        self._create_figures()
        self._create_result()
        self._create_cash()
        self._create_compare()
        self._create_save()
        self._finish_biz(
            [
                self.choice_box,
                self.figures_box,
                self.result_box,
                self.cash_box,
                self.save_box,
                self.compare_box,
            ]
        )
        self._fill_options("minyak_kemiri")
        self._fill_figures()
        self.redraw()
        self._quiet = False
        self.restore()

    def restore(self) -> None:
        """The signed-in participant's plan and the plan saved for the action plan."""
        self.saved_hpp = self._load_hpp()
        saved = self.load_saved()
        if saved is not None:
            self.set_state(saved.data)
        self._draw_own_costs()
        self.callback(self.update)(save=False)

    # --- building -------------------------------------------------------------------------
    def _create_choice(self) -> None:
        self.choice_title = widgets.HTML()
        self.produk = widgets.Dropdown(options=[("", "minyak_kemiri")], layout=wide())
        self.kemasan = widgets.Dropdown(options=[("", "")], layout=wide())
        self.saluran = widgets.Dropdown(options=[("", "")], layout=wide())
        self.bulan_mulai = widgets.Dropdown(options=[("", 1)], value=1, layout=wide())
        year = _first_year()
        self.tahun_mulai = widgets.Dropdown(
            options=[str(y) for y in range(year - 1, year + 5)], value=str(year), layout=wide()
        )
        self.own_costs = widgets.Checkbox(
            value=False, indent=False, layout=widgets.Layout(width="100%")
        )
        self.own_note = widgets.HTML()
        self.on(self.produk, self._product_changed)
        self.on(self.kemasan, self._packaging_changed)
        self.on(self.saluran, self._channel_changed)
        for widget in (self.bulan_mulai, self.tahun_mulai, self.own_costs):
            self.on(widget, self._changed)
        self.choice_box = card(
            [
                self.choice_title,
                self.produk,
                self.own_costs,
                self.own_note,
                self.kemasan,
                self.saluran,
                self.bulan_mulai,
                self.tahun_mulai,
            ],
            "dk-form",
        )

    def _create_figures(self) -> None:
        self.figures_title = widgets.HTML()
        self.figures_help = widgets.HTML()
        self.fields = {name: text_field() for name in FIGURES}
        self.figures_msg = widgets.HTML()
        for widget in self.fields.values():
            self.on(widget, self._changed)
        self.figures_box = card(
            [
                self.figures_title,
                self.figures_help,
                *self.fields.values(),
                self.figures_msg,
            ],
            "dk-form",
        )

    def _create_result(self) -> None:
        self.result_title = widgets.HTML()
        self.key_figures = widgets.HTML()
        self.conclusion = widgets.HTML()
        self.warnings = widgets.HTML()
        self.result_box = card(
            [self.result_title, self.key_figures, self.conclusion, self.warnings]
        )

    def _create_cash(self) -> None:
        self.cash_title = widgets.HTML()
        self.cash_chart = image()
        self.cash_table = widgets.HTML()
        self.cash_box = card([self.cash_title, self.cash_chart, self.cash_table])

    def _create_compare(self) -> None:
        self.compare_title = widgets.HTML()
        self.compare_chart = image()
        self.compare_box = card([self.compare_title, self.compare_chart])

    def _create_save(self) -> None:
        self.save_title = widgets.HTML()
        self.save_help = widgets.HTML()
        self.save_button = widgets.Button(
            icon="check", button_style="success", layout=widgets.Layout(width="auto")
        )
        self.save_status = widgets.HTML()
        self.export_button = widgets.Button(icon="download", layout=widgets.Layout(width="auto"))
        self.export_link = widgets.HTML()
        self.on_click(self.save_button, self._save_plan)
        self.on_click(self.export_button, self._export)
        self.save_box = card(
            [
                self.save_title,
                self.save_help,
                row([self.save_button, self.export_button]),
                self.save_status,
                self.export_link,
            ]
        )

    # --- options --------------------------------------------------------------------------
    def _example(self) -> dict:
        return business.contoh_produk(self.produk.value)

    def _fill_options(self, kode: str | None = None) -> None:
        """The drop-downs of the chosen product: its packagings (those with a price) and, for
        the chosen packaging, the channels that have a price; current choices kept if they
        still exist."""
        quiet, self._quiet = self._quiet, True
        try:
            chosen = kode or self.produk.value
            self.produk.options = [
                (business.contoh_produk(k)["batch"]["nama"], k) for k in business.CONTOH_PRODUK
            ]
            self.produk.value = chosen
            p = self._example()
            pairs = business.pasangan_berharga(p)
            kemasan = self.kemasan.value
            if kemasan not in pairs:
                kemasan = PASANGAN_AWAL[0] if PASANGAN_AWAL[0] in pairs else next(iter(pairs))
            self.kemasan.options = [(p["kemasan"][k]["nama"], k) for k in pairs]
            self.kemasan.value = kemasan
            channels = pairs[kemasan]
            saluran = self.saluran.value
            if saluran not in channels:
                saluran = PASANGAN_AWAL[1] if PASANGAN_AWAL[1] in channels else channels[0]
            self.saluran.options = [(p["saluran"][s]["nama"], s) for s in channels]
            self.saluran.value = saluran
            month = self.bulan_mulai.value
            self.bulan_mulai.options = [
                (business.nama_bulan(m), m) for m in range(1, 13)
            ]  # fmt: skip
            self.bulan_mulai.value = month
        finally:
            self._quiet = quiet

    def _fill_figures(self, keep_capital: bool = False) -> None:
        """The example's figures for the chosen pair (price, sales a month) and, unless kept,
        its start capital and tool."""
        p = self._example()
        k, s = self.kemasan.value, self.saluran.value
        tools = p.get("investasi") or []
        values = {
            "harga_rp": p["harga"][k][s],
            "laku_per_bulan": (p.get("laku_per_bulan") or {}).get(k, {}).get(s),
        }
        if not keep_capital:
            values["modal_awal_rp"] = p["modal_awal_rp"]
            values["investasi_rp"] = tools[0]["harga_rp"] if tools else 0
        quiet, self._quiet = self._quiet, True
        try:
            for name, value in values.items():
                self.fields[name].value = shown_number(value)
        finally:
            self._quiet = quiet

    def _load_hpp(self) -> dict | None:
        """The participant's saved *Kalkulator HPP* batch, when there is one that computes."""
        if self.participant is None:
            return None
        saved = self.store.load(self.participant.code, APP_HPP)
        batch = saved.data.get("batch") if saved is not None else None
        if not isinstance(batch, dict):
            return None
        try:
            business.cost_of_goods(batch)
        except InputError:
            return None
        return batch

    # --- texts ----------------------------------------------------------------------------
    def redraw(self) -> None:
        quiet, self._quiet = self._quiet, True
        try:
            self._draw_header()
            self._fill_options()
            self.choice_title.value = f"<h2>{esc(t('biz.app.plan.choice_title'))}</h2>"
            label(self.produk, "biz.app.plan.produk")
            label(self.kemasan, "biz.field.kemasan")
            label(self.saluran, "biz.field.saluran")
            label(self.bulan_mulai, "biz.field.bulan_mulai")
            label(self.tahun_mulai, "biz.field.tahun_mulai")
            self.figures_title.value = f"<h2>{esc(t('biz.app.plan.figures_title'))}</h2>"
            self.figures_help.value = (
                f"<p class='dk-muted'>{esc(t('biz.app.plan.figures_help'))}</p>"
            )
            label(self.fields["harga_rp"], "biz.field.harga_jual_rp", "biz.app.be.ph.harga")
            label(self.fields["laku_per_bulan"], "biz.field.laku_per_bulan", "biz.app.plan.ph.laku")
            label(self.fields["modal_awal_rp"], "biz.field.modal_awal_rp", "biz.app.plan.ph.modal")
            label(self.fields["investasi_rp"], "biz.field.harga_alat_rp", "biz.app.plan.ph.alat")
            self.result_title.value = f"<h2>{esc(t('biz.app.plan.result_title'))}</h2>"
            self.cash_title.value = f"<h2>{esc(t('biz.app.plan.cash_title'))}</h2>"
            self.compare_title.value = f"<h2>{esc(t('biz.app.plan.compare_title'))}</h2>"
            self.save_title.value = f"<h2>{esc(t('biz.app.plan.save_title'))}</h2>"
            self.save_help.value = f"<p class='dk-muted'>{esc(t('biz.app.plan.save_help'))}</p>"
            self.save_button.description = t("biz.app.plan.save")
            self.export_button.description = t("biz.app.export")
            self._draw_own_costs()
        finally:
            self._quiet = quiet
        self._draw()

    def _draw_own_costs(self) -> None:
        batch = self.saved_hpp
        self.own_costs.layout.display = None if batch else "none"
        if not batch:
            self.own_note.value = ""
            return
        hpp = business.cost_of_goods(batch)
        self.own_costs.description = t(
            "biz.app.plan.own_costs",
            nama=hpp.nama,
            rp=format_rp(business.bulatkan_rp(hpp.hpp_per_unit_rp)),
            unit=hpp.nama_unit,
        )
        note = t("biz.app.plan.own_note") if self.own_costs.value else ""
        self.own_note.value = f"<p class='dk-muted'>{esc(note)}</p>" if note else ""

    # --- state ----------------------------------------------------------------------------
    def set_state(self, data: dict) -> None:
        """The saved plan back on screen (unknown or malformed parts skipped)."""
        pilihan = data.get("pilihan")
        if isinstance(pilihan, dict):
            self.set_pilihan(pilihan)
        aksi = data.get("rencana_aksi")
        self.rencana_aksi = aksi if isinstance(aksi, dict) else None

    def set_pilihan(self, pilihan: dict) -> None:
        quiet, self._quiet = self._quiet, True
        try:
            if pilihan.get("produk") in business.CONTOH_PRODUK:
                self._fill_options(pilihan["produk"])
            if pilihan.get("kemasan") in [v for _, v in self.kemasan.options]:
                self.kemasan.value = pilihan["kemasan"]
                self._fill_options()
            if pilihan.get("saluran") in [v for _, v in self.saluran.options]:
                self.saluran.value = pilihan["saluran"]
            if pilihan.get("bulan_mulai") in range(1, 13):
                self.bulan_mulai.value = pilihan["bulan_mulai"]
            year = str(pilihan.get("tahun_mulai"))
            if year in self.tahun_mulai.options:
                self.tahun_mulai.value = year
            self.own_costs.value = bool(pilihan.get("biaya_sendiri")) and bool(self.saved_hpp)
            for name in FIGURES:
                value = pilihan.get(name)
                if isinstance(value, int | float) and not isinstance(value, bool):
                    self.fields[name].value = shown_number(value)
        finally:
            self._quiet = quiet

    def read_pilihan(self) -> dict:
        """The choices and figures on screen (``InputError`` for an unreadable figure)."""
        return {
            "produk": self.produk.value,
            "kemasan": self.kemasan.value,
            "saluran": self.saluran.value,
            "bulan_mulai": self.bulan_mulai.value,
            "tahun_mulai": int(self.tahun_mulai.value),
            "biaya_sendiri": bool(self.own_costs.value and self.saved_hpp),
            "harga_rp": read_rp(self.fields["harga_rp"], "biz.field.harga_jual_rp"),
            "laku_per_bulan": read_number(
                self.fields["laku_per_bulan"], "biz.field.laku_per_bulan"
            ),
            "modal_awal_rp": read_rp(self.fields["modal_awal_rp"], "biz.field.modal_awal_rp"),
            "investasi_rp": read_rp(self.fields["investasi_rp"], "biz.field.harga_alat_rp"),
        }

    def produk_rencana(self, pilihan: dict) -> dict:
        """The product the plan is made of: the example with the participant's figures (and
        their own batch when they chose it)."""
        produk = business.produk_disesuaikan(
            self._example(),
            pilihan["kemasan"],
            pilihan["saluran"],
            harga_rp=pilihan["harga_rp"],
            laku_per_bulan=pilihan["laku_per_bulan"],
            modal_awal_rp=pilihan["modal_awal_rp"],
            investasi_rp=pilihan["investasi_rp"],
        )
        if pilihan["biaya_sendiri"]:
            produk["batch"] = self.saved_hpp
            produk["ilustrasi"] = False
        elif business.angka_contoh_rencana(pilihan) is False:
            produk["ilustrasi"] = False
        return produk

    def state(self) -> dict:
        return {
            "version": 1,
            "pilihan": self.pilihan,
            "ringkasan": self.rencana.ringkasan() if self.rencana is not None else None,
            "rencana_aksi": self.rencana_aksi,
        }

    # --- reacting -------------------------------------------------------------------------
    def _product_changed(self, _change) -> None:
        if self._quiet:
            return
        self._fill_options()
        self._fill_figures()
        self.update()

    def _packaging_changed(self, _change) -> None:
        if self._quiet:
            return
        self._fill_options()
        self._fill_figures(keep_capital=True)
        self.update()

    def _channel_changed(self, _change) -> None:
        if self._quiet:
            return
        self._fill_figures(keep_capital=True)
        self.update()

    def _changed(self, _change) -> None:
        if self._quiet:
            return
        self._draw_own_costs()
        self.update()

    def update(self, save: bool = True) -> None:
        """Compute the plan from the screen, draw it, save the draft; a figure that cannot be
        used is explained under the figures and nothing is saved."""
        self.export_link.value = ""
        try:
            pilihan = self.read_pilihan()
            produk = self.produk_rencana(pilihan)
            rencana = business.rencana_usaha(
                produk,
                pilihan["kemasan"],
                pilihan["saluran"],
                MONTHS,
                bulan_mulai=pilihan["bulan_mulai"],
                tahun_mulai=pilihan["tahun_mulai"],
            )
            semua = business.compare_scenarios(
                rencana.hpp, produk["kemasan"], produk["saluran"], produk["harga"],
                produk["laku_per_bulan"],
            )  # fmt: skip
        except InputError as err:
            self.figures_msg.value = message_html("error", esc(str(err)))
            if self.participant is not None:
                self.bar.mark_unsaved()
            return
        self.figures_msg.value = ""
        self.pilihan, self.rencana, self.semua = pilihan, rencana, semua
        self._draw()
        if save:
            self.autosave(self.state())

    def _save_plan(self, _button) -> None:
        """Keep the plan on screen for the village action plan."""
        if self.rencana is None:
            return
        if self.participant is None:
            self.save_status.value = message_html("warn", esc(t("biz.app.plan.sign_in")))
            return
        self.rencana_aksi = {
            "pilihan": dict(self.pilihan),
            "ringkasan": self.rencana.ringkasan(),
            "disimpan": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        self.autosave(self.state())
        self._draw_saved()

    def _export(self, _button) -> None:
        if self.rencana is None:
            return
        name = f"rencana-usaha-{self.produk.value.replace('_', '-')}.xlsx"
        self.export_link.value = download_link(
            business.rencana_xlsx(self.rencana, self.semua),
            name,
            XLSX_MIME,
            t("biz.app.download", file=name),
        )

    # --- drawing --------------------------------------------------------------------------
    def _draw(self) -> None:
        pilihan = self.pilihan
        example = pilihan is not None and business.angka_contoh_rencana(pilihan) is not False
        self.draw_note(example)
        self._draw_saved()
        r = self.rencana
        if r is None:
            self.key_figures.value = self.conclusion.value = self.warnings.value = ""
            self.cash_table.value = ""
            clear_chart(self.cash_chart)
            clear_chart(self.compare_chart)
            return
        s, kas = r.skenario, r.arus_kas
        unit = s.nama_kemasan
        fee = (
            f" ({t('biz.app.plan.fee', pct=format_pct(s.potongan_pct))})" if s.potongan_pct else ""
        )
        items = [
            (t("biz.app.plan.price", kemasan=unit), format_rp(s.harga_rp) + fee),
            (t("biz.app.plan.variable", kemasan=unit), _rp(s.biaya_variabel_per_unit_rp)),
            (
                t("biz.col.laba_per_bulan_rp"),
                f"{format_rp(s.laba_per_bulan_rp)} · "
                + t("biz.plan.rank", n=s.peringkat, total=r.jumlah_skenario),
            ),
            (
                t("biz.col.titik_impas"),
                t("biz.app.plan.be", n=format_number(r.titik_impas.unit_per_bulan))
                if r.titik_impas is not None
                else "—",
            ),
        ]
        self.key_figures.value = figures_html(items)
        self.conclusion.value = (
            f"<div class='dk-sentence' data-testid='kesimpulan'>{esc(kas.kesimpulan())}</div>"
        )
        warnings = []
        if r.titik_impas is None:
            warnings.append(
                message_html(
                    "error",
                    esc(
                        t(
                            "biz.app.plan.loss_per_unit",
                            harga=_rp(s.harga_bersih_rp),
                            variabel=_rp(s.biaya_variabel_per_unit_rp),
                            unit=unit,
                        )
                    ),
                )
            )
        if s.unit_per_bulan == 0:
            warnings.append(message_html("warn", esc(t("biz.app.plan.no_sales"))))
        elif s.laku_unit_per_bulan is not None and s.laku_unit_per_bulan > s.unit_per_bulan:
            warnings.append(
                message_html(
                    "info",
                    esc(
                        t(
                            "biz.app.plan.capacity",
                            laku=format_number(s.laku_unit_per_bulan),
                            n=format_number(s.kapasitas_unit_per_bulan),
                            unit=unit,
                        )
                    ),
                )
            )
        self.warnings.value = "".join(warnings)
        self._draw_table()
        charts = charts_module()
        show_chart(
            self.cash_chart,
            repr(kas.to_dict()),
            lambda: charts.chart_arus_kas(kas, lebar_inci=CHART_WIDTH_INCI),
        )
        semua = self.semua
        show_chart(
            self.compare_chart,
            repr(semua.to_dict()),
            lambda: charts.chart_skenario(semua, lebar_inci=CHART_WIDTH_INCI),
        )

    def _draw_table(self) -> None:
        """The months in a table narrow enough for a phone (units sold are in the Excel file):
        amounts without "Rp" (the header says it), short month names, the payback month
        highlighted, a negative balance in red."""
        kas = self.rencana.arus_kas
        keys = (
            "biz.col.bulan", "biz.app.plan.col_masuk", "biz.app.plan.col_keluar",
            "biz.app.plan.col_saldo",
        )  # fmt: skip
        head = "".join(f"<th>{esc(t(k))}</th>" for k in keys)
        body = []
        for m in kas.bulan:
            hit = " class='dk-hit'" if m.bulan_ke == kas.bulan_balik_modal else ""
            cells = [
                (format_number(m.kas_masuk_rp), False),
                (format_number(m.kas_keluar_rp), False),
                (format_number(m.saldo_rp), m.saldo_rp < 0),
            ]
            tds = "".join(f"<td{' class=dk-neg' if neg else ''}>{esc(c)}</td>" for c, neg in cells)
            body.append(f"<tr{hit}><td>{esc(m.label(pendek=True))}</td>{tds}</tr>")
        self.cash_table.value = (
            "<div class='dk-tablewrap'><table class='dk-table' data-testid='tabel-kas'>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
        )

    def _draw_saved(self) -> None:
        aksi = self.rencana_aksi
        if not aksi:
            self.save_status.value = ""
            return
        ring = aksi.get("ringkasan") or {}
        p = aksi.get("pilihan") or {}
        start = ""
        if p.get("bulan_mulai") in range(1, 13):
            start = business.nama_bulan(p["bulan_mulai"], p.get("tahun_mulai"))
        text = t(
            "biz.app.plan.saved",
            produk=ring.get("produk", ""),
            kemasan=ring.get("kemasan", ""),
            saluran=ring.get("saluran", ""),
            mulai=start,
        )
        html = message_html("ok", "✓ " + esc(text))
        if self.pilihan is not None and p != self.pilihan:
            html += message_html("warn", esc(t("biz.app.plan.differs")))
        self.save_status.value = f"<div data-testid='rencana-tersimpan'>{html}</div>"


def _rp(value: float) -> str:
    return format_rp(business.bulatkan_rp(value))
