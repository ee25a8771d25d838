"""App classes (ipywidgets): one per app; each notebook builds one and displays it."""
