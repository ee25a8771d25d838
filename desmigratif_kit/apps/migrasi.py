"""Pillar 1 apps (*layanan migrasi*): Cek Kesiapan CPMI, Waspada Calo, Buku Register Desa.

The apps read widgets, call :mod:`desmigratif_kit.migration` (rules, red flags, the register)
and :mod:`desmigratif_kit.migration_cards` (the scenario cards, the saved register), and draw
what comes back. Every text a participant typed is escaped; identity numbers are masked in
every display and in the Excel export.

Dates are typed as text (``12/09/2017``) and read by :func:`i18n.parse_date`, not picked with
a ``DatePicker``: on phones the browser's date picker differs from one device to the next and
is slow for a birth date 25 years back, while typing follows the same rule as every other date
in the kit (and its error message says what was expected and what was given). Text fields that
are parsed update when the field is left or Enter is pressed (``continuous_update=False``), so a
half-typed date is never reported as an error.
"""

from __future__ import annotations

import base64
import re
from datetime import date

import ipywidgets as widgets
import pandas as pd

from desmigratif_kit import i18n, migration
from desmigratif_kit import migration_cards as cards
from desmigratif_kit.apps.base import App, LanguageSwitch, esc, message_html
from desmigratif_kit.data import TableError
from desmigratif_kit.i18n import InputError, format_date, format_number, format_rp, t

ALERT_LIMIT = 5
"""Names listed in each register alert before "and N more"."""
PAGE_ROWS = 20
"""Register rows per table page (a phone scrolls; a projector stays readable)."""
CHART_WIDTH_INCI = 4.4
CHART_DPI = 160
"""The register charts are drawn 4.4 inches wide (so that their 9-13 point text stays
readable when the picture shrinks to the width of a phone, about 340 px) at 160 dpi (704 px:
sharp on a 640 px wide screen)."""
LABEL_WIDTH = "15em"
"""Width of form labels on a wide screen (on a phone the label goes above its field)."""
CHOICE_LIMIT = 200
NEW = -1
"""The edit drop-down's value for "a new entry"."""
"""Entries offered in the edit drop-down (narrow it with the search box)."""

_CSS = """
.dk-app .widget-html-content { line-height: 1.45; }
.dk-app .dk-flags .widget-checkbox, .dk-app .dk-docs .widget-checkbox { width: 100%; height: auto; }
.dk-app .dk-flags .widget-checkbox label, .dk-app .dk-docs .widget-checkbox label {
  white-space: normal; overflow: visible; text-overflow: clip; line-height: 1.3; }
.dk-app .dk-flags .widget-checkbox, .dk-app .dk-docs .widget-checkbox { margin: 3px 0; }
.dk-status { font-size: 1.25em; font-weight: bold; padding: 8px 12px; border-radius: 8px;
  margin: 6px 0; }
.dk-ready { background: #e8f5ec; color: #1b5e2f; border: 2px solid #1b7a3a; }
.dk-notready { background: #fdecea; color: #8a1c12; border: 2px solid #c0392b; }
.dk-pending { background: #eef4f8; color: #1d3b55; border: 2px solid #c9dcea; }
.dk-find { border-left: 5px solid #c9dcea; padding: 4px 10px; margin: 6px 0; }
.dk-find-tanda_bahaya { border-left-color: #c0392b; background: #fff6f5; }
.dk-find-syarat { border-left-color: #e0a100; background: #fffbef; }
.dk-find-perhatian { border-left-color: #2d7fc1; background: #f3f8fc; }
.dk-find p { margin: 2px 0; }
.dk-law { color: #4a5663; font-size: 0.9em; }
.dk-ok-list { columns: 2 16em; padding-left: 0.2em; list-style: none; }
.dk-app .dk-flags input[type=checkbox], .dk-app .dk-docs input[type=checkbox] {
  width: 20px; height: 20px; flex: none; }
.dk-download { display: inline-block; padding: 8px 14px; background: #0b5cad;
  color: #fff !important;
  border-radius: 6px; text-decoration: none; font-weight: bold; margin: 6px 0; }
.dk-tablewrap { overflow-x: auto; max-width: 100%; }
.dk-table { border-collapse: collapse; font-size: 0.92em; }
.dk-table th, .dk-table td { border-bottom: 1px solid #d5dde5; padding: 4px 8px; text-align: left;
  white-space: nowrap; }
.dk-table th { background: #eef4f8; }
.dk-story { font-size: 1.05em; background: #fffdf5; border: 1px solid #eadfb8; border-radius: 8px;
  padding: 10px 14px; }
.dk-score { font-size: 1.1em; }
.dk-app .dk-form .widget-text, .dk-app .dk-form .widget-dropdown,
.dk-app .dk-form .widget-combobox { width: 100%; max-width: 560px; }
.dk-app img.dk-chart, .dk-app .dk-chart img { max-width: 100%; height: auto; }
"""


def _css() -> widgets.HTML:
    return widgets.HTML(f"<style>{_CSS}</style>", layout=widgets.Layout(display="none"))


def _wide(**extra) -> widgets.Layout:
    return widgets.Layout(width="100%", max_width="560px", **extra)


def _row() -> widgets.Layout:
    return widgets.Layout(flex_flow="row wrap", align_items="center", width="100%")


def _card(children, css: str | None = None) -> widgets.VBox:
    box = widgets.VBox(children, layout=widgets.Layout(width="100%"))
    box.add_class("dk-card")
    if css:
        box.add_class(css)
    return box


def _data_link(content: bytes, filename: str, mime: str, label: str) -> str:
    """An ``<a download>`` with the file in a base64 data URI (works offline in Voila)."""
    b64 = base64.b64encode(content).decode("ascii")
    return (
        f'<a class="dk-download" download="{esc(filename)}" '
        f'href="data:{mime};base64,{b64}">⬇ {esc(label)}</a>'
    )


def _slug(text: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", text or "").strip("-").lower()
    return slug[:40] or "calon"


def _finding_html(finding: migration.Finding, lang: str | None = None) -> str:
    teks = finding.teks(lang)
    return (
        f'<div class="dk-find dk-find-{esc(finding.jenis)}">'
        f"<p><b>{esc(teks['judul'])}</b></p>"
        f"<p>{esc(teks['penjelasan'])}</p>"
        f"<p><b>{esc(t('mig.next_step', lang))}:</b> {esc(teks['langkah'])}</p>"
        f"<p class='dk-law'>{esc(t('mig.legal_basis', lang))}: {esc(teks['dasar_hukum'])}</p>"
        "</div>"
    )


class _MigrasiApp(App):
    """Shared layout: header with title and language switch, the message under the header."""

    title_key = "app.cek_kesiapan"
    intro_key = "mig.cek.intro"

    def _create_header(self) -> None:
        self.title = widgets.HTML()
        self.lang = LanguageSwitch()
        self.intro = widgets.HTML()
        self.header = widgets.VBox(
            [
                widgets.HBox(
                    [self.title, self.lang.widget],
                    layout=widgets.Layout(
                        flex_flow="row wrap",
                        align_items="center",
                        justify_content="space-between",
                        width="100%",
                    ),
                ),
                self.intro,
            ],
            layout=widgets.Layout(width="100%"),
        )

    def _draw_header(self) -> None:
        self.title.value = f"<h1>{esc(t(self.title_key))}</h1>"
        self.intro.value = f"<p>{esc(t(self.intro_key))}</p>"

    def _finish_with(self, top: list, rest: list) -> None:
        """Like ``App._finish``, with the message area right under ``top`` (visible)."""
        self._finish([_css(), *top, self.message, *rest])


# =========================================================================================
# Cek Kesiapan CPMI
# =========================================================================================


class CekKesiapanApp(_MigrasiApp):
    """Is a prospective migrant worker (CPMI) ready to leave? ``migration.check_readiness``.

    ``CekKesiapanApp(kode="ABC234")`` restores the participant's saved form.
    """

    app_id = "cek_kesiapan"
    title_key = "app.cek_kesiapan"
    intro_key = "mig.cek.intro"
    TEXT_FIELDS = ("nama", "tanggal_lahir", "tanggal_berangkat", "jabatan", "biaya", "negara")

    def __init__(self, kode: str | None = None, store=None, today: date | None = None):
        super().__init__(kode=kode, store=store)
        self.today = today
        self.hasil: migration.HasilKesiapan | None = None
        self.valid_form: dict | None = None
        self._quiet = True
        self._create_header()
        self._create_form()
        self._create_result()
        self._finish_with([self.header, self.form], [self.result_box])
        self.redraw()
        saved = self.load_saved()
        if saved is not None:
            self.set_form(saved.data.get("form") or {})
        self._quiet = False
        self.callback(self._update)(None, save=False)

    # --- building -----------------------------------------------------------------------
    def _create_form(self) -> None:
        self.nama = widgets.Text(layout=_wide(), continuous_update=False)
        self.tanggal_lahir = widgets.Text(layout=_wide(), continuous_update=False)
        self.tanggal_berangkat = widgets.Text(layout=_wide(), continuous_update=False)
        self.dokumen = {
            kode: widgets.Checkbox(value=False, indent=False, layout=widgets.Layout(width="100%"))
            for kode in migration.DOKUMEN_PASAL_13
        }
        self.bpjs = widgets.Checkbox(value=False, indent=False, layout=widgets.Layout(width="100%"))
        self.opp = widgets.Checkbox(value=False, indent=False, layout=widgets.Layout(width="100%"))
        self.jalur = widgets.Dropdown(options=[("", "p3mi")], value="p3mi", layout=_wide())
        self.visa = widgets.Dropdown(options=[("", "tidak_ada")], value="tidak_ada", layout=_wide())
        self.jabatan = widgets.Combobox(
            options=[], ensure_option=False, continuous_update=False, layout=_wide()
        )
        self.biaya = widgets.Text(layout=_wide(), continuous_update=False)
        self.negara = widgets.Text(layout=_wide(), continuous_update=False)
        self.docs_title = widgets.HTML()
        self.questions_title = widgets.HTML()
        docs = widgets.VBox(list(self.dokumen.values()), layout=widgets.Layout(width="100%"))
        docs.add_class("dk-docs")
        checks = widgets.VBox([self.bpjs, self.opp], layout=widgets.Layout(width="100%"))
        checks.add_class("dk-docs")
        self.form = _card(
            [
                self.nama, self.tanggal_lahir, self.tanggal_berangkat,
                self.docs_title, docs,
                self.questions_title, checks, self.jalur, self.visa, self.jabatan, self.biaya,
                self.negara,
            ],
            "dk-form",
        )  # fmt: skip
        for widget in self._inputs():
            self.on(widget, self._update)

    def _inputs(self) -> list[widgets.Widget]:
        return [
            self.nama, self.tanggal_lahir, self.tanggal_berangkat, *self.dokumen.values(),
            self.bpjs, self.opp, self.jalur, self.visa, self.jabatan, self.biaya, self.negara,
        ]  # fmt: skip

    def _create_result(self) -> None:
        self.status = widgets.HTML()
        self.hasil_html = widgets.HTML()
        self.unduh = widgets.HTML()
        self.result_box = _card([self.status, self.unduh, self.hasil_html])

    # --- texts --------------------------------------------------------------------------
    def redraw(self) -> None:
        quiet, self._quiet = self._quiet, True
        try:
            self._draw_header()
            labels = {
                self.nama: ("mig.cek.nama", "mig.cek.nama_ph"),
                self.tanggal_lahir: ("mig.cek.lahir", "mig.date_ph"),
                self.tanggal_berangkat: ("mig.cek.berangkat", "mig.date_ph"),
                self.jabatan: ("mig.cek.jabatan", "mig.cek.jabatan_ph"),
                self.biaya: ("mig.cek.biaya", "mig.cek.biaya_ph"),
                self.negara: ("mig.cek.negara", "mig.cek.negara_ph"),
                self.jalur: ("mig.cek.jalur", None),
                self.visa: ("mig.cek.visa", None),
            }
            for widget, (label, placeholder) in labels.items():
                widget.description = t(label)
                widget.style.description_width = LABEL_WIDTH
                if placeholder:
                    widget.placeholder = t(placeholder)
            lang = i18n.get_language()
            for kode, box in self.dokumen.items():
                box.description = migration.RULES[kode].teks(lang)["judul"]
            self.bpjs.description = t("mig.cek.bpjs")
            self.opp.description = t("mig.cek.opp")
            self.docs_title.value = f"<h3>{esc(t('mig.cek.docs_title'))}</h3>"
            self.questions_title.value = f"<h3>{esc(t('mig.cek.questions_title'))}</h3>"
            jalur, visa = self.jalur.value, self.visa.value
            self.jalur.options = [(t(f"mig.jalur.{k}"), k) for k in migration.JALUR]
            self.visa.options = [(t(f"mig.visa.{k}"), k) for k in migration.VISA]
            self.jalur.value, self.visa.value = jalur, visa
            self.jabatan.options = [label for label in self._job_labels(lang)]
        finally:
            self._quiet = quiet
        self._draw()

    @staticmethod
    def _job_labels(lang: str) -> list[str]:
        index = 1 if lang == "en" else 0
        return [labels[index] for labels in migration.JABATAN_BEBAS_BIAYA.values()]

    # --- form state ---------------------------------------------------------------------
    def form_values(self) -> dict:
        """What the form holds, as typed (JSON-ready; this is what is saved)."""
        return {
            "nama": self.nama.value,
            "tanggal_lahir": self.tanggal_lahir.value,
            "tanggal_berangkat": self.tanggal_berangkat.value,
            "dokumen": [k for k, box in self.dokumen.items() if box.value],
            "bpjs": self.bpjs.value,
            "opp": self.opp.value,
            "jalur": self.jalur.value,
            "visa": self.visa.value,
            "jabatan": self.jabatan.value,
            "biaya": self.biaya.value,
            "negara": self.negara.value,
        }

    def set_form(self, form: dict) -> None:
        """Fill the form from saved values (unknown or malformed values are skipped)."""
        quiet, self._quiet = self._quiet, True
        try:
            for name in self.TEXT_FIELDS:
                value = form.get(name)
                if isinstance(value, str):
                    getattr(self, name).value = value
            held = set(form.get("dokumen") or [])
            for kode, box in self.dokumen.items():
                box.value = kode in held
            self.bpjs.value = bool(form.get("bpjs"))
            self.opp.value = bool(form.get("opp"))
            if form.get("jalur") in migration.JALUR:
                self.jalur.value = form["jalur"]
            if form.get("visa") in migration.VISA:
                self.visa.value = form["visa"]
        finally:
            self._quiet = quiet

    def _job_code_or_text(self, text: str) -> str:
        for kode, labels in migration.JABATAN_BEBAS_BIAYA.items():
            if text.strip().casefold() in (label.casefold() for label in labels):
                return kode
        return text

    def candidate(self) -> tuple[dict | None, list[str]]:
        """The ``check_readiness`` input from the form, and the labels of fields still empty.

        Raises :class:`InputError` for a value that cannot be read (a date like 31/02/2017).
        """
        form = self.form_values()
        missing = []
        dates = {}
        for name, label in (
            ("tanggal_lahir", "mig.cek.lahir"),
            ("tanggal_berangkat", "mig.cek.berangkat"),
        ):
            text = form[name].strip()
            if text:
                dates[name] = i18n.parse_date(text, field=t(label))
            else:
                missing.append(t(label))
        biaya = form["biaya"].strip()
        biaya_rp = i18n.parse_rp(biaya, field=t("mig.cek.biaya")) if biaya else 0
        if biaya_rp < 0:
            raise InputError(
                "input.out_of_range",
                expected="expected.min",
                min=format_rp(0),
                given=biaya,
                field=t("mig.cek.biaya"),
            )
        if not form["jabatan"].strip():
            missing.append(t("mig.cek.jabatan"))
        if missing:
            return None, missing
        candidate = {
            **dates,
            "dokumen": form["dokumen"],
            "bpjs": form["bpjs"],
            "opp": form["opp"],
            "jalur": form["jalur"],
            "visa": form["visa"],
            "jabatan": self._job_code_or_text(form["jabatan"]),
            "biaya_penempatan_rp": biaya_rp,
        }
        if form["negara"].strip():
            candidate["negara_tujuan"] = form["negara"].strip()
        return candidate, []

    # --- reacting ---------------------------------------------------------------------------
    def _update(self, change, save: bool = True) -> None:
        if self._quiet:
            return
        try:
            candidate, missing = self.candidate()
            self.hasil = migration.check_readiness(candidate) if candidate else None
        except InputError:
            if self.participant is not None:
                self.bar.mark_unsaved()
            raise  # shown by the callback wrapper; the last valid result stays on screen
        self.clear_message()
        self.missing = missing
        self.valid_form = self.form_values()
        self._draw()
        if save:
            self.autosave({"form": self.valid_form})

    # --- drawing ----------------------------------------------------------------------------
    def _draw(self) -> None:
        if getattr(self, "valid_form", None) is None:
            self.status.value = ""
            self.hasil_html.value = ""
            self.unduh.value = ""
            return
        lang = i18n.get_language()
        hasil = self.hasil
        if hasil is None:
            fields = ", ".join(self.missing)
            self.status.value = (
                f'<div class="dk-status dk-pending" data-testid="status">'
                f"{esc(t('mig.cek.incomplete', fields=fields))}</div>"
            )
            self.hasil_html.value = ""
            self.unduh.value = ""
            return
        self.status.value = self._status_html(hasil)
        parts = [f"<p>{esc(t('mig.cek.age', usia=hasil.usia))}</p>"]
        sections = (
            ("mig.cek.red_flags", hasil.tanda_bahaya),
            ("mig.cek.unmet", hasil.kurang),
            ("mig.cek.cautions", hasil.perhatian),
        )
        for key, codes in sections:
            if codes:
                parts.append(f"<h3>{esc(t(key, count=len(codes)))}</h3>")
                parts += [_finding_html(hasil.penjelasan(code), lang) for code in codes]
        met = [code for code in migration.SYARAT if code not in hasil.kurang]
        if met:
            items = "".join(
                f"<li>✓ {esc(migration.RULES[c].teks(lang)['judul'])}</li>" for c in met
            )
            parts.append(
                f"<h3>{esc(t('mig.cek.met', count=len(met)))}</h3>"
                f"<ul class='dk-ok-list'>{items}</ul>"
            )
        self.hasil_html.value = "".join(parts)
        page = checklist_html(self.valid_form, hasil, today=self.today or date.today(), lang=lang)
        self.unduh.value = (
            _data_link(
                page.encode("utf-8"),
                f"cek-kesiapan-{_slug(self.valid_form.get('nama', ''))}.html",
                "text/html;charset=utf-8",
                t("mig.cek.download"),
            )
            + f"<p class='dk-muted'>{esc(t('mig.cek.download_hint'))}</p>"
        )

    @staticmethod
    def _status_html(hasil: migration.HasilKesiapan) -> str:
        if hasil.siap:
            text, css = "✓ " + t("mig.cek.ready"), "dk-ready"
        else:
            text = "✗ " + t(
                "mig.cek.not_ready", unmet=len(hasil.kurang), flags=len(hasil.tanda_bahaya)
            )
            css = "dk-notready"
        return f'<div class="dk-status {css}" data-testid="status">{esc(text)}</div>'


def checklist_html(
    form: dict, hasil: migration.HasilKesiapan, today: date, lang: str | None = None
) -> str:
    """The printable checklist for the candidate's family: a whole HTML page.

    Shows the candidate's name (escaped), every requirement met or not, the red flags and
    cautions with their articles and next steps, and the date in Indonesian format.
    """
    lang = lang or i18n.get_language()
    name = form.get("nama", "").strip() or t("mig.cek.no_name", lang)
    rows = []
    for code in migration.SYARAT:
        teks = migration.RULES[code].teks(lang)
        ok = code not in hasil.kurang
        mark = "☑" if ok else "☐"
        state = t("mig.cek.met_one" if ok else "mig.cek.unmet_one", lang)
        step = "" if ok else esc(teks["langkah"])
        rows.append(
            f"<tr class='{'ok' if ok else 'no'}'><td class='mark'>{mark}</td>"
            f"<td><b>{esc(teks['judul'])}</b><br><small>{esc(teks['dasar_hukum'])}</small></td>"
            f"<td>{esc(state)}</td><td>{step}</td></tr>"
        )
    findings = "".join(
        _finding_html(migration.RULES[c], lang) for c in (*hasil.tanda_bahaya, *hasil.perhatian)
    )
    if hasil.siap:
        status = "✓ " + t("mig.cek.ready", lang)
    else:
        status = "✗ " + t(
            "mig.cek.not_ready", lang, unmet=len(hasil.kurang), flags=len(hasil.tanda_bahaya)
        )
    form_facts = [
        (t("mig.cek.lahir", lang), form.get("tanggal_lahir", "")),
        (t("mig.cek.berangkat", lang), form.get("tanggal_berangkat", "")),
        (t("mig.cek.jabatan", lang), form.get("jabatan", "")),
        (t("mig.cek.negara", lang), form.get("negara", "")),
        (t("mig.cek.jalur", lang), t(f"mig.jalur.{form.get('jalur', 'p3mi')}", lang)),
        (t("mig.cek.visa", lang), t(f"mig.visa.{form.get('visa', 'tidak_ada')}", lang)),
    ]
    facts = []
    for label, value in form_facts:
        if label in (t("mig.cek.lahir", lang), t("mig.cek.berangkat", lang)) and value:
            try:
                value = format_date(i18n.parse_date(value), lang)
            except InputError:
                pass
        facts.append(f"<tr><th>{esc(label)}</th><td>{esc(value)}</td></tr>")
    flags_title = t("mig.cek.red_flags", lang, count=len(hasil.tanda_bahaya))
    return f"""<!DOCTYPE html>
<html lang="{esc(lang)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(t("mig.cek.print_title", lang))}: {esc(name)}</title>
<style>
body {{ font-family: sans-serif; max-width: 820px; margin: 1em auto; padding: 0 1em;
  color: #1d2733; }}
table {{ border-collapse: collapse; width: 100%; margin: 0.5em 0; }}
td, th {{ border: 1px solid #c8d0d8; padding: 4px 6px; vertical-align: top; text-align: left; }}
td.mark {{ font-size: 1.4em; text-align: center; width: 2em; }}
tr.no {{ background: #fff6f5; }}
.dk-find {{ border-left: 5px solid #c0392b; padding: 2px 10px; margin: 6px 0; }}
.dk-find-perhatian {{ border-left-color: #2d7fc1; }}
.dk-law {{ color: #4a5663; font-size: 0.9em; }}
.status {{ font-size: 1.3em; font-weight: bold; }}
@media print {{ .noprint {{ display: none; }} }}
</style></head><body>
<button class="noprint" onclick="window.print()">{esc(t("mig.cek.print", lang))}</button>
<h1>{esc(t("mig.cek.print_title", lang))}</h1>
<p><b>{esc(t("mig.cek.nama", lang))}:</b> {esc(name)}<br>
<b>{esc(t("mig.cek.print_date", lang))}:</b> {esc(format_date(today, lang))}</p>
<table>{"".join(facts)}</table>
<p class="status">{esc(status)}</p>
<h2>{esc(t("mig.cek.print_requirements", lang))}</h2>
<table><tr><th></th><th>{esc(t("mig.cek.print_requirement", lang))}</th>
<th>{esc(t("mig.cek.print_state", lang))}</th><th>{esc(t("mig.next_step", lang))}</th></tr>
{"".join(rows)}</table>
<h2>{esc(flags_title)}</h2>
{findings or "<p>" + esc(t("mig.cek.no_flags", lang)) + "</p>"}
<p class="dk-law">{esc(t("mig.cek.print_footer", lang))}</p>
</body></html>
"""


# =========================================================================================
# Waspada Calo
# =========================================================================================


class WaspadaCaloApp(_MigrasiApp):
    """Scenario cards of recruitment offers: mark the red flags you see, get feedback."""

    app_id = "waspada_calo"
    title_key = "app.waspada_calo"
    intro_key = "mig.calo.intro"

    def __init__(self, kode: str | None = None, store=None):
        super().__init__(kode=kode, store=store)
        self.index = 0
        self.tanda: dict[str, list[str]] = {}
        self.diperiksa: list[str] = []
        self._quiet = True
        self._create_header()
        self._create_card()
        self._create_score()
        self._finish_with([self.header], [self.card_box, self.score_box])
        saved = self.load_saved()
        if saved is not None:
            self._restore(saved.data)
        self._quiet = False
        self.redraw()

    def _create_card(self) -> None:
        self.progress = widgets.HTML()
        self.story = widgets.HTML()
        self.flags_title = widgets.HTML()
        self.flags = {
            kode: widgets.Checkbox(value=False, indent=False, layout=widgets.Layout(width="100%"))
            for kode in cards.PILIHAN_TANDA
        }
        flags = widgets.VBox(list(self.flags.values()), layout=widgets.Layout(width="100%"))
        flags.add_class("dk-flags")
        self.check_button = widgets.Button(
            button_style="primary", icon="check", layout=widgets.Layout(width="auto")
        )
        self.prev_button = widgets.Button(icon="arrow-left", layout=widgets.Layout(width="auto"))
        self.next_button = widgets.Button(icon="arrow-right", layout=widgets.Layout(width="auto"))
        self.feedback = widgets.HTML()
        for box in self.flags.values():
            self.on(box, self._marked)
        self.on_click(self.check_button, self._check)
        self.on_click(self.prev_button, lambda _: self.go(self.index - 1))
        self.on_click(self.next_button, lambda _: self.go(self.index + 1))
        self.card_box = _card(
            [
                self.progress, self.story, self.flags_title, flags,
                widgets.HBox([self.check_button], layout=_row()),
                self.feedback,
                widgets.HBox([self.prev_button, self.next_button], layout=_row()),
            ]
        )  # fmt: skip

    def _create_score(self) -> None:
        self.score = widgets.HTML()
        self.reset_button = widgets.Button(icon="refresh", layout=widgets.Layout(width="auto"))
        self.on_click(self.reset_button, self._reset)
        self.score_box = _card([self.score, self.reset_button])

    # --- state ----------------------------------------------------------------------------
    @property
    def card(self) -> cards.Kartu:
        return cards.KARTU[self.index]

    def _restore(self, saved: dict) -> None:
        known = {card.kode for card in cards.KARTU}
        self.tanda = {
            k: [c for c in v if c in cards.PILIHAN_TANDA]
            for k, v in (saved.get("tanda") or {}).items()
            if k in known and isinstance(v, list)
        }
        self.diperiksa = [k for k in saved.get("diperiksa") or [] if k in known]
        index = saved.get("kartu", 0)
        self.index = index if isinstance(index, int) and 0 <= index < len(cards.KARTU) else 0

    def _save(self) -> None:
        self.autosave({"kartu": self.index, "tanda": self.tanda, "diperiksa": self.diperiksa})

    def marked(self) -> list[str]:
        return [k for k, box in self.flags.items() if box.value]

    # --- reacting ---------------------------------------------------------------------------
    def _marked(self, change) -> None:
        if self._quiet:
            return
        self.tanda[self.card.kode] = self.marked()
        self._draw_feedback()
        self._draw_score()
        self._save()

    def _check(self, _button) -> None:
        kode = self.card.kode
        self.tanda[kode] = self.marked()
        if kode not in self.diperiksa:
            self.diperiksa.append(kode)
        self._draw_feedback()
        self._draw_score()
        self._save()

    def go(self, index: int) -> None:
        """Show card ``index`` (0-based; clipped to the cards)."""
        self.index = max(0, min(index, len(cards.KARTU) - 1))
        self._draw_card()
        self._save()

    def _reset(self, _button) -> None:
        self.tanda, self.diperiksa, self.index = {}, [], 0
        self._draw_card()
        self._save()

    # --- drawing ----------------------------------------------------------------------------
    def redraw(self) -> None:
        self._draw_header()
        lang = i18n.get_language()
        for kode, box in self.flags.items():
            box.description = migration.RULES[kode].teks(lang)["judul"]
        self.flags_title.value = f"<h3>{esc(t('mig.calo.mark'))}</h3>"
        self.check_button.description = t("mig.calo.check")
        self.prev_button.description = t("mig.calo.prev")
        self.next_button.description = t("mig.calo.next")
        self.reset_button.description = t("mig.calo.reset")
        self._draw_card()

    def _draw_card(self) -> None:
        card = self.card
        teks = card.teks()
        self.progress.value = (
            f"<p class='dk-muted'>"
            f"{esc(t('mig.calo.progress', n=self.index + 1, total=len(cards.KARTU)))}"
            f" · {esc(teks['desa'])}</p>"
        )
        self.story.value = (
            f"<h2>{esc(teks['judul'])}</h2><div class='dk-story'>{esc(teks['cerita'])}</div>"
        )
        quiet, self._quiet = self._quiet, True
        try:
            marked = set(self.tanda.get(card.kode, []))
            for kode, box in self.flags.items():
                box.value = kode in marked
        finally:
            self._quiet = quiet
        self.prev_button.disabled = self.index == 0
        self.next_button.disabled = self.index == len(cards.KARTU) - 1
        self._draw_feedback()
        self._draw_score()

    def _draw_feedback(self) -> None:
        card = self.card
        if card.kode not in self.diperiksa:
            self.feedback.value = ""
            return
        lang = i18n.get_language()
        umpan = cards.periksa(card, self.tanda.get(card.kode, []))
        parts = []
        if not card.tanda_bahaya:
            parts.append(
                message_html("ok" if not umpan.salah else "warn", esc(t("mig.calo.no_flags_card")))
            )
        elif umpan.tepat:
            parts.append(message_html("ok", esc(t("mig.calo.all_found"))))
        groups = (
            ("mig.calo.found", umpan.ditemukan),
            ("mig.calo.missed", umpan.terlewat),
            ("mig.calo.wrong", umpan.salah),
        )
        for key, codes in groups:
            if not codes:
                continue
            parts.append(f"<h3>{esc(t(key, count=len(codes)))}</h3>")
            if key == "mig.calo.wrong":
                parts.append(f"<p>{esc(t('mig.calo.wrong_hint'))}</p>")
            parts += [_finding_html(migration.RULES[code], lang) for code in codes]
        for code in card.perhatian:
            parts.append(f"<h3>{esc(t('mig.calo.caution'))}</h3>")
            parts.append(_finding_html(migration.RULES[code], lang))
        self.feedback.value = f"<div data-testid='umpan'>{''.join(parts)}</div>"

    def _draw_score(self) -> None:
        checked = {k: self.tanda.get(k, []) for k in self.diperiksa}
        s = cards.skor(checked)
        head = t("mig.calo.final") if s.selesai else t("mig.calo.score_title")
        lines = [
            t(
                "mig.calo.score_cards",
                n=s.kartu_diperiksa,
                total=s.kartu_total,
                tepat=s.kartu_tepat,
            ),
            t("mig.calo.score_flags", found=s.ditemukan, total=s.tanda_total),
            t("mig.calo.score_wrong", wrong=s.salah),
        ]
        items = "".join(f"<li>{esc(line)}</li>" for line in lines)
        self.score.value = (
            f"<div class='dk-score' data-testid='skor'><h2>{esc(head)}</h2><ul>{items}</ul></div>"
        )


# =========================================================================================
# Buku Register Desa
# =========================================================================================

REGISTER_FORM = (
    "nama", "nik", "jenis_kelamin", "tanggal_lahir", "negara_tujuan", "jabatan", "jalur",
    "agensi", "tanggal_berangkat", "akhir_kontrak", "tanggal_pulang", "status",
    "telepon_keluarga", "nomor_paspor", "keterangan",
)  # fmt: skip
CHOICE_FIELDS = {
    "jenis_kelamin": ("", "L", "P"),
    "jalur": ("",) + migration.JALUR,
    "status": ("",) + migration.STATUS,
}
TABLE_COLUMNS = (
    "nama", "nik", "jenis_kelamin", "negara_tujuan", "jabatan", "status", "tanggal_berangkat",
    "akhir_kontrak", "nomor_paspor", "telepon_keluarga",
)  # fmt: skip
MASKED = migration.MASKED_COLUMNS


def _cell(value, lang: str) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, date):
        return format_date(value, lang)
    return str(value)


_TITLE_TO_NAME = {column.title: column.name for column in migration.REGISTER_SCHEMA.columns}


def _form_problem(problem, lang: str) -> str:
    """A problem of the entry form, named by the form's field (no spreadsheet row)."""
    name = _TITLE_TO_NAME.get(problem.column or "")
    column = t(f"mig.col.{name}", lang) if name else (problem.column or "")
    empty = t("table.given_empty_cell", lang)
    return t(
        "mig.reg.form_problem",
        lang,
        column=column,
        expected=i18n.text_or_key(problem.expected, lang, **problem.values),
        given=i18n.quote_given(problem.given, empty),
    )


class RegisterDesaApp(_MigrasiApp):
    """The village register of migrant workers: form, import, alerts, charts, table, export."""

    app_id = "register_desa"
    title_key = "app.register_desa"
    intro_key = "mig.reg.intro"

    def __init__(self, kode: str | None = None, store=None, today: date | None = None):
        super().__init__(kode=kode, store=store)
        self.today = today or date.today()
        self.df = cards.register_from_records([])
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
        saved = self.load_saved()
        if saved is not None:
            self.df = cards.register_from_records(saved.data.get("records") or [])
        self._quiet = False
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
                    widget.options = [(self._choice_label(name, c), c) for c in CHOICE_FIELDS[name]]
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

    @staticmethod
    def _choice_label(name: str, code: str) -> str:
        if not code:
            return (
                t("mig.reg.not_filled") if name == "jalur" else f"— {t('mig.reg.choose_option')} —"
            )
        if name == "jalur":
            return t(f"mig.jalur.{code}")
        if name == "status":
            return t(f"mig.status.{code}")
        return t(f"mig.sex.{code}")

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
            f"{esc(self._status_label(s))}: {esc(format_number(j))}"
            for s, j in zip(counts["status"], counts["jumlah"], strict=True)
        ]
        self.summary.value = (
            f"<p data-testid='ringkasan'><b>{esc(t('mig.reg.count', n=format_number(n)))}</b> · "
            + " · ".join(parts)
            + "</p>"
        )

    @staticmethod
    def _status_label(code) -> str:
        return t(f"mig.status.{code}") if code in migration.STATUS else str(code)

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
                self._alert(
                    "warn", t("mig.reg.ending", count=len(ending), days=90), items, len(ending)
                )
            )
        ended = cards.kontrak_lewat(self.df, self.today)
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
                self._alert("warn", t("mig.reg.ended", count=len(ended)), items, len(ended))
            )
        gaps = cards.data_belum_lengkap(self.df)
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
            parts.append(self._alert("info", t("mig.reg.gaps", count=len(gaps)), items, len(gaps)))
        if not parts:
            parts.append(message_html("ok", esc(t("mig.reg.no_alerts"))))
        self.alerts.value = f"<div data-testid='peringatan'>{''.join(parts)}</div>"

    @staticmethod
    def _alert(kind: str, head: str, items_html: list[str], total: int) -> str:
        """A message box with a list; ``items_html`` are already escaped."""
        more = total - len(items_html)
        tail = f"<li>{esc(t('mig.reg.more', count=more))}</li>" if more > 0 else ""
        body = (
            f"<b>{esc(head)}</b><ul>"
            + "".join(f"<li>{i}</li>" for i in items_html)
            + tail
            + "</ul>"
        )
        return message_html(kind, body)

    def _draw_charts(self) -> None:
        if not len(self.df):
            self.charts_box.layout.display = "none"
            self.chart_status.value = b""
            self.chart_months.value = b""
            return
        self.charts_box.layout.display = None
        from desmigratif_kit import charts  # matplotlib: only once there is a register to draw

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
                    value = self._status_label(value)
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
            record = cards.register_records(self.df.iloc[[position]])[0]
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
            old = cards.register_records(self.df.iloc[[self.editing]])[0]
            for name in MASKED:
                if not values[name].strip():
                    values[name] = old.get(name) or ""
        return values

    def _save_entry(self, _button) -> None:
        try:
            record = cards.entri_register(self.form_values(), self.df, kecuali=self.editing)
        except TableError as err:
            self.form_msg.value = self._problems_html(err, form=True)
            return
        records = cards.register_records(self.df)
        if self.editing is None:
            records.append(record)
            position = len(records) - 1
            done = t("mig.reg.added", nama=record["nama"])
        else:
            records[self.editing] = record
            position = self.editing
            done = t("mig.reg.updated", nama=record["nama"])
        self._replace(cards.register_from_records(records))
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
        records = cards.register_records(self.df)
        del records[self.editing]
        self._replace(cards.register_from_records(records))
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
            self.import_msg.value = self._problems_html(err)
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
            return cards.register_from_records(cards.register_records(new))
        return cards.gabung_register(self.df, new, filename)

    def _load_sample(self, _button) -> None:
        sample = migration.load_sample_register()
        try:
            merged = self._merged(sample, t("mig.reg.sample_name"))
        except TableError as err:
            self.import_msg.value = self._problems_html(err)
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
        content = cards.register_xlsx(self.df)
        self.export_link.value = _data_link(
            content,
            f"register-pmi-{self.today.isoformat()}.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            t("mig.reg.export_link", n=format_number(len(self.df))),
        )

    @staticmethod
    def _problems_html(err: TableError, form: bool = False) -> str:
        lang = i18n.get_language()
        shown = err.problems[: TableError.LIST_LIMIT]
        if form:
            head = t("mig.reg.form_problems", count=len(err.problems))
        else:
            head = t("table.error", file=err.file or t("table.unnamed"), count=len(err.problems))
        items = "".join(
            f"<li>{esc(_form_problem(p, lang) if form else p.message(lang))}</li>" for p in shown
        )
        hidden = len(err.problems) - len(shown)
        if hidden > 0:
            items += f"<li>{esc(t('table.more', count=hidden))}</li>"
        tail = "" if form else f"<p>{esc(t('mig.reg.nothing_changed'))}</p>"
        return message_html(
            "error", f"<b>{esc(head)}</b><ul data-testid='masalah'>{items}</ul>{tail}"
        )

    # --- saving -------------------------------------------------------------------------
    def _replace(self, df: pd.DataFrame) -> None:
        """Make ``df`` the register: save it first, then redraw (a failed save changes nothing)."""
        self.autosave({"records": cards.register_records(df)})
        self.df = df
        self._refresh(charts=True)


def preload(register: bool = False) -> None:
    """Warm a preheated kernel before a visitor arrives: catalogs, rules, and for the
    register matplotlib and the synthetic sample (cached per process)."""
    t("mig.cek.intro")
    migration.check_readiness(
        {
            "tanggal_lahir": date(2000, 1, 1),
            "tanggal_berangkat": date(2030, 1, 1),
            "dokumen": [],
            "bpjs": False,
            "opp": False,
            "jalur": "p3mi",
            "visa": "kerja",
            "jabatan": "operator pabrik",
            "biaya_penempatan_rp": 0,
        }
    )
    if register:
        from desmigratif_kit import charts  # noqa: F401  (imports matplotlib)

        migration.load_sample_register()
