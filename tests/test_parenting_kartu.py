"""One child's growth card: reading what people type, impossible input, the history, the
assessment and advice of a measurement, WHO's lines, the Excel card."""

import io
from datetime import date

import openpyxl
import pytest

from desmigratif_kit.core import i18n
from desmigratif_kit.core.i18n import InputError
from desmigratif_kit.parenting import (
    Anak,
    angka_ukur,
    baca_anak,
    baca_ukuran,
    garis_sd,
    hapus_ukuran,
    hasil_ukur,
    kartu_xlsx,
    lms,
    riwayat_frame,
    tabel_garis_sd,
    tambah_ukuran,
    zscores,
)


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


RUDI = baca_anak("L", "10/12/2025")  # 12 months (365 days) on 10/12/2026


# --- reading what people type ---------------------------------------------------------------


def test_the_child_is_read_the_indonesian_way():
    assert baca_anak("perempuan", "05/08/2025") == Anak("P", date(2025, 8, 5))
    assert baca_anak("Laki-laki", date(2025, 8, 5)).jenis_kelamin == "L"
    assert Anak.from_dict(RUDI.to_dict()) == RUDI


@pytest.mark.parametrize(
    ("sex", "birth", "words"),
    [
        ("", "05/08/2025", "wajib diisi"),
        (None, "05/08/2025", "wajib diisi"),
        ("X", "05/08/2025", 'diberikan "X"'),
        ("P", "", "wajib diisi"),
        ("P", "31/02/2025", 'diberikan "31/02/2025"'),
    ],
)
def test_a_bad_child_says_what_was_expected_and_given(sex, birth, words):
    with pytest.raises(InputError) as err:
        baca_anak(sex, birth)
    assert words in str(err.value) and "diharapkan" in str(err.value)


def test_a_birth_date_after_today_is_refused():
    with pytest.raises(InputError, match="paling banyak 3 Desember 2026"):
        baca_anak("P", "05/12/2026", today=date(2026, 12, 3))


def test_weights_are_read_with_a_comma_and_with_a_phone_keyboards_dot():
    assert angka_ukur("9,6", "par.field.weight") == 9.6
    assert angka_ukur("9.6", "par.field.weight") == 9.6  # a weight has no thousands dot
    assert angka_ukur("87.45", "par.field.length") == 87.45
    assert angka_ukur("12", "par.field.weight") == 12
    assert angka_ukur("", "par.field.weight") is None
    with pytest.raises(InputError, match='diberikan "sembilan"'):
        angka_ukur("sembilan", "par.field.weight")


def test_a_measurement_is_a_record_with_an_iso_date():
    ukuran = baca_ukuran(RUDI, "10/12/2026", "9,6", "75,0", "Terlentang", "tidak")
    assert ukuran == {
        "tanggal_ukur": "2026-12-10",
        "berat_kg": 9.6,
        "tinggi_cm": 75.0,
        "cara_ukur": "terlentang",
        "edema": False,
    }
    assert baca_ukuran(RUDI, "10/12/2026", tinggi_cm="75")["berat_kg"] is None
    assert baca_ukuran(RUDI, "10/12/2026", "9,6", edema="ya")["edema"] is True


# --- impossible input: a clear message, never a crash -----------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "field", "given"),
    [
        ({"berat_kg": "-2"}, "Berat badan (kg)", '"-2"'),
        ({"berat_kg": "0,5"}, "Berat badan (kg)", '"0,5"'),
        ({"berat_kg": "96"}, "Berat badan (kg)", '"96"'),
        ({"tinggi_cm": "300"}, "Panjang/tinggi badan (cm)", '"300"'),
        ({"tinggi_cm": "-75"}, "Panjang/tinggi badan (cm)", '"-75"'),
        ({"berat_kg": "9,6", "cara_ukur": "duduk"}, "Cara ukur", '"duduk"'),
        ({"berat_kg": "9,6", "edema": "mungkin"}, "Edema (bengkak)", '"mungkin"'),
        ({}, "Berat badan (kg)", "isian kosong"),
    ],
)
def test_impossible_measurements_are_refused_with_the_field_and_what_was_given(
    kwargs, field, given
):
    with pytest.raises(InputError) as err:
        baca_ukuran(RUDI, "10/12/2026", **kwargs)
    message = str(err.value)
    assert f'"{field}"' in message and given in message and "diharapkan" in message


def test_a_child_over_60_months_is_refused_with_the_date_given():
    # born 10/01/2020: 6 years old on 10/02/2026; WHO's standards end at 60 months
    with pytest.raises(InputError) as err:
        baca_ukuran(baca_anak("L", "10/01/2020"), "10/02/2026", "15")
    assert "umur 0-60 bulan" in str(err.value) and '"10/02/2026"' in str(err.value)
    # the last day of the 60th month (1.856 days) is still accepted
    last = baca_anak("L", date(2020, 1, 10))
    day = date.fromordinal(date(2020, 1, 10).toordinal() + 1856)
    assert baca_ukuran(last, day, "18")["tanggal_ukur"] == day.isoformat()


def test_a_measurement_before_birth_or_in_the_future_is_refused():
    with pytest.raises(InputError, match="tidak sebelum tanggal lahir"):
        baca_ukuran(RUDI, "09/12/2025", "3,3")
    with pytest.raises(InputError, match="paling banyak 3 Desember 2026"):
        baca_ukuran(RUDI, "10/12/2026", "9,6", today=date(2026, 12, 3))


def test_messages_follow_the_language():
    i18n.set_language("en")
    with pytest.raises(InputError) as err:
        baca_ukuran(RUDI, "10/12/2026", "-2")
    assert 'The value for "Weight (kg)"' in str(err.value)


# --- the history -------------------------------------------------------------------------------


def test_one_measurement_per_date_sorted_and_the_input_not_changed():
    first = [baca_ukuran(RUDI, "10/11/2026", "9,4")]
    riwayat = tambah_ukuran(first, baca_ukuran(RUDI, "10/10/2026", "9,1"))
    riwayat = tambah_ukuran(riwayat, baca_ukuran(RUDI, "10/11/2026", "9,5"))  # a correction
    assert [(u["tanggal_ukur"], u["berat_kg"]) for u in riwayat] == [
        ("2026-10-10", 9.1),
        ("2026-11-10", 9.5),
    ]
    assert first[0]["berat_kg"] == 9.4
    assert [u["tanggal_ukur"] for u in hapus_ukuran(riwayat, "2026-10-10")] == ["2026-11-10"]


def test_the_history_is_assessed_like_a_roster():
    nina = baca_anak("P", "10/08/2025")
    riwayat = [
        baca_ukuran(nina, "10/01/2026", "6,8", "64,0"),
        baca_ukuran(nina, "10/02/2026", "7,1", "65,5"),
    ]
    frame = riwayat_frame(nina, riwayat)
    assert frame["umur_bulan"].tolist() == [5, 6]
    assert frame["status_kbm"].tolist() == ["B", "T"]  # +300 g < KBM 400 g at 6 months
    assert frame["kenaikan_gram"].tolist()[1] == 300
    assert frame["z_bb_u"].tolist()[1] == zscores("P", 184, 7.1)["bb_u"]
    assert "nama_anak" not in frame.columns  # the card has no name


# --- the result of a measurement -----------------------------------------------------------------


def test_rudi_the_facts_reference_case_is_normal():
    # FACTS §3.3: boy 12 months 9,6 kg; WHO's day table (day 365) gives -0,04
    hasil = hasil_ukur(RUDI, [baca_ukuran(RUDI, "10/12/2026", "9,6")])
    assert hasil.scores["bb_u"] == -0.04
    assert hasil.umur_hari == 365 and hasil.umur_bulan == 12
    assert hasil.saran.tingkat == "baik" and hasil.status_kbm == "B"


def test_a_stunted_and_underweight_child_is_referred_with_both_reasons():
    anak = baca_anak("P", "10/12/2023")
    # Sari of the lesson: 87,4 cm standing at 36 months (TB/U -2,01); 10,2 kg
    hasil = hasil_ukur(anak, [baca_ukuran(anak, "10/12/2026", "10,2", "87,4", "berdiri")])
    assert hasil.scores["tb_u"] == -2.01
    assert hasil.scores["bb_u"] < -2
    assert hasil.saran.tingkat == "rujuk"
    assert set(hasil.saran.alasan) == {"pendek", "bb_kurang"}


def test_oedema_means_no_weight_based_score_and_urgent_referral():
    hasil = hasil_ukur(RUDI, [baca_ukuran(RUDI, "10/12/2026", "9,6", "75", edema=True)])
    assert hasil.scores["bb_u"] is None and hasil.scores["bb_tb"] is None
    assert hasil.scores["tb_u"] is not None
    assert hasil.saran.tingkat == "segera" and "edema" in hasil.saran.alasan
    assert "edema" in hasil.scores.catatan


def test_the_adjusted_length_is_used_and_reported():
    bayu = baca_anak("L", "10/04/2025")  # 20 months (609 days) on 10/12/2026
    hasil = hasil_ukur(bayu, [baca_ukuran(bayu, "10/12/2026", "10,5", "80,0", "berdiri")])
    assert hasil.scores.tinggi_dipakai_cm == 80.7  # 80,0 + 0,7 (WHO: standing under 24 months)
    assert hasil.tinggi_cm == 80.0


def test_a_chosen_date_gives_that_measurement():
    riwayat = [baca_ukuran(RUDI, "10/11/2026", "9,4"), baca_ukuran(RUDI, "10/12/2026", "9,6")]
    assert hasil_ukur(RUDI, riwayat, "2026-11-10").umur_bulan == 11
    assert hasil_ukur(RUDI, []) is None


# --- WHO's lines ------------------------------------------------------------------------------


def test_the_lines_are_the_lms_formula_and_give_back_their_z_score():
    power, median, spread = lms("bb_u", "L", 365)
    assert (power, median, spread) == (0.0645, 9.646, 0.10925)
    lines = garis_sd("bb_u", "L", 365)
    assert lines[0] == pytest.approx(median)
    assert lines[-2] == pytest.approx(median * (1 - 2 * power * spread) ** (1 / power))
    for sd, weight in lines.items():
        assert zscores("L", 365, weight_kg=round(weight, 4))["bb_u"] == pytest.approx(sd, abs=0.01)
    # length-for-age has L = 1: the line is M·(1 + sd·S)
    _, median, spread = lms("tb_u", "P", 1096)
    assert garis_sd("tb_u", "P", 1096)[-2] == pytest.approx(median * (1 - 2 * spread))


def test_the_lines_table_is_written_the_indonesian_way_with_its_categories():
    table = tabel_garis_sd("tb_u", "P", 1096)
    assert list(table.index) == ["+3 SD", "+2 SD", "+1 SD", "0 (median)", "−1 SD", "−2 SD", "−3 SD"]
    assert table.loc["−2 SD"].tolist() == ["87,44", "di bawah garis ini: Pendek (stunted)"]
    assert table.loc["+3 SD"].tolist()[1] == "di atas garis ini: Tinggi (tall)"
    assert table.loc["+2 SD"].tolist()[1] == ""  # nothing changes at +2 for TB/U
    weights = tabel_garis_sd("bb_u", "L", 365)
    assert weights.loc["+1 SD"].tolist()[1] == "di atas garis ini: Risiko berat badan lebih"
    i18n.set_language("en")
    assert tabel_garis_sd("tb_u", "P", 1096).index.name == "Line"


def test_lms_refuses_an_unknown_index():
    with pytest.raises(InputError):
        lms("lila", "L", 365)


# --- the Excel card ------------------------------------------------------------------------------


def test_the_excel_card_has_indonesian_headers_real_dates_and_numbers_and_no_name():
    riwayat = [baca_ukuran(RUDI, "10/11/2026", "9,4", "74", "terlentang"),
               baca_ukuran(RUDI, "10/12/2026", "9,6", "75", "terlentang")]  # fmt: skip
    sheet = openpyxl.load_workbook(io.BytesIO(kartu_xlsx(RUDI, riwayat))).active
    assert "Laki-laki" in sheet["A1"].value and "10 Desember 2025" in sheet["A1"].value
    headers = [cell.value for cell in sheet[2]]
    assert headers[:6] == [
        "Tanggal ukur",
        "Umur (bulan)",
        "Berat badan (kg)",
        "Panjang/tinggi badan (cm)",
        "Cara ukur",
        "Edema (bengkak)",
    ]
    assert sheet["A4"].value.date() == date(2026, 12, 10)
    assert sheet["A4"].number_format == "DD/MM/YYYY"
    assert sheet["C4"].value == 9.6 and sheet["G4"].value == -0.04
    assert sheet["E4"].value == "Terlentang (panjang badan)"
    assert sheet["K4"].value == "Berat badan normal"
    assert sheet.freeze_panes == "A3"
