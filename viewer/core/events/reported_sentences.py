"""Which sentences of a document become events, and the id each event keeps.

Labels, questions and subheadings report nothing; an event's id is a hash of its document,
its sentence's text, which repeat of that text it is and which part of the sentence, so it
survives edits to other sentences and other files (the analyst's edits are keyed by it).
"""

from __future__ import annotations

import hashlib
from typing import Any

from viewer.core.model import Document, Sentence

_FUNCTION_WORDS = frozenset(
    "a an the and or but nor of on in at to for with by from as into onto over under vs via "
    "amid after before".split()
)


def event_id(relpath: str, text: str, occurrence: int, part: int) -> str:
    """Stable across runs and across changes to other files or other sentences."""
    return normal_event_id(relpath, " ".join(text.split()), occurrence, part)


def normal_event_id(relpath: str, normal: str, occurrence: int, part: int) -> str:
    """`event_id` of a text already reduced to single spaces."""
    key = "\x1f".join([relpath, normal, str(occurrence), str(part)])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


class DocumentIds:
    """`normal_event_id` of one document's events: its path goes into the hash once, and each
    id copies that state and hashes the rest (a copy costs less than starting the hash
    again: 2.4 -> 1.4 µs an id, asked for every event)."""

    __slots__ = ("_base", "_relpath")

    def __init__(self, relpath: str) -> None:
        self._relpath = relpath
        self._base: Any = None  # hashed on the first id (a document may have none)

    def of(self, normal: str, occurrence: int, part: int) -> str:
        """`normal_event_id(relpath, normal, occurrence, part)`."""
        base = self._base
        if base is None:
            base = self._base = hashlib.sha1(f"{self._relpath}\x1f".encode())
        digest = base.copy()
        digest.update(f"{normal}\x1f{occurrence}\x1f{part}".encode())
        return str(digest.hexdigest()[:12])


def reports_something(doc: Document, sentence: Sentence, index_in_doc: int) -> bool:
    """Body sentences and headlines that state something; not labels, questions, subheads."""
    text = doc.sentence_text(sentence)
    return sentence_reports(doc, sentence, text.strip(), text.split())


def sentence_reports(doc: Document, sentence: Sentence, text: str, words: list[str]) -> bool:
    """`reports_something` of the sentence's stripped text and its words."""
    if not words or text.endswith((":", "?")):
        return False
    if len(words) < 4:
        return False
    # Subheadings are structure; a headline-like line in page furniture ("Read More: …") is
    # still kept, as a boilerplate event hidden by default. Words are weighed only for a
    # line that could be a subheading (most sentences are not a paragraph of their own).
    para = doc.paragraphs[sentence.paragraph]
    if (sentence.paragraph <= 2 or sentence.boilerplate is not None
            or para.start != sentence.start or para.end != sentence.end
            or text[-1] in ".!\"”’'"):
        return True
    content = [w.strip("“”\"'‘’()") for w in words if w.lower() not in _FUNCTION_WORDS]
    capitalised = sum(1 for w in content if w[:1].isupper()) / max(1, len(content))
    return capitalised < 0.6
