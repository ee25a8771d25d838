"""The children's roster: import of messy files, the synthetic sample, assess_roster, the named
lists for the village's own view."""

import io
import time
from datetime import date, datetime

import openpyxl
import pandas as pd
import pytest

from desmigratif_kit.core import data, i18n
from desmigratif_kit.core.data import TableError
from desmigratif_kit.parenting import (
    ROSTER_SCHEMA,
    SAMPLE_REFERENCE_DATE_ANAK,
    assess_roster,
    classify,
    latest_per_child,
    load_roster,
    load_sample_roster,
    needs_visit,
    zscores,
)


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


def _xlsx(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- import ----------------------------------------------------------------------------------


def test_a_posyandu_csv_from_an_indonesian_excel(tmp_path):
    """Windows-1252, semicolons, the posyandu's own headers, decimal commas, blank rows, an
    extra column, words for sex, position and carer."""
    text = (
        "No;Nama Balita;L/P;Tgl. Lahir;Tgl Timbang;BB (kg);TB/PB (cm);Posisi;Diasuh oleh;"
        "Ortu PMI;Negara;Nama Ibu\r\n"
        "1;Ayu Lestari;Perempuan;05/08/2025;10/02/2026;7,5;66,0;telentang;Nenek;ibu;Taiwan;X\r\n"
        ";;;;;;;;;;;\r\n"
        "2; Ayu  Lestari ;P;05/08/2025;10/03/2026;7,9;67,4;PB;nenek;Ibu;Taiwan;X\r\n"
        "3;Bagas Pratama;laki-laki;12/05/2022;10/03/2026;13;94,5;berdiri;Ayah;ibu;Hong Kong;Y\r\n"
        "4;Dinda Kusuma;P;01/02/2015;;;;;Kakek dan Nenek;keduanya;Malaysia;Z\r\n"
    )
    path = tmp_path / "posyandu.csv"
    path.write_bytes(text.encode("cp1252"))
    df = load_roster(path)
    assert list(df.columns) == ROSTER_SCHEMA.names
    assert df["nama_anak"].tolist() == [
        "Ayu Lestari",
        "Ayu  Lestari",
        "Bagas Pratama",
        "Dinda Kusuma",
    ]
    assert df["jenis_kelamin"].tolist() == ["P", "P", "L", "P"]
    assert df["cara_ukur"].tolist()[:3] == ["terlentang", "terlentang", "berdiri"]
    assert df["pengasuh"].tolist() == ["nenek", "nenek", "ayah", "nenek"]
    assert df["berat_kg"].tolist()[:3] == [7.5, 7.9, 13.0]
    assert pd.isna(df.loc[3, "tanggal_ukur"]) and pd.isna(df.loc[3, "berat_kg"])
    assert df.attrs["rows"] == [2, 4, 5, 6]
    assessed = assess_roster(df)
    assert assessed["anak"].nunique() == 3  # the two Ayu rows are one child (spaces ignored)
    assert assessed["status_kbm"].tolist()[:2] == ["B", "N"]


def test_an_excel_workbook_with_real_dates_and_numbers():
    content = _xlsx(
        [
            ["Daftar anak Desa Sukamaju Sintetis"],
            [],
            [
                "ID anak",
                "Nama anak",
                "JK",
                "Tanggal lahir",
                "Tanggal ukur",
                "Berat badan",
                "Tinggi",
                "Cara ukur",
                "Edema",
            ],
            [
                "A1",
                "Citra",
                "P",
                datetime(2024, 3, 1),
                datetime(2026, 3, 10),
                9.8,
                82.5,
                "berdiri",
                "tidak",
            ],
            ["A1", "Citra", "P", date(2024, 3, 1), "10/04/2026", "10,0", 83.1, "berdiri", None],
        ]
    )
    with pytest.raises(TableError) as error:
        load_roster(content, filename="anak.xlsx")
    # a title row above the headers is not a header row: the file says so, nothing half-read
    assert "Nama anak" in str(error.value)
    df = load_roster(
        _xlsx(
            [
                row
                for row in [
                    [
                        "ID anak",
                        "Nama anak",
                        "JK",
                        "Tanggal lahir",
                        "Tanggal ukur",
                        "Berat badan",
                        "Tinggi",
                        "Cara ukur",
                        "Edema",
                    ],
                    [
                        "A1",
                        "Citra",
                        "P",
                        datetime(2024, 3, 1),
                        datetime(2026, 3, 10),
                        9.8,
                        82.5,
                        "berdiri",
                        "tidak",
                    ],
                    [
                        "A1",
                        "Citra",
                        "P",
                        date(2024, 3, 1),
                        "10/04/2026",
                        "10,0",
                        83.1,
                        "berdiri",
                        None,
                    ],
                ]
            ]
        ),
        filename="anak.xlsx",
    )
    assert df["tanggal_ukur"].tolist() == [date(2026, 3, 10), date(2026, 4, 10)]
    assert df["berat_kg"].tolist() == [9.8, 10.0]
    assert df["edema"].tolist() == [False, pd.NA]
    out = assess_roster(df)
    # 24 months standing: the 0.7 cm is added (under 731 days)
    assert out.loc[0, "umur_hari"] == (date(2026, 3, 10) - date(2024, 3, 1)).days == 739
    assert out.loc[0, "tinggi_dipakai_cm"] == 82.5


def test_every_problem_of_a_messy_file_at_once():
    text = (
        "Nama anak;JK;Tgl Lahir;Tgl Ukur;BB;TB;Cara ukur\n"
        "Ayu;X;05/08/2025;10/02/2026;7,5;66;terlentang\n"
        "Budi;L;31/02/2024;10/02/2026;12.5;90;berdiri\n"
        "Citra;P;05/08/2025;10/02/2026;80;300;duduk\n"
    )
    with pytest.raises(TableError) as error:
        load_roster(text.encode(), filename="messy.csv")
    problems = [(p.row, p.column) for p in error.value.problems]
    assert problems == [
        (2, "JK"),
        (3, "Tgl Lahir"),
        (3, "BB"),
        (4, "BB"),
        (4, "TB"),
        (4, "Cara ukur"),
    ]
    text = str(error.value)
    assert 'baris 4, kolom "BB": diharapkan antara 0,9 dan 58, diberikan "80".' in text
    assert 'baris 4, kolom "TB": diharapkan antara 38 dan 150, diberikan "300".' in text
    assert 'diharapkan salah satu dari: terlentang, berdiri, diberikan "duduk"' in text


def test_the_rosters_own_rules():
    text = (
        "Nama anak;JK;Tgl Lahir;Tgl Ukur;BB\n"
        "Ayu;P;05/08/2025;01/08/2025;3,5\n"
        "Ayu;L;05/08/2025;10/09/2025;4,5\n"
        "Budi;L;05/08/2025;;4,5\n"
    )
    with pytest.raises(TableError) as error:
        load_roster(text.encode(), filename="aturan.csv")
    messages = [p.message() for p in error.value.problems]
    assert messages == [
        'baris 2, kolom "Tanggal ukur": diharapkan paling sedikit 5 Agustus 2025, '
        'diberikan "01/08/2025".',
        'baris 3, kolom "Jenis kelamin": diharapkan jenis kelamin yang sama untuk anak yang sama '
        '(P), diberikan "L".',
        'baris 4, kolom "Tanggal ukur": diharapkan tanggal seperti 12/09/2017, diberikan sel '
        "kosong.",
    ]
    assert "same sex for the same child" in error.value.message("en")


def test_a_missing_required_column_is_named():
    with pytest.raises(TableError, match='diharapkan kolom "Tanggal lahir"'):
        load_roster(b"Nama;JK\nAyu;P\n", filename="kurang.csv")


# --- the synthetic sample --------------------------------------------------------------------


def test_the_sample_is_synthetic_registered_and_plausible():
    df = load_sample_roster()
    assert set(df["keterangan"]) == {"SINTETIS"}
    assert data.verify_checksums() == []
    assert df["id_anak"].str.startswith("SKS-").all()
    out = assess_roster(df)
    latest = latest_per_child(out, SAMPLE_REFERENCE_DATE_ANAK)
    balita = latest[latest["terkini"] & (latest["umur_bulan_kini"] <= 60)]
    stunted = (balita["z_tb_u"] < -2).mean() * 100
    wasted = (balita["z_bb_tb"] < -2).mean() * 100
    print(f"sample: {len(balita)} under-fives, stunted {stunted:.1f}%, wasted {wasted:.1f}%")
    assert 15 <= stunted <= 28  # aimed at SSGI 2022: 21.6%
    assert 2 <= wasted <= 12  # aimed at SSGI 2022: 7.7%
    assert out["masalah_ukur"].isna().all()
    assert (out["edema"] == True).sum() == 1  # noqa: E712 - a nullable boolean column
    assert int(out[["flag_bb_u", "flag_bb_tb"]].any(axis=1).sum()) == 1  # the typing slip


def test_the_sample_script_writes_the_same_file():
    import importlib.util

    path = data.DATA_DIR.parent / "scripts" / "make_sample_roster.py"
    spec = importlib.util.spec_from_file_location("make_sample_roster", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = module.make_rows()
    written = data.data_path("sample/anak_desa_sintetis.csv").read_text(encoding="utf-8")
    assert len(written.splitlines()) == len(rows) + 1
    assert written.splitlines()[1].split(";") == [rows[0][c] for c in module.COLUMNS]


# --- assess_roster ---------------------------------------------------------------------------


def test_assess_roster_adds_everything_and_changes_nothing():
    df = load_sample_roster()
    before = df.copy()
    out = assess_roster(df)
    pd.testing.assert_frame_equal(df, before)
    for name in (
        "anak",
        "umur_hari",
        "umur_bulan",
        "z_bb_u",
        "z_tb_u",
        "z_bb_tb",
        "z_imt_u",
        "kategori_tb_u",
        "kode_bb_tb",
        "flag_imt_u",
        "tinggi_dipakai_cm",
        "imt",
        "status_kbm",
        "kenaikan_gram",
        "kbm_gram",
        "kbm_ragu",
        "masalah_ukur",
    ):
        assert name in out.columns, name
    unmeasured = out["tanggal_ukur"].isna()
    assert out.loc[unmeasured, ["z_bb_u", "z_tb_u"]].isna().all().all()
    row = out[out["z_bb_tb"].notna()].iloc[0]
    one = zscores(
        row["jenis_kelamin"],
        int(row["umur_hari"]),
        row["berat_kg"],
        row["tinggi_cm"],
        row["cara_ukur"],
        bool(row["edema"] is True),
    )
    assert one["bb_tb"] == row["z_bb_tb"] and classify("tb_u", one["tb_u"]) == row["kategori_tb_u"]


def test_a_child_over_60_months_measured_gets_no_score_and_says_why():
    df = load_roster(b"Nama;JK;Tgl Lahir;Tgl Ukur;BB;TB\nDewi;P;01/01/2018;10/02/2026;20;115\n")
    out = assess_roster(df)
    assert out.loc[0, "masalah_ukur"] == "umur"
    assert pd.isna(out.loc[0, "z_tb_u"])


def test_five_thousand_measurements_are_fast():
    """Prints the time; never asserts it (speed is measured by benchmarks/)."""
    sample = load_sample_roster()
    copies = [sample.assign(id_anak=sample["id_anak"] + f"-{i}") for i in range(6)]
    big = pd.concat(copies, ignore_index=True).head(5000)
    start = time.perf_counter()
    out = assess_roster(big)
    elapsed = time.perf_counter() - start
    print(f"assess_roster: {len(big):,} rows in {elapsed * 1000:.0f} ms")
    assert len(out) == 5000 and out["z_bb_u"].notna().sum() > 4000


# --- named lists (village view only) ---------------------------------------------------------


def _small_roster() -> pd.DataFrame:
    text = (
        "Nama anak;JK;Tgl Lahir;Tgl Ukur;BB;TB;Cara ukur;Edema;Status sekolah\n"
        "Pendek;L;10/01/2024;10/11/2026;11,5;82,0;berdiri;;\n"  # 34 months, TB/U about -3
        "Baik;P;10/01/2025;10/11/2026;10,5;82,0;terlentang;;\n"
        "Baik;P;10/01/2025;10/12/2026;11,0;82,8;terlentang;;\n"
        "Lama;P;10/01/2025;10/09/2026;10,0;80,0;terlentang;;\n"
        "Bengkak;L;10/01/2025;10/12/2026;9,0;80,0;terlentang;ya;\n"
        "Remaja;P;10/01/2014;;;;;;tidak sekolah\n"
        "Nanti;L;10/01/2025;10/01/2027;12,0;85,0;terlentang;;\n"
    )
    return load_roster(text.encode())


def test_needs_visit_names_the_children_and_why():
    visits = needs_visit(_small_roster(), date(2026, 12, 15))
    table = {row.nama_anak: (row.tingkat, row.alasan) for row in visits.itertuples()}
    assert table["Bengkak"] == ("segera", ("edema", "pendek"))
    assert table["Pendek"][0] == "rujuk" and "pendek" in " ".join(table["Pendek"][1])
    assert table["Lama"] == ("kunjungi", ("belum_ditimbang",))
    assert table["Remaja"] == ("kunjungi", ("tidak_sekolah",))
    assert "Baik" not in table
    assert table["Nanti"] == ("kunjungi", ("belum_ditimbang",))  # a row dated after today
    assert visits["nama_anak"].tolist()[0] == "Bengkak"  # most urgent first


def test_latest_per_child_ignores_measurements_after_today():
    latest = latest_per_child(_small_roster(), date(2026, 12, 15)).set_index("nama_anak")
    assert latest.loc["Baik", "tanggal_ukur"] == date(2026, 12, 10)
    assert pd.isna(latest.loc["Nanti", "tanggal_ukur"]) and not latest.loc["Nanti", "terkini"]
    assert bool(latest.loc["Pendek", "terkini"])  # November: current in December
    assert not latest.loc["Lama", "terkini"]  # September: 3 months before December
    assert latest.loc["Remaja", "umur_bulan_kini"] == 12 * 12 + 11
