"""Kalkulator HPP & Harga Jual: what one unit costs, and what to sell it for.

The participant edits a bill of materials as a table (one card per cost row, the columns of
:data:`~desmigratif_kit.business.BIAYA_SCHEMA`, through ``core.apps.table.RowsEditor``) and the
batch it makes; the HPP per unit, the breakdown and the chart of cost shares update at once.
One profit percentage is read both ways side by side (margin of the price, markup on the cost:
the costly trap), and a planned price shows its margin. The cost table comes in from Excel/CSV
(every bad cell listed, nothing changed) and goes out to Excel. Starts from the illustrative
candlenut oil of Rangga Talo, and says so.
"""

from __future__ import annotations

import re

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
    read_pct,
    read_rp,
    row,
    show_chart,
    shown_number,
    text_field,
    wide,
)
from desmigratif_kit.business.ringkasan import APP_HPP
from desmigratif_kit.core import i18n
from desmigratif_kit.core.app import download_link, esc, message_html, problems_html
from desmigratif_kit.core.apps.table import RowsEditor, form_problems_html
from desmigratif_kit.core.data import TableError, read_table
from desmigratif_kit.core.excel import XLSX_MIME
from desmigratif_kit.core.i18n import InputError, format_number, format_pct, format_rp, t

__all__ = ["KalkulatorHppApp", "preload"]

KELIPATAN = (1, 100, 500, 1000)
"""Rounding steps offered for the selling price (rounded up)."""
BATCH_TEXT = ("nama", "satuan_hasil", "nama_unit")
BATCH_NUMBERS = ("hasil_per_batch", "isi_per_unit", "batch_per_bulan")
PER = ("kategori", "item")


def _rp(value: float) -> str:
    return format_rp(business.bulatkan_rp(value))


def _pct(value: float) -> str:
    return format_pct(round(value, 1))


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text or "").strip("-").lower()[:40] or "produk"


class KalkulatorHppApp(BisnisApp):
    """HPP of one unit and its selling price (``business.cost_of_goods``,
    ``business.analisis_harga``). ``KalkulatorHppApp(kode="ABC234")`` restores the
    participant's table and prices."""

    app_id = APP_HPP
    title_key = "app.kalkulator_hpp"
    intro_key = "biz.app.hpp.intro"

    def __init__(self, kode: str | None = None, store=None):
        super().__init__(kode=kode, store=store)
        self.batch: dict | None = None  # the last batch that could be computed (checked)
        self.hpp: business.HargaPokok | None = None
        self.harga: business.AnalisisHarga | None = None
        self.contoh: str | None = "minyak_kemiri"
        self.example_code: str | None = "minyak_kemiri"
        self._confirm_example = False
        self._quiet = True
        self._create_header()
        self._create_example()
        self._create_batch()
        self._create_costs()
        self._create_result()
        self._create_price()
        self._create_chart()
        self._create_files()
        self._finish_biz(
            [
                self.example_box,
                self.batch_box,
                self.costs_box,
                self.result_box,
                self.price_box,
                self.chart_box,
                self.files_box,
            ]
        )
        self.set_state({"batch": business.contoh_produk("minyak_kemiri")["batch"]})
        self.redraw()
        self._quiet = False
        self.restore()

    def restore(self) -> None:
        """The signed-in participant's table and prices, computed again (nothing saved)."""
        saved = self.load_saved()
        if saved is not None:
            self.set_state(saved.data)
        self.callback(self.update)(save=False)

    # --- building -------------------------------------------------------------------------
    def _create_example(self) -> None:
        self.example_title = widgets.HTML()
        self.example = widgets.Dropdown(options=[("", "minyak_kemiri")], layout=wide())
        self.example_button = widgets.Button(icon="refresh", layout=widgets.Layout(width="auto"))
        self.example_msg = widgets.HTML()
        self.on_click(self.example_button, self._use_example)
        self.on(self.example, lambda _change: self._reset_confirm())
        self.example_box = card(
            [self.example_title, row([self.example, self.example_button]), self.example_msg]
        )

    def _create_batch(self) -> None:
        self.batch_title = widgets.HTML()
        self.fields = {name: text_field() for name in (*BATCH_TEXT, *BATCH_NUMBERS)}
        self.fields["susut_pct"] = text_field()
        order = (
            "nama", "satuan_hasil", "hasil_per_batch", "isi_per_unit", "nama_unit",
            "susut_pct", "batch_per_bulan",
        )  # fmt: skip
        self.batch_help = widgets.HTML()
        for name in order:
            self.on(self.fields[name], self._changed)
        self.on(self.fields["satuan_hasil"], lambda _change: self.editor.relabel())
        self.batch_box = card(
            [self.batch_title, self.batch_help, *(self.fields[n] for n in order)], "dk-form"
        )

    def _create_costs(self) -> None:
        self.costs_title = widgets.HTML()
        self.costs_help = widgets.HTML()
        self.editor = RowsEditor(
            business.BIAYA_SCHEMA,
            on_change=self.callback(self._changed),
            max_rows=60,
            field_width="9em",
            choice_labels={
                "kategori": lambda code: t(f"biz.kategori.{code}"),
                "dasar": lambda code: business.label_dasar(code, self.fields["satuan_hasil"].value),
            },
        )
        self.live = widgets.HTML()
        self.table_msg = widgets.HTML()
        self.costs_box = card(
            [self.costs_title, self.costs_help, self.editor.widget, self.table_msg, self.live]
        )

    def _create_result(self) -> None:
        self.result_title = widgets.HTML()
        self.big = widgets.HTML()
        self.figures = widgets.HTML()
        self.breakdown = widgets.HTML()
        self.result_box = card([self.result_title, self.big, self.figures, self.breakdown])

    def _create_price(self) -> None:
        self.price_title = widgets.HTML()
        self.persen = text_field(value="30")
        self.kelipatan = widgets.Dropdown(options=[("", 1)], value=1, layout=wide())
        self.rencana = text_field()
        self.price_msg = widgets.HTML()
        self.ways = widgets.HTML()
        self.trap = widgets.HTML()
        self.planned = widgets.HTML()
        for widget in (self.persen, self.kelipatan, self.rencana):
            self.on(widget, self._price_changed)
        self.price_box = card(
            [
                self.price_title,
                self.persen,
                self.kelipatan,
                self.price_msg,
                self.ways,
                self.trap,
                self.rencana,
                self.planned,
            ],
            "dk-form",
        )

    def _create_chart(self) -> None:
        self.chart_title = widgets.HTML()
        self.per = widgets.ToggleButtons(options=[("", "kategori"), ("", "item")])
        self.on(self.per, self._per_changed)
        self.chart = image()
        self.chart_box = card([self.chart_title, self.per, self.chart])

    def _create_files(self) -> None:
        self.files_title = widgets.HTML()
        self.files_help = widgets.HTML()
        self.upload = widgets.FileUpload(
            accept=".xlsx,.csv", multiple=False, layout=widgets.Layout(width="auto")
        )
        self.export_button = widgets.Button(icon="download", layout=widgets.Layout(width="auto"))
        self.export_link = widgets.HTML()
        self.file_msg = widgets.HTML()
        self.on(self.upload, self._uploaded)
        self.on_click(self.export_button, self._export)
        self.files_box = card(
            [
                self.files_title,
                self.files_help,
                row([self.upload, self.export_button]),
                self.file_msg,
                self.export_link,
            ]
        )

    # --- texts ----------------------------------------------------------------------------
    def redraw(self) -> None:
        quiet, self._quiet = self._quiet, True
        try:
            self._follow_language()
            self._draw_header()
            self.example_title.value = f"<h2>{esc(t('biz.app.hpp.example_title'))}</h2>"
            chosen = self.example.value
            self.example.options = [
                (business.contoh_produk(kode)["batch"]["nama"], kode)
                for kode in business.CONTOH_PRODUK
            ]
            self.example.value = chosen
            self.example.description = t("biz.app.hpp.example")
            self.example.style.description_width = "auto"
            self.batch_title.value = f"<h2>{esc(t('biz.app.hpp.batch_title'))}</h2>"
            self.batch_help.value = f"<p class='dk-muted'>{esc(t('biz.app.hpp.batch_help'))}</p>"
            for name, widget in self.fields.items():
                label(widget, f"biz.field.{name}", f"biz.app.hpp.ph.{name}")
            self.costs_title.value = f"<h2>{esc(t('biz.app.hpp.costs_title'))}</h2>"
            self.costs_help.value = f"<p class='dk-muted'>{esc(t('biz.app.hpp.costs_help'))}</p>"
            if getattr(self, "_drawn_lang", None) not in (None, i18n.get_language()):
                self.editor.redraw()  # cards rebuilt with labels in the new language
            else:
                self.editor.relabel()
            self._drawn_lang = i18n.get_language()
            self.result_title.value = f"<h2>{esc(t('biz.app.hpp.result_title'))}</h2>"
            self.price_title.value = f"<h2>{esc(t('biz.app.hpp.price_title'))}</h2>"
            label(self.persen, "biz.field.laba_pct", "biz.app.hpp.ph.persen")
            label(self.kelipatan, "biz.field.kelipatan_rp")
            step = self.kelipatan.value
            self.kelipatan.options = [
                (t("biz.app.hpp.no_rounding") if k == 1 else format_rp(k), k) for k in KELIPATAN
            ]
            self.kelipatan.value = step
            label(self.rencana, "biz.field.harga_rencana_rp", "biz.app.hpp.ph.rencana")
            self.chart_title.value = f"<h2>{esc(t('biz.app.hpp.chart_title'))}</h2>"
            per = self.per.value
            self.per.options = [(t(f"biz.app.hpp.per_{p}"), p) for p in PER]
            self.per.value = per
            self.files_title.value = f"<h2>{esc(t('biz.app.files_title'))}</h2>"
            self.files_help.value = f"<p class='dk-muted'>{esc(t('biz.app.hpp.files_help'))}</p>"
            self.upload.description = t("biz.app.upload")
            self.export_button.description = t("biz.app.export")
            self._draw_example_button()
        finally:
            self._quiet = quiet
        self._draw()

    def _follow_language(self) -> None:
        """An example nobody has changed follows the language (its names are translated)."""
        if self.batch is None or self.contoh is None:
            return
        if business.sama_dengan_contoh(self.batch) != self.contoh:
            return
        for lang in i18n.LANGUAGES:
            if self.batch["nama"] == business.contoh_produk(self.contoh, lang)["batch"]["nama"]:
                self.set_state({"batch": business.contoh_produk(self.contoh)["batch"]})
                self.batch = business.check_batch(business.contoh_produk(self.contoh)["batch"])
                self.hpp = business.cost_of_goods(self.batch)
                return

    def _draw_example_button(self) -> None:
        key = "biz.app.hpp.example_confirm" if self._confirm_example else "biz.app.hpp.use_example"
        self.example_button.description = t(key)
        self.example_button.button_style = "warning" if self._confirm_example else ""

    # --- state ----------------------------------------------------------------------------
    def set_state(self, data: dict) -> None:
        """Fill the widgets from saved data (unknown or malformed parts are skipped)."""
        quiet, self._quiet = self._quiet, True
        try:
            batch = data.get("batch")
            if isinstance(batch, dict):
                for name in BATCH_TEXT:
                    value = batch.get(name)
                    self.fields[name].value = value if isinstance(value, str) else ""
                for name in (*BATCH_NUMBERS, "susut_pct"):
                    value = batch.get(name)
                    ok = isinstance(value, int | float) and not isinstance(value, bool)
                    self.fields[name].value = shown_number(value) if ok else ""
                rows = batch.get("biaya")
                try:  # every row shows how it is counted, also where it took the default
                    rows = business.check_batch(batch)["biaya"]
                except InputError:
                    pass
                self.editor.set_rows(rows if isinstance(rows, list) else [])
            if "contoh" in data:
                kode = data.get("contoh")
                self.contoh = kode if kode in business.CONTOH_PRODUK else None
                if self.contoh is not None:
                    self.example.value = self.contoh
            form = data.get("harga_form")
            if isinstance(form, dict):
                if isinstance(form.get("persen"), str):
                    self.persen.value = form["persen"]
                if form.get("kelipatan_rp") in KELIPATAN:
                    self.kelipatan.value = form["kelipatan_rp"]
                if isinstance(form.get("rencana"), str):
                    self.rencana.value = form["rencana"]
            if data.get("per") in PER:
                self.per.value = data["per"]
        finally:
            self._quiet = quiet

    def read_batch(self) -> dict:
        """The batch on screen (raises ``TableError`` for unreadable cells, ``InputError`` for
        an unreadable field; the rules check the rest)."""
        frame = self.editor.frame()
        batch = {name: self.fields[name].value for name in BATCH_TEXT}
        for name in BATCH_NUMBERS:
            batch[name] = read_number(self.fields[name], f"biz.field.{name}")
        batch["susut_pct"] = read_pct(self.fields["susut_pct"], "biz.field.susut_pct")
        batch["biaya"] = business.biaya_dari_tabel(frame)
        return batch

    def state(self) -> dict:
        """What is saved: the batch, the price form as typed, the chart choice, and the results
        the workshop reads (:func:`business.ringkasan_kerja`)."""
        hpp, harga = self.hpp, self.harga
        hasil = {
            "hpp_per_unit_rp": business.bulatkan_rp(hpp.hpp_per_unit_rp),
            "nama_unit": hpp.nama_unit,
            "biaya_variabel_per_unit_rp": business.bulatkan_rp(hpp.biaya_variabel_per_unit_rp),
            "biaya_tetap_per_bulan_rp": hpp.biaya_tetap_per_bulan_rp,
            "contoh": self.example_code,
            "harga_margin_rp": harga.harga_margin_rp if harga else None,
            "harga_markup_rp": harga.harga_markup_rp if harga else None,
            "harga_rencana_rp": harga.harga_rencana_rp if harga else None,
            "margin_rencana_pct": harga.margin_rencana_pct if harga else None,
        }
        return {
            "version": 1,
            "contoh": self.contoh,
            "batch": self.batch,
            "harga_form": {
                "persen": self.persen.value,
                "kelipatan_rp": self.kelipatan.value,
                "rencana": self.rencana.value,
            },
            "per": self.per.value,
            "hasil": hasil,
        }

    # --- reacting -------------------------------------------------------------------------
    def _changed(self, _change=None) -> None:
        if not self._quiet:
            self.update()

    def update(self, save: bool = True) -> None:
        """Read the batch, compute the HPP and the prices, draw, save. A value that cannot be
        used is explained under the table; the last good result stays on screen, unsaved."""
        self.export_link.value = ""
        try:
            batch = business.check_batch(self.read_batch())
            example = business.sama_dengan_contoh(batch)
            batch["ilustrasi"] = example is not None
            hpp = business.cost_of_goods(batch)
        except TableError as err:
            self.table_msg.value = form_problems_html(err)
            self._mark_unsaved()
            return
        except InputError as err:
            self.table_msg.value = message_html("error", esc(str(err)))
            self._mark_unsaved()
            return
        self.table_msg.value = ""
        self.batch, self.hpp, self.example_code = batch, hpp, example
        self._compute_price()
        self._draw()
        if save:
            self.autosave(self.state())

    def _mark_unsaved(self) -> None:
        if self.participant is not None:
            self.bar.mark_unsaved()

    def _compute_price(self) -> None:
        self.price_msg.value = ""
        self.harga = None
        try:
            persen = read_pct(self.persen, "biz.field.laba_pct")
            rencana = read_rp(self.rencana, "biz.field.harga_rencana_rp", required=False)
            self.harga = business.analisis_harga(
                self.hpp.hpp_per_unit_rp, persen, self.kelipatan.value, rencana
            )
        except InputError as err:
            self.price_msg.value = message_html("error", esc(str(err)))

    def _price_changed(self, _change) -> None:
        if self._quiet or self.hpp is None:
            return
        self._compute_price()
        self._draw_price()
        self.export_link.value = ""
        self.autosave(self.state())

    def _per_changed(self, _change) -> None:
        if self._quiet or self.hpp is None:
            return
        self._draw_chart()
        self.autosave(self.state())

    def _reset_confirm(self) -> None:
        if self._confirm_example:
            self._confirm_example = False
            self.example_msg.value = ""
            self._draw_example_button()

    def _use_example(self, _button) -> None:
        """Replace the table by an example; a table the participant changed asks first."""
        kode = self.example.value
        changed = self.batch is not None and self.example_code is None
        if changed and not self._confirm_example:
            self._confirm_example = True
            self.example_msg.value = message_html("warn", esc(t("biz.app.hpp.example_warn")))
            self._draw_example_button()
            return
        self._confirm_example = False
        self.contoh = kode
        self.set_state({"batch": business.contoh_produk(kode)["batch"]})
        self.update()
        name = business.contoh_produk(kode)["batch"]["nama"]
        self.example_msg.value = message_html("ok", esc(t("biz.app.hpp.example_done", nama=name)))
        self._draw_example_button()

    # --- files ----------------------------------------------------------------------------
    def _uploaded(self, change) -> None:
        files = change["new"]
        if self._quiet or not files:
            return
        upload = files[0]
        name = upload.get("name") if isinstance(upload, dict) else upload.name
        content = upload.get("content") if isinstance(upload, dict) else upload.content
        try:
            self.import_file(bytes(content), str(name))
        finally:
            quiet, self._quiet = self._quiet, True
            try:
                self.upload.value = ()
            finally:
                self._quiet = quiet

    def import_file(self, content: bytes, filename: str) -> bool:
        """Replace the cost rows by those of an Excel/CSV file. On any problem every problem
        is listed and nothing changes (the saved table stays)."""
        tail = t("biz.app.nothing_changed")
        try:
            rows = business.biaya_dari_tabel(
                read_table(content, business.BIAYA_SCHEMA, filename=filename)
            )
        except TableError as err:
            self.file_msg.value = problems_html(err, tail=tail)
            return False
        try:
            base = self.batch if self.batch is not None else self.read_batch()
            business.cost_of_goods({**base, "biaya": rows, "ilustrasi": False})
        except (InputError, TableError) as err:
            text = t("biz.app.file_unusable", file=filename, detail=str(err))
            self.file_msg.value = message_html("error", f"{esc(text)}<p>{esc(tail)}</p>")
            return False
        quiet, self._quiet = self._quiet, True
        try:
            self.editor.set_rows(rows)
        finally:
            self._quiet = quiet
        self.update()
        self.file_msg.value = message_html(
            "ok", esc(t("biz.app.hpp.imported", n=format_number(len(rows)), file=filename))
        )
        return True

    def excel(self) -> bytes:
        """The workbook of what is on screen (``business.hpp_xlsx``)."""
        return business.hpp_xlsx(self.batch, self.hpp, self.harga)

    def _export(self, _button) -> None:
        if self.hpp is None:
            return
        self.export_link.value = download_link(
            self.excel(),
            f"hpp-{_slug(self.hpp.nama)}.xlsx",
            XLSX_MIME,
            t("biz.app.download", file=f"hpp-{_slug(self.hpp.nama)}.xlsx"),
        )

    # --- drawing --------------------------------------------------------------------------
    def _draw(self) -> None:
        self.draw_note(self.batch is None or self.example_code is not None)
        self._draw_result()
        self._draw_price()
        self._draw_chart()

    def _draw_result(self) -> None:
        hpp = self.hpp
        if hpp is None:
            self.live.value = self.big.value = self.figures.value = self.breakdown.value = ""
            return
        hpp_text = t("biz.app.hpp.big", rp=_rp(hpp.hpp_per_unit_rp), unit=hpp.nama_unit)
        self.live.value = f"<div class='dk-sentence' data-testid='hpp-live'>{esc(hpp_text)}</div>"
        self.big.value = f"<div class='dk-big' data-testid='hpp'>{esc(hpp_text)}</div>"
        tetap = t("biz.app.hpp.fixed_value", rp=format_rp(hpp.biaya_tetap_per_bulan_rp))
        if hpp.penyusutan_per_bulan_rp:
            tetap = t(
                "biz.app.hpp.fixed_with_dep",
                rp=format_rp(hpp.biaya_tetap_per_bulan_rp),
                dep=format_rp(hpp.penyusutan_per_bulan_rp),
            )
        self.figures.value = figures_html(
            [
                (t("biz.app.hpp.per_batch"), format_rp(hpp.total_per_batch_rp)),
                (
                    t("biz.app.hpp.units"),
                    f"{format_number(hpp.unit_per_batch)} {hpp.nama_unit}",
                ),
                (
                    t("biz.app.hpp.variable", unit=hpp.nama_unit),
                    _rp(hpp.biaya_variabel_per_unit_rp),
                ),
                (t("biz.app.hpp.fixed"), tetap),
            ]
        )
        keys = ("biz.col.nama", "biz.col.per_batch_rp", "biz.col.per_unit_rp", "biz.col.porsi_pct")
        head = "".join(f"<th>{esc(t(key))}</th>" for key in keys)
        body = "".join(
            f"<tr><td>{esc(item.nama)}<br><span class='dk-muted'>"
            f"{esc(t(f'biz.kategori.{item.kategori}'))}</span></td>"
            f"<td>{esc(format_rp(item.per_batch_rp))}</td><td>{esc(_rp(item.per_unit_rp))}</td>"
            f"<td>{esc(_pct(item.porsi_pct))}</td></tr>"
            for item in hpp.rincian
        )
        total = (
            f"<tr class='dk-total'><td>{esc(t('excel.total'))}</td>"
            f"<td>{esc(format_rp(hpp.total_per_batch_rp))}</td>"
            f"<td>{esc(_rp(hpp.hpp_per_unit_rp))}</td><td>100%</td></tr>"
        )
        self.breakdown.value = (
            "<div class='dk-tablewrap'><table class='dk-table' data-testid='rincian'>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}{total}</tbody></table></div>"
        )

    def _draw_price(self) -> None:
        harga, hpp = self.harga, self.hpp
        if harga is None or hpp is None:
            self.ways.value = self.trap.value = self.planned.value = ""
            return
        unit = hpp.nama_unit
        persen = _pct(harga.persen)
        margin_text = t(
            "biz.app.hpp.way_margin_text",
            laba=_rp(harga.laba_margin_rp),
            unit=unit,
            pct=persen,
            markup=_pct(harga.markup_margin_pct),
        )
        markup_text = t(
            "biz.app.hpp.way_markup_text",
            laba=_rp(harga.laba_markup_rp),
            unit=unit,
            margin=_pct(harga.margin_markup_pct),
        )
        boxes = (
            ("margin", t("biz.app.hpp.way_margin", pct=persen), harga.harga_margin_rp, margin_text),
            ("markup", t("biz.app.hpp.way_markup", pct=persen), harga.harga_markup_rp, markup_text),
        )
        self.ways.value = (
            "<div class='dk-compare'>"
            + "".join(
                f"<div class='dk-way dk-way-{kind}' data-testid='harga-{kind}'>"
                f"<p><b>{esc(title)}</b></p><p class='dk-price'>{esc(format_rp(price))}</p>"
                f"<p>{esc(text)}</p></div>"
                for kind, title, price, text in boxes
            )
            + "</div>"
        )
        self.trap.value = message_html("info", "⚠ " + esc(business.margin_vs_markup()))
        if harga.harga_rencana_rp is None:
            self.planned.value = ""
            return
        if harga.rugi:
            text = t(
                "biz.app.hpp.planned_loss",
                harga=_rp(harga.harga_rencana_rp),
                rugi=_rp(-harga.laba_rencana_rp),
                unit=unit,
            )
            self.planned.value = (
                f"<div data-testid='harga-rencana'>{message_html('error', esc(text))}</div>"
            )
            return
        text = t(
            "biz.app.hpp.planned",
            harga=_rp(harga.harga_rencana_rp),
            laba=_rp(harga.laba_rencana_rp),
            unit=unit,
            margin=_pct(harga.margin_rencana_pct),
            markup=_pct(harga.markup_rencana_pct),
        )
        self.planned.value = (
            f"<div class='dk-sentence' data-testid='harga-rencana'>{esc(text)}</div>"
        )

    def _draw_chart(self) -> None:
        hpp, per = self.hpp, self.per.value
        if hpp is None:
            clear_chart(self.chart)
            return
        show_chart(
            self.chart,
            (repr(hpp.to_dict()), per),
            lambda: charts_module().chart_porsi_biaya(hpp, per=per, lebar_inci=CHART_WIDTH_INCI),
        )
