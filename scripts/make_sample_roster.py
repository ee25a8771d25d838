"""Write the synthetic children's roster ``data/sample/anak_desa_sintetis.csv``.

Run from the repository root::

    python scripts/make_sample_roster.py

The output is the same on every run (fixed seed). Everything in it is made up: the children
of migrant workers of the fictional *Desa Sukamaju Sintetis* (the village of the synthetic
migrant register), their carers and their measurements. Every row says ``SINTETIS`` in
``keterangan``. The file is written the way an Indonesian Excel saves CSV: ``;`` between
cells, a decimal comma (``7,5`` kg), dates ``dd/mm/yyyy``.

What it aims at (illustrative, not statistics of any real village): the under-fives' growth
is drawn so that the shares at their latest measurement are close to the national figures of
the Survei Status Gizi Indonesia (SSGI) 2022 (Kemenkes, announced 27 January 2023): stunting
21.6%, wasting 7.7%, underweight 17.1% (as quoted by tirto.id and tribunnews.com). Each child
has a latent length-for-age and weight-for-length z-score (stratified normal draws: stunting
mean -1.14, SD 1.1; wasting mean -0.57, SD 1.0), a small monthly drift, an illness dip for
some, and real measuring habits: a few under-twos measured standing and over-twos lying, a
few lengths not taken, missed posyandu days, one child with oedema and one typing slip.
"""

from __future__ import annotations

import csv
import random
import sys
from datetime import date
from pathlib import Path
from statistics import NormalDist

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desmigratif_kit.parenting import growth, roster  # noqa: E402

SEED = 20170911  # the day Desmigratif was launched
TODAY = roster.SAMPLE_REFERENCE_DATE_ANAK
OUTPUT = ROOT / "data" / "sample" / "anak_desa_sintetis.csv"
N_BALITA = 96
N_OLDER = 84
POSYANDU_DAY = 10
HAZ = (-1.137, 1.1)  # P(z < -2) = 21.6% (SSGI 2022 stunting)
WHZ = (-0.574, 1.0)  # P(z < -2) = 7.7% (SSGI 2022 wasting)

ANAK_L = [
    "Adit",
    "Bima",
    "Dimas",
    "Fajar",
    "Gilang",
    "Hafiz",
    "Ilham",
    "Joko",
    "Kevin",
    "Lutfi",
    "Mahesa",
    "Naufal",
    "Putra",
    "Rafi",
    "Raka",
    "Rizky",
    "Satria",
    "Tegar",
    "Umar",
    "Wahyu",
    "Yoga",
    "Zaki",
    "Arya",
    "Bagas",
    "Daffa",
    "Farhan",
    "Galih",
]
ANAK_P = [
    "Aisyah",
    "Ayu",
    "Bunga",
    "Citra",
    "Dinda",
    "Fitri",
    "Gita",
    "Intan",
    "Kirana",
    "Laras",
    "Maya",
    "Nabila",
    "Nadia",
    "Putri",
    "Rara",
    "Salsa",
    "Tiara",
    "Vina",
    "Wulan",
    "Zahra",
    "Alya",
    "Anisa",
    "Dewi",
    "Kayla",
    "Naura",
    "Sekar",
    "Syifa",
]
NAMA_KEDUA = [
    "Pratama",
    "Saputra",
    "Ramadhan",
    "Nugraha",
    "Wibisono",
    "Lestari",
    "Kusuma",
    "Maharani",
    "Anggraini",
    "Permata",
    "Hidayat",
    "Setiawan",
    "Wijaya",
    "Puspita",
    "Aulia",
    "Safitri",
    "Firmansyah",
    "Utami",
]
NAMA_PENGASUH = {
    "nenek": [
        "Mbah Sumi",
        "Mbah Karsih",
        "Nenek Warsini",
        "Nenek Tuminah",
        "Mbah Rukmini",
        "Nenek Sarinah",
    ],
    "kakek": ["Mbah Darmo", "Kakek Sukiran", "Mbah Karto"],
    "ibu": ["Ibu Wati", "Ibu Sri", "Ibu Yuli", "Ibu Rina", "Ibu Endang"],
    "ayah": ["Pak Slamet", "Pak Joko", "Pak Heru", "Pak Agus"],
    "kerabat": ["Bibi Narti", "Paman Tarno", "Tante Lina"],
    "lainnya": ["Bu Tetangga Sintetis"],
}
NEGARA = {
    "Hong Kong": 26,
    "Taiwan": 25,
    "Malaysia": 20,
    "Jepang": 8,
    "Singapura": 7,
    "Korea Selatan": 6,
    "Arab Saudi": 5,
    "Italia": 3,
}
COLUMNS = [column.name for column in roster.ROSTER_SCHEMA.columns]
HEADERS = [column.label or column.name for column in roster.ROSTER_SCHEMA.columns]


def pick(rng: random.Random, options: dict) -> str:
    keys = list(options)
    return rng.choices(keys, weights=[options[k] for k in keys])[0]


def stratified(rng: random.Random, n: int, mean: float, sd: float) -> list[float]:
    """``n`` normal draws at evenly spaced quantiles, shuffled: the shares below a limit are
    those of the distribution (not left to chance in a village of ~100 children)."""
    normal = NormalDist(mean, sd)
    values = [normal.inv_cdf((i + 0.5) / n) for i in range(n)]
    rng.shuffle(values)
    return values


def carer_for(rng: random.Random, abroad: str) -> str:
    options = {
        "ibu": {"nenek": 60, "ayah": 25, "kakek": 5, "kerabat": 10},
        "ayah": {"ibu": 90, "nenek": 10},
        "keduanya": {"nenek": 70, "kakek": 10, "kerabat": 18, "lainnya": 2},
    }[abroad]
    return pick(rng, options)


def school_for(rng: random.Random, months: int) -> str:
    years = months // 12
    if years < 3:
        return "belum_sekolah"
    if years < 5:
        return pick(rng, {"paud": 55, "belum_sekolah": 45})
    if years < 7:
        return pick(rng, {"tk": 60, "paud": 20, "belum_sekolah": 20})
    if years < 13:
        return pick(rng, {"sd": 97, "tidak_sekolah": 3})
    if years < 16:
        return pick(rng, {"smp": 92, "tidak_sekolah": 8})
    return pick(rng, {"sma": 80, "tidak_sekolah": 20})


def decimal(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def months_between(born: date, day: date) -> int:
    return growth.umur_bulan(born, day)


def child_rows(rng, number, born, sex, haz0, whz0, person) -> list[dict[str, str]]:
    """The posyandu weighings of one under-five in 2026 (10th of each month)."""
    rows = []
    haz, whz = haz0, whz0
    ill_month = rng.randrange(1, 13) if rng.random() < 0.12 else None
    last_two_missed = rng.random() < 0.05
    for month in range(1, 13):
        day = date(2026, month, POSYANDU_DAY)
        if day < born or day > TODAY:
            continue
        age = (day - born).days
        if age > growth.MAX_UMUR_HARI:
            continue
        haz += rng.gauss(0, 0.04)
        whz = whz0 + 0.6 * (whz - whz0) + rng.gauss(0, 0.08)
        dip = -0.9 if ill_month is not None and month in (ill_month, ill_month + 1) else 0.0
        if rng.random() > 0.85 or (last_two_missed and month >= 11):
            continue
        young = age < growth.BATAS_PANJANG_HARI
        length = float(growth.value_for_z("tb_u", sex, age, haz)[0])
        tabel = "panjang" if young else "tinggi"
        low, high = growth.RENTANG_BB_TB[tabel]
        if low <= round(length, 1) <= high:
            weight = float(growth.value_for_z("bb_tb", sex, round(length, 1), whz + dip, tabel)[0])
        else:
            weight = float(growth.value_for_z("bb_u", sex, age, 0.6 * haz + 0.6 * (whz + dip))[0])
        if young:
            position = "berdiri" if age > 300 and rng.random() < 0.08 else "terlentang"
        else:
            position = "terlentang" if rng.random() < 0.05 else "berdiri"
        recorded = length - (0.7 if young and position == "berdiri" else 0)
        recorded += 0.7 if not young and position == "terlentang" else 0
        recorded += rng.gauss(0, 0.15)
        row = dict(
            person,
            tanggal_ukur=day.strftime("%d/%m/%Y"),
            berat_kg=decimal(weight + rng.gauss(0, 0.02)),
            tinggi_cm=decimal(recorded),
            cara_ukur=position,
        )
        if rng.random() < 0.08:
            row.update(tinggi_cm="", cara_ukur="")
        rows.append(row)
    return rows


def make_rows(seed: int = SEED) -> list[dict[str, str]]:
    rng = random.Random(seed)
    haz_all = stratified(rng, N_BALITA, *HAZ)
    whz_all = stratified(rng, N_BALITA, *WHZ)
    used_names: set[str] = set()
    rows: list[dict[str, str]] = []
    for number in range(N_BALITA + N_OLDER):
        sex = rng.choice("LP")
        while True:
            first = rng.choice(ANAK_L if sex == "L" else ANAK_P)
            name = f"{first} {rng.choice(NAMA_KEDUA)}"
            if name not in used_names:
                used_names.add(name)
                break
        if number < N_BALITA:
            born = date.fromordinal(TODAY.toordinal() - rng.randint(5, growth.MAX_UMUR_HARI - 31))
        else:
            born = date.fromordinal(TODAY.toordinal() - rng.randint(5 * 366, 17 * 365))
        abroad = pick(rng, {"ibu": 55, "ayah": 30, "keduanya": 15})
        carer = carer_for(rng, abroad)
        person = {
            "id_anak": f"SKS-{number + 1:03d}",
            "nama_anak": name,
            "jenis_kelamin": sex,
            "tanggal_lahir": born.strftime("%d/%m/%Y"),
            "orang_tua_di_luar_negeri": abroad,
            "negara_orang_tua": pick(rng, NEGARA),
            "pengasuh": carer,
            "nama_pengasuh": rng.choice(NAMA_PENGASUH[carer]),
            "status_sekolah": school_for(rng, months_between(born, TODAY)),
            "keterangan": "SINTETIS",
        }
        measured = []
        if number < N_BALITA:
            measured = child_rows(rng, number, born, sex, haz_all[number], whz_all[number], person)
        rows.extend(measured or [dict(person)])
    thinnest = min(range(N_BALITA), key=lambda i: whz_all[i])
    _add_oedema_and_a_slip(rows, f"SKS-{thinnest + 1:03d}")
    return [{name: row.get(name, "") for name in COLUMNS} for row in rows]


def _add_oedema_and_a_slip(rows: list[dict[str, str]], thinnest: str) -> None:
    """Oedema at the latest weighing of the thinnest child, and one weight typed 10 times too
    big (a slip WHO's flags catch): the things a roster must show, not hide."""
    measured = [row for row in rows if row.get("berat_kg")]
    latest = max(
        (r for r in measured if r["id_anak"] == thinnest),
        key=lambda r: r["tanggal_ukur"][6:] + r["tanggal_ukur"][3:5],
    )
    latest["edema"] = "ya"
    slip = next(
        r
        for r in measured
        if r["tanggal_ukur"].startswith("10/03")
        and r["tinggi_cm"]
        and r["tanggal_lahir"][6:] < "2025"
    )
    kg = float(slip["berat_kg"].replace(",", "."))
    slip["berat_kg"] = decimal(kg * 10 if kg * 10 <= 58 else kg / 10)


def main() -> None:
    rows = make_rows()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(HEADERS)
        for row in rows:
            writer.writerow([row[name] for name in COLUMNS])
    df = roster.load_roster(OUTPUT)
    from desmigratif_kit.parenting import summary

    counts = summary.count_children(df, TODAY)
    measured = counts["balita_diukur"] or 1
    print(f"{OUTPUT.relative_to(ROOT)}: {len(df)} rows, {counts['anak']} children")
    for key in ("pendek", "gizi_kurang", "bb_kurang"):
        print(
            f"  {key}: {counts[key]} of {measured} measured under-fives "
            f"({100 * counts[key] / measured:.1f}%)"
        )
    print(f"  to visit this month: {counts['perlu_kunjungan']}")


if __name__ == "__main__":
    main()
