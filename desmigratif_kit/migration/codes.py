"""Pillar 1 codes: placement routes, visas, the documents of Art. 13, requirement and red-flag
codes, the ten zero-cost jobs (Perban BP2MI 9/2020), the Middle-East moratorium
(Kepmenaker 260/2015) with its one-channel exception (SPSK, Kepmenaker 291/2018), and the
countries of online-scam compounds.

Pure data and lookups on free text (:func:`jabatan_bebas_biaya`, :func:`negara_moratorium`,
:func:`kena_moratorium`, :func:`negara_penipuan_daring`, :func:`kerja_online`).

>>> jabatan_bebas_biaya("PRT"), jabatan_bebas_biaya("cook di restoran")
('pekerja_rumah_tangga', None)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

# --- codes ---------------------------------------------------------------------------------

JALUR = ("p3mi", "g2g", "perusahaan_sendiri", "perseorangan", "calo")
"""Placement routes: a licensed company (P3MI); government to government (G to G, through
KP2MI, formerly BP2MI); a company placing its own workers; *PMI perseorangan*, the legal
independent route with no placement agent (Permenaker 9/2019 Pasal 1 angka 3; Permenaker
4/2023 Pasal 18(2)); and placement through a broker or sponsor, an *orang perseorangan* in
the sense of UU 18/2017 Pasal 69 (prohibited, Pasal 69 jo. Pasal 81)."""

JALUR_LAMA = {"mandiri": "perseorangan"}
"""Words of older kit versions still read: *mandiri* was the kit's word for the independent
route, which the regulations call *PMI perseorangan*."""

VISA = ("kerja", "turis", "kunjungan", "umrah", "ziarah", "tidak_ada")
VISA_NON_KERJA = ("turis", "kunjungan", "umrah", "ziarah")

DOKUMEN_PASAL_13 = (
    "status_perkawinan",
    "izin_keluarga",
    "sertifikat_kompetensi",
    "surat_sehat",
    "paspor",
    "visa_kerja",
    "perjanjian_penempatan",
    "perjanjian_kerja",
)
"""The eight documents of UU 18/2017 Art. 13, letters a to h, in the law's order."""

DOKUMEN_TAMBAHAN = (
    "ktp",
    "kartu_keluarga",
    "akta_kelahiran",
    "ijazah",
    "kartu_jkn",
    "sertifikat_opp",
    "skck",
)
"""Practical add-ons that guides list (FACTS 1.1); accepted in ``dokumen``, never required."""

SYARAT = ("usia", "kompetensi", "sehat", "jaminan_sosial", "opp", *DOKUMEN_PASAL_13)
"""Requirement codes, in the order :class:`HasilKesiapan` lists them."""

TANDA_BAHAYA = (
    "di_bawah_umur",
    "calo",
    "visa_non_kerja",
    "penipuan_kerja_online",
    "biaya_dibebankan",
    "tanpa_perjanjian_kerja",
    "moratorium_timur_tengah",
    "uang_pengikat",
    "gaji_tidak_wajar",
    "janji_dokumen_diurus",
    "berangkat_cepat",
    "penampungan_dini",
    "paspor_dipinjam",
    "tanpa_tanda_terima_dokumen",
    "tanpa_opp",
    "tanpa_jaminan_sosial",
)
"""Red-flag codes, in the order findings are listed."""

KODE_LAMA = {"perseorangan": "calo"}
"""Red-flag codes of older kit versions (in saved work): the broker flag was ``perseorangan``,
a word the regulations use for the *legal* independent route."""

PERHATIAN = ("biaya_perlu_dicek", "izin_p3mi_belum_dicek")
"""Cautions: worth checking, not a red flag, do not block readiness."""

PEREKRUT = ("p3mi", "g2g", "perusahaan_sendiri", "perseorangan", "calo", "sponsor")
"""Who recruits in an offer. ``perseorangan`` is a *PMI perseorangan* who applies on their own
(no recruiter); ``calo`` and ``sponsor`` are individuals placing workers (Pasal 69)."""

PEREKRUT_ORANG = ("calo", "sponsor")
"""Recruiters who are individuals (*orang perseorangan*, Pasal 69): a red flag."""

GAJI_TIDAK_WAJAR_KALI = 1.5
"""A promised wage above this multiple of the usual or official wage is flagged (a teaching
threshold chosen for the kit, not a legal figure)."""


# --- the ten zero-cost jobs (Perban BP2MI 9/2020) -----------------------------------------

JABATAN_BEBAS_BIAYA: dict[str, tuple[str, str]] = {
    "pekerja_rumah_tangga": ("Pengurus rumah tangga", "Housekeeper (domestic worker)"),
    "pengasuh_bayi": ("Pengasuh bayi", "Baby carer"),
    "pengasuh_lansia": ("Pengasuh lansia", "Elderly carer (caregiver)"),
    "juru_masak": ("Juru masak (rumah tangga)", "Cook (household)"),
    "sopir_keluarga": ("Supir keluarga", "Family driver"),
    "tukang_kebun": ("Perawat taman", "Gardener"),
    "pengasuh_anak": ("Pengasuh anak", "Child carer"),
    "petugas_kebersihan": ("Petugas kebersihan", "Cleaner"),
    "pekerja_ladang": ("Petugas ladang/perkebunan", "Field or plantation worker"),
    "awak_kapal_perikanan": ("Awak kapal perikanan migran", "Migrant fishing-vessel crew"),
}
"""The ten informal or vulnerable jobs whose placement costs the worker may not pay
(Perban BP2MI 9/2020; FACTS 1.4 and 1.9), with the regulation's names: code ->
(Indonesian label, English label). The codes are the kit's own and never change."""

JABATAN_RUMAH_TANGGA = frozenset(
    {
        "pekerja_rumah_tangga",
        "pengasuh_bayi",
        "pengasuh_lansia",
        "juru_masak",
        "sopir_keluarga",
        "tukang_kebun",
        "pengasuh_anak",
    }
)
"""Jobs for a household (individual) employer: the ones the Middle-East moratorium covers."""

_BISA_FORMAL = JABATAN_RUMAH_TANGGA | {"petugas_kebersihan"}
"""Zero-cost job names that also exist in formal employment (a cook in a restaurant, a
caregiver in a nursing home, a cleaner in a hotel): with a workplace word they are not."""

# Phrases matched as whole words in free text, most specific first.
_KATA_JABATAN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("pengasuh_bayi", ("pengasuh bayi", "baby sitter", "babysitter", "baby carer", "baby care")),
    (
        "pengasuh_lansia",
        (
            "pengasuh lansia",
            "pengasuh lanjut usia",
            "perawat lansia",
            "perawat jompo",
            "caregiver",
            "care giver",
            "elderly carer",
        ),
    ),
    ("pengasuh_anak", ("pengasuh anak", "child carer", "child care", "nanny")),
    ("juru_masak", ("juru masak", "tukang masak", "cook")),
    (
        "sopir_keluarga",
        (
            "sopir keluarga",
            "supir keluarga",
            "sopir pribadi",
            "supir pribadi",
            "family driver",
            "private driver",
        ),
    ),
    ("tukang_kebun", ("tukang kebun", "perawat taman", "gardener")),
    ("petugas_kebersihan", ("petugas kebersihan", "cleaning service", "cleaner")),
    (
        "awak_kapal_perikanan",
        (
            "awak kapal perikanan",
            "abk perikanan",
            "abk kapal ikan",
            "kapal ikan",
            "kapal perikanan",
            "nelayan",
            "fishing",
            "fisherman",
        ),
    ),
    (
        "pekerja_ladang",
        (
            "petugas ladang",
            "pekerja ladang",
            "ladang",
            "perkebunan",
            "sawit",
            "plantation",
            "farm worker",
            "buruh tani",
            "pekerja pertanian",
        ),
    ),
    (
        "pekerja_rumah_tangga",
        (
            "pengurus rumah tangga",
            "pekerja rumah tangga",
            "penata laksana rumah tangga",
            "rumah tangga",
            "prt",
            "plrt",
            "art",
            "pembantu",
            "housemaid",
            "maid",
            "domestic",
            "helper",
            "housekeeper",
        ),
    ),
)

_TEMPAT_FORMAL = (
    "restoran",
    "restaurant",
    "rumah makan",
    "kafe",
    "cafe",
    "katering",
    "catering",
    "hotel",
    "resort",
    "kapal pesiar",
    "cruise",
    "panti",
    "nursing home",
    "care home",
    "rumah sakit",
    "hospital",
    "klinik",
    "clinic",
    "pabrik",
    "factory",
    "perusahaan",
    "company",
    "kantor",
    "office",
    "bandara",
    "airport",
)
"""Workplace words that make a job formal employment, not work for a household."""


def _words(text: str) -> str:
    return " " + " ".join(re.sub(r"[^0-9a-z]+", " ", text.casefold()).split()) + " "


def _has_phrase(words: str, phrases: tuple[str, ...]) -> bool:
    return any(f" {phrase} " in words for phrase in phrases)


def jabatan_bebas_biaya(jabatan: str) -> str | None:
    """The code of the zero-cost job (Perban BP2MI 9/2020) that ``jabatan`` names, else None.

    ``jabatan`` is a code of :data:`JABATAN_BEBAS_BIAYA` or free text in Indonesian or
    English, matched on whole words. "Caregiver" alone counts as an elderly carer, which
    favours the worker (a fee for a caregiver is then a red flag), but a workplace word
    (restaurant, hotel, nursing home, hospital, factory, company: :data:`_TEMPAT_FORMAL`)
    makes a household-type job formal employment, which is not on the list.

    >>> jabatan_bebas_biaya("PRT"), jabatan_bebas_biaya("Caregiver di Taiwan")
    ('pekerja_rumah_tangga', 'pengasuh_lansia')
    >>> print(jabatan_bebas_biaya("caregiver panti jompo"), jabatan_bebas_biaya("cook di hotel"))
    None None
    >>> jabatan_bebas_biaya("ABK kapal ikan"), jabatan_bebas_biaya("operator pabrik")
    ('awak_kapal_perikanan', None)
    """
    if not isinstance(jabatan, str):
        return None
    text = jabatan.strip().casefold()
    if text in JABATAN_BEBAS_BIAYA:
        return text
    words = _words(text)
    formal = _has_phrase(words, _TEMPAT_FORMAL)
    for kode, phrases in _KATA_JABATAN:
        if _has_phrase(words, phrases):
            return None if formal and kode in _BISA_FORMAL else kode
    return None


# --- the Middle-East moratorium and its one-channel exception ------------------------------


@dataclass(frozen=True)
class Moratorium:
    """A stop on placing workers with household (individual) employers in some countries.

    ``negara`` maps each country to the date the stop ends for it (``None``: still in
    force), so a later change (the stop lifted for one country) is one edit here.
    ``diperiksa`` is the date up to which the kit checked the rule against reports.
    """

    nama: str
    dasar_hukum: str
    sumber: str
    diumumkan: date
    diperiksa: date
    negara: Mapping[str, date | None]
    jabatan: frozenset[str]
    catatan: str = ""


@dataclass(frozen=True)
class Pengecualian:
    """An exception to a moratorium: a country, some jobs, one channel."""

    nama: str
    dasar_hukum: str
    sumber: str
    negara: frozenset[str]
    jabatan: frozenset[str]
    jalur: frozenset[str]
    berangkat_sejak: date
    catatan: str = ""


MORATORIUM_TIMUR_TENGAH = Moratorium(
    nama="Penghentian penempatan PMI pada pengguna perseorangan di negara kawasan Timur Tengah",
    dasar_hukum="Kepmenaker 260/2015",
    sumber="Daftar 21 negara dari Kemnaker, dikutip Kontan 4 Mei 2015",
    diumumkan=date(2015, 5, 4),
    diperiksa=date(2026, 2, 28),
    negara={
        nama: None
        for nama in (
            "Aljazair",
            "Arab Saudi",
            "Bahrain",
            "Irak",
            "Iran",
            "Kuwait",
            "Lebanon",
            "Libya",
            "Maroko",
            "Mauritania",
            "Mesir",
            "Oman",
            "Pakistan",
            "Palestina",
            "Qatar",
            "Sudan Selatan",
            "Suriah",
            "Tunisia",
            "Uni Emirat Arab",
            "Yaman",
            "Yordania",
        )
    },  # fmt: skip
    jabatan=JABATAN_RUMAH_TANGGA,
    catatan="Pencabutan moratorium untuk Arab Saudi dilaporkan disetujui Presiden pada Maret "
    "2025, tetapi perjanjiannya belum ada pada Februari 2026: belum pasti, tanyakan ke "
    "Disnaker atau BP3MI.",
)
"""Kepmenaker 260/2015 (FACTS 1.9): no placement with household employers in 21 countries.
``diumumkan`` is the date Kontan reported the list (the decree's own date was not read)."""

SPSK_ARAB_SAUDI = Pengecualian(
    nama="Sistem Penempatan Satu Kanal (SPSK) ke Arab Saudi",
    dasar_hukum="Kepmenaker 291/2018",
    sumber="Keberangkatan pertama Juni 2023 (FACTS 1.9)",
    negara=frozenset({"Arab Saudi"}),
    jabatan=frozenset(
        {
            "pekerja_rumah_tangga",
            "pengasuh_bayi",
            "pengasuh_lansia",
            "juru_masak",
            "sopir_keluarga",
            "pengasuh_anak",
        }
    ),
    jalur=frozenset({"p3mi"}),
    berangkat_sejak=date(2023, 6, 1),
    catatan="Kepmenaker 291/2018 menyebut enam jabatan; daftar enam jabatan di kit ini belum "
    "diperiksa terhadap naskahnya, dan hanya P3MI yang ditunjuk yang boleh menempatkan.",
)
"""The one-channel pilot (Kepmenaker 291/2018): some household jobs to Saudi Arabia through
selected P3MI and Saudi agencies, first departures June 2023. The six job codes are [?]: the
kit's household jobs without the gardener, not checked against the decree's text."""

_NEGARA_MORATORIUM_ALIAS: dict[str, tuple[str, ...]] = {
    "Aljazair": ("aljazair", "al jazair", "algeria", "algerie"),
    "Arab Saudi": ("arab saudi", "saudi arabia", "saudi", "ksa"),
    "Bahrain": ("bahrain", "bahrein"),
    "Irak": ("irak", "iraq"),
    "Iran": ("iran",),
    "Kuwait": ("kuwait",),
    "Lebanon": ("lebanon", "libanon"),
    "Libya": ("libya", "libia"),
    "Maroko": ("maroko", "morocco", "maroc"),
    "Mauritania": ("mauritania",),
    "Mesir": ("mesir", "egypt"),
    "Oman": ("oman",),
    "Pakistan": ("pakistan",),
    "Palestina": ("palestina", "palestine"),
    "Qatar": ("qatar", "katar"),
    "Sudan Selatan": ("sudan selatan", "south sudan"),
    "Suriah": ("suriah", "syria", "siria"),
    "Tunisia": ("tunisia", "tunisie"),
    "Uni Emirat Arab": (
        "uni emirat arab",
        "uea",
        "uae",
        "united arab emirates",
        "emirat arab",
        "dubai",
        "abu dhabi",
    ),
    "Yaman": ("yaman", "yemen"),
    "Yordania": ("yordania", "yordan", "jordan"),
}


def _country(negara: str, aliases: Mapping[str, tuple[str, ...]]) -> str | None:
    if not isinstance(negara, str):
        return None
    words = _words(negara)
    for nama, names in aliases.items():
        if _has_phrase(words, names):
            return nama
    return None


def negara_moratorium(negara: str) -> str | None:
    """The Indonesian name of the moratorium country ``negara`` names (one of the 21 of
    Kepmenaker 260/2015, Indonesian or English, cities of the UAE too), else None.

    >>> negara_moratorium("Saudi Arabia"), negara_moratorium("Algeria")
    ('Arab Saudi', 'Aljazair')
    >>> print(negara_moratorium("Taiwan"), negara_moratorium("Sudan"))
    None None
    """
    return _country(negara, _NEGARA_MORATORIUM_ALIAS)


def kena_moratorium(
    negara: str,
    jabatan: str,
    jalur: str | None = None,
    satu_kanal: bool = False,
    pada_tanggal: date | None = None,
    moratorium: Moratorium = MORATORIUM_TIMUR_TENGAH,
    pengecualian: tuple[Pengecualian, ...] = (SPSK_ARAB_SAUDI,),
) -> bool:
    """Does a placement in ``negara`` as ``jabatan`` fall under the moratorium?

    True when the country is on the list and its stop has not ended on ``pada_tanggal``
    (default: today), the job is a household job (:func:`jabatan_bebas_biaya`, so a cook in a
    restaurant is not), and no exception applies. The SPSK exception applies only when all
    of its conditions hold: its country, one of its jobs, its channel (``jalur`` ``"p3mi"``:
    a P3MI chosen for the scheme) and ``satu_kanal`` (the placement goes through the
    one-channel system).

    >>> kena_moratorium("Aljazair", "pengurus rumah tangga")
    True
    >>> kena_moratorium("Arab Saudi", "PRT", jalur="p3mi", satu_kanal=True)
    False
    >>> kena_moratorium("Arab Saudi", "PRT", jalur="calo", satu_kanal=True)
    True
    >>> kena_moratorium("Arab Saudi", "perawat rumah sakit")
    False
    """
    nama = negara_moratorium(negara)
    kode = jabatan_bebas_biaya(jabatan)
    if nama is None or kode not in moratorium.jabatan:
        return False
    berakhir = moratorium.negara.get(nama)
    if berakhir is not None and (pada_tanggal or date.today()) >= berakhir:
        return False
    for exception in pengecualian:
        if (
            satu_kanal
            and nama in exception.negara
            and kode in exception.jabatan
            and jalur in exception.jalur
        ):
            return False
    return True


# --- online-scam compounds -------------------------------------------------------------------

_NEGARA_PENIPUAN_DARING: dict[str, tuple[str, ...]] = {
    "Kamboja": ("kamboja", "cambodia", "phnom penh", "sihanoukville"),
    "Myanmar": ("myanmar", "burma", "birma", "myawaddy"),
}
"""Countries where online-scam compounds hold Indonesians (FACTS 1.9: Cambodia is not a
placement country for PMI; the embassy in Phnom Penh recorded 1,185 online-scam cases in one
quarter of 2025)."""

_KATA_KERJA_ONLINE = (
    "kerja online",
    "kerja daring",
    "admin online",
    "admin daring",
    "operator online",
    "customer service online",
    "cs online",
    "marketing online",
    "online marketing",
    "pemasaran online",
    "telemarketing",
    "judi online",
    "kasino online",
    "online casino",
    "online scam",
    "scammer",
    "crypto",
    "kripto",
)


def negara_penipuan_daring(negara: str) -> str | None:
    """``"Kamboja"`` or ``"Myanmar"`` when ``negara`` names one, else None.

    >>> negara_penipuan_daring("Phnom Penh, Cambodia"), negara_penipuan_daring("Malaysia")
    ('Kamboja', None)
    """
    return _country(negara, _NEGARA_PENIPUAN_DARING)


def kerja_online(jabatan: str) -> bool:
    """Is ``jabatan`` an "online work" job of the kind scam compounds advertise?

    >>> kerja_online("Admin online"), kerja_online("operator pabrik")
    (True, False)
    """
    return isinstance(jabatan, str) and _has_phrase(_words(jabatan), _KATA_KERJA_ONLINE)
