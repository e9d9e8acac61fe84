"""An open folder as one Qt-free object: `Session`, over columnar events.

`Session` is imported on first use, not with the package: an extraction worker imports
modules of this package for its tasks alone, and the fork server that starts the workers
imported the session, its store and its scene's merges with them (about 0.1 s of CPU before
the first worker could start).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from viewer.core.session.session import Change, Session

__all__ = ["Change", "Session"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        value = getattr(importlib.import_module("viewer.core.session.session"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
