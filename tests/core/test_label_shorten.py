"""A label cut to its room: the words dropped unmeasured by the narrow-character floor leave
the same cut as measuring every candidate, and a long sentence costs few measurements."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.events.document_events import Event
from viewer.core.scene.layout import Scene, TimeScale

DAY0 = dt.date(2026, 1, 1).toordinal()
NARROW = " .,:;'il|!"
WIDTHS = {c: 3.0 for c in NARROW} | {"m": 11.0, "W": 12.0, "…": 9.0}


def measure(text: str) -> float:
    """A width that, like a font's, is never under the narrowest character's per character."""
    return sum(WIDTHS.get(c, 7.0) for c in text)


def scene(counted: list[str] | None = None) -> Scene:
    def counting(text: str) -> float:
        if counted is not None:
            counted.append(text)
        return measure(text)

    date = dt.date.fromordinal(DAY0)
    event = Event(id="e", document="a.txt", text="x", char_start=0, char_end=1, start=date,
                  end=date, precision="day", date_source="explicit", timex=None,
                  timex_value=None, parties=(), people=(), topics=(), boilerplate=False,
                  sentence=0)
    return Scene([dataclasses.replace(event)], [0], "single", TimeScale(DAY0 - 2, 12.0),
                 measure=counting)


def measured_cut(text: str, room: float) -> str:
    """The cut as it was made before: every candidate measured, from the whole sentence."""
    words = text.split()
    while words and measure(" ".join(words) + "…") > room:
        words.pop()
    return " ".join(words) + "…" if words else ""


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="aimW.,l ", min_size=1, max_size=12), max_size=40),
       st.floats(min_value=0, max_value=600))
def test_the_cut_is_the_one_measuring_every_candidate_gives(words: list[str],
                                                           room: float) -> None:
    text = " ".join(words)
    assert scene()._shorten(text, room) == measured_cut(text, room)


def test_a_long_sentence_in_little_room_is_measured_a_few_times() -> None:
    for size in (100, 1000, 10_000):
        counted: list[str] = []
        made = scene(counted)
        counted.clear()  # the scene measured its floor characters when made
        text = " ".join(["word"] * size)
        assert made._shorten(text, 120.0) == measured_cut(text, 120.0)
        # the floor drops all but the words that may fit: a handful are measured, however
        # long the sentence (it measured each of its `size` prefixes)
        assert len(counted) <= 12
