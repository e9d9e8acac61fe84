"""Parts of the main window that stand on their own: keeping the table, timeline and detail
pane on one selection, watching the folder for changes on disk, and remembering geometry,
layout, lane mode and recent folders between sessions."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel

from viewer.core.events import Event
from viewer.core.ingest import SUPPORTED

MAX_RECENT = 8


class SelectionSync:
    """Mixed into MainWindow: one selection, kept by event id, across table, timeline and
    detail pane, through filter changes, edits and reloads."""

    def select_rows(self, source_rows: list[int], current: int) -> None:
        """Select events (source rows) in every view; `current` is shown in the detail pane."""
        selection = QItemSelection()
        for row in source_rows:
            proxy_row = self.proxy.proxy_row_of_source(row)
            if proxy_row is not None:
                left = self.proxy.index(proxy_row, 0)
                right = self.proxy.index(proxy_row, self.proxy.columnCount() - 1)
                selection.select(left, right)
        model = self.table.selectionModel()
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        model.select(selection, flags)
        proxy_current = self.proxy.proxy_row_of_source(current) if current >= 0 else None
        if proxy_current is not None:
            index = self.proxy.index(proxy_current, 0)
            model.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(index)
        elif current < 0:
            model.clearCurrentIndex()  # a deselect leaves no current event behind
        self._table_selection()

    def selected_ids(self) -> list[str]:
        return [self.model.events[r].id for r in self.selected_source_rows()]

    def _remember_selection(self) -> None:
        if not self._keep[0] and not self._keep[1]:
            self._pending = (self.selected_ids(),
                             self.detail.current_event.id if self.detail.current_event else None)

    def _restore_selection(self, ids: list[str], current: str | None) -> None:
        rows = [self.model.row_of[i] for i in ids if i in self.model.row_of
                and self.proxy.proxy_row_of_source(self.model.row_of[i]) is not None]
        row = self.model.row_of.get(current or "", rows[0] if rows else -1)
        if row >= 0 and self.proxy.proxy_row_of_source(row) is None:
            row = rows[0] if rows else -1
        if rows or row >= 0:
            self.select_rows(rows or [row], row)

    def select_event_id(self, event_id: str) -> None:
        row = self.model.row_of.get(event_id)
        if row is not None:
            if self.proxy.proxy_row_of_source(row) is None:
                self.filters.reset()  # the event is filtered out: show everything first
            self.select_rows([row], row)

    def selected_source_rows(self) -> list[int]:
        rows = {self.proxy.rows[i.row()] for i in self.table.selectionModel().selectedRows()
                if i.row() < len(self.proxy.rows)}
        return sorted(rows)

    def _table_selection(self, *_args: Any) -> None:
        rows = self.selected_source_rows()
        current_index = self.table.selectionModel().currentIndex()
        current = None
        if not rows:
            pass  # nothing selected: the detail pane shows nothing, not the last current row
        elif current_index.isValid() and current_index.row() < len(self.proxy.rows):
            current = self.proxy.rows[current_index.row()]
            if current not in rows:
                current = rows[0]
        else:
            current = rows[0]
        self.timeline.set_selection(rows, current)
        if current is None:
            self.detail.show_empty()
            return
        self.show_detail(self.model.events[current])

    def show_detail(self, event: Event) -> None:
        document = self.documents.get(event.document)
        siblings = [e for e in self.model.events if e.document == event.document]
        cluster = ([e for e in self.model.events if e.cluster == event.cluster]
                   if event.sources > 1 else [])
        self.detail.show_event(event, document, self.timexes.get(event.document, ()),
                               siblings, cluster)


class FolderWatching:
    """Mixed into MainWindow: re-extract when an article changes on disk."""

    # -- watching the folder -----------------------------------------------------------------
    def _fingerprint(self) -> tuple[tuple[str, int, int], ...]:
        if self.folder is None:
            return ()
        found = []
        for path in sorted(self.folder.rglob("*")):
            if any(part.startswith(".") for part in path.relative_to(self.folder).parts):
                continue
            if path.suffix.lower() in SUPPORTED or path.name == "timeline-viewer.ini":
                try:
                    info = path.stat()
                except OSError:
                    continue
                found.append((str(path), info.st_size, info.st_mtime_ns))
        return tuple(found)

    def _watch(self, files: Sequence[str]) -> None:
        self._snapshot = self._fingerprint()
        watched = self.watcher.files() + self.watcher.directories()
        if watched:
            self.watcher.removePaths(watched)
        if self.folder is None:
            return
        dirs = {str(self.folder)} | {str(Path(path).parent) for path in files}
        self.watcher.addPaths(sorted(dirs) + list(files))

    def _files_changed(self) -> None:
        """A file in the folder changed on disk: re-extract (only what changed) and keep
        the analyst's edits attached to the same sentences."""
        if self.task is not None and not self.task.done:
            self._watch_timer.start()
            return
        if self._fingerprint() != self._snapshot:
            self.statusBar().showMessage("Files changed on disk; reloading…", 3000)
            self.reload()



class WindowSettings:
    """Mixed into MainWindow: QSettings for the window and the recent-folders menu."""

    # -- settings, recent folders, window ------------------------------------------------------
    def _restore(self) -> None:
        if self.settings is None:
            return
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        for key, splitter in (("window/splitter", self.splitter), ("window/centre", self.centre)):
            state = self.settings.value(key)
            if state is not None:
                splitter.restoreState(state)
        mode = self.settings.value("timeline/lanes")
        if isinstance(mode, str) and mode in self.lane_actions:
            self.set_lane_mode(mode)
        self._refresh_recent()

    def recent(self) -> list[str]:
        if self.settings is None:
            return []
        value = self.settings.value("recent/folders") or []
        return [str(v) for v in (value if isinstance(value, list) else [value])]

    def _remember(self, folder: Path) -> None:
        if self.settings is None:
            return
        path = str(folder.resolve())
        recent = [path] + [p for p in self.recent() if p != path]
        self.settings.setValue("recent/folders", recent[:MAX_RECENT])
        self._refresh_recent()

    def _refresh_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.recent():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_folder(p))
        self.recent_menu.setEnabled(bool(self.recent()))

    def dragEnterEvent(self, event: Any) -> None:
        urls = event.mimeData().urls()
        if urls and Path(urls[0].toLocalFile()).is_dir():
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:
        urls = event.mimeData().urls()
        if urls and Path(urls[0].toLocalFile()).is_dir():
            self.open_folder(urls[0].toLocalFile())

