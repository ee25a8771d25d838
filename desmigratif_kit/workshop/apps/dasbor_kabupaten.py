"""*Dasbor Kabupaten*: the district dashboard for a *kepala dinas*, on a phone.

The head of a district manpower agency signs in on the home page with their kabupaten/kota
(Kemendagri code ``53.08``) and sees the villages of the district that signed in, side by side
(one row a village, a column group a pillar, follow-ups highlighted, gaps marked), the
follow-ups in sentences, an Excel copy, and the national context from reference data with
sources: placements per year and by destination, the province's share, remittance inflows and
the programme's rollout. Counts only: no migrant worker's or child's name, no identity number.
"""

from __future__ import annotations

from datetime import datetime

import ipywidgets as widgets

from desmigratif_kit.core.app import download_link, esc
from desmigratif_kit.core.excel import XLSX_MIME
from desmigratif_kit.core.i18n import format_number, format_pct, t
from desmigratif_kit.core.wilayah import normalize_kode, wilayah_children, wilayah_path
from desmigratif_kit.workshop import konteks
from desmigratif_kit.workshop.apps.common import WorkshopApp, card, css, slug
from desmigratif_kit.workshop.ekspor import hasil_xlsx
from desmigratif_kit.workshop.rekap import Rekap, rekap_kabupaten
from desmigratif_kit.workshop.tampil import district_table_html, follow_ups_html

__all__ = ["DasborKabupatenApp", "preload"]

KABUPATEN_LENGTH = 5  # "53.08"
CHART_INCI = 6.4
"""Width of the national charts: their text stays readable on a 390 px phone."""


def villages_in(kabupaten: str) -> int:
    """How many desa/kelurahan the Kemendagri table lists under a kabupaten/kota.

    >>> villages_in("53.08")
    278
    """
    kecamatan = wilayah_children(kabupaten)["kode"]
    return int(sum(len(wilayah_children(k)) for k in kecamatan))


class DasborKabupatenApp(WorkshopApp):
    """The district dashboard. ``DasborKabupatenApp(kode=...)`` opens it for a kepala dinas."""

    app_id = "dasbor_kabupaten"
    title_key = "app.dasbor_kabupaten"

    def __init__(self, kode: str | None = None, store=None):
        super().__init__(kode=kode, store=store)
        self.kabupaten: str | None = None
        self.rekap: Rekap | None = None
        self._create_header()
        self._create_district()
        self._create_national()
        self.body = widgets.VBox(layout=widgets.Layout(width="100%"))
        self._finish([css(), self.header, self.message, self.body])
        self.restore()

    # --- building -------------------------------------------------------------------------
    def _create_district(self) -> None:
        self.summary = widgets.HTML()
        self.refresh_button = widgets.Button(icon="refresh", layout=widgets.Layout(width="auto"))
        self.on_click(self.refresh_button, lambda _button: self.refresh())
        self.table_title = widgets.HTML()
        self.table = widgets.HTML(layout=widgets.Layout(width="100%"))
        self.table.add_class("dk-wide")
        self.follow_title = widgets.HTML()
        self.follow = widgets.HTML()
        self.export_button = widgets.Button(icon="download", layout=widgets.Layout(width="auto"))
        self.on_click(self.export_button, self._export)
        self.export_link = widgets.HTML()
        self.district_box = widgets.VBox(
            [
                card([self.summary, self.refresh_button]),
                card([self.table_title, self.table]),
                card([self.follow_title, self.follow]),
                card([self.export_button, self.export_link]),
            ],
            layout=widgets.Layout(width="100%"),
        )

    def _create_national(self) -> None:
        self.national_title = widgets.HTML()
        self.national_text = widgets.HTML()
        self.charts = [
            widgets.Image(format="png", layout=widgets.Layout(width="100%", max_width="720px"))
            for _ in range(5)
        ]
        self.national_box = card([self.national_title, self.national_text, *self.charts])

    # --- participant ----------------------------------------------------------------------
    def restore(self) -> None:
        """The signed-in kepala dinas's district, read from the store and drawn."""
        p = self.participant
        code = p.village_code if p else None
        if p is not None and p.role == "kepala_dinas" and code and len(code) >= KABUPATEN_LENGTH:
            self.kabupaten = normalize_kode(code)[:KABUPATEN_LENGTH]
        else:
            self.kabupaten = None
        self.refresh(draw_national=True)

    def refresh(self, draw_national: bool = False) -> None:
        """Read the district's villages again and redraw."""
        self.rekap = rekap_kabupaten(self.store, self.kabupaten) if self.kabupaten else None
        self.export_link.value = ""
        self.redraw(draw_national=draw_national)

    # --- drawing --------------------------------------------------------------------------
    def redraw(self, draw_national: bool = True) -> None:
        self._draw_header()
        self.refresh_button.description = t("ws.dash.refresh")
        self.export_button.description = t("ws.dash.make_export")
        if self.kabupaten is None:
            p = self.participant
            key = "ws.dash.sign_in" if p is None else "ws.dash.not_dinas"
            role = t(f"role.{p.role}") if p else ""
            self.say("info", esc(t(key, role=role)))
            self.body.children = []
            return
        self.clear_message()
        path = [nama for _, nama in wilayah_path(self.kabupaten)]
        name = path[-1]
        self.title.value = f"<h1>{esc(t('ws.dash.title', kabupaten=name))}</h1>"
        rekap = self.rekap
        if rekap.desa:
            text = t(
                "ws.dash.villages",
                n=rekap.jumlah_desa,
                kabupaten=name,
                total=format_number(villages_in(self.kabupaten)),
            )
        else:
            text = t("ws.dash.none")
        self.summary.value = (
            f"<p data-testid='ringkasan-kabupaten'>{esc(text)}</p>"
            f"<p class='dk-muted'>{esc(t('ws.dash.privacy'))}</p>"
        )
        self.table_title.value = (
            f"<h2>{esc(t('ws.dash.table'))}</h2><p class='dk-muted'>{esc(t('ws.dash.legend'))}</p>"
        )
        self.table.value = district_table_html(rekap) if rekap.desa else ""
        self.follow_title.value = f"<h2>{esc(t('ws.dash.follow'))}</h2>"
        self.follow.value = follow_ups_html(rekap)
        if draw_national:
            self._draw_national(path[0])
        self.body.children = [self.district_box, self.national_box]

    def _draw_national(self, provinsi: str) -> None:
        from desmigratif_kit.workshop import charts  # matplotlib: only when drawn

        self.national_title.value = f"<h2>{esc(t('ws.dash.national'))}</h2>"
        lines = [self._share_text(provinsi)]
        rollout = konteks.load_perluasan().query("jenis == 'kumulatif'").set_index("periode")
        lines.append(
            t(
                "ws.dash.rollout",
                desa_2019=format_number(int(rollout.loc["2016/2019", "desa"])),
                desa_2022=format_number(int(rollout.loc["2016/2022", "desa"])),
            )
        )
        self.national_text.value = "".join(f"<p>{esc(line)}</p>" for line in lines)
        figures = [
            charts.chart_penempatan_tahunan(),
            charts.chart_penempatan_negara("2024", top=8),
            charts.chart_penempatan_provinsi("2024", sorot=[provinsi]),
            charts.chart_remitansi(lebar_inci=CHART_INCI),
            charts.chart_perluasan(lebar_inci=CHART_INCI),
        ]
        for image, fig in zip(self.charts, figures, strict=True):
            image.value = charts.to_png(charts.fit_width(fig, CHART_INCI))

    def _share_text(self, provinsi: str) -> str:
        shares = konteks.pangsa_provinsi(self.kabupaten[:2])
        yearly = [s for s in shares if s.persen is not None]
        if yearly:
            latest = max(yearly, key=lambda s: s.periode)
            note = t("ws.dash.share_computed") if latest.dihitung else ""
            return t(
                "ws.dash.province_share",
                provinsi=latest.provinsi,
                jumlah=format_number(latest.jumlah),
                periode=latest.periode,
                persen=format_pct(latest.persen),
                note=note,
            )
        if shares:
            found = shares[0]
            text = t(
                "ws.dash.province_count",
                provinsi=found.provinsi,
                jumlah=format_number(found.jumlah),
                periode=found.periode,
            )
            return text + (t("ws.dash.share_uncertain") if found.catatan == "?" else "")
        return t("ws.dash.province_absent", provinsi=provinsi)

    def _export(self, _button=None) -> None:
        if self.rekap is None:
            return
        name = wilayah_path(self.kabupaten)[-1].nama
        title = t("ws.dash.title", kabupaten=name)
        book = hasil_xlsx(self.rekap, participants=None, judul=title)
        stamp = datetime.now().strftime("%Y-%m-%d")
        self.export_link.value = download_link(
            book, f"dasbor-{slug(name)}-{stamp}.xlsx", XLSX_MIME, t("ws.dash.export")
        )


def preload() -> None:
    """Warm a preheated kernel: catalogs, the pillars' summaries, the reference tables."""
    from desmigratif_kit.core.catalog import PILLARS
    from desmigratif_kit.workshop.pilar import lesson_progress, pillar_summary

    t("ws.dash.title", kabupaten="")
    for pillar in PILLARS:
        pillar_summary(pillar, {})
        lesson_progress(pillar, {})
    konteks.load_perluasan()
    konteks.load_remitansi_tahunan()
    konteks.pangsa_provinsi("52")
