"""The analyst's commands: tags, notes, corrections, review, publication dates, undo.

A controller over the main window: it builds the actions (menu, context menus, shortcuts,
detail-pane buttons), turns each into a core edit for the `Editor`, and never touches the
store itself.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from viewer.core.events.document_events import Event
from viewer.core.ingest.date_evidence import EVIDENCE_KEY
from viewer.core.model import DateSource
from viewer.core.store import edits
from viewer.core.store.analyst_store import Store
from viewer.core.store.merge_edits import Orphan
from viewer.core.store.reattach import MoveEdits
from viewer.ui.edit_dialogs import DateDialog, DocumentDateDialog, SetDialog
from viewer.ui.editing import Editor
from viewer.ui.link_actions import LinkActions
from viewer.ui.modality_dialog import ModalityDialog
from viewer.ui.problems_panel import OrphanDialog
from viewer.ui.tag_dialogs import TagManager, TagPicker, next_colour

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow


# The commands that act on the selected event (or its article); Next Unreviewed and the
# tag manager work without one.
EVENT_COMMANDS = ("tag", "accept", "reject", "clear", "date", "parties", "topics", "modality",
                  "not_event", "doc_date")


class EditController(QObject):
    def __init__(self, window: MainWindow, editor: Editor) -> None:
        super().__init__(window)
        self.window = window
        self.editor = editor
        self.actions: dict[str, QAction] = {}
        self.undo = editor.stack.createUndoAction(window, "&Undo")
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo = editor.stack.createRedoAction(window, "&Redo")
        # Explicit keys, not StandardKey.Redo: on X11 that is Ctrl+Shift+Z again, and a key
        # bound twice is ambiguous, so Qt runs neither binding.
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for key, text, shortcut, slot in (
            ("tag", "&Tag…", "T", self.tag),
            ("manage", "&Manage Tags…", None, self.manage_tags),
            ("accept", "&Accept", "A", lambda: self.review("accepted")),
            ("reject", "Re&ject", "R", lambda: self.review("rejected")),
            ("clear", "Clear Re&view", "U", lambda: self.review("unreviewed")),
            ("next", "&Next Unreviewed", "N", self.next_unreviewed),
            ("date", "&Date…", "D", self.correct_date),
            ("parties", "&Parties…", "P", lambda: self.correct_set("parties")),
            ("topics", "T&opics…", "O", lambda: self.correct_set("topics")),
            ("modality", "&Modality and Speaker…", "M", self.correct_modality),
            ("not_event", "Not an &Event", "X", self.toggle_not_event),
            ("doc_date", "Article Dat&e…", "Ctrl+D", lambda: self.document_date()),
        ):
            action = QAction(text, window)
            action.setToolTip({"date": "Correct the event's date", "parties": "Correct the "
                               "event's parties", "topics": "Correct the event's topics",
                               "modality": "Correct whether it happened and who says so",
                               "doc_date": "Set the article's publication date"}.get(key, text))
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.actions[key] = action
        self.links = LinkActions(window, editor)
        self.actions["link"], self.actions["unlink"] = self.links.link, self.links.unlink
        self.follow_selection(False)

    def follow_selection(self, has_event: bool) -> None:
        """The commands on one event are off while none is selected: the detail pane's buttons
        looked the same either way, and a click on one did nothing."""
        for key in EVENT_COMMANDS:
            self.actions[key].setEnabled(has_event)

    # -- menus ---------------------------------------------------------------------------
    def fill_menu(self, menu: QMenu) -> None:
        menu.addAction(self.undo)
        menu.addAction(self.redo)
        menu.addSeparator()
        for key in ("tag", "manage"):
            menu.addAction(self.actions[key])
        menu.addSeparator()
        for key in ("accept", "reject", "clear", "next"):
            menu.addAction(self.actions[key])
        menu.addSeparator()
        for key in ("date", "parties", "topics", "modality", "not_event", "doc_date"):
            menu.addAction(self.actions[key])
        menu.addSeparator()
        for key in ("link", "unlink"):
            menu.addAction(self.actions[key])

    def context_menu(self) -> QMenu:
        menu = QMenu(self.window)
        for key in ("tag", "accept", "reject", "clear", "date", "parties", "topics",
                    "modality", "not_event", "doc_date", "link", "unlink"):
            menu.addAction(self.actions[key])
        return menu

    # -- helpers -------------------------------------------------------------------------
    def selected(self) -> list[Event]:
        return [self.window.model.events[r] for r in self.window.selected_source_rows()]

    def current(self) -> Event | None:
        return self.window.detail.current_event

    def _store(self) -> Store | None:
        return self.editor.store

    # -- commands ------------------------------------------------------------------------
    def tag(self) -> None:
        events = self.selected()
        store = self._store()
        if not events or store is None:
            return
        tags = self.editor.tags()
        counts = {name: sum(name in e.tags for e in events) for name in tags}
        states = {name: (Qt.CheckState.Checked if n == len(events) else
                         Qt.CheckState.PartiallyChecked if n else Qt.CheckState.Unchecked)
                  for name, n in counts.items()}
        picker = TagPicker(tags, states, self.window)
        ids = [e.id for e in events]

        def toggle(name: str, on: bool) -> None:
            current = self._store()
            if current is None or not self.editor.perform(
                    edits.TagEvents.make(current, name, ids, on), events):
                picker.refuse()  # the list shows what is stored, not the refused click

        def create(name: str) -> None:
            current = self._store()
            why = self.editor.refusal()
            if current is None or why is not None:
                self.editor.problem.emit(why or "")  # once, for the tag and the tagging
                picker.refuse()
                return
            self.editor.stack.beginMacro(f"Create tag “{name}” and tag {len(ids)} event(s)")
            self.editor.perform(edits.CreateTag(f"Create tag “{name}”", name,
                                                next_colour(self.editor.tags())))
            self.editor.perform(edits.TagEvents.make(current, name, ids, True), events)
            self.editor.stack.endMacro()

        picker.toggled.connect(toggle)
        picker.created.connect(create)
        picker.exec()

    def add_tag(self, name: str, events: list[Event]) -> None:
        """Tag events, creating the tag if needed (used by tests and scripts)."""
        store = self._store()
        if store is None:
            return
        if name not in self.editor.tags():
            self.editor.perform(edits.CreateTag(f"Create tag “{name}”", name,
                                                next_colour(self.editor.tags())))
        self.editor.perform(edits.TagEvents.make(store, name, [e.id for e in events], True),
                            events)

    def manage_tags(self) -> None:
        def rename(old: str, new: str) -> None:
            self.editor.perform(edits.RenameTag(f"Rename tag “{old}” to “{new}”", old, new))

        def recolour(name: str, colour: str) -> None:
            old = self.editor.tags().get(name, "#888888")
            self.editor.perform(edits.RecolorTag(f"Recolour tag “{name}”", name, old, colour))

        def delete(name: str) -> None:
            store = self._store()
            if store is not None:
                self.editor.perform(edits.DeleteTag.make(store, name))

        TagManager(self.editor.tags, rename, recolour, delete, self.window).exec()

    def review(self, state: str) -> None:
        events = self.selected()
        store = self._store()
        if events and store is not None:
            self.editor.perform(edits.SetReview.make(store, [e.id for e in events], state),
                                events)

    def next_unreviewed(self) -> None:
        window = self.window
        rows = window.proxy.rows
        if not rows:
            return
        current = window.detail.current_event
        start = 0
        if current is not None:
            row = window.model.row_of.get(current.id)
            position = window.proxy.proxy_row_of_source(row) if row is not None else None
            start = (position + 1) if position is not None else 0
        for offset in range(len(rows)):
            source = rows[(start + offset) % len(rows)]
            if window.model.events[source].review == "unreviewed":
                window.select_rows([source], source)
                return
        window.statusBar().showMessage("Every shown event has been reviewed.", 4000)

    def set_note(self, event: Event, text: str) -> None:
        store = self._store()
        if store is not None and text != event.note:
            self.editor.perform(edits.SetNote.make(store, event.id, text), [event])

    def correct_date(self) -> None:
        event = self.current()
        store = self._store()
        if event is None or store is None:
            return
        start = event.start or self.window.today()
        dialog = DateDialog(start, event.end or start, event.precision, self.window)
        if dialog.exec():
            first, last, precision = dialog.values()
            if (first, last, precision) == (event.start, event.end, event.precision):
                return  # OK on the date as it was: no correction to store or undo
            self.editor.perform(edits.correct_date(store, event, first, last, precision),
                                [event])

    def redate(self, row: int, start: dt.date, end: dt.date) -> None:
        """A bar's or mark's end dragged on the timeline: one undoable date correction. Its
        precision is "day", as for a written "from March 2 to March 19": both ends are days
        the analyst chose (it was guessed from the length: 2-19 March read "month")."""
        store = self._store()
        if store is None or not 0 <= row < len(self.window.model.events):
            return
        event = self.window.model.events[row]
        self.editor.perform(edits.correct_date(store, event, start, end, "day"), [event])

    def correct_set(self, name: str) -> None:
        event = self.current()
        store = self._store()
        if event is None or store is None:
            return
        window = self.window
        if name == "parties":
            known = {p for e in window.model.events for p in e.parties}
            dialog = SetDialog("Parties of this event", known, event.parties, parent=window)
        else:
            taxonomy = window.timeline.taxonomy
            dialog = SetDialog("Topics of this event", taxonomy.ids(), event.topics,
                               {t.id: t.label for t in taxonomy.topics}, allow_new=False,
                               parent=window)
        if dialog.exec():
            self.editor.perform(edits.correct_set(store, event, name, dialog.values()), [event])

    def correct_modality(self) -> None:
        event = self.current()
        store = self._store()
        if event is None or store is None:
            return
        speakers = {e.speaker for e in self.window.model.events}
        dialog = ModalityDialog(event.modality, event.speaker, speakers, self.window)
        if dialog.exec():
            modality, speaker = dialog.values()
            if (modality, speaker) != (event.modality, event.speaker):
                self.editor.perform(edits.correct_modality(store, event, modality, speaker),
                                    [event])

    def toggle_not_event(self) -> None:
        event = self.current()
        store = self._store()
        if event is None or store is None:
            return
        window = self.window
        row = window.model.row_of.get(event.id)
        position = window.proxy.proxy_row_of_source(row) if row is not None else None
        self.editor.perform(edits.mark_not_event(store, event, not event.not_event), [event])
        # A hidden event leaves the list: the selection moves on to the event that took its place.
        rows = window.proxy.rows
        if (row is not None and position is not None and rows
                and window.proxy.proxy_row_of_source(row) is None):
            following = rows[min(position, len(rows) - 1)]
            window.select_rows([following], following)

    def document_date(self, relpath: str | None = None) -> None:
        """The Article Date dialog for `relpath`, else for the current event's article."""
        event = self.current()
        window = self.window
        relpath = relpath or (event.document if event is not None else None)
        if relpath is None or window.folder is None:
            return
        document = window.documents.get(relpath)
        current = document.date if document else None
        title = document.title if document and document.title else relpath
        # An inferred date is only a proposal: OK on it unchanged confirms it into the
        # sidecar (which also ends its problem), where OK on a stored date changes nothing.
        inferred = document is not None and document.date_source == DateSource.INFERRED
        evidence = dict(document.meta).get(EVIDENCE_KEY, "text") if inferred and document \
            else ""
        dialog = DocumentDateDialog(title, current, window, relpath, evidence)
        dialog.setToolTip(relpath)
        if dialog.exec() and (dialog.value() != current or inferred):
            self.set_document_date(relpath, dialog.value())

    def resolve_orphan(self, orphan: Orphan) -> None:
        """Show an orphaned edit's old sentence; re-attach it to the current event or
        discard it (either undoable)."""
        store = self._store()
        if store is None:
            return
        target = self.current()
        dialog = OrphanDialog(orphan, target.text if target is not None else None, self.window)
        if not dialog.exec() or not dialog.choice:
            return
        chosen = target.id if dialog.choice == "reattach" and target is not None else None
        self.editor.perform(MoveEdits.make(store, orphan.event_id, chosen),
                            [target] if chosen and target is not None else [])

    def set_document_date(self, relpath: str, date: dt.date | None) -> None:
        window = self.window
        if window.folder is None:
            return
        try:
            edit = edits.SetDocumentDate.make(window.folder, relpath, date)
        except OSError as exc:
            QMessageBox.warning(window, "Publication date", str(exc))
            return
        self.editor.perform(edit)
