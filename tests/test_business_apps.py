"""Wiring of the pillar-2 apps without a browser: build each App with a temporary store, set
widgets, read what is shown and what is saved; restore with the same code (and not another);
bad input; Excel out (openpyxl); cost tables in from messy CSV and Excel files."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re

import ipywidgets as widgets
import openpyxl
import pytest

from desmigratif_kit import business
from desmigratif_kit.business.apps.kalkulator_hpp import KalkulatorHppApp
from desmigratif_kit.business.apps.rencana_usaha import RencanaUsahaApp
from desmigratif_kit.business.apps.titik_impas import TitikImpasApp, skala_slider
from desmigratif_kit.core import i18n
from desmigratif_kit.core.app import esc
from desmigratif_kit.core.apps.table import RowsEditor
from desmigratif_kit.core.store import Store


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "kerja.sqlite3") as s:
        yield s


@pytest.fixture
def kode(store):
    return store.register("kepala_desa", "Maria <b>Uji</b>", "53.08.12.2014").code


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


def saved(store, kode, app):
    work = store.load(kode, app)
    return None if work is None else work.data


def versions(store, kode, app) -> int:
    return len(store.history(kode, app))


def download(html: str) -> bytes:
    match = re.search(r'href="data:[^;]+;base64,([^"]+)"', html)
    assert match, html
    return base64.b64decode(match.group(1))


def snapshot(widget) -> object:
    """What a visitor sees of a widget tree (as tests/test_app_open.py)."""
    state = {"type": type(widget).__name__}
    for name in ("value", "description", "options", "disabled", "placeholder"):
        if hasattr(widget, name):
            value = getattr(widget, name)
            if isinstance(value, bytes | memoryview):
                value = hashlib.sha256(bytes(value)).hexdigest()
            elif not isinstance(value, str | int | float | bool | type(None)):
                value = json.dumps(value, default=str, sort_keys=True)
            state[name] = value
    layout = getattr(widget, "layout", None)
    if layout is not None:
        state["display"] = layout.display
    if isinstance(widget, widgets.Box):
        state["children"] = [snapshot(child) for child in widget.children]
    return state


# =========================================================================== Kalkulator HPP


def cell(app: KalkulatorHppApp, row: int, name: str):
    return app.editor.cells[row][name]


def test_kalkulator_starts_from_the_illustrative_example_and_says_so(store):
    app = KalkulatorHppApp(store=store)
    assert "HPP per botol 100 ml: Rp 15.200" in app.live.value
    assert "HPP per botol 100 ml: Rp 15.200" in app.big.value
    assert "ilustrasi" in app.note.value and "PPL" in app.note.value
    assert "Rp 1.520.000" in app.figures.value and "Rp 14.700" in app.figures.value
    assert cell(app, 1, "dasar").value == "batch"  # the default shown, not "—"
    assert dict((v, k) for k, v in cell(app, 0, "kategori").options)["bahan"] == "Bahan baku"
    assert dict((v, k) for k, v in cell(app, 0, "dasar").options)["hasil"] == "per liter hasil"
    assert len(app.chart.value) > 1000 and app.message.value == ""


def test_changing_an_ingredient_price_changes_the_hpp_and_is_saved(store, kode):
    app = KalkulatorHppApp(kode=kode, store=store)
    cell(app, 0, "harga_rp").value = "30.000"  # candlenut Rp 25.000 -> Rp 30.000 a kg
    # 3 kg × 30.000 × 10 liters = 900.000 (was 750.000): 1.670.000 / 100 bottles
    assert "Rp 16.700" in app.live.value and "Rp 16.700" in app.big.value
    assert app.bar.state == "saved"
    data = saved(store, kode, "kalkulator_hpp")
    assert data["hasil"]["hpp_per_unit_rp"] == 16_700 and data["hasil"]["contoh"] is None
    assert data["batch"]["biaya"][0]["harga_rp"] == 30_000
    assert "belum Anda ganti" in app.note.value  # no longer all the example


def test_a_cell_that_cannot_be_read_is_listed_and_nothing_is_saved(store, kode):
    app = KalkulatorHppApp(kode=kode, store=store)
    cell(app, 0, "harga_rp").value = "30.000"
    before = versions(store, kode, "kalkulator_hpp")
    cell(app, 0, "harga_rp").value = "tiga puluh ribu"
    cell(app, 1, "jumlah").value = "-2"
    assert "baris 1" in app.table_msg.value and "tiga puluh ribu" in app.table_msg.value
    assert "baris 2" in app.table_msg.value and "Jumlah" in app.table_msg.value
    assert "Rp 16.700" in app.live.value  # the last good result stays
    assert versions(store, kode, "kalkulator_hpp") == before and app.bar.state == "unsaved"


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("hasil_per_batch", "0", 'Hasil per batch" di luar batas: diharapkan lebih dari 0'),
        ("hasil_per_batch", "sepuluh", "Hasil per batch"),
        ("batch_per_bulan", "0", "Batch per bulan"),
        ("isi_per_unit", "20", "Isi per unit"),  # a unit larger than the batch
        ("nama", "", "Nama"),
    ],
)
def test_batch_fields_that_cannot_be_used_are_explained(store, field, value, words):
    app = KalkulatorHppApp(store=store)
    app.fields[field].value = value
    assert words in app.table_msg.value.replace("&quot;", '"')
    assert "Rp 15.200" in app.live.value


def test_an_empty_cost_table_asks_for_a_row(store):
    app = KalkulatorHppApp(store=store)
    app._quiet = True
    while app.editor.cells:
        app.editor.remove_row(0)
    app._quiet = False
    app.update()
    assert "paling sedikit satu baris biaya" in app.table_msg.value


def test_margin_and_markup_side_by_side_and_a_planned_price(store, kode):
    app = KalkulatorHppApp(kode=kode, store=store)
    assert "Rp 21.715" in app.ways.value and "Rp 19.760" in app.ways.value
    assert "hanya 23,1% dari harga jual" in app.ways.value
    assert "Margin adalah laba dibagi harga jual" in app.trap.value
    app.kelipatan.value = 500
    assert "Rp 22.000" in app.ways.value  # 21.714,29 up to Rp 500
    app.rencana.value = "25.000"
    # 25.000 − 15.200 = 9.800: a margin of 39,2% and a markup of 64,5%
    assert "laba Rp 9.800" in app.planned.value and "39,2%" in app.planned.value
    assert saved(store, kode, "kalkulator_hpp")["hasil"]["harga_rencana_rp"] == 25_000
    app.rencana.value = "14.000"
    assert "di bawah HPP" in app.planned.value and "rugi Rp 1.200" in app.planned.value
    assert saved(store, kode, "kalkulator_hpp")["hasil"]["margin_rencana_pct"] < 0


@pytest.mark.parametrize(
    ("widget", "value", "words"),
    [
        ("persen", "100", "kurang dari 100%"),
        ("persen", "tiga puluh", "Laba yang diinginkan"),
        ("rencana", "-5.000", "lebih dari Rp 0"),
    ],
)
def test_price_input_that_cannot_be_used(store, widget, value, words):
    app = KalkulatorHppApp(store=store)
    getattr(app, widget).value = value
    assert words in app.price_msg.value
    assert app.ways.value == ""


def test_an_example_replaces_a_changed_table_only_after_a_second_press(store, kode):
    app = KalkulatorHppApp(kode=kode, store=store)
    cell(app, 0, "harga_rp").value = "30.000"
    app.example.value = "minyak_kakao"
    app.example_button.click()
    assert "sekali lagi" in app.example_msg.value and "Rp 16.700" in app.live.value
    app.example_button.click()
    assert "HPP per botol 100 ml: Rp 25.900" in app.live.value
    assert saved(store, kode, "kalkulator_hpp")["contoh"] == "minyak_kakao"


def test_kalkulator_restores_for_the_same_code_only(store, kode):
    app = KalkulatorHppApp(kode=kode, store=store)
    cell(app, 0, "harga_rp").value = "30.000"
    app.persen.value = "40"
    app.per.value = "item"
    again = KalkulatorHppApp(kode=kode, store=store)
    assert cell(again, 0, "harga_rp").value == "30.000" and again.persen.value == "40"
    assert again.per.value == "item" and "Rp 16.700" in again.live.value
    assert versions(store, kode, "kalkulator_hpp") == 3  # opening saved nothing more
    other = store.register("kepala_desa", "Lain").code
    fresh = KalkulatorHppApp(kode=other, store=store)
    assert cell(fresh, 0, "harga_rp").value == "25.000"


def test_kalkulator_in_english_keeps_indonesian_numbers_and_translates_the_example(store):
    app = KalkulatorHppApp(store=store)
    i18n.set_language("en")
    assert app.fields["nama"].value == "Candlenut oil"  # an unchanged example follows
    assert "Cost per 100 ml bottle: Rp 15.200" in app.live.value
    assert dict((v, k) for k, v in cell(app, 0, "kategori").options)["bahan"] == "Raw materials"
    assert "Margin 30% of the price" in app.ways.value


def test_kalkulator_excel_out(store):
    app = KalkulatorHppApp(store=store)
    app.rencana.value = "25.000"
    app.export_button.click()
    assert 'download="hpp-minyak-kemiri.xlsx"' in app.export_link.value
    book = openpyxl.load_workbook(io.BytesIO(download(app.export_link.value)))
    assert book.sheetnames == ["Biaya", "Rincian HPP", "Harga jual"]
    assert book["Biaya"]["B2"].value == "Kemiri kupas"
    assert book["Biaya"]["E2"].value == 25_000 and book["Biaya"]["E2"].number_format == '"Rp" #,##0'
    assert book["Harga jual"]["B5"].value == 25_000  # the planned price, a real number
    cell(app, 0, "harga_rp").value = "30.000"
    assert app.export_link.value == ""  # an old file is never offered after a change


MESSY_CSV = (
    "KATEGORI ; Uraian ; Qty ; Satuan ; Harga ; Dihitung\n"
    "Bahan baku;Kemiri kupas dari Nangapanda;3;kg;Rp 27.500;per liter hasil\n"
    "\n"
    "tenaga;Upah memeras (Ibu Thérésia);16;jam;12.500;\n"
    "Kemasan;Botol kaca 100 ml;1;botol;Rp 4.000;per botol\n"
    "Penyusutan alat;Alat press;1;bulan;100.000;per bulan\n"
).encode("cp1252", errors="strict")


def test_messy_csv_cost_table_is_imported(store, kode):
    app = KalkulatorHppApp(kode=kode, store=store)
    assert app.import_file(MESSY_CSV, "biaya desa.csv")
    assert "4 baris biaya diimpor" in app.file_msg.value
    assert len(app.editor.cells) == 4 and cell(app, 0, "harga_rp").value == "27.500"
    # 3 × 27.500 × 10 = 825.000; 200.000; 100 × 4.000 = 400.000; 100.000 / 4 = 25.000
    # = 1.450.000 for 100 bottles
    assert "Rp 14.500" in app.live.value
    assert saved(store, kode, "kalkulator_hpp")["batch"]["biaya"][1]["nama"] == (
        "Upah memeras (Ibu Thérésia)"
    )


def test_a_bad_file_lists_every_problem_and_changes_nothing(store, kode):
    app = KalkulatorHppApp(kode=kode, store=store)
    cell(app, 0, "harga_rp").value = "30.000"
    before = versions(store, kode, "kalkulator_hpp")
    bad = (
        b"Kategori;Nama;Jumlah;Harga satuan\n"
        b"bahan;Kemiri;tiga;25.000\n"
        b"sapi;Label;1;Rp 500\n"
        b"kemasan;Botol;1;empat ribu\n"
    )
    assert not app.import_file(bad, "biaya.csv")
    message = app.file_msg.value
    assert message.count("<li>") == 3 and "tiga" in message and "sapi" in message
    assert "empat ribu" in message and "Tidak ada yang diubah" in message
    assert cell(app, 0, "harga_rp").value == "30.000" and "Rp 16.700" in app.live.value
    assert versions(store, kode, "kalkulator_hpp") == before


def test_a_file_whose_rows_cannot_make_the_batch_changes_nothing(store, kode):
    app = KalkulatorHppApp(kode=kode, store=store)
    rows = "Kategori;Nama;Jumlah;Harga satuan;Dihitung\nsewa;Sewa;1;100.000;per batch\n"
    wrong_basis = rows.replace("sewa;", "tetap;", 1).encode()  # fixed costs are per month
    assert not app.import_file(wrong_basis, "biaya.csv")
    assert "Dihitung" in app.file_msg.value and "Tidak ada yang diubah" in app.file_msg.value
    assert "Rp 15.200" in app.live.value


def test_the_excel_file_of_the_app_imports_again(store):
    app = KalkulatorHppApp(store=store)
    cell(app, 0, "harga_rp").value = "30.000"
    data = app.excel()
    other = KalkulatorHppApp(store=store)
    assert other.import_file(data, "hpp-minyak-kemiri.xlsx")
    assert "Rp 16.700" in other.live.value


def test_participant_text_is_escaped(store):
    app = KalkulatorHppApp(store=store)
    app.fields["nama_unit"].value = "<img src=x onerror=alert(1)>"
    cell(app, 0, "nama").value = "<script>alert(1)</script>"
    for html in (app.live.value, app.breakdown.value, app.ways.value):
        assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in app.breakdown.value


def test_choice_labels_of_the_table_editor_follow_the_language():
    column = business.BIAYA_SCHEMA.columns[0]
    editor = RowsEditor(
        business.BIAYA_SCHEMA,
        rows=[{"kategori": "bahan", "nama": "Kemiri", "jumlah": 1, "harga_rp": 1}],
        choice_labels={"kategori": lambda code: i18n.t(f"biz.kategori.{code}")},
    )
    box = editor.cells[0][column.name]
    assert box.value == "bahan" and ("Bahan baku", "bahan") in box.options
    i18n.set_language("en")
    editor.redraw()
    assert box.value == "bahan" and ("Raw materials", "bahan") in box.options
    assert editor.frame()["kategori"].tolist() == ["bahan"]


# =========================================================================== Titik Impas


def test_titik_impas_in_words_and_at_a_volume(store, kode):
    app = TitikImpasApp(kode=kode, store=store)
    assert "Titik impas: 20 botol 100 ml sebulan" in app.big.value
    assert "Rp 12.740" in app.sentence.value and "Rp 29.440" in app.sentence.value
    assert "laba Rp 1.278.800" in app.laba.value  # 120 × 12.740 − 250.000
    app.unit_slider.value = 40
    assert "Terjual 40 botol 100 ml sebulan: laba Rp 259.600." in app.laba.value
    app.unit_slider.value = 0
    assert "rugi Rp 250.000" in app.laba.value and "dk-bad" in app.laba.value
    assert saved(store, kode, "titik_impas")["hasil"] == {
        "unit_impas": 20, "pendapatan_impas_rp": 588_800, "unit": 0, "laba_rp": -250_000,
        "contoh": True,
    }  # fmt: skip
    assert "ilustrasi" in app.note.value


def test_the_price_slider_and_the_price_field_move_together(store):
    app = TitikImpasApp(store=store)
    app.harga_slider.value = 40_000
    assert app.fields["harga"].value == "40.000"
    # 40.000 less 8% = 36.800; 250.000 / (36.800 − 16.700) = 12,4 -> 13
    assert "13 botol 100 ml" in app.big.value
    app.fields["harga"].value = "150.000"
    assert app.harga_slider.value == 150_000 and app.harga_slider.max >= 150_000
    assert "Rp 150.000" in app.harga_value.value
    assert "belum Anda ganti" in app.note.value


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("harga", "18.000", "sekarang tersisa Rp 16.560"),  # below the variable cost after 8%
        ("harga", "-5.000", "lebih dari Rp 0"),
        ("harga", "", "Harga jual per unit"),
        ("potongan", "100", "kurang dari 100%"),
        ("variabel", "-1", "Biaya variabel per unit"),
        ("tetap", "dua ratus", "Biaya tetap per bulan"),
    ],
)
def test_titik_impas_bad_input_is_explained_and_not_saved(store, kode, field, value, words):
    app = TitikImpasApp(kode=kode, store=store)
    before = versions(store, kode, "titik_impas")
    app.fields[field].value = value
    assert words in app.form_msg.value.replace("&quot;", '"')
    assert app.big.value == "" and "Perbaiki angka" in app.sentence.value
    assert app.chart.value == b""
    assert versions(store, kode, "titik_impas") == before


def test_no_fixed_costs_no_break_even_to_reach(store):
    app = TitikImpasApp(store=store)
    app.fields["tetap"].value = "0"
    assert "Titik impas: 0 botol" in app.big.value and "Tanpa biaya tetap" in app.sentence.value


def test_titik_impas_takes_the_figures_of_the_participants_hpp(store, kode):
    TitikImpasApp(kode=kode, store=store)
    assert TitikImpasApp(kode=kode, store=store).hpp_button.layout.display == "none"
    hpp = KalkulatorHppApp(kode=kode, store=store)
    cell(hpp, 0, "harga_rp").value = "30.000"  # variable 16.200 a bottle, fixed 200.000
    hpp.rencana.value = "26.000"
    app = TitikImpasApp(kode=kode, store=store)
    assert app.hpp_button.layout.display is None
    app.hpp_button.click()
    assert app.fields["variabel"].value == "16.200" and app.fields["tetap"].value == "200.000"
    assert app.fields["harga"].value == "26.000"
    # 26.000 less 8% = 23.920; 200.000 / (23.920 − 16.200) = 25,9 -> 26
    assert "26 botol 100 ml" in app.big.value and "Kalkulator HPP" in app.form_msg.value


def test_titik_impas_restores_and_exports(store, kode):
    app = TitikImpasApp(kode=kode, store=store)
    app.fields["harga"].value = "35.000"
    app.unit_slider.value = 60
    again = TitikImpasApp(kode=kode, store=store)
    assert again.fields["harga"].value == "35.000" and again.unit_slider.value == 60
    again.export_button.click()
    sheet = openpyxl.load_workbook(io.BytesIO(download(again.export_link.value))).active
    assert sheet["A1"].value.startswith("Titik impas: jual paling sedikit")
    assert [c.value for c in sheet[2]][0] == "Terjual per bulan"
    assert sheet["B3"].number_format == '"Rp" #,##0' and sheet["A3"].value == 0


def test_slider_scale():
    assert skala_slider(32_000) == (65_000, 1_000)
    assert skala_slider(120, 20) == (250, 5)
    top, step = skala_slider(1_450_000)
    assert top >= 2_900_000 and step in (10_000, 20_000, 50_000)


# =========================================================================== Rencana Usaha


def test_rencana_starts_with_the_lessons_plan(store, kode):
    app = RencanaUsahaApp(kode=kode, store=store)
    assert (app.produk.value, app.kemasan.value, app.saluran.value) == (
        "minyak_kemiri", "botol_100ml", "marketplace",
    )  # fmt: skip
    assert app.fields["harga_rp"].value == "32.000" and app.fields["modal_awal_rp"].value == (
        "10.000.000"
    )
    year = str(int(app.tahun_mulai.value) + 1)
    app.tahun_mulai.value = year  # a change: the draft is saved
    assert f"kembali pada bulan ke-5 (Mei {year})" in app.conclusion.value
    assert (
        "Rp 1.278.800" in app.key_figures.value and "peringkat 2 dari 10" in app.key_figures.value
    )
    assert "dk-hit" in app.cash_table.value and f"Mei {year}" in app.cash_table.value
    assert len(app.cash_chart.value) > 1000 and len(app.compare_chart.value) > 1000
    assert "ilustrasi" in app.note.value
    draft = saved(store, kode, "rencana_usaha")
    assert draft["pilihan"]["kemasan"] == "botol_100ml" and draft["rencana_aksi"] is None


def test_choosing_another_product_and_channel_resets_their_figures(store):
    app = RencanaUsahaApp(store=store)
    app.produk.value = "minyak_kayu_putih"
    assert app.fields["harga_rp"].value == "65.000"  # its 100 ml bottle online
    assert app.fields["modal_awal_rp"].value == "15.000.000"
    app.kemasan.value = "jeriken_5l"
    assert [v for _, v in app.saluran.options] == ["pasar_desa", "koperasi"]
    assert app.fields["harga_rp"].value == "1.400.000" and app.fields["laku_per_bulan"].value == "2"


def test_a_saved_plan_comes_back_and_says_when_the_screen_differs(store, kode):
    app = RencanaUsahaApp(kode=kode, store=store)
    app.saluran.value = "koperasi"
    app.save_button.click()
    assert "Tersimpan untuk rencana aksi desa" in app.save_status.value
    assert "Koperasi" in app.save_status.value
    aksi = saved(store, kode, "rencana_usaha")["rencana_aksi"]
    assert (
        aksi["pilihan"]["saluran"] == "koperasi"
        and aksi["ringkasan"]["laba_per_bulan_rp"] == 730_000
    )
    again = RencanaUsahaApp(kode=kode, store=store)  # a reload
    assert again.saluran.value == "koperasi" and "Tersimpan" in again.save_status.value
    again.fields["harga_rp"].value = "24.000"
    assert "berbeda dari yang tersimpan" in again.save_status.value
    facts = {f.key: f.value for f in business.ringkasan_kerja(
        {"rencana_usaha": saved(store, kode, "rencana_usaha")}).fakta}  # fmt: skip
    assert facts["rencana_saluran"] == "koperasi" and facts["rencana_laba_per_bulan_rp"] == 730_000


def test_a_plan_is_not_saved_for_the_action_plan_without_a_participant(store):
    app = RencanaUsahaApp(store=store)
    app.save_button.click()
    assert "Masuk dulu" in app.save_status.value


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("harga_rp", "-5.000", "lebih dari Rp 0"),
        ("harga_rp", "", "Harga jual per unit"),
        ("laku_per_bulan", "12,5", "Laku per bulan"),
        ("modal_awal_rp", "-1", "Modal awal"),
        ("investasi_rp", "enam juta", "Harga alat"),
    ],
)
def test_rencana_bad_figures_are_explained_and_not_saved(store, kode, field, value, words):
    app = RencanaUsahaApp(kode=kode, store=store)
    before = versions(store, kode, "rencana_usaha")
    app.fields[field].value = value
    assert words in app.figures_msg.value.replace("&quot;", '"')
    assert versions(store, kode, "rencana_usaha") == before
    assert "bulan ke-5" in app.conclusion.value  # the last good plan stays on screen


def test_a_price_below_the_variable_cost_and_no_sales_are_said_plainly(store):
    app = RencanaUsahaApp(store=store)
    app.fields["harga_rp"].value = "15.000"  # 15.000 less 8% = 13.800 < 16.700
    assert "setiap unit (Botol 100 ml) rugi" in app.warnings.value
    assert "Rp 13.800" in app.warnings.value and "Rp 16.700" in app.warnings.value
    assert "Titik impas" in app.key_figures.value and "—" in app.key_figures.value
    app.fields["harga_rp"].value = "32.000"
    app.fields["laku_per_bulan"].value = "0"
    assert "tidak ada penjualan" in app.warnings.value
    assert "belum kembali" in app.conclusion.value


def test_rencana_with_the_participants_own_costs(store, kode):
    assert RencanaUsahaApp(kode=kode, store=store).own_costs.layout.display == "none"
    hpp = KalkulatorHppApp(kode=kode, store=store)
    cell(hpp, 0, "harga_rp").value = "30.000"
    app = RencanaUsahaApp(kode=kode, store=store)
    assert app.own_costs.layout.display is None and "Rp 16.700" in app.own_costs.description
    before = app.rencana.skenario.biaya_variabel_per_unit_rp
    app.own_costs.value = True
    # the contents now cost 3 × 30.000 + ... : 1.500 more a bottle than the example's
    assert app.rencana.skenario.biaya_variabel_per_unit_rp == before + 1_500
    assert "belum Anda ganti" in app.note.value
    assert saved(store, kode, "rencana_usaha")["pilihan"]["biaya_sendiri"] is True


def test_rencana_excel_out(store):
    app = RencanaUsahaApp(store=store)
    year = str(int(app.tahun_mulai.value) + 1)
    app.tahun_mulai.value = year
    app.export_button.click()
    assert 'download="rencana-usaha-minyak-kemiri.xlsx"' in app.export_link.value
    book = openpyxl.load_workbook(io.BytesIO(download(app.export_link.value)))
    assert book.sheetnames == ["Arus kas", "Ringkasan", "Kemasan dan saluran"]
    kas = book["Arus kas"]
    assert kas["B3"].value == f"Januari {year}" and kas["L3"].value == 5_225_920
    assert kas["L3"].number_format == '"Rp" #,##0'


def test_rencana_in_english(store):
    app = RencanaUsahaApp(store=store)
    i18n.set_language("en")
    assert app.produk.options[0][0] == "Candlenut oil"
    assert dict((v, k) for k, v in app.saluran.options)["marketplace"] == "Online marketplace"
    assert "is paid back in month 5" in app.conclusion.value
    assert "Rp 1.278.800" in app.key_figures.value


# =========================================================================== every app


SAVED = {
    "kalkulator_hpp": lambda: {
        "version": 1,
        "contoh": "minyak_kakao",
        "batch": business.check_batch(business.contoh_produk("minyak_kakao")["batch"]),
        "harga_form": {"persen": "40", "kelipatan_rp": 500, "rencana": "45.000"},
        "per": "item",
        "hasil": {},
    },
    "titik_impas": lambda: {
        "version": 1,
        "form": {
            "nama_unit": "botol",
            "harga": "35.000",
            "potongan": "0",
            "variabel": "24.900",
            "tetap": "240.000",
            "unit": 30,
        },
    },  # fmt: skip
    "rencana_usaha": lambda: {
        "version": 1,
        "pilihan": {
            "produk": "minyak_kakao",
            "kemasan": "botol_30ml_label",
            "saluran": "toko_oleh_oleh",
            "bulan_mulai": 7,
            "tahun_mulai": 2027,
            "biaya_sendiri": False,
            "harga_rp": 26_000,
            "laku_per_bulan": 180,
            "modal_awal_rp": 7_000_000,
            "investasi_rp": 3_600_000,
        },
        "rencana_aksi": None,
    },  # fmt: skip
}
APPS = [
    (KalkulatorHppApp, "kalkulator_hpp"),
    (TitikImpasApp, "titik_impas"),
    (RencanaUsahaApp, "rencana_usaha"),
]


@pytest.mark.parametrize(("cls", "app_id"), APPS)
def test_open_after_building_equals_building_with_the_code(store, cls, app_id):
    kode = store.register("kepala_desa", "Sumardi", "33.29.09.2008").code
    store.save(kode, app_id, SAVED[app_id]())
    direct = cls(kode=kode, store=store)
    later = cls(store=store)
    later.open(kode)
    assert later.participant == direct.participant
    assert snapshot(later.container) == snapshot(direct.container)
    assert snapshot(later.container) != snapshot(cls(store=store).container)  # restored


@pytest.mark.parametrize(("cls", "app_id"), APPS)
def test_opening_restores_without_saving_and_an_unknown_code_says_so(store, cls, app_id):
    kode = store.register("kepala_desa", "Sumardi").code
    store.save(kode, app_id, SAVED[app_id]())
    cls(kode=kode, store=store)
    assert versions(store, kode, app_id) == 1
    later = cls(store=store)
    later.open("ZZZ222")
    assert later.participant is None and "ZZZ222" in later.message.value


@pytest.mark.parametrize(("cls", "app_id"), APPS)
def test_malformed_saved_work_falls_back_to_the_example(store, cls, app_id):
    kode = store.register("kepala_desa", "Sumardi").code
    store.save(kode, app_id, {"batch": "rusak", "form": [1], "pilihan": {"produk": "sawit"}})
    app = cls(kode=kode, store=store)
    assert "dk-msg-error" not in app.message.value
    assert app.participant is not None


@pytest.mark.parametrize(("cls", "app_id"), APPS)
def test_every_app_has_its_title_and_the_illustrative_note_in_both_languages(store, cls, app_id):
    app = cls(store=store)
    assert esc(i18n.t(f"app.{app_id}")) in app.title.value
    assert "ilustrasi" in app.note.value
    i18n.set_language("en")
    assert esc(i18n.t(f"app.{app_id}")) in app.title.value
    assert "llustrative" in app.note.value
