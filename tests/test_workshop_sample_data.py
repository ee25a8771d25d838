"""Facts computed from the kit's synthetic samples never inflate the room's or a district's
totals: a participant who tried an app with the sample data is shown, not counted."""

from __future__ import annotations

from datetime import date

from desmigratif_kit.cooperative import load_sample_ledger
from desmigratif_kit.cooperative.ledger import ledger_records
from desmigratif_kit.cooperative.ringkasan import ringkasan_kerja as kop_ringkasan
from desmigratif_kit.migration import load_sample_register
from desmigratif_kit.migration.register_edit import register_records
from desmigratif_kit.migration.ringkasan import ringkasan_kerja as mig_ringkasan
from desmigratif_kit.parenting import load_sample_roster
from desmigratif_kit.parenting.ringkasan import APP_DATA_ANAK
from desmigratif_kit.parenting.ringkasan import ringkasan_kerja as par_ringkasan
from desmigratif_kit.workshop.rekap import total_fakta


def _fact(summary, key):
    return next(f for f in summary.fakta if f.key == key)


def test_each_pillars_sample_is_marked_contoh():
    mig = mig_ringkasan({"register_desa": {"records": register_records(load_sample_register())}},
                        today=date(2026, 12, 1))  # fmt: skip
    assert _fact(mig, "pmi_terdaftar").contoh
    kop = kop_ringkasan({"koperasi_desa": {"anggota": ledger_records(load_sample_ledger())}})
    assert _fact(kop, "koperasi_anggota").contoh and not _fact(kop, "koperasi_selisih").follow_up


def test_sample_values_are_left_out_of_totals():
    from desmigratif_kit.parenting.roster_edit import roster_records

    roster = roster_records(load_sample_roster())
    sample = par_ringkasan({APP_DATA_ANAK: {"records": roster}})
    fact = _fact(sample, "balita_pendek")
    assert fact.value == 21 and fact.contoh and not fact.follow_up
    total = total_fakta([fact, fact.__class__("balita_pendek", fact.label, 3)])
    assert total.nilai == 3 and total.dijawab == 1


def test_a_real_list_that_reuses_the_sample_numbers_is_counted():
    members = load_sample_ledger()
    members["nama"] = members["nama"] + " (anggota desa)"  # same numbers, the village's own people
    kop = kop_ringkasan({"koperasi_desa": {"anggota": ledger_records(members)}})
    assert not _fact(kop, "koperasi_anggota").contoh
