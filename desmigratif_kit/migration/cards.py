"""Pillar 1: the *Waspada Calo* scenario cards (plain Python; no widgets, no plotting).

Everything that decides something comes from :mod:`desmigratif_kit.migration`: a card's true
red flags are what :func:`~desmigratif_kit.migration.red_flags` finds in its offer, never a
hand-written list, so the cards cannot drift away from the rules.

* :data:`KARTU`: nine recruitment offers told as village stories (synthetic names), each
  with an ``offer`` mapping for :func:`red_flags`; :func:`periksa` compares what a
  participant marked with the card's flags, :func:`skor` adds up the cards checked.

The village register as saved work (records, form entries, merge, alerts, Excel export) is in
:mod:`desmigratif_kit.migration.register_edit`.

>>> [k.kode for k in KARTU][:2]
['calo_kemiri', 'umrah_sambil_kerja']
>>> KARTU[0].tanda_bahaya
['calo', 'uang_pengikat', 'gaji_tidak_wajar', 'janji_dokumen_diurus', 'berangkat_cepat']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from desmigratif_kit import migration
from desmigratif_kit.core import i18n

__all__ = [
    "KARTU",
    "PILIHAN_TANDA",
    "Kartu",
    "Skor",
    "Umpan",
    "kartu",
    "periksa",
    "skor",
]

# --- Waspada Calo ----------------------------------------------------------------------------

PILIHAN_TANDA: tuple[str, ...] = tuple(k for k in migration.TANDA_BAHAYA if k != "di_bawah_umur")
"""The red flags a participant can mark on a card: every flag :func:`migration.red_flags` can
raise from an offer (``di_bawah_umur`` needs a birth date, which offers do not carry)."""


@dataclass(frozen=True)
class Kartu:
    """One scenario card: a recruitment offer told as a story, and the offer as data."""

    kode: str
    desa: str
    judul: str
    cerita: str
    judul_en: str
    cerita_en: str
    offer: Mapping[str, Any] = field(default_factory=dict)

    @property
    def tanda_bahaya(self) -> list[str]:
        """The card's true red flags, found by :func:`migration.red_flags` in its offer."""
        return [f.kode for f in migration.red_flags(self.offer)]

    @property
    def perhatian(self) -> list[str]:
        """Cautions (not red flags), e.g. a fee to check for a job outside the ten."""
        flags = set(self.tanda_bahaya)
        return [
            f.kode
            for f in migration.red_flags(self.offer, include_cautions=True)
            if f.kode not in flags
        ]

    def teks(self, lang: str | None = None) -> dict[str, str]:
        if (lang or i18n.get_language()) == "en":
            return {"judul": self.judul_en, "cerita": self.cerita_en, "desa": self.desa}
        return {"judul": self.judul, "cerita": self.cerita, "desa": self.desa}


KARTU: tuple[Kartu, ...] = (
    Kartu(
        "calo_kemiri",
        "Rangga Talo, Ende (NTT)",
        "Tawaran dari Pak Leo",
        "Selesai panen kemiri, Pak Leo datang ke rumah Maria Goreti (22 tahun) di Rangga Talo. "
        "Ia bukan pegawai perusahaan; ia bilang punya banyak kenalan di Malaysia. Maria "
        "ditawari bekerja sebagai pekerja rumah tangga dengan gaji Rp 9.000.000 sebulan. Papan "
        "informasi Disnaker menulis upah minimum pekerja rumah tangga di Malaysia menurut MoU "
        "Indonesia-Malaysia April 2022: RM 1.500 sebulan, sekitar Rp 5.100.000. "
        '"Semua dokumen saya yang urus, minggu depan sudah bisa berangkat," kata Pak Leo, '
        'sambil menyerahkan Rp 3.000.000 kepada orang tua Maria sebagai "uang sirih pinang".',
        "Mr Leo's offer",
        "After the candlenut harvest Mr Leo visits Maria Goreti (22) in Rangga Talo. He does "
        "not work for a company; he says he knows many people in Malaysia. He offers Maria "
        "work as a domestic worker for Rp 9.000.000 a month. The manpower office's notice "
        "board gives the minimum wage for domestic workers in Malaysia under the April 2022 "
        "Indonesia-Malaysia MoU: RM 1,500 a month, about Rp 5.100.000. \"I'll handle all the "
        "documents, you can leave next week,\" Mr Leo says, handing Maria's parents "
        'Rp 3.000.000 as "betel-nut money".',
        {
            "perekrut": "calo",
            "jabatan": "pekerja rumah tangga",
            "negara_tujuan": "Malaysia",
            "gaji_dijanjikan_rp": 9_000_000,
            # RM 1,500 (MoU of 1 April 2022, FACTS 1.9) at 2022 rates: about Rp 5.1-5.2 million
            "gaji_wajar_rp": 5_100_000,
            "uang_keluarga_rp": 3_000_000,
            "dokumen_diurus_semua": True,
            "berangkat_cepat": True,
        },
    ),
    Kartu(
        "umrah_sambil_kerja",
        "Rengas Pendawa, Brebes (Jawa Tengah)",
        "Umrah sambil bekerja",
        "Bu Darsih, sponsor yang dikenal di Rengas Pendawa, menawari Wati (30 tahun) "
        '"umrah gratis sambil bekerja" di rumah sebuah keluarga di Arab Saudi. Wati akan '
        'berangkat dengan visa umrah; perjanjian kerja "nanti saja dibuat di sana". Tidak '
        "ada biaya yang diminta.",
        "Umrah and a job",
        'Mrs Darsih, a sponsor known in Rengas Pendawa, offers Wati (30) "a free umrah and a '
        "job\" in a family's house in Saudi Arabia. Wati would travel on an umrah visa; the "
        'employment contract "will be made over there". No fee is asked.',
        {
            "perekrut": "sponsor",
            "jabatan": "pekerja rumah tangga",
            "negara_tujuan": "Arab Saudi",
            "visa": "umrah",
            "kontrak_di_tangan": False,
        },
    ),
    Kartu(
        "pabrik_taiwan_resmi",
        "Rengas Pendawa, Brebes (Jawa Tengah)",
        "Lowongan pabrik di Taiwan lewat LTSA",
        "Rudi (24 tahun) membaca lowongan operator pabrik di Taiwan di pusat layanan migrasi "
        "desa. Ia mendaftar ke P3MI berizin lewat LTSA Brebes. Perjanjian kerja sudah ia "
        "baca bersama orang tuanya, ia sudah terdaftar BPJS Ketenagakerjaan, jadwal OPP "
        "sudah ada, visa kerja diurus perusahaan, dan setiap dokumen yang ia serahkan "
        "dicatat dalam nota serah terima. Ia tidak diminta membayar apa pun.",
        "A factory vacancy in Taiwan through the one-stop service",
        "Rudi (24) reads about a factory-operator vacancy in Taiwan at the village migration "
        "centre. He applies to a licensed P3MI through the Brebes one-stop service (LTSA). He "
        "has read the employment contract with his parents, is registered with BPJS "
        "Ketenagakerjaan, has an OPP date, the company arranges the work visa, and every "
        "document he hands over is listed on a receipt. He is asked to pay nothing.",
        {
            "perekrut": "p3mi",
            "jabatan": "operator pabrik",
            "negara_tujuan": "Taiwan",
            "visa": "kerja",
            "kontrak_di_tangan": True,
            "bpjs": True,
            "opp": True,
            "nota_serah_terima": True,
            "biaya_diminta_rp": 0,
        },
    ),
    Kartu(
        "caregiver_biaya",
        "Rangga Talo, Ende (NTT)",
        "Biaya pelatihan caregiver",
        "Sebuah P3MI menawari Yohana (26 tahun) pekerjaan sebagai pengasuh lansia "
        "(caregiver) di rumah sebuah keluarga di Taiwan. Perjanjian kerja dan visa kerja ada. "
        'Tetapi Yohana diminta membayar Rp 25.000.000 untuk "pelatihan dan pengurusan", dan '
        "sebelum dokumennya lengkap ia sudah diminta tinggal di penampungan perusahaan di "
        "Kupang. Belum ada yang menanyakan ke Disnaker apakah P3MI itu berizin.",
        "Caregiver training fee",
        "A P3MI offers Yohana (26) a job as an elderly carer (caregiver) in a family's home in "
        "Taiwan. There is an employment contract and a work visa. But Yohana is asked to pay "
        'Rp 25.000.000 for "training and processing", and before her documents are complete '
        "she is told to stay in the company's shelter in Kupang. Nobody has asked the manpower "
        "office yet whether the P3MI is licensed.",
        {
            "perekrut": "p3mi",
            "jabatan": "pengasuh lansia",
            "negara_tujuan": "Taiwan",
            "visa": "kerja",
            "kontrak_di_tangan": True,
            "biaya_diminta_rp": 25_000_000,
            "penampungan_sebelum_dokumen": True,
            "izin_p3mi_dicek": False,
        },
    ),
    Kartu(
        "paspor_kakak",
        "Rengas Pendawa, Brebes (Jawa Tengah)",
        "Paspor milik kakak",
        "Di kantor cabang sebuah P3MI, petugas mengatakan kepada Sari bahwa umurnya belum "
        'cukup. "Pakai saja paspor kakakmu, wajah kalian mirip," katanya. KTP, kartu '
        "keluarga dan ijazah Sari lalu ditahan di kantor itu tanpa nota serah terima.",
        "The older sister's passport",
        'At a P3MI branch office the officer tells Sari she is not old enough. "Just use your '
        "sister's passport, you look alike,\" he says. Sari's ID card, family card and diploma "
        "are then kept at the office without a hand-over receipt.",
        {
            "perekrut": "p3mi",
            "paspor_dipinjam": True,
            "nota_serah_terima": False,
        },
    ),
    Kartu(
        "abk_kapal_ikan",
        "Rangga Talo, Ende (NTT)",
        "Awak kapal ikan",
        "Yosef (28 tahun), nelayan dari pesisir Lio Timur, ditawari bekerja sebagai awak "
        "kapal perikanan di Korea oleh sebuah P3MI. Perjanjian kerja dan visa kerja ada, "
        'tetapi ia diminta membayar Rp 15.000.000. "OPP tidak perlu, di kapal nanti juga '
        'belajar," kata petugasnya, dan Yosef tidak didaftarkan ke BPJS Ketenagakerjaan.',
        "Fishing-vessel crew",
        "Yosef (28), a fisherman from the Lio Timur coast, is offered work as fishing-vessel "
        "crew in Korea by a P3MI. There is a contract and a work visa, but he is asked to pay "
        'Rp 15.000.000. "No need for OPP, you\'ll learn on board," the officer says, and '
        "Yosef is not registered with BPJS Ketenagakerjaan.",
        {
            "perekrut": "p3mi",
            "jabatan": "awak kapal perikanan",
            "negara_tujuan": "Korea Selatan",
            "visa": "kerja",
            "kontrak_di_tangan": True,
            "biaya_diminta_rp": 15_000_000,
            "opp": False,
            "bpjs": False,
        },
    ),
    Kartu(
        "turis_ke_kebun_sawit",
        "Rengas Pendawa, Brebes (Jawa Tengah)",
        "Berangkat sebagai turis ke kebun sawit",
        "Mas Karyo, calo dari kecamatan sebelah, mengajak lima pemuda Rengas Pendawa bekerja "
        'di kebun sawit di Malaysia. "Masuk dengan visa turis dulu, visa kerja diurus di '
        'sana. Lusa kita berangkat lewat Batam."',
        "Off to an oil-palm plantation as tourists",
        "Mr Karyo, a broker from the next sub-district, invites five young men of Rengas "
        'Pendawa to work on an oil-palm plantation in Malaysia. "Go in on a tourist visa, the '
        'work visa is sorted out there. We leave the day after tomorrow via Batam."',
        {
            "perekrut": "calo",
            "jabatan": "pekerja perkebunan sawit",
            "negara_tujuan": "Malaysia",
            "visa": "turis",
            "berangkat_cepat": True,
        },
    ),
    Kartu(
        "kerja_online_kamboja",
        "Rengas Pendawa, Brebes (Jawa Tengah)",
        '"Admin online" di Kamboja',
        'Dimas (21 tahun) melihat iklan di Facebook: "Dicari admin online di Kamboja, gaji '
        'Rp 12.000.000, tiket ditanggung, cukup bisa mengetik." Perekrutnya hanya bisa '
        "dihubungi lewat WhatsApp. Dimas diminta mengirim foto paspornya dan berangkat lusa "
        'dengan visa turis lewat Malaysia: "visa kerja diurus di sana."',
        '"Online admin" in Cambodia',
        'Dimas (21) sees an advertisement on Facebook: "Online admin wanted in Cambodia, '
        'Rp 12.000.000 a month, ticket paid, typing is enough." The recruiter can only be '
        "reached on WhatsApp. Dimas is asked to send a photo of his passport and to leave the "
        'day after tomorrow on a tourist visa via Malaysia: "the work visa is sorted out there."',
        {
            "perekrut": "calo",
            "jabatan": "admin online",
            "negara_tujuan": "Kamboja",
            "visa": "turis",
            "lewat_media_sosial": True,
            "berangkat_cepat": True,
        },
    ),
    Kartu(
        "g2g_korea_biaya_paspor",
        "Rangga Talo, Ende (NTT)",
        "Program G to G ke Korea",
        "Fransiskus (25 tahun) lulus ujian bahasa Korea untuk program G to G (antarpemerintah) "
        "melalui KP2MI, dulu BP2MI, "
        "sebagai operator pabrik. Perjanjian kerja dan visa kerja diurus resmi, ia terdaftar "
        "BPJS Ketenagakerjaan, ikut OPP, dan menerima nota serah terima dokumen. Ia membayar "
        "sendiri pembuatan paspornya, Rp 350.000, dengan kuitansi dari kantor imigrasi.",
        "The G-to-G programme to Korea",
        "Fransiskus (25) passed the Korean-language test for the government-to-government "
        "programme through KP2MI (formerly BP2MI), as a factory operator. Contract and work "
        "visa are arranged officially, he is registered with BPJS Ketenagakerjaan, attends "
        "OPP and gets a receipt for his documents. He pays for his own passport, Rp 350.000, "
        "with a receipt from the immigration office.",
        {
            "perekrut": "g2g",
            "jabatan": "operator pabrik",
            "negara_tujuan": "Korea Selatan",
            "visa": "kerja",
            "kontrak_di_tangan": True,
            "bpjs": True,
            "opp": True,
            "nota_serah_terima": True,
            "biaya_diminta_rp": 350_000,
        },
    ),
)
"""The Waspada Calo cards. Villages from the seed (Rangga Talo, Ende; Rengas Pendawa,
Brebes); every person is made up."""


def kartu(kode: str) -> Kartu:
    """The card ``kode``.

    >>> kartu("paspor_kakak").tanda_bahaya
    ['paspor_dipinjam', 'tanpa_tanda_terima_dokumen']
    >>> kartu("x")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Kartu" tidak ditemukan: diharapkan salah satu
    dari: calo_kemiri, ..., diberikan "x".
    """
    for card in KARTU:
        if card.kode == kode:
            return card
    raise i18n.InputError(
        "input.not_found",
        expected="expected.choice",
        choices=", ".join(c.kode for c in KARTU),
        given=kode,
        field="mig.field.kartu",
    )


@dataclass(frozen=True)
class Umpan:
    """Feedback on one card: flags found, missed and wrongly marked (codes, rule order)."""

    ditemukan: list[str]
    terlewat: list[str]
    salah: list[str]

    @property
    def tepat(self) -> bool:
        return not self.terlewat and not self.salah


def periksa(card: Kartu, ditandai: Iterable[str]) -> Umpan:
    """Compare the flags a participant marked on ``card`` with its true flags (codes of
    older kit versions, :data:`migration.KODE_LAMA`, are read as today's).

    >>> u = periksa(kartu("paspor_kakak"), ["paspor_dipinjam", "calo"])
    >>> u.ditemukan, u.terlewat, u.salah, u.tepat
    (['paspor_dipinjam'], ['tanpa_tanda_terima_dokumen'], ['calo'], False)
    >>> periksa(kartu("paspor_kakak"), ["bukan_kode"])
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Tanda yang dicentang" tidak ditemukan:
    diharapkan salah satu dari: calo, ..., diberikan "bukan_kode".
    """
    marked = set()
    for code in ditandai:
        code = migration.KODE_LAMA.get(code, code)  # saved by an older kit version
        if code not in PILIHAN_TANDA:
            raise i18n.InputError(
                "input.not_found",
                expected="expected.choice",
                choices=", ".join(PILIHAN_TANDA),
                given=code,
                field="mig.field.ditandai",
            )
        marked.add(code)
    truth = set(card.tanda_bahaya)
    order = [code for code in PILIHAN_TANDA]
    return Umpan(
        ditemukan=[c for c in order if c in truth and c in marked],
        terlewat=[c for c in order if c in truth and c not in marked],
        salah=[c for c in order if c in marked and c not in truth],
    )


@dataclass(frozen=True)
class Skor:
    """The score over the cards checked so far."""

    kartu_diperiksa: int
    kartu_total: int
    kartu_tepat: int
    ditemukan: int
    tanda_total: int
    salah: int

    @property
    def selesai(self) -> bool:
        return self.kartu_diperiksa == self.kartu_total


def skor(jawaban: Mapping[str, Iterable[str]]) -> Skor:
    """Add up the cards in ``jawaban`` (card code -> the flags marked on it).

    ``tanda_total`` counts the true flags of the checked cards only.

    >>> s = skor({"paspor_kakak": ["paspor_dipinjam"], "pabrik_taiwan_resmi": []})
    >>> s.kartu_diperiksa, s.kartu_tepat, s.ditemukan, s.tanda_total, s.salah, s.selesai
    (2, 1, 1, 2, 0, False)
    >>> skor({"turis_ke_kebun_sawit": ["perseorangan"]}).ditemukan  # an older save
    1
    """
    checked = tepat = found = total = wrong = 0
    for kode, marked in jawaban.items():
        umpan = periksa(kartu(kode), marked)
        checked += 1
        tepat += umpan.tepat
        found += len(umpan.ditemukan)
        total += len(umpan.ditemukan) + len(umpan.terlewat)
        wrong += len(umpan.salah)
    return Skor(checked, len(KARTU), tepat, found, total, wrong)
