"""Pillar 1, *layanan migrasi*: the safe-migration rules.

Pure calculations on plain values (no widgets, no plotting). Every rule carries its legal
basis from UU 18/2017 and the regulations quoted in ``shared/domain/FACTS.md`` section 1, an
explanation and a next step, in Indonesian with English equivalents.

The parts:

* :func:`check_readiness`: is a prospective migrant worker (CPMI) ready to leave on the
  planned date? Unmet requirements (``kurang``), red flags (``tanda_bahaya``) and cautions
  (``perhatian``), each explained by :data:`RULES`.
* :func:`red_flags`: the warning signs of illegal recruitment in an offer (FACTS section 1.7).
* :func:`bpjs_contribution_rp`: the BPJS Ketenagakerjaan contribution (Permenaker 4/2023).
* :func:`usia_tahun`, :func:`jabatan_bebas_biaya` (the ten zero-cost jobs) and
  :func:`negara_timur_tengah` (the 2015 Middle-East moratorium).

This module is also the pillar's public API: it re-exports the village register of migrant
workers (:mod:`desmigratif_kit.register`: :data:`REGISTER_SCHEMA`, :func:`load_register`,
:func:`register_summary`, :func:`contracts_ending`, :func:`movements_per_month`,
:func:`masked`, ...) and the BP2MI placement statistics (:mod:`desmigratif_kit.penempatan`:
:func:`load_penempatan_tahunan`, :func:`load_penempatan_negara`,
:func:`load_penempatan_provinsi`, :func:`load_penempatan_rincian`), so ``migration.<name>``
keeps working for apps, notebooks and tests.

>>> from datetime import date
>>> hasil = check_readiness({
...     "tanggal_lahir": date(2000, 5, 1), "tanggal_berangkat": date(2026, 3, 1),
...     "dokumen": DOKUMEN_PASAL_13, "bpjs": True, "opp": True, "jalur": "p3mi",
...     "visa": "kerja", "jabatan": "operator pabrik", "biaya_penempatan_rp": 0})
>>> hasil.siap
True
>>> from desmigratif_kit import register
>>> load_register is register.load_register
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

from desmigratif_kit import i18n
from desmigratif_kit._inputs import as_date, missing
from desmigratif_kit.penempatan import (
    load_penempatan_negara,
    load_penempatan_provinsi,
    load_penempatan_rincian,
    load_penempatan_tahunan,
)
from desmigratif_kit.register import (
    MASKED_COLUMNS,
    REGISTER_SCHEMA,
    SAMPLE_REFERENCE_DATE,
    SAMPLE_REGISTER_FILE,
    STATUS,
    TIDAK_DIISI,
    contracts_ending,
    load_register,
    load_sample_register,
    mask_id,
    mask_nik,
    masked,
    movements_per_month,
    register_summary,
)

__all__ = [
    # the rules (this module)
    "BIAYA_IURAN_BPJS",
    "BULAN_KONTRAK_MAKS",
    "DOKUMEN_PASAL_13",
    "DOKUMEN_TAMBAHAN",
    "GAJI_TIDAK_WAJAR_KALI",
    "JABATAN_BEBAS_BIAYA",
    "JABATAN_RUMAH_TANGGA",
    "JALUR",
    "PEREKRUT",
    "PERHATIAN",
    "RULES",
    "SYARAT",
    "TANDA_BAHAYA",
    "VISA",
    "VISA_NON_KERJA",
    "Finding",
    "HasilKesiapan",
    "IuranBpjs",
    "bpjs_contribution_rp",
    "check_readiness",
    "jabatan_bebas_biaya",
    "negara_timur_tengah",
    "red_flags",
    "usia_tahun",
    # re-exported from desmigratif_kit.register
    "MASKED_COLUMNS",
    "REGISTER_SCHEMA",
    "SAMPLE_REFERENCE_DATE",
    "SAMPLE_REGISTER_FILE",
    "STATUS",
    "TIDAK_DIISI",
    "contracts_ending",
    "load_register",
    "load_sample_register",
    "mask_id",
    "mask_nik",
    "masked",
    "movements_per_month",
    "register_summary",
    # re-exported from desmigratif_kit.penempatan
    "load_penempatan_negara",
    "load_penempatan_provinsi",
    "load_penempatan_rincian",
    "load_penempatan_tahunan",
]

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


# --- findings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One rule: a requirement (``jenis="syarat"``), a red flag (``"tanda_bahaya"``) or a
    caution (``"perhatian"``), explained in Indonesian with English equivalents."""

    kode: str
    jenis: str
    judul: str
    penjelasan: str
    dasar_hukum: str
    langkah: str
    judul_en: str
    penjelasan_en: str
    langkah_en: str

    def teks(self, lang: str | None = None) -> dict[str, str]:
        """Title, explanation, next step and legal basis in ``lang`` (default: current).

        >>> RULES["usia"].teks("en")["judul"]
        'At least 18 years old on the departure date'
        """
        if (lang or i18n.get_language()) == "en":
            return {
                "judul": self.judul_en,
                "penjelasan": self.penjelasan_en,
                "langkah": self.langkah_en,
                "dasar_hukum": self.dasar_hukum,
            }
        return {
            "judul": self.judul,
            "penjelasan": self.penjelasan,
            "langkah": self.langkah,
            "dasar_hukum": self.dasar_hukum,
        }


def _rule(
    kode, jenis, dasar_hukum, judul, penjelasan, langkah, judul_en, penjelasan_en, langkah_en
) -> Finding:
    return Finding(
        kode, jenis, judul, penjelasan, dasar_hukum, langkah, judul_en, penjelasan_en, langkah_en
    )


_UU = "UU 18/2017"
_BP2MI_TANDA = "Tanda bahaya penempatan nonprosedural menurut BP2MI (Kompas 17-05-2023)"

_RULES_LIST = [
    # requirements of Art. 5 and Art. 12
    _rule(
        "usia",
        "syarat",
        f"{_UU} Pasal 5 huruf a",
        "Berusia minimal 18 tahun pada tanggal berangkat",
        "Calon PMI harus sudah berumur 18 tahun pada hari keberangkatan. Ulang tahun ke-18 "
        "yang jatuh tepat pada tanggal berangkat sudah memenuhi syarat.",
        "Tunda keberangkatan sampai calon PMI berumur 18 tahun. Periksa tanggal lahir di KTP "
        "dan akta kelahiran.",
        "At least 18 years old on the departure date",
        "A prospective migrant worker must be 18 on the day of departure. An 18th birthday "
        "that falls on the departure date meets the requirement.",
        "Postpone departure until the person turns 18. Check the date of birth on the ID "
        "card and the birth certificate.",
    ),
    _rule(
        "sehat",
        "syarat",
        f"{_UU} Pasal 5 huruf c",
        "Sehat jasmani dan rohani",
        "Calon PMI harus sehat jasmani dan rohani, dibuktikan dengan pemeriksaan kesehatan "
        "dan psikologi.",
        "Ikuti pemeriksaan kesehatan dan psikologi di sarana kesehatan yang ditunjuk.",
        "Physically and mentally healthy",
        "A prospective migrant worker must be physically and mentally healthy, shown by a "
        "medical and psychological examination.",
        "Take the medical and psychological examination at an appointed health facility.",
    ),
    _rule(
        "kompetensi",
        "syarat",
        f"{_UU} Pasal 5 huruf b",
        "Memiliki kompetensi",
        "Calon PMI harus memiliki kompetensi untuk jabatan yang akan dikerjakan.",
        "Ikuti pelatihan kerja dan uji kompetensi untuk jabatan tersebut.",
        "Has the competence for the job",
        "A prospective migrant worker must have the competence for the job.",
        "Attend job training and a competency test for the job.",
    ),
    _rule(
        "jaminan_sosial",
        "syarat",
        f"{_UU} Pasal 5 huruf d; Permenaker 4/2023",
        "Terdaftar sebagai peserta jaminan sosial",
        "Calon PMI harus terdaftar dan memiliki nomor kepesertaan BPJS Ketenagakerjaan "
        "(program JKK dan JKM wajib).",
        "Daftarkan calon PMI ke BPJS Ketenagakerjaan (loket di LTSA atau kantor cabang).",
        "Registered for social security",
        "A prospective migrant worker must be registered with BPJS Ketenagakerjaan and hold "
        "a membership number (work-accident and death cover are mandatory).",
        "Register with BPJS Ketenagakerjaan (desk at the one-stop service or a branch).",
    ),
    _rule(
        "opp",
        "syarat",
        f"{_UU} Pasal 12 (proses sebelum bekerja; Perban BP2MI 7/2022)",
        "Mengikuti Orientasi Pra Pemberangkatan (OPP)",
        "Sebelum berangkat, calon PMI mengikuti OPP: petunjuk kerja, adat dan aturan negara "
        "tujuan, cara mencegah dan menangani masalah, dan isi perjanjian kerja.",
        "Daftar OPP melalui BP3MI/UPT BP2MI setempat dan simpan sertifikatnya.",
        "Attended pre-departure orientation (OPP)",
        "Before departure a prospective migrant worker attends OPP: work instructions, the "
        "destination's customs and rules, preventing and handling problems, and the "
        "employment contract.",
        "Enrol in OPP through the local BP3MI/BP2MI office and keep the certificate.",
    ),
    # the eight documents of Art. 13
    _rule(
        "status_perkawinan",
        "syarat",
        f"{_UU} Pasal 13 huruf a",
        "Surat keterangan status perkawinan",
        "Dokumen status perkawinan; yang sudah menikah melampirkan fotokopi buku nikah.",
        "Minta surat keterangan status perkawinan; siapkan fotokopi buku nikah bila menikah.",
        "Marital-status certificate",
        "A marital-status certificate; married applicants attach a copy of the marriage book.",
        "Request the marital-status certificate; copy the marriage book if married.",
    ),
    _rule(
        "izin_keluarga",
        "syarat",
        f"{_UU} Pasal 13 huruf b",
        "Surat izin suami/istri, orang tua, atau wali",
        "Surat keterangan izin dari suami atau istri, orang tua, atau wali yang diketahui "
        "kepala desa atau lurah.",
        "Isi surat izin keluarga dan mintakan tanda tangan kepala desa/lurah.",
        "Consent letter from spouse, parents or guardian",
        "A consent letter from the spouse, parents or guardian, acknowledged by the village "
        "head or lurah.",
        "Fill in the family consent letter and have the village head sign it.",
    ),
    _rule(
        "sertifikat_kompetensi",
        "syarat",
        f"{_UU} Pasal 13 huruf c",
        "Sertifikat kompetensi kerja",
        "Sertifikat yang membuktikan calon PMI kompeten untuk jabatannya.",
        "Ikuti pelatihan dan uji kompetensi di lembaga yang diakui.",
        "Work-competency certificate",
        "A certificate showing the worker is competent for the job.",
        "Attend training and a competency test at a recognised institution.",
    ),
    _rule(
        "surat_sehat",
        "syarat",
        f"{_UU} Pasal 13 huruf d",
        "Surat keterangan sehat (kesehatan dan psikologi)",
        "Surat keterangan sehat berdasarkan pemeriksaan kesehatan dan psikologi.",
        "Periksa kesehatan dan psikologi di sarana kesehatan yang ditunjuk.",
        "Health certificate (medical and psychological)",
        "A health certificate from a medical and psychological examination.",
        "Have the medical and psychological examination at an appointed facility.",
    ),
    _rule(
        "paspor",
        "syarat",
        f"{_UU} Pasal 13 huruf e",
        "Paspor dari kantor imigrasi setempat",
        "Paspor diterbitkan kantor imigrasi setempat atas nama calon PMI sendiri.",
        "Urus paspor di kantor imigrasi (atau loket imigrasi di LTSA) dengan KTP, KK dan "
        "akta kelahiran.",
        "Passport from the local immigration office",
        "A passport issued by the local immigration office in the worker's own name.",
        "Apply at the immigration office (or its desk at the one-stop service) with ID card, "
        "family card and birth certificate.",
    ),
    _rule(
        "visa_kerja",
        "syarat",
        f"{_UU} Pasal 13 huruf f",
        "Visa kerja",
        "Bekerja di luar negeri memerlukan visa kerja, bukan visa turis, kunjungan, umrah "
        "atau ziarah.",
        "Visa kerja diurus oleh pelaksana penempatan setelah ada perjanjian kerja.",
        "Work visa",
        "Working abroad needs a work visa, not a tourist, visit, umrah or pilgrimage visa.",
        "The placement agency arranges the work visa once there is an employment contract.",
    ),
    _rule(
        "perjanjian_penempatan",
        "syarat",
        f"{_UU} Pasal 13 huruf g",
        "Perjanjian Penempatan PMI",
        "Perjanjian tertulis antara pelaksana penempatan (P3MI, BP2MI untuk G to G, atau "
        "perusahaan yang menempatkan pekerjanya sendiri) dan calon PMI. Jalur mandiri tidak "
        "memakai pelaksana penempatan, sehingga dokumen ini tidak diminta.",
        "Minta dan baca perjanjian penempatan sebelum menandatanganinya; simpan salinannya.",
        "Placement Agreement",
        "A written agreement between the placement agent (a P3MI, BP2MI for G-to-G, or a "
        "company placing its own workers) and the worker. The independent route has no "
        "placement agent, so it is not required there.",
        "Ask for the placement agreement, read it before signing, keep a copy.",
    ),
    _rule(
        "perjanjian_kerja",
        "syarat",
        f"{_UU} Pasal 13 huruf h; Pasal 14-15",
        "Perjanjian Kerja",
        "Perjanjian kerja antara pemberi kerja dan PMI: identitas, jabatan, hak dan "
        "kewajiban, jam kerja, gaji dan cara pembayaran, cuti, jaminan sosial, dan jangka "
        "waktu.",
        "Minta perjanjian kerja tertulis, baca bersama keluarga, dan simpan salinannya.",
        "Employment Agreement",
        "The contract between employer and worker: identities, job, rights and duties, "
        "hours, wage and how it is paid, leave, social security and duration.",
        "Ask for the written contract, read it with the family and keep a copy.",
    ),
    # red flags
    _rule(
        "di_bawah_umur",
        "tanda_bahaya",
        f"{_UU} Pasal 5 huruf a jo. Pasal 80",
        "Di bawah umur",
        "Calon PMI belum berumur 18 tahun pada tanggal berangkat. Menempatkan orang yang "
        "tidak memenuhi syarat usia diancam pidana penjara paling lama 3 tahun dan denda "
        "paling banyak Rp 500 juta.",
        "Jangan berangkat. Laporkan perekrut yang memalsukan umur ke Dinas Tenaga Kerja atau "
        "BP3MI.",
        "Under age",
        "The person is not yet 18 on the departure date. Placing someone who does not meet "
        "the age requirement carries up to 3 years in prison and a fine of up to "
        "Rp 500 million.",
        "Do not leave. Report a recruiter who falsifies age to the manpower office or BP3MI.",
    ),
    _rule(
        "perseorangan",
        "tanda_bahaya",
        f"{_UU} Pasal 69 jo. Pasal 81",
        "Penempatan oleh perseorangan (calo/sponsor)",
        "Orang perseorangan dilarang melaksanakan penempatan PMI. Pelakunya diancam pidana "
        "penjara paling lama 10 tahun dan denda paling banyak Rp 15 miliar.",
        "Tolak tawaran itu. Cari lowongan resmi melalui Disnaker, LTSA atau P3MI berizin, dan "
        "laporkan calo ke Disnaker atau BP3MI.",
        "Placement by an individual (broker/sponsor)",
        "Individuals may not place migrant workers. Offenders face up to 10 years in prison "
        "and a fine of up to Rp 15 billion.",
        "Refuse the offer. Look for official vacancies through the manpower office, the "
        "one-stop service or a licensed P3MI, and report the broker.",
    ),
    _rule(
        "visa_non_kerja",
        "tanda_bahaya",
        f"{_UU} Pasal 13 huruf f",
        "Berangkat dengan visa bukan visa kerja",
        "Visa turis, kunjungan, umrah atau ziarah tidak boleh dipakai untuk bekerja. Pekerja "
        "dengan visa seperti itu tidak terlindungi dan mudah menjadi korban perdagangan "
        "orang.",
        "Jangan berangkat sebelum ada visa kerja yang diurus pelaksana penempatan resmi.",
        "Travelling on a visa that is not a work visa",
        "A tourist, visit, umrah or pilgrimage visa may not be used for work. Workers on such "
        "visas are unprotected and easy prey for traffickers.",
        "Do not leave until an official placement agent has arranged a work visa.",
    ),
    _rule(
        "biaya_dibebankan",
        "tanda_bahaya",
        f"{_UU} Pasal 30 ayat (1); Perban BP2MI 9/2020",
        "Biaya penempatan dibebankan kepada pekerja",
        "PMI tidak dapat dibebani biaya penempatan. Untuk 10 jabatan (pekerja rumah tangga, "
        "pengasuh bayi, pengasuh lansia, juru masak, sopir keluarga, tukang kebun, pengasuh "
        "anak, petugas kebersihan, pekerja ladang/perkebunan, awak kapal perikanan) tiket, "
        "visa, pelatihan, sertifikat, paspor, SKCK, jaminan sosial dan pemeriksaan kesehatan "
        "dibayar pemberi kerja, bukan pekerja.",
        "Jangan membayar. Minta rincian biaya tertulis dan laporkan permintaan uang ke "
        "Disnaker atau BP3MI.",
        "Placement fee charged to the worker",
        "Migrant workers may not be charged placement costs. For 10 jobs (domestic worker, "
        "baby carer, elderly carer, cook, family driver, gardener, child carer, cleaner, "
        "field/plantation worker, fishing-vessel crew) tickets, visa, training, certificate, "
        "passport, police certificate, social security and medical checks are paid by the "
        "employer, not the worker.",
        "Do not pay. Ask for the costs in writing and report the demand to the manpower "
        "office or BP3MI.",
    ),
    _rule(
        "tanpa_perjanjian_kerja",
        "tanda_bahaya",
        f"{_UU} Pasal 13 huruf h; Pasal 14-15",
        "Tidak ada perjanjian kerja tertulis",
        "Berangkat tanpa perjanjian kerja berarti gaji, jam kerja dan hak lain tidak "
        "terjamin. Ini salah satu tanda penempatan nonprosedural.",
        "Jangan berangkat sebelum perjanjian kerja ditandatangani dan salinannya dipegang "
        "pekerja dan keluarga.",
        "No written employment contract",
        "Leaving without an employment contract means wage, hours and other rights are not "
        "guaranteed. It is one of the signs of non-procedural placement.",
        "Do not leave before the contract is signed and the worker and family hold a copy.",
    ),
    _rule(
        "moratorium_timur_tengah",
        "tanda_bahaya",
        "Moratorium 2015 penempatan PMI pada pengguna perseorangan di negara-negara Timur "
        "Tengah (Kepmenaker 260/2015)",
        "Pekerjaan rumah tangga di negara Timur Tengah",
        "Sejak 2015 penempatan PMI untuk pengguna perseorangan (rumah tangga) di negara-negara "
        "Timur Tengah dihentikan. Tawaran seperti ini hampir selalu nonprosedural, sering "
        "memakai visa umrah atau kunjungan.",
        "Tolak tawaran itu, atau tanyakan dulu ke Disnaker/BP3MI apakah ada skema resmi "
        "pemerintah untuk negara dan jabatan tersebut.",
        "Domestic work in a Middle-East country",
        "Since 2015 placement of migrant workers with individual (household) employers in "
        "Middle-East countries has been stopped. Such offers are almost always "
        "non-procedural, often using umrah or visit visas.",
        "Refuse the offer, or first ask the manpower office/BP3MI whether an official "
        "government scheme exists for that country and job.",
    ),
    _rule(
        "uang_pengikat",
        "tanda_bahaya",
        f"{_BP2MI_TANDA}; {_UU} Pasal 30 ayat (1)",
        "Uang pengikat untuk keluarga",
        "Perekrut memberi uang (sering Rp 2-10 juta) kepada keluarga sebelum berangkat. Uang "
        "itu biasanya kemudian dipotong dari gaji sebagai utang.",
        "Jangan terima uang pengikat. Laporkan ke pemerintah desa dan Disnaker.",
        "'Binding money' given to the family",
        "The recruiter gives money (often Rp 2-10 million) to the family before departure. "
        "It is usually deducted from wages later as a debt.",
        "Do not accept it. Report it to the village government and the manpower office.",
    ),
    _rule(
        "gaji_tidak_wajar",
        "tanda_bahaya",
        _BP2MI_TANDA,
        "Janji gaji jauh di atas biasanya",
        "Gaji yang dijanjikan jauh lebih tinggi (di kit ini: lebih dari 1,5 kali) daripada "
        "gaji biasa untuk jabatan dan negara itu. Janji gaji tinggi adalah cara calo menarik "
        "korban.",
        "Bandingkan dengan informasi lowongan resmi di Disnaker atau pusat layanan migrasi desa.",
        "Promised wage far above the usual",
        "The promised wage is far higher (in this kit: more than 1.5 times) than the usual "
        "wage for that job and country. High promised pay is how brokers lure victims.",
        "Compare with official vacancy information at the manpower office or the village "
        "migration service.",
    ),
    _rule(
        "janji_dokumen_diurus",
        "tanda_bahaya",
        _BP2MI_TANDA,
        'Janji "semua dokumen diurus"',
        "Perekrut berjanji mengurus semua dokumen. Dokumen yang diurus orang lain sering "
        "dipalsukan (umur, nama, alamat) dan calon PMI tidak tahu isinya.",
        "Urus sendiri dokumen kependudukan dan paspor, dengan bantuan pemerintah desa dan LTSA.",
        'Promise that "all documents are handled"',
        "The recruiter promises to handle every document. Documents handled by others are "
        "often falsified (age, name, address) and the worker does not know what they say.",
        "Get civil-registration papers and the passport yourself, helped by the village "
        "government and the one-stop service.",
    ),
    _rule(
        "berangkat_cepat",
        "tanda_bahaya",
        f"{_BP2MI_TANDA}; {_UU} Pasal 12",
        "Janji cepat berangkat",
        "Proses resmi memerlukan waktu: pelatihan, pemeriksaan kesehatan, dokumen, OPP. "
        "Janji berangkat dalam hitungan hari biasanya berarti semua tahap itu dilewati.",
        "Tanyakan jadwal setiap tahap proses sebelum bekerja ke Disnaker atau LTSA.",
        "Promise of a fast departure",
        "The official process takes time: training, medical checks, documents, OPP. A "
        "departure promised within days usually means every step is skipped.",
        "Ask the manpower office or one-stop service for the schedule of each step.",
    ),
    _rule(
        "penampungan_dini",
        "tanda_bahaya",
        f"{_BP2MI_TANDA}; {_UU} Pasal 12",
        "Ditampung sebelum dokumen lengkap",
        "Calon PMI dibawa ke penampungan sebelum dokumen lengkap, tanpa pelatihan, OPP atau BPJS.",
        "Jangan masuk penampungan sebelum dokumen lengkap. Catat alamat penampungan dan "
        "laporkan ke Disnaker.",
        "Sent to a shelter before documents are complete",
        "The worker is taken to a shelter before the documents are complete, without "
        "training, OPP or social security.",
        "Do not enter a shelter before the documents are complete. Note its address and "
        "report it to the manpower office.",
    ),
    _rule(
        "paspor_dipinjam",
        "tanda_bahaya",
        f"{_UU} Pasal 13 huruf e; Pasal 79",
        "Paspor palsu atau milik orang lain",
        "Paspor harus atas nama dan data diri yang benar. Memakai paspor orang lain atau "
        "data palsu adalah tindak pidana dan membuat pekerja tidak terlindungi.",
        "Jangan memakai paspor pinjaman. Urus paspor sendiri di kantor imigrasi.",
        "Forged or borrowed passport",
        "The passport must carry the worker's true name and details. Using another person's "
        "passport or false data is a crime and leaves the worker unprotected.",
        "Do not use a borrowed passport. Apply for your own at the immigration office.",
    ),
    _rule(
        "tanpa_tanda_terima_dokumen",
        "tanda_bahaya",
        f"{_BP2MI_TANDA}; {_UU} (hak PMI menguasai dokumen perjalanannya)",
        "Tidak ada tanda terima dokumen",
        "Perekrut mengambil dokumen (KTP, KK, ijazah, paspor) tanpa nota serah terima.",
        "Serahkan dokumen hanya dengan nota serah terima yang ditandatangani, dan simpan "
        "fotokopinya di rumah.",
        "No receipt for handed-over documents",
        "The recruiter takes documents (ID card, family card, diploma, passport) without a "
        "hand-over receipt.",
        "Hand over documents only against a signed receipt, and keep copies at home.",
    ),
    _rule(
        "tanpa_opp",
        "tanda_bahaya",
        f"{_UU} Pasal 12",
        "Berangkat tanpa OPP",
        "Perekrut mengatakan OPP (Orientasi Pra Pemberangkatan) tidak perlu. OPP wajib dalam "
        "proses resmi.",
        "Pastikan jadwal OPP ada sebelum tanggal berangkat.",
        "Leaving without pre-departure orientation",
        "The recruiter says OPP is not needed. OPP is part of the official process.",
        "Make sure OPP is scheduled before the departure date.",
    ),
    _rule(
        "tanpa_jaminan_sosial",
        "tanda_bahaya",
        f"{_UU} Pasal 5 huruf d",
        "Berangkat tanpa BPJS Ketenagakerjaan",
        "Perekrut tidak mendaftarkan calon PMI ke BPJS Ketenagakerjaan. Tanpa jaminan sosial, "
        "kecelakaan kerja atau kematian tidak ditanggung.",
        "Minta bukti kepesertaan BPJS Ketenagakerjaan sebelum berangkat.",
        "Leaving without social security",
        "The recruiter does not register the worker with BPJS Ketenagakerjaan. Without it, "
        "work accidents and death are not covered.",
        "Ask for proof of BPJS Ketenagakerjaan membership before departure.",
    ),
    # cautions
    _rule(
        "biaya_perlu_dicek",
        "perhatian",
        f"{_UU} Pasal 30 ayat (1); Perban BP2MI 2/2020 Pasal 3",
        "Ada biaya: periksa untuk apa",
        "PMI tidak dapat dibebani biaya penempatan. Untuk jabatan di luar 10 jabatan bebas "
        "biaya, biaya kebutuhan pribadi (paspor, SKCK, jaminan sosial, pemeriksaan kesehatan, "
        "transportasi lokal, akomodasi) dapat dibebankan kepada calon PMI dan/atau pemberi "
        "kerja. Biaya lain, misalnya imbal jasa agensi, tidak boleh ditarik dari pekerja.",
        "Minta rincian biaya tertulis dan kuitansi untuk setiap pembayaran, lalu cocokkan "
        "dengan Disnaker atau BP3MI.",
        "There is a fee: check what it is for",
        "Migrant workers may not be charged placement costs. For jobs outside the ten "
        "zero-cost jobs, personal costs (passport, police certificate, social security, "
        "medical checks, local transport, accommodation) may be charged to the worker and/or "
        "the employer. Other charges, such as an agency fee, may not be taken from the "
        "worker.",
        "Ask for the costs in writing and a receipt for every payment, and check them with "
        "the manpower office or BP3MI.",
    ),
]

RULES: dict[str, Finding] = {rule.kode: rule for rule in _RULES_LIST}
"""Every requirement, red flag and caution by code."""


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
    desmigratif_kit.i18n.InputError: Nilai untuk "tanggal_berangkat" di luar batas: diharapkan
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
    desmigratif_kit.i18n.InputError: Nilai untuk "jalur" tidak ditemukan: diharapkan salah satu
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
    desmigratif_kit.i18n.InputError: Nilai untuk "visa" tidak ditemukan: diharapkan salah satu dari:
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


# --- BPJS Ketenagakerjaan contribution (Permenaker 4/2023) ---------------------------------

BIAYA_IURAN_BPJS = {
    "sebelum_bekerja_rp": 37_500,
    "paket_rp": {6: 108_000, 12: 189_000, 24: 332_500},
    "per_bulan_tambahan_rp": 13_500,
}
"""Permenaker 4/2023 figures (FACTS 1.5, verified in the regulation text)."""

BULAN_KONTRAK_MAKS = 60


@dataclass(frozen=True)
class IuranBpjs:
    """The parts and the total of a migrant worker's BPJS Ketenagakerjaan contribution."""

    bulan_kontrak: int
    sebelum_bekerja_rp: int
    paket_bulan: int
    paket_rp: int
    bulan_tambahan: int
    tambahan_rp: int
    selama_setelah_rp: int
    total_rp: int


def bpjs_contribution_rp(contract_months: int) -> IuranBpjs:
    """The BPJS Ketenagakerjaan (JKK + JKM) contribution for a contract of ``contract_months``.

    Permenaker 4/2023 (FACTS 1.5): Rp 37.500 before work, plus for during and after work a
    package of Rp 108.000 (6 months), Rp 189.000 (12 months) or Rp 332.500 (24 months), and
    Rp 13.500 for each month beyond a package. The figures at 6, 12 and 24 months are certain.
    Between them this kit reads "each month beyond these" as *one package plus extra months*
    and takes the cheapest such cover: 7 months = 6-month package + 1 month; 23 months = the
    24-month package (cheaper than 12 + 11 months); 25 months = 24 + 1 month. Note that
    Rp 108.000 + 6 x Rp 13.500 = Rp 189.000 exactly, which supports the per-month reading
    between 6 and 12 months. Check the exact rule with BPJS Ketenagakerjaan before quoting a
    figure between packages. Returns the parts and the total (``total_rp``).

    >>> bpjs_contribution_rp(24).total_rp      # 37.500 + 332.500: the old flat Rp 370.000
    370000
    >>> [bpjs_contribution_rp(m).selama_setelah_rp for m in (6, 7, 12, 13, 22, 23, 25)]
    [108000, 121500, 189000, 202500, 324000, 332500, 346000]
    >>> bpjs_contribution_rp(0)
    Traceback (most recent call last):
    ...
    desmigratif_kit.i18n.InputError: Nilai untuk "contract_months" di luar batas: diharapkan antara
    1 dan 60, diberikan "0".
    """
    months = contract_months
    if isinstance(months, bool) or not isinstance(months, numbers.Integral):
        if isinstance(months, float) and months.is_integer():
            months = int(months)
        else:
            raise i18n.InputError(
                "input.unreadable",
                expected="expected.between",
                min=1,
                max=BULAN_KONTRAK_MAKS,
                given=contract_months,
                field="contract_months",
            )
    months = int(months)
    if not 1 <= months <= BULAN_KONTRAK_MAKS:
        raise i18n.InputError(
            "input.out_of_range",
            expected="expected.between",
            min=1,
            max=BULAN_KONTRAK_MAKS,
            given=months,
            field="contract_months",
        )
    per_bulan = BIAYA_IURAN_BPJS["per_bulan_tambahan_rp"]
    options = []
    for paket, harga in BIAYA_IURAN_BPJS["paket_rp"].items():
        extra = max(0, months - paket)
        # cheapest first; on a tie the larger package (the one that covers the contract)
        options.append((harga + extra * per_bulan, -paket, paket, harga, extra))
    selama, _, paket, harga, extra = min(options)
    sebelum = BIAYA_IURAN_BPJS["sebelum_bekerja_rp"]
    return IuranBpjs(
        bulan_kontrak=months,
        sebelum_bekerja_rp=sebelum,
        paket_bulan=paket,
        paket_rp=harga,
        bulan_tambahan=extra,
        tambahan_rp=extra * per_bulan,
        selama_setelah_rp=selama,
        total_rp=sebelum + selama,
    )
