"""The lesson view: a teaching notebook that village heads do in the browser, no code to edit.

A teaching notebook builds one :class:`Pelajaran` in its setup cell and shows its header
(participant bar and progress line); each exercise shows a small form (:meth:`Pelajaran.soal`):
the answer widget of the exercise's kind, a *Periksa* button, kind feedback (a hint, never the
answer), the number of tries, and after the second wrong try *Lihat pembahasan*. The notebook's
last cell calls :meth:`Pelajaran.selesai` with the page's query string: only this step waits
for the visitor in a preheated kernel, so the lesson's text, charts and forms are ready before
anyone arrives; it links the participant's saved answers (``?kode=``), restores every form with
its feedback, and draws the progress line at the top and the bottom.

Every answer is saved through the store for the signed-in participant, in the record described
in :mod:`desmigratif_kit.core.lessons`. Cells that exist for JupyterLab only (``jawaban = ...``,
``cek(...)``, instructions about code) carry the cell tag ``lab-only``; the workshop server's
template leaves them out of the page.

>>> from desmigratif_kit.core.store import Store
>>> store = Store(":memory:")
>>> kode = store.register("kepala_desa", "Ani").code
>>> lesson = Pelajaran("01_migrasi_aman", store=store)
>>> form = lesson.forms_for(["1.1"])["1.1"]
>>> form.field.set_raw("21"); form.check()
>>> form.feedback.value.count("belum tepat"), form.tries
(1, 1)
>>> _ = lesson.selesai({"kode": kode}); form.field.set_raw("18"); form.check()
>>> store.load(kode, "pelajaran_01_migrasi_aman").data["answers"]["1.1"]["correct"]
True
"""

from __future__ import annotations

import functools
import logging
from typing import Any

import ipywidgets as widgets

from desmigratif_kit.core import catalog, lessons
from desmigratif_kit.core.app import App, esc, message_html, query_params, style
from desmigratif_kit.core.apps.fields import AnswerField
from desmigratif_kit.core.i18n import InputError, t
from desmigratif_kit.core.latihan import Hasil, exercises_with_prefix, get, periksa

log = logging.getLogger("desmigratif_kit.apps")

TRIES_BEFORE_EXPLANATION = 2


class Pelajaran(App):
    """The lesson ``lesson`` of the catalog (an id such as ``"01_migrasi_aman"``, or a
    :class:`~desmigratif_kit.core.catalog.LessonEntry`)."""

    def __init__(self, lesson: str | catalog.LessonEntry, store=None):
        self.entry = lesson if isinstance(lesson, catalog.LessonEntry) else catalog.lesson(lesson)
        lesson_id = self.entry.lesson_id
        self.app_id = self.entry.app_id
        super().__init__(kode=None, store=store)
        self.numbers = exercises_with_prefix(self.entry.prefix)
        self.forms: dict[str, SoalForm] = {}
        self.record: dict[str, Any] = lessons.new_record(lesson_id)
        self.progress_top = widgets.HTML()
        self.progress_bottom = widgets.HTML()
        self.footer = widgets.VBox([self.progress_bottom], layout=widgets.Layout(width="100%"))
        self.footer.add_class("dk-app")
        self._finish([self.progress_top])
        self._draw_progress()

    # --- what the notebook shows --------------------------------------------------------------
    def kepala(self) -> widgets.Widget:
        """The header: participant bar, progress line, messages (the setup cell shows it)."""
        return self.container

    def soal(self, nomor: str) -> widgets.Widget:
        """The answer form of exercise ``nomor`` (one notebook cell per exercise)."""
        return self.forms_for([nomor])[nomor].widget

    def forms_for(self, numbers: list[str]) -> dict[str, SoalForm]:
        for nomor in numbers:
            if nomor not in self.forms:
                self.forms[nomor] = SoalForm(self, nomor)
        return {nomor: self.forms[nomor] for nomor in numbers}

    def selesai(self, params: dict[str, str] | None = None) -> widgets.Widget:
        """The last cell: link the visitor's saved answers and show the bottom progress line.

        ``params`` is the page's query string (``query_params()``, which waits for the visitor
        in a preheated kernel); read here when not given.
        """
        params = query_params() if params is None else params
        self.callback(self.sign_in)(params.get("kode"))
        return self.footer

    # --- the participant and their answers ----------------------------------------------------
    def sign_in(self, kode: str | None) -> None:
        """Show the participant ``kode`` and restore every answer they saved in this lesson."""
        self.participant = self._find_participant(kode) if kode else None
        self.bar.show(self.participant)
        saved = self.load_saved()
        self.record = saved.data if saved is not None else lessons.new_record(self.entry.lesson_id)
        given = lessons.answers(self.record)
        for nomor, form in self.forms.items():
            if nomor in given:
                form.restore(given[nomor])
        self._draw_progress()

    def save_answer(self, nomor: str, value: Any, text: str, correct: bool) -> None:
        """Save one more try at ``nomor`` (on top of the latest saved record, so a second tab
        of the same participant loses nothing)."""
        latest = self.load_saved()
        base = latest.data if latest is not None else self.record
        self.record = lessons.with_answer(base, nomor, value, text, correct)
        self.record["lesson"] = self.entry.lesson_id
        self.autosave(self.record)
        self._draw_progress()

    # --- drawing ------------------------------------------------------------------------------
    def progress(self) -> lessons.Progress:
        right = sum(form.benar for form in self.forms.values())
        answered = sum(form.tries > 0 for form in self.forms.values())
        return lessons.Progress(right, answered, len(self.numbers))

    def _draw_progress(self) -> None:
        done = self.progress()
        text = t("lesson.progress", benar=done.benar, total=done.total)
        width = 100 * done.benar // done.total if done.total else 0
        html = (
            f"<div class='dk-progress' data-testid='progres' role='status'>"
            f"<span class='dk-progress-text'>{esc(text)}</span>"
            f"<span class='dk-progress-bar'><span style='width:{width}%'></span></span></div>"
        )
        self.progress_top.value = html
        link = ""
        if self.home_href:
            query = f"?kode={esc(self.participant.code)}" if self.participant else ""
            link = (
                f"<p><a class='dk-home' href='{esc(self.home_href + query)}' target='_self'>"
                f"{esc(t('bar.home'))}</a></p>"
            )
        self.progress_bottom.value = html + self._next_apps_html() + link

    def _next_apps_html(self) -> str:
        """Links to the apps of the lesson's pillar, carrying the participant code (the page is
        one folder below ``notebooks/``, like the apps)."""
        try:
            pillar = catalog.pillar_of(self.entry)
        except KeyError:
            return ""
        kode = self.participant.code if self.participant else None
        items = [
            f"<li><a href='../{esc(catalog.link_for(app, kode))}' target='_self'>"
            f"{esc(t(app.judul_key))}</a></li>"
            for app in pillar.apps
            if app.available()
        ]
        if not items:
            return ""
        head = esc(t("lesson.next_apps", nomor=pillar.nomor, pilar=t(pillar.judul_key)))
        return f"<div class='dk-next'><b>{head}</b><ul>{''.join(items)}</ul></div>"

    def redraw(self) -> None:
        self._draw_progress()
        for form in self.forms.values():
            form.redraw()


class SoalForm:
    """One exercise's form inside a lesson."""

    def __init__(self, lesson: Pelajaran, nomor: str):
        self.lesson = lesson
        self.nomor = nomor
        self.exercise = get(nomor)
        if self.exercise.jawab is None:
            raise ValueError(f"Latihan {nomor} declares no answer kind (jawab=Jawab(...))")
        self.jawab = self.exercise.jawab
        self.tries = 0
        self.benar = False
        self.hasil: Hasil | None = None
        self.title = widgets.HTML()
        self.check = self._wrapped(self._check)
        self.field = AnswerField(self.jawab)
        self.button = widgets.Button(
            button_style="primary", icon="check", layout=widgets.Layout(width="auto")
        )
        self.button.on_click(self._wrapped(lambda _button: self.check()))
        if self.field.kind in ("bulat", "rp", "tahun", "desimal", "persen", "tanggal", "teks"):
            self.field.input.on_submit(self._wrapped(lambda _widget: self.check()))
        self.feedback = widgets.HTML()
        self.tries_html = widgets.HTML()
        self.explain_button = widgets.Button(
            icon="lightbulb-o", layout=widgets.Layout(display="none")
        )
        self.explain_button.on_click(self._wrapped(lambda _button: self.toggle_explanation()))
        self.explanation = widgets.HTML(layout=widgets.Layout(display="none"))
        self.widget = widgets.VBox(
            [
                self.title,
                self.field.widget,
                widgets.HBox(
                    [self.button, self.tries_html],
                    layout=widgets.Layout(flex_flow="row wrap", align_items="center", gap="10px"),
                ),
                self.feedback,
                self.explain_button,
                self.explanation,
            ],
            layout=widgets.Layout(width="100%", max_width="980px"),
        )
        self.widget.add_class("dk-app")
        self.widget.add_class("dk-soal")
        self.redraw()

    def _wrapped(self, handler):
        """Like ``App.callback``, with the message shown in this form, next to the answer."""

        @functools.wraps(handler)
        def run(*args):
            try:
                return handler(*args)
            except InputError as exc:
                self.feedback.value = message_html("error", esc(str(exc)))
            except Exception as exc:
                log.exception("error in lesson form %s", self.nomor)
                detail = f"{type(exc).__name__}: {exc}"
                self.feedback.value = message_html("error", esc(t("app.error", detail=detail)))
            return None

        return run

    def redraw(self) -> None:
        self.title.value = (
            f"<div class='dk-soal-title'>{esc(t('lesson.answer_title', nomor=self.nomor))}</div>"
        )
        self.field.redraw()
        self.button.description = t("lesson.check")
        self._draw_state()

    def _check(self) -> None:
        """*Periksa* (``self.check``, wrapped): read the answer, give feedback, count the try,
        save it. Unreadable input is explained next to the answer and counts no try."""
        value = self.jawab.baca(self.field.raw())  # InputError: shown, no try counted
        self.hasil = periksa(self.nomor, value, mode="pelajaran")
        self.benar = self.hasil.benar
        self.tries += 1
        self._draw_state()
        self.lesson.save_answer(
            self.nomor, self.jawab.simpan(value), self.field.shown(), self.benar
        )

    def restore(self, saved: dict[str, Any]) -> None:
        """Show a saved answer again: the widget, the feedback, the tries."""
        value = self.jawab.muat(saved.get("value"))
        self.field.set_raw(self.jawab.isian(value))
        self.tries = int(saved.get("tries", 0))
        self.hasil = periksa(self.nomor, value, mode="pelajaran")
        self.benar = self.hasil.benar
        self._draw_state()

    def toggle_explanation(self) -> None:
        showing = self.explanation.layout.display != "none"
        self.explanation.layout.display = "none" if showing else None
        self._draw_state()

    def _draw_state(self) -> None:
        if self.hasil is not None:
            self.feedback.value = message_html(self.hasil.kind, esc(self.hasil.pesan))
        self.tries_html.value = (
            f"<span class='dk-muted' data-testid='percobaan'>"
            f"{esc(t('lesson.tries', n=self.tries))}</span>"
            if self.tries
            else ""
        )
        offer = not self.benar and self.tries >= TRIES_BEFORE_EXPLANATION
        text = self.exercise.teks_pembahasan()
        self.explain_button.layout.display = None if offer and text else "none"
        showing = self.explanation.layout.display != "none"
        self.explain_button.description = t(
            "lesson.hide_explanation" if showing else "lesson.show_explanation"
        )
        if text:
            paragraphs = "".join(
                f"<p>{esc(p.strip())}</p>" for p in text.split("\n\n") if p.strip()
            )
            self.explanation.value = (
                f"<div class='dk-pembahasan'><b>{esc(t('lesson.explanation_title'))}</b>"
                f"{paragraphs}</div>"
            )


__all__ = ["Pelajaran", "SoalForm", "style"]
