"""The pillar-4 apps and lesson in a real browser (headless Chromium) against the workshop
server: each loads on a phone without an error or a page wider than the phone; the loan
calculator answers a new rate and refuses bad input next to the field; an imported member list
shows each member's SHU on a phone; a lesson exercise is answered and saved."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from desmigratif_kit.core.store import Store

pytestmark = pytest.mark.browser

FOLDER = "4_koperasi"
PAGES = {
    "04_koperasi_dan_remitansi": "Uang kiriman yang bekerja",
    "app_simulasi_remitansi": "Simulasi Remitansi",
    "app_kalkulator_pinjaman": "Kalkulator Pinjaman",
    "app_pembagian_shu": "Pembagian SHU",
    "app_koperasi_desa": "Koperasi Desa",
}
MEMBERS_CSV = (
    "Nama Anggota;Simpanan (Pokok + Wajib);Transaksi\n"
    "Théresia Ndona;2.000.000;5.000.000\n"
    "Anggota lain;98.000.000;70.000.000\n"
).encode("cp1252")


def register(server, name: str) -> str:
    with Store(server.workspace / "desmigratif.sqlite3") as store:
        return store.register("kepala_desa", name, "53.08.12.2014").code


def open_page(page, server, name: str, kode: str | None, wait_for_voila) -> None:
    query = f"?kode={kode}" if kode else ""
    page.goto(f"{server.url}voila/render/{FOLDER}/{name}.ipynb{query}")
    wait_for_voila(page)


def field(page, card_text: str, label: str):
    """The input under ``label`` in the card that says ``card_text``."""
    card = page.locator(".dk-card", has_text=card_text).first
    return card.locator(".dk-field", has_text=label).first


def no_wider_than_the_phone(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"page wider than the phone ({width}px)"


def test_each_page_loads_on_a_phone(phone_page, server, wait_for_voila):
    kode = register(server, "Uji Ponsel Koperasi")
    for name, title in PAGES.items():
        open_page(phone_page, server, name, kode, wait_for_voila)
        assert phone_page.get_by_role("heading", name=title).first.is_visible(), name
        assert phone_page.locator(".dk-msg-error").count() == 0, name
        assert kode[:3] in phone_page.locator(".dk-bar").first.inner_text(), name
        no_wider_than_the_phone(phone_page)
    assert not phone_page.page_errors


def test_changing_the_rate_updates_schedule_and_effective_rate(page, server, wait_for_voila):
    kode = register(server, "Uji Pinjaman")
    open_page(page, server, "app_kalkulator_pinjaman", kode, wait_for_voila)
    verdict = page.locator("[data-testid=putusan]")
    assert "2,64% per bulan" in verdict.inner_text()  # 1,5 % flat over 12 months
    rate = field(page, "Penawaran A", "Bunga (%)").locator("input")
    rate.fill("2")
    rate.press("Enter")
    page.wait_for_selector("[data-testid=putusan]:has-text('3,48% per bulan')")
    # 2 % flat on 10 juta: 200.000 interest every month, 2.400.000 in all
    # each output reaches the page on its own message: wait for each (bounded), then read
    schedule = page.locator("[data-testid=jadwal]")
    expect(schedule).to_contain_text("2.400.000", timeout=60_000)
    assert "200.000" in schedule.inner_text()
    expect(page.locator("[data-testid=perbandingan]")).to_contain_text("3,48%", timeout=60_000)
    page.locator(".dk-saved").wait_for()

    months = field(page, "Penawaran A", "Jangka waktu (bulan)")
    months.locator("input").fill("0")
    months.locator("input").press("Enter")
    months.locator(".dk-msg-error").wait_for()
    assert "1 sampai 360 bulan" in months.inner_text() and '"0"' in months.inner_text()
    assert "3,48% per bulan" in verdict.inner_text()  # the last good comparison stays

    open_page(page, server, "app_kalkulator_pinjaman", kode, wait_for_voila)  # reload
    assert field(page, "Penawaran A", "Bunga (%)").locator("input").input_value() == "2"
    assert "3,48% per bulan" in page.locator("[data-testid=putusan]").inner_text()
    assert not page.page_errors


def test_an_imported_member_list_shows_shu_on_a_phone(phone_page, server, wait_for_voila, tmp_path):
    page = phone_page
    kode = register(server, "Uji SHU")
    csv_path = tmp_path / "anggota.csv"
    csv_path.write_bytes(MEMBERS_CSV)
    open_page(page, server, "app_pembagian_shu", kode, wait_for_voila)
    with page.expect_file_chooser() as chooser:
        page.locator(".widget-upload").click()
    chooser.value.set_files(str(csv_path))
    page.wait_for_selector("text=2 anggota diimpor")
    table = page.locator("[data-testid=tabel-shu]")
    # FACTS §4.1: 240.000 (savings) + 1.000.000 (transactions) = 1.240.000
    assert "Théresia Ndona" in table.inner_text() and "1.240.000" in table.inner_text()
    assert "2 anggota menerima Rp 27.000.000" in page.locator(
        "[data-testid=ringkasan-shu]").inner_text()  # fmt: skip
    no_wider_than_the_phone(page)
    page.locator(".dk-saved").wait_for()
    open_page(page, server, "app_pembagian_shu", kode, wait_for_voila)  # reload
    assert "1.240.000" in page.locator("[data-testid=tabel-shu]").inner_text()
    assert not page.page_errors


def test_lesson_exercise_on_flat_and_effective_rate(phone_page, server, wait_for_voila):
    page = phone_page
    kode = register(server, "Uji Pelajaran Koperasi")
    open_page(page, server, "04_koperasi_dan_remitansi", kode, wait_for_voila)
    text = page.locator("#rendered_cells").inner_text()
    for code_words in ("jawaban = ", "cek(", "Shift+Enter", "Di JupyterLab", "kur_eligibility"):
        assert code_words not in text, code_words
    latihan = page.locator(".dk-soal", has=page.get_by_text("Jawaban Latihan 4.3", exact=True))
    latihan.get_by_role("textbox").fill("1,5")
    latihan.get_by_role("button", name="Periksa").click()
    latihan.locator(".dk-msg-warn").wait_for()
    assert "bunga flat yang tertulis" in latihan.inner_text()
    latihan.get_by_role("textbox").fill("2,64")
    latihan.get_by_role("button", name="Periksa").click()
    latihan.locator(".dk-msg-ok").wait_for()
    assert "Latihan 4.3 benar!" in latihan.inner_text()
    page.get_by_text("1 dari 7 latihan benar").first.wait_for()
    no_wider_than_the_phone(page)
    assert not page.page_errors
