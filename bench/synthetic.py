"""Synthetic events, built directly (no extraction), for UI and filter benchmarks."""

from __future__ import annotations

import datetime as dt
import random

from viewer.core.events.document_events import Event

PARTIES = (
    "Russia", "Ukraine", "United States", "European Union", "NATO", "United Nations", "Turkey",
    "China", "France", "Germany", "United Kingdom", "Poland", "Belarus", "Iran", "Israel",
    "Hamas", "Qatar", "Egypt", "Saudi Arabia", "India",
)
TOPICS = ("negotiations", "ceasefire", "territory", "security-guarantees", "prisoner-exchange",
          "sanctions", "strikes", "casualties", "energy", "military-aid", "public-opinion")
WORDS = ("talks", "resumed", "in", "Geneva", "after", "strikes", "on", "energy", "grid",
         "officials", "said", "the", "delegations", "met", "for", "six", "hours", "ceasefire",
         "monitoring", "mechanism", "prisoner", "exchange", "sanctions", "package", "drones")


def events(count: int, seed: int = 7, documents: int | None = None) -> list[Event]:
    """`count` plausible events over ten years, deterministic for a seed."""
    rnd = random.Random(seed)
    documents = documents or max(1, count // 20)
    start = dt.date(2016, 1, 1).toordinal()
    out = []
    for i in range(count):
        day = dt.date.fromordinal(start + int(rnd.triangular(0, 3650, 3300)))
        wide = rnd.random() < 0.12
        end = day + dt.timedelta(days=rnd.choice((6, 30, 90))) if wide else day
        text = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(8, 24))).capitalize() + "."
        out.append(Event(
            id=f"{i:012x}", document=f"doc{i % documents:05d}.txt", text=text,
            char_start=0, char_end=len(text), start=day, end=end,
            precision="week" if wide else "day",
            date_source=rnd.choice(("explicit", "explicit", "inherited", "document")),
            timex=None, timex_value=None,
            parties=tuple(rnd.sample(PARTIES, rnd.choice((0, 1, 2, 2, 3)))), people=(),
            topics=tuple(rnd.sample(TOPICS, rnd.choice((1, 1, 2)))),
            boilerplate=rnd.random() < 0.05, sentence=0, sources=rnd.choice((1, 1, 1, 2, 3)),
        ))
    return out
