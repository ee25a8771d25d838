"""Tests for desmigratif_kit.core.store: codes, validation, persistence and concurrent saves."""

from __future__ import annotations

import multiprocessing
import sqlite3
from datetime import UTC

import pytest

from desmigratif_kit.core import participant
from desmigratif_kit.core import store as store_mod
from desmigratif_kit.core.store import (
    CODE_ALPHABET,
    ROLES,
    CodeError,
    DataError,
    Store,
    StoreError,
    StoreInputError,
    UnknownCodeError,
    format_code,
    get_store,
    new_code,
    normalize_code,
    workspace_dir,
)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "desmigratif.sqlite3"


@pytest.fixture
def store(db_path):
    with Store(db_path) as s:
        yield s


# ---------------------------------------------------------------------------- codes


def test_alphabet_has_no_confusable_characters():
    assert len(CODE_ALPHABET) == 31
    assert not set("01OIL") & set(CODE_ALPHABET)
    assert len(set(CODE_ALPHABET)) == len(CODE_ALPHABET)


def test_new_codes_use_the_alphabet_and_do_not_repeat():
    codes = [new_code() for _ in range(5000)]
    assert all(len(c) == 6 and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert len(set(codes)) == len(codes)  # 31**6 codes: a repeat here is ~1 in 70
    used = set("".join(codes))
    assert used == set(CODE_ALPHABET)


@pytest.mark.parametrize(
    "typed", ["ABC234", "abc234", "abc 234", "ABC-234", " abc - 234 ", "aBc\u2013234", "ab c2 34"]
)
def test_normalize_code_accepts_case_spaces_and_hyphens(typed):
    assert normalize_code(typed) == "ABC234"
    assert format_code(typed) == "ABC-234"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "ABC23",
        "ABC2345",
        "AB0234",
        "ABO234",
        "AB1234",
        "ABI234",
        "abl234",
        "ABC#34",
        None,
        123456,
    ],
)
def test_normalize_code_rejects_with_expected_and_given(typed):
    with pytest.raises(CodeError) as info:
        normalize_code(typed)
    message = str(info.value)
    assert isinstance(info.value, ValueError)
    assert "diharapkan kode 6 karakter seperti ABC-234" in message
    assert "0, O, 1, I atau L" in message
    assert f"diberikan {typed!r}".replace("'", '"') in message or repr(typed) in message


def test_registered_codes_are_unique_even_when_generator_collides(store, monkeypatch):
    first = store.register("kepala_desa", "Ani")
    drawn = iter([first.code, first.code, "XYZ234"])
    monkeypatch.setattr(store_mod, "new_code", lambda: next(drawn))
    second = store.register("kepala_desa", "Budi")
    assert second.code == "XYZ234"
    monkeypatch.setattr(store_mod, "new_code", lambda: first.code)
    with pytest.raises(StoreError):
        store.register("kepala_desa", "Citra")
    assert [p.name for p in store.participants()] == ["Ani", "Budi"]


def test_many_registrations_get_distinct_valid_codes(store):
    people = [store.register("kepala_desa", f"Peserta {i}") for i in range(300)]
    codes = {p.code for p in people}
    assert len(codes) == 300
    assert all(normalize_code(c) == c for c in codes)
    assert {p.code for p in store.participants()} == codes


# ---------------------------------------------------------------------------- participants


def test_register_and_lookup(store):
    p = store.register("kepala_desa", "  Yohanes   Rangga ", village_code=" 53.10.05.2003 ")
    assert p.role == "kepala_desa"
    assert p.name == "Yohanes Rangga"
    assert p.village_code == "53.10.05.2003"
    assert p.created_at.tzinfo == UTC
    assert p.display_code == format_code(p.code)
    assert store.participant(format_code(p.code).lower()) == p
    assert store.participant("ZZZ-999") is None
    assert store.participants() == [p]


def test_village_code_forms(store):
    assert store.register("kepala_dinas", "Dina", "5310").village_code == "53.10"
    assert store.register("kepala_desa", "Eko", "5310052003").village_code == "53.10.05.2003"
    assert store.register("fasilitator", "Fajar", "  ").village_code is None
    with pytest.raises(StoreInputError, match=r'Kode desa.*diberikan "Rangga Talo"'):
        store.register("kepala_desa", "Gita", "Rangga Talo")


@pytest.mark.parametrize(
    ("role", "name", "fragment"),
    [
        ("bupati", "Ani", "Peran tidak sah: diharapkan salah satu dari kepala_desa"),
        (None, "Ani", "diberikan None"),
        ("kepala_desa", "   ", 'Nama tidak sah: diharapkan nama 1-100 karakter, diberikan "   "'),
        ("kepala_desa", "", "Nama tidak sah"),
        ("kepala_desa", "x" * 101, "Nama tidak sah"),
        ("kepala_desa", None, "diberikan None"),
    ],
)
def test_register_validation(store, role, name, fragment):
    with pytest.raises(StoreInputError, match=fragment):
        store.register(role, name)
    assert store.participants() == []


def test_role_is_case_insensitive_and_roles_are_fixed(store):
    assert ROLES == ("kepala_desa", "kepala_dinas", "fasilitator")
    assert store.register(" Kepala_Dinas ", "Ani").role == "kepala_dinas"


# ---------------------------------------------------------------------------- work


def test_save_and_load_versions(store):
    p = store.register("kepala_desa", "Ani")
    s1 = store.save(p.code, "bep", {"harga_rp": 25000})
    s2 = store.save(format_code(p.code), " bep ", {"harga_rp": 27500})
    assert (s1.version, s2.version) == (1, 2)
    assert s2.saved_at.tzinfo == UTC and s2.saved_at >= s1.saved_at
    latest = store.load(p.code.lower(), "bep")
    assert latest == s2
    assert [w.data["harga_rp"] for w in store.history(p.code, "bep")] == [25000, 27500]
    assert store.load(p.code, "koperasi") is None
    assert store.history(p.code, "koperasi") == []
    # versions count per app
    assert store.save(p.code, "koperasi", {}).version == 1


def test_unicode_round_trip(store):
    p = store.register("kepala_desa", "Maria Goreti Nggadas", "53.10.05.2003")
    data = {
        "desa": "Rangga Talo",
        "catatan": "Minyak kayu putih — 25.000 ₹? tidak: Rp 25.000 ✓; «kemiri» 🌰",
        "nama": ["Ni Luh Putu Ayu", "Siti Ṣāliḥah", "Ọlá"],
        "angka": {"jumlah": 3, "harga": 1500000.5, "aktif": True, "kosong": None},
        "tuple": (1, 2),
    }
    saved = store.save(p.code, "usaha_produktif", data)
    expected = {**data, "tuple": [1, 2]}
    assert saved.data == expected
    with Store(store.path) as again:
        assert again.load(p.code, "usaha_produktif").data == expected
    # stored as readable UTF-8 text, not \u escapes
    raw = sqlite3.connect(store.path).execute("SELECT data FROM work").fetchone()[0]
    assert "Rangga Talo" in raw and "🌰" in raw


@pytest.mark.parametrize(
    "bad",
    [
        {"tanggal": __import__("datetime").date(2017, 9, 12)},
        {"himpunan": {1, 2}},
        {"nan": float("nan")},
        {"inf": float("inf")},
        ["bukan", "dict"],
        "teks",
        None,
    ],
)
def test_failed_save_keeps_previous_version(store, bad):
    p = store.register("kepala_desa", "Ani")
    store.save(p.code, "bep", {"harga_rp": 1})
    with pytest.raises(DataError) as info:
        store.save(p.code, "bep", bad)
    assert "Data yang disimpan tidak sah: diharapkan" in str(info.value)
    assert isinstance(info.value, ValueError)
    assert store.load(p.code, "bep").data == {"harga_rp": 1}
    assert len(store.history(p.code, "bep")) == 1
    assert store.save(p.code, "bep", {"harga_rp": 2}).version == 2


def test_too_large_data_is_refused(store, monkeypatch):
    monkeypatch.setattr(participant, "MAX_DATA_BYTES", 100)
    p = store.register("kepala_desa", "Ani")
    with pytest.raises(DataError, match="paling banyak"):
        store.save(p.code, "bep", {"teks": "x" * 200})
    assert store.load(p.code, "bep") is None


def test_save_for_unknown_code(store):
    with pytest.raises(UnknownCodeError) as info:
        store.save("abc-234", "bep", {})
    message = str(info.value)
    assert message.startswith("Kode peserta tidak ditemukan: diharapkan")
    assert 'diberikan "abc-234"' in message
    assert isinstance(info.value, ValueError)
    with pytest.raises(CodeError):
        store.save("abc-2340", "bep", {})
    assert store.all_work() == []


@pytest.mark.parametrize("app", ["", "   ", None, "x" * 101])
def test_app_name_is_validated(store, app):
    p = store.register("kepala_desa", "Ani")
    with pytest.raises(StoreInputError, match="Nama aplikasi tidak sah"):
        store.save(p.code, app, {})
    with pytest.raises(StoreInputError):
        store.load(p.code, app)


def test_rewrite_history_changes_every_version_and_scrubs_the_file(store, db_path):
    """Deleted personal data goes from the older versions too, and from the file's bytes."""
    p = store.register("kepala_desa", "Ani")
    secret = "9901014501990001"
    for records in ([secret], [secret, "9901014501990002"], ["9901014501990002"]):
        store.save(p.code, "register_desa", {"records": records, "x": 1})
    store.save(p.code, "lain", {"records": [secret]})
    before = store.history(p.code, "register_desa")

    def without(data):
        return {**data, "records": [r for r in data["records"] if r != secret]}

    assert store.rewrite_history(p.code, "register_desa", without) == 2
    after = store.history(p.code, "register_desa")
    assert [w.version for w in after] == [w.version for w in before]
    assert [w.saved_at for w in after] == [w.saved_at for w in before]
    assert [w.data["records"] for w in after] == [[], ["9901014501990002"], ["9901014501990002"]]
    assert store.load(p.code, "lain").data == {"records": [secret]}  # other work untouched
    assert store.rewrite_history(p.code, "register_desa", without) == 0
    store.rewrite_history(p.code, "lain", lambda data: {"records": []})
    store.close()
    for path in db_path.parent.glob(db_path.name + "*"):
        assert secret.encode() not in path.read_bytes(), path.name


def test_rewrite_history_that_fails_changes_nothing(store):
    p = store.register("kepala_desa", "Ani")
    for n in (1, 2):
        store.save(p.code, "bep", {"n": n})

    def breaks_on_the_second(data):
        if data["n"] == 2:
            raise ValueError("rusak")
        return {"n": 0}

    with pytest.raises(ValueError):
        store.rewrite_history(p.code, "bep", breaks_on_the_second)
    assert [w.data["n"] for w in store.history(p.code, "bep")] == [1, 2]
    with pytest.raises(DataError):
        store.rewrite_history(p.code, "bep", lambda data: ["not", "a", "dict"])
    assert [w.data["n"] for w in store.history(p.code, "bep")] == [1, 2]


def test_all_work_and_work_table(store):
    a = store.register("kepala_desa", "Ani", "53.10.05.2003")
    b = store.register("kepala_dinas", "Budi", "53.10")
    store.save(a.code, "bep", {"v": 1})
    store.save(a.code, "bep", {"v": 2})
    store.save(a.code, "koperasi", {"v": 3})
    store.save(b.code, "bep", {"v": 4})
    latest = store.all_work()
    assert {(w.code, w.app): (w.version, w.data["v"]) for w in latest} == {
        (a.code, "bep"): (2, 2),
        (a.code, "koperasi"): (1, 3),
        (b.code, "bep"): (1, 4),
    }
    assert latest == sorted(latest, key=lambda w: (w.code, w.app))
    assert {w.code for w in store.all_work("bep")} == {a.code, b.code}
    assert store.all_work("tidak_ada") == []

    table = store.work_table("bep")
    assert len(table) == 2
    row = table.set_index("name").loc["Ani"]
    assert row["code"] == format_code(a.code)
    assert row["village_code"] == "53.10.05.2003"
    assert row["data"] == {"v": 2}
    assert store.work_table("tidak_ada").empty


# ---------------------------------------------------------------------------- file, WAL, restart


def test_wal_mode_and_schema_version(store, db_path):
    assert store.journal_mode() == "wal"
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() == ("1",)
    conn.close()
    assert store.schema_version() == 1


def test_memory_store_works_without_wal():
    s = Store(":memory:")
    assert s.journal_mode() == "memory"
    p = s.register("fasilitator", "Ani")
    assert s.save(p.code, "x", {}).version == 1


def test_newer_schema_is_refused(db_path):
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="lebih baru"):
        Store(db_path)


def test_restart_loses_nothing(db_path):
    first = Store(db_path)
    p = first.register("kepala_desa", "Ani", "53.10.05.2003")
    for i in range(5):
        first.save(p.code, "bep", {"i": i})
    before = first.history(p.code, "bep")
    first.close()
    # a second store open at the same time sees it too (another kernel)
    second = Store(db_path)
    assert second.participant(p.code) == p
    assert second.history(p.code, "bep") == before
    assert second.save(p.code, "bep", {"i": 5}).version == 6
    second.close()
    # the first store reopens its connection on use
    assert first.load(p.code, "bep").data == {"i": 5}
    first.close()


def test_store_accepts_a_folder(tmp_path):
    s = Store(tmp_path / "lokakarya")  # missing folder: created, treated as a file path
    assert s.path.endswith("lokakarya")
    folder = tmp_path / "ruang"
    folder.mkdir()
    assert Store(folder).path == str(folder.resolve() / "desmigratif.sqlite3")


def test_workspace_dir_and_get_store(tmp_path, monkeypatch):
    monkeypatch.setenv("DESMIGRATIF_WORKSPACE", str(tmp_path / "ws"))
    assert workspace_dir() == (tmp_path / "ws").resolve()
    assert (tmp_path / "ws").is_dir()
    s = get_store()
    assert s is get_store()
    assert s.path == str((tmp_path / "ws" / "desmigratif.sqlite3").resolve())
    monkeypatch.setenv("DESMIGRATIF_WORKSPACE", str(tmp_path / "ws2"))
    assert get_store().path.startswith(str((tmp_path / "ws2").resolve()))
    monkeypatch.delenv("DESMIGRATIF_WORKSPACE")
    monkeypatch.chdir(tmp_path)
    assert workspace_dir() == (tmp_path / "workspace").resolve()


def test_busy_database_is_retried(store, monkeypatch):
    monkeypatch.setattr(store_mod.time, "sleep", lambda s: None)
    p = store.register("kepala_desa", "Ani")
    calls = {"n": 0}
    real = Store._transaction

    def flaky(self, work):
        def maybe_locked(conn):
            calls["n"] += 1
            if calls["n"] <= 2:
                raise sqlite3.OperationalError("database is locked")
            return work(conn)

        return real(self, maybe_locked)

    monkeypatch.setattr(Store, "_transaction", flaky)
    assert store.save(p.code, "bep", {"v": 1}).version == 1
    assert calls["n"] == 3

    calls["n"] = -100  # always locked
    with pytest.raises(StoreError, match="sibuk"):
        store.save(p.code, "bep", {"v": 2})
    monkeypatch.undo()
    assert [w.version for w in store.history(p.code, "bep")] == [1]


# ---------------------------------------------------------------------------- processes

WORKERS = 8
SAVES = 100


def _worker(path, worker, start, shared_code, queue):
    """Save SAVES times: to this worker's own code, or all to one shared code+app."""
    try:
        s = Store(path)
        if shared_code is None:
            code = s.register("kepala_desa", f"Peserta {worker}").code
            app = "bep"
        else:
            code, app = shared_code, "bersama"
        start.wait(timeout=60)  # every process ready: the saves really run at once
        versions = [s.save(code, app, {"w": worker, "i": i}).version for i in range(SAVES)]
        s.close()
        queue.put((worker, code, versions))
    except BaseException as err:  # report to the parent instead of hanging it
        queue.put((worker, None, repr(err)))


def _run_workers(path, shared_code=None):
    ctx = multiprocessing.get_context("spawn")
    start, queue = ctx.Barrier(WORKERS), ctx.Queue()
    procs = [
        ctx.Process(target=_worker, args=(str(path), w, start, shared_code, queue))
        for w in range(WORKERS)
    ]
    for proc in procs:
        proc.start()
    results = [queue.get(timeout=120) for _ in procs]
    for proc in procs:
        proc.join(timeout=60)
        assert proc.exitcode == 0
    failures = [r for r in results if r[1] is None]
    assert not failures, failures
    return sorted(results)


def test_concurrent_processes_with_separate_codes_lose_nothing(db_path):
    # no file yet: the 8 processes also create it (WAL switch, schema) at the same time
    results = _run_workers(db_path)
    s = Store(db_path)
    assert len({code for _, code, _ in results}) == WORKERS
    assert len(s.participants()) == WORKERS
    for worker, code, versions in results:
        assert versions == list(range(1, SAVES + 1))
        history = s.history(code, "bep")
        assert [w.version for w in history] == list(range(1, SAVES + 1))
        assert [w.data for w in history] == [{"w": worker, "i": i} for i in range(SAVES)]
    assert len(s.all_work()) == WORKERS


def test_concurrent_processes_on_one_code_and_app_lose_nothing(db_path):
    s = Store(db_path)
    code = s.register("fasilitator", "Papan hasil").code
    results = _run_workers(db_path, shared_code=code)
    history = s.history(code, "bersama")
    total = WORKERS * SAVES
    assert [w.version for w in history] == list(range(1, total + 1))
    assert {(w.data["w"], w.data["i"]) for w in history} == {
        (w, i) for w in range(WORKERS) for i in range(SAVES)
    }
    returned = [v for _, _, versions in results for v in versions]
    assert sorted(returned) == list(range(1, total + 1))
    for worker, _, versions in results:
        assert versions == sorted(versions)  # each process sees its own saves in order
        mine = [w.data["i"] for w in history if w.data["w"] == worker]
        assert mine == list(range(SAVES))
    assert s.load(code, "bersama").version == total
    # the processes really interleaved (otherwise this test proved nothing)
    blocks = [(versions[0], versions[-1]) for _, _, versions in results]
    assert any(last - first >= SAVES for first, last in blocks)


def test_threads_sharing_one_store(store):
    from concurrent.futures import ThreadPoolExecutor

    code = store.register("kepala_desa", "Ani").code
    with ThreadPoolExecutor(4) as pool:
        versions = list(pool.map(lambda i: store.save(code, "bep", {"i": i}).version, range(200)))
    assert sorted(versions) == list(range(1, 201))
    assert sorted(w.data["i"] for w in store.history(code, "bep")) == list(range(200))


def test_errors_follow_the_chosen_language():
    from desmigratif_kit.core import i18n

    with pytest.raises(CodeError) as info:
        normalize_code("AB0-234")
    assert str(info.value).startswith("Kode peserta tidak sah: diharapkan kode 6 karakter")
    i18n.set_language("en")
    try:
        assert str(info.value).startswith("Participant code is not valid: expected a 6-character")
        assert 'given "AB0-234"' in str(info.value)
    finally:
        i18n.set_language("id")
