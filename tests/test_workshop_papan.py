"""The results board without a browser: the PIN (wrong refused, back-off, right opens), what it
shows, escaping, its live refresh on an event loop, and the organisers' Excel export."""

from __future__ import annotations

import asyncio
import base64
import concurrent.futures
import io
import re
import time

import openpyxl
import pytest

from desmigratif_kit import migration
from desmigratif_kit.core import i18n, lessons
from desmigratif_kit.core.pin import ENV_PIN
from desmigratif_kit.core.store import Store
from desmigratif_kit.migration.register_edit import register_records
from desmigratif_kit.workshop.akses import MAX_WAIT_S, PinGuard
from desmigratif_kit.workshop.apps.papan_hasil import PapanHasilApp

PIN = "482913"
XSS = "<img src=x onerror=alert(1)>"


def own(df):
    """The synthetic sample as if a village had typed it (the kit leaves its own sample out of
    totals: ``test_workshop_sample_data.py``)."""
    return df.assign(keterangan="Didata kader desa")


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path)


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_pin_guard_refuses_wrong_pins_with_a_doubling_wait():
    clock = Clock()
    guard = PinGuard(PIN, clock=clock)
    waits = []
    for _ in range(8):
        answer = guard.check("000000")
        assert not answer.boleh and answer.alasan == "salah"
        waits.append(answer.tunggu_s)
        assert guard.check(PIN).alasan == "tunggu"  # the right PIN too soon: not looked at
        clock.now += answer.tunggu_s
    assert waits == [2, 4, 8, 16, 32, MAX_WAIT_S, MAX_WAIT_S, MAX_WAIT_S]
    assert guard.check(f"{PIN[:3]}-{PIN[3:]}").boleh  # spaces and hyphens are fine
    assert guard.check("000000").tunggu_s == 2  # a right PIN resets the count
    clock.now += 2
    for wrong in ("", "abc", "4829", PIN + "1"):
        assert not guard.check(wrong).boleh
        clock.now += MAX_WAIT_S


def test_without_a_server_pin_nothing_opens(monkeypatch):
    monkeypatch.delenv(ENV_PIN, raising=False)
    assert PinGuard().check("").alasan == "tanpa_pin"
    monkeypatch.setenv(ENV_PIN, PIN)
    assert PinGuard().check(PIN).boleh
    monkeypatch.setenv(ENV_PIN, "bukan pin")
    assert PinGuard().check("bukan pin").alasan == "tanpa_pin"


def seed(store):
    sample = own(migration.load_sample_register())
    a = store.register("kepala_desa", XSS, "53.08.12.2014")
    b = store.register("kepala_desa", "Kepala Kenanga", "32.12.16.2004")
    store.register("kepala_dinas", "Kadis Ende", "53.08")
    store.save(a.code, "register_desa", {"records": register_records(sample.head(10))})
    store.save(a.code, "cek_kesiapan", {"form": {"jalur": "p3mi"}})
    store.save(b.code, "register_desa", {"records": register_records(sample.iloc[10:14])})
    record = lessons.with_answer(lessons.new_record("01_migrasi_aman"), "1.1", 18, "18", True)
    store.save(b.code, "pelajaran_01_migrasi_aman", record)
    return a, b


def test_nothing_is_shown_or_read_before_the_right_pin(store):
    seed(store)
    board = PapanHasilApp(store=store, pin=PIN, clock=Clock(), live=False)
    assert board.body.children == (board.pin_box,)
    assert board.rekap_langsung is None  # the store was not even read
    board.pin.value = "111111"
    board._try_pin(None)
    assert "PIN salah" in board.message.value and "2 detik" in board.message.value
    assert board.pin.value == ""  # the typed PIN is not kept in the field
    assert board.body.children == (board.pin_box,)
    assert "Kepala Kenanga" not in repr(board.container)
    board.pin.value = PIN
    board._try_pin(None)
    assert "Tunggu 2 detik" in board.message.value and not board.unlocked


def test_the_right_pin_opens_the_board_with_the_room_added_up(store):
    seed(store)
    clock = Clock()
    board = PapanHasilApp(store=store, pin=PIN, clock=clock, live=False)
    board.pin.value = PIN
    board._try_pin(None)
    assert board.unlocked and board.body.children == (board.board_box,)
    tiles = re.findall(r"<b>(\d+)</b><span>([^<]+)</span>", board.tiles.value)
    assert tiles == [
        ("2", "desa sudah masuk"),
        ("1", "kepala dinas"),
        ("0", "rencana aksi tersimpan"),
    ]
    text = board.pillar_text[1].value
    assert "PMI tercatat di register desa" in text and "14 · 2 desa mengisi" in text
    assert "1 dari 2 desa" in text  # readiness checked
    assert "Pelajaran: 1 desa mulai · 1 dari 1 jawaban benar" in text
    assert board.pillar_chart[1].value[:8] == b"\x89PNG\r\n\x1a\n"
    # participant text is escaped on the shared screen
    assert XSS not in board.who.value and "&lt;img src=x onerror=alert(1)&gt;" in board.who.value


def test_tick_redraws_only_when_something_changed(store):
    a, _ = seed(store)
    board = PapanHasilApp(store=store, pin=PIN, live=False)
    board.unlock()
    chart = board.pillar_chart[1].value
    assert board.tick() is False
    assert board.pillar_chart[1].value is chart  # not redrawn
    store.save(a.code, "cek_kesiapan", {"form": {"jalur": "p3mi", "x": 2}})  # same facts
    assert board.tick() is False
    c = store.register("kepala_desa", "Baru", "52.03.13.2001")
    store.save(c.code, "cek_kesiapan", {"form": {"jalur": "p3mi"}})
    assert board.tick() is True
    assert "3</b><span>desa sudah masuk" in board.tiles.value
    assert "2 dari 3 desa" in board.pillar_text[1].value
    assert board.pillar_chart[1].value != chart


def test_the_board_refreshes_itself_on_the_event_loop(store):
    seed(store)

    async def scenario():
        board = PapanHasilApp(store=store, pin=PIN, refresh_s=0.05)
        board.pin.value = PIN
        board._try_pin(None)
        assert board._task is not None
        new = store.register("kepala_desa", "Datang belakangan", "33.07.10.2004")
        store.save(new.code, "cek_kesiapan", {"form": {"jalur": "p3mi"}})
        deadline = time.monotonic() + 60  # a hang guard, not a timing (a busy machine is slow)
        while time.monotonic() < deadline:
            await asyncio.sleep(0.05)
            if "3</b><span>desa sudah masuk" in board.tiles.value:
                break
        board.stop()
        return board

    # a loop of its own in a thread: another test of this worker may have left one running
    with concurrent.futures.ThreadPoolExecutor(1) as thread:
        board = thread.submit(asyncio.run, scenario()).result()
    assert "3</b><span>desa sudah masuk" in board.tiles.value
    assert "Datang belakangan" in board.who.value


def test_export_of_all_results_sheet_by_sheet(store):
    seed(store)
    board = PapanHasilApp(store=store, pin=PIN, live=False)
    board.unlock()
    board._export()
    data = re.search(r'href="data:[^,]+,([^"]+)"', board.export_link.value).group(1)
    book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(data)))
    assert book.sheetnames == ["Ringkasan", "Peserta", "1 Layanan migrasi", "2 Usaha produktif",
                               "3 Community parenting", "4 Koperasi dan keuangan mikro",
                               "Rencana aksi"]  # fmt: skip
    summary = [[c.value for c in row] for row in book["Ringkasan"].iter_rows(min_row=3)]
    registered = next(r for r in summary if r[1] == "PMI tercatat di register desa")
    assert registered[2] == 14 and registered[4] == 2  # 10 + 4, two villages answered
    people = [[c.value for c in row] for row in book["Peserta"].iter_rows(min_row=3)]
    assert [p[2] for p in people] == [XSS, "Kepala Kenanga", "Kadis Ende"]  # a cell, as typed
    pillar = book["1 Layanan migrasi"]
    headers = [c.value for c in pillar[2]]
    assert headers[:5] == ["Kode desa", "Desa", "Kecamatan", "Kabupaten/kota", "Provinsi"]
    assert "PMI tercatat di register desa" in headers
    column = headers.index("PMI tercatat di register desa")
    values = [row[column].value for row in pillar.iter_rows(min_row=3, max_row=4)]
    assert sorted(values) == [4, 10]
    assert (
        pillar.cell(row=5, column=1).value == "Jumlah"
        and pillar.cell(row=5, column=column + 1).value == 14
    )
    cells = [str(c.value) for ws in book for row in ws.iter_rows() for c in row if c.value]
    nik = migration.load_sample_register().head(14)["nik"].astype(str)
    assert not any(n in cell for n in nik for cell in cells)  # identity numbers never exported
