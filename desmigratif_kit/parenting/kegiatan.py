"""The parenting group's activity plan (*rencana kegiatan parenting*): sessions for the carers
of migrant workers' children, with topic, date, place, how many carers were invited and how
many came. Pure: the *Rencana Kegiatan Parenting* app edits the rows with
:data:`KEGIATAN_SCHEMA` (the same schema reads an Excel/CSV file and heads the export).

Counts only: a session records how many carers came, never who (so the plan can be shown on
the workshop's shared screen and summed over a district).

* :data:`TOPIK`: suggested topics, each from a problem FACTS §0 records for pillar 3 (the
  field problems Kemnaker and LKK-PBNU reported, 2021-2022, and the 2016 concept);
* :func:`cek_kegiatan`: the rows' own rules (no more carers present than invited);
* :func:`ringkas_kegiatan`: planned, held, invited, present, attendance, the next session;
* :func:`kegiatan_records`, :func:`kegiatan_from_records`, :func:`kegiatan_xlsx`.

>>> df = kegiatan_from_records([
...     {"topik": "Makan bergizi", "tanggal": "2026-11-07", "diundang": 20, "hadir": 15},
...     {"topik": "Anak tetap sekolah", "tanggal": "2026-12-05", "diundang": 20}])
>>> r = ringkas_kegiatan(df)
>>> r["direncanakan"], r["terlaksana"], r["kehadiran_pct"], r["berikutnya"]
(2, 1, 75.0, datetime.date(2026, 12, 5))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import pandas as pd

from desmigratif_kit.core import i18n
from desmigratif_kit.core.inputs import missing
from desmigratif_kit.core.tables import Column, Problem, Schema, TableError, column_series

__all__ = [
    "KEGIATAN_SCHEMA",
    "TOPIK",
    "cek_kegiatan",
    "gabung_kegiatan",
    "kegiatan_from_records",
    "kegiatan_records",
    "kegiatan_xlsx",
    "ringkas_kegiatan",
]

KEGIATAN_SCHEMA = Schema(
    "kegiatan_parenting",
    [
        Column("topik", "text", label="par.keg.col.topik", aliases=("Tema", "Kegiatan", "Judul")),
        Column(
            "tanggal",
            "date",
            label="par.keg.col.tanggal",
            aliases=("Tgl", "Tanggal kegiatan", "Hari/tanggal", "Date"),
            min=date(2000, 1, 1),
            max=date(2100, 12, 31),
        ),
        Column("tempat", "text", required=False, label="par.keg.col.tempat", aliases=("Lokasi",)),
        Column(
            "diundang",
            "int",
            required=False,
            label="par.keg.col.diundang",
            aliases=("Undangan", "Jumlah diundang", "Diundang", "Pengasuh diundang"),
            min=0,
            max=10_000,
        ),
        Column(
            "hadir",
            "int",
            required=False,
            label="par.keg.col.hadir",
            aliases=("Hadir", "Jumlah hadir", "Kehadiran", "Pengasuh hadir"),
            min=0,
            max=10_000,
        ),
        Column(
            "catatan",
            "text",
            required=False,
            label="par.keg.col.catatan",
            aliases=("Keterangan", "Ket", "Ket."),
        ),
    ],
)
"""One session per row: topic and date required; place, carers invited and present (counts,
0-10.000), notes optional. Labels are catalog keys (``par.keg.col.*``): the editor and the
Excel headers follow the participant's language, and a file headed in either language reads."""

TOPIK = (
    "komunikasi_ortu",
    "pengasuh_pengganti",
    "gizi_balita",
    "posyandu_kms",
    "tetap_sekolah",
    "ayah_mengasuh",
    "stigma_perundungan",
    "uang_kiriman",
)
"""Suggested topics (labels ``par.topik.<code>``, their reason ``par.topik.<code>.why``):
talking with the parent abroad, substitute carers, food for under-fives, the posyandu and the
KMS, staying at school (KIP), fathers caring when the mother works abroad, stigma, and
remittances for the child's needs (FACTS §0, pillar 3)."""


def _from_json(column: Column, value: Any) -> Any:
    if missing(value) or (isinstance(value, str) and not value.strip()):
        return None
    if column.kind == "date":
        return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    if column.kind == "int":
        return int(value)
    return str(value)


def kegiatan_from_records(records: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """The plan as a DataFrame with the schema's dtypes, from saved records (ISO dates)."""
    records = list(records)
    return pd.DataFrame(
        {
            column.name: column_series(
                column, [_from_json(column, r.get(column.name)) for r in records]
            )
            for column in KEGIATAN_SCHEMA.columns
        },
        columns=KEGIATAN_SCHEMA.names,
    )


def kegiatan_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The plan as JSON-ready records (dates as ISO text, counts as ints, blanks ``None``).

    >>> kegiatan_records(kegiatan_from_records([{"topik": "Gizi", "tanggal": "2026-11-07"}]))
    [{'topik': 'Gizi', 'tanggal': '2026-11-07', 'tempat': None, 'diundang': None, 'hadir': None, 'catatan': None}]
    """  # noqa: E501
    records = []
    for row in df[KEGIATAN_SCHEMA.names].itertuples(index=False):
        record: dict[str, Any] = {}
        for column, value in zip(KEGIATAN_SCHEMA.columns, row, strict=True):
            if missing(value):
                record[column.name] = None
            elif column.kind == "date":
                record[column.name] = value.isoformat()
            elif column.kind == "int":
                record[column.name] = int(value)
            else:
                record[column.name] = str(value)
        records.append(record)
    return records


def cek_kegiatan(df: pd.DataFrame, file: str | None = None) -> pd.DataFrame:
    """The plan checked by its own rule (no more carers present than invited) and sorted by
    date (a new frame). Raises :class:`TableError` naming each row (as numbered in the form or
    the file: ``df.attrs["rows"]``).

    >>> df = kegiatan_from_records([{"topik": "Gizi", "tanggal": "2026-11-07", "diundang": 10,
    ...                              "hadir": 12}])
    >>> cek_kegiatan(df, "formulir")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.tables.TableError: Berkas "formulir" tidak dapat dipakai. Masalah yang
    ditemukan: 1.
    - baris 2, kolom "Pengasuh hadir": diharapkan paling banyak 10 (jumlah yang diundang),
    diberikan "12".
    """
    rows = df.attrs.get("rows") or list(range(2, len(df) + 2))
    hadir_column = KEGIATAN_SCHEMA.columns[KEGIATAN_SCHEMA.names.index("hadir")]
    problems = [
        Problem(
            file,
            rows[i],
            hadir_column.title,
            "par.keg.expected.hadir",
            i18n.format_number(int(hadir)),
            {"max": i18n.format_number(int(diundang))},
        )
        for i, (diundang, hadir) in enumerate(zip(df["diundang"], df["hadir"], strict=True))
        if not missing(diundang) and not missing(hadir) and int(hadir) > int(diundang)
    ]
    if problems:
        raise TableError(problems, file)
    order = pd.to_datetime(df["tanggal"], errors="coerce").argsort(kind="stable")
    out = df.iloc[order].reset_index(drop=True)
    out.attrs = {key: value for key, value in df.attrs.items() if key != "rows"}
    return out


def gabung_kegiatan(lama: pd.DataFrame, baru: pd.DataFrame) -> pd.DataFrame:
    """``lama`` with the sessions of ``baru`` (an imported file) added; a session with the same
    topic (case and spaces ignored) and date is replaced by the file's. Sorted by date.

    >>> lama = kegiatan_from_records([{"topik": "Gizi", "tanggal": "2026-11-07"}])
    >>> baru = kegiatan_from_records([{"topik": " gizi ", "tanggal": "2026-11-07", "hadir": 9},
    ...                               {"topik": "KIP", "tanggal": "2026-10-03"}])
    >>> gabung_kegiatan(lama, baru)[["topik", "hadir"]].values.tolist()
    [['KIP', <NA>], [' gizi ', 9]]
    """
    both = pd.concat([lama[KEGIATAN_SCHEMA.names], baru[KEGIATAN_SCHEMA.names]], ignore_index=True)
    topics = both["topik"].astype("object").map(lambda v: " ".join(str(v).split()).casefold())
    same = pd.DataFrame({"topik": topics, "tanggal": both["tanggal"]}).duplicated(keep="last")
    merged = kegiatan_from_records(kegiatan_records(both[~same.to_numpy(dtype=bool)]))
    order = pd.to_datetime(merged["tanggal"], errors="coerce").argsort(kind="stable")
    return merged.iloc[order].reset_index(drop=True)


def ringkas_kegiatan(df: pd.DataFrame) -> dict[str, Any]:
    """The plan in numbers: ``direncanakan`` (sessions), ``terlaksana`` (sessions with the
    attendance recorded), ``diundang`` and ``hadir`` (carers, over the sessions held),
    ``kehadiran_pct`` (present / invited over the sessions held with both counts, 1 decimal;
    ``None`` without such a session), ``berikutnya`` (the earliest session not held yet, a
    date, or ``None``).

    >>> ringkas_kegiatan(kegiatan_from_records([]))["kehadiran_pct"] is None
    True
    """
    held = df["hadir"].notna()
    both = held & df["diundang"].notna()
    invited = int(df.loc[both, "diundang"].sum())
    present = int(df.loc[held, "hadir"].sum())
    pct = None
    if invited:
        pct = round(100 * int(df.loc[both, "hadir"].sum()) / invited, 1)
    upcoming = [d for d, h in zip(df["tanggal"], held, strict=True) if not h and not missing(d)]
    return {
        "direncanakan": len(df),
        "terlaksana": int(held.sum()),
        "diundang": int(df.loc[held, "diundang"].fillna(0).sum()),
        "hadir": present,
        "kehadiran_pct": pct,
        "berikutnya": min(upcoming) if upcoming else None,
    }


def kegiatan_xlsx(df: pd.DataFrame) -> bytes:
    """The plan as an Excel file (headers in the participant's language, real dates, counts);
    it can be imported again (no note or totals row around the table).

    >>> import io, openpyxl
    >>> df = kegiatan_from_records([{"topik": "Gizi", "tanggal": "2026-11-07", "diundang": 20,
    ...                              "hadir": 15}])
    >>> sheet = openpyxl.load_workbook(io.BytesIO(kegiatan_xlsx(df))).active
    >>> [c.value for c in sheet[1]][:4], sheet["B2"].number_format, sheet["E2"].value
    (['Topik', 'Tanggal', 'Tempat', 'Pengasuh diundang'], 'DD/MM/YYYY', 15)
    """
    from desmigratif_kit.core.excel import Lembar, workbook  # openpyxl: only when exporting

    return workbook([Lembar(i18n.t("par.keg.xlsx_sheet"), df, list(KEGIATAN_SCHEMA.columns))])
