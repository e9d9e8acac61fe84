"""Event extraction accuracy against the hand-annotated sample: `python -m bench.events`.

Prints, for the sample in tests/data/annotated_events.toml, how often the extracted date
interval matches exactly (and overlaps), and micro precision/recall/F1 for parties and
topics, with the sentences that differ when asked (--show).
"""

from __future__ import annotations

import argparse
import tomllib
from dataclasses import dataclass
from pathlib import Path

from viewer.core.events import Event
from viewer.core.extract import extract_folder

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "annotated_events.toml"
OTHER = ROOT / "tests" / "data" / "other_stories"
OTHER_SAMPLE = ROOT / "tests" / "data" / "annotated_other.toml"


@dataclass
class Score:
    events: int = 0
    found: int = 0
    date_exact: int = 0
    date_overlap: int = 0
    party_tp: int = 0
    party_fp: int = 0
    party_fn: int = 0
    topic_tp: int = 0
    topic_fp: int = 0
    topic_fn: int = 0

    @staticmethod
    def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def find(events: list[Event], doc: str, fragment: str) -> Event | None:
    return next((e for e in events if e.document.startswith(doc) and fragment in e.text), None)


def score(folder: Path = ROOT / "seeds", sample: Path = SAMPLE,
          show: bool = False) -> Score:
    events = list(extract_folder(folder, use_cache=False).events)
    result = Score()
    for item in tomllib.loads(sample.read_text(encoding="utf-8"))["event"]:
        result.events += 1
        event = find(events, item["doc"], item["fragment"])
        if event is None:
            if show:
                print(f"MISSING {item['doc']} {item['fragment']!r}")
            continue
        result.found += 1
        start, end = item["start"], item["end"]
        exact = (event.start, event.end) == (start, end)
        result.date_exact += exact
        overlap = event.start is not None and event.end is not None and not (
            event.start > end or start > event.end)
        result.date_overlap += overlap
        gold_p, got_p = set(item["parties"]), set(event.parties)
        gold_t, got_t = set(item["topics"]), set(event.topics)
        result.party_tp += len(gold_p & got_p)
        result.party_fp += len(got_p - gold_p)
        result.party_fn += len(gold_p - got_p)
        result.topic_tp += len(gold_t & got_t)
        result.topic_fp += len(got_t - gold_t)
        result.topic_fn += len(gold_t - got_t)
        if show and (not exact or gold_p != got_p or gold_t != got_t):
            print(f"{item['doc']} {item['fragment'][:50]!r}")
            if not exact:
                print(f"   date  gold {start}..{end}  got {event.start}..{event.end}")
            if gold_p != got_p:
                print(f"   party missing {sorted(gold_p - got_p)} extra {sorted(got_p - gold_p)}")
            if gold_t != got_t:
                print(f"   topic missing {sorted(gold_t - got_t)} extra {sorted(got_t - gold_t)}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="print each disagreement")
    args = parser.parse_args()
    for name, folder, sample in (("seeds", ROOT / "seeds", SAMPLE),
                                 ("other stories", OTHER, OTHER_SAMPLE)):
        s = score(folder, sample, show=args.show)
        pp, pr, pf = Score.f1(s.party_tp, s.party_fp, s.party_fn)
        tp, tr, tf = Score.f1(s.topic_tp, s.topic_fp, s.topic_fn)
        print(f"== {name}: annotated events {s.events}, found {s.found}")
        print(f"date   exact {s.date_exact / s.events:.2f}   "
              f"overlapping {s.date_overlap / s.events:.2f}")
        print(f"party  P {pp:.2f}  R {pr:.2f}  F1 {pf:.2f}")
        print(f"topic  P {tp:.2f}  R {tr:.2f}  F1 {tf:.2f}")


if __name__ == "__main__":
    main()
