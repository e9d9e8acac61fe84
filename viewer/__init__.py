"""Timeline Viewer: dated events from a folder of news articles, on a timeline."""

from __future__ import annotations

__version__ = "0.1.0"
