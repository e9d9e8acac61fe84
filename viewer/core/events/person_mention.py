"""A person's name found in a document: the record alone, apart from the rules that find it
(`title_parties`, `people`), so that reading saved extractions back loads none of them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A name in a document, with what the text around it says."""

    start: int
    end: int
    tokens: tuple[str, ...]
    evidence: bool  # a title, a speech verb or an apposition marks it as a person
    title_party: str | None = None
