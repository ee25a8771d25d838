"""The package layout's rules, read from every module's imports with ``ast``.

One package per pillar and a core that knows no pillar (docs/ARCHITECTURE.md):

- ``core`` imports no pillar, no ``workshop``, no ``server``;
- a pillar (``migration``, ``business``, ``parenting``, ``cooperative``) imports ``core`` and
  itself, never another pillar, the workshop or the server;
- ``workshop`` may import ``core`` and the pillars, not the server;
- ``server`` imports ``core`` and itself: it builds no app;
- only app modules (inside an ``apps`` package, and ``core/app.py``) import ipywidgets or
  IPython; only chart modules (``charts.py``) import matplotlib;
- no import circles between the kit's modules;
- no module over :data:`MAX_LINES` lines (modules stay around 600 lines: split one that grows
  past that; 650 is the hard stop).

Imports inside functions count too (a lazy import is still a dependency). The checks are plain
functions so that ``test_*_is_caught`` can prove each one fails on a deliberate bad tree.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "desmigratif_kit"
PILLARS = ("migration", "business", "parenting", "cooperative")
ALLOWED = {
    "core": {"core"},
    **{pillar: {"core", pillar} for pillar in PILLARS},
    "workshop": {"core", "workshop", *PILLARS},
    "server": {"core", "server"},
    "": {"server"},  # desmigratif_kit/__init__.py and __main__.py (python -m desmigratif_kit)
}
WIDGET_LIBRARIES = ("ipywidgets", "IPython")
CHART_LIBRARIES = ("matplotlib",)
MAX_LINES = 650


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(root: Path) -> dict[str, Path]:
    """Every module of the kit under ``root`` (the folder that holds ``desmigratif_kit``)."""
    return {
        module_name(path, root): path
        for path in sorted((root / PACKAGE).rglob("*.py"))
        if "__pycache__" not in path.parts
    }


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules ``name`` imports (absolute names; ``from a import b`` gives ``a.b`` when
    that is a module of the kit, else ``a``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in known else target)
    return found


def area(module: str) -> str | None:
    """``core``, a pillar, ``workshop``, ``server``, ``""`` (the package root), or None
    for a module outside the kit."""
    parts = module.split(".")
    if parts[0] != PACKAGE:
        return None
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in ALLOWED) else ""


def is_app_module(module: str) -> bool:
    return ".apps" in module or module == f"{PACKAGE}.core.app"


def is_chart_module(module: str) -> bool:
    return module.rsplit(".", 1)[-1] == "charts"


def graph(root: Path) -> dict[str, set[str]]:
    found = modules(root)
    known = set(found)
    return {name: imports(name, path, known) for name, path in found.items()}


def layer_violations(edges: dict[str, set[str]]) -> list[str]:
    problems = []
    for module, targets in sorted(edges.items()):
        own = area(module)
        if own not in ALLOWED:
            problems.append(f"{module}: not in a known package ({', '.join(ALLOWED)})")
            continue
        for target in sorted(targets):
            other = area(target)
            if other is not None and other != "" and other not in ALLOWED[own]:
                problems.append(
                    f"{module} imports {target}: {own or PACKAGE} may not import {other}"
                )
            top = target.split(".")[0]
            if top in WIDGET_LIBRARIES and not is_app_module(module):
                problems.append(f"{module} imports {target}: only app modules import widgets")
            if top in CHART_LIBRARIES and not is_chart_module(module):
                problems.append(f"{module} imports {target}: only chart modules import matplotlib")
    return problems


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Import circles between the kit's modules (each reported once, from its smallest name)."""
    inside = {module: {t for t in targets if t in edges} for module, targets in edges.items()}
    found: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for target in sorted(inside[module]):
            if state.get(target) == 1:
                circle = stack[stack.index(target) :]
                start = circle.index(min(circle))
                circle = circle[start:] + circle[:start]
                if circle not in found:
                    found.append(circle)
            elif target not in state:
                visit(target)
        stack.pop()
        state[module] = 2

    for module in sorted(inside):
        if module not in state:
            visit(module)
    return found


def long_modules(root: Path) -> list[str]:
    return [
        f"{name}: {count} lines"
        for name, path in modules(root).items()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    ]


# --------------------------------------------------------------------------- the kit itself


def test_every_package_keeps_to_its_imports():
    assert layer_violations(graph(ROOT)) == []


def test_no_import_circles():
    assert cycles(graph(ROOT)) == []


def test_no_module_is_longer_than_the_limit():
    assert long_modules(ROOT) == []


def test_the_pillar_packages_exist_with_their_public_api():
    for pillar in PILLARS:
        init = ROOT / PACKAGE / pillar / "__init__.py"
        assert init.is_file() and ast.get_docstring(ast.parse(init.read_text())), pillar
    from desmigratif_kit.migration import (  # the names the issue promised keep working
        bpjs_contribution_rp,
        check_readiness,
        load_register,
        red_flags,
    )

    assert all(map(callable, (bpjs_contribution_rp, check_readiness, load_register, red_flags)))


# --------------------------------------------------------------------------- the checks work


def write(root: Path, relative: str, text: str = "") -> None:
    path = root / PACKAGE / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    for parent in path.relative_to(root).parents:
        init = root / parent / "__init__.py"
        if parent != Path(".") and not init.exists():
            init.write_text("")
    path.write_text(text)


@pytest.fixture
def tree(tmp_path):
    write(tmp_path, "core/i18n.py", "import json\n")
    write(tmp_path, "migration/rules.py", "from desmigratif_kit.core import i18n\n")
    write(tmp_path, "migration/apps/app_x.py", "import ipywidgets\nfrom ..rules import x\n")
    write(tmp_path, "migration/charts.py", "from matplotlib.figure import Figure\n")
    write(tmp_path, "parenting/rules.py", "from desmigratif_kit.core.i18n import t\n")
    write(tmp_path, "workshop/apps/beranda.py", "from desmigratif_kit import migration\n")
    write(tmp_path, "server/cli.py", "from desmigratif_kit.core import store\n")
    return tmp_path


def test_a_clean_tree_passes(tree):
    edges = graph(tree)
    assert (
        edges["desmigratif_kit.migration.apps.app_x"]
        == {
            "ipywidgets",
            "desmigratif_kit.migration.rules.x",
        }
        or "desmigratif_kit.migration.rules" in edges["desmigratif_kit.migration.apps.app_x"]
    )
    assert layer_violations(edges) == [] and cycles(edges) == [] and long_modules(tree) == []


@pytest.mark.parametrize(
    ("relative", "text", "expected"),
    [
        ("core/data.py", "from desmigratif_kit.migration import rules\n", "core may not import"),
        ("core/store.py", "def f():\n    import desmigratif_kit.workshop\n", "core may not import"),
        ("migration/x.py", "from desmigratif_kit.parenting import rules\n", "may not import"),
        ("parenting/x.py", "from ..workshop import apps\n", "parenting may not import workshop"),
        ("server/x.py", "from desmigratif_kit.migration.apps import app_x\n", "server may not"),
        ("server/y.py", "from desmigratif_kit.workshop.apps import beranda\n", "server may not"),
        ("migration/rules2.py", "import ipywidgets as w\n", "only app modules import widgets"),
        ("core/i18n2.py", "from IPython.display import display\n", "only app modules import"),
        ("parenting/zscore.py", "import matplotlib.pyplot as plt\n", "only chart modules"),
        ("extra/x.py", "", "not in a known package"),
    ],
)
def test_a_bad_import_is_caught(tree, relative, text, expected):
    write(tree, relative, text)
    problems = layer_violations(graph(tree))
    assert any(expected in problem for problem in problems), problems


def test_an_import_circle_is_caught(tree):
    write(tree, "core/a.py", "from desmigratif_kit.core import b\n")
    write(tree, "core/b.py", "def later():\n    from desmigratif_kit.core.a import x\n")
    assert cycles(graph(tree)) == [["desmigratif_kit.core.a", "desmigratif_kit.core.b"]]


def test_a_long_module_is_caught(tree):
    write(tree, "parenting/big.py", "x = 1\n" * (MAX_LINES + 1))
    assert long_modules(tree) == [f"desmigratif_kit.parenting.big: {MAX_LINES + 1} lines"]
