"""Shared app pieces of the core (ipywidgets): answer fields and the lesson view."""
