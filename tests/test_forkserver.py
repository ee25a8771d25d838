"""Kernels forked from the warm parent: a real fork server, real kernels, no Voila."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import psutil
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from desmigratif_kit.server import forkserver
from desmigratif_kit.server.provisioner import (
    ForkProvisioner,
    ForkServer,
    kernel_args,
    register_provisioner,
)


@pytest.fixture
def notebooks(tmp_path) -> Path:
    root = tmp_path / "notebooks"
    root.mkdir()
    nb = new_notebook(cells=[new_code_cell("import json\nimport colorsys\n%matplotlib inline")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}  # fmt: skip
    nbformat.write(nb, str(root / "uji.ipynb"))
    return root


@pytest.fixture
def fork_server(notebooks, tmp_path):
    runtime = tmp_path / "rt"
    log = open(tmp_path / "fork.log", "wb")  # noqa: SIM115
    server = ForkServer(notebooks, runtime, output=log).install().start()
    register_provisioner()
    assert server.wait_ready(120), (tmp_path / "fork.log").read_text()
    yield server
    server.stop()
    log.close()


def run(coro):
    """Run ``coro`` on a loop of its own (another test may own this thread's loop)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


async def _kernel(runtime: Path, name: str):
    from jupyter_client.manager import AsyncKernelManager

    km = AsyncKernelManager(transport="ipc", connection_file=str(runtime / f"kernel-{name}.json"))
    await km.start_kernel(cwd=str(runtime), env={**os.environ, "DK_UJI": name})
    kc = km.client()
    kc.start_channels()
    await kc.wait_for_ready(timeout=60)
    return km, kc


async def _evaluate(kc, code: str) -> str:
    out = []
    reply = await kc.execute_interactive(
        code, timeout=30, output_hook=lambda m: out.append(m["content"].get("text", ""))
    )
    assert reply["content"]["status"] == "ok", reply["content"]
    return "".join(out).strip()


def test_warm_plan_reads_imports_and_literal_preloads(notebooks):
    sources = forkserver.notebook_sources(notebooks)
    modules, calls = forkserver.warm_plan(sources)
    assert modules == ["colorsys", "json"] and calls == []


def test_kernel_args_only_for_this_pythons_ipykernel():
    assert kernel_args([sys.executable, "-m", "ipykernel_launcher", "-f", "k.json"])[:2] == [
        "-f",
        "k.json",
    ]
    assert kernel_args([sys.executable, "-m", "other_kernel", "-f", "k.json"]) is None
    assert kernel_args(["R", "--slave", "-e", "IRkernel::main()"]) is None


@pytest.mark.parametrize(
    "argv",
    [
        ["-f", "/tmp/k.json", "--HistoryManager.enabled=False", "--IPKernelApp.parent_handle=1"],
        ["--f=/tmp/k.json", "--IPKernelApp.transport", "ipc", "--Session.key=b''"],
        ["--IPKernelApp.connection_file=/tmp/a b.json", "--InteractiveShell.cache_size=0"],
    ],
)
def test_the_childs_command_line_reading_matches_traitlets(argv):
    """The forked kernel reads the server's arguments without traitlets' parser (it touches
    every class's traits: ~4.7 MB of copied pages per kernel); the result must be the same."""
    from ipykernel.kernelapp import IPKernelApp
    from traitlets.config import Config

    usual = IPKernelApp()
    usual.parse_command_line(list(argv))
    config = forkserver.command_line_config(list(argv), dict(IPKernelApp().aliases))
    assert config is not None
    ours = IPKernelApp()
    ours.update_config(config)

    def seen(app):  # what each configurable reading this config would get
        return {
            (section, key): str(value)
            for section, values in app.config.items() if isinstance(values, Config)
            for key, value in values.items()
        }  # fmt: skip

    assert seen(ours) == seen(usual)
    assert ours.connection_file == usual.connection_file


@pytest.mark.parametrize(
    "argv", [["--debug"], ["-f"], ["kernel.json"], ["--help"], ["--a.b.c=1"], ["--"]]
)
def test_other_command_lines_go_to_traitlets(argv):
    from ipykernel.kernelapp import IPKernelApp

    assert forkserver.command_line_config(argv, dict(IPKernelApp().aliases)) is None


def test_a_forked_kernel_got_its_configuration_and_the_parents_module_list(fork_server):
    async def scenario():
        km, kc = await _kernel(fork_server.runtime_dir, "dua")
        try:
            text = await _evaluate(
                kc,
                "from ipykernel.kernelapp import IPKernelApp\n"
                "app, ip = IPKernelApp.instance(), get_ipython()\n"
                "print(type(ip.kernel).__name__, ip.history_manager.enabled, app.parent_handle,"
                " app.connection_file == app.abs_connection_file, "
                "'json/__init__.py' in ' '.join(ip.kernel._kernel_modules))",
            )
            assert text.split() == ["ForkedKernel", "False", "1", "True", "True"]
        finally:
            kc.stop_channels()
            await km.shutdown_kernel()

    run(scenario())


def test_a_forked_kernel_runs_code_in_its_own_folder_and_environment(fork_server):
    async def scenario():
        km, kc = await _kernel(fork_server.runtime_dir, "satu")
        try:
            assert isinstance(km.provisioner, ForkProvisioner)
            assert km.provisioner.pidfd is not None  # forked, not started the usual way
            pid = km.provisioner.pid
            proc = psutil.Process(pid)
            assert proc.ppid() == fork_server.process.pid  # a child of the fork server
            assert proc.name() == forkserver.KERNEL_NAME
            text = await _evaluate(
                kc,
                "import os, sys, json; print(os.environ['DK_UJI'], os.getcwd(), "
                "os.getpid(), 'colorsys' in sys.modules)",
            )
            assert text.split() == ["satu", str(fork_server.runtime_dir), str(pid), "True"]
            assert await km.is_alive()
        finally:
            kc.stop_channels()
            await km.shutdown_kernel()
        assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == "zombie"

    run(scenario())


def test_a_killed_kernel_is_seen_dead_and_cleaned_up(fork_server):
    async def scenario():
        km, kc = await _kernel(fork_server.runtime_dir, "dua")
        kc.stop_channels()
        pid = km.provisioner.pid
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while await km.is_alive():
            assert time.monotonic() < deadline
            await asyncio.sleep(0.05)
        await km.shutdown_kernel(now=True)
        assert km.provisioner is None or km.provisioner.pidfd is None

    run(scenario())


def test_kernels_outlive_the_fork_server_which_comes_back(fork_server):
    async def scenario():
        km, kc = await _kernel(fork_server.runtime_dir, "tiga")
        first = fork_server.process.pid
        fork_server.process.kill()
        fork_server.process.wait(10)
        assert await km.is_alive()
        assert await _evaluate(kc, "print(6 * 7)") == "42"
        km2, kc2 = await _kernel(fork_server.runtime_dir, "empat")  # the fork server restarts
        assert fork_server.process.pid != first and fork_server.restarts == 1
        assert isinstance(km2.provisioner, ForkProvisioner) and km2.provisioner.pidfd
        for k, c in ((km, kc), (km2, kc2)):
            c.stop_channels()
            await k.shutdown_kernel()

    run(scenario())


def test_a_forked_kernel_ends_when_the_process_it_watches_ends():
    """Forked kernels are not the server's children: each watches the server through a
    pidfd (``watch_pid``) and ends with it, though the fork server may still run."""
    watched = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    child = os.fork()
    if child == 0:  # pragma: no cover - the child
        try:
            forkserver._watch_server(watched.pid)
            time.sleep(30)
        finally:
            os._exit(0)
    try:
        time.sleep(0.3)
        assert os.waitpid(child, os.WNOHANG) == (0, 0)  # still running
        watched.kill()
        watched.wait()
        deadline = time.monotonic() + 5
        while os.waitpid(child, os.WNOHANG) == (0, 0):
            assert time.monotonic() < deadline, "the watcher did not end its process"
            time.sleep(0.05)
    finally:
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(child, signal.SIGKILL)
            os.waitpid(child, 0)


def test_the_provisioner_watches_kernels_with_descriptors_above_1024(fork_server):
    """``select()`` refuses descriptors above 1024; a room of kernels gets there."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < 2048:
        pytest.skip("the hard limit of open files is below 2048 here")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, 2048), hard))
    pid, pidfd = fork_server.spawn_sync(
        ["-f", str(fork_server.runtime_dir / "kernel-tinggi.json")], dict(os.environ), "/tmp"
    )
    high = os.dup2(pidfd, 1500)
    os.close(pidfd)
    provisioner = ForkProvisioner.__new__(ForkProvisioner)
    provisioner.pidfd = high
    try:
        assert not provisioner._exited()
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while not provisioner._exited():
            assert time.monotonic() < deadline
            time.sleep(0.05)
    finally:
        provisioner._close_pidfd()
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_the_server_raises_its_open_files_limit():
    import resource

    from desmigratif_kit.server.voila_app import raise_open_files_limit

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(1024, soft), hard))
        limit = raise_open_files_limit(4096)
        expected = 4096 if hard == resource.RLIM_INFINITY else min(4096, hard)
        assert limit == max(expected, min(1024, soft))
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
