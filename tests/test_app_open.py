"""The app notebooks' contract: an app built before its visitor, then ``app.open(kode)``, ends
exactly like one built with ``kode`` (what a preheated kernel relies on), for every app."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import ipywidgets as widgets
import nbformat
import pytest

from desmigratif_kit.core import i18n
from desmigratif_kit.core.store import Store
from desmigratif_kit.migration.apps.cek_kesiapan import CekKesiapanApp
from desmigratif_kit.migration.apps.register_desa import RegisterDesaApp
from desmigratif_kit.migration.apps.waspada_calo import WaspadaCaloApp
from desmigratif_kit.workshop.apps.beranda import HomeApp

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
SAVED = {
    "cek_kesiapan": {
        "form": {
            "nama": "Ratna",
            "tanggal_lahir": "02/04/1999",
            "tanggal_berangkat": "01/03/2027",
            "dokumen": ["paspor"],
            "bpjs": True,
        }
    },  # fmt: skip
    "waspada_calo": {"kartu": 2, "tanda": {}, "diperiksa": []},
    "register_desa": {"records": []},
}


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "kerja.sqlite3")


def snapshot(widget) -> object:
    """What a visitor sees of a widget tree (model ids left out)."""
    state = {"type": type(widget).__name__}
    for name in ("value", "description", "options", "disabled", "placeholder"):
        if hasattr(widget, name):
            value = getattr(widget, name)
            if isinstance(value, (bytes, memoryview)):  # an Image: its picture
                value = hashlib.sha256(bytes(value)).hexdigest()
            elif not isinstance(value, (str, int, float, bool, type(None))):
                value = json.dumps(value, default=str, sort_keys=True)
            state[name] = value
    layout = getattr(widget, "layout", None)
    if layout is not None:
        state["display"] = layout.display
    if isinstance(widget, widgets.Box):
        state["children"] = [snapshot(child) for child in widget.children]
    return state


@pytest.mark.parametrize(
    ("cls", "app_id"),
    [
        (HomeApp, None),
        (CekKesiapanApp, "cek_kesiapan"),
        (WaspadaCaloApp, "waspada_calo"),
        (RegisterDesaApp, "register_desa"),
    ],  # fmt: skip
)
def test_open_after_building_equals_building_with_the_code(store, cls, app_id):
    kode = store.register("kepala_desa", "Sumardi", "53.08.12.2014").code
    if app_id:
        store.save(kode, app_id, SAVED[app_id])
    direct = cls(kode=kode, store=store)
    later = cls(store=store)
    later.open(kode)
    assert later.participant == direct.participant
    assert snapshot(later.container) == snapshot(direct.container)


def test_open_without_a_code_leaves_the_app_as_built(store):
    app = CekKesiapanApp(store=store)
    before = snapshot(app.container)
    app.open(None)
    app.open("")
    assert app.participant is None
    assert snapshot(app.container) == before


def test_open_with_an_unknown_code_says_so(store):
    later = CekKesiapanApp(store=store)
    later.open("ZZZ222")
    assert later.participant is None
    assert "ZZZ222" in later.message.value and "dk-msg-warn" in later.message.value


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("**/app_*.ipynb")) + [
    NOTEBOOKS / "00_beranda.ipynb"])  # fmt: skip
def test_app_notebooks_build_before_the_visitor_and_open_after(path):
    """Three cells: imports and preload(); build and show the app; open it for the visitor
    (the only cell that waits for the request in a preheated kernel)."""
    cells = [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    assert len(cells) == 3, path
    assert "preload(" in cells[0] and "query_params" in cells[0]
    assert "query_params" not in cells[1] and cells[1].strip().endswith("app")
    assert cells[2].strip() == 'app.open(query_params().get("kode"))'
