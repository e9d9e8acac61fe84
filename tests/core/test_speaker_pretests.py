"""The speaker pass runs a cheap search before two costly ones and skips the costly one when
the cheap one finds nothing: a body noun before `body_before` (which tries a name's words at
every position of the 160 characters before a verb), two capitals in a row before the
organisation-acronym search. Each skip is exact only if every match of the costly search
holds a match of the cheap one; these tests hold both pairs to that on real and seeded text."""

from __future__ import annotations

import random
from pathlib import Path

from viewer.core.events import speakers
from viewer.core.events.speaker_rules import load_rules

DATA = Path(__file__).resolve().parents[1] / "data"


def _windows() -> list[str]:
    """The 160-character windows before every word of the annotated stories, plus seeded
    strings made of body nouns, capitals, acronyms and connecting words."""
    out: list[str] = []
    for path in sorted(DATA.glob("unseen/*/*.txt"))[:40]:
        text = path.read_text(encoding="utf-8")
        for at in range(0, len(text), 7):
            out.append(text[max(0, at - 160) : at])
    rng = random.Random(11)
    pieces = ["the", "ministry", "Ministry", "of", "Health", "in", "Gaza", "UN", "OCHA",
              "Africa", "CDC", "(IEBC)", "a", "spokesman", "office", "'s", "’s", ",", "and",
              "said", "officials", "police", "WHO", "court", "x", "Kenya"]
    for _ in range(3000):
        out.append(" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) + " ")
    return out


def test_every_body_before_match_holds_a_body_noun() -> None:
    rules = load_rules()
    matched = 0
    for before in _windows():
        if rules.body_before.search(before) is not None:
            matched += 1
            assert rules.body_noun.search(before) is not None, before
    assert matched > 50  # the windows do exercise the expression


def test_every_organisation_match_holds_two_capitals() -> None:
    matched = 0
    for before in _windows():
        if speakers._ORG_BEFORE.search(before) is not None:
            matched += 1
            assert speakers._ACRONYM.search(before) is not None, before
    assert matched > 50
