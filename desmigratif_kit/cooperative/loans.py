"""Loan schedules (flat, declining balance, annuity) and what a flat rate really costs.

FACTS §4.2: cooperatives and informal lenders usually quote a **flat** rate, charged every
month on the original principal although the debt shrinks with each instalment; banks and the
KUR quote an **effective** rate, charged on what is still owed. The same number means two very
different prices: 1.5 % a month flat over 12 months costs as much as 2.64 % a month on the
balance (31.7 % a year nominal, 36.8 % effective annual).

* :func:`loan_schedule`: one row a month, in whole rupiah, the principal repaid exactly;
* :func:`effective_rate_pct`: the effective rate of a flat loan, with a plain-words
  explanation (:meth:`BungaEfektif.penjelasan`);
* :func:`monthly_irr_pct`: the effective monthly rate of any schedule (its internal rate of
  return); :func:`loan_summary` and :func:`compare_offers` for offers side by side.

A yearly rate (``rate_period="tahun"``) is a nominal annual rate: the monthly rate is a
twelfth of it, as banks and the KUR compute instalments (6 % a year is 0.5 % a month).

>>> jadwal = loan_schedule(10_000_000, 1.5, 12, "flat")
>>> int(jadwal.loc[0, "angsuran"]), int(jadwal["bunga"].sum())
(983333, 1800000)
>>> round(effective_rate_pct(10_000_000, 1.5, 12).efektif_bulan_pct, 2)
2.64
>>> loan_schedule(10_000_000, 1.5, 0, "flat")
Traceback (most recent call last):
...
desmigratif_kit.core.i18n.InputError: Nilai untuk "Jangka waktu (bulan)" di luar batas:
diharapkan bilangan bulat 1 sampai 360 bulan, diberikan "0".
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import pandas as pd

from desmigratif_kit.cooperative.checks import (
    amount_rp,
    as_fraction,
    choice,
    pct,
    round_rp,
    whole_months,
)
from desmigratif_kit.core import i18n

__all__ = [
    "KOLOM_JADWAL",
    "METODE",
    "PERIODE_BUNGA",
    "BungaEfektif",
    "RingkasanPinjaman",
    "compare_offers",
    "effective_rate_pct",
    "loan_schedule",
    "loan_summary",
    "monthly_irr_pct",
    "monthly_rate",
]

METODE = {
    "flat": ["tetap", "bunga flat", "bunga tetap"],
    "menurun": ["efektif", "bunga efektif", "bunga menurun", "sliding", "declining"],
    "anuitas": ["annuity", "bunga anuitas"],
}
"""Interest methods (canonical name: other accepted spellings)."""
PERIODE_BUNGA = {
    "bulan": ["per bulan", "bulanan", "month", "monthly", "per month"],
    "tahun": ["per tahun", "tahunan", "pa", "p.a.", "year", "yearly", "per year", "annual"],
}
"""The period a rate is quoted for."""
KOLOM_JADWAL = ("bulan", "angsuran_pokok", "bunga", "angsuran", "sisa_pokok")
"""Columns of a loan schedule (every amount in whole rupiah)."""


def monthly_rate(rate_pct: Any, rate_period: str = "bulan") -> Fraction:
    """The monthly rate as an exact fraction (0.015 for 1.5 % a month, 0.005 for 6 % a year).

    >>> monthly_rate(6, "tahun"), monthly_rate("1,5", "bulan")
    (Fraction(1, 200), Fraction(3, 200))
    >>> monthly_rate(150, "tahun")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Bunga (% per tahun)" di luar batas:
    diharapkan bunga 0% sampai 100% per tahun, diberikan "150".
    """
    period = choice(rate_period, "kop.field.rate_period", PERIODE_BUNGA)
    rate = pct(rate_pct, f"kop.field.rate_{period}", expected=f"kop.expected.rate_{period}")
    monthly = as_fraction(rate) / 100
    return monthly / 12 if period == "tahun" else monthly


def _cumulative_shares(total: int, months: int) -> list[int]:
    """Equal shares of ``total`` in whole rupiah: month k gets round(k·total/n) minus
    round((k-1)·total/n), so every share is total/n within one rupiah and they add up exactly."""
    marks = [round_rp(Fraction(total * k, months)) for k in range(months + 1)]
    return [marks[k] - marks[k - 1] for k in range(1, months + 1)]


def _annuity_payment(principal: int, rate: Fraction, months: int) -> float:
    """The exact (unrounded) equal instalment, the formula of numpy-financial's ``pmt``."""
    if rate == 0:
        return principal / months
    r = float(rate)
    return principal * r / (1 - (1 + r) ** -months)


def loan_schedule(
    principal_rp: Any,
    rate_pct: Any,
    months: Any,
    method: str,
    rate_period: str = "bulan",
) -> pd.DataFrame:
    """A loan's repayment schedule: one row a month, every amount in whole rupiah.

    ``method``:

    * ``"flat"``: interest every month on the original principal (``principal x rate``, the
      same every month); principal in equal parts; the instalment is the same every month
      except the last, which takes the rupiah left over by rounding;
    * ``"menurun"`` (declining balance, *bunga efektif*): equal principal parts, interest on
      what is still owed, so the instalment falls month by month; the principal part of month
      k is round(k·P/n) − round((k−1)·P/n), so no part is off by more than one rupiah;
    * ``"anuitas"``: equal instalments (numpy-financial's ``pmt``, rounded to the rupiah),
      interest on what is still owed, the rest repays principal; the last row repays what is
      left, so it may differ from the others by a few rupiah. (Only where rounding up,
      compounded over a long and dear loan, would repay it early is ``pmt`` rounded down.)

    ``rate_pct`` is 0 to 100 per ``rate_period`` (``"bulan"`` or ``"tahun"``, a nominal
    annual rate: a twelfth of it a month); ``months`` 1 to 360; ``principal_rp`` more than
    zero (rounded to the rupiah). Columns: ``bulan`` (1, 2, ...), ``angsuran_pokok``,
    ``bunga``, ``angsuran`` (= pokok + bunga), ``sisa_pokok`` (after the payment: 0 in the
    last row); all ``int64``. The principal parts add up to the principal exactly.

    FACTS §4.2: Rp 10 million, 12 months, 1.5 % a month flat: 833,333 + 150,000 = 983,333 a
    month; KUR Rp 25 million, 24 months, 6 % a year: annuity 1,108,015 a month; declining
    balance first 1,041,667 + 125,000 = 1,166,667.

    >>> loan_schedule(25_000_000, 6, 24, "anuitas", "tahun").loc[0, "angsuran"]
    np.int64(1108015)
    >>> loan_schedule(25_000_000, 6, 24, "menurun", "tahun").iloc[[0, -1]]
        bulan  angsuran_pokok   bunga  angsuran  sisa_pokok
    0       1         1041667  125000   1166667    23958333
    23     24         1041667    5208   1046875           0
    >>> loan_schedule(10_000_000, 1.5, 12, "harian")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Cara menghitung bunga" tidak ditemukan:
    diharapkan salah satu dari: flat, menurun, anuitas, diberikan "harian".
    """
    principal = amount_rp(principal_rp, "kop.field.principal")
    n = whole_months(months, "kop.field.months")
    kind = choice(method, "kop.field.method", METODE)
    rate = monthly_rate(rate_pct, rate_period)
    if kind == "flat":
        rows = _flat(principal, rate, n)
    elif kind == "menurun":
        rows = _declining(principal, rate, n)
    else:
        rows = _annuity(principal, rate, n)
    df = pd.DataFrame(rows, columns=["bulan", "angsuran_pokok", "bunga"], dtype="int64")
    df["angsuran"] = df["angsuran_pokok"] + df["bunga"]
    df["sisa_pokok"] = principal - df["angsuran_pokok"].cumsum()
    return df


def _flat(principal: int, rate: Fraction, n: int) -> list[tuple[int, int, int]]:
    part = round_rp(Fraction(principal, n))
    if part * (n - 1) > principal:  # tiny loans: rounding up n-1 times would overpay
        part = principal // n
    interest = round_rp(principal * rate)
    return [(k, part if k < n else principal - part * (n - 1), interest) for k in range(1, n + 1)]


def _declining(principal: int, rate: Fraction, n: int) -> list[tuple[int, int, int]]:
    rows, balance = [], principal
    for k, part in enumerate(_cumulative_shares(principal, n), start=1):
        rows.append((k, part, round_rp(balance * rate)))
        balance -= part
    return rows


def _annuity(principal: int, rate: Fraction, n: int) -> list[tuple[int, int, int]]:
    exact = _annuity_payment(principal, rate, n)
    payment = round_rp(exact)
    rows = _annuity_rows(principal, rate, n, payment)
    if payment > exact and any(part + interest < payment for _, part, interest in rows[:-1]):
        # Rounding up, compounded over a long, dear loan, would repay it months early:
        # round down instead, and let the last instalment take what is left.
        rows = _annuity_rows(principal, rate, n, math.floor(exact))
    return rows


def _annuity_rows(
    principal: int, rate: Fraction, n: int, payment: int
) -> list[tuple[int, int, int]]:
    rows, balance = [], principal
    for k in range(1, n + 1):
        interest = round_rp(balance * rate)
        part = balance if k == n else max(0, min(payment - interest, balance))
        rows.append((k, part, interest))
        balance -= part
    return rows


# --- what a loan really costs ----------------------------------------------------------------


def monthly_irr_pct(principal_rp: Any, payments: Sequence[float]) -> float:
    """The effective monthly rate (%) of a loan: the rate at which the ``payments`` (one a
    month, the first a month after the money is received) repay ``principal_rp`` exactly,
    i.e. the loan's internal rate of return. Zero when the payments add up to the principal.

    >>> round(monthly_irr_pct(25_000_000, [1_108_015.26] * 24), 4)
    0.5
    >>> monthly_irr_pct(1_000_000, [100_000] * 5)
    Traceback (most recent call last):
    ...
    ValueError: the payments (500000) do not repay the principal (1000000)
    """
    principal = float(amount_rp(principal_rp, "kop.field.principal", whole=False))
    flows = [float(p) for p in payments]
    if any(p < 0 for p in flows) or sum(flows) < principal - 1e-9:
        raise ValueError(
            f"the payments ({sum(flows):.0f}) do not repay the principal ({principal:.0f})"
        )

    def excess(rate: float) -> float:  # present value of the payments minus the principal
        factor, total = 1.0, 0.0
        for payment in flows:
            factor /= 1 + rate
            total += payment * factor
        return total - principal

    low, high = 0.0, 1.0
    while excess(high) > 0:
        high *= 2
    for _ in range(200):
        middle = (low + high) / 2
        if excess(middle) > 0:
            low = middle
        else:
            high = middle
        if high - low < 1e-15:
            break
    return (low + high) / 2 * 100


@dataclass(frozen=True)
class BungaEfektif:
    """What a flat rate really costs (:func:`effective_rate_pct`); rates in percent.

    ``efektif_tahun_nominal_pct`` is 12 x the monthly rate (how banks quote a yearly rate);
    ``efektif_tahun_pct`` the effective annual rate, with interest on interest.
    """

    pokok_rp: int
    bulan: int
    flat_bulan_pct: float
    angsuran_rp: int
    total_bunga_rp: int
    efektif_bulan_pct: float

    @property
    def flat_tahun_pct(self) -> float:
        """The flat rate for a year, as it is usually advertised (12 x the monthly rate)."""
        return self.flat_bulan_pct * 12

    @property
    def efektif_tahun_nominal_pct(self) -> float:
        return self.efektif_bulan_pct * 12

    @property
    def efektif_tahun_pct(self) -> float:
        return ((1 + self.efektif_bulan_pct / 100) ** 12 - 1) * 100

    @property
    def kali_lipat(self) -> float:
        """How many times the flat rate the effective rate is (1.76 for FACTS' example)."""
        if self.flat_bulan_pct == 0:
            return 1.0
        return self.efektif_bulan_pct / self.flat_bulan_pct

    def penjelasan(self, lang: str | None = None) -> str:
        """The lesson in plain words (catalog ``kop.effective.explain``), in ``lang``.

        >>> print(effective_rate_pct(10_000_000, 1.5, 12).penjelasan("en"))  # doctest: +ELLIPSIS
        A flat rate of 1,5% a month is charged every month on the whole Rp 10.000.000 ...
        """
        if self.flat_bulan_pct == 0:
            return i18n.t("kop.effective.zero", lang)
        return i18n.t(
            "kop.effective.explain",
            lang,
            flat=i18n.format_pct(self.flat_bulan_pct),
            pokok=i18n.format_rp(self.pokok_rp),
            bulan=i18n.format_number(self.bulan),
            angsuran=i18n.format_rp(self.angsuran_rp),
            bunga=i18n.format_rp(self.total_bunga_rp),
            efektif=i18n.format_pct(self.efektif_bulan_pct, 2),
            flat_tahun=i18n.format_pct(self.flat_tahun_pct),
            nominal=i18n.format_pct(self.efektif_tahun_nominal_pct, 1),
            tahunan=i18n.format_pct(self.efektif_tahun_pct, 1),
            kali=i18n.format_number(self.kali_lipat, 2),
        )


def effective_rate_pct(
    principal_rp: Any, flat_rate_pct: Any, months: Any, rate_period: str = "bulan"
) -> BungaEfektif:
    """The equivalent effective rate of a flat loan: the rate on the outstanding balance
    that the same instalments pay (the internal rate of return of its schedule in rupiah).

    FACTS §4.2: Rp 10 million, 12 months, 1.5 % a month flat, instalment Rp 983,333, is
    2.64 % a month effective, 31.7 % a year nominal, 36.8 % effective annual: 1.76 times the
    flat rate.

    >>> hasil = effective_rate_pct(10_000_000, 1.5, 12)
    >>> [round(x, 1) for x in (hasil.efektif_bulan_pct, hasil.efektif_tahun_nominal_pct,
    ...                        hasil.efektif_tahun_pct, hasil.kali_lipat)]
    [2.6, 31.7, 36.8, 1.8]
    >>> effective_rate_pct(-1, 1.5, 12)
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Pokok pinjaman" di luar batas: diharapkan
    jumlah lebih dari Rp 0 dan paling banyak Rp 1.000.000.000.000, diberikan "-1".
    """
    schedule = loan_schedule(principal_rp, flat_rate_pct, months, "flat", rate_period)
    principal = int(schedule["angsuran_pokok"].sum())
    rate = float(monthly_rate(flat_rate_pct, rate_period)) * 100
    return BungaEfektif(
        pokok_rp=principal,
        bulan=len(schedule),
        flat_bulan_pct=rate,
        angsuran_rp=int(schedule.loc[0, "angsuran"]),
        total_bunga_rp=int(schedule["bunga"].sum()),
        efektif_bulan_pct=monthly_irr_pct(principal, schedule["angsuran"].tolist()),
    )


@dataclass(frozen=True)
class RingkasanPinjaman:
    """The totals of a schedule (:func:`loan_summary`); amounts in rupiah, rates in percent."""

    pokok_rp: int
    bulan: int
    angsuran_pertama_rp: int
    angsuran_terakhir_rp: int
    angsuran_terbesar_rp: int
    total_bunga_rp: int
    total_bayar_rp: int
    efektif_bulan_pct: float

    @property
    def efektif_tahun_pct(self) -> float:
        """The effective annual rate (with interest on interest)."""
        return ((1 + self.efektif_bulan_pct / 100) ** 12 - 1) * 100


def loan_summary(schedule: pd.DataFrame) -> RingkasanPinjaman:
    """Totals of a schedule from :func:`loan_schedule`, with its effective monthly rate.

    >>> s = loan_summary(loan_schedule(25_000_000, 6, 24, "anuitas", "tahun"))
    >>> s.total_bunga_rp, round(s.efektif_bulan_pct, 3)
    (1592366, 0.5)
    """
    missing = [c for c in KOLOM_JADWAL if c not in schedule.columns]
    if missing or schedule.empty:
        raise i18n.InputError(
            "input.not_found",
            expected="expected.choice",
            choices=", ".join(KOLOM_JADWAL),
            given=", ".join(map(str, schedule.columns)),
            field="kop.field.schedule",
        )
    principal = int(schedule["angsuran_pokok"].sum())
    payments = schedule["angsuran"].tolist()
    return RingkasanPinjaman(
        pokok_rp=principal,
        bulan=len(schedule),
        angsuran_pertama_rp=int(payments[0]),
        angsuran_terakhir_rp=int(payments[-1]),
        angsuran_terbesar_rp=int(max(payments)),
        total_bunga_rp=int(schedule["bunga"].sum()),
        total_bayar_rp=int(sum(payments)),
        efektif_bulan_pct=monthly_irr_pct(principal, payments),
    )


def compare_offers(offers: Mapping[str, Mapping[str, Any]]) -> pd.DataFrame:
    """Loan offers side by side: one row per offer, in the order given.

    ``offers`` maps a name (``"KUR PMI"``, ``"Rentenir"``) to the arguments of
    :func:`loan_schedule` (``principal_rp``, ``rate_pct``, ``months``, ``method``, optional
    ``rate_period``). Columns: ``penawaran``, ``metode``, ``bunga_pct``, ``periode_bunga``,
    ``bulan``, ``angsuran_pertama_rp``, ``angsuran_terakhir_rp``, ``total_bunga_rp``,
    ``total_bayar_rp``, ``efektif_bulan_pct``, ``efektif_tahun_pct``.

    >>> df = compare_offers({
    ...     "Koperasi": dict(principal_rp=10_000_000, rate_pct=1.5, months=12, method="flat"),
    ...     "Bank": dict(principal_rp=10_000_000, rate_pct=18, months=12, method="anuitas",
    ...                  rate_period="tahun")})
    >>> df[["penawaran", "total_bunga_rp"]].values.tolist()
    [['Koperasi', 1800000], ['Bank', 1001599]]
    """
    rows = []
    for name, offer in offers.items():
        known = {"principal_rp", "rate_pct", "months", "method", "rate_period"}
        unknown = sorted(set(offer) - known)
        if unknown:
            raise i18n.InputError(
                "input.not_found",
                expected="expected.choice",
                choices=", ".join(sorted(known)),
                given=", ".join(unknown),
                field=str(name),
            )
        period = choice(offer.get("rate_period", "bulan"), "kop.field.rate_period", PERIODE_BUNGA)
        schedule = loan_schedule(
            offer.get("principal_rp"),
            offer.get("rate_pct"),
            offer.get("months"),
            offer.get("method", ""),
            period,
        )
        summary = loan_summary(schedule)
        rows.append(
            {
                "penawaran": str(name),
                "metode": choice(offer.get("method"), "kop.field.method", METODE),
                "bunga_pct": float(pct(offer.get("rate_pct"), "kop.field.rate_" + period)),
                "periode_bunga": period,
                "bulan": summary.bulan,
                "angsuran_pertama_rp": summary.angsuran_pertama_rp,
                "angsuran_terakhir_rp": summary.angsuran_terakhir_rp,
                "total_bunga_rp": summary.total_bunga_rp,
                "total_bayar_rp": summary.total_bayar_rp,
                "efektif_bulan_pct": summary.efektif_bulan_pct,
                "efektif_tahun_pct": summary.efektif_tahun_pct,
            }
        )
    return pd.DataFrame(rows)
