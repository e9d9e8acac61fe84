"""A past participle that describes a noun is no past verb for the tense of a weekday.

"Crews will clear the road on Monday for stranded drivers": "stranded" follows a preposition
and describes the drivers; no verb can follow "for", "of", "with" or a possessive in its past
form, so the clause's future stands and Monday lies ahead. Invented sentences.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.core.timex_find import find
from tests.core.workcount import growth, lines_run
from viewer.core.timex import Tagger, tag

WEDNESDAY = dt.date(2026, 4, 15)

AHEAD = [
    "Farmers plan to march on Monday to ask for help with flooded fields.",
    "The insurers will meet on Monday to discuss the cost of damaged bridges.",
    "Residents plan to return on Monday to repair their burned homes.",
    "Volunteers plan to collect blankets on Monday for stranded drivers.",
    "The company plans to pay on Monday for its delayed shipments.",
]


@pytest.mark.parametrize("sentence", AHEAD)
def test_a_participle_before_its_noun_leaves_the_future(sentence: str) -> None:
    assert find(tag(sentence, WEDNESDAY), "Monday").value == "2026-04-20"


@pytest.mark.parametrize(("sentence", "value"), [
    ("The ministry paid on Monday for damaged bridges.", "2026-04-13"),
    ("Farmers asked on Monday for help they were promised.", "2026-04-13"),
    ("Prices for last year's harvest were set on Monday.", "2026-04-13"),
])
def test_real_past_verbs_still_count(sentence: str, value: str) -> None:
    assert find(tag(sentence, WEDNESDAY), "Monday").value == value


def _work(copies: int) -> int:
    counter = [0]
    text = " ".join(AHEAD) * copies * 10
    found: list[object] = []
    tagger = Tagger()
    lines_run(lambda: found.extend(tagger.tag(text, WEDNESDAY)), counter)
    assert len(found) == len(AHEAD) * copies * 10
    return counter[0]


def test_reading_participles_is_linear() -> None:
    assert growth(_work) < 4.6
