"""Write the synthetic cooperative ledger ``data/sample/koperasi_sintetis.csv``.

Run from the repository root::

    python scripts/make_sample_koperasi.py

The output is the same on every run (fixed seed). Everything in it is made up: *Koperasi
Sukamaju Sintetis* does not exist; names are random pairs of common Indonesian given names;
member numbers are ``KSS-001`` ...; every row says ``SINTETIS`` in ``keterangan``.

The ledger is written as an Indonesian office's Excel would save it as CSV: semicolons,
``1.500.000`` amounts, dates ``12/09/2025``, a ``JUMLAH`` row at the bottom, and a ``Jumlah
Simpanan`` column per member. The amounts are illustrative, not statistics: simpanan pokok
Rp 100.000 for everyone (paid on joining), simpanan wajib Rp 10.000 for each month since
joining up to the sample's "today" (1 December 2026), voluntary savings and loans for some
members, and a year's transactions with the cooperative (for SHU *jasa usaha*). Every total
reconciles (``cooperative.check_ledger`` finds nothing), so exercises can break it on purpose.
"""

from __future__ import annotations

import csv
import random
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desmigratif_kit.core.i18n import format_number  # noqa: E402

SEED = 20170911  # the day Desmigratif was launched
N_MEMBERS = 24
TODAY = date(2026, 12, 1)
OUTPUT = ROOT / "data" / "sample" / "koperasi_sintetis.csv"
POKOK_RP = 100_000
WAJIB_PER_BULAN_RP = 10_000

NAMES = (
    "Siti Rahayu Sri Dewi Nur Wati Lestari Rina Yuli Eka Fitri Ani Endang Kartini Aminah Ratna "
    "Ahmad Budi Agus Slamet Joko Eko Hendra Rudi Dedi Yohanes Maria Made Ketut Wayan"
).split()
HEADERS = [
    "No. Anggota",
    "Nama",
    "Tanggal Masuk",
    "Simpanan Pokok",
    "Simpanan Wajib",
    "Simpanan Sukarela",
    "Jumlah Simpanan",
    "Sisa Pinjaman",
    "Transaksi",
    "Keterangan",
]


def months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


def members(rng: random.Random) -> list[list[object]]:
    rows = []
    used: set[str] = set()
    for number in range(1, N_MEMBERS + 1):
        while True:
            name = f"{rng.choice(NAMES)} {rng.choice(NAMES)}"
            if name not in used and name.split()[0] != name.split()[1]:
                used.add(name)
                break
        joined = date(rng.randint(2023, 2026), rng.randint(1, 6), rng.randint(1, 28))
        wajib = WAJIB_PER_BULAN_RP * max(1, months_between(joined, TODAY))
        sukarela = rng.choice([0, 0, 50_000, 100_000, 250_000, 500_000, 1_000_000])
        pinjaman = rng.choice([0, 0, 0, 500_000, 1_000_000, 2_500_000, 5_000_000])
        transaksi = rng.randrange(0, 3_000_000, 10_000)
        rows.append(
            [f"KSS-{number:03d}", name, joined, POKOK_RP, wajib, sukarela,
             POKOK_RP + wajib + sukarela, pinjaman, transaksi, "SINTETIS"]
        )  # fmt: skip
    return rows


def cell(value: object) -> str:
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, int):
        return format_number(value)
    return str(value)


def main() -> None:
    rows = members(random.Random(SEED))
    totals = ["", "JUMLAH", ""] + [sum(row[i] for row in rows) for i in range(3, 9)] + [""]
    with OUTPUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADERS)
        for row in [*rows, totals]:
            writer.writerow([cell(value) for value in row])
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(rows)} members and a JUMLAH row")


if __name__ == "__main__":
    main()
