"""The speaker pass's string tests answer as the expressions they stand in for: a title at a
name (`title_parties.title_at` for `title_re.match`, which the people pass asks too) and the
subordinate clause's test of the whole window before a verb. Each is held to its expression
at every place of the stories and of seeded strings of the words that meet its edges;
`title_at` is counted in operations, never timed."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

from tests.core.workcount import growth, lines_run
from viewer.core.events import speech_patterns as shapes
from viewer.core.events.speaker_rules import load_rules
from viewer.core.events.title_parties import title_at, title_data

DATA = Path(__file__).resolve().parents[1] / "data"
LINEAR = 4.6  # 4x the input; a little slack for fixed costs


def _stories() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(DATA.glob("unseen/*/*.txt"))]


def _seeded(pieces: list[str], seed: int, count: int, most: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, most)))
            for _ in range(count)]


def test_title_at_answers_as_the_title_expression() -> None:
    titles = title_data()
    pieces = ["Mr", "Mr.", "Dr", "MP", "Prime Minister", "Prime  Minister", "Minister",
              "minister", "Secretary-General", "secretary-general", " ", "x", "_", "-", ".",
              "'s", "’", "\n", "é", "1", "Prof", "Prof.", "Pope", "Sen.", "Judge", "CEO"]
    texts = _stories()[:30] + _seeded(pieces, 7, 3000, 8)
    matched = 0
    for text in texts:
        for at in range(len(text) + 1):
            expected = titles.title_re.match(text, at) is not None
            matched += expected
            assert title_at(text, at, titles) is expected, (text[max(0, at - 5) : at + 20], at)
    assert matched > 500


def test_title_at_without_its_index_asks_the_expression() -> None:
    titles = dataclasses.replace(title_data(), index=None)
    assert title_at("said Prime Minister Kamau", 5, titles)
    assert not title_at("said Prime Minister Kamau", 6, titles)


def _subordinate_by_expressions(text: str, start: int, verb: int) -> bool:
    lo = max(start, verb - 80)
    marked = shapes.TO_LAST_MARK.match(text, lo, verb)
    begin = marked.end() if marked is not None else lo
    return shapes.SUBORDINATOR.search(text, begin, verb) is not None


def test_the_window_test_answers_as_the_clause_expression() -> None:
    """The window before a verb is tested for the words first, then the clause: the answer is
    the expression's on the clause, also where a word lies before the clause's mark or
    across the window's start."""
    pieces = ["after", "AFTER", "if", "If", "since", "ſince", "sınce", "İf", "once", "x", " ",
              ",", ";", "—", "said", "the envoy", "although", "until", "while", "whereas"]
    texts = _stories()[:20] + _seeded(pieces, 13, 3000, 12)
    for text in texts:
        for verb in range(0, len(text) + 1, 3 if len(text) > 400 else 1):
            for start in {0, max(0, verb - 90), max(0, verb - 20)}:
                assert shapes.in_subordinate_clause(text, start, verb) is \
                    _subordinate_by_expressions(text, start, verb), (text[start:verb],)


def test_title_at_reads_a_bounded_stretch() -> None:
    """Each call compares the few titles that share its two first characters, however long
    the text."""
    titles = load_rules().titles  # (the speaker pass's: the people pass reads the same)

    def work(copies: int) -> int:
        text = "Prime Minister Prime Ministers President " * copies * 200
        counter = [0]
        lines_run(lambda: [title_at(text, at, titles) for at in range(0, 400)], counter)
        return counter[0]

    assert growth(work) < 1.1
