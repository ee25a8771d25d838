"""KUR for migrant workers (*KUR Penempatan PMI*): its terms, who qualifies, what it costs.

FACTS §4.3. The current terms (Permenko Perekonomian 1/2022 as amended by 1/2023 and 12/2025;
technical guide Permen P2MI 18/2025) are data with their sources in :data:`KUR_PMI`; the 2018
terms are kept in :data:`KUR_PMI_2018` to show how they changed. The figures come from
secondary sources quoting the regulations (FACTS marks them [S]): check the bank's current
terms before a real application.

* :func:`kur_eligibility`: answers to :data:`PERTANYAAN_KUR` → what is still missing;
* :func:`kur_schedule`: the instalments at the current terms (annuity, 6 % a year);
* :func:`kur_vs_informal`: the KUR next to an informal lender's flat offer.

>>> hasil = kur_eligibility({"jumlah_pinjaman_rp": 60_000_000, "jangka_bulan": 24,
...     "lama_kontrak_bulan": 24, "lewat_p3mi": True, "perjanjian_penempatan": True,
...     "perjanjian_kerja": True, "ektp": True, "npwp": False, "sisko_p2mi": True})
>>> hasil.layak, hasil.kurang
(False, ['npwp'])
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from desmigratif_kit.cooperative.checks import amount_rp, choice, whole_months
from desmigratif_kit.cooperative.loans import METODE, compare_offers, loan_schedule
from desmigratif_kit.core import i18n
from desmigratif_kit.core.inputs import missing

__all__ = [
    "KUR_PMI",
    "KUR_PMI_2018",
    "PERTANYAAN_KUR",
    "SYARAT_KUR",
    "HasilKur",
    "KetentuanKur",
    "Pertanyaan",
    "kur_eligibility",
    "kur_schedule",
    "kur_unanswered",
    "kur_vs_informal",
    "label_syarat_kur",
]


@dataclass(frozen=True)
class KetentuanKur:
    """The terms of one version of the KUR for migrant workers (FACTS §4.3)."""

    versi: str
    dasar_hukum: tuple[str, ...]
    plafon_maks_rp: int
    bunga_efektif_tahun_pct: float
    jangka_maks_bulan: int
    npwp_di_atas_rp: int | None
    dokumen: tuple[str, ...]
    tanpa_agunan: bool | None
    sumber: tuple[str, ...]
    catatan: str = ""  # a catalog key: what the figures do not say

    def ringkasan(self, lang: str | None = None) -> str:
        """The terms in a sentence or two, in ``lang``.

        >>> print(KUR_PMI.ringkasan())  # doctest: +ELLIPSIS
        Paling banyak Rp 100.000.000, bunga 6% efektif per tahun, jangka waktu paling lama 36 ...
        """
        text = i18n.t(
            "kop.kur.terms",
            lang,
            plafon=i18n.format_rp(self.plafon_maks_rp),
            bunga=i18n.format_pct(self.bunga_efektif_tahun_pct),
            bulan=self.jangka_maks_bulan,
        )
        return f"{text} {i18n.t(self.catatan, lang)}" if self.catatan else text


KUR_PMI = KetentuanKur(
    versi="2022-2025",
    dasar_hukum=(
        "Permenko Perekonomian 1/2022, diubah dengan Permenko 1/2023 dan 12/2025",
        "Permen P2MI 18/2025 (petunjuk teknis), Pasal 14",
    ),
    plafon_maks_rp=100_000_000,
    bunga_efektif_tahun_pct=6.0,
    jangka_maks_bulan=36,
    npwp_di_atas_rp=50_000_000,
    dokumen=(
        "perjanjian_penempatan",
        "perjanjian_kerja",
        "ektp",
        "npwp",
        "sisko_p2mi",
    ),
    tanpa_agunan=True,
    sumber=(
        "jaripmi.info",
        "ftnews.co.id",
        "ekonomi.bisnis.com 05-08-2025",
        "jpnn.com 2025-08-31 (tanpa agunan, diluncurkan 29 Agustus 2025)",
        "pasal.id: Permen P2MI 18/2025 Pasal 14",
    ),
    catatan="kop.kur.note_current",
)
"""The current terms: at most Rp 100 million, 6 % effective a year, term no longer than the
work contract and at most 3 years, NPWP above Rp 50 million, no collateral (FACTS §4.3 [S])."""

KUR_PMI_2018 = KetentuanKur(
    versi="2018",
    dasar_hukum=("Permenko Perekonomian 11/2017, Pasal 23-27",),
    plafon_maks_rp=25_000_000,
    bunga_efektif_tahun_pct=7.0,
    jangka_maks_bulan=36,
    npwp_di_atas_rp=None,
    dokumen=(),
    tanpa_agunan=None,
    sumber=("linegifts.blogspot.com 2018/02 (mengutip pasal-pasalnya)",),
    catatan="kop.kur.note_2018",
)
"""The 2018 terms (at most Rp 25 million, 7 % effective a year, at most 3 years)."""


@dataclass(frozen=True)
class Pertanyaan:
    """One eligibility question: its key, kind (``rp``, ``bulan``, ``ya_tidak``) and label."""

    kunci: str
    jenis: str
    wajib: bool = True


PERTANYAAN_KUR = (
    Pertanyaan("jumlah_pinjaman_rp", "rp"),
    Pertanyaan("jangka_bulan", "bulan"),
    Pertanyaan("lama_kontrak_bulan", "bulan"),
    Pertanyaan("lewat_p3mi", "ya_tidak"),
    Pertanyaan("perjanjian_penempatan", "ya_tidak", wajib=False),
    Pertanyaan("perjanjian_kerja", "ya_tidak"),
    Pertanyaan("ektp", "ya_tidak"),
    Pertanyaan("npwp", "ya_tidak", wajib=False),
    Pertanyaan("sisko_p2mi", "ya_tidak"),
)
"""The questions, in order; each label is ``kop.kur.q.<kunci>``. ``perjanjian_penempatan``
matters only when placed through an agency (``lewat_p3mi``), ``npwp`` only above Rp 50
million, so they may be left out otherwise."""

SYARAT_KUR = (
    "plafon",
    "jangka_maks",
    "jangka_kontrak",
    "perjanjian_penempatan",
    "perjanjian_kerja",
    "ektp",
    "npwp",
    "sisko_p2mi",
)
"""The conditions :func:`kur_eligibility` checks, in order; each has a short label
(:func:`label_syarat_kur`, catalog ``kop.kur.code.<kode>``) and an explanation with what to do
(:meth:`HasilKur.penjelasan`, catalog ``kop.kur.missing.<kode>``)."""


def label_syarat_kur(kode: str, lang: str | None = None, terms: KetentuanKur = KUR_PMI) -> str:
    """A condition's short label, e.g. for a list of choices (``npwp``: *NPWP belum ada untuk
    pinjaman di atas Rp 50.000.000*).

    >>> label_syarat_kur("jangka_kontrak")
    'Jangka pinjaman lebih lama dari perjanjian kerja'
    >>> label_syarat_kur("agunan")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Syarat KUR" tidak ditemukan: diharapkan
    salah satu dari: plafon, jangka_maks, jangka_kontrak, perjanjian_penempatan, perjanjian_kerja,
    ektp, npwp, sisko_p2mi, diberikan "agunan".
    """
    if kode not in SYARAT_KUR:
        raise i18n.InputError(
            "input.not_found",
            expected="expected.choice",
            choices=", ".join(SYARAT_KUR),
            given=kode,
            field="kop.field.kur_condition",
        )
    return i18n.t(
        f"kop.kur.code.{kode}",
        lang,
        plafon=i18n.format_rp(terms.plafon_maks_rp),
        bulan=terms.jangka_maks_bulan,
        npwp=i18n.format_rp(terms.npwp_di_atas_rp or 0),
    )


@dataclass(frozen=True)
class HasilKur:
    """The result of :func:`kur_eligibility`: ``layak`` when nothing is missing; ``kurang``
    lists the unmet conditions in the order of :data:`PERTANYAAN_KUR` (codes ``plafon``,
    ``jangka_maks``, ``jangka_kontrak``, ``perjanjian_penempatan``, ``perjanjian_kerja``,
    ``ektp``, ``npwp``, ``sisko_p2mi``), each explained by :meth:`penjelasan`."""

    layak: bool
    kurang: list[str]
    ketentuan: KetentuanKur = field(default=KUR_PMI, repr=False)

    def penjelasan(self, kode: str, lang: str | None = None) -> str:
        """What ``kode`` means and what to do (catalog ``kop.kur.missing.<kode>``).

        >>> print(HasilKur(False, ["plafon"]).penjelasan("plafon"))
        Pinjaman KUR PMI paling banyak Rp 100.000.000: kurangi jumlah yang diajukan.
        """
        if kode not in SYARAT_KUR:
            raise i18n.InputError(
                "input.not_found",
                expected="expected.choice",
                choices=", ".join(SYARAT_KUR),
                given=kode,
                field="kode",
            )
        terms = self.ketentuan
        return i18n.t(
            f"kop.kur.missing.{kode}",
            lang,
            plafon=i18n.format_rp(terms.plafon_maks_rp),
            bulan=terms.jangka_maks_bulan,
            npwp=i18n.format_rp(terms.npwp_di_atas_rp or 0),
        )

    def pesan(self, lang: str | None = None) -> list[str]:
        """The explanation of every missing item, or one line saying all is complete."""
        if self.layak:
            return [i18n.t("kop.kur.complete", lang)]
        return [self.penjelasan(kode, lang) for kode in self.kurang]


def _answer(answers: Mapping[str, Any], question: Pertanyaan) -> Any:
    value = answers.get(question.kunci)
    label = f"kop.kur.q.{question.kunci}"
    if missing(value) or (isinstance(value, str) and not value.strip()):
        if not question.wajib:
            return None
        expected = {"rp": "expected.rp", "bulan": "expected.integer"}.get(
            question.jenis, "expected.bool"
        )
        raise i18n.InputError("input.required", expected=expected, given="", field=label)
    if question.jenis == "rp":
        return amount_rp(value, label)
    if question.jenis == "bulan":
        return whole_months(value, label)
    return i18n.parse_bool(value, field=label)


def kur_eligibility(answers: Mapping[str, Any], terms: KetentuanKur = KUR_PMI) -> HasilKur:
    """Which KUR conditions an applicant meets, from the answers to :data:`PERTANYAAN_KUR`.

    ``answers`` keys: ``jumlah_pinjaman_rp``, ``jangka_bulan``, ``lama_kontrak_bulan`` (the
    work contract), ``lewat_p3mi`` (placed through an agency), ``perjanjian_penempatan``
    (needed only then), ``perjanjian_kerja``, ``ektp``, ``npwp`` (needed only above Rp 50
    million), ``sisko_p2mi`` (registered in SISKO P2MI); yes/no answers as ``True``/``False``
    or ``ya``/``tidak``. An unknown key raises (a typo must not hide a missing document).

    >>> kur_eligibility({"jumlah_pinjaman_rp": 150_000_000, "jangka_bulan": 48,
    ...     "lama_kontrak_bulan": 24, "lewat_p3mi": "tidak", "perjanjian_kerja": "ya",
    ...     "ektp": "ya", "npwp": "ya", "sisko_p2mi": "ya"}).kurang
    ['plafon', 'jangka_maks', 'jangka_kontrak']
    >>> kur_eligibility({"jumlah": 5_000_000})
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Pertanyaan KUR" tidak ditemukan: diharapkan
    salah satu dari: jumlah_pinjaman_rp, jangka_bulan, lama_kontrak_bulan, lewat_p3mi,
    perjanjian_penempatan, perjanjian_kerja, ektp, npwp, sisko_p2mi, diberikan "jumlah".
    """
    known = [q.kunci for q in PERTANYAAN_KUR]
    unknown = [k for k in answers if k not in known]
    if unknown:
        raise i18n.InputError(
            "input.not_found",
            expected="expected.choice",
            choices=", ".join(known),
            given=", ".join(map(str, unknown)),
            field="kop.field.kur_question",
        )
    a = {q.kunci: _answer(answers, q) for q in PERTANYAAN_KUR}
    kurang = []
    if a["jumlah_pinjaman_rp"] > terms.plafon_maks_rp:
        kurang.append("plafon")
    if a["jangka_bulan"] > terms.jangka_maks_bulan:
        kurang.append("jangka_maks")
    if a["jangka_bulan"] > a["lama_kontrak_bulan"]:
        kurang.append("jangka_kontrak")
    if a["lewat_p3mi"] and not a["perjanjian_penempatan"]:
        kurang.append("perjanjian_penempatan")
    for doc in ("perjanjian_kerja", "ektp"):
        if not a[doc]:
            kurang.append(doc)
    needs_npwp = terms.npwp_di_atas_rp is not None
    if needs_npwp and a["jumlah_pinjaman_rp"] > terms.npwp_di_atas_rp and not a["npwp"]:
        kurang.append("npwp")
    if not a["sisko_p2mi"]:
        kurang.append("sisko_p2mi")
    return HasilKur(not kurang, kurang, terms)


def kur_unanswered(answers: Mapping[str, Any], terms: KetentuanKur = KUR_PMI) -> list[str]:
    """The questions of :data:`PERTANYAAN_KUR` still blank in ``answers`` that matter for
    them: the required ones, the placement agreement when placed through an agency, the NPWP
    when the amount is above the threshold (a form asks for these before it judges).

    >>> kur_unanswered({"jumlah_pinjaman_rp": "60.000.000", "jangka_bulan": 24,
    ...     "lama_kontrak_bulan": 24, "lewat_p3mi": True, "ektp": True})
    ['perjanjian_penempatan', 'perjanjian_kerja', 'npwp', 'sisko_p2mi']
    >>> kur_unanswered({"jumlah_pinjaman_rp": 10_000_000, "jangka_bulan": 12,
    ...     "lama_kontrak_bulan": 24, "lewat_p3mi": "tidak", "perjanjian_kerja": "ya",
    ...     "ektp": "ya", "sisko_p2mi": "tidak"})
    []
    """

    def blank(key: str) -> bool:
        value = answers.get(key)
        return missing(value) or (isinstance(value, str) and not value.strip())

    def yes(key: str) -> bool:
        try:
            return not blank(key) and i18n.parse_bool(answers[key])
        except i18n.InputError:
            return False

    def above_npwp() -> bool:
        if terms.npwp_di_atas_rp is None or blank("jumlah_pinjaman_rp"):
            return False
        try:
            return amount_rp(answers["jumlah_pinjaman_rp"], "x") > terms.npwp_di_atas_rp
        except i18n.InputError:
            return False

    needed = {
        "perjanjian_penempatan": yes("lewat_p3mi"),
        "npwp": above_npwp(),
    }
    return [
        q.kunci
        for q in PERTANYAAN_KUR
        if blank(q.kunci) and (q.wajib or needed.get(q.kunci, False))
    ]


def kur_schedule(
    principal_rp: Any, months: Any, method: str = "anuitas", terms: KetentuanKur = KUR_PMI
) -> pd.DataFrame:
    """The KUR's schedule at its terms (6 % effective a year; annuity unless ``method`` is
    ``"menurun"``), refusing an amount or a term the KUR does not allow.

    FACTS §4.2: Rp 25 million over 24 months: Rp 1,108,015 a month, Rp 1,592,366 interest.

    >>> int(kur_schedule(25_000_000, 24)["bunga"].sum())
    1592366
    >>> kur_schedule(25_000_000, 48)
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Jangka waktu (bulan)" di luar batas:
    diharapkan bilangan bulat 1 sampai 36 bulan, diberikan "48".
    """
    principal = amount_rp(principal_rp, "kop.field.principal", max_rp=terms.plafon_maks_rp)
    n = whole_months(months, "kop.field.months", max_months=terms.jangka_maks_bulan)
    kind = choice(method, "kop.field.method", {k: v for k, v in METODE.items() if k != "flat"})
    return loan_schedule(principal, terms.bunga_efektif_tahun_pct, n, kind, "tahun")


def kur_vs_informal(
    principal_rp: Any,
    months: Any,
    informal_rate_pct: Any,
    informal_rate_period: str = "bulan",
    terms: KetentuanKur = KUR_PMI,
) -> pd.DataFrame:
    """The KUR (annuity at its terms) next to an informal lender's **flat** offer for the
    same amount and term: one row each (``penawaran`` ``"KUR PMI"`` and ``"Pinjaman
    informal"``, in the current language), with the columns of
    :func:`~desmigratif_kit.cooperative.loans.compare_offers` (total interest, instalments,
    effective rates).

    >>> df = kur_vs_informal(25_000_000, 24, 2)
    >>> df[["penawaran", "total_bunga_rp"]].values.tolist()
    [['KUR PMI', 1592366], ['Pinjaman informal', 12000000]]
    """
    principal = amount_rp(principal_rp, "kop.field.principal", max_rp=terms.plafon_maks_rp)
    n = whole_months(months, "kop.field.months", max_months=terms.jangka_maks_bulan)
    return compare_offers(
        {
            i18n.t("kop.kur.offer_kur"): dict(
                principal_rp=principal,
                rate_pct=terms.bunga_efektif_tahun_pct,
                months=n,
                method="anuitas",
                rate_period="tahun",
            ),
            i18n.t("kop.kur.offer_informal"): dict(
                principal_rp=principal,
                rate_pct=informal_rate_pct,
                months=n,
                method="flat",
                rate_period=informal_rate_period,
            ),
        }
    )
