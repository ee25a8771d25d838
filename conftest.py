"""Session-wide test settings shared by unit, notebook and browser tests."""

import os
import sys
import tempfile

import pytest

# Kernels started by nbval and nbclient inherit this, so running the notebooks never writes
# a workspace/ folder into the repository (their working directory is the notebook's folder).
os.environ.setdefault("DESMIGRATIF_WORKSPACE", tempfile.mkdtemp(prefix="desmigratif-test-ws-"))


@pytest.fixture(autouse=True)
def _close_widgets():
    """Close the widgets a test built. ipywidgets keeps every open widget in a registry, so
    without this every app a worker ever built stayed alive and redrew itself on each later
    change of language (tests slowed down as a worker went on: 40 s teardowns)."""
    yield
    widgets = sys.modules.get("ipywidgets")
    if widgets is not None:
        widgets.Widget.close_all()
