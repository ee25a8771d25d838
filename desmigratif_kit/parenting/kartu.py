"""One child's growth card (the *KMS*): the measurements a carer or a posyandu cadre enters,
read the Indonesian way, checked, kept by date and assessed. Pure: the *Pantau Tumbuh Kembang*
app reads its fields, calls these functions and draws what comes back.

The card holds no name (only the village's roster names children): the child is a sex and a
birth date (:class:`Anak`), the measurements are plain records (:func:`baca_ukuran`), which is
also how the app saves them.

* :func:`baca_anak`, :func:`baca_ukuran`: what was typed, checked (a date like 10/02/2026, a
  weight like ``9,6``; ``9.6`` from a phone keyboard is read as 9,6 too), with a message that
  says what was expected and what was given for an impossible value: a negative weight, a
  child over 60 months, 300 cm;
* :func:`tambah_ukuran`, :func:`hapus_ukuran`: the history, one measurement per date;
* :func:`riwayat_frame`: every measurement with its z-scores, categories and N/T;
* :func:`hasil_ukur`: one measurement's scores, categories and advice (:class:`HasilUkur`);
* :func:`garis_sd`: the weight or length on WHO's -3..+3 SD lines at one age (the lesson's
  tables); :func:`kartu_xlsx`: the card as an Excel file.

>>> anak = baca_anak("L", "10/12/2025")
>>> riwayat = tambah_ukuran([], baca_ukuran(anak, "10/12/2026", "9,6", "75,0", "terlentang"))
>>> hasil = hasil_ukur(anak, riwayat)
>>> hasil.scores["bb_u"], hasil.umur_bulan, hasil.saran.tingkat
(-0.04, 12, 'baik')
>>> baca_ukuran(anak, "10/12/2026", "-2")
Traceback (most recent call last):
...
desmigratif_kit.core.i18n.InputError: Nilai untuk "Berat badan (kg)" di luar batas: diharapkan
antara 0,9 dan 58 kg, diberikan "-2".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from desmigratif_kit.core import i18n
from desmigratif_kit.core.inputs import as_date, missing
from desmigratif_kit.core.tables import Column
from desmigratif_kit.parenting.categories import Saran, advice, category_code
from desmigratif_kit.parenting.growth import (
    INDICES,
    MAX_UMUR_HARI,
    ZScores,
    _position,
    _sex,
    umur_bulan,
    value_for_z,
    zscores,
)
from desmigratif_kit.parenting.roster import assess_roster

__all__ = [
    "Anak",
    "HasilUkur",
    "angka_ukur",
    "baca_anak",
    "baca_ukuran",
    "garis_sd",
    "hapus_ukuran",
    "hasil_ukur",
    "kartu_xlsx",
    "riwayat_frame",
    "tabel_garis_sd",
    "tambah_ukuran",
]

_DOT_DECIMAL = re.compile(r"[+-]?\d{1,3}\.\d{1,2}")


@dataclass(frozen=True)
class Anak:
    """The child of a growth card: ``jenis_kelamin`` (``"L"``/``"P"``) and ``tanggal_lahir``."""

    jenis_kelamin: str
    tanggal_lahir: date

    def to_dict(self) -> dict[str, str]:
        return {
            "jenis_kelamin": self.jenis_kelamin,
            "tanggal_lahir": self.tanggal_lahir.isoformat(),
        }

    @classmethod
    def from_dict(cls, saved: Mapping[str, Any]) -> Anak:
        return baca_anak(saved.get("jenis_kelamin"), saved.get("tanggal_lahir"))


def _not_after(day: date, today: date | None, field: str) -> None:
    if today is not None and day > today:
        raise i18n.InputError(
            "input.out_of_range",
            expected="expected.max",
            max=i18n.format_date(today),
            given=day.strftime("%d/%m/%Y"),
            field=field,
        )


def baca_anak(jenis_kelamin: Any, tanggal_lahir: Any, today: date | None = None) -> Anak:
    """The child's sex (``L``/``P``, also "laki-laki", "perempuan") and birth date (not after
    ``today`` when given), checked.

    >>> baca_anak("perempuan", "05/08/2025")
    Anak(jenis_kelamin='P', tanggal_lahir=datetime.date(2025, 8, 5))
    >>> baca_anak("P", "05/08/2027", today=date(2026, 12, 15))
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Tanggal lahir" di luar batas: diharapkan
    paling banyak 15 Desember 2026, diberikan "05/08/2027".
    """
    if missing(jenis_kelamin) or not str(jenis_kelamin).strip():
        raise i18n.InputError(
            "input.required", expected="expected.choice", choices="L, P", given="",
            field="par.field.sex",
        )  # fmt: skip
    sex = _sex(jenis_kelamin)
    if isinstance(tanggal_lahir, str) and not tanggal_lahir.strip():
        tanggal_lahir = None
    lahir = as_date(tanggal_lahir, "par.field.birth_date")
    _not_after(lahir, today, "par.field.birth_date")
    return Anak(sex, lahir)


def angka_ukur(value: Any, field: str) -> float | None:
    """A weight or length as typed: ``9,6`` (the Indonesian way) and also ``9.6`` (a phone's
    number keyboard often has only a dot; a weight or length never has a thousands dot).
    Empty: ``None``.

    >>> angka_ukur("9,6", "par.field.weight"), angka_ukur("9.6", "par.field.weight")
    (9.6, 9.6)
    >>> angka_ukur(" ", "par.field.weight") is None
    True
    """
    if missing(value) or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str) and _DOT_DECIMAL.fullmatch(value.strip()):
        return float(value.strip())
    return float(i18n.parse_number(value, field))


def baca_ukuran(
    anak: Anak,
    tanggal_ukur: Any,
    berat_kg: Any = None,
    tinggi_cm: Any = None,
    cara_ukur: Any = None,
    edema: Any = False,
    today: date | None = None,
) -> dict[str, Any]:
    """One measurement of ``anak``, checked, as a record (ISO date; what the app saves).

    The date is required, not before the birth date, at most 60 months after it (WHO's
    standards end there) and not after ``today`` when given; a weight (0,9-58 kg) or a
    length/height (38-150 cm) or both; ``cara_ukur`` ``terlentang``/``berdiri`` or empty
    (taken to match the age); ``edema`` yes/no. Anything impossible raises ``InputError``.

    >>> anak = baca_anak("L", "10/01/2020")
    >>> baca_ukuran(anak, "10/02/2026", "15")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Tanggal ukur" di luar batas: diharapkan
    tanggal ukur pada umur 0-60 bulan, tidak sebelum tanggal lahir, diberikan "10/02/2026".
    >>> baca_ukuran(baca_anak("P", "10/01/2025"), "10/02/2026", tinggi_cm="300")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Panjang/tinggi badan (cm)" di luar batas:
    diharapkan antara 38 dan 150 cm, diberikan "300".
    """
    if isinstance(tanggal_ukur, str) and not tanggal_ukur.strip():
        tanggal_ukur = None
    day = as_date(tanggal_ukur, "par.field.measure_date")
    days = (day - anak.tanggal_lahir).days
    if days < 0 or days > MAX_UMUR_HARI:
        raise i18n.InputError(
            "input.out_of_range",
            expected="par.expected.measure_date",
            given=day.strftime("%d/%m/%Y"),
            field="par.field.measure_date",
        )
    _not_after(day, today, "par.field.measure_date")
    weight = angka_ukur(berat_kg, "par.field.weight")
    height = angka_ukur(tinggi_cm, "par.field.length")
    if weight is None and height is None:
        raise i18n.InputError(
            "input.required",
            expected="par.expected.weight_or_length",
            given="",
            field="par.field.weight",
        )
    position = _position(cara_ukur)
    if isinstance(edema, str) and not edema.strip():
        edema = False
    oedema = bool(edema) if isinstance(edema, bool) or missing(edema) else None
    if oedema is None:
        oedema = i18n.parse_bool(edema, "par.field.oedema")
    zscores(anak.jenis_kelamin, days, weight, height, position, oedema)  # the range checks
    return {
        "tanggal_ukur": day.isoformat(),
        "berat_kg": weight,
        "tinggi_cm": height,
        "cara_ukur": position,
        "edema": bool(oedema),
    }


def tambah_ukuran(riwayat: Iterable[Mapping[str, Any]], ukuran: Mapping[str, Any]) -> list[dict]:
    """The history with ``ukuran`` added (a new list, by date; a measurement on the same date
    is replaced: the latest entry wins).

    >>> anak = baca_anak("P", "05/08/2025")
    >>> riwayat = tambah_ukuran([], baca_ukuran(anak, "10/02/2026", "7,5"))
    >>> riwayat = tambah_ukuran(riwayat, baca_ukuran(anak, "10/01/2026", "7,0"))
    >>> [(u["tanggal_ukur"], u["berat_kg"]) for u in
    ...  tambah_ukuran(riwayat, baca_ukuran(anak, "10/02/2026", "7,6"))]
    [('2026-01-10', 7.0), ('2026-02-10', 7.6)]
    """
    kept = [dict(u) for u in riwayat if u.get("tanggal_ukur") != ukuran["tanggal_ukur"]]
    return sorted([*kept, dict(ukuran)], key=lambda u: u["tanggal_ukur"])


def hapus_ukuran(riwayat: Iterable[Mapping[str, Any]], tanggal_ukur: str) -> list[dict]:
    """The history without the measurement of ``tanggal_ukur`` (ISO text)."""
    return [dict(u) for u in riwayat if u.get("tanggal_ukur") != tanggal_ukur]


def riwayat_frame(anak: Anak, riwayat: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Every measurement of the card, oldest first, assessed like a roster
    (:func:`~desmigratif_kit.parenting.assess_roster`): ``tanggal_ukur``, ``umur_hari``,
    ``umur_bulan``, ``berat_kg``, ``tinggi_cm``, ``cara_ukur``, ``edema``, ``z_<index>``,
    ``kategori_<index>``, ``kode_<index>``, ``flag_<index>``, ``tinggi_dipakai_cm``, ``imt``,
    ``status_kbm``, ``kenaikan_gram``, ``kbm_gram``, ``kbm_ragu``.

    >>> anak = baca_anak("P", "05/08/2025")
    >>> riwayat = [baca_ukuran(anak, "10/01/2026", "7,0"), baca_ukuran(anak, "09/02/2026", "7,5")]
    >>> riwayat_frame(anak, riwayat)[["umur_bulan", "status_kbm"]].values.tolist()
    [[5, 'B'], [6, 'N']]
    """
    rows = sorted(riwayat, key=lambda u: u["tanggal_ukur"])
    frame = pd.DataFrame(
        {
            "nama_anak": pd.array(["anak"] * len(rows), dtype="string"),
            "jenis_kelamin": pd.array([anak.jenis_kelamin] * len(rows), dtype="string"),
            "tanggal_lahir": pd.Series([anak.tanggal_lahir] * len(rows), dtype="object"),
            "tanggal_ukur": pd.Series(
                [date.fromisoformat(u["tanggal_ukur"]) for u in rows], dtype="object"
            ),
            "berat_kg": pd.Series([u.get("berat_kg") for u in rows], dtype="float64"),
            "tinggi_cm": pd.Series([u.get("tinggi_cm") for u in rows], dtype="float64"),
            "cara_ukur": pd.array([u.get("cara_ukur") for u in rows], dtype="string"),
            "edema": pd.array([bool(u.get("edema")) for u in rows], dtype="boolean"),
        }
    )
    out = assess_roster(frame).drop(columns=["nama_anak", "anak"])
    return out.reset_index(drop=True)


@dataclass(frozen=True)
class HasilUkur:
    """One measurement assessed: its date and age, the four z-scores (``scores``, with WHO's
    notes in ``scores.catatan``), the N/T status against the month before, and the advice."""

    tanggal_ukur: date
    umur_hari: int
    umur_bulan: int
    berat_kg: float | None
    tinggi_cm: float | None
    cara_ukur: str | None
    edema: bool
    scores: ZScores
    status_kbm: str | None
    kenaikan_gram: int | None
    kbm_gram: int | None
    kbm_ragu: bool
    saran: Saran

    @property
    def tidak_wajar(self) -> tuple[str, ...]:
        return self.scores.tidak_wajar


def _value(value: Any) -> Any:
    return None if missing(value) else value


def hasil_ukur(
    anak: Anak, riwayat: Iterable[Mapping[str, Any]], tanggal_ukur: str | None = None
) -> HasilUkur | None:
    """The latest measurement of the card (or the one of ``tanggal_ukur``, ISO text) with its
    scores and the advice (:func:`~desmigratif_kit.parenting.advice`, with the month's N/T and
    oedema); ``None`` for an empty card.

    >>> anak = baca_anak("P", "10/08/2025")
    >>> riwayat = [baca_ukuran(anak, "10/01/2026", "6,8"), baca_ukuran(anak, "10/02/2026", "7,1")]
    >>> hasil = hasil_ukur(anak, riwayat)
    >>> hasil.status_kbm, hasil.kenaikan_gram, hasil.kbm_gram, hasil.saran.alasan
    ('T', 300, 400, ('tidak_naik',))
    """
    rows = sorted(riwayat, key=lambda u: u["tanggal_ukur"])
    if not rows:
        return None
    frame = riwayat_frame(anak, rows)
    dates = [u["tanggal_ukur"] for u in rows]
    position = len(rows) - 1 if tanggal_ukur is None else dates.index(tanggal_ukur)
    row = frame.iloc[position]
    record = rows[position]
    day = date.fromisoformat(record["tanggal_ukur"])
    days = (day - anak.tanggal_lahir).days
    scores = zscores(
        anak.jenis_kelamin,
        days,
        record.get("berat_kg"),
        record.get("tinggi_cm"),
        record.get("cara_ukur"),
        bool(record.get("edema")),
    )
    status = _value(row["status_kbm"])
    return HasilUkur(
        tanggal_ukur=day,
        umur_hari=days,
        umur_bulan=umur_bulan(anak.tanggal_lahir, day),
        berat_kg=record.get("berat_kg"),
        tinggi_cm=record.get("tinggi_cm"),
        cara_ukur=record.get("cara_ukur"),
        edema=bool(record.get("edema")),
        scores=scores,
        status_kbm=None if status is None else str(status),
        kenaikan_gram=None if _value(row["kenaikan_gram"]) is None else int(row["kenaikan_gram"]),
        kbm_gram=None if _value(row["kbm_gram"]) is None else int(row["kbm_gram"]),
        kbm_ragu=bool(_value(row["kbm_ragu"]) or False) and status in ("N", "T"),
        saran=advice(scores, status, oedema=bool(record.get("edema"))),
    )


def garis_sd(index: str, sex: str, t: float, tabel: str | None = None) -> dict[int, float]:
    """The measurement on each of WHO's lines -3..+3 SD at age ``t`` days (or, for ``bb_tb``,
    at length/height ``t`` cm of table ``tabel``): kg for ``bb_u``/``bb_tb``, cm for ``tb_u``.

    >>> {sd: round(v, 2) for sd, v in garis_sd("tb_u", "P", 1096).items()}[-2]
    87.44
    """
    return {sd: float(value_for_z(index, sex, t, sd, tabel)[0]) for sd in range(-3, 4)}


def tabel_garis_sd(index: str, sex: str, t: float, tabel: str | None = None) -> pd.DataFrame:
    """:func:`garis_sd` as a small table for people: the lines from +3 SD down to -3 SD (the
    index), each
    with its value written the Indonesian way (2 decimals) and, where a Permenkes category
    starts beyond it (below a negative line, above a positive one), that category.

    >>> tabel_garis_sd("tb_u", "P", 1096).iloc[5].tolist()
    ['87,44', 'di bawah garis ini: Pendek (stunted)']
    """
    unit = "par.garis.unit_cm" if index == "tb_u" else "par.garis.unit_kg"
    rows = []
    for sd, value in sorted(garis_sd(index, sex, t, tabel).items(), reverse=True):
        below, above = category_code(index, sd - 0.005), category_code(index, sd + 0.005)
        if sd == 0:
            name, meaning = i18n.t("par.garis.median"), i18n.t("par.garis.mid")
        else:
            name, meaning = f"{sd:+d} SD".replace("-", "−"), ""
            if below != above:  # a category starts beyond this line
                side, code = ("below", below) if sd < 0 else ("above", above)
                label = i18n.t(f"par.kategori.{index}.{code}")
                meaning = i18n.t(f"par.garis.{side}", category=label)
        rows.append((name, i18n.format_number(round(value, 2), 2), meaning))
    table = pd.DataFrame(
        rows, columns=[i18n.t("par.garis.line"), i18n.t(unit), i18n.t("par.garis.meaning")]
    )
    return table.set_index(i18n.t("par.garis.line"))


_KARTU_KOLOM = [
    Column("tanggal_ukur", "date", label="par.field.measure_date"),
    Column("umur_bulan", "int", label="par.col.umur_bulan"),
    Column("berat_kg", "number", label="par.field.weight"),
    Column("tinggi_cm", "number", label="par.field.length"),
    Column("cara_ukur", "text", label="par.field.measured"),
    Column("edema", "bool", label="par.field.oedema"),
    *[Column(f"z_{index}", "number", label=f"par.col.z_{index}") for index in INDICES],
    *[Column(f"kategori_{index}", "text", label=f"par.col.kategori_{index}") for index in INDICES],
    Column("status_kbm", "text", label="par.col.status_kbm"),
]


def kartu_xlsx(anak: Anak, riwayat: Iterable[Mapping[str, Any]]) -> bytes:
    """The card as an Excel file (no name: the child's sex and birth date in the note),
    Indonesian headers, real dates and numbers.

    >>> import io, openpyxl
    >>> anak = baca_anak("L", "10/12/2025")
    >>> book = kartu_xlsx(anak, [baca_ukuran(anak, "10/12/2026", "9,6")])
    >>> sheet = openpyxl.load_workbook(io.BytesIO(book)).active
    >>> sheet["A2"].value, sheet["C3"].value, sheet["G3"].value
    ('Tanggal ukur', 9.6, -0.04)
    """
    from desmigratif_kit.core.excel import Lembar, workbook  # openpyxl: only when exporting

    frame = riwayat_frame(anak, riwayat)
    frame["cara_ukur"] = [
        "" if missing(code) else i18n.t(f"par.measured.{code}") for code in frame["cara_ukur"]
    ]
    note = i18n.t(
        "par.kartu.xlsx_note",
        sex=i18n.t(f"par.sex.{anak.jenis_kelamin}"),
        lahir=i18n.format_date(anak.tanggal_lahir),
    )
    return workbook([Lembar(i18n.t("par.kartu.xlsx_sheet"), frame, _KARTU_KOLOM, catatan=note)])
