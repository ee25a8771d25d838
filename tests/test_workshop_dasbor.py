"""The district dashboard without a browser, its national context (reference data with
sources, FACTS §0, §1.8, §2.1), and the home page by role."""

from __future__ import annotations

import re

import pytest

from desmigratif_kit import migration
from desmigratif_kit.core import data, i18n
from desmigratif_kit.core.store import Store
from desmigratif_kit.migration.register_edit import register_records
from desmigratif_kit.workshop import konteks
from desmigratif_kit.workshop.apps.beranda import HomeApp
from desmigratif_kit.workshop.apps.dasbor_kabupaten import DasborKabupatenApp, villages_in

ENDE = "53.08"


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


def district(store):
    sample = own(migration.load_sample_register())
    trouble = sample[sample["status"].astype(str) == "bermasalah"].head(3)
    a = store.register("kepala_desa", "Kepala Ranggatalo", "53.08.12.2014")
    store.save(a.code, "register_desa", {"records": register_records(trouble)})
    store.register("kepala_desa", "Kepala Ondorea", "53.08.01.2002")
    other = store.register("kepala_desa", "Kepala Kenanga", "32.12.16.2004")
    store.save(other.code, "register_desa", {"records": register_records(sample.head(9))})
    return store.register("kepala_dinas", "Kadis Ende", ENDE), trouble


def test_a_kepala_dinas_sees_the_villages_of_the_district_side_by_side(store):
    dinas, trouble = district(store)
    app = DasborKabupatenApp(kode=dinas.code, store=store)
    assert app.title.value == "<h1>Dasbor Kabupaten Ende</h1>"
    assert "2 desa dari Kabupaten Ende" in app.summary.value and "278 desa" in app.summary.value
    table = app.table.value
    body = table[table.index("<tbody>") : table.index("</tbody>")]
    assert body.count("<tr>") == 2  # Kenanga (Indramayu) is not here
    assert "Ranggatalo (Lio Timur)" in table and "Ondorea (Nangapanda)" in table
    assert "Kenanga" not in table
    assert '<td class="dk-follow">3</td>' in table  # PMI bermasalah: highlighted
    assert 'class="dk-gap"' in table  # Ondorea has not filled anything
    assert "PMI bermasalah: 3" in app.follow.value and "Ranggatalo" in app.follow.value
    everything = app.summary.value + table + app.follow.value + app.national_text.value
    for nik in trouble["nik"].astype(str):
        assert nik not in everything and nik[-4:] not in everything  # no identity number
    for name in trouble["nama"].astype(str):
        assert name not in everything  # no worker named
    assert all(image.value[:4] == b"\x89PNG" for image in app.charts)


def test_only_a_kepala_dinas_gets_a_dashboard(store):
    district(store)
    village = store.register("kepala_desa", "Kepala", "53.08.12.2014")
    app = DasborKabupatenApp(kode=village.code, store=store)
    assert "Anda masuk sebagai Kepala desa" in app.message.value and app.body.children == ()
    assert "Masuk di Beranda sebagai kepala dinas" in DasborKabupatenApp(store=store).message.value


def test_open_after_building_equals_building_with_the_code(store):
    from tests.test_app_open import snapshot

    dinas, _ = district(store)
    direct = DasborKabupatenApp(kode=dinas.code, store=store)
    later = DasborKabupatenApp(store=store)
    later.open(dinas.code)
    assert snapshot(later.container) == snapshot(direct.container)


def test_refresh_shows_a_village_that_signed_in_later(store):
    dinas, _ = district(store)
    app = DasborKabupatenApp(kode=dinas.code, store=store)
    store.register("kepala_desa", "Baru", "53.08.01.2003")
    app.refresh()
    assert "3 desa dari Kabupaten Ende" in app.summary.value


def test_district_export_sheet_by_sheet(store):
    import base64
    import io

    import openpyxl

    dinas, _ = district(store)
    app = DasborKabupatenApp(kode=dinas.code, store=store)
    app._export()
    data_uri = re.search(r'href="data:[^,]+,([^"]+)"', app.export_link.value).group(1)
    book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(data_uri)))
    assert "Peserta" not in book.sheetnames  # participants' names stay with the organisers
    sheet = book["1 Layanan migrasi"]
    assert "Dasbor Kabupaten Ende" in sheet["A1"].value
    assert [sheet.cell(row=r, column=2).value for r in (3, 4)] == ["Ondorea", "Ranggatalo"]


# --- national context -------------------------------------------------------------------------


def test_remittance_inflows_are_the_figures_of_facts_2_1():
    df = konteks.load_remitansi_tahunan().set_index("tahun")
    assert df["usd_miliar"].to_dict() == {
        2013: 7.42, 2014: 8.35, 2015: 9.45, 2016: 8.69, 2017: 8.76, 2018: 10.97,
        2019: 11.44, 2020: 9.43, 2021: 9.16, 2022: 9.71, 2023: 14.2, 2024: 15.7,
    }  # fmt: skip
    assert df.loc[2023, "catatan"] == "?" and (df.drop(2023)["catatan"] == "S").all()
    assert df["sumber"].notna().all()
    # 2018: +25,2% over 2017 (10,97 / 8,76 = 1,252)
    assert round(df.loc[2018, "usd_miliar"] / df.loc[2017, "usd_miliar"] - 1, 3) == 0.252


def test_rollout_is_the_figures_of_facts_0():
    df = konteks.load_perluasan().set_index("periode")
    assert df.loc["2017", "desa"] == 120 and df.loc["2018", "desa"] == 130
    assert (df.loc["2018", "kabupaten"], df.loc["2018", "provinsi"]) == (87, 12)
    assert (df.loc["2019", "desa"], df.loc["2019", "kecamatan"]) == (150, 138)
    # 2 pilots + 120 + 130 + 150 = 402, the cumulative figure the sources give for 2016-2019
    assert (
        df.loc[["2016", "2017", "2018", "2019"], "desa"].sum() == df.loc["2016/2019", "desa"] == 402
    )
    assert df.loc["2016/2022", "desa"] == 503


def test_reference_files_are_registered_with_checksums_and_documented():
    assert data.verify_checksums() == []
    readme = (data.DATA_DIR / "README.md").read_text(encoding="utf-8")
    for name in ("bi_remitansi_pmi_tahunan.csv", "desmigratif_perluasan.csv"):
        assert name in readme


def test_province_share_from_the_bp2mi_tables():
    ntb = {s.periode: s for s in konteks.pangsa_provinsi("52")}
    assert (ntb["2024"].jumlah, ntb["2024"].persen, ntb["2024"].dihitung) == (30342, 10.24, False)
    # 2023: the source gives no share; 33.949 / 274.965 national placements = 12,35%
    assert (ntb["2023"].persen, ntb["2023"].dihitung) == (12.35, True)
    assert ntb["2007/2024-11-14"].persen is None and ntb["2007/2024-11-14"].catatan == "?"
    assert konteks.pangsa_provinsi("53") == []  # NTT: not among the provinces sources name


def test_dashboard_says_the_province_share_or_that_there_is_none(store):
    ntb = store.register("kepala_dinas", "Kadis Lombok Timur", "52.03")
    text = DasborKabupatenApp(kode=ntb.code, store=store).national_text.value
    assert (
        "Nusa Tenggara Barat: 30.342 penempatan PMI pada 2024, 10,24% dari seluruh Indonesia"
        in text
    )
    assert "402 desa pada 2016-2019 dan 503 desa sampai 2022" in text
    ende = store.register("kepala_dinas", "Kadis Ende", ENDE)
    text = DasborKabupatenApp(kode=ende.code, store=store).national_text.value
    assert "Nusa Tenggara Timur tidak termasuk provinsi asal terbesar" in text


def test_villages_in_a_kabupaten():
    assert villages_in(ENDE) == 278


# --- the home page by role ----------------------------------------------------------------------


def role_links(app):
    return re.findall(r"data-testid='peran-([a-z_]+)'", app.first.value + app.after.value)


def test_home_page_by_role(store, tmp_path):
    dinas = store.register("kepala_dinas", "Kadis", ENDE)
    app = HomeApp(kode=dinas.code, store=store)
    assert role_links(app) == ["dasbor_kabupaten"] and app.after.value == ""
    children = list(app.container.children)
    assert children.index(app.first) < children.index(app.body) < children.index(app.pillars)
    assert f"app_dasbor_kabupaten.ipynb?kode={dinas.code}" in app.first.value

    fasil = store.register("fasilitator", "Fasil")
    app = HomeApp(kode=fasil.code, store=store)
    assert role_links(app) == ["papan_hasil", "panduan_fasilitator"]

    village = store.register("kepala_desa", "Kepala", "53.08.12.2014")
    app = HomeApp(kode=village.code, store=store)
    assert role_links(app) == ["rencana_aksi"] and app.first.value == ""
    children = list(app.container.children)
    assert children.index(app.pillars) < children.index(app.after)
    assert "pilar 1, 2, 3, 4, lalu rencana aksi desa" in app.pillars.value

    app._sign_out(None)
    assert app.first.value == app.after.value == ""
