"""A label made from an event's sentence alone, and saying so.

Why: the label room asks for the length of many labels it may never show; through a whole
`Event` (31 fields made, about 34 µs each) that was most of a filter change's label cost. A
label that reads only the sentence lets it read the text column and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from viewer.core.events.document_events import Event


@dataclass(frozen=True, slots=True)
class TextLabel:
    """`label(event)` is `of_text(event.text)`."""

    of_text: Callable[[str], str]

    def __call__(self, event: Event) -> str:
        return self.of_text(event.text)
