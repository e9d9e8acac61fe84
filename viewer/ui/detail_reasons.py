"""Why an event has each party and topic, for the detail pane: the name, reference, speaker
or cue word that matched, read from the event's `why` ("party:Russia:the Kremlin",
"topic:strikes:missile*"; "topic:fuel:like diesel" when `nearest_topics` gave it for a shared
word). A party or topic with no reason was set by hand or by a rule that keeps none, and is
shown bare."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from viewer.core.events.document_events import Event


def reasons(event: Event, kind: str) -> dict[str, str]:
    """What matched for each party or topic (`kind`), first reason first."""
    found: dict[str, str] = {}
    prefix = f"{kind}:"
    for entry in event.why:
        if entry.startswith(prefix):
            what, _, because = entry[len(prefix):].partition(":")
            found.setdefault(what, because)
    return found


def _because(text: str, kind: str) -> str:
    if text.startswith("speaker "):
        return f"said by {escape(text[len('speaker '):])}"
    if kind == "topic" and text.startswith("like "):  # no cue: nearest to the topic's events
        return f"shares “{escape(text[len('like '):])}” with its events"
    cue = "cue " if kind == "topic" else ""
    return f"{cue}“{escape(' '.join(text.split()))}”"


def explained(event: Event, kind: str, names: tuple[str, ...],
              labels: Mapping[str, str] | None = None) -> str:
    """`names` as HTML, each followed by why it is there: Russia (“the Kremlin”)."""
    why = reasons(event, kind)
    shown = []
    for name in names:
        label = escape((labels or {}).get(name, name))
        because = why.get(name)
        shown.append(label if not because else
                     f"{label} <span style='color:gray'>({_because(because, kind)})</span>")
    return ", ".join(shown) or "–"
