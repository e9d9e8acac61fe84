"""The speaker pass's search for a body phrase before a verb ("the foreign ministry said")
starts after the window's last character that no body phrase holds, and finds what a search
of the whole window finds."""

from __future__ import annotations

import random
from pathlib import Path

from viewer.core.events.speaker_rules import body_start, build_rules, load_rules
from viewer.core.events.title_parties import title_data
from viewer.core.resources import load_data

DATA = Path(__file__).resolve().parents[1] / "data"


def _stories() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(DATA.glob("unseen/*/*.txt"))]


def _seeded(pieces: list[str], seed: int, count: int, most: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, most)))
            for _ in range(count)]


def _windows() -> list[str]:
    """Stretches before a speech verb, as the speaker pass cuts them, and made-up ones."""
    out = []
    for story in _stories()[:25]:
        at = story.find(" said")
        while at >= 0:
            out.append(story[max(0, at - 160) : at])
            at = story.find(" said", at + 1)
    pieces = ["the", "The", "foreign", "ministry", "Ministry", "officials", "in", "Kyiv", ",",
              " ", "  ", "’s", "'s", "U.S.", "“", "”", "(", ")", "-", "\n", "Égypte", "army",
              "of the", "a", "spokesman", "close to", "the talks", "and", "said", "1", "_",
              "White House", "Electoral", "Commission", ";", ":"]
    return out + _seeded(pieces, 11, 4000, 14)


def test_body_start_keeps_the_body_phrase() -> None:
    rules = load_rules()
    assert rules.body_alphabet
    found = 0
    for window in _windows():
        at = body_start(window, rules)
        want = rules.body_before.search(window)
        got = rules.body_before.search(window, at)
        found += want is not None
        assert (got and got.span(1)) == (want and want.span(1)), window
        if rules.body_noun.search(window, at) is None:
            assert want is None, window
    assert found > 300


def test_body_start_searches_after_the_last_comma() -> None:
    rules = load_rules()
    window = "Talks resumed in Doha, where envoys met for hours, " * 3 + "the foreign ministry"
    at = body_start(window, rules)
    assert window[at:] == " the foreign ministry"
    found = rules.body_before.search(window, at)
    assert found is not None and found.group(1) == "the foreign ministry"


def test_a_body_written_with_other_characters_searches_the_whole_window() -> None:
    data = dict(load_data("speakers.toml"))
    data["bodies"] = [*data["bodies"], "ministry (MoD)"]
    rules = build_rules(data, title_data())
    assert not rules.body_alphabet
    window = "In a statement, the ministry (MoD)"
    assert body_start(window, rules) == 0
    found = rules.body_before.search(window, body_start(window, rules))
    assert found is not None and found.group(1) == "the ministry (MoD)"
