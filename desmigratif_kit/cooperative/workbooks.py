"""The pillar's Excel files: what each app hands out, built with :mod:`desmigratif_kit.core.excel`.

Indonesian headers (the catalogs, in the current language), money as ``"Rp" #,##0``, rates
as percentages, a note above each table (what it is, and "angka ilustrasi" / "data contoh
sintetis" where that applies), a totals row where the column adds up. Pure: tables in, bytes
out (no widgets); the apps offer the bytes with ``core.app.download_link``.

* :func:`loans_workbook`: offers side by side and each offer's schedule;
* :func:`shu_workbook`: each member's SHU (jasa modal, jasa usaha) with the totals;
* :func:`ledger_workbook`: the member ledger with each member's total savings, and what does
  not reconcile;
* :func:`remittance_workbook`: the cost of every corridor and a plan for the money.

>>> import io, openpyxl
>>> from desmigratif_kit.cooperative import compare_offers, loan_schedule
>>> book = loans_workbook(compare_offers({"A": dict(principal_rp=1_000_000, rate_pct=2,
...     months=3, method="flat")}), {"A": loan_schedule(1_000_000, 2, 3, "flat")})
>>> sheet = openpyxl.load_workbook(io.BytesIO(book))["Jadwal A"]
>>> [c.value for c in sheet[2]], sheet["C3"].number_format, sheet["C6"].value
(['Bulan ke-', 'Angsuran pokok', 'Bunga', 'Angsuran', 'Sisa pokok'], '"Rp" #,##0', 60000)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from desmigratif_kit.cooperative.ledger import LEDGER_EDIT_SCHEMA, Selisih, with_row_totals
from desmigratif_kit.cooperative.remittance import POS_REMITANSI, label_periode
from desmigratif_kit.core.excel import XLSX_MIME, Lembar, workbook
from desmigratif_kit.core.i18n import format_pct, format_rp, t
from desmigratif_kit.core.tables import Column

__all__ = [
    "XLSX_MIME",
    "ledger_workbook",
    "loans_workbook",
    "remittance_workbook",
    "shu_workbook",
]

_SCHEDULE = [
    Column("bulan", "int", label="kop.sched.bulan"),
    Column("angsuran_pokok", "rp", label="kop.sched.angsuran_pokok"),
    Column("bunga", "rp", label="kop.sched.bunga"),
    Column("angsuran", "rp", label="kop.sched.angsuran"),
    Column("sisa_pokok", "rp", label="kop.sched.sisa_pokok"),
]
_OFFERS = [
    Column("penawaran", "text", label="kop.xl.offer"),
    Column("metode_teks", "text", label="kop.field.method"),
    Column("bunga_teks", "text", label="kop.xl.rate"),
    Column("bulan", "int", label="kop.field.months"),
    Column("pokok_rp", "rp", label="kop.field.principal"),
    Column("angsuran_pertama_rp", "rp", label="kop.xl.first"),
    Column("angsuran_terakhir_rp", "rp", label="kop.xl.last"),
    Column("total_bunga_rp", "rp", label="kop.xl.total_interest"),
    Column("total_bayar_rp", "rp", label="kop.xl.total_paid"),
    Column("efektif_bulan_pct", "pct", label="kop.xl.effective_month"),
    Column("efektif_tahun_pct", "pct", label="kop.xl.effective_year"),
]
_SHU = [
    Column("nama", "text", label="kop.shu.col.nama"),
    Column("simpanan_rp", "rp", label="kop.shu.col.simpanan_rp"),
    Column("transaksi_rp", "rp", label="kop.shu.col.transaksi_rp"),
    Column("shu_jasa_modal_rp", "rp", label="kop.shu.col.shu_jasa_modal_rp"),
    Column("shu_jasa_usaha_rp", "rp", label="kop.shu.col.shu_jasa_usaha_rp"),
    Column("shu_rp", "rp", label="kop.shu.col.shu_rp"),
]
_CORRIDORS = [
    Column("negara", "text", label="kop.field.country"),
    Column("periode_teks", "text", label="kop.xl.period"),
    Column("biaya_pct", "pct", label="kop.chart.axis.cost_pct"),
]
_CHECKS = [
    Column("baris", "int", required=False, label="kop.xl.row"),
    Column("pesan", "text", label="kop.xl.problem"),
]


def _sheet_title(key: str, **values) -> str:
    """A sheet's title: Excel refuses ``: \\ / ? * [ ]`` and more than 31 characters.

    >>> _sheet_title("kop.xl.sheet_schedule", name="Bank [BRI] 1/2")
    'Jadwal Bank (BRI) 1-2'
    """
    title = t(key, **values)
    for bad, good in (("[", "("), ("]", ")"), ("/", "-"), ("\\", "-"), (":", "-"), ("?", ""),
                      ("*", "")):  # fmt: skip
        title = title.replace(bad, good)
    return " ".join(title.split())[:31]


def loans_workbook(
    offers: pd.DataFrame, schedules: Mapping[str, pd.DataFrame], catatan: str = ""
) -> bytes:
    """Offers side by side (a :func:`~desmigratif_kit.cooperative.compare_offers` table) and
    one sheet per schedule (``schedules``: offer name → :func:`loan_schedule` frame), with
    totals of principal, interest and instalments."""
    table = offers.copy()
    table["metode_teks"] = [t(f"kop.method.{m}") for m in table["metode"]]
    table["bunga_teks"] = [
        f"{format_pct(r)} {t(f'kop.period.{p}')}"
        for r, p in zip(table["bunga_pct"], table["periode_bunga"], strict=True)
    ]
    table["pokok_rp"] = table["total_bayar_rp"] - table["total_bunga_rp"]
    note = catatan or t("kop.xl.loans_note")
    sheets = [Lembar(_sheet_title("kop.xl.sheet_offers"), table, _OFFERS, catatan=note)]
    for name, schedule in schedules.items():
        sheets.append(
            Lembar(
                _sheet_title("kop.xl.sheet_schedule", name=name),
                schedule,
                _SCHEDULE,
                catatan=t("kop.xl.schedule_note", name=name),
                total=["angsuran_pokok", "bunga", "angsuran"],
            )
        )
    return workbook(sheets)


def shu_workbook(result: pd.DataFrame, shu_rp: int, jasa_modal_pct: float,
                 jasa_usaha_pct: float, catatan: str = "") -> bytes:  # fmt: skip
    """Each member's SHU (a :func:`shu_distribution` result) with a totals row; the note
    says the SHU and the percentages the members' meeting decided (and ``catatan``).

    >>> import io, openpyxl
    >>> from desmigratif_kit.cooperative import shu_distribution
    >>> hasil = shu_distribution(pd.DataFrame({"nama": ["Sari", "Lain"], "simpanan_rp":
    ...     [2_000_000, 98_000_000], "transaksi_rp": [5_000_000, 70_000_000]}), 60_000_000, 20, 25)
    >>> sheet = openpyxl.load_workbook(io.BytesIO(shu_workbook(hasil, 60_000_000, 20, 25))).active
    >>> sheet["F3"].value, sheet["F5"].value, sheet["A5"].value
    (1240000, 27000000, 'Jumlah')
    """
    note = t(
        "kop.xl.shu_note",
        shu=format_rp(shu_rp),
        jm=format_pct(jasa_modal_pct),
        ju=format_pct(jasa_usaha_pct),
    )
    note = f"{note} {catatan}".strip()
    sheet = Lembar(
        _sheet_title("kop.xl.sheet_shu"),
        result,
        _SHU,
        catatan=note,
        total=["simpanan_rp", "transaksi_rp", "shu_jasa_modal_rp", "shu_jasa_usaha_rp", "shu_rp"],
    )
    return workbook([sheet])


def ledger_workbook(
    ledger: pd.DataFrame, problems: Sequence[Selisih] = (), catatan: str = ""
) -> bytes:
    """The member ledger with each member's total savings and a totals row; a second sheet
    lists what does not reconcile (or says that everything does)."""
    book = with_row_totals(ledger)
    columns = list(LEDGER_EDIT_SCHEMA.columns)
    position = [c.name for c in columns].index("simpanan_sukarela_rp") + 1
    columns.insert(position, Column("jumlah_simpanan_rp", "rp", label="kop.col.jumlah_simpanan_rp"))
    money = [c.name for c in columns if c.kind == "rp"]
    for column in columns:
        if column.name not in book:
            book[column.name] = None
    checks = pd.DataFrame(
        [{"baris": p.baris, "pesan": p.pesan()} for p in problems]
        or [{"baris": None, "pesan": t("kop.ledger.ok")}]
    )
    return workbook(
        [
            Lembar(_sheet_title("kop.xl.sheet_ledger"), book, columns,
                   catatan=catatan or t("kop.xl.ledger_note"), total=money),
            Lembar(_sheet_title("kop.xl.sheet_checks"), checks, _CHECKS),
        ]
    )  # fmt: skip


def remittance_workbook(
    corridors: pd.DataFrame, plan: pd.DataFrame | None = None, catatan: str = ""
) -> bytes:
    """The cost of each corridor (a :func:`remittance_costs_by_corridor` table, with the
    World Bank source in the note) and, when given, a :func:`remittance_plan` month by month.

    >>> import io, openpyxl
    >>> from desmigratif_kit.cooperative import remittance_costs_by_corridor, remittance_plan
    >>> book = remittance_workbook(remittance_costs_by_corridor(), remittance_plan(
    ...     1_000_000, {"kebutuhan": 60, "tabungan": 40}, 3))
    >>> sheets = openpyxl.load_workbook(io.BytesIO(book))
    >>> sheets.sheetnames, sheets["Rencana kiriman"]["C5"].value
    (['Biaya kirim', 'Rencana kiriman'], 1200000)
    """
    table = corridors.copy()
    table["periode_teks"] = [label_periode(p) for p in table["periode"]]
    sheets = [
        Lembar(
            _sheet_title("kop.xl.sheet_costs"),
            table,
            _CORRIDORS,
            catatan=f"{t('kop.remit.source')}. {catatan}".strip(),
        )
    ]
    if plan is not None:
        columns = [Column("bulan", "int", label="kop.sched.bulan")]
        columns += [Column(f"{p}_rp", "rp", label=f"kop.remit.pos.{p}") for p in POS_REMITANSI]
        columns.append(Column("total_rp", "rp", label="kop.xl.plan_total"))
        sheets.append(
            Lembar(_sheet_title("kop.xl.sheet_plan"), plan, columns,
                   catatan=t("kop.xl.plan_note"))
        )  # fmt: skip
    return workbook(sheets)
