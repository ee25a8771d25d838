"""The workshop server: standalone Voila, configured for a room of phones and laptops.

``desmigratif-kit serve`` (see :mod:`desmigratif_kit.cli`) builds a :class:`ServerOptions`
and calls :func:`serve`. Everything is configured here, in Python, on a subclass of
``voila.app.Voila`` (:class:`WorkshopVoila`): no ``voila.json``/``voila.py`` is read, so a
stray config file in the working directory cannot change what participants get.

What is set, and why (see also ``docs/ARCHITECTURE.md`` and ``/work/shared/VOILA-NOTES.md``):

- Standalone Voila in tree mode over the notebooks folder, never the Jupyter server
  extension: participants can run only the notebooks' own code (no ``/api/contents``,
  no ``/lab``, no ``execute_request`` from the browser).
- ``/`` answers ``302`` to the home notebook ``/voila/render/00_beranda.ipynb``, keeping the
  query string (``/?kode=ABC234``); the tree stays at ``/voila/tree``.
- Sources stripped, tracebacks hidden, template and theme not overridable from the URL.
- Every cell has an execution timeout (:class:`CellTimeout`, default 60 s) so no page spins
  forever; cells run in a preheated kernel *before* its visitor arrived have none, because a
  kernel waiting for its visitor (``voila.utils.get_query_string()``) counts that wait as
  cell execution. A cell that times out is interrupted (the kernel is freed) and the page
  shows Voila's error message.
- Tab close frees the kernel: Voila's shutdown beacon carries no ``_xsrf``, so XSRF checks
  are off (``disable_check_xsrf``), set before tornado builds the application.
- Idle kernels without a browser connected are culled (checked every minute, after
  :data:`DEFAULT_CULL_IDLE_MINUTES` idle); a kernel whose tab is still open is never culled.
- Kernels preheated: the home page gets a pool (``--pool``), each pillar app notebook
  (``*/app_*.ipynb``) a small one (``--app-pool``), every other notebook none (the
  ``"default"`` pool is set to 0 explicitly, otherwise Voila gives each one kernel).
- Responses gzip-compressed (``compress_response``, set before the application is built).
- The ``desmigratif`` template (``base_template: lab``) drops the Font Awesome CDN links:
  no request leaves the machine. Its root is put on ``JUPYTER_PATH`` before Voila starts,
  so it is found without installing the package.
"""

from __future__ import annotations

import asyncio
import io
import ipaddress
import os
import socket
import sys
from dataclasses import dataclass, field
from pathlib import Path

import tornado.ioloop
import tornado.web
from jupyter_server.utils import url_path_join
from traitlets.config import Config
from voila.app import Voila
from voila.notebook_renderer import NotebookRenderer

HOME_NOTEBOOK = "00_beranda.ipynb"
"""The landing page, relative to the notebooks folder."""

DB_FILENAME = "desmigratif.sqlite3"
"""Name of the SQLite file in the workspace (owned by :mod:`desmigratif_kit.store`)."""

TEMPLATE_NAME = "desmigratif"
TEMPLATE_ROOT = Path(__file__).resolve().parent / "templates"
"""A Jupyter data directory: holds ``voila/templates/desmigratif``."""

DEFAULT_HOST = "0.0.0.0"
DEFAULT_PORT = 8866
DEFAULT_POOL = 20
"""Preheated kernels for the home page: a room of 20 opening it at once each gets one."""
DEFAULT_APP_POOL = 2
"""Preheated kernels for each ``*/app_*.ipynb``."""
DEFAULT_CELL_TIMEOUT = 60
DEFAULT_CULL_INTERVAL = 60
DEFAULT_CULL_IDLE_MINUTES = 20
# Seconds before a pool starts a kernel to replace one a visitor took (Voila's default: 1).
# Starting a kernel costs about a second of CPU (Python, pandas, the notebook's first cell);
# when a room opens the page together, replacing each kernel at once would compete with the
# visitors for 2 CPUs. Waiting lets the wave pass first (see docs/benchmark.md).
POOL_REFILL_DELAY = 15

WAIT_MARKERS = ("query_params(", "get_query_string(")
"""Calls that wait for the visitor in a preheated kernel (fallback exemption, see
:class:`CellTimeout`)."""

ENV_WORKSPACE = "DESMIGRATIF_WORKSPACE"
ENV_NOTEBOOKS = "DESMIGRATIF_NOTEBOOKS"


def default_notebooks_dir() -> Path:
    """``$DESMIGRATIF_NOTEBOOKS`` or the repository's ``notebooks/``."""
    env = os.environ.get(ENV_NOTEBOOKS)
    if env:
        return Path(env).expanduser().resolve()
    return Path(__file__).resolve().parent.parent / "notebooks"


@dataclass
class ServerOptions:
    """Everything ``desmigratif-kit serve`` can be told."""

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    notebooks: Path = field(default_factory=default_notebooks_dir)
    workspace: Path = field(default_factory=lambda: Path("workspace"))
    pool: int = DEFAULT_POOL
    app_pool: int = DEFAULT_APP_POOL
    cell_timeout: float = DEFAULT_CELL_TIMEOUT
    cull_interval: int = DEFAULT_CULL_INTERVAL
    cull_idle_minutes: float = DEFAULT_CULL_IDLE_MINUTES
    log_level: str = "INFO"

    def __post_init__(self) -> None:
        self.notebooks = Path(self.notebooks).expanduser().resolve()
        self.workspace = Path(self.workspace).expanduser().resolve()
        for name in ("pool", "app_pool", "cull_interval"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be >= 0, got {getattr(self, name)}")
        if not 0 < self.port < 65536:
            raise ValueError(f"port must be 1-65535, got {self.port}")


# --------------------------------------------------------------------------- kernels


def app_notebooks(root: Path) -> list[str]:
    """Pillar app notebooks (``*/app_*.ipynb``), as Voila names them (relative, ``/``)."""
    root = Path(root)
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.glob("*/app_*.ipynb")
        if ".ipynb_checkpoints" not in p.parts
    )


def kernel_pools(options: ServerOptions) -> dict[str, dict[str, int]]:
    """``VoilaKernelManager.kernel_pools_config``: the home page and the apps, nothing else.

    The ``"default"`` entry with size 0 matters: without it Voila preheats one kernel for
    every notebook not listed.
    """
    pools: dict[str, dict[str, int]] = {"default": {"pool_size": 0}}
    if options.pool and (options.notebooks / HOME_NOTEBOOK).is_file():
        pools[HOME_NOTEBOOK] = {"pool_size": options.pool}
    if options.app_pool:
        for name in app_notebooks(options.notebooks):
            pools[name] = {"pool_size": options.app_pool}
    return pools


def _in_preheat_pool() -> bool | None:
    """Whether the running cell was started by a preheated kernel's own rendering task.

    Voila renders a pooled notebook in an asyncio task running
    ``NotebookRenderer.generate_content_hybrid`` until its visitor arrives; from then on the
    visitor's request handler runs the remaining cells. ``None`` when this cannot be told
    (no running task).
    """
    try:
        task = asyncio.current_task()
    except RuntimeError:
        return None
    if task is None:
        return None
    coro = task.get_coro()
    return getattr(coro, "__qualname__", "") == _POOL_RENDER_QUALNAME


_POOL_RENDER_QUALNAME = "NotebookRenderer.generate_content_hybrid"
_CAN_TELL_POOL = hasattr(NotebookRenderer, "generate_content_hybrid")


class CellTimeout:
    """``VoilaExecutor.timeout_func``: seconds allowed for one cell, ``None`` for no limit.

    - A cell started in a preheated kernel before its visitor arrived has no limit: that
      kernel may wait for the visitor (``get_query_string()``) for hours, and the wait is
      counted as cell execution. Nobody is waiting for that page yet anyway.
    - Should that not be tellable (a future Voila), cells whose source calls one of
      :data:`WAIT_MARKERS` have no limit instead.
    - Every other cell gets ``seconds`` (``0`` or less: no limit at all).
    """

    def __init__(self, seconds: float | None):
        self.seconds = seconds

    def __call__(self, cell) -> float | None:
        if not self.seconds or self.seconds <= 0:
            return None
        in_pool = _in_preheat_pool() if _CAN_TELL_POOL else None
        if in_pool:
            return None
        if in_pool is None:
            source = cell.get("source", "") if hasattr(cell, "get") else ""
            if isinstance(source, list):
                source = "".join(source)
            if any(marker in source for marker in WAIT_MARKERS):
                return None
        return self.seconds

    def __repr__(self) -> str:
        return f"CellTimeout({self.seconds!r})"


# --------------------------------------------------------------------------- config

CELL_ERROR_INSTRUCTION = (
    "Muat ulang halaman ini; jika masih gagal, panggil fasilitator. "
    "(Reload this page; if it still fails, ask the facilitator.)"
)


def build_config(options: ServerOptions) -> Config:
    """The traitlets configuration of the workshop server (no files read)."""
    c = Config()
    c.Voila.ip = options.host
    c.Voila.port = options.port
    c.Voila.port_retries = 0  # the printed address and QR code must be the real one
    c.Voila.open_browser = False
    c.Voila.root_dir = str(options.notebooks)
    c.Voila.config_file_paths = []  # no voila.json / voila.py can override this
    c.Voila.log_level = options.log_level

    c.VoilaConfiguration.template = TEMPLATE_NAME
    c.VoilaConfiguration.theme = "light"
    c.VoilaConfiguration.allow_template_override = "NO"
    c.VoilaConfiguration.allow_theme_override = "NO"
    c.VoilaConfiguration.strip_sources = True
    c.VoilaConfiguration.show_tracebacks = False

    pools = kernel_pools(options)
    preheat = any(cfg["pool_size"] > 0 for cfg in pools.values())
    c.VoilaConfiguration.preheat_kernel = preheat
    if preheat:
        c.VoilaKernelManager.kernel_pools_config = pools
        c.VoilaKernelManager.fill_delay = POOL_REFILL_DELAY

    c.VoilaExecutor.timeout = (
        int(options.cell_timeout) if options.cell_timeout and options.cell_timeout > 0 else -1
    )
    c.VoilaExecutor.timeout_func = CellTimeout(options.cell_timeout)
    c.VoilaExecutor.interrupt_on_timeout = True  # free the kernel (and the CPU)
    c.VoilaExecutor.show_tracebacks = False
    c.VoilaExecutor.cell_error_instruction = CELL_ERROR_INSTRUCTION
    c.VoilaExecutor.cell_timeout_instruction = CELL_ERROR_INSTRUCTION
    c.VoilaExporter.language_code = "id"

    c.MappingKernelManager.cull_interval = options.cull_interval
    c.MappingKernelManager.cull_idle_timeout = int(options.cull_idle_minutes * 60)
    c.MappingKernelManager.cull_connected = False  # an open tab keeps its kernel
    c.MappingKernelManager.cull_busy = False
    return c


TORNADO_SETTINGS = {
    # gzip: ~5 MB -> ~1.4 MB on a first visit; only works if set before tornado builds the
    # application (Voila applies Voila.tornado_settings afterwards).
    "compress_response": True,
    # Voila's tab-close shutdown beacon has no _xsrf: without this it gets 403 and the kernel
    # lingers until culled.
    "disable_check_xsrf": True,
}


def use_template_root() -> None:
    """Put the package's template root first on ``JUPYTER_PATH`` (kernels inherit it)."""
    root = str(TEMPLATE_ROOT)
    parts = [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    if root not in parts:
        os.environ["JUPYTER_PATH"] = os.pathsep.join([root, *parts])


# --------------------------------------------------------------------------- app


class HomeRedirectHandler(tornado.web.RequestHandler):
    """``/`` -> the home notebook (302, query string kept), or the tree if it is missing."""

    def initialize(self, target: str) -> None:
        self.target = target

    def get(self) -> None:
        query = self.request.query
        self.redirect(self.target + (f"?{query}" if query else ""), permanent=False)

    head = get


class WorkshopVoila(Voila):
    """Voila with the workshop's tornado settings, ``/`` redirect and start-up banner."""

    name = "voila"  # keep Voila's own settings key and config section
    options: ServerOptions | None = None

    def init_settings(self):
        settings = super().init_settings()
        settings.update(TORNADO_SETTINGS)
        return settings

    def init_handlers(self):
        handlers = super().init_handlers()
        root = self.root_dir
        if os.path.isfile(os.path.join(root, HOME_NOTEBOOK)):
            target = url_path_join(self.base_url, "voila/render", HOME_NOTEBOOK)
        else:
            self.log.warning(
                "Beranda %s tidak ada di %s: / menuju daftar buku catatan (home page missing)",
                HOME_NOTEBOOK,
                root,
            )
            target = url_path_join(self.base_url, "voila/tree/")
        home = (url_path_join(self.server_url, "/?"), HomeRedirectHandler, {"target": target})
        # runs once the server listens (listen() exits the process if it cannot)
        tornado.ioloop.IOLoop.current().add_callback(self._announce)
        return [home, *handlers]

    def _announce(self) -> None:
        if self.options is None:
            return
        urls = participant_urls(self.options.host, self.port)
        sys.stdout.write(banner(self.options, urls))
        sys.stdout.flush()


def make_app(options: ServerOptions) -> WorkshopVoila:
    """An initialised (not started) :class:`WorkshopVoila` for ``options``.

    Sets ``JUPYTER_PATH`` and ``DESMIGRATIF_WORKSPACE`` in this process's environment: the
    kernels inherit them.
    """
    if not options.notebooks.is_dir():
        raise FileNotFoundError(
            f"Folder buku catatan tidak ada (notebooks folder missing): {options.notebooks}"
        )
    options.workspace.mkdir(parents=True, exist_ok=True)
    os.environ[ENV_WORKSPACE] = str(options.workspace)
    if options.host not in ("0.0.0.0", "", "127.0.0.1", "::", "localhost"):
        # a preheated kernel reaches the server on this address to learn its visitor's URL
        os.environ["VOILA_APP_IP"] = options.host
    use_template_root()
    template_dir = TEMPLATE_ROOT / "voila" / "templates" / TEMPLATE_NAME
    if not (template_dir / "conf.json").is_file():
        raise FileNotFoundError(f"template missing: {template_dir}")
    app = WorkshopVoila(config=build_config(options))
    app.options = options
    app.initialize([])
    if app.voila_configuration.template != TEMPLATE_NAME or not any(
        Path(p) == template_dir for p in app.template_paths
    ):
        raise RuntimeError(f"template {TEMPLATE_NAME!r} not picked up: {app.template_paths}")
    return app


def serve(options: ServerOptions) -> None:
    """Run the workshop server until Ctrl+C / SIGTERM (kernels are shut down on exit)."""
    app = make_app(options)
    app.start()


# --------------------------------------------------------------------------- banner


def _is_virtual(name: str) -> bool:
    return name.startswith(("docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "lxc", "cni"))


def participant_urls(host: str, port: int) -> list[str]:
    """Addresses participants can open: every IPv4 address of this machine when bound to all
    interfaces (loopback only if it is the only one), else the given host."""
    if host not in ("0.0.0.0", "", "::"):
        shown = f"[{host}]" if ":" in host else host
        return [f"http://{shown}:{port}/"]
    import psutil

    found: list[tuple[int, str]] = []
    for name, addrs in psutil.net_if_addrs().items():
        for addr in addrs:
            if addr.family != socket.AF_INET:
                continue
            try:
                ip = ipaddress.IPv4Address(addr.address)
            except ValueError:
                continue
            if ip.is_loopback:
                rank = 9
            elif ip.is_link_local:
                rank = 5
            elif _is_virtual(name):
                rank = 3
            elif ip.is_private:
                rank = 0
            else:
                rank = 1
            found.append((rank, str(ip)))
    found.sort(key=lambda item: (item[0], ipaddress.IPv4Address(item[1])))
    usable = [ip for rank, ip in found if rank < 9] or [ip for _, ip in found] or ["127.0.0.1"]
    seen: list[str] = []
    for ip in usable:
        if ip not in seen:
            seen.append(ip)
    return [f"http://{ip}:{port}/" for ip in seen]


def qr_text(data: str) -> str:
    """A QR code of ``data`` drawn with text characters (for a terminal)."""
    import qrcode

    qr = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_L)
    qr.add_data(data)
    qr.make(fit=True)
    buf = io.StringIO()
    qr.print_ascii(out=buf, tty=False, invert=True)
    text = buf.getvalue()
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        # a console that cannot draw half blocks (e.g. cp1252): two characters per module
        rows = qr.get_matrix()
        text = "\n".join("".join("  " if m else "##" for m in row) for row in rows) + "\n"
    return text


def banner(options: ServerOptions, urls: list[str]) -> str:
    """What the facilitator sees once the server listens (Indonesian, short English)."""
    lines = [
        "",
        "=" * 64,
        "Desmigratif Kit: server lokakarya berjalan (workshop server running)",
        "=" * 64,
        "Peserta membuka alamat ini di peramban (participants open in a browser):",
        *[f"  {url}" for url in urls],
        "",
    ]
    out = "\n".join(lines)
    if urls:
        out += f"Pindai kode QR untuk {urls[0]} (scan the QR code):\n"
        out += qr_text(urls[0])
    pools = kernel_pools(options)
    out += "\n".join(
        [
            "",
            f"Buku catatan (notebooks): {options.notebooks}",
            f"Hasil kerja disimpan di (saved work): {options.workspace}",
            f"  berkas SQLite (SQLite file): {options.workspace / DB_FILENAME}",
            "Kernel siap pakai (preheated kernels): "
            + ", ".join(f"{k} x{v['pool_size']}" for k, v in pools.items() if k != "default")
            if len(pools) > 1
            else "Kernel siap pakai (preheated kernels): tidak ada (none)",
            "Hentikan dengan Ctrl+C (stop with Ctrl+C).",
            "",
        ]
    )
    return out
