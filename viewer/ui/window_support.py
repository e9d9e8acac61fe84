"""Parts of the main window that stand on their own: watching the folder for changes on
disk, and remembering geometry, layout, lane mode and recent folders between sessions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from viewer.core.extract import FolderExtraction
from viewer.core.ingest import SUPPORTED

if TYPE_CHECKING:
    pass

MAX_RECENT = 8


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

    def _watch(self, result: FolderExtraction) -> None:
        self._snapshot = self._fingerprint()
        watched = self.watcher.files() + self.watcher.directories()
        if watched:
            self.watcher.removePaths(watched)
        if self.folder is None:
            return
        dirs = {str(self.folder)} | {str(Path(d.path).parent) for d in result.documents}
        self.watcher.addPaths(sorted(dirs) + [d.path for d in result.documents])

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

