"""Edits from the UI: one undo stack over the folder's store; every edit is saved at once.

Each user action builds a core `Edit` (which knows how to revert itself) and pushes it as a
QUndoCommand that wraps the open Session's own undo stack; applying or reverting returns the
Session's `Change`, and `changed` tells the window which rows to refresh. Store writes are
single small SQLite transactions (well under a millisecond to a few milliseconds), so they run
on the UI thread; re-dating an article re-extracts it through the window's background loader.
Once a second the Session is asked whether another window or process saved edits to the same
store (one SQLite statement when none did); what it merged is refreshed like an own edit.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from viewer.core.events.document_events import Event
from viewer.core.session import Session
from viewer.core.store.analyst_store import Store, StoreError, UserData
from viewer.core.store.edits import Edit

OTHERS_EVERY_MS = 1000  # how often another writer's edits are looked for


class EditCommand(QUndoCommand):
    """A view of one step of the Session's undo stack: Qt's stack only wraps it."""

    def __init__(self, editor: Editor, edit: Edit, events: Iterable[Event] = ()) -> None:
        super().__init__(edit.text)
        self.editor = editor
        self.edit = edit
        self.events = list(events)
        self.performed = False
        self.failed = False  # kept on the Python side: Qt deletes an obsolete command

    def redo(self) -> None:
        session = self.editor.session
        if session is None:
            self._run(lambda store: self.edit.apply(store))
        elif not self.performed:
            self._run(lambda _store: session.perform(self.edit, self.events))
            self.performed = not self.failed
        else:
            self._run(lambda _store: session.redo(self.edit))

    def undo(self) -> None:
        session = self.editor.session
        if session is None:
            self._run(lambda store: self.edit.revert(store))
        else:
            self._run(lambda _store: session.undo(self.edit))
            if self.failed:
                session.forget(self.edit)

    def _run(self, step: Callable[[Store], object]) -> None:
        """A step that cannot be saved leaves the undo history (Qt drops an obsolete
        command) and says why; the store kept nothing of it."""
        try:
            change = step(self.editor.require())
        except (StoreError, OSError) as exc:
            self.failed = True
            self.setObsolete(True)
            self.editor.problem.emit(str(exc) if isinstance(exc, StoreError)
                                     else f"Not saved: {exc.strerror or exc}.")
            return
        self.editor.applied(change)


class Editor(QObject):
    """Owns the store connection and the undo stack for the open folder."""

    changed = Signal(object)  # Change
    problem = Signal(str)
    read_only = Signal(str)  # why edits are off; "" when they are on again

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self.store: Store | None = None
        self.session: Session | None = None  # set once the folder's events are loaded
        self.folder: Path | None = None
        self.others = QTimer(self)
        self.others.setInterval(OTHERS_EVERY_MS)
        self.others.timeout.connect(self.look_for_others)
        self.others.start()

    def look_for_others(self) -> None:
        """Show what another window or process saved to this folder's store."""
        if self.session is None:
            return
        try:
            change = self.session.others_edits()
        except (StoreError, sqlite3.Error, OSError):
            return  # (busy or gone for a moment: the next look will tell)
        if change is not None:
            self.changed.emit(change)

    def open(self, folder: Path) -> None:
        """Open the folder's store; problems are reported, never fatal to opening."""
        self.close()
        self.read_only.emit("")
        self.folder = folder
        try:
            self.store = Store.for_folder(folder)
        except StoreError as exc:
            self.store = None
            self.problem.emit(str(exc))
            self.read_only.emit(f"Edits are off: {exc}")
            return
        if self.store.moved_aside is not None:
            self.problem.emit(
                f"The folder's store was damaged; it was moved aside to "
                f"{self.store.moved_aside.name} and a new one started.")
        if self.store.read_only is not None:
            message = f"Read-only: {self.store.read_only}."
            self.read_only.emit(message)
            self.problem.emit(message)

    def close(self) -> None:
        self.stack.clear()
        self.session = None
        if self.store is not None:
            self.store.close()
            self.store = None

    def require(self) -> Store:
        if self.store is None:
            raise StoreError("no store is open for this folder")
        return self.store

    def user_data(self) -> UserData:
        return self.store.load() if self.store is not None else UserData()

    def tags(self) -> dict[str, str]:
        return self.store.tags() if self.store is not None else {}

    def refusal(self) -> str | None:
        """Why no edit can be saved now (None: edits can be made)."""
        if self.store is None:
            return "Edits are off: this folder's store could not be opened."
        if self.store.read_only is not None:
            return f"Not saved: {self.store.read_only}."
        return None

    def perform(self, edit: Edit, events: Iterable[Event] = ()) -> bool:
        """Apply an edit as one undoable step; remember the sentences it touches."""
        why = self.refusal()
        if why is not None or self.store is None:
            self.problem.emit(why or "")
            return False
        events = list(events)
        if self.session is None:
            self.store.queue_anchors((e.id, e.document, e.text) for e in events)
        command = EditCommand(self, edit, events)
        self.stack.push(command)  # runs the edit, anchors in its transaction
        return not command.failed

    def applied(self, change: object) -> None:
        self.changed.emit(change)
