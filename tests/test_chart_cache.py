"""Charts a lesson shows are drawn once per workshop server (core.chart_cache)."""

from __future__ import annotations

import pandas as pd
import pytest

from desmigratif_kit.core import chart_cache
from desmigratif_kit.core.chart_cache import ENV_CHART_CACHE, PngChart, _from_notebook, drawn_once
from desmigratif_kit.core.charts import Chart, figure, to_png
from desmigratif_kit.core.i18n import set_language
from desmigratif_kit.migration import charts as migration_charts

CALLS: list = []


@drawn_once
def chart_uji(df: pd.DataFrame, judul: str = "uji") -> Chart:
    CALLS.append((len(df), judul))
    return figure(3, 2, f"{judul}: {int(df['n'].sum())}")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    CALLS.clear()
    monkeypatch.setenv(ENV_CHART_CACHE, str(tmp_path))
    return tmp_path


def test_without_the_servers_folder_every_call_draws_a_figure(monkeypatch):
    monkeypatch.delenv(ENV_CHART_CACHE, raising=False)
    CALLS.clear()
    df = pd.DataFrame({"n": [1, 2]})
    assert isinstance(_from_notebook(chart_uji, df), Chart)
    assert isinstance(_from_notebook(chart_uji, df), Chart)
    assert len(CALLS) == 2


def test_a_notebook_cell_gets_the_chart_drawn_once(cache):
    df = pd.DataFrame({"n": [1, 2]})
    first = _from_notebook(chart_uji, df, judul="a")
    again = _from_notebook(chart_uji, pd.DataFrame({"n": [1, 2]}), judul="a")
    assert isinstance(first, PngChart) and isinstance(again, PngChart)
    assert first.png == again.png == to_png(chart_uji.__wrapped__(df, judul="a"))
    assert first._repr_png_().startswith(b"\x89PNG")
    assert CALLS == [(2, "a"), (2, "a")]  # drawn once by the cell, once here to compare
    assert len(list(cache.glob("*.png"))) == 1 and not list(cache.glob("*.tmp"))


def test_other_data_language_or_arguments_draw_again(cache):
    df = pd.DataFrame({"n": [1, 2]})
    _from_notebook(chart_uji, df)
    _from_notebook(chart_uji, pd.DataFrame({"n": [1, 3]}))
    _from_notebook(chart_uji, df, judul="lain")
    set_language("en")
    try:
        _from_notebook(chart_uji, df)
    finally:
        set_language("id")
    assert len(CALLS) == 4 and len(list(cache.glob("*.png"))) == 4


def test_an_app_or_an_unreadable_argument_gets_the_figure(cache):
    df = pd.DataFrame({"n": [1, 2]})
    assert isinstance(chart_uji(df), Chart)  # called from library code (an app)

    class Lain:
        pass

    @drawn_once
    def chart_lain(x) -> Chart:
        return figure(2, 1, "lain")

    assert isinstance(_from_notebook(chart_lain, Lain()), Chart)
    assert list(cache.glob("*.png")) == []


def test_a_full_folder_takes_no_more(cache, monkeypatch):
    monkeypatch.setattr(chart_cache, "MAX_FILES", 1)
    _from_notebook(chart_uji, pd.DataFrame({"n": [1]}))
    second = _from_notebook(chart_uji, pd.DataFrame({"n": [2]}))
    assert isinstance(second, PngChart)  # still shown
    assert len(list(cache.glob("*.png"))) == 1


def test_a_lesson_chart_is_the_same_picture_from_the_cache(cache):
    tahunan = migration_charts.migration.load_penempatan_tahunan()
    drawn = to_png(migration_charts.chart_penempatan_tahunan(tahunan))
    cached = _from_notebook(migration_charts.chart_penempatan_tahunan, tahunan)
    from_file = _from_notebook(migration_charts.chart_penempatan_tahunan, tahunan)
    assert cached.png == drawn == from_file.png
