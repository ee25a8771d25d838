"""Core services every pillar uses; core knows no pillar.

* :mod:`.i18n`: language, message catalogs, Indonesian formatting and parsing;
* :mod:`.data` (with :mod:`.files`, :mod:`.tables`, :mod:`.wilayah`): data files and checksums,
  reading uploaded tables against a schema, Kemendagri area codes;
* :mod:`.store` (with :mod:`.participant`): saved work in SQLite keyed by participant code;
* :mod:`.catalog`: the table of contents (pillars, their packages, apps and notebooks);
* :mod:`.inputs`: small input checks shared by rules modules;
* :mod:`.latihan`: the exercise machinery (``cek``);
* :mod:`.app`: the App base, participant bar, language switch, ``query_params`` (ipywidgets);
* :mod:`.charts`: the drawing base (matplotlib).

Core imports no pillar, no ``workshop`` and no ``server``.
"""
