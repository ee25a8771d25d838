"""BP2MI placement statistics: the reference tables and their loaders (FACTS.md 1.8)."""

from __future__ import annotations

import pathlib

import pytest

from desmigratif_kit.core import i18n
from desmigratif_kit.migration import penempatan
from desmigratif_kit.migration.penempatan import (
    load_penempatan_negara,
    load_penempatan_provinsi,
    load_penempatan_rincian,
    load_penempatan_tahunan,
)


def test_yearly_placements_show_covid_drop():
    df = load_penempatan_tahunan().set_index("tahun")
    assert list(df.index) == list(range(2011, 2025))
    penempatan = df["penempatan"]
    assert penempatan[2020] < penempatan[2019] / 2
    assert penempatan[2021] == penempatan.min() == 72_658
    assert penempatan[2022] > penempatan[2021]
    assert df.loc[2017, "catatan"] == "?"
    assert (df["sumber"].str.len() > 0).all()


def test_yearly_breakdowns_add_up_where_given():
    df = load_penempatan_tahunan().dropna(subset=["perempuan"])
    assert ((df["perempuan"] + df["laki_laki"]) == df["penempatan"]).all()
    df = load_penempatan_tahunan().dropna(subset=["formal"])
    assert ((df["formal"] + df["informal"]) == df["penempatan"]).all()


def test_destinations_and_provinces():
    negara = load_penempatan_negara("2023").set_index("negara")
    assert negara.loc["Taiwan", "jumlah"] == 83_216 and negara.loc["Taiwan", "persen"] == 30.3
    assert (load_penempatan_negara("2007/2024-11-14")["catatan"] == "?").all()
    prov = load_penempatan_provinsi("2024").set_index("provinsi")
    assert prov.loc["Jawa Timur", "jumlah"] == 79_001
    assert prov.loc["Jawa Timur", "kode_provinsi"] == "35"
    with pytest.raises(i18n.InputError):
        load_penempatan_negara("1999")


def test_job_and_scheme_breakdown():
    skema = load_penempatan_rincian("skema").set_index("kategori")["jumlah"]
    assert (
        skema["G to G"]
        == skema["G to G Korea Selatan"] + skema["G to G Jepang"] + skema["G to G Jerman"]
    )
    with pytest.raises(i18n.InputError):
        load_penempatan_rincian("umur")


def test_loaders_return_copies():
    df = load_penempatan_tahunan()
    df.loc[0, "penempatan"] = 0
    assert load_penempatan_tahunan().loc[0, "penempatan"] == 586_802


def test_loaders_are_re_exported_by_migration():
    from desmigratif_kit import migration

    for name in penempatan.__all__:
        assert getattr(migration, name) is getattr(penempatan, name)


def test_module_stays_free_of_widgets_and_plotting():
    text = pathlib.Path(penempatan.__file__).read_text(encoding="utf-8")
    for name in ("ipywidgets", "IPython", "matplotlib"):
        assert name not in text
