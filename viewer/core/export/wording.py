"""How a chronology words an event: who says so, whether it is only planned, what is disputed.

"Russia said: …" for a claim or denial with a speaker, "planned: …" for what had not happened
when reported, and, under the first event of a cluster whose sources disagree, "disputed: date
— 2026-03-05 (source) vs 2026-03-07 (source)", each version with its source.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from viewer.core.events.document_events import Event
from viewer.core.pipeline.conflicts import Conflict, find_conflicts
from viewer.core.pipeline.reporting import outcome_text

SAYING = frozenset({"claimed", "denied", "demanded", "proposed", "agreed"})
AHEAD = frozenset({"planned", "possible"})
VERBS = {"claimed": "said", "denied": "denied", "demanded": "demanded", "proposed": "proposed",
         "agreed": "agreed"}


def lead(event: Event) -> str:
    """The words before the sentence: "planned: ", "Russia said: ", "" for a plain fact."""
    if event.modality in AHEAD:
        return f"{event.modality}: "
    if event.speaker and event.modality in SAYING:
        return f"{event.speaker} {VERBS[event.modality]}: "
    if event.speaker:
        return f"{event.speaker} said: "
    if event.modality not in ("happened", ""):
        return f"{event.modality}: "
    return ""


def trailer(event: Event) -> str:
    """What became of a planned event, or ""."""
    return outcome_text(event)


@dataclass(frozen=True, slots=True)
class Version:
    value: str
    source: str  # how the writer cites the article


@dataclass(frozen=True, slots=True)
class Dispute:
    what: str
    versions: tuple[Version, ...]

    def text(self) -> str:
        return f"disputed: {self.what} — " + " vs ".join(
            f"{v.value} ({v.source})" for v in self.versions)


def disputes(events: Sequence[Event], cite: Callable[[str], str]
             ) -> dict[str, tuple[Dispute, ...]]:
    """Event id → the disputes to write under it: each conflicted cluster's, once, under its
    first event in `events` order. `cite` turns a document path into a citation."""
    conflicts: dict[str, Conflict] = find_conflicts(events)
    out: dict[str, tuple[Dispute, ...]] = {}
    for event in events:
        conflict = conflicts.pop(event.cluster, None)
        if conflict is None:
            continue
        out[event.id] = tuple(
            Dispute(d.label, tuple(Version(c.value, cite(c.document)) for c in d.claims))
            for d in conflict.disagreements)
    return out
