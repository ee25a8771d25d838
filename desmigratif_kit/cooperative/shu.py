"""SHU (*Sisa Hasil Usaha*): how a cooperative shares its surplus (UU 25/1992 Art. 45).

FACTS §4.1: after the reserve, SHU goes to the members in proportion to what each did with the
cooperative, and to education and other needs, **as the members' meeting (*Rapat Anggota*)
decides**: the law sets no percentages; the cooperative's AD/ART and its meeting do.

* :func:`shu_allocation`: the whole SHU shared among the posts the meeting chose (reserve,
  members, management, employees, education, social fund, ...); :data:`ALOKASI_SHU_ILUSTRASI`
  is the common teaching split (40/40/5/5/5/5), **illustrative only**;
* :func:`shu_distribution`: the members' part, by savings (*jasa modal*) and by transactions
  (*jasa usaha*), in whole rupiah that add up exactly (largest-remainder rounding).

>>> anggota = pd.DataFrame({"nama": ["Bu Sari", "Lainnya"],
...                         "simpanan_rp": [2_000_000, 98_000_000],
...                         "transaksi_rp": [5_000_000, 70_000_000]})
>>> shu_distribution(anggota, 60_000_000, 20, 25).loc[0, "shu_rp"]
np.int64(1240000)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from desmigratif_kit.cooperative.checks import (
    amount_rp,
    as_fraction,
    largest_remainder,
    pct,
    round_rp,
    shares_100,
)
from desmigratif_kit.cooperative.ledger import ledger_to_shu_members, load_ledger
from desmigratif_kit.core import data, i18n
from desmigratif_kit.core.inputs import missing

__all__ = [
    "ALOKASI_SHU_ILUSTRASI",
    "POS_SHU",
    "SHU_MEMBER_SCHEMA",
    "PotSHU",
    "label_pos_shu",
    "load_shu_members",
    "members_for_shu",
    "shu_allocation",
    "shu_distribution",
    "shu_pots",
]

POS_SHU = (
    "cadangan",
    "jasa_anggota",
    "jasa_modal",
    "jasa_usaha",
    "pengurus",
    "karyawan",
    "pendidikan",
    "sosial",
    "pembangunan_daerah_kerja",
)
"""The usual headings of an AD/ART's SHU allocation (FACTS §4.1); each has a catalog label
``kop.shu.pos.<name>``. A meeting may use others: any name is accepted."""

ALOKASI_SHU_ILUSTRASI: Mapping[str, int] = {
    "cadangan": 40,
    "jasa_anggota": 40,
    "pengurus": 5,
    "karyawan": 5,
    "pendidikan": 5,
    "sosial": 5,
}
"""A split often used in teaching (reserve 40 %, members 40 %, 5 % each for management,
employees, education and social fund). **Illustrative only**: no law or authoritative source
sets it (FACTS §4.1 marks it [?]); every cooperative's Rapat Anggota decides its own. Show it
with the note ``kop.shu.illustrative``."""


def label_pos_shu(pos: str, lang: str | None = None) -> str:
    """The name of an SHU post for people (``cadangan`` → *Dana cadangan*); other names are
    shown as written.

    >>> label_pos_shu("cadangan"), label_pos_shu("pendidikan", "en"), label_pos_shu("Dana RT")
    ('Dana cadangan', 'Education fund', 'Dana RT')
    """
    return i18n.t(f"kop.shu.pos.{pos}", lang) if pos in POS_SHU else pos


def shu_allocation(shu_rp: Any, shares: Mapping[str, Any]) -> pd.DataFrame:
    """The whole SHU shared among the posts the members' meeting decided.

    ``shares`` maps a post (see :data:`POS_SHU`; other names are allowed) to its percentage;
    the percentages must add up to 100. Returns one row per post, in the order given:
    ``pos``, ``persen``, ``jumlah_rp`` (whole rupiah adding up to ``shu_rp`` exactly).

    >>> shu_allocation(60_000_000, ALOKASI_SHU_ILUSTRASI)["jumlah_rp"].tolist()
    [24000000, 24000000, 3000000, 3000000, 3000000, 3000000]
    >>> shu_allocation(60_000_000, {"cadangan": 40, "jasa_anggota": 50})
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Pembagian SHU (%)" tidak dapat dibaca:
    diharapkan bagian-bagian yang jumlahnya tepat 100%, diberikan "90% (cadangan 40% +
    jasa_anggota 50%)".
    """
    total = amount_rp(shu_rp, "kop.field.shu", allow_zero=True)
    cleaned = shares_100(shares, "kop.field.shu_shares")
    amounts = largest_remainder(total, list(cleaned.values())) if total else [0] * len(cleaned)
    return pd.DataFrame(
        {
            "pos": pd.array(list(cleaned), dtype="string"),
            "persen": [float(v) for v in cleaned.values()],
            "jumlah_rp": pd.array(amounts, dtype="int64"),
        }
    )


_MEMBER_COLUMNS = ("nama", "simpanan_rp", "transaksi_rp")

SHU_MEMBER_SCHEMA = data.Schema(
    "anggota_shu",
    [
        data.Column(
            "nama", "text", label="kop.shu.col.nama",
            aliases=("Nama", "Nama Anggota", "Nama Lengkap", "Anggota", "Name"),
        ),
        data.Column(
            "simpanan_rp", "rp", label="kop.shu.col.simpanan_rp", min=0,
            aliases=("Simpanan", "Simpanan Pokok + Wajib", "Simpanan Pokok dan Wajib",
                     "Simpanan (Pokok + Wajib)", "Modal", "Savings"),
        ),
        data.Column(
            "transaksi_rp", "rp", required=False, label="kop.shu.col.transaksi_rp", min=0,
            aliases=("Transaksi", "Jumlah Transaksi", "Total Transaksi", "Pinjaman",
                     "Pembelian", "Belanja", "Jasa Usaha", "Transactions"),
        ),
    ],
)  # fmt: skip
"""The members' table of the SHU: for the editable table, Excel/CSV import and export. An empty
transaction cell is a member who did no business with the cooperative this year
(:func:`members_for_shu` counts it as Rp 0)."""


def members_for_shu(members: pd.DataFrame) -> pd.DataFrame:
    """A copy of a member list with empty transactions as Rp 0 (savings stay as given: an
    empty saving is a mistake to report, not a zero).

    >>> members_for_shu(pd.DataFrame({"nama": ["A"], "simpanan_rp": [1.0],
    ...                               "transaksi_rp": [None]}))["transaksi_rp"].tolist()
    [0.0]
    """
    out = members.copy()
    if "transaksi_rp" in out:
        out["transaksi_rp"] = pd.to_numeric(out["transaksi_rp"]).fillna(0.0)
    return out


def load_shu_members(source: Any, filename: str | None = None) -> pd.DataFrame:
    """Members for :func:`shu_distribution` from an Excel or CSV file: either a list with
    *Nama*, *Simpanan* (pokok + wajib) and *Transaksi* (:data:`SHU_MEMBER_SCHEMA`), or the
    cooperative's member ledger (*Simpanan Pokok*, *Simpanan Wajib*, ...: read with
    :func:`~desmigratif_kit.cooperative.ledger.load_ledger`, whose JUMLAH row is left out, and
    turned into members by :func:`~desmigratif_kit.cooperative.ledger.ledger_to_shu_members`).
    Empty transactions count as Rp 0. Every problem comes in one ``TableError``.

    >>> load_shu_members(b"Nama;Simpanan;Transaksi\\nSiti;2.000.000;5.000.000\\n",
    ...                  filename="shu.csv").values.tolist()
    [['Siti', 2000000.0, 5000000.0]]
    >>> load_shu_members(b"Nama;Simpanan Pokok;Simpanan Wajib\\nBudi;100.000;50.000\\n"
    ...                  b"JUMLAH;100.000;50.000\\n", filename="buku.csv").values.tolist()
    [['Budi', 150000.0, 0.0]]
    """
    content = source.read() if hasattr(source, "read") else source
    try:
        members = data.read_table(content, SHU_MEMBER_SCHEMA, filename=filename)
        return members_for_shu(members).__finalize__(members)
    except data.TableError as err:
        if not any(p.key == "table.missing_column" for p in err.problems):
            raise
        try:
            ledger = load_ledger(content, filename=filename)
        except data.TableError as ledger_err:
            if any(p.key == "table.missing_column" for p in ledger_err.problems):
                raise err from None  # neither shape: say what the member list needs
            raise
    members = ledger_to_shu_members(ledger)
    members.attrs.update(source=ledger.attrs.get("source"), rows=ledger.attrs.get("rows"))
    return members


@dataclass(frozen=True)
class PotSHU:
    """How the whole SHU splits (:func:`shu_pots`): the jasa modal and jasa usaha set aside
    for the members, and the rest (reserve, management, education, other funds)."""

    shu_rp: int
    jasa_modal_pct: float
    jasa_usaha_pct: float
    jasa_modal_rp: int
    jasa_usaha_rp: int

    @property
    def anggota_rp(self) -> int:
        """The members' part (jasa modal + jasa usaha)."""
        return self.jasa_modal_rp + self.jasa_usaha_rp

    @property
    def lainnya_rp(self) -> int:
        """What stays for the reserve and the other posts the meeting decides."""
        return self.shu_rp - self.anggota_rp

    @property
    def lainnya_pct(self) -> float:
        return 100 - self.jasa_modal_pct - self.jasa_usaha_pct


def shu_pots(shu_rp: Any, jasa_modal_pct: Any, jasa_usaha_pct: Any) -> PotSHU:
    """The amounts set aside for jasa modal and jasa usaha (``round(SHU x %)``, half up) and
    what is left for the other posts; the two percentages together at most 100.

    >>> pots = shu_pots(60_000_000, 20, 25)
    >>> pots.jasa_modal_rp, pots.jasa_usaha_rp, pots.lainnya_rp, pots.lainnya_pct
    (12000000, 15000000, 33000000, 55.0)
    >>> shu_pots(60_000_000, 70, 40)
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Jasa modal + jasa usaha" di luar batas:
    diharapkan jasa modal + jasa usaha paling banyak 100% dari SHU, diberikan "70% + 40%".
    """
    total = amount_rp(shu_rp, "kop.field.shu", allow_zero=True)
    jm = pct(jasa_modal_pct, "kop.field.jasa_modal")
    ju = pct(jasa_usaha_pct, "kop.field.jasa_usaha")
    if as_fraction(jm) + as_fraction(ju) > 100:
        raise i18n.InputError(
            "input.out_of_range",
            expected="kop.expected.jm_ju",
            given=f"{i18n.format_pct(jm)} + {i18n.format_pct(ju)}",
            field="kop.field.jasa_anggota",
        )
    return PotSHU(
        shu_rp=total,
        jasa_modal_pct=float(jm),
        jasa_usaha_pct=float(ju),
        jasa_modal_rp=round_rp(total * as_fraction(jm) / 100),
        jasa_usaha_rp=round_rp(total * as_fraction(ju) / 100),
    )


def _member_numbers(members: pd.DataFrame, column: str) -> list[float]:
    values = []
    for position, value in enumerate(members[column].tolist()):
        field = i18n.t("kop.field.member_row", column=column, row=position + 1)
        if missing(value):
            raise i18n.InputError(
                "input.required", expected="kop.expected.amount_zero", given="", field=field,
                max=i18n.format_rp(10**12),
            )  # fmt: skip
        values.append(amount_rp(value, field, allow_zero=True, whole=False))
    return values


def shu_distribution(
    members: pd.DataFrame, shu_rp: Any, jasa_modal_pct: Any, jasa_usaha_pct: Any
) -> pd.DataFrame:
    """Each member's SHU: *jasa modal* by savings and *jasa usaha* by transactions.

    ``members`` has ``nama``, ``simpanan_rp`` (simpanan pokok + wajib; *sukarela* does not
    count, as in the textbook formula) and ``transaksi_rp`` (purchases, sales or loans with the
    cooperative in the year); other columns are kept. ``jasa_modal_pct`` and
    ``jasa_usaha_pct`` are the shares of the **whole** SHU set aside for each (together at
    most 100). The amounts set aside are ``round(shu x %)``, each shared in proportion
    (largest-remainder rounding, so the members' parts add up to it exactly). Returns a new
    frame with ``shu_jasa_modal_rp``, ``shu_jasa_usaha_rp`` and ``shu_rp`` (int64).

    FACTS §4.1: SHU Rp 60 million, JM 20 %, JU 25 %; a member with Rp 2 million of Rp 100
    million savings and Rp 5 million of Rp 75 million loans gets 2/100 x 20 % x 60 million =
    Rp 240,000 plus 5/75 x 25 % x 60 million = Rp 1,000,000: Rp 1,240,000.

    >>> anggota = pd.DataFrame({"nama": ["A", "B", "C"], "simpanan_rp": [1, 1, 1],
    ...                         "transaksi_rp": [0, 0, 0]})
    >>> shu_distribution(anggota, 100, 100, 0)["shu_rp"].tolist()
    [34, 33, 33]
    >>> shu_distribution(anggota, 100, 50, 10)
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai untuk "Jasa usaha (%)" tidak dapat dibaca:
    diharapkan transaksi anggota lebih dari Rp 0 agar jasa usaha dapat dibagi, diberikan "Rp 0".
    """
    if not isinstance(members, pd.DataFrame):
        raise TypeError(f"members must be a pandas DataFrame, not {type(members).__name__}")
    absent = [c for c in _MEMBER_COLUMNS if c not in members.columns]
    if absent:
        raise i18n.InputError(
            "input.not_found",
            expected="kop.expected.member_columns",
            given=", ".join(map(str, members.columns)) or "",
            field="kop.field.members",
        )
    if members.empty:
        raise i18n.InputError(
            "input.required", expected="kop.expected.members", given="", field="kop.field.members"
        )
    pots = shu_pots(shu_rp, jasa_modal_pct, jasa_usaha_pct)
    savings = _member_numbers(members, "simpanan_rp")
    trades = _member_numbers(members, "transaksi_rp")
    pot_jm, pot_ju = pots.jasa_modal_rp, pots.jasa_usaha_rp
    part_jm = _share(pot_jm, savings, "kop.expected.savings_positive", "kop.field.jasa_modal")
    part_ju = _share(pot_ju, trades, "kop.expected.trades_positive", "kop.field.jasa_usaha")
    out = members.copy()
    out["shu_jasa_modal_rp"] = pd.array(part_jm, dtype="int64")
    out["shu_jasa_usaha_rp"] = pd.array(part_ju, dtype="int64")
    out["shu_rp"] = out["shu_jasa_modal_rp"] + out["shu_jasa_usaha_rp"]
    return out


def _share(pot: int, weights: list[float], expected: str, field: str) -> list[int]:
    if pot == 0:
        return [0] * len(weights)
    if sum(weights) <= 0:
        raise i18n.InputError(expected=expected, given=i18n.format_rp(0), field=field)
    return largest_remainder(pot, weights)
