"""Monthly weight gain N/T from the KBM table (FACTS §3.2; the spans after 6 months are
uncertain [?] and marked so)."""

from datetime import date

import pandas as pd
import pytest

from desmigratif_kit.core import i18n
from desmigratif_kit.core.i18n import InputError
from desmigratif_kit.parenting import KBM_GRAM, KBM_RAGU_BULAN, kbm_gram, weight_gain_status
from desmigratif_kit.parenting.kbm import gain_status_frame


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


def test_the_kbm_table_as_read_from_the_buku_kia():
    """Months 1-6: 800, 900, 800, 600, 500, 400 g (FACTS, read from the page); then the
    classic spans [?]: 7 months 400 g, 8-10 months 300 g, 11 months and older 200 g."""
    assert [kbm_gram(m) for m in range(1, 7)] == [800, 900, 800, 600, 500, 400]
    assert [kbm_gram(m) for m in range(7, 13)] == [400, 300, 300, 300, 200, 200]
    assert kbm_gram(60) == 200 and kbm_gram(61) is None and kbm_gram(0) == 800
    assert KBM_RAGU_BULAN == {7, 8, 9, 10, 11}
    assert set(KBM_GRAM) == set(range(1, 11))
    assert "[?]" in i18n.t("par.kbm.ragu") and "[?]" in i18n.t("par.kbm.ragu", "en")


def test_n_and_t_with_the_arithmetic():
    """Born 5 August 2025. 10 Jan 2026: 5 months, first weighing (B). 9 Feb: 6 months
    (9 Feb is after the 5th), 7.5 - 7.0 = 500 g ≥ KBM(6) = 400 g → N. 10 Mar: 7 months,
    7.6 - 7.5 = 100 g < KBM(7) = 400 g → T (a month whose KBM is uncertain)."""
    out = weight_gain_status(
        [("10/01/2026", 7.0), ("09/02/2026", 7.5), ("10/03/2026", 7.6)], tanggal_lahir="05/08/2025"
    )
    assert out["umur_bulan"].tolist() == [5, 6, 7]
    assert out["kenaikan_gram"].tolist()[1:] == [500, 100]
    assert out["kbm_gram"].tolist() == [500, 400, 400]
    assert out["status"].tolist() == ["B", "N", "T"]
    assert out["kbm_ragu"].tolist() == [False, False, True]
    assert out["bulan"].tolist() == [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]


def test_exactly_the_kbm_is_n():
    out = weight_gain_status([("10/01/2026", 7.0), ("10/02/2026", 7.4)], tanggal_lahir="10/08/2025")
    assert out.loc[1, ["umur_bulan", "kenaikan_gram", "kbm_gram", "status"]].tolist() == [
        6,
        400,
        400,
        "N",
    ]


def test_a_loss_is_t_and_a_missed_month_is_o():
    out = weight_gain_status(
        [
            {"tanggal_ukur": date(2026, 1, 10), "berat_kg": 11.0},
            {"tanggal_ukur": date(2026, 2, 10), "berat_kg": 10.8},
            {"tanggal_ukur": date(2026, 4, 10), "berat_kg": 11.5},
        ],
        tanggal_lahir=date(2024, 6, 1),
    )
    assert out["status"].tolist() == ["B", "T", "O"]
    assert out["kenaikan_gram"].tolist()[1] == -200
    assert pd.isna(out["kenaikan_gram"].tolist()[2])


def test_two_weighings_in_one_month_the_last_counts_and_order_does_not_matter():
    history = pd.DataFrame({
        "tanggal": ["25/02/2026", "10/01/2026", "05/02/2026"],
        "berat": ["7,9", "7,0", "7,2"],
        "tanggal_lahir": ["05/08/2025"] * 3,
    })  # fmt: skip
    out = weight_gain_status(history)
    assert out["tanggal_ukur"].tolist() == [date(2026, 1, 10), date(2026, 2, 25)]
    assert out["status"].tolist() == ["B", "N"] and out["kenaikan_gram"].tolist()[1] == 900


def test_the_vectorised_form_keeps_children_apart():
    out = gain_status_frame(
        pd.Series(["a", "b", "a", "b"]),
        pd.Series([date(2025, 1, 1), date(2024, 1, 1), date(2025, 1, 1), date(2024, 1, 1)]),
        pd.Series([date(2026, 1, 10), date(2026, 1, 10), date(2026, 2, 10), date(2026, 2, 10)]),
        pd.Series([8.0, 10.0, 8.3, 10.1]),
    )
    assert out["status"].tolist() == ["B", "B", "N", "T"]
    assert out["kbm_gram"].tolist() == [200, 200, 200, 200]


@pytest.mark.parametrize(
    ("history", "birth", "message"),
    [
        ([("10/01/2026", -7.0)], "05/08/2025", '"Berat badan (kg)" di luar batas'),
        ([("10/01/2026", None)], "05/08/2025", '"Berat badan (kg)" di luar batas'),
        ([("10/01/2020", 7.0)], "05/08/2025", '"Tanggal ukur" di luar batas'),
        ([("10/01/2031", 17.0)], "05/08/2025", '"Tanggal ukur" di luar batas'),
        ([("31/02/2026", 7.0)], "05/08/2025", '"Tanggal ukur" tidak dapat dibaca'),
        ([("10/01/2026", 7.0)], None, '"Tanggal lahir" wajib diisi'),
        ("7 kg", "05/08/2025", "riwayat timbang"),
    ],
)
def test_bad_histories_get_a_clear_message(history, birth, message):
    with pytest.raises(InputError) as error:
        weight_gain_status(history, tanggal_lahir=birth)
    assert message in str(error.value)
