"""The kernels of the workshop: who runs, who died, and whether one more fits in memory.

:class:`WorkshopKernelManager` is the multi-kernel manager Voila wraps with its pools
(``VoilaConfiguration.multi_kernel_manager_class``). On top of jupyter_server's manager:

- **a dying kernel leaves at once**: jupyter_client's restarter would bring back a blank
  kernel (no widgets, no notebook state) that a pool then hands to the next visitor as if it
  were ready. Here a kernel is never restarted (``KernelRestarter.restart_limit = 0``): when it
  dies its browser is told (the ``dead`` status the page's script turns into a message and a
  reload), it is shut down and cleaned up, and if it was waiting in a pool the pool starts a
  replacement;
- **admission**: :meth:`admit` says whether a new visitor's page may start (the number of
  visitors' kernels and the memory the machine has left), so a full laptop shows a friendly
  page instead of the out-of-memory killer picking processes.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import time
from dataclasses import dataclass

import psutil
import zmq.asyncio
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Float, Integer, default
from voila.request_info_handler import RequestInfoSocketHandler

from desmigratif_kit.server.forkserver import KERNEL_NAME

MB = 2**20

PAGE_KERNELS: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar(
    "desmigratif_page_kernels", default=None
)
"""Kernels started while serving the current page: set by the page handler
(:mod:`.pages`), filled by :meth:`WorkshopKernelManager.start_kernel`."""
_FOR_POOL: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "desmigratif_for_pool", default=False
)


@dataclass(frozen=True)
class Admission:
    """Whether one more visitor's kernel may start, and why not."""

    ok: bool
    reason: str = ""  # "participants" or "memory" when refused
    visitors: int = 0
    available_mb: int = 0


class WorkshopKernelManager(AsyncMappingKernelManager):
    """jupyter_server's kernel manager with dead-kernel cleanup and admission control."""

    max_visitor_kernels = Integer(
        0, config=True, help="visitors' kernels allowed at once (0: no limit)"
    )
    kernel_memory_mb = Float(
        45, config=True, help="memory one more kernel is expected to need (MB)"
    )
    memory_reserve_mb = Float(
        600, config=True, help="memory always left free for the server and the system (MB)"
    )
    fill_concurrency = Integer(6, config=True, help="pool kernels being prepared at the same time")
    trim_after_s = Float(
        900, config=True, help="seconds after which kernels a warm-up left unused are stopped"
    )

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.deaths = 0
        self.refused = 0
        self.started_at = time.monotonic()
        self._idle_sizes: dict[str, int] = {}
        self._warm: dict[str, tuple[int, float]] = {}
        self._last_take: dict[str, float] = {}
        self._fill_slots: asyncio.Semaphore | None = None
        self._memory_short_since: float | None = None
        self._pool_kernel_ids: set[str] = set()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # Voila builds its pool manager as a subclass of this class
        # (voila_kernel_manager_factory): adapt the pool methods it defines.
        if "_initialize" in cls.__dict__ and "get_rendered_notebook" in cls.__dict__:
            _adapt_voila_pools(cls)

    # --- pools ----------------------------------------------------------------------------
    def idle_pool_size(self, notebook: str) -> int:
        """The pool size a notebook keeps when nobody warmed it (the configured one)."""
        if notebook not in self._idle_sizes:
            pools = getattr(self, "kernel_pools_config", {}) or {}
            config = pools.get(notebook, pools.get("default", {}))
            self._idle_sizes[notebook] = int(config.get("pool_size", 0))
        return self._idle_sizes[notebook]

    def pool_target(self, notebook: str) -> int:
        warm = self._warm.get(notebook)
        return max(self.idle_pool_size(notebook), warm[0] if warm else 0)

    def warm(self, notebook: str, size: int) -> int:
        """Prepare ``size`` kernels for ``notebook`` before a room opens it together; returns
        how many will wait (fewer if memory is short). The first visitor to take one ends
        the warm-up: the pool is then refilled to its usual size only."""
        room_mb = psutil.virtual_memory().available / MB - 2 * self.memory_reserve_mb
        fits = max(0, int(room_mb // self.kernel_memory_mb)) + self.get_pool_size(notebook)
        size = max(0, min(size, fits))
        self._warm[notebook] = (size, time.monotonic())
        self.fill_if_needed(delay=0, notebook_name=notebook)
        return size

    def pool_state(self, notebook: str) -> tuple[int, int]:
        """(kernels ready in the pool of ``notebook``, kernels it is meant to hold)."""
        ready = 0
        for task in getattr(self, "_pools", {}).get(notebook, []):
            if task.done() and not task.cancelled() and task.exception() is None:
                ready += _rendered(task.result())
        return ready, self.pool_target(notebook)

    def _taken(self, notebook: str) -> None:
        self._last_take[notebook] = time.monotonic()
        self._warm.pop(notebook, None)

    def _drop_dead(self, notebook: str) -> None:
        """Take kernels that died while waiting out of the pool (before a visitor gets one)."""
        pool = getattr(self, "_pools", {}).get(notebook)
        if not pool:
            return
        for task in list(pool):
            if not task.done():
                continue
            failed = task.cancelled() or task.exception() is not None
            if failed or not self.kernel_alive(task.result().get("kernel_id")):
                pool.remove(task)
                if not failed:
                    kernel_id = task.result().get("kernel_id")
                    asyncio.ensure_future(self._remove_dead_kernel(kernel_id, None))
                self.fill_if_needed(delay=1, notebook_name=notebook)

    def trim_pools(self) -> int:
        """Stop kernels a warm-up prepared that nobody took for :attr:`trim_after_s`."""
        now = time.monotonic()
        stopped = 0
        for notebook, pool in getattr(self, "_pools", {}).items():
            if notebook in self._warm:
                if now - self._warm[notebook][1] < self.trim_after_s:
                    continue
                self._warm.pop(notebook)
            if now - self._last_take.get(notebook, 0) < self.trim_after_s:
                continue
            target = self.pool_target(notebook)
            while len(pool) > target and pool[-1].done():
                task = pool.pop()
                if not task.cancelled() and task.exception() is None:
                    kernel_id = task.result().get("kernel_id")
                    if kernel_id in self:
                        asyncio.ensure_future(self.shutdown_kernel(kernel_id))
                        stopped += 1
        return stopped

    def _slots(self) -> asyncio.Semaphore:
        if self._fill_slots is None:
            self._fill_slots = asyncio.Semaphore(max(1, self.fill_concurrency))
        return self._fill_slots

    # --- who is who ---------------------------------------------------------------------
    def pooled_kernel_ids(self) -> set[str]:
        """Kernels started for a pool and not (yet) taken by a visitor, starting ones too."""
        found = set(self._pool_kernel_ids)
        for pool in getattr(self, "_pools", {}).values():
            for task in pool:
                if task.done() and not task.cancelled() and task.exception() is None:
                    found.add(task.result().get("kernel_id"))
        return found

    def visitor_kernel_ids(self) -> set[str]:
        return set(self.list_kernel_ids()) - self.pooled_kernel_ids()

    def _pool_of(self, kernel_id: str) -> str | None:
        for name, pool in getattr(self, "_pools", {}).items():
            for task in pool:
                if task.done() and not task.cancelled() and task.exception() is None:
                    if task.result().get("kernel_id") == kernel_id:
                        return name
        return None

    def kernel_alive(self, kernel_id: str) -> bool:
        """Whether ``kernel_id`` is known and its process still runs (no waiting)."""
        km = self._kernels.get(kernel_id)
        if km is None:
            return kernel_id in getattr(self, "_pending_kernels", {})
        provisioner = getattr(km, "provisioner", None)
        if provisioner is None:
            return True  # still starting
        exited = getattr(provisioner, "_exited", None)
        if exited is not None and getattr(provisioner, "pidfd", None) is not None:
            return not exited()
        process = getattr(provisioner, "process", None)
        return process is None or process.poll() is None

    async def start_kernel(self, *args, **kwargs):
        """Start a kernel; a start that fails is tried once more. The kernel is noted for the
        page being served (:data:`PAGE_KERNELS`), so its guard can watch it."""
        try:
            kernel_id = await super().start_kernel(*args, **kwargs)
        except Exception:
            self.log.warning("Kernel gagal dimulai; dicoba sekali lagi (kernel failed to start;"
                             " trying once more)", exc_info=True)  # fmt: skip
            kernel_id = await super().start_kernel(*args, **kwargs)
        if _FOR_POOL.get():
            self._pool_kernel_ids.add(kernel_id)
        page = PAGE_KERNELS.get()
        if page is not None:
            page.append(kernel_id)
        return kernel_id

    # --- admission ----------------------------------------------------------------------
    def admit(self, new_kernel: bool = True) -> Admission:
        """May a new visitor's page be served now? ``new_kernel``: it needs a kernel started
        for it (no pooled kernel waits for this notebook), which needs memory."""
        visitors = len(self.visitor_kernel_ids())
        available_mb = int(psutil.virtual_memory().available / MB)
        if self.max_visitor_kernels and visitors >= self.max_visitor_kernels:
            decision = Admission(False, "participants", visitors, available_mb)
        elif new_kernel and available_mb < self.memory_reserve_mb + self.kernel_memory_mb:
            decision = Admission(False, "memory", visitors, available_mb)
        else:
            return Admission(True, "", visitors, available_mb)
        self.refused += 1
        return decision

    def memory_for_pools(self) -> bool:
        """Whether a pool may start one more waiting kernel (memory left over the reserve)."""
        available_mb = psutil.virtual_memory().available / MB
        return available_mb >= 2 * self.memory_reserve_mb + self.kernel_memory_mb

    # --- kernels that die ---------------------------------------------------------------
    def _handle_kernel_died(self, kernel_id):
        """A kernel's process ended without being asked (killed, crashed, out of memory)."""
        self.deaths += 1
        pool = self._pool_of(kernel_id)
        self.log.warning(
            "Kernel %s mati%s; halamannya meminta peserta memuat ulang "
            "(kernel died%s; its page asks the participant to reload)",
            kernel_id,
            f" di kolam {pool}" if pool else "",
            f" in the pool of {pool}" if pool else "",
        )
        asyncio.ensure_future(self._remove_dead_kernel(kernel_id, pool))

    async def _remove_dead_kernel(self, kernel_id: str, pool: str | None) -> None:
        self._pool_kernel_ids.discard(kernel_id)
        with contextlib.suppress(Exception):
            if kernel_id in self:
                await self.shutdown_kernel(kernel_id, now=True)
        self.remove_kernel(kernel_id)
        if pool is not None and hasattr(self, "fill_if_needed"):
            self.fill_if_needed(delay=1, notebook_name=pool)


class WorkshopKernelClient(AsyncKernelClient):
    """The client the server's notebook executor talks to a kernel with, without two costs
    that grow with every waiting kernel: a heartbeat thread pinging its kernel every second
    (kernel death is seen from the process instead) and a ZMQ context, with its I/O thread,
    of its own (it shares its kernel manager's). Measured with 120 kernels waiting in pools:
    19 % of a CPU and 369 threads in the server before, see docs/benchmark.md."""

    @default("context")
    def _context_default(self) -> zmq.asyncio.Context:
        shared = getattr(self.parent, "context", None)
        if isinstance(shared, zmq.asyncio.Context) and not shared.closed:
            return shared
        self._created_context = True
        return zmq.asyncio.Context()

    def start_channels(self, shell=True, iopub=True, stdin=True, hb=True, control=True):
        super().start_channels(shell=shell, iopub=iopub, stdin=stdin, hb=False, control=control)


PREPARE_WAIT_S = 60.0
"""How long a pool slot waits for its kernel to reach its visitor before taking the next."""


def _rendered(content: dict) -> int:
    """1 when a pool kernel has run its notebook up to where it waits for its visitor (its
    query websocket is open: ``query_params()``, ``voila.utils.get_query_string()``) or to the
    end (its render task is done); for anything else, when it has been quiet a moment."""
    task = content.get("task")
    if task is None or task.done():
        return 1
    if content.get("kernel_id") in RequestInfoSocketHandler._waiters:
        return 1
    renderer = content.get("renderer")
    seen = (len(getattr(renderer, "rendered_cache", ())), time.monotonic())
    last = content.setdefault("_dk_progress", seen)
    if last[0] != seen[0]:
        content["_dk_progress"] = seen
        return 0
    return 1 if seen[1] - last[1] >= 1.5 else 0


def _adapt_voila_pools(cls) -> None:
    """Wrap the pool methods of Voila's ``VoilaKernelManager`` (built on our class)."""
    initialize = cls._initialize
    fill_if_needed = cls.fill_if_needed
    get_pool_size = cls.get_pool_size
    get_rendered_notebook = cls.get_rendered_notebook

    async def _initialize(self, notebook_path, kernel_id=None, **kwargs):
        # a few at a time, each until it has run its notebook up to its visitor: live
        # participants keep CPU while a pool fills, and no kernel starves another
        async with self._slots():
            token = _FOR_POOL.set(True)
            try:
                content = await initialize(self, notebook_path, kernel_id, **kwargs)
            finally:
                _FOR_POOL.reset(token)
            deadline = time.monotonic() + PREPARE_WAIT_S
            while not _rendered(content) and time.monotonic() < deadline:
                await asyncio.sleep(0.25)
            return content

    def fill(self, delay=None, notebook_name=None, **kwargs):
        if notebook_name is not None and hasattr(self, "kernel_pools_config"):
            target = self.pool_target(notebook_name)
            config = dict(self.kernel_pools_config.get(notebook_name) or {})
            if config.get("pool_size") != target:
                config["pool_size"] = target
                self.kernel_pools_config[notebook_name] = config
            waiting = len(getattr(self, "_pools", {}).get(notebook_name, ()))
            if target > waiting and not self.memory_for_pools():
                if self._memory_short_since is None:
                    self._memory_short_since = time.monotonic()
                    self.log.warning(
                        "Memori hampir habis: kernel cadangan tidak disiapkan; minta peserta "
                        "menutup tab yang tidak dipakai (memory short: close unused tabs)",
                        extra={"facilitator": True, "key": "memory"},
                    )
                asyncio.get_event_loop().call_later(
                    30, lambda: self.fill_if_needed(delay=0, notebook_name=notebook_name)
                )
                return None
            self._memory_short_since = None
        return fill_if_needed(self, delay, notebook_name, **kwargs)

    def pool_size(self, notebook_name):
        self._drop_dead(notebook_name)
        return get_pool_size(self, notebook_name)

    async def get_rendered(self, notebook_name, *args, **kwargs):
        self._taken(notebook_name)
        result = await get_rendered_notebook(self, notebook_name, *args, **kwargs)
        self._pool_kernel_ids.discard(result[2])  # (task, cache, kernel_id): a visitor's now
        return result

    cls._initialize = _initialize
    cls.fill_if_needed = fill
    cls.get_pool_size = pool_size
    cls.get_rendered_notebook = get_rendered


def kernel_processes(server_pid: int) -> list[psutil.Process]:
    """The kernel processes of the workshop server ``server_pid``: forked ones (named
    :data:`~desmigratif_kit.server.forkserver.KERNEL_NAME`) and ones started the usual way
    (``ipykernel_launcher`` on their command line)."""
    try:
        children = psutil.Process(server_pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    found = []
    for child in children:
        with contextlib.suppress(psutil.Error):
            if child.name() == KERNEL_NAME or any(
                "ipykernel_launcher" in part for part in child.cmdline()
            ):
                found.append(child)
    return found
