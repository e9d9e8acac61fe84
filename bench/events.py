"""Event extraction accuracy against the hand-annotated samples: `python -m bench.events
[STORY …]` (only those unseen stories when named).

Prints, for the seeds (tests/data/annotated_events.toml), the other stories and every story
under tests/data/unseen/ (each a folder of articles with its own annotations.toml), how often
the extracted date interval matches exactly (and overlaps), micro precision/recall/F1 for
parties and topics and, where the annotations give them, modality and speaker accuracy, with
the sentences that differ when asked (--show).

Speakers are compared after normalising both names: a name the gazetteer knows stands for its
party (WHO is the World Health Organization), case, accents, articles, possessives and
punctuation are dropped, spelling variants of a word share a key (Zelensky, Zelenskyy), several
speakers are compared as a set, a surname alone matches the full name ending in it, and a
source matches itself named with a place or affiliation after it ("analysts in Shanghai" is
"analysts"; "officials in Kyiv" is not "officials in Moscow"). An
annotated "" (nobody speaks) matches only "". An annotated event the extractor does not find
counts as wrong for both.

Topics of an unseen story (whose annotations name the story's own topic ids) are first mapped
one-to-one onto those ids by co-occurrence, as `bench.unseen` explains.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.unseen import f1, marked, print_difference, topic_mapping
from viewer.core.events.document_events import Event
from viewer.core.events.gazetteer_build import load_gazetteer
from viewer.core.events.people import surname_key
from viewer.core.pipeline.folder_extraction import extract_folder
from viewer.core.resources import load_data

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "annotated_events.toml"
OTHER = ROOT / "tests" / "data" / "other_stories"
OTHER_SAMPLE = ROOT / "tests" / "data" / "annotated_other.toml"
UNSEEN = ROOT / "tests" / "data" / "unseen"


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
    modality_events: int = 0
    modality_right: int = 0
    speaker_events: int = 0
    speaker_right: int = 0
    furniture: int = 0  # annotated [[boilerplate]] lines
    furniture_marked: int = 0  # ... found marked
    false_alarms: int = 0  # annotated events whose sentence is marked as furniture

    def __add__(self, other: Score) -> Score:
        return Score(*(a + b for a, b in zip(dataclasses.astuple(self),
                                             dataclasses.astuple(other), strict=True)))


def find(events: list[Event], doc: str, fragment: str) -> Event | None:
    return next((e for e in events if e.document.startswith(doc) and fragment in e.text), None)


_QUANTIFIER = frozenset({"a", "an", "the", "one", "two", "three", "several", "some"})


@functools.cache
def _body_words() -> frozenset[str]:
    """The words of a body or a title in the speaker rules ("foreign", "ministry", "official")."""
    data = load_data("speakers.toml")
    words = [*data["bodies"], *data["body_modifiers"], *data["person_titles"]]
    return frozenset(w.lower() for phrase in words for w in phrase.split())


def _as_party(name: str, forms: dict[str, tuple[str, str]]) -> str:
    """A name the gazetteer knows, or a state's own body or officials ("the Turkish foreign
    ministry", "a Qatari official", "Israel's government"), as the party: the sample's README
    writes such a speaker as the state, and some stories' annotations as the body."""
    if name in forms:
        return forms[name][0]
    words = re.sub(r"['’]s\b", "", name).split()
    while words and words[0].lower() in _QUANTIFIER:
        words = words[1:]
    for size in (3, 2, 1):
        head, rest = " ".join(words[:size]), words[size:]
        if head in forms and rest and all(w.lower() in _body_words() for w in rest):
            return forms[head][0]
    return name


def _names(speaker: str) -> frozenset[tuple[str, ...]]:
    """A speaker as a set of names, each a tuple of spelling-tolerant word keys; a name the
    gazetteer knows stands for its party ("WHO", "the US" are the organisation, the state)."""
    forms = load_gazetteer().forms
    speaker = "; ".join(_as_party(n.strip(), forms)
                        for n in re.split(r";|\band\b", speaker) if n.strip())
    plain = unicodedata.normalize("NFKD", speaker)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    names = []
    for name in re.split(r";|\band\b", plain):
        words = re.findall(r"[^\W_]+", re.sub(r"['’]s\b", "", name))
        while words and words[0] in ("the", "a", "an"):
            words = words[1:]
        if words:
            names.append(tuple(surname_key(w) for w in words))
    return frozenset(names)


_QUALIFIER = frozenset({"in", "at", "from", "of", "on"})


def _qualified(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """"analysts in Shanghai" is "analysts" named with where they are: the longer name is the
    shorter one followed by a place or affiliation ("in", "at", "from", "of", "on" …)."""
    return (0 < len(short) < len(long) and long[: len(short)] == short
            and long[len(short)] in _QUALIFIER)


def same_speaker(gold: str, got: str) -> bool:
    """Equal after normalising; a surname alone matches the full name ending in it, and a
    source matches itself named with a place or affiliation after it."""
    gold_names, got_names = _names(gold), _names(got)
    if len(gold_names) != len(got_names):
        return False
    unmatched = set(got_names)
    for name in gold_names:
        match = next((n for n in unmatched if n == name or (
            min(len(n), len(name)) == 1 and n[-1] == name[-1])
            or _qualified(n, name) or _qualified(name, n)), None)
        if match is None:
            return False
        unmatched.discard(match)
    return True


def _interval(item: dict[str, Any]) -> tuple[dt.date | None, dt.date | None]:
    if item.get("undated"):
        return None, None
    return item.get("start"), item.get("end", item.get("start"))


def score(folder: Path = ROOT / "seeds", sample: Path = SAMPLE,
          show: bool = False) -> Score:
    extraction = extract_folder(folder, use_cache=False)
    events = list(extraction.events)
    result = Score()
    data = tomllib.loads(sample.read_text(encoding="utf-8"))
    mapping: dict[str, str] = {}
    if "story" in data:  # a story with topic ids of its own: map the folder's topics onto them
        pairs = [(set(item.get("topics", [])), set(e.topics)) for item in data.get("event", [])
                 if (e := find(events, item["doc"], item["fragment"])) is not None]
        mapping = topic_mapping(pairs)
    for item in data.get("event", []):
        result.events += 1
        result.modality_events += "modality" in item
        result.speaker_events += "speaker" in item
        event = find(events, item["doc"], item["fragment"])
        if event is None:
            if show:
                print(f"MISSING {item['doc']} {item['fragment']!r}")
            continue
        result.found += 1
        if "modality" in item:
            result.modality_right += event.modality == item["modality"]
            if show and event.modality != item["modality"]:
                print(f"{item['doc']} {item['fragment'][:50]!r}\n"
                      f"   modality gold {item['modality']}  got {event.modality}")
        if "speaker" in item:
            right = same_speaker(item["speaker"], event.speaker)
            result.speaker_right += right
            if show and not right:
                print(f"{item['doc']} {item['fragment'][:50]!r}\n"
                      f"   speaker gold {item['speaker']!r}  got {event.speaker!r}")
        start, end = _interval(item)
        exact = (event.start, event.end) == (start, end)
        result.date_exact += exact
        overlap = exact or (event.start is not None and event.end is not None
                            and start is not None and end is not None
                            and not (event.start > end or start > event.end))
        result.date_overlap += overlap
        gold_p, got_p = set(item.get("parties", [])), set(event.parties)
        gold_t = set(item.get("topics", []))
        got_t = {mapping.get(t, t) for t in event.topics}
        result.party_tp += len(gold_p & got_p)
        result.party_fp += len(got_p - gold_p)
        result.party_fn += len(gold_p - got_p)
        result.topic_tp += len(gold_t & got_t)
        result.topic_fp += len(got_t - gold_t)
        result.topic_fn += len(gold_t - got_t)
        if show and (not exact or gold_p != got_p or gold_t != got_t):
            print_difference(item, event, (start, end), (gold_p, got_p), (gold_t, got_t))
    documents = {Path(d.relpath).stem: d for d in extraction.documents}
    for item in data.get("boilerplate", []):
        document = documents.get(item["doc"])
        if document is not None:
            result.furniture += 1
            result.furniture_marked += bool(marked(document, item["fragment"]))
    result.false_alarms = sum(
        1 for item in data.get("event", [])
        if (e := find(events, item["doc"], item["fragment"])) is not None and e.boilerplate)
    return result


def samples() -> list[tuple[str, Path, Path]]:
    """Every annotated sample: the seeds, the other stories and each unseen story."""
    found = [("seeds", ROOT / "seeds", SAMPLE), ("other stories", OTHER, OTHER_SAMPLE)]
    if UNSEEN.is_dir():
        for story in sorted(p for p in UNSEEN.iterdir() if (p / "annotations.toml").is_file()):
            found.append((f"unseen/{story.name}", story, story / "annotations.toml"))
    return found


def report(name: str, s: Score) -> None:
    pp, pr, pf = f1(s.party_tp, s.party_fp, s.party_fn)
    tp, tr, tf = f1(s.topic_tp, s.topic_fp, s.topic_fn)
    events = max(1, s.events)
    print(f"== {name}: annotated events {s.events}, found {s.found}")
    print(f"date   exact {s.date_exact / events:.2f}   "
          f"overlapping {s.date_overlap / events:.2f}")
    print(f"party  P {pp:.2f}  R {pr:.2f}  F1 {pf:.2f}")
    print(f"topic  P {tp:.2f}  R {tr:.2f}  F1 {tf:.2f}")
    if s.modality_events:
        print(f"modality  accuracy {s.modality_right / s.modality_events:.2f}  "
              f"({s.modality_right} of {s.modality_events})")
    if s.speaker_events:
        print(f"speaker   accuracy {s.speaker_right / s.speaker_events:.2f}  "
              f"({s.speaker_right} of {s.speaker_events})")
    if s.furniture:
        precision = s.furniture_marked / max(1, s.furniture_marked + s.false_alarms)
        print(f"boilerplate  R {s.furniture_marked / s.furniture:.2f}  P {precision:.2f}  "
              f"({s.furniture_marked} of {s.furniture} lines)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="print each disagreement")
    parser.add_argument("stories", nargs="*",
                        help="score only these unseen stories (folder names; default: all)")
    args = parser.parse_args()
    unseen = Score()
    stories = 0
    for name, folder, sample in samples():
        if args.stories and name.startswith("unseen/") and folder.name not in args.stories:
            continue
        s = score(folder, sample, show=args.show)
        report(name, s)
        if name.startswith("unseen/"):
            unseen, stories = unseen + s, stories + 1
    if stories:
        report(f"unseen, all {stories} stories", unseen)


if __name__ == "__main__":
    main()
