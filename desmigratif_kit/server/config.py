"""The workshop server: standalone Voila, configured for a room of phones and laptops.

``desmigratif-kit serve`` (see :mod:`desmigratif_kit.server.cli`) builds a :class:`ServerOptions`
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
  (``*/app_*.ipynb``) one (``--app-pool``), every other notebook one kernel (``--lesson-pool``);
  a notebook added while the server runs none (the ``"default"`` pool is set to 0
  explicitly, otherwise Voila gives it one). The facilitator deepens one notebook's pool for a
  wave (see :mod:`.kernels`).
- Kernels forked from a warm parent (:mod:`.forkserver`, :mod:`.provisioner`), talking over
  Unix sockets (``KernelManager.transport = "ipc"``), never restarted blank after dying
  (``KernelRestarter.restart_limit = 0``), managed by :class:`.kernels.WorkshopKernelManager`
  (admission: ``2 × max_participants`` visitors' kernels and a memory reserve).
- Responses gzip-compressed (``compress_response``, set before the application is built).
- The ``desmigratif`` template (``base_template: lab``) drops the Font Awesome CDN links:
  no request leaves the machine. Its root is put on ``JUPYTER_PATH`` before Voila starts,
  so it is found without installing the package.
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass, field
from pathlib import Path

from traitlets.config import Config
from voila.notebook_renderer import NotebookRenderer

from desmigratif_kit.core.catalog import HOME_NOTEBOOK
from desmigratif_kit.core.pin import normalize_pin
from desmigratif_kit.server.pages import dead_kernel_messages

TEMPLATE_NAME = "desmigratif"
TEMPLATE_ROOT = Path(__file__).resolve().parent / "templates"
"""A Jupyter data directory: holds ``voila/templates/desmigratif``."""

DEFAULT_HOST = "0.0.0.0"
DEFAULT_PORT = 8866
DEFAULT_POOL = 20
"""Preheated kernels for the home page: a room of 20 opening it at once each gets one."""
DEFAULT_APP_POOL = 2
"""Preheated kernels for each ``*/app_*.ipynb`` (a room's wave is prepared by a warm-up)."""
DEFAULT_LESSON_POOL = 1
"""Preheated kernels for every other notebook (lessons): each is ready for its first visitor."""
UNUSED_LAB_EXTENSIONS = ("jupyterlab_pygments",)
"""JupyterLab extensions a Voila page does not need (each is JavaScript every page loads)."""
DEFAULT_WAVE = 60
"""Participants a warm-up prepares for (the facilitator types a notebook's number)."""
KERNEL_MEMORY_MB = 40
"""What one more open page costs, forked from the warm parent (measured ~32 MB unique per
kernel, plus page tables and growth while a participant works; docs/benchmark.md)."""
KERNEL_MEMORY_MB_UNFORKED = 100
"""The same for kernels started the usual way (``--no-fork``)."""
BASE_MEMORY_MB = 2048
"""Memory kept for the system, the server, the fork server and the facilitator's browser."""
PAGES_PER_PARTICIPANT = 2
"""A participant keeps the home page and one app open."""
DEFAULT_CELL_TIMEOUT = 60
DEFAULT_CULL_INTERVAL = 60
DEFAULT_CULL_IDLE_MINUTES = 20
# Seconds before a pool starts a kernel to replace one a visitor took (Voila's default: 1).
# Starting a kernel costs about a second of CPU (Python, pandas, the notebook's first cell);
# when a room opens the page together, replacing each kernel at once would compete with the
# visitors for 2 CPUs. Waiting lets the wave pass first (see docs/benchmark.md).
POOL_REFILL_DELAY = 15

IOPUB_TIMEOUT = 30
"""Seconds the executor waits for a cell's outputs after its reply (see build_config)."""

WAIT_MARKERS = ("query_params(", "get_query_string(")
"""Calls that wait for the visitor in a preheated kernel (fallback exemption, see
:class:`CellTimeout`)."""

ENV_WORKSPACE = "DESMIGRATIF_WORKSPACE"
ENV_NOTEBOOKS = "DESMIGRATIF_NOTEBOOKS"


def default_workspace(given: str | os.PathLike | None = None) -> Path:
    """The workspace folder: ``given`` (``--workspace``), else ``$DESMIGRATIF_WORKSPACE``, else
    ``./workspace`` (resolved, not created). ``serve`` and ``backup`` use the same rule.

    >>> os.environ.pop(ENV_WORKSPACE, None) and None
    >>> default_workspace() == Path("workspace").resolve()
    True
    >>> os.environ[ENV_WORKSPACE] = "/tmp/ws-env"
    >>> str(default_workspace()), str(default_workspace("/tmp/ws-arg"))
    ('/tmp/ws-env', '/tmp/ws-arg')
    >>> del os.environ[ENV_WORKSPACE]
    """
    chosen = given if given not in (None, "") else os.environ.get(ENV_WORKSPACE) or "workspace"
    return Path(chosen).expanduser().resolve()


def default_notebooks_dir() -> Path:
    """``$DESMIGRATIF_NOTEBOOKS`` or the repository's ``notebooks/``."""
    env = os.environ.get(ENV_NOTEBOOKS)
    if env:
        return Path(env).expanduser().resolve()
    return Path(__file__).resolve().parents[2] / "notebooks"


@dataclass
class ServerOptions:
    """Everything ``desmigratif-kit serve`` can be told."""

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    notebooks: Path = field(default_factory=default_notebooks_dir)
    workspace: Path = field(default_factory=default_workspace)
    pool: int = DEFAULT_POOL
    app_pool: int = DEFAULT_APP_POOL
    cell_timeout: float = DEFAULT_CELL_TIMEOUT
    cull_interval: int = DEFAULT_CULL_INTERVAL
    cull_idle_minutes: float = DEFAULT_CULL_IDLE_MINUTES
    log_level: str = "INFO"
    fork: bool = True
    """Fork kernels from a warm parent (:mod:`.forkserver`); ``False``: start each the usual way."""
    lesson_pool: int = DEFAULT_LESSON_POOL
    max_participants: int | None = None
    """Participants served at once; ``None``: computed from the machine's memory."""
    wave: int = DEFAULT_WAVE
    quiet: bool = True
    """The terminal shows the banner and what the facilitator acts on; the log goes to a file
    in the workspace. ``False`` (``--verbose``): the full log on the terminal."""
    pin: str | None = None
    """The facilitator PIN for the results board (4-12 digits); ``None``: made at start."""

    def __post_init__(self) -> None:
        if self.pin is not None:
            self.pin = normalize_pin(self.pin)
        self.notebooks = Path(self.notebooks).expanduser().resolve()
        self.workspace = default_workspace(self.workspace)
        if self.max_participants is None:
            self.max_participants = default_max_participants(fork=self.fork)
        for name in ("pool", "app_pool", "lesson_pool", "cull_interval", "wave"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be >= 0, got {getattr(self, name)}")
        if not 0 < self.port < 65536:
            raise ValueError(f"port must be 1-65535, got {self.port}")
        if self.max_participants < 1:
            raise ValueError(f"max_participants must be >= 1, got {self.max_participants}")

    @property
    def kernel_memory_mb(self) -> int:
        return KERNEL_MEMORY_MB if self.fork else KERNEL_MEMORY_MB_UNFORKED


def default_max_participants(total_mb: float | None = None, fork: bool = True) -> int:
    """Participants that fit in this machine's memory, each with :data:`PAGES_PER_PARTICIPANT`
    pages open, :data:`BASE_MEMORY_MB` kept aside.

    >>> default_max_participants(16 * 1024)  # a 16 GB laptop
    179
    >>> default_max_participants(8 * 1024), default_max_participants(8 * 1024, fork=False)
    (76, 30)
    >>> default_max_participants(1024)
    1
    """
    if total_mb is None:
        import psutil

        total_mb = psutil.virtual_memory().total / 2**20
    per_kernel = KERNEL_MEMORY_MB if fork else KERNEL_MEMORY_MB_UNFORKED
    return max(1, int((total_mb - BASE_MEMORY_MB) // (PAGES_PER_PARTICIPANT * per_kernel)))


# --------------------------------------------------------------------------- kernels


def app_notebooks(root: Path) -> list[str]:
    """Pillar app notebooks (``*/app_*.ipynb``) and lessons (``*/NN_*.ipynb``, the teaching
    notebooks that are also lessons in the browser), as Voila names them (relative, ``/``)."""
    root = Path(root)
    found = [*root.glob("*/app_*.ipynb"), *root.glob("*/[0-9][0-9]_*.ipynb")]
    return sorted(
        p.relative_to(root).as_posix() for p in found if ".ipynb_checkpoints" not in p.parts
    )


def all_notebooks(root: Path) -> list[str]:
    """Every notebook under ``root`` as Voila names it: the home page, the apps, the rest."""
    root = Path(root)
    found = sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*.ipynb")
        if ".ipynb_checkpoints" not in p.parts
    )
    apps = set(app_notebooks(root))
    return sorted(found, key=lambda n: (n != HOME_NOTEBOOK, n not in apps, n))


def kernel_pools(options: ServerOptions) -> dict[str, dict[str, int]]:
    """``VoilaKernelManager.kernel_pools_config``: kernels that have run a notebook up to its
    visitor, waiting: ``--pool`` for the home page, ``--app-pool`` for each app,
    ``--lesson-pool`` for every other notebook (so each is ready for its first visitor).

    The ``"default"`` entry with size 0 matters: without it Voila preheats one kernel for
    every notebook not listed (here: one added while the server runs).
    """
    pools: dict[str, dict[str, int]] = {"default": {"pool_size": 0}}
    apps = set(app_notebooks(options.notebooks))
    for name in all_notebooks(options.notebooks):
        if name == HOME_NOTEBOOK:
            size = options.pool
        elif name in apps:
            size = options.app_pool
        else:
            size = options.lesson_pool
        if size:
            pools[name] = {"pool_size": size}
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
    c.Voila.log_format = "[%(levelname)1.1s %(asctime)s.%(msecs).03d %(name)s] %(message)s"
    c.Voila.log_datefmt = "%H:%M:%S"

    c.VoilaConfiguration.template = TEMPLATE_NAME
    c.VoilaConfiguration.theme = "light"
    c.VoilaConfiguration.allow_template_override = "NO"
    c.VoilaConfiguration.allow_theme_override = "NO"
    c.VoilaConfiguration.strip_sources = True
    c.VoilaConfiguration.show_tracebacks = False
    # code highlighting for JupyterLab's editors: a Voila page shows no code (3 requests less)
    c.VoilaConfiguration.extension_denylist = list(UNUSED_LAB_EXTENSIONS)

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
    # After a cell's reply, wait this long for its outputs (nbclient's default: 4 s). A kernel
    # starved of CPU while a pool fills can send them later than that; nbclient then drops
    # them and the page shows no widget at all (seen in the benchmark). A dead kernel is
    # caught sooner by the page guard.
    c.VoilaExecutor.iopub_timeout = IOPUB_TIMEOUT
    c.VoilaExecutor.show_tracebacks = False
    c.VoilaExecutor.cell_error_instruction = CELL_ERROR_INSTRUCTION
    c.VoilaExecutor.cell_timeout_instruction = CELL_ERROR_INSTRUCTION
    c.VoilaExporter.language_code = "id"
    # texts for the page's kernel watch (templates/.../index.html.j2)
    c.VoilaConfiguration.resources = {"desmigratif": {"messages": dead_kernel_messages()}}

    # Kernels talk to the server over Unix sockets in Voila's private connection folder: no TCP
    # port to race for when many start together, nothing readable by other users.
    c.KernelManager.transport = "ipc"
    # A dead kernel is never brought back blank (see server.kernels)
    c.KernelRestarter.restart_limit = 0
    c.AsyncKernelManager.client_factory = "desmigratif_kit.server.kernels.WorkshopKernelClient"
    c.VoilaConfiguration.multi_kernel_manager_class = (
        "desmigratif_kit.server.kernels.WorkshopKernelManager"
    )
    c.WorkshopKernelManager.max_visitor_kernels = PAGES_PER_PARTICIPANT * options.max_participants
    c.WorkshopKernelManager.kernel_memory_mb = options.kernel_memory_mb

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
