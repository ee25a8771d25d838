"""Waspada Calo: scenario cards of recruitment offers; mark the red flags you see.

A card's true flags are what :func:`desmigratif_kit.migration.red_flags` finds in its offer.
"""

from __future__ import annotations

import ipywidgets as widgets

from desmigratif_kit import migration
from desmigratif_kit.core import i18n
from desmigratif_kit.core.app import esc, message_html
from desmigratif_kit.core.i18n import t
from desmigratif_kit.migration import cards
from desmigratif_kit.migration.apps.common import (
    _abbrev_html,
    _card,
    _finding_html,
    _MigrasiApp,
    _row,
    preload,
)

__all__ = ["WaspadaCaloApp", "preload"]

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
        self._quiet = False
        self.restore()

    def restore(self) -> None:
        """The signed-in participant's cards, marks and card in view."""
        saved = self.load_saved()
        if saved is not None:
            self._restore(saved.data)
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
        """Saved marks back; codes of older kit versions (``perseorangan`` for the broker
        flag) are read as today's (:data:`migration.KODE_LAMA`)."""
        known = {card.kode for card in cards.KARTU}
        self.tanda = {
            k: list(
                dict.fromkeys(
                    migration.KODE_LAMA.get(c, c)
                    for c in v
                    if migration.KODE_LAMA.get(c, c) in cards.PILIHAN_TANDA
                )
            )
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
        parts.append(_abbrev_html(lang))
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
