"""*Rencana Aksi Desa*: the village action plan, on a phone.

Per pillar: where the village stands (the pillar's facts from the participant's own work in
its apps, and the lesson), a self-assessment, a target, and actions (what, who, by when,
budget, funding source) in an editable table; gaps listed, never hidden. A summary of the four
pillars, and downloads: the plan as an Excel workbook and as a printable A4 page. Autosaved;
``?kode=`` brings it back.
"""

from __future__ import annotations

from datetime import date

import ipywidgets as widgets

from desmigratif_kit.core import i18n
from desmigratif_kit.core.app import download_link, esc
from desmigratif_kit.core.apps.table import RowsEditor, form_problems_html
from desmigratif_kit.core.catalog import PILLARS
from desmigratif_kit.core.excel import XLSX_MIME
from desmigratif_kit.core.i18n import format_rp, t
from desmigratif_kit.core.store import format_code
from desmigratif_kit.core.tables import TableError
from desmigratif_kit.core.wilayah import wilayah_name
from desmigratif_kit.workshop import rencana
from desmigratif_kit.workshop.apps.common import WorkshopApp, card, css, slug, wide
from desmigratif_kit.workshop.cetak import rencana_html
from desmigratif_kit.workshop.ekspor import rencana_xlsx
from desmigratif_kit.workshop.pilar import (
    facts_shown,
    lesson_progress,
    participant_works,
    pillar_summary,
)
from desmigratif_kit.workshop.rekap import PLAN_APP
from desmigratif_kit.workshop.tampil import fakta_html

__all__ = ["RencanaAksiApp", "preload"]

SUMMARY = 0
"""The value of the pillar choice that shows the summary and the downloads."""


class _PillarForm:
    """The widgets of one pillar's part of the plan."""

    def __init__(self, nomor: int, on_change):
        self.nomor = nomor
        self.title = widgets.HTML()
        self.where_title = widgets.HTML()
        self.facts = widgets.HTML()
        self.status_label = widgets.HTML()
        self.status = widgets.RadioButtons(options=[], value=None, layout=wide())
        self.status.add_class("dk-status")
        self.catatan = widgets.Text(continuous_update=False, layout=wide())
        self.target_label = widgets.HTML()
        self.target = widgets.Textarea(continuous_update=False, layout=wide())
        self.actions_label = widgets.HTML()
        self.editor = RowsEditor(rencana.TINDAKAN_SCHEMA, on_change=on_change, field_width="12em")
        self.problems = widgets.HTML()
        self.gaps = widgets.HTML()
        self.budget = widgets.HTML()
        for widget in (self.status, self.catatan, self.target):
            widget.observe(lambda _change: on_change(), names="value")
        self.widget = card(
            [
                self.title,
                self.where_title,
                self.facts,
                self.status_label,
                self.status,
                self.catatan,
                self.target_label,
                self.target,
                self.actions_label,
                self.editor.widget,
                self.problems,
                self.budget,
                self.gaps,
            ]
        )


class RencanaAksiApp(WorkshopApp):
    """The village action plan. ``RencanaAksiApp(kode=...)`` opens the participant's plan."""

    app_id = PLAN_APP
    title_key = "app.rencana_aksi"
    intro_key = "ws.plan.intro"

    def __init__(self, kode: str | None = None, store=None, today: date | None = None):
        super().__init__(kode=kode, store=store)
        self.today = today or date.today()
        self.plan = rencana.new_plan()
        self.summaries = {pillar.nomor: None for pillar in PILLARS}
        self.progress = {}
        self._quiet = True
        self._create_header()
        self._create_choice()
        self.forms = {
            pillar.nomor: _PillarForm(pillar.nomor, self.callback(self._changer(pillar.nomor)))
            for pillar in PILLARS
        }
        self._create_summary()
        self.body = widgets.VBox(layout=widgets.Layout(width="100%"))
        self._finish([css(), self.header, self.notice, self.choice_box, self.message, self.body])
        self._quiet = False
        self.redraw()
        self.restore()

    # --- building -------------------------------------------------------------------------
    def _create_choice(self) -> None:
        self.notice = widgets.HTML()
        self.choice_label = widgets.HTML()
        self.choice = widgets.ToggleButtons(options=[("1", 1)], value=1)
        self.choice.style.button_width = "auto"
        self.refresh_button = widgets.Button(icon="refresh", layout=widgets.Layout(width="auto"))
        self.on(self.choice, lambda _change: self._show())
        self.on_click(self.refresh_button, lambda _button: self._refresh_facts(redraw=True))
        self.choice_box = widgets.VBox(
            [self.choice_label, self.choice, self.refresh_button],
            layout=widgets.Layout(width="100%"),
        )
        self.choice_box.add_class("dk-pillar-tabs")

    def _create_summary(self) -> None:
        self.summary_title = widgets.HTML()
        self.summary = widgets.HTML()
        self.make_files = widgets.Button(
            icon="download", button_style="primary", layout=widgets.Layout(width="auto")
        )
        self.on_click(self.make_files, self._make_files)
        self.files = widgets.HTML()
        self.files.add_class("dk-downloads")
        self.summary_box = card([self.summary_title, self.summary, self.make_files, self.files])

    def _changer(self, nomor: int):
        def changed() -> None:
            self._changed(nomor)

        changed.__name__ = f"changed_pillar_{nomor}"
        return changed

    # --- participant ----------------------------------------------------------------------
    def restore(self) -> None:
        """The participant's saved plan and their pillars' facts, drawn again."""
        saved = self.load_saved()
        self.plan = rencana.plan_from_saved(saved.data if saved else None)
        self._fill_forms()
        self._refresh_facts(redraw=False)
        self.redraw()

    def _fill_forms(self) -> None:
        self._quiet = True
        try:
            for nomor, form in self.forms.items():
                part = rencana.pillar_plan(self.plan, nomor)
                form.status.value = part["status"]
                form.catatan.value = part["catatan"]
                form.target.value = part["target"]
                form.editor.set_rows(
                    rencana.action_frame(part["tindakan"]).to_dict("records") or [{}]
                )
                form.problems.value = ""
        finally:
            self._quiet = False

    def _refresh_facts(self, redraw: bool = True) -> None:
        works = participant_works(self.store, self.participant.code) if self.participant else {}
        for pillar in PILLARS:
            self.summaries[pillar.nomor] = pillar_summary(pillar, works)
            self.progress[pillar.nomor] = lesson_progress(pillar, works)
        if redraw:
            self.redraw()

    def village(self) -> tuple[str, str]:
        """(name, Kemendagri code) of the participant's village ("—" when there is none)."""
        code = self.participant.village_code if self.participant else None
        if not code:
            return "—", "—"
        try:
            return wilayah_name(code), code
        except (KeyError, ValueError):
            return code, code

    # --- changes --------------------------------------------------------------------------
    def _changed(self, nomor: int) -> None:
        if self._quiet:
            return
        form = self.forms[nomor]
        changes = {
            "status": form.status.value,
            "catatan": form.catatan.value,
            "target": form.target.value,
        }
        try:
            changes["tindakan"] = form.editor.frame()
            form.problems.value = ""
        except TableError as err:
            note = f"<p>{esc(t('ws.plan.not_saved_rows'))}</p>"
            form.problems.value = form_problems_html(err) + note
        self.plan = rencana.with_pillar(self.plan, nomor, **changes)
        self.clear_message()
        self.autosave(self.plan)
        self._draw_pillar(nomor)
        self.files.value = ""

    def _make_files(self, _button=None) -> None:
        lang = i18n.get_language()
        name, code = self.village()
        xlsx = rencana_xlsx(
            self.plan, self.summaries, self.progress, name, code, self.today, lang=lang
        )
        who = format_code(self.participant.code) if self.participant else ""
        page = rencana_html(
            self.plan, self.summaries, self.progress, name, code, self.today, who, lang=lang
        )
        stem = f"rencana-aksi-{slug(name)}-{self.today.isoformat()}"
        self.files.value = (
            f"<p>{esc(t('ws.plan.files_ready'))}</p>"
            + download_link(xlsx, f"{stem}.xlsx", XLSX_MIME, t("ws.plan.xlsx"))
            + download_link(
                page.encode("utf-8"), f"{stem}.html", "text/html;charset=utf-8", t("ws.plan.print")
            )
            + f"<p class='dk-muted'>{esc(t('ws.plan.print_hint'))}</p>"
        )

    # --- drawing --------------------------------------------------------------------------
    def redraw(self) -> None:
        self._draw_header()
        self._draw_notice()
        self.choice_label.value = f"<b>{esc(t('ws.plan.choose_pillar'))}</b>"
        chosen = self.choice.value
        self._quiet = True
        try:
            self.choice.options = [
                *[(t(f"ws.short.{p.nomor}"), p.nomor) for p in PILLARS],
                (t("ws.plan.summary_tab"), SUMMARY),
            ]
            self.choice.value = chosen
            for form in self.forms.values():
                status = form.status.value
                form.status.options = [(t(f"ws.status.{code}"), code) for code in rencana.STATUS]
                form.status.value = status
        finally:
            self._quiet = False
        self.refresh_button.description = t("ws.plan.refresh")
        self.make_files.description = t("ws.plan.make_files")
        for nomor in self.forms:
            self._draw_pillar(nomor)
        self._draw_summary()
        self._show()

    def _draw_notice(self) -> None:
        p = self.participant
        if p is None:
            text, kind = t("ws.plan.sign_in"), "warn"
        elif p.role != "kepala_desa":
            text, kind = t("ws.plan.not_village", role=t(f"role.{p.role}")), "info"
        else:
            self.notice.value = ""
            return
        self.notice.value = f'<div class="dk-msg dk-msg-{kind}">{esc(text)}</div>'

    def _draw_pillar(self, nomor: int) -> None:
        form = self.forms[nomor]
        pillar = next(p for p in PILLARS if p.nomor == nomor)
        form.title.value = f"<h2>{nomor}. {esc(t(pillar.judul_key))}</h2>"
        form.where_title.value = f"<h3>{esc(t('ws.plan.where'))}</h3>"
        summary = self.summaries.get(nomor)
        facts = facts_shown(summary)
        position = fakta_html(facts) if facts else f"<p>{esc(t('ws.plan.no_summary'))}</p>"
        done = self.progress.get(nomor)
        if done is not None and done.total:
            lesson = t("ws.plan.lesson", benar=done.benar, total=done.total)
            position += f"<p class='dk-muted'>{esc(lesson)}</p>"
        form.facts.value = position
        form.status_label.value = f"<h3>{esc(t('ws.status'))}</h3>"
        form.catatan.placeholder = t("ws.plan.note_placeholder")
        form.catatan.description = t("ws.catatan")
        form.catatan.style.description_width = "initial"
        form.target_label.value = f"<h3>{esc(t('ws.target'))}</h3>"
        form.target.placeholder = t("ws.plan.target_placeholder")
        form.actions_label.value = (
            f"<h3>{esc(t('ws.part.tindakan'))}</h3>"
            f"<p class='dk-muted'>{esc(t('ws.plan.rows_hint'))}</p>"
        )
        form.editor.redraw()
        budget = t("ws.plan.budget", rp=format_rp(rencana.budget_rp(self.plan, nomor)))
        form.budget.value = f"<p><b>{esc(budget)}</b></p>"
        gaps = rencana.celah(self.plan, nomor, summary)
        if gaps:
            items = "".join(f"<li>{esc(gap.teks())}</li>" for gap in gaps)
            form.gaps.value = (
                f"<h3>{esc(t('ws.plan.gaps', count=len(gaps)))}</h3>"
                f"<ul class='dk-gaps' data-testid='celah-{nomor}'>{items}</ul>"
            )
        else:
            form.gaps.value = f"<p class='dk-msg dk-msg-ok'>{esc(t('ws.plan.no_gaps'))}</p>"
        self._draw_summary()

    def _draw_summary(self) -> None:
        self.summary_title.value = f"<h2>{esc(t('ws.plan.summary_title'))}</h2>"
        rows = []
        for pillar in PILLARS:
            part = rencana.pillar_plan(self.plan, pillar.nomor)
            status = t(f"ws.status.{part['status']}") if part["status"] else t("ws.value.empty")
            gaps = rencana.celah(self.plan, pillar.nomor, self.summaries.get(pillar.nomor))
            line = t(
                "ws.plan.summary_row",
                status=status,
                actions=len(part["tindakan"]),
                rp=format_rp(rencana.budget_rp(self.plan, pillar.nomor)),
                gaps=len(gaps),
            )
            rows.append(
                f"<tr><th>{pillar.nomor}. {esc(t(pillar.judul_key))}</th><td>{esc(line)}</td></tr>"
            )
        total = t("ws.plan.total_budget", rp=format_rp(rencana.budget_rp(self.plan)))
        self.summary.value = (
            f"<table class='dk-plan-sum'>{''.join(rows)}</table><p><b>{esc(total)}</b></p>"
            f"<h3>{esc(t('ws.plan.download_title'))}</h3>"
        )

    def _show(self) -> None:
        chosen = self.choice.value
        self.body.children = [self.summary_box if chosen == SUMMARY else self.forms[chosen].widget]


def preload() -> None:
    """Warm a preheated kernel: catalogs, the pillars' summaries and exercises, openpyxl."""
    from desmigratif_kit.workshop.pilar import pillars_with_summary

    t("ws.plan.intro")
    for pillar in PILLARS:
        pillar_summary(pillar, {})
        lesson_progress(pillar, {})
    pillars_with_summary()
    rencana_xlsx(rencana.new_plan(), {}, {}, "-", "-")
