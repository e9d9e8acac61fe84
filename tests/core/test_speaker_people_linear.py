"""The speaker and name passes stay linear on the paths their shortcuts changed: the
document's quotation marks read per sentence by bisection, the auxiliaries before a verb cut
at the last word, the tests read after and before each name. Counted in operations (Python
lines run plus characters handed to expressions), never timed."""

from __future__ import annotations

from types import ModuleType

from tests.core.workcount import counting_patterns, growth, lines_run, work_extracting
from viewer.core.events import people, speaker_marks, speech_patterns, title_parties
from viewer.core.events.gazetteer_build import load_gazetteer

LINEAR = 4.6  # 4x the input; a little slack for fixed costs


def _extracting(text: str, *modules: ModuleType) -> int:
    return work_extracting(text, "2024-06-01", *modules)


def test_quotations_of_one_long_sentence_are_linear() -> None:
    """One sentence of many quotations and attributions: its marks are read once, each
    verb's window is cut at its last word."""

    def work(copies: int) -> int:
        text = ("“We are ready,” said Wafula Chebukati, and ‘the count’ goes on, the ministry, "
                "for its part, has also said, “and so do we,” the commission, a body of "
                "seven, said; ") * copies * 8
        return _extracting(text, speaker_marks, speech_patterns)

    assert growth(work) < LINEAR


def test_quotations_of_a_long_paragraph_are_linear() -> None:
    """Many sentences, a quotation open across several: each asks the document's marks by
    bisection, none scans back over the paragraph."""

    def work(copies: int) -> int:
        text = ("“The talks will go on. We expect more. It is hard,” Varga said. "
                "Officials in Doha said so. “We are ready,” she added. ") * copies * 10
        return _extracting(text, speaker_marks, speech_patterns)

    assert growth(work) < LINEAR


def test_names_among_titles_places_and_appositions_are_linear() -> None:
    """Names after places and titles and before appositions, in one long sentence: each
    reads a bounded window on either side."""
    gazetteer = load_gazetteer()

    def work(copies: int) -> int:
        text = ("talks in Doha with Foreign Minister Anna Marin, the envoy, and Yaw Mensah of "
                "Ghana, who leads the Ghanaian team, and Varga , and Irina Varga said ") \
            * copies * 20
        counter = [0]
        with counting_patterns(title_parties, counter), counting_patterns(people, counter):
            lines_run(lambda: people.find_people(text, [(0, len(text))], gazetteer), counter)
        return counter[0]

    assert growth(work) < LINEAR
