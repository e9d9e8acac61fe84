"""The TimeML scorer in `bench.timeml`: reading a TimeML file, and the TempEval-3 counts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bench.timeml import Span, Tally, read_timeml, score

DOCUMENT = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2026-02-18" functionInDocument="CREATION_TIME">
2026-02-18</TIMEX3></DCT>
<TEXT>
The ferry operators <EVENT eid="e1">agreed</EVENT> a new timetable on
<TIMEX3 tid="t1" type="DATE" value="2026-02-17">Tuesday</TIMEX3>; it runs for
<TIMEX3 tid="t2" type="DURATION" value="P3M">three months</TIMEX3>.<TIMEX3 tid="t3"
type="DATE" value="2026"/>
</TEXT>
</TimeML>
"""


def test_a_timeml_file_gives_its_text_date_and_spans(tmp_path: Path) -> None:
    path = tmp_path / "ferry.tml"
    path.write_text(DOCUMENT, encoding="utf-8")
    document = read_timeml(path)
    assert document.dct == dt.date(2026, 2, 18)
    assert "<" not in document.text and "agreed a new timetable" in document.text
    assert [(document.text[s.start:s.end], s.type, s.value) for s in document.gold] == [
        ("Tuesday", "DATE", "2026-02-17"), ("three months", "DURATION", "P3M")]


def test_the_tagger_is_scored_on_the_file(tmp_path: Path) -> None:
    (tmp_path / "ferry.tml").write_text(DOCUMENT, encoding="utf-8")
    tally, _ = score([tmp_path])
    assert (tally.gold, tally.strict_gold, tally.relaxed_gold) == (2, 2, 2)
    assert tally.scores()["strict_f1"] == pytest.approx(2 * tally.strict_found / (
        tally.found + tally.gold))
    assert tally.right_type == 2


def _span(start: int, end: int, value: str, kind: str = "DATE") -> Span:
    return Span(start, end, kind, value, "x" * (end - start))


def test_strict_relaxed_and_attribute_scores() -> None:
    gold = [_span(0, 10, "2026-02"), _span(20, 25, "P1W", "DURATION"), _span(40, 45, "2025")]
    found = [_span(0, 10, "2026-02"),             # strict, right value
             _span(18, 24, "P2W", "DURATION"),    # relaxed only, wrong value
             _span(60, 70, "2024")]               # spurious; the third gold one is missed
    tally = Tally()
    misses: dict[str, list[str]] = {"value": [], "missed": [], "spurious": []}
    tally.add("doc", gold, found, misses)
    assert (tally.strict_found, tally.relaxed_found, tally.relaxed_gold) == (1, 2, 2)
    figures = tally.scores()
    assert figures["strict_f1"] == pytest.approx(1 / 3)
    assert figures["relaxed_f1"] == pytest.approx(2 / 3)
    # TempEval-3: relaxed F1 times the share of matched gold expressions with the value right.
    assert figures["value_f1"] == pytest.approx(2 / 3 * 1 / 2)
    assert figures["type_f1"] == pytest.approx(2 / 3)
    assert [len(misses[k]) for k in ("value", "missed", "spurious")] == [1, 1, 1]


def test_the_exact_span_is_preferred_to_a_bigger_overlap() -> None:
    gold = [_span(10, 20, "2026-02-17")]
    found = [_span(5, 19, "2026-W08"), _span(10, 20, "2026-02-17")]
    tally = Tally()
    tally.add("doc", gold, found, {"value": [], "missed": [], "spurious": []})
    assert tally.right_value == 1
