"""Gazetteer names found by the automaton are those the names' regular expression finds."""

from __future__ import annotations

import random
from pathlib import Path

from tests.core.workcount import growth, lines_run
from viewer.core.events.gazetteer_build import load_gazetteer
from viewer.core.events.name_scan import NameScanner

ROOT = Path(__file__).resolve().parents[2]
EDGES = (" US-Russia US-led Kyiv.Moscow EU. Iran'sUS Russia_ xRussia -Russia .Russia "
         "Russia-Ukraine Russia.x the United States United States of America Moscow's")


def _texts() -> list[str]:
    files = sorted(ROOT.glob("seeds/*.txt")) + sorted(ROOT.glob("tests/data/unseen/*/*.txt"))
    return [p.read_text(encoding="utf-8", errors="replace") + EDGES for p in files[:12]]


def test_scanner_agrees_with_the_expression_on_any_range() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.names is not None
    rnd = random.Random(3)
    for text in _texts():
        assert gazetteer.names.spans(text) == [m.span() for m in gazetteer.pattern.finditer(text)]
        for _ in range(80):  # sentences, and the windows around a person's name
            start = rnd.randrange(len(text))
            end = min(len(text), start + rnd.choice((3, 12, 40, 90, 300, 3000)))
            expected = [m.span() for m in gazetteer.pattern.finditer(text, start, end)]
            assert gazetteer.names.spans(text, start, end) == expected, (start, end)


def test_longest_name_that_fits_the_range_wins() -> None:
    scanner = NameScanner(["United States", "United", "States"])
    text = "the United States said"
    assert scanner.spans(text) == [(4, 17)]
    assert scanner.spans(text, 0, 12) == [(4, 10)]  # the range cuts the longer name
    assert scanner.spans("xUnited States-led") == [(8, 14)]  # glued on the left
    assert scanner.spans("the States-Ukraine") == []  # "-" and a capital glue it
    assert NameScanner([]).spans(text) == []


def test_ranges_of_one_document_cost_one_scan() -> None:
    """Each sentence's question walks only its own names: 4x the sentences, 4x the work."""
    scanner = NameScanner(["Russia", "Ukraine", "Kyiv"])
    sentence = "Russia and Ukraine met in Kyiv on Monday. "

    def work(copies: int) -> int:
        text = sentence * copies * 200
        counter = [0]
        step = len(sentence)
        lines_run(lambda: [scanner.spans(text, at, at + step)
                           for at in range(0, len(text), step)], counter)
        return counter[0]

    assert growth(work) < 4.6
