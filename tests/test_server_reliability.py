"""The server's console, its pages for bad moments and its admission rule, without a browser."""

from __future__ import annotations

import io
import logging
import re
import subprocess
import sys
from collections import namedtuple

import psutil
import pytest

from desmigratif_kit.server import console as console_module
from desmigratif_kit.server import kernels, pages
from desmigratif_kit.server.console import FACILITATOR, Console, ConsoleLogHandler

# --------------------------------------------------------------------------- console


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def terminal():
    stream = io.StringIO()
    clock = Clock()
    timers: list = []
    banners = []

    def banner():
        banners.append(clock.now)
        return "== BANNER http://192.168.1.10:8866/ ==\n"

    typed = []
    con = Console(
        stream,
        banner=banner,
        commands=lambda line: typed.append(line) or f"ok {line}",
        schedule=lambda seconds, fn: timers.append((clock.now + seconds, fn)),
        clock=clock,
    )
    con.banners, con.timers, con.typed, con.clock_ = banners, timers, typed, clock
    return con


def run_timers(con):
    while con.timers:
        when, fn = con.timers.pop(0)
        con.clock_.now = max(con.clock_.now, when)
        fn()


def test_enter_shows_the_banner_and_a_number_is_a_command(terminal):
    terminal.handle("\n")
    assert terminal.stream.getvalue().count("BANNER") == 1
    terminal.handle("2 40\n")
    assert terminal.typed == ["2 40"]
    assert "ok 2 40" in terminal.stream.getvalue()


def test_the_same_message_at_most_once_a_minute(terminal):
    assert terminal.say("Server penuh", key="full")
    terminal.clock_.now += 30
    assert not terminal.say("Server penuh lagi", key="full")
    terminal.clock_.now += 31
    assert terminal.say("Server penuh lagi", key="full")
    assert terminal.stream.getvalue().count("Server penuh") == 2


def test_a_burst_of_lines_brings_the_banner_back_once_quiet(terminal):
    for i in range(console_module.BURST_LINES):
        terminal.say(f"baris {i}")
        terminal.clock_.now += 0.5
    assert terminal.banners == []  # not in the middle of the burst
    run_timers(terminal)
    assert len(terminal.banners) == 1
    assert terminal.stream.getvalue().rstrip().endswith("==")  # the banner is last
    assert terminal.lines_since_banner == 0


def test_log_records_for_the_facilitator_and_errors_only(terminal, tmp_path):
    log = logging.getLogger("desmigratif-test-console")
    log.propagate = False
    handler = ConsoleLogHandler(terminal, tmp_path / "server.log")
    log.addHandler(handler)
    try:
        log.warning("Kernel started: abc")  # noise: the log file only
        log.info("Using pre-heated kernel")
        log.warning("Server penuh: 3 peserta menunggu", extra=FACILITATOR)
        log.error("Traceback of something\nmore lines")
        log.error("Traceback of something\nmore lines")  # repeated within a minute
    finally:
        log.removeHandler(handler)
    out = terminal.stream.getvalue()
    assert "Kernel started" not in out and "pre-heated" not in out
    assert "Server penuh: 3 peserta menunggu" in out
    assert out.count("Ada kesalahan di server") == 1 and "more lines" not in out
    assert str(tmp_path / "server.log") in out


def test_redirect_output_keeps_the_terminal_for_the_console(tmp_path):
    log_file = str(tmp_path / "server.log")
    script = (
        "import os, sys, pathlib\n"
        "from desmigratif_kit.server.console import redirect_output\n"
        f"fd, term = redirect_output(pathlib.Path({log_file!r}))\n"
        "print('log noise'); sys.stderr.write('stderr noise\\n'); os.system('echo child noise')\n"
        "term.write('BANNER\\n'); term.flush()\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, timeout=60)  # fmt: skip
    assert out.stdout == "BANNER\n" and out.stderr == ""
    log = (tmp_path / "server.log").read_text()
    assert "log noise" in log and "stderr noise" in log and "child noise" in log


# --------------------------------------------------------------------------- pages


def external_urls(html: str) -> list[str]:
    return re.findall(r"(?:src|href)=[\"']((?:https?:)?//[^\"']+)", html)


def test_full_page_is_friendly_indonesian_first_retries_by_itself_and_offline():
    html = pages.full_page(retry_s=15)
    assert '<html lang="id">' in html and 'name="viewport"' in html
    text = re.sub(r"<[^>]+>", " ", html)
    assert text.index("Server penuh, coba lagi sebentar lagi") < text.index("The server is full")
    assert "location.reload()" in html and "var s=15;" in html
    assert '<meta http-equiv="refresh" content="15">' in html  # without JavaScript too
    assert "Coba lagi sekarang" in html
    assert external_urls(html) == []


def test_failed_page_and_script_reload_and_say_work_is_safe():
    for html in (pages.failed_page(), pages.failed_script()):
        assert "Halaman belum dapat dimuat" in html
        assert "Pekerjaan Anda yang sudah tersimpan aman" in html
        assert "location.reload()" in html
        assert external_urls(html) == []
    assert pages.failed_script().endswith("</body></html>")


def test_dead_kernel_texts_in_both_languages():
    texts = pages.dead_kernel_messages()
    assert texts["dead.title.id"] == "Sambungan ke server terputus"
    assert texts["reload.en"] == "Reload"
    assert set(texts) == {f"{k}.{lang}" for k in ("dead.title", "dead.body", "reload")
                          for lang in ("id", "en")}  # fmt: skip


# --------------------------------------------------------------------------- admission

Memory = namedtuple("Memory", "total available")


@pytest.fixture
def manager(tmp_path, monkeypatch):
    km = kernels.WorkshopKernelManager(root_dir=str(tmp_path))
    km.max_visitor_kernels = 4
    km.kernel_memory_mb = 40
    km.memory_reserve_mb = 600
    visitors: set[str] = set()
    monkeypatch.setattr(km, "visitor_kernel_ids", lambda: visitors)
    km.visitors = visitors
    return km


def set_available(monkeypatch, mb):
    monkeypatch.setattr(psutil, "virtual_memory", lambda: Memory(16 * 2**30, mb * 2**20))


def test_admission_counts_participants_pages(manager, monkeypatch):
    set_available(monkeypatch, 8000)
    assert manager.admit().ok
    manager.visitors.update({"a", "b", "c", "d"})
    decision = manager.admit()
    assert not decision.ok and decision.reason == "participants" and decision.visitors == 4
    assert not manager.admit(new_kernel=False).ok  # a waiting kernel is a page too


def test_admission_keeps_memory_free_unless_a_pooled_kernel_waits(manager, monkeypatch):
    set_available(monkeypatch, 600 + 39)  # less than the reserve and one more kernel
    decision = manager.admit()
    assert not decision.ok and decision.reason == "memory" and decision.available_mb == 639
    assert manager.admit(new_kernel=False).ok  # its kernel already exists
    set_available(monkeypatch, 600 + 41)
    assert manager.admit().ok
    assert manager.refused == 1


def test_pools_are_not_filled_when_memory_is_short(manager, monkeypatch):
    set_available(monkeypatch, 2 * 600 + 39)
    assert not manager.memory_for_pools()
    set_available(monkeypatch, 2 * 600 + 41)
    assert manager.memory_for_pools()


def test_unknown_kernels_are_not_alive(manager):
    assert not manager.kernel_alive("00000000-0000-0000-0000-000000000000")
