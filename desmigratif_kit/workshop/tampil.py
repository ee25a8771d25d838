"""Facts written for people, as text and as HTML (pure functions; every typed text escaped).

The action plan, the results board and the district dashboard show the pillars' facts the same
way: numbers Indonesian (``1.500``, ``Rp 1.500.000``, ``12,5%``), yes/no in words, a gap as
"belum diisi" (styled ``dk-gap``), a fact to follow up highlighted (``dk-follow``). Anything a
participant typed (a name, a target, a text fact) goes through :func:`esc`.

>>> from desmigratif_kit.core.summary import Fakta
>>> nilai_teks(1500000, "rp"), nilai_teks(True, "bool"), nilai_teks(None, "int")
('Rp 1.500.000', 'Ya', 'belum diisi')
>>> page = fakta_html([Fakta("x", "<b>label</b>", None), Fakta("y", "y", 2, follow_up=True)])
>>> print(page.replace("<tr", "\\n<tr").replace("<td>2 ", "<td>2\\n"))
<table class="dk-facts">
<tr class="dk-gap"><th>&lt;b&gt;label&lt;/b&gt;</th><td>belum diisi</td></tr>
<tr class="dk-follow"><th>y</th><td>2
<span class="dk-follow-tag">perlu tindak lanjut</span></td></tr></table>
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from desmigratif_kit.core.i18n import (
    format_number,
    format_pct,
    format_rp,
    t,
    text_or_key,
)
from desmigratif_kit.core.summary import Fakta
from desmigratif_kit.workshop.pilar import is_number
from desmigratif_kit.workshop.rekap import Desa, Rekap, TotalFakta
from desmigratif_kit.workshop.rencana import budget_rp, is_empty, plan_from_saved

TEXT_VALUES_SHOWN = 5
"""Different values listed for a text fact on the board (then "and N more")."""


def esc(text: object) -> str:
    """HTML-escape (the same rule as ``core.app.esc``, without importing widgets here)."""
    return "" if text is None else html.escape(str(text), quote=True)


def label(fact: Fakta | TotalFakta, lang: str | None = None) -> str:
    return text_or_key(fact.label, lang)


def nilai_teks(value: Any, kind: str, lang: str | None = None) -> str:
    """One value as people read it (``None``: "belum diisi")."""
    if value is None:
        return t("ws.value.empty", lang)
    if kind == "bool":
        return t("lesson.yes" if value else "lesson.no", lang)
    if kind == "rp" and is_number(value):
        return format_rp(value)
    if kind == "pct" and is_number(value):
        return format_pct(value)
    if kind in ("int", "number") and is_number(value):
        return format_number(value)
    return str(value)


def fakta_html(facts: Sequence[Fakta], lang: str | None = None) -> str:
    """A village's facts of one pillar as a two-column table (gaps and follow-ups marked)."""
    rows = []
    for fact in facts:
        css = "dk-gap" if fact.value is None else ("dk-follow" if fact.follow_up else "")
        value = esc(nilai_teks(fact.value, fact.kind, lang))
        if fact.follow_up and fact.value is not None:
            value += f' <span class="dk-follow-tag">{esc(t("ws.follow_up", lang))}</span>'
        cls = f' class="{css}"' if css else ""
        rows.append(f"<tr{cls}><th>{esc(label(fact, lang))}</th><td>{value}</td></tr>")
    return f'<table class="dk-facts">{"".join(rows)}</table>'


def total_teks(total: TotalFakta, villages: int, lang: str | None = None) -> str:
    """One fact over the room in words: a sum, "12 dari 30 desa", an average, the values.

    >>> total_teks(TotalFakta("b", "b", "bool", 12, 28, 2, 0), 30)
    '12 dari 30 desa'
    >>> total_teks(TotalFakta("n", "n", "int", 1500, 28, 2, 0), 30)
    '1.500 · 28 desa mengisi'
    """
    if total.kind == "bool":
        return t("ws.board.of_villages", lang, n=total.nilai or 0, total=villages)
    if total.kind == "text":
        if not total.teks:
            return t("ws.board.nobody", lang)
        shown = [f"{value} ({format_number(n)})" for value, n in total.teks[:TEXT_VALUES_SHOWN]]
        more = len(total.teks) - TEXT_VALUES_SHOWN
        if more > 0:
            shown.append(t("ws.board.more", lang, n=more))
        return ", ".join(shown)
    if total.nilai is None:
        return t("ws.board.nobody", lang)
    value = nilai_teks(total.nilai, total.kind, lang)
    if total.kind == "pct":
        return t("ws.board.mean", lang, value=value, n=total.dijawab)
    return t("ws.board.sum_villages", lang, value=value, n=total.dijawab)


def totals_html(totals: Sequence[TotalFakta], villages: int, lang: str | None = None) -> str:
    """A pillar's facts over the room, one line each, big (for the projector)."""
    rows = []
    for total in totals:
        notes = []
        if total.kosong:
            notes.append(t("ws.board.gaps", lang, n=total.kosong))
        if total.tindak_lanjut:
            notes.append(t("ws.board.follow", lang, n=total.tindak_lanjut))
        css = ' class="dk-follow"' if total.tindak_lanjut else ""
        note = f'<div class="dk-total-note">{esc(" · ".join(notes))}</div>' if notes else ""
        rows.append(
            f"<li{css}><span class='dk-total-label'>{esc(label(total, lang))}</span>"
            f"<span class='dk-total-value'>{esc(total_teks(total, villages, lang))}</span>"
            f"{note}</li>"
        )
    return f'<ul class="dk-totals">{"".join(rows)}</ul>'


def village_label(desa: Desa) -> str:
    """The village and its kecamatan, e.g. "Ranggatalo (Lio Timur)" (Kemendagri names)."""
    return f"{desa.nama} ({desa.kecamatan})" if desa.kecamatan else desa.nama


def participants_html(rekap: Rekap, lang: str | None = None) -> str:
    """The villages signed in, with who signed in for each (names escaped: typed by people)."""
    if not rekap.desa:
        return f"<p class='dk-muted'>{esc(t('ws.board.empty', lang))}</p>"
    items = []
    for desa in rekap.desa:
        people = ", ".join(esc(name) for name in desa.nama_peserta)
        place = esc(f"{village_label(desa)}, {desa.kabupaten}")
        items.append(f"<li><b>{place}</b> · <span class='dk-people'>{people}</span></li>")
    return f'<ul class="dk-who-list" data-testid="desa-masuk">{"".join(items)}</ul>'


def district_table_html(rekap: Rekap, lang: str | None = None) -> str:
    """The villages of a district side by side: one row a village, a column group a pillar
    (its facts, then the lesson), follow-ups highlighted, gaps "—"; a totals row."""
    pillars = [p for p in rekap.pilar if rekap.has_summary(p.nomor)]
    columns: dict[int, list[tuple[str, str, str]]] = {}
    for pillar in pillars:
        seen: dict[str, tuple[str, str, str]] = {}
        for desa in rekap.desa:
            for fact in desa.fakta(pillar.nomor):
                seen.setdefault(fact.key, (fact.key, label(fact, lang), fact.kind))
        columns[pillar.nomor] = list(seen.values())
    head1 = [f'<th rowspan="2" class="dk-sticky">{esc(t("ws.dash.col.desa", lang))}</th>']
    head2 = []
    for pillar in rekap.pilar:
        facts = columns.get(pillar.nomor, [])
        span = len(facts) + 1
        title = f"{pillar.nomor}. {t(pillar.judul_key, lang)}"
        head1.append(f'<th colspan="{span}" class="dk-group dk-p{pillar.nomor}">{esc(title)}</th>')
        head2 += [f"<th>{esc(name)}</th>" for _, name, _ in facts]
        head2.append(f"<th>{esc(t('ws.dash.lesson', lang))}</th>")
    head1.append(f'<th rowspan="2">{esc(t("ws.dash.plan", lang))}</th>')
    body = []
    for desa in rekap.desa:
        cells = [f'<th class="dk-sticky">{esc(village_label(desa))}</th>']
        for pillar in rekap.pilar:
            facts = {f.key: f for f in desa.fakta(pillar.nomor)}
            for key, _, kind in columns.get(pillar.nomor, []):
                cells.append(_cell(facts.get(key), kind, lang))
            done = desa.pelajaran.get(pillar.nomor)
            lesson = f"{done.benar}/{done.total}" if done and done.dijawab else "—"
            cells.append(f"<td>{esc(lesson)}</td>")
        cells.append(_plan_cell(desa, lang))
        body.append(f"<tr>{''.join(cells)}</tr>")
    totals = [f'<th class="dk-sticky">{esc(t("ws.dash.total", lang))}</th>']
    for pillar in rekap.pilar:
        by_key = {total.key: total for total in rekap.totals(pillar.nomor)}
        for key, _, _ in columns.get(pillar.nomor, []):
            total = by_key.get(key)
            text = _total_cell(total, lang) if total else ""
            totals.append(f"<td>{esc(text)}</td>")
        totals.append("<td></td>")
    totals.append(f"<td>{format_number(rekap.rencana_disimpan())}</td>")
    return (
        '<div class="dk-tablewrap" data-testid="tabel-kabupaten"><table class="dk-district">'
        f"<thead><tr>{''.join(head1)}</tr><tr>{''.join(head2)}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody><tfoot><tr>{''.join(totals)}</tr></tfoot>"
        "</table></div>"
    )


def _cell(fact: Fakta | None, kind: str, lang: str | None) -> str:
    if fact is None or fact.value is None:
        return f'<td class="dk-gap" title="{esc(t("ws.value.empty", lang))}">—</td>'
    text = esc(nilai_teks(fact.value, kind, lang))
    return f'<td class="dk-follow">{text}</td>' if fact.follow_up else f"<td>{text}</td>"


def _total_cell(total: TotalFakta, lang: str | None) -> str:
    if total.kind == "bool":
        return format_number(total.nilai or 0)
    if total.kind == "text" or total.nilai is None:
        return ""
    if total.kind == "pct":
        return "Ø " + nilai_teks(total.nilai, total.kind, lang)
    return nilai_teks(total.nilai, total.kind, lang)


def _plan_cell(desa: Desa, lang: str | None) -> str:
    if not desa.rencana or is_empty(desa.rencana):
        return '<td class="dk-gap">—</td>'
    plan = plan_from_saved(desa.rencana)
    actions = sum(len(p["tindakan"]) for p in plan["pilar"].values())
    text = t("ws.dash.plan_cell", lang, n=actions, rp=format_rp(budget_rp(plan)))
    return f"<td>{esc(text)}</td>"


def follow_ups_html(rekap: Rekap, lang: str | None = None) -> str:
    """Per village, in sentences, what a district head should follow up."""
    items = []
    for desa in rekap.desa:
        flagged = desa.tindak_lanjut()
        if not flagged:
            continue
        parts = [
            f"{label(fact, lang)}: {nilai_teks(fact.value, fact.kind, lang)}" for _, fact in flagged
        ]
        items.append(f"<li><b>{esc(village_label(desa))}</b>: {esc('; '.join(parts))}</li>")
    if not items:
        return f"<p class='dk-muted'>{esc(t('ws.dash.no_follow', lang))}</p>"
    return f'<ul class="dk-follow-list" data-testid="tindak-lanjut">{"".join(items)}</ul>'
