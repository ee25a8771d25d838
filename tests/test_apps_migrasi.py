"""Wiring of the pillar-1 apps without a browser: build each App, set widgets, read the result."""

from __future__ import annotations

import base64
import io
import json
import re
from datetime import UTC, date, datetime

import openpyxl
import pytest

from desmigratif_kit import migration
from desmigratif_kit.core import i18n
from desmigratif_kit.core.store import Store
from desmigratif_kit.migration import cards
from desmigratif_kit.migration.apps.cek_kesiapan import CekKesiapanApp
from desmigratif_kit.migration.apps.register_desa import RegisterDesaApp
from desmigratif_kit.migration.apps.waspada_calo import WaspadaCaloApp

TODAY = date(2026, 11, 29)


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


# --------------------------------------------------------------------------- Cek Kesiapan


def fill_ready_but_one(app: CekKesiapanApp) -> None:
    """Everything in order except the employment contract (the last document)."""
    app.nama.value = "Maria <b>Goreti</b>"
    app.tanggal_lahir.value = "01/05/2000"
    app.tanggal_berangkat.value = "12/09/2027"
    app.jalur.value = "p3mi"
    app.visa.value = "kerja"
    app.jabatan.value = "operator pabrik"
    app.biaya.value = "Rp 0"
    app.bpjs.value = True
    app.opp.value = True
    for kode in migration.DOKUMEN_PASAL_13[:-1]:
        app.dokumen[kode].value = True


def test_empty_form_asks_for_dates_and_job(store, kode):
    app = CekKesiapanApp(kode=kode, store=store)
    assert "Isi dulu" in app.status.value and "Tanggal lahir" in app.status.value
    assert app.message.value == ""


def test_ticking_the_last_missing_document_turns_the_status_to_ready(store, kode):
    app = CekKesiapanApp(kode=kode, store=store)
    fill_ready_but_one(app)
    assert "BELUM SIAP" in app.status.value
    assert "Perjanjian Kerja" in app.hasil_html.value  # unmet, with its article
    assert "Pasal 13 huruf h" in app.hasil_html.value
    app.dokumen["perjanjian_kerja"].value = True
    assert "dk-ready" in app.status.value and "SIAP" in app.status.value
    assert app.hasil.siap


def test_tourist_visa_is_the_red_flag_visa_non_kerja_with_its_article(store, kode):
    app = CekKesiapanApp(kode=kode, store=store)
    fill_ready_but_one(app)
    app.dokumen["perjanjian_kerja"].value = True
    app.visa.value = "turis"
    assert app.hasil.tanda_bahaya == ["visa_non_kerja"]
    html = app.hasil_html.value
    assert "Berangkat dengan visa bukan visa kerja" in html
    assert "UU 18/2017 Pasal 13 huruf f" in html
    assert "Tanda bahaya (1)" in html


def test_zero_cost_job_picked_from_the_list_with_a_fee_is_a_red_flag(store, kode):
    app = CekKesiapanApp(kode=kode, store=store)
    fill_ready_but_one(app)
    app.jabatan.value = "Pengasuh lanjut usia (caregiver)"
    app.biaya.value = "Rp 25.000.000"
    assert "biaya_dibebankan" in app.hasil.tanda_bahaya
    app.jabatan.value = "operator pabrik"
    assert app.hasil.perhatian == ["biaya_perlu_dicek"]


def test_bad_date_says_expected_and_given_and_keeps_the_last_valid_state(store, kode):
    app = CekKesiapanApp(kode=kode, store=store)
    fill_ready_but_one(app)
    app.dokumen["perjanjian_kerja"].value = True
    saved_before = store.load(kode, "cek_kesiapan")
    app.tanggal_lahir.value = "31/02/2000"
    assert "dk-msg-error" in app.message.value
    assert "12/09/2017" in app.message.value and "31/02/2000" in app.message.value
    assert "dk-ready" in app.status.value  # the last valid result stays
    assert store.load(kode, "cek_kesiapan").version == saved_before.version  # not saved
    app.tanggal_lahir.value = "1 Mei 2000"
    assert app.message.value == ""
    assert store.load(kode, "cek_kesiapan").version > saved_before.version


def test_autosave_then_a_new_app_with_the_same_code_restores_the_form(store, kode):
    app = CekKesiapanApp(kode=kode, store=store)
    fill_ready_but_one(app)
    app.negara.value = "Taiwan"
    assert app.bar.state == "saved"
    again = CekKesiapanApp(kode=kode.lower(), store=store)
    assert again.form_values() == app.form_values()
    assert "BELUM SIAP" in again.status.value
    other = CekKesiapanApp(store=store)  # nobody signed in: a blank form
    assert other.tanggal_lahir.value == ""


def test_printable_checklist_escapes_the_name_and_formats_dates(store, kode):
    app = CekKesiapanApp(kode=kode, store=store, today=date(2027, 1, 5))
    fill_ready_but_one(app)
    link = re.search(
        r'download="([^"]+)" href="data:text/html;charset=utf-8;base64,([^"]+)"', app.unduh.value
    )
    assert link and link.group(1).endswith(".html")
    page = base64.b64decode(link.group(2)).decode("utf-8")
    assert "Maria &lt;b&gt;Goreti&lt;/b&gt;" in page and "<b>Goreti</b>" not in page
    assert "5 Januari 2027" in page and "12 September 2027" in page
    assert "☐" in page and "☑" in page  # unmet and met requirements
    assert "Pasal 13 huruf h" in page  # the article of the missing contract
    assert "Tidak ada perjanjian kerja tertulis" in page  # its red flag


def test_english_switch_redraws_labels_and_findings(store, kode):
    app = CekKesiapanApp(kode=kode, store=store)
    fill_ready_but_one(app)
    i18n.set_language("en")
    assert app.tanggal_lahir.description == "Date of birth"
    assert "NOT READY" in app.status.value
    assert "Employment Agreement" in app.hasil_html.value
    assert app.dokumen["paspor"].description == "Passport from the local immigration office"


# --------------------------------------------------------------------------- Waspada Calo


def test_cards_are_stories_with_flags_computed_by_red_flags():
    assert 6 <= len(cards.KARTU) <= 10
    for card in cards.KARTU:
        assert card.tanda_bahaya == [f.kode for f in migration.red_flags(card.offer)]
    assert any(not card.tanda_bahaya for card in cards.KARTU)  # a safe offer too
    assert {"Rangga Talo, Ende (NTT)", "Rengas Pendawa, Brebes (Jawa Tengah)"} <= {
        c.desa for c in cards.KARTU
    }


def test_waspada_calo_feedback_found_missed_wrong_and_score(store, kode):
    app = WaspadaCaloApp(kode=kode, store=store)
    card = app.card
    truth = card.tanda_bahaya
    app.flags[truth[0]].value = True
    app.flags["paspor_dipinjam"].value = True  # not in the first story
    app.check_button.click()
    feedback = app.feedback.value
    assert "Ditemukan (1)" in feedback
    assert f"Terlewat ({len(truth) - 1})" in feedback
    assert "Salah ditandai (1)" in feedback
    assert "Pasal 69 jo. Pasal 81" in feedback  # the article of the flag found
    assert f"ditemukan: 1 dari {len(truth)}" in app.score.value
    assert "Salah ditandai: 1" in app.score.value

    # progress survives a new App instance
    again = WaspadaCaloApp(kode=kode, store=store)
    assert again.flags[truth[0]].value and again.flags["paspor_dipinjam"].value
    assert "Ditemukan (1)" in again.feedback.value

    # all the cards, answered right: the final score
    for index, card in enumerate(cards.KARTU):
        again.go(index)
        for code, box in again.flags.items():
            box.value = code in card.tanda_bahaya
        again.check_button.click()
    total = sum(len(c.tanda_bahaya) for c in cards.KARTU)
    assert "Selesai" in again.score.value
    assert f"ditemukan: {total} dari {total}" in again.score.value
    assert f"tepat sepenuhnya: {len(cards.KARTU)}" in again.score.value
    again.reset_button.click()
    assert again.index == 0 and "Kartu diperiksa: 0" in again.score.value


def test_safe_card_says_so_and_caution_card_shows_the_caution(store, kode):
    app = WaspadaCaloApp(kode=kode, store=store)
    app.go([c.kode for c in cards.KARTU].index("pabrik_taiwan_resmi"))
    app.check_button.click()
    assert "tidak memiliki tanda bahaya" in app.feedback.value
    app.go([c.kode for c in cards.KARTU].index("g2g_korea_biaya_paspor"))
    app.check_button.click()
    assert "perlu dicek" in app.feedback.value and "Ada biaya" in app.feedback.value


# --------------------------------------------------------------------------- Register

REGISTER_CSV = (
    "Nama Lengkap;NIK;JK;Tgl Lahir;Negara Tujuan;Status;Tgl Berangkat;Akhir Kontrak;No Paspor\n"
    "Siti Aminah <i>contoh</i>;9901014501990001;Perempuan;12/09/1990;Taiwan;Bekerja;"
    "12/09/2017;15/12/2026;C1234567\n"
    "Dedi Supriyadi;9901011203880002;L;03/12/1988;Malaysia;Pulang;01/02/2015;01/02/2017;\n"
    "Ratna Sari Dewi;9901015507950003;P;15/07/1995;Hong Kong;calon;;;\n"
).encode("cp1252")


def upload(app: RegisterDesaApp, content: bytes, name: str) -> None:
    app.upload.value = ({"name": name, "type": "", "size": len(content),
                         "content": memoryview(content),
                         "last_modified": datetime(2026, 11, 1, tzinfo=UTC)},)  # fmt: skip


def test_imported_csv_appears_masked_and_survives_a_new_app(store, kode):
    app = RegisterDesaApp(kode=kode, store=store, today=TODAY)
    assert "Register masih kosong" in app.summary.value
    upload(app, REGISTER_CSV, "register.csv")
    assert "3 entri diimpor" in app.import_msg.value
    table = app.table.value
    assert "Siti Aminah &lt;i&gt;contoh&lt;/i&gt;" in table and "<i>contoh</i>" not in table
    assert "************0001" in table and "9901014501990001" not in table
    assert "****4567" in table and "C1234567" not in table
    assert "12 September 2017" in table
    # alerts: Siti's contract ends within 90 days
    assert "Kontrak berakhir dalam 90 hari" in app.alerts.value
    assert "15 Desember 2026, 16 hari lagi" in app.alerts.value
    assert app.chart_status.value[:4] == b"\x89PNG"
    assert app.chart_months.value[:4] == b"\x89PNG"

    again = RegisterDesaApp(kode=kode, store=store, today=TODAY)
    assert len(again.df) == 3
    assert again.df.loc[0, "tanggal_berangkat"] == date(2017, 9, 12)
    assert "************0001" in again.table.value


def test_bad_file_lists_every_problem_and_leaves_the_saved_register_untouched(store, kode):
    app = RegisterDesaApp(kode=kode, store=store, today=TODAY)
    upload(app, REGISTER_CSV, "register.csv")
    before = store.load(kode, "register_desa")
    bad = (
        b"Nama;NIK;JK;Tgl Lahir;Negara Tujuan;Status\n"
        b"Budi;12345;L;31/02/1990;Taiwan;bekerja\n"
        b"Ani;9901014501990009;X;01/01/1991;;entah\n"
    )
    upload(app, bad, "rusak.csv")
    msg = app.import_msg.value
    assert "rusak.csv" in msg and "dk-msg-error" in msg
    assert "31/02/1990" in msg  # bad date
    assert "&quot;X&quot;" in msg and "&quot;entah&quot;" in msg  # bad choices
    assert "Negara Tujuan" in msg and "sel kosong" in msg  # empty required cell
    assert msg.count("<li>") >= 4
    assert "tidak berubah" in msg
    assert store.load(kode, "register_desa").version == before.version
    assert len(app.df) == 3
    # importing the same file again in "add" mode: duplicates refused, nothing changed
    upload(app, REGISTER_CSV, "register.csv")
    assert "NIK ini sudah tercatat pada entri nomor 1" in app.import_msg.value
    assert len(app.df) == 3 and store.load(kode, "register_desa").version == before.version


def test_form_adds_edits_and_removes_entries(store, kode):
    app = RegisterDesaApp(kode=kode, store=store, today=TODAY)
    f = app.fields
    f["nama"].value = "Yohana <script>"
    f["nik"].value = "9908 1201 0199 0007"
    f["jenis_kelamin"].value = "P"
    f["tanggal_lahir"].value = "12/09/1999"
    f["negara_tujuan"].value = "Taiwan"
    f["status"].value = "calon"
    app.save_button.click()
    assert "ditambahkan" in app.form_msg.value, app.form_msg.value
    assert "Yohana &lt;script&gt;" in app.table.value
    assert len(store.load(kode, "register_desa").data["records"]) == 1

    # a bad entry lists its problems by field, and saves nothing
    f["nama"].value = "Tanpa NIK"
    f["nik"].value = "123"
    f["jenis_kelamin"].value = "L"
    f["tanggal_lahir"].value = "1/1/1990"
    f["negara_tujuan"].value = "Malaysia"
    f["status"].value = "calon"
    app.save_button.click()
    assert "dk-msg-error" in app.form_msg.value and "NIK 16 angka" in app.form_msg.value
    assert len(app.df) == 1

    # edit: the NIK field stays empty (masked placeholder) and keeps the old number
    app.choose.value = 0
    assert f["nik"].value == "" and "************0007" in f["nik"].placeholder
    assert f["tanggal_lahir"].value == "12 September 1999"
    f["status"].value = "bekerja"
    f["akhir_kontrak"].value = "01/01/2027"
    f["tanggal_berangkat"].value = "02/01/2025"
    app.save_button.click()
    assert "diperbarui" in app.form_msg.value
    assert app.df.loc[0, "nik"] == "9908120101990007"
    assert app.df.loc[0, "status"] == "bekerja"
    assert "Kontrak berakhir dalam 90 hari" in app.alerts.value
    assert "Data belum lengkap" in app.alerts.value  # no phone, passport, route

    # remove needs a second press
    app.choose.value = 0
    app.delete_button.click()
    assert len(app.df) == 1 and "Ya, hapus" in app.delete_button.description
    app.delete_button.click()
    assert len(app.df) == 0 and "dihapus" in app.form_msg.value
    assert store.load(kode, "register_desa").data["records"] == []


def test_sample_register_saved_as_json_records_well_under_the_store_limit(store, kode):
    app = RegisterDesaApp(kode=kode, store=store, today=migration.SAMPLE_REFERENCE_DATE)
    app.sample_button.click()
    saved = store.load(kode, "register_desa")
    records = saved.data["records"]
    assert len(records) == len(migration.load_sample_register()) >= 1500
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", records[0]["tanggal_lahir"])
    size = len(json.dumps(saved.data, ensure_ascii=False).encode("utf-8"))
    assert size < 1_500_000  # the store takes up to 5 MB
    # the table shows one page, masked
    assert app.table.value.count("<tr>") == 1 + 20
    assert not re.search(r"\d{16}", app.table.value)
    app.search.value = "rahayu"
    assert "Rahayu" in app.table.value


def test_export_is_a_masked_excel_download(store, kode):
    app = RegisterDesaApp(kode=kode, store=store, today=TODAY)
    upload(app, REGISTER_CSV, "register.csv")
    app.export_button.click()
    link = re.search(
        r'download="([^"]+\.xlsx)" href="data:[^;]+;base64,([^"]+)"', app.export_link.value
    )
    assert link
    sheet = openpyxl.load_workbook(io.BytesIO(base64.b64decode(link.group(2)))).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][:2] == ["Nama", "NIK"]
    flat = " ".join(str(v) for row in values for v in row)
    assert "************0001" in flat and "9901014501990001" not in flat
    assert "C1234567" not in flat


def test_register_in_english(store, kode):
    app = RegisterDesaApp(kode=kode, store=store, today=TODAY)
    upload(app, REGISTER_CSV, "register.csv")
    charts_in_indonesian = (app.chart_status.value, app.chart_months.value)
    i18n.set_language("en")
    assert "Contracts ending within the next 90 days" in app.alerts.value
    # the charts are drawn again, in English
    assert app.chart_status.value[:4] == b"\x89PNG"
    assert app.chart_status.value != charts_in_indonesian[0]
    assert app.chart_months.value != charts_in_indonesian[1]
    assert "Working abroad" in app.table.value
    assert app.fields["tanggal_lahir"].description.startswith("Date of birth")


def test_register_charts_come_from_the_chart_module_sized_for_a_phone(store, kode, monkeypatch):
    """The app draws with desmigratif_kit.migration.charts (one look, both languages): panels one
    under the other, narrow enough that the text stays readable when shrunk to a phone."""
    import struct

    from desmigratif_kit.migration import charts

    made = []
    for name in ("chart_register_summary", "chart_movements"):
        real = getattr(charts, name)

        def spy(*args, _real=real, **kwargs):
            fig = _real(*args, **kwargs)
            made.append(fig)
            return fig

        monkeypatch.setattr(charts, name, spy)
    app = RegisterDesaApp(kode=kode, store=store, today=TODAY)
    assert app.charts_box.layout.display == "none" and not made  # nothing to draw yet
    app.sample_button.click()
    summary, months = made[-2:]
    assert [ax.get_title(loc="left") for ax in summary.axes] == ["Status", "Negara tujuan"]
    assert summary.axes[0].get_position().y0 > summary.axes[1].get_position().y1
    assert len(months.axes[0].lines[0].get_xdata()) == 36  # the last three years
    for fig, png in ((summary, app.chart_status.value), (months, app.chart_months.value)):
        assert fig.get_figwidth() <= 5  # inches: 9-point text stays about 10 px on a phone
        width = struct.unpack(">I", png[16:20])[0]  # PNG header: sharp up to the 640 px card
        assert 640 <= width <= 800
