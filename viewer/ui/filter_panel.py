"""The filter panel: faceted checklists with live counts, dates, text, toggles, Reset."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping

from PySide6.QtCore import QDate, QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from viewer.core.events.topics import Taxonomy, load_taxonomy
from viewer.core.pipeline.conflicts import flag_label
from viewer.core.query import NO_VALUE, Filter
from viewer.core.session.facet_counts import FacetCounts
from viewer.ui.date_field import DateField
from viewer.ui.eliding_text import ElidingCheckBox, ElidingLabel
from viewer.ui.facet_list_sizes import UniformItemSize, count_text
from viewer.ui.facet_model import FacetModel
from viewer.ui.facet_rows import FacetRowDelegate
from viewer.ui.typing_pause import SHORTEST_MS, pause_ms, timed
from viewer.ui.view_settle import lay_out_view

FACET_TITLES = {"parties": "Parties", "topics": "Topics", "tags": "Tags",
                "review": "Review", "modality": "Modality", "conflict": "Conflicts",
                "documents": "Documents"}

NO_DATES = "—"  # a date box's text while the folder has no dated event (or is loading)
#: Changes that make a facet row look otherwise (`FacetRowDelegate.forget`).
_LOOKS = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.PaletteChange,
          QEvent.Type.LayoutDirectionChange)
MAX_VALUES = 300  # values listed per facet; a list widget of 50,000 items costs seconds


class FacetList(QListView):
    """A checklist of a facet's values, each with how many events it would show. Its rows
    live in a `FacetModel` (Python lists the view reads row by row), not in list widget
    items: a filter change sets no item (`facet_model`)."""

    changed = Signal()

    def __init__(self, facet: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facet = facet
        self.setObjectName(f"facet-{facet}")
        self.labels: dict[str, str] = {}
        self.rows = FacetModel(self)
        self.setModel(self.rows)
        self._rows_drawn = FacetRowDelegate(self.rows, self)  # a row's text shaped once
        self.setItemDelegate(self._rows_drawn)
        self._sizes = UniformItemSize(self)  # the view measures one item, not each
        #: The label and the count of each row shown, which its text joins.
        self._parts: tuple[list[str], list[int]] = ([], [])
        self.rows.toggled.connect(self.changed)

    def changeEvent(self, event: QEvent) -> None:
        """Another font or style sizes the items anew: the one item the view measures is
        given the widest item's new size."""
        if event.type() in _LOOKS:
            self._rows_drawn.forget()
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and self.rows.texts:
            self._sizes.forget()
            self._fit()
            self.scheduleDelayedItemsLayout()
        super().changeEvent(event)

    def checked(self) -> frozenset[str]:
        """The checked values (each of them listed)."""
        return self.rows.checked

    def count(self) -> int:
        """How many values are listed."""
        return len(self.rows.values)

    def set_counts(self, counts: Mapping[str, int]) -> None:
        """Show every value with its count; keep the user's checks of the values still
        listed."""
        checked = self.rows.checked
        numbers: list[int] | None = None  # each listed value's count, when read at once
        if isinstance(counts, FacetCounts):  # a Session's counts: listed by one array sort
            values, numbers, hidden = counts.counted_listing(MAX_VALUES, checked)
        else:
            # Values no event would show are left out, unless the user has them checked.
            shown = [v for v in counts if counts[v] or v in checked]
            values = sorted(shown, key=lambda v: (v == NO_VALUE, -counts[v], v.casefold()))
            hidden = max(0, len(values) - MAX_VALUES)
            if hidden:  # tens of thousands of articles: the largest, and whatever is checked
                values = values[:MAX_VALUES] + sorted(set(values[MAX_VALUES:]) & checked)
        tip = (f"{hidden:,} smaller values are not listed; search narrows the events"
               if hidden else "")
        if tip != self.toolTip():
            self.setToolTip(tip)
        numbers = numbers or [counts.get(value, 0) for value in values]
        # a checked value the counts no longer list is no longer checked
        kept = checked.intersection(values) if checked else checked
        labels = self._labels_of(values)
        texts = [label + count_text(number)
                 for label, number in zip(labels, numbers, strict=True)]
        # The texts are compared, not the labels they were made from: a copy of the labels
        # per change was a dict of every document's title (50,000 at a million events).
        if self.rows.show(values, texts, kept):  # the view lays the rows out again
            self._parts = labels, numbers
            self._fit()
            lay_out_view(self)  # the new layout joins the change's one paint

    def _fit(self) -> None:
        """Give the sample row the widest row's size (`facet_list_sizes`), or let the view
        measure each row."""
        rows = self.rows
        rows.sample = None  # the delegate measures the sample row's own text
        rows.sample = size = self._sizes.fit(rows.texts, *self._parts)
        self.setUniformItemSizes(size is not None)

    def _labels_of(self, values: list[str]) -> list[str]:
        """Each value's label, shown before its count."""
        label_of = self.labels.get
        if self.facet == "conflict":
            return [label_of(value, flag_label(value)) for value in values]
        return [label_of(value, value) for value in values]

    def check(self, values: frozenset[str]) -> None:
        """Check the listed values among `values` (no `changed`: the caller applies them)."""
        self.rows.check(values)


class FilterPanel(QWidget):
    """Emits `filterChanged` with a core Filter; typing is debounced (longer while filter
    changes are slow, `typing_pause`), clicks are immediate."""

    filterChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filter-panel")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search sentences…")
        self.search.setClearButtonEnabled(True)
        self.use_from = QCheckBox("From")
        self.use_to = QCheckBox("To")
        self.date_from = DateField()
        self.date_to = DateField()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.setSpecialValueText(NO_DATES)  # shown at the minimum date: no bound known
            edit.setDate(edit.minimumDate())
        self.use_from.toggled.connect(self.date_from.setEnabled)
        self.use_to.toggled.connect(self.date_to.setEnabled)
        # Texts that end in "…" in a narrow pane rather than being cut at its edge.
        self.boilerplate = ElidingCheckBox("Show boilerplate")
        self.undated = ElidingCheckBox("Show undated")
        self.undated.setChecked(True)
        self._bounds: tuple[dt.date | None, dt.date | None] = (None, None)
        self.hidden = ElidingCheckBox("Show events marked “not an event”")
        self.min_sources = QSpinBox()
        self.min_sources.setRange(1, 50)
        self.min_sources.setPrefix("≥ ")
        self.min_sources.setSuffix(" source(s)")
        self.reset_button = QPushButton("Reset")
        self.reset_button.setObjectName("filter-reset")
        self.facets = {facet: FacetList(facet) for facet in FACET_TITLES}

        dates = QFormLayout()
        for check, edit in ((self.use_from, self.date_from), (self.use_to, self.date_to)):
            row = QHBoxLayout()
            row.addWidget(check)
            row.addWidget(edit, 1)
            dates.addRow(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addLayout(dates)
        toggles = QHBoxLayout()
        toggles.addWidget(self.boilerplate)
        toggles.addWidget(self.undated)
        layout.addLayout(toggles)
        layout.addWidget(self.hidden)
        sources = QHBoxLayout()
        sources.addWidget(ElidingLabel("Corroborated by"))
        sources.addWidget(self.min_sources, 1)
        layout.addLayout(sources)
        for facet, title in FACET_TITLES.items():
            box = QGroupBox(title)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(2, 2, 2, 2)
            inner.addWidget(self.facets[facet])
            if facet in ("review", "modality", "conflict"):
                self.facets[facet].setMaximumHeight(70)
            layout.addWidget(box, 2 if facet in ("parties", "documents") else 1)
        layout.addWidget(self.reset_button)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHORTEST_MS)
        self._timer.timeout.connect(self.emit_filter)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        for widget in (self.use_from, self.use_to, self.boilerplate, self.undated, self.hidden):
            widget.toggled.connect(lambda _v: self.emit_filter())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.emit_filter())
        self.min_sources.valueChanged.connect(lambda _v: self.emit_filter())
        for facet_list in self.facets.values():
            facet_list.changed.connect(self.emit_filter)
        self.reset_button.clicked.connect(self.reset)
        self.set_taxonomy(load_taxonomy())

    def set_taxonomy(self, taxonomy: Taxonomy) -> None:
        self.facets["topics"].labels = {t.id: t.label for t in taxonomy.topics}
        self.facets["topics"].labels[NO_VALUE] = "(no topic)"
        self.facets["parties"].labels = {NO_VALUE: "(no party)"}
        self.facets["tags"].labels = {NO_VALUE: "(untagged)"}
        self.facets["conflict"].labels = {NO_VALUE: "(no conflict)"}

    def set_date_bounds(self, first: dt.date | None, last: dt.date | None) -> None:
        """Show the first and last day of the events the other filters show in the boxes
        not in use (a box in use keeps the user's date); None (a folder loading, or no dated
        event shown) shows no date rather than an earlier one."""
        self._bounds = (first, last)
        for edit, check, value in ((self.date_from, self.use_from, first),
                                   (self.date_to, self.use_to, last)):
            if check.isChecked():
                continue
            edit.blockSignals(True)
            edit.setDate(edit.minimumDate() if value is None else
                         QDate(value.year, value.month, value.day))
            edit.blockSignals(False)

    def follow_span(self, span: tuple[int, int] | None) -> None:
        """The shown events' first and last day (ordinals) as the bounds, after a filter
        change: under a date bound in use, the events overlapping it are those the other
        filters show at that end. Nothing shown keeps the bounds a box ticked next takes."""
        if span is not None:
            self.set_date_bounds(dt.date.fromordinal(span[0]), dt.date.fromordinal(span[1]))

    def current(self) -> Filter:
        def date(edit: QDateEdit) -> dt.date:
            q = edit.date()
            return dt.date(q.year(), q.month(), q.day())

        return Filter(
            parties=self.facets["parties"].checked(),
            topics=self.facets["topics"].checked(),
            tags=self.facets["tags"].checked(),
            documents=self.facets["documents"].checked(),
            review=self.facets["review"].checked(),
            modality=self.facets["modality"].checked(),
            conflict=self.facets["conflict"].checked(),
            date_from=date(self.date_from) if self.use_from.isChecked() else None,
            date_to=date(self.date_to) if self.use_to.isChecked() else None,
            search=self.search.text(),
            include_boilerplate=self.boilerplate.isChecked(),
            include_undated=self.undated.isChecked(),
            include_hidden=self.hidden.isChecked(),
            min_sources=self.min_sources.value(),
        )

    def pending(self) -> bool:
        """Whether a search typed within the last pause is still to be applied."""
        return self._timer.isActive()

    def emit_filter(self) -> None:
        self._timer.stop()
        spent = timed(lambda: self.filterChanged.emit(self.current()))
        self._timer.setInterval(pause_ms(spent))

    def set_counts(self, counts: Mapping[str, Mapping[str, int]],
                   facets: Collection[str] | None = None) -> None:
        """Show the counts of every facet, or of `facets` only (those an edit changed)."""
        for facet, facet_list in self.facets.items():
            if facets is None or facet in facets:
                facet_list.set_counts(counts.get(facet, {}))

    def reset(self) -> None:
        self.apply(Filter())

    def apply(self, value: Filter) -> None:
        """Show `value` in the widgets and emit it once."""
        # The search box keeps its signals: its clear button hides on textChanged.
        self.search.setText(value.search)
        widgets = [self.use_from, self.use_to, self.boilerplate, self.undated,
                   self.hidden, self.min_sources, self.date_from, self.date_to]
        for widget in widgets:
            widget.blockSignals(True)
        self.use_from.setChecked(value.date_from is not None)
        self.use_to.setChecked(value.date_to is not None)
        self.date_from.setEnabled(value.date_from is not None)
        self.date_to.setEnabled(value.date_to is not None)
        # A box not in use shows the folder's bounds, not the dates of an earlier filter.
        for edit, chosen, bound in ((self.date_from, value.date_from, self._bounds[0]),
                                    (self.date_to, value.date_to, self._bounds[1])):
            shown = chosen or bound
            edit.setDate(edit.minimumDate() if shown is None else
                         QDate(shown.year, shown.month, shown.day))
        self.boilerplate.setChecked(value.include_boilerplate)
        self.undated.setChecked(value.include_undated)
        self.hidden.setChecked(value.include_hidden)
        self.min_sources.setValue(value.min_sources)
        for widget in widgets:
            widget.blockSignals(False)
        for facet, facet_list in self.facets.items():
            facet_list.check(value.values(facet))
        self.emit_filter()
