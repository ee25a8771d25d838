"""The real home page (notebooks/00_beranda.ipynb) in headless Chromium."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def sign_up_as_village_head(page, name: str) -> str:
    page.get_by_placeholder("Ketik untuk menyaring…").fill("rangga talo")
    matches = page.locator("select[size]")
    matches.locator("option", has_text="Ranggatalo, Lio Timur").wait_for()
    matches.select_option(label="Ranggatalo, Lio Timur, Kabupaten Ende, Nusa Tenggara Timur")
    page.locator(
        "select", has=page.locator("option:checked", has_text="Ranggatalo")
    ).last.wait_for()
    page.get_by_placeholder("contoh: Irmibus Denny").fill(name)
    page.get_by_role("button", name="Daftar").click()
    code = page.locator("[data-testid=kode-peserta]")
    code.wait_for()
    return code.inner_text().strip()


def test_new_village_head_signs_up_and_comes_back_with_the_code(server, page, wait_for_voila):
    page.goto(server.url)
    wait_for_voila(page)
    assert page.url.endswith("/voila/render/00_beranda.ipynb")
    code = sign_up_as_village_head(page, "Kepala Desa Uji <i>miring</i>")
    assert len(code) == 7 and code[3] == "-"
    assert page.locator("i", has_text="miring").count() == 0  # typed text shown escaped

    # A new visit with the code in the address: the village and name come back.
    page.goto(f"{server.url}?kode={code.replace('-', '')}")
    wait_for_voila(page)
    welcome = page.locator(".dk-card", has=page.locator("[data-testid=kode-peserta]"))
    assert "Ranggatalo, Lio Timur, Kabupaten Ende, Nusa Tenggara Timur" in welcome.inner_text()
    assert "Kepala Desa Uji <i>miring</i>" in page.locator(".dk-bar").inner_text()
    assert page.locator("[data-testid=kode-peserta]").inner_text().strip() == code
    # links to the pillar-1 apps carry the code along
    link = page.get_by_role("link", name="Cek Kesiapan CPMI")
    assert link.get_attribute("href").endswith(f"?kode={code.replace('-', '')}")

    # into an app and back home, signed in all the way
    link.click()
    wait_for_voila(page)
    assert "/1_layanan_migrasi/app_cek_kesiapan.ipynb" in page.url
    assert code in page.locator(".dk-bar").inner_text()
    page.get_by_role("link", name="← Beranda").click()
    wait_for_voila(page)
    assert page.locator("[data-testid=kode-peserta]").inner_text().strip() == code
    assert page.page_errors == []


def test_unknown_code_in_the_address_is_explained(server, page, wait_for_voila):
    page.goto(f"{server.url}?kode=ZZZ999")
    wait_for_voila(page)
    page.get_by_text("Kode peserta").first.wait_for()
    assert "tidak ditemukan" in page.locator(".dk-msg-warn").inner_text()
    assert page.get_by_role("button", name="Daftar").is_visible()


def test_home_page_on_a_phone(server, phone_page, wait_for_voila):
    phone_page.goto(server.url)
    wait_for_voila(phone_page)
    assert phone_page.get_by_role(
        "heading", name="Selamat datang di Kit Lokakarya Desmigratif"
    ).is_visible()
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"page wider than the phone ({width}px)"
    search = phone_page.get_by_placeholder("Ketik untuk menyaring…")
    box = search.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert box["height"] >= 30  # large enough to tap
    assert phone_page.page_errors == []
