"""Permenkes 2/2020 categories (FACTS §3.1), their plain-word meanings, and the advice.

The boundary convention: a score exactly on a limit belongs to the better category, as the
regulation words its ranges ("-3 SD sd < -2 SD", "-2 SD sd +1 SD"). The table below is the
whole convention, limit by limit.
"""

import numpy as np
import pandas as pd
import pytest

from desmigratif_kit.core import i18n
from desmigratif_kit.core.i18n import InputError, catalog
from desmigratif_kit.parenting import (
    INDICES,
    KATEGORI,
    Saran,
    advice,
    categories_frame,
    category_code,
    classify,
    meaning,
)


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


BOUNDARIES = [
    # index, z, official label (Permenkes 2/2020, FACTS §3.1)
    ("bb_u", -3.01, "Berat badan sangat kurang (severely underweight)"),
    ("bb_u", -3.00, "Berat badan kurang (underweight)"),
    ("bb_u", -2.01, "Berat badan kurang (underweight)"),
    ("bb_u", -2.00, "Berat badan normal"),
    ("bb_u", 1.00, "Berat badan normal"),
    ("bb_u", 1.01, "Risiko berat badan lebih"),
    ("tb_u", -3.01, "Sangat pendek (severely stunted)"),
    ("tb_u", -3.00, "Pendek (stunted)"),
    ("tb_u", -2.01, "Pendek (stunted)"),
    ("tb_u", -2.00, "Normal"),
    ("tb_u", 3.00, "Normal"),
    ("tb_u", 3.01, "Tinggi (tall)"),
    ("bb_tb", -3.01, "Gizi buruk (severely wasted)"),
    ("bb_tb", -3.00, "Gizi kurang (wasted)"),
    ("bb_tb", -2.01, "Gizi kurang (wasted)"),
    ("bb_tb", -2.00, "Gizi baik (normal)"),
    ("bb_tb", 1.00, "Gizi baik (normal)"),
    ("bb_tb", 1.01, "Berisiko gizi lebih (possible risk of overweight)"),
    ("bb_tb", 2.00, "Berisiko gizi lebih (possible risk of overweight)"),
    ("bb_tb", 2.01, "Gizi lebih (overweight)"),
    ("bb_tb", 3.00, "Gizi lebih (overweight)"),
    ("bb_tb", 3.01, "Obesitas (obese)"),
    ("imt_u", -3.01, "Gizi buruk (severely wasted)"),
    ("imt_u", -2.00, "Gizi baik (normal)"),
    ("imt_u", 2.01, "Gizi lebih (overweight)"),
    ("imt_u", 3.01, "Obesitas (obese)"),
]


@pytest.mark.parametrize(("index", "z", "label"), BOUNDARIES)
def test_boundary_convention(index, z, label):
    assert classify(index, z) == label


def test_stunting_wasting_and_underweight_are_below_minus_2():
    """FACTS §3.1: stunting = TB/U < -2, wasting = BB/TB < -2, underweight = BB/U < -2."""
    for index, low in (
        ("tb_u", {"pendek", "sangat_pendek"}),
        ("bb_tb", {"gizi_kurang", "gizi_buruk"}),
        ("bb_u", {"bb_kurang", "bb_sangat_kurang"}),
    ):
        for z in np.arange(-6, 6, 0.01).round(2):
            assert (category_code(index, float(z)) in low) == (z < -2), (index, z)


def test_missing_scores_have_no_category_and_bad_input_is_refused():
    assert classify("bb_u", None) is None and classify("tb_u", float("nan")) is None
    assert category_code("bb_tb", pd.NA) is None
    with pytest.raises(InputError, match='"Indeks".*bb_u, tb_u, bb_tb, imt_u.*"zwei"'):
        classify("zwei", 1.0)
    with pytest.raises(InputError):
        classify("bb_u", "-2")


def test_the_vectorised_categories_agree_with_classify():
    z = np.arange(-7, 7.005, 0.01).round(2)
    frame = pd.DataFrame({index: z for index in INDICES})
    frame.loc[0, "tb_u"] = np.nan
    out = categories_frame(frame)
    for index in INDICES:
        expected = [classify(index, None if np.isnan(v) else float(v)) for v in frame[index]]
        got = [None if v is pd.NA else v for v in out[f"kategori_{index}"]]
        assert got == expected, index
    assert bool(out.loc[0, "flag_bb_u"]) and not bool(out.loc[0, "flag_tb_u"])


def test_every_category_has_its_catalog_entries_in_both_languages():
    for lang in ("id", "en"):
        messages = catalog(lang)
        for index, categories in KATEGORI.items():
            for kategori in categories:
                assert f"par.kategori.{index}.{kategori.kode}" in messages
                assert f"par.arti.{index}.{kategori.kode}" in messages
                assert f"par.alasan.{kategori.kode}" in messages or kategori.kode in {
                    "bb_normal",
                    "normal",
                    "gizi_baik",
                }
    for index, categories in KATEGORI.items():  # the Indonesian catalog keeps the legal label
        for kategori in categories:
            assert catalog("id")[f"par.kategori.{index}.{kategori.kode}"] == kategori.label


def test_plain_words_for_a_grandmother():
    text = meaning("bb_tb", -3.5)
    assert "sangat kurus" in text and "puskesmas" in text
    assert "SD" not in text and "z" not in text.split()
    assert meaning("bb_tb", -3.5, lang="en").startswith("The child is very thin")
    assert meaning("tb_u", None) is None


def test_advice_levels():
    normal = {"bb_u": 0.1, "tb_u": -0.5, "bb_tb": 0.4, "imt_u": 0.5}
    assert advice(normal) == Saran("baik", ())
    assert not advice(normal).rujuk
    assert advice({**normal, "bb_tb": -3.2, "imt_u": -3.1}) == Saran("segera", ("gizi_buruk",))
    assert advice({**normal, "bb_u": -3.4}).tingkat == "segera"
    assert advice({**normal, "tb_u": -2.3}) == Saran("rujuk", ("pendek",))
    assert advice({**normal, "tb_u": 3.2}) == Saran("rujuk", ("tinggi",))
    assert advice({**normal, "bb_tb": 2.5, "imt_u": 2.4}) == Saran("rujuk", ("gizi_lebih",))
    assert advice({**normal, "bb_tb": 1.5}) == Saran("pantau", ("berisiko_gizi_lebih",))
    assert advice(normal, status_kbm="T") == Saran("rujuk", ("tidak_naik",))
    assert advice(normal, status_kbm="O").tingkat == "baik"
    oedema = advice({"bb_u": None, "tb_u": -2.5, "bb_tb": None, "imt_u": None}, oedema=True)
    assert oedema == Saran("segera", ("edema", "pendek"))
    slip = advice({"bb_u": 5.6, "tb_u": 0.0, "bb_tb": 6.1, "imt_u": 6.0})
    assert slip.tingkat == "rujuk"
    assert {"tidak_wajar_bb_u", "tidak_wajar_bb_tb", "tidak_wajar_imt_u"} <= set(slip.alasan)


def test_advice_text_in_both_languages():
    saran = advice({"bb_u": -2.4, "tb_u": -2.6, "bb_tb": -1.1, "imt_u": -1.0})
    assert saran.teks().splitlines() == [
        "Bawa anak ke bidan desa atau puskesmas bulan ini untuk diperiksa.",
        "- Berat badan anak kurang untuk umurnya.",
        "- Anak pendek untuk umurnya (stunting).",
    ]
    assert saran.teks("en").startswith("Take the child to the village midwife")
