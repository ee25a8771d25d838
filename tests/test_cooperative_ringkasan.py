"""What pillar 4 tells the workshop (ringkasan_kerja), and the lesson's exercises (4.1-4.7):
answers follow the kit and FACTS, the notebook tells the same story, hints are specific."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from desmigratif_kit import cooperative
from desmigratif_kit.cooperative import forms, ringkasan_kerja
from desmigratif_kit.cooperative import latihan as lk
from desmigratif_kit.cooperative.ringkasan import LESSON_APP_ID
from desmigratif_kit.core import catalog, i18n, lessons
from desmigratif_kit.core.latihan import REGISTRY, _load_pillars, periksa
from desmigratif_kit.core.summary import KINDS

NOTEBOOK = Path(__file__).parents[1] / "notebooks/4_koperasi/04_koperasi_dan_remitansi.ipynb"
KEYS = [
    "remitansi_negara", "remitansi_biaya_pct", "remitansi_biaya_setahun_rp",
    "remitansi_bisa_hemat_rp", "rencana_tabungan_pct", "rencana_usaha_pct",
    "pinjaman_ada_flat", "pinjaman_efektif_tertinggi_pct", "pinjaman_selisih_bunga_rp",
    "kur_dicek", "kur_syarat_kurang", "shu_anggota", "shu_dibagi_rp", "koperasi_anggota",
    "koperasi_simpanan_rp", "koperasi_pinjaman_rp", "koperasi_selisih", "latihan_benar",
    "latihan_total",
]  # fmt: skip


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


def full_work() -> dict:
    """A participant who used every app and answered two exercises (one right)."""
    # the sample ledger under the village's own member numbers (the sample itself is left out of
    # totals and follow-up: test_workshop_sample_data.py)
    members = cooperative.load_sample_ledger()
    members["no_anggota"] = members["no_anggota"].str.replace("KSS", "KDM")
    ledger = cooperative.ledger_records(members)
    record = lessons.with_answer(lessons.new_record("04_koperasi_dan_remitansi"), "4.7",
                                 1_240_000, "1.240.000", True)  # fmt: skip
    record = lessons.with_answer(record, "4.3", 1.5, "1,5", False)
    kur_b = {"nama": "", "pokok": "60.000.000", "bunga": "6", "periode": "tahun", "bulan": "30",
             "metode": "anuitas", "jenis": "kur"}  # fmt: skip
    return {
        "simulasi_remitansi": json.loads(json.dumps(forms.REMITANSI_AWAL)),
        "kalkulator_pinjaman": {
            "a": forms.PINJAMAN_AWAL["a"],
            "b": kur_b,
            "kur": {k: v for k, v in lk.DEWI_4_6.items()
                    if k not in ("jumlah_pinjaman_rp", "jangka_bulan")} | {
                        "lama_kontrak_bulan": "24"},
            "tampil": "a",
        },  # fmt: skip
        "pembagian_shu": {"shu": "60.000.000", "jm": "20", "ju": "25", "anggota": [
            {"nama": "Bu Sari", "simpanan_rp": 2_000_000, "transaksi_rp": 5_000_000},
            {"nama": "Lainnya", "simpanan_rp": 98_000_000, "transaksi_rp": 70_000_000}]},
        "koperasi_desa": {"nama_koperasi": "Sukamaju", "anggota": ledger,
                          "laporan": {"simpanan_wajib_rp": "6.000.000", "sisa_pinjaman_rp": ""}},
        LESSON_APP_ID: record,
    }  # fmt: skip


def test_empty_work_gives_every_fact_as_a_gap():
    summary = ringkasan_kerja({})
    assert summary.pilar == 4
    assert [f.key for f in summary.fakta] == KEYS
    # every fact about the work is a gap; only the lesson's size is known (as in pillar 1)
    assert [f.key for f in summary.kosong()] == KEYS[:-1]
    assert summary.nilai("latihan_total") == 7
    assert not any(f.follow_up for f in summary.fakta)


def test_facts_are_labelled_in_both_catalogs_with_known_kinds():
    for fact in ringkasan_kerja(full_work()).fakta:
        assert fact.label == f"kop.sum.{fact.key}"
        assert i18n.t(fact.label) != fact.label and i18n.t(fact.label, "en") != fact.label
        assert fact.kind in KINDS


def test_full_work_is_recomputed_with_the_rules():
    summary = ringkasan_kerja(full_work())
    value = summary.nilai
    # Pak Yosef's example: Rp 3.000.000 x 5,3914 % x 12 = 1.940.904; at 3 %: 1.080.000
    assert value("remitansi_negara") == "Malaysia" and value("remitansi_biaya_pct") == 5.3914
    assert value("remitansi_biaya_setahun_rp") == 1_940_904
    assert value("remitansi_bisa_hemat_rp") == 1_940_904 - 1_080_000
    assert (value("rencana_tabungan_pct"), value("rencana_usaha_pct")) == (20.0, 15.0)
    # offer A 1,5 % flat (36,76 % a year effective) against the KUR PMI at 6 % a year
    assert value("pinjaman_ada_flat") is True
    assert round(value("pinjaman_efektif_tertinggi_pct"), 2) == 36.76
    # different amounts and terms: no interest difference to report (effective rates compare)
    assert value("pinjaman_selisih_bunga_rp") is None
    # Dewi's answers: term longer than the contract, no NPWP above Rp 50 juta
    assert value("kur_dicek") is True and value("kur_syarat_kurang") == 2
    assert value("shu_anggota") == 2 and value("shu_dibagi_rp") == 27_000_000
    assert value("koperasi_anggota") == 24 and value("koperasi_simpanan_rp") == 14_890_000
    assert value("koperasi_pinjaman_rp") == 26_500_000
    assert value("koperasi_selisih") == 1  # the report's simpanan wajib differs from the book
    assert value("latihan_benar") == 1 and value("latihan_total") == 7


def test_follow_up_marks_what_a_district_head_should_see():
    flags = {f.key for f in ringkasan_kerja(full_work()).fakta if f.follow_up}
    assert flags == {"remitansi_bisa_hemat_rp", "kur_syarat_kurang", "koperasi_selisih"}
    work = full_work()
    work["simulasi_remitansi"]["form"]["pos"] = {"kebutuhan": "80", "tabungan": "20", "usaha": ""}
    work["simulasi_remitansi"]["form"]["negara"] = "Singapura"  # 2,94 %: under the target
    summary = ringkasan_kerja(work)
    assert summary.nilai("rencana_usaha_pct") == 0 and summary.nilai("remitansi_bisa_hemat_rp") == 0
    flags = {f.key for f in summary.fakta if f.follow_up}
    assert "rencana_usaha_pct" in flags and "remitansi_bisa_hemat_rp" not in flags


def test_no_name_or_text_a_participant_typed_becomes_a_fact():
    text = json.dumps([f.value for f in ringkasan_kerja(full_work()).fakta], default=str)
    for name in ("Bu Sari", "Sukamaju", "Rina Rahayu", "Lainnya"):
        assert name not in text


def test_unreadable_work_gives_gaps_not_errors():
    work = {
        "simulasi_remitansi": {"form": {"negara": "Taiwan", "jumlah": "x", "pos": {"a": 1}}},
        "kalkulator_pinjaman": {"a": {"pokok": "-1"}, "b": "rusak"},
        "pembagian_shu": {"shu": "banyak", "jm": "20", "ju": "25",
                          "anggota": [{"nama": "A", "simpanan_rp": "x"}]},
        "koperasi_desa": {"anggota": "rusak"},
        LESSON_APP_ID: ["rusak"],
    }  # fmt: skip
    summary = ringkasan_kerja(work)
    assert all(f.value is None for f in summary.fakta if f.key != "latihan_total")
    assert ringkasan_kerja(None).pilar == 4


def test_interest_saved_for_the_same_loan():
    work = {"kalkulator_pinjaman": forms.PINJAMAN_AWAL}  # 1,5 % flat vs declining, 10 juta
    summary = ringkasan_kerja(work)
    assert summary.nilai("pinjaman_selisih_bunga_rp") == 1_800_000 - 975_000
    assert summary.nilai("kur_dicek") is False


def test_kur_not_used_is_false_and_unfinished_questions_are_a_gap():
    work = full_work()
    work["kalkulator_pinjaman"]["b"] = forms.PINJAMAN_AWAL["b"]
    assert ringkasan_kerja(work).nilai("kur_dicek") is False
    assert ringkasan_kerja(work).nilai("kur_syarat_kurang") is None
    work = full_work()
    work["kalkulator_pinjaman"]["kur"]["ektp"] = None
    assert ringkasan_kerja(work).nilai("kur_syarat_kurang") is None


def test_lesson_record_counts_right_answers_only():
    record = lessons.with_answer(lessons.new_record("x"), "4.1", "SGP", "Singapura", True)
    record = lessons.with_answer(record, "1.1", 18, "18", True)  # another pillar's exercise
    assert ringkasan_kerja({LESSON_APP_ID: record}).nilai("latihan_benar") == 1


def test_the_catalog_lists_the_lesson_and_four_apps():
    pillar = catalog.PILLARS[3]
    assert [e.lesson_id for e in pillar.lessons] == ["04_koperasi_dan_remitansi"]
    assert pillar.lessons[0].app_id == LESSON_APP_ID
    assert [a.app_id for a in pillar.apps] == [
        "simulasi_remitansi",
        "kalkulator_pinjaman",
        "pembagian_shu",
        "koperasi_desa",
    ]
    for entry in (*pillar.lessons, *pillar.apps):
        assert entry.available(), entry.notebook
        assert i18n.t(entry.judul_key) != entry.judul_key
        assert i18n.t(entry.ringkasan_key, "en") != entry.ringkasan_key


# --- the lesson's exercises ------------------------------------------------------------------


def test_pillar_4_exercises_are_registered_with_answer_kinds():
    _load_pillars()
    kinds = {n: REGISTRY[n].jawab.jenis for n in REGISTRY if n.startswith("4.")}
    assert kinds == {"4.1": "pilih", "4.2": "rp", "4.3": "persen", "4.4": "ya_tidak",
                     "4.5": "rp", "4.6": "pilih_banyak", "4.7": "rp"}  # fmt: skip


def test_answers_follow_the_kit_and_facts():
    _load_pillars()
    assert REGISTRY["4.1"].contoh == "SGP"  # 2,94 % in 2020Q3, the only one under 3 %
    assert REGISTRY["4.2"].contoh == 1_940_904  # 3.000.000 x 5,3914 % x 12
    assert REGISTRY["4.3"].contoh == 2.64  # FACTS §4.2
    assert REGISTRY["4.4"].contoh is False  # 2 % flat = 3,48 % effective > 3 %
    assert REGISTRY["4.5"].contoh == 12_000_000 - 1_592_366 == 10_407_634  # FACTS §4.2-4.3
    assert REGISTRY["4.6"].contoh == {"jangka_kontrak", "npwp"}
    assert REGISTRY["4.7"].contoh == 240_000 + 1_000_000  # FACTS §4.1


def test_choices_come_from_the_rules():
    _load_pillars()
    assert REGISTRY["4.1"].jawab.options() == [
        ("MYS", "Malaysia"),
        ("SAU", "Arab Saudi"),
        ("SGP", "Singapura"),
        ("JPN", "Jepang"),
    ]
    codes = [code for code, _ in REGISTRY["4.6"].jawab.options()]
    assert codes == list(cooperative.SYARAT_KUR)


@pytest.mark.parametrize(
    ("nomor", "answer", "words"),
    [
        ("4.1", "JPN", "paling mahal"),
        ("4.1", "MYS", "lebih kecil"),
        ("4.1", "Singapore", "Pilih salah satu"),
        ("4.2", 161_742, "sekali kirim"),
        ("4.2", 1_080_000, "target SDG 3%"),
        ("4.2", 860_904, "dapat dihemat"),
        ("4.2", "Rp 1.940.904", 'tanpa "Rp"'),
        ("4.3", 1.5, "bunga flat yang tertulis"),
        ("4.3", 3, "perkiraan kasar"),
        ("4.3", 31.7, "per tahun"),
        ("4.3", 0.0264, "bukan pecahan"),
        ("4.3", 2.5, "tabel bunga efektif"),
        ("4.4", True, "tabel bunga efektif"),
        ("4.5", 12_000_000, "pinjaman informal saja"),
        ("4.5", 1_592_366, "bunga KUR saja"),
        ("4.5", -10_407_634, "negatif"),
        ("4.6", {"npwp"}, "Masih ada 1 syarat"),
        ("4.6", {"npwp", "jangka_kontrak", "ektp"}, "tidak berlaku untuk Dewi"),
        ("4.6", {"agunan"}, "tidak dikenal"),
        ("4.7", 1_000_000, "baru jasa usaha"),
        ("4.7", 240_000, "baru jasa modal"),
    ],
)
def test_specific_hints(nomor, answer, words):
    assert words in periksa(nomor, answer, mode="pelajaran").pesan


@pytest.mark.parametrize(
    ("nomor", "answer"),
    [("4.2", 1_940_400), ("4.3", 2.63), ("4.3", 2.65), ("4.3", "2,64"), ("4.1", "sgp"),
     ("4.6", ["npwp", "jangka_kontrak"])],
)  # fmt: skip
def test_equivalent_answers_are_accepted(nomor, answer):
    if nomor == "4.3" and isinstance(answer, str):
        answer = REGISTRY["4.3"].jawab.baca(answer)  # typed in the lesson view: 2,64
    assert periksa(nomor, answer).benar, answer


def test_the_table_rate_of_malaysia_is_also_right_for_4_2():
    # 3.000.000 x 5,39 % (the table's two decimals) x 12 = 1.940.400: 504 from the exact
    assert round(3_000_000 * 0.0539 * 12) == 1_940_400 == lk._hilang_dari_tabel_4_2()


def test_a_near_miss_is_not_right():
    assert not periksa("4.3", 2.62).benar and not periksa("4.3", 2.66).benar
    assert not periksa("4.2", 1_941_904).benar


# --- the notebook tells the same story as the checks ------------------------------------------


def _notebook_value(name):
    for cell in nbformat.read(NOTEBOOK, as_version=4).cells:
        if cell.cell_type == "code" and cell.source.startswith(f"{name} = "):
            namespace: dict = {}
            exec(cell.source, namespace)
            return namespace[name]
    raise AssertionError(f"no cell assigns {name}")


def test_notebook_data_match_the_checks():
    assert _notebook_value("dewi") == lk.DEWI_4_6


def test_notebook_story_states_the_exercise_facts():
    text = "\n".join(c.source for c in nbformat.read(NOTEBOOK, as_version=4).cells)
    assert "**Rp 3.000.000 setiap bulan**" in text and "**Malaysia**" in text  # 4.2
    assert "**Rp 10.000.000**" in text and "**1,5% per bulan flat**" in text  # 4.3
    assert "**2% per bulan flat**" in text and "**3% per bulan dari sisa" in text  # 4.4
    assert "**Rp 25.000.000**" in text and "**24 bulan**" in text  # 4.5
    assert "**Rp 60.000.000**" in text and "**30 bulan**" in text  # 4.6
    assert "**Rp 2.000.000** dari **Rp 100.000.000**" in text  # 4.7
    assert "**Rp 5.000.000** dari **Rp 75.000.000**" in text
    assert "Suara.com, 12 September 2017" in text  # the seed, with attribution
