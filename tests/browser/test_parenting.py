"""The pillar-3 apps and lesson in a real browser (headless Chromium) against the workshop
server: each loads on a phone from the home page, a measurement shows its category and its
point on the chart, impossible input gets a message (not a crash), a messy roster file is
imported and survives a reload, the activity plan and the lesson keep what was entered."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desmigratif_kit.core.store import Store

pytestmark = pytest.mark.browser

FOLDER = "3_community_parenting"
PAGES = {
    "03_pengasuhan_bersama": "Mengasuh bersama: anak pekerja migran tumbuh sehat",
    "app_tumbuh_kembang": "Pantau Tumbuh Kembang Anak",
    "app_data_anak": "Data Anak Desa",
    "app_rencana_parenting": "Rencana Kegiatan Parenting",
}
TODAY = date.today()
# a girl of exactly 3 years measured today (1.095 or 1.096 days: TB/U -2,0 at 87,4 cm)
BIRTH = (
    TODAY.replace(year=TODAY.year - 3)
    if (TODAY.month, TODAY.day) != (2, 29)
    else (TODAY - timedelta(days=1096))
)
ROSTER_CSV = (
    "Nama Balita;JK;Tgl Lahir;Tgl Timbang;BB (kg);TB/PB (cm);Posisi;Diasuh oleh\n"
    f"Théresia Ndona;Perempuan;{BIRTH:%d/%m/%Y};{TODAY:%d/%m/%Y};10,1;85,0;berdiri;Mbah\n"
    ";;;;;;;\n"
    "Yosef Bata;L;12/03/2023;;;;;bapak\n"
).encode("cp1252")


def register(server, name: str) -> str:
    with Store(server.workspace / "desmigratif.sqlite3") as store:
        return store.register("kepala_desa", name, "33.13.15.2007").code


def open_page(page, server, name: str, kode: str | None, wait_for_voila, guard_s=60) -> None:
    """Open a page of the pillar; ``guard_s`` bounds the wait (a hang guard, not a timing: a
    page opened again before its pool has refilled runs in a fresh kernel)."""
    query = f"?kode={kode}" if kode else ""
    page.goto(f"{server.url}voila/render/{FOLDER}/{name}.ipynb{query}", timeout=guard_s * 1000)
    wait_for_voila(page, timeout_ms=guard_s * 1000)


def fits(page, width: int = 390) -> None:
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"page wider than the phone ({scroll}px)"


def test_each_app_and_the_lesson_open_from_the_home_page_on_a_phone(
    phone_page, server, wait_for_voila
):
    page = phone_page
    kode = register(server, "Uji Pilar Tiga")
    page.goto(f"{server.url}?kode={kode}")
    wait_for_voila(page)
    for name, title in PAGES.items():
        link_name = "Pelajaran: Mengasuh bersama, memantau tumbuh kembang" if name.startswith(
            "03") else title  # fmt: skip
        page.get_by_role("link", name=link_name).click()
        wait_for_voila(page)
        assert f"{FOLDER}/{name}.ipynb?kode={kode}" in page.url
        assert page.get_by_role("heading", name=title).first.is_visible(), name
        assert page.locator(".dk-msg-error").count() == 0, name
        assert kode[:3] in page.locator(".dk-bar").first.inner_text(), name
        fits(page)
        page.go_back()
        wait_for_voila(page)
    assert not page.page_errors


def test_a_measurement_shows_its_category_and_its_point_on_the_chart(
    phone_page, server, wait_for_voila
):
    page = phone_page
    kode = register(server, "Uji Tumbuh Kembang")
    open_page(page, server, "app_tumbuh_kembang", kode, wait_for_voila)
    page.get_by_label("Perempuan").check()
    page.get_by_label("Tanggal lahir").fill(f"{BIRTH:%d/%m/%Y}")
    page.get_by_label("Tanggal lahir").press("Enter")
    page.locator(".dk-saved").wait_for()
    assert page.get_by_label("Tanggal ukur").input_value() == f"{TODAY:%d/%m/%Y}"  # today
    page.get_by_label("Berat badan (kg)").fill("10.2")  # a phone keyboard's dot
    page.get_by_label("Panjang/tinggi badan (cm)").fill("87,4")
    page.get_by_label("Berdiri (tinggi badan)").check()
    page.get_by_role("button", name="Simpan ukuran").click()
    category = page.locator("[data-testid=kategori-tb_u]")
    category.wait_for()
    assert category.inner_text() in ("Pendek (stunted)", "Normal")  # -2,01 or -2,00 by leap days
    assert "Berat badan kurang" in page.locator("[data-testid=kategori-bb_u]").inner_text()
    assert "bidan desa atau puskesmas" in page.locator("[data-testid=saran]").inner_text()
    chart = page.locator(".dk-chart img, img.dk-chart").first
    chart.scroll_into_view_if_needed()
    assert chart.is_visible()
    page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 500", arg=chart.element_handle()
    )  # the PNG of WHO's curves with the child's point (drawn only once there is a point)
    assert f"{TODAY:%d/%m/%Y}" in page.locator("[data-testid=riwayat]").inner_text()
    fits(page)
    # the point is on the card: the chart comes back after a reload, with the same history
    open_page(page, server, "app_tumbuh_kembang", kode, wait_for_voila, guard_s=240)
    assert page.locator("[data-testid=kategori-tb_u]").inner_text() == category.inner_text()
    assert page.get_by_label("Tanggal lahir").input_value() == f"{BIRTH:%d/%m/%Y}"
    page.get_by_role("button", name="PB/U atau TB/U").click()
    page.wait_for_timeout(500)
    with Store(server.workspace / "desmigratif.sqlite3") as store:
        saved = store.load(kode, "tumbuh_kembang").data
    assert saved["ukuran"][0]["berat_kg"] == 10.2 and saved["ukuran"][0]["tinggi_cm"] == 87.4
    assert not page.page_errors


@pytest.mark.parametrize(
    ("weight", "length", "day", "words"),
    [
        ("-2", "", None, 'diberikan "-2"'),
        ("", "300", None, 'antara 38 dan 150 cm, diberikan "300"'),
        ("15", "", "10/03/2031", "umur 0-60 bulan"),
    ],
)
def test_impossible_input_gets_a_clear_message_not_a_crash(
    page, server, wait_for_voila, weight, length, day, words
):
    kode = register(server, "Uji Salah Isi")
    open_page(page, server, "app_tumbuh_kembang", kode, wait_for_voila)
    page.get_by_label("Laki-laki").check()
    page.get_by_label("Tanggal lahir").fill("10/01/2026" if day else f"{BIRTH:%d/%m/%Y}")
    page.get_by_label("Tanggal lahir").press("Enter")
    if day:
        page.get_by_label("Tanggal ukur").fill(day)
    page.get_by_label("Berat badan (kg)").fill(weight)
    page.get_by_label("Panjang/tinggi badan (cm)").fill(length)
    page.get_by_role("button", name="Simpan ukuran").click()
    message = page.locator(".dk-msg-error").first
    message.wait_for()
    assert words in message.inner_text() and "diharapkan" in message.inner_text()
    assert "Maaf" not in message.inner_text()  # not the generic error
    assert page.locator("[data-testid=hasil]").count() == 0
    assert not page.page_errors


def test_a_messy_roster_file_is_imported_and_survives_a_reload(
    phone_page, server, wait_for_voila, tmp_path
):
    page = phone_page
    kode = register(server, "Uji Data Anak")
    csv_path = tmp_path / "posyandu.csv"
    csv_path.write_bytes(ROSTER_CSV)
    open_page(page, server, "app_data_anak", kode, wait_for_voila)
    with page.expect_file_chooser() as chooser:
        page.locator(".widget-upload").click()
    chooser.value.set_files(str(csv_path))
    page.get_by_text("2 baris dari").wait_for()
    assert "Théresia Ndona" in page.locator("[data-testid=tabel-anak]").inner_text()
    assert page.locator("[data-testid=angka-anak] b").inner_text() == "2"
    assert "Théresia Ndona" in page.locator("[data-testid=perlu-kunjungan]").inner_text()
    fits(page)
    open_page(page, server, "app_data_anak", kode, wait_for_voila, guard_s=240)  # reload
    table = page.locator("[data-testid=tabel-anak]").inner_text()
    assert "Théresia Ndona" in table and "Yosef Bata" in table
    page.get_by_role("button", name="Ringkasan tanpa nama").click()
    link = page.locator("a.dk-download[download^='ringkasan-anak-desa']")
    link.wait_for()
    assert "Ndona" not in (link.get_attribute("href") or "")
    assert not page.page_errors


def test_the_activity_plan_keeps_a_session(page, server, wait_for_voila):
    kode = register(server, "Uji Rencana")
    open_page(page, server, "app_rencana_parenting", kode, wait_for_voila)
    page.get_by_role("button", name="Tambahkan ke rencana").click()
    date_cell = page.get_by_placeholder("misalnya 10/08/2025").first
    date_cell.wait_for()
    date_cell.fill("09/01/2027")
    date_cell.press("Enter")
    page.get_by_text("Kegiatan berikutnya: 9 Januari 2027").wait_for()
    open_page(page, server, "app_rencana_parenting", kode, wait_for_voila, guard_s=240)
    assert page.get_by_placeholder("misalnya 10/08/2025").first.input_value() == "09/01/2027"
    assert not page.page_errors


def test_the_lesson_checks_an_answer_and_keeps_it(phone_page, server, wait_for_voila):
    page = phone_page
    kode = register(server, "Uji Pelajaran Tiga")
    open_page(page, server, "03_pengasuhan_bersama", kode, wait_for_voila)
    text = page.locator("#rendered_cells").inner_text()
    for code_words in ("jawaban = ", "cek(", "Di JupyterLab", "Untuk pelatih"):
        assert code_words not in text, code_words
    latihan = page.locator(".dk-soal", has=page.get_by_text("Jawaban Latihan 3.5", exact=True))
    latihan.get_by_role("textbox").fill("16")
    latihan.get_by_role("button", name="Periksa").click()
    latihan.locator(".dk-msg-warn").wait_for()
    assert "sangat pendek juga" in latihan.inner_text()
    latihan.get_by_role("textbox").fill("21")
    latihan.get_by_role("button", name="Periksa").click()
    latihan.locator(".dk-msg-ok").wait_for()
    page.get_by_text("1 dari 6 latihan benar").first.wait_for()  # drawn once it is saved
    fits(page)
    open_page(page, server, "03_pengasuhan_bersama", kode, wait_for_voila, guard_s=240)
    latihan = page.locator(".dk-soal", has=page.get_by_text("Jawaban Latihan 3.5", exact=True))
    assert latihan.get_by_role("textbox").input_value() == "21"
    assert "1 dari 6 latihan benar" in page.locator("[data-testid=progres]").first.inner_text()
    assert not page.page_errors
