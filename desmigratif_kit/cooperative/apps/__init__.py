"""The pillar-4 apps (ipywidgets): one module per app, shared pieces in :mod:`.common`.

:mod:`.simulasi_remitansi`, :mod:`.kalkulator_pinjaman`, :mod:`.pembagian_shu`,
:mod:`.koperasi_desa`; each has an App class and a ``preload()`` for preheated kernels.
"""
