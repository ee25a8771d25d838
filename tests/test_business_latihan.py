"""Exercises 2.1-2.6 of the pillar-2 lesson: the answers follow the kit, the known mistakes
get their own hint, the lesson view asks for no code, the notebook tells the same story.

(The generic checks of every registered exercise, reference solutions in strict mode, blank
and wrong answers, hints that never contain the answer, are in tests/test_latihan.py and
tests/test_notebooks_solutions.py.)"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from desmigratif_kit import business
from desmigratif_kit.business import latihan as bl
from desmigratif_kit.core import i18n
from desmigratif_kit.core.apps.lesson import Pelajaran
from desmigratif_kit.core.latihan import REGISTRY, _load_pillars, periksa
from desmigratif_kit.core.store import Store

_load_pillars()
NOTEBOOK = Path(__file__).parents[1] / "notebooks/2_usaha_produktif/02_usaha_keluarga.ipynb"
NUMBERS = ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6"]


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


def kemiri():
    return business.contoh_produk("minyak_kemiri")


def all_pairs():
    p = kemiri()
    return business.compare_scenarios(
        p["batch"], p["kemasan"], p["saluran"], p["harga"], p["laku_per_bulan"]
    )


def test_the_six_exercises_and_how_they_are_answered():
    kinds = {n: REGISTRY[n].jawab.jenis for n in NUMBERS}
    assert kinds == {
        "2.1": "rp", "2.2": "pilih_banyak", "2.3": "rp", "2.4": "bulat", "2.5": "pilih",
        "2.6": "bulat",
    }  # fmt: skip
    assert business.LATIHAN_NOMOR == tuple(NUMBERS)


def test_answers_follow_the_kit():
    # 2.1: 1.520.000 a batch / 100 bottles
    assert (
        REGISTRY["2.1"].contoh
        == 15_200
        == business.cost_of_goods(kemiri()["batch"]).hpp_per_unit_rp
    )
    # 2.2: the rows that have an HPP category
    assert REGISTRY["2.2"].contoh == {
        "kemiri",
        "tenaga_keluarga",
        "botol_label",
        "penyusutan_press",
    }
    assert all(bl.BIAYA_2_2[c] in business.KATEGORI for c in REGISTRY["2.2"].contoh)
    # 2.3: 15.200 / 0,70 = 21.714,29, up to 21.715 (HPP + 30% = 19.760 is only a 23,1% margin)
    assert REGISTRY["2.3"].contoh == 21_715 == business.price_from_margin(15_200, 30)
    # 2.4: 250.000 / (32.000 × 0,92 − 16.700) = 250.000 / 12.740 = 19,6 -> 20
    assert REGISTRY["2.4"].contoh == 20
    assert business.break_even_channel(250_000, 32_000, 16_700, 8).unit_per_bulan == 20
    # 2.5: the best pair of compare_scenarios
    best = all_pairs().terbaik
    assert REGISTRY["2.5"].contoh == "botol_30ml_label|toko_oleh_oleh"
    assert REGISTRY["2.5"].contoh == bl.kode_pasangan(best.kemasan, best.saluran)
    # 2.6: the press (Rp 6.000.000, January 2027) is paid back in month 5 (May 2027)
    plan = business.rencana_usaha(kemiri(), *bl.PASANGAN_2_4, 12, bulan_mulai=1, tahun_mulai=2027)
    assert REGISTRY["2.6"].contoh == 5 == plan.arus_kas.bulan_balik_modal
    assert plan.arus_kas.total_investasi_rp == 6_000_000


def test_the_pair_of_2_4_is_the_one_the_question_describes():
    s = all_pairs().pilih(*bl.PASANGAN_2_4)
    assert (s.harga_rp, s.potongan_pct, s.biaya_variabel_per_unit_rp) == (32_000, 8, 16_700)
    assert s.biaya_tetap_per_bulan_rp == 250_000


def test_choices_come_from_the_rules_in_the_participants_language():
    codes = [code for code, _ in REGISTRY["2.5"].jawab.options()]
    assert sorted(codes) == sorted(
        bl.kode_pasangan(s.kemasan, s.saluran) for s in all_pairs().skenario
    )
    assert codes[0] == "jeriken_5l|pasar_desa"  # the product's order, not the best first
    labels = dict(REGISTRY["2.5"].jawab.options())
    assert labels["botol_100ml|marketplace"] == "Botol 100 ml · Marketplace online"
    assert [c for c, _ in REGISTRY["2.2"].jawab.options()] == list(bl.BIAYA_2_2)
    i18n.set_language("en")
    assert dict(REGISTRY["2.5"].jawab.options())["botol_100ml|marketplace"] == (
        "100 ml bottle · Online marketplace"
    )
    assert dict(REGISTRY["2.2"].jawab.options())["tenaga_keluarga"].startswith("Work of family")


@pytest.mark.parametrize(
    ("nomor", "answer", "words"),
    [
        ("2.1", 1_520_000, "biaya satu batch"),
        ("2.1", 14_700, "Biaya tetap (sewa dan listrik) dan penyusutan"),  # fixed costs left out
        ("2.1", 10_700, "Botol dan label belum masuk"),  # packaging left out
        ("2.1", 8_450, "per liter minyak"),  # 3 kg × 25.000 only once, not per liter
        ("2.1", 16_700, "beberapa batch"),  # a month's rent on one batch
        ("2.1", "15.200", "angka bulat"),
        (
            "2.2",
            {"kemiri", "cicilan_motor"},
            "Cicilan motor keluarga: ini pengeluaran rumah tangga",
        ),
        ("2.2", {"kemiri", "botol_label"}, "Masih ada 2 biaya"),
        ("2.2", {"kemiri", "sapi"}, "tidak ada dalam daftar"),
        ("2.3", 19_760, "markup"),  # the trap: HPP + 30%
        ("2.3", 21_714, "dibulatkan ke atas"),
        ("2.3", 20_000, "HPP itu berapa persen dari harga jual"),
        ("2.3", 15_000, "tidak di atas HPP"),
        ("2.3", 30_000, "lebih tinggi dari yang perlu"),
        ("2.4", 17, "Potongan marketplace 8%"),  # fee forgotten
        ("2.4", 19, "dibulatkan ke atas"),
        ("2.4", 8, "biaya variabel"),  # 250.000 / 32.000 rounded up
        ("2.5", "jeriken_5l|koperasi", "lakunya sedikit"),  # the widest margin per unit
        ("2.5", "botol_30ml_label|pasar_desa", "rugi sebulan"),
        ("2.5", "botol_100ml|marketplace", "peringkat 2"),
        ("2.5", "botol_100ml|bulan", "Pilih salah satu pasangan"),
        ("2.6", 4, "masih di bawah modal awal"),
        ("2.6", 8, "ada bulan yang lebih awal"),
        ("2.6", 13, "bulan ke-1 sampai ke-12"),
    ],
)
def test_known_mistakes_get_their_own_hint(nomor, answer, words):
    hasil = periksa(nomor, answer)
    assert not hasil.benar and words in hasil.pesan, hasil.pesan


def test_equivalent_shapes_are_accepted():
    assert periksa("2.1", 15_200.0).benar and periksa("2.3", 21_715.0).benar
    assert periksa("2.2", sorted(REGISTRY["2.2"].contoh)).benar
    assert periksa("2.5", " botol_30ml_label|toko_oleh_oleh ").benar
    assert not periksa("2.4", True).benar  # a bool is not a number of bottles


def _wrong_values(nomor):
    contoh = REGISTRY[nomor].contoh
    if isinstance(contoh, set):
        return [set(), {"kemiri"}, {"kemiri", "cicilan_motor", "biaya_sekolah"}]
    if isinstance(contoh, str):
        return [code for code, _ in REGISTRY[nomor].jawab.options() if code != contoh]
    return [contoh + 1, contoh - 1, 1_520_000, 19_760, 17, 4, 8, 13]


@pytest.mark.parametrize("nomor", NUMBERS)
def test_lesson_hints_never_ask_for_code(nomor):
    code_words = re.compile(r"\w+\(|\.\w+_rp|True|False|\{\"|\"\w+\|")
    for wrong in _wrong_values(nomor):
        text = periksa(nomor, wrong, mode="pelajaran").pesan
        assert not code_words.search(text), (nomor, text)
        assert "belum tepat" in text


@pytest.mark.parametrize("nomor", NUMBERS)
def test_every_exercise_has_a_worked_explanation_with_the_kits_numbers(nomor):
    text = REGISTRY[nomor].teks_pembahasan()
    assert len(text) > 120 and "\n\n" in text
    contoh = REGISTRY[nomor].contoh
    if isinstance(contoh, int) and contoh > 100:
        assert i18n.format_rp(contoh) in text  # the explanation ends at the answer


def test_lesson_forms_show_rules_labels():
    lesson = Pelajaran("02_usaha_keluarga", store=Store(":memory:"))
    assert lesson.numbers == NUMBERS
    forms = lesson.forms_for(["2.2", "2.5"])
    labels = [box.description for box in forms["2.2"].field.boxes.values()]
    assert labels[:2] == [
        "Kemiri kupas untuk diperas",
        "Tenaga anggota keluarga, walau tidak dibayar",
    ]
    radio = forms["2.5"].field.input
    assert len(radio.options) == 10 and radio.value is None


def test_the_end_of_the_lesson_links_to_the_three_apps():
    store = Store(":memory:")
    kode = store.register("kepala_desa", "Maria").code
    lesson = Pelajaran("02_usaha_keluarga", store=store)
    lesson.selesai({"kode": kode})
    footer = lesson.progress_bottom.value
    for app in ("app_kalkulator_hpp", "app_titik_impas", "app_rencana_usaha"):
        assert f"../2_usaha_produktif/{app}.ipynb?kode={kode}" in footer


# --- the notebook tells the same story as the checks ------------------------------------------


def _text(kind: str | None = None) -> str:
    cells = nbformat.read(NOTEBOOK, as_version=4).cells
    return "\n".join(c.source for c in cells if kind is None or c.cell_type == kind)


def test_notebook_uses_the_exercises_data():
    code = re.sub(r"\s+", "", _text("code"))  # as ruff formats it or not
    assert 'kemiri=contoh_produk("minyak_kemiri")' in code
    assert (
        'rencana_usaha(kemiri,"botol_100ml","marketplace",12,bulan_mulai=1,tahun_mulai=2027)'
        in code
    )
    assert (bl.PRODUK, bl.PASANGAN_2_4, bl.MULAI_2_6) == (
        "minyak_kemiri", ("botol_100ml", "marketplace"), (1, 2027),
    )  # fmt: skip


def test_notebook_story_states_the_kits_figures():
    text = _text("markdown")
    s = all_pairs().pilih(*bl.PASANGAN_2_4)
    for figure in (s.harga_rp, s.biaya_variabel_per_unit_rp, s.biaya_tetap_per_bulan_rp, 15_200):
        assert f"**{i18n.format_rp(figure)}" in text, figure
    assert f"**{i18n.format_pct(s.potongan_pct)}**" in text
    # the worked examples: cocoa oil of Bapak Yohanes
    kakao = business.contoh_produk("minyak_kakao")
    hpp = business.cost_of_goods(kakao["batch"])
    assert (
        f"Satu batch {i18n.format_rp(hpp.total_per_batch_rp)} untuk {hpp.unit_per_batch} botol"
        in text
    )
    assert f"{i18n.format_rp(hpp.hpp_per_unit_rp)}**" in text  # Rp 25.900
    a = business.analisis_harga(hpp.hpp_per_unit_rp, 40)
    assert f"**{i18n.format_rp(a.harga_margin_rp)}**" in text  # Rp 43.167
    assert f"**{i18n.format_rp(a.harga_markup_rp)}**" in text  # Rp 36.260
    assert f"**{i18n.format_pct(round(a.margin_markup_pct, 1))}**" in text  # 28,6%
    assert i18n.format_rp(a.harga_margin_rp - a.harga_markup_rp) in text  # Rp 6.907 lost
    impas = business.break_even_channel(240_000, 35_000, 24_900)
    pasar = business.compare_scenarios(
        kakao["batch"], kakao["kemasan"], kakao["saluran"], kakao["harga"], kakao["laku_per_bulan"]
    ).pilih("botol_100ml", "pasar_desa")
    assert (pasar.harga_rp, pasar.biaya_variabel_per_unit_rp, pasar.biaya_tetap_per_bulan_rp) == (
        35_000, 24_900, 240_000,
    )  # fmt: skip
    assert impas.unit_per_bulan < pasar.unit_per_bulan == 30  # "30 botol sebulan": above it
    assert "Rp 6.000.000" in text and "Rp 10.000.000" in text
    plan = business.rencana_usaha(kemiri(), *bl.PASANGAN_2_4)
    assert plan.arus_kas.modal_awal_rp == 10_000_000


def test_notebook_quotes_the_seed_with_attribution():
    text = _text("markdown")
    assert "minyak kemiri, minyak kakau, dan minyak kayu putih" in text
    assert "Suara.com, 12 September 2017" in text
    assert "tokoh rekaan" in text and "ilustrasi" in text
