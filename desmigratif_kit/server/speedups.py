"""Less work for the server's one thread per page.

Voila builds a new nbconvert exporter for every page (and for every kernel a pool prepares),
and each exporter a new Jinja environment that parses and compiles the whole template chain
again: about half of the server's CPU per page (measured with py-spy, docs/benchmark.md).
:func:`install_template_cache` gives every such environment one shared, in-memory
:class:`jinja2.BytecodeCache`: a template is compiled once per server, then only loaded.
Templates are still read from disk and checked, so an edited template is compiled again.
"""

from __future__ import annotations

import threading

from jinja2 import BytecodeCache


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory for the server's lifetime (keyed by Jinja with the
    template's name and a checksum of its source)."""

    def __init__(self):
        self._code: dict[str, bytes] = {}
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def load_bytecode(self, bucket) -> None:
        with self._lock:
            code = self._code.get(bucket.key)
        if code is None:
            self.misses += 1
        else:
            self.hits += 1
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket) -> None:
        code = bucket.bytecode_to_string()
        with self._lock:
            self._code[bucket.key] = code

    def clear(self) -> None:
        with self._lock:
            self._code.clear()


TEMPLATE_CACHE = MemoryBytecodeCache()


def install_template_cache(cache: BytecodeCache = TEMPLATE_CACHE) -> bool:
    """Give every Jinja environment Voila's exporter creates ``cache``. Idempotent; returns
    whether it is in place (``False`` if Voila's exporter changed shape)."""
    from voila.exporter import VoilaExporter

    create = getattr(VoilaExporter, "_create_environment", None)
    if create is None:
        return False
    if getattr(create, "_desmigratif_cache", None) is cache:
        return True
    original = getattr(create, "_desmigratif_original", create)

    def _create_environment(self):
        environment = original(self)
        environment.bytecode_cache = cache
        return environment

    _create_environment._desmigratif_cache = cache
    _create_environment._desmigratif_original = original
    VoilaExporter._create_environment = _create_environment
    return True
