"""The speaker pass runs a cheap search before two costly ones and skips the costly one when
the cheap one finds nothing: a body noun before `body_before` (which tries a name's words at
every position of the 160 characters before a verb), two capitals in a row before the
organisation-acronym search. Each skip is exact only if every match of the costly search
holds a match of the cheap one; these tests hold both pairs to that on real and seeded text."""

from __future__ import annotations

import random
import re
from pathlib import Path

from viewer.core.events import speaker_rules, speakers, speech_patterns
from viewer.core.events.speaker_rules import body_heads, load_rules

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
        if speech_patterns.ORG_BEFORE.search(before) is not None:
            matched += 1
            assert speech_patterns.ACRONYM.search(before) is not None, before
    assert matched > 50


def _texts() -> list[str]:
    """The annotated stories, plus seeded runs of capitals, connecting words and body nouns
    (capitalised or not, whole or cut short)."""
    out = [path.read_text(encoding="utf-8") for path in sorted(DATA.glob("unseen/*/*.txt"))]
    rng = random.Random(5)
    pieces = ["The", "Independent", "Electoral", "and", "Boundaries", "Commission", "Commissions",
              "Ministry", "ministry", "of", "Health", "for", "on", "White", "House", "Office",
              "Court", "Supreme", "UN", "said", ".", ",", "Commis", "Ministr", "A", "Its"]
    for _ in range(400):
        out.append(" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))))
    return out


def test_every_proper_body_match_starts_at_a_body_head() -> None:
    """`SpeakerFinder` searches a sentence for `proper_body` only where the document's scan
    for capitalised body nouns found one in it: exact only if each match's noun is among
    the places that scan finds, in any stretch of the text the search may be given."""
    rules = load_rules()
    matched = 0
    for text in _texts():
        finder = speakers.SpeakerFinder(text, rules)
        heads = set(body_heads(text, rules))
        assert heads == {m.start() for m in re.finditer(f"(?={rules.body_head.pattern})", text)}
        for start in range(0, len(text), 37):
            end = min(len(text), start + 1 + (start * 7919) % 300)
            for found in rules.proper_body.finditer(text, start, end):
                matched += 1
                assert found.start(2) in heads, (text[start:end], found.group())
                assert finder._body_head_in(start, end)
    assert matched > 50


def test_body_heads_are_found_once_per_document() -> None:
    """The scan runs once, however many sentences ask (one bisection each)."""
    text = "The Independent Electoral and Boundaries Commission said so. " * 50
    finder = speakers.SpeakerFinder(text, load_rules())
    assert finder._body_head_in(0, 60)
    heads = finder.heads
    assert heads is not None and len(heads) == 50
    assert not finder._body_head_in(1, 40)
    assert finder.heads is heads  # not scanned again


def test_between_search_may_start_after_the_last_foreign_word() -> None:
    """`between_start` moves the start of the search for auxiliaries and asides before a verb
    ("…, for its part, has also said") past every word that is none of theirs: the match
    found is the one the search of the whole window finds, at every place of the stories and
    of seeded strings of their words, other words, commas and spaces."""
    rules = load_rules()
    texts = [path.read_text(encoding="utf-8") for path in sorted(DATA.glob("unseen/*/*.txt"))]
    rng = random.Random(3)
    pieces = ["has", "also", "on", "Monday", "for", "its", "part", "didn't", "didn’t", "did",
              "not", ",", " ,", ", ", "  ", "\n", "however", "the", "ministry", "Kyiv",
              "continues", "to", "x,", "in a statement", "too"]
    for _ in range(3000):
        texts.append(" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 16))) + " ")
    moved = 0
    for text in texts:
        for verb in range(0, len(text) + 1, 13 if len(text) > 400 else 1):
            window = max(0, verb - 160)
            at = speaker_rules.between_start(text, window, verb, rules)
            moved += at > window
            whole = rules.between.search(text, window, verb)
            part = rules.between.search(text, at, verb)
            assert whole is not None and part is not None
            assert whole.span() == part.span(), (text[window:verb], at - window)
            assert speaker_rules.subject_end(text, window, verb, rules) == whole.start()
    assert moved > 1000


def test_every_according_to_match_holds_the_phrase() -> None:
    """A sentence without the string "according to" skips its look-up for the phrase."""
    matched = 0
    for before in _windows():
        for found in speech_patterns.ACCORDING.finditer(before + "according to  x"):
            matched += 1
            assert "according to" in found.group()
    assert matched > 50


def test_person_title_search_may_start_before_the_last_name_words() -> None:
    """`title_start` moves the search for a title before a name ("Foreign Minister Retno")
    to the last capitalised words and as many words before them as a title has: the match
    is the one the search of the whole 50 characters finds, at every place of the stories
    and of seeded strings."""
    from viewer.core.events.speaker_memory import title_start

    rules = load_rules()
    assert rules.title_words >= 2  # "prime minister"
    texts = [path.read_text(encoding="utf-8") for path in sorted(DATA.glob("unseen/*/*.txt"))]
    rng = random.Random(7)
    pieces = ["Prime", "prime", "Minister", "minister", "Foreign", "the", "said", "(", "“",
              "Director-General", "O’Brien", "U.S.", "de", "Kyiv", ",", "  ", "\n", "chief",
              "Chief", "envoy", "x"]
    for _ in range(3000):
        texts.append(" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) + " ")
    moved = found = 0
    for text in texts:
        for end in range(0, len(text) + 1, 7 if len(text) > 400 else 1):
            lo = max(0, end - 50)
            at = title_start(text, lo, end, rules.title_words)
            moved += at > lo
            whole = rules.person_title.search(text, lo, end)
            part = rules.person_title.search(text, at, end)
            found += whole is not None
            assert (whole and whole.span()) == (part and part.span()), (text[lo:end], at - lo)
    assert moved > 1000 and found > 100
