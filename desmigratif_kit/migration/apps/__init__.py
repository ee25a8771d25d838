"""Pillar 1 apps, one module per app (ipywidgets): :mod:`.cek_kesiapan`, :mod:`.waspada_calo`,
:mod:`.register_desa`; :mod:`.common` holds what they share.

An app notebook imports only its own module, so a kernel loads one app's code.
"""
