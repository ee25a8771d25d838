"""Pillar 1: the village register as a participant's saved work (plain Python and pandas).

* The register as JSON records with ISO dates (how the store keeps it):
  :func:`register_records`, :func:`register_from_records`;
* a form entry checked with the same rules as an imported file: :func:`entri_register`;
  an imported file merged into the saved register: :func:`gabung_register`;
* alerts on data to complete: :func:`data_belum_lengkap`, :func:`kontrak_lewat`;
* a deleted entry removed from every saved version: :func:`tanpa_nik`;
* the masked Excel export: :func:`register_xlsx`.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import pandas as pd

from desmigratif_kit import migration
from desmigratif_kit.core import data, i18n

__all__ = [
    "JALUR_VERSI_1",
    "KODE_VERSI",
    "jalur_tersimpan",
    "records_saved",
    "KOLOM_WAJIB_DI_LUAR_NEGERI",
    "NAMA_KOLOM",
    "data_belum_lengkap",
    "entri_register",
    "gabung_register",
    "kontrak_lewat",
    "register_from_records",
    "register_records",
    "register_xlsx",
    "tanpa_nik",
]

KODE_VERSI = 2
"""Version of the route codes in saved work (the register, the Cek Kesiapan form). Version 1
(no ``kode_versi`` saved) used ``perseorangan`` for brokers and ``mandiri`` for the independent
route; version 2 uses the regulation's words (``calo``, ``perseorangan``)."""
JALUR_VERSI_1 = {"perseorangan": "calo", "mandiri": "perseorangan"}


def jalur_tersimpan(jalur: Any, kode_versi: Any) -> Any:
    """A route code as saved, read with today's meaning.

    >>> jalur_tersimpan("perseorangan", None), jalur_tersimpan("perseorangan", 2)
    ('calo', 'perseorangan')
    """
    if kode_versi is None and isinstance(jalur, str):
        return JALUR_VERSI_1.get(jalur, jalur)
    return jalur


def records_saved(data: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """The register records of saved work, with version-1 route codes read as today's.

    >>> records_saved({"records": [{"nama": "A", "jalur": "mandiri"}]})
    [{'nama': 'A', 'jalur': 'perseorangan'}]
    """
    if not isinstance(data, Mapping):
        return []
    versi = data.get("kode_versi")
    records = [dict(r) for r in data.get("records") or [] if isinstance(r, Mapping)]
    for record in records:
        if "jalur" in record:
            record["jalur"] = jalur_tersimpan(record["jalur"], versi)
    return records


# --- the village register: saved form, form entries, alerts, export ----------------------

_COLUMNS = {column.name: column for column in migration.REGISTER_SCHEMA.columns}
NAMA_KOLOM = tuple(_COLUMNS)


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def register_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The register as JSON-ready records: dates as ISO text, empty cells as ``None``.

    >>> df = migration.load_register(b"Nama;NIK;JK;Tgl Lahir;Negara Tujuan;Status\\n"
    ...                              b"Siti;9901014501990001;P;05/01/1999;Taiwan;bekerja\\n")
    >>> rec = register_records(df)[0]
    >>> rec["tanggal_lahir"], rec["jabatan"], rec["nik"]
    ('1999-01-05', None, '9901014501990001')
    """
    records = []
    columns = [df[name].tolist() for name in NAMA_KOLOM]
    for values in zip(*columns, strict=True):
        record = {}
        for name, value in zip(NAMA_KOLOM, values, strict=True):
            if _missing(value):
                record[name] = None
            elif isinstance(value, date):
                record[name] = value.isoformat()
            else:
                record[name] = str(value)
        records.append(record)
    return records


def register_from_records(records: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """The register DataFrame (the dtypes :func:`migration.load_register` gives) from records.

    >>> df = register_from_records([{"nama": "Siti", "tanggal_lahir": "1999-01-05"}])
    >>> df.loc[0, "tanggal_lahir"], str(df["nama"].dtype), df.loc[0, "status"] is pd.NA
    (datetime.date(1999, 1, 5), 'string', True)
    """
    records = list(records)
    frame = {}
    for name, column in _COLUMNS.items():
        values = [record.get(name) for record in records]
        if column.kind == "date":
            frame[name] = pd.Series(
                [None if _missing(v) else date.fromisoformat(str(v)[:10]) for v in values],
                dtype="object",
            )
        else:
            frame[name] = pd.Series(
                pd.array([None if _missing(v) else str(v) for v in values], dtype="string")
            )
    return pd.DataFrame(frame, columns=list(NAMA_KOLOM))


def entri_register(
    nilai: Mapping[str, Any], register: pd.DataFrame | None = None, kecuali: int | None = None
) -> dict[str, Any]:
    """One register entry from a form, checked with the same rules as an imported file.

    ``nilai`` maps column names to what was typed (text; dates like 12/09/2017). The entry
    goes through :func:`migration.load_register`, so conversions, required columns, NIK and
    date order follow one set of rules. A NIK already in ``register`` (except row position
    ``kecuali``, the entry being edited) is refused. Returns the entry as a record
    (:func:`register_records`); raises :class:`data.TableError` listing every problem.

    >>> entri_register({"nama": "Siti", "nik": "9901 0145 0199 0001", "jenis_kelamin": "P",
    ...     "tanggal_lahir": "05/01/1999", "negara_tujuan": "Taiwan", "status": "Bekerja"})["nik"]
    '9901014501990001'
    >>> entri_register({"nama": "Siti", "nik": "123", "jenis_kelamin": "P",
    ...     "tanggal_lahir": "31/02/1999", "negara_tujuan": "Taiwan", "status": "bekerja"})
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.tables.TableError: Berkas "formulir" tidak dapat dipakai. Masalah yang
    ditemukan: 1.
    - baris 2, kolom "Tanggal lahir": diharapkan tanggal seperti 12/09/2017, diberikan "31/02/1999".
    """
    unknown = [key for key in nilai if key not in _COLUMNS]
    if unknown:
        raise i18n.InputError(
            "input.not_found",
            expected="expected.choice",
            choices=", ".join(NAMA_KOLOM),
            given=unknown[0],
            field="entri",
        )
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([_COLUMNS[name].title for name in NAMA_KOLOM])
    writer.writerow(
        ["" if _missing(nilai.get(name)) else str(nilai.get(name)) for name in NAMA_KOLOM]
    )
    df = migration.load_register(buffer.getvalue().encode("utf-8"), filename="formulir")
    record = register_records(df)[0]
    if register is not None and len(register):
        others = register["nik"].astype("object").tolist()
        if kecuali is not None and 0 <= kecuali < len(others):
            others[kecuali] = None
        if record["nik"] in others:
            raise data.TableError([_duplicate("formulir", 2, record["nik"], others)], "formulir")
    return record


def _duplicate(file: str | None, row: int, nik: str, existing: list) -> data.Problem:
    """A NIK already in the register: says which entry (its number in the list), masked."""
    return data.Problem(
        file,
        row,
        _COLUMNS["nik"].title,
        "mig.expected.nik_unique_entry",
        migration.mask_nik(nik),
        {"entry": existing.index(nik) + 1},
    )


def gabung_register(
    lama: pd.DataFrame, baru: pd.DataFrame, file: str | None = None
) -> pd.DataFrame:
    """``lama`` followed by ``baru``; a NIK of ``baru`` already in ``lama`` is a problem.

    Raises :class:`data.TableError` (rows as in the file of ``baru``) and changes nothing.

    >>> a = register_from_records([{"nama": "A", "nik": "1" * 16}])
    >>> len(gabung_register(a, register_from_records([{"nama": "B", "nik": "2" * 16}])))
    2
    >>> gabung_register(a, a, "b.csv")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.tables.TableError: Berkas "b.csv" tidak dapat dipakai. Masalah yang
    ditemukan: 1.
    - baris 2, kolom "NIK": diharapkan NIK yang belum ada di register (NIK ini sudah tercatat
    pada entri nomor 1), diberikan "************1111".
    """
    existing = [None if _missing(v) else str(v) for v in lama["nik"].astype("object")]
    known = set(existing) - {None}
    rows = baru.attrs.get("rows") or list(range(2, len(baru) + 2))
    problems = [
        _duplicate(file, rows[i], str(nik), existing)
        for i, nik in enumerate(baru["nik"].astype("object"))
        if not _missing(nik) and str(nik) in known
    ]
    if problems:
        raise data.TableError(problems, file)
    both = pd.concat([lama[list(NAMA_KOLOM)], baru[list(NAMA_KOLOM)]], ignore_index=True)
    return register_from_records(register_records(both))


def tanpa_nik(data_tersimpan: Any, nik: str | Iterable[str]) -> Any:
    """Saved register work (``{"records": [...]}``) without the entries of ``nik`` (one NIK
    or several).

    For :meth:`desmigratif_kit.core.store.Store.rewrite_history`: when an entry is deleted,
    every saved version loses it too, so its NIK is gone from the saved history. Anything that
    is not register work comes back unchanged; the input is never mutated.

    >>> tanpa_nik({"records": [{"nik": "1" * 16}, {"nik": "2" * 16}], "x": 1}, "1" * 16)
    {'records': [{'nik': '2222222222222222'}], 'x': 1}
    >>> tanpa_nik({"records": [{"nik": "1" * 16}, {"nik": "2" * 16}]}, {"1" * 16, "2" * 16})
    {'records': []}
    """
    gone = {nik} if isinstance(nik, str) else set(nik)
    if not isinstance(data_tersimpan, Mapping) or not isinstance(
        data_tersimpan.get("records"), list
    ):
        return data_tersimpan
    records = [
        record
        for record in data_tersimpan["records"]
        if not (isinstance(record, Mapping) and record.get("nik") in gone)
    ]
    return {**data_tersimpan, "records": records}


KOLOM_WAJIB_DI_LUAR_NEGERI = (
    "tanggal_berangkat",
    "akhir_kontrak",
    "jalur",
    "telepon_keluarga",
    "nomor_paspor",
)
"""What the village needs to know of everyone abroad (status bekerja or bermasalah) to
follow them up: when they left, when the contract ends, by which route, a family phone and
the passport number."""


def data_belum_lengkap(df: pd.DataFrame) -> pd.DataFrame:
    """Entries abroad with empty cells among :data:`KOLOM_WAJIB_DI_LUAR_NEGERI`.

    Returns ``nama`` and ``kurang`` (the missing column names, a list), keeping the index.

    >>> df = register_from_records([
    ...     {"nama": "A", "status": "bekerja", "tanggal_berangkat": "2025-01-02"},
    ...     {"nama": "B", "status": "pulang"}])
    >>> data_belum_lengkap(df)["kurang"].tolist()
    [['akhir_kontrak', 'jalur', 'telepon_keluarga', 'nomor_paspor']]
    """
    abroad = df["status"].astype("object").isin(["bekerja", "bermasalah"])
    missing = {
        name: df[name].isna() | (df[name].astype("object") == "")
        for name in KOLOM_WAJIB_DI_LUAR_NEGERI
    }
    kurang = [
        [name for name in KOLOM_WAJIB_DI_LUAR_NEGERI if bool(missing[name].iloc[i])]
        for i in range(len(df))
    ]
    out = pd.DataFrame({"nama": df["nama"], "kurang": kurang}, index=df.index)
    keep = abroad.to_numpy(dtype=bool) & out["kurang"].map(bool).to_numpy(dtype=bool)
    return out[keep]


def kontrak_lewat(df: pd.DataFrame, today: date) -> pd.DataFrame:
    """Entries still marked abroad whose contract already ended before ``today``: the status
    needs updating (returned? extended? in trouble?). Keeps the index; adds nothing.

    >>> df = register_from_records([
    ...     {"nama": "A", "status": "bekerja", "akhir_kontrak": "2026-01-31"},
    ...     {"nama": "B", "status": "bekerja", "akhir_kontrak": "2027-01-31"}])
    >>> kontrak_lewat(df, date(2026, 11, 29))["nama"].tolist()
    ['A']
    """
    today = i18n.parse_date(today, field="today")
    end = df["akhir_kontrak"]
    abroad = df["status"].astype("object").eq("bekerja").fillna(False).to_numpy(dtype=bool)
    ended = [(not _missing(v)) and v < today for v in end]
    return df[abroad & pd.Series(ended, index=df.index).to_numpy(dtype=bool)]


def register_xlsx(df: pd.DataFrame) -> bytes:
    """The register as an Excel file for others: identity numbers masked
    (:func:`migration.masked`), headers as the schema's labels, real Excel dates.

    >>> import openpyxl
    >>> df = register_from_records([{"nama": "Siti", "nik": "9901014501990001",
    ...                              "tanggal_lahir": "1999-01-05"}])
    >>> sheet = openpyxl.load_workbook(io.BytesIO(register_xlsx(df))).active
    >>> [c.value for c in sheet[2]][:2], sheet["A1"].value
    (['Siti', '************0001'], 'Nama')
    """
    out = migration.masked(df[list(NAMA_KOLOM)])
    out = out.astype("object").where(out.notna(), None)
    out.columns = [_COLUMNS[name].title for name in NAMA_KOLOM]
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        out.to_excel(writer, index=False, sheet_name="Register PMI")
        sheet = writer.sheets["Register PMI"]
        for cells in sheet.iter_cols(min_row=2):
            for cell in cells:
                if isinstance(cell.value, date):
                    cell.number_format = "DD/MM/YYYY"
        for cells in sheet.columns:
            sheet.column_dimensions[cells[0].column_letter].width = 18
    return buffer.getvalue()
