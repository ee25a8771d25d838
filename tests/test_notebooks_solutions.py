"""Every teaching notebook runs with the reference solutions filled in, in strict mode.

Learner notebooks ship with blank exercises (``jawaban = ...``), so nbval only proves they run.
This test proves the other half: put each exercise's reference solution (``contoh`` in the
registry of :mod:`desmigratif_kit.core.latihan`) in place of the blank, run the notebook with
``DESMIGRATIF_CEK_STRICT=1`` (a wrong answer makes ``cek`` raise), and expect no error. It
covers every notebook under ``notebooks/`` with a ``cek("X.Y", jawaban)`` cell, so the
notebooks of later pillars are checked as soon as they exist.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbclient
import nbformat
import pytest

from desmigratif_kit.core.latihan import REGISTRY, _load_pillars

NOTEBOOKS = Path(__file__).parents[1] / "notebooks"
CEK = re.compile(r"""\bcek\(\s*["'](?P<nomor>\d+\.\d+)["']\s*,\s*jawaban\s*\)""")
BLANK = re.compile(r"^(?P<indent>\s*)jawaban\s*=\s*\.\.\.\s*(#.*)?$", re.MULTILINE)


def exercise_numbers(path: Path) -> list[str]:
    """The exercise numbers of the ``cek("X.Y", jawaban)`` calls in a notebook's code cells."""
    nb = nbformat.read(path, as_version=4)
    return [
        match["nomor"]
        for cell in nb.cells
        if cell.cell_type == "code"
        for match in CEK.finditer(cell.source)
    ]


def teaching_notebooks() -> list[Path]:
    return [
        path
        for path in sorted(NOTEBOOKS.rglob("*.ipynb"))
        if ".ipynb_checkpoints" not in path.parts and exercise_numbers(path)
    ]


def literal(value) -> str:
    """Python source for a reference solution (sets sorted, so the cell reads the same)."""
    if isinstance(value, set | frozenset):
        inner = ", ".join(repr(item) for item in sorted(value, key=repr))
        return "{" + inner + "}" if value else "set()"
    return repr(value)


def fill_solutions(nb) -> list[str]:
    """Replace each blank ``jawaban = ...`` by the solution of the ``cek`` that follows it.

    The blank is the nearest code cell at or before the ``cek`` cell. Returns the exercise
    numbers filled; raises when an exercise has no blank or no registered solution.
    """
    _load_pillars()
    filled = []
    code_cells = [cell for cell in nb.cells if cell.cell_type == "code"]
    for index, cell in enumerate(code_cells):
        for match in CEK.finditer(cell.source):
            nomor = match["nomor"]
            assert nomor in REGISTRY, f"Latihan {nomor} has no checks in desmigratif_kit"
            solution = literal(REGISTRY[nomor].contoh)
            for earlier in reversed(code_cells[: index + 1]):
                if BLANK.search(earlier.source):
                    earlier.source = BLANK.sub(
                        lambda m, s=solution: f"{m['indent']}jawaban = {s}", earlier.source, count=1
                    )
                    filled.append(nomor)
                    break
            else:
                raise AssertionError(f"Latihan {nomor}: no `jawaban = ...` cell before its cek")
    return filled


NOTEBOOK_PATHS = teaching_notebooks()


def test_the_teaching_notebooks_are_found():
    names = {path.name for path in NOTEBOOK_PATHS}
    assert "01_migrasi_aman.ipynb" in names


def test_every_pillar_exercise_is_in_a_notebook():
    _load_pillars()
    in_notebooks = {nomor for path in NOTEBOOK_PATHS for nomor in exercise_numbers(path)}
    registered = {
        nomor
        for nomor, item in REGISTRY.items()
        if item.periksa.__module__.endswith(".latihan")
        and item.periksa.__module__ != "desmigratif_kit.core.latihan"
    }
    assert registered <= in_notebooks, f"exercises without a notebook: {registered - in_notebooks}"


@pytest.mark.parametrize(
    "path", NOTEBOOK_PATHS, ids=[str(p.relative_to(NOTEBOOKS)) for p in NOTEBOOK_PATHS]
)
def test_notebook_passes_with_reference_solutions(path, monkeypatch, tmp_path):
    nb = nbformat.read(path, as_version=4)
    filled = fill_solutions(nb)
    assert filled, f"{path.name} has cek cells but none could be filled"
    assert len(filled) == len(set(filled)), f"an exercise appears twice: {filled}"
    monkeypatch.setenv("DESMIGRATIF_CEK_STRICT", "1")  # the kernel inherits it
    monkeypatch.setenv("DESMIGRATIF_WORKSPACE", str(tmp_path))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    client = nbclient.NotebookClient(
        nb,
        kernel_name="python3",
        timeout=120,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()  # raises CellExecutionError on any error, e.g. a failing cek
    results = [
        output.get("data", {}).get("text/plain", "")
        for cell in nb.cells
        if cell.cell_type == "code" and CEK.search(cell.source)
        for output in cell.get("outputs", [])
    ]
    assert sum("benar!" in text for text in results) == len(filled), results


def test_fill_solutions_replaces_only_the_blank():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("x = 1\njawaban = ...  # isi di sini"),
        nbformat.v4.new_markdown_cell('cek("1.5", jawaban)'),
        nbformat.v4.new_code_cell('cek("1.5", jawaban)'),
    ]
    assert fill_solutions(nb) == ["1.5"]
    assert nb.cells[0].source == f"x = 1\njawaban = {literal(REGISTRY['1.5'].contoh)}"
    assert literal({"b", "a"}) == "{'a', 'b'}" and literal(set()) == "set()"
