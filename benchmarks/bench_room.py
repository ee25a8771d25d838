"""The launch room on one machine: the kit beside today's kit and plain Voila.

    .venv/bin/python benchmarks/bench_room.py                 # = make bench (all three)
    .venv/bin/python benchmarks/bench_room.py --servers kit --participants 20

For each server, one after the other, on 127.0.0.1 only: start to ready, idle memory with every
notebook ready, the first widget of every notebook in Chromium (one visitor, empty cache), then
waves of ``--participants`` page loads released together into the home page, one app, another
app and a lesson (the kit's facilitator types the notebook's number first, which warms it; after
each wave its pages are closed, as a room moving on in the same tabs), unique memory per kernel
of each wave, the room of 180 it gives, and kernels left after tabs are closed.
See benchmarks/README.md for how each figure is measured.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import io
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

import psutil

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from desmigratif_kit.core.store import Store  # noqa: E402

CHROMIUM = os.environ.get("DESMIGRATIF_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync",
                 "--disable-quic"]  # fmt: skip
LOCAL = {"127.0.0.1", "localhost", "::1", "[::1]"}
BASELINE = "06e13e6"
"""Today's kit: the commit this work started from (the layout change)."""
HOME = "00_beranda.ipynb"
APP_A = "1_layanan_migrasi/app_cek_kesiapan.ipynb"
APP_B = "1_layanan_migrasi/app_register_desa.ipynb"
LESSON = "1_layanan_migrasi/01_migrasi_aman.ipynb"
FIRST_WIDGET = [
    HOME,
    *sorted(
        p.relative_to(REPO / "notebooks").as_posix()
        for pattern in ("*/app_*.ipynb", "*/[0-9][0-9]_*.ipynb")
        for p in (REPO / "notebooks").glob(pattern)
    ),
]
"""Every app and lesson of the kit (a server without one, today's kit, shows n/a)."""
WAVES = [("home page", HOME), ("app", APP_A), ("another app", APP_B), ("lesson", LESSON)]
"""The room signs in on the home page, then opens an app, another app, a lesson; each
participant keeps every page open (the worst case for memory)."""
KERNEL_ID_RE = re.compile(rb'"kernelId": "([0-9a-f-]{36})"')
MEMORY_PER_PAGE_MB = {"kit": 80, "today": 130, "plain": 130}
"""What a wave may need per page (the lesson's kernels, measured, with a margin): a wave is
skipped rather than run on a machine without that much memory available."""
MB = 2**20
POOL_REFILL_DELAY_S = 15
"""The kit's pools replace a kernel a visitor took after this many seconds (server.config)."""


# --------------------------------------------------------------------------- servers


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port, path, method="GET", body=None, timeout=60):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def baseline_tree(rev: str, into: Path) -> Path:
    """The files of ``rev`` (today's kit) in ``into``, without touching the repository."""
    data = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", rev],
                          check=True, capture_output=True).stdout  # fmt: skip
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into


class Server:
    """One server under test, in its own process group."""

    def __init__(self, label, args, port, work, env=None, kind="kit", workspace=None):
        self.label, self.args, self.port, self.kind = label, args, port, kind
        self.url = f"http://127.0.0.1:{port}/"
        self.out = work / f"{label.replace(' ', '_').replace(chr(39), '')}.out"
        self.env = env
        self.workspace = workspace
        self.notebooks = REPO / "notebooks"
        self.proc = None

    def start(self) -> float:
        self._out = open(self.out, "wb")  # noqa: SIM115
        started = time.monotonic()
        self.proc = subprocess.Popen(self.args, stdin=subprocess.PIPE, stdout=self._out,
                                     stderr=subprocess.STDOUT, start_new_session=True,
                                     env=self.env, cwd=self.out.parent)  # fmt: skip
        while time.monotonic() - started < 180:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.label} exited:\n{self.out.read_text()[-3000:]}")
            with contextlib.suppress(OSError):
                if request(self.port, "/voila/tree/", timeout=5)[0] == 200:
                    return time.monotonic() - started
            time.sleep(0.1)
        raise RuntimeError(f"{self.label} not listening after 180 s")

    def type(self, line: str) -> None:
        self.proc.stdin.write(line.encode() + b"\n")
        self.proc.stdin.flush()

    def output(self) -> str:
        text = self.out.read_text(errors="replace")
        if self.workspace and (self.workspace / "server.log").is_file():
            text += (self.workspace / "server.log").read_text(errors="replace")
        return text

    def stop(self) -> int:
        """Stop it; returns how many of its processes were still alive 10 s later."""
        if self.proc is None:
            return 0
        tree = [psutil.Process(self.proc.pid)]
        with contextlib.suppress(psutil.Error):
            tree += tree[0].children(recursive=True)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(30)
        time.sleep(10)
        left = [p for p in tree if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
        for p in left:
            with contextlib.suppress(psutil.Error):
                p.kill()
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self._out.close()
        self.proc = None
        return len(left)

    # --- processes ----------------------------------------------------------------------
    def processes(self) -> list[psutil.Process]:
        try:
            root = psutil.Process(self.proc.pid)
            return [root, *root.children(recursive=True)]
        except psutil.Error:
            return []

    def kernels(self) -> dict[str, psutil.Process]:
        """Kernel id -> process: from the connection file on the command line, or from the
        Unix sockets a forked kernel listens on (named after its id)."""
        found = {}
        for proc in self.processes()[1:]:
            with contextlib.suppress(psutil.Error):
                cmd = " ".join(proc.cmdline())
                if "ipykernel_launcher" in cmd:
                    m = re.search(r"kernel-([0-9a-f-]{36})\.json", cmd)
                    if m:
                        found[m[1]] = proc
                elif proc.name() == "dk-kernel":
                    for conn in proc.net_connections(kind="unix"):
                        m = re.search(r"kernel-([0-9a-f-]{36})", conn.laddr or "")
                        if m:
                            found[m[1]] = proc
                            break
        return found

    def settle(self, at_least: int = 0, timeout: float = 300) -> int:
        """Wait until >= at_least kernels exist and the whole tree is idle on CPU."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            kernels = self.kernels()
            if len(kernels) >= at_least:
                procs = self.processes()
                for p in procs:
                    with contextlib.suppress(psutil.Error):
                        p.cpu_percent(None)
                time.sleep(1.5)
                busy = 0.0
                for p in procs:
                    with contextlib.suppress(psutil.Error):
                        busy += p.cpu_percent(None)
                if busy < 15:
                    return len(kernels)
            else:
                time.sleep(0.5)
        return len(self.kernels())

    def tree_memory_mb(self) -> dict:
        """The server tree's footprint: PSS summed over every process (shared pages counted
        once, split between their users), and its unique memory (USS) summed."""
        pss = uss = 0
        procs = self.processes()
        for p in procs:
            with contextlib.suppress(psutil.Error):
                info = p.memory_full_info()
                pss += info.pss
                uss += info.uss
        return {"pss_mb": pss / MB, "uss_mb": uss / MB, "processes": len(procs)}


# --------------------------------------------------------------------------- loads


def wave(port: int, paths: list[str], timeout: float):
    """Every path loaded at once (threads released together). Returns durations of the loads
    that finished, hung (not finished after ``timeout``), failed, ended with the kit's failure
    message, and the kernel ids in the pages."""
    n = len(paths)
    results: list = [None] * n
    barrier = threading.Barrier(n)

    def one(i):
        barrier.wait()
        started = time.perf_counter()
        try:
            status, body = request(port, paths[i], timeout=timeout)
            results[i] = (time.perf_counter() - started, status, body)
        except Exception as err:
            results[i] = err

    threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(n)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + timeout + 5
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()))
    done = [r for r in results if isinstance(r, tuple)]

    def complete(r):
        return r[1] == 200 and r[2].rstrip().endswith(b"</html>")

    message = [r for r in done if r[1] == 503 or b'data-dk-page="failed"' in r[2]]
    ok = [r for r in done if complete(r) and r not in message]
    hung = sum(r is None or isinstance(r, TimeoutError) for r in results)
    return {
        "durations": [r[0] for r in ok],
        "hung": hung,
        "failed": n - hung - len(ok) - len(message),
        "message": len(message),
        "kernel_ids": [k.decode() for r in done for k in KERNEL_ID_RE.findall(r[2])],
    }


def pct(values, q):
    if not values:
        return None
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


# --------------------------------------------------------------------------- browser


def first_widget(browser, url: str, timeout_ms: int = 60_000, context=None) -> dict:
    """One visitor: seconds from navigation to the first visible widget (or, on a notebook
    without widgets, the first output), bytes on the wire, blocked requests. Without
    ``context`` the browser's cache is empty (a first visit); with one, the visitor's
    browser keeps what earlier pages of that context left in its cache."""
    own = context is None
    if own:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    if own:
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    sizes: dict[str, float] = {}
    cdp.on("Network.loadingFinished",
           lambda e: sizes.__setitem__(e["requestId"], e.get("encodedDataLength", 0)))  # fmt: skip
    external: list[str] = []
    # watched, not intercepted: intercepting every request through Playwright would add its
    # own delay to each of the ~100 requests of a first visit (this machine has no internet:
    # a request to elsewhere fails by itself)
    page.on("request", lambda r: external.append(r.url) if r.url.startswith("http") and (
        urlsplit(r.url).hostname or "") not in LOCAL else None)  # fmt: skip
    result: dict = {"cache": "empty" if own else "after the home page"}
    try:
        page.goto(url, wait_until="commit", timeout=timeout_ms)
        handle = page.wait_for_function(
            """() => {
              const cells = document.getElementById('rendered_cells');
              if (!cells || cells.style.display === 'none') return false;
              const w = cells.querySelector('.jupyter-widgets');
              if (w && w.offsetParent !== null) return performance.now();
              if (window.dkHasWidgets === undefined) {
                window.dkHasWidgets = document.documentElement.innerHTML.includes(
                  'application/vnd.jupyter.widget-view+json');
              }
              const out = cells.querySelector('.jp-OutputArea-output');
              return !window.dkHasWidgets && out && out.offsetParent !== null
                ? performance.now() : false;
            }""",
            timeout=timeout_ms,
            polling="raf",
        )
        result["first_widget_s"] = handle.json_value() / 1000
        page.wait_for_load_state("networkidle", timeout=timeout_ms)
    except Exception as err:
        result["error"] = str(err)[:200]
    result["transferred_mb"] = sum(sizes.values()) / 1e6
    result["requests"] = len(sizes)
    result["external_requests"] = len(external)
    with contextlib.suppress(Exception):
        with page.context.expect_event(
            "request", timeout=5000, predicate=lambda r: "/voila/api/shutdown/" in r.url
        ):
            page.close(run_before_unload=True)  # fmt: skip
    if own:
        context.close()
    return result


def _offline(route) -> None:
    url = route.request.url
    if url.startswith("http") and (urlsplit(url).hostname or "") not in LOCAL:
        route.abort()
    else:
        route.continue_()


def tabs_closed(browser, srv: Server, url: str, tabs: int) -> tuple[int, int]:
    """Open ``tabs`` tabs, wait for their widgets, close them like a person: kernels left
    20 s later (told by id, since pools replace what visitors take)."""
    context = browser.new_context()
    pages = []
    for _ in range(tabs):
        page = context.new_page()
        page.route("**/*", _offline)
        page.goto(url, wait_until="commit")
        pages.append(page)
    opened = set()
    for page in pages:
        with contextlib.suppress(Exception):
            page.wait_for_selector(".jupyter-widgets", state="visible", timeout=60_000)
            opened.add(json.loads(page.locator("#jupyter-config-data").first.inner_text())[
                "kernelId"])  # fmt: skip
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


# --------------------------------------------------------------------------- the scenario


def ready_seconds(srv: Server, started: float, listen_s: float) -> float | None:
    """Start to every notebook ready: the kit logs it; others: pools filled and idle."""
    if srv.kind == "kit":
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            m = re.search(r"Semua buku catatan siap dalam ([0-9.]+) s", srv.output())
            if m:
                return float(m[1])
            time.sleep(0.5)
        return None
    if srv.kind == "today":
        srv.settle(at_least=20 + 2 * 3)
        return time.monotonic() - started
    return listen_s


def run_server(srv: Server, browser, args, codes: list[str]) -> dict:
    r: dict = {"label": srv.label}
    started = time.monotonic()
    r["listen_s"] = srv.start()
    try:
        r["ready_s"] = ready_seconds(srv, started, r["listen_s"])
        r["pool_kernels"] = srv.settle()
        r["idle"] = srv.tree_memory_mb()
        # first widget, one visitor alone, every notebook: the home page on a first visit
        # (empty cache), then every app and lesson as a participant opens them, in a browser
        # that has shown the home page once. Before each visit the server is quiet: the
        # kernel the visit before took has been replaced and nothing runs.
        r["first_widget"] = {}
        participant = browser.new_context(viewport={"width": 390, "height": 844})
        for name in FIRST_WIDGET:
            if srv.kind == "today" and not (srv.notebooks / name).is_file():
                continue  # pillars 2-4 and the workshop pages did not exist yet
            url = f"{srv.url}voila/render/{quote(name)}?kode={codes[0]}"
            if name == HOME:
                visit = first_widget(browser, url)
                # the participant's phone-sized browser starts here (its first page)
                r["first_widget_home_phone"] = first_widget(browser, url, context=participant)
            else:
                visit = first_widget(browser, url, context=participant)
            r["first_widget"][name] = visit
            if srv.kind == "kit":
                time.sleep(POOL_REFILL_DELAY_S + 2)  # the pool replaces the kernel taken
            srv.settle(at_least=r["pool_kernels"])
        participant.close()
        # waves: the room opens one page after another (as in a tab: the page before is
        # closed, its kernel freed, as Voila's tab-close beacon does)
        r["waves"] = []
        for title, name in WAVES:
            w: dict = {"title": title, "notebook": name}
            need_mb = args.participants * MEMORY_PER_PAGE_MB[srv.kind] + 2048
            if psutil.virtual_memory().available / MB < need_mb:
                w["skipped"] = f"less than {need_mb} MB of memory available"
                r["waves"].append(w)
                print(f"  {srv.label}: {title} skipped ({w['skipped']})", file=sys.stderr)
                continue
            if srv.kind == "kit" and not args.no_warm:
                number = all_notebooks(args.notebooks).index(name) + 1
                t0 = time.monotonic()
                srv.type(f"{number} {args.participants}")
                w["warm_s"] = wait_warm(srv, name, t0)
                srv.settle()
            paths = [f"/voila/render/{quote(name)}?kode={code}" for code in codes]
            result = wave(srv.port, paths, args.timeout)
            w["p50_s"] = pct(result["durations"], 0.5)
            w["p95_s"] = pct(result["durations"], 0.95)
            w["max_s"] = max(result["durations"]) if result["durations"] else None
            w.update({k: result[k] for k in ("hung", "failed", "message")})
            srv.settle()
            kernels = srv.kernels()
            mine = [kernels[k] for k in result["kernel_ids"] if k in kernels]
            w.update(kernel_memory(mine))
            w["pages_open"] = len(mine)
            w["tree_pss_mb"] = srv.tree_memory_mb()["pss_mb"]
            for kernel_id in result["kernel_ids"]:  # the room moves on
                with contextlib.suppress(OSError):
                    request(srv.port, f"/voila/api/shutdown/{kernel_id}", "POST", b"", 30)
            srv.settle()
            r["waves"].append(w)
            print(f"  {srv.label}: {json.dumps(w, default=str)}", file=sys.stderr)
        r["room"] = room_estimate(r)
        with contextlib.suppress(psutil.Error):
            r["server_rss_mb"] = psutil.Process(srv.proc.pid).memory_info().rss / MB
        opened, left = tabs_closed(browser, srv, f"{srv.url}voila/render/{quote(HOME)}",
                                   args.tabs)  # fmt: skip
        r["tabs_opened"], r["kernels_left_after_close"] = opened, left
    finally:
        r["processes_left_after_stop"] = srv.stop()
    return r


def wait_warm(srv: Server, name: str, t0: float, timeout: float = 600) -> float | None:
    deadline = t0 + timeout
    while time.monotonic() < deadline:
        for m in re.finditer(r"Siap: \d+ kernel untuk (\S+) dalam (\d+) s", srv.output()):
            if m[1] == name and time.monotonic() - t0 > 0.5:
                return time.monotonic() - t0
        time.sleep(0.5)
    return None


def kernel_memory(procs: list[psutil.Process]) -> dict:
    """Unique (USS), proportional (PSS) and resident (RSS) memory of the kernels, in MB."""
    rows = []
    for proc in procs:
        with contextlib.suppress(psutil.Error):
            info = proc.memory_full_info()
            rows.append((info.uss / MB, info.pss / MB, info.rss / MB))
    if not rows:
        return {}
    return {
        "kernels_measured": len(rows),
        "uss_median_mb": statistics.median(u for u, _, _ in rows),
        "uss_max_mb": max(u for u, _, _ in rows),
        "pss_median_mb": statistics.median(p for _, p, _ in rows),
        "rss_median_mb": statistics.median(x for _, _, x in rows),
    }


def room_estimate(r: dict, participants: int = 180) -> dict | None:
    """The launch room: the idle server plus, per participant, a home page kernel and an app
    kernel (their median PSS: unique memory plus their share of what they share)."""
    by_title = {w["title"]: w for w in r.get("waves", [])}
    home = by_title.get("home page", {}).get("pss_median_mb")
    app = by_title.get("app", {}).get("pss_median_mb")
    if home is None or app is None:
        return None
    total_mb = r["idle"]["pss_mb"] + participants * (home + app)
    return {"per_participant_mb": home + app, "room_gb": total_mb / 1024,
            "participants": participants}  # fmt: skip


def all_notebooks(root: Path) -> list[str]:
    from desmigratif_kit.server import all_notebooks as listing

    return listing(root)


# --------------------------------------------------------------------------- report


def report(results: dict, args) -> str:
    labels = list(results)

    def row(title, fn, target=""):
        cells = []
        for label in labels:
            try:
                value = fn(results[label])
            except (KeyError, TypeError, IndexError, ValueError, AttributeError):
                value = None
            cells.append("n/a" if value is None else value)
        return f"| {title} | " + " | ".join(cells) + f" | {target} |"

    def f(x, fmt="{:.2f}"):
        return None if x is None else fmt.format(x)

    def first(name):
        return lambda r: f(r["first_widget"].get(name, {}).get("first_widget_s"))

    def wave_p(i):
        return lambda r: f"{f(r['waves'][i]['p50_s'])} / {f(r['waves'][i]['p95_s'])}"

    def wave_bad(i):
        return lambda r: "{hung} / {failed} / {message}".format(**r["waves"][i])

    n = args.participants
    lines = [
        f"| the launch room ({n} per wave, {os.cpu_count()} CPUs) | "
        + " | ".join(labels) + " | target |",
        "|---|" + "---:|" * len(labels) + "---|",
        row("server start to listening (s)", lambda r: f(r["listen_s"], "{:.1f}")),
        row("start to every notebook ready (s)", lambda r: f(r["ready_s"], "{:.1f}"), "≤ 60"),
        row("kernels waiting when idle", lambda r: str(r["pool_kernels"])),
        row("idle memory, every notebook ready (GB, PSS of the server's processes)",
            lambda r: f(r["idle"]["pss_mb"] / 1024), "≤ 3"),
    ]  # fmt: skip
    for name in FIRST_WIDGET:
        short = name.split("/")[-1]
        how = "first visit, empty cache" if name == HOME else "opened after the home page"
        lines.append(row(f"first widget, one visitor alone: `{short}`, {how} (s)", first(name),
                         "≤ 1.5"))  # fmt: skip
    lines.append(row(f"first widget, one visitor alone: `{HOME}`, first visit on a phone-sized "
                     "screen, cache on (s)",
                     lambda r: f(r["first_widget_home_phone"]["first_widget_s"]),
                     "≤ 1.5"))  # fmt: skip
    lines.append(row("bytes on a first visit of the home page (MB, on the wire)",
                     lambda r: f(r["first_widget"][HOME]["transferred_mb"])))  # fmt: skip
    lines.append(row(f"bytes / requests, `{APP_A.split('/')[-1]}` opened after the home page",
                     lambda r: f"{f(r['first_widget'][APP_A]['transferred_mb'])} MB / "
                     f"{r['first_widget'][APP_A]['requests']}"))  # fmt: skip
    lines.append(row("requests to the internet, all first visits (blocked)",
                     lambda r: str(sum(v["external_requests"]
                                       for v in r["first_widget"].values())), "0"))  # fmt: skip
    for i, (title, name) in enumerate(WAVES):
        short = name.split("/")[-1]
        lines.append(row(f"wave {i + 1}, {title} `{short}`: warm-up typed before it (s)",
                         lambda r, i=i: f(r["waves"][i].get("warm_s"), "{:.0f}")))  # fmt: skip
        lines.append(row(f"wave {i + 1}: p50 / p95 (s)", wave_p(i), "p95 ≤ 3"))
        lines.append(row(f"wave {i + 1}: hung / failed / ended with a message", wave_bad(i),
                         "0 hung"))  # fmt: skip
    for i, (_title, name) in enumerate(WAVES):
        short = name.split("/")[-1]
        lines.append(row(f"unique memory per kernel, `{short}` (USS median / max, MB)",
                         lambda r, i=i: f"{f(r['waves'][i]['uss_median_mb'], '{:.0f}')} / "
                         f"{f(r['waves'][i]['uss_max_mb'], '{:.0f}')}", "≤ 40"))  # fmt: skip
    lines += [
        row("memory per participant, home page + `app_cek_kesiapan` kernels (MB, PSS)",
            lambda r: f(r["room"]["per_participant_mb"], "{:.0f}")),
        row("180 participants, home page + one app each (GB: idle + 180 × the above)",
            lambda r: f(r["room"]["room_gb"], "{:.1f}"), "≤ 16"),
        row("during the app wave: pages open / memory of all processes (GB, PSS)",
            lambda r: f"{r['waves'][1]['pages_open']} / "
            f"{f(r['waves'][1]['tree_pss_mb'] / 1024, '{:.1f}')}"),
        row(f"kernels left after {args.tabs} tabs closed",
            lambda r: str(r["kernels_left_after_close"]), "0"),
        row("processes left 10 s after the server stopped",
            lambda r: str(r["processes_left_after_stop"]), "0"),
        row("this server's part of the run (s)", lambda r: f(r["run_s"], "{:.0f}")),
    ]  # fmt: skip
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=60, help="loads per wave")
    parser.add_argument("--servers", default="kit,today,plain",
                        help="which to run, in order: kit, today, plain")  # fmt: skip
    parser.add_argument("--baseline", default=BASELINE, help="git revision of today's kit")
    parser.add_argument("--timeout", type=float, default=120, help="a slower load is 'hung'")
    parser.add_argument("--tabs", type=int, default=5)
    parser.add_argument("--no-warm", action="store_true",
                        help="kit: no warm-up command before each wave")  # fmt: skip
    parser.add_argument("--json", default=None, help="default benchmarks/results/room-<time>.json")
    args = parser.parse_args(argv)
    args.notebooks = REPO / "notebooks"
    if not Path(CHROMIUM).is_file():
        parser.error(f"Chromium not found at {CHROMIUM} (set DESMIGRATIF_CHROMIUM)")
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="bench_room_"))
    results: dict[str, dict] = {}
    began = time.monotonic()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for kind in [s.strip() for s in args.servers.split(",") if s.strip()]:
            srv = make_server(kind, args, work)
            codes = participants(srv.workspace, args.participants)
            print(f"== {srv.label}", file=sys.stderr)
            t0 = time.monotonic()
            results[srv.label] = run_server(srv, browser, args, codes)
            results[srv.label]["run_s"] = time.monotonic() - t0
        browser.close()
    table = report(results, args)
    print(table)
    out = Path(args.json) if args.json else (
        REPO / "benchmarks" / "results" / time.strftime("room-%Y%m%d-%H%M%S.json"))  # fmt: skip
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"participants": args.participants, "cpus": os.cpu_count(),
                               "baseline": args.baseline, "seconds": time.monotonic() - began,
                               "results": results}, indent=2, default=str))  # fmt: skip
    print(f"\n(JSON: {out}; {time.monotonic() - began:.0f} s)")
    return 0


def participants(workspace: Path, n: int) -> list[str]:
    """``n`` registered participants in the server's saved work (codes for ``?kode=``)."""
    workspace.mkdir(parents=True, exist_ok=True)
    with Store(workspace / "desmigratif.sqlite3") as store:
        return [store.register("kepala_desa", f"Peserta {i + 1}", "53.08.12.2014").code
                for i in range(n)]  # fmt: skip


def make_server(kind: str, args, work: Path) -> Server:
    port = free_port()
    workspace = work / f"ws-{kind}"
    if kind == "kit":
        return Server("kit", [sys.executable, "-m", "desmigratif_kit", "serve", "--host",
                              "127.0.0.1", "--port", str(port), "--workspace", str(workspace),
                              "--wave", str(args.participants)],
                      port, work, kind="kit", workspace=workspace)  # fmt: skip
    if kind == "today":
        tree = baseline_tree(args.baseline, work / "today")
        env = dict(os.environ, PYTHONPATH=str(tree))
        env.pop("DESMIGRATIF_NOTEBOOKS", None)
        srv = Server(f"today's kit ({args.baseline})",
                     [sys.executable, "-m", "desmigratif_kit", "serve", "--host", "127.0.0.1",
                      "--port", str(port), "--workspace", str(workspace)],
                     port, work, env=env, kind="today", workspace=workspace)  # fmt: skip
        srv.notebooks = tree / "notebooks"
        return srv
    if kind == "plain":
        env = dict(os.environ, DESMIGRATIF_WORKSPACE=str(workspace))
        return Server("plain voila", [sys.executable, "-m", "voila", "--no-browser",
                                      f"--port={port}", "--Voila.ip=127.0.0.1",
                                      str(args.notebooks)],
                      port, work, env=env, kind="plain", workspace=workspace)  # fmt: skip
    raise SystemExit(f"unknown server {kind!r} (kit, today, plain)")


if __name__ == "__main__":
    sys.exit(main())
