"""Saved work: one SQLite file per workshop, keyed by participant code.

Each participant (village head, agency head, facilitator) registers once and gets a short
code that is easy to read aloud, such as ``ABC-234``. Every app saves the participant's work
as JSON under that code; each save is a new version, older versions are kept, and ``load``
returns the latest. A closed tab, a dead kernel or a restarted server loses nothing.

The file lives in the workspace folder (``$DESMIGRATIF_WORKSPACE`` or ``./workspace/``).
It is opened in WAL mode with a generous busy timeout, and every write is one
``BEGIN IMMEDIATE`` transaction, so the many kernels of a workshop (one process per browser
tab) can save at the same time. All SQL is in the ``_SQL_*`` constants below, so that a
shared database (JupyterHub) can replace SQLite later without touching the apps.

>>> store = Store(":memory:")
>>> p = store.register("kepala_desa", "Yohanes Rangga", village_code="53.10.05.2003")
>>> saved = store.save(p.code, "usaha_produktif", {"harga_per_botol_rp": 25000})
>>> saved.version
1
>>> store.load(format_code(p.code).lower(), "usaha_produktif").data
{'harga_per_botol_rp': 25000}
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from desmigratif_kit.core.participant import (
    CODE_ALPHABET,
    CODE_LENGTH,
    ROLES,
    CodeError,
    DataError,
    Participant,
    SavedWork,
    StoreError,
    StoreInputError,
    UnknownCodeError,
    _check_app,
    _check_name,
    _check_role,
    _check_village,
    _to_json,
    format_code,
    new_code,
    normalize_code,
)

__all__ = [
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "ROLES",
    "SCHEMA_VERSION",
    "CodeError",
    "DataError",
    "Participant",
    "SavedWork",
    "Store",
    "StoreError",
    "StoreInputError",
    "UnknownCodeError",
    "format_code",
    "get_store",
    "new_code",
    "normalize_code",
    "workspace_dir",
]
SCHEMA_VERSION = 1
DB_FILENAME = "desmigratif.sqlite3"
WORKSPACE_ENV = "DESMIGRATIF_WORKSPACE"

BUSY_TIMEOUT_S = 30.0
_LOCK_RETRIES = 5  # on top of the busy timeout, for the rare SQLITE_BUSY it does not cover
_CODE_RETRIES = 20  # a collision needs two equal codes out of 31**6 (~887 million)

T = TypeVar("T")

# --------------------------------------------------------------------------------------
# SQL: all of it, in one place.
# --------------------------------------------------------------------------------------

_SQL_SCHEMA_V1 = (
    """CREATE TABLE IF NOT EXISTS meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS participants (
        code TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        name TEXT NOT NULL,
        village_code TEXT,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS work (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL REFERENCES participants(code),
        app TEXT NOT NULL,
        version INTEGER NOT NULL,
        data TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        UNIQUE (code, app, version)
    )""",
)
# Migrations from version N-1 to N; version 1 is the schema above.
_SQL_MIGRATIONS: dict[int, tuple[str, ...]] = {}

_SQL_GET_SCHEMA_VERSION = "SELECT value FROM meta WHERE key = 'schema_version'"
_SQL_SET_SCHEMA_VERSION = (
    "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)
_SQL_INSERT_PARTICIPANT = (
    "INSERT INTO participants (code, role, name, village_code, created_at) VALUES (?, ?, ?, ?, ?)"
)
_SQL_GET_PARTICIPANT = (
    "SELECT code, role, name, village_code, created_at FROM participants WHERE code = ?"
)
_SQL_ALL_PARTICIPANTS = (
    "SELECT code, role, name, village_code, created_at FROM participants ORDER BY created_at, code"
)
_SQL_PARTICIPANT_EXISTS = "SELECT 1 FROM participants WHERE code = ?"
_SQL_NEXT_VERSION = "SELECT COALESCE(MAX(version), 0) + 1 FROM work WHERE code = ? AND app = ?"
_SQL_INSERT_WORK = "INSERT INTO work (code, app, version, data, saved_at) VALUES (?, ?, ?, ?, ?)"
_SQL_LATEST_WORK = (
    "SELECT code, app, data, version, saved_at FROM work "
    "WHERE code = ? AND app = ? ORDER BY version DESC LIMIT 1"
)
_SQL_HISTORY = (
    "SELECT code, app, data, version, saved_at FROM work "
    "WHERE code = ? AND app = ? ORDER BY version"
)
_SQL_HISTORY_IDS = "SELECT id, data FROM work WHERE code = ? AND app = ? ORDER BY version"
_SQL_UPDATE_WORK_DATA = "UPDATE work SET data = ? WHERE id = ?"
_SQL_ALL_LATEST_WORK = """
    SELECT w.code, w.app, w.data, w.version, w.saved_at
    FROM work AS w
    JOIN (SELECT code, app, MAX(version) AS version FROM work
          WHERE (:app IS NULL OR app = :app) GROUP BY code, app) AS latest
      ON w.code = latest.code AND w.app = latest.app AND w.version = latest.version
    ORDER BY w.code, w.app
"""
_SQL_LATEST_WORK_SINCE = """
    SELECT w.code, w.app, w.data, w.version, w.saved_at, w.id
    FROM work AS w
    JOIN (SELECT MAX(id) AS id FROM work WHERE id > ? GROUP BY code, app) AS latest
      ON w.id = latest.id
    ORDER BY w.id
"""


# --------------------------------------------------------------------------------------
# Where the file lives
# --------------------------------------------------------------------------------------


def workspace_dir() -> Path:
    """The workspace folder: ``$DESMIGRATIF_WORKSPACE`` or ``./workspace/``, created if missing."""
    folder = Path(os.environ.get(WORKSPACE_ENV) or "workspace").expanduser()
    folder.mkdir(parents=True, exist_ok=True)
    return folder.resolve()


def _resolve_path(path: str | os.PathLike | None) -> str:
    if path is None:
        return str(workspace_dir() / DB_FILENAME)
    if str(path) == ":memory:":
        return ":memory:"
    target = Path(path).expanduser()
    if target.is_dir():
        target = target / DB_FILENAME
    target.parent.mkdir(parents=True, exist_ok=True)
    return str(target.resolve())


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _is_busy(err: sqlite3.OperationalError) -> bool:
    text = str(err).lower()
    return "locked" in text or "busy" in text


# --------------------------------------------------------------------------------------
# The store
# --------------------------------------------------------------------------------------


class Store:
    """Saved work in one SQLite file (``path``: a file, a folder, ``":memory:"`` or ``None``
    for ``workspace_dir()/desmigratif.sqlite3``).

    Safe across processes (WAL, ``BEGIN IMMEDIATE`` per write, 30 s busy timeout, retries)
    and across threads of one process (one connection behind a lock).

    >>> store = Store(":memory:")
    >>> p = store.register("fasilitator", "  Siti Nurhaliza ")
    >>> p.name, p.role, p.village_code, len(p.code)
    ('Siti Nurhaliza', 'fasilitator', None, 6)
    >>> [store.save(p.code, "koperasi", {"anggota": n}).version for n in (10, 12)]
    [1, 2]
    >>> store.load(p.code, "koperasi").data, store.load(p.code, "lain") is None
    ({'anggota': 12}, True)
    >>> store.register("bupati", "Budi")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.participant.StoreInputError: Peran tidak sah: diharapkan salah satu dari \
kepala_desa, kepala_dinas, fasilitator, diberikan "bupati"
    >>> store.save("ABC-234", "koperasi", {})
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.participant.UnknownCodeError: Kode peserta tidak ditemukan: diharapkan \
kode yang sudah terdaftar di lokakarya ini, diberikan "ABC-234"
    """

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = _resolve_path(path)
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self._pid = 0
        with self._lock:
            self._connection()  # create the file and schema now, so errors show early

    def __repr__(self) -> str:
        return f"Store({self.path!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close this process's connection (it reopens on the next call)."""
        with self._lock:
            if self._conn is not None and self._pid == os.getpid():
                self._conn.close()
            self._conn = None

    def backup(self, destination: str | os.PathLike) -> Path:
        """Copy the whole store to ``destination`` (a new SQLite file), consistently.

        Safe while the workshop server runs and participants save (SQLite's online backup:
        the copy is one consistent moment). A folder as destination gets a dated file name.
        Refuses to overwrite an existing file.

        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> store = Store(folder / "kerja.sqlite3")
        >>> kode = store.register("fasilitator", "Fasilitator Uji").code
        >>> copy = store.backup(folder / "cadangan.sqlite3")
        >>> Store(copy).participant(kode).name
        'Fasilitator Uji'
        >>> store.backup(copy)
        Traceback (most recent call last):
        ...
        FileExistsError: Berkas cadangan sudah ada, tidak ditimpa: ...cadangan.sqlite3
        """
        target = Path(destination)
        if target.is_dir():
            stamp = datetime.now().strftime("%Y-%m-%d_%H%M%S")
            target = target / f"desmigratif-cadangan-{stamp}.sqlite3"
        if target.exists():
            raise FileExistsError(f"Berkas cadangan sudah ada, tidak ditimpa: {target}")
        target.parent.mkdir(parents=True, exist_ok=True)
        if self.path == ":memory:":
            raise StoreError("Penyimpanan di memori tidak dapat dicadangkan ke berkas.")
        # A plain reading connection: in WAL mode it needs no write lock, so a backup neither
        # waits for nor blocks the participants' saves.
        source = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S)
        copy = sqlite3.connect(target)
        try:
            self._retry(lambda: source.backup(copy))
        finally:
            copy.close()
            source.close()
        return target

    # -- connection and transactions ---------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        # One connection per process: a connection must not cross a fork.
        if self._conn is None or self._pid != os.getpid():
            conn = sqlite3.connect(
                self.path,
                timeout=BUSY_TIMEOUT_S,
                isolation_level=None,  # autocommit; transactions are explicit
                check_same_thread=False,  # guarded by self._lock
            )
            try:
                conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
                if self.path != ":memory:":
                    self._retry(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone())
                # FULL: a committed save survives a power cut of the workshop laptop too.
                conn.execute("PRAGMA synchronous = FULL")
                conn.execute("PRAGMA foreign_keys = ON")
                self._conn, self._pid = conn, os.getpid()
                self._transaction(self._ensure_schema)
            except BaseException:
                self._conn = None
                conn.close()
                raise
        return self._conn

    @staticmethod
    def _retry(action: Callable[[], T]) -> T:
        for attempt in range(_LOCK_RETRIES + 1):
            try:
                return action()
            except sqlite3.OperationalError as err:
                if not _is_busy(err):
                    raise
                if attempt == _LOCK_RETRIES:
                    raise StoreError(
                        "Penyimpanan sedang sibuk dan tidak bisa dipakai; coba simpan lagi "
                        f"sebentar lagi ({err})"
                    ) from err
                time.sleep(0.05 * 2**attempt + random.random() * 0.05)
        raise AssertionError("unreachable")  # pragma: no cover

    def _transaction(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``work(conn)`` in one ``BEGIN IMMEDIATE`` transaction, retrying when busy."""

        def attempt() -> T:
            conn = self._conn
            assert conn is not None
            conn.execute("BEGIN IMMEDIATE")
            try:
                result = work(conn)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            return result

        with self._lock:
            self._connection()
            return self._retry(attempt)

    def _query(self, sql: str, params: Any = ()) -> list[tuple]:
        with self._lock:
            conn = self._connection()
            return self._retry(lambda: conn.execute(sql, params).fetchall())

    def _ensure_schema(self, conn: sqlite3.Connection) -> None:
        for sql in _SQL_SCHEMA_V1:
            conn.execute(sql)
        row = conn.execute(_SQL_GET_SCHEMA_VERSION).fetchone()
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"Berkas {self.path} dibuat oleh versi kit yang lebih baru (skema {version}); "
                f"versi ini hanya mengenal skema sampai {SCHEMA_VERSION}. Perbarui kit."
            )
        for target in range(max(version, 1) + 1, SCHEMA_VERSION + 1):
            for sql in _SQL_MIGRATIONS[target]:
                conn.execute(sql)
        if version != SCHEMA_VERSION:
            conn.execute(_SQL_SET_SCHEMA_VERSION, (str(SCHEMA_VERSION),))

    def schema_version(self) -> int:
        """The schema version recorded in the file's ``meta`` table.

        >>> Store(":memory:").schema_version()
        1
        """
        return int(self._query(_SQL_GET_SCHEMA_VERSION)[0][0])

    def journal_mode(self) -> str:
        """SQLite's journal mode for this file (``"wal"``; ``"memory"`` for ``":memory:"``)."""
        return self._query("PRAGMA journal_mode")[0][0]

    # -- participants ------------------------------------------------------------------

    def register(self, role: str, name: str, village_code: str | None = None) -> Participant:
        """Register a participant and hand out a new code."""
        role = _check_role(role)
        name = _check_name(name)
        village_code = _check_village(village_code)
        created_at = _now()

        def insert(conn: sqlite3.Connection) -> str:
            for _ in range(_CODE_RETRIES):
                code = new_code()
                try:
                    conn.execute(
                        _SQL_INSERT_PARTICIPANT, (code, role, name, village_code, created_at)
                    )
                    return code
                except sqlite3.IntegrityError:
                    continue  # the code is taken: draw another
            raise StoreError("Tidak bisa membuat kode peserta baru; coba lagi.")

        code = self._transaction(insert)
        return Participant(code, role, name, village_code, datetime.fromisoformat(created_at))

    def participant(self, code: str) -> Participant | None:
        """The participant with this code (as typed: ``abc 234`` works), or ``None``."""
        rows = self._query(_SQL_GET_PARTICIPANT, (normalize_code(code),))
        return _participant(rows[0]) if rows else None

    def participants(self) -> list[Participant]:
        """Everyone registered, oldest first."""
        return [_participant(row) for row in self._query(_SQL_ALL_PARTICIPANTS)]

    # -- work --------------------------------------------------------------------------

    def save(self, code: str, app: str, data: Mapping[str, Any]) -> SavedWork:
        """Save ``data`` (a dict that JSON can hold) as the next version of this work.

        If the data cannot be saved, nothing is written and the previous version stays.
        The returned ``data`` is what ``load`` will give back (tuples become lists).
        """
        given_code = code
        code = normalize_code(code)
        app = _check_app(app)
        text = _to_json(data)
        saved_at = _now()

        def insert(conn: sqlite3.Connection) -> int:
            if conn.execute(_SQL_PARTICIPANT_EXISTS, (code,)).fetchone() is None:
                raise UnknownCodeError(
                    "store.unknown_code",
                    expected="store.unknown_code.expected",
                    given=given_code,
                    field="store.code.field",
                )
            version = conn.execute(_SQL_NEXT_VERSION, (code, app)).fetchone()[0]
            conn.execute(_SQL_INSERT_WORK, (code, app, version, text, saved_at))
            return version

        version = self._transaction(insert)
        return SavedWork(code, app, json.loads(text), version, datetime.fromisoformat(saved_at))

    def load(self, code: str, app: str) -> SavedWork | None:
        """The latest saved version of this work, or ``None`` if nothing was saved."""
        rows = self._query(_SQL_LATEST_WORK, (normalize_code(code), _check_app(app)))
        return _saved_work(rows[0]) if rows else None

    def history(self, code: str, app: str) -> list[SavedWork]:
        """Every saved version of this work, oldest first."""
        rows = self._query(_SQL_HISTORY, (normalize_code(code), _check_app(app)))
        return [_saved_work(row) for row in rows]

    def rewrite_history(self, code: str, app: str, change: Callable[[Any], Any]) -> int:
        """Replace every saved version of this work by ``change(data)``; return how many
        versions changed.

        For personal data a participant deletes (a worker removed from a register): the
        deleted data must go from the older versions too, not only from the next one. One
        transaction; the old text is overwritten with zeros in the file (SQLite's
        ``secure_delete``) and the write-ahead log is emptied afterwards when no other
        process is reading (a backup made before keeps what it had). ``change`` gets each
        version's data (a dict) and returns the new one; it must not fail half-way through,
        but if it raises, nothing is changed. Versions, their numbers and times stay.

        >>> store = Store(":memory:")
        >>> p = store.register("kepala_desa", "Ani")
        >>> for nik in (["1"], ["1", "2"]):
        ...     _ = store.save(p.code, "register", {"nik": nik})
        >>> store.rewrite_history(p.code, "register", lambda d: {"nik": [n for n in d["nik"]
        ...     if n != "1"]})
        2
        >>> [w.data for w in store.history(p.code, "register")]
        [{'nik': []}, {'nik': ['2']}]
        """
        code = normalize_code(code)
        app = _check_app(app)

        def rewrite(conn: sqlite3.Connection) -> int:
            changed = 0
            for row_id, text in conn.execute(_SQL_HISTORY_IDS, (code, app)).fetchall():
                new_text = _to_json(change(json.loads(text)))
                if new_text != text:
                    conn.execute(_SQL_UPDATE_WORK_DATA, (new_text, row_id))
                    changed += 1
            return changed

        self._query("PRAGMA secure_delete = ON")
        changed = self._transaction(rewrite)
        if changed and self.path != ":memory:":
            self._query("PRAGMA wal_checkpoint(TRUNCATE)")
        return changed

    def all_work(self, app: str | None = None) -> list[SavedWork]:
        """The latest version of every participant's work (of one ``app``, or all),
        ordered by code and app."""
        params = {"app": None if app is None else _check_app(app)}
        return [_saved_work(row) for row in self._query(_SQL_ALL_LATEST_WORK, params)]

    def work_since(self, after: int = 0) -> tuple[int, list[SavedWork]]:
        """What was saved after the save numbered ``after``: ``(last, works)``, ``works`` being
        the latest version of each participant's app among those saves (oldest first) and
        ``last`` the number to pass next time (``after`` when nothing is new).

        ``work_since(0)`` gives what :meth:`all_work` gives; a live view (the facilitator's
        results board) then asks every few seconds for what is new, which costs one indexed
        query and returns nothing most of the time.

        >>> store = Store(":memory:")
        >>> p = store.register("kepala_desa", "Ani", "53.10.05.2003")
        >>> _ = store.save(p.code, "a", {"n": 1}); _ = store.save(p.code, "a", {"n": 2})
        >>> last, works = store.work_since(0)
        >>> [(w.app, w.version, w.data) for w in works], store.work_since(last)
        ([('a', 2, {'n': 2})], (2, []))
        """
        rows = self._query(_SQL_LATEST_WORK_SINCE, (int(after),))
        last = max((row[5] for row in rows), default=int(after))
        return last, [_saved_work(row[:5]) for row in rows]

    def work_table(self, app: str | None = None):
        """``all_work(app)`` joined with the participants, as a pandas DataFrame.

        Columns: ``code`` (shown as ``ABC-234``), ``role``, ``name``, ``village_code``,
        ``app``, ``version``, ``saved_at``, ``data`` (the dict).

        >>> store = Store(":memory:")
        >>> p = store.register("kepala_desa", "Ani", "53.10.05.2003")
        >>> _ = store.save(p.code, "bep", {"harga_rp": 1})
        >>> table = store.work_table()
        >>> list(table.columns)
        ['code', 'role', 'name', 'village_code', 'app', 'version', 'saved_at', 'data']
        >>> table.loc[0, "data"]
        {'harga_rp': 1}
        """
        import pandas as pd

        people = {p.code: p for p in self.participants()}
        rows = []
        for work in self.all_work(app):
            person = people.get(work.code)
            rows.append(
                {
                    "code": format_code(work.code),
                    "role": person.role if person else None,
                    "name": person.name if person else None,
                    "village_code": person.village_code if person else None,
                    "app": work.app,
                    "version": work.version,
                    "saved_at": work.saved_at,
                    "data": work.data,
                }
            )
        columns = ["code", "role", "name", "village_code", "app", "version", "saved_at", "data"]
        return pd.DataFrame(rows, columns=columns)


def _participant(row: tuple) -> Participant:
    code, role, name, village_code, created_at = row
    return Participant(code, role, name, village_code, datetime.fromisoformat(created_at))


def _saved_work(row: tuple) -> SavedWork:
    code, app, data, version, saved_at = row
    return SavedWork(code, app, json.loads(data), version, datetime.fromisoformat(saved_at))


# --------------------------------------------------------------------------------------
# The process-wide default
# --------------------------------------------------------------------------------------

_default_store: Store | None = None
_default_lock = threading.Lock()


def get_store() -> Store:
    """The process-wide default ``Store()`` (reopened if ``$DESMIGRATIF_WORKSPACE`` changed)."""
    global _default_store
    with _default_lock:
        path = _resolve_path(None)
        if _default_store is None or _default_store.path != path:
            _default_store = Store(path)
        return _default_store
