"""The detail pane says why an event has each party and topic: the name or cue that matched."""

from __future__ import annotations

import dataclasses

from viewer.core.events.document_events import Event
from viewer.ui.detail_reasons import explained, reasons
from viewer.ui.main_window import MainWindow


def _event(**changes: object) -> Event:
    base = Event(id="e1", document="a.txt", text="The Kremlin said missiles hit Kyiv.",
                 char_start=0, char_end=35, start=None, end=None, precision="day",
                 date_source="undated", timex=None, timex_value=None, parties=(), people=(),
                 topics=(), boilerplate=False, sentence=0)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_each_party_and_topic_shows_what_matched() -> None:
    event = _event(parties=("Russia", "Ukraine", "France"), topics=("strikes",),
                   why=("party:Russia:the Kremlin", "party:Ukraine:speaker Olena Marchenko",
                        "topic:strikes:missile*", "party:Russia:Moscow"))
    assert reasons(event, "party") == {"Russia": "the Kremlin",
                                       "Ukraine": "speaker Olena Marchenko"}
    parties = explained(event, "party", event.parties)
    assert "Russia <span style='color:gray'>(“the Kremlin”)</span>" in parties
    assert "said by Olena Marchenko" in parties
    assert parties.endswith("France")  # set by hand: no reason to give
    topics = explained(event, "topic", event.topics, {"strikes": "Strikes"})
    assert topics == "Strikes <span style='color:gray'>(cue “missile*”)</span>"
    assert explained(event, "topic", ()) == "–"


def test_a_topic_given_by_the_nearest_events_says_which_word_they_share() -> None:
    event = _event(topics=("fuel",), why=("topic:fuel:like diesel",))
    assert explained(event, "topic", event.topics) == (
        "fuel <span style='color:gray'>(shares “diesel” with its events)</span>")


def test_the_detail_pane_shows_the_reasons(window: MainWindow) -> None:
    row = next(r for r, e in enumerate(window.model.events)
               if any(w.startswith("party:") for w in e.why)
               and any(w.startswith("topic:") for w in e.why))
    event = window.model.events[row]
    window.select_rows([row], row)
    header = window.detail.header.text()
    party, because = next(iter(reasons(event, "party").items()))
    assert party in header and because.split()[-1] in header
    cue = next(iter(reasons(event, "topic").values()))
    assert f"cue “{cue}”" in header
