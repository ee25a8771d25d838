"""Browser test infrastructure: the workshop server and headless Chromium (Playwright).

Fixtures (every test in ``tests/browser`` gets the ``browser`` marker):

- ``server`` (session): ``desmigratif-kit serve`` over the repository's ``notebooks/`` on
  127.0.0.1 and a free port, one preheated home page kernel (``--pool 1 --app-pool 0
  --lesson-pool 0``: apps start on demand), a temporary workspace.
  A :class:`WorkshopServer`: ``.url`` (ends with ``/``), ``.workspace``, ``.notebooks``,
  ``.proc``, ``.log()``, ``.kernel_count()``, ``.kernel_pids()``, ``.kernel_pid(kernel_id)``,
  ``.wait_for_kernel_count(n)``, ``.get(path)``.
- ``start_server`` (session): factory for servers with other notebooks/options; servers it
  starts are stopped at the end of the session (or earlier with ``.stop()``).
- ``browser`` (session): headless Debian Chromium, never downloaded.
- ``page`` (per test, 1280x800) and ``phone_page`` (390x844, mobile, touch): a fresh context;
  every request to a host that is not 127.0.0.1/localhost/[::1] is aborted and recorded, and
  the test fails at teardown if there was any. ``page.external_requests``,
  ``page.console_errors``, ``page.page_errors`` (uncaught exceptions) and
  ``page.bad_responses`` (``"404 http://..."``, status >= 400) hold what was seen.
- ``new_page`` (factory): ``new_page(phone=False)``, more such pages in one test.
- ``close_tab`` (fixture returning a function): ``close_tab(page)`` closes it like a person
  closing a tab (``beforeunload`` runs, Voila's beacon frees the kernel); the ``page``
  fixtures do this at teardown.
- ``wait_for_voila`` (fixture returning a function): ``wait_for_voila(page)`` waits
  (bounded, 60 s) until Voila finished rendering and every output, widgets included, is
  drawn; raises ``wait_for_voila.Error`` (:class:`VoilaCellError`, an ``AssertionError``)
  if the page shows a failed cell. ``wait_for_voila.errors(page)`` lists such messages.

If ``/usr/bin/chromium`` is missing, browser tests fail when ``$CI`` is set and are skipped
otherwise. Override its location with ``$DESMIGRATIF_CHROMIUM``.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import psutil
import pytest

from desmigratif_kit.server.kernels import kernel_processes

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CHROMIUM = Path(os.environ.get("DESMIGRATIF_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
WAIT_MS = 60_000
"""Upper bound for any wait on a page (never a timed assertion: only a hang guard)."""
SERVER_START_S = 120
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


# --------------------------------------------------------------------------- markers


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


# --------------------------------------------------------------------------- server


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerStartError(RuntimeError):
    pass


class WorkshopServer:
    """One ``desmigratif-kit serve`` subprocess (its own process group)."""

    def __init__(
        self,
        workspace: Path,
        notebooks: Path | None = None,
        pool: int = 1,
        app_pool: int = 1,
        extra_args: tuple[str, ...] | list[str] = (),
        log_path: Path | None = None,
        lesson_pool: int = 1,
    ):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.workspace = Path(workspace)
        self.notebooks = Path(notebooks) if notebooks else None
        self.pool = pool
        self.app_pool = app_pool
        self.lesson_pool = lesson_pool
        self.args = [
            sys.executable, "-m", "desmigratif_kit", "serve",
            "--host", "127.0.0.1", "--port", str(self.port),
            "--workspace", str(self.workspace),
            "--pool", str(pool), "--app-pool", str(app_pool),
            "--lesson-pool", str(lesson_pool),
        ]  # fmt: skip
        if self.notebooks:
            self.args += ["--notebooks", str(self.notebooks)]
        self.args += list(extra_args)
        self.log_path = Path(log_path or self.workspace.parent / f"server-{self.port}.log")
        self.proc: subprocess.Popen | None = None
        self._log_file = None

    # ---- lifecycle

    def start(self, timeout: float = SERVER_START_S) -> WorkshopServer:
        self._log_file = open(self.log_path, "wb")  # noqa: SIM115 (closed in stop())
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(
            self.args,
            stdin=subprocess.DEVNULL,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            cwd=str(self.workspace.parent),
            env=env,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise ServerStartError(f"server exited with {self.proc.returncode}:\n{self.log()}")
            try:
                status, _, _ = self.get("voila/tree/", timeout=5)
            except OSError:
                status = None
            if status == 200:
                return self
            time.sleep(0.2)
        self.stop()
        raise ServerStartError(f"server not ready after {timeout:.0f} s:\n{self.log()}")

    def stop(self, timeout: float = 20) -> None:
        proc = self.proc
        if proc is None:
            return
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                pass
        # anything left in the group (kernels of a server that died) goes too
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=5)
        if self._log_file:
            self._log_file.close()
            self._log_file = None
        self.proc = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # ---- inspection

    def log(self) -> str:
        """What the server printed (the facilitator's console), then its full log (the
        workspace's ``server.log``)."""
        parts = []
        for path in (self.log_path, self.workspace / "server.log"):
            try:
                parts.append(path.read_text(encoding="utf-8", errors="replace"))
            except OSError:
                continue
        return "\n".join(parts)

    def kernel_pids(self) -> list[int]:
        """PIDs of the kernels this server started (forked from its warm parent, or started
        the usual way)."""
        if self.proc is None:
            return []
        return [p.pid for p in kernel_processes(self.proc.pid)]

    def kernel_pid(self, kernel_id: str) -> int | None:
        """The PID of the kernel ``kernel_id`` (its Unix sockets are named after it)."""
        for pid in self.kernel_pids():
            try:
                sockets = psutil.Process(pid).net_connections(kind="unix")
            except psutil.Error:
                continue
            if any(kernel_id in (conn.laddr or "") for conn in sockets):
                return pid
        return None

    def kernel_count(self) -> int:
        return len(self.kernel_pids())

    def wait_for_kernel_count(self, expected, timeout: float = 60) -> int:
        """Poll until ``kernel_count() == expected`` (or ``expected(count)`` is true).

        Returns the count; fails the test (showing the count) after ``timeout`` seconds.
        """
        check = expected if callable(expected) else (lambda n: n == expected)
        deadline = time.monotonic() + timeout
        count = self.kernel_count()
        while not check(count):
            if time.monotonic() > deadline:
                pytest.fail(
                    f"kernel count {count}, expected {expected} after {timeout} s\n"
                    f"--- server log (tail) ---\n{self.log()[-4000:]}"
                )
            time.sleep(0.25)
            count = self.kernel_count()
        return count

    @property
    def pooled_kernels(self) -> int:
        """Kernels the pools hold when full: ``pool`` for the home page, ``app_pool`` for
        each ``*/app_*.ipynb``, ``lesson_pool`` for every other notebook."""
        from desmigratif_kit.server import ServerOptions, kernel_pools

        root = self.notebooks or Path(os.environ.get("DESMIGRATIF_NOTEBOOKS") or REPO / "notebooks")
        options = ServerOptions(notebooks=root, workspace=self.workspace, pool=self.pool,
                                app_pool=self.app_pool, lesson_pool=self.lesson_pool)  # fmt: skip
        pools = kernel_pools(options)
        return sum(cfg["pool_size"] for name, cfg in pools.items() if name != "default")

    def get(
        self,
        path: str,
        headers: dict | None = None,
        method: str = "GET",
        body=None,
        timeout: float = 60,
    ):
        """One HTTP request (no redirect following). Returns (status, headers, body bytes)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, "/" + path.lstrip("/"), body=body, headers=headers or {})
            resp = conn.getresponse()
            data = resp.read()
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, data
        finally:
            conn.close()


@pytest.fixture(scope="session")
def start_server(tmp_path_factory):
    """Factory: ``start_server(notebooks=..., pool=1, app_pool=1, lesson_pool=1,
    extra_args=[...])``."""
    started: list[WorkshopServer] = []

    def start(notebooks=None, pool=1, app_pool=1, extra_args=(), workspace=None, lesson_pool=1):
        base = tmp_path_factory.mktemp("server")
        srv = WorkshopServer(
            workspace=Path(workspace) if workspace else base / "workspace",
            notebooks=notebooks,
            pool=pool,
            app_pool=app_pool,
            extra_args=extra_args,
            log_path=base / "server.log",
            lesson_pool=lesson_pool,
        )
        started.append(srv)
        return srv.start()

    yield start
    for srv in started:
        srv.stop()


@pytest.fixture(scope="session")
def server(start_server):
    """The workshop server over the repository's notebooks (or $DESMIGRATIF_NOTEBOOKS): one
    preheated home page kernel; apps and lessons start on demand (forked from the warm parent
    in well under a second), so a test worker does not prepare ~20 kernels it never uses."""
    return start_server(pool=1, app_pool=0, lesson_pool=0)


@pytest.fixture(scope="module")
def migration_notebooks(tmp_path_factory) -> Path:
    """The home page and pillar 1's notebooks only: for servers whose pools are measured
    (every notebook's pool would be prepared at start, dozens of kernels on 2 CPUs)."""
    root = tmp_path_factory.mktemp("notebooks")
    shutil.copy2(REPO / "notebooks" / "00_beranda.ipynb", root)
    shutil.copytree(
        REPO / "notebooks" / "1_layanan_migrasi",
        root / "1_layanan_migrasi",
        ignore=shutil.ignore_patterns("workspace", ".ipynb_checkpoints"),
    )
    return root


# --------------------------------------------------------------------------- browser


def _chromium_or_skip() -> Path:
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    found = shutil.which(str(CHROMIUM))
    if found:
        return Path(found)
    msg = (
        f"Chromium not found at {CHROMIUM} (install the Debian package 'chromium' or set "
        "DESMIGRATIF_CHROMIUM); browsers are never downloaded"
    )
    if os.environ.get("CI"):
        pytest.fail(msg)
    pytest.skip(msg)


@pytest.fixture(scope="session")
def _playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(_playwright):
    exe = _chromium_or_skip()
    b = _playwright.chromium.launch(executable_path=str(exe), headless=True, args=CHROMIUM_ARGS)
    yield b
    b.close()


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", "ws", "wss"):
        return True  # data:, blob:, about:
    return (parts.hostname or "") in LOCAL_HOSTS


def _open_page(browser, **context_args):
    context = browser.new_context(**context_args)
    context.set_default_timeout(WAIT_MS)
    external: list[str] = []

    def route(route):
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            external.append(url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.external_requests = external
    page.console_errors = []
    page.page_errors = []
    page.bad_responses = []
    page.on(
        "console",
        lambda msg: page.console_errors.append(msg.text) if msg.type == "error" else None,
    )
    page.on("pageerror", lambda err: page.page_errors.append(str(err)))
    page.on(
        "response",
        lambda resp: (
            page.bad_responses.append(f"{resp.status} {resp.url}") if resp.status >= 400 else None
        ),
    )
    page.on(
        "websocket",
        lambda ws: None if is_local(ws.url) else external.append(ws.url),
    )
    return context, page


_KERNEL_ID_JS = """() => {
  const e = document.getElementById('jupyter-config-data');
  try { return e ? (JSON.parse(e.textContent).kernelId || null) : null; }
  catch (err) { return null; }
}"""


def close_tab(page, timeout_ms: int = 3_000) -> None:
    """Close a page the way a person closes a tab: ``beforeunload`` runs, so Voila's
    shutdown beacon frees the kernel (Playwright's plain ``page.close()`` skips it).

    Returns once the browser has sent the beacon, or after ``timeout_ms`` when Playwright does
    not report it (it often does not: 10 s here cost a run minutes). Waiting for its answer
    would cost up to ``timeout_ms`` a page: a beacon outlives its page and Playwright often
    never reports it finished. That the server acted on it is what
    ``test_closing_the_tab_frees_its_kernel`` checks, by the kernels left."""
    if page.is_closed():
        return
    try:
        kernel_id = page.evaluate(_KERNEL_ID_JS)
    except Exception:
        kernel_id = None
    with contextlib.suppress(Exception):
        if kernel_id:
            beacon = f"/voila/api/shutdown/{kernel_id}"
            with page.context.expect_event(
                "request", predicate=lambda r: beacon in r.url, timeout=timeout_ms
            ):
                page.close(run_before_unload=True)
        else:
            with page.expect_event("close", timeout=timeout_ms):
                page.close(run_before_unload=True)


def _close_and_check(context, page):
    external = list(page.external_requests)
    for pg in list(context.pages):
        close_tab(pg)
    with contextlib.suppress(Exception):
        context.close()
    if external:
        pytest.fail("requests to non-local hosts (must work offline):\n  " + "\n  ".join(external))


@pytest.fixture
def page(browser):
    context, pg = _open_page(browser, viewport=DESKTOP)
    yield pg
    _close_and_check(context, pg)


@pytest.fixture
def new_page(browser):
    """Factory: ``new_page()`` (desktop) or ``new_page(phone=True)``: more pages in one
    test, each as offline and as checked as ``page``, all closed like tabs at teardown."""
    opened = []

    def make(phone: bool = False):
        if phone:
            made = _open_page(browser, viewport=PHONE, is_mobile=True, has_touch=True,
                              device_scale_factor=2)  # fmt: skip
        else:
            made = _open_page(browser, viewport=DESKTOP)
        opened.append(made)
        return made[1]

    yield make
    failures = []
    for context, pg in opened:
        try:
            _close_and_check(context, pg)
        except pytest.fail.Exception as err:
            failures.append(str(err))
    if failures:
        pytest.fail("\n".join(failures))


@pytest.fixture
def phone_page(browser):
    context, pg = _open_page(
        browser, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    yield pg
    _close_and_check(context, pg)


# --------------------------------------------------------------------------- Voila


class VoilaCellError(AssertionError):
    """The Voila page shows a failed cell (error, timeout, server exception)."""


_RENDERED_JS = """() => {
  if (document.getElementById('loading')) return false;
  const cells = document.getElementById('rendered_cells');
  if (!cells || cells.style.display === 'none') return false;
  if (document.querySelector('script[type="application/vnd.voila.cell-output+json"]'))
    return false;
  // a widget view is 'Loading widget...' (text only) until its model arrived
  return Array.from(cells.querySelectorAll('.jp-OutputArea-output')).every(
    e => e.childElementCount > 0 || !/^(|Loading widget\\.\\.\\.)$/.test(e.textContent.trim()));
}"""

_ERRORS_JS = """() => {
  const cells = document.getElementById('rendered_cells');
  if (!cells) return [];
  const found = Array.from(cells.querySelectorAll(
      '.jp-OutputArea-child > [data-mime-type="application/vnd.jupyter.stderr"],'
    + '.jp-OutputArea-output > pre[data-mime-type="application/vnd.jupyter.stderr"]'
  )).map(e => e.innerText.trim());
  for (const e of cells.querySelectorAll('.jp-OutputArea-output')) {
    const text = e.textContent.trim();
    if (e.childElementCount === 0 && text.startsWith('Error displaying widget')) found.push(text);
  }
  return found;
}"""


def voila_errors(page) -> list[str]:
    """Messages of failed cells shown on a Voila page (empty when none)."""
    return [t for t in page.evaluate(_ERRORS_JS) if t]


def _wait_for_voila(page, timeout_ms: int = WAIT_MS) -> None:
    """Wait until the Voila page finished: spinner gone, cells shown, every output drawn
    (widgets included). Raises :class:`VoilaCellError` if a cell failed."""
    try:
        page.wait_for_function(_RENDERED_JS, timeout=timeout_ms)
    except Exception as err:
        errors = voila_errors(page) if not page.is_closed() else []
        if errors:
            raise VoilaCellError("Voila cell failed:\n" + "\n".join(errors)) from err
        raise
    errors = voila_errors(page)
    if errors:
        raise VoilaCellError("Voila cell failed:\n" + "\n".join(errors))


@pytest.fixture(name="close_tab")
def _close_tab_fixture():
    return close_tab


_wait_for_voila.Error = VoilaCellError
_wait_for_voila.errors = voila_errors


@pytest.fixture
def wait_for_voila():
    """``wait_for_voila(page, timeout_ms=60000)``: see :func:`_wait_for_voila`.

    Also ``wait_for_voila.errors(page)`` (messages of failed cells) and
    ``wait_for_voila.Error`` (:class:`VoilaCellError`, an ``AssertionError``).
    """
    return _wait_for_voila
