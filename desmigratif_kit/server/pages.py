"""What a participant's browser gets when things go wrong: never a page that spins forever.

:class:`WorkshopVoilaHandler` serves ``/voila/render/...`` like Voila's own handler, with two
additions:

- **admission**: when the server cannot take one more visitor (``--max-participants``, or the
  memory left), the visitor gets :func:`full_page` (HTTP 503): "Server penuh, coba lagi
  sebentar lagi", which counts down and tries again by itself;
- **a guard**: Voila renders a page while its kernel runs the notebook. Should the kernel fail
  to start or die on the way (killed, out of memory), Voila's own handler keeps the response
  open forever (it only sends heartbeats). The guard watches the page's kernel and, when it is
  gone or nothing but heartbeats came for too long, ends the page with :func:`failed_script`:
  a message and an automatic reload. A failure before anything was sent is retried once on a
  new kernel first.

Texts come from the catalogs (``server.*`` in ``server/messages``), Indonesian first, English
under it: these pages are shown before the participant chose a language.
"""

from __future__ import annotations

import asyncio
import html
import json
import re
import time

from voila.tornado.handler import TornadoVoilaHandler

from desmigratif_kit.core.i18n import t
from desmigratif_kit.server.console import FACILITATOR
from desmigratif_kit.server.kernels import PAGE_KERNELS

FULL_RETRY_S = 15
FAILED_RELOAD_S = 5
CHECK_EVERY_S = 1.0
HEARTBEAT = "<script>window.voila_heartbeat()</script>\n"
STALL_AFTER_TIMEOUT_S = 30
STALL_WITHOUT_TIMEOUT_S = 600
KERNEL_ID_RE = re.compile(r'"kernelId": "([0-9a-f-]{36})"')


_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f6f8;
color:#1b2733}
.dk-box{max-width:34rem;margin:12vh auto 0;padding:1.5rem;background:#fff;border-radius:10px;
box-shadow:0 2px 10px rgba(0,0,0,.08)}
h1{font-size:1.35rem;margin:0 0 .6rem}p{font-size:1.05rem;line-height:1.5;margin:.4rem 0}
.dk-en{color:#5b6b7a;font-size:.95rem;border-top:1px solid #e3e8ee;margin-top:1rem;
padding-top:.6rem}
button{font-size:1.05rem;padding:.6rem 1.1rem;border-radius:8px;border:0;background:#0b6e99;
color:#fff;margin-top:.8rem;cursor:pointer}
"""


def _both(key: str, **values) -> tuple[str, str]:
    return t(key, lang="id", **values), t(key, lang="en", **values)


def _box(kind: str, seconds: int | None, button: str) -> str:
    """The message box (title, text, countdown, button) in Indonesian, then English."""
    (title_id, title_en), (body_id, body_en) = (
        _both(f"server.{kind}.title"),
        _both(f"server.{kind}.body"),
    )
    countdown = ""
    if seconds:
        count_id, count_en = _both(f"server.{kind}.countdown", seconds="<b data-dk-s>0</b>")
        countdown = (
            f'<p class="dk-count">{_escape_keep(count_id)}</p>'
            f'<p class="dk-en dk-count">{_escape_keep(count_en)}</p>'
        )
    label_id, label_en = _both(button)
    return (
        f'<div class="dk-box" role="alert" data-dk-page="{kind}">'
        f"<h1>{html.escape(title_id)}</h1><p>{html.escape(body_id)}</p>"
        f'<p class="dk-en"><b>{html.escape(title_en)}.</b> {html.escape(body_en)}</p>'
        f"{countdown}"
        f'<button type="button" onclick="location.reload()">{html.escape(label_id)} '
        f"({html.escape(label_en)})</button></div>"
    )


def _escape_keep(text: str) -> str:
    """Escape a sentence but keep the countdown's ``<b data-dk-s>`` element."""
    marker = "<b data-dk-s>0</b>"
    return html.escape(text.replace(marker, "\0")).replace("\0", marker)


def _countdown_js(seconds: int) -> str:
    return (
        "(function(){var s=" + str(int(seconds)) + ";function tick(){"
        "document.querySelectorAll('[data-dk-s]').forEach(function(e){e.textContent=s;});"
        "if(s<=0){location.reload();return;}s-=1;setTimeout(tick,1000);}tick();})();"
    )


def full_page(retry_s: int = FULL_RETRY_S) -> str:
    """The "server penuh" page: self-contained (no request leaves it), retries by itself."""
    return (
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<noscript><meta http-equiv="refresh" content="{retry_s}"></noscript>'
        f"<title>{html.escape(t('server.page_title', lang='id'))}</title>"
        f"<style>{_STYLE}</style></head><body>{_box('full', retry_s, 'server.retry_now')}"
        f"<script>{_countdown_js(retry_s)}</script></body></html>"
    )


def failed_page(reload_s: int = FAILED_RELOAD_S) -> str:
    """A whole page for a failure before anything of the notebook was sent."""
    return (
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(t('server.page_title', lang='id'))}</title>"
        f"<style>{_STYLE}</style></head><body>{_box('failed', reload_s, 'server.reload')}"
        f"<script>{_countdown_js(reload_s)}</script></body></html>"
    )


def failed_script(reload_s: int = FAILED_RELOAD_S) -> str:
    """The end of a page that could not be finished: replace what was drawn with the
    message, reload by itself."""
    box = json.dumps(_box("failed", reload_s, "server.reload"))
    style = json.dumps(_STYLE)
    return (
        "<script>(function(){var st=document.createElement('style');st.textContent="
        f"{style};document.head.appendChild(st);document.body.innerHTML={box};"
        f"{_countdown_js(reload_s)}}})();</script></body></html>"
    )


def dead_kernel_messages() -> dict[str, str]:
    """Texts for the page script that notices its kernel died (``dead.title.id``, ...)."""
    keys = ("server.dead.title", "server.dead.body", "server.reload")
    return {
        f"{key.removeprefix('server.')}.{lang}": t(key, lang=lang)
        for key in keys
        for lang in ("id", "en")
    }


class WorkshopVoilaHandler(TornadoVoilaHandler):
    """Voila's page handler with admission and a guard against pages that never finish."""

    async def get(self, path=None):
        km = self.kernel_manager
        pooled = False
        if path:
            try:
                pooled = km.get_pool_size(path) > 0
            except Exception:
                pooled = False
        admit = getattr(km, "admit", None)
        decision = admit(new_kernel=not pooled) if admit else None
        if decision is not None and not decision.ok:
            why = (
                "batas --max-participants tercapai (participants limit)"
                if decision.reason == "participants"
                else f"memori tinggal {decision.available_mb} MB (memory short)"
            )
            self.log.warning(
                "Server penuh: peserta baru melihat 'coba lagi sebentar lagi'; %s; "
                "%d halaman terbuka. (Server full: new visitors are asked to try again.)",
                why,
                decision.visitors,
                extra={**FACILITATOR, "key": "full"},
            )
            self.set_status(503)
            self.set_header("Retry-After", str(FULL_RETRY_S))
            self.set_header("Cache-Control", "no-store")
            self.set_header("Content-Type", "text/html; charset=UTF-8")
            self.finish(full_page())
            return
        for attempt in (1, 2):
            outcome = await self._serve_guarded(path)
            if outcome != "retry" or attempt == 2:
                break
            self.log.warning("Halaman %s gagal sebelum dikirim; dicoba sekali lagi", path)
        if outcome == "retry":  # failed twice before anything was sent
            self.set_status(503)
            self.set_header("Retry-After", str(FAILED_RELOAD_S))
            self.set_header("Content-Type", "text/html; charset=UTF-8")
            self.finish(failed_page())

    async def _serve_guarded(self, path) -> str:
        """Stream the page. Returns ``"ok"``, ``"failed"`` (ended with the message) or
        ``"retry"`` (failed before anything was sent)."""
        started: list[str] = []
        token = PAGE_KERNELS.set(started)
        queue: asyncio.Queue = asyncio.Queue()

        async def produce():
            try:
                async for chunk in self.get_generator(path=path):
                    await queue.put(("html", chunk))
                await queue.put(("done", None))
            except Exception as err:  # logged below, the visitor gets the message
                await queue.put(("error", err))

        task = asyncio.ensure_future(produce())
        PAGE_KERNELS.reset(token)
        seen: list[str] = started
        sent = False
        last_real = time.monotonic()
        try:
            while True:
                try:
                    kind, value = await asyncio.wait_for(queue.get(), CHECK_EVERY_S)
                except TimeoutError:
                    if self._stuck(seen, last_real):
                        self.log.warning("Halaman %s tidak selesai (kernel %s); diakhiri", path,
                                         ", ".join(seen) or "?")  # fmt: skip
                        return self._end_failed(sent, seen)
                    continue
                if kind == "done":
                    return "ok"
                if kind == "error":
                    self.log.error("Halaman %s gagal: %r", path, value, exc_info=value)
                    return self._end_failed(sent, seen)
                if value != HEARTBEAT:
                    last_real = time.monotonic()
                    if len(seen) < 4:
                        seen.extend(k for k in KERNEL_ID_RE.findall(value) if k not in seen)
                self.write(value)
                self.flush()
                sent = True
        finally:
            if not task.done():
                task.cancel()

    def _end_failed(self, sent: bool, kernel_ids: list[str]) -> str:
        km = self.kernel_manager
        for kernel_id in kernel_ids:  # a kernel that could not serve its page goes too
            if kernel_id in km:
                asyncio.ensure_future(km.shutdown_kernel(kernel_id, now=True))
        if not sent:
            self.clear()
            return "retry"
        self.write(failed_script())
        self.flush()
        return "failed"

    def _stuck(self, kernel_ids: list[str], last_real: float) -> bool:
        km = self.kernel_manager
        quiet_s = time.monotonic() - last_real
        if quiet_s < 2 * CHECK_EVERY_S:
            return False
        alive = getattr(km, "kernel_alive", None)
        if alive is not None and any(not alive(k) for k in kernel_ids):
            return True
        timeout = getattr(self.traitlet_config.VoilaExecutor, "timeout", -1) or -1
        limit = (
            timeout + STALL_AFTER_TIMEOUT_S
            if isinstance(timeout, (int, float)) and timeout > 0
            else STALL_WITHOUT_TIMEOUT_S
        )
        return quiet_s > limit
