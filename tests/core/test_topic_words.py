"""The words a topic cue is looked for in: the byte translations taken for ASCII text (and
for text whose other characters are apostrophes and punctuation) give what `_WORDS` finds in
the lower-cased text, on every ASCII character and on seeded texts (with apostrophes, curly
ones, punctuation and other scripts, which take the expression)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from viewer.core.events import topics
from viewer.core.events.topics import _WORDS, _joined, load_taxonomy
from viewer.core.ingest.folder_reader import list_folder, read_document
from viewer.core.model import Document


def _by_expression(text: str) -> str:
    return " " + " ".join(_WORDS.findall(text.lower())) + " "


def test_every_ascii_character() -> None:
    for code in range(128):
        for text in (chr(code), f"Ab{chr(code)}Cd", f"{chr(code)}x y{chr(code)}"):
            assert _joined(text) == _by_expression(text), repr(text)


def test_every_ascii_character_with_apostrophes_and_punctuation() -> None:
    for code in range(128):
        for text in (f"Kyiv’s{chr(code)}’ “a{chr(code)}'b”", f"{chr(code)}'{chr(code)}’—x"):
            assert _joined(text) == _by_expression(text), repr(text)


def test_seeded_texts() -> None:
    rnd = random.Random(21)
    pieces = ["Talks", "CEASE", "fire", "2024", "_", "-", " ", "  ", "\t", "\n", ".", ",", "'",
              "’", "é", "İ", "Σ", "ß", "x1", "a_b", "\x1f", "\x85", "(", "”", "“", "—", "–",
              "‘", "…", "\xa0", "«", "\x01", "''", "’’", "’s", "'t", "n't", "rock'n'roll", "²",
              "½", "٣", "K", "ſ"]
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 25)))
        assert _joined(text) == _by_expression(text), repr(text)


def test_topics_of_the_seeds_as_by_the_expression(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every sentence of the seeds gets the same topics and cues either way."""
    root = Path(__file__).resolve().parents[2] / "seeds"
    sentences = [doc.sentence_text(s) for doc in (read_document(root, p) for p in
                                                  list_folder(root).files)
                 if isinstance(doc, Document) for s in doc.sentences]
    taxonomy = load_taxonomy()
    ours = [taxonomy.explain(text) for text in sentences]
    monkeypatch.setattr(topics, "_joined", _by_expression)
    assert ours == [taxonomy.explain(text) for text in sentences]
    assert sum(1 for pairs in ours if pairs) > 20
