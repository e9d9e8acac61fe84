"""Opening a folder's store for a Session: the store, and what is wrong with it, listed as
problems; a problem never stops an open (the folder is shown with edits off)."""

from __future__ import annotations

from pathlib import Path

from viewer.core.model import Problem
from viewer.core.store.analyst_store import Store, StoreError

STORE_PATH = ".timeline-viewer"  # the path store problems are listed against


def open_store(root: Path) -> tuple[Store | None, list[Problem], StoreError | None]:
    """The folder's store, and what is wrong with it; problems never stop an open."""
    try:
        store = Store.for_folder(root)
    except StoreError as exc:
        return None, [Problem(STORE_PATH, "store", str(exc))], exc
    problems = []
    if store.moved_aside is not None:
        problems.append(Problem(
            STORE_PATH, "store", f"The folder's store was damaged; it was moved aside to "
            f"{store.moved_aside.name} and a new one started."))
    if store.read_only is not None:
        problems.append(Problem(STORE_PATH, "store", f"Read-only: {store.read_only}."))
    return store, problems, None

