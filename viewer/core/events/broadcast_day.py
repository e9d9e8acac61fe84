"""Words said on the programme a broadcaster's page reports are that broadcast's.

A radio or television page tells what its guests said "on the programme" ("On the programme,
the lawyer argued …"): they said it on the day of the broadcast, which is the page's own date,
not on the day of the news they discuss, nor on any day up to the report. A sentence that
opens with one of `on_the_programme` (resources/events.toml) sets the narrative's day to the
report's, and what its paragraph goes on to tell is dated by it too.
"""

from __future__ import annotations

import re

from viewer.core.events import cues

_ON_THE_PROGRAMME = re.compile(
    rf"\s*(?:{cues.alternation(cues.CUES.get('on_the_programme', []))})\b", re.IGNORECASE)


def on_the_programme(text: str) -> bool:
    """The sentence opens by placing what follows on the broadcast ("On the programme, …")."""
    return _ON_THE_PROGRAMME.match(text) is not None
