"""Edit ▸ Link as One Happening (`L`) and Unlink from Its Happening (`Shift+L`).

Clustering keeps false links out by never joining an event dated only by its article, nor
spans over ten days; the analyst who knows two reports are one happening links them, and
takes out an event clustering put with the wrong ones. Both are one undoable correction of
the core (`viewer.core.store.happening_links`); the Session redoes the clusters' reports and
conflicts and names the rows that changed, so the views refresh only those.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from viewer.core.events.document_events import Event
from viewer.core.session.happening_merge import LINKED
from viewer.core.store.happening_links import link_events, unlink_event
from viewer.ui.editing import Editor

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow


class LinkActions(QObject):
    """The two actions, for the Edit menu and the context menus of timeline and table."""

    def __init__(self, window: MainWindow, editor: Editor) -> None:
        super().__init__(window)
        self.window = window
        self.editor = editor
        self.link = self._action("&Link as One Happening", "L", self.link_selected,
                                 "Link the selected events as reports of one happening")
        self.unlink = self._action("Unlin&k from Its Happening", "Shift+L", self.unlink_current,
                                   "Take the current event out of the happening it is "
                                   "linked with")

    def _action(self, text: str, key: str, slot: object, tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 5000)

    def selected(self) -> list[Event]:
        return [self.window.model.events[r] for r in self.window.selected_source_rows()]

    def link_selected(self) -> None:
        events = self.selected()
        store = self.editor.store
        if store is None:
            return
        if len(events) < 2:
            self._say("Select two or more events to link them as one happening.")
            return
        if len({e.cluster for e in events}) == 1 and events[0].cluster:
            self._say("These events are already one happening.")
            return
        self.editor.perform(link_events(store, events), events)

    def unlink_current(self) -> None:
        event = self.window.detail.current_event
        store = self.editor.store
        if event is None or store is None:
            return
        current = self.window.model.events[self.window.model.row_of[event.id]]
        if current.sources <= 1 and LINKED not in current.corrected:
            self._say("This event is not linked with another report.")
            return
        self.editor.perform(unlink_event(store, current), [current])
