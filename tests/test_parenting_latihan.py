"""Exercises 3.1-3.6 of the lesson 03_pengasuhan_bersama: the answers follow the kit, the
hints are specific and never give the answer, the notebook tells the same story.

(``tests/test_latihan.py`` checks every registered exercise generically as well.)"""

from datetime import date
from pathlib import Path

import nbformat
import pytest

from desmigratif_kit.core import i18n
from desmigratif_kit.core.catalog import lesson
from desmigratif_kit.core.latihan import REGISTRY, _load_pillars, exercises_with_prefix, periksa
from desmigratif_kit.parenting import (
    KATEGORI,
    SAMPLE_REFERENCE_DATE_ANAK,
    STATUS_KBM,
    count_stunted,
    load_sample_roster,
    weight_gain_status,
    zscores,
)
from desmigratif_kit.parenting import latihan as lp

_load_pillars()
NOTEBOOK = Path(__file__).parents[1] / "notebooks/3_community_parenting/03_pengasuhan_bersama.ipynb"


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


def test_the_lesson_is_in_the_catalog_with_six_exercises():
    entry = lesson("03_pengasuhan_bersama")
    assert entry.prefix == "3." and entry.available()
    assert exercises_with_prefix("3.") == ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6"]
    kinds = [REGISTRY[n].jawab.jenis for n in exercises_with_prefix("3.")]
    assert kinds == ["desimal", "pilih", "ya_tidak", "pilih", "bulat", "pilih_banyak"]


def test_answers_follow_the_kit():
    assert REGISTRY["3.1"].contoh == zscores("L", 365, weight_kg=9.6)["bb_u"] == -0.04
    tb_u = zscores("P", 1096, length_cm=87.4, measured="berdiri")["tb_u"]
    assert tb_u == -2.01 and REGISTRY["3.2"].contoh == "pendek"
    assert zscores("L", 609, length_cm=80.0, measured="berdiri").tinggi_dipakai_cm == 80.7
    assert REGISTRY["3.3"].contoh is True
    nina = weight_gain_status([("10/01/2026", 6.8), ("10/02/2026", 7.1)], "10/08/2025")
    assert nina["status"].tolist() == ["B", "T"] and REGISTRY["3.4"].contoh == "T"
    assert nina["kenaikan_gram"].tolist()[1] == 300 and nina["kbm_gram"].tolist()[1] == 400
    stunted = count_stunted(load_sample_roster(), SAMPLE_REFERENCE_DATE_ANAK)
    assert REGISTRY["3.5"].contoh == stunted == 21
    assert REGISTRY["3.6"].contoh == {"bb_kurang", "pendek", "gizi_baik"}


def test_both_readings_of_rudis_score_are_accepted_and_nothing_further():
    # WHO's day table (day 365) gives -0,044; its month table (FACTS 3.3) -0,046
    for right in (-0.04, -0.05, -0.044, -0.046):
        assert periksa("3.1", right).benar, right
    for wrong in (-0.03, -0.06, 0.04, 0.0, -0.42, -4.4):
        assert not periksa("3.1", wrong).benar, wrong


def test_the_lesson_view_reads_answers_the_indonesian_way():
    assert REGISTRY["3.1"].jawab.baca("-0,04") == -0.04
    assert REGISTRY["3.5"].jawab.baca("21") == 21
    assert {code for code, _ in REGISTRY["3.2"].jawab.options()} == {
        k.kode for k in KATEGORI["tb_u"]
    }
    assert [code for code, _ in REGISTRY["3.4"].jawab.options()] == list(STATUS_KBM)
    six = dict(REGISTRY["3.6"].jawab.options())
    assert len(six) == 14 and six["gizi_baik"] == "Gizi baik (normal)"
    i18n.set_language("en")
    assert dict(REGISTRY["3.6"].jawab.options())["pendek"].startswith("Stunted")


@pytest.mark.parametrize(
    ("nomor", "answer", "words"),
    [
        ("3.1", 0.04, "tandanya"),
        ("3.1", -0.42, "M × S"),
        ("3.1", -0.2, "median (M)"),
        ("3.1", "minus nol koma nol empat", "angka desimal"),
        ("3.2", "normal", "dua angka di belakang koma"),
        ("3.2", "sangat_pendek", "−3 SD"),
        ("3.2", "Pendek", "Pilih satu kategori"),
        ("3.3", False, "0,7 cm"),
        ("3.3", "ya", "True"),
        ("3.4", "N", "KBM"),
        ("3.4", "B", "bulan sebelumnya"),
        ("3.4", "naik", "N, T, O atau B"),
        ("3.5", 16, "sangat pendek juga"),
        ("3.5", 5, "Anak pendek juga"),
        ("3.5", 95, "−2 SD"),
        ("3.5", "dua puluh", "angka bulat"),
        ("3.6", {"bb_kurang", "pendek"}, "Masih ada 1 kategori"),
        ("3.6", {"bb_kurang", "pendek", "gizi_baik", "gizi_kurang"}, "Gizi kurang (wasted)"),
        ("3.6", {"bb_kurang", "pendek", "gizi_baik", "stunting"}, 'Kode "stunting"'),
        ("3.6", "pendek", "Centang semua"),
    ],
)
def test_specific_hints(nomor, answer, words):
    message = periksa(nomor, answer).pesan
    assert "belum tepat" in message and words in message, message


def test_hints_in_the_lesson_view_leave_out_code():
    lab = periksa("3.1", -0.2).pesan
    view = periksa("3.1", -0.2, mode="pelajaran").pesan
    assert "zscores(" in lab and "zscores(" not in view


def test_every_right_answer_is_explained_and_every_exercise_worked_through():
    for nomor in exercises_with_prefix("3."):
        exercise = REGISTRY[nomor]
        message = periksa(nomor, exercise.contoh).pesan
        assert message.startswith(f"✅ Latihan {nomor} benar! ") and message.endswith(".")
        sentence = message.removeprefix(f"✅ Latihan {nomor} benar! ")
        assert len(sentence) > 40 and sentence.count(". ") == 0, (nomor, sentence)  # one
        worked = exercise.teks_pembahasan()
        assert len(worked) > 150 and "\n\n" in worked, nomor
    assert "0,10925" in REGISTRY["3.1"].teks_pembahasan()
    assert "87,44" in REGISTRY["3.2"].teks_pembahasan()
    assert "300 gram" in REGISTRY["3.4"].teks_pembahasan()
    assert "Pendek (16 anak)" in REGISTRY["3.5"].teks_pembahasan()


# --- the notebook tells the same story ----------------------------------------------------------


def _text():
    return "\n".join(c.source for c in nbformat.read(NOTEBOOK, as_version=4).cells)


def test_the_notebook_states_the_exercise_facts():
    text = _text()
    assert lp.RUDI_3_1 == {"jenis_kelamin": "L", "umur_hari": 365, "berat_kg": 9.6}
    assert "**12 bulan** (365 hari)" in text and "**9,6 kg**" in text
    assert lp.SARI_3_2["umur_hari"] == 1096 and "(1.096 hari)" in text and "**87,4 cm**" in text
    assert lp.BAYU_3_3["umur_hari"] == 609 and "**20 bulan** (609 hari)" in text
    assert "**80,0 cm**" in text and "**berdiri**" in text
    assert lp.NINA_3_4["tanggal_lahir"] == date(2025, 8, 10) and "**10 Agustus 2025**" in text
    assert "**6,8 kg** pada **10 Januari 2026**" in text
    assert "**7,1 kg** pada **10 Februari 2026**" in text
    assert lp.SKOR_3_6 == {"bb_u": -2.4, "tb_u": -2.6, "bb_tb": -1.1, "imt_u": -1.0}
    for shown in ("**BB/U −2,4**", "**TB/U −2,6**", "**BB/TB −1,1**", "**IMT/U −1,0**"):
        assert shown in text


def test_the_notebook_follows_the_lesson_outline_and_cites_its_sources():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    text = _text()
    titles = [line for c in nb.cells if c.cell_type == "markdown" for line in c.source.split("\n")
              if line.startswith("# ")]  # fmt: skip
    assert len(titles) == 1
    for part in ("## Tujuan belajar", "## Sebelum mulai", "## Ringkasan", "## Selanjutnya"):
        assert part in text
    for source in ("rmol.id", "liputan6.com", "kabarpendidikan.id", "suara.com"):
        assert source in text
    assert 'Pelajaran("03_pengasuhan_bersama")' in text
    assert nb.cells[-1].source == "pelajaran.selesai(query_params())"
    for nomor in exercises_with_prefix("3."):
        assert f'pelajaran.soal("{nomor}")' in text and f'cek("{nomor}", jawaban)' in text
    for cell in nb.cells:
        if cell.cell_type == "code" and ("cek(" in cell.source or "jawaban = ..." in cell.source):
            assert cell.metadata.get("tags") == ["lab-only"], cell.source


def test_the_notebook_is_committed_clean():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and not cell.source.startswith("# NBVAL_CHECK_OUTPUT"):
            assert cell.outputs == [] and cell.execution_count is None
