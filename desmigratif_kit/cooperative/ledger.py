"""A small village cooperative's member ledger (*buku anggota*): savings and loans per member.

One row per member: ``simpanan pokok`` (paid once on joining, the same for every member, UU
25/1992 Art. 41), ``simpanan wajib`` (periodic), ``simpanan sukarela`` (voluntary), the loan
still outstanding, and the member's transactions with the cooperative (for SHU *jasa usaha*).

* :data:`LEDGER_SCHEMA` and :func:`load_ledger`: Excel or CSV through
  :func:`desmigratif_kit.core.data.read_table` (Indonesian headers and their usual variants);
  a *JUMLAH*/*TOTAL* row at the bottom, as ledgers kept in Excel often have, is set aside
  and checked rather than counted as a member;
* :func:`ledger_totals`; :func:`check_ledger` lists what does not add up (a row's total, the
  file's total row, the totals in the treasurer's report, unequal simpanan pokok);
* :func:`ledger_to_shu_members`: the members as :func:`~.shu.shu_distribution` wants them;
* :func:`load_sample_ledger`: the synthetic *Koperasi Sukamaju Sintetis*.

>>> buku = load_ledger(b"Nama;Simpanan Pokok;Simpanan Wajib;Sisa Pinjaman\\n"
...                    b"Siti;100.000;240.000;1.500.000\\nBudi;100.000;120.000;0\\n"
...                    b"JUMLAH;200.000;360.000;1.500.000\\n", filename="buku.csv")
>>> ledger_totals(buku)["simpanan_total_rp"], check_ledger(buku)
(560000, [])
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

import pandas as pd

from desmigratif_kit.core import data, i18n
from desmigratif_kit.core.tables import column_series

__all__ = [
    "KOLOM_UANG",
    "LEDGER_EDIT_SCHEMA",
    "LEDGER_SCHEMA",
    "SAMPLE_LEDGER_FILE",
    "Selisih",
    "check_ledger",
    "check_members",
    "ledger_from_records",
    "ledger_records",
    "ledger_to_shu_members",
    "ledger_totals",
    "load_ledger",
    "load_sample_ledger",
    "with_row_totals",
]

SAMPLE_LEDGER_FILE = "sample/koperasi_sintetis.csv"

KOLOM_UANG = (
    "simpanan_pokok_rp",
    "simpanan_wajib_rp",
    "simpanan_sukarela_rp",
    "sisa_pinjaman_rp",
    "transaksi_rp",
)
"""The money columns that add up in the ledger's totals (``jumlah_simpanan_rp`` is a row's
own total, checked against its parts)."""

LEDGER_SCHEMA = data.Schema(
    "buku_anggota_koperasi",
    [
        data.Column(
            "no_anggota",
            "text",
            required=False,
            label="kop.col.no_anggota",
            aliases=("No Anggota", "No. Anggota", "Nomor Anggota", "ID Anggota", "Kode Anggota"),
        ),
        data.Column(
            "nama",
            "text",
            label="kop.col.nama",
            aliases=("Nama Anggota", "Nama Lengkap", "Anggota", "Name"),
        ),
        data.Column(
            "simpanan_pokok_rp",
            "rp",
            label="kop.col.simpanan_pokok_rp",
            aliases=("Simpanan Pokok", "Simp. Pokok", "S. Pokok", "Pokok", "SP"),
            min=0,
        ),
        data.Column(
            "simpanan_wajib_rp",
            "rp",
            label="kop.col.simpanan_wajib_rp",
            aliases=("Simpanan Wajib", "Simp. Wajib", "S. Wajib", "Wajib", "SW"),
            min=0,
        ),
        data.Column(
            "simpanan_sukarela_rp",
            "rp",
            required=False,
            label="kop.col.simpanan_sukarela_rp",
            aliases=("Simpanan Sukarela", "Simp. Sukarela", "S. Sukarela", "Sukarela", "SS"),
            min=0,
        ),
        data.Column(
            "sisa_pinjaman_rp",
            "rp",
            required=False,
            label="kop.col.sisa_pinjaman_rp",
            aliases=(
                "Sisa Pinjaman",
                "Pinjaman",
                "Saldo Pinjaman",
                "Pinjaman Beredar",
                "Sisa Utang",
                "Piutang Anggota",
                "Outstanding",
            ),  # fmt: skip
            min=0,
        ),
        data.Column(
            "transaksi_rp",
            "rp",
            required=False,
            label="kop.col.transaksi_rp",
            aliases=("Transaksi", "Jumlah Transaksi", "Total Transaksi", "Belanja", "Pembelian"),
            min=0,
        ),
        data.Column(
            "jumlah_simpanan_rp",
            "rp",
            required=False,
            label="kop.col.jumlah_simpanan_rp",
            aliases=("Jumlah Simpanan", "Total Simpanan", "Saldo Simpanan"),
            min=0,
        ),
        data.Column(
            "tanggal_masuk",
            "date",
            required=False,
            label="kop.col.tanggal_masuk",
            aliases=("Tanggal Masuk", "Tgl Masuk", "Tgl. Masuk", "Tanggal Bergabung"),
        ),
    ],
)
"""The ledger's columns. Required: ``nama``, ``simpanan_pokok_rp``, ``simpanan_wajib_rp``;
empty optional money cells count as Rp 0."""

LEDGER_EDIT_SCHEMA = data.Schema(
    "buku_anggota_koperasi_isian",
    [c for c in LEDGER_SCHEMA.columns if c.name != "jumlah_simpanan_rp"],
)
"""The ledger's columns as they are typed (in the app's editable table and saved): all but
``jumlah_simpanan_rp``, which is each member's pokok + wajib + sukarela
(:func:`with_row_totals`)."""

_TOTAL_NAMES = {"jumlah", "total", "jumlah total", "grand total", "jml", "total simpanan"}
_OPTIONAL_MONEY = ("simpanan_sukarela_rp", "sisa_pinjaman_rp", "transaksi_rp")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _norm(text: Any) -> str:
    return re.sub(r"[\s_\-.:]+", " ", str(text).casefold()).strip()


def load_ledger(source: Any, filename: str | None = None) -> pd.DataFrame:
    """Read a cooperative's member ledger (Excel or CSV) with :data:`LEDGER_SCHEMA`.

    A row named *JUMLAH* or *TOTAL* is taken out of the members and kept in
    ``df.attrs["baris_jumlah"]`` (its spreadsheet row and figures) for :func:`check_ledger`.
    Empty optional money cells become 0; ``no_anggota``, where given, must be unique. Every
    problem comes in one :class:`~desmigratif_kit.core.data.TableError`; nothing is guessed.

    >>> load_ledger(b"Nama;Simpanan Pokok;Simpanan Wajib\\nSiti;100.000;lima puluh\\n",
    ...             filename="buku.csv")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.tables.TableError: Berkas "buku.csv" tidak dapat dipakai. Masalah yang
    ditemukan: 1.
    - baris 2, kolom "Simpanan Wajib": diharapkan jumlah rupiah seperti Rp 1.500.000, diberikan
    "lima puluh".
    """
    df = data.read_table(source, LEDGER_SCHEMA, filename=filename)
    rows = list(df.attrs.get("rows", range(2, len(df) + 2)))
    file = df.attrs.get("source")
    is_total = df["nama"].map(lambda name: _norm(name) in _TOTAL_NAMES).astype(bool)
    problems = []
    if is_total.sum() > 1:
        problems += [
            data.Problem(file, rows[i], "nama", "kop.expected.one_total_row", df.at[i, "nama"])
            for i in df.index[is_total][1:]
        ]
    numbers = df["no_anggota"].dropna()
    numbers = numbers[numbers.str.strip() != ""]
    problems += [
        data.Problem(file, rows[i], "no_anggota", "expected.unique_code", df.at[i, "no_anggota"])
        for i in numbers.index[numbers.duplicated()]
    ]
    if problems:
        raise data.TableError(problems, file)
    total_row = None
    if is_total.any():
        i = df.index[is_total][0]
        total_row = {"baris": rows[i]} | {
            c: (None if pd.isna(df.at[i, c]) else float(df.at[i, c]))
            for c in (*KOLOM_UANG, "jumlah_simpanan_rp")
        }
    members = df[~is_total].reset_index(drop=True)
    for column in _OPTIONAL_MONEY:
        members[column] = members[column].fillna(0.0)
    members.attrs.update(
        source=file,
        rows=[r for r, total in zip(rows, is_total, strict=True) if not total],
        baris_jumlah=total_row,
    )
    return members


@cache
def _sample() -> pd.DataFrame:
    return load_ledger(data.data_path(SAMPLE_LEDGER_FILE))


def load_sample_ledger() -> pd.DataFrame:
    """The synthetic ledger of *Koperasi Sukamaju Sintetis* (24 members, made by
    ``scripts/make_sample_koperasi.py``; a copy of a cached frame).

    >>> buku = load_sample_ledger()
    >>> len(buku), check_ledger(buku)
    (24, [])
    """
    df = _sample()
    copy = df.copy()
    copy.attrs = {k: (dict(v) if isinstance(v, dict) else v) for k, v in df.attrs.items()}
    return copy


def _money(value: Any) -> int | float:
    value = float(value)
    return int(value) if value.is_integer() else value


def ledger_totals(ledger: pd.DataFrame) -> dict[str, int | float]:
    """The ledger's totals: ``anggota`` (members), each money column of :data:`KOLOM_UANG`,
    and ``simpanan_total_rp`` (pokok + wajib + sukarela).

    >>> buku = pd.DataFrame({"nama": ["A", "B"], "simpanan_pokok_rp": [100_000, 100_000],
    ...     "simpanan_wajib_rp": [50_000, 70_000]})
    >>> ledger_totals(buku)["simpanan_total_rp"]
    320000
    """
    totals: dict[str, int | float] = {"anggota": len(ledger)}
    for column in KOLOM_UANG:
        values = ledger[column].fillna(0) if column in ledger else pd.Series(dtype=float)
        totals[column] = _money(values.sum())
    totals["simpanan_total_rp"] = _money(
        totals["simpanan_pokok_rp"] + totals["simpanan_wajib_rp"] + totals["simpanan_sukarela_rp"]
    )
    return totals


@dataclass(frozen=True)
class Selisih:
    """One thing in the ledger that does not add up (:func:`check_ledger`).

    ``kode``: ``jumlah_baris`` (a member's total savings differs from its parts),
    ``baris_jumlah`` (the file's JUMLAH row differs from the sum of the members),
    ``laporan`` (a reported total differs from the ledger), ``pokok_berbeda`` (this member's
    simpanan pokok differs from the others'). ``baris`` is the spreadsheet row (or ``None``),
    ``kolom`` the column name, ``tercatat`` what is written, ``dihitung`` what the figures
    add up to.
    """

    kode: str
    baris: int | None
    kolom: str
    tercatat: float
    dihitung: float

    @property
    def selisih(self) -> float:
        return self.tercatat - self.dihitung

    def pesan(self, lang: str | None = None) -> str:
        """The problem in a sentence (catalog ``kop.ledger.<kode>``)."""
        return i18n.t(
            f"kop.ledger.{self.kode}",
            lang,
            baris=self.baris if self.baris is not None else "",
            kolom=i18n.t(f"kop.col.{self.kolom}", lang),
            tercatat=i18n.format_rp(self.tercatat),
            dihitung=i18n.format_rp(self.dihitung),
            selisih=i18n.format_rp(self.selisih),
        )


def _differs(a: float, b: float) -> bool:
    return abs(float(a) - float(b)) >= 0.005  # to the sen: ledgers may carry ,50


def check_ledger(ledger: pd.DataFrame, laporan: Mapping[str, Any] | None = None) -> list[Selisih]:
    """Everything in ``ledger`` (from :func:`load_ledger`) that does not add up; empty when
    all reconciles.

    Checked: each member's ``jumlah_simpanan_rp`` (where given) against pokok + wajib +
    sukarela; the file's JUMLAH row against the members' sums; ``laporan`` (reported totals,
    e.g. from the balance sheet: keys of :data:`KOLOM_UANG`, or ``simpanan_total_rp`` for all
    savings; amounts in rupiah) against the ledger's totals; simpanan pokok, which the law
    makes equal for every member, against the most common amount.

    >>> buku = pd.DataFrame({"nama": ["A", "B"], "simpanan_pokok_rp": [100_000, 50_000],
    ...     "simpanan_wajib_rp": [50_000, 70_000]})
    >>> for selisih in check_ledger(buku, {"simpanan_wajib_rp": 125_000}):
    ...     print(selisih.pesan())
    Laporan: Simpanan wajib tercatat Rp 125.000, sedangkan jumlah di buku anggota Rp 120.000
    (selisih Rp 5.000).
    Baris 3: simpanan pokok Rp 50.000 berbeda dari anggota lain (Rp 100.000); menurut UU 25/1992
    simpanan pokok sama untuk setiap anggota.
    """
    found: list[Selisih] = []
    rows = list(ledger.attrs.get("rows") or range(2, len(ledger) + 2))
    if len(rows) != len(ledger):
        rows = list(range(2, len(ledger) + 2))
    parts = [c for c in ("simpanan_pokok_rp", "simpanan_wajib_rp", "simpanan_sukarela_rp")]
    if "jumlah_simpanan_rp" in ledger:
        for position, (_, row) in enumerate(ledger.iterrows()):
            written = row["jumlah_simpanan_rp"]
            if pd.isna(written):
                continue
            computed = sum(float(row[c]) for c in parts if c in ledger and not pd.isna(row[c]))
            if _differs(written, computed):
                found.append(
                    Selisih("jumlah_baris", rows[position], "jumlah_simpanan_rp", written, computed)
                )
    totals = ledger_totals(ledger)
    if "jumlah_simpanan_rp" in ledger:
        totals["jumlah_simpanan_rp"] = _money(ledger["jumlah_simpanan_rp"].fillna(0).sum())
    total_row = ledger.attrs.get("baris_jumlah")
    if total_row:
        for column, written in total_row.items():
            if column != "baris" and written is not None and _differs(written, totals[column]):
                found.append(
                    Selisih("baris_jumlah", total_row["baris"], column, written, totals[column])
                )
    for column, written in (laporan or {}).items():
        if column not in totals or column == "anggota":
            raise i18n.InputError(
                "input.not_found",
                expected="expected.choice",
                choices=", ".join([*KOLOM_UANG, "simpanan_total_rp"]),
                given=column,
                field="kop.field.report",
            )
        amount = float(i18n.parse_rp(written, field=f"kop.col.{column}"))
        if _differs(amount, totals[column]):
            found.append(Selisih("laporan", None, column, amount, totals[column]))
    pokok = [float(v) for v in ledger["simpanan_pokok_rp"].dropna()]
    if len(set(pokok)) > 1:
        counts = Counter(pokok)  # the most common amount; a tie goes to the first row's
        usual = max(counts, key=lambda v: (counts[v], -pokok.index(v)))
        for position, value in enumerate(ledger["simpanan_pokok_rp"]):
            if not pd.isna(value) and _differs(value, usual):
                found.append(
                    Selisih("pokok_berbeda", rows[position], "simpanan_pokok_rp", value, usual)
                )
    return found


def ledger_to_shu_members(ledger: pd.DataFrame) -> pd.DataFrame:
    """The ledger's members as :func:`~desmigratif_kit.cooperative.shu.shu_distribution`
    takes them: ``nama``, ``simpanan_rp`` (pokok + wajib; *sukarela* does not count) and
    ``transaksi_rp`` (0 where empty).

    >>> buku = pd.DataFrame({"nama": ["A"], "simpanan_pokok_rp": [100_000],
    ...     "simpanan_wajib_rp": [50_000], "transaksi_rp": [None]})
    >>> ledger_to_shu_members(buku).values.tolist()
    [['A', 150000.0, 0.0]]
    """
    transaksi = ledger["transaksi_rp"] if "transaksi_rp" in ledger else 0.0
    return pd.DataFrame(
        {
            "nama": ledger["nama"].astype("string"),
            "simpanan_rp": ledger["simpanan_pokok_rp"].fillna(0).astype(float)
            + ledger["simpanan_wajib_rp"].fillna(0).astype(float),
            "transaksi_rp": pd.Series(transaksi, index=ledger.index).fillna(0).astype(float),
        }
    )


# --- saving and editing ----------------------------------------------------------------------


def _json_value(value: Any) -> Any:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def ledger_records(ledger: pd.DataFrame) -> list[dict[str, Any]]:
    """The members as JSON-ready records (the columns of :data:`LEDGER_EDIT_SCHEMA`; amounts
    as numbers, dates as ISO text, empty cells as ``None``): what the app saves.

    >>> buku = load_ledger(b"Nama;Simpanan Pokok;Simpanan Wajib;Tgl Masuk\\n"
    ...                    b"Siti;100.000;240.000;12/09/2017\\n", filename="buku.csv")
    >>> ledger_records(buku)[0]["tanggal_masuk"], ledger_records(buku)[0]["simpanan_wajib_rp"]
    ('2017-09-12', 240000)
    """
    names = LEDGER_EDIT_SCHEMA.names
    return [
        {name: _json_value(row.get(name)) for name in names}
        for row in ledger.reindex(columns=names).astype(object).to_dict("records")
    ]


def ledger_from_records(records: Any) -> pd.DataFrame:
    """The ledger (the columns and dtypes of :data:`LEDGER_EDIT_SCHEMA`, empty optional money
    as 0) from saved records; a value that cannot be read is left empty, a record that is not a
    mapping is skipped (saved work never stops an app from opening).

    >>> buku = ledger_from_records([{"nama": "Siti", "simpanan_pokok_rp": 100000,
    ...     "simpanan_wajib_rp": "240.000", "tanggal_masuk": "2017-09-12"}, "rusak"])
    >>> buku.loc[0, ["simpanan_wajib_rp", "sisa_pinjaman_rp"]].tolist(), len(buku)
    ([240000.0, 0.0], 1)
    """
    rows = [r for r in (records or []) if isinstance(r, Mapping)]
    columns = {}
    for column in LEDGER_EDIT_SCHEMA.columns:
        values = []
        for row in rows:
            value = row.get(column.name)
            if column.kind == "date" and isinstance(value, str) and _ISO_DATE.fullmatch(value):
                value = date.fromisoformat(value)
            try:
                blank = value is None or (isinstance(value, str) and not value.strip())
                values.append(None if blank else data.convert_cell(column, value))
            except (i18n.InputError, TypeError, ValueError):
                values.append(None)
        columns[column.name] = column_series(column, values)
    ledger = pd.DataFrame(columns, columns=LEDGER_EDIT_SCHEMA.names)
    for column in _OPTIONAL_MONEY:
        ledger[column] = ledger[column].fillna(0.0)
    ledger.attrs.update(rows=list(range(2, len(ledger) + 2)))
    return ledger


def check_members(ledger: pd.DataFrame) -> None:
    """Refuse, in one ``TableError``, what a typed member list must not hold: a *JUMLAH* or
    *TOTAL* row (totals are computed) and the same member number twice.

    >>> check_members(pd.DataFrame({"no_anggota": ["A1", "A1"], "nama": ["Siti", "Budi"]}))
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.tables.TableError: Berkas "formulir" tidak dapat dipakai. Masalah yang
    ditemukan: 1.
    - baris 2, kolom "No. Anggota": diharapkan kode yang hanya muncul sekali, diberikan "A1".
    """
    rows = list(ledger.attrs.get("rows") or range(1, len(ledger) + 1))
    file = ledger.attrs.get("source") or i18n.t("table.form")
    problems = []
    for position, name in enumerate(ledger["nama"]):
        if not pd.isna(name) and _norm(name) in _TOTAL_NAMES:
            problems.append(
                data.Problem(file, rows[position], "kop.col.nama", "kop.expected.member", name)
            )
    if "no_anggota" in ledger:
        numbers = ledger["no_anggota"].astype(object)
        filled = numbers[[not pd.isna(v) and str(v).strip() != "" for v in numbers]]
        problems += [
            data.Problem(
                file, rows[ledger.index.get_loc(i)], "kop.col.no_anggota",
                "expected.unique_code", str(filled[i]),
            )
            for i in filled.index[filled.map(lambda v: str(v).strip()).duplicated()]
        ]  # fmt: skip
    if problems:
        raise data.TableError(problems, file)


def with_row_totals(ledger: pd.DataFrame) -> pd.DataFrame:
    """A copy of the ledger with ``jumlah_simpanan_rp`` = pokok + wajib + sukarela of each
    member (what the book shows in its last savings column).

    >>> buku = pd.DataFrame({"nama": ["A"], "simpanan_pokok_rp": [100_000.0],
    ...     "simpanan_wajib_rp": [50_000.0], "simpanan_sukarela_rp": [None]})
    >>> with_row_totals(buku)["jumlah_simpanan_rp"].tolist()
    [150000.0]
    """
    out = ledger.copy()
    parts = [c for c in ("simpanan_pokok_rp", "simpanan_wajib_rp", "simpanan_sukarela_rp")]
    out["jumlah_simpanan_rp"] = sum(
        (out[c].fillna(0).astype(float) if c in out else 0.0) for c in parts
    )
    return out
