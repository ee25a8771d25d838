"""``python -m desmigratif_kit serve``."""

import sys

from desmigratif_kit.server.cli import main

if __name__ == "__main__":
    sys.exit(main())
