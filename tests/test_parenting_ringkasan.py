"""``ringkasan_kerja``: the facts pillar 3 gives the workshop, from saved work, counts only."""

import json
from datetime import date

import pytest

from desmigratif_kit.core import i18n, lessons
from desmigratif_kit.core.summary import KINDS, RingkasanPilar
from desmigratif_kit.parenting import (
    SAMPLE_REFERENCE_DATE_ANAK,
    baca_anak,
    baca_ukuran,
    count_children,
    kegiatan_from_records,
    kegiatan_records,
    load_roster,
    load_sample_roster,
    ringkasan_kerja,
    roster_records,
)

KEYS = [
    "anak_terdata", "balita", "balita_diukur", "balita_pendek", "persen_pendek",
    "balita_gizi_kurang", "balita_bb_kurang", "balita_tidak_naik", "anak_perlu_rujukan",
    "anak_perlu_kunjungan", "anak_tidak_sekolah", "anak_diasuh_kakek_nenek",
    "data_anak_contoh", "data_anak_per_tanggal", "kegiatan_direncanakan",
    "kegiatan_terlaksana", "pengasuh_diundang", "pengasuh_hadir", "kehadiran_pct",
    "kegiatan_berikutnya", "pantau_ukuran", "pantau_saran", "latihan_benar",
    "latihan_dijawab", "latihan_total",
]  # fmt: skip


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


def _roster_work(df, tanggal):
    return {"version": 1, "records": roster_records(df), "tanggal": tanggal.isoformat()}


SMALL = (
    "Nama anak;JK;Tgl Lahir;Tgl Ukur;BB;TB;Cara ukur;Orang tua di luar negeri;Pengasuh;"
    "Status sekolah\n"
    "Anak Satu;L;10/01/2024;10/11/2026;11,5;82,0;berdiri;ibu;nenek;belum sekolah\n"
    "Anak Dua;P;10/01/2025;10/11/2026;9,6;82,0;terlentang;ayah;ibu;\n"
    "Anak Dua;P;10/01/2025;10/12/2026;8,6;82,5;terlentang;ayah;ibu;\n"
    "Anak Tiga;P;10/01/2025;10/12/2026;11,0;82,8;terlentang;keduanya;kakek;\n"
    "Anak Lima;P;10/01/2014;;;;;ibu;nenek;tidak sekolah\n"
)


def test_empty_work_gives_every_fact_as_a_gap():
    summary = ringkasan_kerja({})
    assert isinstance(summary, RingkasanPilar) and summary.pilar == 3
    assert [f.key for f in summary.fakta] == KEYS
    gaps = {f.key for f in summary.kosong()}
    assert gaps == set(KEYS) - {"latihan_total"}
    assert summary.nilai("latihan_total") == 6
    assert not any(f.follow_up for f in summary.fakta)
    for fact in summary.fakta:
        assert fact.kind in KINDS
        assert i18n.t(fact.label) and i18n.t(fact.label, "en")


def test_a_small_roster_is_counted_and_followed_up():
    df = load_roster(SMALL.encode(), filename="kecil.csv")
    summary = ringkasan_kerja({"data_anak": _roster_work(df, date(2026, 12, 15))})
    counts = count_children(df, date(2026, 12, 15))
    assert summary.nilai("anak_terdata") == 4 == counts["anak"]
    assert summary.nilai("balita") == 3 and summary.nilai("balita_diukur") == 3
    assert summary.nilai("balita_pendek") == counts["pendek"] == 1
    assert summary.nilai("persen_pendek") == round(100 * 1 / 3, 1) == 33.3
    assert summary.nilai("balita_gizi_kurang") == counts["gizi_kurang"]
    assert summary.nilai("anak_tidak_sekolah") == 1
    assert summary.nilai("data_anak_contoh") is False
    assert summary.nilai("data_anak_per_tanggal") == "2026-12-15"
    follow = {f.key for f in summary.fakta if f.follow_up}
    assert {"balita_pendek", "anak_perlu_rujukan", "anak_tidak_sekolah"} <= follow
    assert "anak_terdata" not in follow


def test_the_sample_is_counted_but_marked_and_never_followed_up():
    df = load_sample_roster()
    summary = ringkasan_kerja({"data_anak": _roster_work(df, SAMPLE_REFERENCE_DATE_ANAK)})
    assert summary.nilai("balita_pendek") == 21 and summary.nilai("anak_terdata") == 180
    assert summary.nilai("persen_pendek") == round(100 * 21 / 95, 1)
    assert summary.nilai("data_anak_contoh") is True
    assert not any(f.follow_up for f in summary.fakta if f.key.startswith(("anak", "balita")))


def test_no_name_reaches_the_facts():
    df = load_sample_roster()
    nina = baca_anak("P", "10/08/2025")
    works = {
        "data_anak": _roster_work(df, SAMPLE_REFERENCE_DATE_ANAK),
        "tumbuh_kembang": {"anak": nina.to_dict(),
                           "ukuran": [baca_ukuran(nina, "10/02/2026", "7,1")]},
        "rencana_parenting": {"kegiatan": [{"topik": "Gizi", "tanggal": "2027-01-09"}]},
    }  # fmt: skip
    text = json.dumps([f.value for f in ringkasan_kerja(works).fakta], default=str)
    names = set(df["nama_anak"].dropna()) | set(df["nama_pengasuh"].dropna())
    for name in names:
        assert name not in text
    for fact in ringkasan_kerja(works).fakta:
        assert fact.value is None or isinstance(fact.value, int | float | bool | str)


def test_the_plan_the_card_and_the_lesson():
    plan = kegiatan_records(kegiatan_from_records([
        {"topik": "Gizi", "tanggal": "2026-11-07", "diundang": 20, "hadir": 15},
        {"topik": "KIP", "tanggal": "2027-01-09", "diundang": 20},
    ]))  # fmt: skip
    nina = baca_anak("P", "10/08/2025")
    card = {
        "anak": nina.to_dict(),
        "ukuran": [baca_ukuran(nina, "10/01/2026", "6,8"), baca_ukuran(nina, "10/02/2026", "7,1")],
    }
    record = lessons.with_answer(lessons.new_record("03_pengasuhan_bersama"), "3.1", -0.04,
                                 "-0,04", True)  # fmt: skip
    record = lessons.with_answer(record, "3.2", "normal", "Normal", False)
    summary = ringkasan_kerja({
        "rencana_parenting": {"version": 1, "kegiatan": plan},
        "tumbuh_kembang": card,
        "pelajaran_03_pengasuhan_bersama": record,
    })  # fmt: skip
    assert summary.nilai("kegiatan_direncanakan") == 2
    assert summary.nilai("kegiatan_terlaksana") == 1
    assert (summary.nilai("pengasuh_diundang"), summary.nilai("pengasuh_hadir")) == (20, 15)
    assert summary.nilai("kehadiran_pct") == 75.0
    assert summary.nilai("kegiatan_berikutnya") == "2027-01-09"
    assert summary.nilai("pantau_ukuran") == 2
    assert summary.nilai("pantau_saran") == "rujuk"  # Nina: T in February
    assert (summary.nilai("latihan_benar"), summary.nilai("latihan_dijawab")) == (1, 2)
    follow = {f.key for f in summary.fakta if f.follow_up}
    assert "kegiatan_berikutnya" not in follow


def test_a_plan_with_nothing_ahead_is_followed_up():
    plan = [{"topik": "Gizi", "tanggal": "2026-11-07", "diundang": 20, "hadir": 15}]
    summary = ringkasan_kerja({"rencana_parenting": {"kegiatan": plan}})
    assert summary.nilai("kegiatan_berikutnya") is None
    assert [f.key for f in summary.fakta if f.follow_up] == ["kegiatan_berikutnya"]


def test_a_roster_without_its_date_is_counted_on_its_latest_measurement():
    df = load_roster(SMALL.encode(), filename="kecil.csv")
    summary = ringkasan_kerja({"data_anak": {"records": roster_records(df)}})
    assert summary.nilai("data_anak_per_tanggal") == "2026-12-10"


@pytest.mark.parametrize(
    "works",
    [
        {"data_anak": {"records": [{"nama_anak": "A", "tanggal_lahir": "bukan tanggal"}]}},
        {"tumbuh_kembang": {"anak": {"jenis_kelamin": "X"}, "ukuran": [{"tanggal_ukur": "x"}]}},
        {"rencana_parenting": {"kegiatan": [{"topik": "A", "tanggal": "31-02"}]}},
        {"data_anak": {"records": [], "tanggal": "2026-12-15"}},
    ],
)
def test_damaged_or_empty_work_is_a_gap_not_an_error(works):
    summary = ringkasan_kerja(works)
    assert summary.nilai("anak_terdata") is None
    assert summary.nilai("pantau_saran") is None
    assert summary.nilai("kegiatan_direncanakan") is None
