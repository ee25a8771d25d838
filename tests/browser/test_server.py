"""The workshop server itself, over small notebooks made here (not the kit's real ones)."""

from __future__ import annotations

import asyncio
import gzip
import json
import re
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

pytestmark = pytest.mark.browser

HOME_CELLS = [
    "md:# Beranda uji",
    "import ipywidgets as w\nfrom urllib.parse import parse_qs\nfrom voila.utils import "
    "get_query_string",
    "kode = parse_qs(get_query_string() or '').get('kode', [''])[0]",
    "nama = w.Text(description='Nama')\n"
    "hasil = w.HTML('<span id=\"hasil\">-</span>')\n"
    "def ubah(change):\n"
    "    hasil.value = f'<span id=\"hasil\">Halo {change.new}</span>'\n"
    "nama.observe(ubah, 'value')\n"
    "w.VBox([w.HTML(f'<b id=\"kode\">Kode: {kode}</b>'), nama, hasil,\n"
    "        w.Button(description='Simpan', icon='save')])",
]
TEACHING_CELLS = ["md:# Belajar", "import ipywidgets as w\nw.IntSlider(description='Nilai')"]
APP_CELLS = ["import ipywidgets as w\nw.Dropdown(options=['a', 'b'], description='Pilih')"]


def write_notebook(path: Path, cells: list[str]) -> Path:
    nb = new_notebook(
        cells=[new_markdown_cell(c[3:]) if c.startswith("md:") else new_code_cell(c) for c in cells]
    )
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}  # fmt: skip
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path


@pytest.fixture(scope="module")
def notebooks(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("notebooks")
    write_notebook(root / "00_beranda.ipynb", HOME_CELLS)
    write_notebook(root / "belajar.ipynb", TEACHING_CELLS)
    write_notebook(root / "1_pilar" / "app_uji.ipynb", APP_CELLS)
    return root


@pytest.fixture(scope="module")
def kit(start_server, notebooks):
    """Our server over the notebooks above: home pool 1, app pool 1, lessons none."""
    srv = start_server(notebooks=notebooks, pool=1, app_pool=1, lesson_pool=0)
    yield srv
    srv.stop()


# --------------------------------------------------------------------------- HTTP


def test_session_server_over_the_kit_notebooks(server):
    status, headers, _ = server.get("/?kode=ABC234")
    assert status == 302
    assert headers["location"] in (
        "/voila/render/00_beranda.ipynb?kode=ABC234",  # once the home page exists
        "/voila/tree/?kode=ABC234",
    )
    assert server.get("voila/tree/")[0] == 200
    server.wait_for_kernel_count(server.pooled_kernels)


def test_root_redirects_to_home_keeping_query(kit):
    status, headers, _ = kit.get("/?kode=ABC234")
    assert status == 302
    assert headers["location"] == "/voila/render/00_beranda.ipynb?kode=ABC234"
    status, headers, _ = kit.get("/")
    assert status == 302
    assert headers["location"] == "/voila/render/00_beranda.ipynb"
    status, _, _ = kit.get("/voila/tree/")
    assert status == 200


def test_pages_are_gzipped_and_free_of_cdn_links(kit):
    for path in ("voila/render/belajar.ipynb", "voila/tree/", "voila/tree/tidak-ada"):
        status, headers, body = kit.get(path, headers={"Accept-Encoding": "gzip"})
        assert status in (200, 404), path
        assert headers.get("content-encoding") == "gzip", path
        html = gzip.decompress(body).decode("utf-8")
        kernel = re.search(r'"kernelId": "([0-9a-f-]+)"', html)
        if kernel:  # no browser here to send the tab-close beacon: send it ourselves
            status, _, _ = kit.get(f"voila/api/shutdown/{kernel[1]}", method="POST", body=b"")
            assert status == 204
        assert '<html lang="id">' in html, path
        assert 'name="viewport"' in html, path
        assert "cdn.jsdelivr" not in html and "fontawesome" not in html.lower(), path
        assert "cdnjs" not in html, path
        # nothing the browser would fetch from elsewhere
        fetched = re.findall(r'(?:src|href)="([^"]+)"', html)
        assert [u for u in fetched if re.match(r"(https?:)?//", u)] == [], path
        assert "desmigratif.css" in html, path
    status, headers, body = kit.get("voila/static/voila.js", headers={"Accept-Encoding": "gzip"})
    assert status == 200 and headers.get("content-encoding") == "gzip"
    status, headers, body = kit.get("voila/tree/")
    assert status == 200 and "content-encoding" not in headers  # only when asked


def test_widget_scripts_are_cached_and_unused_extensions_left_out(kit):
    """A page's widget scripts (content hash in ``?v=``) are cached by the browser: the next
    page does not ask for them again; the entry files are checked each time. JupyterLab's
    code highlighting is not loaded (a Voila page shows no code)."""
    status, _, body = kit.get("voila/render/belajar.ipynb")
    html = body.decode("utf-8")
    kernel = re.search(r'"kernelId": "([0-9a-f-]+)"', html)
    if kernel:
        kit.get(f"voila/api/shutdown/{kernel[1]}", method="POST", body=b"")
    config = json.loads(re.search(r'id="jupyter-config-data"[^>]*>(.*?)</script>', html, re.S)[1])
    names = [e["name"] for e in config["federated_extensions"]]
    assert "@jupyter-widgets/jupyterlab-manager" in names
    assert "jupyterlab_pygments" not in names
    manager = next(e for e in config["federated_extensions"]
                   if e["name"] == "@jupyter-widgets/jupyterlab-manager")  # fmt: skip
    entry = f"voila/labextensions/{manager['name']}/{manager['load']}"
    status, headers, _ = kit.get(entry)
    assert status == 200 and headers.get("cache-control") == "no-cache"
    static = Path(sys.prefix, "share/jupyter/labextensions", manager["name"], "static")
    chunk = next(p.name for p in static.glob("*.js") if not p.name.startswith("remoteEntry"))
    status, headers, _ = kit.get(f"voila/labextensions/{manager['name']}/static/{chunk}?v=1")
    assert status == 200
    assert "max-age" in headers.get("cache-control", ""), headers.get("cache-control")


API_PATHS = [
    ("GET", "api/kernels"),
    ("POST", "api/kernels"),
    ("GET", "api/sessions"),
    ("POST", "api/sessions"),
    ("GET", "api/contents"),
    ("GET", "api/contents/00_beranda.ipynb"),
    ("PUT", "api/contents/baru.ipynb"),
    ("GET", "api/terminals"),
    ("GET", "api/kernelspecs"),
    ("GET", "lab"),
    ("GET", "tree"),
    ("GET", "notebooks/00_beranda.ipynb"),
    ("GET", "voila/files/00_beranda.ipynb"),
    ("GET", "voila/files/1_pilar/app_uji.ipynb"),
]


@pytest.mark.parametrize(("method", "path"), API_PATHS)
def test_jupyter_api_absent(kit, method, path):
    body = b"{}" if method in ("POST", "PUT") else None
    status, _, data = kit.get(path, method=method, body=body)
    assert status in (403, 404, 405), (method, path, status, data[:200])
    assert b"ipywidgets" not in data  # no notebook source


def test_contents_listing_leaks_no_source(kit):
    status, _, data = kit.get("voila/api/contents/00_beranda.ipynb?content=1")
    assert status == 200
    assert json.loads(data)["content"] is None


# --------------------------------------------------------------------------- browser


def test_home_page_loads_offline_with_working_widgets(kit, page, wait_for_voila):
    page.goto(kit.url + "?kode=ABC234")
    assert page.url.endswith("/voila/render/00_beranda.ipynb?kode=ABC234")
    wait_for_voila(page)
    assert page.locator("#kode").inner_text() == "Kode: ABC234"
    page.get_by_label("Nama").fill("Siti")
    page.wait_for_function("() => document.querySelector('#hasil')?.innerText === 'Halo Siti'")
    # Font Awesome icon drawn from the bundled CSS (no CDN)
    icon_font = page.evaluate(
        "() => getComputedStyle(document.querySelector('button i.fa-save, button .fa-save'),"
        " '::before').fontFamily"
    )
    assert "Font Awesome" in icon_font
    assert page.evaluate("() => document.documentElement.lang") == "id"
    assert page.console_errors == [] and page.page_errors == []


def test_phone_page_is_readable(kit, phone_page, wait_for_voila):
    phone_page.goto(kit.url + "voila/render/belajar.ipynb")
    wait_for_voila(phone_page)
    assert phone_page.locator('meta[name="viewport"]').count() == 1
    # the kit's stylesheet applies on a narrow screen
    size = phone_page.evaluate(
        "() => getComputedStyle(document.body).getPropertyValue('--jp-content-font-size1')"
    )
    assert size.strip() == "16px"
    assert phone_page.locator(".widget-slider").is_visible()


def test_tree_page_offline(kit, page):
    page.goto(kit.url + "voila/tree/")
    page.get_by_text("00_beranda.ipynb").wait_for()
    page.get_by_text("1_pilar").wait_for()
    # Voila's own tree page polls /api/kernels, absent by design in standalone Voila
    assert [r for r in page.bad_responses if "/api/kernels?" not in r] == []
    assert page.page_errors == []


def _wait_gone(srv, kernel_id: str, timeout: float = 60) -> None:
    """Bounded wait until the kernel ``kernel_id`` has no process left (a hang guard)."""
    deadline = time.monotonic() + timeout
    while srv.kernel_pid(kernel_id) is not None:
        assert time.monotonic() < deadline, f"kernel {kernel_id} still running\n{srv.log()[-3000:]}"
        time.sleep(0.3)


def test_closing_the_tab_frees_its_kernel(kit, page, wait_for_voila, close_tab):
    # followed by its id: the pools refill 15 s after use, so a count alone races them
    page.goto(kit.url + "voila/render/belajar.ipynb")  # not pooled: its own kernel
    wait_for_voila(page)
    kernel_id = _kernel_id(page)
    assert kit.kernel_pid(kernel_id) is not None
    close_tab(page)
    _wait_gone(kit, kernel_id)


def test_preheated_home_kernel_freed_on_close_and_pool_refilled(
    kit, page, wait_for_voila, close_tab
):
    kit.wait_for_kernel_count(lambda n: n >= kit.pooled_kernels)
    page.goto(kit.url + "?kode=XYZ789")
    wait_for_voila(page)
    assert page.locator("#kode").inner_text() == "Kode: XYZ789"
    kernel_id = _kernel_id(page)
    assert f"Using pre-heated kernel: {kernel_id}" in kit.log()
    close_tab(page)
    _wait_gone(kit, kernel_id)
    # the pool refills behind the visitor: every pool full again, with new kernels
    kit.wait_for_kernel_count(lambda n: n >= kit.pooled_kernels)


def _kernel_id(page) -> str:
    config = json.loads(page.locator("#jupyter-config-data").first.inner_text())
    return config["kernelId"]


async def _try_execute(port: int, kernel_id: str, proof: Path) -> list[str]:
    """Send an execute_request (then a kernel_info_request) on the kernel's websocket.
    Returns the msg_types of the shell replies received before the kernel_info_reply."""
    from tornado.websocket import websocket_connect

    ws = await websocket_connect(f"ws://127.0.0.1:{port}/api/kernels/{kernel_id}/channels")
    session = uuid.uuid4().hex

    def message(msg_type, content):
        return json.dumps(
            {
                "header": {
                    "msg_id": uuid.uuid4().hex,
                    "msg_type": msg_type,
                    "username": "peserta",
                    "session": session,
                    "date": "2024-01-01T00:00:00Z",
                    "version": "5.3",
                },
                "parent_header": {},
                "metadata": {},
                "content": content,
                "channel": "shell",
                "buffers": [],
            }
        )

    code = f"open({str(proof)!r}, 'w').write('dijalankan')"
    await ws.write_message(
        message(
            "execute_request",
            {"code": code, "silent": False, "store_history": False, "user_expressions": {},
             "allow_stdin": False, "stop_on_error": True},
        )
    )  # fmt: skip
    await ws.write_message(message("kernel_info_request", {}))
    replies = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        raw = await asyncio.wait_for(ws.read_message(), timeout=30)
        if raw is None:
            break
        if isinstance(raw, bytes):
            continue
        msg = json.loads(raw)
        if msg.get("parent_header", {}).get("session") != session:
            continue
        msg_type = msg["header"]["msg_type"]
        if msg.get("channel") == "shell":
            replies.append(msg_type)
            if msg_type == "kernel_info_reply":
                break
    ws.close()
    return replies


def test_browser_cannot_execute_code(kit, page, wait_for_voila, tmp_path):
    page.goto(kit.url + "voila/render/belajar.ipynb")
    wait_for_voila(page)
    proof = tmp_path / "bukti.txt"
    kernel_id = _kernel_id(page)
    # Playwright's sync API owns this thread's event loop: talk to the kernel from another
    with ThreadPoolExecutor(1) as pool:
        replies = pool.submit(asyncio.run, _try_execute(kit.port, kernel_id, proof)).result()
    # the kernel answered the allowed request; the execute_request never reached it
    assert replies == ["kernel_info_reply"]
    assert not proof.exists()


# --------------------------------------------------------------------------- timeout trap

WAITER = """\
from voila.utils import {call}


def tunggu():
    return {call}() or ""
"""


@pytest.fixture(scope="module")
def trap_notebooks(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("trap")
    # the call that waits for the visitor is hidden in a module: nothing in the cell's
    # source tells the server that this cell waits
    (root / "penunggu.py").write_text(WAITER.format(call="get_query_string"))
    write_notebook(
        root / "00_beranda.ipynb",
        [
            "import os, pathlib\n"
            "pathlib.Path(os.environ['DESMIGRATIF_WORKSPACE'], "
            "f'siap-{os.getpid()}').write_text('')",
            "import penunggu\nquery = penunggu.tunggu()",
            "import ipywidgets as w\nw.HTML(f'<b id=\"query\">{query}</b>')",
        ],
    )
    write_notebook(
        root / "lambat.ipynb",
        ["import time\nfor _ in range(1200):\n    time.sleep(0.1)", "print('tidak sampai')"],
    )
    return root


def test_late_visitor_of_preheated_kernel_is_not_timed_out(
    start_server, trap_notebooks, page, wait_for_voila
):
    cell_timeout = 3
    srv = start_server(
        notebooks=trap_notebooks, pool=1, app_pool=0, lesson_pool=0,
        extra_args=["--cell-timeout", str(cell_timeout)],
    )  # fmt: skip
    try:
        # the pooled kernel reached the cell that waits for its visitor ...
        deadline = time.monotonic() + 60
        while not list(srv.workspace.glob("siap-*")):
            assert time.monotonic() < deadline, srv.log()[-3000:]
            time.sleep(0.2)
        # ... and the visitor comes later than the cell timeout
        time.sleep(cell_timeout + 3)
        page.goto(srv.url + "?kode=LAMBAT1")
        wait_for_voila(page)
        assert page.locator("#query").inner_text() == "kode=LAMBAT1"
        assert "Using pre-heated kernel" in srv.log()

        # a cell that runs too long still gets stopped (an error, not an endless spinner)
        page.goto(srv.url + "voila/render/lambat.ipynb")
        with pytest.raises(AssertionError, match="error when executing cell"):
            wait_for_voila(page)
        assert page.get_by_text("tidak sampai").count() == 0
    finally:
        srv.stop()
