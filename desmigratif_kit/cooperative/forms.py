"""What the pillar's apps save, and how it is read back into the rules (no widgets).

Each app saves its form as typed (text the Indonesian way, ``"Rp 10.000.000"``, ``"1,5"``)
under its app id; the functions here turn that saved form into the arguments of the rules, so
the app, :mod:`.ringkasan` (the facts the workshop shows) and the tests read it the same way.
A value that cannot be read raises the rules' :class:`~desmigratif_kit.core.i18n.InputError`,
naming the field.

Saved shapes (every value text as typed unless said otherwise):

* ``simulasi_remitansi``: ``{"form": {"negara", "jumlah", "kali", "biaya_pct", "periode",
  "bulanan", "pos": {post: pct}, "bulan"}}`` (``biaya_pct`` empty: the World Bank average;
  ``periode`` empty: the latest quarter; ``bulanan`` empty: what the family receives);
* ``kalkulator_pinjaman``: ``{"a": offer, "b": offer, "kur": answers, "tampil": "a"|"b"}``,
  an offer ``{"nama", "pokok", "bunga", "periode", "bulan", "metode", "jenis"}`` (``jenis``
  ``"kur"`` for the KUR PMI at its terms), ``answers`` the KUR questions other than amount and
  term (yes/no as ``true``/``false``/``null``);
* ``pembagian_shu``: ``{"shu", "jm", "ju", "anggota": [{"nama", "simpanan_rp",
  "transaksi_rp"}]}`` (members' amounts as numbers);
* ``koperasi_desa``: ``{"nama_koperasi", "anggota": ledger records (:func:`ledger_records`),
  "laporan": {money column: reported total}}``.

>>> offer_from_form(PINJAMAN_AWAL["a"])["method"], remittance_from_form(
...     REMITANSI_AWAL["form"]).biaya_pct
('flat', 5.3914)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from desmigratif_kit.cooperative.checks import amount_rp, choice, whole_months
from desmigratif_kit.cooperative.kur import KUR_PMI, PERTANYAAN_KUR, KetentuanKur
from desmigratif_kit.cooperative.loans import METODE, PERIODE_BUNGA
from desmigratif_kit.cooperative.remittance import (
    POS_REMITANSI,
    BiayaRemitansi,
    remittance_cost,
    remittance_plan,
)
from desmigratif_kit.cooperative.shu import SHU_MEMBER_SCHEMA
from desmigratif_kit.core import data, i18n

__all__ = [
    "JENIS_PENAWARAN",
    "PINJAMAN_AWAL",
    "REMITANSI_AWAL",
    "SHU_AWAL",
    "kur_answers_from_form",
    "offer_from_form",
    "offer_name",
    "plan_from_form",
    "remittance_from_form",
    "shu_members_from_records",
    "times_from_form",
]

REMITANSI_AWAL: dict[str, Any] = {
    "form": {
        "negara": "Malaysia",
        "jumlah": "3.000.000",
        "kali": "12",
        "biaya_pct": "",
        "periode": "",
        "bulanan": "",
        "pos": {"kebutuhan": "50", "tabungan": "20", "pendidikan": "15", "usaha": "15"},
        "bulan": "24",
    }
}
"""The form a new visitor of *Simulasi Remitansi* starts from (Pak Yosef's example)."""

PINJAMAN_AWAL: dict[str, Any] = {
    "a": {"nama": "", "pokok": "10.000.000", "bunga": "1,5", "periode": "bulan", "bulan": "12",
          "metode": "flat", "jenis": "lain"},
    "b": {"nama": "", "pokok": "10.000.000", "bunga": "1,5", "periode": "bulan", "bulan": "12",
          "metode": "menurun", "jenis": "lain"},
    "kur": {},
    "tampil": "a",
}  # fmt: skip
"""*Kalkulator Pinjaman* at first: the same 1.5 % a month, flat against declining (FACTS §4.2)."""

SHU_AWAL: dict[str, Any] = {"shu": "60.000.000", "jm": "20", "ju": "25", "anggota": []}
"""*Pembagian SHU* at first: FACTS §4.1's SHU and percentages, no members yet."""

JENIS_PENAWARAN = ("lain", "kur")
"""An offer is typed by hand (``lain``) or is the KUR PMI at its terms (``kur``)."""


def _text(form: Mapping[str, Any], key: str) -> str:
    value = form.get(key)
    return "" if value is None else str(value).strip()


# --- remittances -------------------------------------------------------------------------------


def remittance_from_form(form: Mapping[str, Any]) -> BiayaRemitansi:
    """The cost of one remittance from the *Simulasi Remitansi* form.

    >>> remittance_from_form({"negara": "Taiwan", "jumlah": "5.000.000", "biaya_pct": "4,5"}
    ...                      ).biaya
    225000.0
    """
    cost = _text(form, "biaya_pct")
    period = _text(form, "periode")
    return remittance_cost(
        _text(form, "jumlah"),
        _text(form, "negara"),
        period or None,
        cost_pct=cost or None,
    )


def times_from_form(form: Mapping[str, Any]) -> int:
    """How many times a year the money is sent (1 to 366; 12 when left empty)."""
    text = _text(form, "kali") or "12"
    return whole_months(
        text, "kop.field.times_per_year", max_months=366, expected="kop.expected.times"
    )


def plan_from_form(form: Mapping[str, Any], biaya: BiayaRemitansi | None = None) -> pd.DataFrame:
    """The plan for the money: ``bulanan`` a month (or, when empty, what the family receives
    a month after the cost of ``biaya``), shared as ``pos`` says, over ``bulan`` months.

    >>> plan = plan_from_form(REMITANSI_AWAL["form"], remittance_from_form(
    ...     REMITANSI_AWAL["form"]))
    >>> int(plan["total_rp"].iloc[0]), int(plan["usaha_rp"].iloc[-1])
    (2838258, 10217736)
    """
    monthly = _text(form, "bulanan")
    if not monthly:
        if biaya is None:
            biaya = remittance_from_form(form)
        monthly = biaya.diterima_per_bulan_rp(times_from_form(form))
    shares = {
        pos: value
        for pos, value in (form.get("pos") or {}).items()
        if pos in POS_REMITANSI and str(value).strip() not in ("", "0")
    }
    return remittance_plan(monthly, shares, _text(form, "bulan"))


# --- loans ---------------------------------------------------------------------------------------


def offer_name(form: Mapping[str, Any], which: str, lang: str | None = None) -> str:
    """The offer's name as typed, else *KUR PMI* or *Penawaran A/B* in ``lang``."""
    name = _text(form, "nama")
    if name:
        return name
    if form.get("jenis") == "kur":
        return i18n.t("kop.kur.offer_kur", lang)
    return i18n.t("kop.loan.offer_default", lang, which=which.upper())


def offer_from_form(form: Mapping[str, Any], terms: KetentuanKur = KUR_PMI) -> dict[str, Any]:
    """The arguments of :func:`~desmigratif_kit.cooperative.loan_schedule` for one offer of
    *Kalkulator Pinjaman*. A KUR offer (``jenis`` ``"kur"``) takes its rate from ``terms``
    (6 % a year), refuses an amount above the ceiling or a term above 36 months, and is
    repaid in equal instalments unless ``metode`` is ``"menurun"``.

    >>> offer_from_form({"jenis": "kur", "pokok": "25.000.000", "bulan": "24"})["rate_pct"]
    6.0
    >>> offer_from_form({"jenis": "kur", "pokok": "150.000.000", "bulan": "24"})
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Pokok pinjaman" di luar batas: diharapkan
    jumlah lebih dari Rp 0 dan paling banyak Rp 100.000.000, diberikan "150.000.000".
    """
    if form.get("jenis") == "kur":
        method = _text(form, "metode")
        return {
            "principal_rp": amount_rp(
                _text(form, "pokok"), "kop.field.principal", max_rp=terms.plafon_maks_rp
            ),
            "rate_pct": terms.bunga_efektif_tahun_pct,
            "months": whole_months(
                _text(form, "bulan"), "kop.field.months", max_months=terms.jangka_maks_bulan
            ),
            "method": "menurun" if method == "menurun" else "anuitas",
            "rate_period": "tahun",
        }
    return {
        "principal_rp": _text(form, "pokok"),
        "rate_pct": _text(form, "bunga"),
        "months": _text(form, "bulan"),
        "method": choice(_text(form, "metode") or "flat", "kop.field.method", METODE),
        "rate_period": choice(
            _text(form, "periode") or "bulan", "kop.field.rate_period", PERIODE_BUNGA
        ),
    }


def kur_answers_from_form(offer: Mapping[str, Any], answers: Mapping[str, Any]) -> dict:
    """The answers to :data:`PERTANYAAN_KUR` from a KUR offer (amount and term) and the
    other questions of the form; unknown keys are left out, blanks stay blank.

    >>> kur_answers_from_form({"pokok": "60.000.000", "bulan": "30"}, {"npwp": False, "x": 1})
    ... # doctest: +NORMALIZE_WHITESPACE
    {'jumlah_pinjaman_rp': '60.000.000', 'jangka_bulan': '30', 'lama_kontrak_bulan': None,
     'lewat_p3mi': None, 'perjanjian_penempatan': None, 'perjanjian_kerja': None,
     'ektp': None, 'npwp': False, 'sisko_p2mi': None}
    """
    found: dict[str, Any] = {}
    for question in PERTANYAAN_KUR:
        if question.kunci == "jumlah_pinjaman_rp":
            found[question.kunci] = _text(offer, "pokok") or None
        elif question.kunci == "jangka_bulan":
            found[question.kunci] = _text(offer, "bulan") or None
        else:
            value = answers.get(question.kunci)
            found[question.kunci] = value if value not in ("",) else None
    return found


# --- SHU -------------------------------------------------------------------------------------


def shu_members_from_records(records: Any) -> pd.DataFrame:
    """The members (``nama``, ``simpanan_rp``, ``transaksi_rp``) from saved records; a
    record that is not a mapping is skipped, an amount that cannot be read raises (naming
    the row and the column), an empty amount counts as Rp 0.

    >>> shu_members_from_records([{"nama": "Siti", "simpanan_rp": 2000000,
    ...     "transaksi_rp": None}]).values.tolist()
    [['Siti', 2000000.0, 0.0]]
    """
    rows = [r for r in (records or []) if isinstance(r, Mapping)]
    values: dict[str, list[Any]] = {c.name: [] for c in SHU_MEMBER_SCHEMA.columns}
    problems = []
    for number, row in enumerate(rows, start=1):
        for column in SHU_MEMBER_SCHEMA.columns:
            raw = row.get(column.name)
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                values[column.name].append(None if column.kind == "text" else 0.0)
                continue
            try:
                values[column.name].append(data.convert_cell(column, raw))
            except i18n.InputError as err:
                problems.append(
                    data.Problem(None, number, column.title, err.expected, str(raw),
                                 dict(err.values))
                )  # fmt: skip
                values[column.name].append(None)
    if problems:
        raise data.TableError(problems, i18n.t("table.form"))
    members = pd.DataFrame(
        {
            "nama": pd.array(values["nama"], dtype="string"),
            "simpanan_rp": pd.Series(values["simpanan_rp"], dtype="float64"),
            "transaksi_rp": pd.Series(values["transaksi_rp"], dtype="float64"),
        }
    )
    members.attrs.update(rows=list(range(1, len(members) + 1)))
    return members
