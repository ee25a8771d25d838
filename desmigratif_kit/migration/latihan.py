"""Exercises of pillar 1 (*layanan migrasi*): the checks behind ``cek("1.1", jawaban)`` ...

They belong to ``notebooks/1_layanan_migrasi/01_migrasi_aman.ipynb``. Every expected value is
computed from the kit (the rules of :mod:`desmigratif_kit.migration` and its data), never
typed in twice, so the exercises follow the kit when a rule or a figure changes. Hints are in
Indonesian, guide the learner to the function or the article to read, and never contain the
answer.

========  =========================================================  ========================
Latihan   Question                                                   Answer (``contoh``)
========  =========================================================  ========================
1.1       minimum age to work abroad (UU 18/2017 Art. 5 a)           ``int``
1.2       the kit's reading: is Wulan 18 on her departure day?       ``bool``
1.3       which requirements does Dedi still miss (codes)?           ``set`` of ``str``
1.4       which red flags does the broker's offer carry (codes)?     ``set`` of ``str``
1.5       BPJS Ketenagakerjaan contribution, 24-month contract (Rp)  ``int``
1.6       the year with the fewest placements, 2011-2024             ``int``
========  =========================================================  ========================

>>> from desmigratif_kit.core.latihan import periksa
>>> print(periksa("1.5", 332_500).pesan)
❌ Latihan 1.5 belum tepat. Itu baru iuran selama dan setelah bekerja. Iuran sebelum
bekerja belum ditambahkan.
>>> periksa("1.3", ["opp", "paspor"]).benar
False
"""

from __future__ import annotations

import numbers
from datetime import date
from typing import Any

from desmigratif_kit.core.i18n import format_date, format_number, format_rp
from desmigratif_kit.core.latihan import Jawab, cara_lab, latihan
from desmigratif_kit.migration import (
    DOKUMEN_PASAL_13,
    KODE_LAMA,
    RULES,
    SYARAT,
    TANDA_BAHAYA,
    Finding,
    HasilKesiapan,
    IuranBpjs,
    bpjs_contribution_rp,
    check_readiness,
    load_penempatan_tahunan,
    red_flags,
    usia_tahun,
)

__all__ = [
    "BULAN_KONTRAK_1_5",
    "CALON_1_3",
    "TAWARAN_1_4",
    "WULAN_1_2",
]

# --- the story's data (the notebook shows the same values; a test keeps them equal) --------

WULAN_1_2 = {"tanggal_lahir": date(2009, 1, 15), "tanggal_berangkat": date(2027, 1, 15)}
"""Wulan of Rangga Talo (a made-up person): her 18th birthday is the planned departure day.
The question is asked under the kit's reading (age counted on the departure day): Pasal 5
huruf a names no reference date, and the right-answer explanation says so."""

CALON_1_3 = {
    "tanggal_lahir": date(2002, 6, 17),
    "tanggal_berangkat": date(2027, 2, 1),
    "dokumen": [
        "status_perkawinan",
        "izin_keluarga",
        "sertifikat_kompetensi",
        "paspor",
        "perjanjian_penempatan",
        "perjanjian_kerja",
    ],
    "bpjs": True,
    "opp": False,
    "jalur": "g2g",
    "visa": "tidak_ada",
    "jabatan": "operator pabrik",
    "biaya_penempatan_rp": 0,
    "negara_tujuan": "Korea Selatan",
}
"""Dedi of Rengas Pendawa (a made-up person), as the village officer recorded him."""

TAWARAN_1_4 = {
    "perekrut": "calo",
    "negara_tujuan": "Arab Saudi",
    "jabatan": "pekerja rumah tangga",
    "visa": "umrah",
    "uang_keluarga_rp": 5_000_000,
    "berangkat_cepat": True,
    "biaya_diminta_rp": 0,
    "opp": True,  # what the broker says: OPP "sudah diatur"
}
"""The offer a broker brings to a family in Rengas Pendawa (a made-up story), as the broker
tells it. Like every offer, it records claims: an umrah-visa departure cannot include the
official orientation, so :func:`red_flags` does not take ``"opp": True`` at its word and the
expected answer includes ``tanpa_opp``."""

BULAN_KONTRAK_1_5 = 24
"""Wulan's contract in Taiwan: 24 months."""


# --- expected values, computed by the kit ---------------------------------------------------


def _usia_minimal() -> int:
    """The lowest age (whole years on the departure day, the kit's reading) that meets the
    age requirement."""
    berangkat = date(2026, 12, 1)
    calon = {
        "tanggal_berangkat": berangkat,
        "dokumen": DOKUMEN_PASAL_13,
        "bpjs": True,
        "opp": True,
        "jalur": "p3mi",
        "visa": "kerja",
        "jabatan": "operator pabrik",
        "biaya_penempatan_rp": 0,
    }
    for usia in range(10, 41):
        lahir = berangkat.replace(year=berangkat.year - usia)
        if "usia" not in check_readiness({**calon, "tanggal_lahir": lahir}).kurang:
            return usia
    raise RuntimeError("no age between 10 and 40 meets the age rule")  # pragma: no cover


def _boleh_berangkat_1_2() -> bool:
    umur = usia_tahun(WULAN_1_2["tanggal_lahir"], WULAN_1_2["tanggal_berangkat"])
    return umur >= _usia_minimal()


def _kurang_1_3() -> set[str]:
    return set(check_readiness(CALON_1_3).kurang)


def _tanda_bahaya_1_4() -> set[str]:
    return {finding.kode for finding in red_flags(TAWARAN_1_4)}


def _bpjs_1_5() -> int:
    return bpjs_contribution_rp(BULAN_KONTRAK_1_5).total_rp


def _tahun_paling_sedikit() -> int:
    df = load_penempatan_tahunan()
    return int(df.loc[df["penempatan"].idxmin(), "tahun"])


# --- one sentence with each right answer ------------------------------------------------------


def _penjelasan_1_2() -> str:
    lahir, berangkat = WULAN_1_2["tanggal_lahir"], WULAN_1_2["tanggal_berangkat"]
    return (
        f"Menurut cara hitung kit (umur pada hari berangkat) Wulan genap "
        f"{usia_tahun(lahir, berangkat)} tahun pada {format_date(berangkat, 'id')}, tetapi "
        "undang-undang tidak menyebut tanggal acuannya dan Wulan menandatangani perjanjian "
        "sebelum berangkat, saat umurnya belum 18 tahun: tanyakan ke Disnaker atau BP3MI sebelum "
        "mendaftarkannya."
    )


def _penjelasan_1_3() -> str:
    return (
        "Dedi belum punya surat sehat, belum ikut OPP dan visanya belum keluar; surat sehat "
        "yang belum ada membuat syarat sehat jasmani dan rohani (Pasal 5 huruf c) ikut kurang, "
        f"jadi ada {len(_kurang_1_3())} syarat yang kurang."
    )


def _penjelasan_1_4() -> str:
    return (
        'Calo bilang OPP "sudah diatur", tetapi orang yang berangkat dengan visa umrah tidak '
        "mungkin mengikuti OPP resmi, jadi tanpa OPP juga tanda bahaya: "
        f"{len(_tanda_bahaya_1_4())} tanda bersama calo, visa umrah, pekerjaan rumah tangga di "
        "negara moratorium, uang pengikat dan janji cepat berangkat."
    )


def _penjelasan_1_5() -> str:
    rincian = bpjs_contribution_rp(BULAN_KONTRAK_1_5)
    return (
        f"{format_rp(rincian.sebelum_bekerja_rp)} sebelum bekerja ditambah "
        f"{format_rp(rincian.selama_setelah_rp)} untuk {BULAN_KONTRAK_1_5} bulan selama dan "
        f"setelah bekerja menjadi {format_rp(rincian.total_rp)} (Permenaker 4/2023)."
    )


def _penjelasan_1_6() -> str:
    df = load_penempatan_tahunan().set_index("tahun")["penempatan"]
    tahun = _tahun_paling_sedikit()
    return (
        f"Pada {tahun} pandemi COVID-19 menutup perbatasan banyak negara tujuan, sehingga "
        f"penempatan tinggal {format_number(int(df[tahun]))} orang."
    )


# --- how each exercise is answered in the lesson view, and its worked explanation ------------


def _pilihan(codes: tuple[str, ...]):
    """Choices for a checkbox answer: the rule codes with their titles (current language)."""
    return lambda: [(code, RULES[code].teks()["judul"]) for code in codes]


def _pembahasan_1_1() -> str:
    return (
        "Lihat baris kode usia di tabel syarat: Pasal 5 huruf a UU 18/2017 menetapkan usia "
        f"minimal {_usia_minimal()} tahun. Aturan lama (UU 39/2004) meminta 21 tahun untuk "
        "pekerja rumah tangga, tetapi undang-undang itu sudah diganti."
    )


def _pembahasan_1_2() -> str:
    lahir, berangkat = WULAN_1_2["tanggal_lahir"], WULAN_1_2["tanggal_berangkat"]
    umur = usia_tahun(lahir, berangkat)
    return (
        f"Wulan lahir {format_date(lahir, 'id')} dan berangkat {format_date(berangkat, 'id')}. "
        f"Pada hari berangkat umur genapnya {umur} tahun: ulang tahun yang jatuh pada hari "
        "keberangkatan sudah dihitung.\n\n"
        f"Kit menghitung umur pada hari berangkat, jadi menurut kit Wulan boleh berangkat. Ini "
        "cara baca kit, bukan bunyi undang-undang: Pasal 5 huruf a hanya menyebut berusia "
        f"minimal {_usia_minimal()} tahun, tanpa tanggal acuan. Wulan mendaftar dan "
        "menandatangani perjanjian sebelum berangkat, saat umurnya belum 18 tahun: tanyakan ke "
        "Disnaker atau BP3MI sebelum mendaftarkannya."
    )


def _pembahasan_1_3() -> str:
    kurang = [RULES[kode].judul for kode in check_readiness(CALON_1_3).kurang]
    return (
        "Dedi belum memeriksakan kesehatan, belum ikut OPP, dan visanya belum keluar. Setiap "
        "hal itu membuat syarat kurang: dokumennya sendiri (Pasal 13) dan, bila ada, syarat "
        "Pasal 5 yang bergantung padanya.\n\n"
        f"Yang kurang ada {len(kurang)}: " + "; ".join(kurang) + "."
    )


def _pembahasan_1_4() -> str:
    temuan = [finding.judul for finding in red_flags(TAWARAN_1_4)]
    return (
        "Bacalah tawaran itu bagian demi bagian: siapa yang merekrut (seorang calo), visa apa "
        "(umrah, bukan visa kerja), ke mana dan untuk pekerjaan apa (pekerja rumah tangga di "
        "Timur Tengah), uang apa yang diberikan (uang pengikat Rp 5.000.000), dan kapan "
        'berangkat (minggu depan). Jangan percaya janji calo bahwa OPP "sudah diatur": orang '
        "yang berangkat dengan visa umrah tidak mungkin mengikuti OPP resmi.\n\n"
        f"Tanda bahaya yang ditemukan kit ({len(temuan)}): " + "; ".join(temuan) + "."
    )


def _pembahasan_1_5() -> str:
    rincian = bpjs_contribution_rp(BULAN_KONTRAK_1_5)
    return (
        f"Iuran sebelum bekerja {format_rp(rincian.sebelum_bekerja_rp)}, ditambah paket selama "
        f"dan setelah bekerja untuk kontrak {BULAN_KONTRAK_1_5} bulan "
        f"{format_rp(rincian.selama_setelah_rp)} (Permenaker 4/2023). Jumlahnya "
        f"{format_rp(rincian.total_rp)}."
    )


def _pembahasan_1_6() -> str:
    df = load_penempatan_tahunan().set_index("tahun")["penempatan"]
    tahun = _tahun_paling_sedikit()
    return (
        "Urutkan tabel penempatan dari yang paling sedikit. Tahun-tahun pandemi COVID-19 ada di "
        f"paling atas: {tahun} dengan {format_number(int(df[tahun]))} penempatan, lalu "
        f"{tahun - 1} dengan {format_number(int(df[tahun - 1]))}."
    )


# --- answer shapes ----------------------------------------------------------------------------


def _is_bool(value: Any) -> bool:
    """True or False, also numpy's (``np.True_``, from a pandas comparison)."""
    kind = type(value)
    return isinstance(value, bool) or (
        kind.__module__ == "numpy" and kind.__name__ in ("bool", "bool_")
    )


def _is_int(value: Any) -> bool:
    """An integer (also numpy's, and a float with no fraction), never a bool."""
    if _is_bool(value):
        return False
    if isinstance(value, numbers.Integral):
        return True
    return isinstance(value, numbers.Real) and float(value).is_integer()


def _petunjuk_angka(misalnya: int) -> str:
    return (
        f"Tulis angka bulat saja (misalnya {misalnya}): tanpa tanda kutip, tanpa titik ribuan, "
        "tanpa satuan."
    )


def _codes(jawaban: Any) -> tuple[set[str] | None, str]:
    """The answer as a set of codes, or ``(None, hint)`` when it has another shape."""
    contoh = '{"kode_a", "kode_b"}'
    if isinstance(jawaban, str):
        return None, (
            f"Jawab dengan set berisi kode, misalnya {contoh}, bukan satu teks. "
            "Setiap kode ditulis di antara tanda kutip dan dipisah koma."
        )
    if not isinstance(jawaban, set | frozenset | list | tuple):
        return None, f"Jawab dengan set berisi kode, misalnya {contoh}."
    if any(isinstance(item, Finding) for item in jawaban):
        return None, (
            "Anda memberikan daftar temuan lengkap. Ambil kodenya saja: "
            "{temuan.kode for temuan in hasil}."
        )
    if not all(isinstance(item, str) for item in jawaban):
        return None, f"Setiap isi set harus berupa kode teks bertanda kutip, misalnya {contoh}."
    return {item.strip() for item in jawaban}, ""


# --- the exercises -------------------------------------------------------------------------------


@latihan(
    "1.1",
    contoh=_usia_minimal(),
    jawab=Jawab("bulat", satuan="latihan.unit.tahun"),
    pembahasan=_pembahasan_1_1,
    penjelasan="UU 18/2017 Pasal 5 huruf a menetapkan usia minimal 18 tahun; batas 21 tahun "
    "untuk pekerja rumah tangga adalah aturan lama UU 39/2004 yang sudah diganti.",
)
def _latihan_1_1(jawaban):
    """Minimum age to work abroad under the law of 2017 (Art. 5 a)."""
    if not _is_int(jawaban):
        yield False, _petunjuk_angka(25)
        return
    expected = _usia_minimal()
    value = int(jawaban)
    if value == 21:
        hint = (
            "21 tahun adalah aturan lama (UU 39/2004) untuk sektor rumah tangga. Undang-undang "
            "yang berlaku sekarang (tahun 2017) menetapkan batas yang lebih rendah: baca "
            "Pasal 5 huruf a di tabel syarat."
        )
        yield False, hint
        return
    too_young = (
        "Terlalu muda: undang-undang melindungi anak dari bekerja ke luar negeri. Lihat baris "
        "kode usia di tabel syarat."
    )
    yield value >= expected, too_young
    yield value <= expected, "Terlalu tinggi. Lihat baris kode usia di tabel syarat (Pasal 5 a)."


@latihan(
    "1.2",
    contoh=_boleh_berangkat_1_2(),
    jawab=Jawab("ya_tidak"),
    penjelasan=_penjelasan_1_2,
    pembahasan=_pembahasan_1_2,
)
def _latihan_1_2(jawaban):
    """May Wulan leave on her planned date as far as her age goes?"""
    if not _is_bool(jawaban):
        yield False, "Jawab dengan True (boleh berangkat) atau False (belum boleh), tanpa kutip."
        return
    hint = (
        "Pakai cara hitung kit: umur genap Wulan tepat pada hari berangkat"
        + cara_lab(", misalnya dengan usia_tahun(tanggal_lahir, tanggal_berangkat)")
        + ", lalu bandingkan dengan usia minimal dari Latihan 1.1. Perhatikan: bagaimana "
        "dengan ulang tahun yang jatuh pada hari keberangkatan itu sendiri?"
    )
    yield bool(jawaban) == _boleh_berangkat_1_2(), hint


def _check_codes(jawaban, expected: set[str], allowed: tuple[str, ...], other: tuple[str, ...],
                 *, wrong_kind: str, missing: str, extra: str):  # fmt: skip
    codes, hint = _codes(jawaban)
    if codes is None:
        yield False, hint
        return
    unknown = sorted(codes - set(allowed))
    for code in unknown:
        if code in other:
            yield False, wrong_kind.format(kode=code)
        else:
            yield False, f'Kode "{code}" tidak dikenal. Periksa ejaannya (huruf kecil, "_").'
    lacking = expected - codes
    yield not lacking, missing.format(n=len(lacking))
    for code in sorted((codes & set(allowed)) - expected):
        yield False, extra.format(kode=code)


@latihan(
    "1.3",
    contoh=_kurang_1_3(),
    jawab=Jawab("pilih_banyak", pilihan=_pilihan(SYARAT)),
    penjelasan=_penjelasan_1_3,
    pembahasan=_pembahasan_1_3,
)
def _latihan_1_3(jawaban):
    """The requirement codes that check_readiness reports as unmet for Dedi."""
    if isinstance(jawaban, HasilKesiapan):
        hint = (
            "Anda memberikan hasil pemeriksaan lengkap. Ambil bagian syarat yang kurang saja "
            "(.kurang) dan jadikan set."
        )
        yield False, hint
        return
    yield from _check_codes(
        jawaban,
        _kurang_1_3(),
        SYARAT,
        TANDA_BAHAYA,
        wrong_kind='"{kode}" adalah kode tanda bahaya, bukan syarat. Lihat .kurang, bukan '
        ".tanda_bahaya.",
        missing="Masih ada {n} syarat yang belum Anda sebut. Ingat: satu dokumen Pasal 13 yang "
        "belum ada dapat membuat satu syarat Pasal 5 ikut kurang."
        + cara_lab(" Periksa dengan check_readiness(dedi).kurang."),
        extra='Syarat "{kode}" sudah dipenuhi Dedi; keluarkan dari jawaban.',
    )


@latihan(
    "1.4",
    contoh=_tanda_bahaya_1_4(),
    jawab=Jawab("pilih_banyak", pilihan=_pilihan(TANDA_BAHAYA)),
    penjelasan=_penjelasan_1_4,
    pembahasan=_pembahasan_1_4,
)
def _latihan_1_4(jawaban):
    """The red-flag codes that red_flags finds in the broker's offer, which records the
    broker's claims: the learner who distrusts "OPP sudah diatur" is right."""
    codes, _ = _codes(jawaban)
    if codes is not None:
        for old in sorted(codes & set(KODE_LAMA)):
            yield (
                False,
                (
                    f'"{old}" bukan kode tanda bahaya: PMI perseorangan adalah jalur resmi '
                    "tanpa perusahaan penempatan. Cari di tabel tanda bahaya kode untuk calo dan "
                    "sponsor."
                ),
            )
        if "tanpa_opp" in _tanda_bahaya_1_4() and "tanpa_opp" not in codes:
            yield (
                False,
                (
                    'Calo itu bilang OPP "sudah diatur". Jangan percaya begitu saja: dapatkah '
                    "orang yang berangkat dengan visa umrah mengikuti OPP resmi?"
                ),
            )
        jawaban = codes - set(KODE_LAMA)
    yield from _check_codes(
        jawaban,
        _tanda_bahaya_1_4(),
        TANDA_BAHAYA,
        SYARAT,
        wrong_kind='"{kode}" adalah kode syarat, bukan tanda bahaya. Lihat daftar TANDA_BAHAYA.',
        missing="Masih ada {n} tanda bahaya yang terlewat. Baca lagi tawaran itu kalimat demi "
        "kalimat: siapa yang merekrut, visa apa, ke negara mana dan untuk pekerjaan apa, uang "
        "apa yang diberikan, dan kapan berangkat.",
        extra='"{kode}" tidak ada dalam tawaran ini; keluarkan dari jawaban.',
    )


@latihan(
    "1.5",
    contoh=_bpjs_1_5(),
    jawab=Jawab("rp", satuan="latihan.unit.rupiah"),
    penjelasan=_penjelasan_1_5,
    pembahasan=_pembahasan_1_5,
)
def _latihan_1_5(jawaban):
    """BPJS Ketenagakerjaan contribution for a 24-month contract, in rupiah."""
    if isinstance(jawaban, IuranBpjs):
        yield False, "Anda memberikan rincian lengkap. Ambil jumlah totalnya saja (.total_rp)."
        return
    if isinstance(jawaban, str):
        yield False, _petunjuk_angka(150000) + ' Jangan tulis "Rp".'
        return
    if not _is_int(jawaban):
        yield False, _petunjuk_angka(150000)
        return
    value = int(jawaban)
    rincian = bpjs_contribution_rp(BULAN_KONTRAK_1_5)
    known_mistakes = {
        rincian.selama_setelah_rp: "Itu baru iuran selama dan setelah bekerja. Iuran sebelum "
        "bekerja belum ditambahkan.",
        rincian.sebelum_bekerja_rp: "Itu baru iuran sebelum bekerja. Tambahkan paket selama dan "
        "setelah bekerja.",
        bpjs_contribution_rp(12).total_rp: "Itu iuran untuk kontrak 12 bulan. Kontrak Wulan "
        "lebih panjang: lihat lagi ceritanya.",
    }
    if value in known_mistakes and value != _bpjs_1_5():
        yield False, known_mistakes[value]
        return
    hint = (
        "Jumlahkan iuran sebelum bekerja dan paket selama dan setelah bekerja untuk lama "
        "kontrak Wulan (Permenaker 4/2023)."
        + cara_lab(" Hitung dengan bpjs_contribution_rp(jumlah_bulan_kontrak).total_rp.")
    )
    yield value == _bpjs_1_5(), hint


@latihan(
    "1.6",
    contoh=_tahun_paling_sedikit(),
    jawab=Jawab("tahun"),
    penjelasan=_penjelasan_1_6,
    pembahasan=_pembahasan_1_6,
)
def _latihan_1_6(jawaban):
    """The year with the fewest placements in the BP2MI table."""
    if not _is_int(jawaban):
        yield False, "Tulis tahunnya sebagai angka empat digit tanpa tanda kutip."
        return
    value = int(jawaban)
    df = load_penempatan_tahunan().sort_values("penempatan").reset_index(drop=True)
    years = [int(y) for y in df["tahun"]]
    expected = _tahun_paling_sedikit()
    if value not in years:
        hint = (
            f"Tahun {value} tidak ada dalam tabel: tabel berisi {min(years)} sampai {max(years)}."
        )
    elif value != expected and value == years[1]:
        hint = (
            f"Penempatan tahun {value} memang anjlok, tetapi ada satu tahun yang lebih rendah "
            "lagi." + cara_lab(' Urutkan tabel dengan sort_values("penempatan").')
        )
    else:
        hint = "Cari tahun dengan penempatan terkecil di tabel atau grafik per tahun." + cara_lab(
            ' Misalnya dengan sort_values("penempatan") atau idxmin() pada kolom penempatan.'
        )
    yield value == expected, hint
