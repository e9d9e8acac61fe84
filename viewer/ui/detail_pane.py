"""The detail pane: what an event says, how its date was found, and the whole source article.

The article is inserted into the document as plain text through a cursor, never parsed as
HTML, so nothing from a file is interpreted and no resource is ever loaded; highlighting,
underlines and links are character formats laid over that text.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from html import escape

from PySide6.QtCore import QByteArray, QEvent, QObject, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QCursor,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QTextBrowser,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from viewer.core.events.document_events import Event
from viewer.core.model import Document
from viewer.core.session.happening_merge import LINKED
from viewer.core.timex import Timex
from viewer.ui.article_window import ArticleWindow, Siblings, window_around
from viewer.ui.detail_header import HeaderArea
from viewer.ui.detail_reasons import explained
from viewer.ui.detail_reporting import conflict_html, other_sources, reporting_rows
from viewer.ui.event_model import date_text

EMPTY_HEADER = "<i>Select an event on the timeline or in the table.</i>"


class SafeBrowser(QTextBrowser):
    """A text browser that never loads anything: no images, no remote or local files."""

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        return QByteArray()


class DetailPane(QWidget):
    """Shows one event; clicking another event of the same article asks to select it."""

    eventActivated = Signal(str)  # event id
    noteEdited = Signal(object, str)  # event, new note text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel()
        self.header.setObjectName("detail-header")
        self.header.setWordWrap(True)
        self.header.setTextFormat(self.header.textFormat().RichText)
        self.header.setOpenExternalLinks(False)
        self.header.linkActivated.connect(self._link)
        self.header.linkHovered.connect(self._hovered)
        # In a scroll area, as tall as its text up to half the pane: left to the layout, a
        # long header was squeezed and lost its last lines with no sign.
        self.header_area = HeaderArea(self.header)
        self.header_area.setObjectName("detail-header-area")
        self.titles: dict[str, str] = {}  # document path → title, set by the window
        self.published: Mapping[str, str] = {}  # document path → publication date, likewise
        self.topic_labels: dict[str, str] = {}  # topic id → label, from the folder's taxonomy
        self._link_files: dict[str, str] = {}  # href → file name, shown when hovered
        self.text = SafeBrowser()
        self.text.setObjectName("detail-text")
        self.text.setOpenLinks(False)
        self.text.setOpenExternalLinks(False)
        self.text.anchorClicked.connect(lambda url: self._link(url.toString()))
        self._buttons: list[QToolButton] = []
        self._columns = 0
        self.buttons = QGridLayout()
        self.buttons.setContentsMargins(0, 0, 0, 0)
        self.buttons.setHorizontalSpacing(2)
        self.buttons.setVerticalSpacing(0)
        self.note = QPlainTextEdit()
        self.note.setObjectName("detail-note")
        self.note.setPlaceholderText("Note on this event (saved when you leave the box)")
        self.note.setMaximumHeight(64)
        # Tab leaves the box (and so saves the note), as the placeholder says: it typed a
        # tab into the note instead, and a keyboard user could not get out of the box.
        self.note.setTabChangesFocus(True)
        self.note.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header_area)
        layout.addLayout(self.buttons)
        layout.addWidget(self.note)
        layout.addWidget(self.text, 1)
        self.current_event: Event | None = None
        self.document_id: str | None = None
        self.shown_part = ArticleWindow(0, 0)  # the part of the article shown
        self.highlight = (0, 0)
        self.search = ""
        self.show_empty()

    def set_actions(self, actions: Sequence[QAction]) -> None:
        """Buttons for the analyst's commands, sharing the window's actions and shortcuts."""
        self._buttons = []
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(button.toolButtonStyle().ToolButtonTextOnly)
            button.setAutoRaise(True)
            self._buttons.append(button)
        self._columns = 0
        self._arrange(3)
        # Tab in the order the pane shows them: the commands, the note, the article's text
        # (the text came first, so the keyboard met the buttons last).
        chain = [*self._buttons, self.note, self.text]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        # One column in a small window: two held the pane wider than the timeline at 640 px.
        self.setMinimumWidth(self._needed(1))

    def _arrange(self, columns: int) -> None:
        """Lay the buttons out in `columns`: fewer when the pane is narrow, so a small window
        can give the timeline the room instead."""
        if columns == self._columns:
            return
        self._columns = columns
        for button in self._buttons:
            self.buttons.removeWidget(button)
        for index, button in enumerate(self._buttons):
            self.buttons.addWidget(button, index // columns, index % columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.header_area.fit(self._header_width(), self.height())
        if self._buttons:
            width = self.width()
            self._arrange(3 if self._needed(3) <= width else 2 if self._needed(2) <= width else 1)

    def _set_header(self, *versions: str) -> None:
        """Show the header, in the first of `versions` that fits the pane."""
        self.header_area.show_html(versions, self._header_width(), self.height())

    def _header_width(self) -> int:
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else None
        return self.width() - (margins.left() + margins.right() if margins else 0)

    def preferred_width(self) -> int:
        """The width the pane asks of a window with room: its buttons in two columns."""
        return max(self.minimumWidth(), self._needed(2))

    def _needed(self, columns: int) -> int:
        """The width the buttons take in `columns`: each column as wide as its widest."""
        widths = [0] * columns
        for index, button in enumerate(self._buttons):
            column = index % columns
            widths[column] = max(widths[column], button.sizeHint().width())
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else None
        extra = (margins.left() + margins.right()) if margins else 0
        return sum(widths) + 2 * (columns - 1) + extra

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note and event.type() == QEvent.Type.FocusOut:
            self.commit_note()
        return super().eventFilter(watched, event)

    def commit_note(self) -> None:
        if self.current_event is not None and self.note.toPlainText() != self.current_event.note:
            self.noteEdited.emit(self.current_event, self.note.toPlainText())

    def show_empty(self) -> None:
        """Only what is not empty yet is emptied: every filter change with nothing selected
        comes here, and clearing an empty note or text still repainted the pane. A note
        typed for the event left is saved first (Escape clears the selection from the note
        box itself)."""
        self.commit_note()
        self.current_event = None
        if not self.note.document().isEmpty():
            self.note.blockSignals(True)
            self.note.setPlainText("")
            self.note.blockSignals(False)
        self.note.setEnabled(False)
        self._set_header(EMPTY_HEADER)
        if not self.text.document().isEmpty():
            self.text.clear()
        self.document_id = None

    def _hovered(self, href: str) -> None:
        """The file name behind a title link, as a tooltip."""
        path = self._link_files.get(href)
        if path:
            QToolTip.showText(QCursor.pos(), path, self.header)
        else:
            QToolTip.hideText()

    def _link(self, href: str) -> None:
        if href.startswith("event:"):
            self.eventActivated.emit(href[len("event:"):])

    def show_event(self, event: Event, document: Document | None, timexes: Sequence[Timex],
                   siblings: Siblings, cluster: Sequence[Event]) -> None:
        """`siblings`: the article's events in a stretch of it; `cluster`: the same happening
        elsewhere."""
        if self.current_event is not None and self.current_event.id != event.id:
            self.commit_note()  # leaving an event saves its note
        self.current_event = event
        self.note.setEnabled(True)
        if self.note.toPlainText() != event.note:
            self.note.setPlainText(event.note)
        anchor = next((t.anchor for t in timexes if t.text == event.timex
                       and t.start < event.char_end + 400 and t.end > event.char_start - 400),
                      None)
        wide = self._header_html(event, document, cluster, anchor)
        if event.conflict:  # a disagreement as a row per source, should a column each not fit
            self._set_header(wide, self._header_html(event, document, cluster, anchor, True))
        else:
            self._set_header(wide)
        if document is None:
            self.text.setPlainText(event.text)
            return
        if self.document_id != document.relpath or not self.shown_part.shows(
                event.char_start, event.char_end):
            self._fill(document, timexes, siblings, event)
        self._highlight(event)

    def _header_html(self, event: Event, document: Document | None, cluster: Sequence[Event],
                     anchor: str | None = None, by_source: bool = False) -> str:
        against = {"dct": ", resolved against the publication date",
                   "narrative": ", resolved against the date the story was telling",
                   "absolute": ", a full date"}.get(anchor or "", "")
        how = {
            "explicit": f"from “{escape(event.timex or '')}” ({escape(event.timex_value or '')})"
                        + against,
            "inherited": f"inherited from the narrative (“{escape(event.timex or '')}”)",
            "document": "the article's publication date",
            "undated": "the article has no date",
        }[event.date_source]
        def mark(name: str) -> str:
            return " <i style='color:#c05000'>(corrected)</i>" if name in event.corrected else ""

        def by_hand(what: str) -> str:
            return (f" <i style='color:#c05000'>({what} by hand)</i>"
                    if LINKED in event.corrected else "")

        if "date" in event.corrected:
            how = "corrected by hand"
        rows = [
            f"<b style='font-size:110%'>{escape(date_text(event))}</b>{mark('date')} "
            f"<span>· {escape(event.precision)} · {how}</span>",
            f"<b>Parties:</b> {explained(event, 'party', event.parties)}{mark('parties')}",
            f"<b>People:</b> {escape(', '.join(event.people) or '–')}",
            f"<b>Topics:</b> {explained(event, 'topic', event.topics, self.topic_labels)}"
            f"{mark('topics')}",
            f"<b>Tags:</b> {escape(', '.join(event.tags) or '–')} · "
            f"<b>Review:</b> {escape(event.review)}",
            *reporting_rows(event, mark),
        ]
        disputed = conflict_html(event, cluster, self.titles, self.published, by_source)
        if disputed:
            rows.append(disputed)
        if event.not_event:
            rows.append("<b style='color:#c00000'>Marked as not an event</b> (hidden; "
                        "“Not an Event” again restores it)")
        if event.boilerplate:
            rows.append("<i>Page furniture (boilerplate), not the article body.</i>")
        if document is not None:
            date = document.date.isoformat() if document.date else "undated"
            rows.append(f"<b>Source:</b> {escape(document.title)} · {escape(date)} "
                        f"({escape(document.date_source.value)}) · "
                        f"<span style='color:gray'>{escape(document.relpath)}</span>")
        sources, self._link_files = other_sources(event, cluster, self.titles, by_hand("linked"))
        if sources:
            rows.append(sources)
        elif LINKED in event.corrected:
            rows.append(f"<b>Also reported by:</b> –{by_hand('taken out of its happening')}")
        return "<br>".join(rows)

    def _fill(self, document: Document, timexes: Sequence[Timex], siblings: Siblings,
              current: Event) -> None:
        """Insert the article (or, when it is very long, a window of it around the event:
        `article_window`) as plain text, then lay formats over it, in one edit block: a
        cursor outside one lays the whole paragraph out again at each move, which made an
        article of one long paragraph take minutes."""
        self.document_id = document.relpath
        self.shown_part = window = window_around(document.text, current.char_start,
                                             current.char_end)
        doc = QTextDocument(self.text)
        doc.setUndoRedoEnabled(False)  # shown, never edited: no history of the formats
        doc.setDefaultFont(self.text.font())
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        cursor.insertText(window.text(document.text))  # plain text: nothing is interpreted
        palette = self.palette()
        muted = QTextCharFormat()
        muted.setForeground(palette.color(QPalette.ColorRole.PlaceholderText))
        for sentence in document.sentences:
            if sentence.boilerplate:
                self._format(cursor, sentence.start, sentence.end, muted)
        for sibling in siblings(window.start, window.end):
            if (sibling.id == current.id or sibling.boilerplate
                    or not window.overlaps(sibling.char_start, sibling.char_end)):
                continue
            # Every other event of the article is a link; the pointer shows it, and the
            # text keeps its colour so the article stays readable.
            fmt = QTextCharFormat()
            fmt.setAnchor(True)
            fmt.setAnchorHref(f"event:{sibling.id}")
            fmt.setToolTip("Show this event")
            self._format(cursor, sibling.char_start, sibling.char_end, fmt)
        for timex in timexes:
            if not window.overlaps(timex.start, timex.end):
                continue
            fmt = QTextCharFormat()
            fmt.setFontUnderline(True)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            span = (f"{timex.earliest} – {timex.latest}" if timex.earliest
                    and timex.latest and timex.earliest != timex.latest
                    else str(timex.earliest or ""))
            fmt.setToolTip(f"{timex.type} {timex.value}" + (f" · {span}" if span else ""))
            self._format(cursor, timex.start, timex.end, fmt)
        cursor.endEditBlock()
        self.text.setDocument(doc)

    def _format(self, cursor: QTextCursor, start: int, end: int, fmt: QTextCharFormat) -> None:
        """Lay `fmt` over a span of the article, where the window shows it."""
        shown = self.shown_part.span(start, end)
        if shown is None:
            return
        cursor.setPosition(shown[0])
        cursor.setPosition(shown[1], QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)

    def set_search(self, term: str) -> None:
        """Mark every occurrence of the search text in the article."""
        self.search = term.strip()
        if self.current_event is not None and self.document_id is not None:
            self._highlight(self.current_event)

    def _search_selections(self) -> list[QTextBrowser.ExtraSelection]:
        found: list[QTextBrowser.ExtraSelection] = []
        if not self.search:
            return found
        text = self.text.toPlainText().casefold()
        needle = self.search.casefold()
        start = text.find(needle)
        while start >= 0 and len(found) < 500:
            selection = QTextBrowser.ExtraSelection()
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(start)
            cursor.setPosition(start + len(needle), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format.setBackground(QColor(255, 214, 0, 150))
            found.append(selection)
            start = text.find(needle, start + len(needle))
        return found

    def _highlight(self, event: Event) -> None:
        start, end = self.shown_part.span(event.char_start, event.char_end) or (0, 0)
        selection = QTextBrowser.ExtraSelection()
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        colour.setAlpha(90)
        selection.format.setBackground(colour)
        self.text.setExtraSelections([selection, *self._search_selections()])
        self.highlight = (start, end)
        self._reveal()
        # A newly set article is laid out later: scroll again once it is, or it shows from its top.
        QTimer.singleShot(0, self._reveal)

    def _reveal(self) -> None:
        """Scroll the article so the highlighted sentence sits a third of the way down."""
        start, end = self.highlight
        if end > self.text.document().characterCount():
            return
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(start)
        self.text.setTextCursor(cursor)
        top = self.text.cursorRect(cursor).top()
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.value() + top - self.text.viewport().height() // 3)
        self.text.ensureCursorVisible()

    def highlighted_text(self) -> str:
        return self.text.toPlainText()[self.highlight[0] : self.highlight[1]]
