"""Charts drawn once per workshop server, not once per participant.

A lesson shows the same charts to every participant (the same data, the same language, the
same day). Drawing one with matplotlib costs a forked kernel 10-16 MB of its own memory
(every matplotlib object it touches is copied from the warm parent) and ~0.3 s of CPU; a wave
of 60 into a lesson of six charts paid that 360 times. With :func:`drawn_once` on a chart
function, a kernel of the workshop server that calls it *from a notebook cell* gets the PNG
another kernel already drew (a file in the server's chart folder, named after the call).

Only where the server asks for it: the folder is ``$DESMIGRATIF_CHART_CACHE`` (set by
``desmigratif-kit serve`` for its kernels, removed when it stops). In JupyterLab, in tests and
when an app calls the function (an app draws a participant's own data and may change the
figure), the function returns its figure as always.

The call's key is the function, its arguments (DataFrames by content), the language and the
date; an argument whose content cannot be read safely (any other object) means no cache.

>>> import os, tempfile
>>> calls = []
>>> @drawn_once
... def chart_contoh(n):
...     calls.append(n)
...     from desmigratif_kit.core.charts import figure
...     return figure(2, 1, f"contoh {n}")
>>> type(chart_contoh(1)).__name__          # no folder: the figure, as always
'Chart'
>>> os.environ[ENV_CHART_CACHE] = tempfile.mkdtemp()
>>> first, again = _from_notebook(chart_contoh, 2), _from_notebook(chart_contoh, 2)
>>> type(first).__name__, first.png == again.png, calls
('PngChart', True, [1, 2])
>>> del os.environ[ENV_CHART_CACHE]
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import enum
import functools
import hashlib
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ENV_CHART_CACHE = "DESMIGRATIF_CHART_CACHE"
MAX_FILES = 2000
"""A folder with this many charts takes no more (a long workshop of apps' own data)."""
NOTEBOOK_MODULE = "__main__"
"""The module a notebook cell's code runs in (IPython's user namespace)."""


class PngChart:
    """A chart already drawn: shown as a PNG by Jupyter and Voila, like a
    :class:`~desmigratif_kit.core.charts.Chart`."""

    __slots__ = ("png",)

    def __init__(self, png: bytes):
        self.png = png

    def _repr_png_(self) -> bytes:
        return self.png

    def __repr__(self) -> str:
        return f"<PngChart {len(self.png)} bytes>"


class _Unreadable(Exception):
    """An argument whose content the key cannot include."""


def _feed(h, value) -> None:
    """Put ``value``'s content into the hash ``h`` (raises :class:`_Unreadable`)."""
    if value is None or isinstance(value, (bool, int, float, str, bytes, decimal.Decimal,
                                           dt.date, dt.datetime, dt.time, enum.Enum)):  # fmt: skip
        h.update(f"{type(value).__qualname__}:{value!r};".encode())
    elif isinstance(value, (list, tuple)):
        h.update(f"{type(value).__name__}[{len(value)}".encode())
        for item in value:
            _feed(h, item)
        h.update(b"]")
    elif isinstance(value, (set, frozenset)):
        _feed(h, sorted(value, key=repr))
    elif isinstance(value, dict):
        h.update(f"dict[{len(value)}".encode())
        for key in sorted(value, key=repr):
            _feed(h, key)
            _feed(h, value[key])
        h.update(b"]")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        h.update(f"{type(value).__module__}.{type(value).__qualname__}(".encode())
        for field in dataclasses.fields(value):
            h.update(field.name.encode())
            _feed(h, getattr(value, field.name))
        h.update(b")")
    else:
        pd = sys.modules.get("pandas")
        if pd is not None and isinstance(value, (pd.DataFrame, pd.Series)):
            h.update(f"{type(value).__name__}{value.shape}".encode())
            frame = value if isinstance(value, pd.DataFrame) else value.to_frame()
            _feed(h, [str(n) for n in frame.columns])
            _feed(h, [str(t) for t in frame.dtypes])
            _feed(h, [str(n) for n in value.index.names])
            try:
                hashed = pd.util.hash_pandas_object(value, index=True).to_numpy().tobytes()
            except TypeError as err:  # cells holding lists, dicts, ...
                raise _Unreadable(str(err)) from err
            h.update(hashed)
        else:
            raise _Unreadable(type(value).__qualname__)


def call_key(func: Callable, args: tuple, kwargs: dict, lang: str) -> str | None:
    """The file name of this call's chart, or ``None`` when an argument cannot be read.

    >>> import pandas as pd
    >>> def key(*args, lang="id"):
    ...     return call_key(len, args, {}, lang)
    >>> key(pd.DataFrame({"a": [1]})) == key(pd.DataFrame({"a": [1]}))
    True
    >>> key(pd.DataFrame({"a": [1]})) == key(pd.DataFrame({"a": [2]}))
    False
    >>> key(1) == key(1, lang="en"), key(object())
    (False, None)
    """
    h = hashlib.sha256()
    h.update(f"{func.__module__}.{func.__qualname__}|{lang}|{dt.date.today()}|".encode())
    try:
        _feed(h, list(args))
        _feed(h, dict(kwargs))
    except _Unreadable:
        return None
    return h.hexdigest()[:40]


def _write(path: Path, png: bytes) -> None:
    folder = path.parent
    try:
        if sum(1 for _ in zip(range(MAX_FILES), folder.iterdir(), strict=False)) >= MAX_FILES:
            return
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(png)
        os.replace(tmp, path)  # another kernel drawing the same chart at once: same bytes
    except OSError:
        pass


def drawn_once(func: Callable) -> Callable:
    """Decorate a chart function (see the module's text)."""

    @functools.wraps(func)
    def chart(*args, **kwargs):
        folder = os.environ.get(ENV_CHART_CACHE)
        if not folder or sys._getframe(1).f_globals.get("__name__") != NOTEBOOK_MODULE:
            return func(*args, **kwargs)
        from desmigratif_kit.core.i18n import get_language

        key = call_key(func, args, kwargs, get_language())
        if key is None:
            return func(*args, **kwargs)
        path = Path(folder) / f"{key}.png"
        try:
            return PngChart(path.read_bytes())
        except OSError:
            pass
        from desmigratif_kit.core.charts import to_png

        png = to_png(func(*args, **kwargs))
        _write(path, png)
        return PngChart(png)

    return chart


def _from_notebook(func: Callable, *args, **kwargs):
    """Call ``func`` as a notebook cell does (for the examples and tests)."""
    namespace = {"__name__": NOTEBOOK_MODULE, "func": func, "args": args, "kwargs": kwargs}
    exec("result = func(*args, **kwargs)", namespace)  # noqa: S102
    return namespace["result"]
