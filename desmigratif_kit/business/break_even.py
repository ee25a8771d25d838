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
from desmigratif_kit.business.records import Record
from desmigratif_kit.core import i18n

__all__ = ["TitikImpas", "break_even"]


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
