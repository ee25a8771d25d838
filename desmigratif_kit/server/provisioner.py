"""Kernels forked from a warm parent: the server side of :mod:`.forkserver`.

- :class:`ForkServer` starts the fork server process (``python -m
  desmigratif_kit.server.forkserver``), waits until it is warm, asks it for kernels and
  starts it again if it ever dies.
- :class:`ForkProvisioner` is a jupyter_client kernel provisioner (the supported hook for
  launching kernels, ``jupyter_client.kernel_provisioners``): for the ordinary ipykernel of this
  Python it asks the fork server for a kernel; for anything else, or if the fork server cannot
  answer, it starts the kernel the usual way (:class:`LocalProvisioner`). A forked kernel is not
  a child of the server, so it is watched and signalled through a pidfd.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from jupyter_client.provisioning import LocalProvisioner

PROVISIONER_NAME = "desmigratif-fork"
ENTRY_POINT = "desmigratif_kit.server.provisioner:ForkProvisioner"
KERNEL_LAUNCHER = ("-m", "ipykernel_launcher")
FORKED_KERNEL_ARGS = (
    "--HistoryManager.enabled=False",
    "--IPKernelApp.parent_handle=1",
    "--InteractiveShell.cache_size=0",
)
"""Voila never stores history (without it a kernel opens no SQLite file and no thread) and
never reads ``Out[n]`` (a displayed chart would stay alive in that cache)."""
READY_TIMEOUT_S = 120.0
SPAWN_TIMEOUT_S = 20.0


class ForkError(RuntimeError):
    """The fork server could not give a kernel."""


class ForkServer:
    """The fork server process (one per workshop server)."""

    _current: ForkServer | None = None

    def __init__(self, notebooks: Path | None, runtime_dir: Path, output=None, log=None):
        self.notebooks = Path(notebooks) if notebooks else None
        self.runtime_dir = Path(runtime_dir)
        self.socket_path = str(self.runtime_dir / "forkserver.sock")
        self.output = output
        self.log = log
        self.process: subprocess.Popen | None = None
        self.started_at = 0.0
        self.ready_at: float | None = None
        self.restarts = 0
        self._lock = threading.Lock()

    # --- lifecycle ----------------------------------------------------------------------
    @classmethod
    def current(cls) -> ForkServer | None:
        return cls._current

    def install(self) -> ForkServer:
        """Make this the fork server the provisioner uses."""
        ForkServer._current = self
        return self

    def start(self) -> ForkServer:
        self.runtime_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        cmd = [sys.executable, "-m", "desmigratif_kit.server.forkserver",
               "--socket", self.socket_path, "--parent", str(os.getpid())]  # fmt: skip
        if self.notebooks:
            cmd += ["--notebooks", str(self.notebooks)]
        self.started_at = time.monotonic()
        self.ready_at = None
        self.process = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=self.output,
            stderr=subprocess.STDOUT if self.output is not None else None,
            start_new_session=True,  # Ctrl+C in the terminal reaches the server only
        )
        return self

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        proc, self.process = self.process, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.socket_path)
        if ForkServer._current is self:
            ForkServer._current = None

    def ensure_running(self) -> None:
        with self._lock:
            if not self.alive():
                if self.process is not None:
                    self.restarts += 1
                    if self.log:
                        self.log.warning(
                            "Induk kernel berhenti (kode %s) dan dijalankan lagi; peserta tidak "
                            "terganggu (the fork server ended and was started again)",
                            self.process.returncode,
                            extra={"facilitator": True, "key": "forkserver"},
                        )
                self.start()

    # --- requests -----------------------------------------------------------------------
    def _request(self, message: dict, timeout: float) -> tuple[dict, list[int]]:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(self.socket_path)
            sock.sendall((json.dumps(message) + "\n").encode())
            data, fds, _flags, _addr = socket.recv_fds(sock, 65536, 4)
            while data and not data.endswith(b"\n"):
                more = sock.recv(65536)
                if not more:
                    break
                data += more
        if not data:
            for fd in fds:
                os.close(fd)
            raise ForkError("fork server closed the connection")
        reply = json.loads(data)
        if not reply.get("ok"):
            for fd in fds:
                os.close(fd)
            raise ForkError(reply.get("error") or "fork server refused")
        return reply, fds

    def wait_ready(self, timeout: float = READY_TIMEOUT_S) -> bool:
        """Block until the fork server answers (it listens only once warm)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.ensure_running()
            try:
                self._request({"op": "ping"}, timeout=5)
            except (OSError, ForkError, ValueError):
                time.sleep(0.1)
                continue
            if self.ready_at is None:
                self.ready_at = time.monotonic()
            return True
        return False

    def spawn_sync(self, argv: list[str], env: dict, cwd: str | None) -> tuple[int, int]:
        """A new kernel process: ``(pid, pidfd)``. Raises :class:`ForkError`."""
        if not self.wait_ready():
            raise ForkError("fork server not ready")
        message = {"op": "spawn", "argv": argv, "env": env, "cwd": cwd,
                   "watch_pid": os.getpid()}  # fmt: skip
        try:
            reply, fds = self._request(message, timeout=SPAWN_TIMEOUT_S)
        except (OSError, ValueError) as err:
            raise ForkError(f"{type(err).__name__}: {err}") from err
        if len(fds) != 1:
            for fd in fds:
                os.close(fd)
            raise ForkError("no pidfd received")
        return int(reply["pid"]), fds[0]

    async def spawn(self, argv: list[str], env: dict, cwd: str | None) -> tuple[int, int]:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, self.spawn_sync, argv, env, cwd)


def kernel_args(cmd: list[str]) -> list[str] | None:
    """The ipykernel arguments of ``cmd`` if the fork server can run it (the ordinary
    ``python -m ipykernel_launcher ...`` of this very Python), else ``None``.

    >>> kernel_args([sys.executable, "-m", "ipykernel_launcher", "-f", "k.json"])[:2]
    ['-f', 'k.json']
    >>> kernel_args(["/opt/other/python", "-m", "ipykernel_launcher", "-f", "k.json"]) is None
    True
    """
    if len(cmd) < 3 or tuple(cmd[1:3]) != KERNEL_LAUNCHER:
        return None
    if os.path.abspath(cmd[0]) != os.path.abspath(sys.executable):
        return None
    return [*cmd[3:], *FORKED_KERNEL_ARGS]


class ForkProvisioner(LocalProvisioner):
    """Launch the kernel by forking the warm parent; the usual way when that is not possible."""

    pidfd: int | None = None

    @property
    def has_process(self) -> bool:
        return self.process is not None or self.pidfd is not None

    async def launch_kernel(self, cmd: list[str], **kwargs: Any):
        server = ForkServer.current()
        args = kernel_args(cmd)
        if server is None or args is None:
            return await super().launch_kernel(cmd, **kwargs)
        env = dict(kwargs.get("env") or os.environ)
        cwd = str(kwargs.get("cwd") or os.getcwd())
        try:
            pid, pidfd = await server.spawn(args, env, cwd)
        except ForkError as err:
            self.log.warning("Fork server gave no kernel (%s); starting one the usual way", err)
            return await super().launch_kernel(cmd, **kwargs)
        self.pid = self.pgid = pid
        self.pidfd = pidfd
        self.cwd = cwd
        return self.connection_info

    def _exited(self) -> bool:
        """Whether the kernel process ended (its pidfd is readable). ``poll``, not
        ``select``: a server with hundreds of kernels has descriptors above 1024."""
        if self.pidfd is None:
            return True
        poller = select.poll()
        poller.register(self.pidfd, select.POLLIN)
        return bool(poller.poll(0))

    async def poll(self) -> int | None:
        if self.process is not None:
            return await super().poll()
        if self.pidfd is None:
            return 0
        # the exit status belongs to the fork server (the kernel's parent): unknown here
        return -1 if self._exited() else None

    async def wait(self) -> int | None:
        if self.process is not None:
            return await super().wait()
        while await self.poll() is None:
            await asyncio.sleep(0.05)
        self._close_pidfd()
        return -1

    async def send_signal(self, signum: int) -> None:
        if self.process is not None:
            return await super().send_signal(signum)
        if self.pidfd is None or self._exited():
            return None
        try:
            os.killpg(self.pgid, signum)  # the kernel and what it started (its own session)
        except OSError:
            with contextlib.suppress(ProcessLookupError):
                signal.pidfd_send_signal(self.pidfd, signum)
        return None

    async def kill(self, restart: bool = False) -> None:
        if self.process is not None:
            return await super().kill(restart=restart)
        await self.send_signal(signal.SIGKILL)

    async def terminate(self, restart: bool = False) -> None:
        if self.process is not None:
            return await super().terminate(restart=restart)
        await self.send_signal(signal.SIGTERM)

    async def cleanup(self, restart: bool = False) -> None:
        await super().cleanup(restart=restart)
        if self._exited():
            self._close_pidfd()

    def _close_pidfd(self) -> None:
        fd, self.pidfd = self.pidfd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)

    def __del__(self):
        self._close_pidfd()


def register_provisioner() -> None:
    """Make :class:`ForkProvisioner` jupyter_client's default provisioner in this process,
    whether or not the package's entry point is installed."""
    from importlib.metadata import EntryPoint

    from jupyter_client.provisioning import KernelProvisionerFactory

    factory = KernelProvisionerFactory.instance()
    if PROVISIONER_NAME not in factory.provisioners:
        factory.provisioners[PROVISIONER_NAME] = EntryPoint(
            name=PROVISIONER_NAME, value=ENTRY_POINT, group=KernelProvisionerFactory.GROUP_NAME
        )
    factory.default_provisioner_name = PROVISIONER_NAME
