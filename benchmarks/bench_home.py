"""Benchmark the home page on the workshop server, beside plain ``voila``.

    .venv/bin/python benchmarks/bench_home.py [--participants 20] [--notebook 00_beranda.ipynb]

See benchmarks/README.md for what each figure means. Only loopback traffic; Chromium is the
Debian one (/usr/bin/chromium), never downloaded.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

import psutil

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from desmigratif_kit import server as kit_server  # noqa: E402

CHROMIUM = os.environ.get("DESMIGRATIF_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
]  # fmt: skip
LOCAL = {"127.0.0.1", "localhost", "::1", "[::1]"}
KERNEL_ID_RE = re.compile(rb'"kernelId": "([0-9a-f-]{36})"')

DEMO_CELLS = [
    "import pandas as pd\nimport ipywidgets as w\nfrom urllib.parse import parse_qs\n"
    "from voila.utils import get_query_string",
    "kode = parse_qs(get_query_string() or '').get('kode', [''])[0]",
    "df = pd.DataFrame({'desa': ['Sukamaju', 'Mekarsari', 'Cibodas'],\n"
    "                   'pekerja_migran': [12, 7, 30], 'remitansi_rp': [1.5e8, 9e7, 4.2e8]})\n"
    "nama = w.Text(description='Nama')\n"
    "peran = w.Dropdown(options=['kepala_desa', 'kepala_dinas'], description='Peran')\n"
    "tombol = w.Button(description='Masuk', icon='sign-in-alt')\n"
    "hasil = w.HTML(df.to_html(index=False))\n"
    "w.VBox([w.HTML(f'<h2>Beranda Desmigratif</h2><p>Kode: {kode}</p>'), nama, peran,"
    " tombol, hasil])",
]


def demo_notebooks(root: Path) -> Path:
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    nb = new_notebook(cells=[new_code_cell(c) for c in DEMO_CELLS])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}  # fmt: skip
    root.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(root / kit_server.HOME_NOTEBOOK))
    return root


# --------------------------------------------------------------------------- servers


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, label: str, args: list[str], port: int, workdir: Path):
        self.label, self.args, self.port = label, args, port
        self.url = f"http://127.0.0.1:{port}/"
        self.log_path = workdir / f"{label.replace(' ', '_')}.log"
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 120) -> Server:
        self._log = open(self.log_path, "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(self.args, stdout=self._log, stderr=subprocess.STDOUT,
                                     start_new_session=True, cwd=self.log_path.parent)  # fmt: skip
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.label} exited:\n{self.log_path.read_text()}")
            with contextlib.suppress(OSError):
                if request(self.port, "/voila/tree/", timeout=5)[0] == 200:
                    return self
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"{self.label} not ready:\n{self.log_path.read_text()}")

    def stop(self) -> None:
        if self.proc is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            pass
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(5)
        self._log.close()
        self.proc = None

    def kernels(self) -> dict[str, psutil.Process]:
        """Kernel id -> process (the id is in the kernel's connection file name)."""
        out = {}
        try:
            children = psutil.Process(self.proc.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return out
        for child in children:
            with contextlib.suppress(psutil.Error):
                cmd = " ".join(child.cmdline())
                if "ipykernel_launcher" in cmd:
                    m = re.search(r"kernel-([0-9a-f-]{36})\.json", cmd)
                    out[m[1] if m else str(child.pid)] = child
        return out

    def settle(self, at_least: int = 0, timeout: float = 180) -> int:
        """Wait until >= at_least kernels exist and they are all (nearly) idle on CPU."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            procs = list(self.kernels().values())
            if len(procs) >= at_least:
                for p in procs:
                    with contextlib.suppress(psutil.Error):
                        p.cpu_percent(None)
                time.sleep(1.0)
                busy = 0.0
                for p in procs:
                    with contextlib.suppress(psutil.Error):
                        busy += p.cpu_percent(None)
                if busy < 10:
                    return len(procs)
            else:
                time.sleep(0.5)
        return len(self.kernels())

    def shutdown_kernels(self, ids) -> None:
        for kid in ids:
            with contextlib.suppress(OSError):
                request(self.port, f"/voila/api/shutdown/{kid}", method="POST", body=b"")


def request(port, path, method="GET", body=None, headers=None, timeout=60):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def timed_load(port: int, path: str) -> tuple[float, bytes]:
    started = time.perf_counter()
    status, body = request(port, path, timeout=120)
    if status != 200:
        raise RuntimeError(f"GET {path}: {status}")
    return time.perf_counter() - started, body


def kernel_ids(body: bytes) -> list[str]:
    return [m.decode() for m in KERNEL_ID_RE.findall(body)]


def concurrent_loads(port: int, path: str, n: int, timeout: float):
    """n full GETs at once. Returns (durations of finished loads, hung count, kernel ids)."""
    results: list[tuple[float, bytes] | Exception | None] = [None] * n
    barrier = threading.Barrier(n)

    def one(i):
        barrier.wait()
        try:
            results[i] = timed_load(port, path)
        except Exception as err:  # a failed load is reported, not raised
            results[i] = err

    threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(n)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + timeout
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()))
    done = [r for r in results if isinstance(r, tuple)]
    failed = sum(isinstance(r, Exception) for r in results)
    hung = sum(r is None for r in results)
    ids = [k for _, body in done for k in kernel_ids(body)]
    return [d for d, _ in done], hung, failed, ids


def pct(values, q):
    if not values:
        return None
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def memory(procs) -> tuple[float | None, float | None]:
    rss, uss = [], []
    for p in procs:
        with contextlib.suppress(psutil.Error):
            info = p.memory_full_info()
            rss.append(info.rss / 2**20)
            uss.append(info.uss / 2**20)
    return (statistics.median(rss) if rss else None, statistics.median(uss) if uss else None)


# --------------------------------------------------------------------------- browser


@dataclass
class BrowserVisit:
    first_widget_s: float | None = None
    transferred_bytes: int = 0
    requests: int = 0
    external: list[str] = field(default_factory=list)


def browser_visit(browser, url: str, timeout_ms: int) -> BrowserVisit:
    """First visit (empty cache): time to first visible widget, bytes on the wire."""
    visit = BrowserVisit()
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    sizes: dict[str, float] = {}
    cdp.on("Network.loadingFinished",
           lambda e: sizes.__setitem__(e["requestId"], e.get("encodedDataLength", 0)))  # fmt: skip

    def route(r):
        host = urlsplit(r.request.url).hostname or ""
        if urlsplit(r.request.url).scheme in ("http", "https") and host not in LOCAL:
            visit.external.append(r.request.url)
            r.abort()
        else:
            r.continue_()

    page.route("**/*", route)
    try:
        page.goto(url, wait_until="commit", timeout=timeout_ms)
        handle = page.wait_for_function(
            "() => { const e = document.querySelector('.jupyter-widgets');"
            " return e && e.offsetParent !== null ? performance.now() : false; }",
            timeout=timeout_ms,
            polling="raf",
        )
        visit.first_widget_s = handle.json_value() / 1000
        page.wait_for_load_state("networkidle", timeout=timeout_ms)
    except Exception as err:
        print(f"  browser visit failed: {err}", file=sys.stderr)
    visit.transferred_bytes = int(sum(sizes.values()))
    visit.requests = len(sizes)
    with contextlib.suppress(Exception):
        with page.context.expect_event(
            "requestfinished", timeout=5000, predicate=lambda r: "/voila/api/shutdown/" in r.url
        ):
            page.close(run_before_unload=True)  # fmt: skip
    context.close()
    return visit


def _offline(r) -> None:
    url = r.request.url
    if url.startswith("http") and (urlsplit(url).hostname or "") not in LOCAL:
        r.abort()
    else:
        r.continue_()


def tabs_left_open_then_closed(browser, srv: Server, url: str, tabs: int, timeout_ms: int):
    """Open `tabs` tabs, wait for their widgets, close them like a person; kernels left.

    The tabs' kernels are told by their ids (in each page's config), not by counting: with a
    pool, a tab takes a waiting kernel and the pool starts a new one."""
    context = browser.new_context()
    pages = []
    for _ in range(tabs):
        page = context.new_page()
        page.route("**/*", _offline)
        page.goto(url, wait_until="commit", timeout=timeout_ms)
        pages.append(page)
    opened = set()
    for page in pages:
        with contextlib.suppress(Exception):
            page.wait_for_selector(".jupyter-widgets", state="visible", timeout=timeout_ms)
            config = page.locator("#jupyter-config-data").first.inner_text()
            opened.add(json.loads(config)["kernelId"])
    for page in pages:
        with contextlib.suppress(Exception):
            page.close(run_before_unload=True)
    deadline = time.monotonic() + 20
    left = opened & set(srv.kernels())
    while left and time.monotonic() < deadline:
        time.sleep(0.5)
        left = opened & set(srv.kernels())
    context.close()
    return len(opened), len(left)


# --------------------------------------------------------------------------- main


def run(args) -> dict:
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="bench_home_"))
    notebooks = Path(args.notebooks).resolve() if args.notebooks else REPO / "notebooks"
    if not (notebooks / args.notebook).is_file():
        print(f"{notebooks / args.notebook} not found: using a demo notebook "
              "(pandas + ipywidgets)", file=sys.stderr)  # fmt: skip
        notebooks = demo_notebooks(work / "notebooks")
        args.notebook = kit_server.HOME_NOTEBOOK
    path = "/voila/render/" + quote(args.notebook) + "?kode=BENCH1"
    n, timeout = args.participants, args.timeout
    pool = args.pool if args.pool is not None else kit_server.DEFAULT_POOL
    results: dict[str, dict] = {}

    def kit(label, pool_size):
        ws = work / f"ws-{pool_size}"
        return Server(label, [sys.executable, "-m", "desmigratif_kit", "serve",
                              "--host", "127.0.0.1", "--port", str(port := free_port()),
                              "--notebooks", str(notebooks), "--workspace", str(ws),
                              "--pool", str(pool_size), "--app-pool", "0"], port, work)  # fmt: skip

    def plain():
        port = free_port()
        return Server("plain voila", [sys.executable, "-m", "voila", "--no-browser",
                                      f"--port={port}", "--Voila.ip=127.0.0.1",
                                      str(notebooks)], port, work)  # fmt: skip

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=CHROMIUM_ARGS)  # fmt: skip
        variants = [("kit, no pool", lambda: kit("kit, no pool", 0), False)]
        variants.append((f"kit, pool {pool}", lambda: kit(f"kit, pool {pool}", pool), True))
        if not args.skip_plain:
            variants.append(("plain voila", plain, False))
        for label, make, pooled in variants:
            print(f"== {label}", file=sys.stderr)
            srv = make().start()
            r: dict = {"label": label}
            try:
                baseline = srv.settle(at_least=pool if pooled else 0)
                r["pool_kernels"] = baseline
                # one HTTP load (cold, or from the pool), 3 times, median
                times = []
                for _ in range(3):
                    d, body = timed_load(srv.port, path)
                    times.append(d)
                    srv.shutdown_kernels(kernel_ids(body))
                    srv.settle(at_least=baseline)
                r["http_load_s"] = statistics.median(times)
                # Chromium, empty cache
                visit = browser_visit(browser, srv.url.rstrip("/") + path, timeout * 1000)
                r["first_widget_s"] = visit.first_widget_s
                r["transferred_mb"] = visit.transferred_bytes / 1e6
                r["requests"] = visit.requests
                r["external_requests"] = len(visit.external)
                srv.settle(at_least=baseline)
                # N participants at once
                durations, hung, failed, ids = concurrent_loads(srv.port, path, n, timeout)
                r["concurrent_p50_s"] = pct(durations, 0.5)
                r["concurrent_p95_s"] = pct(durations, 0.95)
                r["concurrent_max_s"] = max(durations) if durations else None
                r["hung"] = hung
                r["failed"] = failed
                procs = [p for k, p in srv.kernels().items() if k in set(ids)]
                r["kernel_rss_mb"], r["kernel_uss_mb"] = memory(procs)
                with contextlib.suppress(psutil.Error):
                    r["server_rss_mb"] = psutil.Process(srv.proc.pid).memory_info().rss / 2**20
                srv.shutdown_kernels(ids)
                srv.settle(at_least=baseline)
                # tabs closed -> kernels left
                opened, left = tabs_left_open_then_closed(
                    browser, srv, srv.url.rstrip("/") + path, args.tabs, timeout * 1000
                )
                r["tabs_opened_kernels"] = opened
                r["kernels_left_after_close"] = left
            finally:
                srv.stop()
            results[label] = r
            print(json.dumps(r), file=sys.stderr)
        browser.close()
    return {"participants": n, "notebook": args.notebook, "notebooks": str(notebooks),
            "tabs": args.tabs, "cpus": os.cpu_count(), "results": results}  # fmt: skip


ROWS = [
    ("HTTP load of the page, one visitor (s)", "http_load_s", "{:.2f}"),
    ("first widget in Chromium, empty cache (s)", "first_widget_s", "{:.2f}"),
    ("transferred on a first visit (MB, on the wire)", "transferred_mb", "{:.2f}"),
    ("requests on a first visit", "requests", "{}"),
    ("requests to the internet (blocked)", "external_requests", "{}"),
    ("{n} at once: p50 (s)", "concurrent_p50_s", "{:.2f}"),
    ("{n} at once: p95 (s)", "concurrent_p95_s", "{:.2f}"),
    ("{n} at once: slowest (s)", "concurrent_max_s", "{:.2f}"),
    ("{n} at once: hung (> timeout) / failed", ("hung", "failed"), "{} / {}"),
    ("kernel memory, RSS (MB, median)", "kernel_rss_mb", "{:.0f}"),
    ("kernel memory, unique USS (MB, median)", "kernel_uss_mb", "{:.0f}"),
    ("server process RSS (MB)", "server_rss_mb", "{:.0f}"),
    ("preheated kernels waiting", "pool_kernels", "{}"),
    ("kernels left after {tabs} tabs closed", "kernels_left_after_close", "{}"),
]


def markdown(report: dict) -> str:
    res = report["results"]
    labels = list(res)
    lines = [f"| {report['notebook']} ({report['participants']} participants, "
             f"{report['cpus']} CPUs) | " + " | ".join(labels) + " |",
             "|---|" + "---:|" * len(labels)]  # fmt: skip
    for title, key, fmt in ROWS:
        cells = []
        for label in labels:
            r = res[label]
            try:
                if isinstance(key, tuple):
                    cells.append(fmt.format(*(r[k] for k in key)))
                else:
                    cells.append("n/a" if r.get(key) is None else fmt.format(r[key]))
            except (KeyError, TypeError, ValueError):
                cells.append("n/a")
        title = title.format(n=report["participants"], tabs=report["tabs"])
        lines.append(f"| {title} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=20)
    parser.add_argument("--notebook", default=kit_server.HOME_NOTEBOOK,
                        help="relative to --notebooks")  # fmt: skip
    parser.add_argument("--notebooks", default=None, help="default: repository's notebooks/")
    parser.add_argument(
        "--pool", type=int, default=None,
        help=f"home pool of the kit (default {kit_server.DEFAULT_POOL})",
    )  # fmt: skip
    parser.add_argument("--tabs", type=int, default=5, help="tabs opened then closed")
    parser.add_argument("--timeout", type=float, default=60, help="a load slower is 'hung'")
    parser.add_argument("--skip-plain", action="store_true", help="skip plain voila")
    parser.add_argument(
        "--json",
        default=None,
        help="write results here (default benchmarks/results/home-<time>.json)",
    )
    parser.add_argument("--no-json", action="store_true")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).is_file():
        parser.error(f"Chromium not found at {CHROMIUM} (set DESMIGRATIF_CHROMIUM)")
    report = run(args)
    print(markdown(report))
    if not args.no_json:
        out = (
            Path(args.json)
            if args.json
            else (REPO / "benchmarks" / "results" / time.strftime("home-%Y%m%d-%H%M%S.json"))
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, indent=2))
        print(f"\n(JSON: {out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
