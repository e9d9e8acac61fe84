"""Sentence segmentation on news text: the seeds, abbreviations, quotes, headlines, wrapping."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.core.ingest.folder_reader import build_document, load_folder
from viewer.core.ingest.segment import is_hard_wrapped, paragraphs, sentences_in
from viewer.core.model import Document


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences_in(text, 0, len(text))]


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, Document]:
    return {doc.relpath[:3]: doc for doc in load_folder(seeds_dir).documents}


def texts(doc: Document) -> list[str]:
    return [doc.sentence_text(s) for s in doc.sentences]


# (seed, sentence count, boilerplate count)
COUNTS = [("000", 10, 0), ("001", 15, 1), ("002", 25, 2), ("003", 58, 51), ("004", 28, 3)]


@pytest.mark.parametrize(("seed", "total", "marked"), COUNTS)
def test_seed_sentence_counts(seeds: dict[str, Document], seed: str, total: int,
                              marked: int) -> None:
    doc = seeds[seed]
    assert len(doc.sentences) == total
    assert doc.boilerplate_count == marked


def test_every_seed_sentence_is_trimmed_and_in_order(seeds: dict[str, Document]) -> None:
    for doc in seeds.values():
        last = 0
        for sentence in doc.sentences:
            text = doc.sentence_text(sentence)
            assert text == text.strip() and text
            assert sentence.start >= last
            last = sentence.end


def test_us_president_is_one_sentence(seeds: dict[str, Document]) -> None:
    sentences = texts(seeds["004"])
    assert (
        "U.S. President Donald Trump has been vocal about his desire for a swift end to the war, "
        "recently telling reporters that “Ukraine better come to the table fast.”"
    ) in sentences


def test_us_envoy_mid_sentence(seeds: dict[str, Document]) -> None:
    assert any(s.startswith("Despite U.S. envoy Steve Witkoff's announcement") and
               s.endswith("reaching an agreement.") for s in texts(seeds["000"]))


def test_duplicated_headline_is_two_sentences_second_marked(seeds: dict[str, Document]) -> None:
    doc = seeds["001"]
    headline = "Ukraine and Russia Prepare for Renewed Peace Talks Amid Continued Conflict"
    copies = [s for s in doc.sentences if doc.sentence_text(s) == headline]
    assert len(copies) == 2
    assert copies[0].boilerplate is None
    assert copies[1].boilerplate == "duplicate"
    assert doc.title == headline


def test_headlines_without_punctuation_stand_alone(seeds: dict[str, Document]) -> None:
    sentences = texts(seeds["004"])
    assert sentences[0] == "Peace Talks End with Groundwork Laid, but No Deal on Territory"
    assert "Pressure from Washington" in sentences
    assert "Battlefield Realities" in sentences


def test_quotes_end_sentences(seeds: dict[str, Document]) -> None:
    sentences = texts(seeds["002"])
    assert "“We are ready to move quickly toward a worthy agreement to end the war,” he said." in (
        sentences
    )
    assert "“The question for the Russians is: Just what do they want?”" in sentences
    assert any(s.endswith("“practical issues and the mechanics of possible decisions.”")
               for s in sentences)


def test_header_line_is_not_article_text(seeds: dict[str, Document]) -> None:
    doc = seeds["000"]
    assert doc.text.startswith("As negotiators plan for a new round of talks next Sunday")
    assert "date 2026" not in doc.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith met Dr. Jones in Washington. They talked.",
         ["Mr. Smith met Dr. Jones in Washington.", "They talked."]),
        ("The deal was signed on Feb. 17 in Geneva. It held.",
         ["The deal was signed on Feb. 17 in Geneva.", "It held."]),
        ("George W. Bush spoke. Then he left.", ["George W. Bush spoke.", "Then he left."]),
        ("Sanctions came from the U.S. The Kremlin shrugged.",
         ["Sanctions came from the U.S.", "The Kremlin shrugged."]),
        ("Officials in the U.S. Senate agreed.", ["Officials in the U.S. Senate agreed."]),
        ("It began at 9 a.m. Officials said so.", ["It began at 9 a.m.", "Officials said so."]),
        ("“Is it over?” he asked. “No.”", ["“Is it over?” he asked.", "“No.”"]),
        ("He said: \"We will fight.\" The crowd cheered.",
         ["He said: \"We will fight.\"", "The crowd cheered."]),
        ("Prices rose 3.5 percent. Nobody was surprised...",
         ["Prices rose 3.5 percent.", "Nobody was surprised..."]),
        ("Wait... What happened? Nothing!", ["Wait...", "What happened?", "Nothing!"]),
    ],
)
def test_segmenter_rules(text: str, expected: list[str]) -> None:
    assert split(text) == expected


WRAPPED = """Officials from both countries met in Geneva on Tuesday for talks that
lasted six hours, according to people familiar with the meeting. The U.S.
delegation was led by envoy Steve Witkoff, who said the talks were useful.

Ukraine's delegation said it had presented a plan for a ceasefire along the
current front line. Russia rejected the plan the next day, officials said.
"""


def test_hard_wrapped_text_rejoins_paragraphs() -> None:
    assert is_hard_wrapped(WRAPPED)
    paras = paragraphs(WRAPPED)
    assert len(paras) == 2
    sentences = [WRAPPED[a:b] for p in paras for a, b in sentences_in(WRAPPED, p.start, p.end)]
    assert len(sentences) == 4
    assert sentences[1].startswith("The U.S.\ndelegation was led by envoy Steve Witkoff")


def test_list_lines_are_their_own_sentences() -> None:
    text = "Key points\n- Talks resumed in Geneva\n- A ceasefire was discussed\nMore follows."
    doc = build_document("/tmp", "x.txt", text)
    assert isinstance(doc, Document)
    assert texts(doc) == ["Key points", "- Talks resumed in Geneva",
                          "- A ceasefire was discussed", "More follows."]


def test_title_reuses_the_sentences_of_a_long_first_paragraph(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A 2 MB one-paragraph article was segmented twice: once for its sentences, once more
    for the title's opening sentence."""
    from viewer.core.ingest import folder_reader as ingest
    from viewer.core.ingest import segment

    calls: list[int] = []
    real = segment.sentences_in
    monkeypatch.setattr(segment, "sentences_in",
                        lambda text, start, end, rules=None: calls.append(end - start)
                        or real(text, start, end, rules))
    text = "Officials met in the capital on Monday and talked at length. " * 200
    doc = ingest.build_document("folder", "x.txt", text, side={"date": "2024-06-01"})
    assert isinstance(doc, Document)
    assert doc.title == "Officials met in the capital on Monday and talked at length."
    assert sum(calls) <= len(text)


@pytest.mark.parametrize("opening", ["2026-02-18", "Wednesday, 18 February 2026",
                                     "February 18, 2026", "18/02/2026 09:30"])
def test_a_line_that_is_only_a_date_is_not_the_title(opening: str) -> None:
    """An article opening with its date on a line of its own was titled by that date."""
    text = (f"{opening}\n\nFerry crews agreed a new timetable on Tuesday in Dover.\n\n"
            "The deal runs to March.\n")
    doc = build_document("folder", "ferry.txt", text, side={"date": "2026-02-18"})
    assert isinstance(doc, Document)
    assert doc.title == "Ferry crews agreed a new timetable on Tuesday in Dover."
    headed = build_document("folder", "port.txt", f"{opening}\n\nPort strike ends in Rotterdam"
                            "\n\nDock workers returned on Tuesday.\n",
                            side={"date": "2026-02-18"})
    assert isinstance(headed, Document) and headed.title == "Port strike ends in Rotterdam"
