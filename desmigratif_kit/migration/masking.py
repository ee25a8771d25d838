"""Pillar 1: identity numbers (NIK, passport, family phone) masked wherever they are shown to
anyone but their owner: in tables and exports (:func:`masked`), and in messages, whatever
column a number was typed in (:func:`mask_digits`, :func:`masked_error`).

>>> mask_nik("9901 0145 0199 1234"), mask_digits("NIK 990101450199123 salah")
('************1234', 'NIK ***********9123 salah')
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from desmigratif_kit.core import data, i18n
from desmigratif_kit.core.inputs import missing

__all__ = ["MASKED_COLUMNS", "mask_digits", "mask_id", "mask_nik", "masked", "masked_error"]

MASKED_COLUMNS = ("nik", "nomor_paspor", "telepon_keluarga")
"""Register columns that hold identity numbers."""

_NOMOR_PANJANG = re.compile(r"\d(?:[ .\-]?\d){8,}")
"""Nine or more digits, possibly written with spaces, dots or dashes: an identity number
(NIK, passport, phone) or a piece of one, wherever it turns up in a message."""


def _clean_nik(value: Any) -> str:
    return "" if missing(value) else re.sub(r"[\s.\-]", "", str(value))


def mask_id(number: Any) -> str:
    """An identity number with all but its last 4 characters replaced by ``*``.

    Spaces are dropped first; a number of 4 characters or fewer is masked entirely; an empty
    value gives ``""``.

    >>> mask_id("B 1234567"), mask_id(812), mask_id(None)
    ('****4567', '***', '')
    """
    if missing(number):
        return ""
    text = re.sub(r"\s+", "", str(number))
    if len(text) <= 4:
        return "*" * len(text)
    return "*" * (len(text) - 4) + text[-4:]


def mask_nik(nik: Any) -> str:
    """A NIK shown as ``************1234`` (spaces and dots removed first).

    >>> mask_nik("9901 0145 0199 1234")
    '************1234'
    """
    return mask_id(_clean_nik(nik))


def masked(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` with NIK, passport and family phone numbers masked (last 4 kept).

    Use it for every display and every export meant for anyone but the worker.

    >>> masked(pd.DataFrame({"nama": ["Siti"], "nik": ["9901014501990001"]}))
       nama               nik
    0  Siti  ************0001
    """
    if not isinstance(df, pd.DataFrame):
        raise i18n.InputError(
            "input.unreadable",
            expected="expected.choice",
            choices=", ".join(MASKED_COLUMNS),
            given=type(df).__name__,
        )
    out = df.copy()
    for name in MASKED_COLUMNS:
        if name in out.columns:
            mask = mask_nik if name == "nik" else mask_id
            out[name] = pd.array([mask(v) for v in out[name]], dtype="string")
    return out


def mask_digits(text: Any) -> str:
    """``text`` with every run of nine or more digits masked like :func:`mask_id` (last 4
    kept), so no identity number reaches a message, whatever column it was typed in.

    >>> mask_digits('kolom "NIK" diberikan 9901 0145 0199 0001, baris 12/09/2017')
    'kolom "NIK" diberikan ************0001, baris 12/09/2017'
    """
    if missing(text):
        return ""
    return _NOMOR_PANJANG.sub(lambda m: mask_id(re.sub(r"\D", "", m.group())), str(text))


def _masked_problem(problem: data.Problem) -> data.Problem:
    values = {k: mask_digits(v) if isinstance(v, str) else v for k, v in problem.values.items()}
    return data.Problem(
        problem.file,
        problem.row,
        problem.column,
        problem.expected,
        mask_digits(problem.given),
        values,
        problem.key,
    )


def masked_error(err: data.TableError) -> data.TableError:
    """The same problems with every identity number in them masked (:func:`mask_digits`).

    >>> err = data.TableError([data.Problem("a.csv", 2, "NIK", "expected.nik",
    ...                                     "990101450199000")], "a.csv")
    >>> masked_error(err).problems[0].given
    '***********9000'
    """
    return data.TableError([_masked_problem(p) for p in err.problems], err.file)
