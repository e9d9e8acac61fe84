"""`python -m viewer` is the same entry point as the `timeline-viewer` script."""

from __future__ import annotations

import sys

from viewer.cli import main

sys.exit(main())
