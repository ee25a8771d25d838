"""The lesson view's answer forms, without a browser: every answer kind, feedback, tries, the
worked explanation, saving and restoring per participant.

Exercises of every kind are registered here under the number prefix ``9.`` in a test lesson;
the pillar-1 lesson is exercised at the end.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from desmigratif_kit.core import lessons
from desmigratif_kit.core.apps.lesson import Pelajaran
from desmigratif_kit.core.catalog import PILLARS, LessonEntry
from desmigratif_kit.core.latihan import JENIS, REGISTRY, Jawab, latihan, periksa
from desmigratif_kit.core.store import Store

PILIHAN = [("merah", "Merah"), ("hijau", "Hijau"), ("biru", "Biru")]

# kind -> (Jawab, reference value, what a person types/chooses for it, a wrong raw answer,
#          an unreadable raw answer or None when the widget cannot produce one)
KINDS = {
    "bulat": (Jawab("bulat"), 18, "18", "21", "delapan belas"),
    "rp": (Jawab("rp"), 370_000, "Rp 370.000", "332.500", "370.000,5"),
    "tahun": (Jawab("tahun"), 2021, "2021", "2020", "21"),
    "desimal": (Jawab("desimal"), 9.6, "9,6", "9,5", "9.6"),
    "persen": (Jawab("persen"), 5.4, "5,4%", "3", "lima"),
    "ya_tidak": (Jawab("ya_tidak"), True, True, False, None),
    "pilih": (Jawab("pilih", pilihan=PILIHAN), "hijau", "hijau", "merah", None),
    "pilih_banyak": (
        Jawab("pilih_banyak", pilihan=PILIHAN),
        {"merah", "biru"},
        ["biru", "merah"],
        ["merah"],
        None,
    ),  # fmt: skip
    "tanggal": (Jawab("tanggal"), date(2017, 9, 12), "12/09/2017", "11/09/2017", "31/02/2017"),
    "teks": (Jawab("teks"), "bidakara", "Bidakara", "Kuningan", None),
}
NUMBERS = {kind: f"9.{i}" for i, kind in enumerate(KINDS, start=1)}
LESSON = LessonEntry("99_uji", "9_uji/99_uji.ipynb", "9.")


def _register(kind: str) -> None:
    jawab, expected, *_ = KINDS[kind]

    def check(jawaban, expected=expected):
        if isinstance(expected, str):
            jawaban = str(jawaban).casefold()
        yield jawaban == expected, "Baca lagi bagian 2 dengan teliti."

    latihan(
        NUMBERS[kind],
        contoh=expected,
        jawab=jawab,
        penjelasan="Jawaban ini sesuai dengan ceritanya.",
        pembahasan="Langkah pertama.\n\nLangkah kedua.",
    )(check)


for _kind in KINDS:
    _register(_kind)


@pytest.fixture
def store():
    return Store(":memory:")


@pytest.fixture
def lesson(store):
    return Pelajaran(LESSON, store=store)


def form_for(lesson, kind):
    return lesson.forms_for([NUMBERS[kind]])[NUMBERS[kind]]


def test_every_answer_kind_is_covered():
    assert set(KINDS) == set(JENIS)


@pytest.mark.parametrize("kind", KINDS)
def test_right_answer_is_praised_and_explained(lesson, kind):
    form = form_for(lesson, kind)
    form.field.set_raw(KINDS[kind][2])
    form.check()
    assert form.benar and form.tries == 1
    assert f"Latihan {NUMBERS[kind]} benar!" in form.feedback.value
    assert "sesuai dengan ceritanya" in form.feedback.value


@pytest.mark.parametrize("kind", KINDS)
def test_wrong_answer_gets_a_hint_not_the_answer(lesson, kind):
    form = form_for(lesson, kind)
    form.field.set_raw(KINDS[kind][3])
    form.check()
    assert not form.benar and form.tries == 1
    assert "belum tepat" in form.feedback.value and "Baca lagi bagian 2" in form.feedback.value
    shown = KINDS[kind][0].isian(KINDS[kind][1])
    if isinstance(shown, str) and kind not in ("pilih",):
        assert shown not in form.feedback.value.replace(form.field.shown(), "")


@pytest.mark.parametrize("kind", KINDS)
def test_blank_answer_says_what_is_expected_and_counts_no_try(lesson, kind):
    form = form_for(lesson, kind)
    if kind == "pilih_banyak":  # nothing ticked is an answer ("none of them")
        form.check()
        assert form.tries == 1 and not form.benar
        return
    form.check()
    assert form.tries == 0
    assert "wajib diisi" in form.feedback.value and "diharapkan" in form.feedback.value


@pytest.mark.parametrize("kind", [k for k in KINDS if KINDS[k][4] is not None])
def test_unreadable_answer_gets_a_clear_message(lesson, kind):
    form = form_for(lesson, kind)
    form.field.set_raw(KINDS[kind][4])
    form.check()
    assert form.tries == 0 and not form.benar
    text = form.feedback.value
    assert "diharapkan" in text and "diberikan" in text, text
    assert "Traceback" not in text


def test_indonesian_numbers_and_dates_are_read_the_indonesian_way():
    assert Jawab("rp").baca("1.500.000") == 1_500_000
    assert Jawab("rp").baca("Rp1.500.000,-") == 1_500_000
    assert Jawab("tanggal").baca("12/09/2017") == date(2017, 9, 12)
    assert Jawab("desimal").baca("9,6") == 9.6


def test_worked_explanation_is_offered_after_the_second_wrong_try(lesson):
    form = form_for(lesson, "bulat")
    form.field.set_raw("21")
    form.check()
    assert form.explain_button.layout.display == "none"
    form.check()
    assert form.tries == 2 and form.explain_button.layout.display is None
    assert form.explanation.layout.display == "none"
    form.toggle_explanation()
    assert form.explanation.layout.display is None
    assert "Langkah pertama." in form.explanation.value
    assert form.explain_button.description == "Tutup pembahasan"
    form.field.set_raw("18")
    form.check()
    assert form.benar and form.explain_button.layout.display == "none"


def test_answers_are_saved_and_restored_for_the_same_code_only(store):
    ani = store.register("kepala_desa", "Ani").code
    budi = store.register("kepala_desa", "Budi").code
    first = Pelajaran(LESSON, store=store)
    forms = first.forms_for(list(NUMBERS.values()))
    first.selesai({"kode": ani})
    for kind, number in NUMBERS.items():
        forms[number].field.set_raw(KINDS[kind][3])
        forms[number].check()
        forms[number].field.set_raw(KINDS[kind][2])
        forms[number].check()
    record = store.load(ani, LESSON.app_id).data
    assert record["version"] == lessons.RECORD_VERSION and record["lesson"] == "99_uji"
    saved = record["answers"][NUMBERS["tanggal"]]
    assert saved == {**saved, "value": "2017-09-12", "text": "12/09/2017", "correct": True,
                     "tries": 2}  # fmt: skip
    assert record["answers"][NUMBERS["pilih_banyak"]]["value"] == ["biru", "merah"]
    assert record["answers"][NUMBERS["pilih_banyak"]]["text"] == "Merah; Biru"
    assert first.bar.state == "saved"

    again = Pelajaran(LESSON, store=store)  # another tab, another phone, after a restart
    again_forms = again.forms_for(list(NUMBERS.values()))
    again.selesai({"kode": ani})
    for kind, number in NUMBERS.items():
        form = again_forms[number]
        assert form.benar and form.tries == 2, kind
        assert "benar!" in form.feedback.value
        value = KINDS[kind][0].baca(form.field.raw())
        expected = KINDS[kind][1]
        assert (value.casefold() if kind == "teks" else value) == expected, kind
    assert "10 dari 10 latihan benar" in again.progress_top.value
    assert again.progress_bottom.value.count("10 dari 10") == 1

    other = Pelajaran(LESSON, store=store)
    other_forms = other.forms_for(list(NUMBERS.values()))
    other.selesai({"kode": budi})
    assert all(form.tries == 0 and not form.feedback.value for form in other_forms.values())
    assert "0 dari 10 latihan benar" in other.progress_top.value


def test_without_a_code_feedback_works_and_nothing_is_saved(store):
    lesson = Pelajaran(LESSON, store=store)
    form = lesson.forms_for([NUMBERS["bulat"]])[NUMBERS["bulat"]]
    lesson.selesai({})
    form.field.set_raw("18")
    form.check()
    assert form.benar and store.all_work() == [] and lesson.bar.state == "unsaved"


def test_a_second_tab_of_the_same_participant_loses_no_answer(store):
    kode = store.register("kepala_desa", "Ani").code
    tab1, tab2 = Pelajaran(LESSON, store=store), Pelajaran(LESSON, store=store)
    f1 = tab1.forms_for([NUMBERS["bulat"]])[NUMBERS["bulat"]]
    f2 = tab2.forms_for([NUMBERS["tahun"]])[NUMBERS["tahun"]]
    tab1.selesai({"kode": kode})
    tab2.selesai({"kode": kode})
    f1.field.set_raw("18")
    f1.check()
    f2.field.set_raw("2021")
    f2.check()
    answers = store.load(kode, LESSON.app_id).data["answers"]
    assert set(answers) == {NUMBERS["bulat"], NUMBERS["tahun"]}


def test_an_unknown_code_is_explained_and_nothing_is_linked(store):
    lesson = Pelajaran(LESSON, store=store)
    lesson.selesai({"kode": "ZZZ-999"})
    assert lesson.participant is None
    assert "ZZZ-999" in lesson.message.value and "tidak ditemukan" in lesson.message.value


def test_participant_text_is_escaped_in_the_record_view(store):
    kode = store.register("kepala_desa", "<b>Ani</b>").code
    lesson = Pelajaran(LESSON, store=store)
    form = lesson.forms_for([NUMBERS["teks"]])[NUMBERS["teks"]]
    lesson.selesai({"kode": kode})
    form.field.set_raw("<script>alert(1)</script>")
    form.check()
    assert "<script>" not in form.feedback.value and "<b>Ani</b>" not in lesson.bar.who.value


# --------------------------------------------------------------------------- pillar 1


def test_every_registered_exercise_declares_how_it_is_answered():
    from desmigratif_kit.core.latihan import _load_pillars

    _load_pillars()
    pillar = {n: e for n, e in REGISTRY.items() if not n.startswith(("0.", "9."))}
    assert pillar and all(e.jawab is not None for e in pillar.values()), [
        n for n, e in pillar.items() if e.jawab is None
    ]
    assert all(e.teks_pembahasan() for e in pillar.values())


def test_every_lesson_in_the_catalog_has_its_exercises_and_notebook():
    for pillar in PILLARS:
        for entry in pillar.lessons:
            assert entry.available(), entry.notebook
            numbers = Pelajaran(entry).numbers
            assert numbers and all(n.startswith(entry.prefix) for n in numbers)


def test_pillar_1_red_flags_are_checkboxes_labelled_by_the_rules():
    from desmigratif_kit.migration import RULES, TANDA_BAHAYA

    lesson = Pelajaran("01_migrasi_aman", store=Store(":memory:"))
    form = lesson.forms_for(["1.4"])["1.4"]
    assert list(form.field.boxes) == list(TANDA_BAHAYA)
    labels = [box.description for box in form.field.boxes.values()]
    assert labels == [RULES[code].judul for code in TANDA_BAHAYA]


def test_pillar_1_lesson_hints_never_ask_for_code():
    lesson = Pelajaran("01_migrasi_aman", store=Store(":memory:"))
    code_words = re.compile(r"\w+\(|\.kurang|sort_values|True|False|\{\"")
    for number in lesson.numbers:
        exercise = REGISTRY[number]
        for wrong in _wrong_values(exercise):
            text = periksa(number, wrong, mode="pelajaran").pesan
            assert not code_words.search(text), (number, text)


def _wrong_values(exercise):
    contoh = exercise.contoh
    if isinstance(contoh, bool):
        return [not contoh]
    if isinstance(contoh, int):
        return [contoh + 1, contoh - 1, 21, 332_500, 2020]
    return [set(), set(sorted(contoh)[:1])]


def test_the_end_of_the_lesson_links_home_and_to_the_pillars_apps_with_the_code(store):
    kode = store.register("kepala_desa", "Ani").code
    lesson = Pelajaran("01_migrasi_aman", store=store)
    lesson.selesai({"kode": kode})
    footer = lesson.progress_bottom.value
    assert f"../00_beranda.ipynb?kode={kode}" in footer
    assert f"../1_layanan_migrasi/app_cek_kesiapan.ipynb?kode={kode}" in footer
    assert "Lanjutkan dengan aplikasi Pilar 1 (Layanan migrasi)" in footer
