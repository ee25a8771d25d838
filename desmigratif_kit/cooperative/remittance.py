"""Remittances: what sending money home costs, and a plan for where it goes.

The cost comes from the World Bank's *Remittance Prices Worldwide* (RPW, series ATCR.CORR,
"average total cost to remit in corridor", the fee plus the exchange-rate margin, as % of the
amount sent; FACTS §2.2). What the data covers, and says plainly to participants
(:func:`coverage_note`): **9 sending countries to Indonesia, 2011Q1 to 2020Q3**; Hong Kong,
Taiwan and South Korea to Indonesia are **not** covered, and an uncovered corridor is refused
with a kind message that says what to do instead (ask the bank or the agent for the fee and the
rate, then pass ``cost_pct``). Targets: SDG 10.c, at most 3 % by 2030; the G20, 5 %.

* :func:`load_remittance_costs`: the RPW table, validated on first use;
* :func:`remittance_cost`: the cost % and the money lost for one amount, against the targets;
* :func:`remittance_costs_by_corridor`: every corridor's cost for one period (the chart);
* :func:`remittance_plan`: where monthly remittances accumulate (needs, savings, education,
  a productive fund), the shares adding up to 100 %.

>>> hasil = remittance_cost(200, "Malaysia", "2020Q3")
>>> hasil.biaya_pct, round(hasil.biaya, 2), hasil.biaya_target_sdg
(5.3914, 10.78, 6.0)
>>> remittance_cost(200, "Taiwan")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
desmigratif_kit.core.i18n.InputError: Maaf, pengiriman dari "Taiwan" ke Indonesia tidak ada ...
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import pandas as pd

from desmigratif_kit.cooperative.checks import (
    amount_rp,
    as_fraction,
    largest_remainder,
    pct,
    round_rp,
    shares_100,
    whole_months,
)
from desmigratif_kit.core import data, i18n

__all__ = [
    "NEGARA_PENGIRIM",
    "NEGARA_TIDAK_TERCAKUP",
    "POS_REMITANSI",
    "RPW_FILE",
    "RPW_PERIODE",
    "SUMBER_RPW",
    "TARGET_G20_PCT",
    "TARGET_SDG_PCT",
    "BiayaRemitansi",
    "coverage_note",
    "label_periode",
    "load_remittance_costs",
    "remittance_cost",
    "remittance_costs_by_corridor",
    "remittance_plan",
    "remittance_split",
]

RPW_FILE = "reference/remittance_cost_to_indonesia_rpw.csv"
RPW_PERIODE = ("2011Q1", "2020Q3")
"""The first and last quarter of the RPW export."""
SUMBER_RPW = "kop.remit.source"
"""Catalog key of the source line (World Bank RPW, CC BY 4.0)."""
TARGET_SDG_PCT = 3.0
"""SDG 10.c: remittance corridors cost at most 3 % by 2030."""
TARGET_G20_PCT = 5.0
"""The G20 target: 5 %."""

NEGARA_PENGIRIM: Mapping[str, tuple[str, tuple[str, ...]]] = {
    "MYS": ("Malaysia", ()),
    "SAU": ("Arab Saudi", ("Saudi Arabia", "Saudi", "KSA")),
    "SGP": ("Singapura", ("Singapore",)),
    "ARE": ("Uni Emirat Arab", ("United Arab Emirates", "UAE", "UEA", "Emirat Arab")),
    "JPN": ("Jepang", ("Japan",)),
    "USA": ("Amerika Serikat", ("United States of America", "United States", "US", "AS")),
    "AUS": ("Australia", ()),
    "NLD": ("Belanda", ("Netherlands", "Holland", "Nederland")),
    "THA": ("Thailand", ("Thai",)),
}
"""The sending countries in the RPW data: ISO3 → (Indonesian name, other accepted names)."""

NEGARA_TIDAK_TERCAKUP: Mapping[str, tuple[str, tuple[str, ...]]] = {
    "HKG": ("Hong Kong", ("Hongkong",)),
    "TWN": ("Taiwan", ()),
    "KOR": ("Korea Selatan", ("Korea", "South Korea", "Korsel")),
    "BRN": ("Brunei Darussalam", ("Brunei",)),
    "QAT": ("Qatar", ()),
    "KWT": ("Kuwait", ()),
    "OMN": ("Oman", ()),
    "BHR": ("Bahrain", ()),
    "JOR": ("Yordania", ("Jordan",)),
    "TUR": ("Turki", ("Turkey", "Turkiye")),
    "POL": ("Polandia", ("Poland",)),
    "DEU": ("Jerman", ("Germany",)),
}
"""Destinations of Indonesian migrant workers (FACTS §1.8, §2.1) with no RPW data to
Indonesia: recognised so the message can say "not covered" rather than "unknown"."""

POS_REMITANSI = ("kebutuhan", "tabungan", "pendidikan", "usaha")
"""Where remittances go in a plan: daily needs, savings, education, a productive fund."""

_COLUMNS = {
    "sending_country": "string",
    "sending_iso3": "string",
    "receiving_iso3": "string",
    "quarter": "string",
    "avg_total_cost_pct": "float64",
}
_QUARTER = re.compile(r"(?P<year>\d{4})Q(?P<q>[1-4])")


def _norm(text: Any) -> str:
    return re.sub(r"[\s_\-.]+", " ", str(text).casefold()).strip()


@cache
def _reference() -> pd.DataFrame:
    path = data.data_path(RPW_FILE)
    df = pd.read_csv(path, dtype=_COLUMNS, keep_default_na=False, na_values=[""])
    problems = []
    if list(df.columns) != list(_COLUMNS):
        problems.append(
            data.Problem(path.name, 1, None, ", ".join(_COLUMNS), ", ".join(map(str, df.columns)))
        )
        raise data.TableError(problems, path.name)
    for i, row in df.iterrows():
        line = int(i) + 2
        checks = [
            ("sending_iso3", row["sending_iso3"] in NEGARA_PENGIRIM, ", ".join(NEGARA_PENGIRIM)),
            ("receiving_iso3", row["receiving_iso3"] == "IDN", "IDN"),
            ("quarter", bool(_QUARTER.fullmatch(str(row["quarter"]))), "2011Q1 - 2020Q3"),
            ("avg_total_cost_pct", 0 < row["avg_total_cost_pct"] < 100, "0 - 100"),
        ]
        problems += [
            data.Problem(path.name, line, column, expected, str(row[column]))
            for column, ok, expected in checks
            if not ok or pd.isna(row[column])
        ]
    duplicated = df.duplicated(["sending_iso3", "quarter"], keep="first")
    problems += [
        data.Problem(path.name, int(i) + 2, "quarter", "expected.unique_code", df.at[i, "quarter"])
        for i in df.index[duplicated]
    ]
    if problems:
        raise data.TableError(problems, path.name)
    df["negara"] = pd.array([NEGARA_PENGIRIM[c][0] for c in df["sending_iso3"]], dtype="string")
    df["tahun"] = df["quarter"].str.slice(0, 4).astype("int64")
    return df.sort_values(["sending_iso3", "quarter"]).reset_index(drop=True)


def load_remittance_costs() -> pd.DataFrame:
    """The RPW table: ``sending_country`` (English, as the World Bank writes it),
    ``sending_iso3``, ``receiving_iso3`` (always IDN), ``quarter`` (``2020Q3``),
    ``avg_total_cost_pct``, plus ``negara`` (Indonesian name) and ``tahun``. Validated on
    first use (columns, known countries, quarter pattern, cost 0-100 %, one row per country
    and quarter) and cached; each call returns a copy.

    >>> df = load_remittance_costs()
    >>> len(df), df["quarter"].min(), df["quarter"].max(), df["negara"].nunique()
    (238, '2011Q1', '2020Q3', 9)
    """
    return _reference().copy()


def coverage_note(lang: str | None = None) -> str:
    """What the remittance data covers, in words (for every screen that shows it).

    >>> print(coverage_note("en"))  # doctest: +ELLIPSIS
    World Bank data (Remittance Prices Worldwide): 9 countries sending to Indonesia (Malaysia, ...
    """
    names = ", ".join(name for name, _ in NEGARA_PENGIRIM.values())
    return i18n.t("kop.remit.coverage", lang, countries=names)


def label_periode(periode: Any, lang: str | None = None) -> str:
    """A period of the RPW data for people: ``2020Q3`` is *triwulan III 2020* (``Q3 2020`` in
    English); a year stays as it is.

    >>> label_periode("2020Q3"), label_periode("2020Q3", "en"), label_periode(2019)
    ('triwulan III 2020', 'Q3 2020', '2019')
    """
    text = str(periode)
    match = _QUARTER.fullmatch(text)
    if not match:
        return text
    return i18n.t(f"kop.remit.q{match['q']}", lang, year=match["year"])


def _corridor(sending_country: Any) -> tuple[str, str] | tuple[None, str]:
    """(ISO3, Indonesian name) of a covered corridor, or (None, name) for a known uncovered
    destination; an unknown name raises."""
    text = _norm(sending_country)
    for table, covered in ((NEGARA_PENGIRIM, True), (NEGARA_TIDAK_TERCAKUP, False)):
        for iso3, (name, others) in table.items():
            if text in {_norm(iso3), _norm(name), *(_norm(o) for o in others)}:
                return (iso3, name) if covered else (None, name)
    if not text:
        raise i18n.InputError(
            "input.required", expected="kop.expected.corridor", given="",
            field="kop.field.country",
            choices=", ".join(name for name, _ in NEGARA_PENGIRIM.values()),
        )  # fmt: skip
    return None, str(sending_country).strip()


def _not_covered(given: str) -> i18n.InputError:
    return i18n.InputError(
        "kop.remit.not_covered",
        expected="kop.expected.corridor",
        given=given,
        field="kop.field.country",
        choices=", ".join(name for name, _ in NEGARA_PENGIRIM.values()),
    )


def _periode_cost(rows: pd.DataFrame, year: Any, name: str) -> tuple[str, float]:
    """(period label, cost %) of one corridor: the last quarter, a quarter, or a year's mean."""
    if year is None:
        last = rows.sort_values("quarter").iloc[-1]
        return str(last["quarter"]), float(last["avg_total_cost_pct"])
    text = str(year).strip().upper()
    if _QUARTER.fullmatch(text):
        found = rows[rows["quarter"] == text]
    elif re.fullmatch(r"\d{4}", text):
        found = rows[rows["tahun"] == int(text)]
    else:
        found = rows.iloc[0:0]
    if found.empty:
        available = sorted({str(y) for y in rows["tahun"]})
        raise i18n.InputError(
            "input.not_found",
            expected="kop.expected.rpw_year",
            given=year,
            field=name,
            years=f"{available[0]}-{available[-1]}",
            first=str(rows["quarter"].min()),
            last=str(rows["quarter"].max()),
        )
    return text, float(found["avg_total_cost_pct"].mean())


@dataclass(frozen=True)
class BiayaRemitansi:
    """The cost of one remittance (:func:`remittance_cost`). Amounts are in the currency of
    ``jumlah`` (the explanation writes them as rupiah); rates in percent."""

    negara: str
    iso3: str | None
    periode: str | None
    biaya_pct: float
    jumlah: float
    sumber: str  # "rpw" (World Bank data) or "manual" (cost_pct given)

    @property
    def biaya(self) -> float:
        """Money lost to fees and the exchange-rate margin."""
        return self.jumlah * self.biaya_pct / 100

    @property
    def diterima(self) -> float:
        return self.jumlah - self.biaya

    @property
    def biaya_target_sdg(self) -> float:
        return self.jumlah * TARGET_SDG_PCT / 100

    @property
    def lebih_dari_sdg(self) -> float:
        """What is lost above the 3 % target (negative when cheaper than the target)."""
        return self.biaya - self.biaya_target_sdg

    @property
    def di_atas_sdg(self) -> bool:
        return self.biaya_pct > TARGET_SDG_PCT

    @property
    def di_atas_g20(self) -> bool:
        return self.biaya_pct > TARGET_G20_PCT

    def biaya_setahun(self, kali_per_tahun: int = 12) -> float:
        """The money lost in a year when this amount is sent ``kali_per_tahun`` times."""
        times = whole_months(
            kali_per_tahun,
            "kop.field.times_per_year",
            max_months=366,
            expected="kop.expected.times",
        )
        return self.biaya * times

    def diterima_per_bulan_rp(self, kali_per_tahun: int = 12) -> int:
        """What the family receives a month on average, in whole rupiah, when this amount is
        sent ``kali_per_tahun`` times a year (the start of a plan for the money).

        >>> remittance_cost(3_000_000, "Malaysia", "2020Q3").diterima_per_bulan_rp()
        2838258
        >>> remittance_cost(3_000_000, "MYS", cost_pct=5).diterima_per_bulan_rp(6)
        1425000
        """
        times = whole_months(
            kali_per_tahun,
            "kop.field.times_per_year",
            max_months=366,
            expected="kop.expected.times",
        )
        return round_rp(as_fraction(self.diterima) * times / 12)

    def penjelasan(self, lang: str | None = None, kali_per_tahun: int = 12) -> str:
        """The result in a sentence, amounts as rupiah (catalog ``kop.remit.explain``).

        >>> print(remittance_cost(2_000_000, "Arab Saudi", 2019).penjelasan())
        ... # doctest: +ELLIPSIS
        Mengirim Rp 2.000.000 dari Arab Saudi (2019) rata-rata memakan biaya 3,68%, yaitu
        Rp 73.570 setiap kali kirim. ...
        """
        period = label_periode(self.periode, lang) if self.periode else None
        period = period or i18n.t("kop.remit.manual", lang)
        key = "kop.remit.explain" if self.di_atas_sdg else "kop.remit.explain_low"
        return i18n.t(
            key,
            lang,
            jumlah=i18n.format_rp(self.jumlah),
            negara=self.negara,
            periode=period,
            pct=i18n.format_pct(self.biaya_pct),
            biaya=i18n.format_rp(self.biaya),
            sdg=i18n.format_rp(self.biaya_target_sdg),
            kali=kali_per_tahun,
            setahun=i18n.format_rp(self.biaya_setahun(kali_per_tahun)),
            hemat=i18n.format_rp(self.lebih_dari_sdg * kali_per_tahun),
        )


def remittance_cost(
    amount: Any, sending_country: str, year: Any = None, *, cost_pct: Any = None
) -> BiayaRemitansi:
    """The cost of sending ``amount`` home from ``sending_country``, against the targets.

    ``sending_country``: Indonesian or English name or ISO3 code (``"Arab Saudi"``,
    ``"Saudi Arabia"``, ``"SAU"``). ``year``: ``None`` (the latest quarter, 2020Q3), a year
    (the mean of its quarters in the data) or a quarter (``"2019Q4"``). ``cost_pct`` (0-100)
    replaces the World Bank figure with a channel's own cost (what a bank or agent quoted);
    with it any country may be named. Without it, a corridor the data does not cover (Hong
    Kong, Taiwan, South Korea, ...) raises an ``InputError`` that explains why and what to do.

    FACTS §2.2: USD 200 from Malaysia at 5.4 % costs USD 10.80; at the 3 % SDG target it
    would cost USD 6.00.

    >>> r = remittance_cost(200, "MYS", cost_pct=5.4)
    >>> round(r.biaya, 2), r.biaya_target_sdg, round(r.lebih_dari_sdg, 2), r.di_atas_g20
    (10.8, 6.0, 4.8, True)
    >>> remittance_cost(200, "Malaysia", 2030)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Malaysia" tidak ditemukan: diharapkan ...
    """
    jumlah = amount_rp(amount, "kop.field.amount", whole=False)
    iso3, name = _corridor(sending_country)
    if cost_pct is not None:
        rate = float(pct(cost_pct, "kop.field.cost_pct"))
        return BiayaRemitansi(name, iso3, None, rate, float(jumlah), "manual")
    if iso3 is None:
        raise _not_covered(name)
    rows = _reference()[_reference()["sending_iso3"] == iso3]
    periode, rate = _periode_cost(rows, year, name)
    return BiayaRemitansi(name, iso3, periode, round(rate, 4), float(jumlah), "rpw")


def remittance_costs_by_corridor(year: Any = None) -> pd.DataFrame:
    """Every covered corridor's cost for one period, the most expensive first: ``negara``,
    ``iso3``, ``periode``, ``biaya_pct``. ``year`` as in :func:`remittance_cost`; corridors
    without data in that period are left out (Thailand before 2016).

    >>> df = remittance_costs_by_corridor()
    >>> df.iloc[0][["negara", "periode"]].tolist(), df.iloc[-1]["negara"]
    (['Thailand', '2020Q3'], 'Singapura')
    """
    rows = []
    table = _reference()
    for iso3, (name, _) in NEGARA_PENGIRIM.items():
        corridor = table[table["sending_iso3"] == iso3]
        try:
            periode, rate = _periode_cost(corridor, year, name)
        except i18n.InputError:
            continue
        rows.append({"negara": name, "iso3": iso3, "periode": periode, "biaya_pct": rate})
    if not rows:
        _periode_cost(table, year, "kop.field.year")  # raises: no corridor has this period
    df = pd.DataFrame(rows).sort_values(["biaya_pct", "negara"], ascending=[False, True])
    return df.reset_index(drop=True).astype({"negara": "string", "iso3": "string"})


# --- a plan for the money --------------------------------------------------------------------


def remittance_split(monthly_rp: Any, shares: Mapping[str, Any]) -> dict[str, int]:
    """One month's remittance shared among :data:`POS_REMITANSI` in whole rupiah that add up
    exactly (largest-remainder rounding); posts missing from ``shares`` get 0.

    >>> remittance_split(2_500_000, {"kebutuhan": 50, "tabungan": 20, "pendidikan": 20,
    ...                              "usaha": 10})
    {'kebutuhan': 1250000, 'tabungan': 500000, 'pendidikan': 500000, 'usaha': 250000}
    """
    monthly = amount_rp(monthly_rp, "kop.field.monthly", allow_zero=True)
    cleaned = shares_100(shares, "kop.field.plan_shares", allowed=POS_REMITANSI)
    weights = [cleaned.get(pos, 0) for pos in POS_REMITANSI]
    amounts = largest_remainder(monthly, weights) if monthly else [0] * len(weights)
    return dict(zip(POS_REMITANSI, amounts, strict=True))


def remittance_plan(monthly_rp: Any, shares: Mapping[str, Any], months: Any) -> pd.DataFrame:
    """What accumulates, month by month, when ``monthly_rp`` is shared the same way each
    month: ``bulan`` (1..months), ``kebutuhan_rp``, ``tabungan_rp``, ``pendidikan_rp``,
    ``usaha_rp`` (running totals, whole rupiah) and ``total_rp`` (everything received).
    ``shares`` maps posts of :data:`POS_REMITANSI` to percentages that add up to 100 (no
    interest is added: the plan shows what is put aside, not what it earns).

    >>> plan = remittance_plan(2_500_000, {"kebutuhan": 60, "tabungan": 20, "usaha": 20}, 24)
    >>> plan.iloc[-1].tolist()
    [24, 36000000, 12000000, 0, 12000000, 60000000]
    >>> remittance_plan(2_500_000, {"kebutuhan": 60, "tabungan": 20}, 24)
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Pembagian kiriman (%)" tidak dapat dibaca:
    diharapkan bagian-bagian yang jumlahnya tepat 100%, diberikan "80% (kebutuhan 60% + tabungan
    20%)".
    """
    split = remittance_split(monthly_rp, shares)
    n = whole_months(months, "kop.field.months", max_months=600)
    bulan = pd.Series(range(1, n + 1), dtype="int64")
    df = pd.DataFrame({"bulan": bulan})
    for pos in POS_REMITANSI:
        df[f"{pos}_rp"] = bulan * split[pos]
    df["total_rp"] = bulan * sum(split.values())
    return df
