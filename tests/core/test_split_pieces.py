"""A piece split off a sentence at a clause break is an event only when it tells a
happening of its own: not an attribution alone ("…, the port authority said on Tuesday."),
not a reference point or a clause without a finite verb ("a day after the agreed deadline",
"before the end of the month", "prompting a protest in May")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.workcount import counting_patterns, growth, lines_run
from viewer.core.events import split_pieces
from viewer.core.events.split_pieces import attribution_only, stands_alone
from viewer.core.pipeline.folder_extraction import extract_folder

D = dt.date
LINEAR = 4.6  # 4x the input; a little slack for fixed costs


def _events(tmp_path: Path, text: str) -> list[tuple[str, dt.date | None, dt.date | None]]:
    (tmp_path / "a.txt").write_text(text)
    return [(e.text, e.start, e.end)
            for e in extract_folder(tmp_path, use_cache=False).events]


def _dated(piece: str, date: str) -> tuple[str, int, int]:
    at = piece.index(date)
    return piece, at, at + len(date)


def test_an_attribution_alone_is_no_happening() -> None:
    assert attribution_only(*_dated("the port authority said on Tuesday.", "Tuesday"))
    assert attribution_only(*_dated("said on Friday.", "Friday"))
    assert attribution_only(*_dated("three deputies told state television on Monday night.",
                                    "Monday night"))
    assert attribution_only(*_dated("the harbour master, Ana Ruiz, told councillors earlier "
                                    "today, two days after the crane collapsed.",
                                    "earlier today"))
    # A clause of its own before the telling, or a happening after it, is no attribution.
    assert not attribution_only(*_dated("the crane collapsed, the port authority said on "
                                        "Tuesday.", "Tuesday"))
    assert not attribution_only(*_dated("the mayor said on Tuesday that the crane had "
                                        "collapsed.", "Tuesday"))


def test_a_piece_without_a_finite_verb_is_no_happening() -> None:
    for piece in ("the end of the quarter.", "the agreed deadline, the engineers said.",
                  "prompting a formal complaint from the rival bidder in May.",
                  "with an average of 90 barges passing the lock each day in April.",
                  "the last recorded flood, ending a decade in which the levee held.",
                  "a tender whose terms were set by the council, the union said.",
                  "not in winter,” said Ilse Brandt, who farms near the dike.",
                  "the recently approved budget."):
        assert not stands_alone(piece), piece
    for piece in ("the ferry ran aground.", "it was delayed in June.",
                  "the levee broke near the mill.", "could also vote when it meets in May.",
                  "and we see it now,” the mayor said.",
                  "that the barges seized by customs were released, the agency said."):
        assert stands_alone(piece), piece
    # A happening noun dated right after it needs no verb.
    assert stands_alone(*_dated("in contrast to the long meetings the day before.",
                                "the day before"))


def test_sentences_keep_only_their_own_happenings(tmp_path: Path) -> None:
    events = _events(tmp_path, (
        "date 2026-10-09 The barge sank on Thursday.\n\n"
        "Grain exports fell by a fifth in August, the port authority said on Tuesday.\n\n"
        "The levee failed on Wednesday, a day after the agreed repair date, engineers "
        "said.\n\n"
        "The council said it had not seen the survey promised in May, and asked the firm to "
        "send it before the end of the month.\n\n"
        "The ferry resumed service on Friday, a day after the storm passed.\n\n"
        "The talks broke up on Monday, in contrast to the long meetings the day before.\n"))
    texts = [text for text, _, _ in events]
    assert all(text[:1].isupper() for text in texts[:4]), texts  # each sentence whole
    assert texts[2].endswith("engineers said.") and texts[3].endswith("end of the month.")
    dates = {text.split()[1]: (start, end) for text, start, end in events}
    assert dates["exports"] == (D(2026, 8, 1), D(2026, 8, 31))  # its own clause's date
    assert dates["levee"] == (D(2026, 10, 7), D(2026, 10, 7))
    assert dates["council"] == (D(2026, 5, 1), D(2026, 5, 31))
    # Real happenings in their own clause stay events of their own.
    assert ("the storm passed.", D(2026, 10, 8), D(2026, 10, 8)) in events
    assert ("in contrast to the long meetings the day before.",
            D(2026, 10, 4), D(2026, 10, 4)) in events


def test_a_plan_told_on_a_past_day_still_gives_the_narrative_that_day(tmp_path: Path) -> None:
    """"… will strike from next Monday, their union said on Wednesday.": no event of the
    telling, but the next sentence goes on from Wednesday, as it did with one."""
    events = _events(tmp_path, (
        "date 2026-10-09 Dockers will strike for two days from next Monday, their union said "
        "on Wednesday. The union blamed the terminal operators.\n"))
    assert [text for text, _, _ in events] == [
        "Dockers will strike for two days from next Monday, their union said on Wednesday.",
        "The union blamed the terminal operators."]
    assert events[1][1] == D(2026, 10, 7)


def _piece_work(copies: int) -> int:
    """A long piece of clauses, relative clauses and closing attributions: each test reads
    near its match (the closing attribution from the last semicolon on), not to the end
    from every comma."""
    counter = [0]
    piece = ("the levee, which the engineers said held, the mayor said; " * copies * 8
             + "the agreed date, the engineers said")
    with counting_patterns(split_pieces, counter):
        lines_run(lambda: stands_alone(piece, len(piece) - 10, len(piece)), counter)
    return counter[0]


def test_reading_a_piece_is_linear() -> None:
    assert growth(_piece_work) < LINEAR
