"""Pillar 1 codes: placement routes, visas, the documents of Art. 13, requirement and red-flag
codes, the ten zero-cost jobs (Perban BP2MI 9/2020) and the 2015 Middle-East moratorium.

Pure data and two lookups on free text (:func:`jabatan_bebas_biaya`, :func:`negara_timur_tengah`).

>>> jabatan_bebas_biaya("PRT")
'pekerja_rumah_tangga'
"""

from __future__ import annotations

import re

# --- codes ---------------------------------------------------------------------------------

JALUR = ("p3mi", "g2g", "perusahaan_sendiri", "mandiri", "perseorangan")
"""Placement routes: a licensed company (P3MI), government-to-government (BP2MI), a company
placing its own workers, an independent worker (*mandiri*), and placement by an individual
(*orang perseorangan*, prohibited: Art. 69 jo. Art. 81)."""

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
    "perseorangan",
    "visa_non_kerja",
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

PERHATIAN = ("biaya_perlu_dicek",)
"""Cautions: worth checking, not a red flag, do not block readiness."""

PEREKRUT = ("p3mi", "g2g", "perusahaan_sendiri", "mandiri", "calo", "sponsor", "perseorangan")
"""Who recruits in an offer; ``calo``, ``sponsor`` and ``perseorangan`` are individuals."""

GAJI_TIDAK_WAJAR_KALI = 1.5
"""A promised wage above this multiple of the typical wage is flagged (a teaching threshold
chosen for the kit, not a legal figure)."""


# --- the ten zero-cost jobs (Perban BP2MI 9/2020) -----------------------------------------

JABATAN_BEBAS_BIAYA: dict[str, tuple[str, str]] = {
    "pekerja_rumah_tangga": ("Pekerja rumah tangga", "Domestic worker"),
    "pengasuh_bayi": ("Pengasuh bayi", "Baby carer"),
    "pengasuh_lansia": ("Pengasuh lanjut usia (caregiver)", "Elderly carer (caregiver)"),
    "juru_masak": ("Juru masak", "Cook"),
    "sopir_keluarga": ("Sopir keluarga", "Family driver"),
    "tukang_kebun": ("Tukang kebun / perawat taman", "Gardener"),
    "pengasuh_anak": ("Pengasuh anak", "Child carer"),
    "petugas_kebersihan": ("Petugas kebersihan", "Cleaner"),
    "pekerja_ladang": ("Pekerja ladang/perkebunan", "Field or plantation worker"),
    "awak_kapal_perikanan": ("Awak kapal perikanan migran", "Migrant fishing-vessel crew"),
}
"""The ten informal or vulnerable jobs whose placement costs the worker may not pay
(Perban BP2MI 9/2020; FACTS 1.4): code -> (Indonesian label, English label)."""

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
"""Jobs for a household (individual) employer: the ones the 2015 Middle-East moratorium covers."""

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
            "pekerja rumah tangga",
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


def _words(text: str) -> str:
    return " " + " ".join(re.sub(r"[^0-9a-z]+", " ", text.casefold()).split()) + " "


def jabatan_bebas_biaya(jabatan: str) -> str | None:
    """The code of the zero-cost job (Perban BP2MI 9/2020) that ``jabatan`` names, else None.

    ``jabatan`` is a code of :data:`JABATAN_BEBAS_BIAYA` or free text in Indonesian or
    English. Free text is matched on whole words; "caregiver" counts as an elderly carer,
    which favours the worker (a fee for a caregiver is then a red flag).

    >>> jabatan_bebas_biaya("PRT"), jabatan_bebas_biaya("Caregiver di Taiwan")
    ('pekerja_rumah_tangga', 'pengasuh_lansia')
    >>> jabatan_bebas_biaya("ABK kapal ikan"), jabatan_bebas_biaya("operator pabrik")
    ('awak_kapal_perikanan', None)
    """
    if not isinstance(jabatan, str):
        return None
    text = jabatan.strip().casefold()
    if text in JABATAN_BEBAS_BIAYA:
        return text
    words = _words(text)
    for kode, phrases in _KATA_JABATAN:
        if any(f" {phrase} " in words for phrase in phrases):
            return kode
    return None


# --- the 2015 Middle-East moratorium ------------------------------------------------------

_TIMUR_TENGAH: dict[str, tuple[str, ...]] = {
    "Arab Saudi": ("arab saudi", "saudi arabia", "saudi", "ksa"),
    "Uni Emirat Arab": (
        "uni emirat arab",
        "uea",
        "uae",
        "united arab emirates",
        "emirat arab",
        "dubai",
        "abu dhabi",
    ),
    "Qatar": ("qatar", "katar"),
    "Kuwait": ("kuwait",),
    "Bahrain": ("bahrain", "bahrein"),
    "Oman": ("oman",),
    "Yordania": ("yordania", "yordan", "jordan"),
    "Yaman": ("yaman", "yemen"),
    "Irak": ("irak", "iraq"),
    "Iran": ("iran",),
    "Lebanon": ("lebanon", "libanon"),
    "Suriah": ("suriah", "syria", "siria"),
    "Palestina": ("palestina", "palestine"),
    "Mesir": ("mesir", "egypt"),
}


def negara_timur_tengah(negara: str) -> str | None:
    """The Indonesian name of the Middle-East country ``negara`` names, else None.

    FACTS.md (1.7) says the 2015 moratorium covers domestic work in **21** Middle-East
    countries but does not list them. This kit knows only the 14 countries that are
    without doubt in the Middle East (the Gulf states, the Levant, Iraq, Iran, Yemen and
    Egypt). The official list (Kepmenaker 260/2015, from general knowledge, not in FACTS) is
    reported to include North-African countries too: a country not found here is **not**
    proof that the moratorium does not apply.

    >>> negara_timur_tengah("Saudi Arabia"), negara_timur_tengah("UEA")
    ('Arab Saudi', 'Uni Emirat Arab')
    >>> print(negara_timur_tengah("Taiwan"))
    None
    """
    if not isinstance(negara, str):
        return None
    words = _words(negara)
    for nama, aliases in _TIMUR_TENGAH.items():
        if any(f" {alias} " in words for alias in aliases):
            return nama
    return None
