"""Pillar 1's facts for the workshop layer: counts from the saved work, never a name."""

from __future__ import annotations

import json
from datetime import date

from desmigratif_kit.core import lessons
from desmigratif_kit.core.summary import RingkasanPilar
from desmigratif_kit.migration.register import load_sample_register
from desmigratif_kit.migration.register_edit import register_records
from desmigratif_kit.migration.ringkasan import ringkasan_kerja

TODAY = date(2026, 12, 1)
RECORDS = [
    {"nama": "Ani Sintetis", "nik": "9901014501990001", "status": "bekerja",
     "tanggal_berangkat": "2025-01-02", "akhir_kontrak": "2027-01-15", "jalur": "p3mi",
     "telepon_keluarga": "0812", "nomor_paspor": "X1"},
    {"nama": "Budi Sintetis", "status": "bermasalah", "tanggal_berangkat": "2024-03-01",
     "akhir_kontrak": "2026-06-01"},
    {"nama": "Citra Sintetis", "status": "pulang"},
    {"nama": "Dedi Sintetis", "status": "calon"},
]  # fmt: skip


def test_empty_work_is_all_gaps_except_the_lesson_size():
    summary = ringkasan_kerja({}, today=TODAY)
    assert isinstance(summary, RingkasanPilar) and summary.pilar == 1
    gaps = {fact.key for fact in summary.kosong()}
    assert gaps == {f.key for f in summary.fakta} - {"latihan_total"}
    assert summary.nilai("latihan_total") == 6


def test_register_counts_and_follow_ups():
    summary = ringkasan_kerja({"register_desa": {"records": RECORDS}}, today=TODAY)
    assert summary.nilai("pmi_terdaftar") == 4
    assert summary.nilai("pmi_di_luar_negeri") == 2
    assert summary.nilai("pmi_bermasalah") == 1
    assert summary.nilai("kontrak_berakhir") == 1  # Ani, 15 January 2027 (45 days)
    assert summary.nilai("data_belum_lengkap") == 1  # Budi: route, phone, passport missing
    follow = {f.key for f in summary.fakta if f.follow_up}
    assert follow == {"pmi_bermasalah", "kontrak_berakhir", "data_belum_lengkap"}


def test_the_sample_register_agrees_with_the_register_functions():
    from desmigratif_kit.migration import contracts_ending

    df = load_sample_register()
    summary = ringkasan_kerja({"register_desa": {"records": register_records(df)}}, today=TODAY)
    assert summary.nilai("pmi_terdaftar") == len(df)
    assert summary.nilai("kontrak_berakhir") == len(contracts_ending(df, TODAY, within_days=90))


def test_other_apps_and_the_lesson():
    record = lessons.with_answer(lessons.new_record("01_migrasi_aman"), "1.1", 18, "18", True)
    record = lessons.with_answer(record, "1.2", False, "Tidak", False)
    works = {
        "cek_kesiapan": {"form": {"nama": "X"}},
        "waspada_calo": {
            "kartu": 1,
            "tanda": {"pabrik_taiwan_resmi": []},
            "diperiksa": ["pabrik_taiwan_resmi"],
        },  # fmt: skip
        "pelajaran_01_migrasi_aman": record,
    }
    summary = ringkasan_kerja(works, today=TODAY)
    assert summary.nilai("cek_kesiapan") is True
    assert summary.nilai("kartu_calo_tepat") == 1
    assert summary.nilai("latihan_benar") == 1


def test_no_name_or_identity_number_leaves_the_pillar():
    summary = ringkasan_kerja({"register_desa": {"records": RECORDS}}, today=TODAY)
    text = json.dumps([vars(f) for f in summary.fakta], default=str)
    assert "Sintetis" not in text and "9901014501990001" not in text


def test_the_synthetic_sample_is_marked_and_calls_for_no_follow_up():
    df = load_sample_register()
    summary = ringkasan_kerja({"register_desa": {"records": register_records(df)}}, today=TODAY)
    register_facts = [f for f in summary.fakta if f.key.startswith(("pmi_", "kontrak", "data_"))]
    assert register_facts and all(f.contoh for f in register_facts)
    assert not any(f.follow_up for f in register_facts)
    own = ringkasan_kerja({"register_desa": {"records": RECORDS}}, today=TODAY)
    assert not any(f.contoh for f in own.fakta)
