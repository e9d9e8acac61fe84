"""`python -m viewer` is the same entry point as the `timeline-viewer` script."""

from __future__ import annotations

import sys

from viewer.cli import main

if __name__ == "__main__":  # worker processes import this module again: they must not run it
    sys.exit(main())
