"""The window's loading task: run on a worker thread, handed back to the window's thread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from viewer.core.session import Session
from viewer.ui.tasks import TaskContext
from viewer.ui.window_support import Fingerprint, folder_fingerprint


@dataclass(frozen=True, slots=True)
class Opened:
    """A load's result: the Session, and the folder's files as they were before it was read
    (taken on the loading thread: at 50,000 files the walk cost the window's thread about
    0.4 s of CPU between the load and the first paint)."""

    session: Session
    fingerprint: Fingerprint


def load_folder(folder: Path, ctx: TaskContext) -> Opened:
    """The folder's Session, without its store (the window opens that on its own thread);
    loading cost is linear: no partial results are re-indexed along the way."""
    fingerprint = folder_fingerprint(folder)
    return Opened(Session.open(folder, progress=ctx.progress, cancel=lambda: ctx.cancelled,
                                 with_store=False), fingerprint)
