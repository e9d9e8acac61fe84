"""Core records for documents: frozen, slotted, cheap to share between threads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class DateSource(StrEnum):
    """Where a document's publication date came from, strongest first."""

    SIDECAR = "sidecar"
    HEADER = "header"
    FRONT_MATTER = "front-matter"
    HTML_META = "html-meta"
    TEXT = "text"
    INFERRED = "inferred"  # from a dateline, caption or lead without a full written date
    UNDATED = "undated"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one path; recorded, never fatal to a load."""

    path: str
    kind: str
    message: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.message}"


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as character offsets into its document's text.

    `boilerplate` names the rule that marked it as not part of the article body
    (None for body text); marking never deletes text, so offsets stay valid.
    """

    start: int
    end: int
    paragraph: int
    boilerplate: str | None = None

    @property
    def is_boilerplate(self) -> bool:
        return self.boilerplate is not None


@dataclass(frozen=True, slots=True)
class Document:
    """One article: its clean text plus addressable paragraphs and sentences."""

    path: str
    relpath: str
    title: str
    date: dt.date | None
    date_source: DateSource
    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    problems: tuple[Problem, ...] = ()
    encoding: str = "utf-8"
    meta: tuple[tuple[str, str], ...] = field(default=())

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    @property
    def body_sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for s in self.sentences if s.boilerplate is None)

    @property
    def boilerplate_count(self) -> int:
        return sum(1 for s in self.sentences if s.boilerplate is not None)


@dataclass(frozen=True, slots=True)
class FolderScan:
    """The result of loading a folder: documents, skipped paths and ignored files."""

    root: str
    documents: tuple[Document, ...]
    problems: tuple[Problem, ...]
    ignored: int

    def all_problems(self) -> list[Problem]:
        found = list(self.problems)
        for doc in self.documents:
            found.extend(doc.problems)
        return found
