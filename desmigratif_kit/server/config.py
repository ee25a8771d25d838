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
  (``*/app_*.ipynb``) a small one (``--app-pool``), every other notebook none (the
  ``"default"`` pool is set to 0 explicitly, otherwise Voila gives each one kernel).
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
    return Path(__file__).resolve().parents[2] / "notebooks"


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
    pin: str | None = None
    """The facilitator PIN for the results board (4-12 digits); ``None``: made at start."""

    def __post_init__(self) -> None:
        if self.pin is not None:
            self.pin = normalize_pin(self.pin)
        self.notebooks = Path(self.notebooks).expanduser().resolve()
        self.workspace = Path(self.workspace).expanduser().resolve()
        for name in ("pool", "app_pool", "cull_interval"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be >= 0, got {getattr(self, name)}")
        if not 0 < self.port < 65536:
            raise ValueError(f"port must be 1-65535, got {self.port}")


# --------------------------------------------------------------------------- kernels


def app_notebooks(root: Path) -> list[str]:
    """Pillar app notebooks (``*/app_*.ipynb``) and lessons (``*/NN_*.ipynb``, the teaching
    notebooks that are also lessons in the browser), as Voila names them (relative, ``/``)."""
    root = Path(root)
    found = [*root.glob("*/app_*.ipynb"), *root.glob("*/[0-9][0-9]_*.ipynb")]
    return sorted(
        p.relative_to(root).as_posix() for p in found if ".ipynb_checkpoints" not in p.parts
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
