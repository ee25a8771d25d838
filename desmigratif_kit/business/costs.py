"""Cost of goods (*harga pokok produksi*, HPP): what one batch and one sellable unit cost.

A batch is described as a plain mapping (what the *Kalkulator HPP* app edits and autosaves):

* ``nama``: the product (``"Minyak kemiri"``); ``satuan_hasil``: the unit of what a batch
  yields (``"liter"``); ``hasil_per_batch``: how much one batch yields (10 liters);
* ``isi_per_unit``: how much of it goes into one sellable unit, in ``satuan_hasil`` (a 100 ml
  bottle holds 0,1 liter; default 1); ``nama_unit``: what the unit is called
  (``"botol 100 ml"``; default ``"0,1 liter"``, or ``satuan_hasil`` when a unit is one of
  it); ``susut_pct``: what is lost on the way (spilt, left in the filter;
  default 0);
* ``batch_per_bulan``: batches made in a month (fixed costs are spread over them);
* ``biaya``: a list of cost rows, one per item, each ``kategori`` (:data:`KATEGORI`),
  ``nama``, ``jumlah``, ``satuan`` (optional), ``harga_rp`` (the price of one ``satuan``) and
  ``dasar`` (:data:`DASAR`; what ``jumlah`` counts, default by category:
  :data:`DASAR_BAWAAN`):

  - ``batch``: per batch (16 hours of work × the wage per hour);
  - ``hasil``: per unit of yield, the *rendemen* (3 kg of candlenut per liter of oil);
  - ``unit``: per sellable unit (one bottle, one label);
  - ``bulan``: per month, for fixed costs (``tetap``: rent) and depreciation
    (``penyusutan``: a Rp 6.000.000 press used for 60 months is Rp 100.000 a month).

* ``ilustrasi`` (optional, default ``False``): the figures are examples, not real prices;
  ``catatan`` (optional): a note.

:func:`cost_of_goods` checks the mapping strictly (an unknown key, a missing value, a negative
price raises :class:`~desmigratif_kit.core.i18n.InputError` naming the field) and returns a
:class:`HargaPokok`. Amounts per batch are rounded to the rupiah (totals are the sums of the
rounded items, so the table adds up); amounts per unit are exact, rounded when shown.

>>> batch = {
...     "nama": "Minyak kemiri", "satuan_hasil": "liter", "hasil_per_batch": 10,
...     "isi_per_unit": 0.1, "nama_unit": "botol 100 ml", "batch_per_bulan": 4,
...     "biaya": [
...         {"kategori": "bahan", "nama": "Kemiri kupas", "jumlah": 3, "satuan": "kg",
...          "harga_rp": 25_000, "dasar": "hasil"},
...         {"kategori": "tenaga", "nama": "Upah", "jumlah": 16, "satuan": "jam",
...          "harga_rp": 12_500},
...         {"kategori": "kemasan", "nama": "Botol + label", "jumlah": 1, "harga_rp": 4_500},
...         {"kategori": "tetap", "nama": "Sewa tempat", "jumlah": 1, "harga_rp": 200_000},
...     ]}
>>> hpp = cost_of_goods(batch)
>>> hpp.unit_per_batch, hpp.total_per_batch_rp, hpp.hpp_per_unit_rp
(100, 1450000, 14500.0)
>>> [(i.nama, i.per_batch_rp, round(i.porsi_pct, 1)) for i in hpp.rincian][:2]
[('Kemiri kupas', 750000, 51.7), ('Upah', 200000, 13.8)]
>>> cost_of_goods({**batch, "hasil_per_batch": 0})
Traceback (most recent call last):
...
desmigratif_kit.core.i18n.InputError: Nilai untuk "Hasil per batch" di luar batas: diharapkan
lebih dari 0, diberikan "0".
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import pandas as pd

from desmigratif_kit.business import inputs as chk
from desmigratif_kit.business.records import Record
from desmigratif_kit.core import i18n
from desmigratif_kit.core.inputs import missing
from desmigratif_kit.core.tables import Column, Schema

__all__ = [
    "BATCH_KEYS",
    "BIAYA_KEYS",
    "BIAYA_SCHEMA",
    "DASAR",
    "DASAR_BAWAAN",
    "KATEGORI",
    "KATEGORI_TETAP",
    "BiayaItem",
    "HargaPokok",
    "SATUAN_UMUM",
    "biaya_dari_tabel",
    "biaya_ke_tabel",
    "check_batch",
    "cost_of_goods",
    "label_dasar",
    "penyusutan_per_bulan_rp",
    "unit_per_batch",
]

KATEGORI = ("bahan", "tenaga", "energi", "kemasan", "lain", "tetap", "penyusutan")
"""Cost categories: raw materials, labour, energy/fuel, packaging, other variable costs,
fixed costs per month, depreciation of equipment per month."""
KATEGORI_TETAP = ("tetap", "penyusutan")
"""The categories counted per month (``dasar`` ``bulan``) and spread over the month's batches."""
DASAR = ("batch", "hasil", "unit", "bulan")
"""What a cost row's ``jumlah`` counts: per batch, per unit of yield, per sellable unit, per
month."""
DASAR_BAWAAN = {
    "bahan": "batch",
    "tenaga": "batch",
    "energi": "batch",
    "kemasan": "unit",
    "lain": "batch",
    "tetap": "bulan",
    "penyusutan": "bulan",
}
"""The ``dasar`` of a row that does not say."""

BATCH_KEYS = (
    "nama",
    "satuan_hasil",
    "hasil_per_batch",
    "isi_per_unit",
    "nama_unit",
    "susut_pct",
    "batch_per_bulan",
    "biaya",
    "ilustrasi",
    "catatan",
)
_BATCH_REQUIRED = ("nama", "satuan_hasil", "hasil_per_batch", "batch_per_bulan", "biaya")
BIAYA_KEYS = ("kategori", "nama", "jumlah", "satuan", "harga_rp", "dasar")
_BIAYA_REQUIRED = ("kategori", "nama", "jumlah", "harga_rp")
_EPS = 1e-9


# --- the cost rows as a table (for the editable table, Excel import and export) ------------

_DASAR_EJAAN = {
    "batch": ["per batch", "per proses", "per produksi"],
    "hasil": ["per hasil", "rendemen", "per liter hasil", "per kg hasil", "per yield"],
    "unit": ["per unit", "per unit jual", "per botol", "per kemasan", "per unit sold"],
    "bulan": ["per bulan", "bulanan", "per month", "monthly"],
}


SATUAN_UMUM = ("liter", "kg", "ml", "gram", "batang", "buah")
"""Units of yield whose ``per <unit> hasil`` label a table may carry (read back on import)."""


def _kategori_ejaan() -> dict[str, list[str]]:
    """Each category with its labels in both languages as other accepted spellings."""
    return {k: [i18n.t(f"biz.kategori.{k}", lang) for lang in i18n.LANGUAGES] for k in KATEGORI}


def _dasar_ejaan() -> dict[str, list[str]]:
    """Each ``dasar`` with its accepted spellings: the fixed ones above and the catalog labels
    in both languages (``per liter hasil``, ``per kg of yield``), so a table the kit wrote is
    read back."""
    found = {}
    for dasar, spellings in _DASAR_EJAAN.items():
        labels = [
            i18n.t(f"biz.dasar.{dasar}", lang, satuan=satuan)
            for lang in i18n.LANGUAGES
            for satuan in SATUAN_UMUM
        ]
        found[dasar] = list(dict.fromkeys(s for s in [*spellings, *labels] if s != dasar))
    return found


def label_dasar(dasar: str, satuan_hasil: str = "", lang: str | None = None) -> str:
    """What a ``dasar`` code means, for people: ``per liter hasil``, ``per unit jual``.

    >>> label_dasar("hasil", "liter"), label_dasar("unit", lang="en")
    ('per liter hasil', 'per unit sold')
    """
    satuan = satuan_hasil.strip() or i18n.t("biz.dasar.satuan_bawaan", lang)
    return i18n.t(f"biz.dasar.{dasar}", lang, satuan=satuan)


BIAYA_SCHEMA = Schema(
    "biaya",
    [
        Column("kategori", "choice", label="biz.field.kategori", choices=_kategori_ejaan()),
        Column("nama", "text", label="biz.field.nama", aliases=("uraian", "item", "bahan")),
        Column("jumlah", "number", label="biz.field.jumlah", min=0, aliases=("qty", "banyak")),
        Column("satuan", "text", required=False, label="biz.field.satuan"),
        Column("harga_rp", "rp", label="biz.field.harga_rp", min=0, aliases=("harga",)),
        Column("dasar", "choice", required=False, label="biz.field.dasar", choices=_dasar_ejaan()),
    ],
)
"""The cost rows of a batch as a table: the same columns as a ``biaya`` row, labels from the
catalogs, categories also accepted as written in either language (``Bahan baku``), ``dasar``
as ``per batch``, ``per hasil``/``rendemen``, ``per unit``/``per botol``, ``per bulan``.
For ``core.data.read_table`` (an uploaded Excel or CSV bill of materials) and the apps'
editable table; :func:`biaya_dari_tabel` turns the frame back into rows."""


def biaya_dari_tabel(df: pd.DataFrame) -> list[dict[str, Any]]:
    r"""The rows of a frame with the columns of :data:`BIAYA_SCHEMA` as ``biaya`` rows for a
    batch (empty cells left out, so a blank ``dasar`` takes the category's default).

    >>> from desmigratif_kit.core.data import read_table
    >>> csv = "Kategori;Nama;Jumlah;Satuan;Harga satuan;Dihitung\n"
    >>> csv += "Bahan baku;Kemiri kupas;3;kg;Rp 25.000;per liter hasil\n"
    >>> csv += "tenaga;Upah;16;jam;12.500;\n"
    >>> rows = biaya_dari_tabel(read_table(csv.encode(), BIAYA_SCHEMA, "biaya.csv"))
    >>> rows[0]
    {'kategori': 'bahan', 'nama': 'Kemiri kupas', 'jumlah': 3.0, 'satuan': 'kg',
     'harga_rp': 25000.0, 'dasar': 'hasil'}
    >>> rows[1]["kategori"], "dasar" in rows[1]
    ('tenaga', False)
    """
    names = [column.name for column in BIAYA_SCHEMA.columns]
    rows = []
    for record in df[names].to_dict("records"):
        row = {}
        for key, value in record.items():
            if not missing(value) and not (isinstance(value, str) and not value.strip()):
                row[key] = value.item() if hasattr(value, "item") else value
        rows.append(row)
    return rows


def biaya_ke_tabel(batch: Mapping[str, Any], lang: str | None = None) -> pd.DataFrame:
    """The cost rows of a batch as a table with the columns of :data:`BIAYA_SCHEMA`,
    categories and ``dasar`` written for people (``Bahan baku``, ``per liter hasil``): what the
    *Kalkulator HPP* puts in its Excel file, and what :func:`biaya_dari_tabel` reads back.

    >>> from desmigratif_kit.business.products import contoh_produk
    >>> tabel = biaya_ke_tabel(contoh_produk("minyak_kemiri")["batch"])
    >>> tabel.to_dict("records")[0]
    {'kategori': 'Bahan baku', 'nama': 'Kemiri kupas', 'jumlah': 3, 'satuan': 'kg',
     'harga_rp': 25000, 'dasar': 'per liter hasil'}
    >>> tabel["dasar"].tolist()[-3:]
    ['per unit jual', 'per bulan', 'per bulan']
    """
    b = check_batch(batch)
    satuan = b["satuan_hasil"] if b["satuan_hasil"] in SATUAN_UMUM else ""
    rows = []
    for row in b["biaya"]:
        dasar = row["dasar"]
        rows.append(
            {
                "kategori": i18n.t(f"biz.kategori.{row['kategori']}", lang),
                "nama": row["nama"],
                "jumlah": row["jumlah"],
                "satuan": row["satuan"],
                "harga_rp": row["harga_rp"],
                "dasar": (
                    label_dasar(dasar, satuan, lang)
                    if dasar != "hasil" or satuan
                    else _DASAR_EJAAN["hasil"][1]
                ),
            }
        )
    return pd.DataFrame(rows, columns=[column.name for column in BIAYA_SCHEMA.columns])


# --- input ---------------------------------------------------------------------------------


def _check_row(row: Any, nomor: int) -> dict[str, Any]:
    """One cost row, checked; the field names in errors say which row."""
    group = "biz.field.biaya"
    if not isinstance(row, Mapping):
        raise i18n.InputError(
            "input.unreadable",
            expected="biz.expected.mapping",
            given=type(row).__name__,
            field=f"{i18n.t(group)} no. {nomor}",
        )
    nama_raw = row.get("nama")
    nama = nama_raw.strip() if isinstance(nama_raw, str) else ""

    def where(name: str) -> str:
        return chk.row_field(group, nomor, nama, f"biz.field.{name}")

    for key in row:
        if key not in BIAYA_KEYS:
            raise i18n.InputError(
                "input.not_found",
                expected="expected.choice",
                choices=", ".join(BIAYA_KEYS),
                given=key,
                field=chk.row_field(group, nomor, nama, "biz.field.kolom"),
            )
    kategori = chk.choice(row.get("kategori"), KATEGORI, where("kategori"))
    nama = chk.text(row.get("nama"), where("nama"))
    jumlah = chk.number(row.get("jumlah"), where("jumlah"), min=0)
    satuan = chk.text(row.get("satuan"), where("satuan"), required=False)
    harga = chk.rp(row.get("harga_rp"), where("harga_rp"))
    dasar_raw = row.get("dasar")
    if dasar_raw is None or (isinstance(dasar_raw, str) and not dasar_raw.strip()):
        dasar = DASAR_BAWAAN[kategori]
    else:
        allowed = ("bulan",) if kategori in KATEGORI_TETAP else DASAR[:3]
        dasar = chk.choice(dasar_raw, allowed, where("dasar"))
    return {
        "kategori": kategori,
        "nama": nama,
        "jumlah": jumlah,
        "satuan": satuan,
        "harga_rp": harga,
        "dasar": dasar,
    }


def check_batch(batch: Mapping[str, Any]) -> dict[str, Any]:
    """The batch mapping checked and completed with its defaults (a new dict: JSON-friendly,
    the input is not changed). See the module docstring for the keys.

    >>> b = check_batch({"nama": "Sabun", "satuan_hasil": "batang", "hasil_per_batch": 50,
    ...     "batch_per_bulan": 2, "biaya": [{"kategori": "bahan", "nama": "Minyak",
    ...     "jumlah": "2,5", "harga_rp": "Rp 30.000"}]})
    >>> b["isi_per_unit"], b["nama_unit"], b["biaya"][0]["jumlah"], b["biaya"][0]["dasar"]
    (1, 'batang', 2.5, 'batch')
    >>> check_batch({"nama": "Sabun", "satuan_hasil": "batang", "hasil_per_batch": 50,
    ...     "batch_per_bulan": 2, "biaya": [], "harga": 5})
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Data batch produksi" tidak ditemukan:
    diharapkan salah satu dari: nama, satuan_hasil, hasil_per_batch, isi_per_unit, nama_unit,
    susut_pct, batch_per_bulan, biaya, ilustrasi, catatan, diberikan "harga".
    """
    chk.check_keys(batch, BATCH_KEYS, "biz.field.batch", required=_BATCH_REQUIRED)
    nama = chk.text(batch["nama"], "biz.field.nama")
    satuan_hasil = chk.text(batch["satuan_hasil"], "biz.field.satuan_hasil")
    hasil = chk.number(batch["hasil_per_batch"], "biz.field.hasil_per_batch", above=0)
    isi = batch.get("isi_per_unit")
    isi = 1 if isi is None else chk.number(isi, "biz.field.isi_per_unit", above=0)
    nama_unit = chk.text(batch.get("nama_unit"), "biz.field.nama_unit", required=False)
    susut = batch.get("susut_pct")
    susut = 0 if susut is None else chk.pct(susut, "biz.field.susut_pct", below=100)
    per_bulan = chk.number(batch["batch_per_bulan"], "biz.field.batch_per_bulan", above=0)
    ilustrasi = batch.get("ilustrasi")
    rows = chk.sequence(batch["biaya"], "biz.field.biaya")
    if not rows:
        raise i18n.InputError(
            "input.required", expected="biz.expected.cost_rows", given="", field="biz.field.biaya"
        )
    checked = {
        "nama": nama,
        "satuan_hasil": satuan_hasil,
        "hasil_per_batch": hasil,
        "isi_per_unit": isi,
        "nama_unit": nama_unit
        or (satuan_hasil if isi == 1 else f"{i18n.format_number(isi)} {satuan_hasil}"),
        "susut_pct": susut,
        "batch_per_bulan": per_bulan,
        "biaya": [_check_row(row, n) for n, row in enumerate(rows, start=1)],
        "ilustrasi": False if ilustrasi is None else chk.flag(ilustrasi, "biz.field.ilustrasi"),
        "catatan": chk.text(batch.get("catatan"), "biz.field.catatan", required=False),
    }
    unit_per_batch(checked)  # at least one sellable unit, or a clear error
    return checked


def unit_per_batch(batch: Mapping[str, Any]) -> int:
    """Sellable units from one batch: the yield after losses divided by the content of one
    unit, rounded *down* (a bottle filled halfway cannot be sold). ``batch`` as checked by
    :func:`check_batch`; fewer than one unit raises ``InputError``.

    >>> unit_per_batch({"hasil_per_batch": 10, "susut_pct": 2, "isi_per_unit": 0.1,
    ...                 "satuan_hasil": "liter"})
    98
    >>> unit_per_batch({"hasil_per_batch": 10, "susut_pct": 0, "isi_per_unit": 0.03,
    ...                 "satuan_hasil": "liter"})       # 333,3 bottles of 30 ml
    333
    """
    bersih = chk.decimal(batch["hasil_per_batch"]) * (100 - chk.decimal(batch["susut_pct"])) / 100
    units = math.floor(float(bersih / chk.decimal(batch["isi_per_unit"])) + _EPS)
    if units < 1:
        raise i18n.InputError(
            "input.out_of_range",
            expected="expected.max",
            max=f"{i18n.format_number(float(bersih))} {batch['satuan_hasil']}",
            given=i18n.format_number(batch["isi_per_unit"]),
            field="biz.field.isi_per_unit",
        )
    return units


def penyusutan_per_bulan_rp(harga_rp: float, umur_bulan: int) -> int:
    """Depreciation per month of a tool bought for ``harga_rp`` and used ``umur_bulan`` months
    (straight line, rounded to the rupiah): the row of category ``penyusutan`` in a batch.

    >>> penyusutan_per_bulan_rp(6_000_000, 60)
    100000
    >>> penyusutan_per_bulan_rp(6_000_000, 0)
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Umur pakai (bulan)" di luar batas:
    diharapkan paling sedikit 1, diberikan "0".
    """
    harga = chk.rp(harga_rp, "biz.field.harga_alat_rp")
    umur = chk.whole(umur_bulan, "biz.field.umur_bulan", min=1)
    return chk.bulatkan_rp(chk.decimal(harga) / umur)


# --- result --------------------------------------------------------------------------------


@dataclass(frozen=True)
class BiayaItem(Record):
    """One cost row with what it adds to a batch and to a unit, and its share of the HPP."""

    kategori: str
    nama: str
    jumlah: float
    satuan: str
    harga_rp: float
    dasar: str
    per_batch_rp: int
    per_unit_rp: float
    porsi_pct: float


@dataclass(frozen=True)
class HargaPokok(Record):
    """The cost of one batch and of one sellable unit (HPP), with the breakdown.

    ``biaya_tetap_*`` include depreciation (``penyusutan``): a real cost of the product, but
    not cash paid each month; :attr:`biaya_tetap_tunai_per_bulan_rp` leaves it out for the
    cash-flow plan (the tool itself is paid once, as an investment).
    ``biaya_isi_per_hasil_rp`` is the variable cost of one unit of yield *without* packaging
    (rows of category ``kemasan`` and rows counted per unit), after losses: what a liter of
    oil costs before it is bottled, used to compare packagings.
    """

    _NESTED: ClassVar = {"rincian": BiayaItem}

    nama: str
    satuan_hasil: str
    nama_unit: str
    hasil_per_batch: float
    isi_per_unit: float
    susut_pct: float
    batch_per_bulan: float
    unit_per_batch: int
    rincian: tuple[BiayaItem, ...]
    biaya_variabel_per_batch_rp: int
    biaya_tetap_per_batch_rp: int
    total_per_batch_rp: int
    hpp_per_unit_rp: float
    biaya_variabel_per_unit_rp: float
    biaya_tetap_per_bulan_rp: int
    penyusutan_per_bulan_rp: int
    biaya_isi_per_hasil_rp: float
    ilustrasi: bool

    @property
    def biaya_tetap_tunai_per_bulan_rp(self) -> int:
        """Fixed costs paid in cash each month (depreciation left out)."""
        return self.biaya_tetap_per_bulan_rp - self.penyusutan_per_bulan_rp

    @property
    def unit_per_bulan(self) -> int:
        """Units a month at full production (``unit_per_batch`` × ``batch_per_bulan``, down)."""
        return math.floor(self.unit_per_batch * self.batch_per_bulan + _EPS)

    def tabel(self) -> pd.DataFrame:
        """The breakdown, one row per cost item (columns of :class:`BiayaItem`)."""
        columns = [
            "kategori",
            "nama",
            "jumlah",
            "satuan",
            "harga_rp",
            "dasar",
            "per_batch_rp",
            "per_unit_rp",
            "porsi_pct",
        ]
        return pd.DataFrame([item.to_dict() for item in self.rincian], columns=columns)

    def per_kategori(self) -> pd.DataFrame:
        """Costs by category, in the order of :data:`KATEGORI`, only those present:
        ``kategori``, ``per_batch_rp``, ``per_unit_rp``, ``porsi_pct``."""
        rows = []
        for kategori in KATEGORI:
            items = [i for i in self.rincian if i.kategori == kategori]
            if items:
                per_batch = sum(i.per_batch_rp for i in items)
                rows.append(
                    {
                        "kategori": kategori,
                        "per_batch_rp": per_batch,
                        "per_unit_rp": per_batch / self.unit_per_batch,
                        "porsi_pct": _share(per_batch, self.total_per_batch_rp),
                    }
                )
        return pd.DataFrame(rows, columns=["kategori", "per_batch_rp", "per_unit_rp", "porsi_pct"])


def _share(part: float, total: float) -> float:
    return 100 * part / total if total else 0.0


def _per_batch(row: Mapping[str, Any], batch: Mapping[str, Any], units: int) -> int:
    jumlah, harga = chk.decimal(row["jumlah"]), chk.decimal(row["harga_rp"])
    times = {
        "batch": 1,
        "hasil": chk.decimal(batch["hasil_per_batch"]),
        "unit": units,
        "bulan": 1 / chk.decimal(batch["batch_per_bulan"]),
    }[row["dasar"]]
    return chk.bulatkan_rp(jumlah * harga * times)


def cost_of_goods(batch: Mapping[str, Any]) -> HargaPokok:
    """The HPP of one batch and of one sellable unit, with a breakdown by item and share.

    ``batch``: see the module docstring (checked by :func:`check_batch`; not changed).
    Each row's cost per batch is ``jumlah × harga_rp``, times the yield for ``dasar="hasil"``,
    times the units of the batch for ``dasar="unit"``, divided by the batches of the month for
    ``dasar="bulan"``; rounded to the rupiah. HPP per unit = total per batch ÷ units per batch.

    >>> hpp = cost_of_goods({"nama": "Minyak kakao", "satuan_hasil": "liter",
    ...     "hasil_per_batch": 5, "batch_per_bulan": 3, "biaya": [
    ...     {"kategori": "bahan", "nama": "Biji kakao", "jumlah": 4, "harga_rp": 40_000,
    ...      "dasar": "hasil"},
    ...     {"kategori": "penyusutan", "nama": "Alat giling", "jumlah": 1, "harga_rp": 100_000}]})
    >>> hpp.total_per_batch_rp, hpp.hpp_per_unit_rp          # 800.000 + 100.000 / 3
    (833333, 166666.6)
    >>> cost_of_goods({"nama": "X", "satuan_hasil": "liter", "hasil_per_batch": 5,
    ...     "batch_per_bulan": 3, "biaya": [{"kategori": "bahan", "nama": "Biji kakao",
    ...     "jumlah": 4, "harga_rp": -40_000}]})
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Biaya no. 1 (Biji kakao): Harga satuan" di
    luar batas: diharapkan paling sedikit Rp 0, diberikan "-Rp 40.000".
    """
    b = check_batch(batch)
    units = unit_per_batch(b)
    amounts = [_per_batch(row, b, units) for row in b["biaya"]]
    total = sum(amounts)
    rincian = tuple(
        BiayaItem(
            kategori=row["kategori"],
            nama=row["nama"],
            jumlah=row["jumlah"],
            satuan=row["satuan"],
            harga_rp=row["harga_rp"],
            dasar=row["dasar"],
            per_batch_rp=amount,
            per_unit_rp=amount / units,
            porsi_pct=_share(amount, total),
        )
        for row, amount in zip(b["biaya"], amounts, strict=True)
    )
    tetap = sum(a for r, a in zip(b["biaya"], amounts, strict=True) if r["dasar"] == "bulan")
    variabel = total - tetap
    month = [
        chk.bulatkan_rp(chk.decimal(r["jumlah"]) * chk.decimal(r["harga_rp"]))
        for r in b["biaya"]
        if r["dasar"] == "bulan"
    ]
    penyusutan = [
        chk.bulatkan_rp(chk.decimal(r["jumlah"]) * chk.decimal(r["harga_rp"]))
        for r in b["biaya"]
        if r["kategori"] == "penyusutan"
    ]
    isi = sum(
        a
        for r, a in zip(b["biaya"], amounts, strict=True)
        if r["dasar"] != "bulan" and r["dasar"] != "unit" and r["kategori"] != "kemasan"
    )
    bersih = chk.decimal(b["hasil_per_batch"]) * (100 - chk.decimal(b["susut_pct"])) / 100
    return HargaPokok(
        nama=b["nama"],
        satuan_hasil=b["satuan_hasil"],
        nama_unit=b["nama_unit"],
        hasil_per_batch=b["hasil_per_batch"],
        isi_per_unit=b["isi_per_unit"],
        susut_pct=b["susut_pct"],
        batch_per_bulan=b["batch_per_bulan"],
        unit_per_batch=units,
        rincian=rincian,
        biaya_variabel_per_batch_rp=variabel,
        biaya_tetap_per_batch_rp=tetap,
        total_per_batch_rp=total,
        hpp_per_unit_rp=total / units,
        biaya_variabel_per_unit_rp=variabel / units,
        biaya_tetap_per_bulan_rp=sum(month),
        penyusutan_per_bulan_rp=sum(penyusutan),
        biaya_isi_per_hasil_rp=float(isi / bersih),
        ilustrasi=b["ilustrasi"],
    )
