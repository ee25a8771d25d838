"""Exercises of pillar 4 (*koperasi dan keuangan mikro*): the checks behind ``cek("4.1", ...)``.

They belong to ``notebooks/4_koperasi/04_koperasi_dan_remitansi.ipynb`` (lesson
``04_koperasi_dan_remitansi``). Every expected value is computed from the kit (the rules of
:mod:`desmigratif_kit.cooperative` and the World Bank data), never typed in twice; the
choices of 4.1 and 4.6 are the rules' own codes with their labels. Hints are in Indonesian,
point to the step that went wrong, and never contain the answer.

========  ==========================================================  =====================
Latihan   Question                                                    Answer (``contoh``)
========  ==========================================================  =====================
4.1       the cheapest of four corridors to Indonesia, 2020Q3          ``str`` (ISO3 code)
4.2       money lost in a year: Rp 3 million a month from Malaysia     ``int`` (rupiah)
4.3       effective monthly rate of 1,5 % flat (Rp 10 million, 12 mo)  ``float`` (percent)
4.4       is 2 % a month flat cheaper than 3 % on the balance?         ``bool``
4.5       interest saved with the KUR instead of 2 % a month flat      ``int`` (rupiah)
4.6       what is missing in Dewi's KUR application (codes)            ``set`` of ``str``
4.7       Bu Sari's SHU (FACTS §4.1 worked example)                    ``int`` (rupiah)
========  ==========================================================  =====================

>>> from desmigratif_kit.core.latihan import periksa
>>> periksa("4.3", 1.5).benar, periksa("4.7", 1_240_000).benar
(False, True)
"""

from __future__ import annotations

import numbers
from typing import Any

import pandas as pd

from desmigratif_kit.cooperative import (
    NEGARA_PENGIRIM,
    SYARAT_KUR,
    effective_rate_pct,
    kur_eligibility,
    kur_vs_informal,
    label_syarat_kur,
    loan_schedule,
    loan_summary,
    remittance_cost,
    remittance_costs_by_corridor,
    shu_distribution,
)
from desmigratif_kit.core.i18n import format_number, format_pct, format_rp
from desmigratif_kit.core.latihan import Jawab, cara_lab, latihan

__all__ = [
    "ANGGOTA_4_7",
    "DEWI_4_6",
    "KIRIMAN_4_2",
    "KORIDOR_4_1",
    "KUR_4_5",
    "PINJAMAN_4_3",
    "TAWARAN_4_4",
]

# --- the story's data (the notebook shows the same values; a test keeps them equal) --------

KORIDOR_4_1 = {"negara": ("MYS", "SAU", "SGP", "JPN"), "periode": "2020Q3"}
"""Four countries where people of Rangga Talo and Rengas Pendawa work; the last quarter of
the World Bank data."""

KIRIMAN_4_2 = {"jumlah_rp": 3_000_000, "negara": "Malaysia", "periode": "2020Q3", "kali": 12}
"""Pak Yosef (a made-up person) sends Rp 3,000,000 home from Malaysia every month."""

PINJAMAN_4_3 = {"pokok_rp": 10_000_000, "bunga_flat_bulan_pct": 1.5, "bulan": 12}
"""Pak Darto's loan from a lender: Rp 10 million, 12 months, 1.5 % a month flat (FACTS §4.2)."""

TAWARAN_4_4 = {
    "pokok_rp": 5_000_000,
    "bulan": 12,
    "rentenir": {"rate_pct": 2, "method": "flat"},
    "koperasi": {"rate_pct": 3, "method": "menurun"},
}
"""Bu Wati's two offers for Rp 5 million over 12 months: a lender at 2 % a month flat, the
cooperative at 3 % a month on what is still owed."""

KUR_4_5 = {"pokok_rp": 25_000_000, "bulan": 24, "informal_bulan_pct": 2}
"""Rina needs Rp 25 million for 24 months: the KUR (6 % a year, annuity) or an informal lender
at 2 % a month flat (FACTS §4.2-4.3)."""

DEWI_4_6 = {
    "jumlah_pinjaman_rp": 60_000_000,
    "jangka_bulan": 30,
    "lama_kontrak_bulan": 24,
    "lewat_p3mi": True,
    "perjanjian_penempatan": True,
    "perjanjian_kerja": True,
    "ektp": True,
    "npwp": False,
    "sisko_p2mi": True,
}
"""Dewi's KUR PMI application, as the village officer wrote it down."""

ANGGOTA_4_7 = {
    "shu_rp": 60_000_000,
    "jasa_modal_pct": 20,
    "jasa_usaha_pct": 25,
    "simpanan_rp": 2_000_000,
    "simpanan_semua_rp": 100_000_000,
    "pinjaman_rp": 5_000_000,
    "pinjaman_semua_rp": 75_000_000,
}
"""Bu Sari in the cooperative's year (FACTS §4.1 worked example)."""


# --- expected values, computed by the kit ---------------------------------------------------


def _biaya_koridor() -> pd.DataFrame:
    table = remittance_costs_by_corridor(KORIDOR_4_1["periode"])
    return table[table["iso3"].isin(KORIDOR_4_1["negara"])].sort_values("biaya_pct")


def _termurah_4_1() -> str:
    return str(_biaya_koridor().iloc[0]["iso3"])


def _kiriman():
    k = KIRIMAN_4_2
    return remittance_cost(k["jumlah_rp"], k["negara"], k["periode"])


def _hilang_4_2() -> int:
    return round(_kiriman().biaya_setahun(KIRIMAN_4_2["kali"]))


def _hilang_dari_tabel_4_2() -> int:
    """The same, from the cost as the table shows it (two decimals): also right."""
    k = KIRIMAN_4_2
    shown = round(_kiriman().biaya_pct, 2)
    return round(k["jumlah_rp"] * shown / 100 * k["kali"])


def _efektif():
    p = PINJAMAN_4_3
    return effective_rate_pct(p["pokok_rp"], p["bunga_flat_bulan_pct"], p["bulan"])


def _efektif_4_3() -> float:
    return round(_efektif().efektif_bulan_pct, 2)


def _ringkasan_4_4(nama: str):
    t = TAWARAN_4_4
    offer = t[nama]
    return loan_summary(loan_schedule(t["pokok_rp"], offer["rate_pct"], t["bulan"],
                                      offer["method"]))  # fmt: skip


def _rentenir_lebih_murah_4_4() -> bool:
    return _ringkasan_4_4("rentenir").total_bunga_rp < _ringkasan_4_4("koperasi").total_bunga_rp


def _kur_vs_informal():
    k = KUR_4_5
    return kur_vs_informal(k["pokok_rp"], k["bulan"], k["informal_bulan_pct"])


def _hemat_4_5() -> int:
    df = _kur_vs_informal()
    return int(df["total_bunga_rp"].iloc[1] - df["total_bunga_rp"].iloc[0])


def _kurang_4_6() -> set[str]:
    return set(kur_eligibility(DEWI_4_6).kurang)


def _shu_sari():
    a = ANGGOTA_4_7
    members = pd.DataFrame(
        {
            "nama": ["Bu Sari", "anggota lain"],
            "simpanan_rp": [a["simpanan_rp"], a["simpanan_semua_rp"] - a["simpanan_rp"]],
            "transaksi_rp": [a["pinjaman_rp"], a["pinjaman_semua_rp"] - a["pinjaman_rp"]],
        }
    )
    return shu_distribution(members, a["shu_rp"], a["jasa_modal_pct"], a["jasa_usaha_pct"]).iloc[0]


def _shu_4_7() -> int:
    return int(_shu_sari()["shu_rp"])


# --- answer shapes ----------------------------------------------------------------------------


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _is_int(value: Any) -> bool:
    return _is_number(value) and float(value).is_integer()


def _bukan_rupiah(jawaban: Any) -> str | None:
    """A hint when the answer is not a whole amount of rupiah, else ``None``."""
    if isinstance(jawaban, str):
        return (
            "Tulis jumlahnya sebagai angka bulat, tanpa tanda kutip, tanpa titik ribuan dan "
            'tanpa "Rp" (misalnya 150000).'
        )
    if not _is_int(jawaban):
        return "Jawab dengan jumlah rupiah sebagai angka bulat (misalnya 150000)."
    return None


# --- the exercises ------------------------------------------------------------------------------


def _pilihan_4_1():
    return [(iso3, NEGARA_PENGIRIM[iso3][0]) for iso3 in KORIDOR_4_1["negara"]]


def _pembahasan_4_1() -> str:
    rows = [f"{r.negara} {format_pct(r.biaya_pct)}" for r in _biaya_koridor().itertuples()]
    return (
        "Bandingkan baris keempat negara itu di tabel biaya triwulan III 2020 (angka Bank Dunia, "
        "biaya total dalam persen dari uang yang dikirim). Dari yang paling murah: "
        + ", ".join(rows)
        + ". Hanya satu yang sudah di bawah target SDG 3%."
    )


@latihan(
    "4.1",
    contoh=_termurah_4_1(),
    jawab=Jawab("pilih", pilihan=_pilihan_4_1),
    penjelasan="Pada triwulan III 2020 hanya koridor ini yang biayanya sudah di bawah target "
    "SDG 3%.",
    pembahasan=_pembahasan_4_1,
)
def _latihan_4_1(jawaban):
    """The cheapest of four corridors in the last quarter of the data."""
    codes = dict(_pilihan_4_1())
    if not isinstance(jawaban, str) or jawaban.strip().upper() not in codes:
        yield (
            False,
            (
                "Pilih salah satu dari empat negara itu"
                + cara_lab(' dengan kode ISO tiga hurufnya, misalnya "MYS" untuk Malaysia')
                + "."
            ),
        )
        return
    kode = jawaban.strip().upper()
    table = _biaya_koridor().set_index("iso3")["biaya_pct"]
    if kode == str(table.index[-1]):
        yield False, "Itu justru yang paling mahal dari keempatnya. Cari angka terkecil."
        return
    yield (
        kode == _termurah_4_1(),
        (
            "Masih ada negara yang biayanya lebih kecil. Bandingkan angka triwulan III 2020 "
            "keempat negara itu, bukan rata-rata tahunannya."
        ),
    )


def _pembahasan_4_2() -> str:
    kiriman = _kiriman()
    k = KIRIMAN_4_2
    return (
        f"Biaya rata-rata dari Malaysia pada triwulan III 2020 adalah "
        f"{format_pct(kiriman.biaya_pct)} dari uang yang dikirim. Sekali kirim "
        f"{format_rp(k['jumlah_rp'])} berarti hilang {format_rp(kiriman.biaya)}.\n\n"
        f"Dikirim {k['kali']} kali setahun: {k['kali']} x {format_rp(kiriman.biaya)} = "
        f"{format_rp(_hilang_4_2())}. Pada target SDG 3% yang hilang hanya "
        f"{format_rp(kiriman.biaya_target_sdg * k['kali'])} setahun."
    )


@latihan(
    "4.2",
    contoh=_hilang_4_2(),
    jawab=Jawab("rp", satuan="latihan.unit.rupiah"),
    penjelasan="Biaya sekali kirim dikali dua belas kiriman setahun: uang sebanyak itu tidak "
    "pernah sampai ke keluarga.",
    pembahasan=_pembahasan_4_2,
)
def _latihan_4_2(jawaban):
    """Money lost in a year sending Rp 3 million a month from Malaysia (2020Q3 cost)."""
    hint = _bukan_rupiah(jawaban)
    if hint:
        yield False, hint
        return
    value = round(float(jawaban))
    kiriman = _kiriman()
    k = KIRIMAN_4_2
    once = {round(kiriman.biaya), round(k["jumlah_rp"] * round(kiriman.biaya_pct, 2) / 100)}
    at_target = round(kiriman.biaya_target_sdg * k["kali"])
    above_target = round(kiriman.lebih_dari_sdg * k["kali"])
    if value in once:
        yield False, "Itu biaya sekali kirim. Pak Yosef mengirim setiap bulan: hitung setahun."
        return
    if value == at_target:
        yield (
            False,
            (
                "Itu biaya setahun bila target SDG 3% sudah tercapai. Pakai biaya Malaysia yang "
                "sebenarnya menurut data Bank Dunia."
            ),
        )
        return
    if value == above_target:
        yield (
            False,
            (
                "Itu hanya bagian yang dapat dihemat bila biaya turun ke 3%. Yang ditanyakan "
                "seluruh biaya setahun."
            ),
        )
        return
    yield (
        value in {_hilang_4_2(), _hilang_dari_tabel_4_2()},
        (
            "Cari biaya Malaysia triwulan III 2020 di tabel (persen dari uang yang dikirim), "
            "hitung biaya sekali kirim, lalu kalikan dengan banyaknya kiriman setahun."
            + cara_lab(' Periksa dengan remittance_cost(3_000_000, "Malaysia", "2020Q3").')
        ),
    )


def _pembahasan_4_3() -> str:
    hasil = _efektif()
    p = PINJAMAN_4_3
    return (
        f"Angsuran pinjaman flat: pokok {format_rp(p['pokok_rp'])} : {p['bulan']} = "
        f"{format_rp(p['pokok_rp'] / p['bulan'])}, ditambah bunga "
        f"{format_pct(p['bunga_flat_bulan_pct'])} x {format_rp(p['pokok_rp'])} = "
        f"{format_rp(p['pokok_rp'] * p['bunga_flat_bulan_pct'] / 100)} setiap bulan: "
        f"{format_rp(hasil.angsuran_rp)} per bulan.\n\n"
        "Bunga efektif adalah bunga dari sisa utang yang, dengan angsuran yang sama, melunasi "
        f"pinjaman tepat dalam {p['bulan']} bulan. Hasilnya sekitar "
        f"{format_pct(hasil.efektif_bulan_pct, 2)} per bulan, {format_number(hasil.kali_lipat, 2)} "
        "kali bunga flat yang tertulis."
    )


@latihan(
    "4.3",
    contoh=_efektif_4_3(),
    jawab=Jawab("persen", satuan="kop.unit.persen_bulan"),
    penjelasan="Bunga flat dihitung dari seluruh pinjaman setiap bulan, padahal utangnya terus "
    "berkurang: bunga sebenarnya hampir dua kali lipat.",
    pembahasan=_pembahasan_4_3,
)
def _latihan_4_3(jawaban):
    """The effective monthly rate of Pak Darto's flat loan (percent, two decimals)."""
    if not _is_number(jawaban):
        yield False, "Jawab dengan angka persen per bulan, misalnya 1,25 (tanpa tanda kutip)."
        return
    value = float(jawaban)
    flat = PINJAMAN_4_3["bunga_flat_bulan_pct"]
    if 0 < value < 0.2:
        yield False, "Tulis dalam persen, bukan pecahan: 0,05 ditulis 5."
        return
    if abs(value - flat) < 0.005:
        yield (
            False,
            (
                "Itu bunga flat yang tertulis di perjanjian. Yang ditanyakan bunga efektif: bunga "
                "dari sisa utang yang sama mahalnya."
            ),
        )
        return
    if abs(value - 2 * flat) < 0.005:
        yield (
            False,
            (
                "Dua kali bunga flat hanya perkiraan kasar. Hitung bunga dari sisa utang yang "
                "dengan angsuran yang sama melunasi pinjaman tepat pada waktunya."
            ),
        )
        return
    if value > 12:
        yield False, "Itu angka per tahun. Yang ditanyakan bunga per bulan."
        return
    yield (
        abs(value - _efektif_4_3()) <= 0.01 + 1e-9,
        (
            "Cari di tabel bunga efektif (bagian 4) baris bunga flat Pak Darto dan kolom jangka "
            "waktu pinjamannya: bunga efektif bergantung pada keduanya."
            + cara_lab(" Atau hitung dengan effective_rate_pct(pokok, bunga_flat, bulan).")
        ),
    )


def _pembahasan_4_4() -> str:
    r, k = _ringkasan_4_4("rentenir"), _ringkasan_4_4("koperasi")
    return (
        f"Rentenir: bunga flat {format_pct(TAWARAN_4_4['rentenir']['rate_pct'])} dari "
        f"{format_rp(TAWARAN_4_4['pokok_rp'])} setiap bulan, total bunga "
        f"{format_rp(r.total_bunga_rp)}; bunga efektifnya {format_pct(r.efektif_bulan_pct)} "
        "per bulan.\n\n"
        f"Koperasi: {format_pct(TAWARAN_4_4['koperasi']['rate_pct'])} dari sisa utang, yang "
        f"berkurang setiap bulan; total bunga {format_rp(k.total_bunga_rp)}. Angka bunga yang "
        "lebih kecil belum tentu lebih murah: bandingkan bunga efektif atau total bunganya."
    )


@latihan(
    "4.4",
    contoh=_rentenir_lebih_murah_4_4(),
    jawab=Jawab("ya_tidak"),
    penjelasan="Bunga flat dihitung dari seluruh pinjaman setiap bulan, jadi angka yang tampak "
    "lebih kecil itu sebenarnya lebih mahal daripada bunga menurun koperasi.",
    pembahasan=_pembahasan_4_4,
)
def _latihan_4_4(jawaban):
    """Is the lender's flat offer cheaper than the cooperative's declining one?"""
    if not isinstance(jawaban, bool):
        yield False, "Jawab dengan True (ya, lebih murah) atau False (tidak), tanpa tanda kutip."
        return
    yield (
        jawaban == _rentenir_lebih_murah_4_4(),
        (
            "Jangan membandingkan angka bunganya saja. Cari bunga efektif tawaran rentenir di "
            "tabel bunga efektif (bagian 4), lalu bandingkan dengan bunga koperasi, yang sudah "
            "dihitung dari sisa utang." + cara_lab(" Atau hitung total bunga keduanya.")
        ),
    )


def _pembahasan_4_5() -> str:
    df = _kur_vs_informal()
    kur, informal = df.iloc[0], df.iloc[1]
    return (
        f"KUR PMI {format_rp(KUR_4_5['pokok_rp'])} selama {KUR_4_5['bulan']} bulan, bunga 6% per "
        f"tahun dengan angsuran tetap {format_rp(kur['angsuran_pertama_rp'])}: total bunga "
        f"{format_rp(kur['total_bunga_rp'])}.\n\n"
        f"Pinjaman informal {format_pct(KUR_4_5['informal_bulan_pct'])} per bulan flat: "
        f"{format_pct(KUR_4_5['informal_bulan_pct'])} x {format_rp(KUR_4_5['pokok_rp'])} x "
        f"{KUR_4_5['bulan']} bulan = {format_rp(informal['total_bunga_rp'])}.\n\n"
        f"Selisihnya {format_rp(_hemat_4_5())}: uang sebanyak itu tetap di keluarga Rina."
    )


@latihan(
    "4.5",
    contoh=_hemat_4_5(),
    jawab=Jawab("rp", satuan="latihan.unit.rupiah"),
    penjelasan="Total bunga pinjaman informal dikurangi total bunga KUR PMI: bunga 2% flat per "
    "bulan jauh lebih mahal daripada KUR 6% per tahun dari sisa utang.",
    pembahasan=_pembahasan_4_5,
)
def _latihan_4_5(jawaban):
    """Interest saved with the KUR instead of the informal lender (rupiah)."""
    hint = _bukan_rupiah(jawaban)
    if hint:
        yield False, hint
        return
    value = round(float(jawaban))
    df = _kur_vs_informal()
    kur, informal = int(df["total_bunga_rp"].iloc[0]), int(df["total_bunga_rp"].iloc[1])
    if value == informal:
        yield False, "Itu total bunga pinjaman informal saja. Kurangi dengan total bunga KUR."
        return
    if value == kur:
        yield False, "Itu total bunga KUR saja. Yang ditanyakan selisih kedua total bunga."
        return
    if value < 0:
        yield False, "Hasilnya negatif: kurangkan yang kecil dari yang besar."
        return
    yield (
        value == _hemat_4_5(),
        (
            "Hitung total bunga kedua pinjaman selama 24 bulan, lalu kurangkan. Total bunga KUR "
            "ada di jadwal KUR; bunga informal flat dihitung dari seluruh pinjaman setiap bulan."
            + cara_lab(" Periksa dengan kur_vs_informal(25_000_000, 24, 2).")
        ),
    )


def _pilihan_4_6():
    return [(kode, label_syarat_kur(kode)) for kode in SYARAT_KUR]


def _pembahasan_4_6() -> str:
    hasil = kur_eligibility(DEWI_4_6)
    d = DEWI_4_6
    return (
        f"Dewi meminta {format_rp(d['jumlah_pinjaman_rp'])} selama {d['jangka_bulan']} bulan, "
        f"padahal perjanjian kerjanya {d['lama_kontrak_bulan']} bulan. Jumlahnya masih di bawah "
        "plafon Rp 100.000.000 dan jangkanya di bawah 36 bulan, tetapi di atas Rp 50.000.000 "
        "KUR PMI memerlukan NPWP.\n\n"
        "Yang kurang: " + "; ".join(label_syarat_kur(k) for k in hasil.kurang) + "."
    )


@latihan(
    "4.6",
    contoh=_kurang_4_6(),
    jawab=Jawab("pilih_banyak", pilihan=_pilihan_4_6),
    penjelasan="Jangka pinjaman tidak boleh lebih lama dari perjanjian kerja, dan pinjaman di "
    "atas Rp 50 juta memerlukan NPWP.",
    pembahasan=_pembahasan_4_6,
)
def _latihan_4_6(jawaban):
    """The KUR conditions Dewi's application does not meet (codes)."""
    if isinstance(jawaban, str) or not isinstance(jawaban, set | frozenset | list | tuple):
        yield (
            False,
            (
                "Pilih semua syarat yang belum dipenuhi"
                + cara_lab(', sebagai set kode, misalnya {"kode_a", "kode_b"}')
                + "."
            ),
        )
        return
    if not all(isinstance(item, str) for item in jawaban):
        yield False, "Setiap pilihan harus berupa kode syarat bertanda kutip."
        return
    codes = {item.strip() for item in jawaban}
    for code in sorted(codes - set(SYARAT_KUR)):
        yield False, f'Kode "{code}" tidak dikenal. Pilih dari daftar syarat KUR.'
    expected = _kurang_4_6()
    lacking = expected - codes
    yield (
        not lacking,
        (
            f"Masih ada {len(lacking)} syarat yang belum Anda sebut. Bandingkan jangka pinjaman "
            "dengan masa kontrak, dan periksa dokumen yang diperlukan untuk jumlah sebesar itu."
        ),
    )
    for code in sorted((codes & set(SYARAT_KUR)) - expected):
        yield False, f'"{label_syarat_kur(code)}" tidak berlaku untuk Dewi: keluarkan dari jawaban.'


def _pembahasan_4_7() -> str:
    a = ANGGOTA_4_7
    sari = _shu_sari()
    return (
        f"Jasa modal: {format_rp(a['simpanan_rp'])} dari {format_rp(a['simpanan_semua_rp'])} "
        f"simpanan semua anggota, x {format_pct(a['jasa_modal_pct'])} x "
        f"{format_rp(a['shu_rp'])} = {format_rp(sari['shu_jasa_modal_rp'])}.\n\n"
        f"Jasa usaha: {format_rp(a['pinjaman_rp'])} dari {format_rp(a['pinjaman_semua_rp'])} "
        f"pinjaman semua anggota, x {format_pct(a['jasa_usaha_pct'])} x "
        f"{format_rp(a['shu_rp'])} = {format_rp(sari['shu_jasa_usaha_rp'])}.\n\n"
        f"Jumlahnya {format_rp(sari['shu_rp'])}."
    )


@latihan(
    "4.7",
    contoh=_shu_4_7(),
    jawab=Jawab("rp", satuan="latihan.unit.rupiah"),
    penjelasan="SHU anggota adalah jasa modal (menurut simpanannya) ditambah jasa usaha "
    "(menurut transaksinya dengan koperasi).",
    pembahasan=_pembahasan_4_7,
)
def _latihan_4_7(jawaban):
    """Bu Sari's SHU: jasa modal + jasa usaha (rupiah)."""
    hint = _bukan_rupiah(jawaban)
    if hint:
        yield False, hint
        return
    value = round(float(jawaban))
    sari = _shu_sari()
    if value == int(sari["shu_jasa_usaha_rp"]):
        yield False, "Itu baru jasa usaha (menurut pinjamannya). Tambahkan jasa modalnya."
        return
    if value == int(sari["shu_jasa_modal_rp"]):
        yield False, "Itu baru jasa modal (menurut simpanannya). Tambahkan jasa usahanya."
        return
    yield (
        value == _shu_4_7(),
        (
            "Hitung dua bagian: bagian simpanan Bu Sari dari semua simpanan, kali persen jasa "
            "modal, kali SHU; lalu bagian pinjamannya dari semua pinjaman, kali persen jasa usaha, "
            "kali SHU. Jumlahkan keduanya."
        ),
    )
