"""The apps of pillar 3 (ipywidgets): one module per app, ``common`` and the views."""
