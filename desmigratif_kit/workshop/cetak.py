"""The action plan as one printable A4 page (HTML with print CSS), for the village's files.

A complete HTML document (no script, no link to anything: it opens offline from the
downloads folder and prints from any browser, or saves as PDF): the village's name and
Kemendagri code, the date, the participant code, per pillar the village's position (facts,
lesson), self-assessment, target, actions (who, by when, budget, funding source) and the gaps
still to discuss, the total budget, and signature lines for the village head and the
facilitator. Everything typed by the participant is escaped.

>>> from desmigratif_kit.workshop.rencana import new_plan, with_pillar
>>> plan = with_pillar(new_plan(), 1, target="<script>x</script>")
>>> page = rencana_html(plan, {}, {}, "Ranggatalo", "53.08.12.2014", date(2017, 9, 13))
>>> "@page { size: A4" in page, "&lt;script&gt;x&lt;/script&gt;" in page, "<script>" in page
(True, True, False)
>>> "13 September 2017" in page and "Kepala Desa" in page and "Fasilitator" in page
True
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from desmigratif_kit.core import lessons
from desmigratif_kit.core.catalog import PILLARS
from desmigratif_kit.core.i18n import format_date, format_rp, get_language, t
from desmigratif_kit.core.summary import RingkasanPilar
from desmigratif_kit.workshop.pilar import facts_shown
from desmigratif_kit.workshop.rencana import action_frame, budget_rp, celah, plan_from_saved
from desmigratif_kit.workshop.tampil import esc, fakta_html

PRINT_CSS = """
@page { size: A4; margin: 14mm 14mm 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #111;
  line-height: 1.35; margin: 0 auto; max-width: 182mm; padding: 8mm 0; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 5mm 0 1.5mm; padding-bottom: 1mm;
  border-bottom: 1.5pt solid #2f6f9f; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 10.5pt; margin: 2.5mm 0 1mm; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 2mm 0 3mm; }
.meta dt { font-weight: bold; } .meta dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 2mm; }
th, td { border: 0.5pt solid #9aa5b1; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
thead th { background: #e6eef5; }
table.dk-facts th { width: 60%; font-weight: normal; }
.dk-gap td, td.dk-gap { color: #8a5a00; font-style: italic; }
.dk-follow td { font-weight: bold; }
.dk-follow-tag { font-size: 8.5pt; border: 0.5pt solid #b35c00; color: #b35c00; padding: 0 1mm;
  border-radius: 1mm; font-weight: normal; }
.num { text-align: right; white-space: nowrap; }
.gaps { margin: 1mm 0 2mm; padding-left: 5mm; color: #6d4a00; }
section { break-inside: avoid-page; page-break-inside: avoid; }
.total { font-size: 11.5pt; font-weight: bold; margin: 4mm 0; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 14mm; margin-top: 10mm;
  break-inside: avoid; page-break-inside: avoid; }
.signatures div { text-align: center; }
.line { border-bottom: 0.8pt solid #111; height: 22mm; margin-bottom: 1.5mm; }
.small { font-size: 8.5pt; color: #555; }
@media screen { body { padding: 10mm 6mm; } }
@media print { a { color: inherit; text-decoration: none; } }
"""


def _actions_html(records: list, lang: str | None) -> str:
    if not records:
        return f"<p class='small'>{esc(t('ws.gap.tindakan', lang))}</p>"
    frame = action_frame(records)
    head = "".join(
        f"<th>{esc(t(key, lang))}</th>"
        for key in ("ws.col.tindakan", "ws.col.pj", "ws.col.batas_waktu",
                    "ws.col.anggaran_rp", "ws.col.sumber_dana")
    )  # fmt: skip
    rows = []
    for row in frame.to_dict("records"):
        when = format_date(row["batas_waktu"], lang) if row["batas_waktu"] else "—"
        money = format_rp(row["anggaran_rp"]) if row["anggaran_rp"] == row["anggaran_rp"] else "—"
        rows.append(
            f"<tr><td>{esc(row['tindakan'] or '—')}</td><td>{esc(row['pj'] or '—')}</td>"
            f"<td>{esc(when)}</td><td class='num'>{esc(money)}</td>"
            f"<td>{esc(row['sumber_dana'] or '—')}</td></tr>"
        )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def rencana_html(
    plan: Mapping,
    summaries: Mapping[int, RingkasanPilar | None],
    progress: Mapping[int, lessons.Progress],
    desa_nama: str,
    desa_kode: str,
    tanggal: date | None = None,
    kode_peserta: str = "",
    lang: str | None = None,
) -> str:
    """The printable page (a whole HTML document, A4, in ``lang``)."""
    lang = lang or get_language()
    plan = plan_from_saved(plan)
    title = t("ws.print.title", lang, desa=desa_nama)
    meta = [
        (t("ws.print.village", lang), desa_nama),
        (t("ws.print.code", lang), desa_kode),
        (t("ws.print.date", lang), format_date(tanggal or date.today(), lang)),
    ]
    if kode_peserta:
        meta.append((t("ws.print.participant", lang), kode_peserta))
    parts = []
    for pillar in PILLARS:
        nomor = pillar.nomor
        part = plan["pilar"][str(nomor)]
        summary = summaries.get(nomor)
        facts = facts_shown(summary)
        position = (
            fakta_html(facts, lang)
            if facts
            else f"<p class='small'>{esc(t('ws.plan.no_summary', lang))}</p>"
        )
        done = progress.get(nomor)
        lesson = ""
        if done and done.total:
            text = t("ws.plan.lesson", lang, benar=done.benar, total=done.total)
            lesson = f"<p class='small'>{esc(text)}</p>"
        budget = t("ws.plan.budget", lang, rp=format_rp(budget_rp(plan, nomor)))
        status = (
            t(f"ws.status.{part['status']}", lang) if part["status"] else t("ws.value.empty", lang)
        )
        note = f" · {esc(part['catatan'])}" if part["catatan"] else ""
        gaps = celah(plan, nomor, summary)
        gap_html = (
            "<ul class='gaps'>" + "".join(f"<li>{esc(g.teks(lang))}</li>" for g in gaps) + "</ul>"
            if gaps
            else f"<p class='small'>{esc(t('ws.plan.no_gaps', lang))}</p>"
        )
        parts.append(
            "<section>"
            f"<h2>{nomor}. {esc(t(pillar.judul_key, lang))}</h2>"
            f"<h3>{esc(t('ws.part.fakta', lang))}</h3>{position}{lesson}"
            f"<p><b>{esc(t('ws.status', lang))}:</b> {esc(status)}{note}</p>"
            f"<p><b>{esc(t('ws.target', lang))}:</b> "
            f"{esc(part['target'] or t('ws.value.empty', lang))}</p>"
            f"<h3>{esc(t('ws.part.tindakan', lang))}</h3>{_actions_html(part['tindakan'], lang)}"
            f"<p class='small'>{esc(budget)}</p>"
            f"<h3>{esc(t('ws.part.celah', lang))}</h3>{gap_html}"
            "</section>"
        )
    meta_html = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in meta)
    signatures = "".join(
        f"<div><div class='line'></div><b>{esc(t(role, lang))}</b>"
        f"<div class='small'>{esc(t('ws.print.name_line', lang))}</div></div>"
        for role in ("ws.print.sign_head", "ws.print.sign_facilitator")
    )
    total = t("ws.plan.total_budget", lang, rp=format_rp(budget_rp(plan)))
    return (
        f'<!DOCTYPE html><html lang="{esc(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{PRINT_CSS}</style></head><body>"
        f"<h1>{esc(title)}</h1><dl class='meta'>{meta_html}</dl>"
        f"{''.join(parts)}<p class='total'>{esc(total)}</p>"
        f"<div class='signatures'>{signatures}</div>"
        f"<p class='small'>{esc(t('ws.print.footer', lang))}</p>"
        "</body></html>"
    )
