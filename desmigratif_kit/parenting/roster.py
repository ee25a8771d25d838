"""The village roster of migrant workers' children (*data anak desa*): who they are, who cares
for them, and their measurements by date.

One row per measurement (a child weighed twelve times has twelve rows that repeat their name,
sex and birth date); a child not yet measured has one row with the measurement cells empty.
A child is known by ``id_anak`` when the file has it, else by name and birth date.

* :data:`ROSTER_SCHEMA`, :func:`load_roster` (Excel or CSV through
  :func:`desmigratif_kit.core.data.read_table`, Indonesian headers and aliases, then the
  roster's own rules), :func:`load_sample_roster` (the synthetic village);
* :func:`assess_roster`: every z-score, category, WHO flag and N/T status added, vectorised;
* :func:`latest_per_child` and :func:`needs_visit`: one row per child, **with names**: for
  the village's own roster view only. Every count for a shared view or the district lives in
  :mod:`desmigratif_kit.parenting.summary`, which never returns a name.

>>> df = load_roster(b"Nama anak;JK;Tgl Lahir;Tgl Ukur;BB (kg);TB (cm);Cara ukur\\n"
...                  b"Ayu;P;05/08/2025;10/02/2026;7,5;66,0;terlentang\\n")
>>> assess_roster(df).loc[0, ["umur_hari", "z_bb_u", "z_tb_u", "kategori_tb_u", "status_kbm"]]
umur_hari           189
z_bb_u             0.14
z_tb_u            -0.03
kategori_tb_u    Normal
status_kbm            B
Name: 0, dtype: object
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

import numpy as np
import pandas as pd

from desmigratif_kit.core import data, i18n
from desmigratif_kit.core.inputs import as_date, missing
from desmigratif_kit.parenting.categories import advice, categories_frame
from desmigratif_kit.parenting.growth import INDICES, zscores_frame
from desmigratif_kit.parenting.kbm import gain_status_frame

__all__ = [
    "BULAN_BERLAKU",
    "ORANG_TUA",
    "PENGASUH",
    "ROSTER_SCHEMA",
    "SAMPLE_REFERENCE_DATE_ANAK",
    "SAMPLE_ROSTER_FILE",
    "STATUS_SEKOLAH",
    "UMUR_SEKOLAH_TAHUN",
    "assess_roster",
    "child_key",
    "latest_per_child",
    "load_roster",
    "load_sample_roster",
    "needs_visit",
]

SAMPLE_ROSTER_FILE = "sample/anak_desa_sintetis.csv"
SAMPLE_REFERENCE_DATE_ANAK = date(2026, 12, 15)
"""The "today" of the synthetic roster (the December posyandu, on the 10th, has been held)."""
BULAN_BERLAKU = 3
"""A measurement tells a child's current state for this month and the two before (the kit's
rule: the posyandu weighs every month; an older measurement is out of date)."""
UMUR_SEKOLAH_TAHUN = (7, 15)
"""Compulsory schooling, 7-15 years (UU 20/2003 on the national education system, Art. 34)."""

ORANG_TUA = {
    "ayah": ["bapak", "bapak saja", "ayah saja", "father"],
    "ibu": ["mama", "emak", "ibu saja", "mother"],
    "keduanya": [
        "ayah dan ibu",
        "ayah & ibu",
        "ibu dan ayah",
        "bapak dan ibu",
        "dua-duanya",
        "both",
    ],
    "tidak": ["tidak ada", "tidak ada yang", "none", "no"],
}
"""Which parent works abroad (*orang tua di luar negeri*)."""
PENGASUH = {
    "ibu": ["mama", "emak", "mother"],
    "ayah": ["bapak", "father"],
    "nenek": ["nenek dan kakek", "kakek dan nenek", "mbah", "eyang", "grandmother"],
    "kakek": ["mbah kakung", "grandfather"],
    "kerabat": ["paman", "bibi", "tante", "om", "saudara", "kakak", "keluarga", "relative"],
    "lainnya": ["tetangga", "orang lain", "lain-lain", "other"],
}
"""Who cares for the child day to day."""
STATUS_SEKOLAH = {
    "belum_sekolah": ["belum sekolah", "belum", "balita"],
    "paud": ["paud", "kb", "kelompok bermain", "tpa"],
    "tk": ["tk", "ra", "taman kanak-kanak"],
    "sd": ["sd", "mi", "sekolah dasar"],
    "smp": ["smp", "mts"],
    "sma": ["sma", "smk", "ma"],
    "tidak_sekolah": ["tidak sekolah", "putus sekolah", "berhenti sekolah", "drop out"],
}
_JENIS_KELAMIN = {
    "L": ["laki-laki", "laki laki", "laki", "lk", "pria", "male"],
    "P": ["perempuan", "pr", "wanita", "female"],
}
_CARA_UKUR = {
    "terlentang": ["telentang", "berbaring", "baring", "pb", "panjang badan", "lying"],
    "berdiri": ["tb", "tinggi badan", "standing"],
}

ROSTER_SCHEMA = data.Schema(
    "anak_desa",
    [
        data.Column(
            "id_anak",
            "text",
            required=False,
            label="ID anak",
            aliases=("Kode anak", "No anak", "No. anak", "ID"),
        ),
        data.Column(
            "nama_anak",
            "text",
            label="Nama anak",
            aliases=("Nama", "Nama balita", "Nama lengkap anak", "Nama lengkap"),
        ),
        data.Column(
            "jenis_kelamin",
            "choice",
            label="Jenis kelamin",
            choices=_JENIS_KELAMIN,
            aliases=("JK", "L/P", "Kelamin", "Sex"),
        ),
        data.Column(
            "tanggal_lahir",
            "date",
            label="Tanggal lahir",
            aliases=("Tgl lahir", "Tgl. lahir", "Lahir"),
            min=date(2000, 1, 1),
        ),
        data.Column(
            "orang_tua_di_luar_negeri",
            "choice",
            required=False,
            label="Orang tua di luar negeri",
            choices=ORANG_TUA,
            aliases=(
                "Orang tua PMI",
                "Ortu di LN",
                "Ortu PMI",
                "Orang tua merantau",
                "Yang bekerja di luar negeri",
            ),
        ),
        data.Column(
            "negara_orang_tua",
            "text",
            required=False,
            label="Negara orang tua",
            aliases=("Negara", "Negara tujuan", "Negara penempatan", "Negara tempat bekerja"),
        ),
        data.Column(
            "pengasuh",
            "choice",
            required=False,
            label="Pengasuh",
            choices=PENGASUH,
            aliases=("Diasuh oleh", "Pengasuh utama", "Yang mengasuh"),
        ),
        data.Column("nama_pengasuh", "text", required=False, label="Nama pengasuh"),
        data.Column(
            "status_sekolah",
            "choice",
            required=False,
            label="Status sekolah",
            choices=STATUS_SEKOLAH,
            aliases=("Sekolah", "Pendidikan"),
        ),
        data.Column(
            "tanggal_ukur",
            "date",
            required=False,
            label="Tanggal ukur",
            aliases=(
                "Tgl ukur",
                "Tgl. ukur",
                "Tanggal timbang",
                "Tgl timbang",
                "Tanggal penimbangan",
                "Tanggal posyandu",
            ),
            min=date(2000, 1, 1),
        ),
        data.Column(
            "berat_kg",
            "number",
            required=False,
            label="Berat badan (kg)",
            aliases=("BB", "BB (kg)", "Berat", "Berat badan", "Berat (kg)"),
            min=0.9,
            max=58,
        ),
        data.Column(
            "tinggi_cm",
            "number",
            required=False,
            label="Panjang/tinggi badan (cm)",
            aliases=(
                "TB",
                "PB",
                "TB/PB",
                "PB/TB",
                "TB (cm)",
                "PB (cm)",
                "TB/PB (cm)",
                "Tinggi",
                "Tinggi badan",
                "Panjang badan",
                "Tinggi (cm)",
            ),
            min=38,
            max=150,
        ),
        data.Column(
            "cara_ukur",
            "choice",
            required=False,
            label="Cara ukur",
            choices=_CARA_UKUR,
            aliases=("Posisi ukur", "Posisi", "Cara pengukuran"),
        ),
        data.Column(
            "edema",
            "bool",
            required=False,
            label="Edema",
            aliases=("Oedema", "Bengkak", "Edema (bengkak)"),
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
"""The children's roster: one row per measurement. Required: ``nama_anak``,
``jenis_kelamin`` (L/P), ``tanggal_lahir``; everything else may be empty. Weight 0,9-58 kg,
length/height 38-150 cm (cells outside are listed as problems)."""


def child_key(df: pd.DataFrame) -> pd.Series:
    """Who each row is about: ``id_anak`` when filled, else name (case and spaces ignored)
    and birth date.

    >>> child_key(pd.DataFrame({"id_anak": [None, "A7"], "nama_anak": [" Ayu  Lestari", "Budi"],
    ...                         "tanggal_lahir": [date(2025, 8, 5), date(2024, 1, 2)]})).tolist()
    ['ayu lestari|2025-08-05', 'id:A7']
    """
    names = (
        df["nama_anak"]
        .astype("object")
        .map(lambda v: "" if missing(v) else " ".join(str(v).split()).casefold())
    )
    births = pd.to_datetime(df["tanggal_lahir"], errors="coerce").dt.strftime("%Y-%m-%d")
    key = names + "|" + births.fillna("")
    if "id_anak" in df.columns:
        ids = df["id_anak"].astype("object")
        given = ids.map(lambda v: not missing(v) and bool(str(v).strip()))
        key = key.where(~given, "id:" + ids.astype(str).str.strip())
    return key.astype("object")


def _roster_problems(df: pd.DataFrame) -> list[data.Problem]:
    file = df.attrs.get("source")
    rows = df.attrs.get("rows") or list(range(2, len(df) + 2))
    label = {column.name: column.title for column in ROSTER_SCHEMA.columns}
    problems = []
    sexes: dict[str, str] = {}
    for i, (key, sex, lahir, ukur, berat, tinggi) in enumerate(
        zip(
            child_key(df),
            df["jenis_kelamin"],
            df["tanggal_lahir"],
            df["tanggal_ukur"],
            df["berat_kg"],
            df["tinggi_cm"],
            strict=True,
        )
    ):
        row = rows[i]
        if missing(ukur) and not (missing(berat) and missing(tinggi)):
            problems.append(data.Problem(file, row, label["tanggal_ukur"], "expected.date", ""))
        if not missing(ukur) and not missing(lahir) and ukur < lahir:
            problems.append(
                data.Problem(
                    file,
                    row,
                    label["tanggal_ukur"],
                    "expected.min",
                    ukur.strftime("%d/%m/%Y"),
                    {"min": i18n.format_date(lahir)},
                )
            )
        if key in sexes and sexes[key] != sex:
            problems.append(
                data.Problem(
                    file,
                    row,
                    label["jenis_kelamin"],
                    "par.expected.same_sex",
                    sex,
                    {"sex": sexes[key]},
                )
            )
        sexes.setdefault(key, sex)
    return problems


def load_roster(path_or_bytes: Any, filename: str | None = None) -> pd.DataFrame:
    """Read a children's roster (Excel or CSV) and check it.

    Reading goes through :func:`desmigratif_kit.core.data.read_table` with
    :data:`ROSTER_SCHEMA` (``;`` or ``,``, UTF-8 or Windows-1252, ``7,5`` kg, dates like
    10/02/2026, headers such as "Nama Balita", "JK", "Tgl Timbang", "BB (kg)", "TB/PB (cm)").
    Then the roster's rules: a row with a weight or length has a measuring date, not before
    the birth date; one child keeps one sex. Every problem comes in one
    :class:`~desmigratif_kit.core.data.TableError`; nothing is half-read.

    >>> load_roster(b"Nama;JK;Tgl Lahir;Tgl Ukur;BB\\nAyu;P;05/08/2025;01/08/2025;7,5\\n",
    ...             filename="posyandu.csv")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.tables.TableError: Berkas "posyandu.csv" tidak dapat dipakai. Masalah yang
    ditemukan: 1.
    - baris 2, kolom "Tanggal ukur": diharapkan paling sedikit 5 Agustus 2025, diberikan
    "01/08/2025".
    """
    df = data.read_table(path_or_bytes, ROSTER_SCHEMA, filename=filename)
    problems = _roster_problems(df)
    if problems:
        raise data.TableError(problems, df.attrs.get("source"))
    return df


@cache
def _sample_roster() -> pd.DataFrame:
    return load_roster(data.data_path(SAMPLE_ROSTER_FILE))


def load_sample_roster() -> pd.DataFrame:
    """The synthetic roster of *Desa Sukamaju Sintetis* (every child, carer and measurement
    made up; see ``data/sample/README.md``). Its "today" is :data:`SAMPLE_REFERENCE_DATE_ANAK`.

    >>> df = load_sample_roster()
    >>> df["keterangan"].unique().tolist()
    ['SINTETIS']
    """
    df = _sample_roster()
    out = df.copy()
    out.attrs = dict(df.attrs)
    return out


def _require(df: Any, names: tuple[str, ...]) -> None:
    if not isinstance(df, pd.DataFrame):
        raise i18n.InputError(
            expected="expected.choice", choices=", ".join(names), given=type(df).__name__
        )
    absent = [name for name in names if name not in df.columns]
    if absent:
        raise i18n.InputError(
            "input.not_found",
            expected="expected.choice",
            choices=", ".join(absent),
            given=", ".join(map(str, df.columns)),
        )


def assess_roster(df: pd.DataFrame) -> pd.DataFrame:
    """The roster with every measurement assessed (a new frame; ``df`` is not changed).

    Added columns: ``anak`` (:func:`child_key`), ``umur_hari`` and ``umur_bulan`` at the
    measurement, ``z_bb_u``, ``z_tb_u``, ``z_bb_tb``, ``z_imt_u`` (WHO, 2 decimals),
    ``kategori_<index>`` (Permenkes label), ``kode_<index>`` (category code), ``flag_<index>``
    (WHO implausible), ``tinggi_dipakai_cm`` (after the 0.7 cm adjustment), ``imt``,
    ``status_kbm`` (N/T/O/B), ``kenaikan_gram``, ``kbm_gram``, ``kbm_ragu`` and
    ``masalah_ukur`` (why a measurement got no score: ``umur`` when the child was over 60
    months, ...). Rows without a measurement keep empty cells. Vectorised: 5,000 rows take
    a few tens of milliseconds (``benchmarks/bench_parenting_roster.py``).

    >>> df = load_sample_roster()
    >>> out = assess_roster(df)
    >>> len(out) == len(df), int(out["z_tb_u"].notna().sum()) > 500
    (True, True)
    """
    _require(df, ("nama_anak", "jenis_kelamin", "tanggal_lahir", "tanggal_ukur", "berat_kg"))
    out = df.copy()
    out.attrs = dict(df.attrs)
    n = len(out)

    def column(name: str, default: Any = None) -> pd.Series:
        return out[name] if name in out.columns else pd.Series([default] * n, index=out.index)

    lahir = pd.to_datetime(out["tanggal_lahir"], errors="coerce")
    ukur = pd.to_datetime(out["tanggal_ukur"], errors="coerce")
    days = (ukur - lahir).dt.days
    measured = out["berat_kg"].notna() | column("tinggi_cm").notna()
    scores = zscores_frame(
        out["jenis_kelamin"].astype("object").to_numpy(),
        days.to_numpy(dtype="float64", na_value=np.nan),
        pd.to_numeric(out["berat_kg"], errors="coerce").to_numpy(dtype="float64"),
        pd.to_numeric(column("tinggi_cm"), errors="coerce").to_numpy(dtype="float64"),
        column("cara_ukur").astype("object").to_numpy(),
        column("edema", False).astype("object").fillna(False).to_numpy(),
    )
    scores.index = out.index
    out["anak"] = child_key(out)
    out["umur_hari"] = pd.array(days.where(ukur.notna()), dtype="Int64")
    gain = gain_status_frame(
        out["anak"], out["tanggal_lahir"], out["tanggal_ukur"], out["berat_kg"]
    )
    gain.index = out.index
    months = (ukur.dt.year - lahir.dt.year) * 12 + ukur.dt.month - lahir.dt.month
    months = months - (ukur.dt.day < lahir.dt.day).astype(int)
    out["umur_bulan"] = pd.array(months.where(ukur.notna()), dtype="Int64")
    for index in INDICES:
        out[f"z_{index}"] = scores[index]
    categories = categories_frame(scores)
    for column_name in categories.columns:
        out[column_name] = categories[column_name]
    out["tinggi_dipakai_cm"] = scores["tinggi_dipakai_cm"].round(2)
    out["imt"] = scores["imt"].round(2)
    for name in ("kenaikan_gram", "kbm_gram", "kbm_ragu"):
        out[name] = gain[name]
    out["status_kbm"] = gain["status"]
    out["masalah_ukur"] = scores["masalah"].where(measured & (scores["masalah"] != ""))
    return out


def _assessed(df: pd.DataFrame) -> pd.DataFrame:
    return df if "z_tb_u" in df.columns and "anak" in df.columns else assess_roster(df)


def _month_number(day: date) -> int:
    return day.year * 12 + day.month


def latest_per_child(df: pd.DataFrame, today: Any) -> pd.DataFrame:
    """One row per child (**named**: the village's own view only): the child's details, their
    age today (``umur_bulan_kini``), and their latest measurement up to ``today`` with its
    scores (``df`` raw or from :func:`assess_roster`). ``terkini`` says whether that
    measurement is current (this month or the :data:`BULAN_BERLAKU` - 1 months before).

    >>> latest = latest_per_child(load_sample_roster(), SAMPLE_REFERENCE_DATE_ANAK)
    >>> latest["anak"].is_unique, {"nama_anak", "terkini", "z_tb_u"} <= set(latest.columns)
    (True, True)
    """
    today = as_date(today, "today")
    assessed = _assessed(df)
    ukur = pd.to_datetime(assessed["tanggal_ukur"], errors="coerce")
    measured = ukur.notna() & (ukur <= pd.Timestamp(today))
    order = assessed.assign(_ukur=ukur.where(measured), _measured=measured)
    order = order.sort_values(["anak", "_measured", "_ukur"], kind="stable")
    latest = order.groupby("anak", sort=True).tail(1).copy()
    lahir = pd.to_datetime(latest["tanggal_lahir"], errors="coerce")
    now = pd.Timestamp(today)
    months = (now.year - lahir.dt.year) * 12 + now.month - lahir.dt.month
    months = months - (now.day < lahir.dt.day).astype(int)
    latest["umur_bulan_kini"] = pd.array(months, dtype="Int64")
    measured_month = latest["_ukur"].dt.year * 12 + latest["_ukur"].dt.month
    latest["terkini"] = (
        (_month_number(today) - measured_month < BULAN_BERLAKU).fillna(False).astype(bool)
    )
    never_measured = ~latest["_measured"].astype(bool)  # only rows dated after today
    score_columns = [
        c for c in assessed.columns if c.startswith(("z_", "kategori_", "kode_", "flag_"))
    ]
    for name in score_columns + ["tanggal_ukur", "berat_kg", "status_kbm"]:
        if name in latest.columns:
            latest.loc[never_measured, name] = None
    return latest.drop(columns=["_ukur", "_measured"]).reset_index(drop=True)


def needs_visit(df: pd.DataFrame, today: Any) -> pd.DataFrame:
    """The children the parenting group should visit this month, **named** (for the village's
    own roster view; shared views use :func:`~desmigratif_kit.parenting.summary.count_needs_visit`),
    with the reasons (catalog ``par.alasan.<code>``), most urgent first. The kit's rule:

    * a child under five not weighed this month or last month (``belum_ditimbang``);
    * a current measurement that calls for a health worker
      (:func:`~desmigratif_kit.parenting.advice` *segera* or *rujuk*: severe or moderate
      wasting, stunting, underweight, overweight, oedema, not gaining (T), implausible);
    * a child of compulsory school age (:data:`UMUR_SEKOLAH_TAHUN`) recorded as not at school.

    Columns: ``anak``, ``nama_anak``, ``umur_bulan_kini``, ``pengasuh``, ``tingkat``
    (``segera``/``rujuk``/``kunjungi``), ``alasan`` (a tuple of codes).

    >>> visits = needs_visit(load_sample_roster(), SAMPLE_REFERENCE_DATE_ANAK)
    >>> set(visits["tingkat"]) <= {"segera", "rujuk", "kunjungi"}
    True
    """
    latest = latest_per_child(df, today)
    rows = []
    for child in latest.itertuples(index=False):
        reasons: list[str] = []
        level = "kunjungi"
        months = child.umur_bulan_kini
        under_five = not missing(months) and 0 <= months <= 60
        if under_five and _stale(child, today):
            reasons.append("belum_ditimbang")
        if child.terkini and under_five:
            scores = {index: _none(getattr(child, f"z_{index}")) for index in INDICES}
            oedema = _none(getattr(child, "edema", None))
            oedema = oedema is not None and bool(oedema)
            saran = advice(scores, _none(child.status_kbm), oedema=oedema)
            if saran.rujuk:
                level = saran.tingkat
                reasons = list(saran.alasan) + reasons
        low, high = UMUR_SEKOLAH_TAHUN
        school = getattr(child, "status_sekolah", None)
        if (
            not missing(months)
            and low * 12 <= months < (high + 1) * 12
            and school in ("tidak_sekolah", "belum_sekolah")
        ):
            reasons.append("tidak_sekolah")
        if reasons:
            rows.append(
                (
                    child.anak,
                    child.nama_anak,
                    months,
                    getattr(child, "pengasuh", None),
                    level,
                    tuple(reasons),
                )
            )
    out = pd.DataFrame(
        rows, columns=["anak", "nama_anak", "umur_bulan_kini", "pengasuh", "tingkat", "alasan"]
    )
    rank = {"segera": 0, "rujuk": 1, "kunjungi": 2}
    out["_rank"] = out["tingkat"].map(rank)
    out = out.sort_values(["_rank", "nama_anak"], kind="stable").drop(columns="_rank")
    out["umur_bulan_kini"] = pd.array(out["umur_bulan_kini"], dtype="Int64")
    return out.reset_index(drop=True)


def _stale(child: Any, today: Any) -> bool:
    """Not weighed this month or last month (missed two posyandu days in a row)."""
    day = child.tanggal_ukur
    if missing(day):
        return True
    return _month_number(as_date(today, "today")) - _month_number(day) >= 2


def _none(value: Any) -> Any:
    return None if missing(value) else value
