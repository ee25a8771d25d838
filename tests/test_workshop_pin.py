"""The facilitator PIN from the server's side: made at start (or given with --pin), printed in
the banner, handed to the kernels in $DESMIGRATIF_PIN (the server imports only core)."""

from __future__ import annotations

import os
import signal

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from desmigratif_kit import server
from desmigratif_kit.core import pin
from desmigratif_kit.server import ServerOptions, cli


def test_new_pins_are_six_random_digits():
    pins = {pin.new_pin() for _ in range(200)}
    assert all(len(p) == 6 and p.isdigit() for p in pins)
    assert len(pins) > 190  # 200 draws from a million rarely repeat


def test_pin_matching_is_strict():
    assert pin.pin_matches("482913", "482913")
    assert pin.pin_matches(" 482-913 ", "482913")
    assert not pin.pin_matches("482914", "482913")
    assert not pin.pin_matches("", "482913")
    assert not pin.pin_matches("482913", None)
    with pytest.raises(ValueError):
        pin.normalize_pin("12")


@pytest.fixture
def notebooks(tmp_path):
    root = tmp_path / "notebooks"
    root.mkdir()
    nb = new_notebook(cells=[new_code_cell("1 + 1")])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, str(root / "00_beranda.ipynb"))
    return root


@pytest.fixture
def isolated_process(monkeypatch):
    for name in ("JUPYTER_PATH", "DESMIGRATIF_WORKSPACE", "VOILA_APP_IP", pin.ENV_PIN):
        monkeypatch.setenv(name, "")
    previous = signal.getsignal(signal.SIGTERM)
    yield
    signal.signal(signal.SIGTERM, previous)


def test_the_server_makes_a_pin_and_hands_it_to_its_kernels(notebooks, tmp_path, isolated_process):
    options = ServerOptions(notebooks=notebooks, workspace=tmp_path / "ws", pool=0, app_pool=0)
    assert options.pin is None
    server.make_app(options)
    assert options.pin and len(options.pin) == 6 and options.pin.isdigit()
    assert os.environ[pin.ENV_PIN] == options.pin
    assert pin.configured_pin() == options.pin
    banner = server.banner(options, ["http://192.168.1.20:8866/"])
    assert (
        f"PIN fasilitator untuk Papan Hasil (facilitator PIN, results board): {options.pin}"
        in banner
    )


def test_a_pin_given_on_the_command_line_is_used(notebooks, tmp_path, isolated_process):
    args = cli.build_parser().parse_args(
        [
            "serve",
            "--notebooks",
            str(notebooks),
            "--workspace",
            str(tmp_path / "ws"),
            "--pin",
            "2017 0911",
        ]
    )
    options = cli.options_from_args(args)
    assert options.pin == "20170911"
    server.make_app(options)
    assert os.environ[pin.ENV_PIN] == "20170911"


def test_a_bad_pin_on_the_command_line_is_refused(tmp_path, capsys):
    with pytest.raises(SystemExit):
        cli.main(["serve", "--workspace", str(tmp_path), "--pin", "12ab"])
    assert "4-12 digits" in capsys.readouterr().err
