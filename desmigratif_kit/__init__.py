"""Desmigratif Kit: calculations, data, saved work and apps for the Desmigratif workshop.

The package has three layers (see ``../README.md``):

* pure calculations and data (``i18n``, ``data``, ``store``, one module per pillar),
* App classes built with ipywidgets (``desmigratif_kit.apps``),
* thin notebooks under ``notebooks/`` that Voila turns into apps.
"""

__version__ = "0.1.0"
