"""Kemendagri area codes (Kepmendagri 300.2.2-2138/2025): provinces down to villages.

>>> wilayah_name("32")
'Jawa Barat'
>>> normalize_kode("3212162004")
'32.12.16.2004'
"""

from __future__ import annotations

import csv
import ctypes
import logging
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from itertools import accumulate, islice
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from desmigratif_kit.core.files import WILAYAH_FILE, data_path
from desmigratif_kit.core.i18n import (
    InputError,
)
from desmigratif_kit.core.tables import Problem, TableError

log = logging.getLogger(__name__)

# --- Kemendagri area codes -----------------------------------------------------------------

_KODE = re.compile(r"\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?")
_LEVEL_BY_LENGTH = {2: 1, 5: 2, 8: 3, 13: 4}
_DIGITS_TO_KODE = {2: (2,), 4: (2, 2), 6: (2, 2, 2), 10: (2, 2, 2, 4)}


class Wilayah(NamedTuple):
    """An area: its Kemendagri code and name. Unpacks as ``kode, nama``."""

    kode: str
    nama: str


def kode_level(kode: str) -> int:
    """1 province, 2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan, from the code's length.

    >>> kode_level("32.12.16.2004")
    4
    """
    return _LEVEL_BY_LENGTH[len(kode)]


def kode_parent(kode: str) -> str | None:
    """The code of the area one level up, ``None`` for a province.

    >>> kode_parent("32.12.16.2004"), kode_parent("32")
    ('32.12.16', None)
    """
    return kode.rpartition(".")[0] or None


def normalize_kode(text: Any) -> str:
    """A Kemendagri code with its dots, from ``32.12.16.2004``, ``3212162004`` or `` 32.12 ``.

    >>> normalize_kode("3212162004"), normalize_kode(" 32.12 ")
    ('32.12.16.2004', '32.12')
    >>> normalize_kode("32.1")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai tidak dapat dibaca: diharapkan kode wilayah
    Kemendagri seperti 32.12.16.2004, diberikan "32.1".
    """
    code = re.sub(r"\s+", "", str(text))
    if code.isdigit() and len(code) in _DIGITS_TO_KODE:
        parts, start = [], 0
        for width in _DIGITS_TO_KODE[len(code)]:
            parts.append(code[start : start + width])
            start += width
        code = ".".join(parts)
    if not _KODE.fullmatch(code):
        raise InputError(expected="expected.wilayah_code", given=text)
    return code


def _wilayah_problems(codes: list[str], names: list[str], file: str) -> list[Problem]:
    """Every code well formed, unique, with a parent present; every name one line of text."""
    problems = []
    known = set(codes)
    seen: set[str] = set()
    for number, (code, name) in enumerate(zip(codes, names, strict=True), 2):
        if not _KODE.fullmatch(code):
            problems.append(Problem(file, number, "kode", "expected.wilayah_code", code))
            continue
        parent = kode_parent(code)
        if code in seen:
            problems.append(Problem(file, number, "kode", "expected.unique_code", code))
        if parent is not None and parent not in known:
            problems.append(Problem(file, number, "kode", "expected.wilayah_parent", code))
        if not name or "\n" in name:
            problems.append(Problem(file, number, "nama", "expected.text", name))
        seen.add(code)
    return problems


def _read_wilayah(path: Path) -> tuple[list[str], list[str]]:
    """Codes and names, in file order; a row without exactly two fields keeps its whole text
    as its code, so that validation reports it."""
    codes, names = [], []
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        if header != ["kode", "nama"]:
            problem = Problem(path.name, 1, None, "kode, nama", ",".join(header))
            raise TableError([problem], path.name)
        for row in reader:
            whole = len(row) == 2
            codes.append(row[0].strip() if whole else ",".join(row))
            names.append(row[1].strip() if whole else "")
    return codes, names


_NOT_SEARCHED = re.compile(r"[^\w\n]+|_")


def _search_text(text: str) -> str:
    """Names compare in lower case without spaces or punctuation: people type "Rangga Talo"
    for the village the Kepmendagri lists as "Ranggatalo".

    >>> _search_text("Rangga  Talo"), _search_text("S. Rengas-Permata")
    ('ranggatalo', 'srengaspermata')
    """
    return _NOT_SEARCHED.sub("", str(text).casefold()).replace("\n", "")


class PackedStrings(Sequence[str]):
    """A read-only list of strings kept as one string and an array of end offsets.

    91,599 names as separate ``str`` objects take about 11 MB; packed, about 2 MB. Each
    kernel (one per participant) holds its own copy, so this matters.

    >>> names = PackedStrings(["Aceh", "Bali", ""])
    >>> len(names), names[1], names[-1], names[0:2], list(names)
    (3, 'Bali', '', ['Aceh', 'Bali'], ['Aceh', 'Bali', ''])
    """

    def __init__(self, texts: Iterable[str]) -> None:
        texts = list(texts)
        self._blob = "".join(texts)
        self._ends = array("i", accumulate(map(len, texts)))

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        start = self._ends[i - 1] if i > 0 else 0
        return self._blob[start : self._ends[i]]

    def __iter__(self) -> Iterator[str]:
        start = 0
        for end in self._ends:
            yield self._blob[start:end]
            start = end


class _WilayahIndex:
    """Codes and names per level, sorted by code, so that every lookup is a binary search.

    The children of an area are a contiguous run of the next level (their codes share the
    parent's code and a dot), and so are the villages under any area. Village search runs
    ``str.find`` over one string of lower-case names separated by newlines.
    """

    def __init__(self, codes: list[str], names: list[str]) -> None:
        if any(a > b for a, b in zip(codes, codes[1:], strict=False)):
            order = sorted(range(len(codes)), key=codes.__getitem__)
            codes, names = [codes[i] for i in order], [names[i] for i in order]
        self.codes, self.names = [], []
        for width in _LEVEL_BY_LENGTH:
            chosen = [i for i, code in enumerate(codes) if len(code) == width]
            self.codes.append(PackedStrings(codes[i] for i in chosen))
            self.names.append(PackedStrings(names[i] for i in chosen))
        joined = "\n".join(self.names[3]).casefold()
        self.haystack = "\n" + _NOT_SEARCHED.sub("", joined) + "\n"
        lengths = map(len, self.haystack[1:-1].split("\n"))
        # where each village name starts in the haystack, then one past the end
        self.starts = array("i", accumulate((n + 1 for n in lengths), initial=1))

    def find(self, kode: str) -> int:
        level = kode_level(kode) - 1
        codes = self.codes[level]
        i = bisect_left(codes, kode)
        if i == len(codes) or codes[i] != kode:
            raise InputError(
                "input.not_found",
                expected="expected.wilayah_code",
                given=kode,
                field="home.desa" if level == 3 else None,
            )
        return i

    def span(self, level: int, prefix: str) -> tuple[int, int]:
        """Positions in ``level`` (0-3) of the codes under ``prefix`` (all when empty)."""
        codes = self.codes[level]
        if not prefix:
            return 0, len(codes)
        return bisect_left(codes, prefix + "."), bisect_left(codes, prefix + "/")

    def matches(self, needle: str, lo: int, hi: int) -> Iterator[int]:
        """Village positions in ``lo:hi`` whose name contains ``needle``: names that start
        with it first, then the others, each in code order, each once."""
        haystack, starts = self.haystack, self.starts
        start, end = starts[lo] - 1, starts[hi]
        position = haystack.find("\n" + needle, start, end)
        while position != -1:
            i = bisect_right(starts, position + 1) - 1
            yield i
            position = haystack.find("\n" + needle, starts[i + 1] - 1, end)
        position = haystack.find(needle, start, end)
        while position != -1:
            i = bisect_right(starts, position) - 1
            if position != starts[i]:  # names starting with the needle were listed above
                yield i
            position = haystack.find(needle, starts[i + 1], end)


@cache
def _wilayah_index(path: Path) -> _WilayahIndex:
    codes, names = _read_wilayah(path)
    problems = _wilayah_problems(codes, names, path.name)
    if problems:
        raise TableError(problems, path.name)
    index = _WilayahIndex(codes, names)
    del codes, names
    _return_free_memory()
    return index


def _return_free_memory() -> None:
    """Hand memory freed by a big build back to the system (glibc; elsewhere nothing).

    Building the area index creates some 200,000 short-lived strings; glibc keeps their
    space unless asked, which makes every kernel about 7 MB bigger than it needs to be.
    """
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _index() -> _WilayahIndex:
    return _wilayah_index(data_path(WILAYAH_FILE))


@cache
def _wilayah_frame(path: Path) -> pd.DataFrame:
    index = _wilayah_index(path)
    codes = [code for level in index.codes for code in level]
    names = [name for level in index.names for name in level]
    frame = pd.DataFrame(
        {
            "kode": pd.array(codes, dtype="str"),
            "nama": pd.array(names, dtype="str"),
            "tingkat": np.array([kode_level(code) for code in codes], dtype="int8"),
            "induk": pd.Categorical([kode_parent(code) for code in codes]),
        }
    )
    frame = frame.sort_values("kode", ignore_index=True)
    _return_free_memory()
    return frame


def load_wilayah() -> pd.DataFrame:
    """Every Kemendagri area (Kepmendagri 300.2.2-2138/2025): ``kode``, ``nama``, ``tingkat``
    (1 province … 4 desa/kelurahan, ``int8``), ``induk`` (parent code, categorical, missing for
    provinces), sorted by code. Validated on first use and cached for the process.

    >>> wilayah = load_wilayah()
    >>> wilayah.groupby("tingkat").size().tolist()
    [38, 514, 7285, 83762]
    >>> row = wilayah.iloc[1]
    >>> row.kode, row.nama, int(row.tingkat), row.induk
    ('11.01', 'Kabupaten Aceh Selatan', 2, '11')
    """
    return _wilayah_frame(data_path(WILAYAH_FILE)).copy(deep=False)


def _areas(codes: list[str], names: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"kode": codes, "nama": names}, columns=["kode", "nama"])


def wilayah_children(kode: str | None = None) -> pd.DataFrame:
    """The areas directly under ``kode`` (the provinces when ``None``) as a DataFrame with
    columns ``kode`` and ``nama``, in code order; empty under a desa.

    >>> wilayah_children().iloc[0].tolist()
    ['11', 'Aceh']
    >>> len(wilayah_children("33.29.15")), len(wilayah_children("33.29.15.2007"))
    (11, 0)
    """
    index = _index()
    if kode is None:
        return _areas(index.codes[0], index.names[0])
    code = normalize_kode(kode)
    index.find(code)
    level = kode_level(code)
    if level == 4:
        return _areas([], [])
    lo, hi = index.span(level, code)
    return _areas(index.codes[level][lo:hi], index.names[level][lo:hi])


def wilayah_name(kode: str) -> str:
    """The name of an area.

    >>> wilayah_name("33.29.15.2007")
    'Rengaspendawa'
    >>> wilayah_name("32.99")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai tidak ditemukan: diharapkan kode wilayah Kemendagri
    seperti 32.12.16.2004, diberikan "32.99".
    """
    code = normalize_kode(kode)
    index = _index()
    return index.names[kode_level(code) - 1][index.find(code)]


def wilayah_path(kode: str) -> list[Wilayah]:
    """The areas from the province down to ``kode``.

    >>> [nama for _, nama in wilayah_path("33.29.15.2007")]
    ['Jawa Tengah', 'Kabupaten Brebes', 'Larangan', 'Rengaspendawa']
    """
    code = normalize_kode(kode)
    parts = code.split(".")
    prefixes = [".".join(parts[: n + 1]) for n in range(len(parts))]
    return [Wilayah(prefix, wilayah_name(prefix)) for prefix in prefixes]


def search_desa(text: str, parent: str | None = None, limit: int = 50) -> pd.DataFrame:
    """Villages (desa/kelurahan) whose name contains ``text``, ignoring case, spaces and
    punctuation, under ``parent`` (a province, kabupaten or kecamatan code) when given.

    Returns a DataFrame with columns ``kode`` and ``nama``, at most ``limit`` rows: names that
    start with ``text`` first, then the others, each in code order. Text made of digits and
    dots searches codes instead (``33.29.15`` lists that kecamatan's villages); empty text
    lists the first villages under ``parent``. Built for typing: about 0.1-1 ms a call.

    >>> search_desa("rangga talo")
                kode        nama
    0  53.08.12.2014  Ranggatalo
    >>> search_desa("pabean", parent="32.12")["nama"].tolist()
    ['Pabeanudik', 'Pabeanilir']
    >>> search_desa("pabean", parent="99")
    Traceback (most recent call last):
    ...
    desmigratif_kit.core.i18n.InputError: Nilai tidak ditemukan: diharapkan kode wilayah Kemendagri
    seperti 32.12.16.2004, diberikan "99".
    """
    index = _index()
    prefix = ""
    if parent is not None:
        prefix = normalize_kode(parent)
        index.find(prefix)
    lo, hi = index.span(3, prefix)
    typed = re.sub(r"\s+", "", str(text))
    needle = _search_text(typed)
    if not needle or re.fullmatch(r"[\d.]+", typed):
        positions = _code_prefix_matches(index.codes[3], typed if needle else "", lo, hi, limit)
    else:
        positions = list(islice(index.matches(needle, lo, hi), limit))
    return _areas([index.codes[3][i] for i in positions], [index.names[3][i] for i in positions])


def _code_prefix_matches(
    codes: Sequence[str], prefix: str, lo: int, hi: int, limit: int
) -> list[int]:
    """Positions in sorted ``codes[lo:hi]`` that start with ``prefix``: one contiguous run."""
    positions = []
    for i in range(max(lo, bisect_left(codes, prefix)), hi):
        if len(positions) == limit or not codes[i].startswith(prefix):
            break
        positions.append(i)
    return positions
