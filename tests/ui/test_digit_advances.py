"""Texts that differ only in their digits are measured once, where the font allows it, and
a facet list of numbered titles shows what measuring each title showed."""

from __future__ import annotations

import random
from typing import Any

from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication

from tests.ui.test_facet_list_sizes import _shown, _side_by_side
from viewer.ui.digit_advances import DigitAdvances, digit_advances


def _fonts() -> list[QFont]:
    base = QApplication.font()
    fonts = [base]
    for family, bold, size in (("Serif", False, 11.0), ("Monospace", False, 9.0),
                               ("Sans Serif", True, 13.5)):
        font = QFont(base)
        font.setFamily(family)
        font.setBold(bold)
        font.setPointSizeF(size)
        fonts.append(font)
    return fonts


def test_a_text_keyed_with_zeros_has_the_texts_advance(qapp: Any) -> None:
    pick = random.Random(3)
    pieces = ["Report ", "article", "No.", "(", ")", "-", "/", ":", " ", "Q", "Te", "ff", "AV"]
    for font in _fonts():
        metrics = QFontMetricsF(font)
        digits = digit_advances(font)
        zeroed = 0
        for _ in range(300):
            text = "".join(pick.choice(pieces) if pick.random() < 0.6
                           else str(pick.randint(0, 10 ** pick.randint(1, 7)))
                           for _ in range(pick.randint(1, 6)))
            key = digits.key(text)
            zeroed += key != text
            assert metrics.horizontalAdvance(key) == metrics.horizontalAdvance(text), text
        assert zeroed > 100  # the fonts tested shape their digits alike


def test_a_font_whose_digits_differ_measures_each_text(qapp: Any) -> None:
    digits = DigitAdvances(QApplication.font())
    digits._plain = False  # as for a font of proportional digits
    assert digits.key("Report 1234") == "Report 1234"
    alike = DigitAdvances(QApplication.font())
    alike._beside[("t", True)] = False  # a kerning pair between "t" and a digit
    assert alike.key("Report1234") == "Report1234"
    assert alike.key("Report-1234") == "Report-0000"
    assert alike.key("Report") == "Report"
    assert alike.key("Rapport 1234 é") == "Rapport 1234 é"  # not ASCII: as it is


def test_numbered_titles_are_measured_once_and_shown_as_measured_each(qtbot: Any) -> None:
    """A change to a value not shown before lists titles never shown: titles made from
    numbers are one measure for all, and the list shows what measuring each showed."""
    pick = random.Random(5)
    _window, lists = _side_by_side(qtbot, 260, 300)
    ours, theirs = lists
    for round_ in range(4):
        titles = [f"Synthetic article {pick.randint(0, 10 ** 7):07d}" for _ in range(200)]
        titles += [f"Brief {pick.randint(0, 999)}" for _ in range(20)]
        counts = {title: pick.randint(1, 10 ** pick.randint(1, 4)) for title in titles}
        for facet in lists:
            facet.set_counts(counts)
        measured = set(ours._sizes._advances) & set(titles)
        assert len(measured) <= 1, round_  # the zero-keyed "Synthetic article 0000000"
        assert _shown(ours) == _shown(theirs)


def test_keys_kept_safe_answer_as_the_checks_do(qapp: Any, monkeypatch: Any) -> None:
    """A key whose every character is known safe is kept, and a text with that key is
    answered by one look-up, not by testing its characters again; a checker that keeps
    no key answers every text the same."""
    from viewer.ui import digit_advances as module

    pick = random.Random(8)
    pieces = ["Synthetic article ", "Report ", "No.", "(", ")", "-", " ", "Te", "AV", "x"]
    texts = ["".join(pick.choice(pieces) if pick.random() < 0.6
                     else str(pick.randint(0, 10 ** pick.randint(1, 7)))
                     for _ in range(pick.randint(1, 5))) for _ in range(400)]
    texts += [f"Synthetic article {i:07d}" for i in range(300)]
    tests: list[str] = []
    superset = set.issuperset

    class Counted(set[str]):
        def issuperset(self, other: Any) -> bool:
            tests.append(other)
            return superset(self, other)

    for font in _fonts():
        kept = DigitAdvances(font)
        answers = [kept.key(text) for text in texts]
        assert [kept.key(text) for text in texts] == answers  # with the keys it kept
        assert answers == [DigitAdvances(font).key(text) for text in texts]  # nothing kept
        tests.clear()
        counted = Counted(kept._safe)
        monkeypatch.setattr(kept, "_safe", counted)
        assert [kept.key(text) for text in texts] == answers  # asked again
        assert not any(superset(counted, key) for key in tests)  # only keys not all safe
        assert "Synthetic article 0000000" not in tests  # the titles' one key: kept
    monkeypatch.setattr(module, "SAFE_KEYS", 5)  # the keys kept stay bounded
    bounded = DigitAdvances(QApplication.font())
    for text in texts:
        bounded.key(text)
        assert len(bounded._safe_keys) <= 5


def test_keys_written_at_once_are_each_texts_key(qapp: Any) -> None:
    """`keys` answers a list of texts as `key` answers each, whether the checker has kept
    their keys yet or not, and for a font whose digits differ."""
    pick = random.Random(12)
    pieces = ["Synthetic article ", "Report ", "(", ")", "-", " ", "Te", "AV", "é", "  ("]
    texts = ["".join(pick.choice(pieces) if pick.random() < 0.6
                     else str(pick.randint(0, 10 ** pick.randint(1, 7)))
                     for _ in range(pick.randint(0, 5))) for _ in range(400)]
    for font in _fonts():
        each = [DigitAdvances(font).key(text) for text in texts]
        kept = DigitAdvances(font)
        assert kept.keys(texts) == each  # nothing kept yet
        assert kept.keys(texts) == each  # with the keys it kept
    differ = DigitAdvances(QApplication.font())
    differ._plain = False
    assert differ.keys(texts) == texts
