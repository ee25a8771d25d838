"""The workshop server around Voila, the command line, and the Voila template.

* :mod:`.config`: :class:`ServerOptions`, the kernel pools, the per-cell timeout, the traitlets
  configuration (:func:`build_config`), the default capacity;
* :mod:`.voila_app`: :class:`WorkshopVoila`, :func:`make_app`, :func:`serve`;
* :mod:`.forkserver` and :mod:`.provisioner`: kernels forked from a warm parent;
* :mod:`.kernels`: the kernel manager (pools, warm-up, dead kernels, admission);
* :mod:`.pages`: the page handler that never leaves a page spinning, "server penuh";
* :mod:`.console`: the facilitator's quiet terminal; :mod:`.banner`: what it shows;
* :mod:`.speedups`: one Jinja bytecode cache for every page;
* :mod:`.cli`: ``desmigratif-kit serve`` and ``desmigratif-kit backup``;
* ``templates/``: the ``desmigratif`` Voila template (no CDN links, the kernel watch).

The server builds no app: it imports :mod:`desmigratif_kit.core` only, never a pillar or the
workshop package, and never ipywidgets.
"""

from __future__ import annotations

from desmigratif_kit.core.store import DB_FILENAME
from desmigratif_kit.server.banner import banner, participant_urls, qr_text
from desmigratif_kit.server.config import (
    CELL_ERROR_INSTRUCTION,
    DEFAULT_APP_POOL,
    DEFAULT_CELL_TIMEOUT,
    DEFAULT_CULL_IDLE_MINUTES,
    DEFAULT_CULL_INTERVAL,
    DEFAULT_HOST,
    DEFAULT_LESSON_POOL,
    DEFAULT_POOL,
    DEFAULT_PORT,
    DEFAULT_WAVE,
    ENV_NOTEBOOKS,
    ENV_WORKSPACE,
    HOME_NOTEBOOK,
    KERNEL_MEMORY_MB,
    POOL_REFILL_DELAY,
    TEMPLATE_NAME,
    TEMPLATE_ROOT,
    TORNADO_SETTINGS,
    WAIT_MARKERS,
    CellTimeout,
    ServerOptions,
    all_notebooks,
    app_notebooks,
    build_config,
    default_max_participants,
    default_notebooks_dir,
    default_workspace,
    kernel_pools,
    use_template_root,
)
from desmigratif_kit.server.voila_app import HomeRedirectHandler, WorkshopVoila, make_app, serve

__all__ = [
    "CELL_ERROR_INSTRUCTION",
    "DB_FILENAME",
    "DEFAULT_APP_POOL",
    "DEFAULT_CELL_TIMEOUT",
    "DEFAULT_CULL_IDLE_MINUTES",
    "DEFAULT_CULL_INTERVAL",
    "DEFAULT_HOST",
    "DEFAULT_LESSON_POOL",
    "DEFAULT_WAVE",
    "KERNEL_MEMORY_MB",
    "DEFAULT_POOL",
    "DEFAULT_PORT",
    "ENV_NOTEBOOKS",
    "ENV_WORKSPACE",
    "HOME_NOTEBOOK",
    "POOL_REFILL_DELAY",
    "TEMPLATE_NAME",
    "TEMPLATE_ROOT",
    "TORNADO_SETTINGS",
    "WAIT_MARKERS",
    "CellTimeout",
    "HomeRedirectHandler",
    "ServerOptions",
    "WorkshopVoila",
    "all_notebooks",
    "app_notebooks",
    "default_max_participants",
    "banner",
    "build_config",
    "default_notebooks_dir",
    "default_workspace",
    "kernel_pools",
    "make_app",
    "participant_urls",
    "qr_text",
    "serve",
    "use_template_root",
]
