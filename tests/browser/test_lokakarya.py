"""The workshop layer in headless Chromium, offline (every non-local request is blocked and
fails the test): the results board (PIN, escaping, live refresh), the action plan and the
district dashboard on a phone, the home page by role, the guide, and a lesson as slides."""

from __future__ import annotations

import io
import re
import time

import openpyxl
import pytest

from desmigratif_kit import migration
from desmigratif_kit.core.store import Store
from desmigratif_kit.migration.register_edit import register_records

pytestmark = pytest.mark.browser

XSS = "<img src=x onerror=alert(1)>"
BOARD = "voila/render/lokakarya/app_papan_hasil.ipynb"
PLAN = "voila/render/lokakarya/app_rencana_aksi.ipynb"
DASHBOARD = "voila/render/lokakarya/app_dasbor_kabupaten.ipynb"
GUIDE = "voila/render/lokakarya/panduan_fasilitator.ipynb"
LESSON = "voila/render/1_layanan_migrasi/01_migrasi_aman.ipynb"


def server_pin(server) -> str:
    """The PIN the server printed in its start-up banner."""
    line = r"PIN fasilitator untuk Papan Hasil \(facilitator PIN, results board\): (\d+)"
    found = re.search(line, server.log())
    assert found, "the start-up banner shows no facilitator PIN:\n" + server.log()[-3000:]
    return found.group(1)


def store(server) -> Store:
    return Store(server.workspace)


def no_horizontal_overflow(page, width: int) -> None:
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"page wider than the screen ({scroll}px > {width}px)"


def open_app(page, server, wait_for_voila, path: str) -> None:
    page.goto(server.url + path)
    wait_for_voila(page)
    page.locator(".dk-app").first.wait_for()


def tiles(page) -> dict[str, int]:
    found = page.locator("[data-testid=angka-ruangan] .dk-tile").all_inner_texts()
    return {" ".join(t.split()[1:]): int(t.split()[0].replace(".", "")) for t in found}


def test_board_needs_the_servers_pin_escapes_names_and_refreshes_itself(
    server, page, wait_for_voila
):
    pin = server_pin(server)
    db = store(server)
    sample = migration.load_sample_register()
    person = db.register("kepala_desa", XSS, "53.08.12.2014")
    db.save(person.code, "register_desa", {"records": register_records(sample.head(6))})
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    open_app(page, server, wait_for_voila, BOARD)
    assert page.locator("[data-testid=angka-ruangan]").count() == 0
    assert XSS not in page.content()  # nothing of the room is in the page before the PIN
    wrong = "000000" if pin != "000000" else "111111"
    page.locator("input[type=password]").fill(wrong)
    page.get_by_role("button", name="Buka papan").click()
    page.locator(".dk-msg-error", has_text="PIN salah").wait_for()
    assert page.locator("[data-testid=angka-ruangan]").count() == 0

    time.sleep(2.2)  # the back-off after one wrong PIN
    page.locator("input[type=password]").fill(pin)
    page.get_by_role("button", name="Buka papan").click()
    page.locator("[data-testid=angka-ruangan]").wait_for()
    before = tiles(page)["desa sudah masuk"]
    assert before >= 1
    who = page.locator("[data-testid=desa-masuk]")
    assert XSS in who.inner_text()  # shown as text ...
    assert page.locator("img[src=x]").count() == 0  # ... never as an element
    assert dialogs == []
    no_horizontal_overflow(page, 1280)

    # a village signs in and saves while the board is open: it appears without a reload
    late = db.register("kepala_desa", "Kepala Kuripan", "33.07.10.2004")
    db.save(late.code, "cek_kesiapan", {"form": {"jalur": "p3mi"}})
    page.wait_for_function(
        """n => { const t = document.querySelector('[data-testid=angka-ruangan] .dk-tile b');
                  return t && Number(t.textContent.replace(/\\./g, '')) > n; }""",
        arg=before,
        timeout=30_000,
    )
    page.locator("[data-testid=desa-masuk]", has_text="Kepala Kuripan").wait_for()
    assert page.page_errors == [] and dialogs == []


def test_action_plan_on_a_phone_saves_and_downloads(server, phone_page, wait_for_voila):
    db = store(server)
    person = db.register("kepala_desa", "Kepala Anjani", "52.03.13.2001")
    page = phone_page
    open_app(page, server, wait_for_voila, f"{PLAN}?kode={person.code}")
    assert "Kepala Anjani" in page.locator(".dk-bar").inner_text()
    no_horizontal_overflow(page, 390)
    page.get_by_text("Baru mulai").click()
    target = page.locator("textarea")
    target.fill("Semua PMI desa tercatat sebelum Desember")
    target.press("Tab")
    page.locator(".dk-row-card input").first.fill("Rapat desa migrasi aman")
    page.locator(".dk-row-card input").first.press("Tab")
    page.locator(".dk-saved").wait_for()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        saved = db.load(person.code, "rencana_aksi")
        if saved and saved.data["pilar"]["1"]["tindakan"]:
            break
        time.sleep(0.3)
    part = saved.data["pilar"]["1"]
    assert part["status"] == "mulai" and part["target"].startswith("Semua PMI desa")
    assert part["tindakan"][0]["tindakan"] == "Rapat desa migrasi aman"
    gaps = page.locator("[data-testid=celah-1]").inner_text()
    assert "Tindakan 1: penanggung jawab belum ditulis" in gaps  # gaps shown, not hidden

    page.get_by_role("button", name="Ringkasan").click()
    page.get_by_role("button", name="Siapkan berkas unduhan").click()
    link = page.get_by_role("link", name="Rencana (Excel)")
    link.wait_for()
    with page.expect_download() as info:
        link.click()
    book = openpyxl.load_workbook(io.BytesIO(open(info.value.path(), "rb").read()))
    assert book["Ringkasan"]["B3"].value == "Baru mulai"
    assert (
        page.get_by_role("link", name="Halaman cetak A4")
        .get_attribute("download")
        .endswith(".html")
    )
    no_horizontal_overflow(page, 390)
    assert page.page_errors == []


def test_district_dashboard_on_a_phone(server, phone_page, wait_for_voila):
    db = store(server)
    sample = migration.load_sample_register()
    trouble = sample[sample["status"].astype(str) == "bermasalah"].head(2)
    village = db.register("kepala_desa", "Kepala Ondorea", "53.08.01.2002")
    db.save(village.code, "register_desa", {"records": register_records(trouble)})
    dinas = db.register("kepala_dinas", "Kadis Ende", "53.08")
    page = phone_page
    open_app(page, server, wait_for_voila, f"{DASHBOARD}?kode={dinas.code}")
    page.get_by_role("heading", name="Dasbor Kabupaten Ende").wait_for()
    table = page.locator("[data-testid=tabel-kabupaten]")
    assert "Ondorea (Nangapanda)" in table.inner_text()
    assert table.locator("td.dk-follow").count() >= 1  # troubled workers: highlighted
    wide = table.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert wide[0] > wide[1]  # the table scrolls sideways inside its box ...
    no_horizontal_overflow(page, 390)  # ... the page itself does not
    text = page.locator(".dk-app").inner_text()
    for nik in trouble["nik"].astype(str):
        assert nik not in text and nik[-4:] not in text
    page.get_by_role("heading", name="Konteks nasional").wait_for()
    images = page.locator(".dk-card img")
    assert images.count() == 5
    assert all(images.nth(i).evaluate("e => e.naturalWidth > 300") for i in range(5))
    assert page.page_errors == []


@pytest.mark.parametrize("path", [BOARD, PLAN, DASHBOARD, GUIDE])
@pytest.mark.parametrize("size", ["phone_page", "page"])
def test_each_workshop_page_loads_at_phone_and_projector_size(
    server, wait_for_voila, request, path, size
):
    page = request.getfixturevalue(size)
    width = 390 if size == "phone_page" else 1280
    page.goto(server.url + path)
    wait_for_voila(page)
    page.locator("h1").first.wait_for()
    no_horizontal_overflow(page, width)
    assert page.page_errors == []


def test_home_page_by_role_in_the_browser(server, page, wait_for_voila):
    fasilitator = store(server).register("fasilitator", "Fasilitator Uji")
    page.goto(f"{server.url}?kode={fasilitator.code}")
    wait_for_voila(page)
    card = page.locator("[data-testid=kartu-peran]")
    board = card.get_by_role("link", name="Papan Hasil")
    assert board.get_attribute("href") == f"lokakarya/app_papan_hasil.ipynb?kode={fasilitator.code}"
    assert card.get_by_role("link", name="Panduan Fasilitator").is_visible()
    above = page.evaluate(
        """() => document.querySelector('[data-testid=kartu-peran]').getBoundingClientRect().top
                 < document.querySelector('.dk-pillars').getBoundingClientRect().top"""
    )
    assert above  # the facilitator's pages come before the pillars
    card.get_by_role("link", name="Panduan Fasilitator").click()
    wait_for_voila(page)
    assert page.locator("[data-testid=bahan-lokakarya]").is_visible()
    slides = page.locator("[data-testid=presentasi]").first.get_attribute("href")
    assert slides == "../1_layanan_migrasi/01_migrasi_aman.ipynb?presentasi=1"


def test_a_lesson_as_slides_offline(server, page, wait_for_voila):
    page.goto(f"{server.url}{LESSON}?presentasi=1")
    wait_for_voila(page)
    counter = page.locator("[data-testid=nomor-salindia]")
    counter.wait_for()
    first, total = (int(n) for n in counter.inner_text().split(" / "))
    assert first == 1 and total >= 10
    visible = """() => Array.from(document.querySelectorAll('[cell-index]'))
                   .filter(e => e.offsetParent !== null).length"""
    shown = page.evaluate(visible)
    cells = page.locator("[cell-index]").count()
    assert 0 < shown < cells / 3  # one section, not the whole lesson
    assert page.get_by_role("heading", name="Migrasi aman dimulai dari desa").is_visible()
    page.keyboard.press("ArrowRight")
    assert counter.inner_text() == f"2 / {total}"
    assert not page.get_by_role("heading", name="Migrasi aman dimulai dari desa").is_visible()
    assert page.url.endswith("#salindia-2")
    page.keyboard.press("End")
    assert counter.inner_text() == f"{total} / {total}"
    page.get_by_role("button", name="Semua").click()
    assert page.locator("[data-testid=nomor-salindia]").count() == 0
    assert page.evaluate(visible) > shown
    assert page.page_errors == []
