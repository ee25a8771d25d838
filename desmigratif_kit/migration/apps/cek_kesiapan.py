"""Cek Kesiapan CPMI: may this prospective migrant worker leave on the planned date?

A form of the candidate's dates, documents, route, visa, job and fees; the result (ready, or
what is missing and which red flags) updates live with the law's articles and next steps; a
printable checklist for the family.
"""

from __future__ import annotations

from datetime import date

import ipywidgets as widgets

from desmigratif_kit import migration
from desmigratif_kit.core import i18n
from desmigratif_kit.core.app import esc
from desmigratif_kit.core.i18n import InputError, format_date, format_rp, t
from desmigratif_kit.migration.apps.common import (
    LABEL_WIDTH,
    _abbrev_html,
    _card,
    _data_link,
    _finding_html,
    _MigrasiApp,
    _slug,
    _wide,
    preload,
)
from desmigratif_kit.migration.register_edit import KODE_VERSI, jalur_tersimpan

__all__ = ["CekKesiapanApp", "checklist_html", "preload"]

_TANGGAL = (
    ("tanggal_lahir", "mig.cek.lahir", True),
    ("tanggal_berangkat", "mig.cek.berangkat", True),
    ("tanggal_daftar", "mig.cek.daftar", False),
    ("tanggal_tanda_tangan", "mig.cek.tanda_tangan", False),
)
"""Date fields: name, label, required."""

# =========================================================================================
# Cek Kesiapan CPMI
# =========================================================================================


def _jalur(code) -> str:
    code = migration.JALUR_LAMA.get(code, code)
    return code if code in migration.JALUR else "p3mi"


class CekKesiapanApp(_MigrasiApp):
    """Is a prospective migrant worker (CPMI) ready to leave? ``migration.check_readiness``.

    ``CekKesiapanApp(kode="ABC234")`` restores the participant's saved form.
    """

    app_id = "cek_kesiapan"
    title_key = "app.cek_kesiapan"
    intro_key = "mig.cek.intro"
    TEXT_FIELDS = (
        "nama", "tanggal_lahir", "tanggal_berangkat", "tanggal_daftar", "tanggal_tanda_tangan",
        "jabatan", "biaya", "negara",
    )  # fmt: skip

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
        self._quiet = False
        self.restore()

    def restore(self) -> None:
        """The saved form of the signed-in participant, checked again (nothing saved)."""
        saved = self.load_saved()
        if saved is not None:
            form = dict(saved.data.get("form") or {})
            if "jalur" in form:
                form["jalur"] = jalur_tersimpan(form["jalur"], saved.data.get("kode_versi"))
            quiet, self._quiet = self._quiet, True
            try:
                self.set_form(form)
            finally:
                self._quiet = quiet
        self.callback(self._update)(None, save=False)

    # --- building -----------------------------------------------------------------------
    def _create_form(self) -> None:
        self.nama = widgets.Text(layout=_wide(), continuous_update=False)
        self.tanggal_lahir = widgets.Text(layout=_wide(), continuous_update=False)
        self.tanggal_berangkat = widgets.Text(layout=_wide(), continuous_update=False)
        self.tanggal_daftar = widgets.Text(layout=_wide(), continuous_update=False)
        self.tanggal_tanda_tangan = widgets.Text(layout=_wide(), continuous_update=False)
        self.age_note = widgets.HTML()
        self.dokumen = {
            kode: widgets.Checkbox(value=False, indent=False, layout=widgets.Layout(width="100%"))
            for kode in migration.DOKUMEN_PASAL_13
        }
        self.bpjs = widgets.Checkbox(value=False, indent=False, layout=widgets.Layout(width="100%"))
        self.opp = widgets.Checkbox(value=False, indent=False, layout=widgets.Layout(width="100%"))
        self.satu_kanal = widgets.Checkbox(
            value=False, indent=False, layout=widgets.Layout(width="100%")
        )
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
        checks = widgets.VBox(
            [self.bpjs, self.opp, self.satu_kanal], layout=widgets.Layout(width="100%")
        )
        checks.add_class("dk-docs")
        self.form = _card(
            [
                self.nama, self.tanggal_lahir, self.tanggal_berangkat, self.tanggal_daftar,
                self.tanggal_tanda_tangan, self.age_note,
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
            self.nama, self.tanggal_lahir, self.tanggal_berangkat, self.tanggal_daftar,
            self.tanggal_tanda_tangan, *self.dokumen.values(), self.bpjs, self.opp,
            self.satu_kanal, self.jalur, self.visa, self.jabatan, self.biaya, self.negara,
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
                self.tanggal_daftar: ("mig.cek.daftar", "mig.cek.optional_date_ph"),
                self.tanggal_tanda_tangan: ("mig.cek.tanda_tangan", "mig.cek.optional_date_ph"),
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
            self.satu_kanal.description = t("mig.cek.satu_kanal")
            self.age_note.value = f"<p class='dk-muted'>{esc(t('mig.cek.age_note'))}</p>"
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
            "tanggal_daftar": self.tanggal_daftar.value,
            "tanggal_tanda_tangan": self.tanggal_tanda_tangan.value,
            "dokumen": [k for k, box in self.dokumen.items() if box.value],
            "bpjs": self.bpjs.value,
            "opp": self.opp.value,
            "satu_kanal": self.satu_kanal.value,
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
            self.satu_kanal.value = bool(form.get("satu_kanal"))
            jalur = migration.JALUR_LAMA.get(form.get("jalur"), form.get("jalur"))
            if jalur in migration.JALUR:
                self.jalur.value = jalur
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
        for name, label, required in _TANGGAL:
            text = form[name].strip()
            if text:
                dates[name] = i18n.parse_date(text, field=t(label))
            elif required:
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
            "satu_kanal": form["satu_kanal"],
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
            self.autosave({"form": self.valid_form, "kode_versi": KODE_VERSI})

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
        parts = [f"<p>{esc(_age_text(hasil))}</p>"]
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
        parts.append(_abbrev_html(lang))
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


def _age_text(hasil: migration.HasilKesiapan, lang: str | None = None) -> str:
    """ "Usia: 18 tahun pada tanggal berangkat; 17 tahun pada tanggal tanda tangan ..." """
    parts = [
        t("mig.cek.age_at", lang, usia=usia, tanggal=t(f"mig.field.{name}", lang).lower())
        for name, usia in hasil.usia_pada.items()
    ]
    return t("mig.cek.age", lang, usia="; ".join(parts))


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
        (t("mig.cek.daftar", lang), form.get("tanggal_daftar", "")),
        (t("mig.cek.tanda_tangan", lang), form.get("tanggal_tanda_tangan", "")),
        (t("mig.cek.jabatan", lang), form.get("jabatan", "")),
        (t("mig.cek.negara", lang), form.get("negara", "")),
        (t("mig.cek.jalur", lang), t(f"mig.jalur.{_jalur(form.get('jalur'))}", lang)),
        (t("mig.cek.visa", lang), t(f"mig.visa.{form.get('visa', 'tidak_ada')}", lang)),
    ]
    date_labels = {t(label, lang) for _, label, _ in _TANGGAL}
    facts = []
    for label, value in form_facts:
        if label in date_labels and not value:
            continue
        if label in date_labels:
            try:
                value = format_date(i18n.parse_date(value), lang)
            except InputError:
                pass
        facts.append(f"<tr><th>{esc(label)}</th><td>{esc(value)}</td></tr>")
    if form.get("satu_kanal"):
        facts.append(f"<tr><th>{esc(t('mig.cek.satu_kanal', lang))}</th><td>✓</td></tr>")
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
<p>{esc(_age_text(hasil, lang))}</p>
{_abbrev_html(lang)}
<p class="dk-law">{esc(t("mig.cek.print_footer", lang))}</p>
</body></html>
"""
