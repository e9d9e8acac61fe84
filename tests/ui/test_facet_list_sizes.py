"""A facet list lays out by one item's size, its widest's: what it shows, where each item
sits and how far the list scrolls are those of a list that measures every item."""

from __future__ import annotations

import random
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from viewer.ui.filter_panel import FacetList


class _Measured(FacetList):
    """A facet list whose view asks every item for its size (Qt's default)."""

    def __init__(self, facet: str) -> None:
        super().__init__(facet)
        self._sizes.fit = lambda *rows: None  # type: ignore[method-assign]


def _measures(facet: FacetList) -> list[int]:
    """One entry per size the list's sizing (`UniformItemSize.fit`) asks its delegate for;
    not the view's own questions, which a delegate written in Python hears too (the view
    asks its sample row, which answers its kept size without measuring)."""
    measured: list[int] = []
    fitting = [False]
    fit = facet._sizes.fit

    def fitting_fit(*args: Any) -> Any:
        fitting[0] = True
        try:
            return fit(*args)
        finally:
            fitting[0] = False

    delegate = facet.itemDelegate()
    size_hint = delegate.sizeHint

    def counted(*args: Any) -> Any:
        if fitting[0]:
            measured.append(1)
        return size_hint(*args)

    facet._sizes.fit = fitting_fit  # type: ignore[method-assign]
    delegate.sizeHint = counted  # type: ignore[method-assign]
    return measured


def _side_by_side(qtbot: Any, width: int, height: int) -> tuple[QWidget, list[FacetList]]:
    """Our list and one that measures each item, in ONE window: on a real display only one
    top-level window is active, and an inactive window's palette paints other pixels; neither
    list takes the focus, which only one of them could have."""
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(2 * width + 10, height)
    lists: list[FacetList] = []
    for column, kind in enumerate((FacetList, _Measured)):
        facet = kind("documents")
        facet.setParent(window)
        facet.setGeometry(column * (width + 10), 0, width, height)
        facet.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a focused list paints its current item
        lists.append(facet)
    window.show()
    return window, lists


def _shown(facet: FacetList) -> tuple[QImage, list[Any], tuple[int, int], tuple[int, int]]:
    QApplication.processEvents()
    facet.viewport().repaint()
    rects = [facet.visualRect(facet.model().index(i, 0)) for i in range(facet.count())]
    bars = facet.horizontalScrollBar(), facet.verticalScrollBar()
    return (facet.viewport().grab().toImage(), rects, (bars[0].minimum(), bars[0].maximum()),
            (bars[1].minimum(), bars[1].maximum()))


def test_one_size_for_all_items_shows_what_measuring_each_showed(qtbot: Any) -> None:
    pick = random.Random(7)
    words = ["Geneva", "talks", "ceasefire", "a", "W", "iii", "Ukraine", "mmm", "Lviv"]
    titles = [" ".join(pick.choice(words) for _ in range(pick.randint(1, 12)))
              for _ in range(120)]
    _window, lists = _side_by_side(qtbot, 260, 300)
    ours, theirs = lists
    assert ours.uniformItemSizes() is False  # before its first counts
    for round_ in range(6):
        counts = {title: pick.randint(1, 10 ** pick.randint(1, 5)) for title in titles}
        if round_ == 3:  # fewer values: the last item (the sample) is another one
            counts = dict(list(counts.items())[:40])
        for facet in lists:
            facet.set_counts(counts)
        assert ours.uniformItemSizes() is True
        assert _shown(ours) == _shown(theirs)
        ours.horizontalScrollBar().setValue(ours.horizontalScrollBar().maximum())
        theirs.horizontalScrollBar().setValue(theirs.horizontalScrollBar().maximum())
        assert _shown(ours)[0] == _shown(theirs)[0]  # scrolled to the far right
        assert ours.horizontalScrollBar().maximum() > 0  # the list scrolls sideways


def test_a_label_of_two_lines_makes_the_list_measure_each_item(qtbot: Any) -> None:
    facet = FacetList("documents")
    qtbot.addWidget(facet)
    facet.show()
    facet.set_counts({"one": 3, "two\nlines": 2, "three": 1})
    assert facet.uniformItemSizes() is False
    facet.set_counts({"one": 3, "two": 2, "three": 1})
    assert facet.uniformItemSizes() is True
    heights = {facet.visualRect(facet.model().index(i, 0)).height()
               for i in range(facet.count())}
    assert len(heights) == 1


def test_fitting_the_size_is_linear_in_the_items(qtbot: Any) -> None:
    """Python lines run to fit the sample's size grow with the number of items, not faster
    (new labels each time, so every label's advance is measured)."""
    from tests.core.workcount import lines_run

    facet = FacetList("documents")
    qtbot.addWidget(facet)
    facet.show()
    runs = iter(range(10))

    def work(copies: int) -> int:
        run = next(runs)
        # Letters for the numbers: labels that differ only in their digits share one measure.
        labels = [f"run {_letters(run)} title {_letters(i)} {'w' * (i % 7)}"
                  for i in range(100 * copies)]
        numbers = [i % 50 for i in range(100 * copies)]
        texts = [f"{label}  ({number})" for label, number in zip(labels, numbers, strict=True)]
        facet.rows.show(texts, texts, frozenset())
        counter = [0]
        lines_run(lambda: facet._sizes.fit(texts, labels, numbers), counter)
        facet.rows.show([], [], frozenset())
        return counter[0]

    work(1)
    assert work(4) / work(1) < 4.6


def _letters(number: int) -> str:
    """`number` written with the letters a-j for its digits."""
    return str(number).translate(str.maketrans("0123456789", "abcdefghij"))


def test_another_font_sizes_the_items_anew(qtbot: Any) -> None:
    """The sample item's size follows the list's font (set after the counts)."""
    _window, lists = _side_by_side(qtbot, 200, 200)
    changes: list[object] = []
    for facet in lists:
        facet.set_counts({f"a title of some length {i}": i + 1 for i in range(30)})
        facet.changed.connect(lambda: changes.append(1))
        font = facet.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        facet.setFont(font)
        assert not changes  # no filter change
    assert _shown(lists[0]) == _shown(lists[1])


def test_sizes_kept_from_one_filter_to_the_next_follow_another_style(qtbot: Any) -> None:
    """A text's measured size is kept for the next filter change; another style (other
    margins, another check box) measures every text again."""
    from PySide6.QtWidgets import QStyleFactory

    _window, lists = _side_by_side(qtbot, 220, 200)
    counts = {f"a title of some length {i}": i + 1 for i in range(30)}
    for facet in lists:
        facet.set_counts(counts)
    assert _shown(lists[0]) == _shown(lists[1])
    styles: list[str] = QStyleFactory.keys()
    other = next(k for k in styles
                 if k.casefold() != lists[0].style().name().casefold())
    for facet in lists:
        facet.setStyle(QStyleFactory.create(other))
        facet.set_counts(counts)  # the same texts as before the style changed
    assert _shown(lists[0]) == _shown(lists[1])


def test_fitting_again_to_the_same_texts_measures_nothing(qtbot: Any) -> None:
    facet = FacetList("documents")
    qtbot.addWidget(facet)
    facet.show()
    counts = {f"title {i}": 100 - i for i in range(50)}
    facet.set_counts(counts)
    measured = _measures(facet)
    facet.set_counts({**counts, "title 0": 1})  # another order, one new text
    measured.clear()
    facet.set_counts(counts)  # back: every text measured before
    assert measured == []
    facet.set_counts({f"a longer title {i}": 100 - i for i in range(50)})  # new texts
    assert measured


def test_new_labels_are_measured_only_where_they_may_be_the_widest(qtbot: Any) -> None:
    """Bounds from the characters hold every ASCII label's advance; a list of new titles
    measures the few that may be widest, and shows what measuring each showed."""
    from PySide6.QtGui import QFontMetricsF

    pick = random.Random(11)
    words = ["Geneva", "talks", "AVATAR", "To", "office", "Wy", "fjord", "ff", "Lviv,", "(3)"]
    _window, lists = _side_by_side(qtbot, 260, 300)
    ours, theirs = lists
    metrics = QFontMetricsF(ours.font())
    for _ in range(200):
        label = " ".join(pick.choice(words) for _ in range(pick.randint(1, 14)))
        least, most = ours._sizes._bounds(label, ours.font())
        assert least <= metrics.horizontalAdvance(label) <= most, label
    for round_ in range(3):
        titles = [f"{round_} " + " ".join(pick.choice(words) for _ in range(pick.randint(1, 9)))
                  for _ in range(150)]
        counts = {title: pick.randint(1, 500) for title in titles}
        for facet in lists:
            facet.set_counts(counts)
        measured = set(ours._sizes._advances) & set(titles)  # labels, not count texts
        assert len(measured) < len(set(titles)) // 2
        assert _shown(ours) == _shown(theirs)


def test_new_counts_are_measured_only_where_they_may_be_the_widest(qtbot: Any) -> None:
    """A first search gives every listed value a count never shown: the count texts are
    bounded by their characters too, and only those of the texts that may be widest are
    measured; the list shows what measuring each showed, round after round."""
    from viewer.ui.facet_list_sizes import COUNT_SEPARATOR

    pick = random.Random(4)
    _window, lists = _side_by_side(qtbot, 260, 300)
    ours, theirs = lists
    titles = [f"title {'x' * pick.randint(1, 12)} {i}" for i in range(150)]
    for round_ in range(4):
        counts = {title: pick.randint(1, 10 ** pick.randint(1, 6)) for title in titles}
        before = {text for text in ours._sizes._advances if text.startswith(COUNT_SEPARATOR)}
        for facet in lists:
            facet.set_counts(counts)
        shown = {f"{COUNT_SEPARATOR}{number})" for number in counts.values()} - before
        measured = {text for text in ours._sizes._advances if text.startswith(COUNT_SEPARATOR)}
        assert len(measured - before) < len(shown) // 2, round_
        assert _shown(ours) == _shown(theirs)


def test_new_texts_of_known_parts_are_two_look_ups(qtbot: Any, monkeypatch: Any) -> None:
    """A change to a value not shown before lists titles shown before with counts shown
    before, joined anew: such a text's advance is its parts' kept advances, without writing
    their digits "0" again (no digit key asked for), and the list shows what measuring each
    item showed, round after round."""
    from viewer.ui.digit_advances import DigitAdvances

    pick = random.Random(9)
    _window, lists = _side_by_side(qtbot, 260, 300)
    ours, theirs = lists
    titles = [f"Synthetic article {i:07d}" for i in range(400)]
    keys: list[str] = []
    original = DigitAdvances.key

    def counted(self: DigitAdvances, text: str) -> str:
        keys.append(text)
        return original(self, text)

    monkeypatch.setattr(DigitAdvances, "key", counted)
    for facet in lists:  # every title and every count text once
        facet.set_counts({title: 1 + i % 60 for i, title in enumerate(titles)})
    assert _shown(ours) == _shown(theirs)
    for round_ in range(4):
        counts = {title: pick.randint(1, 60) for title in pick.sample(titles, 250)}
        keys.clear()
        for facet in lists:
            facet.set_counts(counts)
        assert len(keys) < len(counts), round_  # each new text asked two keys before
        assert _shown(ours) == _shown(theirs), round_


def test_a_new_count_of_as_many_digits_is_not_measured_again(qtbot: Any) -> None:
    """The widest item's size is kept under its text with its digits written "0": a change
    that only moves the counts ("(untagged)  (7558)" to "(untagged)  (523)" and back to four
    digits) asks the delegate for no size where the font shapes its digits alike."""
    facet = FacetList("tags")
    qtbot.addWidget(facet)
    facet.show()
    facet.set_counts({"(untagged)": 7558})
    measured = _measures(facet)
    facet.set_counts({"(untagged)": 1234})
    assert measured == []
    facet.set_counts({"(untagged)": 523})  # fewer digits: another text, measured once
    facet.set_counts({"(untagged)": 777})
    assert len(measured) == 1


def test_a_list_of_one_value_is_sized_by_it_without_reading_advances(qtbot: Any) -> None:
    """A facet of one value (no tags, one review state) takes that row's size as the
    delegate measures it; no label or count advance is read to compare rows."""
    _window, lists = _side_by_side(qtbot, 200, 100)
    ours, theirs = lists
    for count in (5, 7558, 523, 1_000_000):
        for facet in lists:
            facet.set_counts({"(untagged) and a long label for its row": count})
        assert ours.uniformItemSizes() is True
        assert _shown(ours) == _shown(theirs)
        assert not ours._sizes._exact and not ours._sizes._bounded
