"""Workshop apps (ipywidgets): :mod:`.beranda`, the home page."""
