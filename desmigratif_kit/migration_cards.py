"""Pillar 1 helpers for the apps: the *Waspada Calo* scenario cards and the village register's
saved form (plain Python and pandas; no widgets, no plotting).

Everything that decides something comes from :mod:`desmigratif_kit.migration`: a card's true
red flags are what :func:`~desmigratif_kit.migration.red_flags` finds in its offer, never a
hand-written list, so the cards cannot drift away from the rules.

* :data:`KARTU`: eight recruitment offers told as village stories (synthetic names), each
  with an ``offer`` mapping for :func:`red_flags`; :func:`periksa` compares what a
  participant marked with the card's flags, :func:`skor` adds up the cards checked.
* The register as JSON records with ISO dates (how the store keeps it):
  :func:`register_records`, :func:`register_from_records`; a form entry checked with the
  same rules as an imported file: :func:`entri_register`; alerts on data to complete:
  :func:`data_belum_lengkap`, :func:`kontrak_lewat`; the masked Excel export:
  :func:`register_xlsx`.

>>> [k.kode for k in KARTU][:2]
['calo_kemiri', 'umrah_sambil_kerja']
>>> KARTU[0].tanda_bahaya
['perseorangan', 'uang_pengikat', 'gaji_tidak_wajar', 'janji_dokumen_diurus', 'berangkat_cepat']
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from desmigratif_kit import data, i18n, migration

__all__ = [
    "KARTU",
    "PILIHAN_TANDA",
    "KOLOM_WAJIB_DI_LUAR_NEGERI",
    "Kartu",
    "Skor",
    "Umpan",
    "data_belum_lengkap",
    "entri_register",
    "kartu",
    "kontrak_lewat",
    "periksa",
    "register_from_records",
    "register_records",
    "register_xlsx",
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
        "ditawari bekerja sebagai pekerja rumah tangga dengan gaji Rp 9.000.000 sebulan, "
        "padahal papan informasi Disnaker menulis gaji pekerjaan itu sekitar Rp 4.500.000. "
        '"Semua dokumen saya yang urus, minggu depan sudah bisa berangkat," katanya, sambil '
        'menyerahkan Rp 3.000.000 kepada orang tua Maria sebagai "uang sirih pinang".',
        "Mr Leo's offer",
        "After the candlenut harvest Mr Leo visits Maria Goreti (22) in Rangga Talo. He does "
        "not work for a company; he says he knows many people in Malaysia. He offers Maria "
        "work as a domestic worker for Rp 9.000.000 a month, while the manpower office's "
        "notice board says that job usually pays about Rp 4.500.000. \"I'll handle all the "
        "documents, you can leave next week,\" he says, handing Maria's parents Rp 3.000.000 "
        'as "betel-nut money".',
        {
            "perekrut": "calo",
            "jabatan": "pekerja rumah tangga",
            "negara_tujuan": "Malaysia",
            "gaji_dijanjikan_rp": 9_000_000,
            "gaji_wajar_rp": 4_500_000,
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
        "(caregiver) di Taiwan. Perjanjian kerja dan visa kerja ada. Tetapi Yohana diminta "
        'membayar Rp 25.000.000 untuk "pelatihan dan pengurusan", dan sebelum dokumennya '
        "lengkap ia sudah diminta tinggal di penampungan perusahaan di Kupang.",
        "Caregiver training fee",
        "A P3MI offers Yohana (26) a job as an elderly carer (caregiver) in Taiwan. There is "
        "an employment contract and a work visa. But Yohana is asked to pay Rp 25.000.000 for "
        '"training and processing", and before her documents are complete she is told to '
        "stay in the company's shelter in Kupang.",
        {
            "perekrut": "p3mi",
            "jabatan": "pengasuh lansia",
            "negara_tujuan": "Taiwan",
            "visa": "kerja",
            "kontrak_di_tangan": True,
            "biaya_diminta_rp": 25_000_000,
            "penampungan_sebelum_dokumen": True,
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
        "g2g_korea_biaya_paspor",
        "Rangga Talo, Ende (NTT)",
        "Program G to G ke Korea",
        "Fransiskus (25 tahun) lulus ujian bahasa Korea untuk program G to G melalui BP2MI, "
        "sebagai operator pabrik. Perjanjian kerja dan visa kerja diurus resmi, ia terdaftar "
        "BPJS Ketenagakerjaan, ikut OPP, dan menerima nota serah terima dokumen. Ia membayar "
        "sendiri pembuatan paspornya, Rp 350.000, dengan kuitansi dari kantor imigrasi.",
        "The G-to-G programme to Korea",
        "Fransiskus (25) passed the Korean-language test for the G-to-G programme through "
        "BP2MI, as a factory operator. Contract and work visa are arranged officially, he is "
        "registered with BPJS Ketenagakerjaan, attends OPP and gets a receipt for his "
        "documents. He pays for his own passport, Rp 350.000, with a receipt from the "
        "immigration office.",
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
    desmigratif_kit.i18n.InputError: Nilai untuk "kartu" tidak ditemukan: diharapkan salah satu
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
        field="kartu",
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
    """Compare the flags a participant marked on ``card`` with its true flags.

    >>> u = periksa(kartu("paspor_kakak"), ["paspor_dipinjam", "perseorangan"])
    >>> u.ditemukan, u.terlewat, u.salah, u.tepat
    (['paspor_dipinjam'], ['tanpa_tanda_terima_dokumen'], ['perseorangan'], False)
    >>> periksa(kartu("paspor_kakak"), ["bukan_kode"])
    Traceback (most recent call last):
    ...
    desmigratif_kit.i18n.InputError: Nilai untuk "ditandai" tidak ditemukan: diharapkan salah satu
    dari: perseorangan, ..., diberikan "bukan_kode".
    """
    marked = set()
    for code in ditandai:
        if code not in PILIHAN_TANDA:
            raise i18n.InputError(
                "input.not_found",
                expected="expected.choice",
                choices=", ".join(PILIHAN_TANDA),
                given=code,
                field="ditandai",
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


# --- the village register: saved form, form entries, alerts, export ----------------------

_COLUMNS = {column.name: column for column in migration.REGISTER_SCHEMA.columns}
NAMA_KOLOM = tuple(_COLUMNS)


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def register_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The register as JSON-ready records: dates as ISO text, empty cells as ``None``.

    >>> df = migration.load_register(b"Nama;NIK;JK;Tgl Lahir;Negara Tujuan;Status\\n"
    ...                              b"Siti;9901014501990001;P;05/01/1999;Taiwan;bekerja\\n")
    >>> rec = register_records(df)[0]
    >>> rec["tanggal_lahir"], rec["jabatan"], rec["nik"]
    ('1999-01-05', None, '9901014501990001')
    """
    records = []
    columns = [df[name].tolist() for name in NAMA_KOLOM]
    for values in zip(*columns, strict=True):
        record = {}
        for name, value in zip(NAMA_KOLOM, values, strict=True):
            if _missing(value):
                record[name] = None
            elif isinstance(value, date):
                record[name] = value.isoformat()
            else:
                record[name] = str(value)
        records.append(record)
    return records


def register_from_records(records: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """The register DataFrame (the dtypes :func:`migration.load_register` gives) from records.

    >>> df = register_from_records([{"nama": "Siti", "tanggal_lahir": "1999-01-05"}])
    >>> df.loc[0, "tanggal_lahir"], str(df["nama"].dtype), df.loc[0, "status"] is pd.NA
    (datetime.date(1999, 1, 5), 'string', True)
    """
    records = list(records)
    frame = {}
    for name, column in _COLUMNS.items():
        values = [record.get(name) for record in records]
        if column.kind == "date":
            frame[name] = pd.Series(
                [None if _missing(v) else date.fromisoformat(str(v)[:10]) for v in values],
                dtype="object",
            )
        else:
            frame[name] = pd.Series(
                pd.array([None if _missing(v) else str(v) for v in values], dtype="string")
            )
    return pd.DataFrame(frame, columns=list(NAMA_KOLOM))


def entri_register(
    nilai: Mapping[str, Any], register: pd.DataFrame | None = None, kecuali: int | None = None
) -> dict[str, Any]:
    """One register entry from a form, checked with the same rules as an imported file.

    ``nilai`` maps column names to what was typed (text; dates like 12/09/2017). The entry
    goes through :func:`migration.load_register`, so conversions, required columns, NIK and
    date order follow one set of rules. A NIK already in ``register`` (except row position
    ``kecuali``, the entry being edited) is refused. Returns the entry as a record
    (:func:`register_records`); raises :class:`data.TableError` listing every problem.

    >>> entri_register({"nama": "Siti", "nik": "9901 0145 0199 0001", "jenis_kelamin": "P",
    ...     "tanggal_lahir": "05/01/1999", "negara_tujuan": "Taiwan", "status": "Bekerja"})["nik"]
    '9901014501990001'
    >>> entri_register({"nama": "Siti", "nik": "123", "jenis_kelamin": "P",
    ...     "tanggal_lahir": "31/02/1999", "negara_tujuan": "Taiwan", "status": "bekerja"})
    Traceback (most recent call last):
    ...
    desmigratif_kit.data.TableError: Berkas "formulir" tidak dapat dipakai. Masalah yang
    ditemukan: 1.
    - baris 2, kolom "Tanggal lahir": diharapkan tanggal seperti 12/09/2017, diberikan "31/02/1999".
    """
    unknown = [key for key in nilai if key not in _COLUMNS]
    if unknown:
        raise i18n.InputError(
            "input.not_found",
            expected="expected.choice",
            choices=", ".join(NAMA_KOLOM),
            given=unknown[0],
            field="entri",
        )
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([_COLUMNS[name].title for name in NAMA_KOLOM])
    writer.writerow(
        ["" if _missing(nilai.get(name)) else str(nilai.get(name)) for name in NAMA_KOLOM]
    )
    df = migration.load_register(buffer.getvalue().encode("utf-8"), filename="formulir")
    record = register_records(df)[0]
    if register is not None and len(register):
        others = register["nik"].astype("object").tolist()
        if kecuali is not None and 0 <= kecuali < len(others):
            others[kecuali] = None
        if record["nik"] in others:
            raise data.TableError(
                [
                    data.Problem(
                        "formulir", 2, _COLUMNS["nik"].title, "expected.unique_code", record["nik"]
                    )
                ],
                "formulir",
            )
    return record


def gabung_register(
    lama: pd.DataFrame, baru: pd.DataFrame, file: str | None = None
) -> pd.DataFrame:
    """``lama`` followed by ``baru``; a NIK of ``baru`` already in ``lama`` is a problem.

    Raises :class:`data.TableError` (rows as in the file of ``baru``) and changes nothing.

    >>> a = register_from_records([{"nama": "A", "nik": "1" * 16}])
    >>> len(gabung_register(a, register_from_records([{"nama": "B", "nik": "2" * 16}])))
    2
    >>> gabung_register(a, a, "b.csv")
    Traceback (most recent call last):
    ...
    desmigratif_kit.data.TableError: Berkas "b.csv" tidak dapat dipakai. Masalah yang
    ditemukan: 1.
    - baris 2, kolom "NIK": diharapkan kode yang hanya muncul sekali, diberikan "1111111111111111".
    """
    existing = set(lama["nik"].dropna().astype(str))
    rows = baru.attrs.get("rows") or list(range(2, len(baru) + 2))
    problems = [
        data.Problem(file, rows[i], _COLUMNS["nik"].title, "expected.unique_code", str(nik))
        for i, nik in enumerate(baru["nik"].astype("object"))
        if not _missing(nik) and str(nik) in existing
    ]
    if problems:
        raise data.TableError(problems, file)
    both = pd.concat([lama[list(NAMA_KOLOM)], baru[list(NAMA_KOLOM)]], ignore_index=True)
    return register_from_records(register_records(both))


KOLOM_WAJIB_DI_LUAR_NEGERI = (
    "tanggal_berangkat",
    "akhir_kontrak",
    "jalur",
    "telepon_keluarga",
    "nomor_paspor",
)
"""What the village needs to know of everyone abroad (status bekerja or bermasalah) to
follow them up: when they left, when the contract ends, by which route, a family phone and
the passport number."""


def data_belum_lengkap(df: pd.DataFrame) -> pd.DataFrame:
    """Entries abroad with empty cells among :data:`KOLOM_WAJIB_DI_LUAR_NEGERI`.

    Returns ``nama`` and ``kurang`` (the missing column names, a list), keeping the index.

    >>> df = register_from_records([
    ...     {"nama": "A", "status": "bekerja", "tanggal_berangkat": "2025-01-02"},
    ...     {"nama": "B", "status": "pulang"}])
    >>> data_belum_lengkap(df)["kurang"].tolist()
    [['akhir_kontrak', 'jalur', 'telepon_keluarga', 'nomor_paspor']]
    """
    abroad = df["status"].astype("object").isin(["bekerja", "bermasalah"])
    missing = {
        name: df[name].isna() | (df[name].astype("object") == "")
        for name in KOLOM_WAJIB_DI_LUAR_NEGERI
    }
    kurang = [
        [name for name in KOLOM_WAJIB_DI_LUAR_NEGERI if bool(missing[name].iloc[i])]
        for i in range(len(df))
    ]
    out = pd.DataFrame({"nama": df["nama"], "kurang": kurang}, index=df.index)
    keep = abroad.to_numpy(dtype=bool) & out["kurang"].map(bool).to_numpy(dtype=bool)
    return out[keep]


def kontrak_lewat(df: pd.DataFrame, today: date) -> pd.DataFrame:
    """Entries still marked abroad whose contract already ended before ``today``: the status
    needs updating (returned? extended? in trouble?). Keeps the index; adds nothing.

    >>> df = register_from_records([
    ...     {"nama": "A", "status": "bekerja", "akhir_kontrak": "2026-01-31"},
    ...     {"nama": "B", "status": "bekerja", "akhir_kontrak": "2027-01-31"}])
    >>> kontrak_lewat(df, date(2026, 11, 29))["nama"].tolist()
    ['A']
    """
    today = i18n.parse_date(today, field="today")
    end = df["akhir_kontrak"]
    abroad = df["status"].astype("object").eq("bekerja").fillna(False).to_numpy(dtype=bool)
    ended = [(not _missing(v)) and v < today for v in end]
    return df[abroad & pd.Series(ended, index=df.index).to_numpy(dtype=bool)]


def register_xlsx(df: pd.DataFrame) -> bytes:
    """The register as an Excel file for others: identity numbers masked
    (:func:`migration.masked`), headers as the schema's labels, real Excel dates.

    >>> import openpyxl
    >>> df = register_from_records([{"nama": "Siti", "nik": "9901014501990001",
    ...                              "tanggal_lahir": "1999-01-05"}])
    >>> sheet = openpyxl.load_workbook(io.BytesIO(register_xlsx(df))).active
    >>> [c.value for c in sheet[2]][:2], sheet["A1"].value
    (['Siti', '************0001'], 'Nama')
    """
    out = migration.masked(df[list(NAMA_KOLOM)])
    out = out.astype("object").where(out.notna(), None)
    out.columns = [_COLUMNS[name].title for name in NAMA_KOLOM]
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        out.to_excel(writer, index=False, sheet_name="Register PMI")
        sheet = writer.sheets["Register PMI"]
        for cells in sheet.iter_cols(min_row=2):
            for cell in cells:
                if isinstance(cell.value, date):
                    cell.number_format = "DD/MM/YYYY"
        for cells in sheet.columns:
            sheet.column_dimensions[cells[0].column_letter].width = 18
    return buffer.getvalue()
