"""What pillar 3 tells the workshop about one participant's work: facts that can be counted,
**never a child's name** (the action plan, the results board on a shared screen and the
district dashboard read them).

``ringkasan_kerja(works)`` reads the participant's saved work (``works``: app id → the latest
saved data, as :meth:`Store.all_work` gives it) and returns a
:class:`~desmigratif_kit.core.summary.RingkasanPilar` with these facts, in this order (labels
``par.sum.<key>``; ``None`` when the participant has not filled that part: a gap to discuss):

From *Data Anak Desa* (``data_anak``), counted on the roster's date (the app's "keadaan per
tanggal"), children under five by their measurement of the last three months
(:func:`~desmigratif_kit.parenting.count_children`):

=========================  ======  ==========================================================
key                        kind    what
=========================  ======  ==========================================================
``anak_terdata``           int     children in the roster
``balita``                 int     of them under five (0-60 months)
``balita_diukur``          int     under-fives with a measurement of the last three months
``balita_pendek``          int     stunted (TB/U < -2; follow-up when > 0)
``persen_pendek``          pct     stunted per 100 under-fives measured (1 decimal)
``balita_gizi_kurang``     int     wasted (BB/TB < -2, oedema counted; follow-up when > 0)
``balita_bb_kurang``       int     underweight (BB/U < -2)
``balita_tidak_naik``      int     weight not gaining (T) this month or last (follow-up)
``anak_perlu_rujukan``     int     children who should see a health worker (follow-up)
``anak_perlu_kunjungan``   int     children the group should visit this month
``anak_tidak_sekolah``     int     aged 7-15 and not at school (follow-up when > 0)
``anak_diasuh_kakek_nenek``  int   cared for by a grandparent
``data_anak_contoh``       bool    the roster holds the kit's synthetic sample (rows marked
                                   SINTETIS; then nothing is marked for follow-up)
``data_anak_per_tanggal``  text    the date the counts are for (ISO, ``2026-12-15``)
=========================  ======  ==========================================================

From *Rencana Kegiatan Parenting* (``rencana_parenting``): ``kegiatan_direncanakan`` (int,
sessions planned), ``kegiatan_terlaksana`` (int, sessions with attendance recorded),
``pengasuh_diundang`` and ``pengasuh_hadir`` (int, carers, over the sessions held),
``kehadiran_pct`` (pct), ``kegiatan_berikutnya`` (text, ISO date of the first session not
held yet; follow-up when no session is planned ahead).

From *Pantau Tumbuh Kembang* (``tumbuh_kembang``): ``pantau_ukuran`` (int, measurements on
the card), ``pantau_saran`` (text: ``segera``, ``rujuk``, ``pantau`` or ``baik`` for the latest
measurement).

From the lesson (``pelajaran_03_pengasuhan_bersama``): ``latihan_benar`` (int, exercises
right), ``latihan_dijawab`` (int, answered), ``latihan_total`` (int, always given).

>>> r = ringkasan_kerja({})
>>> r.pilar, r.nilai("anak_terdata"), r.nilai("latihan_total")
(3, None, 6)
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from typing import Any

from desmigratif_kit.core import lessons
from desmigratif_kit.core.inputs import missing
from desmigratif_kit.core.latihan import exercises_with_prefix
from desmigratif_kit.core.summary import Fakta, RingkasanPilar
from desmigratif_kit.parenting.kartu import Anak, hasil_ukur
from desmigratif_kit.parenting.kegiatan import kegiatan_from_records, ringkas_kegiatan
from desmigratif_kit.parenting.roster_edit import ada_data_contoh, roster_from_records
from desmigratif_kit.parenting.summary import count_children

__all__ = ["APP_DATA_ANAK", "APP_KEGIATAN", "APP_TUMBUH_KEMBANG", "LESSON_ID", "ringkasan_kerja"]

log = logging.getLogger(__name__)

APP_TUMBUH_KEMBANG = "tumbuh_kembang"
APP_DATA_ANAK = "data_anak"
APP_KEGIATAN = "rencana_parenting"
LESSON_ID = "03_pengasuhan_bersama"
_PREFIX = "3."


def tanggal_roster(saved: Mapping[str, Any], df) -> date | None:
    """The date a saved roster is counted on: the one the participant set, else its latest
    measurement."""
    text = saved.get("tanggal")
    if isinstance(text, str) and text:
        return date.fromisoformat(text[:10])
    days = [d for d in df["tanggal_ukur"] if not missing(d)]
    return max(days) if days else None


def _roster_facts(saved: Mapping[str, Any] | None) -> list[Fakta]:
    counts: dict[str, int] | None = None
    day = None
    sample = None
    if saved is not None:
        try:
            df = roster_from_records(saved.get("records") or [])
            sample = ada_data_contoh(df)
            day = tanggal_roster(saved, df)
            if len(df) and day is not None:
                counts = count_children(df, day)
        except (ValueError, KeyError, TypeError):  # a damaged record: a gap, not a crash
            log.exception("pillar 3 summary: roster not readable")
            counts, day = None, None

    def value(key: str) -> int | None:
        return None if counts is None else counts[key]

    real = counts is not None and not sample

    def fact(key: str, label: str, source: str, follow: bool = False) -> Fakta:
        number = value(source)
        return Fakta(
            key, f"par.sum.{label}", number, "int", real and follow and bool(number), bool(sample)
        )

    share = None
    if counts is not None and counts["balita_diukur"]:
        share = round(100 * counts["pendek"] / counts["balita_diukur"], 1)
    return [
        fact("anak_terdata", "anak_terdata", "anak"),
        fact("balita", "balita", "balita"),
        fact("balita_diukur", "balita_diukur", "balita_diukur"),
        fact("balita_pendek", "balita_pendek", "pendek", follow=True),
        Fakta("persen_pendek", "par.sum.persen_pendek", share, "pct", contoh=bool(sample)),
        fact("balita_gizi_kurang", "balita_gizi_kurang", "gizi_kurang", follow=True),
        fact("balita_bb_kurang", "balita_bb_kurang", "bb_kurang"),
        fact("balita_tidak_naik", "balita_tidak_naik", "tidak_naik", follow=True),
        fact("anak_perlu_rujukan", "anak_perlu_rujukan", "perlu_rujukan", follow=True),
        fact("anak_perlu_kunjungan", "anak_perlu_kunjungan", "perlu_kunjungan"),
        fact("anak_tidak_sekolah", "anak_tidak_sekolah", "tidak_sekolah", follow=True),
        fact("anak_diasuh_kakek_nenek", "anak_diasuh_kakek_nenek", "diasuh_kakek_nenek"),
        Fakta("data_anak_contoh", "par.sum.data_anak_contoh", sample, "bool"),
        Fakta(
            "data_anak_per_tanggal",
            "par.sum.data_anak_per_tanggal",
            None if counts is None else day.isoformat(),
            "text",
        ),
    ]


def _plan_facts(saved: Mapping[str, Any] | None) -> list[Fakta]:
    summary = None
    if saved is not None:
        try:
            df = kegiatan_from_records(saved.get("kegiatan") or [])
            summary = ringkas_kegiatan(df) if len(df) else None
        except (ValueError, KeyError, TypeError):
            log.exception("pillar 3 summary: activity plan not readable")
    get = (lambda key: None) if summary is None else summary.get
    upcoming = get("berikutnya")
    return [
        Fakta("kegiatan_direncanakan", "par.sum.kegiatan_direncanakan", get("direncanakan")),
        Fakta("kegiatan_terlaksana", "par.sum.kegiatan_terlaksana", get("terlaksana")),
        Fakta("pengasuh_diundang", "par.sum.pengasuh_diundang", get("diundang")),
        Fakta("pengasuh_hadir", "par.sum.pengasuh_hadir", get("hadir")),
        Fakta("kehadiran_pct", "par.sum.kehadiran_pct", get("kehadiran_pct"), "pct"),
        Fakta(
            "kegiatan_berikutnya",
            "par.sum.kegiatan_berikutnya",
            None if upcoming is None else upcoming.isoformat(),
            "text",
            follow_up=summary is not None and upcoming is None,
        ),
    ]


def _card_facts(saved: Mapping[str, Any] | None) -> list[Fakta]:
    count, level = None, None
    if saved is not None and saved.get("anak") and saved.get("ukuran"):
        try:
            hasil = hasil_ukur(Anak.from_dict(saved["anak"]), saved["ukuran"])
            count, level = len(saved["ukuran"]), hasil.saran.tingkat
        except (ValueError, KeyError, TypeError):
            log.exception("pillar 3 summary: growth card not readable")
    return [
        Fakta("pantau_ukuran", "par.sum.pantau_ukuran", count),
        Fakta("pantau_saran", "par.sum.pantau_saran", level, "text"),
    ]


def _lesson_facts(saved: Mapping[str, Any] | None) -> list[Fakta]:
    numbers = exercises_with_prefix(_PREFIX)
    done = lessons.progress(saved, numbers)
    answered = saved is not None
    return [
        Fakta("latihan_benar", "par.sum.latihan_benar", done.benar if answered else None),
        Fakta("latihan_dijawab", "par.sum.latihan_dijawab", done.dijawab if answered else None),
        Fakta("latihan_total", "par.sum.latihan_total", done.total),
    ]


def ringkasan_kerja(works: Mapping[str, Mapping[str, Any]]) -> RingkasanPilar:
    """Pillar 3's facts from one participant's saved work (see the module's docstring for each
    key). Pure: reads ``works`` only; a damaged part becomes a gap (``None``), never an error.
    """
    return RingkasanPilar(
        3,
        _roster_facts(works.get(APP_DATA_ANAK))
        + _plan_facts(works.get(APP_KEGIATAN))
        + _card_facts(works.get(APP_TUMBUH_KEMBANG))
        + _lesson_facts(works.get(f"pelajaran_{LESSON_ID}")),
    )
