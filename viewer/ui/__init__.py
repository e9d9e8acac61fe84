"""Qt user interface over the core's results. Imports Qt; the core never imports this."""

from __future__ import annotations
