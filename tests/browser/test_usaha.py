"""The pillar-2 apps and lesson in a real browser (headless Chromium) against the workshop
server: reachable from the home page after sign-in, usable on a phone, an ingredient price
changes the HPP on screen, a saved plan survives a reload, the margin trap in the lesson."""

from __future__ import annotations

import re

import pytest

from desmigratif_kit.core.store import Store

pytestmark = pytest.mark.browser

FOLDER = "2_usaha_produktif"
FIRST_LOAD_MS = 180_000
PAGES = {
    "app_kalkulator_hpp": "Kalkulator HPP & Harga Jual",
    "app_titik_impas": "Titik Impas",
    "app_rencana_usaha": "Rencana Usaha",
}


def register(server, name: str) -> str:
    with Store(server.workspace / "desmigratif.sqlite3") as store:
        return store.register("kepala_desa", name, "53.08.12.2014").code


def open_page(page, server, name: str, kode: str | None, wait_for_voila) -> None:
    query = f"?kode={kode}" if kode else ""
    page.goto(f"{server.url}voila/render/{FOLDER}/{name}.ipynb{query}")
    wait_for_voila(page)
    page.get_by_role("heading", name=PAGES[name], exact=True).wait_for()


def test_each_app_is_reached_from_the_home_page_and_fits_a_phone(
    phone_page, server, wait_for_voila
):
    page = phone_page
    kode = register(server, "Uji Usaha Ponsel")
    # the first test may meet a server still filling its kernel pools on a busy machine:
    # wait for them, and allow the first pages longer (bounded) than the usual hang guard
    server.wait_for_kernel_count(lambda n: n >= server.pooled_kernels, timeout=240)
    for name, title in PAGES.items():
        page.goto(f"{server.url}?kode={kode}")
        wait_for_voila(page, timeout_ms=FIRST_LOAD_MS)
        link = page.get_by_role("link", name=title, exact=True)
        assert link.get_attribute("href").endswith(f"{name}.ipynb?kode={kode}")
        link.click()
        wait_for_voila(page, timeout_ms=FIRST_LOAD_MS)
        assert f"/{FOLDER}/{name}.ipynb?kode={kode}" in page.url
        heading = page.get_by_role("heading", name=title, exact=True)
        heading.wait_for(timeout=FIRST_LOAD_MS)  # drawn, not only loaded
        assert kode[:3] in page.locator(".dk-bar").inner_text(), name
        assert page.locator(".dk-msg-error").count() == 0, name
        assert "ilustrasi" in page.locator("[data-testid=ilustrasi]").inner_text(), name
        assert page.locator("img.dk-chart, .dk-chart img").first.is_visible(), name
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{name}: page wider than the phone ({width}px)"
    assert not page.page_errors


def test_changing_an_ingredient_price_changes_the_hpp_on_a_phone(
    phone_page, server, wait_for_voila
):
    page = phone_page
    kode = register(server, "Uji HPP")
    open_page(page, server, "app_kalkulator_hpp", kode, wait_for_voila)
    live = page.locator("[data-testid=hpp-live]")
    assert live.inner_text() == "HPP per botol 100 ml: Rp 15.200"
    first = page.locator(".dk-row-card").first
    price = first.locator("input[type=text]").nth(3)  # Nama, Jumlah, Satuan, Harga satuan
    assert price.input_value() == "25.000"
    price.fill("30.000")
    price.press("Enter")
    # 3 kg × Rp 30.000 × 10 liters: Rp 150.000 more a batch of 100 bottles
    page.get_by_text("HPP per botol 100 ml: Rp 16.700").first.wait_for()
    assert "Rp 16.700" in page.locator("[data-testid=hpp]").inner_text()
    page.locator(".dk-saved").wait_for()
    price.fill("dua puluh")
    price.press("Enter")
    page.get_by_text("Isian belum dapat dipakai").wait_for()
    assert "dua puluh" in page.locator("[data-testid=masalah]").inner_text()
    assert live.inner_text() == "HPP per botol 100 ml: Rp 16.700"  # the last good result
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert not page.page_errors


def test_break_even_says_plainly_when_the_price_is_too_low(page, server, wait_for_voila):
    open_page(page, server, "app_titik_impas", None, wait_for_voila)
    assert "20 botol 100 ml" in page.locator("[data-testid=titik-impas]").inner_text()
    price = page.get_by_label("Harga jual per unit")
    price.fill("18.000")
    price.press("Enter")
    page.get_by_text("sekarang tersisa Rp 16.560").wait_for()
    price.fill("40.000")
    price.press("Enter")
    page.get_by_text("Titik impas: 13 botol 100 ml sebulan").wait_for()
    assert not page.page_errors


def test_a_saved_plan_survives_a_reload(page, server, wait_for_voila):
    kode = register(server, "Uji Rencana")
    open_page(page, server, "app_rencana_usaha", kode, wait_for_voila)
    assert "bulan ke-5" in page.locator("[data-testid=kesimpulan]").inner_text()
    page.get_by_label("Saluran", exact=True).select_option(label="Koperasi")
    page.get_by_text("bulan ke-11").first.wait_for()  # the cooperative pays a month later
    page.get_by_role("button", name="Simpan untuk rencana aksi desa").click()
    status = page.locator("[data-testid=rencana-tersimpan]")
    status.get_by_text("Tersimpan untuk rencana aksi desa").wait_for()
    assert "Koperasi" in status.inner_text()

    open_page(page, server, "app_rencana_usaha", kode, wait_for_voila)  # reload
    assert page.get_by_label("Saluran", exact=True).input_value() == "Koperasi"
    assert "Koperasi" in page.locator("[data-testid=rencana-tersimpan]").inner_text()
    assert "bulan ke-11" in page.locator("[data-testid=kesimpulan]").inner_text()
    page.get_by_role("button", name="Buat file Excel").click()
    link = page.locator("a.dk-download[download$='.xlsx']")
    link.wait_for()
    assert link.get_attribute("href").startswith("data:application/vnd.openxmlformats")
    assert not page.page_errors


def test_the_margin_trap_in_the_lesson_on_a_phone(phone_page, server, wait_for_voila):
    page = phone_page
    kode = register(server, "Uji Pelajaran Usaha")
    page.goto(f"{server.url}?kode={kode}")
    wait_for_voila(page)
    page.get_by_role("link", name=re.compile("Pelajaran: Usaha keluarga")).click()
    wait_for_voila(page)
    text = page.locator("#rendered_cells").inner_text()
    for code_words in ("jawaban = ", "cek(", "Di JupyterLab", "NBVAL"):
        assert code_words not in text, code_words
    latihan = page.locator(".dk-soal", has=page.get_by_text("Jawaban Latihan 2.3", exact=True))
    latihan.get_by_role("textbox").fill("19.760")  # HPP + 30%: the trap
    latihan.get_by_role("button", name="Periksa").click()
    latihan.locator(".dk-msg-warn").wait_for()
    assert "markup" in latihan.inner_text()
    latihan.get_by_role("textbox").fill("21.715")
    latihan.get_by_role("button", name="Periksa").click()
    latihan.locator(".dk-msg-ok").wait_for()
    assert "Latihan 2.3 benar!" in latihan.inner_text()
    page.locator(".dk-saved").first.wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert not page.page_errors
