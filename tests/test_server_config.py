"""The workshop server's configuration, without a browser (and without starting it)."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
from collections import namedtuple
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from desmigratif_kit import server
from desmigratif_kit.server import CellTimeout, ServerOptions, cli
from desmigratif_kit.server import config as server_config


def _nb(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    nb = new_notebook(cells=[new_code_cell("1 + 1")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}  # fmt: skip
    nbformat.write(nb, str(path))


@pytest.fixture
def notebooks(tmp_path) -> Path:
    root = tmp_path / "notebooks"
    _nb(root / "00_beranda.ipynb")
    _nb(root / "1_layanan_migrasi" / "app_layanan.ipynb")
    _nb(root / "1_layanan_migrasi" / "belajar_migrasi.ipynb")
    _nb(root / "1_layanan_migrasi" / "01_migrasi_aman.ipynb")
    _nb(root / "2_usaha_produktif" / "app_usaha.ipynb")
    _nb(root / "2_usaha_produktif" / ".ipynb_checkpoints" / "app_usaha-checkpoint.ipynb")
    return root


def options(notebooks, tmp_path, **kw) -> ServerOptions:
    return ServerOptions(notebooks=notebooks, workspace=tmp_path / "ws", **kw)


# --------------------------------------------------------------------------- pools


def test_app_notebooks_are_the_pillar_apps_and_lessons(notebooks):
    assert server.app_notebooks(notebooks) == [
        "1_layanan_migrasi/01_migrasi_aman.ipynb",
        "1_layanan_migrasi/app_layanan.ipynb",
        "2_usaha_produktif/app_usaha.ipynb",
    ]


def test_pools_for_every_notebook_with_explicit_default_zero(notebooks, tmp_path):
    pools = server.kernel_pools(options(notebooks, tmp_path, pool=12, app_pool=2))
    assert pools == {
        "default": {"pool_size": 0},
        "00_beranda.ipynb": {"pool_size": 12},
        "1_layanan_migrasi/01_migrasi_aman.ipynb": {"pool_size": 2},
        "1_layanan_migrasi/app_layanan.ipynb": {"pool_size": 2},
        "2_usaha_produktif/app_usaha.ipynb": {"pool_size": 2},
        "1_layanan_migrasi/belajar_migrasi.ipynb": {"pool_size": server.DEFAULT_LESSON_POOL},
    }
    pools = server.kernel_pools(options(notebooks, tmp_path, pool=1, app_pool=0, lesson_pool=0))
    assert pools == {"default": {"pool_size": 0}, "00_beranda.ipynb": {"pool_size": 1}}


def test_all_notebooks_home_first_then_apps_then_the_rest(notebooks):
    assert server.all_notebooks(notebooks) == [
        "00_beranda.ipynb",
        "1_layanan_migrasi/01_migrasi_aman.ipynb",  # a lesson: pooled like the apps
        "1_layanan_migrasi/app_layanan.ipynb",
        "2_usaha_produktif/app_usaha.ipynb",
        "1_layanan_migrasi/belajar_migrasi.ipynb",
    ]


def test_no_pools_means_no_preheat(notebooks, tmp_path):
    c = server.build_config(options(notebooks, tmp_path, pool=0, app_pool=0, lesson_pool=0))
    assert c.VoilaConfiguration.preheat_kernel is False


def test_home_pool_skipped_when_home_missing(tmp_path):
    root = tmp_path / "nb"
    _nb(root / "3_parenting" / "app_anak.ipynb")
    pools = server.kernel_pools(options(root, tmp_path, pool=5, app_pool=1))
    assert pools == {"default": {"pool_size": 0}, "3_parenting/app_anak.ipynb": {"pool_size": 1}}


def test_max_participants_default_from_memory_and_in_the_config(notebooks, tmp_path):
    opts = options(notebooks, tmp_path)
    assert opts.max_participants == server.default_max_participants()
    c = server.build_config(options(notebooks, tmp_path, max_participants=30))
    assert c.WorkshopKernelManager.max_visitor_kernels == 60  # home page + one app each
    assert c.WorkshopKernelManager.kernel_memory_mb == server.KERNEL_MEMORY_MB
    with pytest.raises(ValueError):
        options(notebooks, tmp_path, max_participants=0)


# --------------------------------------------------------------------------- config


def test_build_config(notebooks, tmp_path):
    opts = options(notebooks, tmp_path, host="0.0.0.0", port=9000, pool=3, app_pool=1,
                   cell_timeout=45, cull_idle_minutes=10)  # fmt: skip
    c = server.build_config(opts)
    assert c.Voila.ip == "0.0.0.0" and c.Voila.port == 9000
    assert c.Voila.port_retries == 0
    assert c.Voila.open_browser is False
    assert c.Voila.root_dir == str(notebooks.resolve())
    assert c.Voila.config_file_paths == []
    v = c.VoilaConfiguration
    assert v.template == "desmigratif"
    assert v.strip_sources is True and v.show_tracebacks is False
    assert v.allow_template_override == "NO" and v.allow_theme_override == "NO"
    assert v.preheat_kernel is True
    pools = c.VoilaKernelManager.kernel_pools_config
    assert isinstance(pools, dict) and pools["default"] == {"pool_size": 0}
    assert pools["00_beranda.ipynb"] == {"pool_size": 3}
    # a room arriving together is served before the pool starts replacing kernels
    assert c.VoilaKernelManager.fill_delay >= 10
    assert c.VoilaExecutor.timeout == 45
    assert isinstance(c.VoilaExecutor.timeout_func, CellTimeout)
    assert c.VoilaExecutor.timeout_func.seconds == 45
    assert c.VoilaExecutor.interrupt_on_timeout is True
    assert c.VoilaExporter.language_code == "id"
    k = c.MappingKernelManager
    assert k.cull_interval == 60 and k.cull_idle_timeout == 600
    assert k.cull_connected is False and k.cull_busy is False
    # kernels: Unix sockets, never restarted blank, managed by the workshop's manager
    assert c.KernelManager.transport == "ipc"
    assert c.KernelRestarter.restart_limit == 0
    assert c.VoilaConfiguration.multi_kernel_manager_class.endswith("WorkshopKernelManager")
    assert c.AsyncKernelManager.client_factory.endswith("WorkshopKernelClient")
    messages = c.VoilaConfiguration.resources["desmigratif"]["messages"]
    assert messages["dead.title.id"] == "Sambungan ke server terputus"


def test_tornado_settings():
    assert server.TORNADO_SETTINGS == {"compress_response": True, "disable_check_xsrf": True}


@pytest.fixture
def isolated_process(monkeypatch):
    """make_app() sets environment variables and Voila a SIGTERM handler: undo both."""
    for name in ("JUPYTER_PATH", "DESMIGRATIF_WORKSPACE", "VOILA_APP_IP"):
        monkeypatch.setenv(name, "")
    previous = signal.getsignal(signal.SIGTERM)
    yield
    signal.signal(signal.SIGTERM, previous)


def test_workshop_app_applies_settings_before_tornado_builds(notebooks, tmp_path,
                                                             isolated_process):  # fmt: skip
    app = server.make_app(options(notebooks, tmp_path, pool=0, app_pool=0))
    assert app.voila_configuration.template == "desmigratif"
    assert app.voila_configuration.strip_sources is True
    template_dir = server.TEMPLATE_ROOT / "voila" / "templates" / "desmigratif"
    assert str(template_dir) in app.template_paths
    assert os.environ["DESMIGRATIF_WORKSPACE"] == str((tmp_path / "ws").resolve())
    assert (tmp_path / "ws").is_dir()
    assert os.environ["JUPYTER_PATH"].split(os.pathsep)[0] == str(server.TEMPLATE_ROOT)
    settings = app.init_settings()
    assert settings["compress_response"] is True
    assert settings["disable_check_xsrf"] is True
    handlers = app.init_handlers()
    pattern, handler, kwargs = handlers[0]
    assert handler is server.HomeRedirectHandler
    assert kwargs == {"target": "/voila/render/00_beranda.ipynb"}
    assert not any("/api/contents" in h[0] and "voila" not in h[0] for h in handlers)
    assert not any(h[0].rstrip("/").endswith("/lab") for h in handlers)


def test_missing_notebooks_folder(tmp_path):
    with pytest.raises(FileNotFoundError):
        server.make_app(options(tmp_path / "tidak-ada", tmp_path))


def test_default_notebooks_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("DESMIGRATIF_NOTEBOOKS", raising=False)
    assert server.default_notebooks_dir() == Path(server.__file__).resolve().parents[2] / (
        "notebooks"
    )
    monkeypatch.setenv("DESMIGRATIF_NOTEBOOKS", str(tmp_path))
    assert server.default_notebooks_dir() == tmp_path.resolve()


def test_options_validate(tmp_path):
    with pytest.raises(ValueError):
        ServerOptions(notebooks=tmp_path, pool=-1)
    with pytest.raises(ValueError):
        ServerOptions(notebooks=tmp_path, port=0)


def test_use_template_root_is_idempotent(monkeypatch):
    monkeypatch.setenv("JUPYTER_PATH", "/x")
    server.use_template_root()
    server.use_template_root()
    assert os.environ["JUPYTER_PATH"] == os.pathsep.join([str(server.TEMPLATE_ROOT), "/x"])


# --------------------------------------------------------------------------- template


TEMPLATE = server.TEMPLATE_ROOT / "voila" / "templates" / "desmigratif"


def test_template_files():
    assert json.loads((TEMPLATE / "conf.json").read_text())["base_template"] == "lab"
    for name in ("index.html.j2", "page.html", "static/desmigratif.css"):
        text = (TEMPLATE / name).read_text()
        assert "https://" not in text and "//cdn" not in text, name
    assert 'lang="id"' in (TEMPLATE / "page.html").read_text()
    assert 'name="viewport"' in (TEMPLATE / "page.html").read_text()


# --------------------------------------------------------------------------- cell timeout


def test_cell_timeout_plain_cells():
    assert CellTimeout(60)({"source": "x = 1"}) == 60
    assert CellTimeout(0)({"source": "x = 1"}) is None
    assert CellTimeout(None)({"source": "x = 1"}) is None
    assert CellTimeout(-1)({"source": "x = 1"}) is None


class NotebookRenderer:  # same qualified name as Voila's renderer
    def __init__(self, timeout):
        self.timeout = timeout

    async def generate_content_hybrid(self, cell):
        return self.timeout(cell)


async def _visitor_request(timeout, cell):
    return timeout(cell)


def test_cell_timeout_exempts_cells_of_a_preheated_kernel_before_its_visitor():
    timeout = CellTimeout(60)
    cell = {"source": "from x import app\napp()"}

    async def run():
        in_pool = await asyncio.create_task(NotebookRenderer(timeout).generate_content_hybrid(cell))
        visitor = await asyncio.create_task(_visitor_request(timeout, cell))
        return in_pool, visitor

    # in a thread of its own: another test (Playwright's sync API) may own this thread's loop
    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(asyncio.run, run()).result() == (None, 60)


def test_cell_timeout_falls_back_to_source_markers(monkeypatch):
    monkeypatch.setattr(server_config, "_CAN_TELL_POOL", False)
    timeout = CellTimeout(60)
    assert timeout({"source": "kode = query_params().get('kode')"}) is None
    assert timeout({"source": ["q = get_query_string(", ")"]}) is None
    assert timeout({"source": "x = 1"}) == 60


def test_voila_still_has_the_renderer_method_we_rely_on():
    assert server_config._CAN_TELL_POOL
    from voila.notebook_renderer import NotebookRenderer as Real

    assert Real.generate_content_hybrid.__qualname__ == server_config._POOL_RENDER_QUALNAME


# --------------------------------------------------------------------------- banner

Addr = namedtuple("Addr", "family address netmask broadcast ptp")


def test_participant_urls_skip_loopback_and_prefer_lan(monkeypatch):
    import psutil

    monkeypatch.setattr(
        psutil,
        "net_if_addrs",
        lambda: {
            "lo": [Addr(socket.AF_INET, "127.0.0.1", None, None, None)],
            "docker0": [Addr(socket.AF_INET, "172.17.0.1", None, None, None)],
            "wlan0": [
                Addr(socket.AF_INET, "192.168.1.20", None, None, None),
                Addr(socket.AF_INET6, "fe80::1", None, None, None),
            ],
        },
    )
    assert server.participant_urls("0.0.0.0", 8866) == [
        "http://192.168.1.20:8866/",
        "http://172.17.0.1:8866/",
    ]


def test_participant_urls_loopback_when_alone(monkeypatch):
    import psutil

    monkeypatch.setattr(
        psutil, "net_if_addrs",
        lambda: {"lo": [Addr(socket.AF_INET, "127.0.0.1", None, None, None)]},
    )  # fmt: skip
    assert server.participant_urls("0.0.0.0", 8866) == ["http://127.0.0.1:8866/"]
    assert server.participant_urls("10.0.0.5", 80) == ["http://10.0.0.5:80/"]


def test_banner_names_addresses_qr_and_saved_work(notebooks, tmp_path):
    opts = options(notebooks, tmp_path, pool=4, app_pool=1)
    text = server.banner(opts, ["http://192.168.1.20:8866/", "http://10.0.0.2:8866/"])
    assert "http://192.168.1.20:8866/" in text and "http://10.0.0.2:8866/" in text
    assert "desmigratif.sqlite3" in text and str(opts.workspace) in text
    assert "Peserta" in text
    assert "1  00_beranda.ipynb  (siap 4)" in text
    assert "5  1_layanan_migrasi/belajar_migrasi.ipynb  (siap 1)" in text
    assert f"Kapasitas (capacity): {opts.max_participants} peserta" in text
    assert text.count("\n") > 20  # the QR code's rows
    live = server.banner(opts, ["http://10.0.0.2:8866/"], pool_state=lambda name: (1, 3),
                         log_file=tmp_path / "ws" / "server.log")  # fmt: skip
    assert "(siap 1/3)" in live and str(tmp_path / "ws" / "server.log") in live


def test_qr_text_decodes_to_something_square():
    rows = [r for r in server.qr_text("http://192.168.1.20:8866/").splitlines() if r]
    assert len(rows) > 10
    assert len({len(r) for r in rows}) == 1


# --------------------------------------------------------------------------- CLI


def test_cli_defaults(tmp_path, monkeypatch):
    monkeypatch.setenv("DESMIGRATIF_NOTEBOOKS", str(tmp_path))
    monkeypatch.delenv("DESMIGRATIF_WORKSPACE", raising=False)
    args = cli.build_parser().parse_args(["serve"])
    opts = cli.options_from_args(args)
    assert opts.host == "0.0.0.0" and opts.port == 8866
    assert opts.workspace == Path("workspace").resolve()
    assert opts.notebooks == tmp_path.resolve()
    assert opts.pool == server.DEFAULT_POOL and opts.app_pool == server.DEFAULT_APP_POOL
    assert opts.cell_timeout == 60


def test_cli_options(tmp_path):
    args = cli.build_parser().parse_args(
        ["serve", "--host", "127.0.0.1", "--port", "9001", "--workspace", str(tmp_path / "w"),
         "--notebooks", str(tmp_path), "--pool", "3", "--app-pool", "0",
         "--cell-timeout", "3", "--cull-idle", "5"]
    )  # fmt: skip
    opts = cli.options_from_args(args)
    assert (opts.host, opts.port, opts.pool, opts.app_pool) == ("127.0.0.1", 9001, 3, 0)
    assert opts.cell_timeout == 3 and opts.cull_idle_minutes == 5
    assert opts.workspace == (tmp_path / "w").resolve()


def test_cli_rejects_negative_pool(capsys):
    with pytest.raises(SystemExit):
        cli.main(["serve", "--pool", "-2"])


def test_cli_without_command_prints_help(capsys):
    assert cli.main([]) == 2
    assert "serve" in capsys.readouterr().out


def test_cli_missing_notebooks(tmp_path, capsys):
    assert cli.main(["serve", "--notebooks", str(tmp_path / "x"), "--workspace",
                     str(tmp_path / "w")]) == 1  # fmt: skip
    assert "notebooks" in capsys.readouterr().err
