"""KUR for migrant workers (FACTS §4.3): terms, eligibility, schedule, against a flat lender."""

from __future__ import annotations

import numpy_financial as npf
import pytest

from desmigratif_kit import cooperative
from desmigratif_kit.cooperative import (
    KUR_PMI,
    KUR_PMI_2018,
    PERTANYAAN_KUR,
    HasilKur,
    kur_eligibility,
    kur_schedule,
    kur_vs_informal,
)
from desmigratif_kit.cooperative import kur as kur_module
from desmigratif_kit.core import i18n
from desmigratif_kit.core.i18n import InputError


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


def complete(**changes):
    """Answers of an applicant who meets every condition; ``changes`` override some."""
    answers = {
        "jumlah_pinjaman_rp": 25_000_000,
        "jangka_bulan": 24,
        "lama_kontrak_bulan": 24,
        "lewat_p3mi": True,
        "perjanjian_penempatan": True,
        "perjanjian_kerja": True,
        "ektp": True,
        "npwp": False,
        "sisko_p2mi": True,
    }
    answers.update(changes)
    return answers


def test_current_terms_are_data_with_sources():
    assert KUR_PMI.plafon_maks_rp == 100_000_000
    assert KUR_PMI.bunga_efektif_tahun_pct == 6
    assert KUR_PMI.jangka_maks_bulan == 36  # 3 years
    assert KUR_PMI.npwp_di_atas_rp == 50_000_000
    assert KUR_PMI.tanpa_agunan is True
    assert set(KUR_PMI.dokumen) == {
        "perjanjian_penempatan", "perjanjian_kerja", "ektp", "npwp", "sisko_p2mi",
    }  # fmt: skip
    assert any("1/2022" in law for law in KUR_PMI.dasar_hukum)
    assert any("18/2025" in law for law in KUR_PMI.dasar_hukum)
    assert len(KUR_PMI.sumber) >= 3
    assert (KUR_PMI_2018.plafon_maks_rp, KUR_PMI_2018.bunga_efektif_tahun_pct) == (25_000_000, 7)
    text = KUR_PMI.ringkasan()
    assert "Rp 100.000.000" in text and "6%" in text and "36 bulan" in text
    assert "Tanpa agunan" in text and "No collateral" in KUR_PMI.ringkasan("en")
    for doc in KUR_PMI.dokumen:
        assert i18n.t(f"kop.kur.doc.{doc}")


def test_a_complete_applicant_qualifies():
    hasil = kur_eligibility(complete())
    assert hasil == HasilKur(True, [])
    assert hasil.pesan() == [i18n.t("kop.kur.complete")]


def test_every_question_has_a_label_in_both_languages():
    for question in PERTANYAAN_KUR:
        assert i18n.t(f"kop.kur.q.{question.kunci}") != i18n.t(f"kop.kur.q.{question.kunci}", "en")


@pytest.mark.parametrize(
    "changes, missing",
    [
        ({"jumlah_pinjaman_rp": 100_000_001, "npwp": True}, ["plafon"]),
        ({"jumlah_pinjaman_rp": 100_000_000, "npwp": True}, []),  # the maximum itself is fine
        ({"jumlah_pinjaman_rp": 50_000_000}, []),  # NPWP only ABOVE Rp 50 million
        ({"jumlah_pinjaman_rp": 50_000_001}, ["npwp"]),
        ({"jangka_bulan": 37, "lama_kontrak_bulan": 48}, ["jangka_maks"]),
        ({"jangka_bulan": 30, "lama_kontrak_bulan": 24}, ["jangka_kontrak"]),
        ({"lewat_p3mi": True, "perjanjian_penempatan": False}, ["perjanjian_penempatan"]),
        ({"lewat_p3mi": False, "perjanjian_penempatan": None}, []),  # not needed then
        ({"perjanjian_kerja": "tidak", "ektp": "tidak", "sisko_p2mi": "tidak"},
         ["perjanjian_kerja", "ektp", "sisko_p2mi"]),
    ],
)  # fmt: skip
def test_what_is_missing(changes, missing):
    hasil = kur_eligibility(complete(**changes))
    assert hasil.kurang == missing
    assert hasil.layak is (not missing)
    if missing:
        assert hasil.pesan() == [hasil.penjelasan(kode) for kode in missing]
    else:
        assert hasil.pesan() == [i18n.t("kop.kur.complete")]


def test_explanations_name_the_limits_and_what_to_do():
    hasil = kur_eligibility(complete(jumlah_pinjaman_rp=60_000_000, jangka_bulan=40,
                                     lama_kontrak_bulan=36))  # fmt: skip
    assert hasil.kurang == ["jangka_maks", "jangka_kontrak", "npwp"]
    texts = hasil.pesan()
    assert "paling lama 36 bulan" in texts[0]
    assert "Rp 50.000.000" in texts[2] and "NPWP" in texts[2]
    assert "at most 36 months" in hasil.penjelasan("jangka_maks", "en")
    with pytest.raises(InputError):
        hasil.penjelasan("paspor")


def test_unknown_or_missing_answers_are_refused():
    with pytest.raises(InputError) as caught:
        kur_eligibility(complete(e_ktp=True))  # a typo must not hide a missing document
    assert 'diberikan "e_ktp"' in str(caught.value)
    answers = complete()
    del answers["ektp"]
    with pytest.raises(InputError) as caught:
        kur_eligibility(answers)
    assert 'Nilai untuk "Sudah punya e-KTP (NIK)?" wajib diisi' in str(caught.value)
    with pytest.raises(InputError, match="ya atau tidak"):
        kur_eligibility(complete(ektp="mungkin"))
    with pytest.raises(InputError, match="Jangka waktu pinjaman"):
        kur_eligibility(complete(jangka_bulan=0))
    with pytest.raises(InputError, match="Jumlah pinjaman"):
        kur_eligibility(complete(jumlah_pinjaman_rp=-1))


def test_kur_schedule_at_current_terms():
    """Rp 25 million, 24 months, 6 % a year: pmt(0.5 %, 24) = 1,108,015.26."""
    s = kur_schedule(25_000_000, 24)
    assert round(npf.pmt(0.06 / 12, 24, -25_000_000)) == 1_108_015
    assert s.loc[0, "angsuran"] == 1_108_015
    assert s["bunga"].sum() == 1_592_366
    menurun = kur_schedule(25_000_000, 24, "menurun")
    assert (menurun.loc[0, "angsuran"], menurun.loc[23, "angsuran"]) == (1_166_667, 1_046_875)
    with pytest.raises(InputError, match="paling banyak Rp 100.000.000"):
        kur_schedule(150_000_000, 24)
    with pytest.raises(InputError, match="1 sampai 36 bulan"):
        kur_schedule(25_000_000, 48)
    with pytest.raises(InputError, match="menurun, anuitas"):
        kur_schedule(25_000_000, 24, "flat")  # the KUR rate is effective, never flat


def test_kur_next_to_an_informal_flat_offer():
    """Rp 25 million over 24 months. KUR: 1,592,366 interest. An informal 2 % a month flat:
    25,000,000 x 2 % x 24 = 12,000,000 interest, instalment 1,041,667 + 500,000."""
    df = kur_vs_informal(25_000_000, 24, 2)
    assert df["penawaran"].tolist() == ["KUR PMI", "Pinjaman informal"]
    kur, informal = df.iloc[0], df.iloc[1]
    assert kur["total_bunga_rp"] == 1_592_366
    assert informal["total_bunga_rp"] == 25_000_000 * 2 * 24 // 100 == 12_000_000
    assert informal["angsuran_pertama_rp"] == 1_041_667 + 500_000
    assert kur["efektif_tahun_pct"] == pytest.approx((1.005**12 - 1) * 100, abs=1e-3)
    # 2 % a month flat over 24 months is about 3.41 % a month on the balance
    exact = npf.rate(24, -(25_000_000 / 24 + 500_000), 25_000_000, 0) * 100
    assert informal["efektif_bulan_pct"] == pytest.approx(exact, abs=1e-3)
    assert round(informal["efektif_bulan_pct"], 2) == 3.41
    yearly = kur_vs_informal(25_000_000, 24, 30, "tahun")  # "30 % a year", flat
    assert yearly.iloc[1]["total_bunga_rp"] == 25_000_000 * 30 * 2 // 100
    i18n.set_language("en")
    assert kur_vs_informal(1_000_000, 12, 2)["penawaran"].tolist() == [
        "KUR PMI", "Informal lender",
    ]  # fmt: skip


def test_names_are_re_exported():
    for name in kur_module.__all__:
        assert getattr(cooperative, name) is getattr(kur_module, name)


# --- the conditions' labels and the questions still open -----------------------------------------


def test_every_condition_has_a_short_label_in_both_languages():
    labels = {code: cooperative.label_syarat_kur(code) for code in cooperative.SYARAT_KUR}
    assert labels["plafon"] == "Jumlah pinjaman lebih dari Rp 100.000.000"
    assert labels["jangka_maks"] == "Jangka pinjaman lebih dari 36 bulan"
    assert labels["npwp"] == "NPWP belum ada untuk pinjaman di atas Rp 50.000.000"
    assert len(set(labels.values())) == len(labels)
    assert cooperative.label_syarat_kur("ektp", "en") == "No e-KTP (NIK) yet"
    assert cooperative.label_syarat_kur("plafon", terms=KUR_PMI_2018).endswith("Rp 25.000.000")


def test_every_code_kur_eligibility_reports_has_a_label():
    worst = {
        "jumlah_pinjaman_rp": 150_000_000, "jangka_bulan": 48, "lama_kontrak_bulan": 24,
        "lewat_p3mi": True, "perjanjian_penempatan": False, "perjanjian_kerja": False,
        "ektp": False, "npwp": False, "sisko_p2mi": False,
    }  # fmt: skip
    assert kur_eligibility(worst).kurang == list(cooperative.SYARAT_KUR)


def test_unanswered_questions_depend_on_the_answers():
    assert cooperative.kur_unanswered({}) == [
        "jumlah_pinjaman_rp", "jangka_bulan", "lama_kontrak_bulan", "lewat_p3mi",
        "perjanjian_kerja", "ektp", "sisko_p2mi",
    ]  # fmt: skip
    # placed by an agency: the placement agreement is asked; above Rp 50 juta: the NPWP
    answers = {**complete(), "lewat_p3mi": "ya", "perjanjian_penempatan": None,
               "jumlah_pinjaman_rp": "Rp 50.000.001", "npwp": ""}  # fmt: skip
    open_ = cooperative.kur_unanswered(answers)
    assert open_ == ["perjanjian_penempatan", "npwp"]
    assert cooperative.kur_unanswered({**complete(), "jumlah_pinjaman_rp": 50_000_000,
                                       "npwp": None}) == []  # fmt: skip
    assert cooperative.kur_unanswered(complete()) == []


def test_unanswered_never_raises_on_bad_text():
    answers = {**complete(), "lewat_p3mi": "mungkin", "jumlah_pinjaman_rp": "banyak"}
    assert cooperative.kur_unanswered(answers) == []  # the checks themselves will say why
