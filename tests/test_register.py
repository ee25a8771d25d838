"""The village register of migrant workers: import, checks, summaries, alerts and masking."""

from __future__ import annotations

import io
import pathlib
from datetime import date

import pandas as pd
import pytest

from desmigratif_kit.core import data, i18n
from desmigratif_kit.migration import register
from desmigratif_kit.migration.register import (
    SAMPLE_REFERENCE_DATE,
    contracts_ending,
    load_register,
    mask_id,
    mask_nik,
    masked,
    movements_per_month,
    register_summary,
)

HEADER = (
    "Nama Lengkap;NIK;Jenis Kelamin;Tgl Lahir;Negara Tujuan;Jabatan;Status;Tgl Berangkat;"
    "Akhir Kontrak"
)


def csv_bytes(*lines: str, encoding: str = "utf-8") -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


# --- import ---------------------------------------------------------------------------------


def test_messy_semicolon_windows_1252_file():
    content = csv_bytes(
        HEADER,
        "Siti Aminah;9901014501990001;Perempuan;05/01/1999;Hong Kong;PRT;Bekerja;12/09/2017;"
        "11/09/2019",
        ";;;;;;;;",
        "Budi Santoso ; 9901 0110 0295 0002 ;L;10/01/1995;Korea Selatan;Operator pabrik;"
        "purna;01/03/2018;28/02/2020",
        "Désiré Ayu;9901015203000003;P;12/03/2000;Taiwan;Caregiver;calon;;",
        encoding="cp1252",
    )
    df = load_register(content, filename="register desa.csv")
    assert list(df.columns) == register.REGISTER_SCHEMA.names
    assert df["nama"].tolist() == ["Siti Aminah", "Budi Santoso", "Désiré Ayu"]
    assert df["nik"].tolist() == ["9901014501990001", "9901011002950002", "9901015203000003"]
    assert df["jenis_kelamin"].tolist() == ["P", "L", "P"]
    assert df["status"].tolist() == ["bekerja", "pulang", "calon"]
    assert df.loc[0, "tanggal_berangkat"] == date(2017, 9, 12)
    assert df.loc[2, "tanggal_berangkat"] is None
    assert df.attrs["rows"] == [2, 4, 5]


def test_utf8_bom_comma_file_with_canonical_headers():
    content = (
        "\ufeffnama,nik,jenis_kelamin,tanggal_lahir,negara_tujuan,status,jalur\n"
        "Rina,9901014101010001,P,2001-01-01,Malaysia,bekerja,P3MI\n"
    )
    df = load_register(content.encode("utf-8"), filename="r.csv")
    assert df.loc[0, "jalur"] == "p3mi"
    assert df.loc[0, "tanggal_lahir"] == date(2001, 1, 1)


def test_excel_file(tmp_path):
    frame = pd.DataFrame(
        {
            "Nama": ["Siti"],
            "NIK": ["9901014501990001"],
            "JK": ["P"],
            "Tanggal Lahir": [pd.Timestamp(1999, 1, 5)],
            "Negara": ["Taiwan"],
            "Status": ["Bekerja"],
            "Tgl Berangkat": [pd.Timestamp(2024, 2, 1)],
            "Akhir Kontrak": [pd.Timestamp(2026, 1, 31)],
        }
    )
    path = tmp_path / "register.xlsx"
    frame.to_excel(path, index=False)
    df = load_register(path)
    assert df.loc[0, "akhir_kontrak"] == date(2026, 1, 31)


def test_missing_column_gives_one_clear_message():
    content = csv_bytes(
        "Nama;Jenis Kelamin;Tgl Lahir;Negara Tujuan;Status", "Siti;P;05/01/1999;Taiwan;bekerja"
    )
    with pytest.raises(data.TableError) as err:
        load_register(content, filename="tanpa_nik.csv")
    assert len(err.value.problems) == 1
    assert "NIK" in str(err.value) and "tanpa_nik.csv" in str(err.value)
    assert isinstance(err.value, i18n.InputError)


def test_register_rules_are_listed_together():
    content = csv_bytes(
        HEADER,
        "A;12345;P;05/01/1999;Taiwan;PRT;bekerja;12/09/2017;11/09/2019",
        "B;9901014501990001;P;05/01/1999;Taiwan;PRT;bekerja;12/09/2017;12/09/2017",
        "C;9901014501990001;P;05/01/1999;Taiwan;PRT;bekerja;12/09/2017;11/09/2019",
        "D;9901014501990004;P;05/01/1999;Taiwan;PRT;bekerja;01/01/1990;11/09/2019",
    )
    with pytest.raises(data.TableError) as err:
        load_register(content, filename="reg.csv")
    found = [(p.row, p.column) for p in err.value.problems]
    assert found == [(2, "NIK"), (3, "Akhir kontrak"), (4, "NIK"), (5, "Tanggal berangkat")]
    message = str(err.value)
    assert "NIK 16 angka" in message or "16" in message
    assert "13 September 2017" in message  # the contract must end after departure


def test_bad_cells_from_read_table_come_first_and_together():
    content = csv_bytes(HEADER, "A;9901014501990001;X;31/02/1999;Taiwan;PRT;hilang;;")
    with pytest.raises(data.TableError) as err:
        load_register(content, filename="reg.csv")
    assert {p.column for p in err.value.problems} == {"Jenis Kelamin", "Tgl Lahir", "Status"}


def test_sample_register_loads_and_is_plausible():
    df = register.load_sample_register()
    assert 1400 <= len(df) <= 1600
    assert set(df["keterangan"]) == {"SINTETIS"}
    assert df["nik"].str.startswith("99").all() and df["nik"].is_unique
    assert 0.55 <= (df["jenis_kelamin"] == "P").mean() <= 0.66
    assert set(df["status"]) == set(register.STATUS)
    top = register_summary(df)["negara_tujuan"]["negara_tujuan"].tolist()[:3]
    assert set(top) == {"Hong Kong", "Taiwan", "Malaysia"}
    assert len(contracts_ending(df, SAMPLE_REFERENCE_DATE)) >= 10
    moves = movements_per_month(df).set_index("bulan")
    per_year = moves.groupby(moves.index.year)["berangkat"].sum()
    assert per_year[2020] < per_year[2019] and per_year[2021] < per_year[2019]


def test_sample_file_is_labelled_synthetic():
    path = data.data_path(register.SAMPLE_REGISTER_FILE)
    assert "sintetis" in path.name
    readme = (path.parent / "README.md").read_text(encoding="utf-8")
    assert "SINTETIS" in readme and "Sukamaju Sintetis" in readme


# --- summary, alerts and movements ---------------------------------------------------------


@pytest.fixture
def kecil():
    return pd.DataFrame(
        {
            "nama": ["Ani", "Budi", "Citra", "Dewi", "Eko"],
            "nik": [
                "9901014101990001",
                "9901010101990002",
                "9901014201990003",
                "9901014301990004",
                "9901010401990005",
            ],
            "jenis_kelamin": ["P", "L", "P", "P", "L"],
            "negara_tujuan": ["Taiwan", "Korea Selatan", "Taiwan", "Hong Kong", None],
            "jabatan": ["Caregiver", "Operator pabrik", "Caregiver", "PRT", "Operator pabrik"],
            "jalur": ["p3mi", "g2g", "p3mi", "p3mi", None],
            "status": ["bekerja", "bekerja", "pulang", "bermasalah", "calon"],
            "tanggal_berangkat": [
                date(2025, 1, 10),
                date(2024, 12, 1),
                date(2023, 1, 5),
                date(2025, 3, 2),
                date(2027, 1, 15),
            ],
            "akhir_kontrak": [
                date(2027, 1, 9),
                date(2026, 11, 30),
                date(2025, 1, 4),
                date(2027, 3, 1),
                None,
            ],
            "tanggal_pulang": [None, None, date(2025, 1, 20), None, None],
            "nomor_paspor": ["ZS000001", "ZS000002", None, "ZS000004", ""],
            "telepon_keluarga": ["0800-0000-1111", None, None, None, None],
        }
    )


def test_summary_counts(kecil):
    summary = register_summary(kecil)
    assert set(summary) == {"negara_tujuan", "jenis_kelamin", "jabatan", "status", "jalur"}
    negara = summary["negara_tujuan"]
    assert negara.to_dict("list") == {
        "negara_tujuan": ["Taiwan", "Hong Kong", "Korea Selatan", "(tidak diisi)"],
        "jumlah": [2, 1, 1, 1],
        "persen": [40.0, 20.0, 20.0, 20.0],
    }
    jenis_kelamin = summary["jenis_kelamin"].set_index("jenis_kelamin")["jumlah"]
    assert jenis_kelamin.to_dict() == {"P": 3, "L": 2}
    assert summary["status"]["jumlah"].sum() == len(kecil)


def test_summary_of_empty_register():
    empty = pd.DataFrame(columns=["negara_tujuan", "jenis_kelamin", "jabatan", "status", "jalur"])
    assert all(frame.empty for frame in register_summary(empty).values())


@pytest.mark.parametrize(
    ("today", "days", "expected"),
    [
        (date(2026, 12, 1), 90, ["Ani", "Dewi"]),  # Dewi's 1 March 2027 is day 90
        (date(2026, 12, 1), 89, ["Ani"]),  # ... so not within 89; Budi ended
        (date(2026, 11, 30), 0, ["Budi"]),  # ends today: 0 days left
        (date(2026, 11, 30), 40, ["Budi", "Ani"]),  # Ani's 9 January 2027 is day 40
        (date(2026, 11, 30), 39, ["Budi"]),
    ],
)
def test_contracts_ending_boundaries(kecil, today, days, expected):
    result = contracts_ending(kecil, today, within_days=days)
    assert result["nama"].tolist() == expected
    assert (result["sisa_hari"] >= 0).all() and (result["sisa_hari"] <= days).all()


def test_contracts_ending_includes_troubled_but_not_returned(kecil):
    result = contracts_ending(kecil, date(2026, 12, 1), within_days=120)
    assert result["nama"].tolist() == ["Ani", "Dewi"]
    assert result.loc[result["nama"] == "Dewi", "sisa_hari"].item() == 90
    assert "Citra" not in result["nama"].tolist()


def test_contracts_ending_bad_input(kecil):
    with pytest.raises(i18n.InputError):
        contracts_ending(kecil, "bukan tanggal")
    with pytest.raises(i18n.InputError):
        contracts_ending(kecil, date(2026, 12, 1), within_days=1.5)
    with pytest.raises(i18n.InputError):
        contracts_ending(kecil.drop(columns="akhir_kontrak"), date(2026, 12, 1))


def test_movements_per_month(kecil):
    moves = movements_per_month(kecil)
    assert list(moves.columns) == ["bulan", "berangkat", "pulang"]
    assert moves["bulan"].iloc[0] == pd.Timestamp(2023, 1, 1)
    assert moves["bulan"].iloc[-1] == pd.Timestamp(2025, 3, 1)
    assert moves["bulan"].is_monotonic_increasing and len(moves) == 27
    by_month = moves.set_index("bulan")
    assert by_month.loc["2025-01-01"].tolist() == [1, 1]
    assert moves["berangkat"].sum() == 4  # the candidate's planned date is not a movement
    assert moves["pulang"].sum() == 1


def test_movements_of_empty_register():
    empty = pd.DataFrame({"status": [], "tanggal_berangkat": [], "akhir_kontrak": []})
    assert movements_per_month(empty).empty


# --- masking ---------------------------------------------------------------------------------


def test_mask_nik_and_ids():
    assert mask_nik("9901014501991234") == "************1234"
    assert mask_nik("9901 0145 0199 1234") == "************1234"
    assert mask_id("ZS123456") == "****3456"
    assert mask_id("123") == "***"
    assert mask_id("") == "" and mask_id(None) == "" and mask_id(float("nan")) == ""


def test_masked_copy(kecil):
    shown = masked(kecil)
    assert shown["nik"].tolist()[0] == "************0001"
    assert shown["nomor_paspor"].tolist() == ["****0001", "****0002", "", "****0004", ""]
    assert shown["telepon_keluarga"].tolist()[0] == "**********1111"
    assert kecil["nik"].iloc[0] == "9901014101990001"  # the original is untouched
    assert shown["nama"].tolist() == kecil["nama"].tolist()


def test_masked_export_contains_no_full_nik():
    df = register.load_sample_register()
    buffer = io.StringIO()
    masked(df).to_csv(buffer, index=False)
    text = buffer.getvalue()
    assert not any(nik in text for nik in df["nik"].head(50))


def test_masked_rejects_non_frames():
    with pytest.raises(i18n.InputError):
        masked([1, 2, 3])


# --- the module ------------------------------------------------------------------------------


def test_register_is_re_exported_by_migration():
    from desmigratif_kit import migration

    for name in register.__all__:
        assert getattr(migration, name) is getattr(register, name)


def test_module_stays_free_of_widgets_and_plotting():
    from desmigratif_kit.core import inputs as _inputs

    for module in (register, _inputs):
        text = pathlib.Path(module.__file__).read_text(encoding="utf-8")
        for name in ("ipywidgets", "IPython", "matplotlib"):
            assert name not in text
