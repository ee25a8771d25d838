"""`desmigratif-kit backup`: a consistent copy of the saved work, also while saving goes on."""

import subprocess
import sys
import time

import pytest

from desmigratif_kit.core.store import Store
from desmigratif_kit.server.cli import build_parser, main, options_from_args


def test_backup_copies_everything_and_never_overwrites(tmp_path, capsys):
    workspace = tmp_path / "workspace"
    store = Store(workspace / "desmigratif.sqlite3")
    kode = store.register("kepala_desa", "Sumardi", "33.29.15.2007").code
    store.save(kode, "register_desa", {"baris": 3})

    assert main(["backup", "--workspace", str(workspace), str(tmp_path / "c.sqlite3")]) == 0
    copy = Store(tmp_path / "c.sqlite3")
    assert copy.participant(kode).name == "Sumardi"
    assert copy.load(kode, "register_desa").data == {"baris": 3}

    assert main(["backup", "--workspace", str(workspace), str(tmp_path / "c.sqlite3")]) == 1
    assert "tidak ditimpa" in capsys.readouterr().err


def test_backup_into_a_folder_gets_a_dated_name(tmp_path, capsys):
    workspace = tmp_path / "workspace"
    Store(workspace / "desmigratif.sqlite3").register("fasilitator", "Fasilitator")
    assert main(["backup", "--workspace", str(workspace), str(tmp_path / "cadangan")]) == 0
    (made,) = (tmp_path / "cadangan").glob("desmigratif-cadangan-*.sqlite3")
    assert str(made) in capsys.readouterr().out


def test_backup_without_saved_work_says_where_it_looked(tmp_path, capsys):
    assert (
        main(["backup", "--workspace", str(tmp_path / "kosong"), str(tmp_path / "x.sqlite3")]) == 1
    )
    assert "kosong" in capsys.readouterr().err


def test_backup_while_another_process_saves(tmp_path):
    workspace = tmp_path / "workspace"
    store = Store(workspace / "desmigratif.sqlite3")
    kode = store.register("kepala_desa", "Penyimpan", "33.29.15.2007").code
    saver = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from desmigratif_kit.core.store import Store\n"
         f"s = Store(sys.argv[1])\nfor i in range(2000): s.save('{kode}', 'uji', {{'i': i}})",
         str(workspace / "desmigratif.sqlite3")]
    )  # fmt: skip
    copies = []
    while saver.poll() is None and len(copies) < 200:
        copies.append(store.backup(tmp_path / f"b{len(copies)}.sqlite3"))
        time.sleep(0.005)
    assert saver.wait() == 0
    lengths = []
    for path in copies:  # each copy is one consistent moment: versions 1..n without gaps
        history = Store(path).history(kode, "uji")
        assert [w.version for w in history] == list(range(1, len(history) + 1))
        assert [w.data["i"] for w in history] == list(range(len(history)))
        lengths.append(len(history))
    assert any(0 < n < 2000 for n in lengths), f"no copy taken while saving went on: {lengths}"


def _store_named(folder, name):
    Store(folder / "desmigratif.sqlite3").register("fasilitator", name)


@pytest.mark.parametrize("given", ["arg", "env", "none"])
def test_workspace_precedence_is_the_same_for_serve_and_backup(tmp_path, monkeypatch, given):
    """``--workspace`` > ``$DESMIGRATIF_WORKSPACE`` > ``./workspace``, for both commands."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DESMIGRATIF_NOTEBOOKS", str(tmp_path))
    folders = {"arg": tmp_path / "dari-opsi", "env": tmp_path / "dari-env",
               "none": tmp_path / "workspace"}  # fmt: skip
    for key, folder in folders.items():
        _store_named(folder, f"Peserta {key}")
    argv = ["--workspace", str(folders["arg"])] if given == "arg" else []
    if given in ("arg", "env"):
        monkeypatch.setenv("DESMIGRATIF_WORKSPACE", str(folders["env"]))
    else:
        monkeypatch.delenv("DESMIGRATIF_WORKSPACE", raising=False)

    options = options_from_args(build_parser().parse_args(["serve", *argv]))
    assert options.workspace == folders[given].resolve()

    assert main(["backup", *argv, str(tmp_path / f"salinan-{given}.sqlite3")]) == 0
    (participant,) = Store(tmp_path / f"salinan-{given}.sqlite3").participants()
    assert participant.name == f"Peserta {given}"


def test_the_console_script_points_at_the_cli():
    """`desmigratif-kit` (README: make workshop) resolves to a real function."""
    import importlib
    import tomllib
    from pathlib import Path

    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    target = pyproject["project"]["scripts"]["desmigratif-kit"]
    module, _, name = target.partition(":")
    assert getattr(importlib.import_module(module), name) is main


def test_help_shows_defaults_but_not_for_on_off_flags(capsys):
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    text = capsys.readouterr().out
    assert "(default: True)" not in text and "(default: False)" not in text
    assert "(default: 8866)" in text and "(default: 20)" in text  # the others keep theirs
