"""Values kept where only the words decide, and the scan's jump past tagged expressions."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.workcount import CountingPattern
from viewer.core.timex import Tagger
from viewer.core.timex import resolution as rs
from viewer.core.timex.context import Match
from viewer.core.timex.lexicon import bundled


@pytest.fixture()
def calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, int]]:
    """Every normaliser (and gated value) counting its calls by name."""
    counted: dict[str, int] = {}

    def counting(name: str, inner: rs.Normaliser) -> rs.Normaliser:
        def call(m: Match) -> Any:
            counted[name] = counted.get(name, 0) + 1
            return inner(m)
        return call

    monkeypatch.setattr(rs, "NORMALISERS", {
        name: counting(name, f) for name, f in rs.NORMALISERS.items()})
    monkeypatch.setattr(rs, "GATED", {
        name: (plan, gate, counting(name, value))
        for name, (plan, gate, value) in rs.GATED.items()})
    yield counted


def test_words_that_decide_their_value_are_resolved_once(calls: dict[str, int]) -> None:
    """"Last week" and "two days" mean the same for one document date wherever they stand:
    one normaliser call each, not one per occurrence (news repeats its expressions)."""
    text = "Talks stalled last week. Forces rested for two days. " * 50
    found = Tagger().tag(text, dt.date(2024, 6, 5))
    assert [t.value for t in found] == ["2024-W22", "P2D"] * 50
    assert calls == {"relative_period": 1, "duration": 1}
    Tagger().tag(text, dt.date(2024, 6, 5))  # another tagger keeps its own
    assert calls == {"relative_period": 2, "duration": 2}


def test_another_document_date_is_resolved_again(calls: dict[str, int]) -> None:
    tagger = Tagger()
    first = tagger.tag("Talks stalled last week.", dt.date(2024, 6, 5))
    second = tagger.tag("Talks stalled last week.", dt.date(2021, 1, 20))
    assert (first[0].value, second[0].value) == ("2024-W22", "2021-W02")
    assert calls == {"relative_period": 2}


def test_values_that_read_around_the_match_are_not_kept(calls: dict[str, int]) -> None:
    """A weekday reads the clause's tense, so each one is resolved where it stands."""
    text = ("Envoys will meet on Friday. Forces attacked on Friday. "
            "Envoys will meet on Friday. Forces attacked on Friday. ")
    found = Tagger().tag(text, dt.date(2026, 2, 18))
    assert [t.value for t in found] == ["2026-02-20", "2026-02-13"] * 2
    assert calls == {"weekday": 4}


def test_a_gate_runs_at_every_match_of_a_kept_value(calls: dict[str, int]) -> None:
    """"52 years" was a duration; "52 years old", the same words, is an age all the same."""
    text = "He served for 52 years. He is 52 years old. He served for 52 years."
    found = Tagger().tag(text, dt.date(2024, 6, 5))
    assert [(t.text, t.value) for t in found] == [("52 years", "P52Y"), ("52 years", "P52Y")]
    assert calls == {"duration": 1}


def test_a_gate_reads_the_kept_groups_of_the_same_words(calls: dict[str, int]) -> None:
    """The gate of a kept value reads what the words told it, kept with the value (the
    same words have the same groups), not a new `Match` of each match: "a week" (a
    duration, then kept) is still turned down as a rate after "four flights", and found
    again after that; "six years" likewise before "old"."""
    text = ("They waited a week. It runs four flights a week. They waited a week. "
            "He served six years. He is six years old. He served six years.")
    found = Tagger().tag(text, dt.date(2024, 6, 5))
    assert [(t.text, t.value) for t in found] == [
        ("a week", "P1W"), ("a week", "P1W"), ("six years", "P6Y"), ("six years", "P6Y")]
    assert calls == {"duration": 2}


def test_a_kept_value_moves_the_span_as_its_normaliser_did(calls: dict[str, int]) -> None:
    """"A two-year term": the article is no part of the duration, kept or not."""
    text = "He began a two-year term. She began a two-year term."
    found = Tagger().tag(text, dt.date(2024, 6, 5))
    assert [(t.text, t.start) for t in found] == [("two-year", 11), ("two-year", 38)]
    assert calls == {"duration": 1}


class _Searches(CountingPattern):
    """The trigger, counting the hits its searches return."""

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        found = self._pattern.search(text, pos, endpos)
        self._counter[0] += found is not None
        return found


def test_the_scan_does_not_stop_inside_a_tagged_expression() -> None:
    """"The past 12 hours": "12" and "hours" start rules too, but lie inside the expression
    tagged at "the"; the scan goes on after it instead of stopping at each."""
    counter = [0]
    lex = bundled()
    tagger = Tagger(dataclasses.replace(lex, scan=dataclasses.replace(
        lex.scan, trigger=_Searches(lex.scan.trigger, counter),  # type: ignore[arg-type]
        trigger_ascii=_Searches(lex.scan.trigger_ascii, counter))))  # type: ignore[arg-type]
    text = "Prices rose over the past 12 hours of trading. " * 20
    found = tagger.tag(text, dt.date(2024, 6, 5))
    assert [t.text for t in found] == ["the past 12 hours"] * 20
    assert counter[0] == 20  # one hit per expression: was 80 ("the", "past", "12", "hours")


def test_the_ascii_scan_is_used_only_where_it_reads_as_unicode_does() -> None:
    """ASCII classes find the trigger words faster; curly quotes and dashes are neither
    words nor spaces either way, but "é" is a letter and a no-break space a space only in
    Unicode, so text with them is scanned as before, and finds the same expressions."""
    from viewer.core.timex.rule_index import ascii_reading

    assert ascii_reading(" “talks resume,” he said — on monday")
    assert not ascii_reading(" café on monday") and not ascii_reading(" on\u00a0monday")
    lex = bundled()
    assert lex.scan.trigger_ascii is not None
    text = " “officials met on monday,” 12 hours after talks — since 2022, the past week"
    assert ([(m.span(), m.group(1, 2)) for m in lex.scan.trigger_ascii.finditer(text)]
            == [(m.span(), m.group(1, 2)) for m in lex.scan.trigger.finditer(text)])
    for text in ("Talks resumed on Monday in Genève.", "Talks resumed on\u00a0Monday.",
                 "“Talks,” he said — on Monday."):
        assert [t.value for t in Tagger().tag(text, dt.date(2024, 6, 5))] == ["2024-06-03"]


_READ_CHARS = st.sampled_from(list("aZ9 _-.,'’“”—–İıſKµéÉ\u00a0\u2009Ⓐⓐ\u0130\u212a\ud800ǅ"))


@given(st.lists(_READ_CHARS, max_size=40).map("".join))
@settings(max_examples=300, deadline=None)
def test_lowered_folding_is_the_lower_case_and_the_ascii_reading(text: str) -> None:
    """Lowering the UTF-8 bytes (only A-Z change) is used only where every other character
    has no lower case: the result is `str.lower` and `ascii_reading` of it, for any text."""
    from viewer.core.timex.rule_folding import lowered_folding
    from viewer.core.timex.rule_index import ascii_reading

    lowered, plain, _ = lowered_folding(text)
    assert lowered == text.lower() and plain == ascii_reading(text.lower())


def test_a_month_the_tense_cannot_move_is_resolved_without_asking_it() -> None:
    """"June" or "July" written in June is this year's whatever its clause says: the tense
    is not asked, so the value is kept for the same words; "September" still asks."""
    from viewer.core.timex.context import Match
    from viewer.core.timex.lexicon import bundled
    from viewer.core.timex.normalize_dates import month

    text = "Talks will resume in June, not in September."
    for word, value, local in (("June", "2024-06", True), ("September", "2024-09", False)):
        at = text.index(word)
        m = Match(text, at, at + len(word), {"month": word}, dt.date(2024, 6, 1), None,
                  bundled())
        result = month(m)
        assert result is not None and result.value == value and m.local is local
