"""Selling price from a margin or from a markup, and the trap between the two.

*Margin* is the profit as a share of the **selling price**; *markup* (*mark-up*, *keuntungan
dari HPP*) is the profit as a share of the **cost** (HPP). With an HPP of Rp 10.000, a 30%
markup gives Rp 13.000, but its margin is only Rp 3.000 / Rp 13.000 = 23,1%; a 30% margin
needs Rp 14.286 (Rp 10.000 / 0,7). Mixing them up is a common, costly mistake
(:func:`margin_vs_markup` says it in one line, in the catalogs).

Prices are rounded **up** (to the rupiah, or to ``kelipatan_rp`` such as Rp 500): rounding
down would sell below the margin asked for.

>>> price_from_markup(10_000, 30), price_from_margin(10_000, 30)
(13000, 14286)
>>> round(margin_pct(10_000, 13_000), 1), round(markup_pct(10_000, 14_286), 1)
(23.1, 42.9)
>>> price_from_margin(10_000, 100)
Traceback (most recent call last):
...
desmigratif_kit.core.i18n.InputError: Nilai untuk "Margin (% dari harga jual)" di luar batas:
diharapkan kurang dari 100%, diberikan "100%".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desmigratif_kit.business import inputs as chk
from desmigratif_kit.business.records import Record
from desmigratif_kit.core import i18n

__all__ = [
    "AnalisisHarga",
    "analisis_harga",
    "harga_bersih_rp",
    "margin_for_markup",
    "margin_pct",
    "margin_vs_markup",
    "markup_for_margin",
    "markup_pct",
    "price_from_margin",
    "price_from_markup",
]


def _hpp(hpp_rp: Any) -> float:
    return chk.rp(hpp_rp, "biz.field.hpp_rp", min=None, above=0)


def _step(kelipatan_rp: Any) -> int:
    return chk.whole(kelipatan_rp, "biz.field.kelipatan_rp", min=1)


def price_from_margin(hpp_rp: float, margin_pct: float, kelipatan_rp: int = 1) -> int:
    """The selling price whose margin (profit ÷ price) is ``margin_pct``: HPP ÷ (1 − margin).

    Rounded up to a multiple of ``kelipatan_rp`` (default: the rupiah). A margin of 100% or
    more is impossible (the price would have to be infinite) and raises ``InputError``.

    >>> price_from_margin(15_200, 30)                  # 15.200 / 0,70 = 21.714,29
    21715
    >>> price_from_margin(15_200, 30, kelipatan_rp=500)
    22000
    >>> price_from_margin(0, 30)
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "HPP per unit" di luar batas: diharapkan
    lebih dari Rp 0, diberikan "Rp 0".
    """
    hpp = _hpp(hpp_rp)
    margin = chk.pct(margin_pct, "biz.field.margin_pct", below=100)
    price = chk.decimal(hpp) / (1 - chk.decimal(margin) / 100)
    return chk.naikkan_rp(price, _step(kelipatan_rp))


def price_from_markup(hpp_rp: float, markup_pct: float, kelipatan_rp: int = 1) -> int:
    """The selling price that is ``markup_pct`` above the HPP: HPP × (1 + markup).

    Rounded up to a multiple of ``kelipatan_rp`` (default: the rupiah).

    >>> price_from_markup(15_200, 30)                  # 15.200 × 1,30
    19760
    >>> price_from_markup(15_200, -10)
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Markup (% dari HPP)" di luar batas:
    diharapkan paling sedikit 0%, diberikan "-10%".
    """
    hpp = _hpp(hpp_rp)
    markup = chk.pct(markup_pct, "biz.field.markup_pct")
    price = chk.decimal(hpp) * (1 + chk.decimal(markup) / 100)
    return chk.naikkan_rp(price, _step(kelipatan_rp))


def margin_pct(hpp_rp: float, harga_rp: float) -> float:
    """The margin of a price: (price − HPP) ÷ price × 100. Negative when the price is below
    the HPP (a loss on every unit).

    >>> margin_pct(15_200, 19_000)
    20.0
    >>> margin_pct(15_200, 0)
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Harga jual per unit" di luar batas:
    diharapkan lebih dari Rp 0, diberikan "Rp 0".
    """
    hpp = _hpp(hpp_rp)
    harga = chk.rp(harga_rp, "biz.field.harga_jual_rp", min=None, above=0)
    return float((chk.decimal(harga) - chk.decimal(hpp)) / chk.decimal(harga) * 100)


def markup_pct(hpp_rp: float, harga_rp: float) -> float:
    """The markup of a price: (price − HPP) ÷ HPP × 100.

    >>> markup_pct(15_200, 19_000)
    25.0
    """
    hpp = _hpp(hpp_rp)
    harga = chk.rp(harga_rp, "biz.field.harga_jual_rp", min=None, above=0)
    return float((chk.decimal(harga) - chk.decimal(hpp)) / chk.decimal(hpp) * 100)


def markup_for_margin(margin_pct: float) -> float:
    """The markup that gives a margin: m ÷ (100 − m) × 100 (a 30% margin is a 42,9% markup).

    >>> round(markup_for_margin(30), 2), markup_for_margin(50)
    (42.86, 100.0)
    """
    margin = chk.decimal(chk.pct(margin_pct, "biz.field.margin_pct", below=100))
    return float(margin / (100 - margin) * 100)


def margin_for_markup(markup_pct: float) -> float:
    """The margin a markup gives: k ÷ (100 + k) × 100 (a 30% markup is a 23,1% margin).

    >>> round(margin_for_markup(30), 2), margin_for_markup(100)
    (23.08, 50.0)
    """
    markup = chk.decimal(chk.pct(markup_pct, "biz.field.markup_pct"))
    return float(markup / (100 + markup) * 100)


def margin_vs_markup(lang: str | None = None) -> str:
    """One line on the difference between margin and markup, in ``lang`` (default: current).

    >>> margin_vs_markup("en")[:60]
    'Margin is the profit as a share of the selling price; markup'
    """
    return i18n.t("biz.price.margin_vs_markup", lang)


def harga_bersih_rp(harga_rp: float, potongan_pct: float = 0) -> float:
    """What the seller keeps of a price after the channel's fee (a marketplace's commission, a
    shop's consignment share): price × (1 − fee), exact (rounded when shown).

    >>> harga_bersih_rp(32_000, 8)                     # 32.000 − 2.560
    29440.0
    >>> harga_bersih_rp(32_000, 100)
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Potongan saluran (% dari harga)" di luar
    batas: diharapkan kurang dari 100%, diberikan "100%".
    """
    harga = chk.rp(harga_rp, "biz.field.harga_jual_rp", min=None, above=0)
    fee = chk.pct(potongan_pct, "biz.field.potongan_pct", below=100)
    return float(chk.decimal(harga) * (1 - chk.decimal(fee) / 100))


@dataclass(frozen=True)
class AnalisisHarga(Record):
    """One profit percentage read both ways, side by side (the *Kalkulator HPP* shows it), and
    optionally the price the seller plans to ask.

    ``harga_margin_rp`` is the price whose margin is ``persen`` (profit ÷ price);
    ``harga_markup_rp`` the price ``persen`` above the HPP, whose real margin is only
    ``margin_markup_pct``. ``laba_*_rp`` are the profits per unit at those prices. The planned
    price ``harga_rencana_rp`` (``None`` when not given) has its profit, margin and markup; a
    negative profit means every unit sold at that price loses money.
    """

    hpp_rp: float
    persen: float
    kelipatan_rp: int
    harga_margin_rp: int
    laba_margin_rp: float
    markup_margin_pct: float
    harga_markup_rp: int
    laba_markup_rp: float
    margin_markup_pct: float
    harga_rencana_rp: float | None
    laba_rencana_rp: float | None
    margin_rencana_pct: float | None
    markup_rencana_pct: float | None

    @property
    def rugi(self) -> bool:
        """True when the planned price is below the HPP."""
        return self.laba_rencana_rp is not None and self.laba_rencana_rp < 0


def analisis_harga(
    hpp_rp: float,
    persen: float,
    kelipatan_rp: int = 1,
    harga_rencana_rp: float | None = None,
) -> AnalisisHarga:
    """The price for a profit of ``persen`` read as a margin and as a markup, and what a
    planned price gives (the margin-versus-markup trap, in numbers).

    >>> a = analisis_harga(15_200, 30)
    >>> a.harga_margin_rp, a.harga_markup_rp, round(a.margin_markup_pct, 1)
    (21715, 19760, 23.1)
    >>> a = analisis_harga(15_200, 30, kelipatan_rp=500, harga_rencana_rp=19_000)
    >>> a.harga_margin_rp, a.laba_rencana_rp, a.margin_rencana_pct, a.markup_rencana_pct
    (22000, 3800.0, 20.0, 25.0)
    >>> analisis_harga(15_200, 30, harga_rencana_rp=14_000).rugi
    True
    >>> analisis_harga(15_200, 100)
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Margin (% dari harga jual)" di luar batas:
    diharapkan kurang dari 100%, diberikan "100%".
    """
    hpp = _hpp(hpp_rp)
    step = _step(kelipatan_rp)
    by_margin = price_from_margin(hpp, persen, step)
    by_markup = price_from_markup(hpp, persen, step)
    planned = None
    if harga_rencana_rp is not None:
        planned = chk.rp(harga_rencana_rp, "biz.field.harga_rencana_rp", min=None, above=0)
    h = chk.decimal(hpp)
    return AnalisisHarga(
        hpp_rp=hpp,
        persen=chk.pct(persen, "biz.field.margin_pct"),
        kelipatan_rp=step,
        harga_margin_rp=by_margin,
        laba_margin_rp=float(by_margin - h),
        markup_margin_pct=markup_pct(hpp, by_margin),
        harga_markup_rp=by_markup,
        laba_markup_rp=float(by_markup - h),
        margin_markup_pct=margin_pct(hpp, by_markup),
        harga_rencana_rp=planned,
        laba_rencana_rp=None if planned is None else float(chk.decimal(planned) - h),
        margin_rencana_pct=None if planned is None else margin_pct(hpp, planned),
        markup_rencana_pct=None if planned is None else markup_pct(hpp, planned),
    )
