"""Strip what running a notebook leaves behind: execution counts, outputs and widget state.
Cells whose output nbval checks (``# NBVAL_CHECK_OUTPUT``) keep their output and a count
(numbered 1, 2, ...): nbval refuses a reference output without an execution count ("Unrun
reference cell has outputs").

    .venv/bin/python scripts/clean_notebooks.py            # every notebook under notebooks/
    .venv/bin/python scripts/clean_notebooks.py --check    # exit 1 and name what is not clean
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
CHECKED = "NBVAL_CHECK_OUTPUT"


def problems(nb: dict) -> list[str]:
    """What is not clean in a notebook (as loaded from JSON)."""
    found = []
    for i, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") != "code":
            continue
        checked = CHECKED in "".join(cell.get("source", []))
        if not checked and cell.get("execution_count") is not None:
            found.append(f"cell {i}: execution count")
        if cell.get("outputs") and not checked:
            found.append(f"cell {i}: outputs not checked by nbval")
    if "widgets" in nb.get("metadata", {}):
        found.append("widget state in metadata")
    return found


def clean(nb: dict) -> dict:
    """The notebook without widget state, unchecked outputs and their counts."""
    count = 0
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        if CHECKED in "".join(cell.get("source", [])):
            count += 1
            cell["execution_count"] = count
            for out in cell.get("outputs", []):
                if "execution_count" in out:
                    out["execution_count"] = count
        else:
            cell["execution_count"] = None
            cell["outputs"] = []
    nb.get("metadata", {}).pop("widgets", None)
    return nb


def main(argv: list[str]) -> int:
    bad = 0
    for path in sorted(NOTEBOOKS.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in path.parts:
            continue
        nb = json.loads(path.read_text(encoding="utf-8"))
        found = problems(nb)
        if not found:
            continue
        if "--check" in argv:
            bad += 1
            print(f"{path.relative_to(NOTEBOOKS)}: {'; '.join(found)}")
        else:
            text = json.dumps(clean(nb), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
            path.write_text(text, encoding="utf-8")
            print(f"cleaned {path.relative_to(NOTEBOOKS)}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
