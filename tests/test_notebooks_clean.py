"""Notebooks are committed clean: no widget state, outputs (with the execution count nbval needs)
only where nbval checks them (``scripts/clean_notebooks.py`` cleans them)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location(
    "clean_notebooks", REPO / "scripts" / "clean_notebooks.py"
)
clean_notebooks = importlib.util.module_from_spec(spec)
spec.loader.exec_module(clean_notebooks)
NOTEBOOKS = sorted(
    p for p in (REPO / "notebooks").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
)


@pytest.mark.parametrize(
    "path", NOTEBOOKS, ids=lambda p: p.relative_to(REPO / "notebooks").as_posix()
)
def test_notebook_is_committed_clean(path):
    found = clean_notebooks.problems(json.loads(path.read_text(encoding="utf-8")))
    assert found == [], f"{path.name}: {found}; run scripts/clean_notebooks.py"


def test_the_check_finds_what_running_leaves_behind():
    dirty = {"metadata": {"widgets": {}}, "cells": [
        {"cell_type": "code", "execution_count": 3, "source": ["1 + 1"],
         "outputs": [{"output_type": "execute_result", "execution_count": 3}]},
        {"cell_type": "code", "execution_count": None, "source": ["# NBVAL_CHECK_OUTPUT\n", "2"],
         "outputs": [{"output_type": "execute_result", "execution_count": 4}]},
    ]}  # fmt: skip
    assert len(clean_notebooks.problems(dirty)) == 3  # count, unchecked output, widgets
    cleaned = clean_notebooks.clean(dirty)
    assert clean_notebooks.problems(cleaned) == []
    assert cleaned["cells"][0]["outputs"] == [] and cleaned["cells"][0]["execution_count"] is None
    assert cleaned["cells"][1]["execution_count"] == 1  # nbval needs it on a checked cell
