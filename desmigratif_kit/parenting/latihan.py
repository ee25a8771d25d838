"""Exercises of pillar 3 (*community parenting*): the checks behind ``cek("3.1", jawaban)`` ...

They belong to ``notebooks/3_community_parenting/03_pengasuhan_bersama.ipynb``. Every expected
value is computed by the kit (the WHO scores, the Permenkes categories, the KBM table, the
synthetic village), never typed in twice. Hints are in Indonesian, point to the table or the
rule to use, and never contain the answer. The children are made up.

========  ===========================================================  =====================
Latihan   Question                                                     Answer (``contoh``)
========  ===========================================================  =====================
3.1       Rudi (boy, 12 months, 9,6 kg): his BB/U z-score              ``float`` (-0,04)
3.2       Sari (girl, 36 months, 87,4 cm standing): her TB/U category  category code
3.3       Bayu (20 months, measured standing, 80,0 cm): is 80,7 cm used  ``bool``
3.4       Nina's February weighing: N, T, O or B?                      ``str``
3.5       stunted under-fives in the synthetic village                 ``int``
3.6       the categories of four z-scores                              ``set`` of codes
========  ===========================================================  =====================

>>> from desmigratif_kit.core.latihan import periksa
>>> periksa("3.5", 16).benar, "sangat pendek" in periksa("3.5", 16).pesan
(False, True)
>>> periksa("3.1", -0.05).benar   # WHO's month table gives -0,05 (FACTS 3.3): accepted too
True
"""

from __future__ import annotations

import math
import numbers
from datetime import date
from typing import Any

from desmigratif_kit.core.i18n import format_date, format_number, t
from desmigratif_kit.core.latihan import Jawab, cara_lab, latihan
from desmigratif_kit.parenting.categories import KATEGORI, category_code
from desmigratif_kit.parenting.growth import INDICES, lms, zscores
from desmigratif_kit.parenting.kbm import STATUS_KBM, weight_gain_status
from desmigratif_kit.parenting.roster import SAMPLE_REFERENCE_DATE_ANAK, load_sample_roster
from desmigratif_kit.parenting.summary import count_by_category, count_stunted

__all__ = ["BAYU_3_3", "NINA_3_4", "RUDI_3_1", "SARI_3_2", "SKOR_3_6", "TOLERANSI_3_1"]

# --- the story's data (the notebook states the same values; a test keeps them equal) --------

RUDI_3_1 = {"jenis_kelamin": "L", "umur_hari": 365, "berat_kg": 9.6}
"""Rudi, a boy of exactly 12 months (365 days), weighs 9,6 kg (FACTS §3.3's reference case)."""
SARI_3_2 = {"jenis_kelamin": "P", "umur_hari": 1096, "tinggi_cm": 87.4, "cara_ukur": "berdiri"}
"""Sari, a girl of 3 years (1.096 days), 87,4 cm measured standing."""
BAYU_3_3 = {"jenis_kelamin": "L", "umur_hari": 609, "tinggi_cm": 80.0, "cara_ukur": "berdiri"}
"""Bayu, a boy of 20 months (609 days), measured standing: 80,0 cm."""
NINA_3_4 = {
    "tanggal_lahir": date(2025, 8, 10),
    "timbang": [(date(2026, 1, 10), 6.8), (date(2026, 2, 10), 7.1)],
}
"""Nina, born 10 August 2025, weighed at the posyandu on 10 January and 10 February 2026."""
SKOR_3_6 = {"bb_u": -2.4, "tb_u": -2.6, "bb_tb": -1.1, "imt_u": -1.0}
"""The four z-scores of a child at the posyandu."""
TOLERANSI_3_1 = 0.011
"""3.1 accepts -0,04 (the day table) and -0,05 (WHO's month table, FACTS §3.3)."""


# --- expected values, computed by the kit ----------------------------------------------------


def _rudi_exact() -> float:
    """Rudi's BB/U z-score with the LMS formula, unrounded."""
    power, median, spread = lms("bb_u", RUDI_3_1["jenis_kelamin"], RUDI_3_1["umur_hari"])
    return ((RUDI_3_1["berat_kg"] / median) ** power - 1) / (power * spread)


def _rudi_3_1() -> float:
    z = zscores(RUDI_3_1["jenis_kelamin"], RUDI_3_1["umur_hari"], RUDI_3_1["berat_kg"])
    return z["bb_u"]


def _sari_3_2() -> str:
    z = zscores("P", SARI_3_2["umur_hari"], length_cm=87.4, measured=SARI_3_2["cara_ukur"])
    return category_code("tb_u", z["tb_u"])


def _bayu_3_3() -> bool:
    z = zscores("L", BAYU_3_3["umur_hari"], length_cm=80.0, measured=BAYU_3_3["cara_ukur"])
    return math.isclose(z.tinggi_dipakai_cm, 80.7)


def _nina_table():
    return weight_gain_status(NINA_3_4["timbang"], tanggal_lahir=NINA_3_4["tanggal_lahir"])


def _nina_3_4() -> str:
    return str(_nina_table()["status"].iloc[-1])


def _stunted_3_5() -> int:
    return count_stunted(load_sample_roster(), SAMPLE_REFERENCE_DATE_ANAK)


def _categories_3_6() -> set[str]:
    return {category_code(index, z) for index, z in SKOR_3_6.items()}


# --- choices (from the rules, labels in the participant's language) -------------------------


def _tb_u_choices() -> list[tuple[str, str]]:
    return [(k.kode, t(f"par.kategori.tb_u.{k.kode}")) for k in KATEGORI["tb_u"]]


def _kbm_choices() -> list[tuple[str, str]]:
    return [(code, t(f"par.kbm.{code}")) for code in STATUS_KBM]


def _all_categories() -> list[tuple[str, str]]:
    """Every Permenkes category once (BB/TB and IMT/U share theirs), worst first per index."""
    seen: dict[str, str] = {}
    for index in INDICES:
        for k in KATEGORI[index]:
            seen.setdefault(k.kode, t(f"par.kategori.{index}.{k.kode}"))
    return list(seen.items())


def _label(code: str) -> str:
    return dict(_all_categories()).get(code, code)


# --- answer shapes ----------------------------------------------------------------------------


def _is_bool(value: Any) -> bool:
    kind = type(value)
    return isinstance(value, bool) or (
        kind.__module__ == "numpy" and kind.__name__ in ("bool", "bool_")
    )


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not _is_bool(value)


def _is_int(value: Any) -> bool:
    return _is_number(value) and float(value).is_integer()


# --- worked explanations ---------------------------------------------------------------------


def _angka(value: float, decimals: int) -> str:
    return format_number(round(value, decimals), decimals)


def _pembahasan_3_1() -> str:
    power, median, spread = lms("bb_u", "L", RUDI_3_1["umur_hari"])
    beda = RUDI_3_1["berat_kg"] - median
    return (
        f"Untuk anak laki-laki umur 12 bulan (365 hari) tabel WHO memberi median M = "
        f"{format_number(median, 3)} kg dan S = {format_number(spread, 5)}. Berat Rudi 9,6 kg, "
        f"jadi selisihnya 9,6 − {format_number(median, 3)} = {_angka(beda, 3)} kg.\n\n"
        f"Satu langkah (1 SD) di dekat median kira-kira M × S = {format_number(median, 3)} × "
        f"{format_number(spread, 5)} = {_angka(median * spread, 3)} kg. Skor-z kira-kira "
        f"{_angka(beda, 3)} ÷ {_angka(median * spread, 3)} = {_angka(beda / (median * spread), 3)}"
        f", dibulatkan {_angka(_rudi_exact(), 2)}. Rumus lengkap WHO, dengan L = "
        f"{format_number(power, 4)}, memberi {_angka(_rudi_exact(), 3)}: hampir sama. Rudi "
        "sedikit di bawah garis tengah: beratnya normal."
    )


def _pembahasan_3_2() -> str:
    power, median, spread = lms("tb_u", "P", SARI_3_2["umur_hari"])
    batas = median * (1 - 2 * spread)
    z = zscores("P", SARI_3_2["umur_hari"], length_cm=87.4, measured="berdiri")["tb_u"]
    return (
        f"Sari berumur 3 tahun dan diukur berdiri, sesuai umurnya: tidak ada penyesuaian. Tabel "
        f"WHO untuk anak perempuan 36 bulan: median {format_number(median, 2)} cm, garis −2 SD "
        f"{_angka(batas, 2)} cm.\n\n"
        f"87,4 cm sedikit di bawah garis −2 SD (kurang {_angka(batas - 87.4, 2)} cm), tetapi jauh "
        f"di atas garis −3 SD. Skor-z-nya {_angka(z, 2)}: kategori "
        f"{t('par.kategori.tb_u.' + _sari_3_2())}. Pada batas seperti ini, ukuran yang teliti "
        "(sampai milimeter) sangat penting."
    )


def _pembahasan_3_3() -> str:
    return (
        "Bayu berumur 20 bulan, di bawah 24 bulan, jadi seharusnya diukur terlentang (panjang "
        "badan). Anak yang diukur berdiri tampak lebih pendek sekitar 0,7 cm karena tulang "
        "belakangnya tertekan. Karena itu WHO menambahkan 0,7 cm: 80,0 + 0,7 = 80,7 cm.\n\n"
        "Sebaliknya, anak 24 bulan ke atas yang diukur terlentang dikurangi 0,7 cm. Ukuran yang "
        "sudah disesuaikan dipakai untuk TB/U, BB/TB dan IMT/U."
    )


def _pembahasan_3_4() -> str:
    row = _nina_table().iloc[-1]
    return (
        f"Pada {format_date(NINA_3_4['timbang'][1][0])} Nina berumur {int(row['umur_bulan'])} "
        f"bulan penuh. Kenaikannya 7,1 − 6,8 = 0,3 kg = {int(row['kenaikan_gram'])} gram. KBM "
        f"untuk umur {int(row['umur_bulan'])} bulan adalah {int(row['kbm_gram'])} gram.\n\n"
        f"{int(row['kenaikan_gram'])} gram kurang dari {int(row['kbm_gram'])} gram, jadi hasilnya "
        f"{_nina_3_4()} (tidak naik), walaupun timbangan menunjukkan berat bertambah. Nina perlu "
        "dirujuk ke bidan desa atau puskesmas."
    )


def _pembahasan_3_5() -> str:
    counts = count_by_category(load_sample_roster(), SAMPLE_REFERENCE_DATE_ANAK, "tb_u")
    return (
        f"Stunting berarti TB/U di bawah −2 SD: kategori Pendek ({counts['pendek']} anak) "
        f"ditambah Sangat pendek ({counts['sangat_pendek']} anak). Jumlahnya "
        f"{counts['pendek'] + counts['sangat_pendek']} balita.\n\n"
        "Yang dihitung hanya balita dengan ukuran tiga bulan terakhir; anak yang lama tidak "
        "diukur perlu dikunjungi dulu."
    )


def _pembahasan_3_6() -> str:
    parts = [
        f"{t('par.index.short.' + index)} {format_number(z, 1)}: "
        f"{t(f'par.kategori.{index}.{category_code(index, z)}')}"
        for index, z in SKOR_3_6.items()
    ]
    return (
        "Baca setiap skor pada tabel Permenkes 2/2020 untuk indeksnya sendiri: "
        + "; ".join(parts)
        + ".\n\nAnak ini pendek dan berat badannya kurang untuk umurnya, tetapi tidak kurus "
        "untuk tingginya: tanda kurang gizi yang sudah lama. Ia perlu dibawa ke bidan desa atau "
        "puskesmas bulan ini."
    )


# --- the exercises ----------------------------------------------------------------------------


@latihan(
    "3.1",
    contoh=_rudi_3_1(),
    jawab=Jawab("desimal", contoh_isian="-1,23"),
    penjelasan="Berat Rudi sedikit di bawah median anak laki-laki seumurnya, jadi skor-z-nya "
    "sedikit di bawah nol: normal.",
    pembahasan=_pembahasan_3_1,
)
def _latihan_3_1(jawaban):
    """Rudi's weight-for-age z-score (2 decimals)."""
    if not _is_number(jawaban):
        yield (
            False,
            (
                "Tulis angka desimal dengan tanda minus bila perlu, misalnya -1,23."
                + cara_lab(" Di JupyterLab pakai titik desimal: -1.23.")
            ),
        )
        return
    value = float(jawaban)
    exact = _rudi_exact()
    if value * exact < 0:
        yield (
            False,
            (
                "Perhatikan tandanya: Rudi lebih ringan daripada median, jadi skor-z-nya di bawah "
                "nol (bertanda minus)."
            ),
        )
        return
    power, median, spread = lms("bb_u", "L", RUDI_3_1["umur_hari"])
    if abs(value - (RUDI_3_1["berat_kg"] - median) / spread) < 0.05:
        yield False, "Selisih berat harus dibagi M × S (median dikali S), bukan S saja."
        return
    yield (
        abs(value - exact) <= TOLERANSI_3_1,
        (
            "Hitung selisih berat Rudi dengan median (M), lalu bagi dengan M × S; M dan S ada di "
            "tabel anak laki-laki umur 12 bulan. Bulatkan sampai dua angka di belakang koma."
            + cara_lab(' Atau hitung dengan zscores("L", 365, weight_kg=9.6).')
        ),
    )


@latihan(
    "3.2",
    contoh=_sari_3_2(),
    jawab=Jawab("pilih", pilihan=_tb_u_choices),
    penjelasan="Tinggi Sari sedikit di bawah garis −2 SD anak perempuan seumurnya, tetapi di atas "
    "garis −3 SD.",
    pembahasan=_pembahasan_3_2,
)
def _latihan_3_2(jawaban):
    """Sari's length/height-for-age category (a code of KATEGORI["tb_u"])."""
    codes = [code for code, _ in _tb_u_choices()]
    if not isinstance(jawaban, str) or jawaban not in codes:
        yield (
            False,
            (
                "Pilih satu kategori TB/U."
                + cara_lab(f" Tulis kodenya sebagai teks: {', '.join(codes)}.")
            ),
        )
        return
    expected = _sari_3_2()
    if jawaban in ("normal", "tinggi") and expected not in ("normal", "tinggi"):
        hint = (
            "Bandingkan 87,4 cm dengan garis −2 SD di tabel anak perempuan 36 bulan. Lihat "
            "sampai dua angka di belakang koma: selisih satu milimeter pun menentukan."
        )
    elif jawaban == "sangat_pendek":
        hint = "Tinggi Sari tidak sampai di bawah garis −3 SD: lihat lagi tabelnya."
    else:
        hint = (
            "Lihat di antara garis mana tinggi 87,4 cm berada pada tabel anak perempuan 36 bulan."
        )
    yield jawaban == expected, hint


@latihan(
    "3.3",
    contoh=_bayu_3_3(),
    jawab=Jawab("ya_tidak"),
    penjelasan="Anak di bawah 24 bulan yang diukur berdiri mendapat tambahan 0,7 cm menurut aturan "
    "WHO.",
    pembahasan=_pembahasan_3_3,
)
def _latihan_3_3(jawaban):
    """Is 80,7 cm the length used for Bayu?"""
    if not _is_bool(jawaban):
        yield False, "Jawab dengan True (ya) atau False (tidak), tanpa tanda kutip."
        return
    yield (
        bool(jawaban) == _bayu_3_3(),
        (
            "Bayu berumur kurang dari 24 bulan tetapi diukur berdiri. Baca lagi aturan penyesuaian "
            "0,7 cm: ke arah mana ukurannya diubah untuk anak seumur Bayu?"
        ),
    )


@latihan(
    "3.4",
    contoh=_nina_3_4(),
    jawab=Jawab("pilih", pilihan=_kbm_choices),
    penjelasan="Berat Nina memang bertambah, tetapi kurang dari kenaikan minimal (KBM) untuk "
    "umurnya.",
    pembahasan=_pembahasan_3_4,
)
def _latihan_3_4(jawaban):
    """N, T, O or B for Nina's February weighing."""
    if not isinstance(jawaban, str) or jawaban not in STATUS_KBM:
        yield (
            False,
            ("Pilih salah satu: N, T, O atau B." + cara_lab(' Tulis sebagai teks, misalnya "N".')),
        )
        return
    if jawaban in ("O", "B"):
        hint = (
            "Nina juga ditimbang pada bulan sebelumnya, jadi kenaikan beratnya dapat dibaca: "
            "hitung kenaikannya dalam gram."
        )
    else:
        hint = (
            "Hitung kenaikan berat Nina dalam gram, lalu bandingkan dengan KBM untuk umurnya "
            "pada hari penimbangan (hitung umur dalam bulan penuh sejak tanggal lahirnya)."
        )
    yield jawaban == _nina_3_4(), hint


@latihan(
    "3.5",
    contoh=_stunted_3_5(),
    jawab=Jawab("bulat", satuan="par.latihan.unit_anak"),
    penjelasan="Stunting adalah TB/U di bawah −2 SD: kategori Pendek dan Sangat pendek bersama.",
    pembahasan=_pembahasan_3_5,
)
def _latihan_3_5(jawaban):
    """Stunted under-fives (TB/U < -2) in the synthetic village."""
    if not _is_int(jawaban):
        yield False, "Tulis jumlah anak sebagai angka bulat, tanpa satuan."
        return
    value = int(jawaban)
    counts = count_by_category(load_sample_roster(), SAMPLE_REFERENCE_DATE_ANAK, "tb_u")
    if value == counts["pendek"] and value != _stunted_3_5():
        hint = "Itu baru kategori Pendek. Anak sangat pendek juga termasuk stunting."
    elif value == counts["sangat_pendek"] and value != _stunted_3_5():
        hint = "Itu baru kategori Sangat pendek. Anak pendek juga termasuk stunting."
    else:
        hint = (
            "Stunting berarti TB/U di bawah −2 SD. Jumlahkan kategori yang ada di bawah garis "
            "itu pada tabel balita per kategori TB/U."
        )
    yield value == _stunted_3_5(), hint


@latihan(
    "3.6",
    contoh=_categories_3_6(),
    jawab=Jawab("pilih_banyak", pilihan=_all_categories),
    penjelasan="Setiap skor dibaca pada tabel indeksnya sendiri: BB/U, TB/U, dan BB/TB serta IMT/U "
    "yang memakai enam kategori yang sama.",
    pembahasan=_pembahasan_3_6,
)
def _latihan_3_6(jawaban):
    """The Permenkes categories of the four z-scores (category codes)."""
    if isinstance(jawaban, str) or not isinstance(jawaban, set | frozenset | list | tuple):
        yield (
            False,
            (
                "Centang semua kategori yang berlaku."
                + cara_lab(' Di JupyterLab tulis set berisi kode, misalnya {"kode_a", "kode_b"}.')
            ),
        )
        return
    if not all(isinstance(code, str) for code in jawaban):
        yield False, "Setiap isi jawaban harus kode kategori berupa teks."
        return
    chosen = {code.strip() for code in jawaban}
    known = {code for code, _ in _all_categories()}
    for code in sorted(chosen - known):
        yield False, f'Kode "{code}" tidak dikenal. Periksa ejaannya.'
    expected = _categories_3_6()
    lacking = expected - chosen
    yield (
        not lacking,
        (
            f"Masih ada {len(lacking)} kategori yang belum dipilih. Baca keempat skor satu per "
            "satu, masing-masing pada tabel indeksnya."
        ),
    )
    for code in sorted((chosen & known) - expected):
        yield False, f"{_label(code)}: skor anak ini tidak jatuh di kategori itu."
