"""Hand-set topics that name no topic of the folder: listed as problems, never dropped.

A merge or delete in the app or on the command line moves or drops them (`topic_changes`),
but a topics.toml edited by hand, or a store written before that, can still name a topic
that is gone; the facets and the detail pane would show its raw id with nothing to say why.
"""

from __future__ import annotations

from collections import Counter

from viewer.core.events.topics import Taxonomy
from viewer.core.model import Problem
from viewer.core.store.analyst_store import Store, decode_set
from viewer.core.words import plural

WHERE = ".timeline-viewer"  # the path these problems are listed against


def unknown_topics(store: Store | None, taxonomy: Taxonomy) -> list[Problem]:
    """One problem per unknown topic id, with how many events' hand-set lists name it."""
    if store is None:
        return []
    known = set(taxonomy.ids())
    named = Counter(t for value in store.hand_set_topics().values()
                    for t in decode_set(value) if t not in known)
    return [Problem(WHERE, "unknown topic",
                    f"{plural(count, 'event')} {'has' if count == 1 else 'have'} the hand-set "
                    f"topic “{topic_id}”, which is no topic of this folder (merged or deleted "
                    "outside the app?): set their topics again, or create the topic anew.")
            for topic_id, count in sorted(named.items())]
