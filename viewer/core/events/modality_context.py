"""Modality across sentences. A sentence whose only cue is a bare "would" may go on telling the
deal, proposal or demand the sentence before it reported ("Under the understanding, Hamas would
hand over the remains within ten days. Israel would reopen the crossing from March 15."): it
takes that sentence's modality. Which groups go on, and which modalities carry, are data
(`[continuation]` in `resources/modality.toml`). One pass over a document's events.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from viewer.core.events.event_record import Event, evolve
from viewer.core.events.modality import ModalityRules, decide, load_rules


class _Reported(Protocol):
    @property
    def modality(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def sentence(self) -> int: ...
    @property
    def boilerplate(self) -> bool: ...


E = TypeVar("E", bound=_Reported)


# An event's modality cues and clause words, offsets into its text, where the document's cue
# pass found them (`decide`'s `found` and `clause_words`; None: its expressions find them).
CuesOf = Callable[[Any], tuple[list[tuple[int, int]] | None, list[tuple[int, int]] | None]]


def continue_modalities(events: list[E], paragraph_of: Callable[[int], int],
                        rules: ModalityRules | None = None, cues_of: CuesOf | None = None
                        ) -> None:
    """Give each event whose bare "would" goes on the act the event before it (same
    paragraph) reported that act's modality, in place. `cues_of`: an event's cues from the
    document's cue pass, which spares `decide` its two expressions over the event's text."""
    rules = rules or load_rules()
    if not rules.continuing or not rules.carried:
        return
    previous: E | None = None
    for index, event in enumerate(events):
        if event.boilerplate:
            continue
        if (previous is not None and previous.modality in rules.carried
                and event.modality != previous.modality
                and previous.sentence != event.sentence
                and paragraph_of(previous.sentence) == paragraph_of(event.sentence)
                and decide(event.text, None, False, rules,
                           *(cues_of(event) if cues_of is not None else (None, None))
                           )[1] in rules.continuing):
            # (an event is copied by `evolve`, a tenth of `dataclasses.replace`'s cost)
            changed: Any = (evolve(event, modality=previous.modality)
                            if isinstance(event, Event)
                            else dataclasses.replace(event, modality=previous.modality))  # type: ignore[type-var]
            events[index] = changed
            event = changed
        previous = event
