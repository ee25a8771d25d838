"""Wiring of the home App without a browser: build it, set widgets, read what it shows."""

import pytest

from desmigratif_kit.core import catalog, i18n
from desmigratif_kit.core.store import Store
from desmigratif_kit.workshop.apps.beranda import HomeApp

RANGGATALO = "53.08.12.2014"  # Desa Ranggatalo, Lio Timur, Ende, NTT (the seed's Rangga Talo)
ENDE = "53.08"


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "kerja.sqlite3")


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


def test_new_visitor_sees_sign_up_and_resume(store):
    app = HomeApp(store=store)
    assert app.participant is None
    assert app.body.children == (app.signup, app.resume)
    assert "Selamat datang" in app.title.value
    assert len(app.levels[1].options) == 38 + 1  # 38 provinces and the "choose" entry


def test_cascade_fills_each_level_from_the_one_above(store):
    app = HomeApp(store=store)
    app.levels[1].value = "53"
    names = [label for label, _ in app.levels[2].options]
    assert "Kabupaten Ende" in names
    app.levels[2].value = ENDE
    app.levels[3].value = "53.08.12"
    assert ("Ranggatalo", RANGGATALO) in app.levels[4].options
    app.levels[1].value = "33"  # another province clears everything below
    assert app.levels[4].options == ()


def test_typing_part_of_a_name_finds_the_village_even_without_its_space(store):
    app = HomeApp(store=store)
    app.search.value = "rangga talo"
    codes = [kode for _, kode in app.matches.options]
    assert RANGGATALO in codes
    app.matches.value = RANGGATALO
    assert [app.levels[level].value for level in (1, 2, 3, 4)] == [
        "53",
        ENDE,
        "53.08.12",
        RANGGATALO,
    ]


def test_sign_up_shows_a_code_and_resume_brings_the_village_back(store, tmp_path, monkeypatch):
    built = tmp_path / "notebooks" / "1_layanan_migrasi" / "app_cek_kesiapan.ipynb"
    built.parent.mkdir(parents=True)
    built.write_text("{}")
    monkeypatch.setattr(catalog, "NOTEBOOKS_DIR", tmp_path / "notebooks")
    app = HomeApp(store=store)
    app.select_village(RANGGATALO)
    app.name.value = "Irmibus Denny (contoh)"
    app.register_button.click()
    code = app.participant.code
    assert app.body.children == (app.signed_in,)
    assert "dk-bigcode" in app.welcome.value and code[:3] in app.welcome.value
    assert f"href='1_layanan_migrasi/app_cek_kesiapan.ipynb?kode={code}'" in app.pillars.value
    assert "segera tersedia" in app.pillars.value  # the apps not built yet

    again = HomeApp(kode=code.lower(), store=store)  # as from ?kode=… typed in lower case
    assert again.participant.village_code == RANGGATALO
    assert "Ranggatalo" in again.welcome.value and "Ende" in again.welcome.value


def test_missing_village_or_name_says_what_was_expected_and_saves_nothing(store):
    app = HomeApp(store=store)
    app.name.value = "Sumardi"
    app.register_button.click()
    assert "dk-msg-error" in app.message.value and "Desa" in app.message.value
    app.select_village(RANGGATALO)
    app.name.value = "   "
    app.register_button.click()
    assert "Nama" in app.message.value
    assert app.participant is None and store.participants() == []


def test_unknown_code_is_a_friendly_warning_not_an_error(store):
    app = HomeApp(kode="ZZZ-999", store=store)
    assert app.participant is None
    assert "ZZZ-999" in app.message.value
    assert app.body.children == (app.signup, app.resume)


def test_participant_text_is_escaped(store):
    app = HomeApp(store=store)
    app.role.value = "fasilitator"
    app.name.value = "<img src=x onerror=alert(1)>"
    app.register_button.click()
    assert "<img" not in app.welcome.value and "&lt;img" in app.welcome.value
    assert "<img" not in app.bar.who.value


def test_apps_not_built_yet_say_so_instead_of_linking(store, monkeypatch):
    from desmigratif_kit.core import catalog

    # every app has its notebook today: pretend one is missing (a kit copied without it)
    real = catalog.AppEntry.available
    monkeypatch.setattr(
        catalog.AppEntry,
        "available",
        lambda self, d=None: self.app_id != "titik_impas" and real(self, d),
    )
    app = HomeApp(store=store)
    assert "segera tersedia" in app.pillars.value
    assert "app_titik_impas.ipynb" not in app.pillars.value
    assert "app_kalkulator_hpp.ipynb" in app.pillars.value


def test_english_switch_redraws_texts(store):
    app = HomeApp(store=store)
    app.lang.widget.value = "en"
    assert "Welcome" in app.title.value
    assert app.register_button.description == i18n.t("home.register", lang="en")


def test_apps_link_back_to_the_home_page_with_the_code(store):
    from desmigratif_kit.core.app import App

    participant = store.register("kepala_desa", "Sumardi", "33.29.15.2007")
    app = App(kode=participant.code, store=store)
    assert f'href="../00_beranda.ipynb?kode={participant.code}"' in app.bar.home.value
    assert "Beranda" in app.bar.home.value
    assert HomeApp(store=store).bar.home.value == ""  # the home page needs no link to itself


def test_app_kernels_do_not_import_the_voila_server():
    """Importing voila pulls in jupyter_server and jsonschema: ~40 MB and seconds of CPU per
    participant kernel (docs/benchmark.md). The apps read the query string without it."""
    import subprocess
    import sys

    code = (
        "import sys, desmigratif_kit.workshop.apps.beranda;"
        "from desmigratif_kit.migration.apps import cek_kesiapan, waspada_calo, register_desa;"
        "heavy = ('voila', 'jupyter_server', 'jsonschema', 'matplotlib');"
        "heavy = [m for m in heavy if m in sys.modules];"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_language_switch_keeps_what_was_chosen(store):
    app = HomeApp(store=store)
    app.role.value = "kepala_dinas"
    app.select_village(RANGGATALO)
    app.lang.widget.value = "en"
    assert app.role.value == "kepala_dinas"
    assert [app.levels[level].value for level in (1, 2)] == ["53", ENDE]
    assert app.levels[1].options[0][0] == "— choose —"
    assert app.levels[4].value == RANGGATALO


def test_each_pillar_lists_its_lesson_first_with_the_participants_progress(store):
    from desmigratif_kit.core import lessons

    kode = store.register("kepala_desa", "Ani", RANGGATALO).code
    app = HomeApp(kode=kode, store=store)
    pillar_1 = app.pillars.value.split("<h3>")[1]
    lesson_at = pillar_1.index("01_migrasi_aman.ipynb?kode=" + kode)
    assert lesson_at < pillar_1.index("app_cek_kesiapan.ipynb?kode=" + kode)
    assert "belum dimulai" in pillar_1

    record = lessons.new_record("01_migrasi_aman")
    for number, correct in (("1.1", True), ("1.2", False), ("1.5", True)):
        record = lessons.with_answer(record, number, 0, "0", correct)
    store.save(kode, "pelajaran_01_migrasi_aman", record)
    app = HomeApp(kode=kode, store=store)
    assert "2 dari 6 latihan benar" in app.pillars.value


def test_before_sign_in_the_lesson_is_linked_without_progress(store):
    app = HomeApp(store=store)
    assert "01_migrasi_aman.ipynb'" in app.pillars.value
    assert "dari 6 latihan" not in app.pillars.value and "belum dimulai" not in app.pillars.value
