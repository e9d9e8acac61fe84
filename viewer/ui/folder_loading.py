"""The window's loading task: run on a worker thread, handed back to the window's thread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from viewer.core.dataset.manifest import is_dataset
from viewer.core.ingest.folder_scan import Fingerprint, folder_fingerprint
from viewer.core.session import Session
from viewer.ui.tasks import TaskContext


@dataclass(frozen=True, slots=True)
class Opened:
    """A load's result: the Session, the folder's files as they were before it was read, and
    the folders they are in (both from the load's own walk of the folder, so the watcher
    walks nothing: at 50,000 files a walk of its own cost about 0.3 s of CPU before the first
    paint; None for a dataset, which the loader does not walk)."""

    session: Session
    fingerprint: Fingerprint
    folders: tuple[str, ...] | None = None


def load_folder(folder: Path, ctx: TaskContext) -> Opened:
    """The folder's Session, without its store (the window opens that on its own thread);
    loading cost is linear: no partial results are re-indexed along the way."""
    before = folder_fingerprint(folder) if is_dataset(str(folder)) else None
    session = Session.open(folder, progress=ctx.progress, cancel=lambda: ctx.cancelled,
                           with_store=False)
    walk = session.loaded.walk
    if walk is None:
        return Opened(session, before if before is not None else folder_fingerprint(folder))
    return Opened(session, walk.fingerprint(), walk.folders)
