"""Parts of the main window that stand on their own, each a small object the window owns:
keeping the table, timeline and detail pane on one selection (`SelectionSync`), watching the
folder for changes on disk (`FolderWatch`), and remembering geometry, layout, lane mode and
recent folders between sessions (`WindowSettings`). Each holds the window it serves, so the
type checker sees every attribute it uses."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QItemSelection, QItemSelectionModel, QTimer

from viewer.core.events.document_events import Event
from viewer.core.ingest.folder_scan import Fingerprint, folder_fingerprint
from viewer.core.session.row_events import RowEvents
from viewer.ui.article_window import Siblings, siblings_in

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData

    from viewer.ui.main_window import MainWindow

MAX_RECENT = 8
WATCH_SETTLE_MS = 700

Kept = tuple[list[str], str | None]  # selected event ids, current event id


class SelectionSync:
    """One selection, kept by event id, across table, timeline and detail pane, through
    filter changes, edits and reloads."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.keep: Kept = ([], None)  # to restore after a reload
        self.pending: Kept = ([], None)  # to restore after a filter reset

    def _selection_model(self) -> QItemSelectionModel:
        model = self.window.table.selectionModel()
        assert model is not None  # the table is given its model before any selection
        return model

    def select_rows(self, source_rows: list[int], current: int) -> None:
        """Select events (source rows) in every view; `current` is shown in the detail pane."""
        proxy = self.window.proxy
        selection = QItemSelection()
        for row in source_rows:
            proxy_row = proxy.proxy_row_of_source(row)
            if proxy_row is not None:
                left = proxy.index(proxy_row, 0)
                right = proxy.index(proxy_row, proxy.columnCount() - 1)
                selection.select(left, right)
        model = self._selection_model()
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        model.select(selection, flags)
        proxy_current = proxy.proxy_row_of_source(current) if current >= 0 else None
        if proxy_current is not None:
            index = proxy.index(proxy_current, 0)
            model.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.window.table.scrollTo(index)
        elif current < 0:
            model.clearCurrentIndex()  # a deselect leaves no current event behind
        self.table_selection()

    def selected_ids(self) -> list[str]:
        events = self.window.model.events
        return [events[r].id for r in self.selected_source_rows()]

    def current_id(self) -> str | None:
        shown = self.window.detail.current_event
        return shown.id if shown is not None else None

    def remember(self) -> None:
        """Before the filter resets the table: note what to select again afterwards."""
        if not self.keep[0] and not self.keep[1]:
            self.pending = (self.selected_ids(), self.current_id())

    def restore(self, ids: list[str], current: str | None) -> None:
        row_of, proxy = self.window.model.row_of, self.window.proxy
        rows = [row_of[i] for i in ids
                if i in row_of and proxy.proxy_row_of_source(row_of[i]) is not None]
        row = row_of.get(current or "", rows[0] if rows else -1)
        if row >= 0 and proxy.proxy_row_of_source(row) is None:
            row = rows[0] if rows else -1
        if rows or row >= 0:
            self.select_rows(rows or [row], row)

    def keep_current(self) -> None:
        """After a filter change, which keeps the selected rows still shown: the current row
        stays, or, when the filter hid it, the first selected event becomes current; the
        table brings it into view (as a reset's restored selection did)."""
        model = self._selection_model()
        current = model.currentIndex()
        if not current.isValid():
            rows = self.selected_source_rows()
            row = self.window.proxy.proxy_row_of_source(rows[0]) if rows else None
            if row is None:
                return
            current = self.window.proxy.index(row, 0)
            model.setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)
        if model.hasSelection():
            self.window.table.scrollTo(current)

    def select_event_id(self, event_id: str) -> None:
        row = self.window.model.row_of.get(event_id)
        if row is not None:
            if self.window.proxy.proxy_row_of_source(row) is None:
                self.window.filters.reset()  # the event is filtered out: show everything first
            self.select_rows([row], row)

    def to_results(self) -> None:
        """Enter in the search box: to the timeline, on the first match unless one is already
        selected, so ← and → step through the matches. The keyboard's only way from the
        search to its results was Tab through every filter."""
        if self.window.filters.pending():  # typed within the search's pause: apply it now
            self.window.filters.emit_filter()
        rows = self.window.proxy.rows
        if not len(rows):
            return
        if not self.selected_source_rows():
            first = int(rows[0])
            self.select_rows([first], first)
        self.window.timeline.setFocus()

    def selected_source_rows(self) -> list[int]:
        shown = self.window.proxy.rows
        rows = {shown[i.row()] for i in self._selection_model().selectedRows()
                if i.row() < len(shown)}
        return sorted(rows)

    def table_selection(self) -> None:
        """The table's selection changed: the timeline and the detail pane follow it."""
        rows = self.selected_source_rows()
        shown = self.window.proxy.rows
        current_index = self._selection_model().currentIndex()
        current = None
        if not rows:
            pass  # nothing selected: the detail pane shows nothing, not the last current row
        elif current_index.isValid() and current_index.row() < len(shown):
            current = shown[current_index.row()]
            if current not in rows:
                current = rows[0]
        else:
            current = rows[0]
        self.window.timeline.set_selection(rows, current)
        self.window.editing.follow_selection(current is not None)
        if current is None:
            self.window.detail.show_empty()
            return
        self.show_detail(self.window.model.events[current])

    def show_detail(self, event: Event) -> None:
        w = self.window
        document = w.documents.get(event.document)
        events = w.model.events
        siblings: Siblings
        if isinstance(events, RowEvents):  # a Session's columns: compare columns
            row_events = events

            def siblings(first: int, last: int) -> list[Event]:
                rows = row_events.rows_in_span(event.document, first, last)
                return [row_events[r] for r in rows]

            cluster = ([events[r] for r in events.rows_of_bytes("cluster", event.cluster)]
                       if event.sources > 1 else [])
        else:
            siblings = siblings_in([e for e in events if e.document == event.document])
            cluster = ([e for e in events if e.cluster == event.cluster]
                       if event.sources > 1 else [])
        w.detail.show_event(event, document, w.timexes.get(event.document, ()),
                            siblings, cluster)


MAX_WATCHED_FILES = 2000


class FolderWatch:
    """Re-extract when an article changes on disk, once the changes have settled."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.snapshot: Fingerprint = ()
        self.watcher = QFileSystemWatcher(window)
        self.timer = QTimer(window)
        self.timer.setSingleShot(True)
        self.timer.setInterval(WATCH_SETTLE_MS)
        self.timer.timeout.connect(self.files_changed)
        self.watcher.directoryChanged.connect(lambda _p: self.timer.start())
        self.watcher.fileChanged.connect(lambda _p: self.timer.start())

    def fingerprint(self) -> Fingerprint:
        return folder_fingerprint(self.window.folder)

    def watch(self, files: Sequence[str], fingerprint: Fingerprint | None = None,
              folders: Sequence[str] | None = None) -> None:
        """Watch the folders, and the files themselves in a folder of up to
        `MAX_WATCHED_FILES` (each costs the system a watch; beyond that, an article edited in
        place is seen on the next change of its folder or the next open). `fingerprint` and
        `folders` are the load's own walk of the folder, when it made one."""
        self.snapshot = self.fingerprint() if fingerprint is None else fingerprint
        watched = self.watcher.files() + self.watcher.directories()
        if watched:
            self.watcher.removePaths(watched)
        folder = self.window.folder
        if folder is None:
            return
        dirs = {str(folder)} | (set(folders) if folders is not None
                                else {os.path.dirname(path) for path in files})
        self.watcher.addPaths(sorted(dirs) + (list(files) if len(files) <= MAX_WATCHED_FILES
                                              else []))

    def files_changed(self) -> None:
        """A file in the folder changed on disk: re-extract (only what changed) and keep
        the analyst's edits attached to the same sentences."""
        task = self.window.task
        if task is not None and not task.done:
            self.timer.start()
            return
        if self.fingerprint() != self.snapshot:
            self.window.statusBar().showMessage("Files changed on disk; reloading…", 3000)
            self.window.reload()


class WindowSettings:
    """QSettings for the window and the recent-folders menu."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def restore(self) -> None:
        w = self.window
        if w.settings is None:
            return
        geometry = w.settings.value("window/geometry")
        if geometry is not None:
            w.restoreGeometry(geometry)
        for key, splitter in (("window/splitter", w.splitter), ("window/centre", w.centre)):
            state = w.settings.value(key)
            if state is not None:
                splitter.restoreState(state)
        # Widths the user dragged in an earlier run stand; widths the window fitted are fitted
        # again to this run's window.
        w.panes_dragged = w.settings.value("window/panes_dragged") in (True, "true")
        mode = w.settings.value("timeline/lanes")
        if isinstance(mode, str) and mode in w.lane_actions:
            w.set_lane_mode(mode)
        self.refresh_recent()

    def save(self) -> None:
        w = self.window
        if w.settings is not None:
            w.settings.setValue("window/geometry", w.saveGeometry())
            w.settings.setValue("window/splitter", w.splitter.saveState())
            w.settings.setValue("window/centre", w.centre.saveState())
            w.settings.setValue("window/panes_dragged", w.panes_dragged)
            w.settings.setValue("timeline/lanes", w.timeline.mode)

    def recent(self) -> list[str]:
        if self.window.settings is None:
            return []
        value = self.window.settings.value("recent/folders") or []
        return [str(v) for v in (value if isinstance(value, list) else [value])]

    def remember(self, folder: Path) -> None:
        settings = self.window.settings
        if settings is None:
            return
        path = str(folder.resolve())
        recent = [path] + [p for p in self.recent() if p != path]
        settings.setValue("recent/folders", recent[:MAX_RECENT])
        self.refresh_recent()

    def refresh_recent(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        for path in self.recent():
            action = menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.window.open_folder(p))
        menu.setEnabled(bool(self.recent()))


def dropped_folder(mime: QMimeData | None) -> str | None:
    """The folder a drag carries (its first URL), or None: only folders may be dropped."""
    urls = mime.urls() if mime is not None else []
    if urls and Path(urls[0].toLocalFile()).is_dir():
        return urls[0].toLocalFile()
    return None
