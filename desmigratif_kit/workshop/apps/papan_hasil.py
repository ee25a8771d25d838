"""*Papan Hasil*: the live results board for the projector, opened with the facilitator PIN.

Nothing of the room's work is shown, or even read, until the PIN that the server printed at
start is typed (:class:`~desmigratif_kit.workshop.akses.PinGuard`: a wrong PIN is refused with
a message and a back-off). Then the board shows how many villages signed in, per pillar what
the room decided (each fact added up, big), charts, the lessons, the villages signed in (with
the names participants typed, escaped), and an Excel export of everything for the organisers.

It refreshes itself without a reload: a task on the kernel's event loop asks the store every
:data:`REFRESH_S` seconds what was saved since the last look
(:class:`~desmigratif_kit.workshop.rekap.RekapLangsung`: one indexed query, nothing when
nothing changed), and redraws only what changed: the texts when they differ, a pillar's chart
only when that pillar's totals changed. Only the small "updated at" line changes every time.
"""

from __future__ import annotations

import asyncio
from datetime import datetime

import ipywidgets as widgets

from desmigratif_kit.core.app import download_link, esc
from desmigratif_kit.core.catalog import PILLARS
from desmigratif_kit.core.excel import XLSX_MIME
from desmigratif_kit.core.i18n import format_number, t
from desmigratif_kit.workshop.akses import PinGuard
from desmigratif_kit.workshop.apps.common import WorkshopApp, card, css
from desmigratif_kit.workshop.ekspor import hasil_xlsx
from desmigratif_kit.workshop.rekap import RekapLangsung
from desmigratif_kit.workshop.tampil import participants_html, totals_html

__all__ = ["REFRESH_S", "PapanHasilApp", "preload"]

REFRESH_S = 3.0
"""Seconds between two looks at the store."""
CHART_WIDTH = "100%"


class PapanHasilApp(WorkshopApp):
    """The results board. ``pin`` defaults to the server's (``$DESMIGRATIF_PIN``);
    ``live=False`` draws once and starts no refresh task (tests)."""

    app_id = "papan_hasil"
    title_key = "ws.board.title"

    def __init__(
        self,
        kode: str | None = None,
        store=None,
        pin: str | None = ...,
        clock=None,
        refresh_s: float = REFRESH_S,
        live: bool = True,
    ):
        super().__init__(kode=kode, store=store)
        guard_args = {"clock": clock} if clock else {}
        self.guard = PinGuard(pin, **guard_args)
        self.refresh_s = refresh_s
        self.live = live
        self.unlocked = False
        self.rekap_langsung: RekapLangsung | None = None
        self._task: asyncio.Task | None = None
        self._drawn_totals: dict[int, object] = {}
        self._drawn_lessons: object = None
        self._create_header()
        self._create_pin()
        self._create_board()
        self.body = widgets.VBox([self.pin_box], layout=widgets.Layout(width="100%"))
        self._finish([css(), self.header, self.message, self.body])
        self.container.add_class("dk-board")
        self.bar.who.layout.display = "none"  # the board is nobody's work: no "not signed in"
        self.container.layout.max_width = "1800px"
        self.redraw()

    # --- building -------------------------------------------------------------------------
    def _create_pin(self) -> None:
        self.pin_title = widgets.HTML()
        self.pin = widgets.Password(layout=widgets.Layout(width="10em"))
        self.pin.add_class("dk-pin")
        self.pin_button = widgets.Button(button_style="primary", icon="unlock")
        self.on_click(self.pin_button, self._try_pin)
        self.pin.on_submit(self.callback(lambda _widget: self._try_pin(None)))
        self.pin_box = card(
            [
                self.pin_title,
                widgets.HBox(
                    [self.pin, self.pin_button],
                    layout=widgets.Layout(flex_flow="row wrap", gap="8px"),
                ),
            ]
        )

    def _create_board(self) -> None:
        self.tiles = widgets.HTML()
        self.status = widgets.HTML()
        self.pillar_text = {p.nomor: widgets.HTML() for p in PILLARS}
        self.pillar_chart = {
            p.nomor: widgets.Image(format="png", layout=widgets.Layout(width=CHART_WIDTH))
            for p in PILLARS
        }
        cards = []
        for pillar in PILLARS:
            box = card([self.pillar_text[pillar.nomor], self.pillar_chart[pillar.nomor]])
            box.add_class("dk-pillar-card")
            cards.append(box)
        self.lessons_chart = widgets.Image(format="png", layout=widgets.Layout(width=CHART_WIDTH))
        self.who_title = widgets.HTML()
        self.who = widgets.HTML()
        self.export_button = widgets.Button(icon="download", layout=widgets.Layout(width="auto"))
        self.on_click(self.export_button, self._export)
        self.export_link = widgets.HTML()
        grid = widgets.Box(
            [*cards, card([self.lessons_chart])], layout=widgets.Layout(width="100%")
        )
        grid.add_class("dk-board-grid")
        self.board_box = widgets.VBox(
            [
                self.tiles,
                self.status,
                grid,
                card([self.who_title, self.who]),
                card([self.export_button, self.export_link]),
            ],
            layout=widgets.Layout(width="100%"),
        )

    # --- the PIN --------------------------------------------------------------------------
    def _try_pin(self, _button) -> None:
        given, self.pin.value = self.pin.value, ""
        answer = self.guard.check(given)
        if answer.boleh:
            self.unlock()
            return
        key = {
            "salah": "ws.board.pin_wrong",
            "tunggu": "ws.board.pin_wait",
            "tanpa_pin": "ws.board.pin_none",
        }[answer.alasan]
        self.say("error", esc(t(key, seconds=answer.tunggu_s)))

    def unlock(self) -> None:
        """Show the board (after the right PIN) and start refreshing it."""
        self.unlocked = True
        self.clear_message()
        self.rekap_langsung = RekapLangsung(self.store)
        self.body.children = [self.board_box]
        self.tick(force=True)
        if self.live:
            self.start()

    # --- refreshing -----------------------------------------------------------------------
    def start(self) -> None:
        """Refresh every ``refresh_s`` seconds on the kernel's event loop (no thread: the
        widgets are only touched by the loop that runs the kernel)."""
        if self._task is not None and not self._task.done():
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if loop is None:  # not in a kernel (a script): no live refresh
            return
        self._task = loop.create_task(self._run())

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.refresh_s)
            self.callback(self.tick)()

    def tick(self, force: bool = False) -> bool:
        """One look at the store; redraw what changed. True when the room's data changed."""
        if not self.unlocked or self.rekap_langsung is None:
            return False
        changed = self.rekap_langsung.refresh()
        if changed or force:
            self._draw_board()
        stamp = datetime.now().astimezone().strftime("%H.%M.%S")
        self.status.value = (
            f"<p class='dk-live' data-testid='diperbarui'>"
            f"{esc(t('ws.board.updated', time=stamp, seconds=format_number(self.refresh_s)))}</p>"
        )
        return changed

    # --- drawing --------------------------------------------------------------------------
    def redraw(self) -> None:
        self._draw_header()
        self.pin_title.value = (
            f"<h2>{esc(t('ws.board.pin_title'))}</h2><p>{esc(t('ws.board.pin_intro'))}</p>"
        )
        self.pin.placeholder = t("ws.board.pin_placeholder")
        self.pin_button.description = t("ws.board.open")
        self.export_button.description = t("ws.board.make_export")
        if not self.guard.expected:
            self.say("warn", esc(t("ws.board.pin_none")))
        if self.unlocked:
            self._drawn_totals.clear()
            self._drawn_lessons = None
            self._draw_board()

    def _draw_board(self) -> None:
        from desmigratif_kit.workshop import charts  # matplotlib only once the board is open

        rekap = self.rekap_langsung.rekap
        villages = rekap.jumlah_desa
        tiles = [
            (villages, t("ws.board.villages")),
            (rekap.peran.get("kepala_dinas", 0), t("ws.board.dinas")),
            (rekap.rencana_disimpan(), t("ws.board.plans")),
        ]
        self.tiles.value = (
            '<div class="dk-tiles" data-testid="angka-ruangan">'
            + "".join(
                f"<div class='dk-tile'><b>{format_number(n)}</b><span>{esc(label)}</span></div>"
                for n, label in tiles
            )
            + "</div>"
        )
        self.who_title.value = f"<h2>{esc(t('ws.board.who'))}</h2>"
        self.who.value = participants_html(rekap)
        now = datetime.now().astimezone()
        for pillar in PILLARS:
            totals = rekap.totals(pillar.nomor)
            started, benar, dijawab = rekap.pelajaran(pillar.nomor)
            lesson = t("ws.board.lesson", desa=started, benar=benar, dijawab=dijawab)
            if rekap.has_summary(pillar.nomor) or not villages:
                body = totals_html(totals, villages) if totals else ""
            else:
                body = f"<p class='dk-muted'>{esc(t('ws.board.pillar_soon'))}</p>"
            self.pillar_text[pillar.nomor].value = (
                f"<h2>{pillar.nomor}. {esc(t(pillar.judul_key))}</h2>{body}"
                f"<p class='dk-muted'>{esc(lesson)}</p>"
            )
            key = (tuple(totals), villages)
            if self._drawn_totals.get(pillar.nomor) != key:
                fig = charts.chart_ya(pillar.nomor, totals, villages, now) if villages else None
                image = self.pillar_chart[pillar.nomor]
                image.value = charts.to_png(fig) if fig is not None else b""
                image.layout.display = None if fig is not None else "none"
                self._drawn_totals[pillar.nomor] = key
        lessons_key = tuple(rekap.pelajaran(p.nomor) for p in PILLARS), villages
        if lessons_key != self._drawn_lessons:
            self.lessons_chart.value = charts.to_png(charts.chart_lessons(rekap, now))
            self._drawn_lessons = lessons_key

    def _export(self, _button=None) -> None:
        rekap = self.rekap_langsung.rekap if self.rekap_langsung else None
        if rekap is None:
            return
        book = hasil_xlsx(rekap, self.store.participants())
        stamp = datetime.now().strftime("%Y-%m-%d-%H%M")
        self.export_link.value = download_link(
            book, f"hasil-lokakarya-{stamp}.xlsx", XLSX_MIME, t("ws.board.export")
        )


def preload() -> None:
    """Warm a preheated kernel: catalogs and the pillars' summaries (no data read: that waits
    for the PIN)."""
    from desmigratif_kit.workshop.pilar import lesson_progress, pillar_summary

    t("ws.board.title")
    for pillar in PILLARS:
        pillar_summary(pillar, {})
        lesson_progress(pillar, {})
