"""A monthly cash-flow plan (*rencana arus kas*): when does the start-up investment come back?

A family starts with savings from remittances (``start_capital_rp``), buys a tool (a press, a
still) and then sells month by month. :func:`cash_flow_plan` writes down, for each month of the
plan, the cash that comes in and goes out and the cash left, and finds the month in which the
investment has been earned back, or says plainly that it is not within the plan.

Rules of the plan, all visible in its table:

* units sold in a month = the normal sales × the season's percentage for that calendar month
  (``musim_pct``: 12 numbers, January to December, 100 = a normal month), rounded down to
  whole units, at most the capacity;
* cash in = sales − the channel's fee (``potongan_pct``), received ``jeda_bayar_bulan``
  months after the sale (a cooperative that pays the next month); what is still owed at the
  end is ``piutang_akhir_rp``;
* cash out = variable costs of the units sold + fixed costs paid in cash (no depreciation:
  the tool is paid once, as an investment) + the investments of that month;
* payback: the first month, from the month of the last investment on, in which everything
  earned since the start covers everything invested.

Each amount of a month is rounded to the rupiah, and balances are sums of the rounded amounts.

>>> rencana = cash_flow_plan(10_000_000, 6, unit_per_bulan=100, harga_rp=20_000,
...     biaya_variabel_per_unit_rp=12_000, biaya_tetap_per_bulan_rp=100_000,
...     investasi=[{"nama": "Alat press", "harga_rp": 3_000_000}])
>>> [b.arus_bersih_rp for b in rencana.bulan][:2]      # 100 × 8.000 − 100.000 (− 3.000.000)
[-2300000, 700000]
>>> rencana.bulan_balik_modal, rencana.saldo_akhir_rp
(5, 11200000)
>>> print(rencana.kesimpulan())
Modal investasi Rp 3.000.000 kembali pada bulan ke-5 (Mei).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import pandas as pd
from babel.dates import get_month_names

from desmigratif_kit.business import inputs as chk
from desmigratif_kit.business.records import Record
from desmigratif_kit.core import i18n

__all__ = [
    "BULAN_RENCANA_MAKS",
    "INVESTASI_KEYS",
    "BulanKas",
    "RencanaKas",
    "cash_flow_plan",
    "check_investasi",
    "check_musim",
    "nama_bulan",
]

BULAN_RENCANA_MAKS = 60
INVESTASI_KEYS = ("nama", "harga_rp", "bulan")
_EPS = 1e-9


def nama_bulan(
    bulan: int, tahun: int | None = None, lang: str | None = None, pendek: bool = False
) -> str:
    """A calendar month written out, with its year when known: ``Juli 2027``, ``July``;
    ``pendek=True`` abbreviates it for narrow tables (``Agu 2027``).

    >>> nama_bulan(7, 2027), nama_bulan(8, lang="en"), nama_bulan(8, 2027, pendek=True)
    ('Juli 2027', 'August', 'Agu 2027')
    """
    code = lang or i18n.get_language()
    width = "abbreviated" if pendek else "wide"
    name = get_month_names(width, locale=i18n.DATE_LOCALES[code])[bulan].rstrip(".")
    return f"{name} {tahun}" if tahun is not None else name


@dataclass(frozen=True)
class BulanKas(Record):
    """One month of the plan (``bulan_ke`` 1, 2, ...; ``bulan`` the calendar month 1-12)."""

    bulan_ke: int
    bulan: int
    tahun: int | None
    musim_pct: float
    unit_terjual: int
    penjualan_rp: int
    potongan_rp: int
    kas_masuk_rp: int
    biaya_variabel_rp: int
    biaya_tetap_rp: int
    investasi_rp: int
    kas_keluar_rp: int
    arus_bersih_rp: int
    saldo_rp: int

    def label(self, lang: str | None = None, pendek: bool = False) -> str:
        return nama_bulan(self.bulan, self.tahun, lang, pendek)


@dataclass(frozen=True)
class RencanaKas(Record):
    """The plan: its months, the payback month and what the plan says about cash."""

    _NESTED: ClassVar = {"bulan": BulanKas}

    modal_awal_rp: int
    total_investasi_rp: int
    bulan: tuple[BulanKas, ...]
    bulan_balik_modal: int | None
    saldo_akhir_rp: int
    saldo_terendah_rp: int
    bulan_saldo_terendah: int
    modal_kurang_rp: int
    piutang_akhir_rp: int
    ilustrasi: bool

    @property
    def balik_modal(self) -> bool:
        """True when the investment comes back within the plan."""
        return self.bulan_balik_modal is not None

    def _month(self, bulan_ke: int) -> BulanKas:
        return self.bulan[bulan_ke - 1]

    def kesimpulan(self, lang: str | None = None) -> str:
        """The plan in plain words: payback (or not), and a warning when cash runs short.

        >>> r = cash_flow_plan(1_000_000, 3, unit_per_bulan=10, harga_rp=20_000,
        ...     biaya_variabel_per_unit_rp=12_000, investasi=[{"nama": "Alat",
        ...     "harga_rp": 2_000_000}])
        >>> print(r.kesimpulan())
        Dalam 3 bulan rencana ini modal investasi Rp 2.000.000 belum kembali: masih kurang
        Rp 1.760.000. Perhatian: saldo kas turun sampai -Rp 920.000 pada bulan ke-1 (Januari).
        Modal awal perlu ditambah paling sedikit Rp 920.000, atau belanja dikurangi.
        """
        lines = []
        if not self.total_investasi_rp:
            lines.append(i18n.t("biz.cash.no_investment", lang))
        elif self.bulan_balik_modal is not None:
            month = self._month(self.bulan_balik_modal)
            lines.append(
                i18n.t(
                    "biz.cash.payback",
                    lang,
                    investasi=i18n.format_rp(self.total_investasi_rp),
                    n=month.bulan_ke,
                    bulan=month.label(lang),
                )
            )
        else:
            earned = sum(m.arus_bersih_rp + m.investasi_rp for m in self.bulan)
            lines.append(
                i18n.t(
                    "biz.cash.no_payback",
                    lang,
                    months=len(self.bulan),
                    investasi=i18n.format_rp(self.total_investasi_rp),
                    kurang=i18n.format_rp(self.total_investasi_rp - earned),
                )
            )
        if self.modal_kurang_rp > 0:
            month = self._month(self.bulan_saldo_terendah)
            lines.append(
                i18n.t(
                    "biz.cash.short",
                    lang,
                    saldo=i18n.format_rp(self.saldo_terendah_rp),
                    n=month.bulan_ke,
                    bulan=month.label(lang),
                    kurang=i18n.format_rp(self.modal_kurang_rp),
                )
            )
        return " ".join(lines)

    def tabel(self) -> pd.DataFrame:
        """One row per month (the columns of :class:`BulanKas`)."""
        return pd.DataFrame([m.to_dict() for m in self.bulan])


def check_investasi(value: Any, months: int = BULAN_RENCANA_MAKS) -> list[dict[str, Any]]:
    """The investments of a plan checked: ``None`` (none), one amount (bought in month 1) or
    rows ``{"nama", "harga_rp", "bulan"}`` (``bulan`` 1 to ``months``, default 1).

    >>> check_investasi(6_000_000)
    [{'nama': 'Investasi', 'harga_rp': 6000000, 'bulan': 1}]
    >>> check_investasi([{"nama": "Ketel", "harga_rp": 1, "bulan": 13}], 12)
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Investasi no. 1 (Ketel): Bulan ke-" di luar
    batas: diharapkan paling banyak 12, diberikan "13".
    """
    if value is None:
        return []
    if not isinstance(value, Sequence | Mapping) or isinstance(value, str):
        amount = chk.rp(value, "biz.field.investasi")
        return [{"nama": i18n.t("biz.field.investasi"), "harga_rp": amount, "bulan": 1}]
    rows = chk.sequence(value, "biz.field.investasi")
    checked = []
    for nomor, row in enumerate(rows, start=1):
        nama = row.get("nama", "") if isinstance(row, Mapping) else ""
        nama = nama if isinstance(nama, str) else ""

        def where(name: str, nama=nama, nomor=nomor) -> str:
            return chk.row_field("biz.field.investasi", nomor, nama.strip(), f"biz.field.{name}")

        chk.check_keys(row, INVESTASI_KEYS, where("kolom"))
        bulan = row.get("bulan")
        checked.append(
            {
                "nama": chk.text(row.get("nama"), where("nama")),
                "harga_rp": chk.rp(row.get("harga_rp"), where("harga_rp")),
                "bulan": 1
                if bulan is None
                else chk.whole(bulan, where("bulan"), min=1, max=months),
            }
        )
    return checked


def check_musim(value: Any) -> list[float]:
    """Seasonal sales: 12 percentages, January to December (100 = a normal month; 0-1000).

    >>> check_musim(None)[:3]
    [100, 100, 100]
    """
    if value is None:
        return [100] * 12
    items = chk.sequence(value, "biz.field.musim_pct", expected="biz.expected.twelve")
    if len(items) != 12:
        raise i18n.InputError(
            "input.unreadable",
            expected="biz.expected.twelve",
            given=len(items),
            field="biz.field.musim_pct",
        )
    names = get_month_names("wide", locale=i18n.DATE_LOCALES[i18n.get_language()])
    return [
        chk.pct(v, f"{i18n.t('biz.field.musim_pct')}: {names[m]}", max=1000)
        for m, v in enumerate(items, start=1)
    ]


def cash_flow_plan(
    start_capital_rp: float,
    months: int = 12,
    *,
    unit_per_bulan: int,
    harga_rp: float,
    biaya_variabel_per_unit_rp: float,
    biaya_tetap_per_bulan_rp: float = 0,
    potongan_pct: float = 0,
    investasi: Sequence[Mapping[str, Any]] | float | None = None,
    musim_pct: Sequence[float] | None = None,
    bulan_mulai: int = 1,
    tahun_mulai: int | None = None,
    kapasitas_unit_per_bulan: int | None = None,
    jeda_bayar_bulan: int = 0,
    ilustrasi: bool = False,
) -> RencanaKas:
    """Cash in and out, month by month, for ``months`` months (1-60), and the payback month.

    ``start_capital_rp``: the savings the business starts with; ``unit_per_bulan``: units sold
    in a normal month; ``harga_rp``: price per unit; ``potongan_pct``: the channel's fee;
    ``biaya_variabel_per_unit_rp``: materials, labour, energy, packaging, channel costs per
    unit; ``biaya_tetap_per_bulan_rp``: fixed costs paid in cash each month (without
    depreciation); ``investasi``: the tools bought, ``[{"nama", "harga_rp", "bulan"}]``
    (``bulan``: the month of the plan, default 1) or one amount bought in month 1;
    ``musim_pct``: 12 percentages, January to December (default 100 each);
    ``bulan_mulai``/``tahun_mulai``: the calendar month (1-12) and year of the plan's first
    month; ``kapasitas_unit_per_bulan``: the most that can be made in a month;
    ``jeda_bayar_bulan``: months between a sale and its payment; ``ilustrasi``: the figures are
    examples (shown under the chart). A
    :class:`~desmigratif_kit.business.scenarios.Skenario` gives most of these:
    ``cash_flow_plan(modal, **skenario.untuk_arus_kas())``.

    >>> r = cash_flow_plan(5_000_000, 12, unit_per_bulan=100, harga_rp=20_000,
    ...     biaya_variabel_per_unit_rp=12_000, musim_pct=[50] * 6 + [150] * 6,
    ...     kapasitas_unit_per_bulan=120, bulan_mulai=7, tahun_mulai=2027, jeda_bayar_bulan=1)
    >>> [(b.label(), b.unit_terjual, b.kas_masuk_rp) for b in r.bulan[5:7]]
    [('Desember 2027', 120, 2400000), ('Januari 2028', 50, 2400000)]
    >>> r.piutang_akhir_rp                                   # June 2028: 50 × 20.000
    1000000
    >>> cash_flow_plan(0, 0, unit_per_bulan=1, harga_rp=1, biaya_variabel_per_unit_rp=0)
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Lama rencana (bulan)" di luar batas:
    diharapkan paling sedikit 1, diberikan "0".
    """
    modal = chk.rp(start_capital_rp, "biz.field.modal_awal_rp")
    n = chk.whole(months, "biz.field.months", min=1, max=BULAN_RENCANA_MAKS)
    base = chk.whole(unit_per_bulan, "biz.field.unit_per_bulan", min=0)
    harga = chk.rp(harga_rp, "biz.field.harga_jual_rp")
    variabel = chk.rp(biaya_variabel_per_unit_rp, "biz.field.biaya_variabel_per_unit_rp")
    tetap = chk.bulatkan_rp(chk.rp(biaya_tetap_per_bulan_rp, "biz.field.biaya_tetap_tunai_rp"))
    fee = chk.pct(potongan_pct, "biz.field.potongan_pct", below=100)
    mulai = chk.whole(bulan_mulai, "biz.field.bulan_mulai", min=1, max=12)
    tahun = (
        None
        if tahun_mulai is None
        else chk.whole(tahun_mulai, "biz.field.tahun_mulai", min=2000, max=2100)
    )
    cap = None
    if kapasitas_unit_per_bulan is not None:
        cap = chk.whole(kapasitas_unit_per_bulan, "biz.field.kapasitas_unit_per_bulan", min=0)
    jeda = chk.whole(jeda_bayar_bulan, "biz.field.jeda_bayar_bulan", min=0, max=12)
    musim = check_musim(musim_pct)
    tools = check_investasi(investasi, n)
    ilustrasi = chk.flag(ilustrasi, "biz.field.ilustrasi")

    net_sales = []
    months_out = []
    saldo = chk.bulatkan_rp(modal)
    cumulative = 0
    payback = None
    last_tool = max((t["bulan"] for t in tools), default=0)
    total_tools = sum(chk.bulatkan_rp(t["harga_rp"]) for t in tools)
    for k in range(1, n + 1):
        index = mulai - 1 + k - 1
        bulan, year = index % 12 + 1, (None if tahun is None else tahun + index // 12)
        factor = musim[bulan - 1]
        units = math.floor(float(chk.decimal(base) * chk.decimal(factor) / 100) + _EPS)
        if cap is not None:
            units = min(units, cap)
        sales = chk.bulatkan_rp(units * chk.decimal(harga))
        potongan = chk.bulatkan_rp(sales * chk.decimal(fee) / 100)
        net_sales.append(sales - potongan)
        masuk = net_sales[k - 1 - jeda] if k > jeda else 0
        var_cost = chk.bulatkan_rp(units * chk.decimal(variabel))
        tools_now = sum(chk.bulatkan_rp(t["harga_rp"]) for t in tools if t["bulan"] == k)
        keluar = var_cost + tetap + tools_now
        net = masuk - keluar
        saldo += net
        cumulative += net
        if payback is None and total_tools and k >= last_tool and cumulative >= 0:
            payback = k
        months_out.append(
            BulanKas(
                bulan_ke=k,
                bulan=bulan,
                tahun=year,
                musim_pct=factor,
                unit_terjual=units,
                penjualan_rp=sales,
                potongan_rp=potongan,
                kas_masuk_rp=masuk,
                biaya_variabel_rp=var_cost,
                biaya_tetap_rp=tetap,
                investasi_rp=tools_now,
                kas_keluar_rp=keluar,
                arus_bersih_rp=net,
                saldo_rp=saldo,
            )
        )
    lowest = min(months_out, key=lambda m: (m.saldo_rp, m.bulan_ke))
    return RencanaKas(
        modal_awal_rp=chk.bulatkan_rp(modal),
        total_investasi_rp=total_tools,
        bulan=tuple(months_out),
        bulan_balik_modal=payback,
        saldo_akhir_rp=saldo,
        saldo_terendah_rp=lowest.saldo_rp,
        bulan_saldo_terendah=lowest.bulan_ke,
        modal_kurang_rp=max(0, -lowest.saldo_rp),
        piutang_akhir_rp=sum(net_sales[max(0, n - jeda) :]) if jeda else 0,
        ilustrasi=ilustrasi,
    )
