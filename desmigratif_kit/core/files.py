"""Where the kit's data files are, and the checksum registry that proves they are unchanged.

Files live under ``data/`` next to the package (``$DESMIGRATIF_DATA_DIR`` overrides it), so the
same paths work from JupyterLab, Voila and pytest whatever the working directory.

>>> data_path("reference/kode_wilayah_kemendagri_2025.csv").name
'kode_wilayah_kemendagri_2025.csv'
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path


def _default_data_dir() -> Path:
    override = os.environ.get("DESMIGRATIF_DATA_DIR")
    if override:
        return Path(override).expanduser().resolve()
    return Path(__file__).resolve().parents[2] / "data"


DATA_DIR = _default_data_dir()
CHECKSUMS_FILE = "checksums.json"
REGISTERED_DIRS = ("reference", "sample")
WILAYAH_FILE = "reference/kode_wilayah_kemendagri_2025.csv"


def data_path(rel: str | os.PathLike) -> Path:
    """The path of ``rel`` inside :data:`DATA_DIR`; absolute paths and ``..`` are refused.

    >>> data_path("sample/x.csv").relative_to(DATA_DIR).as_posix()
    'sample/x.csv'
    >>> data_path("../secret.txt")
    Traceback (most recent call last):
    ...
    ValueError: data_path needs a path inside data/, not '../secret.txt'
    """
    path = Path(rel)
    if path.is_absolute() or ".." in path.parts:
        raise ValueError(f"data_path needs a path inside data/, not {str(rel)!r}")
    return DATA_DIR / path


# --- checksums -----------------------------------------------------------------------------


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def registered_files() -> list[str]:
    """Relative paths (``/``-separated) of every file under ``data/reference`` and
    ``data/sample``, hidden files excepted: the files the checksum registry must cover."""
    found = []
    for folder in REGISTERED_DIRS:
        root = data_path(folder)
        if root.is_dir():
            found += [
                path.relative_to(DATA_DIR).as_posix()
                for path in root.rglob("*")
                if path.is_file() and not any(part.startswith(".") for part in path.parts)
            ]
    return sorted(found)


def verify_checksums() -> list[str]:
    """Paths whose file differs from ``data/checksums.json``, is missing, or is not registered.

    An empty list means every data file is exactly the one recorded.

    >>> verify_checksums()
    []
    """
    recorded = json.loads(data_path(CHECKSUMS_FILE).read_text(encoding="utf-8"))
    present = set(registered_files())
    wrong = {
        rel
        for rel, digest in recorded.items()
        if rel not in present or file_sha256(data_path(rel)) != digest
    }
    return sorted(wrong | (present - recorded.keys()))


def update_checksums() -> dict[str, str]:
    """Record the SHA-256 of every registered file in ``data/checksums.json`` and return it.

    Run by hand after a deliberate change of data, then commit the file with the data.
    """
    checksums = {rel: file_sha256(data_path(rel)) for rel in registered_files()}
    text = json.dumps(checksums, indent=2, sort_keys=True) + "\n"
    data_path(CHECKSUMS_FILE).write_text(text, encoding="utf-8")
    return checksums
