"""Write the synthetic village register ``data/sample/register_pmi_sintetis.csv``.

Run from the repository root::

    python scripts/make_sample_register.py

The output is the same on every run (fixed seed). Everything in it is made up: *Desa Sukamaju
Sintetis* does not exist; names are random pairs of common Indonesian given names; NIKs start
with the region prefix 99 (no province has code 99); passport numbers start with ``ZS`` (not
an Indonesian passport series); family phone numbers start with ``0800-0000-`` (not a mobile
prefix); agency names end in "Sintetis". Every row says ``SINTETIS`` in ``keterangan``.

Shares follow BP2MI figures in ``data/reference`` (FACTS.md 1.8): departure years weighted by
national placements per year (so 2020-2021 are thin; 2025-2026 reuse the 2024 figure, an
assumption), destinations by the 2024 top five plus the 2023 figures for Korea, Saudi Arabia,
Italy, Brunei and Türkiye, jobs per destination chosen to give roughly the 2024 job shares,
women about 60%. The "today" of the sample is ``register.SAMPLE_REFERENCE_DATE``.
"""

from __future__ import annotations

import csv
import random
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desmigratif_kit.migration import penempatan, register  # noqa: E402

SEED = 20170911  # the day Desmigratif was launched
N_WORKERS = 1500
TODAY = register.SAMPLE_REFERENCE_DATE
OUTPUT = ROOT / "data" / "sample" / "register_pmi_sintetis.csv"
REGION_PREFIX = "990101"  # fictional province 99, regency 01, district 01

PEREMPUAN = [
    "Siti",
    "Sri",
    "Dewi",
    "Nur",
    "Wati",
    "Lestari",
    "Rina",
    "Yuli",
    "Eka",
    "Fitri",
    "Ani",
    "Tri",
    "Endang",
    "Rahayu",
    "Suryani",
    "Sumiati",
    "Kartini",
    "Aminah",
    "Ratna",
    "Indah",
    "Wulan",
    "Sari",
    "Yanti",
    "Ningsih",
    "Lina",
    "Nurul",
    "Rohmah",
    "Umi",
    "Puji",
    "Tuti",
]
LAKI_LAKI = [
    "Ahmad",
    "Budi",
    "Agus",
    "Slamet",
    "Joko",
    "Eko",
    "Hendra",
    "Rudi",
    "Dedi",
    "Wahyu",
    "Andi",
    "Bambang",
    "Heru",
    "Muhammad",
    "Dwi",
    "Imam",
    "Arif",
    "Yusuf",
    "Rahmat",
    "Hadi",
    "Supri",
    "Teguh",
    "Anton",
    "Fajar",
    "Rizki",
    "Iwan",
    "Sugeng",
    "Dani",
    "Bayu",
    "Lukman",
]
NAMA_BELAKANG = [
    "Susanti",
    "Wahyuni",
    "Handayani",
    "Rahmawati",
    "Kurniawati",
    "Setiawati",
    "Pratiwi",
    "Santoso",
    "Saputra",
    "Hidayat",
    "Nugroho",
    "Wibowo",
    "Purnomo",
    "Prasetyo",
    "Maulana",
    "Hartono",
    "Suharto",
    "Ramadhan",
    "Lestari",
    "Permata",
    "Utami",
    "Safitri",
    "Anggraini",
]
AGENSI = [
    "PT Mitra Sejahtera Sintetis",
    "PT Bina Karya Sintetis",
    "PT Cahaya Abadi Sintetis",
    "PT Duta Harapan Sintetis",
    "PT Lintas Samudra Sintetis",
    "PT Tunas Mandiri Sintetis",
]

# destination: (weight, [(job, weight, women share)], G-to-G share)
NEGARA = {
    "Hong Kong": (
        99168,
        [("Penata laksana rumah tangga", 85, 0.99), ("Pengasuh lansia (caregiver)", 15, 0.98)],
        0.0,
    ),
    "Taiwan": (
        84306,
        [
            ("Pengasuh lansia (caregiver)", 45, 0.85),
            ("Penata laksana rumah tangga", 5, 0.99),
            ("Operator pabrik", 35, 0.25),
            ("Awak kapal perikanan", 15, 0.0),
        ],
        0.0,
    ),
    "Malaysia": (
        50917,
        [
            ("Pekerja perkebunan", 45, 0.1),
            ("Operator pabrik", 30, 0.35),
            ("Pekerja konstruksi", 15, 0.02),
            ("Penata laksana rumah tangga", 10, 0.97),
        ],
        0.0,
    ),
    "Jepang": (
        12653,
        [
            ("Perawat (kaigo)", 35, 0.75),
            ("Operator pabrik", 40, 0.3),
            ("Pekerja konstruksi", 25, 0.02),
        ],
        0.03,
    ),
    "Korea Selatan": (
        12580,
        [("Operator pabrik", 75, 0.1), ("Awak kapal perikanan", 25, 0.0)],
        0.95,
    ),
    "Singapura": (
        10781,
        [("Penata laksana rumah tangga", 90, 0.99), ("Operator pabrik", 10, 0.4)],
        0.0,
    ),
    "Arab Saudi": (
        6310,
        [
            ("Sopir perusahaan", 35, 0.0),
            ("Perawat rumah sakit", 35, 0.7),
            ("Pelayan hotel", 30, 0.4),
        ],
        0.0,
    ),
    "Italia": (3519, [("Awak kapal pesiar", 100, 0.3)], 0.0),
    "Brunei Darussalam": (
        2872,
        [("Penata laksana rumah tangga", 50, 0.97), ("Pekerja konstruksi", 50, 0.02)],
        0.0,
    ),
    "Turki": (2289, [("Terapis spa", 100, 0.95)], 0.0),
}


def year_weights() -> dict[int, int]:
    """Departure-year weights: national placements per year from the reference table."""
    placements = penempatan.load_penempatan_tahunan().set_index("tahun")["penempatan"]
    weights = {int(year): int(n) for year, n in placements.items() if year >= 2015}
    for year in range(2025, TODAY.year + 1):
        weights[year] = weights[2024]
    return weights


def pick(rng: random.Random, options: dict):
    keys = list(options)
    return rng.choices(keys, weights=[options[k] for k in keys])[0]


def random_date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def synthetic_nik(sex: str, born: date, serial: int) -> str:
    """NIK-shaped: region 990101, birth date (day + 40 for women), serial. Never a real NIK."""
    day = born.day + (40 if sex == "P" else 0)
    return f"{REGION_PREFIX}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"


def make_rows(n: int = N_WORKERS, seed: int = SEED) -> list[dict[str, str]]:
    rng = random.Random(seed)
    years = year_weights()
    destinations = {name: spec[0] for name, spec in NEGARA.items()}
    rows = []
    used_names: set[str] = set()
    for i in range(n):
        negara = pick(rng, destinations)
        _, jobs, g2g_share = NEGARA[negara]
        jabatan, _, women = rng.choices(jobs, weights=[w for _, w, _ in jobs])[0]
        sex = "P" if rng.random() < women else "L"
        first = PEREMPUAN if sex == "P" else LAKI_LAKI
        for _ in range(20):
            nama = f"{rng.choice(first)} {rng.choice(NAMA_BELAKANG)}"
            if nama not in used_names:
                break
            nama = f"{rng.choice(first)} {rng.choice(first)} {rng.choice(NAMA_BELAKANG)}"
            if nama not in used_names:
                break
        used_names.add(nama)

        # departure: a weighted year, then a day; about 6% are candidates with a planned date
        if rng.random() < 0.06:
            berangkat = random_date(rng, TODAY + timedelta(days=14), TODAY + timedelta(days=180))
        else:
            year = pick(rng, years)
            last = min(date(year, 12, 31), TODAY - timedelta(days=1))
            berangkat = random_date(rng, date(year, 1, 1), last)
        age = rng.choices(
            [rng.randint(19, 24), rng.randint(25, 34), rng.randint(35, 45)], weights=[35, 45, 20]
        )[0]
        lahir = random_date(
            rng,
            add_months(berangkat, -12 * (age + 1)) + timedelta(days=1),
            add_months(berangkat, -12 * age),
        )
        bulan_kontrak = rng.choices([24, 12, 36], weights=[80, 12, 8])[0]
        akhir = add_months(berangkat, bulan_kontrak) - timedelta(days=1)

        if rng.random() < g2g_share:
            # BP2MI became the ministry KP2MI at the end of 2024 (Perpres 165-166/2024)
            jalur = "g2g"
            agensi = "KP2MI (G to G)" if berangkat.year >= 2025 else "BP2MI (G to G)"
        else:
            # perseorangan: PMI perseorangan, the legal independent route (no agency);
            # calo: placed by a broker (orang perseorangan, Pasal 69)
            jalur = rng.choices(
                ["p3mi", "perseorangan", "perusahaan_sendiri", "calo"], weights=[88, 7, 2, 3]
            )[0]
            agensi = {
                "p3mi": rng.choice(AGENSI),
                "perusahaan_sendiri": "PT Karya Global Sintetis",
                "perseorangan": "",
                "calo": "(calo, tanpa izin)",
            }[jalur]

        pulang = ""
        if berangkat > TODAY:
            status = "calon"
        elif akhir < TODAY:
            status = "pulang"
            pulang = (akhir + timedelta(days=rng.randint(0, 10))).isoformat()
        else:
            status = "bekerja"
        if status != "calon" and rng.random() < (0.4 if jalur == "calo" else 0.025):
            status = "bermasalah"
            pulang = ""
        paspor = "" if status == "calon" and rng.random() < 0.3 else f"ZS{rng.randrange(10**6):06d}"

        rows.append(
            {
                "nama": nama,
                "nik": synthetic_nik(sex, lahir, i + 1),
                "jenis_kelamin": sex,
                "tanggal_lahir": lahir.isoformat(),
                "negara_tujuan": negara,
                "jabatan": jabatan,
                "jalur": jalur,
                "agensi": agensi,
                "tanggal_berangkat": berangkat.isoformat(),
                "akhir_kontrak": "" if status == "calon" else akhir.isoformat(),
                "tanggal_pulang": pulang,
                "status": status,
                "telepon_keluarga": f"0800-0000-{rng.randrange(10**4):04d}",
                "nomor_paspor": paspor,
                "keterangan": "SINTETIS",
            }
        )
    rows.sort(key=lambda r: (r["tanggal_berangkat"], r["nik"]))
    return rows


def main() -> None:
    rows = make_rows()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=register.REGISTER_SCHEMA.names, lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
    df = register.load_register(OUTPUT)  # the file must load cleanly
    women = (df["jenis_kelamin"] == "P").mean()
    print(
        f"{OUTPUT.relative_to(ROOT)}: {len(df)} rows, women {women:.0%}, "
        f"status {df['status'].value_counts().to_dict()}"
    )


if __name__ == "__main__":
    main()
