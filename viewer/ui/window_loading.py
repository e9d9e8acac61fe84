"""Opening a folder in the window: the load runs as a task in a worker, with progress and
cancel; when it is done its Session is handed to the views in one model reset, so opening
costs time linear in the number of documents."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)

from viewer.core.events.topics import load_taxonomy
from viewer.core.ingest.folder_scan import SUPPORTED
from viewer.core.session import free_memory
from viewer.core.session.row_events import RowEvents
from viewer.core.store.periods import load_periods
from viewer.core.words import plural
from viewer.ui.folder_loading import Opened, load_folder
from viewer.ui.tasks import Task
from viewer.ui.timeline_view import NO_EVENTS

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

FREE_AFTER_MS = 300  # after an open, once its first paint is done


def start_loading(window: MainWindow, folder: Path, keep: bool) -> None:
    """Start loading `folder`; `keep` (a reload of the same folder) keeps the view, the
    selection and the undo history."""
    window.cancel_load()
    free_memory.let_go_long_lived()  # what the last open kept may be dropped now
    same = window.folder is not None and Path(folder).resolve() == window.folder.resolve()
    keep = keep and same
    if keep:
        window.selection.keep = (window.selected_ids(), window.selection.current_id())
    else:
        window.selection.keep = ([], None)
        window.store_problems = []
        window.editor.open(Path(folder))
    window.folder = Path(folder)
    window._reloading = keep
    if not keep:
        if window.session is not None:
            window.session.detach()  # the editor closes the store
        window.session = None
        window.proxy.use_index(None)
    window.documents, window.timexes, window.problems = {}, {}, []
    if not keep:
        # Let go of the old folder's selection while its rows are still there: read after
        # the rows are gone, its row numbers point past the new (empty or shorter) events.
        window.table.selectionModel().clear()
        window.timeline.set_selection([], None)
        window.model.set_events([])
        window.detail.show_empty()
        # The empty view said "No events loaded" all through a long first open.
        window.timeline.empty_text = f"Loading {window.folder.name}…"
        window.timeline.forget_fit()
        window.filters.set_date_bounds(None, None)  # not the last folder's range meanwhile
    window.problem_list.clear()
    window.problem_dock.hide()
    window.use_taxonomy(load_taxonomy(window.folder))  # until the load names the full one
    window.timeline.periods = load_periods(window.folder)
    window.setWindowTitle(f"{window.folder.name} — Timeline Viewer")
    window.window_settings.remember(window.folder)
    task = window.runner.submit("Loading", partial(load_folder, window.folder))
    window.task = task
    task.shown.connect(lambda: window._set_busy(True) if window.task is task else None)
    task.progress.connect(lambda done, total: window._on_progress(task, done, total))
    task.partial.connect(lambda item: window._on_partial(task, item))
    task.finished.connect(lambda result: window._on_finished(task, result))
    task.failed.connect(lambda message: window._on_failed(task, message))
    window.status_label.setText(f"Loading {window.folder}…")


def finish_loading(window: MainWindow, task: Task, result: Opened) -> None:
    """Hand a finished load's Session to the window's views."""
    window._set_busy(False)
    window.timeline.empty_text = empty_folder_text(len(result.session.documents),
                                                   len(result.session.problems))
    previous, session = window.session, result.session
    window.session = session
    session.attach_store(window.editor.store, window.store_problems)
    if previous is not None:
        if window._reloading:
            session.take_history(previous)  # a reload keeps the undo history
        previous.detach()
    window.editor.session = session
    window.use_taxonomy(session.loaded.topics)
    window.documents = session.documents
    window.timexes = session.timexes
    window.model.titles = window.titles()
    window.detail.titles = window.model.titles  # one dict (read only): 50,000 titles are 2 MB
    window.detail.published = session.published()
    window.filters.facets["documents"].labels = window.model.titles
    window.timeline.tag_colours = dict(session.tags)
    keep_ids, keep_current = window.selection.keep
    # The problems first: the model's reset writes the status line, which counts them.
    window.problems = session.problems
    window._show_problems()
    window.proxy.use_index(session.index)
    window.model.set_events(RowEvents(session.columns))  # no object per event
    window.folder_watch.watch(session.loaded.files, result.fingerprint, result.folders)
    if keep_ids or keep_current:
        window.selection.restore(keep_ids, keep_current)
        window.selection.keep = ([], None)
    else:
        window.timeline.fit()
    if not window._reloading:
        focus_timeline(window)
    if task.ctx.cancelled:
        window.status_label.setText(window.status_label.text() + " (cancelled)")
    # Once the first picture is up: what reading the columns and the first layout left
    # free goes back to the system (about 50 MB at a million events), and what the folder
    # keeps until the next open is taken out of the garbage collector's walks.
    QTimer.singleShot(FREE_AFTER_MS, lambda: settle(window, task))
    window.loaded.emit()


def empty_folder_text(documents: int, problems: int) -> str:
    """What an opened folder without events says: why there is nothing to show (it used
    to say "No events loaded" whatever the folder held)."""
    if documents:
        return NO_EVENTS
    kinds = ", ".join(SUPPORTED)
    if problems:
        return (f"No article could be read: {plural(problems, 'file')} skipped (listed in "
                f"the Problems panel). Articles are {kinds} files.")
    return f"No articles in this folder: articles are {kinds} files."


def focus_timeline(window: MainWindow) -> None:
    """After a folder opens, keys go to the timeline (← → step, zoom), as a keyboard user
    expects, unless the user is typing into a box (the search is one Ctrl+F away). Focus
    used to stay in the search box, so the timeline's keys did nothing until it was clicked."""
    focus = window.focusWidget()
    typing = isinstance(focus, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox) and (
        not isinstance(focus, QLineEdit) or bool(focus.text()))
    if focus is None or not typing:
        window.timeline.setFocus()


def settle(window: MainWindow, task: Task) -> None:
    """After an open's first paint, unless another open or the window's close came since."""
    if window.task is not task or window.closing:
        return
    free_memory.release()
    free_memory.hold_long_lived()
