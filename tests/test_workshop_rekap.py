"""The room added up: thirty participants saving at once, then the results board's and the
district dashboard's figures checked against sums computed here, independently, from what each
participant was given to save. Pillar 1's real summary and a fake pillar 2 summary (put in
place of ``desmigratif_kit.business.ringkasan``) are both counted, so a pillar that lands
later shows without a change in the workshop."""

from __future__ import annotations

import importlib.machinery
import multiprocessing
import random
import sys
import threading
import types
from datetime import date

import pytest

from desmigratif_kit import migration
from desmigratif_kit.core import i18n, lessons
from desmigratif_kit.core.store import Store
from desmigratif_kit.core.summary import Fakta, RingkasanPilar
from desmigratif_kit.migration.register_edit import register_records
from desmigratif_kit.workshop import pilar
from desmigratif_kit.workshop.rekap import (
    RekapLangsung,
    rekap,
    rekap_kabupaten,
    total_fakta,
)

# Thirty villages in three kabupaten (codes from the Kemendagri table): 12 in Ende (53.08),
# 10 in Indramayu (32.12), 8 in Lombok Timur (52.03).
ENDE = [f"53.08.01.{n}" for n in range(2002, 2014)]
INDRAMAYU = [f"32.12.16.{n}" for n in range(2001, 2011)]
LOMBOK_TIMUR = [f"52.03.13.{n}" for n in range(2001, 2009)]
VILLAGES = ENDE + INDRAMAYU + LOMBOK_TIMUR
FAKE_APP = "kalkulator_hpp"  # a pillar-2 app id of the catalog (its summary is faked here)


def own(df):
    """The synthetic sample as if a village had typed it (the kit leaves its own sample out of
    totals: ``test_workshop_sample_data.py``)."""
    return df.assign(keterangan="Didata kader desa")


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


def fake_business_summary(works):
    """What a pillar-2 summary could say: units (int), a plan (bool, followed up when no),
    the product (text, typed by the participant), a margin (pct), a budget (rp)."""
    data = works.get(FAKE_APP)
    if not data:
        return RingkasanPilar(2, [
            Fakta("unit_per_bulan", "Unit per bulan", None, "int"),
            Fakta("punya_rencana", "Punya rencana usaha", None, "bool"),
            Fakta("produk", "Produk", None, "text"),
            Fakta("margin_pct", "Margin", None, "pct"),
            Fakta("modal_rp", "Modal", None, "rp"),
            Fakta("latihan_benar", "Latihan", 3, "int"),
        ])  # fmt: skip
    return RingkasanPilar(2, [
        Fakta("unit_per_bulan", "Unit per bulan", data["unit"], "int"),
        Fakta("punya_rencana", "Punya rencana usaha", data["rencana"], "bool",
              follow_up=not data["rencana"]),
        Fakta("produk", "Produk", data["produk"], "text"),
        Fakta("margin_pct", "Margin", data["margin"], "pct"),
        Fakta("modal_rp", "Modal", data["modal"], "rp"),
        Fakta("latihan_benar", "Latihan", 3, "int"),
    ])  # fmt: skip


@pytest.fixture
def fake_pillar_2(monkeypatch):
    """``desmigratif_kit.business.ringkasan`` replaced by :func:`fake_business_summary`
    (found by name by the workshop). Pillar 2's real summary is tested in
    ``test_business_ringkasan.py``; this one keeps the room's arithmetic easy to recompute."""
    import desmigratif_kit.business  # noqa: F401  (its __init__ imports the real module first)

    name = "desmigratif_kit.business.ringkasan"
    module = types.ModuleType(name)
    module.__spec__ = importlib.machinery.ModuleSpec(name, None)
    module.ringkasan_kerja = fake_business_summary
    monkeypatch.setitem(sys.modules, name, module)
    return module


def plan_for(index: int) -> dict:
    """The action plan participant ``index`` saves: ``index % 4`` actions in pillar 1, each
    with a budget of (index + 1) * 100.000 rupiah times its number."""
    actions = [
        {"tindakan": f"Tindakan {k}", "pj": "Sekdes", "batas_waktu": "2017-12-01",
         "anggaran_rp": (index + 1) * 100_000 * k, "sumber_dana": "Dana Desa"}
        for k in range(1, index % 4 + 1)
    ]  # fmt: skip
    return {"version": 1, "pilar": {"1": {"status": "mulai", "target": "x", "catatan": "",
                                           "tindakan": actions}}}  # fmt: skip


def work_for(index: int) -> dict[str, dict]:
    """Everything participant ``index`` saves (deterministic: the test recomputes it)."""
    rng = random.Random(20170911 + index)
    sample = own(migration.load_sample_register())
    size = rng.randint(0, 25)
    rows = sample.iloc[rng.sample(range(len(sample)), size)] if size else sample.head(0)
    works: dict[str, dict] = {}
    if size:
        works["register_desa"] = {"records": register_records(rows)}
    if index % 3:
        works["cek_kesiapan"] = {"form": {"jalur": "p3mi"}}
    record = lessons.new_record("01_migrasi_aman")
    for number in ("1.1", "1.2", "1.3", "1.4")[: index % 5]:
        record = lessons.with_answer(
            record, number, 18, "18", correct=(index + len(number)) % 2 == 0
        )
    if index % 5:
        works["pelajaran_01_migrasi_aman"] = record
    if index % 2 == 0:
        works[FAKE_APP] = {
            "unit": rng.randint(10, 500),
            "rencana": rng.random() < 0.6,
            "produk": rng.choice(["Minyak kemiri", "Minyak kakao", "<b>Kayu putih</b>"]),
            "margin": round(rng.uniform(5, 60), 1),
            "modal": rng.randint(1, 50) * 100_000,
        }
    works["rencana_aksi"] = plan_for(index)
    return works


def _participant(args) -> str:
    """One participant in its own process: sign up, wait for the others, save everything."""
    path, index, barrier = args
    store = Store(path)
    person = store.register("kepala_desa", f"Kepala Desa {index}", VILLAGES[index])
    barrier.wait(timeout=60)
    for app, data in work_for(index).items():
        store.save(person.code, app, data)
    store.close()
    return person.code


def expected_totals(indexes) -> dict[str, float]:
    """The figures, recomputed from the generated work without the workshop's code."""
    totals = dict.fromkeys(
        ["pmi", "abroad", "trouble", "checked", "started", "right", "budget", "plans",
         "units", "with_plan", "no_plan", "business", "margin_sum", "capital"], 0
    )  # fmt: skip
    products: dict[str, int] = {}
    for index in indexes:
        works = work_for(index)
        records = works.get("register_desa", {}).get("records", [])
        statuses = [r["status"] for r in records]
        totals["pmi"] += len(records)
        totals["abroad"] += sum(s in ("bekerja", "bermasalah") for s in statuses)
        totals["trouble"] += statuses.count("bermasalah")
        totals["checked"] += "cek_kesiapan" in works
        answers = works.get("pelajaran_01_migrasi_aman", {}).get("answers", {})
        totals["started"] += bool(answers)
        totals["right"] += sum(a["correct"] for a in answers.values())
        actions = works["rencana_aksi"]["pilar"]["1"]["tindakan"]
        totals["budget"] += sum(a["anggaran_rp"] for a in actions)
        totals["plans"] += 1
        business = works.get(FAKE_APP)
        if business:
            totals["business"] += 1
            totals["units"] += business["unit"]
            totals["with_plan"] += business["rencana"]
            totals["no_plan"] += not business["rencana"]
            totals["margin_sum"] += business["margin"]
            totals["capital"] += business["modal"]
            products[business["produk"]] = products.get(business["produk"], 0) + 1
    totals["products"] = products
    return totals


def by_key(totals):
    return {total.key: total for total in totals}


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    """Thirty participants, thirty processes, saving at once into one SQLite workspace."""
    path = tmp_path_factory.mktemp("ruangan") / "desmigratif.sqlite3"
    Store(path).close()
    context = multiprocessing.get_context("fork")
    with context.Manager() as manager:
        barrier = manager.Barrier(len(VILLAGES))
        with context.Pool(len(VILLAGES)) as pool:
            codes = pool.map(_participant, [(path, i, barrier) for i in range(len(VILLAGES))])
    assert len(set(codes)) == len(VILLAGES)
    return path


def check_room(r, indexes, expected):
    assert r.jumlah_desa == len(indexes)
    p1 = by_key(r.totals(1))
    assert p1["pmi_terdaftar"].nilai == expected["pmi"]
    assert p1["pmi_di_luar_negeri"].nilai == expected["abroad"]
    assert p1["pmi_bermasalah"].nilai == expected["trouble"]
    assert p1["cek_kesiapan"].nilai == expected["checked"]  # villages saying yes
    with_register = sum(1 for i in indexes if "register_desa" in work_for(i))
    assert p1["pmi_terdaftar"].dijawab == with_register
    assert p1["pmi_terdaftar"].kosong == len(indexes) - with_register
    assert "latihan_benar" not in p1 and "latihan_total" not in p1  # shown as the lesson
    started, right, _ = r.pelajaran(1)
    assert (started, right) == (expected["started"], expected["right"])
    assert r.rencana_disimpan() == expected["plans"]
    from desmigratif_kit.workshop.rencana import budget_rp

    assert sum(budget_rp(d.rencana) for d in r.desa) == expected["budget"]
    p2 = by_key(r.totals(2))
    assert p2["unit_per_bulan"].nilai == expected["units"]
    assert p2["unit_per_bulan"].dijawab == expected["business"]
    assert p2["punya_rencana"].nilai == expected["with_plan"]
    assert p2["punya_rencana"].tindak_lanjut == expected["no_plan"]
    assert p2["modal_rp"].nilai == expected["capital"]
    if expected["business"]:
        mean = round(expected["margin_sum"] / expected["business"], 1)
        assert p2["margin_pct"].nilai == pytest.approx(mean, abs=0.05)
    assert dict(p2["produk"].teks) == expected["products"]
    assert "latihan_benar" not in p2


def test_thirty_participants_saving_at_once_add_up_on_the_board(room, fake_pillar_2):
    store = Store(room)
    assert len(store.participants()) == 30
    live = RekapLangsung(store)
    assert live.refresh() is True
    expected = expected_totals(range(30))
    assert expected["pmi"] > 100 and expected["trouble"] > 0  # the test data is not trivial
    check_room(live.rekap, range(30), expected)
    # the same figures as a full recomputation from all saved work
    full = rekap(store.participants(), store.all_work())
    assert [by_key(full.totals(n)) for n in (1, 2)] == [
        by_key(live.rekap.totals(n)) for n in (1, 2)
    ]
    assert live.refresh() is False  # nothing new: nothing recomputed


def test_each_district_dashboard_adds_up_its_own_villages(room, fake_pillar_2):
    store = Store(room)
    for kode, villages in (("53.08", ENDE), ("32.12", INDRAMAYU), ("52.03", LOMBOK_TIMUR)):
        indexes = [VILLAGES.index(v) for v in villages]
        district = rekap_kabupaten(store, kode)
        assert [d.kode for d in district.desa] == sorted(villages)
        check_room(district, indexes, expected_totals(indexes))
        # the board's view of the same district agrees
        live = RekapLangsung(store)
        live.refresh()
        assert by_key(live.rekap.kabupaten(kode).totals(1)) == by_key(district.totals(1))


def test_the_live_board_follows_saves_made_while_it_refreshes(tmp_path, fake_pillar_2):
    """Ten threads save (each its own connection) while the board refreshes in a loop; the
    board ends with exactly what a full recomputation gives."""
    store = Store(tmp_path)
    live = RekapLangsung(store)
    stop = threading.Event()

    def board():
        while not stop.is_set():
            live.refresh()

    def participant(index):
        own = Store(tmp_path)
        person = own.register("kepala_desa", f"Desa {index}", VILLAGES[index])
        for app, data in work_for(index).items():
            own.save(person.code, app, data)
        own.save(person.code, FAKE_APP, {**work_for(0)[FAKE_APP], "unit": index})

    watcher = threading.Thread(target=board)
    watcher.start()
    workers = [threading.Thread(target=participant, args=(i,)) for i in range(10)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    stop.set()
    watcher.join()
    live.refresh()
    full = rekap(store.participants(), store.all_work())
    assert by_key(live.rekap.totals(2))["unit_per_bulan"].nilai == sum(range(10))
    for n in (1, 2):
        assert by_key(live.rekap.totals(n)) == by_key(full.totals(n))


def test_a_village_with_two_participants_counts_the_latest_work_once(tmp_path):
    store = Store(tmp_path)
    head = store.register("kepala_desa", "Kepala", VILLAGES[0])
    helper = store.register("kepala_desa", "Pendamping", VILLAGES[0])
    sample = own(migration.load_sample_register())
    store.save(head.code, "register_desa", {"records": register_records(sample.head(5))})
    store.save(helper.code, "register_desa", {"records": register_records(sample.head(8))})
    r = rekap(store.participants(), store.all_work())
    assert r.jumlah_desa == 1
    assert r.desa[0].nama_peserta == ("Kepala", "Pendamping")
    assert by_key(r.totals(1))["pmi_terdaftar"].nilai == 8  # the latest, not 5 + 8
    store.save(head.code, "register_desa", {"records": register_records(sample.head(6))})
    r = rekap(store.participants(), store.all_work())
    assert by_key(r.totals(1))["pmi_terdaftar"].nilai == 6


def test_only_village_heads_with_a_village_are_villages(tmp_path):
    store = Store(tmp_path)
    store.register("kepala_desa", "Tanpa desa")
    store.register("kepala_dinas", "Kadis", "53.08")
    store.register("fasilitator", "Fasil")
    store.register("kepala_desa", "Desa", VILLAGES[0])
    r = rekap(store.participants(), store.all_work())
    assert r.jumlah_desa == 1
    assert r.peran == {"kepala_desa": 2, "kepala_dinas": 1, "fasilitator": 1}


def test_a_pillar_without_a_summary_is_not_available_and_never_fails(tmp_path, monkeypatch):
    store = Store(tmp_path)
    store.register("kepala_desa", "Desa", VILLAGES[0])
    r = rekap(store.participants(), store.all_work())
    for nomor in (2, 3, 4):
        if pilar.summary_module(pilar.PILLARS[nomor - 1]) is None:
            assert r.totals(nomor) == [] and not r.has_summary(nomor)

    def broken(works):
        raise ValueError("data rusak")

    name = "desmigratif_kit.parenting.ringkasan"
    module = types.ModuleType(name)
    module.__spec__ = importlib.machinery.ModuleSpec(name, None)
    module.ringkasan_kerja = broken
    monkeypatch.setitem(sys.modules, name, module)
    r = rekap(store.participants(), store.all_work())  # logged, not raised
    assert r.desa[0].ringkasan[3] is None


def test_totals_of_each_kind():
    yes = [Fakta("b", "b", v, "bool") for v in (True, True, False, None)]
    assert (total_fakta(yes).nilai, total_fakta(yes).dijawab, total_fakta(yes).kosong) == (2, 3, 1)
    money = [Fakta("m", "m", v, "rp") for v in (1_500_000, 250_000, None)]
    assert total_fakta(money).nilai == 1_750_000
    pct = [Fakta("p", "p", v, "pct") for v in (12.5, 37.5, None)]
    assert total_fakta(pct).nilai == 25.0  # (12,5 + 37,5) / 2
    words = [Fakta("t", "t", v, "text") for v in ("kemiri", "kakao", "kemiri", None, " ")]
    assert total_fakta(words).teks == (("kemiri", 2), ("kakao", 1))
    nothing = [Fakta("n", "n", None, "int")] * 3
    assert (total_fakta(nothing).nilai, total_fakta(nothing).kosong) == (None, 3)


def test_lesson_progress_comes_from_the_lesson_records():
    record = lessons.with_answer(lessons.new_record("01_migrasi_aman"), "1.1", 18, "18", True)
    record = lessons.with_answer(record, "1.2", False, "Tidak", False)
    done = pilar.lesson_progress(pilar.PILLARS[0], {"pelajaran_01_migrasi_aman": record})
    assert done == lessons.Progress(benar=1, dijawab=2, total=6)
    assert pilar.lesson_started(pilar.PILLARS[0], {"pelajaran_01_migrasi_aman": record})


def test_pillar_1_real_summary_through_the_workshop():
    sample = own(migration.load_sample_register())
    works = {"register_desa": {"records": register_records(sample.head(40))}}
    summary = pilar.pillar_summary(pilar.PILLARS[0], works)
    expected = sample.head(40)["status"].astype(str)
    assert summary.nilai("pmi_terdaftar") == 40
    assert summary.nilai("pmi_bermasalah") == int((expected == "bermasalah").sum())
    assert [f.key for f in pilar.facts_shown(summary)][-1] == "kartu_calo_tepat"
    assert date.today()  # summaries use today's date for contracts ending
