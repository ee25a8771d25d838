"""The pillar-1 lesson as a village head does it: on a phone, from the home page, no code."""

from __future__ import annotations

import pytest

from desmigratif_kit.core.store import Store

pytestmark = pytest.mark.browser

LESSON = "1_layanan_migrasi/01_migrasi_aman.ipynb"


def register(server, name: str) -> str:
    with Store(server.workspace / "desmigratif.sqlite3") as store:
        return store.register("kepala_desa", name, "53.08.12.2014").code


def exercise(page, number: str):
    return page.locator(".dk-soal", has=page.get_by_text(f"Jawaban Latihan {number}", exact=True))


def test_village_head_answers_the_lesson_on_a_phone_and_finds_it_after_a_reload(
    phone_page, server, wait_for_voila
):
    page = phone_page
    kode = register(server, "Uji Pelajaran")
    page.goto(f"{server.url}?kode={kode}")
    wait_for_voila(page)
    progress = page.locator("[data-testid=progres-pelajaran]").first
    assert progress.inner_text() == "belum dimulai"
    page.get_by_role("link", name="Pelajaran: Migrasi aman dimulai dari desa").click()
    wait_for_voila(page)
    assert f"/voila/render/{LESSON}?kode={kode}" in page.url
    assert kode[:3] in page.locator(".dk-bar").inner_text()

    # nothing on the page asks to edit code
    text = page.locator("#rendered_cells").inner_text()
    for code_words in ("jawaban = ", "ganti ... dengan", "cek(", "Shift+Enter", "Di JupyterLab"):
        assert code_words not in text, code_words

    latihan = exercise(page, "1.1")
    latihan.get_by_role("textbox").fill("21")
    latihan.get_by_role("button", name="Periksa").click()
    latihan.locator(".dk-msg-warn").wait_for()
    assert "belum tepat" in latihan.inner_text()
    assert "Percobaan: 1" in latihan.inner_text()
    latihan.get_by_role("textbox").fill("18")
    latihan.get_by_role("button", name="Periksa").click()
    latihan.locator(".dk-msg-ok").wait_for()
    assert "Latihan 1.1 benar!" in latihan.inner_text()
    page.get_by_text("1 dari 6 latihan benar").first.wait_for()
    page.locator(".dk-saved").wait_for()

    latihan = exercise(page, "1.4")  # several choices: checkboxes labelled by the rules
    latihan.get_by_label("Uang pengikat untuk keluarga").check()
    latihan.get_by_role("button", name="Periksa").click()
    latihan.locator(".dk-msg-warn").wait_for()

    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"page wider than the phone ({width}px)"

    page.goto(f"{server.url}voila/render/{LESSON}?kode={kode}")  # reload with the code
    wait_for_voila(page)
    latihan = exercise(page, "1.1")
    assert latihan.get_by_role("textbox").input_value() == "18"
    assert "Latihan 1.1 benar!" in latihan.inner_text() and "Percobaan: 2" in latihan.inner_text()
    assert exercise(page, "1.4").get_by_label("Uang pengikat untuk keluarga").is_checked()
    assert "1 dari 6 latihan benar" in page.locator("[data-testid=progres]").first.inner_text()

    page.get_by_role("link", name="← Beranda").first.click()
    wait_for_voila(page)
    assert (
        "1 dari 6 latihan benar"
        in page.locator("[data-testid=progres-pelajaran]").first.inner_text()
    )
    assert not page.page_errors
