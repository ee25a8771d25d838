"""The facilitator guide and the offline slides: what the guide holds, that its links work,
and that the slide mode is served by the kit's own template (nothing from the internet)."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from desmigratif_kit.core import catalog, i18n
from desmigratif_kit.server.config import TEMPLATE_NAME, TEMPLATE_ROOT
from desmigratif_kit.workshop import katalog
from desmigratif_kit.workshop.panduan import SLIDES_QUERY, daftar_bahan

GUIDE = catalog.NOTEBOOKS_DIR / katalog.PANDUAN.notebook
TEMPLATE = TEMPLATE_ROOT / "voila" / "templates" / TEMPLATE_NAME


@pytest.fixture(autouse=True)
def indonesian():
    i18n.set_language("id")
    yield
    i18n.set_language("id")


def guide_text() -> str:
    nb = nbformat.read(GUIDE, as_version=4)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def test_the_guide_is_three_days_modelled_on_the_launch():
    text = guide_text()
    flat = " ".join(text.split())
    assert "11-13 September 2017" in flat and "Bidakara" in flat
    assert "120 kepala desa dan 60 kepala dinas" in flat
    days = re.findall(r"^## Hari (\d)", text, flags=re.M)
    assert days == ["1", "2", "3"]
    for day in re.split(r"^## Hari \d", text, flags=re.M)[1:]:
        times = re.findall(r"^\| (\d\d)\.(\d\d)-(\d\d)\.(\d\d) \|", day, flags=re.M)
        assert len(times) >= 8
        minutes = [(int(a) * 60 + int(b), int(c) * 60 + int(d)) for a, b, c, d in times]
        assert all(start < end for start, end in minutes)
        assert all(minutes[i][1] == minutes[i + 1][0] for i in range(len(minutes) - 1)), (
            "sessions follow each other without gaps or overlaps"
        )
        assert "Pertanyaan diskusi" in day


def test_every_pillar_has_sessions_and_discussion_questions():
    text = guide_text()
    for nomor in (1, 2, 3, 4):
        assert f"**Pertanyaan diskusi pilar {nomor}**" in text
        assert f"Pelajaran pilar {nomor}" in text
    for app in ("Rencana Aksi Desa", "Papan Hasil", "Dasbor Kabupaten"):
        assert app in text


def test_the_checklist_for_the_day_before():
    text = guide_text()
    checklist = text[text.index("## Daftar periksa H-1") : text.index("## Bahan")]
    for item in ("make workshop", "PIN fasilitator", "make backup", "Router Wi-Fi", "proyektor",
                 "kode QR", "--pool"):  # fmt: skip
        assert item.lower() in checklist.lower(), item
    assert checklist.count("- [ ]") >= 12


def test_materials_table_links_what_exists_and_marks_what_does_not():
    html = daftar_bahan()
    for pillar in catalog.PILLARS:
        for entry in (*pillar.lessons, *pillar.apps):
            link = f"../{entry.notebook}"
            if entry.available():
                assert f"href='{link}'" in html
                assert (GUIDE.parent / link).resolve().is_file()
            else:
                assert f"href='{link}'" not in html
    for lesson in (e for p in catalog.PILLARS for e in p.lessons if e.available()):
        assert f"href='../{lesson.notebook}?{SLIDES_QUERY}'" in html
    assert "segera tersedia" in html or all(
        e.available() for p in catalog.PILLARS for e in (*p.lessons, *p.apps)
    )
    assert daftar_bahan()._repr_html_() == html


def test_workshop_notebooks_exist():
    for entry in katalog.ENTRIES:
        assert entry.available(), entry.notebook


def test_slide_mode_is_served_by_the_kits_template_and_fetches_nothing():
    index = (TEMPLATE / "index.html.j2").read_text(encoding="utf-8")
    assert 'include_js("static/dk-slides.js")' in index
    assert 'include_css("static/dk-slides.css")' in index
    for name in ("dk-slides.js", "dk-slides.css"):
        text = (TEMPLATE / "static" / name).read_text(encoding="utf-8")
        assert not re.search(r"https?://|//cdn|@import", text), name
    script = (TEMPLATE / "static" / "dk-slides.js").read_text(encoding="utf-8")
    assert 'params.has("presentasi")' in script and SLIDES_QUERY.startswith("presentasi=")


def test_the_guide_links_only_to_notebooks_that_exist():
    for link in re.findall(r"\]\(([^)]+\.ipynb)[^)]*\)", guide_text()):
        assert (GUIDE.parent / link).resolve().is_file(), link
    assert Path(GUIDE).is_file()
