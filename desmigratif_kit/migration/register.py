"""The village register of migrant workers (*pendataan PMI desa*, UU 18/2017 Art. 42).

Pure calculations on DataFrames (no widgets, no plotting):

* reading and checking a register: :data:`REGISTER_SCHEMA`, :func:`load_register`, and the
  synthetic sample :func:`load_sample_register` (its "today" is :data:`SAMPLE_REFERENCE_DATE`);
* summaries and alerts: :func:`register_summary` (empty cells count as :data:`TIDAK_DIISI`),
  :func:`contracts_ending`, :func:`movements_per_month`;
* privacy: identity numbers are masked in every display, shared export and message; the
  functions (:func:`mask_id`, :func:`mask_nik`, :func:`masked`, :func:`mask_digits`,
  :func:`masked_error`) live in :mod:`.masking` and are re-exported here.

Every public name is re-exported by :mod:`desmigratif_kit.migration`, the pillar's public API.

>>> df = load_register(b"Nama;NIK;JK;Tgl Lahir;Negara Tujuan;Status\\n"
...                    b"Siti;9901014501990001;P;05/01/1999;Taiwan;bekerja\\n")
>>> masked(df)[["nama", "nik", "status"]]
   nama               nik   status
0  Siti  ************0001  bekerja
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache
from typing import Any

import pandas as pd

from desmigratif_kit.core import data, i18n
from desmigratif_kit.core.inputs import as_date, missing
from desmigratif_kit.migration.masking import (
    MASKED_COLUMNS,
    _clean_nik,
    mask_digits,
    mask_id,
    mask_nik,
    masked,
    masked_error,
)

__all__ = [
    "MASKED_COLUMNS",
    "mask_digits",
    "masked_error",
    "REGISTER_SCHEMA",
    "SAMPLE_REFERENCE_DATE",
    "SAMPLE_REGISTER_FILE",
    "STATUS",
    "TIDAK_DIISI",
    "contracts_ending",
    "load_register",
    "load_sample_register",
    "mask_id",
    "mask_nik",
    "masked",
    "movements_per_month",
    "register_summary",
]

STATUS = ("calon", "bekerja", "pulang", "bermasalah")
"""Register status: prospective, working abroad, returned, in trouble."""

SAMPLE_REFERENCE_DATE = date(2026, 12, 1)
"""The "today" of the synthetic sample register (contracts ending soon are relative to it)."""

_STATUS_CHOICES = {
    "calon": ["calon pmi", "cpmi", "calon tki", "belum berangkat"],
    "bekerja": ["sedang bekerja", "aktif", "di luar negeri", "working"],
    "pulang": ["purna", "purna pmi", "sudah pulang", "kembali", "returned"],
    "bermasalah": ["kasus", "ada masalah", "troubled"],
}
_JALUR_CHOICES = {
    "p3mi": ["pt", "swasta", "p to p", "p2p", "agensi", "pptkis", "pjtki"],
    "g2g": ["g to g", "bp2mi", "kp2mi", "government to government", "antarpemerintah"],
    "perusahaan_sendiri": ["ukps", "untuk kepentingan perusahaan sendiri", "perusahaan"],
    # The regulation's meaning (Permenaker 9/2019 Pasal 1 angka 3): the legal independent
    # route. "mandiri" is the word older kit versions used for it.
    "perseorangan": ["pmi perseorangan", "mandiri", "independen", "independent"],
    # Brokers (orang perseorangan, Pasal 69). Older kit versions called this route
    # "perseorangan" and labelled it "Perseorangan (calo/sponsor)" or "Perseorangan (calo)".
    "calo": [
        "sponsor",
        "calo/sponsor",
        "calo atau sponsor",
        "nonprosedural",
        "non prosedural",
        "perseorangan (calo/sponsor)",
        "perseorangan (calo)",
        "an individual (broker/sponsor)",
        "individual (broker)",
        "broker",
    ],
}


def _jalur_choices() -> dict[str, list[str]]:
    """The route spellings above plus the kit's own labels in both languages (a file that
    was filled with the app's words reads back)."""
    return {
        code: [
            *spellings,
            *(i18n.t(f"{key}.{code}", lang) for key in ("mig.jalur", "chart.jalur") for lang in
              i18n.LANGUAGES),
        ]
        for code, spellings in _JALUR_CHOICES.items()
    }  # fmt: skip


_JENIS_KELAMIN_CHOICES = {
    "L": ["laki-laki", "laki laki", "laki", "lk", "pria", "m", "male"],
    "P": ["perempuan", "pr", "wanita", "w", "f", "female"],
}

REGISTER_SCHEMA = data.Schema(
    "register_pmi",
    [
        data.Column(
            "nama",
            "text",
            label="Nama",
            aliases=("Nama Lengkap", "Nama PMI", "Nama CPMI", "Nama Pekerja", "Name"),
        ),
        data.Column(
            "nik",
            "text",
            label="NIK",
            aliases=(
                "No KTP",
                "No. KTP",
                "Nomor KTP",
                "No NIK",
                "No. NIK",
                "Nomor NIK",
                "Nomor Induk Kependudukan",
            ),
        ),
        data.Column(
            "jenis_kelamin",
            "choice",
            label="Jenis kelamin",
            choices=_JENIS_KELAMIN_CHOICES,
            aliases=("JK", "L/P", "Kelamin", "Sex", "Gender"),
        ),
        data.Column(
            "tanggal_lahir",
            "date",
            label="Tanggal lahir",
            aliases=("Tgl Lahir", "Tgl. Lahir", "Date of birth"),
            min=date(1900, 1, 1),
        ),
        data.Column(
            "negara_tujuan",
            "text",
            label="Negara tujuan",
            aliases=("Negara", "Negara Penempatan", "Destination"),
        ),
        data.Column(
            "jabatan",
            "text",
            required=False,
            label="Jabatan",
            aliases=("Pekerjaan", "Jenis Pekerjaan", "Posisi", "Job"),
        ),
        data.Column(
            "jalur",
            "choice",
            required=False,
            label="Jalur",
            choices=_jalur_choices(),
            aliases=("Jalur Penempatan", "Skema", "Skema Penempatan"),
        ),
        data.Column(
            "agensi",
            "text",
            required=False,
            label="Agensi (P3MI)",
            aliases=("Agensi", "P3MI", "PPTKIS", "PJTKI", "Nama P3MI", "Agency"),
        ),
        data.Column(
            "tanggal_berangkat",
            "date",
            required=False,
            label="Tanggal berangkat",
            aliases=("Tgl Berangkat", "Tgl. Berangkat", "Tanggal Keberangkatan", "Berangkat"),
        ),
        data.Column(
            "akhir_kontrak",
            "date",
            required=False,
            label="Akhir kontrak",
            aliases=(
                "Tgl Akhir Kontrak",
                "Tanggal Akhir Kontrak",
                "Kontrak Berakhir",
                "Selesai Kontrak",
            ),
        ),
        data.Column(
            "tanggal_pulang",
            "date",
            required=False,
            label="Tanggal pulang",
            aliases=("Tgl Pulang", "Tgl. Pulang", "Tanggal Kepulangan"),
        ),
        data.Column(
            "status",
            "choice",
            label="Status",
            choices=_STATUS_CHOICES,
            aliases=("Status PMI", "Keadaan"),
        ),
        data.Column(
            "telepon_keluarga",
            "text",
            required=False,
            label="Telepon keluarga",
            aliases=(
                "No HP Keluarga",
                "No. HP Keluarga",
                "HP Keluarga",
                "Telp Keluarga",
                "Kontak Keluarga",
            ),
        ),
        data.Column(
            "nomor_paspor",
            "text",
            required=False,
            label="Nomor paspor",
            aliases=("No Paspor", "No. Paspor", "Paspor", "Passport No"),
        ),
        data.Column(
            "keterangan",
            "text",
            required=False,
            label="Keterangan",
            aliases=("Ket", "Ket.", "Catatan"),
        ),
    ],
)
"""The village register of migrant workers (*pendataan PMI desa*, UU 18/2017 Art. 42 duties
of the village: record CPMI, monitor departures and returns). Required columns: nama, nik,
jenis_kelamin (L/P), tanggal_lahir, negara_tujuan, status (:data:`STATUS`); the others are
optional. Headers match the names, the labels and common Indonesian headers ("Nama Lengkap",
"Jenis Kelamin", "Tgl Berangkat", ...), without case. In Excel, format the NIK column as
*Text*: Excel keeps only 15 significant digits of a number, so a 16-digit NIK typed as a
number loses its last digit."""

SAMPLE_REGISTER_FILE = "sample/register_pmi_sintetis.csv"

_NIK = re.compile(r"\d{16}")


def _expected(key: str, fallback: str) -> str:
    """A catalog key when the catalog has it, else already-written Indonesian text."""
    return key if key in i18n.catalog("id") else fallback


def _nik_problem(file: str | None, row: int, column: str, nik: str) -> data.Problem:
    """A NIK that is not 16 digits: shown masked; a 15-digit one gets the Excel hint."""
    digits = re.sub(r"\D", "", nik)
    if nik.isdigit() and len(digits) == 15:
        return data.Problem(file, row, column, "mig.expected.nik_excel", mask_nik(nik))
    return data.Problem(
        file, row, column, _expected("expected.nik", "NIK 16 angka"), mask_digits(nik)
    )


def _register_problems(df: pd.DataFrame) -> list[data.Problem]:
    file = df.attrs.get("source")
    rows = df.attrs.get("rows") or list(range(2, len(df) + 2))
    label = {column.name: column.title for column in REGISTER_SCHEMA.columns}
    problems = []
    seen: dict[str, int] = {}
    for i, (nik, lahir, berangkat, akhir, pulang) in enumerate(
        zip(
            df["nik"],
            df["tanggal_lahir"],
            df["tanggal_berangkat"],
            df["akhir_kontrak"],
            df["tanggal_pulang"],
            strict=True,
        )
    ):
        row = rows[i]
        if not _NIK.fullmatch(nik):
            problems.append(_nik_problem(file, row, label["nik"], nik))
        elif nik in seen:
            problems.append(
                data.Problem(
                    file,
                    row,
                    label["nik"],
                    "mig.expected.nik_unique_row",
                    mask_nik(nik),
                    {"row": seen[nik]},
                )
            )
        else:
            seen[nik] = row
        later = (
            (berangkat, lahir, "tanggal_berangkat"),
            (akhir, berangkat, "akhir_kontrak"),
            (pulang, berangkat, "tanggal_pulang"),
        )
        for value, earliest, name in later:
            if missing(value) or missing(earliest):
                continue
            limit = earliest + timedelta(days=1) if name == "akhir_kontrak" else earliest
            if value < limit:
                problems.append(
                    data.Problem(
                        file,
                        row,
                        label[name],
                        "expected.min",
                        value.strftime("%d/%m/%Y"),
                        {"min": i18n.format_date(limit)},
                    )
                )
    return problems


def _calo_in_old_files(df: pd.DataFrame) -> None:
    """Older kit files wrote ``perseorangan`` for broker placements, with the broker in the
    agency column ("(calo, tanpa izin)"). Under the regulation's meaning ``perseorangan`` is
    the legal independent route, which has no agency: a row whose agency names a broker or
    sponsor is read as ``calo``. Changes ``df`` in place (a frame this module just read)."""
    agensi = df["agensi"].astype("object").fillna("").astype(str).str.casefold()
    broker = agensi.str.contains(r"\b(?:calo|sponsor)\b", regex=True)
    mask = (df["jalur"].astype("object") == "perseorangan").to_numpy(dtype=bool) & broker.to_numpy(
        dtype=bool
    )
    if mask.any():
        df.loc[mask, "jalur"] = "calo"


def load_register(path_or_bytes: Any, filename: str | None = None) -> pd.DataFrame:
    """Read a village register of migrant workers (Excel or CSV) and check it.

    Reading goes through :func:`desmigratif_kit.core.data.read_table` with
    :data:`REGISTER_SCHEMA` (semicolons or commas, UTF-8 or Windows-1252, dates like
    12/09/2017, Indonesian headers). Then the register's own rules: NIK has 16 digits
    (spaces and dots are removed first) and appears once; tanggal_berangkat is not before
    tanggal_lahir; akhir_kontrak is after tanggal_berangkat; tanggal_pulang is not before
    tanggal_berangkat. All problems of a stage come in one :class:`data.TableError` (file
    problems first; the register rules are checked once the file reads cleanly). No message
    shows an identity number: every run of nine or more digits in a problem is masked
    (:func:`mask_digits`).

    Routes: ``perseorangan`` is the legal independent route (PMI perseorangan; the old word
    ``mandiri`` reads as it); brokers are ``calo`` (``nonprosedural``, ``sponsor`` and the old
    labels "Perseorangan (calo/sponsor)" read as it, and so does ``perseorangan`` with a
    broker named in the agency column, as older kit files wrote it).

    Dates are ``datetime.date`` objects (``None`` when empty), as ``read_table`` returns them;
    NIK is the cleaned 16-digit text. Show the frame only through :func:`masked`.

    >>> df = load_register(b"Nama Lengkap;NIK;JK;Tgl Lahir;Negara Tujuan;Status;Jalur\\n"
    ...                    b"Siti;9901014501990001;Perempuan;05/01/1999;Taiwan;Bekerja;Mandiri\\n")
    >>> df.loc[0, ["jenis_kelamin", "status", "tanggal_lahir", "jalur"]].tolist()
    ['P', 'bekerja', datetime.date(1999, 1, 5), 'perseorangan']
    >>> load_register(b"Nama;NIK;JK;Tgl Lahir;Negara Tujuan;Status\\n"
    ...               b"Siti;12345;P;05/01/1999;Taiwan;bekerja\\n", filename="reg.csv")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.tables.TableError: Berkas "reg.csv" tidak dapat dipakai. Masalah yang
    ditemukan:
    1.
    - baris 2, kolom "NIK": diharapkan NIK 16 angka, diberikan "12345".
    """
    try:
        df = data.read_table(path_or_bytes, REGISTER_SCHEMA, filename=filename)
    except data.TableError as err:
        raise masked_error(err) from None
    df["nik"] = pd.array([_clean_nik(v) for v in df["nik"]], dtype="string")
    problems = _register_problems(df)
    if problems:
        raise data.TableError(problems, df.attrs.get("source"))
    _calo_in_old_files(df)
    return df


@cache
def _sample_register() -> pd.DataFrame:
    return load_register(data.data_path(SAMPLE_REGISTER_FILE))


def load_sample_register() -> pd.DataFrame:
    """The synthetic register of *Desa Sukamaju Sintetis* (about 1,500 fictional workers;
    every name, NIK, passport and phone number is made up; see ``data/sample/README.md``).
    Its "today" is :data:`SAMPLE_REFERENCE_DATE`.

    >>> df = load_sample_register()
    >>> len(df) > 1000, set(df["keterangan"])
    (True, {'SINTETIS'})
    """
    df = _sample_register()
    out = df.copy()
    out.attrs = dict(df.attrs)
    return out


def _dates(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series, errors="coerce")


def _as_timestamp(value: Any, name: str) -> pd.Timestamp:
    return pd.Timestamp(as_date(value, name))


_RINGKASAN_DIMENSI = ("negara_tujuan", "jenis_kelamin", "jabatan", "status", "jalur")
TIDAK_DIISI = "(tidak diisi)"


def register_summary(df: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Counts of a register by destination, sex, job, status and route.

    Returns a dict: key = the column (``negara_tujuan``, ``jenis_kelamin``, ``jabatan``,
    ``status``, ``jalur``), value = a DataFrame with that column, ``jumlah`` and ``persen``
    (of all rows, one decimal), largest first (ties alphabetical). Empty cells count as
    ``"(tidak diisi)"``.

    >>> df = pd.DataFrame({"negara_tujuan": ["Taiwan", "Hong Kong", "Taiwan", None],
    ...     "jenis_kelamin": ["P", "P", "L", "P"], "jabatan": ["PRT"] * 4,
    ...     "status": ["bekerja", "pulang", "bekerja", "calon"], "jalur": ["p3mi"] * 4})
    >>> register_summary(df)["negara_tujuan"]
      negara_tujuan  jumlah  persen
    0        Taiwan       2    50.0
    1     Hong Kong       1    25.0
    2  (tidak diisi)      1    25.0
    >>> register_summary(pd.DataFrame({"nama": ["Siti"]}))
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai tidak ditemukan: diharapkan salah satu dari:
    negara_tujuan, jenis_kelamin, jabatan, status, jalur, diberikan "nama".
    """
    _require_columns(df, _RINGKASAN_DIMENSI)
    total = len(df)
    result = {}
    for name in _RINGKASAN_DIMENSI:
        values = df[name].astype("object").where(df[name].notna(), TIDAK_DIISI)
        values = values.map(
            lambda v: (
                v.strip()
                if isinstance(v, str) and v.strip()
                else (TIDAK_DIISI if isinstance(v, str) else v)
            )
        )
        counts = values.value_counts().rename_axis(name).reset_index(name="jumlah")
        counts = counts.sort_values(
            ["jumlah", name],
            ascending=[False, True],
            key=lambda s: (
                s
                if s.dtype.kind in "iu"
                else s.map(lambda v: (v == TIDAK_DIISI, str(v).casefold()))
            ),
        )
        counts = counts.reset_index(drop=True)
        counts["jumlah"] = counts["jumlah"].astype("int64")
        counts["persen"] = (100 * counts["jumlah"] / total).round(1) if total else 0.0
        result[name] = counts
    return result


def _require_columns(df: Any, names: Iterable[str]) -> None:
    names = tuple(names)
    if not isinstance(df, pd.DataFrame):
        raise i18n.InputError(
            "input.unreadable",
            expected="expected.choice",
            choices=", ".join(names),
            given=type(df).__name__,
        )
    for name in names:
        if name not in df.columns:
            given = ", ".join(map(str, df.columns)) or ""
            raise i18n.InputError(
                "input.not_found", expected="expected.choice", choices=", ".join(names), given=given
            )


def contracts_ending(df: pd.DataFrame, today: date, within_days: int = 90) -> pd.DataFrame:
    """Workers abroad whose contract ends from ``today`` to ``today + within_days``, inclusive.

    "Abroad" means status ``bekerja`` or ``bermasalah``. The rows keep their index, gain
    ``sisa_hari`` (days left, 0 = ends today) and are sorted by end date, then name. A
    contract that already ended is not listed (it is a data-update job, not an alert).

    >>> df = pd.DataFrame({"nama": ["A", "B", "C", "D"],
    ...     "status": ["bekerja", "bekerja", "pulang", "bekerja"],
    ...     "akhir_kontrak": [date(2026, 12, 1), date(2027, 3, 1), date(2026, 12, 5),
    ...                       date(2027, 3, 2)]})
    >>> contracts_ending(df, date(2026, 12, 1))[["nama", "sisa_hari"]]
      nama  sisa_hari
    0    A          0
    1    B         90
    >>> contracts_ending(df, date(2026, 12, 1), within_days=-1)
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "within_days" di luar batas: diharapkan paling
    sedikit 0, diberikan "-1".
    """
    _require_columns(df, ("nama", "status", "akhir_kontrak"))
    start = _as_timestamp(today, "today")
    if isinstance(within_days, bool) or not isinstance(within_days, numbers.Integral):
        raise i18n.InputError(
            "input.unreadable", expected="expected.integer", given=within_days, field="within_days"
        )
    if within_days < 0:
        raise i18n.InputError(
            "input.out_of_range",
            expected="expected.min",
            min=0,
            given=within_days,
            field="within_days",
        )
    end = _dates(df["akhir_kontrak"])
    sisa = (end - start).dt.days
    abroad = df["status"].astype("object").isin(["bekerja", "bermasalah"])
    mask = abroad & sisa.between(0, int(within_days))
    out = df.loc[mask.fillna(False).astype(bool)].copy()
    out["sisa_hari"] = sisa[out.index].astype("int64")
    out["_urut"] = end[out.index]
    out = out.sort_values(["_urut", "nama"], kind="stable").drop(columns="_urut")
    return out


def movements_per_month(df: pd.DataFrame) -> pd.DataFrame:
    """Departures and returns per calendar month, every month in between present (zeros).

    Departures: ``tanggal_berangkat`` of everyone except status ``calon`` (a candidate's date
    is only a plan). Returns: ``tanggal_pulang`` when filled, else ``akhir_kontrak`` of rows
    with status ``pulang``. Columns: ``bulan`` (first day of the month, datetime64),
    ``berangkat``, ``pulang``.

    >>> df = pd.DataFrame({"status": ["pulang", "bekerja", "calon"],
    ...     "tanggal_berangkat": [date(2024, 1, 10), date(2024, 3, 5), date(2024, 4, 1)],
    ...     "akhir_kontrak": [date(2024, 3, 9), date(2026, 3, 4), None],
    ...     "tanggal_pulang": [None, None, None]})
    >>> movements_per_month(df)
           bulan  berangkat  pulang
    0 2024-01-01          1       0
    1 2024-02-01          0       0
    2 2024-03-01          1       1
    """
    _require_columns(df, ("status", "tanggal_berangkat", "akhir_kontrak"))
    status = df["status"].astype("object")
    berangkat = _dates(df["tanggal_berangkat"])[status != "calon"].dropna()
    if "tanggal_pulang" in df.columns:
        pulang = _dates(df["tanggal_pulang"])
    else:
        pulang = pd.Series(pd.NaT, index=df.index, dtype="datetime64[ns]")
    pulang = pulang.where(pulang.notna(), _dates(df["akhir_kontrak"]).where(status == "pulang"))
    pulang = pulang.dropna()
    columns = ["bulan", "berangkat", "pulang"]
    if berangkat.empty and pulang.empty:
        return pd.DataFrame(
            {
                "bulan": pd.Series(dtype="datetime64[ns]"),
                "berangkat": pd.Series(dtype="int64"),
                "pulang": pd.Series(dtype="int64"),
            }
        )[columns]
    months_b = berangkat.dt.to_period("M")
    months_p = pulang.dt.to_period("M")
    everything = pd.concat([months_b, months_p])
    index = pd.period_range(everything.min(), everything.max(), freq="M")
    out = pd.DataFrame(
        {
            "berangkat": months_b.value_counts().reindex(index, fill_value=0),
            "pulang": months_p.value_counts().reindex(index, fill_value=0),
        }
    )
    out.insert(0, "bulan", index.to_timestamp())
    out = out.reset_index(drop=True).astype({"berangkat": "int64", "pulang": "int64"})
    return out[columns]
