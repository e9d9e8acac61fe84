"""The main window: documents of a folder beside their text, loaded off the UI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QWidget,
)

from viewer import __version__
from viewer.core.ingest import Listing, iter_folder, list_folder
from viewer.core.model import Document, Problem
from viewer.ui.tasks import Task, TaskContext, TaskRunner

_DOC_ROLE = Qt.ItemDataRole.UserRole + 1


def _load(folder: Path, ctx: TaskContext) -> Listing:
    listing = list_folder(folder)
    for problem in listing.problems:
        ctx.partial(problem)
    total = len(listing.files)
    ctx.progress(0, total)
    for done, item in enumerate(iter_folder(folder, listing), 1):
        ctx.partial(item)
        if not ctx.progress(done, total):
            break
    return listing


class MainWindow(QMainWindow):
    """Handed a task runner; owns no global state. `loaded` fires when a load ends."""

    loaded = Signal()

    def __init__(self, runner: TaskRunner, settings: QSettings | None = None) -> None:
        super().__init__()
        self.runner = runner
        self.settings = settings
        self.folder: Path | None = None
        self.documents: list[Document] = []
        self.problems: list[Problem] = []
        self.task: Task | None = None
        self.setWindowTitle("Timeline Viewer")
        self.setAcceptDrops(True)

        self.doc_list = QListWidget()
        self.doc_list.setObjectName("documents")
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setObjectName("source-text")
        self.splitter = QSplitter()
        self.splitter.addWidget(self.doc_list)
        self.splitter.addWidget(self.text)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([380, 1000])
        self.doc_list.setWordWrap(True)
        self.doc_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setCentralWidget(self.splitter)
        self.doc_list.currentRowChanged.connect(self._show_document)

        self.problem_list = QListWidget()
        self.problem_list.setObjectName("problems")
        dock = QDockWidget("Problems", self)
        dock.setObjectName("problems-dock")
        dock.setWidget(self.problem_list)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.resizeDocks([dock], [110], Qt.Orientation.Vertical)

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.cancel_button = QPushButton("Cancel")
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self._set_busy(False)
        self.cancel_button.clicked.connect(self.cancel_load)
        self._build_menus()
        if settings is not None:
            geometry = settings.value("window/geometry")
            if geometry is not None:
                self.restoreGeometry(geometry)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._action(file_menu, "&Open Folder…", QKeySequence.StandardKey.Open, self.choose_folder)
        self._action(file_menu, "&Reload", QKeySequence(Qt.Key.Key_F5), self.reload)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close)
        help_menu = self.menuBar().addMenu("&Help")
        self._action(help_menu, "&About", None, self._about)

    def _action(self, menu, text, shortcut, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # Loading -------------------------------------------------------------------------------
    def open_folder(self, folder: str | Path) -> None:
        self.cancel_load()
        self.folder = Path(folder)
        self.documents, self.problems = [], []
        self.doc_list.clear()
        self.problem_list.clear()
        self.text.clear()
        self.setWindowTitle(f"{self.folder.name} — Timeline Viewer")
        task = self.runner.submit("Loading", lambda ctx, f=self.folder: _load(f, ctx))
        self.task = task
        task.shown.connect(lambda: self._set_busy(True) if self.task is task else None)
        task.progress.connect(lambda done, total: self._on_progress(task, done, total))
        task.partial.connect(lambda item: self._on_item(task, item))
        task.finished.connect(lambda _r: self._on_finished(task))
        task.failed.connect(lambda message: self._on_failed(task, message))
        self._update_status("Loading…")

    def reload(self) -> None:
        if self.folder is not None:
            self.open_folder(self.folder)

    def cancel_load(self) -> None:
        if self.task is not None and not self.task.done:
            self.task.cancel()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open folder of articles")
        if folder:
            self.open_folder(folder)

    def _on_progress(self, task: Task, done: int, total: int) -> None:
        if task is self.task:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

    def _on_item(self, task: Task, item: object) -> None:
        if task is not self.task:
            return
        if isinstance(item, Document):
            self.documents.append(item)
            date = item.date.isoformat() if item.date else "undated"
            entry = QListWidgetItem(f"{date}  {item.title}")
            entry.setData(_DOC_ROLE, len(self.documents) - 1)
            entry.setToolTip(item.relpath)
            self.doc_list.addItem(entry)
            for problem in item.problems:
                self._add_problem(problem)
            if self.doc_list.currentRow() < 0:
                self.doc_list.setCurrentRow(0)
        elif isinstance(item, Problem):
            self._add_problem(item)
        self._update_status()

    def _add_problem(self, problem: Problem) -> None:
        self.problems.append(problem)
        self.problem_list.addItem(f"{problem.path}: {problem}")

    def _on_finished(self, task: Task) -> None:
        if task is self.task:
            self._set_busy(False)
            cancelled = " (cancelled)" if task.ctx.cancelled else ""
            self._update_status(suffix=cancelled)
            self.loaded.emit()

    def _on_failed(self, task: Task, message: str) -> None:
        if task is self.task:
            self._set_busy(False)
            self._update_status("Loading failed")
            QMessageBox.critical(self, "Loading failed", message.strip().splitlines()[-1])
            self.loaded.emit()

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)

    def _update_status(self, text: str | None = None, suffix: str = "") -> None:
        if text is None:
            text = f"{len(self.documents)} documents, {len(self.problems)} problems{suffix}"
        self.status_label.setText(text)

    # Showing -------------------------------------------------------------------------------
    def _show_document(self, row: int) -> None:
        if row < 0 or row >= len(self.documents):
            self.text.clear()
            return
        doc = self.documents[row]
        self.text.setPlainText(doc.text)
        muted = QTextCharFormat()
        muted.setForeground(QColor(self.palette().placeholderText().color()))
        cursor = QTextCursor(self.text.document())
        for sentence in doc.sentences:
            if sentence.boilerplate:
                cursor.setPosition(sentence.start)
                cursor.setPosition(sentence.end, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(muted)
        self.text.moveCursor(QTextCursor.MoveOperation.Start)

    def _about(self) -> None:
        QMessageBox.about(
            self, "About Timeline Viewer",
            f"Timeline Viewer {__version__}\nDated events from a folder of news articles.",
        )

    # Window --------------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        urls = event.mimeData().urls()
        if urls and Path(urls[0].toLocalFile()).is_dir():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        urls = event.mimeData().urls()
        if urls:
            self.open_folder(urls[0].toLocalFile())

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.cancel_load()
        if self.settings is not None:
            self.settings.setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)

    def central(self) -> QWidget:
        return self.splitter
