"""Loan offers side by side, in plain words: what each really costs and which is cheaper.

The *Kalkulator Pinjaman* app and the lesson put two offers next to each other (a lender's
flat rate against a bank's or the KUR's rate on what is still owed). The numbers come from
:mod:`.loans`; this module turns them into the sentences a village treasurer reads:

* :func:`offer_explanation`: one offer's true price (for a flat offer, the lesson of FACTS
  §4.2: :meth:`~desmigratif_kit.cooperative.loans.BungaEfektif.penjelasan`);
* :func:`offers_verdict`: which offer is cheaper, judged by the **effective** rate (the fair
  comparison when amounts or terms differ), with the difference in total interest.

>>> from desmigratif_kit.cooperative.loans import compare_offers
>>> tawaran = {
...     "Rentenir": dict(principal_rp=10_000_000, rate_pct=1.5, months=12, method="flat"),
...     "Koperasi": dict(principal_rp=10_000_000, rate_pct=1.5, months=12, method="menurun")}
>>> print(offers_verdict(compare_offers(tawaran)))  # doctest: +ELLIPSIS
Koperasi lebih murah: bunga efektifnya 1,5% per bulan, sedangkan Rentenir 2,64% per bulan. ...
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from desmigratif_kit.cooperative.checks import choice
from desmigratif_kit.cooperative.loans import (
    METODE,
    PERIODE_BUNGA,
    effective_rate_pct,
    loan_schedule,
    loan_summary,
)
from desmigratif_kit.core import i18n

__all__ = ["offer_explanation", "offers_verdict"]

_SAME_PCT = 0.005
"""Effective monthly rates closer than this (in percent points) are called equal."""


def offer_explanation(offer: Mapping[str, Any], lang: str | None = None) -> str:
    """What one offer really costs, in a few plain sentences (``offer``: the arguments of
    :func:`~desmigratif_kit.cooperative.loans.loan_schedule`, as in
    :func:`~desmigratif_kit.cooperative.loans.compare_offers`).

    A flat offer gets the key lesson: the rate is charged on the whole loan every month, so
    its effective rate is much higher. An offer on the balance (declining or annuity) says
    its effective rate and total interest.

    >>> print(offer_explanation(dict(principal_rp=25_000_000, rate_pct=6, months=24,
    ...     method="anuitas", rate_period="tahun"), "en"))  # doctest: +NORMALIZE_WHITESPACE
    Interest is charged on what is still owed: 0,5% a month, 6,17% a year with interest on
    interest. Instalment Rp 1.108.015 a month (the last Rp 1.108.021); total interest over 24
    months Rp 1.592.366.
    >>> offer_explanation(dict(principal_rp=0, rate_pct=1, months=12, method="flat"))
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Pokok pinjaman" di luar batas: diharapkan
    jumlah lebih dari Rp 0 dan paling banyak Rp 1.000.000.000.000, diberikan "0".
    """
    method = choice(offer.get("method"), "kop.field.method", METODE)
    period = choice(offer.get("rate_period", "bulan"), "kop.field.rate_period", PERIODE_BUNGA)
    args = (offer.get("principal_rp"), offer.get("rate_pct"), offer.get("months"))
    if method == "flat":
        return effective_rate_pct(*args, rate_period=period).penjelasan(lang)
    summary = loan_summary(loan_schedule(*args, method, period))
    if summary.total_bunga_rp == 0:
        return i18n.t("kop.effective.zero", lang)
    key = "kop.offer.explain_equal" if method == "anuitas" else "kop.offer.explain_declining"
    return i18n.t(
        key,
        lang,
        efektif=i18n.format_pct(summary.efektif_bulan_pct),
        tahunan=i18n.format_pct(summary.efektif_tahun_pct),
        pertama=i18n.format_rp(summary.angsuran_pertama_rp),
        terakhir=i18n.format_rp(summary.angsuran_terakhir_rp),
        bulan=i18n.format_number(summary.bulan),
        bunga=i18n.format_rp(summary.total_bunga_rp),
    )


def offers_verdict(table: pd.DataFrame, lang: str | None = None) -> str:
    """Which of two or more offers (a :func:`compare_offers` table) is cheapest, by the
    effective monthly rate, and how much less total interest it costs than the dearest.

    When the offers lend different amounts or for different terms, the sentence says so: then
    the effective rate is the fair comparison and the interest difference only a guide.

    >>> from desmigratif_kit.cooperative.loans import compare_offers
    >>> offers = {"A": dict(principal_rp=5_000_000, rate_pct=2, months=12, method="flat"),
    ...           "B": dict(principal_rp=5_000_000, rate_pct=3, months=12, method="menurun")}
    >>> print(offers_verdict(compare_offers(offers), "en"))  # doctest: +NORMALIZE_WHITESPACE
    B is cheaper: its effective rate is 3% a month, against 3,48% a month for A. For this loan
    that is Rp 225.000 less interest (Rp 975.000 instead of Rp 1.200.000).
    >>> offers["B"] = offers["A"]
    >>> print(offers_verdict(compare_offers(offers)))
    A dan B sama mahal: bunga efektif keduanya 3,48% per bulan.
    """
    needed = ["penawaran", "efektif_bulan_pct", "total_bunga_rp", "total_bayar_rp", "bulan"]
    absent = [c for c in needed if c not in table.columns]
    if absent or len(table) < 2:
        raise i18n.InputError(
            "input.required" if not absent else "input.not_found",
            expected="kop.expected.two_offers",
            given=", ".join(map(str, table.get("penawaran", pd.Series(dtype=str)))),
            field="kop.field.offers",
        )
    ordered = table.sort_values("efektif_bulan_pct", kind="stable").reset_index(drop=True)
    cheap, dear = ordered.iloc[0], ordered.iloc[-1]
    rate_cheap = i18n.format_pct(float(cheap["efektif_bulan_pct"]))
    rate_dear = i18n.format_pct(float(dear["efektif_bulan_pct"]))
    if float(dear["efektif_bulan_pct"]) - float(cheap["efektif_bulan_pct"]) < _SAME_PCT:
        names = i18n.t("kop.offer.and", lang, a=str(cheap["penawaran"]), b=str(dear["penawaran"]))
        return i18n.t("kop.offer.verdict_same", lang, names=names, efektif=rate_cheap)
    text = i18n.t(
        "kop.offer.verdict",
        lang,
        murah=str(cheap["penawaran"]),
        mahal=str(dear["penawaran"]),
        efektif_murah=rate_cheap,
        efektif_mahal=rate_dear,
    )
    principal = table["total_bayar_rp"] - table["total_bunga_rp"]
    same_loan = principal.nunique() == 1 and table["bulan"].nunique() == 1
    interest_cheap, interest_dear = int(cheap["total_bunga_rp"]), int(dear["total_bunga_rp"])
    if same_loan:
        return " ".join(
            [
                text,
                i18n.t(
                    "kop.offer.verdict_saving",
                    lang,
                    hemat=i18n.format_rp(interest_dear - interest_cheap),
                    bunga_murah=i18n.format_rp(interest_cheap),
                    bunga_mahal=i18n.format_rp(interest_dear),
                ),
            ]
        )
    return " ".join([text, i18n.t("kop.offer.verdict_different", lang)])
