"""BP2MI placement statistics (FACTS section 1.8): the reference tables in ``data/reference``.

One loader per table, each validated on first use (columns and dtypes, ``catatan`` is ``S``
or ``?``, every row has a ``sumber``, no negative counts) and cached; every call returns a
copy, so a caller may change it freely. Pure: no widgets, no plotting.

* :func:`load_penempatan_tahunan`: placements per year, 2011-2024;
* :func:`load_penempatan_negara`: by destination country;
* :func:`load_penempatan_provinsi`: by province of origin;
* :func:`load_penempatan_rincian`: sector, sex, jobs and schemes.

Every public name is re-exported by :mod:`desmigratif_kit.migration`, the pillar's public API.

>>> load_penempatan_negara("2099")
Traceback (most recent call last):
...
desmigratif_kit.core.i18n.InputError: Nilai untuk "periode" tidak ditemukan: ...
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from desmigratif_kit.core import data, i18n

__all__ = [
    "load_penempatan_negara",
    "load_penempatan_provinsi",
    "load_penempatan_rincian",
    "load_penempatan_tahunan",
]

_REFERENCE_COLUMNS: dict[str, dict[str, str]] = {
    "reference/bp2mi_penempatan_tahunan.csv": {
        "tahun": "Int64",
        "penempatan": "Int64",
        "perempuan": "Int64",
        "laki_laki": "Int64",
        "formal": "Int64",
        "informal": "Int64",
        "definisi": "string",
        "catatan": "string",
        "sumber": "string",
        "keterangan": "string",
    },
    "reference/bp2mi_penempatan_negara.csv": {
        "periode": "string",
        "negara": "string",
        "jumlah": "Int64",
        "persen": "float64",
        "catatan": "string",
        "sumber": "string",
    },
    "reference/bp2mi_penempatan_provinsi.csv": {
        "periode": "string",
        "kode_provinsi": "string",
        "provinsi": "string",
        "jumlah": "Int64",
        "persen": "float64",
        "catatan": "string",
        "sumber": "string",
    },
    "reference/bp2mi_penempatan_rincian.csv": {
        "periode": "string",
        "dimensi": "string",
        "kategori": "string",
        "jumlah": "Int64",
        "persen": "float64",
        "catatan": "string",
        "sumber": "string",
    },
}
"""Each reference file's columns and dtypes (tidy CSV: comma-separated, UTF-8, decimal point,
as machine-readable data should be; ``catatan`` is ``S`` or ``?`` as in FACTS.md)."""

_RINCIAN_DIMENSI = ("jumlah", "sektor", "jenis_kelamin", "jabatan", "skema")


@cache
def _reference(rel: str) -> pd.DataFrame:
    columns = _REFERENCE_COLUMNS[rel]
    path = data.data_path(rel)
    df = pd.read_csv(path, dtype=columns, keep_default_na=False, na_values=[""])
    problems = []
    if list(df.columns) != list(columns):
        problems.append(
            data.Problem(path.name, 1, None, ", ".join(columns), ", ".join(map(str, df.columns)))
        )
    else:
        bad = ~df["catatan"].isin(["S", "?"]) | df["sumber"].isna()
        problems += [
            data.Problem(path.name, int(i) + 2, "catatan", "S, ?", str(df.at[i, "catatan"]))
            for i in df.index[bad]
        ]
        if (df["jumlah" if "jumlah" in df else "penempatan"] < 0).any():
            problems.append(data.Problem(path.name, None, None, "expected.min", "-", {"min": 0}))
    if problems:
        raise data.TableError(problems, path.name)
    return df


def _load_reference(rel: str) -> pd.DataFrame:
    return _reference(rel).copy()


def load_penempatan_tahunan() -> pd.DataFrame:
    """Placements of Indonesian migrant workers per year, 2011-2024 (BNP2TKI/BP2MI/KP2MI).

    Columns: ``tahun``, ``penempatan``, ``perempuan``, ``laki_laki``, ``formal``,
    ``informal`` (Int64, empty where no source gives them), ``definisi`` (``penempatan`` or
    ``layanan_penempatan``, which counts contract extensions too: 2024), ``catatan``
    (``S`` secondary source quoting an official, ``?`` uncertain: 2017), ``sumber``,
    ``keterangan`` (alternative figures). The COVID-19 drop shows in 2020-2021.

    >>> df = load_penempatan_tahunan().set_index("tahun")
    >>> int(df.loc[2019, "penempatan"]), int(df.loc[2021, "penempatan"])
    (276553, 72658)
    """
    return _load_reference("reference/bp2mi_penempatan_tahunan.csv")


def load_penempatan_negara(periode: str | None = None) -> pd.DataFrame:
    """Placements by destination country (the top destinations that sources name).

    ``periode`` is a year (``"2016"``, ``"2021"`` to ``"2024"``) or ``"2007/2024-11-14"``
    (cumulative 2007 to 14 Nov 2024, ``catatan`` ``?``); ``None`` gives all. Columns:
    ``periode``, ``negara`` (Indonesian name), ``jumlah``, ``persen`` (where the source gives
    it), ``catatan``, ``sumber``. These are top-N lists, not complete tables.

    >>> load_penempatan_negara("2024")["negara"].tolist()[:3]
    ['Hong Kong', 'Taiwan', 'Malaysia']
    """
    df = _load_reference("reference/bp2mi_penempatan_negara.csv")
    return _filter_periode(df, periode)


def load_penempatan_provinsi(periode: str | None = None) -> pd.DataFrame:
    """Placements by province of origin (``kode_provinsi`` = Kemendagri code).

    ``periode``: ``"2023"``, ``"2024"`` or ``"2007/2024-11-14"`` (cumulative, ``?``: the
    Banten row is a guess for a garbled name in the source); ``None`` gives all.

    >>> df = load_penempatan_provinsi("2023")
    >>> int(df.loc[df["provinsi"] == "Nusa Tenggara Barat", "jumlah"].item())
    33949
    """
    df = _load_reference("reference/bp2mi_penempatan_provinsi.csv")
    return _filter_periode(df, periode)


def load_penempatan_rincian(dimensi: str | None = None) -> pd.DataFrame:
    """Other breakdowns: sector and sex (Jan-Oct 2023 and 2024), jobs and schemes (2024).

    ``dimensi``: ``jumlah``, ``sektor``, ``jenis_kelamin``, ``jabatan`` or ``skema``;
    ``None`` gives all. Columns: ``periode``, ``dimensi``, ``kategori``, ``jumlah``,
    ``persen``, ``catatan``, ``sumber``.

    >>> load_penempatan_rincian("jabatan")["persen"].tolist()
    [33.7, 17.5, 7.6, 6.8, 2.9]
    """
    df = _load_reference("reference/bp2mi_penempatan_rincian.csv")
    if dimensi is None:
        return df
    choices = _RINCIAN_DIMENSI
    if dimensi not in choices:
        raise i18n.InputError(
            "input.not_found",
            expected="expected.choice",
            choices=", ".join(choices),
            given=dimensi,
            field="dimensi",
        )
    return df[df["dimensi"] == dimensi].reset_index(drop=True)


def _filter_periode(df: pd.DataFrame, periode: str | None) -> pd.DataFrame:
    if periode is None:
        return df
    periode = str(periode)
    available = list(dict.fromkeys(df["periode"]))
    if periode not in available:
        raise i18n.InputError(
            "input.not_found",
            expected="expected.choice",
            choices=", ".join(available),
            given=periode,
            field="periode",
        )
    return df[df["periode"] == periode].reset_index(drop=True)
