"""The kit's table of contents: pillars, their lessons, apps and notebooks (pure, no widgets).

The home page builds its links from here, lessons first, then apps, in the order a workshop
uses them. An entry whose notebook is not in ``notebooks/`` yet is listed as *segera tersedia*
(coming soon) instead of a link that would break.

>>> [p.nomor for p in PILLARS]
[1, 2, 3, 4]
>>> link_for(PILLARS[0].apps[0], kode="ABC234").endswith("?kode=ABC234")
True
>>> lesson("01_migrasi_aman").app_id
'pelajaran_01_migrasi_aman'
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

NOTEBOOKS_DIR = Path(
    os.environ.get("DESMIGRATIF_NOTEBOOKS") or Path(__file__).resolve().parents[2] / "notebooks"
)
HOME_NOTEBOOK = "00_beranda.ipynb"


@dataclass(frozen=True)
class AppEntry:
    """One app of a pillar: its notebook path (relative to ``notebooks/``) and catalog keys."""

    app_id: str
    notebook: str

    @property
    def judul_key(self) -> str:
        return f"app.{self.app_id}"

    @property
    def ringkasan_key(self) -> str:
        return f"app.{self.app_id}.desc"

    def available(self, notebooks_dir: Path | None = None) -> bool:
        """True when the app's notebook exists, so a link to it will work."""
        return ((notebooks_dir or NOTEBOOKS_DIR) / self.notebook).is_file()


@dataclass(frozen=True)
class LessonEntry:
    """One teaching notebook of a pillar, also a lesson in the browser (Voila).

    ``prefix`` selects its exercises (``"1."``: Latihan 1.1, 1.2, ...). Answers are saved in the
    store under :attr:`app_id` (the record's shape is in :mod:`.lessons`).
    """

    lesson_id: str
    notebook: str
    prefix: str

    @property
    def app_id(self) -> str:
        return f"pelajaran_{self.lesson_id}"

    @property
    def judul_key(self) -> str:
        return f"lesson.{self.lesson_id}"

    @property
    def ringkasan_key(self) -> str:
        return f"lesson.{self.lesson_id}.desc"

    def available(self, notebooks_dir: Path | None = None) -> bool:
        return ((notebooks_dir or NOTEBOOKS_DIR) / self.notebook).is_file()


@dataclass(frozen=True)
class Pillar:
    """One pillar: its number, title key, the package that holds it, and its apps."""

    nomor: int
    judul_key: str
    apps: tuple[AppEntry, ...]
    package: str = ""
    """The pillar's package (``desmigratif_kit.migration``); its ``latihan`` module, when there
    is one, registers the pillar's exercises (found by name: core imports no pillar)."""
    lessons: tuple[LessonEntry, ...] = ()


PILLARS: tuple[Pillar, ...] = (
    Pillar(
        1,
        "home.pillar_1",
        (
            AppEntry("cek_kesiapan", "1_layanan_migrasi/app_cek_kesiapan.ipynb"),
            AppEntry("waspada_calo", "1_layanan_migrasi/app_waspada_calo.ipynb"),
            AppEntry("register_desa", "1_layanan_migrasi/app_register_desa.ipynb"),
        ),
        package="desmigratif_kit.migration",
        lessons=(LessonEntry("01_migrasi_aman", "1_layanan_migrasi/01_migrasi_aman.ipynb", "1."),),
    ),
    Pillar(
        2,
        "home.pillar_2",
        (
            AppEntry("kalkulator_hpp", "2_usaha_produktif/app_kalkulator_hpp.ipynb"),
            AppEntry("titik_impas", "2_usaha_produktif/app_titik_impas.ipynb"),
            AppEntry("rencana_usaha", "2_usaha_produktif/app_rencana_usaha.ipynb"),
        ),
        package="desmigratif_kit.business",
        lessons=(
            LessonEntry("02_usaha_keluarga", "2_usaha_produktif/02_usaha_keluarga.ipynb", "2."),
        ),
    ),
    Pillar(
        3,
        "home.pillar_3",
        (
            AppEntry("tumbuh_kembang", "3_community_parenting/app_tumbuh_kembang.ipynb"),
            AppEntry("data_anak", "3_community_parenting/app_data_anak.ipynb"),
            AppEntry("rencana_parenting", "3_community_parenting/app_rencana_parenting.ipynb"),
        ),
        package="desmigratif_kit.parenting",
        lessons=(
            LessonEntry(
                "03_pengasuhan_bersama",
                "3_community_parenting/03_pengasuhan_bersama.ipynb",
                "3.",
            ),
        ),
    ),
    Pillar(
        4,
        "home.pillar_4",
        (
            AppEntry("simulasi_remitansi", "4_koperasi/app_simulasi_remitansi.ipynb"),
            AppEntry("kalkulator_pinjaman", "4_koperasi/app_kalkulator_pinjaman.ipynb"),
            AppEntry("pembagian_shu", "4_koperasi/app_pembagian_shu.ipynb"),
            AppEntry("koperasi_desa", "4_koperasi/app_koperasi_desa.ipynb"),
        ),
        package="desmigratif_kit.cooperative",
        lessons=(
            LessonEntry(
                "04_koperasi_dan_remitansi", "4_koperasi/04_koperasi_dan_remitansi.ipynb", "4."
            ),
        ),
    ),
)


def lesson(lesson_id: str) -> LessonEntry:
    """The lesson ``lesson_id`` (``KeyError`` when there is none)."""
    for pillar in PILLARS:
        for entry in pillar.lessons:
            if entry.lesson_id == lesson_id:
                return entry
    raise KeyError(f"no lesson {lesson_id!r} in the catalog")


def pillar_of(entry: AppEntry | LessonEntry) -> Pillar:
    """The pillar an app or a lesson belongs to.

    >>> pillar_of(lesson("01_migrasi_aman")).nomor
    1
    """
    for pillar in PILLARS:
        if entry in pillar.lessons or entry in pillar.apps:
            return pillar
    raise KeyError(f"{entry!r} is in no pillar of the catalog")


def link_for(entry: AppEntry | LessonEntry, kode: str | None = None) -> str:
    """Relative link from the home page (``/voila/render/00_beranda.ipynb``) to an app.

    >>> link_for(AppEntry("y", "1_x/app_y.ipynb"))
    '1_x/app_y.ipynb'
    >>> link_for(AppEntry("y", "1_x/app_y.ipynb"), kode="ABC234")
    '1_x/app_y.ipynb?kode=ABC234'
    """
    href = quote(entry.notebook)
    return f"{href}?{urlencode({'kode': kode})}" if kode else href
