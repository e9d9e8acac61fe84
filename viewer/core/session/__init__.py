"""An open folder as one Qt-free object: `Session`, over columnar events."""

from viewer.core.session.session import Change, Session

__all__ = ["Change", "Session"]
