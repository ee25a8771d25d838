"""Packaging × sales channel: which way of selling leaves the most profit a month?

The same oil can be sold in a bulk jerrycan at the village market, in 100 ml bottles through a
cooperative, or in small labelled bottles in a souvenir shop or online. Each way has its own
price, its own costs and its own number of buyers; :func:`compare_scenarios` works out every
pair and ranks them by profit per month.

Inputs (plain mappings, checked strictly):

* ``batch``: the product, as for :func:`~desmigratif_kit.business.costs.cost_of_goods` (or
  its result, a :class:`~desmigratif_kit.business.costs.HargaPokok`). Its packaging (rows of
  category ``kemasan`` and rows counted per unit) is replaced by each packaging below; the
  rest gives the cost of the contents (per liter of oil) and the fixed costs of the month.
* ``kemasan``: ``{code: {"nama", "isi_per_unit", "biaya_per_unit_rp"}}``: what one unit
  holds (in the batch's ``satuan_hasil``: a 100 ml bottle holds 0,1 liter) and what its
  packaging costs (container, cap, label, filling).
* ``saluran``: ``{code: {"nama", "potongan_pct", "biaya_per_unit_rp", "biaya_per_bulan_rp",
  "jeda_bayar_bulan"}}``: the channel's fee on the price (a marketplace's commission, a
  shop's consignment share), its cost per unit sold (packing for shipping) and per month
  (a market stall, transport to town), and how many months after the sale it pays (a
  cooperative or a consignment shop pays later; default 0). Only ``nama`` is required.
* ``harga``: ``{packaging code: {channel code: price per unit}}``; a pair left out (or
  ``None``) is not sold that way.
* ``laku_per_bulan`` (optional): ``{packaging code: {channel code: units a month}}``, how many
  units that channel can sell in a month; every priced pair needs one. Without it, or when it
  is more, what the batches of a month yield is sold.

Assumptions: what is made is sold (only the units sold are produced), the fixed costs of the
month are the batch's (with depreciation) plus the channel's.

>>> from desmigratif_kit.business.products import contoh_produk
>>> p = contoh_produk("minyak_kemiri")
>>> hasil = compare_scenarios(p["batch"], p["kemasan"], p["saluran"], p["harga"],
...                           p["laku_per_bulan"])
>>> best = hasil.terbaik
>>> best.kemasan, best.saluran, best.laba_per_bulan_rp
('botol_30ml_label', 'toko_oleh_oleh', 1382000)
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

import pandas as pd

from desmigratif_kit.business import inputs as chk
from desmigratif_kit.business.costs import HargaPokok, cost_of_goods
from desmigratif_kit.business.records import Record
from desmigratif_kit.core import i18n

__all__ = [
    "KEMASAN_KEYS",
    "SALURAN_KEYS",
    "JEDA_BAYAR_MAKS",
    "PerbandinganSkenario",
    "Skenario",
    "check_kemasan",
    "check_saluran",
    "compare_scenarios",
]

KEMASAN_KEYS = ("nama", "isi_per_unit", "biaya_per_unit_rp")
SALURAN_KEYS = (
    "nama",
    "potongan_pct",
    "biaya_per_unit_rp",
    "biaya_per_bulan_rp",
    "jeda_bayar_bulan",
)
JEDA_BAYAR_MAKS = 12
_EPS = 1e-9


def _codes(value: Any, field: str) -> Mapping[str, Any]:
    options = chk.mapping(value, field)
    if not options:
        raise i18n.InputError(
            "input.required", expected="biz.expected.option", given="", field=field
        )
    for code in options:
        if not isinstance(code, str) or not code.strip():
            raise i18n.InputError(
                "input.unreadable", expected="biz.expected.code", given=code, field=field
            )
    return options


def _option_field(group: str, code: str, name: str) -> str:
    return f"{i18n.t(group)} {code}: {i18n.t(f'biz.field.{name}')}"


def check_kemasan(kemasan: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The packaging options checked (a new dict; defaults filled in).

    >>> check_kemasan({"botol": {"nama": "Botol 100 ml", "isi_per_unit": "0,1",
    ...                          "biaya_per_unit_rp": "Rp 4.500"}})
    {'botol': {'nama': 'Botol 100 ml', 'isi_per_unit': 0.1, 'biaya_per_unit_rp': 4500}}
    >>> check_kemasan({"botol": {"nama": "Botol", "isi_per_unit": 0, "biaya_per_unit_rp": 1}})
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Kemasan botol: Isi per unit" di luar batas:
    diharapkan lebih dari 0, diberikan "0".
    """
    group = "biz.field.kemasan"
    checked = {}
    for code, option in _codes(kemasan, group).items():
        where = f"{i18n.t(group)} {code}"
        chk.check_keys(option, KEMASAN_KEYS, where)
        for key in KEMASAN_KEYS:
            if option.get(key) is None:
                raise i18n.InputError(
                    "input.required",
                    expected="expected.number" if key != "nama" else "expected.text",
                    given="",
                    field=_option_field(group, code, key),
                )
        checked[code] = {
            "nama": chk.text(option["nama"], _option_field(group, code, "nama")),
            "isi_per_unit": chk.number(
                option["isi_per_unit"], _option_field(group, code, "isi_per_unit"), above=0
            ),
            "biaya_per_unit_rp": chk.rp(
                option["biaya_per_unit_rp"], _option_field(group, code, "biaya_per_unit_rp")
            ),
        }
    return checked


def check_saluran(saluran: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The sales channels checked (a new dict; defaults filled in).

    >>> check_saluran({"pasar": {"nama": "Pasar desa"}})["pasar"]["potongan_pct"]
    0
    >>> check_saluran({"online": {"nama": "Marketplace", "potongan_pct": 100}})
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Saluran online: Potongan saluran (% dari
    harga)" di luar batas: diharapkan kurang dari 100%, diberikan "100%".
    """
    group = "biz.field.saluran"
    checked = {}
    for code, option in _codes(saluran, group).items():
        chk.check_keys(option, SALURAN_KEYS, f"{i18n.t(group)} {code}")
        if option.get("nama") is None:
            raise i18n.InputError(
                "input.required",
                expected="expected.text",
                given="",
                field=_option_field(group, code, "nama"),
            )

        def value(key: str, default: Any = 0, option=option) -> Any:
            got = option.get(key)
            return default if got is None else got

        checked[code] = {
            "nama": chk.text(option["nama"], _option_field(group, code, "nama")),
            "potongan_pct": chk.pct(
                value("potongan_pct"), _option_field(group, code, "potongan_pct"), below=100
            ),
            "biaya_per_unit_rp": chk.rp(
                value("biaya_per_unit_rp"), _option_field(group, code, "biaya_per_unit_rp")
            ),
            "biaya_per_bulan_rp": chk.rp(
                value("biaya_per_bulan_rp"), _option_field(group, code, "biaya_per_bulan_rp")
            ),
            "jeda_bayar_bulan": chk.whole(
                value("jeda_bayar_bulan"),
                _option_field(group, code, "jeda_bayar_bulan"),
                max=JEDA_BAYAR_MAKS,
            ),
        }
    return checked


def _matrix(
    value: Any, kemasan: Mapping, saluran: Mapping, field: str, read
) -> dict[tuple[str, str], Any]:
    """``{packaging: {channel: value}}`` as ``{(packaging, channel): value}``; ``None`` left out."""
    table = chk.mapping(value, field)
    found = {}
    for k_code, row in table.items():
        if k_code not in kemasan:
            raise i18n.InputError(
                "input.not_found",
                expected="expected.choice",
                choices=", ".join(kemasan),
                given=k_code,
                field=field,
            )
        if row is None:
            continue
        for s_code, cell in chk.mapping(row, f"{i18n.t(field)} {k_code}").items():
            if s_code not in saluran:
                raise i18n.InputError(
                    "input.not_found",
                    expected="expected.choice",
                    choices=", ".join(saluran),
                    given=s_code,
                    field=f"{i18n.t(field)} {k_code}",
                )
            if cell is not None:
                found[(k_code, s_code)] = read(cell, f"{i18n.t(field)} {k_code} × {s_code}")
    return found


@dataclass(frozen=True)
class Skenario(Record):
    """One packaging sold through one channel: per unit, per month, and its rank.

    Per unit: ``harga_rp`` − ``potongan_rp`` (the channel's fee) = ``harga_bersih_rp``;
    minus the contents (``biaya_isi_rp``), the packaging (``biaya_kemasan_rp``) and the
    channel's cost per unit = ``kontribusi_per_unit_rp``. Per month: ``unit_per_bulan`` (what
    the channel sells, at most ``kapasitas_unit_per_bulan``) × contribution − fixed costs
    (``biaya_tetap_per_bulan_rp``: the batch's with depreciation, plus the channel's) =
    ``laba_per_bulan_rp``; ``laba_per_unit_rp`` is that profit per unit sold (``None`` when
    nothing is sold).
    """

    kemasan: str
    nama_kemasan: str
    saluran: str
    nama_saluran: str
    isi_per_unit: float
    harga_rp: float
    potongan_pct: float
    potongan_rp: float
    harga_bersih_rp: float
    biaya_isi_rp: float
    biaya_kemasan_rp: float
    biaya_saluran_per_unit_rp: float
    biaya_variabel_per_unit_rp: float
    kontribusi_per_unit_rp: float
    kapasitas_unit_per_bulan: int
    laku_unit_per_bulan: int | None
    unit_per_bulan: int
    biaya_tetap_per_bulan_rp: int
    biaya_tetap_tunai_per_bulan_rp: int
    jeda_bayar_bulan: int
    laba_per_bulan_rp: int
    laba_per_unit_rp: float | None
    peringkat: int

    @property
    def untung(self) -> bool:
        """True when the month ends with a profit."""
        return self.laba_per_bulan_rp > 0

    def untuk_arus_kas(self) -> dict[str, Any]:
        """The keyword arguments of :func:`~desmigratif_kit.business.cash_flow_plan` for
        selling this way: sales a month (what the channel sells, or the capacity), price, fee,
        variable cost per unit, fixed costs paid in cash (no depreciation), capacity, payment
        delay.

        >>> from desmigratif_kit.business.products import contoh_produk
        >>> p = contoh_produk("minyak_kemiri")
        >>> s = compare_scenarios(p["batch"], p["kemasan"], p["saluran"], p["harga"],
        ...     p["laku_per_bulan"]).pilih("botol_100ml", "koperasi")
        >>> s.untuk_arus_kas()["biaya_tetap_per_bulan_rp"]     # 200.000 − 100.000 penyusutan
        100000
        """
        return {
            "unit_per_bulan": (
                self.laku_unit_per_bulan
                if self.laku_unit_per_bulan is not None
                else self.kapasitas_unit_per_bulan
            ),
            "harga_rp": self.harga_rp,
            "potongan_pct": self.potongan_pct,
            "biaya_variabel_per_unit_rp": self.biaya_variabel_per_unit_rp,
            "biaya_tetap_per_bulan_rp": self.biaya_tetap_tunai_per_bulan_rp,
            "kapasitas_unit_per_bulan": self.kapasitas_unit_per_bulan,
            "jeda_bayar_bulan": self.jeda_bayar_bulan,
        }


@dataclass(frozen=True)
class PerbandinganSkenario(Record):
    """Every packaging × channel pair that has a price, best first (``peringkat`` 1)."""

    _NESTED: ClassVar = {"skenario": Skenario}

    nama_produk: str
    satuan_hasil: str
    skenario: tuple[Skenario, ...]
    ilustrasi: bool

    @property
    def terbaik(self) -> Skenario:
        """The pair with the most profit per month."""
        return self.skenario[0]

    def pilih(self, kemasan: str, saluran: str) -> Skenario:
        """The pair ``(kemasan, saluran)``; an unknown or unpriced pair raises ``InputError``."""
        for item in self.skenario:
            if item.kemasan == kemasan and item.saluran == saluran:
                return item
        pairs = ", ".join(f"{s.kemasan} × {s.saluran}" for s in self.skenario)
        raise i18n.InputError(
            "input.not_found",
            expected="expected.choice",
            choices=pairs,
            given=f"{kemasan} × {saluran}",
            field="biz.field.skenario",
        )

    def tabel(self) -> pd.DataFrame:
        """One row per pair, best first (the columns of :class:`Skenario`)."""
        return pd.DataFrame([s.to_dict() for s in self.skenario])


def compare_scenarios(
    batch: Mapping[str, Any] | HargaPokok,
    kemasan: Mapping[str, Any],
    saluran: Mapping[str, Any],
    harga: Mapping[str, Any],
    laku_per_bulan: Mapping[str, Any] | None = None,
) -> PerbandinganSkenario:
    """Profit per month and per unit of every priced packaging × channel pair, ranked.

    See the module docstring for the inputs. Ranked by profit per month, then contribution per
    unit, then the order of ``kemasan`` and ``saluran``. Rupiah per month are rounded to the
    rupiah; per-unit figures are exact (rounded when shown).

    >>> b = {"nama": "Minyak", "satuan_hasil": "liter", "hasil_per_batch": 10,
    ...      "batch_per_bulan": 2, "biaya": [
    ...      {"kategori": "bahan", "nama": "Kemiri", "jumlah": 30, "harga_rp": 10_000},
    ...      {"kategori": "tetap", "nama": "Sewa", "jumlah": 1, "harga_rp": 50_000}]}
    >>> k = {"botol": {"nama": "Botol 100 ml", "isi_per_unit": 0.1, "biaya_per_unit_rp": 5_000}}
    >>> s = {"pasar": {"nama": "Pasar"}, "online": {"nama": "Online", "potongan_pct": 10}}
    >>> hasil = compare_scenarios(b, k, s, {"botol": {"pasar": 20_000, "online": 25_000}},
    ...                           {"botol": {"pasar": 100, "online": 60}})
    >>> [(x.saluran, x.kontribusi_per_unit_rp, x.laba_per_bulan_rp) for x in hasil.skenario]
    [('pasar', 12000.0, 1150000), ('online', 14500.0, 820000)]
    >>> compare_scenarios(b, k, s, {"botol": {"toko": 30_000}})
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Harga jual botol" tidak ditemukan:
    diharapkan salah satu dari: pasar, online, diberikan "toko".
    """
    hpp = batch if isinstance(batch, HargaPokok) else cost_of_goods(batch)
    options_k = check_kemasan(kemasan)
    options_s = check_saluran(saluran)

    def read_price(cell: Any, where: str) -> float:
        return chk.rp(cell, where, min=None, above=0)

    def read_units(cell: Any, where: str) -> int:
        return chk.whole(cell, where, min=0)

    prices = _matrix(harga, options_k, options_s, "biz.field.harga", read_price)
    if not prices:
        raise i18n.InputError(
            "input.required", expected="biz.expected.price_pair", given="", field="biz.field.harga"
        )
    demand = None
    if laku_per_bulan is not None:
        demand = _matrix(laku_per_bulan, options_k, options_s, "biz.field.laku", read_units)
        for k_code, s_code in prices:
            if (k_code, s_code) not in demand:
                raise i18n.InputError(
                    "input.required",
                    expected="expected.integer",
                    given="",
                    field=f"{i18n.t('biz.field.laku')} {k_code} × {s_code}",
                )
    produced = (
        chk.decimal(hpp.hasil_per_batch)
        * (100 - chk.decimal(hpp.susut_pct))
        / 100
        * chk.decimal(hpp.batch_per_bulan)
    )
    order = {(k, s): i for i, (k, s) in enumerate((k, s) for k in options_k for s in options_s)}
    found = []
    for (k_code, s_code), price in prices.items():
        pack, channel = options_k[k_code], options_s[s_code]
        capacity = math.floor(float(produced / chk.decimal(pack["isi_per_unit"])) + _EPS)
        if capacity < 1:
            raise i18n.InputError(
                "input.out_of_range",
                expected="expected.max",
                max=f"{i18n.format_number(float(produced))} {hpp.satuan_hasil}",
                given=i18n.format_number(pack["isi_per_unit"]),
                field=_option_field("biz.field.kemasan", k_code, "isi_per_unit"),
            )
        sold_cap = None if demand is None else demand[(k_code, s_code)]
        units = capacity if sold_cap is None else min(capacity, sold_cap)
        fee = chk.decimal(price) * chk.decimal(channel["potongan_pct"]) / 100
        isi = chk.decimal(hpp.biaya_isi_per_hasil_rp) * chk.decimal(pack["isi_per_unit"])
        variable = (
            isi + chk.decimal(pack["biaya_per_unit_rp"]) + chk.decimal(channel["biaya_per_unit_rp"])
        )
        contribution = chk.decimal(price) - fee - variable
        fixed = hpp.biaya_tetap_per_bulan_rp + chk.bulatkan_rp(channel["biaya_per_bulan_rp"])
        profit = chk.bulatkan_rp(units * contribution - fixed)
        item = {
            "kemasan": k_code,
            "nama_kemasan": pack["nama"],
            "saluran": s_code,
            "nama_saluran": channel["nama"],
            "isi_per_unit": pack["isi_per_unit"],
            "harga_rp": price,
            "potongan_pct": channel["potongan_pct"],
            "potongan_rp": float(fee),
            "harga_bersih_rp": float(chk.decimal(price) - fee),
            "biaya_isi_rp": float(isi),
            "biaya_kemasan_rp": pack["biaya_per_unit_rp"],
            "biaya_saluran_per_unit_rp": channel["biaya_per_unit_rp"],
            "biaya_variabel_per_unit_rp": float(variable),
            "kontribusi_per_unit_rp": float(contribution),
            "kapasitas_unit_per_bulan": capacity,
            "laku_unit_per_bulan": sold_cap,
            "unit_per_bulan": units,
            "biaya_tetap_per_bulan_rp": fixed,
            "biaya_tetap_tunai_per_bulan_rp": fixed - hpp.penyusutan_per_bulan_rp,
            "jeda_bayar_bulan": channel["jeda_bayar_bulan"],
            "laba_per_bulan_rp": profit,
            "laba_per_unit_rp": float(Decimal(profit) / units) if units else None,
        }
        found.append(item)
    found.sort(
        key=lambda x: (
            -x["laba_per_bulan_rp"],
            -x["kontribusi_per_unit_rp"],
            order[(x["kemasan"], x["saluran"])],
        )
    )
    return PerbandinganSkenario(
        nama_produk=hpp.nama,
        satuan_hasil=hpp.satuan_hasil,
        skenario=tuple(Skenario(**x, peringkat=i) for i, x in enumerate(found, start=1)),
        ilustrasi=hpp.ilustrasi,
    )
