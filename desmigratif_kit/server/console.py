"""The facilitator's terminal: the banner, and only what the facilitator must act on.

Everything else (Voila's and the kernels' log, tracebacks, warnings of libraries) goes to a log
file in the workspace: :func:`redirect_output` points the process's standard output and error
(file descriptors 1 and 2, so kernels and C libraries follow) at that file and keeps the
terminal for :class:`Console`.

The console:

- prints the banner once the server listens, again when the facilitator presses Enter, and
  again after a burst of messages (so the address and QR code never scroll away for long);
- reads simple commands: a notebook's number (``2``) warms it for a room (``--wave``
  participants), ``2 40`` for 40; ``?`` lists the commands;
- shows the log records marked for the facilitator (``extra={"facilitator": True}``) and
  errors, each on one line, a repeated one at most once a minute.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
import threading
import time
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILENAME = "server.log"
BURST_LINES = 8
QUIET_BEFORE_BANNER_S = 4.0
REPEAT_EVERY_S = 60.0

FACILITATOR = {"facilitator": True}
"""``log.warning(..., extra=FACILITATOR)``: this line is for the facilitator's terminal too."""


def log_path(workspace: Path) -> Path:
    return Path(workspace) / LOG_FILENAME


def redirect_output(path: Path) -> tuple[int, object]:
    """Send this process's stdout and stderr (fds 1 and 2) to ``path`` (appended).

    Returns ``(fd, stream)``: a duplicate of the original stdout and a text stream on it,
    for the console."""
    path.parent.mkdir(parents=True, exist_ok=True)
    sys.stdout.flush()
    sys.stderr.flush()
    terminal_fd = os.dup(1)
    log_fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(log_fd, 1)
    os.dup2(log_fd, 2)
    os.close(log_fd)
    stream = os.fdopen(terminal_fd, "w", buffering=1, encoding=sys.stdout.encoding or "utf-8",
                       errors="replace", closefd=False)  # fmt: skip
    return terminal_fd, stream


def file_handler(path: Path) -> logging.Handler:
    handler = RotatingFileHandler(path, maxBytes=20 * 2**20, backupCount=3, encoding="utf-8")
    handler.setFormatter(
        logging.Formatter(
            "[%(levelname).1s %(asctime)s.%(msecs)03d %(name)s] %(message)s", "%H:%M:%S"
        )
    )
    return handler


class Console:
    """The terminal the facilitator watches."""

    def __init__(
        self,
        stream,
        banner: Callable[[], str],
        commands: Callable[[str], str | None] | None = None,
        schedule: Callable[[float, Callable[[], None]], object] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.stream = stream
        self.banner = banner
        self.commands = commands
        self.schedule = schedule
        self.clock = clock
        self._lock = threading.Lock()
        self.lines_since_banner = 0
        self.last_line_at = 0.0
        self._last_said: dict[str, float] = {}
        self._pending = False

    # --- output -------------------------------------------------------------------------
    def show_banner(self) -> None:
        with self._lock:
            self._write(self.banner())
            self.lines_since_banner = 0
            self._pending = False

    def say(self, line: str, key: str | None = None) -> bool:
        """Print one line (at most once a minute for the same ``key``). Returns whether it
        was printed."""
        now = self.clock()
        key = key or line
        with self._lock:
            if now - self._last_said.get(key, -REPEAT_EVERY_S) < REPEAT_EVERY_S:
                return False
            self._last_said[key] = now
            self._write(time.strftime("%H.%M ") + line + "\n")
            self.lines_since_banner += 1
            self.last_line_at = now
            burst = self.lines_since_banner >= BURST_LINES and not self._pending
            if burst:
                self._pending = True
        if burst:
            self._banner_when_quiet()
        return True

    def _banner_when_quiet(self) -> None:
        if self.schedule is None:
            return
        if self.clock() - self.last_line_at >= QUIET_BEFORE_BANNER_S:
            self.show_banner()
        else:
            self.schedule(QUIET_BEFORE_BANNER_S, self._banner_when_quiet)

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            pass

    # --- input --------------------------------------------------------------------------
    def handle(self, line: str) -> None:
        """One line typed by the facilitator."""
        line = line.strip()
        if not line:
            self.show_banner()
            return
        answer = self.commands(line) if self.commands else None
        if answer:
            with self._lock:
                self._write(answer.rstrip("\n") + "\n")

    def read_input(self, stdin, dispatch: Callable[[Callable[[], None]], None]) -> None:
        """Read lines from ``stdin`` in a thread; each is handled through ``dispatch`` (the
        server's event loop). Only from a terminal or a pipe (a script, the benchmark), never
        from ``/dev/null`` or a file."""
        try:
            mode = os.fstat(stdin.fileno()).st_mode
            if not (stdin.isatty() or stat.S_ISFIFO(mode)):
                return
        except (AttributeError, ValueError, OSError):
            return

        def run() -> None:
            for line in stdin:
                dispatch(lambda line=line: self.handle(line))

        threading.Thread(target=run, name="desmigratif-console", daemon=True).start()


class ConsoleLogHandler(logging.Handler):
    """Log records for the facilitator's terminal: those marked ``facilitator`` and errors
    (one line each; the full record is in the log file)."""

    def __init__(self, console: Console, log_file: Path):
        super().__init__(level=logging.WARNING)
        self.console = console
        self.log_file = log_file

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if getattr(record, "facilitator", False):
                self.console.say(record.getMessage(), key=getattr(record, "key", None))
            elif record.levelno >= logging.ERROR:
                text = record.getMessage().splitlines()[0][:160]
                self.console.say(
                    f"Ada kesalahan di server (lihat {self.log_file}): {text}",
                    key=f"error:{record.name}:{record.msg}",
                )
        except Exception:  # a console problem must never break the server
            self.handleError(record)
