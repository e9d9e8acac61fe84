"""Date disputes on the unseen-story sample: `python -m bench.disputes [--show]`.

A cluster flagged "date disputed" claims that sources disagree on when one happening took
place; a false flag sends the reader after a disagreement that is not there. For each story
under tests/data/unseen/ this counts the annotated date disputes (`[[conflict]]` with
`about = "date"`: the fragments of the versions) and the clusters the extractor flags:

- *found*: every version of an annotated dispute lies in one flagged cluster;
- *flagged, true*: a flagged cluster holding at least two versions of an annotated dispute
  (a four-source dispute found in part counts here, not as found).
"""

from __future__ import annotations

import argparse
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.unseen import UNSEEN, _find
from viewer.core.events.document_events import Event
from viewer.core.pipeline.folder_extraction import extract_folder


@dataclass(slots=True)
class DisputeTally:
    annotated: int = 0
    found: int = 0
    flagged: int = 0
    flagged_true: int = 0

    def add(self, other: DisputeTally) -> None:
        self.annotated += other.annotated
        self.found += other.found
        self.flagged += other.flagged
        self.flagged_true += other.flagged_true

    def line(self, name: str) -> str:
        return (f"{name:24} annotated {self.annotated}  found {self.found}  "
                f"flagged {self.flagged}  of them true {self.flagged_true}")


def _versions(events: list[Event], item: dict[str, Any]) -> list[Event | None]:
    """The events of an annotated dispute's fragments (one document may give several)."""
    docs, fragments = item["docs"], item["fragments"]
    if len(docs) != len(fragments):
        docs = docs * len(fragments)
    return [_find(events, doc, fragment) for doc, fragment in zip(docs, fragments, strict=False)]


def score_story(folder: Path, show: bool = False) -> DisputeTally:
    data: dict[str, Any] = tomllib.loads((folder / "annotations.toml").read_text("utf-8"))
    events = list(extract_folder(folder, use_cache=False, workers=1).events)
    flagged: dict[str, list[Event]] = {}
    for e in events:
        if "date" in e.conflict:
            flagged.setdefault(e.cluster, []).append(e)
    tally = DisputeTally(flagged=len(flagged))
    true: set[str] = set()
    for item in data.get("conflict", []):
        if item.get("about") != "date":
            continue
        tally.annotated += 1
        versions = _versions(events, item)
        clusters = Counter(e.cluster for e in versions if e is not None and e.cluster in flagged)
        whole = all(versions) and len(clusters) == 1 and sum(clusters.values()) == len(versions)
        tally.found += whole
        true.update(c for c, n in clusters.items() if n >= 2)
        if show:
            print(f"   {'found' if whole else 'missed'}: {item['docs']} {item['fragments'][0]!r}")
    tally.flagged_true = len(true)
    if show:
        for cluster, members in flagged.items():
            if cluster not in true:
                days = sorted({str(e.start) for e in members})
                print(f"   false: {cluster} {len(members)} reports, days {', '.join(days)}: "
                      f"{members[0].text[:80]!r}")
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true",
                        help="name each annotated dispute found or missed, and each false flag")
    args = parser.parse_args()
    total = DisputeTally()
    for story in sorted(p for p in UNSEEN.iterdir() if (p / "annotations.toml").is_file()):
        if args.show:
            print(f"== {story.name}")
        tally = score_story(story, show=args.show)
        if tally.annotated or tally.flagged:
            print(tally.line(story.name))
        total.add(tally)
    print(total.line("all"))


if __name__ == "__main__":
    main()
