"""Wiring of the pillar-4 apps without a browser: build each App, set widgets, read the result,
save and restore per participant, bad input next to its field, Excel in and out."""

from __future__ import annotations

import base64
import gc
import hashlib
import io
import json
import re
from datetime import UTC, datetime

import ipywidgets as widgets
import openpyxl
import pytest

from desmigratif_kit import cooperative
from desmigratif_kit.cooperative.apps.kalkulator_pinjaman import KalkulatorPinjamanApp
from desmigratif_kit.cooperative.apps.koperasi_desa import KoperasiDesaApp
from desmigratif_kit.cooperative.apps.pembagian_shu import PembagianShuApp
from desmigratif_kit.cooperative.apps.simulasi_remitansi import SimulasiRemitansiApp
from desmigratif_kit.core import i18n
from desmigratif_kit.core.store import Store


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "kerja.sqlite3") as s:
        yield s


@pytest.fixture
def kode(store):
    return store.register("kepala_desa", "Sumardi (contoh)", "33.29.09.2008").code


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


@pytest.fixture(autouse=True)
def close_widgets():
    """Close every widget a test built: ipywidgets keeps open widgets (and through their
    callbacks the apps) alive, and every live app redraws when the language changes."""
    yield
    widgets.Widget.close_all()
    gc.collect()


def text(html: str) -> str:
    """What a person reads of some HTML: tags out, entities decoded, spaces collapsed."""
    import html as html_module

    return re.sub(r"\s+", " ", html_module.unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def workbook_from(link_html: str) -> tuple[str, openpyxl.Workbook]:
    found = re.search(r'download="([^"]+)" href="data:([^;]+);base64,([^"]+)"', link_html)
    assert found, link_html
    assert found.group(2) == cooperative.workbooks.XLSX_MIME
    return found.group(1), openpyxl.load_workbook(io.BytesIO(base64.b64decode(found.group(3))))


def upload(app, content: bytes, name: str) -> None:
    app.upload.value = ({"name": name, "type": "", "size": len(content),
                         "content": memoryview(content),
                         "last_modified": datetime(2026, 11, 1, tzinfo=UTC)},)  # fmt: skip


def version(store, kode, app_id):
    saved = store.load(kode, app_id)
    return None if saved is None else saved.version


# --------------------------------------------------------------------------- Simulasi Remitansi


def test_remittance_first_render_is_pak_yosefs_example(store):
    app = SimulasiRemitansiApp(store=store)
    figures = text(app.figures.value)
    # 3.000.000 x 5,3914 % = 161.742 a time; x 12 = 1.940.904; at 3 %: 1.080.000
    assert "Rp 161.742" in figures and "Rp 1.940.904" in figures and "Rp 1.080.000" in figures
    assert "Rp 860.904" in figures  # what could be saved
    assert "triwulan III 2020" in text(app.explain.value)
    assert app.costs_chart.value[:4] == b"\x89PNG" and app.plan_chart.value[:4] == b"\x89PNG"
    plan = text(app.plan_table.value)
    # 2.838.258 received a month; 15 % for a productive fund over 24 months
    assert "Rp 2.838.258" in plan and "Setelah 24 bulan" in plan
    assert "dari bagian 1: Rp 2.838.258" == app.bulanan.widget.placeholder
    assert app.bar.state == "none"  # nobody signed in: nothing to save


def test_remittance_change_is_saved_and_restored_for_that_code_only(store, kode):
    app = SimulasiRemitansiApp(kode=kode, store=store)
    app.negara.widget.value = "Arab Saudi"
    app.jumlah.widget.value = "Rp 2.000.000"
    app.periode.widget.value = "2019"
    assert app.bar.state == "saved"
    assert "Rp 2.000.000 dari Arab Saudi (2019)" in text(app.explain.value)  # 3,68 %
    assert "Rp 882.840" in text(app.figures.value)  # 73.570 x 12
    again = SimulasiRemitansiApp(kode=kode, store=store)
    assert again.form_values() == app.form_values()
    assert text(again.explain.value) == text(app.explain.value)
    other = store.register("kepala_desa", "Lain", "33.29.09.2008").code
    assert SimulasiRemitansiApp(kode=other, store=store).negara.widget.value == "Malaysia"


def test_remittance_bad_amount_is_explained_under_its_field_and_not_saved(store, kode):
    app = SimulasiRemitansiApp(kode=kode, store=store)
    app.jumlah.widget.value = "3.500.000"
    saved = version(store, kode, "simulasi_remitansi")
    app.jumlah.widget.value = "-5"
    error = text(app.jumlah.error.value)
    assert "Jumlah yang dikirim" in error and 'diberikan "-5"' in error
    assert app.bar.state == "unsaved" and version(store, kode, "simulasi_remitansi") == saved
    assert "Rp 3.500.000" in text(app.explain.value)  # the last good result stays
    app.jumlah.widget.value = "3.000.000"
    assert app.jumlah.error.value == "" and app.bar.state == "saved"


def test_remittance_shares_must_add_up_to_100(store, kode):
    app = SimulasiRemitansiApp(kode=kode, store=store)
    app.pos["usaha"].widget.value = "10"
    error = text(app.pos_error.error.value)
    assert "tepat 100%" in error and '"95%' in error
    assert app.bar.state == "unsaved"
    app.pos["tabungan"].widget.value = "25"
    assert app.pos_error.error.value == "" and app.bar.state == "saved"
    assert store.load(kode, "simulasi_remitansi").data["form"]["pos"]["tabungan"] == "25"


def test_remittance_uncovered_country_asks_for_the_channels_cost(store, kode):
    app = SimulasiRemitansiApp(kode=kode, store=store)
    app.negara.widget.value = "Taiwan"
    assert "isi sendiri persentase biayanya" in text(app.negara.error.value)
    app.biaya_pct.widget.value = "4,5"
    assert app.negara.error.value == ""
    assert "Rp 135.000 setiap kali kirim" in text(app.explain.value)  # 3.000.000 x 4,5 %
    assert app.biaya_pct.widget.value == "4,5" and app.bar.state == "saved"
    app.biaya_pct.widget.value = "150"
    assert "0 sampai 100" in text(app.biaya_pct.error.value)


def test_remittance_english_and_excel(store, kode):
    app = SimulasiRemitansiApp(kode=kode, store=store)
    app.lang.widget.value = "en"
    assert "Country of work" in app.negara.label.value
    assert ("Saudi Arabia", "Arab Saudi") in app.negara.widget.options
    assert "Sending Rp 3.000.000 from Malaysia" in text(app.explain.value)
    app.lang.widget.value = "id"
    app.export_button.click()
    name, book = workbook_from(app.export_link.value)
    assert name.endswith(".xlsx") and book.sheetnames == ["Biaya kirim", "Rencana kiriman"]
    assert "Rp 1.940.904" in book["Biaya kirim"]["A1"].value  # the note says the calculation
    assert book["Rencana kiriman"]["B3"].value == 1_419_129  # 50 % of 2.838.258


# --------------------------------------------------------------------------- Kalkulator Pinjaman


def test_loans_first_render_shows_flat_against_declining(store):
    app = KalkulatorPinjamanApp(store=store)
    comparison = text(app.comparison.value)
    assert "Rp 1.800.000" in comparison and "Rp 975.000" in comparison
    assert "2,64%" in comparison and "36,76%" in comparison
    assert text(app.verdict.value).startswith("Penawaran B lebih murah")
    assert "1,76 kali" in text(app.explanations.value)
    schedule = text(app.schedule_table.value)
    assert "Sisa pokok (Rp)" in schedule and "1 833.333 150.000 983.333 9.166.667" in schedule
    assert "Jumlah 10.000.000 1.800.000 11.800.000" in schedule
    assert app.schedule_chart.value[:4] == b"\x89PNG"
    assert app.kur_box.layout.display == "none"


def test_changing_the_rate_updates_schedule_and_effective_rate(store, kode):
    app = KalkulatorPinjamanApp(kode=kode, store=store)
    chart = hashlib.sha256(app.schedule_chart.value).hexdigest()
    app.offers["a"].bunga.widget.value = "2"
    # 2 % flat: 200.000 interest a month, 2.400.000 in total, 3,48 % a month effective
    assert "1 833.333 200.000 1.033.333 9.166.667" in text(app.schedule_table.value)
    assert "Rp 2.400.000" in text(app.comparison.value)
    assert "3,48%" in text(app.comparison.value) and "3,48% per bulan" in text(app.verdict.value)
    assert hashlib.sha256(app.schedule_chart.value).hexdigest() != chart
    assert store.load(kode, "kalkulator_pinjaman").data["a"]["bunga"] == "2"


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("bulan", "0", ("Jangka waktu (bulan)", "1 sampai 360 bulan", 'diberikan "0"')),
        ("pokok", "-1.000.000", ("Pokok pinjaman", "lebih dari Rp 0", 'diberikan "-1.000.000"')),
        ("bunga", "120", ("Bunga (% per bulan)", "0% sampai 100% per bulan", 'diberikan "120"')),
        ("bulan", "dua belas", ("Jangka waktu (bulan)", "tidak dapat dibaca", "dua belas")),
    ],
)
def test_bad_loan_input_is_explained_next_to_the_field(store, kode, field, value, words):
    app = KalkulatorPinjamanApp(kode=kode, store=store)
    app.offers["a"].bunga.widget.value = "1,6"
    saved = version(store, kode, "kalkulator_pinjaman")
    getattr(app.offers["a"], field).widget.value = value
    error = text(getattr(app.offers["a"], field).error.value)
    assert all(w in error for w in words), error
    assert app.bar.state == "unsaved" and version(store, kode, "kalkulator_pinjaman") == saved
    assert "1,6% per bulan" in text(app.comparison.value)  # the last good comparison stays
    assert app.message.value == ""


def test_a_yearly_rate_over_100_says_per_year(store):
    app = KalkulatorPinjamanApp(store=store)
    app.offers["b"].periode.widget.value = "tahun"
    app.offers["b"].bunga.widget.value = "101"
    assert "0% sampai 100% per tahun" in text(app.offers["b"].bunga.error.value)


def test_kur_option_asks_its_questions_and_says_what_is_missing(store, kode):
    app = KalkulatorPinjamanApp(kode=kode, store=store)
    b = app.offers["b"]
    b.jenis.widget.value = "kur"
    assert app.kur_box.layout.display is None
    assert (b.bunga.widget.value, b.periode.widget.value, b.metode.widget.value) == (
        "6", "tahun", "anuitas")  # fmt: skip
    assert b.bunga.widget.disabled and "flat" not in [v for _, v in b.metode.widget.options]
    assert "Rp 100.000.000" in text(b.kur_terms.value)
    assert "Jawab juga" in text(app.kur_result.value)
    # Dewi (lesson 4.6): 60 juta over 30 months, a 24-month contract, no NPWP
    b.pokok.widget.value, b.bulan.widget.value = "60.000.000", "30"
    answers = {
        "lama_kontrak_bulan": "24",
        "lewat_p3mi": True,
        "perjanjian_penempatan": True,
        "perjanjian_kerja": True,
        "ektp": True,
        "npwp": False,
        "sisko_p2mi": True,
    }
    for key, value in answers.items():
        app.kur_fields[key].widget.value = value
    result = text(app.kur_result.value)
    assert "Masih ada 2 syarat yang kurang" in result
    assert "perjanjian kerja" in result and "NPWP" in result
    assert text(app.verdict.value).startswith("KUR PMI lebih murah")
    again = KalkulatorPinjamanApp(kode=kode, store=store)
    assert again.form_values() == app.form_values()
    assert text(again.kur_result.value) == result
    app.kur_fields["npwp"].widget.value = True
    app.kur_fields["lama_kontrak_bulan"].widget.value = "36"
    assert "Semua syarat yang ditanyakan terpenuhi" in text(app.kur_result.value)


def test_kur_limits_are_explained_under_offer_b(store):
    app = KalkulatorPinjamanApp(store=store)
    b = app.offers["b"]
    b.jenis.widget.value = "kur"
    b.pokok.widget.value = "150.000.000"
    assert "paling banyak Rp 100.000.000" in text(b.pokok.error.value)
    b.pokok.widget.value = "25.000.000"
    b.bulan.widget.value = "48"
    assert "1 sampai 36 bulan" in text(b.bulan.error.value)
    app.kur_fields["lama_kontrak_bulan"].widget.value = "dua tahun"
    b.bulan.widget.value = "24"
    assert "tidak dapat dibaca" in text(app.kur_fields["lama_kontrak_bulan"].error.value)


def test_schedule_shown_is_saved_and_exported(store, kode):
    app = KalkulatorPinjamanApp(kode=kode, store=store)
    app.offers["a"].nama.widget.value = "Rentenir <b>X</b>"
    app.tampil.value = "b"
    assert "12 833.333 12.500 845.833 0" in text(app.schedule_table.value)  # offer B's last
    assert KalkulatorPinjamanApp(kode=kode, store=store).tampil.value == "b"
    assert "Rentenir &lt;b&gt;X&lt;/b&gt;" in app.comparison.value
    assert "<b>X</b>" not in app.comparison.value + app.explanations.value
    app.export_button.click()
    _, book = workbook_from(app.export_link.value)
    assert book.sheetnames == ["Perbandingan", "Jadwal Rentenir <b>X<-b>", "Jadwal Penawaran B"]
    sheet = book["Jadwal Penawaran B"]
    assert [c.value for c in sheet[2]] == ["Bulan ke-", "Angsuran pokok", "Bunga", "Angsuran",
                                           "Sisa pokok"]  # fmt: skip
    assert sheet["C15"].value == 975_000 and sheet["C15"].number_format == '"Rp" #,##0'


def test_loans_english_relabels_names_and_sentences(store):
    app = KalkulatorPinjamanApp(store=store)
    app.lang.widget.value = "en"
    assert text(app.verdict.value).startswith("Offer B is cheaper")
    assert "Amount borrowed" in app.offers["a"].pokok.label.value
    assert app.tampil.options == (("Offer A", "a"), ("Offer B", "b"))


# --------------------------------------------------------------------------- Pembagian SHU

MEMBERS_CSV = (
    "Nama Anggota;Simpanan;Transaksi\n"
    "Bu Sari;2.000.000;5.000.000\n"
    "Anggota lain <i>semua</i>;98.000.000;70.000.000\n"
).encode("cp1252")


def test_imported_member_list_shows_each_members_shu(store, kode):
    app = PembagianShuApp(kode=kode, store=store)
    assert "Belum ada anggota" in text(app.result_msg.value)
    upload(app, MEMBERS_CSV, "anggota.csv")
    assert "2 anggota diimpor" in text(app.import_msg.value)
    table = text(app.result_table.value)
    # FACTS §4.1: 240.000 + 1.000.000 = 1.240.000; all members together 27.000.000
    # name, SHU, jasa modal, jasa usaha, savings, transactions (what a member gets first)
    assert "Bu Sari 1.240.000 240.000 1.000.000 2.000.000 5.000.000" in table
    assert "2 anggota menerima Rp 27.000.000" in table
    assert "&lt;i&gt;semua&lt;/i&gt;" in app.result_table.value
    assert app.chart.value[:4] == b"\x89PNG"
    saved = store.load(kode, "pembagian_shu").data
    assert saved["anggota"][0] == {"nama": "Bu Sari", "simpanan_rp": 2_000_000,
                                   "transaksi_rp": 5_000_000}  # fmt: skip
    again = PembagianShuApp(kode=kode, store=store)
    assert text(again.result_table.value) == table


def test_a_bad_member_file_lists_every_problem_and_changes_nothing(store, kode):
    app = PembagianShuApp(kode=kode, store=store)
    upload(app, MEMBERS_CSV, "anggota.csv")
    before = store.load(kode, "pembagian_shu")
    bad = b"Nama;Simpanan;Transaksi\nSiti;dua juta;5.000\nBudi;-100;\n"
    upload(app, bad, "rusak.csv")
    message = text(app.import_msg.value)
    assert "rusak.csv" in message and "Masalah yang ditemukan: 2" in message
    assert 'baris 2, kolom "Simpanan": diharapkan jumlah rupiah' in message
    assert 'baris 3, kolom "Simpanan"' in message and "Tidak ada yang diubah" in message
    assert store.load(kode, "pembagian_shu").version == before.version
    assert "Bu Sari" in text(app.result_table.value)
    assert app.upload.value == ()


def test_shu_settings_and_typed_cells_are_checked(store, kode):
    app = PembagianShuApp(kode=kode, store=store)
    upload(app, MEMBERS_CSV, "anggota.csv")
    app.jm.widget.value = "80"
    assert "paling banyak 100% dari SHU" in text(app.ju.error.value)
    assert '"80% + 25%"' in text(app.ju.error.value) and app.bar.state == "unsaved"
    app.jm.widget.value = "20"
    app.editor.cells[0]["simpanan_rp"].value = "abc"
    assert 'baris 1, kolom "Simpanan pokok + wajib"' in text(app.editor_msg.value)
    app.editor.cells[0]["simpanan_rp"].value = "2.000.000"
    app.shu.widget.value = "-1"
    assert "SHU" in text(app.shu.error.value) and 'diberikan "-1"' in text(app.shu.error.value)
    app.shu.widget.value = "60.000.000"
    assert app.bar.state == "saved"


def test_shu_from_the_sample_and_from_the_participants_ledger(store, kode):
    app = PembagianShuApp(kode=kode, store=store)
    app.from_ledger = app.ledger_button.click()
    assert "Belum ada buku anggota" in text(app.import_msg.value)
    ledger = KoperasiDesaApp(kode=kode, store=store)
    ledger.sample_button.click()
    app.ledger_button.click()
    assert "24 anggota diambil" in text(app.import_msg.value)
    assert "24 anggota menerima Rp 27.000.000" in text(app.result_table.value)
    app.sample_button.click()
    assert "data buatan" in text(app.import_msg.value)


def test_shu_excel_out(store, kode):
    app = PembagianShuApp(kode=kode, store=store)
    upload(app, MEMBERS_CSV, "anggota.csv")
    app.export_button.click()
    _, book = workbook_from(app.export_link.value)
    sheet = book["Pembagian SHU"]
    assert [c.value for c in sheet[2]] == [
        "Nama anggota", "Simpanan pokok + wajib", "Transaksi",
        "SHU jasa modal", "SHU jasa usaha", "SHU diterima",
    ]  # fmt: skip
    assert sheet["F3"].value == 1_240_000 and sheet["F5"].value == 27_000_000
    assert sheet["A5"].value == "Jumlah" and sheet["F3"].number_format == '"Rp" #,##0'


# --------------------------------------------------------------------------- Koperasi Desa

LEDGER_ROWS = [
    ["No. Anggota", "Nama", "Tgl Masuk", "Simpanan Pokok", "Simpanan Wajib", "Simpanan Sukarela",
     "Jumlah Simpanan", "Sisa Pinjaman"],
    ["A-01", "Théresia Ndona", "12/09/2017", 100_000, 240_000, 50_000, 390_000, 1_500_000],
    ["A-02", "Yosef Bata", "03/01/2018", 100_000, 120_000, None, 220_000, 0],
    [None, "JUMLAH", None, 200_000, 360_000, 50_000, 610_000, 1_500_000],
]  # fmt: skip


def xlsx(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_ledger_import_totals_reconcile_and_survive_a_new_app(store, kode):
    app = KoperasiDesaApp(kode=kode, store=store)
    assert "Buku anggota masih kosong" in text(app.totals.value)
    assert app.editor_area.layout.display is None  # empty: the cards are open
    upload(app, xlsx(LEDGER_ROWS), "buku.xlsx")
    assert "2 anggota diimpor" in text(app.import_msg.value)
    assert "Baris JUMLAH di berkas cocok" in text(app.import_msg.value)
    totals = text(app.totals.value)
    assert "Anggota 2" in totals and "Semua simpanan Rp 610.000" in totals
    assert "Sisa pinjaman Rp 1.500.000" in totals
    assert "Semua jumlah cocok" in text(app.checks.value)
    book = text(app.book.value)
    assert "A-01 Théresia Ndona 100.000 240.000 50.000 390.000 1.500.000" in book
    assert "Jumlah 2 anggota 200.000 360.000 50.000 610.000 1.500.000" in book
    again = KoperasiDesaApp(kode=kode, store=store)
    assert text(again.book.value) == book
    assert again.editor_area.layout.display == "none"  # a book: the cards wait behind a button
    assert again.editor.cells[0]["tanggal_masuk"].value == "12/09/2017"


def test_ledger_file_that_does_not_add_up_is_imported_with_a_warning(store, kode):
    rows = [list(r) for r in LEDGER_ROWS]
    rows[3][6] = 700_000  # the JUMLAH row says 700.000 for all savings
    rows[2][6] = 300_000  # Yosef's own total is wrong too (220.000)
    app = KoperasiDesaApp(kode=kode, store=store)
    upload(app, xlsx(rows), "buku.xlsx")
    message = text(app.import_msg.value)
    assert "Di dalam berkas itu ada angka yang tidak cocok" in message
    assert "Baris 3: Jumlah simpanan tertulis Rp 300.000" in message
    assert "Baris JUMLAH (baris 4)" in message and "Rp 700.000" in message
    assert "Semua jumlah cocok" in text(app.checks.value)  # the book itself adds up


def test_a_bad_ledger_file_changes_nothing(store, kode):
    app = KoperasiDesaApp(kode=kode, store=store)
    upload(app, xlsx(LEDGER_ROWS), "buku.xlsx")
    before = store.load(kode, "koperasi_desa")
    bad = "Nama;Simpanan Pokok;Simpanan Wajib\nSiti;100.000;lima\n;100.000;5\n".encode("cp1252")
    upload(app, bad, "rusak.csv")
    message = text(app.import_msg.value)
    assert "Masalah yang ditemukan: 2" in message and '"lima"' in message
    assert store.load(kode, "koperasi_desa").version == before.version
    assert "Théresia Ndona" in text(app.book.value)


def test_report_totals_and_unequal_pokok_are_reported(store, kode):
    app = KoperasiDesaApp(kode=kode, store=store)
    upload(app, xlsx(LEDGER_ROWS), "buku.xlsx")
    app.report["simpanan_wajib_rp"].widget.value = "400.000"
    checks = text(app.checks.value)
    assert "Laporan: Simpanan wajib tercatat Rp 400.000" in checks
    assert "Rp 360.000 (selisih Rp 40.000)" in checks
    app.report["simpanan_wajib_rp"].widget.value = "empat ratus"
    assert "tidak dapat dibaca" in text(app.report["simpanan_wajib_rp"].error.value)
    app.report["simpanan_wajib_rp"].widget.value = "360.000"
    app.editor.cells[1]["simpanan_pokok_rp"].value = "50.000"
    assert "simpanan pokok Rp 50.000 berbeda" in text(app.checks.value)
    assert store.load(kode, "koperasi_desa").data["laporan"]["simpanan_wajib_rp"] == "360.000"


def test_typed_ledger_problems_are_listed(store, kode):
    app = KoperasiDesaApp(kode=kode, store=store)
    upload(app, xlsx(LEDGER_ROWS), "buku.xlsx")
    app.editor.cells[1]["no_anggota"].value = "A-01"
    assert 'baris 2, kolom "No. Anggota"' in text(app.editor_msg.value)
    assert app.editor_area.layout.display is None and app.bar.state == "unsaved"
    app.editor.add_row()
    app.editor.cells[1]["no_anggota"].value = "A-02"
    app.editor.cells[2]["nama"].value = "Ani"
    app.editor.cells[2]["simpanan_pokok_rp"].value = "100.000"
    assert 'baris 3, kolom "Simpanan wajib"' in text(app.editor_msg.value)
    app.editor.cells[2]["simpanan_wajib_rp"].value = "0"
    assert "Anggota 3" in text(app.totals.value) and app.bar.state == "saved"


def test_ledger_excel_out_with_totals(store, kode):
    app = KoperasiDesaApp(kode=kode, store=store)
    app.sample_button.click()
    assert app.nama.widget.value == "Koperasi Sukamaju Sintetis (contoh)"
    app.export_button.click()
    name, book = workbook_from(app.export_link.value)
    assert name.startswith("buku-anggota-") and book.sheetnames == ["Buku anggota", "Pemeriksaan"]
    sheet = book["Buku anggota"]
    assert "Koperasi Sukamaju Sintetis" in sheet["A1"].value
    assert sheet["A27"].value == "Jumlah" and sheet["F27"].value == 14_890_000
    assert sheet["G27"].value == 26_500_000 and sheet["C3"].number_format == '"Rp" #,##0'


# --------------------------------------------------------------------------- every app

APPS = [
    (SimulasiRemitansiApp, "simulasi_remitansi",
     {"form": {**cooperative.forms.REMITANSI_AWAL["form"], "negara": "Jepang",
               "jumlah": "5.000.000"}}),
    (KalkulatorPinjamanApp, "kalkulator_pinjaman",
     {**cooperative.forms.PINJAMAN_AWAL, "b": {**cooperative.forms.PINJAMAN_AWAL["b"],
      "jenis": "kur", "pokok": "25.000.000", "bulan": "24"}, "kur": {"ektp": True},
      "tampil": "b"}),
    (PembagianShuApp, "pembagian_shu",
     {"shu": "1.000.000", "jm": "30", "ju": "30",
      "anggota": [{"nama": "A", "simpanan_rp": 1, "transaksi_rp": 2}]}),
    (KoperasiDesaApp, "koperasi_desa",
     {"nama_koperasi": "K", "anggota": cooperative.ledger_records(
         cooperative.load_sample_ledger()), "laporan": {"simpanan_pokok_rp": "1"}}),
]  # fmt: skip


def snapshot(widget) -> object:
    """What a visitor sees of a widget tree (model ids left out)."""
    state = {"type": type(widget).__name__}
    for name in ("value", "description", "options", "disabled", "placeholder"):
        if hasattr(widget, name):
            value = getattr(widget, name)
            if isinstance(value, (bytes, memoryview)):
                value = hashlib.sha256(bytes(value)).hexdigest()
            elif not isinstance(value, (str, int, float, bool, type(None))):
                value = json.dumps(value, default=str, sort_keys=True)
            state[name] = value
    layout = getattr(widget, "layout", None)
    if layout is not None:
        state["display"] = layout.display
    if isinstance(widget, widgets.Box):
        state["children"] = [snapshot(child) for child in widget.children]
    return state


@pytest.mark.parametrize(("cls", "app_id", "saved"), APPS, ids=[a[1] for a in APPS])
def test_open_after_building_equals_building_with_the_code(store, cls, app_id, saved):
    kode = store.register("kepala_desa", "Sumardi", "53.08.12.2014").code
    store.save(kode, app_id, saved)
    direct = cls(kode=kode, store=store)
    later = cls(store=store)
    later.open(kode)
    assert later.participant == direct.participant
    assert snapshot(later.container) == snapshot(direct.container)
    assert store.load(kode, app_id).data == saved  # opening saves nothing


@pytest.mark.parametrize(("cls", "app_id", "saved"), APPS, ids=[a[1] for a in APPS])
def test_broken_saved_work_never_stops_an_app(store, cls, app_id, saved):
    kode = store.register("kepala_desa", "Sumardi", "53.08.12.2014").code
    store.save(kode, app_id, {"form": "rusak", "a": 1, "anggota": ["x", {"nama": 5}],
                              "laporan": [], "kur": "x", "shu": 7})  # fmt: skip
    app = cls(kode=kode, store=store)
    assert "Maaf, terjadi kesalahan" not in app.message.value
    assert app.container.children


@pytest.mark.parametrize(("cls", "app_id", "saved"), APPS, ids=[a[1] for a in APPS])
def test_every_app_has_a_title_language_switch_and_preload(cls, app_id, saved, store):
    import importlib

    app = cls(store=store)
    assert i18n.t(f"app.{app_id}") in app.title.value
    module = importlib.import_module(cls.__module__)
    module.preload()
    app.lang.widget.value = "en"
    assert i18n.t(f"app.{app_id}", "en") in app.title.value
