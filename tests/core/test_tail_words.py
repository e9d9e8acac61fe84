"""The end-of-window test before an anchored expression never refuses a window the expression
matches: the bundled rules' expressions, over windows that end with their phrases in odd cases
and spacings, and over seeded random windows."""

from __future__ import annotations

import random
import re

from viewer.core.events.gazetteer_build import load_gazetteer
from viewer.core.events.speaker_rules import load_rules
from viewer.core.events.tail_words import TailWords, may_end, tail_words
from viewer.core.resources import load_data


def _pairs() -> list[tuple[str, re.Pattern[str], TailWords | None, list[str]]]:
    rules, gazetteer = load_rules(), load_gazetteer()
    speakers, context = load_data("speakers.toml"), load_data("gazetteer.toml")["context"]
    pronouns = [*speakers["person_pronouns"], *speakers["body_pronouns"],
                *speakers["plural_pronouns"]]
    return [
        ("pronoun", rules.subject_pronoun, rules.pronoun_tail, pronouns),
        ("leaders", rules.plural_leaders, rules.leaders_tail, speakers["plural_leaders"]),
        ("neutral", rules.neutral_title, rules.neutral_tail, speakers["neutral"]),
        ("venue", gazetteer.venue_before, gazetteer.venue_tail,
         [f"{v} the" for v in context["venue_before"]] + context["venue_before"]),
        ("former", gazetteer.former, gazetteer.former_tail, context["former_before"]),
        ("inside", gazetteer.inside_name, gazetteer.inside_tail,
         [f"{p} of the" for p in context["names_of_places"]]),
    ]


def _odd(phrase: str, rnd: random.Random) -> str:
    """The phrase as a case-blind expression still matches it: other cases, the dotless i,
    the long s, runs of any space character between words."""
    out = []
    for char in phrase:
        if char == " ":
            out.append(rnd.choice([" ", "  ", "\n", "\u00a0", "\t "]))
        elif char == "i" and rnd.random() < 0.2:
            out.append("ı")
        elif char == "s" and rnd.random() < 0.2:
            out.append("ſ")
        else:
            out.append(char.upper() if rnd.random() < 0.3 else char)
    return "".join(out)


def test_every_bundled_expression_has_its_test() -> None:
    assert all(tail is not None for _, _, tail, _ in _pairs())


def test_windows_the_expressions_match_are_never_refused() -> None:
    rnd = random.Random(3)
    for name, pattern, tail, phrases in _pairs():
        matched = 0
        for phrase in phrases:
            for _ in range(6):
                lead = rnd.choice(["", "said ", "Officials, ", "x (", "“"])
                window = lead + _odd(phrase, rnd) + rnd.choice(["", " ", " ,", "\n", ", "])
                if pattern.search(window):
                    matched += 1
                    assert may_end(tail, window), (name, window)
                    text = "Abc " + window + "Def"  # a window inside a longer text
                    assert may_end(tail, text, 4, 4 + len(window)), (name, window)
        assert matched, name


def test_random_windows_give_the_expressions_answers() -> None:
    rnd = random.Random(4)
    for name, pattern, tail, phrases in _pairs():
        pieces = [*phrases[:20], " ", ",", "the", "of", "x", "İ", "\n", "’s"]
        for _ in range(3_000):
            window = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 5)))
            if pattern.search(window):
                assert may_end(tail, window), (name, window)


def test_no_test_where_it_could_not_be_exact() -> None:
    assert tail_words([]) is None
    assert tail_words(["the Ministère"]) is None  # a word beyond ASCII
    words = tail_words(["senior officials"], strip=",")
    assert words is not None and words.finals == ("officials",)
    assert words.may_end("many Senior OFFICIALS ,\n", 0, 24)
    assert not words.may_end("many officials said", 0, 19)
