"""The detail pane's "Also reported by": every other article once, with its words, and the
whole header reachable. In the Kenya sample a cluster of five reports from four articles
listed article 02 twice, the second time with no text, and article 04 not at all: the layout
squeezed the header and cut its last lines off with no sign, and the disagreement table's
third column ran past the pane's edge. Snippets ended mid-word. (That cluster was itself a
chain of five happenings, no longer joined; the test reads a cluster of the trade story with
the same shape: three other articles, one of them reporting it twice.)"""

from __future__ import annotations

import re
import shutil
from html import escape
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from tests.ui.conftest import shown_window
from viewer.core.words import snippet
from viewer.ui.tasks import TaskRunner

STORY = Path(__file__).parents[1] / "data" / "unseen" / "eu_china_trade"
CHANNEL = "Officials close to the Brandsma–Gao channel"


@pytest.mark.parametrize("size", [(1500, 950), (1100, 640)])
def test_every_other_source_is_listed_once_and_reachable(
        qtbot: QtBot, runner: TaskRunner, tmp_path: Path, size: tuple[int, int]) -> None:
    folder = tmp_path / "trade"
    shutil.copytree(STORY, folder, ignore=shutil.ignore_patterns(".timeline-viewer"))
    window = shown_window(qtbot, runner, folder, size)
    events = list(window.model.events)
    event = next(e for e in events if e.text.startswith(CHANNEL))
    cluster = [e for e in events if e.cluster == event.cluster]
    others = {e.document for e in cluster if e.document != event.document}
    assert len(others) == 3 and len(cluster) == 8  # 02 reports it twice, 03 four times
    row = window.model.row_of[event.id]
    window.select_rows([row], row)
    pane = window.detail
    html = pane.header.text()
    by_id = {e.id: e for e in events}
    also = html[html.index("Also reported"):]  # after the conflict table's links
    linked = [by_id[i].document for i in re.findall(r"href='event:([0-9a-f]+)'", also)]
    assert sorted(linked) == sorted(others)  # each other article once, none left out
    assert "Also reported by 3 other sources" in html and "(2 reports)" in html
    listed = []
    for line in also.split("<br>")[1:]:
        document = QTextDocument()
        document.setHtml(line.split("</a>", 1)[1])  # after the title: count and words
        listed.append(document.toPlainText().split(": ", 1)[1])
    assert len(listed) == 3
    for said in listed:
        assert said  # every listed source has its words
        prefix = said.removesuffix("…")
        whole = next(w for w in (" ".join(e.text.split()) for e in cluster)
                     if w.startswith(prefix))
        if said.endswith("…"):
            assert whole[len(prefix)] == " " and not prefix.endswith(" ")  # at a word's end
        else:
            assert said == whole
    # Nothing is cut off: the label is as tall as its text, and what the pane cannot show
    # at once scrolls into view.
    qtbot.waitUntil(lambda: pane.header.height() >= pane.header.heightForWidth(
        pane.header.width()), timeout=2000)
    area = pane.header_area
    assert pane.header.width() <= area.viewport().width()  # no column past the pane's edge
    for doc in {e.document for e in cluster}:  # every source is named
        assert escape(window.titles()[doc]) in html
    assert area.height() <= max(pane.height() // 2, 3 * pane.fontMetrics().lineSpacing())
    hidden = pane.header.height() - area.viewport().height()
    assert area.verticalScrollBar().maximum() >= hidden


def test_a_snippet_ends_at_a_word_with_an_ellipsis() -> None:
    text = "The chairman declared the winner of Tuesday's presidential election today"
    assert snippet(text, 200) == text
    cut = snippet(text, 50)
    assert cut == "The chairman declared the winner of Tuesday's…"
    assert len(cut) <= 50
    assert snippet("a" * 80, 20) == "a" * 19 + "…"  # one long word: cut where it must be
