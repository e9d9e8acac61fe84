"""The mark the app puts on the articles-like files it writes (HTML and Markdown exports),
so that an export saved into a watched folder is never read back in as an article."""

from __future__ import annotations

import re

from viewer import __version__

GENERATOR = f"Timeline Viewer {__version__}"
HTML_MARK = f'<meta name="generator" content="{GENERATOR}">'
MARKDOWN_MARK = f"---\ngenerator: {GENERATOR}\n---\n"
IGNORED_KIND = "ignored (export)"

_HEAD = 4096  # the mark is at the top; a fixed-size look keeps the check O(1) per file
_MARKED = re.compile(
    r"""<meta\s+name=["']generator["']\s+content=["']Timeline Viewer\b"""
    r"""|\A\ufeff?---[ \t]*\r?\n(?:[^\n]*\n){0,20}?generator:[ \t]*Timeline Viewer\b""",
    re.IGNORECASE)


def written_by_app(text: str) -> bool:
    """True for a file this app exported (its generator mark is in the first few KB)."""
    return _MARKED.search(text[:_HEAD]) is not None
