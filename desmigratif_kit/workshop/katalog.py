"""The workshop's own notebooks, as :class:`core.catalog.AppEntry` (the home page links them).

>>> RENCANA_AKSI.notebook, PANDUAN.judul_key
('lokakarya/app_rencana_aksi.ipynb', 'app.panduan_fasilitator')
"""

from __future__ import annotations

from desmigratif_kit.core.catalog import AppEntry

FOLDER = "lokakarya"
RENCANA_AKSI = AppEntry("rencana_aksi", f"{FOLDER}/app_rencana_aksi.ipynb")
PAPAN_HASIL = AppEntry("papan_hasil", f"{FOLDER}/app_papan_hasil.ipynb")
DASBOR_KABUPATEN = AppEntry("dasbor_kabupaten", f"{FOLDER}/app_dasbor_kabupaten.ipynb")
PANDUAN = AppEntry("panduan_fasilitator", f"{FOLDER}/panduan_fasilitator.ipynb")
"""The facilitator guide (a notebook rendered by Voila, mostly text)."""
ENTRIES = (RENCANA_AKSI, PAPAN_HASIL, DASBOR_KABUPATEN, PANDUAN)
