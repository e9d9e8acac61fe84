"""An event's timeline label is its first nine words, with "…" when it has more."""

from __future__ import annotations

import dataclasses

import pytest

from viewer.core.events.document_events import Event
from viewer.ui.timeline_view import short_label


def _event(text: str) -> Event:
    base = Event(id="e1", document="a.txt", text="", char_start=0, char_end=0, start=None,
                 end=None, precision="day", date_source="undated", timex=None,
                 timex_value=None, parties=(), people=(), topics=(), boilerplate=False,
                 sentence=0)
    return dataclasses.replace(base, text=text)


def _every_word(text: str) -> str:
    """The rule read off every word of the text (as the label was made before)."""
    words = text.split()
    return " ".join(words[:9]) + ("…" if len(words) > 9 else "")


@pytest.mark.parametrize("text", [
    "", "   ", "One.", "a b c d e f g h i", "a b c d e f g h i   ", "a b c d e f g h i j",
    "  a\tb c d e f g h i\n j  ", "a b c d e f g h i \u2003x", "a b c d e f g h i\n\n",
    "The minister said on Tuesday that talks would resume in Geneva next week, after "
    "the holidays, with both delegations present."])
def test_the_label_is_the_first_nine_words(text: str) -> None:
    assert short_label(_event(text)) == _every_word(text)
