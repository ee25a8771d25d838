"""The warm parent of every kernel: one process that has imported what the notebooks need and
forks a kernel for each request (``python -m desmigratif_kit.server.forkserver``).

Starting an ipykernel the usual way costs each kernel ~1.8 s of CPU (Python, IPython, pandas,
ipywidgets, the kit) and ~80 MB of its own memory. This process pays the imports once, runs the
notebooks' ``preload(...)`` calls once, freezes its heap (``gc.freeze()``: the collector never
writes to those objects again, so their pages stay shared) and then forks: a forked kernel
shares all that memory copy-on-write and starts in a fraction of the time.

What it warms is read from the notebooks, so the server knows no pillar: every module a code
cell imports (``import x``, ``from x import y``), and every ``preload(...)`` call with literal
arguments whose ``preload`` was imported from a module (``from m import preload``), run as
``m.preload(...)``. Nothing else of a notebook runs here.

Protocol (a Unix socket only this user can open, one request per connection, JSON lines):
``{"op": "ping"}`` -> ``{"ok": true, "pid": ...}``; ``{"op": "spawn", "argv": [...], "env":
{...}, "cwd": "...", "watch_pid": N}`` -> ``{"ok": true, "pid": ...}`` with a pidfd of the new
kernel passed alongside (``SCM_RIGHTS``), so the server can watch and signal a process that is
not its child without racing pid reuse.

Rules for a safe fork, each learnt the hard way (see docs/benchmark.md):

- no thread, ZMQ context or event loop may exist here before a fork (only the forking thread
  survives in the child, with any lock another thread held): they are created by the kernel in
  the child; a thread found here is logged;
- OpenBLAS and friends would start threads at import: ``*_NUM_THREADS=1`` is set before;
- ``IPKernelApp`` reads ``JPY_PARENT_PID`` at import, so the child is given its options on its
  command line, never through this process's environment;
- the child leaves this process's session (``setsid``), takes the request's environment and
  folder, resets signal handlers, reseeds NumPy's global generator, and watches the *server*
  (not this process) through a pidfd: a kernel outlives a crash of this process but never the
  server.
"""

from __future__ import annotations

import argparse
import ast
import atexit
import contextlib
import gc
import importlib
import json
import logging
import os
import select
import signal
import socket
import sys
import threading
import time
import traceback
from pathlib import Path

log = logging.getLogger("desmigratif_kit.forkserver")

THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
                    "NUMEXPR_NUM_THREADS")  # fmt: skip
KERNEL_NAME = "dk-kernel"
"""The process name of a forked kernel (``/proc/PID/comm``, what ``ps`` and psutil's
``name()`` show); its command line stays the fork server's."""
KERNEL_MODULES = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.zmqshell",
    "ipykernel.comm",
    "ipykernel.inprocess.ipkernel",
    "jupyter_client.session",
    "comm",
    "ipywidgets",
    "IPython.core.completer",
    "IPython.core.completerlib",
    "IPython.core.debugger",
    "IPython.core.oinspect",
    "IPython.extensions.storemagic",
    "ipykernel.debugger",
    "debugpy",
    "debugpy.server.api",
    "psutil",
    "tornado.platform.asyncio",
    "xmlrpc.client",
    "pydoc",
    "faulthandler",
    "matplotlib_inline.backend_inline",
)
"""Imported in any case: what every ipykernel with widgets imports while starting."""
OOM_SCORE_ADJ = 300
"""Kernels volunteer first to the out-of-memory killer: a lost kernel costs one participant a
reload (their work is saved), a lost server costs the room."""
MAX_REQUEST = 4 * 2**20


# --------------------------------------------------------------------------- what to warm


def notebook_sources(root: Path) -> list[str]:
    """The code cells of every notebook under ``root`` (checkpoints skipped), with IPython's
    magics and shell escapes (``%...``, ``!...``) commented out so ``ast`` can read them."""
    import nbformat

    sources = []
    for path in sorted(Path(root).rglob("*.ipynb")):
        if ".ipynb_checkpoints" in path.parts:
            continue
        try:
            nb = nbformat.read(str(path), as_version=4)
        except Exception as err:  # a broken notebook must not stop the server
            log.warning("cannot read %s: %s", path, err)
            continue
        for cell in nb.cells:
            if cell.cell_type == "code" and cell.source.strip():
                sources.append(_plain_python(cell.source))
    return sources


def _plain_python(source: str) -> str:
    r"""
    >>> print(_plain_python("%matplotlib inline\n!ls\nimport os"))
    # %matplotlib inline
    # !ls
    import os
    """
    return "\n".join(
        f"# {line}" if line.lstrip().startswith(("%", "!")) else line
        for line in source.splitlines()
    )


def warm_plan(sources: list[str]) -> tuple[list[str], list[tuple[str, tuple, dict]]]:
    """Modules to import and ``preload`` calls to make, read from code cells.

    >>> mods, calls = warm_plan([
    ...     "import pandas as pd\\nfrom m.apps.x import App, preload\\npreload(register=True)",
    ...     "from m.apps.y import preload as warm\\nwarm()\\nwarm(kode)\\nfrom . import z",
    ... ])
    >>> mods
    ['m.apps.x', 'm.apps.y', 'pandas']
    >>> calls
    [('m.apps.x', (), {'register': True}), ('m.apps.y', (), {})]
    """
    modules: set[str] = set()
    calls: list[tuple[str, tuple, dict]] = []
    for source in sources:
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        preloads: dict[str, str] = {}  # local name -> module
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                modules.add(node.module)
                for alias in node.names:
                    if alias.name == "preload":
                        preloads[alias.asname or alias.name] = node.module
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in preloads
            ):
                try:
                    args = tuple(ast.literal_eval(a) for a in node.args)
                    kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg}
                except ValueError:
                    continue  # arguments known only when the notebook runs
                call = (preloads[node.func.id], args, kwargs)
                if call not in calls:
                    calls.append(call)
    return sorted(modules), calls


def warm(root: Path | None) -> dict:
    """Import the kernel machinery and what the notebooks under ``root`` import; run their
    ``preload`` calls. Returns what was done (for the log)."""
    for name in THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
    # debugpy (imported by every ipykernel) warns about frozen modules on stderr
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    # as ipykernel does in a kernel, before matplotlib can read it
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    started = time.perf_counter()
    done: dict = {"imported": [], "failed": [], "preloaded": []}
    sources = notebook_sources(root) if root else []
    modules, calls = warm_plan(sources)
    for name in [*KERNEL_MODULES, *modules]:
        try:
            importlib.import_module(name)
            done["imported"].append(name)
        except Exception as err:
            done["failed"].append(f"{name}: {type(err).__name__}: {err}")
    for module, args, kwargs in calls:
        try:
            importlib.import_module(module).preload(*args, **kwargs)
            done["preloaded"].append(f"{module}.preload{args or ''}{kwargs or ''}")
        except Exception as err:
            done["failed"].append(f"{module}.preload: {type(err).__name__}: {err}")
    _drop_fork_unsafe_state()
    _prepare_kernel_class()
    gc.collect()
    gc.freeze()
    done["seconds"] = round(time.perf_counter() - started, 2)
    return done


def _drop_fork_unsafe_state() -> None:
    """Close what must not be shared with children: the kit's cached SQLite connection."""
    store = sys.modules.get("desmigratif_kit.core.store")
    default = getattr(store, "_default_store", None) if store else None
    if default is not None:
        with contextlib.suppress(Exception):
            default.close()
        store._default_store = None


# --------------------------------------------------------------------------- the child
#
# What a forked kernel writes to is private to it (copy-on-write): a page of the parent's heap
# is copied as soon as the child changes one object on it, even a reference count. Starting
# an ipykernel touches objects all over the heap in two places that Voila does not need, so
# the child skips them (measured with docs/benchmark.md's USS, per kernel: 31.5 -> 19 MB at
# ``initialize``):
#
# - ``IPythonKernel.__init__`` lists ``m.__file__`` of every imported module for its
#   debugger (2,300 module objects and their file names, ~11 MB of pages copied): the list is
#   made once here, in the parent, and the kernel is given it;
# - traitlets' command-line parser walks every configurable class's traits to build an
#   ``argparse`` parser (~4.7 MB): the server's own arguments (``-f FILE``,
#   ``--Class.trait=value``) are read directly into the same ``Config``; anything else goes
#   through the usual parser.

_KERNEL_CLASS = None
_PARENT_MODULE_FILES: list[str] = []


class _SysWithoutModules:
    """``sys`` for ``ipykernel.ipkernel`` while a kernel is built: ``modules`` empty."""

    modules: dict = {}

    def __getattr__(self, name):
        return getattr(sys, name)


def _prepare_kernel_class() -> None:
    """In the parent, before freezing: the module list and the kernel class children use."""
    global _KERNEL_CLASS
    _PARENT_MODULE_FILES[:] = [getattr(m, "__file__", None) for m in list(sys.modules.values())]
    _PARENT_MODULE_FILES[:] = [f for f in _PARENT_MODULE_FILES if f]
    try:
        from ipykernel import ipkernel
    except ImportError:
        return

    class ForkedKernel(ipkernel.IPythonKernel):
        """``IPythonKernel`` given the parent's module list instead of making its own."""

        def __init__(self, **kwargs):
            real = ipkernel.sys
            ipkernel.sys = _SysWithoutModules()
            try:
                super().__init__(**kwargs)
            finally:
                ipkernel.sys = real
            self._kernel_modules = _PARENT_MODULE_FILES
            debugger = getattr(self, "debugger", None)
            if debugger is not None and hasattr(debugger, "kernel_modules"):
                debugger.kernel_modules = _PARENT_MODULE_FILES

    _KERNEL_CLASS = ForkedKernel


def command_line_config(argv: list[str], aliases: dict):
    """``argv`` as traitlets' command-line loader would read it, for the forms the server
    passes (``-f FILE``, ``--f=FILE``, ``--Class.trait=value``, an alias from ``aliases``);
    ``None`` for anything else (flags, help, positional arguments), which the usual parser
    then reads.

    >>> c = command_line_config(["-f", "k.json", "--HistoryManager.enabled=False"],
    ...                         {"f": "IPKernelApp.connection_file"})
    >>> str(c.IPKernelApp.connection_file), str(c.HistoryManager.enabled)
    ('k.json', 'False')
    >>> command_line_config(["--debug"], {}) is None
    True
    """
    from traitlets.config.loader import Config, DeferredConfigString

    config = Config()
    args = iter(argv)
    for arg in args:
        if not arg.startswith("-") or arg in ("-", "--"):
            return None
        key, sep, value = arg.lstrip("-").partition("=")
        if not sep:
            value = next(args, None)
            if value is None or value.startswith("-"):
                return None
        if "." not in key:
            target = aliases.get(key)
            if isinstance(target, tuple):
                target = target[0]
            if not isinstance(target, str) or target.count(".") != 1:
                return None
            key = target
        section, _, trait = key.rpartition(".")
        if not section.isidentifier() or not trait.isidentifier():
            return None
        config[section][trait] = DeferredConfigString(value)
    return config


def _configure(app, argv: list[str]) -> None:
    """Give ``app`` its kernel class and, when it is simple, its command line without
    traitlets' parser (see above)."""
    if _KERNEL_CLASS is not None:
        app.kernel_class = _KERNEL_CLASS
    config = command_line_config(argv, dict(app.aliases))
    if config is None:
        return
    app.argv = list(argv)
    app.extra_args = []
    app.cli_config = config
    app.update_config(config)
    app.parse_command_line = lambda argv=None: None


def _watch_server(pid: int) -> None:
    """Exit this kernel when the server process ends (a pidfd becomes readable)."""
    try:
        fd = os.pidfd_open(pid)
    except (OSError, AttributeError):
        return

    def wait() -> None:
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        poller.poll()
        os._exit(1)

    threading.Thread(target=wait, name="desmigratif-server-watch", daemon=True).start()


def _register_comm_targets() -> None:
    """What libraries imported in the warm parent would have done on import in a kernel.

    ipywidgets registers its comm targets (``jupyter.widget``, ``jupyter.widget.control``)
    when imported inside a running kernel; imported in the parent, where no kernel runs, it
    registered nothing. Without ``jupyter.widget.control`` the page falls back to asking for
    each widget's state one by one (the kernel logs "No such comm target registered")."""
    widgets = sys.modules.get("ipywidgets")
    if widgets is not None and hasattr(widgets, "register_comm_target"):
        try:
            widgets.register_comm_target()
        except Exception:
            log.exception("ipywidgets comm targets not registered")


def _set_process_name(name: str) -> None:
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None).prctl(15, name.encode()[:15], 0, 0, 0)  # PR_SET_NAME


def _become_kernel(request: dict) -> None:
    """In the forked child: turn into an ipykernel for ``request`` (never returns)."""
    code = 1
    try:
        os.setsid()
        for sig in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1):
            signal.signal(sig, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.close(devnull)
        os.environ.clear()
        os.environ.update(request.get("env") or {})
        os.chdir(request.get("cwd") or os.getcwd())
        with contextlib.suppress(OSError), open("/proc/self/oom_score_adj", "w") as f:
            f.write(str(OOM_SCORE_ADJ))
        _set_process_name(KERNEL_NAME)
        numpy = sys.modules.get("numpy")
        if numpy is not None:
            numpy.random.seed()
        if request.get("watch_pid"):
            _watch_server(int(request["watch_pid"]))
        argv = [str(a) for a in request["argv"]]
        sys.argv = ["ipykernel_launcher", *argv]
        if sys.path and sys.path[0] in ("", os.getcwd()):
            del sys.path[0]  # as ipykernel_launcher does; the kernel adds the cwd back
        from ipykernel import kernelapp

        app = kernelapp.IPKernelApp.instance()
        _configure(app, argv)
        app.initialize(argv)
        _register_comm_targets()
        app.start()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    except BaseException:
        traceback.print_exc()
    finally:
        with contextlib.suppress(Exception):
            atexit._run_exitfuncs()
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


# --------------------------------------------------------------------------- the server loop


def _reap(*_args) -> None:
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _reply(conn: socket.socket, message: dict, fds: list[int] = ()) -> None:
    data = (json.dumps(message) + "\n").encode()
    if fds:
        socket.send_fds(conn, [data], list(fds))
    else:
        conn.sendall(data)


def _read_request(conn: socket.socket) -> dict:
    chunks = []
    size = 0
    while not chunks or not chunks[-1].endswith(b"\n"):
        chunk = conn.recv(65536)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_REQUEST:
            raise ValueError("request too large")
    return json.loads(b"".join(chunks) or b"{}")


def _spawn(request: dict, listener: socket.socket, conn: socket.socket) -> tuple[int, int]:
    threads = [t.name for t in threading.enumerate() if t is not threading.main_thread()]
    if threads:
        log.warning("forking with threads alive (unsafe): %s", threads)
    pid = os.fork()
    if pid == 0:
        listener.close()
        conn.close()
        _become_kernel(request)  # never returns
    return pid, os.pidfd_open(pid)


def serve(path: str, parent: int | None) -> None:
    """Answer requests on the Unix socket ``path`` until the parent process ends."""
    signal.signal(signal.SIGCHLD, _reap)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old_umask = os.umask(0o177)
    try:
        listener.bind(path)
    finally:
        os.umask(old_umask)
    listener.listen(256)
    listener.settimeout(1.0)
    uid = os.getuid()
    while True:
        if parent and os.getppid() != parent:
            log.info("server gone; fork server stops")
            return
        try:
            conn, _ = listener.accept()
        except TimeoutError:
            continue
        with conn:
            conn.settimeout(10)
            try:
                creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12)
                if int.from_bytes(creds[4:8], sys.byteorder) != uid:
                    continue
                request = _read_request(conn)
                op = request.get("op")
                if op == "ping":
                    _reply(conn, {"ok": True, "pid": os.getpid()})
                elif op == "spawn":
                    pid, pidfd = _spawn(request, listener, conn)
                    try:
                        _reply(conn, {"ok": True, "pid": pid}, [pidfd])
                    finally:
                        os.close(pidfd)
                else:
                    _reply(conn, {"ok": False, "error": f"unknown op {op!r}"})
            except Exception as err:
                log.exception("request failed")
                with contextlib.suppress(Exception):
                    _reply(conn, {"ok": False, "error": f"{type(err).__name__}: {err}"})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Desmigratif Kit fork server (internal)")
    parser.add_argument("--socket", required=True)
    parser.add_argument("--notebooks", default=None)
    parser.add_argument("--parent", type=int, default=None)
    parser.add_argument("--log-level", default="INFO")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=args.log_level,
        format="[%(levelname).1s %(asctime)s.%(msecs)03d ForkServer] %(message)s",
        datefmt="%H:%M:%S",
    )
    # no PR_SET_PDEATHSIG: it follows the thread that started this process, and the server may
    # restart it from a worker thread; serve() checks the parent every second instead
    if args.parent and os.getppid() != args.parent:
        return 1
    done = warm(Path(args.notebooks) if args.notebooks else None)
    log.info(
        "warm in %.1f s: %d modules, preload %s%s",
        done["seconds"],
        len(done["imported"]),
        ", ".join(done["preloaded"]) or "none",
        "; failed: " + "; ".join(done["failed"]) if done["failed"] else "",
    )
    serve(args.socket, args.parent)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
