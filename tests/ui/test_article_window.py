"""The detail pane shows a very long article as a window around the event (`article_window`),
so a one-line file of megabytes neither stalls the window nor lays out megabytes."""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

import pytest
from PySide6.QtGui import QTextDocument

from viewer.core.events.document_events import Event
from viewer.core.model import DateSource, Document
from viewer.ui import detail_pane
from viewer.ui.article_window import ArticleWindow, siblings_in, window_around
from viewer.ui.detail_pane import DetailPane

SENTENCE = "Ferry crews met the port authority on Tuesday and agreed a timetable "


def test_a_short_article_is_shown_whole() -> None:
    window = window_around("Talks resumed.", 0, 14, limit=100)
    assert window == ArticleWindow(0, 14) and window.text("Talks resumed.") == "Talks resumed."


def test_a_long_article_shows_a_window_around_the_span_cut_at_spaces() -> None:
    article = SENTENCE * 2_000  # 138,000 characters in one paragraph
    start = len(SENTENCE) * 1_000 + 6
    end = start + 5
    window = window_around(article, start, end, limit=10_000)
    assert window.start <= start and end <= window.end
    assert window.end - window.start <= 10_000
    assert article[window.start - 1] == " " and article[window.end] == " "
    shown = window.text(article)
    assert shown.startswith("[… ") and shown.endswith("to see them]")
    assert f"{window.start:,} characters" in window.head
    first, last = window.span(start, end) or (0, 0)
    assert shown[first:last] == article[start:end] == "crews"
    assert window.shows(start, end) and not window.shows(0, 5)
    assert window.span(0, 5) is None and not window.overlaps(0, 5)


def test_a_span_longer_than_the_window_is_shown_from_its_start() -> None:
    article = "x" * 50_000
    window = window_around(article, 1_000, 40_000, limit=10_000)
    assert (window.start, window.end) == (1_000, 11_000)
    assert window.shows(1_000, 40_000)
    assert window.span(1_000, 40_000) == (len(window.head), len(window.head) + 10_000)


def test_the_ends_of_an_article_take_no_marker() -> None:
    article = SENTENCE * 1_000
    at_start = window_around(article, 0, 10, limit=5_000)
    assert at_start.start == 0 and at_start.head == "" and at_start.tail
    at_end = window_around(article, len(article) - 10, len(article), limit=5_000)
    assert at_end.end == len(article) and at_end.tail == "" and at_end.head


def _event(index: int, start: int) -> Event:
    return Event(id=f"e{index}", document="long.txt", text=SENTENCE.strip(),
                 char_start=start, char_end=start + len(SENTENCE) - 1, start=None, end=None,
                 precision="day", date_source="undated", timex=None, timex_value=None,
                 parties=(), people=(), topics=(), boilerplate=False, sentence=index)


class _Counted(QTextDocument):
    """A text document that counts how often its contents are reported changed: each report
    lays the changed paragraph out again (once a layout exists, which a cursor's move makes)."""

    made: ClassVar[list[_Counted]] = []

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.documentLayout()  # as a cursor's first move makes it: changes are laid out
        self.changes = 0
        self.contentsChange.connect(self._changed)
        _Counted.made.append(self)

    def _changed(self, *_: int) -> None:
        self.changes += 1


def _article(sentences: int) -> tuple[Document, list[Event]]:
    text = SENTENCE * sentences  # one paragraph, no line break
    document = Document(path="long.txt", relpath="long.txt", title="long", date=None,
                        date_source=DateSource.UNDATED, text=text, paragraphs=(),
                        sentences=())
    return document, [_event(i, i * len(SENTENCE)) for i in range(sentences)]


def test_the_pane_lays_its_formats_over_the_article_in_one_edit(
        qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside an edit block each cursor move laid the whole paragraph out again: an
    article of one megabyte in one paragraph took minutes to show."""
    monkeypatch.setattr(detail_pane, "QTextDocument", _Counted)
    document, events = _article(200)
    DetailPane().show_event(events[100], document, [], siblings_in(events), [])
    assert _Counted.made[-1].changes <= 2  # one per format (200) before


def test_the_pane_shows_a_window_of_a_very_long_article(qapp: Any) -> None:
    """One megabyte in one paragraph, an event per sentence: the pane holds a window of it
    around the event, and another around an event outside it."""
    document, events = _article(15_000)
    article = document.text
    pane = DetailPane()
    current = events[7_500]
    pane.show_event(current, document, [], siblings_in(events), [])
    shown = pane.text.document()
    assert shown.characterCount() < 61_000 + 300
    assert pane.highlighted_text() == article[current.char_start:current.char_end]
    assert "characters of this article before this point" in pane.text.toPlainText()[:200]
    near = events[7_510]  # in the window: the article is not inserted again
    pane.show_event(near, document, [], siblings_in(events), [])
    assert pane.text.document() is shown
    far = dataclasses.replace(events[10], id="far")  # outside: a window around it
    pane.show_event(far, document, [], siblings_in(events), [])
    assert pane.text.document() is not shown
    assert pane.highlighted_text() == article[far.char_start:far.char_end]


def test_a_click_in_a_long_article_makes_no_object_of_its_other_events(
        qtbot: Any, runner: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 5 MB article of 118,000 events took 0.4 s a click: each selection made every
    other event of the article an object, to link the few the pane shows. Now the pane asks
    for the events of the window it inserts, and a click inside that window asks nothing."""
    from tests.ui.conftest import shown_window
    from viewer.core.session.row_events import RowEvents

    folder = tmp_path / "long"
    folder.mkdir()
    (folder / "one.txt").write_text("date 2026-03-10 " + " ".join(
        f"Officials met on March {1 + k % 28} to discuss item {k}." for k in range(3000)))
    window = shown_window(qtbot, runner, folder, (1200, 800))
    events = window.model.events
    assert isinstance(events, RowEvents) and len(events) > 2500
    made = []
    real = RowEvents.__getitem__
    monkeypatch.setattr(RowEvents, "__getitem__",
                        lambda self, row: made.append(row) or real(self, row))
    window.selection.show_detail(real(events, 1500))
    first = len(made)
    assert first < 1500  # the window's events (60,000 characters), not the article's 3,000
    made.clear()
    window.selection.show_detail(real(events, 1501))
    assert made == []
