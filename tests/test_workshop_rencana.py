"""The village action plan: its rules, its Excel workbook (sheet by sheet), its printable page,
and the app's wiring without a browser."""

from __future__ import annotations

import base64
import io
import re
from datetime import date

import openpyxl
import pytest

from desmigratif_kit import migration
from desmigratif_kit.core import i18n
from desmigratif_kit.core.i18n import InputError
from desmigratif_kit.core.store import Store
from desmigratif_kit.migration.register_edit import register_records
from desmigratif_kit.workshop import rencana
from desmigratif_kit.workshop.apps.rencana_aksi import SUMMARY, RencanaAksiApp
from desmigratif_kit.workshop.cetak import rencana_html
from desmigratif_kit.workshop.ekspor import rencana_xlsx
from desmigratif_kit.workshop.pilar import PILLARS, pillar_summary

RANGGATALO = "53.08.12.2014"


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "kerja.sqlite3")


def full_plan():
    plan = rencana.new_plan()
    plan = rencana.with_pillar(
        plan, 1, status="berjalan", catatan="Meja layanan ada", target="Register lengkap",
        tindakan=[
            {"tindakan": "Data ulang PMI", "pj": "Kaur Pemerintahan",
             "batas_waktu": date(2017, 10, 2), "anggaran_rp": 1_500_000,
             "sumber_dana": "Dana Desa"},
            {"tindakan": "Sosialisasi migrasi aman", "pj": "Sekdes",
             "batas_waktu": date(2017, 11, 15), "anggaran_rp": 750_000,
             "sumber_dana": "APBDes (PADes)"},
        ],
    )  # fmt: skip
    return rencana.with_pillar(
        plan, 4, status="mulai", target="Koperasi PMI berdiri",
        tindakan=[{"tindakan": "Rapat pembentukan koperasi", "anggaran_rp": 0}],
    )  # fmt: skip


# --- rules -----------------------------------------------------------------------------------


def test_plan_budget_adds_every_action():
    plan = full_plan()
    assert rencana.budget_rp(plan, 1) == 1_500_000 + 750_000
    assert rencana.budget_rp(plan, 4) == 0
    assert rencana.budget_rp(plan) == 2_250_000


def test_gaps_list_facts_not_given_and_empty_parts_of_the_plan():
    plan = full_plan()
    summary = pillar_summary(PILLARS[0], {})  # nothing done in pillar 1's apps
    gaps = [(g.jenis, g.baris) for g in rencana.celah(plan, 1, summary)]
    assert ("fakta", None) in gaps and ("status", None) not in gaps
    assert [g for g in gaps if g[0] != "fakta"] == []
    gaps4 = [(g.jenis, g.baris) for g in rencana.celah(plan, 4)]
    assert gaps4 == [("pj", 1), ("batas_waktu", 1), ("sumber_dana", 1)]  # 0 is a budget
    empty = [g.jenis for g in rencana.celah(plan, 2)]
    assert empty == ["status", "target", "tindakan"]
    assert rencana.celah(plan, 2)[0].teks() == "Penilaian diri belum dipilih"


def test_with_pillar_never_changes_its_input_and_checks_what_it_gets():
    plan = rencana.new_plan()
    changed = rencana.with_pillar(plan, 3, target="  Posyandu   rutin ")
    assert plan == rencana.new_plan()
    assert rencana.pillar_plan(changed, 3)["target"] == "Posyandu rutin"
    with pytest.raises(InputError, match="Penilaian diri"):
        rencana.with_pillar(plan, 1, status="hampir")
    with pytest.raises(InputError, match="paling panjang 500 karakter"):
        rencana.with_pillar(plan, 1, target="x" * 501)
    with pytest.raises(InputError, match="paling banyak 30 tindakan"):
        rencana.with_pillar(plan, 1, tindakan=[{"tindakan": str(i)} for i in range(31)])


def test_a_broken_or_old_saved_plan_still_opens():
    broken = {"1": {"status": "x", "tindakan": ["?", {"tindakan": "a"}]}, "9": {}, "2": "rusak"}
    plan = rencana.plan_from_saved({"pilar": broken})
    assert rencana.pillar_plan(plan, 1)["status"] is None
    assert [a["tindakan"] for a in rencana.pillar_plan(plan, 1)["tindakan"]] == ["a"]
    assert rencana.plan_from_saved(None) == rencana.new_plan()
    assert rencana.is_empty(None) and not rencana.is_empty(full_plan())


def test_actions_are_read_with_the_same_schema_as_a_file():
    from desmigratif_kit.core.data import read_table

    csv = (
        "Tindakan;Penanggung jawab;Batas waktu;Anggaran;Sumber dana\n"
        "Rapat;Sekdes;12/09/2017;Rp 1.500.000;dana desa\n"
    )
    frame = read_table(csv.encode("cp1252"), rencana.TINDAKAN_SCHEMA, "tindakan.csv")
    records = rencana.action_records(frame)
    assert records == [{"tindakan": "Rapat", "pj": "Sekdes", "batas_waktu": "2017-09-12",
                        "anggaran_rp": 1_500_000, "sumber_dana": "Dana Desa"}]  # fmt: skip


# --- Excel -------------------------------------------------------------------------------------


def test_plan_workbook_sheet_by_sheet():
    sample = migration.load_sample_register()
    works = {"register_desa": {"records": register_records(sample.head(12))}}
    summaries = {p.nomor: pillar_summary(p, works if p.nomor == 1 else {}) for p in PILLARS}
    book = openpyxl.load_workbook(io.BytesIO(rencana_xlsx(
        full_plan(), summaries, {}, "Ranggatalo", RANGGATALO, date(2017, 9, 13))))  # fmt: skip
    assert book.sheetnames == [
        "Ringkasan", "1 Layanan migrasi", "2 Usaha produktif", "3 Community parenting",
        "4 Koperasi dan keuangan mikro",
    ]  # fmt: skip

    summary = book["Ringkasan"]
    assert "Ranggatalo" in summary["A1"].value and "13 September 2017" in summary["A1"].value
    assert [c.value for c in summary[2]] == ["Pilar", "Penilaian diri", "Target", "Tindakan",
                                            "Anggaran (Rp)", "Perlu dibahas",
                                            "Perlu tindak lanjut"]  # fmt: skip
    assert summary["A3"].value == "1. Layanan migrasi"
    assert summary["B3"].value == "Sudah berjalan" and summary["D3"].value == 2
    assert summary["E3"].value == 2_250_000 and summary["E3"].number_format == '"Rp" #,##0'
    assert summary["A7"].value == "Jumlah" and summary["E7"].value == 2_250_000
    assert summary["D7"].value == 3  # actions over the plan

    p1 = book["1 Layanan migrasi"]
    headers = [c.value for c in p1[2]]
    assert headers == ["Bagian", "Uraian", "Jumlah", "Penanggung jawab", "Batas waktu",
                       "Anggaran (Rp)", "Sumber dana", "Keterangan"]  # fmt: skip
    rows = [[c.value for c in row] for row in p1.iter_rows(min_row=3)]
    facts = {r[1]: r for r in rows if r[0] == "Posisi desa"}
    assert facts["PMI tercatat di register desa"][2] == 12
    assert "belum diisi" in facts["Kartu Waspada Calo dijawab tepat"][7]
    actions = [r for r in rows if r[0] == "Tindakan"]
    assert [a[1] for a in actions] == ["Data ulang PMI", "Sosialisasi migrasi aman"]
    assert actions[0][4].date() == date(2017, 10, 2) and actions[0][5] == 1_500_000
    assert rows[-1][0] == "Jumlah" and rows[-1][5] == 2_250_000
    action_row = next(row for row in p1.iter_rows(min_row=3) if row[0].value == "Tindakan")
    assert action_row[4].number_format == "DD/MM/YYYY"
    assert action_row[5].number_format == '"Rp" #,##0'

    p2 = [[c.value for c in row] for row in book["2 Usaha produktif"].iter_rows(min_row=3)]
    gaps = [r[1] for r in p2 if r[0] == "Perlu dibahas"]
    assert "Target belum ditulis" in gaps and "Belum ada tindakan" in gaps
    p4 = [
        [c.value for c in row] for row in book["4 Koperasi dan keuangan mikro"].iter_rows(min_row=3)
    ]
    assert "Tindakan 1: penanggung jawab belum ditulis" in [r[1] for r in p4]


def test_plan_workbook_in_english():
    i18n.set_language("en")  # headers follow the language in effect (core.excel)
    book = openpyxl.load_workbook(io.BytesIO(rencana_xlsx(full_plan(), {}, {}, "X", "1")))
    assert book.sheetnames[0] == "Summary"
    assert [c.value for c in book["Summary"][2]][:2] == ["Pillar", "Self-assessment"]


# --- the printable page --------------------------------------------------------------------


def test_printable_page_is_a4_with_signatures_and_escapes_what_was_typed():
    plan = rencana.with_pillar(full_plan(), 2, target='<img src=x onerror="alert(1)">')
    page = rencana_html(plan, {}, {}, "Ranggatalo", RANGGATALO, date(2017, 9, 13), "ABC-234")
    assert "@page { size: A4" in page
    assert "<img" not in page and "&lt;img src=x" in page
    assert "<script" not in page and "http" not in page  # offline, nothing to fetch
    for text in ("Ranggatalo", RANGGATALO, "13 September 2017", "ABC-234", "Kepala Desa",
                 "Fasilitator", "nama dan tanda tangan", "Rp 1.500.000", "2 Oktober 2017",
                 "Anggaran seluruh rencana: Rp 2.250.000"):  # fmt: skip
        assert text in page, text
    assert page.count("class='line'") == 2


# --- the app ----------------------------------------------------------------------------------


def snapshot(widget):
    from tests.test_app_open import snapshot as app_snapshot

    return app_snapshot(widget)


def test_app_saves_every_change_and_brings_it_back(store):
    person = store.register("kepala_desa", "Sumardi", RANGGATALO)
    app = RencanaAksiApp(kode=person.code, store=store)
    form = app.forms[1]
    form.status.value = "mulai"
    form.target.value = "Semua PMI tercatat"
    form.editor.cells[0]["tindakan"].value = "Data ulang PMI"
    form.editor.cells[0]["anggaran_rp"].value = "1.500.000"
    form.editor.cells[0]["batas_waktu"].value = "02/10/2017"
    saved = store.load(person.code, "rencana_aksi").data
    assert saved["pilar"]["1"]["tindakan"] == [
        {"tindakan": "Data ulang PMI", "pj": None, "batas_waktu": "2017-10-02",
         "anggaran_rp": 1_500_000, "sumber_dana": None}]  # fmt: skip
    assert "Rp 1.500.000" in form.budget.value
    assert "Tindakan 1: penanggung jawab belum ditulis" in form.gaps.value
    assert app.bar.state == "saved"

    again = RencanaAksiApp(kode=person.code, store=store)
    assert again.forms[1].status.value == "mulai"
    assert again.forms[1].target.value == "Semua PMI tercatat"
    assert again.forms[1].editor.raw_rows()[0]["anggaran_rp"] == "1.500.000"
    other = store.register("kepala_desa", "Lain", "53.08.01.2002")
    assert RencanaAksiApp(kode=other.code, store=store).forms[1].target.value == ""


def test_open_after_building_equals_building_with_the_code(store):
    person = store.register("kepala_desa", "Sumardi", RANGGATALO)
    store.save(person.code, "rencana_aksi", full_plan())
    direct = RencanaAksiApp(kode=person.code, store=store, today=date(2017, 9, 13))
    later = RencanaAksiApp(store=store, today=date(2017, 9, 13))
    later.open(person.code)
    assert snapshot(later.container) == snapshot(direct.container)


def test_a_bad_cell_is_explained_and_what_was_saved_is_kept(store):
    person = store.register("kepala_desa", "Sumardi", RANGGATALO)
    store.save(person.code, "rencana_aksi", full_plan())
    app = RencanaAksiApp(kode=person.code, store=store)
    form = app.forms[1]
    form.editor.cells[0]["batas_waktu"].value = "31/02/2017"
    assert "31/02/2017" in form.problems.value and "12/09/2017" in form.problems.value
    kept = store.load(person.code, "rencana_aksi").data["pilar"]["1"]["tindakan"][0]
    assert kept["batas_waktu"] == "2017-10-02"
    form.target.value = "x" * 600
    assert "paling panjang 500 karakter" in app.message.value
    assert (
        store.load(person.code, "rencana_aksi").data["pilar"]["1"]["target"] == "Register lengkap"
    )


def test_facts_of_the_participants_own_work_and_the_downloads(store):
    person = store.register("kepala_desa", "Sumardi", RANGGATALO)
    sample = migration.load_sample_register()
    store.save(person.code, "register_desa", {"records": register_records(sample.head(7))})
    app = RencanaAksiApp(kode=person.code, store=store, today=date(2017, 9, 13))
    assert re.search(r"PMI tercatat di register desa</th><td>7", app.forms[1].facts.value)
    app.choice.value = SUMMARY
    assert app.body.children == (app.summary_box,)
    app._make_files()
    links = re.findall(r'download="([^"]+)" href="data:([^;]+)[^,]*,([^"]+)"', app.files.value)
    names = [name for name, _, _ in links]
    assert names == ["rencana-aksi-ranggatalo-2017-09-13.xlsx",
                     "rencana-aksi-ranggatalo-2017-09-13.html"]  # fmt: skip
    book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(links[0][2])))
    assert book["1 Layanan migrasi"]["C3"].value == 7
    page = base64.b64decode(links[1][2]).decode("utf-8")
    assert "Rencana Aksi Desa Ranggatalo" in page and "SUM-" not in page


def test_without_a_participant_nothing_is_saved_and_the_app_says_why(store):
    app = RencanaAksiApp(store=store)
    assert "Masuk dulu di Beranda" in app.notice.value
    app.forms[2].target.value = "Usaha minyak kemiri"
    assert app.bar.state == "unsaved"
    dinas = store.register("kepala_dinas", "Kadis", "53.08")
    assert "kepala desa" in RencanaAksiApp(kode=dinas.code, store=store).notice.value


def test_language_switch_relabels_and_keeps_the_plan(store):
    person = store.register("kepala_desa", "Sumardi", RANGGATALO)
    store.save(person.code, "rencana_aksi", full_plan())
    app = RencanaAksiApp(kode=person.code, store=store)
    i18n.set_language("en")
    assert app.title.value == "<h1>Village Action Plan</h1>"
    assert ("Running", "berjalan") in app.forms[1].status.options
    assert app.forms[1].status.value == "berjalan"
    assert app.forms[1].target.value == "Register lengkap"
