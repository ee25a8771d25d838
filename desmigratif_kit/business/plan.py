"""A business plan for one product (*rencana usaha*): HPP, the chosen way of selling, its
break-even and a cash-flow plan, in one result the *Rencana Usaha* app shows and saves.

>>> from desmigratif_kit.business.products import contoh_produk
>>> r = rencana_usaha(contoh_produk("minyak_kemiri"), "botol_100ml", "marketplace")
>>> r.skenario.laba_per_bulan_rp, r.titik_impas.unit_per_bulan, r.arus_kas.bulan_balik_modal
(1278800, 20, 5)
>>> RencanaUsaha.from_dict(r.to_dict()) == r
True
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from desmigratif_kit.business import inputs as chk
from desmigratif_kit.business.break_even import TitikImpas, break_even
from desmigratif_kit.business.cash_flow import RencanaKas, cash_flow_plan
from desmigratif_kit.business.costs import HargaPokok, cost_of_goods
from desmigratif_kit.business.products import check_produk
from desmigratif_kit.business.records import Record
from desmigratif_kit.business.scenarios import Skenario, compare_scenarios
from desmigratif_kit.core import i18n

__all__ = ["RencanaUsaha", "pasangan_berharga", "produk_disesuaikan", "rencana_usaha"]


@dataclass(frozen=True)
class RencanaUsaha(Record):
    """HPP of the batch, the chosen packaging × channel (with its rank among all pairs), its
    break-even (``None`` when the contribution per unit is not positive: no volume breaks
    even) and the cash-flow plan."""

    _NESTED: ClassVar = {
        "hpp": HargaPokok,
        "skenario": Skenario,
        "titik_impas": TitikImpas,
        "arus_kas": RencanaKas,
    }

    kode: str
    hpp: HargaPokok
    skenario: Skenario
    jumlah_skenario: int
    titik_impas: TitikImpas | None
    arus_kas: RencanaKas
    ilustrasi: bool

    def ringkasan(self, lang: str | None = None) -> dict[str, Any]:
        """The key figures for the village action plan (JSON-friendly).

        >>> from desmigratif_kit.business.products import contoh_produk
        >>> r = rencana_usaha(contoh_produk("minyak_kemiri"), "botol_100ml", "koperasi")
        >>> r.ringkasan()["laba_per_bulan_rp"], r.ringkasan()["peringkat"]
        (730000, 4)
        """
        return {
            "produk": self.hpp.nama,
            "kemasan": self.skenario.nama_kemasan,
            "saluran": self.skenario.nama_saluran,
            "hpp_per_unit_rp": chk.bulatkan_rp(self.hpp.hpp_per_unit_rp),
            "harga_rp": self.skenario.harga_rp,
            "laba_per_bulan_rp": self.skenario.laba_per_bulan_rp,
            "peringkat": self.skenario.peringkat,
            "jumlah_skenario": self.jumlah_skenario,
            "titik_impas_unit": (
                self.titik_impas.unit_per_bulan if self.titik_impas is not None else None
            ),
            "modal_awal_rp": self.arus_kas.modal_awal_rp,
            "investasi_rp": self.arus_kas.total_investasi_rp,
            "bulan_balik_modal": self.arus_kas.bulan_balik_modal,
            "modal_kurang_rp": self.arus_kas.modal_kurang_rp,
            "saldo_akhir_rp": self.arus_kas.saldo_akhir_rp,
            "kode_kemasan": self.skenario.kemasan,
            "kode_saluran": self.skenario.saluran,
            "kesimpulan": self.arus_kas.kesimpulan(lang),
            "ilustrasi": self.ilustrasi,
        }


def rencana_usaha(
    produk: Mapping[str, Any],
    kemasan: str,
    saluran: str,
    months: int = 12,
    bulan_mulai: int = 1,
    tahun_mulai: int | None = None,
) -> RencanaUsaha:
    """The plan of ``produk`` (an example from
    :func:`~desmigratif_kit.business.contoh_produk` or a participant's edited copy, checked by
    :func:`~desmigratif_kit.business.check_produk`) sold in packaging ``kemasan`` through
    channel ``saluran`` (codes of its ``kemasan`` and ``saluran``), over ``months`` months
    from ``bulan_mulai``/``tahun_mulai``.

    The break-even uses the price after the channel's fee, the variable cost per unit of the
    pair and its fixed costs with depreciation; the cash-flow plan uses
    :meth:`Skenario.untuk_arus_kas` (cash fixed costs), the product's seasons, investments
    and start capital.

    >>> from desmigratif_kit.business.products import contoh_produk
    >>> rencana_usaha(contoh_produk("minyak_kemiri"), "jeriken_5l", "marketplace")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Pilihan kemasan × saluran" tidak
    ditemukan: diharapkan salah satu dari: ..., diberikan "jeriken_5l × marketplace".
    """
    p = check_produk(produk)
    hpp = cost_of_goods(p["batch"])
    semua = compare_scenarios(hpp, p["kemasan"], p["saluran"], p["harga"], p["laku_per_bulan"])
    pilihan = semua.pilih(kemasan, saluran)
    titik = None
    if pilihan.kontribusi_per_unit_rp > 0:
        titik = break_even(
            pilihan.biaya_tetap_per_bulan_rp,
            pilihan.harga_bersih_rp,
            pilihan.biaya_variabel_per_unit_rp,
        )
    arus = cash_flow_plan(
        p["modal_awal_rp"],
        months,
        **pilihan.untuk_arus_kas(),
        investasi=p["investasi"],
        musim_pct=p["musim_pct"],
        bulan_mulai=bulan_mulai,
        tahun_mulai=tahun_mulai,
        ilustrasi=p["ilustrasi"] or hpp.ilustrasi,
    )
    return RencanaUsaha(
        kode=p["kode"],
        hpp=hpp,
        skenario=pilihan,
        jumlah_skenario=len(semua.skenario),
        titik_impas=titik,
        arus_kas=arus,
        ilustrasi=p["ilustrasi"] or hpp.ilustrasi,
    )


def pasangan_berharga(produk: Mapping[str, Any]) -> dict[str, list[str]]:
    """For each packaging of ``produk``, the channels it has a price for (the pairs a plan can
    choose), in the product's order.

    >>> from desmigratif_kit.business.products import contoh_produk
    >>> pasangan_berharga(contoh_produk("minyak_kemiri"))["jeriken_5l"]
    ['pasar_desa', 'koperasi']
    """
    harga = chk.mapping(produk["harga"], "biz.field.harga")
    found = {}
    for kemasan in chk.mapping(produk["kemasan"], "biz.field.kemasan"):
        row = harga.get(kemasan) or {}
        channels = [s for s in produk["saluran"] if row.get(s) is not None]
        if channels:
            found[kemasan] = channels
    return found


def produk_disesuaikan(
    produk: Mapping[str, Any],
    kemasan: str,
    saluran: str,
    *,
    harga_rp: float | None = None,
    laku_per_bulan: int | None = None,
    modal_awal_rp: float | None = None,
    investasi_rp: float | None = None,
) -> dict[str, Any]:
    """A new copy of ``produk`` with a participant's own figures for one way of selling: the
    price and the units sold a month of the pair ``(kemasan, saluran)``, the start capital,
    and the price of the tool bought in the first month (``0``: no investment). ``None``
    keeps the product's figure. Each value is checked and named in the participant's words.

    >>> from desmigratif_kit.business.products import contoh_produk
    >>> p = produk_disesuaikan(contoh_produk("minyak_kemiri"), "botol_100ml", "marketplace",
    ...                        harga_rp=35_000, investasi_rp=4_500_000)
    >>> p["harga"]["botol_100ml"]["marketplace"], p["investasi"][0]["harga_rp"]
    (35000, 4500000)
    >>> produk_disesuaikan(contoh_produk("minyak_kemiri"), "botol_100ml", "marketplace",
    ...                    harga_rp=-5_000)
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Harga jual per unit" di luar batas:
    diharapkan lebih dari Rp 0, diberikan "-Rp 5.000".
    """
    new = copy.deepcopy(dict(produk))
    pairs = pasangan_berharga(new)
    if saluran not in pairs.get(kemasan, []):
        raise i18n.InputError(
            "input.not_found",
            expected="expected.choice",
            choices=", ".join(f"{k} × {s}" for k, items in pairs.items() for s in items),
            given=f"{kemasan} × {saluran}",
            field="biz.field.skenario",
        )
    if harga_rp is not None:
        price = chk.rp(harga_rp, "biz.field.harga_jual_rp", min=None, above=0)
        new["harga"] = {**new["harga"], kemasan: {**new["harga"][kemasan], saluran: price}}
    if laku_per_bulan is not None:
        units = chk.whole(laku_per_bulan, "biz.field.laku_per_bulan", min=0)
        laku = dict(new.get("laku_per_bulan") or {})
        laku[kemasan] = {**(laku.get(kemasan) or {}), saluran: units}
        new["laku_per_bulan"] = laku
    if modal_awal_rp is not None:
        new["modal_awal_rp"] = chk.rp(modal_awal_rp, "biz.field.modal_awal_rp")
    if investasi_rp is not None:
        amount = chk.rp(investasi_rp, "biz.field.harga_alat_rp")
        tools = list(new.get("investasi") or [])
        if not amount:
            new["investasi"] = []
        elif tools:
            new["investasi"] = [{**tools[0], "harga_rp": amount}, *tools[1:]]
        else:
            name = i18n.t("biz.field.investasi")
            new["investasi"] = [{"nama": name, "harga_rp": amount, "bulan": 1}]
    return new
