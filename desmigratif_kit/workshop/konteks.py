"""National context for the district dashboard: reference tables with their sources.

- Remittance inflows from Indonesian migrant workers, USD billion a year, 2013-2024 (Bank
  Indonesia figures as quoted in FACTS §2.1): :func:`load_remitansi_tahunan`,
  ``data/reference/bi_remitansi_pmi_tahunan.csv``.
- The programme's rollout: villages made Desmigratif per year and in total (FACTS §0):
  :func:`load_perluasan`, ``data/reference/desmigratif_perluasan.csv``.
- Placements (BP2MI, FACTS §1.8) come from pillar 1 (:mod:`desmigratif_kit.migration.penempatan`);
  :func:`pangsa_provinsi` gives a province's placements and its share of the national total.

Each table is validated on first use (columns and types, ``catatan`` ``S`` or ``?``, a source
on every row, no negative figure) and cached; every call returns a copy. Figures marked ``?``
are uncertain: the dashboard says so.

>>> df = load_remitansi_tahunan().set_index("tahun")
>>> float(df.loc[2019, "usd_miliar"]), df.loc[2023, "catatan"]
(11.44, '?')
>>> kumulatif = load_perluasan().query("jenis == 'kumulatif'")
>>> kumulatif["desa"].tolist()
[402, 503]
>>> [(p.periode, p.jumlah, p.persen, p.dihitung) for p in pangsa_provinsi("52")][:2]
[('2023', 33949, 12.35, True), ('2024', 30342, 10.24, False)]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pandas as pd

from desmigratif_kit.core import data
from desmigratif_kit.migration.penempatan import load_penempatan_provinsi, load_penempatan_tahunan

REMITANSI_FILE = "reference/bi_remitansi_pmi_tahunan.csv"
PERLUASAN_FILE = "reference/desmigratif_perluasan.csv"
_COLUMNS = {
    REMITANSI_FILE: {
        "tahun": "Int64",
        "usd_miliar": "float64",
        "catatan": "string",
        "sumber": "string",
        "keterangan": "string",
    },
    PERLUASAN_FILE: {
        "periode": "string",
        "jenis": "string",
        "desa": "Int64",
        "kecamatan": "Int64",
        "kabupaten": "Int64",
        "provinsi": "Int64",
        "catatan": "string",
        "sumber": "string",
        "keterangan": "string",
    },
}
_COUNTS = {REMITANSI_FILE: ("usd_miliar",), PERLUASAN_FILE: ("desa", "kecamatan", "kabupaten")}


@cache
def _table(rel: str) -> pd.DataFrame:
    columns = _COLUMNS[rel]
    path = data.data_path(rel)
    df = pd.read_csv(path, dtype=columns, keep_default_na=False, na_values=[""])
    problems = []
    if list(df.columns) != list(columns):
        found = ", ".join(map(str, df.columns))
        problems.append(data.Problem(path.name, 1, None, ", ".join(columns), found))
    else:
        bad = ~df["catatan"].isin(["S", "?"]) | df["sumber"].isna()
        problems += [
            data.Problem(path.name, int(i) + 2, "catatan", "S, ?", str(df.at[i, "catatan"]))
            for i in df.index[bad]
        ]
        for name in _COUNTS[rel]:
            for i in df.index[df[name].fillna(0) < 0]:
                problems.append(
                    data.Problem(path.name, int(i) + 2, name, "expected.min", "-", {"min": 0})
                )
        if rel == PERLUASAN_FILE:
            for i in df.index[~df["jenis"].isin(["baru", "kumulatif"])]:
                problems.append(
                    data.Problem(
                        path.name, int(i) + 2, "jenis", "baru, kumulatif", df.at[i, "jenis"]
                    )
                )
    if problems:
        raise data.TableError(problems, path.name)
    return df


def load_remitansi_tahunan() -> pd.DataFrame:
    """Remittance inflows from Indonesian migrant workers per year (USD billion).

    Columns ``tahun``, ``usd_miliar``, ``catatan`` (``?`` for 2023: the jump from 9.7 to 14.2
    probably reflects a change of method, which the sources do not explain), ``sumber``,
    ``keterangan``.
    """
    return _table(REMITANSI_FILE).copy()


def load_perluasan() -> pd.DataFrame:
    """The programme's rollout: villages made Desmigratif per year (``jenis`` ``baru``: 2016
    pilots, 120 in 2017, 130 in 2018, 150 in 2019) and in total (``kumulatif``: 402 for
    2016-2019, 503 for 2016-2022), with districts and provinces where sources give them.

    >>> load_perluasan().query("jenis == 'baru'")["desa"].sum()
    np.int64(402)
    """
    return _table(PERLUASAN_FILE).copy()


@dataclass(frozen=True)
class PangsaProvinsi:
    """A province's placements in one period and its share of the national total.

    ``persen`` is the source's share when it gives one, else computed from the national total
    of that year (``dihitung`` is then ``True``), else ``None`` (cumulative periods).
    """

    periode: str
    provinsi: str
    jumlah: int
    persen: float | None
    dihitung: bool
    catatan: str
    sumber: str


def pangsa_provinsi(kode_provinsi: str) -> list[PangsaProvinsi]:
    """The placements from one province (Kemendagri code ``52``) in every period the BP2MI
    tables list it; empty when the sources do not name it (they give the largest only)."""
    table = load_penempatan_provinsi()
    mine = table[table["kode_provinsi"] == str(kode_provinsi)[:2]]
    yearly = load_penempatan_tahunan().set_index("tahun")["penempatan"]
    found = []
    for row in mine.itertuples(index=False):
        persen, dihitung = row.persen, False
        if pd.isna(persen):
            persen = None
            year = int(row.periode) if str(row.periode).isdigit() else None
            if year in yearly.index and not pd.isna(yearly[year]):
                persen, dihitung = round(int(row.jumlah) / int(yearly[year]) * 100, 2), True
        found.append(
            PangsaProvinsi(
                str(row.periode), str(row.provinsi), int(row.jumlah),
                None if persen is None else float(persen), dihitung,
                str(row.catatan), str(row.sumber),
            )
        )  # fmt: skip
    return found
