"""Names read a block of sentences at a time (`people_by_sentence`, from the sentence
readings) are the ones a call of `find_people` per sentence gives, and their cost grows
linearly with a long paragraph and with one long sentence."""

from __future__ import annotations

from pathlib import Path

from tests.core.workcount import counting_patterns, growth, lines_run
from viewer.core.events import people, title_parties
from viewer.core.events.gazetteer_build import load_gazetteer
from viewer.core.events.parties import mention_start
from viewer.core.events.people import find_people, people_by_sentence
from viewer.core.events.speaker_rules import load_rules
from viewer.core.ingest.folder_reader import list_folder, read_document
from viewer.core.model import Document

_SEEDS = Path(__file__).resolve().parents[2] / "seeds"
LINEAR = 4.6  # 4x the input; a little slack for fixed costs


def test_a_block_gives_what_a_call_per_sentence_gives() -> None:
    gazetteer, titles = load_gazetteer(), load_rules().titles
    checked = 0
    for path in list_folder(_SEEDS).files[:6]:
        doc = read_document(_SEEDS, path)
        if not isinstance(doc, Document):
            continue
        spans = [(s.start, s.end) for s in doc.sentences]
        mentions = [sorted(gazetteer.mentions(doc.text, a, b), key=mention_start)
                    for a, b in spans]
        each = [tuple(find_people(doc.text, [span], gazetteer, mentions=found, titles=titles))
                for span, found in zip(spans, mentions, strict=True)]
        assert people_by_sentence(doc.text, spans, mentions, gazetteer, titles) == each
        checked += sum(map(len, each))
    assert checked > 20  # the seeds name people


def _work(text: str, spans: list[tuple[int, int]]) -> int:
    gazetteer, titles = load_gazetteer(), load_rules().titles
    mentions = [gazetteer.mentions(text, a, b) for a, b in spans]
    counter = [0]
    with counting_patterns(title_parties, counter), counting_patterns(people, counter):
        lines_run(lambda: people_by_sentence(text, spans, mentions, gazetteer, titles), counter)
    return counter[0]


_SENTENCE = ("Foreign Minister Anna Marin met Yaw Mensah of Ghana in Doha, and Varga said the "
             "mediators would return. ")


def test_a_long_paragraph_is_linear() -> None:
    def work(copies: int) -> int:
        text = _SENTENCE * copies * 40
        step = len(_SENTENCE)
        return _work(text, [(a, a + step) for a in range(0, len(text), step)])

    assert growth(work) < LINEAR


def test_one_long_sentence_is_linear() -> None:
    def work(copies: int) -> int:
        text = _SENTENCE.replace(". ", ", ") * copies * 40
        return _work(text, [(0, len(text))])

    assert growth(work) < LINEAR
