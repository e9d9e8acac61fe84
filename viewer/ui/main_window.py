"""The main window: filters | timeline over table | detail pane, with menus and loading."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
)

from viewer.core.events.topics import Taxonomy
from viewer.core.model import Document, Problem
from viewer.core.scene.lanes import LANE_FIELD
from viewer.core.session import Change, Session, free_memory
from viewer.core.session.filtering import SCALAR_FIELDS
from viewer.core.session.row_events import RowEvents
from viewer.core.store.periods import load_periods
from viewer.core.timex import Timex
from viewer.core.words import plural
from viewer.ui.detail_pane import DetailPane
from viewer.ui.edit_actions import EditController
from viewer.ui.editing import Editor
from viewer.ui.event_model import TOPICS_COLUMN, EventTableModel
from viewer.ui.event_proxy import EventFilterProxy
from viewer.ui.event_table import EventTable
from viewer.ui.export_dialog import ExportController
from viewer.ui.filter_panel import FilterPanel
from viewer.ui.folder_loading import Opened
from viewer.ui.overview_strip import OverviewStrip
from viewer.ui.periods_dialog import edit_periods
from viewer.ui.problems_panel import ProblemsPanel
from viewer.ui.store_banner import add_store_banner, show_store_banner
from viewer.ui.tasks import Task, TaskRunner
from viewer.ui.timeline_view import NO_EVENTS
from viewer.ui.timeline_widget import TimelineWidget
from viewer.ui.undated_tray import UndatedTray
from viewer.ui.view_settle import lay_out_status, lay_out_view, relayout_scroll_area
from viewer.ui.window_loading import finish_loading, start_loading
from viewer.ui.window_menus import build_menus
from viewer.ui.window_panes import (
    DOCUMENTS_FORMAT,
    build_panes,
    filter_width,
    fit_panes,
    hold_timeline_room,
    order_tabs,
)
from viewer.ui.window_support import (
    FolderWatch,
    SelectionSync,
    WindowSettings,
    dropped_folder,
)

if TYPE_CHECKING:  # the dialogs are imported when first opened, not before the first paint
    from viewer.ui.topics_dialog import TopicsDialog


class MainWindow(QMainWindow):
    """Handed a task runner and settings; owns no global state. `loaded` fires per load."""

    loaded = Signal()
    # Set by build_menus (viewer/ui/window_menus.py):
    recent_menu: QMenu
    lane_actions: dict[str, QAction]
    boilerplate_action: QAction
    undated_action: QAction
    lag_action: QAction
    # Set by build_panes (viewer/ui/window_panes.py):
    filter_scroll: QScrollArea
    panes_dragged: bool  # the user set the panes' widths: fit_panes leaves them
    undated_tray: UndatedTray
    overview: OverviewStrip
    centre: QSplitter
    splitter: QSplitter
    problem_list: ProblemsPanel
    problem_dock: QDockWidget
    progress: QProgressBar
    cancel_button: QPushButton
    status_label: QLabel

    def __init__(self, runner: TaskRunner, settings: QSettings | None = None) -> None:
        super().__init__()
        self.runner = runner
        self.settings = settings
        self.folder: Path | None = None
        self.session: Session | None = None
        self.documents: Mapping[str, Document] = {}
        self.timexes: Mapping[str, tuple[Timex, ...]] = {}
        self.problems: list[Problem] = []
        self.task: Task | None = None
        self.editor = Editor(self)
        self.editing = EditController(self, self.editor)
        self.exports = ExportController(self)
        self.selection = SelectionSync(self)
        self.folder_watch = FolderWatch(self)
        self.window_settings = WindowSettings(self)
        self._reloading = False
        self.closing = False  # set by closeEvent: nothing left to settle after that
        self.store_problems: list[Problem] = []
        self.topics_dialog: TopicsDialog | None = None
        self.setWindowTitle("Timeline Viewer")
        self.setAcceptDrops(True)

        self.model = EventTableModel(self)
        self.proxy = EventFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filters = FilterPanel()
        self.timeline = TimelineWidget()
        self.timeline.setObjectName("timeline")
        self.table = EventTable()
        self.table.setModel(self.proxy)
        self.detail = DetailPane()

        build_panes(self)
        build_menus(self)
        self.undated_tray.eventChosen.connect(lambda row: self.select_rows([row], row))
        self.undated_tray.dateRequested.connect(self.editing.document_date)
        self.problem_list.dateRequested.connect(self.editing.document_date)
        self.problem_list.orphanRequested.connect(self.editing.resolve_orphan)
        self.problem_list.documentRequested.connect(self.select_document)
        self.proxy.filterApplied.connect(self._filter_applied)
        self.filters.filterChanged.connect(self.proxy.set_filter)
        self.filters.filterChanged.connect(lambda f: self.detail.set_search(f.search))
        self.filters.search.returnPressed.connect(self.selection.to_results)
        self.table.selectionModel().selectionChanged.connect(self.selection.table_selection)
        self.timeline.selectionRequested.connect(self.select_rows)
        self.detail.eventActivated.connect(self.selection.select_event_id)
        self.detail.noteEdited.connect(self.editing.set_note)
        self.detail.set_actions([self.editing.actions[k] for k in
                                 ("tag", "accept", "reject", "date", "parties", "topics",
                                  "modality", "not_event", "doc_date")])
        order_tabs(self)
        hold_timeline_room(self)
        self.editor.changed.connect(self._apply_change)
        self.editor.problem.connect(self._store_problem)
        self.store_banner = add_store_banner(self)
        self.editor.read_only.connect(lambda text: show_store_banner(self.store_banner, text))
        self.proxy.modelAboutToBeReset.connect(self.selection.remember)
        for view in (self.table, self.timeline):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(
            lambda pos: self._context_menu(self.table.viewport().mapToGlobal(pos)))
        self.timeline.customContextMenuRequested.connect(self._timeline_menu)
        self.window_settings.restore()
        self.timeline.setFocus()  # the keys a new user tries first (← →, zoom) are the timeline's

    def set_lane_mode(self, mode: str) -> None:
        self.lane_actions[mode].setChecked(True)
        self.timeline.set_mode(mode)

    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    # -- loading -----------------------------------------------------------------------------
    def open_folder(self, folder: str | Path, keep: bool = False) -> None:
        """Load a folder; with `keep`, a reload of the same folder keeps the view, the
        selection and the undo history."""
        start_loading(self, Path(folder), keep)

    def reload(self) -> None:
        if self.folder is not None:
            self.open_folder(self.folder, keep=True)

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

    def _on_partial(self, task: Task, item: object) -> None:
        """Loading hands over no partial results: one model reset at the end keeps the cost
        of opening linear in the number of documents."""

    def _on_finished(self, task: Task, result: object) -> None:
        if task is not self.task or not isinstance(result, Opened):
            return
        finish_loading(self, task, result)

    def _on_failed(self, task: Task, message: str) -> None:
        if task is self.task:
            self._set_busy(False)
            self.timeline.empty_text = NO_EVENTS
            self.timeline.viewport().update()
            self.status_label.setText("Loading failed")
            box = QMessageBox(QMessageBox.Icon.Critical, "Loading failed",
                              message.strip().splitlines()[-1], parent=self)
            box.open()  # not exec(): a headless screenshot must never wait on a dialog
            self.loaded.emit()

    def _show_problems(self) -> None:
        """The load's problems, the store's, and the edits whose sentence is gone."""
        found = list(self.session.orphans) if self.session is not None else []
        shown = [p for p in self.problems if p.kind != "orphaned edit"] + [
            Problem(o.document, "orphaned edit",
                    f"{'; '.join(o.what)} — on a sentence no longer in the folder: {o.text}")
            for o in found]
        self.problems = shown
        self.problem_list.show_problems(shown, found, self.titles())
        self.problem_dock.setWindowTitle(self.problem_list.title())
        self.problem_dock.setVisible(bool(shown))

    def edit_periods(self) -> None:
        edit_periods(self)

    def set_show_lag(self, on: bool) -> None:
        self.timeline.show_lag = on
        self.timeline.viewport().update()

    def show_coverage(self) -> None:
        """Coverage of the events the filters show, by outlet (the article's title)."""
        from viewer.ui.coverage_dialog import CoverageDialog

        shown = [self.timeline.events[r] for r in self.timeline.rows]
        self.coverage = CoverageDialog(shown, self.titles(), self.topic_labels(), self)
        self.coverage.open()

    def show_topics(self) -> TopicsDialog:
        """The folder's topics to edit; one dialog, kept, its counts following each load."""
        if self.topics_dialog is None:
            from viewer.ui.topics_dialog import TopicsDialog

            self.topics_dialog = TopicsDialog(self)
        self.topics_dialog.refresh()
        self.topics_dialog.open()  # window-modal, like the other dialogs: undo after closing it
        return self.topics_dialog

    def use_taxonomy(self, taxonomy: Taxonomy) -> None:
        """The one taxonomy every view reads: the folder's full one, discovered topics too
        (what `timeline-viewer topics FOLDER` lists), for lanes, colours, filters and details."""
        self.timeline.set_taxonomy(taxonomy)
        self.filters.set_taxonomy(taxonomy)
        self.detail.topic_labels = labels = self.topic_labels()
        if labels != self.model.topic_labels:  # the table shows labels, sorts by them
            self.model.topic_labels = labels
            self.proxy.relabelled(TOPICS_COLUMN)
            self.table.viewport().update()

    def topic_labels(self) -> dict[str, str]:
        return {t.id: t.label for t in self.timeline.taxonomy.topics}

    def titles(self) -> dict[str, str]:
        return self.session.titles() if self.session is not None else {}

    def select_document(self, relpath: str) -> None:
        events = self.model.events
        rows = (events.rows_matching("document", relpath) if isinstance(events, RowEvents)
                else [r for r, e in enumerate(events) if e.document == relpath])
        if rows:
            self.select_rows(rows[:1], rows[0])

    def _set_busy(self, busy: bool, doing: str = "") -> None:
        """Show or hide the progress bar; `doing` names work that counts no documents (an
        export showed the last load's "3012 / 3012 documents" while it ran)."""
        if doing:
            self.progress.setRange(0, 0)  # busy, without a count
            self.progress.setFormat(doing)
        elif busy:
            self.progress.setFormat(DOCUMENTS_FORMAT)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)

    # -- filtering and selection --------------------------------------------------------------
    def _filter_applied(self) -> None:
        rows = self.proxy.shown_source_rows()
        lay_out_view(self.table)  # its reset's layout joins this change's one paint
        doc_dates = self.session.document_dates() if self.session is not None else ()
        self.timeline.doc_titles = self.titles()
        self.timeline.set_events(self.model.events, rows, doc_dates)
        self.filters.follow_span(self.timeline.shown_span())
        relayout_scroll_area(self.timeline)
        self.overview.set_events(self.model.events, rows, self.timeline.shown_span())
        lanes = self.timeline.scene.lanes if self.timeline.scene is not None else []
        self.undated_tray.show_lanes(lanes, self.model.events, self.timeline.doc_titles,
                                     bool(rows) and not any(lane.events for lane in lanes))
        self.filters.set_counts(self.proxy.counts)
        total = len(self.model.events)
        text = f"{len(rows):,} of {plural(total, 'event')}"
        if self.documents:
            text += f" · {plural(len(self.documents), 'document')}"
        if self.problems:
            text += f" · {plural(len(self.problems), 'problem')}"
        self.status_label.setText(text)
        lay_out_status(self)  # the new text's relayout joins this change's one paint
        ids, current = self.selection.pending
        self.selection.pending = ([], None)
        if ids or current:
            self.selection.restore(ids, current)  # a reset keeps the selection by id
        else:
            self.selection.keep_current()  # a filter change kept it through its layout
        self.selection.table_selection()

    def _apply_change(self, change: object) -> None:
        """Refresh what an edit touched: its rows, tag colours, or a re-dated article.
        Nothing re-reads the store or rebuilds the index: the Session already did the work."""
        if not isinstance(change, Change) or self.session is None:
            return
        if change.documents or change.topics:
            self.reload()
            return
        if change.tags:
            self.timeline.tag_colours = dict(self.session.tags)
        if change.orphans:
            self._show_problems()  # an orphaned edit was re-attached or discarded
        if change.periods and self.folder is not None:
            self.timeline.periods = load_periods(self.folder)
            self.timeline.viewport().update()
        if change.rows:
            self.proxy.note_fields(change.fields)
            self.model.replace_many({row: self.session.event(row) for row in change.rows})
            if not self.proxy.edit_reset:  # the same rows are shown: refresh what changed
                self._refresh_edited(change)
        elif change.tags:
            self.timeline.viewport().update()
        following = self.proxy.filter.following(change.renamed)
        if following != self.proxy.filter:  # a chosen tag renamed or deleted: follow it
            self.filters.set_counts(self.proxy.counts)  # (so its new name is listed)
            self.filters.apply(following)

    def _refresh_edited(self, change: Change) -> None:
        """An edit that left the shown rows as they were: the lanes are rebuilt only when
        it moved an event in time or between lanes."""
        lane_field = LANE_FIELD.get(self.timeline.mode, self.timeline.mode)
        if change.fields & {"start", "end", lane_field}:
            self._filter_applied()
            return
        self.selection.table_selection()  # the detail pane shows the edited event
        self.timeline.viewport().update()
        if change.facets:
            # Only the edited facets' counts moved, unless the edit touched a facet the
            # filter chooses in or a field outside the facets (then every facet may have).
            chosen = {facet for facet in change.facets if self.proxy.filter.values(facet)}
            moved = change.fields & SCALAR_FIELDS
            only = change.facets if not chosen and not moved else None
            self.filters.set_counts(self.proxy.counts, only)

    def _store_problem(self, message: str) -> None:
        problem = Problem(".timeline-viewer", "store", message)
        self.store_problems.append(problem)
        self.problems.append(problem)
        self._show_problems()
        self.statusBar().showMessage(message, 10000)

    def _context_menu(self, global_pos: QPoint) -> None:
        if self.selected_source_rows():
            self.editing.context_menu().exec(global_pos)

    def _timeline_menu(self, pos: QPoint) -> None:
        item = self.timeline.item_at(pos.toPointF())
        if item is not None and not set(item.events) & set(self.selected_source_rows()):
            self.select_rows(list(item.events), item.events[0])
        self._context_menu(self.timeline.viewport().mapToGlobal(pos))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit_panes()
        # The first resize comes before the splitter has laid out its panes: fit again after.
        QTimer.singleShot(0, self.fit_panes)

    def filter_width(self) -> int:
        return filter_width(self)

    def fit_panes(self) -> None:
        fit_panes(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing = True
        free_memory.let_go_long_lived()
        self.cancel_load()
        self.detail.commit_note()  # a note typed but not yet left is saved, not lost
        self.editor.close()
        if self.session is not None:
            self.session.detach()
        self.window_settings.save()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_folder(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        folder = dropped_folder(event.mimeData())
        if folder is not None:
            self.open_folder(folder)

    # Selection, shared with the table, the timeline and the editing commands.
    def select_rows(self, source_rows: list[int], current: int) -> None:
        self.selection.select_rows(source_rows, current)

    def selected_source_rows(self) -> list[int]:
        return self.selection.selected_source_rows()

    def selected_ids(self) -> list[str]:
        return self.selection.selected_ids()

    # For tests and screenshots.
    def first_event_row(self) -> int | None:
        return self.proxy.rows[0] if self.proxy.rows else None

    def today(self) -> dt.date:
        return dt.date.today()
