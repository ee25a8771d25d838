"""The server when things go wrong, in a real browser: a full server, kernels killed during a
wave, a participant whose kernel died, and what the facilitator's terminal shows."""

from __future__ import annotations

import json
import os
import random
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from desmigratif_kit.core.store import Store

pytestmark = pytest.mark.browser

LESSON = "import ipywidgets as w\nw.IntSlider(description='Nilai')"
WAVE_PATHS = [
    "voila/render/00_beranda.ipynb?kode=",
    "voila/render/1_layanan_migrasi/app_cek_kesiapan.ipynb",
    "voila/render/1_layanan_migrasi/app_waspada_calo.ipynb",
    "voila/render/1_layanan_migrasi/app_register_desa.ipynb",
]


@pytest.fixture(scope="module")
def small_notebooks(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("kecil")
    nb = new_notebook(cells=[new_code_cell(LESSON)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}  # fmt: skip
    nbformat.write(nb, str(root / "belajar.ipynb"))
    return root


def kernel_id(page) -> str:
    return json.loads(page.locator("#jupyter-config-data").first.inner_text())["kernelId"]


def test_a_full_server_shows_a_friendly_page_that_retries_by_itself(
    start_server, small_notebooks, new_page, wait_for_voila, close_tab
):
    # one participant at most: two open pages (the home page and one app)
    srv = start_server(notebooks=small_notebooks, pool=0, app_pool=0, lesson_pool=0,
                       extra_args=["--max-participants", "1"])  # fmt: skip
    try:
        url = srv.url + "voila/render/belajar.ipynb"
        first, second = new_page(), new_page()
        for pg in (first, second):
            pg.goto(url)
            wait_for_voila(pg)
        srv.wait_for_kernel_count(2)

        waiting = new_page(phone=True)
        response = waiting.goto(url)
        assert response.status == 503
        waiting.get_by_text("Server penuh, coba lagi sebentar lagi").wait_for()
        assert waiting.get_by_text("The server is full").is_visible()
        counter = waiting.locator("[data-dk-s]").first
        first_count = int(counter.inner_text())
        waiting.wait_for_function(
            f"() => Number(document.querySelector('[data-dk-s]').textContent) < {first_count}"
        )  # it counts down by itself
        assert waiting.get_by_role("button", name="Coba lagi sekarang (Try again now)").is_visible()
        assert srv.kernel_count() == 2  # refusing started no kernel
        assert "Server penuh" in srv.log()  # and the facilitator was told

        close_tab(first)  # a participant leaves: room for one page
        srv.wait_for_kernel_count(1, timeout=30)
        waiting.wait_for_selector(".widget-slider", timeout=60_000)  # it retried by itself
        wait_for_voila(waiting)
        assert waiting.page_errors == []
    finally:
        srv.stop()


def test_kernels_killed_during_a_wave_leave_no_page_hanging_and_pages_after_work(
    start_server, migration_notebooks, new_page, wait_for_voila
):
    """A wave of 20 page loads while kernels are SIGKILLed at random (as the out-of-memory
    killer would): every load ends (the page, or the message that reloads it), dead kernels
    leave their pools, and every page opened afterwards renders its widgets."""
    srv = start_server(notebooks=migration_notebooks, pool=4, app_pool=2, lesson_pool=0)
    try:
        srv.wait_for_kernel_count(srv.pooled_kernels, timeout=180)
        kode = Store(srv.workspace / "desmigratif.sqlite3").register("kepala_desa", "Uji").code
        paths = [WAVE_PATHS[i % len(WAVE_PATHS)] for i in range(20)]
        paths = [p + kode if p.endswith("=") else p for p in paths]
        rng = random.Random(20261203)
        killed: list[int] = []
        stop = threading.Event()

        def killer():
            stop.wait(0.3)
            while not stop.is_set() and len(killed) < 12:
                pids = srv.kernel_pids()
                if pids:
                    pid = rng.choice(pids)
                    try:
                        os.kill(pid, signal.SIGKILL)
                        killed.append(pid)
                    except ProcessLookupError:
                        pass
                stop.wait(0.25)

        def load(path):
            try:
                return srv.get(path, timeout=150)
            except Exception as err:  # a load that never ends shows up here
                return err

        thread = threading.Thread(target=killer)
        thread.start()
        with ThreadPoolExecutor(20) as pool:
            results = list(pool.map(load, paths))
        stop.set()
        thread.join()

        assert len(killed) >= 5, killed
        hung = [(p, r) for p, r in zip(paths, results, strict=True) if isinstance(r, Exception)]
        assert hung == [], f"loads that did not end: {hung}\n{srv.log()[-3000:]}"
        for path, (status, _, body) in zip(paths, results, strict=True):
            assert status in (200, 503), (path, status)
            text = body.decode("utf-8", "replace")
            assert text.rstrip().endswith("</html>"), (path, text[-300:])
        recovered = sum(b'data-dk-page="failed"' in r[2] for r in results)
        print(f"killed {len(killed)} kernels; {recovered} of 20 pages ended with the message")

        # the pools replace what died; nobody is handed a dead kernel afterwards
        srv.wait_for_kernel_count(lambda n: n >= srv.pooled_kernels, timeout=120)
        for path in WAVE_PATHS:
            pg = new_page()
            pg.goto(srv.url + (path + kode if path.endswith("=") else path))
            wait_for_voila(pg)
            assert pg.locator(".jupyter-widgets").count() > 0, path
            assert pg.locator(".dk-dead").count() == 0, path
            assert pg.page_errors == [], path
    finally:
        srv.stop()


def test_a_participant_whose_kernel_died_reloads_and_gets_their_work_back(
    start_server, migration_notebooks, page, wait_for_voila
):
    srv = start_server(notebooks=migration_notebooks, pool=0, app_pool=1, lesson_pool=0)
    try:
        kode = Store(srv.workspace / "desmigratif.sqlite3").register("kepala_desa", "Ratna").code
        page.goto(f"{srv.url}voila/render/1_layanan_migrasi/app_cek_kesiapan.ipynb?kode={kode}")
        wait_for_voila(page)
        page.get_by_label("Tanggal lahir").fill("02/04/1999")
        page.get_by_label("Tanggal lahir").press("Enter")
        page.wait_for_selector(".dk-saved")  # autosaved

        pid = srv.kernel_pid(kernel_id(page))
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        bar = page.locator(".dk-dead")
        bar.wait_for(timeout=30_000)
        assert "Sambungan ke server terputus" in bar.inner_text()
        assert "Pekerjaan Anda yang sudah tersimpan aman" in bar.inner_text()

        bar.get_by_role("button").click()  # "Muat ulang (Reload)"
        page.wait_for_load_state("domcontentloaded")
        wait_for_voila(page)
        assert page.get_by_label("Tanggal lahir").input_value() == "02/04/1999"
        assert page.locator(".dk-dead").count() == 0
        assert kernel_id(page) != "" and srv.kernel_pid(kernel_id(page)) != pid
    finally:
        srv.stop()


def test_the_terminal_shows_the_banner_and_the_log_goes_to_the_workspace(server):
    # the shared server: other tests' pages may hold kernels too
    server.wait_for_kernel_count(lambda n: n >= server.pooled_kernels, timeout=120)
    deadline = time.monotonic() + 30
    while "Kapasitas" not in server.log_path.read_text(errors="replace"):
        assert time.monotonic() < deadline
        time.sleep(0.2)
    terminal = server.log_path.read_text(errors="replace")
    assert "Peserta membuka alamat ini" in terminal and server.url in terminal
    assert "00_beranda.ipynb" in terminal and "Hasil kerja disimpan di" in terminal
    # the noise of Voila, jupyter_server and the kernels stays out of the terminal
    for noise in ("Kernel started", "is not trusted", "WARNING", "running over TCP"):
        assert noise not in terminal, noise
    full_log = (server.workspace / "server.log").read_text(errors="replace")
    assert "Kernel started" in full_log and "warm in" in full_log
    assert "running over TCP" not in full_log  # kernels talk over Unix sockets
