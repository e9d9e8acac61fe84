"""Reactions to the news: a sentence without a day of its own that answers the story's news
day may have come on any day up to the report, so it spans news day..report day; the news
itself, and a reaction that names the happening it answers, keep the news day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from viewer.core.events.cues import is_reaction
from viewer.core.events.document_events import Event
from viewer.core.pipeline.folder_extraction import extract_folder

D = dt.date

ARTICLE = (
    "date 2026-05-14 Harbour pilots strike in Varna\n\n"
    "Harbour pilots in Varna walked off the job on Tuesday, halting traffic at the port.\n\n"
    "The shipping ministry rejected their demands.\n\n"
    "Union officials said 40 ships queued outside the harbour.\n\n"
    "A port spokesman said the pilots were paid well above the national average.\n\n"
    "Fishermen condemned the strike at once.\n\n"
    "About 300 crew members have waited offshore since.\n"
)


def _events(tmp_path: Path) -> list[Event]:
    (tmp_path / "a.txt").write_text(ARTICLE)
    return list(extract_folder(tmp_path, use_cache=False).events)


def _dates(events: list[Event], fragment: str) -> tuple[dt.date | None, dt.date | None]:
    found = next(e for e in events if fragment in e.text)
    return found.start, found.end


def test_a_reaction_spans_the_news_day_and_the_report(tmp_path: Path) -> None:
    events = _events(tmp_path)
    assert _dates(events, "walked off the job") == (D(2026, 5, 12), D(2026, 5, 12))
    assert _dates(events, "rejected their demands") == (D(2026, 5, 12), D(2026, 5, 14))
    # What is said holds no happening of its own: a reaction.
    assert _dates(events, "were paid well above") == (D(2026, 5, 12), D(2026, 5, 14))


def test_the_news_itself_told_by_a_source_keeps_the_news_day(tmp_path: Path) -> None:
    events = _events(tmp_path)
    assert _dates(events, "40 ships queued") == (D(2026, 5, 12), D(2026, 5, 12))
    # Naming the happening it answers continues that day's story.
    assert _dates(events, "condemned the strike") == (D(2026, 5, 12), D(2026, 5, 12))


def test_since_then_runs_to_the_report(tmp_path: Path) -> None:
    assert _dates(_events(tmp_path), "waited offshore since") == (D(2026, 5, 12), D(2026, 5, 14))


def test_reaction_cues() -> None:
    assert is_reaction("The council welcomed the offer.")
    assert is_reaction("“We are ready,” the mayor said.")
    assert is_reaction("She said the figures were final.")
    assert is_reaction("She said the council had approved the plan in secret.")
    assert is_reaction("The union turned it down.")
    assert not is_reaction("Police said two cars collided on the bridge.")
    assert not is_reaction("The council condemned the attack.")
    assert not is_reaction("The bridge reopened to traffic.")


def test_a_quotation_after_a_dated_statement_goes_on_with_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2026-05-14 Pilots' strike\n\n"
        "The port director said on Tuesday that the strike was unlawful. \"We have paid fairly "
        "for years,\" he said.\n\n"
        "The union rejected the claim. \"The law is on our side,\" its leader said.\n")
    events = list(extract_folder(tmp_path, use_cache=False).events)
    assert _dates(events, "We have paid fairly") == (D(2026, 5, 12), D(2026, 5, 12))
    # After a reaction with no day of its own, a quotation is a reaction too.
    assert _dates(events, "The law is on our side") == (D(2026, 5, 12), D(2026, 5, 14))
