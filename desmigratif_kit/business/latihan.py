"""Exercises of pillar 2 (*usaha produktif*): the checks behind ``cek("2.1", jawaban)`` ...

They belong to ``notebooks/2_usaha_produktif/02_usaha_keluarga.ipynb`` and follow Ibu Maria's
candlenut oil, the illustrative example ``minyak_kemiri`` of :mod:`desmigratif_kit.business`.
Every expected value, every known mistake and every choice is computed by the kit (the rules
and the example file), never typed in twice, so the exercises follow the kit when a figure
changes. Hints are in Indonesian, point to the step that went wrong, and never contain the
answer; sentences about code are wrapped in :func:`~desmigratif_kit.core.latihan.cara_lab`.

========  ==========================================================  ======================
Latihan   Question                                                    Answer (``contoh``)
========  ==========================================================  ======================
2.1       HPP of one 100 ml bottle of candlenut oil                    ``int`` (rupiah)
2.2       which costs belong in the HPP                                ``set`` of codes
2.3       lowest price for a 30% margin on that HPP (the trap)         ``int`` (rupiah)
2.4       break-even of the 100 ml bottle on the marketplace           ``int`` (bottles)
2.5       packaging × channel with the largest profit a month          ``str`` (a pair code)
2.6       the month of the plan in which the press is paid back        ``int`` (month)
========  ==========================================================  ======================

>>> from desmigratif_kit.core.latihan import periksa
>>> print(periksa("2.3", 19_760).pesan)
❌ Latihan 2.3 belum tepat. Itu HPP ditambah 30% dari HPP (markup). Labanya Rp 4.560, dan
Rp 4.560 dari harga Rp 19.760 hanya 23,1%. Margin dihitung dari harga jual, bukan dari HPP.
>>> periksa("2.2", {"kemiri", "botol_label"}).benar
False
"""

from __future__ import annotations

import math
import numbers
from typing import Any

from desmigratif_kit.business.break_even import break_even, break_even_channel
from desmigratif_kit.business.costs import KATEGORI, cost_of_goods
from desmigratif_kit.business.inputs import bulatkan_rp
from desmigratif_kit.business.plan import rencana_usaha
from desmigratif_kit.business.pricing import margin_pct, price_from_margin, price_from_markup
from desmigratif_kit.business.products import contoh_produk
from desmigratif_kit.business.scenarios import compare_scenarios
from desmigratif_kit.core.i18n import format_number, format_pct, format_rp, t
from desmigratif_kit.core.latihan import Jawab, cara_lab, latihan

__all__ = [
    "BIAYA_2_2",
    "MARGIN_2_3_PCT",
    "MULAI_2_6",
    "PASANGAN_2_4",
    "PRODUK",
    "kode_pasangan",
]

# --- the story's data (the notebook uses the same; a test keeps them equal) -----------------

PRODUK = "minyak_kemiri"
"""Ibu Maria's product: the illustrative candlenut oil of Desa Rangga Talo."""
BIAYA_2_2 = {
    "kemiri": "bahan",
    "tenaga_keluarga": "tenaga",
    "botol_label": "kemasan",
    "penyusutan_press": "penyusutan",
    "cicilan_motor": None,
    "biaya_sekolah": None,
}
"""Latihan 2.2: things the family pays for, each with its HPP cost category
(:data:`~desmigratif_kit.business.KATEGORI`) or ``None`` when it is a household expense."""
MARGIN_2_3_PCT = 30
"""Latihan 2.3: the margin Ibu Maria wants, as a share of the selling price."""
PASANGAN_2_4 = ("botol_100ml", "marketplace")
"""Latihan 2.4 and 2.6: the 100 ml bottle sold on an online marketplace."""
MULAI_2_6 = (1, 2027)
"""Latihan 2.6: the plan starts in January 2027, the month the press is bought."""


def kode_pasangan(kemasan: str, saluran: str) -> str:
    """The answer code of a packaging × channel pair in Latihan 2.5.

    >>> kode_pasangan("botol_100ml", "koperasi")
    'botol_100ml|koperasi'
    """
    return f"{kemasan}|{saluran}"


# --- expected values, computed by the kit ---------------------------------------------------


def _produk() -> dict[str, Any]:
    return contoh_produk(PRODUK, lang="id")


def _hpp(batch=None):
    return cost_of_goods(batch if batch is not None else _produk()["batch"])


def _hpp_2_1() -> int:
    return bulatkan_rp(_hpp().hpp_per_unit_rp)


def _dalam_hpp_2_2() -> set[str]:
    return {code for code, kategori in BIAYA_2_2.items() if kategori in KATEGORI}


def _harga_2_3() -> int:
    return price_from_margin(_hpp_2_1(), MARGIN_2_3_PCT)


def _semua():
    p = _produk()
    return compare_scenarios(
        p["batch"], p["kemasan"], p["saluran"], p["harga"], p["laku_per_bulan"]
    )


def _pasangan_2_4():
    return _semua().pilih(*PASANGAN_2_4)


def _impas_2_4() -> int:
    s = _pasangan_2_4()
    return break_even_channel(
        s.biaya_tetap_per_bulan_rp, s.harga_rp, s.biaya_variabel_per_unit_rp, s.potongan_pct
    ).unit_per_bulan


def _terbaik_2_5() -> str:
    best = _semua().terbaik
    return kode_pasangan(best.kemasan, best.saluran)


def _rencana_2_6(kemasan: str = PASANGAN_2_4[0], saluran: str = PASANGAN_2_4[1]):
    bulan, tahun = MULAI_2_6
    return rencana_usaha(_produk(), kemasan, saluran, 12, bulan_mulai=bulan, tahun_mulai=tahun)


def _balik_modal_2_6() -> int:
    return _rencana_2_6().arus_kas.bulan_balik_modal


def _without(kategori: set[str]) -> int:
    """The HPP per bottle computed without the rows of some categories (a known mistake)."""
    batch = _produk()["batch"]
    batch["biaya"] = [row for row in batch["biaya"] if row["kategori"] not in kategori]
    return bulatkan_rp(_hpp(batch).hpp_per_unit_rp)


def _variant(change) -> int:
    """The HPP per bottle after ``change(row, batch)`` edits each cost row (a known mistake)."""
    batch = _produk()["batch"]
    for row in batch["biaya"]:
        change(row, batch)
    return bulatkan_rp(_hpp(batch).hpp_per_unit_rp)


# --- answer shapes ------------------------------------------------------------------------------


def _is_bool(value: Any) -> bool:
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
    return (
        isinstance(value, numbers.Real)
        and math.isfinite(float(value))
        and float(value).is_integer()
    )


def _angka_saja(misalnya: str) -> str:
    return (
        f"Tulis angka bulat saja (misalnya {misalnya})"
        + cara_lab(": tanpa tanda kutip, tanpa titik ribuan, tanpa Rp")
        + "."
    )


# --- choices, in the participant's language ------------------------------------------------------


def _pilihan_2_2() -> list[tuple[str, str]]:
    return [(code, t(f"biz.latihan.2_2.{code}")) for code in BIAYA_2_2]


def _pilihan_2_5() -> list[tuple[str, str]]:
    p = contoh_produk(PRODUK)
    semua = compare_scenarios(
        p["batch"], p["kemasan"], p["saluran"], p["harga"], p["laku_per_bulan"]
    )
    order = {
        (k, s): i for i, (k, s) in enumerate((k, s) for k in p["kemasan"] for s in p["saluran"])
    }
    pairs = sorted(semua.skenario, key=lambda x: order[(x.kemasan, x.saluran)])
    return [
        (kode_pasangan(x.kemasan, x.saluran), f"{x.nama_kemasan} · {x.nama_saluran}") for x in pairs
    ]


# --- worked explanations ----------------------------------------------------------------------


def _pembahasan_2_1() -> str:
    hpp = _hpp()
    lines = [
        f"{item.nama}: {format_rp(item.per_batch_rp)}" for item in hpp.rincian
    ]  # fmt: skip
    bahan = next(item for item in hpp.rincian if item.dasar == "hasil")
    return (
        f"Hitung biaya satu batch dulu, baris demi baris. {bahan.nama} dihitung per liter minyak "
        f"({format_number(bahan.jumlah)} {bahan.satuan} × {format_rp(bahan.harga_rp)} × "
        f"{format_number(hpp.hasil_per_batch)} liter); botol dan "
        f"label per botol ({format_number(hpp.unit_per_batch)} botol); sewa dan penyusutan "
        f"per bulan dibagi {format_number(hpp.batch_per_bulan)} batch.\n\n"
        + "; ".join(lines)
        + f".\n\nJumlahnya {format_rp(hpp.total_per_batch_rp)} untuk "
        f"{format_number(hpp.unit_per_batch)} botol, jadi HPP satu botol "
        f"{format_rp(_hpp_2_1())}."
    )


def _pembahasan_2_2() -> str:
    masuk = [t(f"biz.latihan.2_2.{c}") for c, k in BIAYA_2_2.items() if k in KATEGORI]
    keluar = [t(f"biz.latihan.2_2.{c}") for c, k in BIAYA_2_2.items() if k not in KATEGORI]
    return (
        "HPP memuat semua yang habis, aus atau dikerjakan untuk membuat produk: bahan baku, "
        "tenaga (juga tenaga keluarga yang tidak dibayar, karena waktunya bernilai), kemasan, "
        "dan penyusutan alat.\n\n"
        f"Termasuk HPP: {'; '.join(masuk)}. Bukan HPP (pengeluaran rumah tangga, dibayar dari "
        f"laba atau gaji): {'; '.join(keluar)}."
    )


def _pembahasan_2_3() -> str:
    hpp, harga = _hpp_2_1(), _harga_2_3()
    markup = price_from_markup(hpp, MARGIN_2_3_PCT)
    return (
        f"Margin {MARGIN_2_3_PCT}% berarti laba = {MARGIN_2_3_PCT}% dari harga jual, jadi HPP "
        f"adalah {100 - MARGIN_2_3_PCT}% dari harga jual. Harga = {format_rp(hpp)} ÷ "
        f"{format_number((100 - MARGIN_2_3_PCT) / 100)} = {format_rp(harga)} (dibulatkan ke "
        "atas).\n\n"
        f"Jebakannya: HPP + {MARGIN_2_3_PCT}% = {format_rp(markup)}. Labanya "
        f"{format_rp(markup - hpp)}, hanya {format_pct(round(margin_pct(hpp, markup), 1))} "
        "dari harga jual."
    )


def _pembahasan_2_4() -> str:
    s = _pasangan_2_4()
    titik = break_even_channel(
        s.biaya_tetap_per_bulan_rp, s.harga_rp, s.biaya_variabel_per_unit_rp, s.potongan_pct
    )
    return (
        f"Marketplace memotong {format_pct(s.potongan_pct)} dari {format_rp(s.harga_rp)}, jadi "
        f"yang diterima {format_rp(bulatkan_rp(s.harga_bersih_rp))}. Setiap botol menyumbang "
        f"{format_rp(bulatkan_rp(titik.kontribusi_per_unit_rp))} "
        f"({format_rp(bulatkan_rp(s.harga_bersih_rp))} − "
        f"{format_rp(bulatkan_rp(s.biaya_variabel_per_unit_rp))}).\n\n"
        f"{format_rp(s.biaya_tetap_per_bulan_rp)} ÷ "
        f"{format_rp(bulatkan_rp(titik.kontribusi_per_unit_rp))} = "
        f"{format_number(round(titik.unit_tepat, 1))}, dibulatkan ke atas: "
        f"{titik.unit_per_bulan} botol sebulan."
    )


def _pembahasan_2_5() -> str:
    semua = _semua()
    rows = [
        f"{x.nama_kemasan} · {x.nama_saluran}: {format_number(x.unit_per_bulan)} × "
        f"{format_rp(bulatkan_rp(x.kontribusi_per_unit_rp))} − "
        f"{format_rp(x.biaya_tetap_per_bulan_rp)} = {format_rp(x.laba_per_bulan_rp)}"
        for x in semua.skenario[:3]
    ]
    best = semua.terbaik
    return (
        "Laba sebulan = unit yang laku × sumbangan per unit − biaya tetap sebulan. Tiga "
        "terbesar:\n\n"
        + "; ".join(rows)
        + f".\n\n{best.nama_kemasan} di {best.nama_saluran} menang walau sumbangan per "
        "botolnya kecil, karena lakunya banyak."
    )


def _pembahasan_2_6() -> str:
    r = _rencana_2_6()
    kas = r.arus_kas
    n = kas.bulan_balik_modal
    before, month = kas.bulan[n - 2], kas.bulan[n - 1]
    shop = _rencana_2_6("botol_30ml_label", "toko_oleh_oleh").arus_kas.bulan_balik_modal
    return (
        f"Modal awal {format_rp(kas.modal_awal_rp)}; alat press "
        f"{format_rp(kas.total_investasi_rp)} dibeli pada bulan pertama. Modal kembali pada "
        "bulan pertama saldo kas naik lagi setinggi modal awal.\n\n"
        f"Saldo akhir {before.label()} {format_rp(before.saldo_rp)}, masih di bawah modal awal; "
        f"saldo akhir {month.label()} {format_rp(month.saldo_rp)}: bulan ke-{n}.\n\n"
        f"Bandingkan: botol 30 ml di toko oleh-oleh memberi laba terbesar, tetapi toko membayar "
        f"sebulan kemudian, dan modalnya baru kembali pada bulan ke-{shop}."
    )


# --- the exercises ----------------------------------------------------------------------------


@latihan(
    "2.1",
    contoh=_hpp_2_1(),
    jawab=Jawab("rp", satuan="latihan.unit.rupiah"),
    penjelasan="Biaya satu batch dibagi jumlah botol yang dihasilkannya: itulah HPP satu botol.",
    pembahasan=_pembahasan_2_1,
)
def _latihan_2_1(jawaban):
    """HPP of one 100 ml bottle of Ibu Maria's candlenut oil."""
    if isinstance(jawaban, str) or not _is_int(jawaban):
        yield False, _angka_saja("12000")
        return
    value = int(jawaban)
    hpp = _hpp()
    known = {
        hpp.total_per_batch_rp: "Itu biaya satu batch. Bagi dengan jumlah botol yang dihasilkan "
        "satu batch.",
        _without({"tetap", "penyusutan"}): "Biaya tetap (sewa dan listrik) dan penyusutan alat "
        "press belum masuk. Keduanya per bulan: bagi dengan jumlah batch sebulan, lalu masukkan.",
        _without({"kemasan"}): "Botol dan label belum masuk. Keduanya dihitung per botol.",
        _variant(
            lambda row, batch: row.update(dasar="batch") if row.get("dasar") == "hasil" else None
        ): "Kemiri dihitung per liter minyak: 3 kg untuk setiap liter. Berapa liter hasil "
        "satu batch?",
        _variant(
            lambda row, batch: (
                row.update(jumlah=row["jumlah"] * batch["batch_per_bulan"])
                if row["kategori"] in ("tetap", "penyusutan")
                else None
            )
        ): "Sewa dan penyusutan adalah biaya sebulan. Sebulan ada beberapa batch, jadi setiap "
        "batch hanya menanggung sebagiannya.",
    }
    if value in known and value != _hpp_2_1():
        yield False, known[value]
        return
    hint = (
        "Jumlahkan biaya satu batch baris demi baris (perhatikan kolom Dihitung: per batch, per "
        "liter hasil, per botol, per bulan), lalu bagi dengan jumlah botol."
        + cara_lab(" Periksa dengan cost_of_goods(batch).hpp_per_unit_rp.")
    )
    yield value == _hpp_2_1(), hint


@latihan(
    "2.2",
    contoh=_dalam_hpp_2_2(),
    jawab=Jawab("pilih_banyak", pilihan=_pilihan_2_2),
    penjelasan="Bahan, tenaga (dibayar atau tidak), kemasan dan penyusutan alat adalah biaya "
    "membuat minyak; cicilan motor keluarga dan uang sekolah adalah pengeluaran rumah tangga.",
    pembahasan=_pembahasan_2_2,
)
def _latihan_2_2(jawaban):
    """The costs that belong in the HPP."""
    if isinstance(jawaban, str) or not isinstance(jawaban, set | frozenset | list | tuple):
        yield (
            False,
            "Pilih semua biaya yang termasuk HPP"
            + cara_lab(', sebagai set kode, misalnya {"kode_a", "kode_b"}')
            + ".",
        )
        return
    if not all(isinstance(item, str) for item in jawaban):
        yield (
            False,
            "Setiap pilihan harus salah satu kode biaya dalam daftar"
            + cara_lab(", ditulis di antara tanda kutip")
            + ".",
        )
        return
    chosen = {item.strip() for item in jawaban}
    unknown = sorted(chosen - set(BIAYA_2_2))
    for code in unknown:
        yield False, f"Kode {code!r} tidak ada dalam daftar. Periksa ejaannya."
    for code in sorted(chosen & set(BIAYA_2_2)):
        if BIAYA_2_2[code] is None:
            label = t(f"biz.latihan.2_2.{code}", "id")
            yield (
                False,
                (
                    f"{label}: ini pengeluaran rumah tangga, bukan biaya membuat minyak. Keluarkan "
                    "dari pilihan."
                ),
            )
    lacking = _dalam_hpp_2_2() - chosen
    yield (
        not lacking,
        (
            f"Masih ada {len(lacking)} biaya lagi yang termasuk HPP. Ingat: biaya tidak harus "
            "dibayar tunai setiap batch untuk tetap menjadi biaya."
        ),
    )


@latihan(
    "2.3",
    contoh=_harga_2_3(),
    jawab=Jawab("rp", satuan="latihan.unit.rupiah"),
    penjelasan="Harga = HPP ÷ (1 − margin): dengan harga ini labanya tepat 30% dari harga jual.",
    pembahasan=_pembahasan_2_3,
)
def _latihan_2_3(jawaban):
    """The lowest price that gives a 30% margin on an HPP of Rp 15.200 (the trap)."""
    if isinstance(jawaban, str) or not _is_int(jawaban):
        yield False, _angka_saja("25000")
        return
    value = int(jawaban)
    hpp = _hpp_2_1()
    expected = _harga_2_3()
    markup = price_from_markup(hpp, MARGIN_2_3_PCT)
    if value == markup:
        yield (
            False,
            (
                f"Itu HPP ditambah {MARGIN_2_3_PCT}% dari HPP (markup). Labanya "
                f"{format_rp(markup - hpp)}, dan {format_rp(markup - hpp)} dari harga "
                f"{format_rp(markup)} hanya "
                f"{format_pct(round(margin_pct(hpp, markup), 1))}. Margin dihitung dari harga "
                "jual, bukan dari HPP."
            ),
        )
        return
    if value <= hpp:
        yield (
            False,
            (
                f"Harga itu tidak di atas HPP {format_rp(hpp)}: tidak ada laba sama sekali. Berapa "
                "laba yang diminta, dan dihitung dari apa?"
            ),
        )
        return
    if 0 < expected - value < 5:
        yield (
            False,
            (
                "Hampir. Harga dibulatkan ke atas ke rupiah penuh: dibulatkan ke bawah, marginnya "
                "sedikit di bawah yang diminta."
            ),
        )
        return
    if value < expected:
        yield (
            False,
            (
                f"Dengan harga {format_rp(value)} labanya {format_rp(value - hpp)}, baru "
                f"{format_pct(round(margin_pct(hpp, value), 1))} dari harga itu. Coba pikir: bila "
                f"laba {MARGIN_2_3_PCT}% dari harga jual, HPP itu berapa persen dari harga jual?"
            ),
        )
        return
    yield (
        value == expected,
        (
            "Harga itu lebih tinggi dari yang perlu. Yang ditanya harga terendah yang labanya "
            f"paling sedikit {MARGIN_2_3_PCT}% dari harga jual."
            + cara_lab(" Periksa dengan price_from_margin(hpp, 30).")
        ),
    )


@latihan(
    "2.4",
    contoh=_impas_2_4(),
    jawab=Jawab("bulat", satuan="biz.latihan.unit.botol"),
    penjelasan="Biaya tetap sebulan dibagi sumbangan setiap botol (harga setelah potongan "
    "marketplace dikurangi biaya variabel), dibulatkan ke atas.",
    pembahasan=_pembahasan_2_4,
)
def _latihan_2_4(jawaban):
    """Break-even of the 100 ml bottle sold on the marketplace, in bottles a month."""
    if isinstance(jawaban, str) or not _is_int(jawaban):
        yield False, _angka_saja("35")
        return
    value = int(jawaban)
    s = _pasangan_2_4()
    expected = _impas_2_4()
    tetap, variabel = s.biaya_tetap_per_bulan_rp, s.biaya_variabel_per_unit_rp
    no_fee = break_even(tetap, s.harga_rp, variabel).unit_per_bulan
    exact = break_even_channel(tetap, s.harga_rp, variabel, s.potongan_pct).unit_tepat
    full_price = math.ceil(tetap / s.harga_rp)
    known = {
        no_fee: f"Potongan marketplace {format_pct(s.potongan_pct)} belum dihitung: yang "
        "diterima penjual lebih kecil dari harga di layar.",
        math.floor(exact): "Hampir. Dengan jumlah itu masih rugi sedikit: titik impas "
        "dibulatkan ke atas.",
        full_price: "Satu botol tidak menyumbang seharga penuh: biaya variabel botol itu "
        "harus dibayar dulu dari harganya.",
    }
    if value in known and value != expected:
        yield False, known[value]
        return
    yield (
        value == expected,
        (
            "Hitung sumbangan satu botol: harga setelah potongan marketplace, dikurangi biaya "
            "variabel. Lalu bagi biaya tetap sebulan dengan sumbangan itu, dan bulatkan ke atas."
            + cara_lab(" Periksa dengan break_even_channel(tetap, harga, variabel, potongan).")
        ),
    )


@latihan(
    "2.5",
    contoh=_terbaik_2_5(),
    jawab=Jawab("pilih", pilihan=_pilihan_2_5),
    penjelasan="Botol kecil berlabel di toko oleh-oleh menyumbang sedikit per botol tetapi "
    "paling banyak laku, jadi labanya sebulan paling besar.",
    pembahasan=_pembahasan_2_5,
)
def _latihan_2_5(jawaban):
    """The packaging × channel pair with the largest profit a month."""
    codes = [code for code, _ in _pilihan_2_5()]
    if not isinstance(jawaban, str) or jawaban.strip() not in codes:
        yield (
            False,
            "Pilih salah satu pasangan kemasan dan saluran dari daftar"
            + cara_lab(', sebagai kode seperti "jeriken_5l|koperasi"')
            + ".",
        )
        return
    semua = _semua()
    kemasan, saluran = jawaban.strip().split("|")
    chosen = semua.pilih(kemasan, saluran)
    best = semua.terbaik
    if chosen.peringkat == 1:
        yield True, ""
        return
    widest = max(semua.skenario, key=lambda x: x.kontribusi_per_unit_rp)
    if chosen == widest:
        hint = (
            "Pilihan ini menyumbang paling besar per unit, tetapi lakunya sedikit sebulan. "
            "Kalikan sumbangan per unit dengan unit yang laku sebulan."
        )
    elif chosen.laba_per_bulan_rp < 0:
        hint = "Pilihan ini malah rugi sebulan: biaya tetapnya lebih besar dari sumbangannya."
    else:
        hint = (
            f"Pilihan ini memberi laba {format_rp(chosen.laba_per_bulan_rp)} sebulan "
            "(peringkat "
            f"{chosen.peringkat}). Ada yang lebih besar: hitung untuk setiap pilihan unit "
            "laku sebulan × sumbangan per unit − biaya tetap sebulan."
        )
    yield chosen.laba_per_bulan_rp == best.laba_per_bulan_rp, hint


@latihan(
    "2.6",
    contoh=_balik_modal_2_6(),
    jawab=Jawab("bulat"),
    penjelasan="Pada bulan itu saldo kas naik lagi melewati modal awal: uang untuk alat press "
    "sudah kembali dari penjualan.",
    pembahasan=_pembahasan_2_6,
)
def _latihan_2_6(jawaban):
    """The month of the plan in which the press is paid back."""
    if isinstance(jawaban, str) or not _is_int(jawaban):
        yield False, _angka_saja("7") + " Bulan pertama rencana adalah bulan ke-1."
        return
    value = int(jawaban)
    kas = _rencana_2_6().arus_kas
    expected = kas.bulan_balik_modal
    if not 1 <= value <= len(kas.bulan):
        yield False, f"Rencana ini {len(kas.bulan)} bulan: jawab dengan bulan ke-1 sampai ke-12."
        return
    saldo = kas.bulan[value - 1].saldo_rp
    if value < expected:
        hint = (
            f"Pada akhir bulan ke-{value} saldo kas {format_rp(saldo)}, masih di bawah modal "
            f"awal {format_rp(kas.modal_awal_rp)}: alat press belum terbayar kembali."
        )
    else:
        hint = (
            "Pada bulan itu modal sudah kembali, tetapi ada bulan yang lebih awal. Cari bulan "
            f"pertama yang saldo kasnya paling sedikit {format_rp(kas.modal_awal_rp)}."
        )
    yield value == expected, hint
