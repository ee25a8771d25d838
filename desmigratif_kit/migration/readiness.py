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
    JABATAN_RUMAH_TANGGA,
    JALUR,
    PEREKRUT,
    SYARAT,
    TANDA_BAHAYA,
    VISA,
    VISA_NON_KERJA,
    jabatan_bebas_biaya,
    negara_timur_tengah,
)
from desmigratif_kit.migration.findings import RULES, Finding

# --- input checking ------------------------------------------------------------------------


def _check_keys(mapping: Any, allowed: Iterable[str], what: str) -> None:
    if not isinstance(mapping, Mapping):
        raise i18n.InputError(
            "input.unreadable",
            expected="expected.choice",
            choices=", ".join(allowed),
            given=type(mapping).__name__,
            field=what,
        )
    allowed = tuple(allowed)
    for key in mapping:
        if key not in allowed:
            raise i18n.InputError(
                "input.not_found",
                expected="expected.choice",
                choices=", ".join(allowed),
                given=key,
                field=what,
            )


def _bool(value: Any, name: str) -> bool:
    if missing(value):
        raise i18n.InputError("input.required", expected="expected.bool", given="", field=name)
    return i18n.parse_bool(value, field=name)


def _choice(value: Any, choices: tuple[str, ...], name: str) -> str:
    text = value.strip().casefold() if isinstance(value, str) else value
    if missing(value) or text == "":
        raise i18n.InputError(
            "input.required",
            expected="expected.choice",
            choices=", ".join(choices),
            given="",
            field=name,
        )
    if text not in choices:
        raise i18n.InputError(
            "input.not_found",
            expected="expected.choice",
            choices=", ".join(choices),
            given=value,
            field=name,
        )
    return text


def _text(value: Any, name: str, required: bool = True) -> str:
    if missing(value) or (isinstance(value, str) and not value.strip()):
        if required:
            raise i18n.InputError("input.required", expected="expected.text", given="", field=name)
        return ""
    if not isinstance(value, str):
        raise i18n.InputError("input.unreadable", expected="expected.text", given=value, field=name)
    return value.strip()


def _rp(value: Any, name: str) -> float:
    if missing(value):
        raise i18n.InputError("input.required", expected="expected.rp", given="", field=name)
    if isinstance(value, bool) or not isinstance(value, numbers.Real | str):
        raise i18n.InputError("input.unreadable", expected="expected.rp", given=value, field=name)
    amount = i18n.parse_rp(value, field=name)
    if isinstance(amount, float) and not math.isfinite(amount):
        raise i18n.InputError("input.unreadable", expected="expected.rp", given=value, field=name)
    if amount < 0:
        raise i18n.InputError(
            "input.out_of_range",
            expected="expected.min",
            min=i18n.format_rp(0),
            given=i18n.format_rp(amount),
            field=name,
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
            field="dokumen",
        )
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise i18n.InputError(
            "input.unreadable",
            expected="expected.choice",
            choices=", ".join(known),
            given=value,
            field="dokumen",
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
                field="dokumen",
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
    desmigratif_kit.core.i18n.InputError: Nilai untuk "tanggal_berangkat" di luar batas: diharapkan
    paling sedikit 1 Januari 2020, diberikan "1 Januari 2019".
    """
    lahir = as_date(tanggal_lahir, "tanggal_lahir")
    pada = as_date(pada_tanggal, "tanggal_berangkat")
    if pada < lahir:
        raise i18n.InputError(
            "input.out_of_range",
            expected="expected.min",
            min=i18n.format_date(lahir),
            given=i18n.format_date(pada),
            field="tanggal_berangkat",
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
_CANDIDATE_OPTIONAL = ("sehat", "kompetensi", "negara_tujuan")


@dataclass(frozen=True)
class HasilKesiapan:
    """The result of :func:`check_readiness`.

    ``siap`` is True only when ``kurang`` (unmet requirements) and ``tanda_bahaya`` (red
    flags) are both empty; ``perhatian`` (cautions) never blocks. ``usia`` is the age in
    completed years on the departure date.
    """

    siap: bool
    kurang: list[str]
    tanda_bahaya: list[str]
    perhatian: list[str] = field(default_factory=list)
    usia: int | None = None

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
                field="kode",
            )
        return RULES[kode]

    def temuan(self) -> list[Finding]:
        """Red flags first, then unmet requirements, then cautions."""
        return [RULES[k] for k in (*self.tanda_bahaya, *self.kurang, *self.perhatian)]


def check_readiness(candidate: Mapping[str, Any]) -> HasilKesiapan:
    """Is a prospective migrant worker ready to leave on the planned date (UU 18/2017)?

    ``candidate`` keys (all required unless marked optional):

    * ``tanggal_lahir``, ``tanggal_berangkat``: dates (``date``, or text like 12/09/2017);
    * ``dokumen``: document codes held (:data:`DOKUMEN_PASAL_13`, and optionally
      :data:`DOKUMEN_TAMBAHAN`); an unknown code is an error, so a typo is never ignored;
    * ``bpjs``, ``opp``: registered with BPJS Ketenagakerjaan, attended OPP (yes/no);
    * ``jalur``: one of :data:`JALUR`; ``visa``: one of :data:`VISA`;
    * ``jabatan``: free text or a code of :data:`JABATAN_BEBAS_BIAYA`;
    * ``biaya_penempatan_rp``: what the worker is asked to pay for placement (>= 0);
    * optional ``sehat``, ``kompetensi`` (yes/no): when absent they follow the documents
      ``surat_sehat`` and ``sertifikat_kompetensi`` (a missing certificate then shows as two
      codes: the Art. 5 requirement and the Art. 13 document);
    * optional ``negara_tujuan``: enables the Middle-East moratorium check.

    Decisions (see the rules in :data:`RULES` for the legal text):

    * ``usia`` and the red flag ``di_bawah_umur`` when the person is not yet 18 on the
      departure date (an 18th birthday on that date is fine; 29 February see
      :func:`usia_tahun`).
    * ``visa_kerja`` is met only when ``visa == "kerja"``: the ``visa`` field is the truth
      about the visa, and a tourist, visit, umrah or pilgrimage visa is also the red flag
      ``visa_non_kerja``. ``visa == "tidak_ada"`` is unmet, not a red flag.
    * ``perjanjian_penempatan`` (Art. 13 g) is an agreement between the *placement agent*
      and the worker, so it is required for ``p3mi``, ``g2g`` (with BP2MI),
      ``perusahaan_sendiri`` (with the company) and ``perseorangan`` (the legal route needs
      it), and not for ``mandiri``, which has no placement agent.
    * Fees: Art. 30(1) says PMI may not be charged placement costs. For the ten jobs of
      Perban BP2MI 9/2020 any fee > 0 is the red flag ``biaya_dibebankan``. For other jobs
      Perban BP2MI 2/2020 Art. 3 still lets personal costs (passport, medical check, ...)
      fall on the worker, so a fee > 0 is the caution ``biaya_perlu_dicek``.
    * The check answers "may this person leave on the planned date?", so a missing
      employment contract is both the unmet document ``perjanjian_kerja`` and the red flag
      ``tanpa_perjanjian_kerja`` (FACTS 1.7: no written contract).

    >>> lengkap = {"tanggal_lahir": date(2008, 3, 1), "tanggal_berangkat": date(2026, 3, 1),
    ...     "dokumen": DOKUMEN_PASAL_13, "bpjs": True, "opp": True, "jalur": "p3mi",
    ...     "visa": "kerja", "jabatan": "pekerja rumah tangga", "biaya_penempatan_rp": 0}
    >>> check_readiness(lengkap).siap
    True
    >>> hasil = check_readiness({**lengkap, "tanggal_berangkat": date(2026, 2, 28),
    ...     "visa": "turis", "biaya_penempatan_rp": 5_000_000})
    >>> hasil.siap, hasil.kurang, hasil.tanda_bahaya
    (False, ['usia', 'visa_kerja'], ['di_bawah_umur', 'visa_non_kerja', 'biaya_dibebankan'])
    >>> hasil.penjelasan("biaya_dibebankan").dasar_hukum
    'UU 18/2017 Pasal 30 ayat (1); Perban BP2MI 9/2020'
    >>> check_readiness({**lengkap, "jalur": "agen"})
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "jalur" tidak ditemukan: diharapkan salah satu
    dari: p3mi, g2g, perusahaan_sendiri, mandiri, perseorangan, diberikan "agen".
    """
    _check_keys(candidate, _CANDIDATE_REQUIRED + _CANDIDATE_OPTIONAL, "candidate")
    for key in _CANDIDATE_REQUIRED:
        if key not in candidate:
            raise i18n.InputError("input.required", expected="expected.text", given="", field=key)
    lahir = as_date(candidate["tanggal_lahir"], "tanggal_lahir")
    berangkat = as_date(candidate["tanggal_berangkat"], "tanggal_berangkat")
    usia = usia_tahun(lahir, berangkat)
    dokumen = _dokumen(candidate["dokumen"])
    bpjs = _bool(candidate["bpjs"], "bpjs")
    opp = _bool(candidate["opp"], "opp")
    jalur = _choice(candidate["jalur"], JALUR, "jalur")
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

    met = {
        "usia": usia >= 18,
        "sehat": sehat,
        "kompetensi": kompetensi,
        "jaminan_sosial": bpjs,
        "opp": opp,
    }
    for code in DOKUMEN_PASAL_13:
        met[code] = code in dokumen
    met["visa_kerja"] = visa == "kerja"
    if jalur == "mandiri":
        met["perjanjian_penempatan"] = True
    kurang = [code for code in SYARAT if not met[code]]

    kode_jabatan = jabatan_bebas_biaya(jabatan)
    flags = {
        "di_bawah_umur": usia < 18,
        "perseorangan": jalur == "perseorangan",
        "visa_non_kerja": visa in VISA_NON_KERJA,
        "biaya_dibebankan": biaya > 0 and kode_jabatan is not None,
        "tanpa_perjanjian_kerja": "perjanjian_kerja" not in dokumen,
        "moratorium_timur_tengah": bool(negara)
        and negara_timur_tengah(negara) is not None
        and kode_jabatan in JABATAN_RUMAH_TANGGA,
    }
    tanda_bahaya = [code for code in TANDA_BAHAYA if flags.get(code)]
    perhatian = ["biaya_perlu_dicek"] if biaya > 0 and kode_jabatan is None else []
    return HasilKesiapan(
        siap=not kurang and not tanda_bahaya,
        kurang=kurang,
        tanda_bahaya=tanda_bahaya,
        perhatian=perhatian,
        usia=usia,
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
)


def red_flags(offer: Mapping[str, Any], include_cautions: bool = False) -> list[Finding]:
    """The warning signs of illegal recruitment in an ``offer`` (FACTS 1.7).

    Every key is optional (an absent key is not checked); an unknown key is an error so that
    a typo never hides a red flag. Keys and the flag they can raise:

    * ``perekrut`` (:data:`PEREKRUT`): ``calo``, ``sponsor``, ``perseorangan`` ->
      ``perseorangan`` (Art. 69 jo. Art. 81);
    * ``gaji_dijanjikan_rp`` with ``gaji_wajar_rp`` (the usual wage, which the officer
      supplies: FACTS has no wage table) -> ``gaji_tidak_wajar`` above
      :data:`GAJI_TIDAK_WAJAR_KALI` times the usual wage;
    * ``uang_keluarga_rp`` > 0 -> ``uang_pengikat``;
    * ``visa`` (:data:`VISA`) turis/kunjungan/umrah/ziarah -> ``visa_non_kerja``;
    * ``penampungan_sebelum_dokumen`` yes -> ``penampungan_dini``;
    * ``kontrak_di_tangan`` no -> ``tanpa_perjanjian_kerja``;
    * ``biaya_diminta_rp`` > 0 -> ``biaya_dibebankan`` for the ten zero-cost jobs (see
      :func:`jabatan_bebas_biaya`), else the caution ``biaya_perlu_dicek`` (returned only
      with ``include_cautions=True``);
    * ``negara_tujuan`` in the Middle East (:func:`negara_timur_tengah`, 14 countries we can
      defend, not the full official list of 21) with a household job ->
      ``moratorium_timur_tengah``;
    * ``dokumen_diurus_semua``, ``berangkat_cepat``, ``paspor_dipinjam`` yes ->
      ``janji_dokumen_diurus``, ``berangkat_cepat``, ``paspor_dipinjam``;
    * ``nota_serah_terima``, ``opp``, ``bpjs`` no -> ``tanpa_tanda_terima_dokumen``,
      ``tanpa_opp``, ``tanpa_jaminan_sosial``.

    >>> [f.kode for f in red_flags({"perekrut": "calo", "visa": "umrah",
    ...     "negara_tujuan": "Arab Saudi", "jabatan": "PRT", "uang_keluarga_rp": 5_000_000})]
    ['perseorangan', 'visa_non_kerja', 'moratorium_timur_tengah', 'uang_pengikat']
    >>> red_flags({"perekrut": "p3mi", "visa": "kerja", "kontrak_di_tangan": True})
    []
    >>> red_flags({"visa": "pelajar"})
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "visa" tidak ditemukan: diharapkan salah satu
    dari:
    kerja, turis, kunjungan, umrah, ziarah, tidak_ada, diberikan "pelajar".
    """
    _check_keys(offer, _OFFER_KEYS, "offer")

    def given(key: str) -> bool:
        return key in offer and not missing(offer[key])

    flags: set[str] = set()
    cautions: list[str] = []
    if given("perekrut"):
        if _choice(offer["perekrut"], PEREKRUT, "perekrut") in ("calo", "sponsor", "perseorangan"):
            flags.add("perseorangan")
    if given("gaji_dijanjikan_rp") and given("gaji_wajar_rp"):
        dijanjikan = _rp(offer["gaji_dijanjikan_rp"], "gaji_dijanjikan_rp")
        wajar = _rp(offer["gaji_wajar_rp"], "gaji_wajar_rp")
        if wajar > 0 and dijanjikan > GAJI_TIDAK_WAJAR_KALI * wajar:
            flags.add("gaji_tidak_wajar")
    if given("uang_keluarga_rp") and _rp(offer["uang_keluarga_rp"], "uang_keluarga_rp") > 0:
        flags.add("uang_pengikat")
    if given("visa") and _choice(offer["visa"], VISA, "visa") in VISA_NON_KERJA:
        flags.add("visa_non_kerja")
    jabatan = _text(offer.get("jabatan"), "jabatan", required=False)
    kode_jabatan = jabatan_bebas_biaya(jabatan) if jabatan else None
    if given("biaya_diminta_rp") and _rp(offer["biaya_diminta_rp"], "biaya_diminta_rp") > 0:
        if kode_jabatan is not None:
            flags.add("biaya_dibebankan")
        else:
            cautions.append("biaya_perlu_dicek")
    negara = _text(offer.get("negara_tujuan"), "negara_tujuan", required=False)
    if negara and negara_timur_tengah(negara) and kode_jabatan in JABATAN_RUMAH_TANGGA:
        flags.add("moratorium_timur_tengah")
    for key, code in (
        ("penampungan_sebelum_dokumen", "penampungan_dini"),
        ("dokumen_diurus_semua", "janji_dokumen_diurus"),
        ("berangkat_cepat", "berangkat_cepat"),
        ("paspor_dipinjam", "paspor_dipinjam"),
    ):
        if given(key) and _bool(offer[key], key):
            flags.add(code)
    for key, code in (
        ("kontrak_di_tangan", "tanpa_perjanjian_kerja"),
        ("nota_serah_terima", "tanpa_tanda_terima_dokumen"),
        ("opp", "tanpa_opp"),
        ("bpjs", "tanpa_jaminan_sosial"),
    ):
        if given(key) and not _bool(offer[key], key):
            flags.add(code)
    found = [RULES[code] for code in TANDA_BAHAYA if code in flags]
    if include_cautions:
        found += [RULES[code] for code in cautions]
    return found
