"""Wiring of the pillar-3 apps without a browser: build each App with a store, set widgets,
read what is shown and saved; restore by code; bad input; Excel in and out; privacy."""

from __future__ import annotations

import base64
import gc
import io
import re
import subprocess
import sys
from datetime import date

import ipywidgets as widgets
import openpyxl
import pytest

from desmigratif_kit.core import i18n
from desmigratif_kit.core.store import Store
from desmigratif_kit.parenting import SAMPLE_REFERENCE_DATE_ANAK, load_sample_roster
from desmigratif_kit.parenting.apps.data_anak import DataAnakApp
from desmigratif_kit.parenting.apps.rencana_parenting import RencanaParentingApp
from desmigratif_kit.parenting.apps.tumbuh_kembang import TumbuhKembangApp
from tests.test_app_open import snapshot

TODAY = date(2026, 12, 15)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "kerja.sqlite3") as s:
        yield s


@pytest.fixture
def kode(store):
    return store.register("kepala_desa", "Sumardi (contoh)", "33.13.15.2007").code


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")
    # ipywidgets keeps every widget alive; close them so the apps of finished tests are freed
    # (and stop redrawing on a language change)
    widgets.Widget.close_all()
    gc.collect()


def download(html: str) -> tuple[str, bytes]:
    """The file name and content of a ``download_link``."""
    name = re.search(r'download="([^"]+)"', html).group(1)
    payload = re.search(r"base64,([^\"]+)\"", html).group(1)
    return name, base64.b64decode(payload)


# --------------------------------------------------------------------------- Pantau Tumbuh Kembang


def fill_child(app, sex="P", birth="10/12/2023"):
    app.sex.value = sex
    app.birth.value = birth


def measure(app, day="10/12/2026", weight="", length="", position=None, oedema=False):
    app.tanggal.value = day
    app.berat.value = weight
    app.tinggi.value = length
    app.cara.value = position
    app.edema.value = oedema
    app.add_button.click()


def test_entering_a_measurement_shows_every_score_its_category_and_the_chart(store, kode):
    app = TumbuhKembangApp(kode=kode, store=store, today=TODAY)
    assert "Isi jenis kelamin dan tanggal lahir" in app.result.value
    assert app.chart_box.layout.display == "none"
    fill_child(app)
    measure(app, weight="11,2", length="87,4", position="berdiri")
    html = app.result.value
    assert "data-testid='hasil'" in html
    assert "z = -2,01" in html and "Pendek (stunted)" in html  # TB/U
    assert "Gizi baik (normal)" in html and "Berat badan normal" in html
    assert "Anak lebih pendek daripada anak sehat seumurnya" in html  # plain words
    assert "dk-saran-rujuk" in html and "bidan desa atau puskesmas bulan ini" in html
    assert "umur 36 bulan (1.096 hari)" in html
    assert app.chart.value[:8] == b"\x89PNG\r\n\x1a\n" and app.chart_box.layout.display is None
    assert "10/12/2026" in app.history.value
    saved = store.load(kode, "tumbuh_kembang").data
    assert saved["anak"] == {"jenis_kelamin": "P", "tanggal_lahir": "2023-12-10"}
    assert saved["ukuran"][0]["tinggi_cm"] == 87.4 and app.bar.state == "saved"
    assert app.berat.value == "" and "disimpan" in app.measure_msg.value


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"weight": "-2"}, "Nilai untuk &quot;Berat badan (kg)&quot; di luar batas"),
        ({"length": "300"}, "antara 38 dan 150 cm, diberikan &quot;300&quot;"),
        ({"day": "10/12/2029", "weight": "14"}, "tanggal ukur pada umur 0-60 bulan"),
        ({"day": "31/02/2026", "weight": "14"}, "diberikan &quot;31/02/2026&quot;"),
        ({"weight": "sembilan"}, "diberikan &quot;sembilan&quot;"),
        ({}, "wajib diisi"),
    ],
)
def test_impossible_input_is_a_clear_message_next_to_the_form_and_nothing_saved(
    store, kode, kwargs, words
):
    app = TumbuhKembangApp(kode=kode, store=store, today=TODAY)
    fill_child(app)
    before = store.load(kode, "tumbuh_kembang").version
    measure(app, **kwargs)
    assert "dk-msg-error" in app.measure_msg.value and words in app.measure_msg.value
    assert app.message.value == ""  # not a crash message
    assert store.load(kode, "tumbuh_kembang").version == before
    assert app.riwayat == []


def test_a_child_over_five_is_told_so_and_a_measurement_at_six_refused(store, kode):
    app = TumbuhKembangApp(kode=kode, store=store, today=TODAY)
    fill_child(app, "L", "10/01/2020")
    assert "lebih dari 60 bulan" in app.child_msg.value
    measure(app, day="10/02/2026", weight="15")
    assert "umur 0-60 bulan" in app.measure_msg.value


def test_a_measurement_before_the_child_is_entered_asks_for_the_child(store, kode):
    app = TumbuhKembangApp(kode=kode, store=store, today=TODAY)
    measure(app, weight="9,6")
    assert "Isi dulu jenis kelamin dan tanggal lahir" in app.measure_msg.value


def test_the_history_builds_the_chart_and_n_t(store, kode):
    app = TumbuhKembangApp(kode=kode, store=store, today=TODAY)
    fill_child(app, "P", "10/08/2025")
    measure(app, day="10/01/2026", weight="6,8", length="64", position="terlentang")
    first_chart = app.chart.value
    measure(app, day="10/02/2026", weight="7,1", length="65,5", position="terlentang")
    assert "T: tidak naik" in app.result.value and "naik 300 gram" in app.result.value
    assert "kenaikan minimal untuk umurnya 400 gram" in app.result.value
    assert app.chart.value != first_chart  # the second point is drawn
    assert [v for _, v in app.remove_choice.options] == ["2026-02-10", "2026-01-10"]
    app.chart_index.value = "tb_u"
    assert store.load(kode, "tumbuh_kembang").data["indeks"] == "tb_u"
    app.remove_choice.value = "2026-02-10"
    app.remove_button.click()
    assert [u["tanggal_ukur"] for u in app.riwayat] == ["2026-01-10"]
    assert "B: baru pertama kali ditimbang" in app.result.value


def test_a_birth_date_that_no_longer_fits_is_refused_and_the_card_kept(store, kode):
    app = TumbuhKembangApp(kode=kode, store=store, today=TODAY)
    fill_child(app, "P", "10/08/2025")
    measure(app, day="10/01/2026", weight="6,8")
    app.birth.value = "10/02/2026"
    assert "tidak cocok dengan ukuran" in app.child_msg.value
    assert app.anak.tanggal_lahir == date(2025, 8, 10)


def test_starting_another_child_needs_a_second_press(store, kode):
    app = TumbuhKembangApp(kode=kode, store=store, today=TODAY)
    fill_child(app)
    measure(app, weight="11,2")
    app.reset_button.click()
    assert app.riwayat and "sekali lagi" in app.history_msg.value
    app.reset_button.click()
    assert app.anak is None and app.riwayat == [] and app.sex.value is None
    assert store.load(kode, "tumbuh_kembang").data["ukuran"] == []


def test_the_card_comes_back_with_the_code_and_not_with_another(store, kode):
    app = TumbuhKembangApp(kode=kode, store=store, today=TODAY)
    fill_child(app)
    measure(app, weight="11,2", length="87,4", position="berdiri")
    again = TumbuhKembangApp(kode=kode.lower(), store=store, today=TODAY)
    assert again.birth.value == "10/12/2023" and again.sex.value == "P"
    assert again.result.value == app.result.value and again.chart.value == app.chart.value
    other = store.register("kepala_desa", "Lain").code
    assert TumbuhKembangApp(kode=other, store=store, today=TODAY).anak is None


def test_the_excel_card(store, kode):
    app = TumbuhKembangApp(kode=kode, store=store, today=TODAY)
    fill_child(app)
    measure(app, weight="11,2", length="87,4", position="berdiri")
    app.export_button.click()
    name, content = download(app.export_link.value)
    assert name == "kartu-tumbuh-kembang-2023-12-10.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert sheet["A2"].value == "Tanggal ukur" and sheet["C3"].value == 11.2
    assert sheet["H3"].value == -2.01  # TB/U


def test_the_app_speaks_english(store, kode):
    app = TumbuhKembangApp(kode=kode, store=store, today=TODAY)
    fill_child(app)
    measure(app, weight="11,2", length="87,4", position="berdiri")
    app.lang.widget.value = "en"
    assert app.title.value == "<h1>Child Growth Monitor</h1>"
    assert "Stunted" in app.result.value and "z = -2,01" in app.result.value  # numbers stay
    assert app.sex.value == "P" and app.sex.options[1][0] == "Girl"
    app.lang.widget.value = "id"


# --------------------------------------------------------------------------- Data Anak Desa

MESSY_ROSTER = (
    "Nama Balita;JK;Tgl Lahir;Tgl Timbang;BB (kg);TB/PB (cm);Posisi;Diasuh oleh;Ortu PMI\n"
    "Théresia Ndona;Perempuan;05/08/2025;10/01/2026;7,0;64,5;telentang;Mbah;ibu\n"
    ";;;;;;;;\n"
    "Théresia Ndona;P;05/08/2025;10/02/2026;7,5;66;;Mbah;ibu\n"
    "Yosef Bata;L;12/03/2023;10/12/2026;11,8;88;berdiri;bapak;Ibu saja\n"
).encode("cp1252")
BAD_ROSTER = (
    b"Nama anak;JK;Tgl lahir;Tgl ukur;BB;TB\n"
    b"Ayu;P;05/08/2025;10/02/2026;-7;66\n"
    b"Budi;X;31/02/2024;10/02/2026;10;300\n"
)


def test_a_messy_posyandu_file_is_imported_and_counted(store, kode):
    app = DataAnakApp(kode=kode, store=store, today=TODAY)
    assert app.summary_box.layout.display == "none"
    assert app.import_file(MESSY_ROSTER, "posyandu.csv")
    assert "3 baris" in app.import_msg.value and "2 anak" in app.import_msg.value
    assert "data-testid='angka-anak'><b>2</b>" in app.tiles.value
    assert "Théresia Ndona" in app.table.value and "Yosef Bata" in app.table.value
    saved = store.load(kode, "data_anak").data
    assert len(saved["records"]) == 3 and saved["tanggal"] == "2026-12-15"


def test_an_excel_file_and_a_utf8_csv_with_commas_are_imported_too(store, kode):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Catatan posyandu Desember"])  # a title row above the headers
    sheet.append([])
    sheet.append(["Nama anak", "Jenis kelamin", "Tanggal lahir", "Tanggal ukur", "BB", "TB"])
    sheet.append(["Ayu", "P", date(2025, 8, 5), date(2026, 12, 10), 8.9, 74])
    buffer = io.BytesIO()
    book.save(buffer)
    app = DataAnakApp(kode=kode, store=store, today=TODAY)
    assert not app.import_file(buffer.getvalue(), "posyandu.xlsx")  # the title is not a header
    assert "tidak ada yang diubah" in app.import_msg.value.lower()
    sheet.delete_rows(1, 2)
    buffer = io.BytesIO()
    book.save(buffer)
    assert app.import_file(buffer.getvalue(), "posyandu.xlsx")
    csv = '\ufeffNama anak,JK,Tgl lahir,Tgl ukur,BB\nBudi,L,01/01/2024,10/12/2026,"11,5"\n'
    assert app.import_file(csv.encode("utf-8"), "budi.csv")
    assert sorted(app.df["nama_anak"]) == ["Ayu", "Budi"]
    assert app.df["berat_kg"].tolist() == [8.9, 11.5]


def test_a_bad_file_lists_every_problem_and_changes_nothing(store, kode):
    app = DataAnakApp(kode=kode, store=store, today=TODAY)
    app.import_file(MESSY_ROSTER, "posyandu.csv")
    before = store.load(kode, "data_anak").version
    assert not app.import_file(BAD_ROSTER, "buruk.csv")
    problems = re.findall(r"<li>(.*?)</li>", app.import_msg.value)
    assert len(problems) == 4 and "baris 2, kolom &quot;BB&quot;" in problems[0]
    assert "tidak ada yang diubah" in app.import_msg.value.lower()
    assert store.load(kode, "data_anak").version == before and len(app.df) == 3


def test_the_sample_replaces_a_roster_only_after_a_second_press(store, kode):
    app = DataAnakApp(kode=kode, store=store, today=TODAY)
    app.import_file(MESSY_ROSTER, "posyandu.csv")
    app.sample_button.click()
    assert "sekali lagi" in app.import_msg.value and len(app.df) == 3
    app.sample_button.click()
    assert len(set(app.assessed["anak"])) == 180
    assert app.tanggal == SAMPLE_REFERENCE_DATE_ANAK and app.date_field.value == "15/12/2026"
    assert "data-testid='angka-pendek'><b>21</b>" in app.tiles.value
    assert "SINTETIS" in app.sample_banner.value
    assert "data-testid='perlu-kunjungan'" in app.visits.value


def test_adding_a_child_and_a_measurement_through_the_forms(store, kode):
    app = DataAnakApp(kode=kode, store=store, today=TODAY)
    panel = app.child
    panel.fields["nama_anak"].value = "Ayu <b>Lestari</b>"
    panel.fields["jenis_kelamin"].value = "P"
    panel.fields["tanggal_lahir"].value = "05/08/2025"
    panel.fields["pengasuh"].value = "nenek"
    panel.save_button.click()
    assert "ditambahkan" in panel.form_msg.value
    assert "Ayu &lt;b&gt;Lestari&lt;/b&gt;" in app.table.value  # escaped
    assert panel.selected == "ayu <b>lestari</b>|2025-08-05"
    assert panel.measure_box.layout.display is None
    panel.m_tanggal.value = "10/12/2026"
    panel.m_berat.value = "8,9"
    panel.m_tinggi.value = "74"
    panel.m_button.click()
    assert "disimpan" in panel.m_msg.value
    assert "data-testid='hasil'" in panel.result.value and panel.chart.value[:4] == b"\x89PNG"
    assert app.df["berat_kg"].tolist() == [8.9]
    panel.m_berat.value = "-7"
    panel.m_button.click()
    assert "di luar batas" in panel.m_msg.value and app.df["berat_kg"].tolist() == [8.9]


def test_a_form_with_problems_lists_them_by_field(store, kode):
    app = DataAnakApp(kode=kode, store=store, today=TODAY)
    panel = app.child
    panel.fields["tanggal_lahir"].value = "31/02/2025"
    panel.save_button.click()
    html = panel.form_msg.value
    assert "Nama anak: diharapkan teks" in html and "Jenis kelamin:" in html
    assert "Tanggal lahir: diharapkan tanggal" in html and len(app.df) == 0


def test_removing_a_child_needs_a_second_press(store, kode):
    app = DataAnakApp(kode=kode, store=store, today=TODAY)
    app.import_file(MESSY_ROSTER, "posyandu.csv")
    key = next(value for _, value in app.child.choose.options if value.startswith("yosef"))
    app.child.choose.value = key
    assert app.child.fields["nama_anak"].value == "Yosef Bata"
    app.child.delete_button.click()
    assert "sekali lagi" in app.child.form_msg.value and len(app.df) == 3
    app.child.delete_button.click()
    assert len(app.df) == 2 and "Yosef" not in app.table.value
    assert app.child.selected is None


def test_the_two_excel_files_names_for_the_village_counts_for_others(store, kode):
    app = DataAnakApp(kode=kode, store=store, today=TODAY)
    app._confirm_sample = True
    app.sample_button.click()
    app.export_named.click()
    name, content = download(app.export_link.value)
    assert name == "data-anak-desa-2026-12-15.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["Data anak", "Hasil terakhir", "Perlu dikunjungi"]
    assert "Mahesa Setiawan" in [c.value for c in book["Data anak"]["B"]]
    assert "jangan dikirim" in app.export_link.value
    app.export_counts.click()
    name, content = download(app.export_link.value)
    assert name == "ringkasan-anak-desa-2026-12-15.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    text = " ".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row if v)
    roster = load_sample_roster()
    for person in set(roster["nama_anak"].dropna()) | set(roster["nama_pengasuh"].dropna()):
        assert person not in text
    assert "Desa Sukamaju Sintetis (data contoh)" in sheet["A1"].value
    assert [c.value for c in sheet[2]] == ["Keterangan", "Jumlah anak"]


def test_the_roster_and_its_date_come_back_with_the_code(store, kode):
    app = DataAnakApp(kode=kode, store=store, today=TODAY)
    app.import_file(MESSY_ROSTER, "posyandu.csv")
    app.date_field.value = "31/12/2026"
    again = DataAnakApp(kode=kode, store=store, today=TODAY)
    assert again.date_field.value == "31/12/2026" and again.tanggal == date(2026, 12, 31)
    assert again.table.value == app.table.value and again.tiles.value == app.tiles.value
    app.date_field.value = "31/13/2026"
    assert "diberikan &quot;31/13/2026&quot;" in app.message.value
    assert app.tanggal == date(2026, 12, 31)


def test_search_narrows_the_table_and_the_chooser(store, kode):
    app = DataAnakApp(kode=kode, store=store, today=TODAY)
    app.import_file(MESSY_ROSTER, "posyandu.csv")
    app.search.value = "yos"
    assert "Yosef Bata" in app.table.value and "Théresia" not in app.table.value
    assert [label for label, _ in app.child.choose.options][1:] == ["Yosef Bata (12/03/2023)"]


# --------------------------------------------------------------------------- Rencana Kegiatan


def type_row(editor, number, **cells):
    for name, value in cells.items():
        editor.cells[number][name].value = value


def test_planning_sessions_saves_them_and_counts_attendance(store, kode):
    app = RencanaParentingApp(kode=kode, store=store, today=TODAY)
    assert "Belum ada kegiatan" in app.summary.value
    app.topic.value = "tetap_sekolah"
    app.topic_button.click()
    assert app.editor.cells[0]["topik"].value.startswith("Anak tetap sekolah")
    assert app.editor.cells[0]["tanggal"].placeholder == "misalnya 10/08/2025"
    type_row(app.editor, 0, tanggal="07/11/2026", tempat="Balai desa", diundang="20", hadir="15")
    app.editor.add_row(notify=True)
    type_row(app.editor, 1, topik="Gizi balita", tanggal="09/01/2027", diundang="25")
    saved = store.load(kode, "rencana_parenting").data["kegiatan"]
    assert [s["tanggal"] for s in saved] == ["2026-11-07", "2027-01-09"]
    assert saved[0]["hadir"] == 15 and saved[1]["hadir"] is None
    assert "<b>2</b>Kegiatan direncanakan" in app.summary.value
    assert "<b>75%</b>" in app.summary.value  # 15 of 20
    assert "Kegiatan berikutnya: 9 Januari 2027, Gizi balita." in app.summary.value


def test_more_present_than_invited_is_an_error_and_the_plan_kept(store, kode):
    app = RencanaParentingApp(kode=kode, store=store, today=TODAY)
    app.editor.add_row(notify=True)
    type_row(app.editor, 0, topik="Gizi", tanggal="07/11/2026", diundang="10", hadir="8")
    version = store.load(kode, "rencana_parenting").version
    app.editor.cells[0]["hadir"].value = "12"
    assert "dk-msg-error" in app.plan_msg.value and "paling banyak 10" in app.plan_msg.value
    assert store.load(kode, "rencana_parenting").version == version
    assert app.df["hadir"].tolist() == [8]


def test_a_row_being_typed_is_a_gentle_note_not_an_error(store, kode):
    app = RencanaParentingApp(kode=kode, store=store, today=TODAY)
    app.editor.add_row(notify=True)
    app.editor.cells[0]["topik"].value = "Gizi"
    assert "dk-msg-warn" in app.plan_msg.value and "belum lengkap" in app.plan_msg.value
    assert "Tanggal" in app.plan_msg.value
    app.editor.cells[0]["tanggal"].value = "sabtu depan"
    assert "dk-msg-error" in app.plan_msg.value and "sabtu depan" in app.plan_msg.value


def test_a_past_session_without_attendance_is_pointed_out(store, kode):
    app = RencanaParentingApp(kode=kode, store=store, today=TODAY)
    app.editor.add_row(notify=True)
    type_row(app.editor, 0, topik="Gizi", tanggal="07/11/2026")
    assert "sudah lewat tetapi kehadirannya belum dicatat" in app.summary.value


def test_the_plan_goes_to_excel_and_comes_back_with_the_code(store, kode):
    app = RencanaParentingApp(kode=kode, store=store, today=TODAY)
    app.editor.add_row(notify=True)
    type_row(app.editor, 0, topik="Gizi", tanggal="07/11/2026", diundang="20", hadir="15")
    app.export_button.click()
    name, content = download(app.export_link.value)
    assert name == "rencana-kegiatan-parenting-2026-12-15.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert sheet["A1"].value == "Topik" and sheet["E2"].value == 15
    other = store.register("kepala_desa", "Lain").code
    fresh = RencanaParentingApp(kode=other, store=store, today=TODAY)
    assert fresh.import_file(content, name)
    assert fresh.editor.cells[0]["topik"].value == "Gizi"
    again = RencanaParentingApp(kode=kode, store=store, today=TODAY)
    assert [r["tanggal"].value for r in again.editor.cells] == ["07/11/2026"]


def test_a_bad_plan_file_lists_its_problems_and_changes_nothing(store, kode):
    app = RencanaParentingApp(kode=kode, store=store, today=TODAY)
    bad = "Topik;Tanggal;Pengasuh diundang;Pengasuh hadir\nGizi;07/11/2026;10;12\nKIP;;dua;\n"
    assert not app.import_file(bad.encode(), "rencana.csv")
    assert len(re.findall(r"<li>", app.files_msg.value)) == 2
    assert app.df.empty and store.load(kode, "rencana_parenting") is None


# --------------------------------------------------------------------------- every app


APPS = (
    (TumbuhKembangApp, "tumbuh_kembang",
     {"version": 1, "anak": {"jenis_kelamin": "P", "tanggal_lahir": "2025-08-10"},
      "ukuran": [{"tanggal_ukur": "2026-02-10", "berat_kg": 7.1, "tinggi_cm": 65.5,
                  "cara_ukur": "terlentang", "edema": False}], "indeks": "tb_u"}),
    (DataAnakApp, "data_anak", None),
    (RencanaParentingApp, "rencana_parenting",
     {"version": 1, "kegiatan": [{"topik": "Gizi", "tanggal": "2026-11-07", "diundang": 20,
                                  "hadir": 15}]}),
)  # fmt: skip


@pytest.mark.parametrize(("cls", "app_id", "saved"), APPS)
def test_open_after_building_equals_building_with_the_code(store, kode, cls, app_id, saved):
    if saved is None:
        from desmigratif_kit.parenting import roster_records

        saved = {"version": 1, "records": roster_records(load_sample_roster()),
                 "tanggal": "2026-12-15"}  # fmt: skip
    store.save(kode, app_id, saved)
    direct = cls(kode=kode, store=store, today=TODAY)
    later = cls(store=store, today=TODAY)
    later.open(kode)
    assert later.participant == direct.participant
    assert snapshot(later.container) == snapshot(direct.container)
    assert direct.message.value == ""


@pytest.mark.parametrize(("cls", "app_id", "saved"), APPS)
def test_without_a_participant_nothing_is_saved_and_the_bar_says_so(store, cls, app_id, saved):
    app = cls(store=store, today=TODAY)
    assert app.participant is None and "Belum masuk" in app.bar.who.value


def test_the_app_modules_do_not_load_matplotlib_or_voila_at_import():
    code = (
        "import sys;"
        "from desmigratif_kit.parenting.apps import tumbuh_kembang, data_anak, rencana_parenting;"
        "print([m for m in ('matplotlib', 'voila', 'jupyter_server', 'openpyxl') "
        "if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
