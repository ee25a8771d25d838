"""The kit's data files and their checksums; the front door to tables and area codes.

Files live under ``data/`` next to the package (``$DESMIGRATIF_DATA_DIR`` overrides it), so the
same paths work from JupyterLab, Voila and pytest whatever the working directory.

Reading uploaded tables lives in :mod:`desmigratif_kit.core.tables` and the Kemendagri area
codes in :mod:`desmigratif_kit.core.wilayah`; both are re-exported here, so ``data.read_table``,
``data.Schema`` and ``data.wilayah_name`` keep working.

>>> data_path("reference/kode_wilayah_kemendagri_2025.csv").name
'kode_wilayah_kemendagri_2025.csv'
>>> wilayah_name("32")
'Jawa Barat'
"""

from __future__ import annotations

__all__ = [
    "CHECKSUMS_FILE",
    "DATA_DIR",
    "KINDS",
    "Column",
    "PackedStrings",
    "Problem",
    "Schema",
    "TableError",
    "WILAYAH_FILE",
    "Wilayah",
    "convert_cell",
    "data_path",
    "file_sha256",
    "kode_level",
    "kode_parent",
    "load_wilayah",
    "normalize_kode",
    "read_table",
    "registered_files",
    "search_desa",
    "update_checksums",
    "verify_checksums",
    "wilayah_children",
    "wilayah_name",
    "wilayah_path",
]

from desmigratif_kit.core.files import (
    CHECKSUMS_FILE,
    DATA_DIR,
    WILAYAH_FILE,
    data_path,
    file_sha256,
    registered_files,
    update_checksums,
    verify_checksums,
)
from desmigratif_kit.core.tables import (
    KINDS,
    Column,
    Problem,
    Schema,
    TableError,
    convert_cell,
    read_table,
)
from desmigratif_kit.core.wilayah import (
    PackedStrings,
    Wilayah,
    kode_level,
    kode_parent,
    load_wilayah,
    normalize_kode,
    search_desa,
    wilayah_children,
    wilayah_name,
    wilayah_path,
)
