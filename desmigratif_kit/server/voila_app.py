"""The workshop server itself: Voila with the workshop's settings, the ``/`` redirect and the
start-up banner (:class:`WorkshopVoila`, :func:`make_app`, :func:`serve`)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import tornado.ioloop
import tornado.web
from jupyter_server.utils import url_path_join
from voila.app import Voila

from desmigratif_kit.core.pin import ENV_PIN, new_pin
from desmigratif_kit.server.banner import banner, participant_urls
from desmigratif_kit.server.config import (
    ENV_WORKSPACE,
    HOME_NOTEBOOK,
    TEMPLATE_NAME,
    TEMPLATE_ROOT,
    TORNADO_SETTINGS,
    ServerOptions,
    build_config,
    use_template_root,
)


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
