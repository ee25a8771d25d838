"""Session-wide test settings shared by unit, notebook and browser tests."""

import os
import tempfile

# Kernels started by nbval and nbclient inherit this, so running the notebooks never writes
# a workspace/ folder into the repository (their working directory is the notebook's folder).
os.environ.setdefault("DESMIGRATIF_WORKSPACE", tempfile.mkdtemp(prefix="desmigratif-test-ws-"))
