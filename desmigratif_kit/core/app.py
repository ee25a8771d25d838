"""What every app shares: the App base, HTML escaping, the participant bar, the language switch.

Apps hold no arithmetic: they read widgets, call the calculation layer, and draw the answer.
Every callback goes through :meth:`App.callback`, so an error becomes a plain message in the
app (Voila hides tracebacks from the audience) and a log line, never a silent failure.
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import functools
import html
import json
import logging
import os
import threading
import weakref
from importlib import resources
from urllib.parse import parse_qs, urlencode

import ipywidgets as widgets
from websockets.asyncio.client import connect

from desmigratif_kit.core import i18n
from desmigratif_kit.core.catalog import HOME_NOTEBOOK
from desmigratif_kit.core.i18n import InputError, t
from desmigratif_kit.core.store import Participant, SavedWork, get_store

log = logging.getLogger("desmigratif_kit.apps")  # one logger for every app

_CSS = resources.files("desmigratif_kit.core").joinpath("style.css").read_text(encoding="utf-8")


def esc(text: object) -> str:
    """Escape participant text before it goes into HTML (the results board is on a shared screen).

    >>> esc('<script>alert("x")</script> & Rangga Talo')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Rangga Talo'
    >>> esc(None)
    ''
    """
    return "" if text is None else html.escape(str(text), quote=True)


def query_params() -> dict[str, str]:
    """The page's query string as a dict, e.g. ``{"kode": "ABC234"}`` for ``?kode=ABC234``.

    In a kernel that Voila preheated, this waits for the visitor's request (see
    :func:`_wait_for_visitor`); otherwise Voila has already put the query in ``$QUERY_STRING``
    (and JupyterLab, nbval and tests have none). Never reads ``VOILA_REQUEST_URL``: it is stale
    in a preheated kernel.

    >>> os.environ["QUERY_STRING"] = "kode=abc-234&x=1"
    >>> query_params()
    {'kode': 'abc-234', 'x': '1'}
    >>> del os.environ["QUERY_STRING"]
    """
    if os.environ.get("VOILA_PREHEAT", "False") != "False" and os.environ.get("VOILA_KERNEL_ID"):
        try:
            _wait_for_visitor()
        except Exception:  # pragma: no cover - depends on a running Voila
            log.exception("light wait for the visitor failed; using voila.utils")
            from voila.utils import get_query_string

            get_query_string()
    query = os.environ.get("QUERY_STRING", "")
    return {key: values[-1] for key, values in parse_qs(query).items()}


def _wait_for_visitor() -> None:
    """Wait until Voila hands this preheated kernel to a visitor; put their request in os.environ.

    The same protocol as ``voila.utils.wait_for_request`` (Voila 0.5: a websocket to
    ``/voila/query/<kernel id>`` that sends the request's environment as JSON), without
    importing ``voila``: that import pulls in jupyter_server, jupyterlab_server and jsonschema,
    which costs each kernel about 40 MB and, with 20 visitors arriving at once on 2 CPUs,
    seconds of CPU after the visitor arrives (measured with py-spy; see docs/benchmark.md).
    """
    protocol = os.environ.get("VOILA_WS_PROTOCOL", "ws")
    host = os.environ.get("VOILA_APP_IP", "127.0.0.1")
    port = os.environ.get("VOILA_APP_PORT", "8866")
    base = os.environ.get("VOILA_WS_BASE_URL", os.environ.get("VOILA_SERVER_URL", "/"))
    url = f"{protocol}://{host}:{port}{base}voila/query/{os.environ['VOILA_KERNEL_ID']}"
    received: list[str] = []

    async def receive() -> None:
        async with connect(url, open_timeout=30, max_size=None) as websocket:
            received.append(await websocket.recv())

    # The kernel's own event loop is running this cell: wait on a loop of our own, in a thread.
    thread = threading.Thread(target=lambda: asyncio.new_event_loop().run_until_complete(receive()))
    thread.start()
    thread.join()
    if not received:
        raise RuntimeError(f"no request info from {url}")
    for key, value in json.loads(received[0]).items():
        os.environ[key] = value


def download_link(content: bytes, filename: str, mime: str, label: str) -> str:
    """An ``<a download>`` with the file in a base64 data URI (works offline in Voila; the
    browser saves it under ``filename``). ``label`` is plain text; it is escaped here.

    >>> download_link(b"x", "a.csv", "text/csv", "Unduh <a>")
    '<a class="dk-download" download="a.csv" href="data:text/csv;base64,eA==">⬇ Unduh &lt;a&gt;</a>'
    """
    b64 = base64.b64encode(content).decode("ascii")
    return (
        f'<a class="dk-download" download="{esc(filename)}" '
        f'href="data:{mime};base64,{b64}">⬇ {esc(label)}</a>'
    )


def uploaded_files(value) -> list[tuple[str, bytes]]:
    """A ``FileUpload`` value (ipywidgets 8: a tuple of dicts or objects) as ``(name, bytes)``.

    >>> uploaded_files(({"name": "a.csv", "content": memoryview(b"x;y")},))
    [('a.csv', b'x;y')]
    """
    files = []
    for upload in value or ():
        name = upload.get("name") if isinstance(upload, dict) else upload.name
        content = upload.get("content") if isinstance(upload, dict) else upload.content
        files.append((str(name), bytes(content)))
    return files


def problems_html(err, head: str | None = None, tail: str = "") -> str:
    """A :class:`~desmigratif_kit.core.tables.TableError` as an error box: a heading (by
    default the file and how many problems), the problems as a list (the first
    ``LIST_LIMIT``), then ``tail`` (plain text, e.g. "nothing already saved was changed")."""
    lang = i18n.get_language()
    shown = err.problems[: err.LIST_LIMIT]
    if head is None:
        head = t("table.error", file=err.file or t("table.unnamed"), count=len(err.problems))
    items = "".join(f"<li>{esc(problem.message(lang))}</li>" for problem in shown)
    hidden = len(err.problems) - len(shown)
    if hidden > 0:
        items += f"<li>{esc(t('table.more', count=hidden))}</li>"
    after = f"<p>{esc(tail)}</p>" if tail else ""
    return message_html("error", f"<b>{esc(head)}</b><ul data-testid='masalah'>{items}</ul>{after}")


def style() -> widgets.HTML:
    """The kit's CSS as a widget (large, readable text on phones; message colours)."""
    return widgets.HTML(f"<style>{_CSS}</style>", layout=widgets.Layout(display="none"))


def message_html(kind: str, text: str) -> str:
    """A message box; ``text`` must already be escaped or be trusted catalog text.

    >>> message_html("error", "Maaf")
    '<div class="dk-msg dk-msg-error" role="alert">Maaf</div>'
    """
    role = ' role="alert"' if kind == "error" else ""
    return f'<div class="dk-msg dk-msg-{kind}"{role}>{text}</div>'


class App:
    """Base of every app: ``container``, a message area, wrapped callbacks, autosave.

    Subclasses set ``app_id`` (the key of their saved work) and build their controls in small
    ``_create_*`` helpers, then call ``self._finish(children)`` at the end of ``__init__``.
    """

    app_id = "app"
    # Where the "← Beranda" link of the bar points, relative to the app's page
    # (apps live one folder below notebooks/); None for the home page itself.
    home_href: str | None = f"../{HOME_NOTEBOOK}"

    def __init__(self, kode: str | None = None, store=None):
        self.store = store if store is not None else get_store()
        self.participant: Participant | None = None
        self.message = widgets.HTML(layout=widgets.Layout(min_height="0"))
        self.bar = ParticipantBar(home_href=self.home_href)
        if kode:
            self.participant = self.callback(self._find_participant, reraise=False)(kode)
        self.bar.show(self.participant)
        self.container = widgets.VBox(layout=widgets.Layout(width="100%", max_width="980px"))
        self.container.add_class("dk-app")
        self_ref = weakref.ref(self)

        def redraw_if_alive(lang: str) -> None:
            app = self_ref()
            if app is None or app.container.comm is None:  # gone, or its widgets closed
                i18n.off_language_change(redraw_if_alive)
            else:
                app._on_language(lang)

        i18n.on_language_change(redraw_if_alive)

    # --- building -------------------------------------------------------------------------
    def _finish(self, children: list[widgets.Widget]) -> None:
        """Lay out the app; the message area goes last unless a subclass placed it already."""
        tail = [] if self.message in children else [self.message]
        self.container.children = [style(), self.bar.widget, *children, *tail]

    def _ipython_display_(self):  # so a notebook cell can end with just `app`
        from IPython.display import display

        display(self.container)

    # --- messages and errors -------------------------------------------------------------
    def say(self, kind: str, text: str) -> None:
        """Show a message (kind: info, ok, warn, error). ``text`` must be escaped already."""
        self.message.value = message_html(kind, text) if text else ""

    def clear_message(self) -> None:
        self.message.value = ""

    def callback(self, fn, reraise: bool = False):
        """Wrap a handler: an exception becomes a friendly message here and a log line.

        ``InputError`` messages (bad input) are shown as they are; anything else gets the
        generic apology with the error's type, and the full traceback goes to the log.
        """

        @functools.wraps(fn)
        def wrapped(*args, **kwargs):
            try:
                return fn(*args, **kwargs)
            except InputError as exc:
                log.info("input refused in %s: %s", self.app_id, exc)
                self.say("error", esc(str(exc)))
            except Exception as exc:
                log.exception("error in %s.%s", type(self).__name__, getattr(fn, "__name__", fn))
                self.say("error", esc(t("app.error", detail=f"{type(exc).__name__}: {exc}")))
                if reraise:
                    raise
            return None

        return wrapped

    def on(self, widget: widgets.Widget, handler, names="value") -> None:
        """Observe a widget's value through a wrapped callback."""
        widget.observe(self.callback(handler), names=names)

    def on_click(self, button: widgets.Button, handler) -> None:
        button.on_click(self.callback(handler))

    # --- participant and saved work --------------------------------------------------------
    def open(self, kode: str | None) -> None:
        """Sign in the visitor of a page whose app was built before they arrived.

        App notebooks build their app in one cell (``app = XApp()``, shown) and call
        ``app.open(query_params().get("kode"))`` in the next: a preheated kernel has built and
        drawn the app before anyone came, and only signing in is left when the visitor
        arrives. ``XApp().open(kode)`` ends in the same state as ``XApp(kode=kode)``. An empty
        ``kode`` leaves the app as it is; an unknown one shows the same warning.
        """
        if not kode:
            return
        participant = self.callback(self._find_participant)(kode)
        if participant is None:
            return
        self.participant = participant
        self.bar.show(participant)
        self.callback(self.restore)()

    def restore(self) -> None:
        """Bring back the signed-in participant's saved work (subclasses; called by
        :meth:`open`, and by subclasses at the end of ``__init__``)."""

    def _find_participant(self, kode: str) -> Participant | None:
        participant = self.store.participant(kode)
        if participant is None:
            self.say("warn", esc(t("home.code_not_found", given=kode)))
        return participant

    def load_saved(self) -> SavedWork | None:
        if self.participant is None:
            return None
        return self.store.load(self.participant.code, self.app_id)

    def autosave(self, data: dict) -> SavedWork | None:
        """Save ``data`` for the signed-in participant; the bar shows "Tersimpan ✓".

        Without a participant nothing is saved (the bar says so). A failed save keeps the
        previous version in the store and says so in the app.
        """
        if self.participant is None:
            self.bar.mark_unsaved()
            return None
        self.bar.mark_saving()
        try:
            saved = self.store.save(self.participant.code, self.app_id, data)
        except Exception:
            self.bar.mark_failed()
            raise
        self.bar.mark_saved(saved.saved_at)
        return saved

    def _on_language(self, lang: str) -> None:
        """Redraw after the language changed; subclasses override ``redraw``."""
        self.bar.show(self.participant)
        self.callback(self.redraw)()

    def redraw(self) -> None:
        """Rebuild texts in the current language (subclasses)."""


class ParticipantBar:
    """Who is signed in, their village, and whether the last change is saved."""

    def __init__(self, home_href: str | None = None):
        self.home_href = home_href
        self.home = widgets.HTML()
        self.who = widgets.HTML()
        self.status = widgets.HTML()
        self.widget = widgets.HBox(
            [self.home, self.who, self.status],
            layout=widgets.Layout(
                justify_content="space-between", flex_flow="row wrap", width="100%"
            ),
        )
        self.widget.add_class("dk-bar")
        self._state = ("none", None)

    def show(self, participant: Participant | None) -> None:
        if self.home_href:
            query = f"?{urlencode({'kode': participant.code})}" if participant else ""
            href = esc(self.home_href + query)
            label = esc(t("bar.home"))
            self.home.value = f'<a class="dk-home" href="{href}" target="_self">{label}</a>'
        if participant is None:
            self.who.value = f'<span class="dk-who">{esc(t("bar.not_signed_in"))}</span>'
            return
        from desmigratif_kit.core.data import wilayah_name

        village = ""
        if participant.village_code:
            try:
                village = wilayah_name(participant.village_code)
            except (KeyError, ValueError):
                village = participant.village_code
        role = t(f"role.{participant.role}")
        self.who.value = (
            f'<span class="dk-who"><b>{esc(participant.name)}</b> · {esc(role)}'
            + (f" · {esc(village)}" if village else "")
            + f' · <span class="dk-code">{esc(format_code(participant.code))}</span></span>'
        )
        self._render_status()

    def mark_saving(self) -> None:
        self._state = ("saving", None)
        self._render_status()

    def mark_saved(self, when: dt.datetime) -> None:
        self._state = ("saved", when)
        self._render_status()

    def mark_unsaved(self) -> None:
        self._state = ("unsaved", None)
        self._render_status()

    def mark_failed(self) -> None:
        self._state = ("failed", None)
        self._render_status()

    @property
    def state(self) -> str:
        return self._state[0]

    def _render_status(self) -> None:
        kind, when = self._state
        if kind == "saved":
            local = when.astimezone() if when.tzinfo else when
            text = t("app.saved", time=local.strftime("%H.%M"))
            css = "dk-saved"
        elif kind == "saving":
            text, css = t("app.saving"), "dk-saving"
        elif kind in ("unsaved", "failed"):
            text, css = t("app.not_saved"), "dk-unsaved"
        else:
            text, css = "", ""
        self.status.value = (
            f'<span class="{css}" aria-live="polite">{esc(text)}</span>' if text else ""
        )


def format_code(code: str) -> str:
    from desmigratif_kit.core.store import format_code as _format

    return _format(code)


class LanguageSwitch:
    """Bahasa Indonesia / English, for the whole kernel (each participant has their own)."""

    LABELS = (("Bahasa Indonesia", "id"), ("English", "en"))

    def __init__(self):
        self.widget = widgets.ToggleButtons(
            options=self.LABELS,
            value=i18n.get_language(),
            style={"button_width": "auto"},
            layout=widgets.Layout(width="auto"),
        )
        self.widget.add_class("dk-lang")
        self.widget.observe(self._changed, names="value")

    def _changed(self, change) -> None:
        if change["new"] != i18n.get_language():
            i18n.set_language(change["new"])
