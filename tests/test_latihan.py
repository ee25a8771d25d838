"""Exercise feedback: every reference solution passes, wrong and blank answers give hints.

The registry is filled by the pillar modules (``desmigratif_kit.latihan_*``); these tests run
over whatever they register, plus specific cases for pillar 1 (``latihan_migrasi``).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import nbformat
import numpy as np
import pytest

from desmigratif_kit.core.i18n import format_number
from desmigratif_kit.core.latihan import REGISTRY, _load_pillars, cek, periksa
from desmigratif_kit.migration import (
    SYARAT,
    TANDA_BAHAYA,
    bpjs_contribution_rp,
    check_readiness,
    load_penempatan_tahunan,
    red_flags,
)
from desmigratif_kit.migration import latihan as lm

_load_pillars()
PILLAR_EXERCISES = sorted(
    nomor
    for nomor, item in REGISTRY.items()
    if item.periksa.__module__.endswith(".latihan")
    and item.periksa.__module__ != "desmigratif_kit.core.latihan"
)
NOTEBOOK = Path(__file__).parents[1] / "notebooks/1_layanan_migrasi/01_migrasi_aman.ipynb"


@pytest.fixture
def strict(monkeypatch):
    monkeypatch.setenv("DESMIGRATIF_CEK_STRICT", "1")


@pytest.fixture
def lenient(monkeypatch):
    monkeypatch.delenv("DESMIGRATIF_CEK_STRICT", raising=False)


def wrong_answers(nomor):
    """Answers of the right shape that are not right, and answers of the wrong shape."""
    contoh = REGISTRY[nomor].contoh
    if isinstance(contoh, bool):
        return [not contoh, "ya", 1.5]
    if isinstance(contoh, int):
        return [contoh + 1, contoh - 1, str(contoh), f"Rp {format_number(contoh)}", [contoh]]
    if isinstance(contoh, set | frozenset):
        some = sorted(contoh)
        return [set(), set(some[:1]), set(some) | {"bukan_kode"}, ",".join(some), [1, 2], 42]
    return [object()]


def cases():
    return [(nomor, answer) for nomor in PILLAR_EXERCISES for answer in wrong_answers(nomor)]


def test_pillar_1_exercises_are_registered():
    assert {"1.1", "1.2", "1.3", "1.4", "1.5", "1.6"} <= set(PILLAR_EXERCISES)


@pytest.mark.parametrize("nomor", PILLAR_EXERCISES)
def test_reference_solution_passes_in_strict_mode(nomor, strict):
    hasil = cek(nomor, REGISTRY[nomor].contoh)
    assert hasil.benar and hasil.dijawab
    assert hasil.pesan.startswith(f"✅ Latihan {nomor} benar! ")
    explanation = hasil.pesan.removeprefix(f"✅ Latihan {nomor} benar! ")
    assert len(explanation) > 20 and explanation.endswith("."), "a right answer is explained"


@pytest.mark.parametrize("nomor", PILLAR_EXERCISES)
def test_blank_answer_is_feedback_not_an_error(nomor, lenient):
    for blank in (..., None):
        hasil = cek(nomor, blank)
        assert not hasil.benar and not hasil.dijawab
        assert "belum dijawab" in hasil.pesan


@pytest.mark.parametrize("nomor", PILLAR_EXERCISES)
def test_blank_answer_raises_in_strict_mode(nomor, strict):
    with pytest.raises(AssertionError, match="belum dijawab"):
        cek(nomor, ...)


@pytest.mark.parametrize(("nomor", "answer"), cases())
def test_wrong_answer_gives_a_hint_without_raising(nomor, answer, lenient):
    hasil = cek(nomor, answer)
    assert not hasil.benar and hasil.dijawab
    assert hasil.pesan.startswith(f"❌ Latihan {nomor} belum tepat. ")
    hint = hasil.pesan.removeprefix(f"❌ Latihan {nomor} belum tepat. ")
    assert len(hint) > 20, "a wrong answer needs a hint, not just 'wrong'"
    assert "Traceback" not in hasil.pesan and "tidak dapat diperiksa" not in hasil.pesan


@pytest.mark.parametrize(("nomor", "answer"), cases())
def test_wrong_answer_raises_in_strict_mode(nomor, answer, strict):
    with pytest.raises(AssertionError, match="belum tepat"):
        cek(nomor, answer)


def _answer_patterns(contoh):
    """Ways the answer could leak into a hint."""
    if isinstance(contoh, bool):
        return []  # True/False are named in every yes/no hint
    if isinstance(contoh, int):
        return [rf"(?<![\d.]){contoh}(?![\d])", re.escape(format_number(contoh))]
    if isinstance(contoh, set | frozenset):
        return [rf"[\"']{re.escape(code)}[\"']" for code in contoh] + [re.escape(repr(contoh))]
    return [re.escape(repr(contoh))]


@pytest.mark.parametrize(("nomor", "answer"), cases())
def test_hints_never_contain_the_answer(nomor, answer, lenient):
    hint = periksa(nomor, answer).pesan
    for pattern in _answer_patterns(REGISTRY[nomor].contoh):
        assert not re.search(pattern, hint), f"{nomor}: hint {hint!r} reveals the answer"


def test_hint_html_is_escaped():
    hasil = periksa("1.3", {"<b>x</b>"})
    assert "<b>x</b>" in hasil.pesan and "&lt;b&gt;" in hasil._repr_html_()


# --- the expected values come from the kit ---------------------------------------------------


def test_answers_follow_the_kit():
    assert REGISTRY["1.1"].contoh == 18
    assert REGISTRY["1.2"].contoh is True  # 18th birthday on the departure day
    assert REGISTRY["1.3"].contoh == set(check_readiness(lm.CALON_1_3).kurang)
    assert REGISTRY["1.3"].contoh == {"sehat", "surat_sehat", "opp", "visa_kerja"}
    assert REGISTRY["1.4"].contoh == {f.kode for f in red_flags(lm.TAWARAN_1_4)}
    assert REGISTRY["1.4"].contoh == {
        "calo",
        "visa_non_kerja",
        "moratorium_timur_tengah",
        "uang_pengikat",
        "berangkat_cepat",
        "tanpa_opp",  # the broker's "OPP sudah diatur" cannot be true on an umrah visa
    }
    assert REGISTRY["1.5"].contoh == bpjs_contribution_rp(24).total_rp == 37_500 + 332_500
    df = load_penempatan_tahunan()
    assert REGISTRY["1.6"].contoh == 2021 == int(df.loc[df["penempatan"].idxmin(), "tahun"])
    assert set(REGISTRY["1.3"].contoh) <= set(SYARAT)
    assert set(REGISTRY["1.4"].contoh) <= set(TANDA_BAHAYA)


def test_wulan_is_exactly_18_on_departure_day():
    lahir, berangkat = lm.WULAN_1_2["tanggal_lahir"], lm.WULAN_1_2["tanggal_berangkat"]
    assert (berangkat.month, berangkat.day) == (lahir.month, lahir.day)
    assert berangkat.year - lahir.year == 18


# --- specific hints ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nomor", "answer", "words"),
    [
        ("1.1", 21, "aturan lama"),
        ("1.1", 17, "Terlalu muda"),
        ("1.1", "18 tahun", "angka bulat"),
        ("1.2", False, "usia_tahun"),
        ("1.2", "ya", "True"),
        ("1.3", {"di_bawah_umur"}, "tanda bahaya, bukan syarat"),
        ("1.3", {"paspor", "sehat", "surat_sehat", "opp", "visa_kerja"}, "sudah dipenuhi Dedi"),
        ("1.3", {"sehat", "surat_sehat", "visa_kerja"}, "Masih ada 1 syarat"),
        ("1.3", "opp", "bukan satu teks"),
        ("1.4", {"calo"}, "Masih ada 5 tanda bahaya"),
        ("1.4", {"perseorangan"}, "PMI perseorangan adalah jalur resmi"),
        ("1.4", {"paspor"}, "kode syarat, bukan tanda bahaya"),
        ("1.4", {"Perseorangan!"}, "tidak dikenal"),
        ("1.5", 332_500, "Iuran sebelum bekerja belum ditambahkan"),
        ("1.5", 37_500, "Tambahkan paket"),
        ("1.5", 226_500, "12 bulan"),
        ("1.5", "Rp 370.000", 'Jangan tulis "Rp"'),
        ("1.6", 2020, "lebih rendah"),
        ("1.6", 1999, "tidak ada dalam tabel"),
        ("1.6", "dua ribu", "angka empat digit"),
    ],
)
def test_specific_hints(nomor, answer, words, lenient):
    assert words in periksa(nomor, answer).pesan


def test_exercise_1_4_rewards_distrust_of_the_broker(lenient):
    """Issue 8, point 9: the broker says OPP "sudah diatur"; on an umrah visa it cannot be.
    The learner who answers "no orientation" is right; the one who trusts the broker gets a
    hint to doubt the claim."""
    assert lm.TAWARAN_1_4["opp"] is True and lm.TAWARAN_1_4["visa"] == "umrah"
    distrustful = {"calo", "visa_non_kerja", "moratorium_timur_tengah", "uang_pengikat",
                   "berangkat_cepat", "tanpa_opp"}  # fmt: skip
    hasil = periksa("1.4", distrustful)
    assert hasil.benar and "OPP" in hasil.pesan
    trusting = periksa("1.4", distrustful - {"tanpa_opp"})
    assert not trusting.benar
    assert "Jangan percaya begitu saja" in trusting.pesan and "visa umrah" in trusting.pesan


def test_every_right_answer_is_explained_in_one_sentence():
    for nomor in ("1.1", "1.2", "1.3", "1.4", "1.5", "1.6"):
        pesan = periksa(nomor, REGISTRY[nomor].contoh).pesan
        explanation = pesan.removeprefix(f"✅ Latihan {nomor} benar! ")
        assert explanation != pesan and len(explanation) > 40, nomor
        assert explanation.count(". ") == 0 and explanation.endswith("."), (nomor, explanation)


def test_exercise_1_2_presents_the_departure_day_as_the_kits_reading():
    """Issue 8, point 4: Pasal 5(a) names no reference date."""
    pesan = periksa("1.2", True).pesan
    assert "cara hitung kit" in pesan and "tidak menyebut tanggal acuan" in pesan
    assert "cara hitung kit" in periksa("1.2", False).pesan


def test_whole_objects_are_explained():
    hasil = check_readiness(lm.CALON_1_3)
    assert ".kurang" in periksa("1.3", hasil).pesan
    assert ".kode" in periksa("1.4", red_flags(lm.TAWARAN_1_4)).pesan
    assert ".total_rp" in periksa("1.5", bpjs_contribution_rp(24)).pesan


def test_equivalent_shapes_are_accepted():
    assert periksa("1.3", sorted(REGISTRY["1.3"].contoh)).benar  # a list is fine
    assert periksa("1.3", frozenset(REGISTRY["1.3"].contoh)).benar
    assert periksa("1.5", 370_000.0).benar
    df = load_penempatan_tahunan()
    assert periksa("1.6", df.loc[df["penempatan"].idxmin(), "tahun"]).benar  # numpy integer
    assert periksa("1.2", np.bool_(True)).benar  # e.g. from a pandas comparison
    assert not periksa("1.1", True).benar  # a bool is not an age


# --- the notebook tells the same story as the checks ------------------------------------------


def _notebook_value(name):
    """The value a code cell of the teaching notebook assigns to ``name`` (``name = {...}``)."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.source.startswith(f"{name} = "):
            namespace = {"date": date}
            exec(cell.source, namespace)
            return namespace[name]
    raise AssertionError(f"no cell assigns {name} in {NOTEBOOK.name}")


def test_notebook_data_match_the_checks():
    assert _notebook_value("dedi") == lm.CALON_1_3
    assert _notebook_value("tawaran") == lm.TAWARAN_1_4


def test_notebook_story_states_the_exercise_facts():
    text = "\n".join(c.source for c in nbformat.read(NOTEBOOK, as_version=4).cells)
    assert "15 Januari 2009" in text and "15 Januari 2027" in text  # lm.WULAN_1_2
    assert lm.WULAN_1_2 == {
        "tanggal_lahir": date(2009, 1, 15),
        "tanggal_berangkat": date(2027, 1, 15),
    }
    assert f"**{lm.BULAN_KONTRAK_1_5} bulan**" in text
