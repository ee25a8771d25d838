"""The workshop server itself: Voila with the workshop's settings, the ``/`` redirect and the
start-up banner (:class:`WorkshopVoila`, :func:`make_app`, :func:`serve`)."""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import tornado.ioloop
import tornado.web
from jupyter_server.utils import url_path_join
from voila.app import Voila
from voila.tornado.handler import TornadoVoilaHandler

from desmigratif_kit.core.chart_cache import ENV_CHART_CACHE
from desmigratif_kit.core.pin import ENV_PIN, new_pin
from desmigratif_kit.server.banner import banner, participant_urls
from desmigratif_kit.server.config import (
    ENV_WORKSPACE,
    HOME_NOTEBOOK,
    TEMPLATE_NAME,
    TEMPLATE_ROOT,
    TORNADO_SETTINGS,
    ServerOptions,
    all_notebooks,
    build_config,
    use_template_root,
)
from desmigratif_kit.server.console import Console, ConsoleLogHandler, log_path, redirect_output
from desmigratif_kit.server.pages import WorkshopVoilaHandler
from desmigratif_kit.server.provisioner import ForkServer, register_provisioner
from desmigratif_kit.server.speedups import install_template_cache


class HomeRedirectHandler(tornado.web.RequestHandler):
    """``/`` -> the home notebook (302, query string kept), or the tree if it is missing."""

    def initialize(self, target: str) -> None:
        self.target = target

    def get(self) -> None:
        query = self.request.query
        self.redirect(self.target + (f"?{query}" if query else ""), permanent=False)

    head = get


class WorkshopVoila(Voila):
    """Voila with the workshop's tornado settings, ``/`` redirect, guarded page handler, fork
    server and facilitator's console."""

    name = "voila"  # keep Voila's own settings key and config section
    options: ServerOptions | None = None
    fork_server: ForkServer | None = None
    chart_cache: Path | None = None
    console: Console | None = None
    terminal = None  # where the console writes (the real terminal when the log is a file)
    log_file: Path | None = None
    started_at: float = 0.0

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
        handlers = [
            (pattern, WorkshopVoilaHandler if handler is TornadoVoilaHandler else handler, *rest)
            for pattern, handler, *rest in handlers
        ]
        for pattern, _handler, *rest in handlers:
            if pattern.endswith("/voila/labextensions/(.*)") and rest and isinstance(rest[0], dict):
                # Voila marks every extension file "no-cache": each page then asks again for
                # the ~15 widget scripts it already has. Their URLs carry a content hash
                # (``?v=``), so they are cached for good, as JupyterLab does; the entry files
                # (no hash in the query) are still checked on every page.
                rest[0]["no_cache_paths"] = []
        home = (url_path_join(self.server_url, "/?"), HomeRedirectHandler, {"target": target})
        # runs once the server listens (listen() exits the process if it cannot)
        tornado.ioloop.IOLoop.current().add_callback(self._announce)
        return [home, *handlers]

    def start(self):
        self.started_at = time.monotonic()
        if self.chart_cache is None:
            # a lesson's charts drawn once for the whole room (core.chart_cache)
            self.chart_cache = Path(tempfile.mkdtemp(prefix="dk-charts-"))
            os.environ[ENV_CHART_CACHE] = str(self.chart_cache)
        if self.options is not None and self.options.fork and self.fork_server is None:
            # before Voila builds its kernel manager: the pools start filling at once
            runtime = Path(tempfile.mkdtemp(prefix="dk-fork-"))
            self.fork_server = ForkServer(self.options.notebooks, runtime, log=self.log)
            self.fork_server.install().start()
            register_provisioner()
        super().start()

    def stop(self):
        try:
            super().stop()
        finally:
            if self.chart_cache is not None:
                shutil.rmtree(self.chart_cache, ignore_errors=True)
                os.environ.pop(ENV_CHART_CACHE, None)
                self.chart_cache = None
            if self.fork_server is not None:
                self.fork_server.stop()
                shutil.rmtree(self.fork_server.runtime_dir, ignore_errors=True)
                self.fork_server = None

    # --- the facilitator's console --------------------------------------------------------
    def _announce(self) -> None:
        if self.options is None:
            return
        loop = tornado.ioloop.IOLoop.current()
        urls = participant_urls(self.options.host, self.port)
        km = self.kernel_manager
        self.console = Console(
            self.terminal or sys.stdout,
            banner=lambda: banner(
                self.options, urls, getattr(km, "pool_state", None), self.log_file
            ),  # fmt: skip
            commands=self.command,
            schedule=lambda seconds, fn: loop.call_later(seconds, fn),
        )
        handler = ConsoleLogHandler(self.console, self.log_file or Path("log"))
        for logger in (self.log, logging.getLogger()):
            logger.addHandler(handler)
        root = logging.getLogger()
        if not any(type(h) is logging.StreamHandler for h in root.handlers):
            # records of other loggers (tornado's, the handlers') go to the log as well
            stream = logging.StreamHandler(sys.stderr)
            stream.setFormatter(logging.Formatter(self.log_format, self.log_datefmt))
            stream.setLevel(logging.WARNING)
            root.addHandler(stream)
        self.console.show_banner()
        self.console.read_input(sys.stdin, loop.add_callback)
        if hasattr(km, "trim_pools"):
            tornado.ioloop.PeriodicCallback(km.trim_pools, 60_000).start()
        self._watch_ready()

    def _watch_ready(self) -> None:
        """Log once every notebook's pool is ready (start to ready, for the benchmark)."""
        km = self.kernel_manager
        if not hasattr(km, "pool_state"):
            return
        names = all_notebooks(self.options.notebooks)

        def check() -> None:
            states = [km.pool_state(n) for n in names]
            if all(ready >= target for ready, target in states):
                self.log.info(
                    "Semua buku catatan siap dalam %.1f s (every notebook ready): %d kernel",
                    time.monotonic() - self.started_at,
                    sum(target for _, target in states),
                )
                timer.stop()

        timer = tornado.ioloop.PeriodicCallback(check, 500)
        timer.start()

    def command(self, line: str) -> str | None:
        """A line the facilitator typed: ``N`` or ``N SIZE`` warms notebook ``N``."""
        names = all_notebooks(self.options.notebooks)
        parts = line.split()
        if parts and parts[0] in ("?", "h", "help", "bantuan"):
            return HELP
        try:
            number = int(parts[0])
            size = int(parts[1]) if len(parts) > 1 else self.options.wave
        except (ValueError, IndexError):
            return f"Perintah tidak dikenal: {line!r}. {HELP}"
        if not 1 <= number <= len(names) or size < 0:
            return f"Tidak ada buku catatan nomor {number} (no notebook {number}). {HELP}"
        km = self.kernel_manager
        if not hasattr(km, "warm"):
            return "Kolam kernel tidak aktif (no pools: --pool 0 --app-pool 0 --lesson-pool 0)."
        name = names[number - 1]
        planned = km.warm(name, size)
        self._report_when_warm(name, planned)
        short = "" if planned >= size else f" (memori cukup untuk {planned} saja)"
        return (
            f"Menyiapkan {planned} kernel untuk {name}{short}... "
            f"(preparing {planned} kernels; the room can open it when it says 'siap')"
        )

    def _report_when_warm(self, name: str, size: int) -> None:
        km = self.kernel_manager
        started = time.monotonic()

        def check() -> None:
            ready, _ = km.pool_state(name)
            waited = time.monotonic() - started
            if ready >= size or waited > 600:
                timer.stop()
                self.console.say(
                    f"Siap: {ready} kernel untuk {name} dalam {waited:.0f} s "
                    f"(ready: the room can open it now)",
                    key=f"warm:{name}:{started}",
                )

        timer = tornado.ioloop.PeriodicCallback(check, 1000)
        timer.start()


HELP = (
    "Ketik nomor buku catatan lalu Enter untuk menyiapkannya bagi seluruh ruangan "
    "(contoh: 2), atau nomor dan jumlah peserta (contoh: 2 40); Enter saja: tampilkan layar "
    "awal lagi. (Type a notebook's number to warm it for the room, optionally with a size.)"
)


def make_app(options: ServerOptions) -> WorkshopVoila:
    """An initialised (not started) :class:`WorkshopVoila` for ``options``.

    Sets ``JUPYTER_PATH``, ``DESMIGRATIF_WORKSPACE`` and ``DESMIGRATIF_PIN`` (the facilitator
    PIN, made here unless ``options.pin`` is given) in this process's environment: the kernels
    inherit them.
    """
    if not options.notebooks.is_dir():
        raise FileNotFoundError(
            f"Folder buku catatan tidak ada (notebooks folder missing): {options.notebooks}"
        )
    options.workspace.mkdir(parents=True, exist_ok=True)
    os.environ[ENV_WORKSPACE] = str(options.workspace)
    options.pin = options.pin or new_pin()  # the banner shows it to the facilitator
    os.environ[ENV_PIN] = options.pin  # the kernels inherit it; the results board checks it
    if options.host not in ("0.0.0.0", "", "127.0.0.1", "::", "localhost"):
        # a preheated kernel reaches the server on this address to learn its visitor's URL
        os.environ["VOILA_APP_IP"] = options.host
    use_template_root()
    template_dir = TEMPLATE_ROOT / "voila" / "templates" / TEMPLATE_NAME
    if not (template_dir / "conf.json").is_file():
        raise FileNotFoundError(f"template missing: {template_dir}")
    install_template_cache()
    app = WorkshopVoila(config=build_config(options))
    app.options = options
    app.initialize([])
    if app.voila_configuration.template != TEMPLATE_NAME or not any(
        Path(p) == template_dir for p in app.template_paths
    ):
        raise RuntimeError(f"template {TEMPLATE_NAME!r} not picked up: {app.template_paths}")
    return app


def raise_open_files_limit(wanted: int = 65536) -> int:
    """Raise this process's limit of open files towards ``wanted`` (within the hard limit).

    Each kernel costs the server about a dozen descriptors (its sockets, a pidfd): a room of
    180 participants with two pages each needs ~4,500, above the 1,024 many laptops allow by
    default. Returns the limit now in force."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        if soft != resource.RLIM_INFINITY and soft < target:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        return resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    except (ImportError, ValueError, OSError):
        return -1


def serve(options: ServerOptions) -> None:
    """Run the workshop server until Ctrl+C / SIGTERM (kernels are shut down on exit).

    With ``options.quiet`` the process's output goes to the log file in the workspace and the
    terminal keeps only the facilitator's console."""
    terminal, log_file = sys.stdout, None
    raise_open_files_limit()
    if options.quiet:
        options.workspace.mkdir(parents=True, exist_ok=True)
        log_file = log_path(options.workspace)
        _, terminal = redirect_output(log_file)
        terminal.write(f"Desmigratif Kit: server dimulai... (starting; log: {log_file})\n")
    app = make_app(options)
    app.terminal, app.log_file = terminal, log_file
    app.start()
