"""Desmigratif Kit: calculations, data, saved work and apps for the Desmigratif workshop.

One package per pillar and a core that knows no pillar (see ``docs/ARCHITECTURE.md``):

* ``core``: i18n, data files and tables, saved work (SQLite), exercises, the App base, charts base;
* ``migration`` (pillar 1), ``business`` (2), ``parenting`` (3), ``cooperative`` (4): each
  pillar's rules, data, charts, exercises and apps; its ``__init__`` is its public API;
* ``workshop``: the home page (later the action plan, results board, district dashboard);
* ``server``: the workshop server around Voila, the CLI, the Voila template.

Thin notebooks under ``notebooks/`` build the apps; Voila serves them.
"""

__version__ = "0.1.0"
