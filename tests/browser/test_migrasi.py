"""The pillar-1 apps in a real browser (headless Chromium) against the workshop server."""

from __future__ import annotations

import pytest

from desmigratif_kit import migration
from desmigratif_kit.core.store import Store

pytestmark = pytest.mark.browser

APPS = ("app_cek_kesiapan", "app_waspada_calo", "app_register_desa")
TITLES = {
    "app_cek_kesiapan": "Cek Kesiapan CPMI",
    "app_waspada_calo": "Waspada Calo",
    "app_register_desa": "Buku Register Desa",
}
REGISTER_CSV = (
    "Nama Lengkap;NIK;JK;Tgl Lahir;Negara Tujuan;Status;Tgl Berangkat;Akhir Kontrak\n"
    "Théresia Ndona;9908124501990001;P;12/09/1999;Hong Kong;Bekerja;12/09/2017;12/09/2027\n"
    "Yosef Bata;9908121203880002;L;03/12/1988;Taiwan;Pulang;01/02/2015;01/02/2017\n"
).encode("cp1252")


def register(server, name: str) -> str:
    with Store(server.workspace / "desmigratif.sqlite3") as store:
        return store.register("kepala_desa", name, "53.08.12.2014").code


def open_app(page, server, app: str, kode: str | None, wait_for_voila) -> None:
    query = f"?kode={kode}" if kode else ""
    page.goto(f"{server.url}voila/render/1_layanan_migrasi/{app}.ipynb{query}")
    wait_for_voila(page)


def test_each_app_loads_on_a_phone(phone_page, server, wait_for_voila):
    """390x844, one tab going through the three apps (each a fresh kernel from its pool)."""
    kode = register(server, "Uji Ponsel")
    for app in APPS:
        open_app(phone_page, server, app, kode, wait_for_voila)
        title = phone_page.get_by_role("heading", name=TITLES[app])
        assert title.is_visible(), app
        assert phone_page.locator(".dk-msg-error").count() == 0, app
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{app}: page wider than the phone ({width}px)"
    assert not phone_page.page_errors


def test_cek_kesiapan_ticking_the_last_missing_document_turns_ready(page, server, wait_for_voila):
    kode = register(server, "Uji Cek Kesiapan")
    form = {
        "nama": "Maria Goreti", "tanggal_lahir": "01/05/2000", "tanggal_berangkat": "12/09/2027",
        "dokumen": list(migration.DOKUMEN_PASAL_13[:-1]), "bpjs": True, "opp": True,
        "jalur": "p3mi", "visa": "kerja", "jabatan": "operator pabrik", "biaya": "",
        "negara": "Taiwan",
    }  # fmt: skip
    with Store(server.workspace / "desmigratif.sqlite3") as store:
        store.save(kode, "cek_kesiapan", {"form": form})
    open_app(page, server, "app_cek_kesiapan", kode, wait_for_voila)
    status = page.locator("[data-testid=status]")
    assert "BELUM SIAP" in status.inner_text()
    assert page.get_by_label("Tanggal lahir").input_value() == "01/05/2000"  # restored
    page.get_by_label("Perjanjian Kerja", exact=True).check()
    page.wait_for_selector(".dk-ready[data-testid=status]")
    assert "SIAP" in status.inner_text()
    assert page.locator("a.dk-download[download$='.html']").count() == 1
    assert not page.page_errors


def test_register_import_appears_masked_and_survives_a_reload(
    page, server, wait_for_voila, tmp_path
):
    kode = register(server, "Uji Register")
    csv_path = tmp_path / "register_desa.csv"
    csv_path.write_bytes(REGISTER_CSV)
    open_app(page, server, "app_register_desa", kode, wait_for_voila)
    # the FileUpload's <input type=file> is created off-page: answer its file chooser
    with page.expect_file_chooser() as chooser:
        page.locator(".widget-upload").click()
    chooser.value.set_files(str(csv_path))
    page.wait_for_selector("text=2 entri diimpor")
    table = page.locator("[data-testid=tabel-register]")
    assert "Théresia Ndona" in table.inner_text()
    assert "************0001" in table.inner_text()
    open_app(page, server, "app_register_desa", kode, wait_for_voila)  # reload
    text = page.locator("[data-testid=tabel-register]").inner_text()
    assert "Théresia Ndona" in text and "Yosef Bata" in text
    assert "9908124501990001" not in page.content()
    assert not page.page_errors


def test_cek_kesiapan_spsk_placement_is_ready_and_without_spsk_is_the_moratorium(
    page, server, wait_for_voila
):
    """Issue 8: a fully documented SPSK placement to Saudi Arabia is no red flag."""
    kode = register(server, "Uji SPSK")
    form = {
        "nama": "Wati", "tanggal_lahir": "01/05/1995", "tanggal_berangkat": "12/09/2027",
        "dokumen": list(migration.DOKUMEN_PASAL_13), "bpjs": True, "opp": True,
        "satu_kanal": True, "jalur": "p3mi", "visa": "kerja", "jabatan": "Pengurus rumah tangga",
        "biaya": "", "negara": "Arab Saudi",
    }  # fmt: skip
    with Store(server.workspace / "desmigratif.sqlite3") as store:
        store.save(kode, "cek_kesiapan", {"form": form, "kode_versi": 2})
    open_app(page, server, "app_cek_kesiapan", kode, wait_for_voila)
    status = page.locator("[data-testid=status]")
    assert "SIAP" in status.inner_text() and "BELUM" not in status.inner_text()
    page.get_by_label("Lewat Sistem Penempatan Satu Kanal (SPSK)", exact=False).uncheck()
    page.wait_for_selector(".dk-notready[data-testid=status]")
    assert "negara moratorium Timur Tengah" in page.locator(".dk-find-tanda_bahaya").inner_text()
    assert not page.page_errors
