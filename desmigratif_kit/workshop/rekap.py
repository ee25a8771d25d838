"""What the room decided: every participant's saved work, village by village and added up.

The results board and the district dashboard read the same :class:`Rekap`:

- one :class:`Desa` per village signed in by a *kepala desa* (Kemendagri desa code). When a
  village has several participants (the village head and a *pendamping*, say), each pillar's
  facts come from the participant who saved work for that pillar last: the village's latest
  word, never the sum of two copies of one register;
- per pillar, each fact added up over the villages (:class:`TotalFakta`): ``int``, ``number``
  and ``rp`` facts summed, ``bool`` facts counted (villages saying yes), ``pct`` facts
  averaged, ``text`` facts tallied; gaps (villages without a value) and follow-ups counted;
- lesson progress per pillar from the lesson records.

Facts are counts, never names or identity numbers. Participant names (typed by them) appear
only in :attr:`Desa.nama_peserta`; whoever shows them as HTML escapes them.

:class:`RekapLangsung` keeps a :class:`Rekap` up to date cheaply for a live view: each
:meth:`~RekapLangsung.refresh` asks the store only for what was saved since the last call
(:meth:`Store.work_since`) and recomputes only the participants whose work changed.

>>> from desmigratif_kit.core.store import Store
>>> store = Store(":memory:")
>>> ani = store.register("kepala_desa", "Ani", "53.08.12.2014")
>>> _ = store.register("kepala_dinas", "Budi", "53.08")
>>> live = RekapLangsung(store)
>>> live.refresh(), live.rekap.jumlah_desa, live.rekap.peran
(True, 1, {'kepala_desa': 1, 'kepala_dinas': 1, 'fasilitator': 0})
>>> live.refresh()
False
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from desmigratif_kit.core import lessons
from desmigratif_kit.core.catalog import PILLARS, Pillar
from desmigratif_kit.core.store import ROLES, Participant, SavedWork, Store
from desmigratif_kit.core.summary import Fakta, RingkasanPilar
from desmigratif_kit.core.wilayah import normalize_kode, wilayah_path
from desmigratif_kit.workshop.pilar import (
    SUMMED_KINDS,
    facts_shown,
    is_number,
    lesson_progress,
    pillar_apps,
    pillar_summary,
)

PLAN_APP = "rencana_aksi"
"""The store app id of the village action plan."""
DESA_LEVEL_LENGTH = 13  # "53.10.05.2003"


@dataclass(frozen=True)
class Desa:
    """One village signed in: its code and names, who signed in for it, and per pillar the
    facts and lesson progress of the participant who last saved work for that pillar."""

    kode: str
    nama: str
    kecamatan: str
    kabupaten: str
    provinsi: str
    peserta: tuple[str, ...]
    nama_peserta: tuple[str, ...]
    ringkasan: Mapping[int, RingkasanPilar | None]
    pelajaran: Mapping[int, lessons.Progress]
    rencana: Mapping[str, Any] | None = None
    terakhir: datetime | None = field(default=None, compare=False)
    """The village's last save (not compared: a save that changes no fact changes nothing)."""

    @property
    def kabupaten_kode(self) -> str:
        return self.kode[:5]

    def fakta(self, pilar: int) -> list[Fakta]:
        """The facts shown for pillar ``pilar`` (empty when the pillar has no summary yet)."""
        return facts_shown(self.ringkasan.get(pilar))

    def tindak_lanjut(self) -> list[tuple[int, Fakta]]:
        """Every fact of this village flagged for follow-up, with its pillar."""
        return [(p, f) for p in sorted(self.ringkasan) for f in self.fakta(p) if f.follow_up]


@dataclass(frozen=True)
class TotalFakta:
    """One fact over many villages.

    ``nilai``: the sum (``int``/``number``/``rp``), the villages saying yes (``bool``), the
    mean (``pct``) or ``None`` (``text``, or no village answered); ``dijawab``: villages with a
    value; ``kosong``: villages without (gaps); ``tindak_lanjut``: villages flagged;
    ``teks``: for ``text`` facts, each value with how many villages gave it (most first).
    """

    key: str
    label: str
    kind: str
    nilai: float | int | None
    dijawab: int
    kosong: int
    tindak_lanjut: int
    teks: tuple[tuple[str, int], ...] = ()


def total_fakta(facts: Sequence[Fakta]) -> TotalFakta:
    """Add up one fact (the same key) given by several villages.

    >>> total_fakta([Fakta("n", "n", 2), Fakta("n", "n", None),
    ...              Fakta("n", "n", 3, follow_up=True)])  # doctest: +NORMALIZE_WHITESPACE
    TotalFakta(key='n', label='n', kind='int', nilai=5, dijawab=2, kosong=1, tindak_lanjut=1,
               teks=())
    >>> total_fakta([Fakta("b", "b", True, "bool"), Fakta("b", "b", False, "bool")]).nilai
    1
    >>> total_fakta([Fakta("p", "p", 10.0, "pct"), Fakta("p", "p", 20.0, "pct")]).nilai
    15.0
    >>> total_fakta([Fakta("n", "n", 2), Fakta("n", "n", 180, contoh=True)]).nilai  # the sample
    2
    """
    if not facts:
        raise ValueError("total_fakta needs at least one fact")
    first = facts[0]
    given = [f.value for f in facts if f.value is not None and not f.contoh]
    kind = first.kind
    nilai: float | int | None = None
    teks: tuple[tuple[str, int], ...] = ()
    numbers = [v for v in given if is_number(v)]
    if kind in SUMMED_KINDS and numbers:
        nilai = sum(numbers)
    elif kind == "bool":
        nilai = sum(1 for v in given if v is True)
    elif kind == "pct" and numbers:
        nilai = round(sum(numbers) / len(numbers), 1)
    elif kind == "text":
        counted = Counter(str(v) for v in given if str(v).strip())
        teks = tuple(sorted(counted.items(), key=lambda item: (-item[1], item[0])))
    return TotalFakta(
        key=first.key,
        label=first.label,
        kind=kind,
        nilai=nilai,
        dijawab=len(given),
        kosong=sum(1 for f in facts if f.value is None),
        tindak_lanjut=sum(1 for f in facts if f.follow_up),
        teks=teks,
    )


@dataclass(frozen=True)
class Rekap:
    """The room (or one district): participants by role and the villages signed in."""

    peran: Mapping[str, int]
    desa: tuple[Desa, ...]
    pilar: tuple[Pillar, ...] = field(default=PILLARS)

    @property
    def jumlah_desa(self) -> int:
        return len(self.desa)

    def totals(self, pilar: int) -> list[TotalFakta]:
        """Each fact of pillar ``pilar`` added up over the villages, in the pillar's order."""
        by_key: dict[str, list[Fakta]] = {}
        for desa in self.desa:
            for fact in desa.fakta(pilar):
                by_key.setdefault(fact.key, []).append(fact)
        return [total_fakta(facts) for facts in by_key.values()]

    def has_summary(self, pilar: int) -> bool:
        """Whether any village has facts for the pillar (it has a summary module)."""
        return any(desa.ringkasan.get(pilar) is not None for desa in self.desa)

    def pelajaran(self, pilar: int) -> tuple[int, int, int]:
        """(villages that started the pillar's lessons, exercises right, exercises answered)
        over the villages."""
        started = [d.pelajaran[pilar] for d in self.desa if d.pelajaran[pilar].dijawab]
        return (
            len(started),
            sum(p.benar for p in started),
            sum(p.dijawab for p in started),
        )

    def rencana_disimpan(self) -> int:
        """Villages with a saved action plan."""
        return sum(1 for desa in self.desa if desa.rencana)

    def kabupaten(self, kode: str) -> Rekap:
        """The villages of one kabupaten/kota (code ``53.10``), participants counted in it."""
        kab = normalize_kode(kode)
        villages = tuple(d for d in self.desa if d.kabupaten_kode == kab)
        roles = {role: 0 for role in ROLES}
        roles["kepala_desa"] = sum(len(d.peserta) for d in villages)
        return Rekap(roles, villages, self.pilar)


def is_village(participant: Participant) -> bool:
    """A village head signed in with a desa/kelurahan code."""
    code = participant.village_code or ""
    return participant.role == "kepala_desa" and len(code) == DESA_LEVEL_LENGTH


def _latest(works: Mapping[str, SavedWork], apps: Iterable[str]) -> datetime | None:
    times = [works[app].saved_at for app in apps if app in works]
    return max(times) if times else None


def _names(kode: str) -> tuple[str, str, str, str]:
    try:
        path = [nama for _, nama in wilayah_path(kode)]
    except (KeyError, ValueError):
        return kode, "", "", ""
    provinsi, kabupaten, kecamatan, desa = (path + ["", "", "", ""])[:4]
    return desa, kecamatan, kabupaten, provinsi


def build_desa(
    kode: str,
    people: Sequence[Participant],
    works: Mapping[str, Mapping[str, SavedWork]],
    summaries: Mapping[tuple[str, int], RingkasanPilar | None],
    pillars: Sequence[Pillar] = PILLARS,
) -> Desa:
    """One village from its participants, their latest works and their pillar summaries."""
    nama, kecamatan, kabupaten, provinsi = _names(kode)
    ringkasan: dict[int, RingkasanPilar | None] = {}
    pelajaran: dict[int, lessons.Progress] = {}
    for pillar in pillars:
        apps = pillar_apps(pillar)
        chosen = max(
            people,
            key=lambda p: (_latest(works.get(p.code, {}), apps) or datetime.min, p.created_at),
        )
        ringkasan[pillar.nomor] = summaries.get((chosen.code, pillar.nomor))
        data = {app: w.data for app, w in works.get(chosen.code, {}).items()}
        pelajaran[pillar.nomor] = lesson_progress(pillar, data)
    plans = [(works[p.code][PLAN_APP], p) for p in people if PLAN_APP in works.get(p.code, {})]
    rencana = max(plans, key=lambda item: item[0].saved_at)[0].data if plans else None
    every = [w.saved_at for p in people for w in works.get(p.code, {}).values()]
    return Desa(
        kode=kode,
        nama=nama,
        kecamatan=kecamatan,
        kabupaten=kabupaten,
        provinsi=provinsi,
        peserta=tuple(p.code for p in people),
        nama_peserta=tuple(p.name for p in people),
        ringkasan=ringkasan,
        pelajaran=pelajaran,
        rencana=rencana,
        terakhir=max(every) if every else None,
    )


def participant_summaries(
    code: str, works: Mapping[str, SavedWork], pillars: Sequence[Pillar] = PILLARS
) -> dict[tuple[str, int], RingkasanPilar | None]:
    """Every pillar's summary of one participant's latest works."""
    data = {app: w.data for app, w in works.items()}
    return {(code, pillar.nomor): pillar_summary(pillar, data) for pillar in pillars}


def rekap(
    participants: Sequence[Participant],
    works: Iterable[SavedWork],
    pillars: Sequence[Pillar] = PILLARS,
) -> Rekap:
    """The :class:`Rekap` of ``participants`` and their latest ``works`` (computed in full).

    >>> from desmigratif_kit.core.store import Store
    >>> store = Store(":memory:")
    >>> p = store.register("kepala_desa", "<b>Ani</b>", "5308122014")
    >>> r = rekap(store.participants(), store.all_work())
    >>> r.desa[0].nama, r.desa[0].nama_peserta, r.totals(1)[0].kosong
    ('Ranggatalo', ('<b>Ani</b>',), 1)
    """
    by_code: dict[str, dict[str, SavedWork]] = {}
    for work in works:
        by_code.setdefault(work.code, {})[work.app] = work
    summaries: dict[tuple[str, int], RingkasanPilar | None] = {}
    for participant in participants:
        if is_village(participant):
            summaries.update(
                participant_summaries(participant.code, by_code.get(participant.code, {}), pillars)
            )
    return _assemble(participants, by_code, summaries, pillars)


def _assemble(
    participants: Sequence[Participant],
    works: Mapping[str, Mapping[str, SavedWork]],
    summaries: Mapping[tuple[str, int], RingkasanPilar | None],
    pillars: Sequence[Pillar],
) -> Rekap:
    roles = {role: 0 for role in ROLES}
    villages: dict[str, list[Participant]] = {}
    for participant in participants:
        roles[participant.role] = roles.get(participant.role, 0) + 1
        if is_village(participant):
            villages.setdefault(normalize_kode(participant.village_code), []).append(participant)
    desa = tuple(
        build_desa(kode, people, works, summaries, pillars)
        for kode, people in sorted(villages.items())
    )
    return Rekap(roles, desa, tuple(pillars))


class RekapLangsung:
    """A :class:`Rekap` kept up to date from the store, cheaply (for the live board).

    ``refresh()`` reads the participants and what was saved since the last call, recomputes
    the summaries of the participants whose work changed (all of them once a day: pillar
    facts such as "contracts ending in 90 days" depend on the date) and returns whether
    anything changed; ``rekap`` is the current :class:`Rekap`.
    """

    def __init__(self, store: Store, pillars: Sequence[Pillar] = PILLARS, today=date.today):
        self.store = store
        self.pillars = tuple(pillars)
        self._today = today
        self._day: date | None = None
        self._last = 0
        self._participants: list[Participant] = []
        self._works: dict[str, dict[str, SavedWork]] = {}
        self._summaries: dict[tuple[str, int], RingkasanPilar | None] = {}
        self.rekap = Rekap({role: 0 for role in ROLES}, (), self.pillars)
        self.saves_seen = 0

    def refresh(self) -> bool:
        """Read what is new; recompute what it touches. True when the :class:`Rekap` changed."""
        participants = self.store.participants()
        last, new = self.store.work_since(self._last)
        day = self._today()
        new_day = day != self._day
        if not new and not new_day and len(participants) == len(self._participants):
            return False
        changed = {w.code for w in new}
        for work in new:
            known = self._works.setdefault(work.code, {}).get(work.app)
            if known is None or work.version >= known.version:
                self._works[work.code][work.app] = work
        self._last = last
        self.saves_seen += len(new)
        known_codes = {p.code for p in self._participants}
        changed |= {p.code for p in participants if p.code not in known_codes}
        if new_day:
            changed |= {p.code for p in participants}
            self._day = day
        for participant in participants:
            if participant.code in changed and is_village(participant):
                self._summaries.update(
                    participant_summaries(
                        participant.code, self._works.get(participant.code, {}), self.pillars
                    )
                )
        self._participants = participants
        before = self.rekap
        self.rekap = _assemble(participants, self._works, self._summaries, self.pillars)
        return self.rekap != before


def rekap_kabupaten(store: Store, kode: str, pillars: Sequence[Pillar] = PILLARS) -> Rekap:
    """The :class:`Rekap` of one kabupaten/kota (code ``53.08``), read from the store for its
    villages only (the apps and lessons of the catalog, plus the action plan)."""
    kab = normalize_kode(kode)
    people = [
        p
        for p in store.participants()
        if is_village(p) and normalize_kode(p.village_code)[:5] == kab
    ]
    apps = sorted({app for pillar in pillars for app in pillar_apps(pillar)} | {PLAN_APP})
    works = [w for p in people for app in apps if (w := store.load(p.code, app)) is not None]
    return rekap(people, works, pillars)
