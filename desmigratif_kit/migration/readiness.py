"""Pillar 1 checks: is a prospective migrant worker (CPMI) ready to leave on the planned date
(:func:`check_readiness`), and which red flags does an offer carry (:func:`red_flags`)?

Input is checked strictly: an unknown key or code raises
:class:`~desmigratif_kit.core.i18n.InputError`
naming the field (a typo never hides a red flag); inputs are never mutated.

>>> from datetime import date
>>> hasil = check_readiness({
...     "tanggal_lahir": date(2000, 5, 1), "tanggal_berangkat": date(2026, 3, 1),
...     "dokumen": DOKUMEN_PASAL_13, "bpjs": True, "opp": True, "jalur": "p3mi",
...     "visa": "kerja", "jabatan": "operator pabrik", "biaya_penempatan_rp": 0})
>>> hasil.siap
True
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desmigratif_kit.core import i18n
from desmigratif_kit.core.inputs import as_date, missing
from desmigratif_kit.migration.codes import (
    DOKUMEN_PASAL_13,
    DOKUMEN_TAMBAHAN,
    GAJI_TIDAK_WAJAR_KALI,
    JALUR,
    JALUR_LAMA,
    PEREKRUT,
    PEREKRUT_ORANG,
    PERHATIAN,
    SYARAT,
    TANDA_BAHAYA,
    VISA,
    VISA_NON_KERJA,
    jabatan_bebas_biaya,
    kena_moratorium,
    kerja_online,
    negara_penipuan_daring,
)
from desmigratif_kit.migration.findings import RULES, Finding

# --- input checking ------------------------------------------------------------------------


def _label(name: str) -> str:
    """The catalog key naming field ``name`` for people (``mig.field.jalur`` -> "Jalur
    penempatan"); messages never show a code name such as ``biaya_penempatan_rp``."""
    key = f"mig.field.{name}"
    return key if key in i18n.catalog("id") else name


def _check_keys(mapping: Any, allowed: Iterable[str], what: str) -> None:
    if not isinstance(mapping, Mapping):
        raise i18n.InputError(
            "input.unreadable",
            expected="expected.choice",
            choices=", ".join(allowed),
            given=type(mapping).__name__,
            field=_label(what),
        )
    allowed = tuple(allowed)
    for key in mapping:
        if key not in allowed:
            raise i18n.InputError(
                "input.not_found",
                expected="expected.choice",
                choices=", ".join(allowed),
                given=key,
                field=_label(what),
            )


def _bool(value: Any, name: str) -> bool:
    if missing(value):
        raise i18n.InputError(
            "input.required", expected="expected.bool", given="", field=_label(name)
        )
    return i18n.parse_bool(value, field=_label(name))


def _choice(
    value: Any, choices: tuple[str, ...], name: str, old: dict[str, str] | None = None
) -> str:
    """One of ``choices``; ``old`` maps words of older kit versions to today's codes."""
    text = value.strip().casefold() if isinstance(value, str) else value
    if missing(value) or text == "":
        raise i18n.InputError(
            "input.required",
            expected="expected.choice",
            choices=", ".join(choices),
            given="",
            field=_label(name),
        )
    text = (old or {}).get(text, text)
    if text not in choices:
        raise i18n.InputError(
            "input.not_found",
            expected="expected.choice",
            choices=", ".join(choices),
            given=value,
            field=_label(name),
        )
    return text


def _text(value: Any, name: str, required: bool = True) -> str:
    field = _label(name)
    if missing(value) or (isinstance(value, str) and not value.strip()):
        if required:
            raise i18n.InputError("input.required", expected="expected.text", given="", field=field)
        return ""
    if not isinstance(value, str):
        raise i18n.InputError(
            "input.unreadable", expected="expected.text", given=value, field=field
        )
    return value.strip()


def _rp(value: Any, name: str) -> float:
    field = _label(name)
    if missing(value):
        raise i18n.InputError("input.required", expected="expected.rp", given="", field=field)
    if isinstance(value, bool) or not isinstance(value, numbers.Real | str):
        raise i18n.InputError("input.unreadable", expected="expected.rp", given=value, field=field)
    amount = i18n.parse_rp(value, field=field)
    if isinstance(amount, float) and not math.isfinite(amount):
        raise i18n.InputError("input.unreadable", expected="expected.rp", given=value, field=field)
    if amount < 0:
        raise i18n.InputError(
            "input.out_of_range",
            expected="expected.min",
            min=i18n.format_rp(0),
            given=i18n.format_rp(amount),
            field=field,
        )
    return amount


def _dokumen(value: Any) -> frozenset[str]:
    known = DOKUMEN_PASAL_13 + DOKUMEN_TAMBAHAN
    if missing(value):
        raise i18n.InputError(
            "input.required",
            expected="expected.choice",
            choices=", ".join(known),
            given="",
            field=_label("dokumen"),
        )
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise i18n.InputError(
            "input.unreadable",
            expected="expected.choice",
            choices=", ".join(known),
            given=value,
            field=_label("dokumen"),
        )
    codes = set()
    for item in value:
        code = re.sub(r"[\s-]+", "_", item.strip().casefold()) if isinstance(item, str) else item
        if code not in known:
            raise i18n.InputError(
                "input.not_found",
                expected="expected.choice",
                choices=", ".join(known),
                given=item,
                field=_label("dokumen"),
            )
        codes.add(code)
    return frozenset(codes)


# --- age -----------------------------------------------------------------------------------


def _birthday(lahir: date, year: int) -> date:
    """The birthday in ``year``; 29 February becomes 1 March in a common year."""
    try:
        return lahir.replace(year=year)
    except ValueError:
        return date(year, 3, 1)


def usia_tahun(tanggal_lahir: date, pada_tanggal: date) -> int:
    """Age in completed years on ``pada_tanggal``.

    A person born on 29 February turns a year older on 1 March in a common year (the later
    of the two usual conventions, so that no one is treated as 18 a day too early).

    >>> usia_tahun(date(2008, 3, 1), date(2026, 3, 1)), usia_tahun(date(2008, 3, 1),
    ...     date(2026, 2, 28))
    (18, 17)
    >>> usia_tahun(date(2008, 2, 29), date(2026, 2, 28)), usia_tahun(date(2008, 2, 29),
    ...     date(2026, 3, 1))
    (17, 18)
    >>> usia_tahun(date(2020, 1, 1), date(2019, 1, 1))
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Tanggal acuan" di luar batas: diharapkan
    paling sedikit 1 Januari 2020 (tanggal lahir), diberikan "1 Januari 2019".
    """
    return _usia(tanggal_lahir, pada_tanggal, "pada_tanggal")


def _usia(tanggal_lahir: Any, pada_tanggal: Any, name: str) -> int:
    lahir = as_date(tanggal_lahir, _label("tanggal_lahir"))
    pada = as_date(pada_tanggal, _label(name))
    if pada < lahir:
        raise i18n.InputError(
            "input.out_of_range",
            expected="mig.expected.after_birth",
            min=i18n.format_date(lahir),
            given=i18n.format_date(pada),
            field=_label(name),
        )
    years = pada.year - lahir.year
    if pada < _birthday(lahir, pada.year):
        years -= 1
    return years


# --- readiness -----------------------------------------------------------------------------

_CANDIDATE_REQUIRED = (
    "tanggal_lahir",
    "tanggal_berangkat",
    "dokumen",
    "bpjs",
    "opp",
    "jalur",
    "visa",
    "jabatan",
    "biaya_penempatan_rp",
)
_CANDIDATE_OPTIONAL = (
    "tanggal_daftar",
    "tanggal_tanda_tangan",
    "sehat",
    "kompetensi",
    "negara_tujuan",
    "satu_kanal",
)
_TANGGAL_USIA = ("tanggal_daftar", "tanggal_tanda_tangan", "tanggal_berangkat")
"""The dates on which the age of 18 is checked, in the order they happen."""


@dataclass(frozen=True)
class HasilKesiapan:
    """The result of :func:`check_readiness`.

    ``siap`` is True only when ``kurang`` (unmet requirements) and ``tanda_bahaya`` (red
    flags) are both empty; ``perhatian`` (cautions) never blocks. ``usia`` is the age in
    completed years on the departure date; ``usia_pada`` the age on every date checked
    (registration and signing too, when given).
    """

    siap: bool
    kurang: list[str]
    tanda_bahaya: list[str]
    perhatian: list[str] = field(default_factory=list)
    usia: int | None = None
    usia_pada: dict[str, int] = field(default_factory=dict)

    def penjelasan(self, kode: str) -> Finding:
        """The explanation, legal basis and next step of ``kode``.

        >>> HasilKesiapan(False, ["paspor"], []).penjelasan("paspor").dasar_hukum
        'UU 18/2017 Pasal 13 huruf e'
        """
        if kode not in RULES:
            raise i18n.InputError(
                "input.not_found",
                expected="expected.choice",
                choices=", ".join(RULES),
                given=kode,
                field=_label("kode"),
            )
        return RULES[kode]

    def temuan(self) -> list[Finding]:
        """Red flags first, then unmet requirements, then cautions."""
        return [RULES[k] for k in (*self.tanda_bahaya, *self.kurang, *self.perhatian)]


def _penipuan_daring(negara: str, jabatan: str, suspicious: bool) -> bool:
    """An offer leading to an online-scam compound: a destination of such compounds, or an
    "online work" job reached through a broker, social media or a non-work visa."""
    return bool(negara and negara_penipuan_daring(negara)) or (kerja_online(jabatan) and suspicious)


def check_readiness(candidate: Mapping[str, Any]) -> HasilKesiapan:
    """Is a prospective migrant worker ready to leave on the planned date (UU 18/2017)?

    ``candidate`` keys (all required unless marked optional):

    * ``tanggal_lahir``, ``tanggal_berangkat``: dates (``date``, or text like 12/09/2017);
    * ``dokumen``: document codes held (:data:`DOKUMEN_PASAL_13`, and optionally
      :data:`DOKUMEN_TAMBAHAN`); an unknown code is an error, so a typo is never ignored;
    * ``bpjs``, ``opp``: registered with BPJS Ketenagakerjaan, attended OPP (yes/no);
    * ``jalur``: one of :data:`JALUR` (the old word ``mandiri`` is read as
      ``perseorangan``); ``visa``: one of :data:`VISA`;
    * ``jabatan``: free text or a code of :data:`JABATAN_BEBAS_BIAYA`;
    * ``biaya_penempatan_rp``: what the worker is asked to pay for placement (>= 0);
    * optional ``tanggal_daftar``, ``tanggal_tanda_tangan``: the registration date and the
      date the agreements are signed, where the age is checked too;
    * optional ``sehat``, ``kompetensi`` (yes/no): when absent they follow the documents
      ``surat_sehat`` and ``sertifikat_kompetensi`` (a missing certificate then shows as two
      codes: the Art. 5 requirement and the Art. 13 document);
    * optional ``negara_tujuan``: enables the moratorium and online-scam checks;
    * optional ``satu_kanal`` (yes/no): the placement goes through the one-channel system
      (SPSK) to Saudi Arabia.

    Decisions (see the rules in :data:`RULES` for the legal text):

    * ``usia`` and the red flag ``di_bawah_umur`` when the person is not yet 18 on the
      departure date, or on the registration or signing date when given. Pasal 5 huruf a
      names no reference date: checking the departure date is the kit's reading; an 18th
      birthday on the date itself is fine (29 February see :func:`usia_tahun`).
    * ``visa_kerja`` is met only when ``visa == "kerja"``: the ``visa`` field is the truth
      about the visa, and a tourist, visit, umrah or ziarah visa is also the red flag
      ``visa_non_kerja``. ``visa == "tidak_ada"`` is unmet, not a red flag.
    * ``perjanjian_penempatan`` (Art. 13 g) is an agreement between the *placement agent*
      and the worker, so it is required for ``p3mi``, ``g2g`` (with KP2MI),
      ``perusahaan_sendiri`` (with the company) and ``calo`` (the legal route needs it), and
      not for ``perseorangan`` (PMI perseorangan), which has no placement agent.
    * ``jalur == "calo"`` is the red flag ``calo`` (Pasal 69 jo. Pasal 81).
    * Fees: Art. 30(1) says PMI may not be charged placement costs. For the ten jobs of
      Perban BP2MI 9/2020 any fee > 0 is the red flag ``biaya_dibebankan``. For other jobs
      Perban BP2MI 2/2020 Art. 3 still lets personal costs (passport, medical check, ...)
      fall on the worker, so a fee > 0 is the caution ``biaya_perlu_dicek``.
    * ``moratorium_timur_tengah``: a household job in a country of Kepmenaker 260/2015
      (:func:`kena_moratorium`), unless the placement is an SPSK one (Saudi Arabia, an SPSK
      job, ``jalur == "p3mi"``, ``satu_kanal``).
    * ``penipuan_kerja_online``: the destination is Cambodia or Myanmar, or the job is
      "online work" with a non-work visa or a broker.
    * The check answers "may this person leave on the planned date?", so a missing
      employment contract is both the unmet document ``perjanjian_kerja`` and the red flag
      ``tanpa_perjanjian_kerja`` (FACTS 1.7: no written contract).

    >>> lengkap = {"tanggal_lahir": date(2008, 3, 1), "tanggal_berangkat": date(2026, 3, 1),
    ...     "dokumen": DOKUMEN_PASAL_13, "bpjs": True, "opp": True, "jalur": "p3mi",
    ...     "visa": "kerja", "jabatan": "pekerja rumah tangga", "biaya_penempatan_rp": 0}
    >>> check_readiness(lengkap).siap
    True
    >>> check_readiness({**lengkap, "tanggal_tanda_tangan": date(2026, 2, 20)}).tanda_bahaya
    ['di_bawah_umur']
    >>> hasil = check_readiness({**lengkap, "tanggal_berangkat": date(2026, 2, 28),
    ...     "visa": "turis", "biaya_penempatan_rp": 5_000_000})
    >>> hasil.siap, hasil.kurang, hasil.tanda_bahaya
    (False, ['usia', 'visa_kerja'], ['di_bawah_umur', 'visa_non_kerja', 'biaya_dibebankan'])
    >>> hasil.penjelasan("biaya_dibebankan").dasar_hukum
    'UU 18/2017 Pasal 30 ayat (1); Perban BP2MI 9/2020'
    >>> check_readiness({**lengkap, "jalur": "agen"})
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Jalur penempatan" tidak ditemukan: diharapkan
    salah satu dari: p3mi, g2g, perusahaan_sendiri, perseorangan, calo, diberikan "agen".
    """
    _check_keys(candidate, _CANDIDATE_REQUIRED + _CANDIDATE_OPTIONAL, "candidate")
    for key in _CANDIDATE_REQUIRED:
        if key not in candidate:
            raise i18n.InputError(
                "input.required", expected="expected.text", given="", field=_label(key)
            )
    lahir = as_date(candidate["tanggal_lahir"], _label("tanggal_lahir"))
    usia_pada = {
        name: _usia(lahir, candidate[name], name)
        for name in _TANGGAL_USIA
        if not missing(candidate.get(name))
    }
    usia = usia_pada["tanggal_berangkat"]
    berangkat = as_date(candidate["tanggal_berangkat"], _label("tanggal_berangkat"))
    dokumen = _dokumen(candidate["dokumen"])
    bpjs = _bool(candidate["bpjs"], "bpjs")
    opp = _bool(candidate["opp"], "opp")
    jalur = _choice(candidate["jalur"], JALUR, "jalur", JALUR_LAMA)
    visa = _choice(candidate["visa"], VISA, "visa")
    jabatan = _text(candidate["jabatan"], "jabatan")
    biaya = _rp(candidate["biaya_penempatan_rp"], "biaya_penempatan_rp")
    sehat_value = candidate.get("sehat")
    sehat = "surat_sehat" in dokumen if missing(sehat_value) else _bool(sehat_value, "sehat")
    kompetensi_value = candidate.get("kompetensi")
    kompetensi = (
        "sertifikat_kompetensi" in dokumen
        if missing(kompetensi_value)
        else _bool(kompetensi_value, "kompetensi")
    )
    negara = _text(candidate.get("negara_tujuan"), "negara_tujuan", required=False)
    satu_kanal_value = candidate.get("satu_kanal")
    satu_kanal = False if missing(satu_kanal_value) else _bool(satu_kanal_value, "satu_kanal")
    cukup_umur = min(usia_pada.values()) >= 18

    met = {
        "usia": cukup_umur,
        "sehat": sehat,
        "kompetensi": kompetensi,
        "jaminan_sosial": bpjs,
        "opp": opp,
    }
    for code in DOKUMEN_PASAL_13:
        met[code] = code in dokumen
    met["visa_kerja"] = visa == "kerja"
    if jalur == "perseorangan":
        met["perjanjian_penempatan"] = True
    kurang = [code for code in SYARAT if not met[code]]

    kode_jabatan = jabatan_bebas_biaya(jabatan)
    flags = {
        "di_bawah_umur": not cukup_umur,
        "calo": jalur == "calo",
        "visa_non_kerja": visa in VISA_NON_KERJA,
        "penipuan_kerja_online": _penipuan_daring(
            negara, jabatan, visa in VISA_NON_KERJA or jalur == "calo"
        ),
        "biaya_dibebankan": biaya > 0 and kode_jabatan is not None,
        "tanpa_perjanjian_kerja": "perjanjian_kerja" not in dokumen,
        "moratorium_timur_tengah": bool(negara)
        and kena_moratorium(negara, jabatan, jalur, satu_kanal, pada_tanggal=berangkat),
    }
    tanda_bahaya = [code for code in TANDA_BAHAYA if flags.get(code)]
    perhatian = ["biaya_perlu_dicek"] if biaya > 0 and kode_jabatan is None else []
    return HasilKesiapan(
        siap=not kurang and not tanda_bahaya,
        kurang=kurang,
        tanda_bahaya=tanda_bahaya,
        perhatian=perhatian,
        usia=usia,
        usia_pada=usia_pada,
    )


# --- red flags in an offer -----------------------------------------------------------------

_OFFER_KEYS = (
    "perekrut",
    "gaji_dijanjikan_rp",
    "gaji_wajar_rp",
    "uang_keluarga_rp",
    "visa",
    "penampungan_sebelum_dokumen",
    "kontrak_di_tangan",
    "biaya_diminta_rp",
    "negara_tujuan",
    "jabatan",
    "dokumen_diurus_semua",
    "berangkat_cepat",
    "paspor_dipinjam",
    "nota_serah_terima",
    "opp",
    "bpjs",
    "satu_kanal",
    "lewat_media_sosial",
    "izin_p3mi_dicek",
)


def red_flags(offer: Mapping[str, Any], include_cautions: bool = False) -> list[Finding]:
    """The warning signs of illegal recruitment in an ``offer`` (FACTS 1.7 and 1.9).

    An offer records what the recruiter *says*; the check does not take a claim that cannot
    be true at its word. Every key is optional (an absent key is not checked); an unknown
    key is an error so that a typo never hides a red flag. Keys and the flag they can raise:

    * ``perekrut`` (:data:`PEREKRUT`): ``calo``, ``sponsor`` -> ``calo`` (Pasal 69 jo.
      Pasal 81); ``perseorangan`` (a PMI perseorangan applying on their own, old word
      ``mandiri``) is a legal route;
    * ``gaji_dijanjikan_rp`` with ``gaji_wajar_rp`` (the usual or official wage, which the
      officer supplies with its source) -> ``gaji_tidak_wajar`` above
      :data:`GAJI_TIDAK_WAJAR_KALI` times that wage;
    * ``uang_keluarga_rp`` > 0 -> ``uang_pengikat``;
    * ``visa`` (:data:`VISA`) turis/kunjungan/umrah/ziarah -> ``visa_non_kerja``;
    * ``negara_tujuan`` Cambodia or Myanmar, or a ``jabatan`` of "online work" with a broker,
      a non-work visa or ``lewat_media_sosial`` (recruited through social media) ->
      ``penipuan_kerja_online``;
    * ``penampungan_sebelum_dokumen`` yes -> ``penampungan_dini``;
    * ``kontrak_di_tangan`` no -> ``tanpa_perjanjian_kerja``;
    * ``biaya_diminta_rp`` > 0 -> ``biaya_dibebankan`` for the ten zero-cost jobs (see
      :func:`jabatan_bebas_biaya`), else the caution ``biaya_perlu_dicek``;
    * a household ``jabatan`` in a moratorium country (:func:`kena_moratorium`, the 21
      countries of Kepmenaker 260/2015) -> ``moratorium_timur_tengah``, unless it is an
      SPSK placement (``perekrut`` ``p3mi`` and ``satu_kanal`` yes, Saudi Arabia, an SPSK
      job);
    * ``dokumen_diurus_semua``, ``berangkat_cepat``, ``paspor_dipinjam`` yes ->
      ``janji_dokumen_diurus``, ``berangkat_cepat``, ``paspor_dipinjam``;
    * ``nota_serah_terima``, ``bpjs`` no -> ``tanpa_tanda_terima_dokumen``,
      ``tanpa_jaminan_sosial``;
    * ``opp`` no, or ``opp`` yes with a non-work visa (the official orientation is only
      for workers leaving with a work visa, so the claim cannot be true) -> ``tanpa_opp``;
    * ``izin_p3mi_dicek`` no -> the caution ``izin_p3mi_belum_dicek``.

    Cautions are returned only with ``include_cautions=True``, after the red flags.

    >>> [f.kode for f in red_flags({"perekrut": "calo", "visa": "umrah", "opp": True,
    ...     "negara_tujuan": "Arab Saudi", "jabatan": "PRT", "uang_keluarga_rp": 5_000_000})]
    ['calo', 'visa_non_kerja', 'moratorium_timur_tengah', 'uang_pengikat', 'tanpa_opp']
    >>> red_flags({"perekrut": "p3mi", "visa": "kerja", "kontrak_di_tangan": True,
    ...     "negara_tujuan": "Arab Saudi", "jabatan": "PRT", "satu_kanal": True})
    []
    >>> red_flags({"visa": "pelajar"})
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Jenis visa" tidak ditemukan: diharapkan salah
    satu dari: kerja, turis, kunjungan, umrah, ziarah, tidak_ada, diberikan "pelajar".
    """
    _check_keys(offer, _OFFER_KEYS, "offer")

    def given(key: str) -> bool:
        return key in offer and not missing(offer[key])

    def yes(key: str) -> bool:
        return given(key) and _bool(offer[key], key)

    def no(key: str) -> bool:
        return given(key) and not _bool(offer[key], key)

    flags: set[str] = set()
    cautions: set[str] = set()
    perekrut = None
    if given("perekrut"):
        perekrut = _choice(offer["perekrut"], PEREKRUT, "perekrut", JALUR_LAMA)
    if perekrut in PEREKRUT_ORANG:
        flags.add("calo")
    if given("gaji_dijanjikan_rp") and given("gaji_wajar_rp"):
        dijanjikan = _rp(offer["gaji_dijanjikan_rp"], "gaji_dijanjikan_rp")
        wajar = _rp(offer["gaji_wajar_rp"], "gaji_wajar_rp")
        if wajar > 0 and dijanjikan > GAJI_TIDAK_WAJAR_KALI * wajar:
            flags.add("gaji_tidak_wajar")
    if given("uang_keluarga_rp") and _rp(offer["uang_keluarga_rp"], "uang_keluarga_rp") > 0:
        flags.add("uang_pengikat")
    visa_non_kerja = given("visa") and _choice(offer["visa"], VISA, "visa") in VISA_NON_KERJA
    if visa_non_kerja:
        flags.add("visa_non_kerja")
    jabatan = _text(offer.get("jabatan"), "jabatan", required=False)
    negara = _text(offer.get("negara_tujuan"), "negara_tujuan", required=False)
    suspicious = visa_non_kerja or perekrut in PEREKRUT_ORANG or yes("lewat_media_sosial")
    if _penipuan_daring(negara, jabatan, suspicious):
        flags.add("penipuan_kerja_online")
    kode_jabatan = jabatan_bebas_biaya(jabatan) if jabatan else None
    if given("biaya_diminta_rp") and _rp(offer["biaya_diminta_rp"], "biaya_diminta_rp") > 0:
        if kode_jabatan is not None:
            flags.add("biaya_dibebankan")
        else:
            cautions.add("biaya_perlu_dicek")
    if negara and jabatan and kena_moratorium(negara, jabatan, perekrut, yes("satu_kanal")):
        flags.add("moratorium_timur_tengah")
    for key, code in (
        ("penampungan_sebelum_dokumen", "penampungan_dini"),
        ("dokumen_diurus_semua", "janji_dokumen_diurus"),
        ("berangkat_cepat", "berangkat_cepat"),
        ("paspor_dipinjam", "paspor_dipinjam"),
    ):
        if yes(key):
            flags.add(code)
    for key, code in (
        ("kontrak_di_tangan", "tanpa_perjanjian_kerja"),
        ("nota_serah_terima", "tanpa_tanda_terima_dokumen"),
        ("bpjs", "tanpa_jaminan_sosial"),
    ):
        if no(key):
            flags.add(code)
    if no("opp") or (yes("opp") and visa_non_kerja):
        flags.add("tanpa_opp")
    if no("izin_p3mi_dicek"):
        cautions.add("izin_p3mi_belum_dicek")
    found = [RULES[code] for code in TANDA_BAHAYA if code in flags]
    if include_cautions:
        found += [RULES[code] for code in PERHATIAN if code in cautions]
    return found
