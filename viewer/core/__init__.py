"""Qt-free core: documents, sentences, time expressions, events, store, query, export.

Nothing under this package may import Qt; a test and an import-linter contract enforce it,
so the CLI, the GUI and the tests all share one engine.
"""

from __future__ import annotations
