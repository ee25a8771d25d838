"""Break-even (*titik impas*): how many units a month cover the fixed costs.

Each unit sold brings its *contribution* (price − variable cost per unit); the business breaks
even when the contributions of the month pay the month's fixed costs:
``units = fixed costs ÷ (price − variable cost)``, rounded **up** to whole units (selling one
unit fewer still leaves a loss).

>>> titik = break_even(200_000, 25_000, 14_700)
>>> titik.unit_per_bulan, titik.pendapatan_per_bulan_rp       # 200.000 / 10.300 = 19,4
(20, 500000)
>>> break_even(200_000, 14_000, 14_700)
Traceback (most recent call last):
...
desmigratif_kit.core.i18n.InputError: Nilai untuk "Harga jual per unit" di luar batas: diharapkan
lebih dari Rp 14.700 (biaya variabel per unit; di bawahnya setiap unit menambah rugi), diberikan
"Rp 14.000".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from desmigratif_kit.business import inputs as chk
from desmigratif_kit.business.pricing import harga_bersih_rp
from desmigratif_kit.business.records import Record
from desmigratif_kit.core import i18n

__all__ = ["TitikImpas", "break_even", "break_even_channel"]


@dataclass(frozen=True)
class TitikImpas(Record):
    """The break-even point of a month, and the figures it came from.

    ``unit_tepat`` is the exact quotient; ``unit_per_bulan`` the whole units to sell (rounded
    up); ``pendapatan_per_bulan_rp`` their revenue (``unit_per_bulan × harga_rp``) and
    ``pendapatan_tepat_rp`` the textbook figure (fixed costs ÷ contribution ratio), both
    rounded to the rupiah.
    """

    biaya_tetap_rp: float
    harga_rp: float
    biaya_variabel_rp: float
    kontribusi_per_unit_rp: float
    rasio_kontribusi_pct: float
    unit_tepat: float
    unit_per_bulan: int
    pendapatan_per_bulan_rp: int
    pendapatan_tepat_rp: int

    def laba_rp(self, unit: float) -> float:
        """Profit (negative: loss) of a month in which ``unit`` units are sold.

        >>> break_even(200_000, 25_000, 14_700).laba_rp(30)     # 30 × 10.300 − 200.000
        109000.0
        """
        unit = chk.number(unit, "biz.field.unit_per_bulan", min=0)
        return float(
            chk.decimal(unit) * chk.decimal(self.kontribusi_per_unit_rp)
            - chk.decimal(self.biaya_tetap_rp)
        )

    def kalimat(self, nama_unit: str | None = None, lang: str | None = None) -> str:
        """The break-even point in words (what the *Titik Impas* app says under its chart).

        >>> print(break_even(250_000, 29_440, 16_700).kalimat("botol"))
        Titik impas: jual paling sedikit 20 botol sebulan (pendapatan Rp 588.800) untuk
        menutup biaya tetap Rp 250.000. Setiap botol menyumbang Rp 12.740: harga bersih
        Rp 29.440 dikurangi biaya variabel Rp 16.700.
        >>> print(break_even(0, 25_000, 14_700).kalimat("botol", lang="en"))
        With no fixed costs every botol sold brings a profit of Rp 10.300.
        """
        unit = nama_unit or i18n.t("biz.chart.unit", lang)
        kontribusi = i18n.format_rp(chk.bulatkan_rp(self.kontribusi_per_unit_rp))
        if not self.biaya_tetap_rp:
            return i18n.t("biz.be.no_fixed", lang, unit=unit, kontribusi=kontribusi)
        return i18n.t(
            "biz.be.sentence",
            lang,
            n=i18n.format_number(self.unit_per_bulan),
            unit=unit,
            rp=i18n.format_rp(self.pendapatan_per_bulan_rp),
            tetap=i18n.format_rp(chk.bulatkan_rp(self.biaya_tetap_rp)),
            kontribusi=kontribusi,
            harga=i18n.format_rp(chk.bulatkan_rp(self.harga_rp)),
            variabel=i18n.format_rp(chk.bulatkan_rp(self.biaya_variabel_rp)),
        )

    def kalimat_laba(self, unit: int, nama_unit: str | None = None, lang: str | None = None) -> str:
        """What a month with ``unit`` units sold leaves, in words.

        >>> titik = break_even(250_000, 29_440, 16_700)
        >>> print(titik.kalimat_laba(40, "botol"))
        Terjual 40 botol sebulan: laba Rp 259.600.
        >>> print(titik.kalimat_laba(0, "botol"))
        Terjual 0 botol sebulan: rugi Rp 250.000, masih di bawah titik impas.
        """
        laba = chk.bulatkan_rp(self.laba_rp(unit))
        key = "biz.be.profit" if laba > 0 else ("biz.be.even" if laba == 0 else "biz.be.loss")
        return i18n.t(
            key,
            lang,
            n=i18n.format_number(unit),
            unit=nama_unit or i18n.t("biz.chart.unit", lang),
            rp=i18n.format_rp(abs(laba)),
        )

    def tabel(self, sampai_unit: int | None = None, titik: int = 21) -> pd.DataFrame:
        """Revenue, total cost and profit from 0 to ``sampai_unit`` units (default: twice the
        break-even, at least 10), ``titik`` evenly spaced whole numbers of units: the lines of
        the break-even chart. Columns ``unit``, ``pendapatan_rp``, ``biaya_total_rp``,
        ``laba_rp``.

        >>> break_even(200_000, 25_000, 14_700).tabel(40, titik=3)
           unit  pendapatan_rp  biaya_total_rp   laba_rp
        0     0            0.0        200000.0 -200000.0
        1    20       500000.0        494000.0    6000.0
        2    40      1000000.0        788000.0  212000.0
        """
        end = sampai_unit if sampai_unit is not None else max(10, 2 * self.unit_per_bulan)
        end = chk.whole(end, "biz.field.sampai_unit", min=1)
        count = chk.whole(titik, "biz.field.titik", min=2)
        units = sorted({round(end * i / (count - 1)) for i in range(count)})
        revenue = [u * self.harga_rp for u in units]
        cost = [self.biaya_tetap_rp + u * self.biaya_variabel_rp for u in units]
        return pd.DataFrame(
            {
                "unit": units,
                "pendapatan_rp": [float(v) for v in revenue],
                "biaya_total_rp": [float(v) for v in cost],
                "laba_rp": [float(r - c) for r, c in zip(revenue, cost, strict=True)],
            }
        )


def break_even(fixed_costs_rp: float, price_rp: float, variable_cost_rp: float) -> TitikImpas:
    """Units and revenue per month at which profit is zero.

    ``fixed_costs_rp``: fixed costs of a month (rent, depreciation, the market stall);
    ``price_rp``: the price one unit is sold for (after the channel's fee, when there is one);
    ``variable_cost_rp``: the cost that comes with each unit (materials, labour, energy,
    packaging). The price must be above the variable cost: otherwise each unit sold adds to the
    loss and no volume breaks even (``InputError``, naming both).

    >>> break_even(0, 25_000, 14_700).unit_per_bulan        # no fixed costs: from the first
    0
    >>> titik = break_even(300_000, 20_000, 14_000)          # 300.000 / 6.000 = 50 exactly
    >>> titik.unit_per_bulan, titik.unit_tepat, titik.rasio_kontribusi_pct
    (50, 50.0, 30.0)
    >>> break_even(-1, 20_000, 14_000)
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Biaya tetap per bulan" di luar batas:
    diharapkan paling sedikit Rp 0, diberikan "-Rp 1".
    """
    tetap = chk.rp(fixed_costs_rp, "biz.field.biaya_tetap_per_bulan_rp")
    harga = chk.rp(price_rp, "biz.field.harga_jual_rp", min=None, above=0)
    variabel = chk.rp(variable_cost_rp, "biz.field.biaya_variabel_per_unit_rp")
    if harga <= variabel:
        raise i18n.InputError(
            "input.out_of_range",
            expected="biz.expected.price_above_variable",
            min=i18n.format_rp(variabel, 0 if float(variabel).is_integer() else 2),
            given=i18n.format_rp(harga, 0 if float(harga).is_integer() else 2),
            field="biz.field.harga_jual_rp",
        )
    kontribusi = chk.decimal(harga) - chk.decimal(variabel)
    tepat = chk.decimal(tetap) / kontribusi
    units = math.ceil(round(tepat, 9))
    rasio = kontribusi / chk.decimal(harga)
    return TitikImpas(
        biaya_tetap_rp=tetap,
        harga_rp=harga,
        biaya_variabel_rp=variabel,
        kontribusi_per_unit_rp=float(kontribusi),
        rasio_kontribusi_pct=float(rasio * 100),
        unit_tepat=float(tepat),
        unit_per_bulan=units,
        pendapatan_per_bulan_rp=chk.bulatkan_rp(units * chk.decimal(harga)),
        pendapatan_tepat_rp=chk.bulatkan_rp(chk.decimal(tetap) / rasio),
    )


def break_even_channel(
    fixed_costs_rp: float,
    price_rp: float,
    variable_cost_rp: float,
    potongan_pct: float = 0,
) -> TitikImpas:
    """:func:`break_even` for a price that a sales channel cuts by ``potongan_pct`` (a
    marketplace's 8% commission): the break-even uses what the seller keeps,
    ``price × (1 − fee)``. When even the whole price is not above the variable cost, or the
    fee takes it below, the error names the price typed, the fee and what is left.

    >>> titik = break_even_channel(250_000, 32_000, 16_700, 8)   # 250.000 / (29.440 − 16.700)
    >>> titik.harga_rp, titik.unit_per_bulan
    (29440.0, 20)
    >>> break_even_channel(250_000, 18_000, 16_700, 8)
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Harga jual per unit" di luar batas:
    diharapkan harga yang setelah potongan saluran 8% masih lebih dari Rp 16.700 (biaya
    variabel per unit); sekarang tersisa Rp 16.560, jadi setiap unit menambah rugi, diberikan
    "Rp 18.000".
    """
    harga = chk.rp(price_rp, "biz.field.harga_jual_rp", min=None, above=0)
    fee = chk.pct(potongan_pct, "biz.field.potongan_pct", below=100)
    variabel = chk.rp(variable_cost_rp, "biz.field.biaya_variabel_per_unit_rp")
    if not fee:
        return break_even(fixed_costs_rp, harga, variabel)
    bersih = harga_bersih_rp(harga, fee)
    if bersih <= variabel:
        raise i18n.InputError(
            "input.out_of_range",
            expected="biz.expected.net_above_variable",
            pct=i18n.format_pct(fee),
            min=i18n.format_rp(variabel, 0 if float(variabel).is_integer() else 2),
            net=i18n.format_rp(chk.bulatkan_rp(bersih)),
            given=i18n.format_rp(harga, 0 if float(harga).is_integer() else 2),
            field="biz.field.harga_jual_rp",
        )
    return break_even(fixed_costs_rp, bersih, variabel)
