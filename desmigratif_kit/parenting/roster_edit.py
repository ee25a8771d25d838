"""The village roster of children as a participant's saved work (pure Python and pandas): what
the *Data Anak Desa* app calls to add, change, import and export.

* JSON records with ISO dates (how the store keeps the roster): :func:`roster_records`,
  :func:`roster_from_records`;
* a child entered in a form, checked by the same rules as an imported file
  (:func:`entri_anak`, :func:`simpan_anak`); a measurement added to a child
  (:func:`tambah_ukuran_anak`, with the checks of the growth card: a negative weight, a child
  over 60 months or 300 cm get a clear message); :func:`hapus_anak`,
  :func:`hapus_ukuran_anak`;
* an imported file merged into the saved roster (:func:`gabung_roster`): a child's
  measurement of the same date is replaced, a child keeps one sex, nothing is half-merged;
* Excel: :func:`roster_xlsx` (**with names**: for the village itself; its first sheet can be
  imported again) and :func:`ringkasan_xlsx` (**counts only**: for the sub-district, the
  district or a shared screen).

>>> df = simpan_anak(roster_from_records([]), {"nama_anak": "Ayu", "jenis_kelamin": "P",
...                                            "tanggal_lahir": "05/08/2025"})[0]
>>> df = tambah_ukuran_anak(df, "ayu|2025-08-05", {"tanggal_ukur": "10/02/2026",
...                                               "berat_kg": "7,5", "tinggi_cm": "66"})
>>> df[["nama_anak", "tanggal_ukur", "berat_kg"]].values.tolist()
[['Ayu', datetime.date(2026, 2, 10), 7.5]]
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from desmigratif_kit.core import i18n
from desmigratif_kit.core.inputs import missing
from desmigratif_kit.core.tables import Column, Problem, TableError, column_series
from desmigratif_kit.parenting.kartu import baca_anak, baca_ukuran
from desmigratif_kit.parenting.roster import (
    ROSTER_SCHEMA,
    child_key,
    latest_per_child,
    load_roster,
    needs_visit,
)
from desmigratif_kit.parenting.summary import RINGKASAN

__all__ = [
    "DATA_ANAK",
    "PENANDA_CONTOH",
    "DATA_UKUR",
    "NAMA_KOLOM",
    "ada_data_contoh",
    "entri_anak",
    "gabung_roster",
    "hapus_anak",
    "hapus_ukuran_anak",
    "ringkasan_xlsx",
    "roster_from_records",
    "roster_records",
    "roster_xlsx",
    "simpan_anak",
    "tambah_ukuran_anak",
]

_COLUMNS = {column.name: column for column in ROSTER_SCHEMA.columns}
NAMA_KOLOM = tuple(_COLUMNS)
DATA_ANAK = (
    "id_anak", "nama_anak", "jenis_kelamin", "tanggal_lahir", "orang_tua_di_luar_negeri",
    "negara_orang_tua", "pengasuh", "nama_pengasuh", "status_sekolah", "keterangan",
)  # fmt: skip
"""A child's details: the same in every row of that child."""
DATA_UKUR = ("tanggal_ukur", "berat_kg", "tinggi_cm", "cara_ukur", "edema")
"""One measurement."""
PENANDA_CONTOH = "SINTETIS"
"""The ``keterangan`` of every row of the kit's synthetic sample (``data/sample/README.md``)."""


def ada_data_contoh(df: pd.DataFrame) -> bool:
    """True when the roster holds rows of the kit's synthetic sample (made-up children).

    >>> from desmigratif_kit.parenting.roster import load_sample_roster
    >>> ada_data_contoh(load_sample_roster()), ada_data_contoh(roster_from_records([]))
    (True, False)
    """
    notes = df["keterangan"].astype("object")
    return bool(notes.map(lambda v: not missing(v) and str(v).strip() == PENANDA_CONTOH).any())


# --- records --------------------------------------------------------------------------------


def roster_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The roster as JSON-ready records: dates as ISO text, numbers as floats, empty cells as
    ``None``.

    >>> df = load_roster(b"Nama;JK;Tgl Lahir;Tgl Ukur;BB\\nAyu;P;05/08/2025;10/02/2026;7,5\\n")
    >>> rec = roster_records(df)[0]
    >>> rec["tanggal_lahir"], rec["berat_kg"], rec["tinggi_cm"], rec["edema"]
    ('2025-08-05', 7.5, None, None)
    """
    records = []
    for values in zip(*(df[name].tolist() for name in NAMA_KOLOM), strict=True):
        record: dict[str, Any] = {}
        for name, value in zip(NAMA_KOLOM, values, strict=True):
            kind = _COLUMNS[name].kind
            if missing(value):
                record[name] = None
            elif kind == "date":
                record[name] = value.isoformat()
            elif kind == "number":
                record[name] = float(value)
            elif kind == "bool":
                record[name] = bool(value)
            else:
                record[name] = str(value)
        records.append(record)
    return records


def _from_json(column: Column, value: Any) -> Any:
    if missing(value) or (isinstance(value, str) and not value.strip()):
        return None
    if column.kind == "date":
        return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    if column.kind == "number":
        return float(value)
    if column.kind == "bool":
        return bool(value)
    return str(value)


def roster_from_records(records: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """The roster DataFrame (the dtypes :func:`~desmigratif_kit.parenting.load_roster` gives)
    from records.

    >>> df = roster_from_records([{"nama_anak": "Ayu", "tanggal_lahir": "2025-08-05"}])
    >>> df.loc[0, "tanggal_lahir"], str(df["berat_kg"].dtype), df.loc[0, "pengasuh"] is pd.NA
    (datetime.date(2025, 8, 5), 'float64', True)
    """
    records = list(records)
    frame = {
        name: column_series(column, [_from_json(column, r.get(name)) for r in records])
        for name, column in _COLUMNS.items()
    }
    return pd.DataFrame(frame, columns=list(NAMA_KOLOM))


# --- a child entered in a form --------------------------------------------------------------


def _as_text(name: str, value: Any) -> str:
    """A value as a person would type it in the form (so the file rules can read it)."""
    if missing(value):
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool | np.bool_):
        return "ya" if value else "tidak"
    if isinstance(value, float):
        return i18n.format_number(value).replace(".", "")
    return str(value)


def _form_frame(nilai: Mapping[str, Any], names: Iterable[str]) -> pd.DataFrame:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    names = list(names)
    writer.writerow([_COLUMNS[name].title for name in names])
    writer.writerow([_as_text(name, nilai.get(name)) for name in names])
    return load_roster(buffer.getvalue().encode("utf-8"), filename=i18n.t("table.form"))


def entri_anak(
    nilai: Mapping[str, Any], roster: pd.DataFrame | None = None, kecuali: str | None = None
) -> dict[str, Any]:
    """A child's details from a form (``nilai``: :data:`DATA_ANAK` names → what was typed),
    checked by the roster's file rules; the child (name and birth date, or ``id_anak``) must
    not be in ``roster`` already, except child ``kecuali`` (the one being edited). Returns a
    record without measurement; raises :class:`~desmigratif_kit.core.tables.TableError`
    listing every problem.

    >>> entri_anak({"nama_anak": "Ayu", "jenis_kelamin": "perempuan",
    ...             "tanggal_lahir": "05/08/2025", "pengasuh": "Mbah"})["pengasuh"]
    'nenek'
    >>> entri_anak({"nama_anak": "Ayu", "jenis_kelamin": "X", "tanggal_lahir": "31/02/2025"})
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.tables.TableError: Berkas "formulir" tidak dapat dipakai. Masalah yang
    ditemukan: 2.
    - baris 2, kolom "Jenis kelamin": diharapkan salah satu dari: L, P, diberikan "X".
    - baris 2, kolom "Tanggal lahir": diharapkan tanggal seperti 12/09/2017, diberikan "31/02/2025".
    """
    unknown = [key for key in nilai if key not in DATA_ANAK]
    if unknown:
        raise i18n.InputError(
            "input.not_found",
            expected="expected.choice",
            choices=", ".join(DATA_ANAK),
            given=unknown[0],
            field="entri",
        )
    df = _form_frame(nilai, DATA_ANAK)
    record = roster_records(df)[0]
    if roster is not None and len(roster):
        key = child_key(df).iloc[0]
        others = set(child_key(roster)) - {kecuali}
        if key in others:
            raise TableError(
                [
                    Problem(
                        i18n.t("table.form"),
                        2,
                        _COLUMNS["nama_anak"].title,
                        "par.expected.unique_child",
                        record["nama_anak"],
                    )
                ],
                i18n.t("table.form"),
            )
    return record


def _rows_of(df: pd.DataFrame, anak: str) -> np.ndarray:
    return (child_key(df) == anak).to_numpy(dtype=bool)


def simpan_anak(
    df: pd.DataFrame, nilai: Mapping[str, Any], anak: str | None = None
) -> tuple[pd.DataFrame, str]:
    """Add a new child (``anak`` ``None``) or change the details of child ``anak`` in every
    row of theirs. Returns the new roster and the child's key. A birth date after one of the
    child's measurements is refused (``TableError``); ``df`` is never changed.

    >>> df, key = simpan_anak(roster_from_records([]), {"nama_anak": "Ayu",
    ...     "jenis_kelamin": "P", "tanggal_lahir": "05/08/2025"})
    >>> df, key = simpan_anak(df, {"nama_anak": "Ayu Lestari", "jenis_kelamin": "P",
    ...     "tanggal_lahir": "05/08/2025"}, anak=key)
    >>> key, df["nama_anak"].tolist()
    ('ayu lestari|2025-08-05', ['Ayu Lestari'])
    """
    record = entri_anak(nilai, df, kecuali=anak)
    if anak is None:
        new = roster_from_records([record])
        out = pd.concat([df[list(NAMA_KOLOM)], new], ignore_index=True)
    else:
        rows = _rows_of(df, anak)
        if not rows.any():
            raise i18n.InputError(
                "input.not_found", expected="par.expected.child", given=anak, field="anak"
            )
        lahir = date.fromisoformat(record["tanggal_lahir"])
        measured = [d for d in df.loc[rows, "tanggal_ukur"] if not missing(d)]
        if measured and min(measured) < lahir:
            raise TableError(
                [
                    Problem(
                        i18n.t("table.form"),
                        2,
                        _COLUMNS["tanggal_lahir"].title,
                        "expected.max",
                        _as_text("tanggal_lahir", lahir),
                        {"max": i18n.format_date(min(measured))},
                    )
                ],
                i18n.t("table.form"),
            )
        records = roster_records(df)
        for position in np.flatnonzero(rows):
            records[position].update({name: record[name] for name in DATA_ANAK})
        out = roster_from_records(records)
    return out, child_key(roster_from_records([record])).iloc[0]


def tambah_ukuran_anak(
    df: pd.DataFrame, anak: str, nilai: Mapping[str, Any], today: date | None = None
) -> pd.DataFrame:
    """The roster with one more measurement of child ``anak`` (``nilai``: :data:`DATA_UKUR`
    names → what was typed). Checked like the growth card
    (:func:`~desmigratif_kit.parenting.kartu.baca_ukuran`); a measurement of the same date is
    replaced; the child's row without measurement is filled. ``df`` is not changed.

    >>> df, key = simpan_anak(roster_from_records([]), {"nama_anak": "Ayu",
    ...     "jenis_kelamin": "P", "tanggal_lahir": "05/08/2025"})
    >>> tambah_ukuran_anak(df, key, {"tanggal_ukur": "10/02/2026", "berat_kg": "-7"})
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Berat badan (kg)" di luar batas: diharapkan
    antara 0,9 dan 58 kg, diberikan "-7".
    """
    rows = _rows_of(df, anak)
    if not rows.any():
        raise i18n.InputError(
            "input.not_found", expected="par.expected.child", given=anak, field="anak"
        )
    records = roster_records(df)
    positions = list(np.flatnonzero(rows))
    first = records[positions[0]]
    child = baca_anak(first["jenis_kelamin"], first["tanggal_lahir"])
    ukuran = baca_ukuran(
        child,
        nilai.get("tanggal_ukur"),
        nilai.get("berat_kg"),
        nilai.get("tinggi_cm"),
        nilai.get("cara_ukur"),
        nilai.get("edema", False),
        today=today,
    )
    same_day = [p for p in positions if records[p]["tanggal_ukur"] == ukuran["tanggal_ukur"]]
    empty = [p for p in positions if records[p]["tanggal_ukur"] is None]
    target = (same_day or empty or [None])[0]
    if target is None:
        records.append({**{name: first[name] for name in DATA_ANAK}, **ukuran})
    else:
        records[target].update(ukuran)
    return roster_from_records(records)


def hapus_anak(df: pd.DataFrame, anak: str) -> pd.DataFrame:
    """The roster without child ``anak`` (every row of theirs)."""
    return roster_from_records(roster_records(df[~_rows_of(df, anak)]))


def hapus_ukuran_anak(df: pd.DataFrame, anak: str, tanggal_ukur: str) -> pd.DataFrame:
    """The roster without child ``anak``'s measurement of ``tanggal_ukur`` (ISO text); a child
    whose last measurement goes keeps a row with their details.

    >>> df, key = simpan_anak(roster_from_records([]), {"nama_anak": "Ayu",
    ...     "jenis_kelamin": "P", "tanggal_lahir": "05/08/2025"})
    >>> df = tambah_ukuran_anak(df, key, {"tanggal_ukur": "10/02/2026", "berat_kg": "7,5"})
    >>> out = hapus_ukuran_anak(df, key, "2026-02-10")
    >>> len(out), out.loc[0, "tanggal_ukur"], out.loc[0, "nama_anak"]
    (1, None, 'Ayu')
    """
    records = roster_records(df)
    rows = _rows_of(df, anak)
    positions = [p for p in np.flatnonzero(rows) if records[p]["tanggal_ukur"] == tanggal_ukur]
    if not positions:
        return roster_from_records(records)
    if rows.sum() == 1:
        records[positions[0]].update({name: None for name in DATA_UKUR})
    else:
        del records[positions[0]]
    return roster_from_records(records)


# --- import ------------------------------------------------------------------------------------


def gabung_roster(lama: pd.DataFrame, baru: pd.DataFrame, file: str | None = None) -> pd.DataFrame:
    """``lama`` with the rows of ``baru`` (an imported file) merged in: a child's measurement
    of a date already in ``lama`` is replaced by the file's, a row without measurement of a
    child who has measurements is dropped, every other row is added. A child of ``baru`` whose
    sex differs from ``lama`` is a problem: :class:`TableError` (rows as in the file) and
    nothing changes.

    >>> lama = load_roster(b"Nama;JK;Tgl Lahir;Tgl Ukur;BB\\nAyu;P;05/08/2025;10/01/2026;7\\n")
    >>> baru = load_roster(b"Nama;JK;Tgl Lahir;Tgl Ukur;BB\\nAyu;P;05/08/2025;10/01/2026;7,1\\n"
    ...                    b"Ayu;P;05/08/2025;10/02/2026;7,5\\n")
    >>> gabung_roster(lama, baru)["berat_kg"].tolist()
    [7.1, 7.5]
    """
    old_keys, new_keys = child_key(lama), child_key(baru)
    sexes = dict(zip(old_keys, lama["jenis_kelamin"].astype("object"), strict=True))
    rows = baru.attrs.get("rows") or list(range(2, len(baru) + 2))
    problems = [
        Problem(
            file,
            rows[i],
            _COLUMNS["jenis_kelamin"].title,
            "par.expected.same_sex",
            str(sex),
            {"sex": sexes[key]},
        )
        for i, (key, sex) in enumerate(
            zip(new_keys, baru["jenis_kelamin"].astype("object"), strict=True)
        )
        if key in sexes and sex != sexes[key]
    ]
    if problems:
        raise TableError(problems, file)
    both = pd.concat([lama[list(NAMA_KOLOM)], baru[list(NAMA_KOLOM)]], ignore_index=True)
    keys = pd.concat([old_keys, new_keys], ignore_index=True)
    days = pd.to_datetime(both["tanggal_ukur"], errors="coerce")
    measured = days.notna()
    has_measurement = set(keys[measured])
    keep = ~pd.DataFrame({"k": keys, "d": days}).duplicated(keep="last")
    keep &= measured | ~keys.isin(has_measurement)
    return roster_from_records(roster_records(both[keep.to_numpy(dtype=bool)]))


# --- Excel ---------------------------------------------------------------------------------------


def _readable(df: pd.DataFrame) -> pd.DataFrame:
    """Choice codes as words (``belum_sekolah`` → ``belum sekolah``: the import reads both)."""
    out = df.copy()
    for name, column in _COLUMNS.items():
        if column.kind == "choice":
            out[name] = (
                out[name]
                .astype("object")
                .map(lambda v: v if missing(v) else str(v).replace("_", " "))
            )
    return out


def roster_xlsx(df: pd.DataFrame, today: date) -> bytes:
    """The roster as an Excel file **with names: for the village itself**. Sheet 1 is the
    roster (one row per measurement, the schema's Indonesian headers: it can be imported
    again); sheet 2 each child's latest measurement with scores and categories on ``today``;
    sheet 3 who needs a visit and why.

    >>> import openpyxl
    >>> df = load_roster(b"Nama;JK;Tgl Lahir;Tgl Ukur;BB;TB\\n"
    ...                  b"Ayu;P;05/08/2025;10/02/2026;7,5;66\\n")
    >>> book = openpyxl.load_workbook(io.BytesIO(roster_xlsx(df, date(2026, 2, 15))))
    >>> book.sheetnames, book.worksheets[0]["B1"].value, book.worksheets[0]["K2"].value
    (['Data anak', 'Hasil terakhir', 'Perlu dikunjungi'], 'Nama anak', 7.5)
    """
    from desmigratif_kit.core.excel import Lembar, workbook  # openpyxl: only when exporting

    t = i18n.t
    latest = latest_per_child(df, today)
    latest["jenis_kelamin"] = (
        latest["jenis_kelamin"]
        .astype("object")
        .map(lambda v: v if missing(v) else t(f"par.sex.{v}"))
    )
    latest_columns = [
        Column("nama_anak", "text", label="Nama anak"),
        Column("jenis_kelamin", "text", label="Jenis kelamin"),
        Column("tanggal_lahir", "date", label="Tanggal lahir"),
        Column("umur_bulan_kini", "int", label="par.col.umur_bulan"),
        Column("tanggal_ukur", "date", label="par.col.ukur_terakhir"),
        Column("berat_kg", "number", label="Berat badan (kg)"),
        Column("tinggi_dipakai_cm", "number", label="par.col.tinggi_dipakai"),
        *[Column(f"z_{index}", "number", label=f"par.col.z_{index}") for index in _INDICES],
        *[Column(f"kategori_{i}", "text", label=f"par.col.kategori_{i}") for i in _INDICES],
        Column("status_kbm", "text", label="par.col.status_kbm"),
    ]
    visits = needs_visit(df, today)
    visits["tingkat"] = visits["tingkat"].map(lambda v: t(f"par.tingkat.{v}"))
    visits["alasan"] = visits["alasan"].map(
        lambda codes: "; ".join(t(f"par.alasan.{code}") for code in codes)
    )
    visits["pengasuh"] = visits["pengasuh"].map(lambda v: "" if missing(v) else str(v))
    visit_columns = [
        Column("nama_anak", "text", label="Nama anak"),
        Column("umur_bulan_kini", "int", label="par.col.umur_bulan"),
        Column("pengasuh", "text", label="Pengasuh"),
        Column("tingkat", "text", label="par.col.tingkat"),
        Column("alasan", "text", label="par.col.alasan"),
    ]
    note = t("par.xlsx.named_note", date=i18n.format_date(today))
    return workbook(
        [
            Lembar(t("par.xlsx.sheet_roster"), _readable(df), list(ROSTER_SCHEMA.columns)),
            Lembar(t("par.xlsx.sheet_latest"), latest, latest_columns, catatan=note),
            Lembar(t("par.xlsx.sheet_visits"), visits, visit_columns, catatan=note),
        ]
    )


_INDICES = ("bb_u", "tb_u", "bb_tb", "imt_u")


def ringkasan_xlsx(counts: Mapping[str, int], today: date, tempat: str | None = None) -> bytes:
    """The village's counts as an Excel file **without a name**: for the sub-district, the
    district or a shared screen (``counts`` from
    :func:`~desmigratif_kit.parenting.count_children`; the place name, if given, in the note).

    >>> import openpyxl
    >>> book = ringkasan_xlsx({"anak": 3, "pendek": 1}, date(2026, 12, 15), "Desa Sukamaju")
    >>> sheet = openpyxl.load_workbook(io.BytesIO(book)).active
    >>> sheet["A3"].value, sheet["B3"].value, sheet["B3"].number_format
    ('Semua anak dalam data', 3, '#,##0')
    """
    from desmigratif_kit.core.excel import Lembar, workbook  # openpyxl: only when exporting

    t = i18n.t
    keys = [key for key in RINGKASAN if key in counts]
    table = pd.DataFrame(
        {
            "keterangan": [t(f"par.count.{key}") for key in keys],
            "jumlah": [int(counts[key]) for key in keys],
        }
    )
    columns = [
        Column("keterangan", "text", label="par.col.keterangan"),
        Column("jumlah", "int", label="par.col.jumlah_anak"),
    ]
    note = t("par.xlsx.counts_note", date=i18n.format_date(today), place=tempat or "")
    return workbook([Lembar(t("par.xlsx.sheet_counts"), table, columns, catatan=note.strip())])
