"""Where the unseen sample's topic score is lost: `python -m bench.topic_diagnosis [STORY …]`.

For each story it prints the annotated topics and the found ones (built-in or discovered,
with their first cues and how many annotated events carry them), topics per event on both
sides, and the co-occurrence matrix the scorer's mappings are read from (rows: found topics;
columns: the story's topics; `none`: events annotated without a topic). A found topic whose
row is spread over many columns cuts across the reader's headings; a column with no strong
row is a heading no found topic stands for. Last, the misses by class (`miss_classes`), per
story and over all stories.
"""

from __future__ import annotations

import argparse
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

from bench.unseen import UNSEEN, _find, merged_mapping, topic_mapping
from viewer.core.pipeline.folder_extraction import extract_folder

Pairs = list[tuple[set[str], set[str]]]  # per annotated event: (story topics, found topics)


def miss_classes(pairs: Pairs, origin: dict[str, str]) -> Counter[str]:
    """Each missed story topic and each wrong found topic (after the one-to-one mapping) by
    why it is wrong, so the biggest class is the one to work on.

    Missed: the event got no topic at all; it got a right topic but not this second one; it
    got only other topics. Wrong: a built-in or discovered topic paired with a story topic
    the event does not have (the topic is broader than the heading, or applied out of its
    sense); a found topic the mapping left unpaired (the heading it stands for was taken by
    another found topic: two found topics for one heading, or one for two headings).
    Per found topic: `merged` when its two largest story topics each hold at least a third
    of its annotated events (two headings in one topic)."""
    mapping = topic_mapping(pairs)
    classes: Counter[str] = Counter()
    for gold, found in pairs:
        got = {mapping.get(t, t) for t in found}
        missed = len(gold - got)
        if missed:
            kind = ("no topic at all" if not found else "a second topic missing" if gold & got
                    else "other topics instead")
            classes[f"missed: {kind}"] += missed
        for topic in found:
            if mapping.get(topic, topic) in gold:
                continue
            paired = "paired, wrong here" if topic in mapping else "unpaired"
            classes[f"wrong: {origin.get(topic, 'built-in')} {paired}"] += 1
    columns: dict[str, Counter[str]] = {}
    for gold, found in pairs:
        for topic in found:
            columns.setdefault(topic, Counter()).update(gold)
    for topic, shared in columns.items():
        total = sum(1 for _, found in pairs if topic in found)
        top = shared.most_common(2)
        if len(top) == 2 and top[1][1] * 3 >= total:
            classes[f"topics: {origin.get(topic, 'built-in')} merging two headings"] += 1
    return classes


def heading_classes(pairs: Pairs) -> Counter[str]:
    """Per story: how many headings and found topics it has (too few or too many found
    topics), and each heading no found topic stands for: `split` when the found topic that
    shares most of its events holds fewer than half of them (the heading spread over several
    found topics, or mostly without any)."""
    classes: Counter[str] = Counter()
    headings = {g for gold, _ in pairs for g in gold}
    classes["headings"] += len(headings)
    classes["found topics"] += len({t for _, found in pairs for t in found})
    for heading in headings:
        events = [found for gold, found in pairs if heading in gold]
        best = Counter(t for found in events for t in found).most_common(1)
        if not best or best[0][1] * 2 < len(events):
            classes["headings split or uncovered"] += 1
    return classes


def diagnose(folder: Path) -> Counter[str]:
    data: dict[str, Any] = tomllib.loads((folder / "annotations.toml").read_text("utf-8"))
    extraction = extract_folder(folder, use_cache=False)
    events = list(extraction.events)
    items = data.get("event", [])
    pairs: list[tuple[set[str], set[str]]] = []
    for item in items:
        event = _find(events, item["doc"], item["fragment"])
        if event is not None:
            pairs.append((set(item.get("topics", [])), set(event.topics)))
    gold = Counter(t for g, _ in pairs for t in g)
    found = Counter(t for _, f in pairs for t in f)
    print(f"== {folder.name}: {len(pairs)} annotated events found")
    print(f"   topics per event: annotated {sum(gold.values()) / max(1, len(pairs)):.2f}, "
          f"found {sum(found.values()) / max(1, len(pairs)):.2f}; "
          f"annotated with a topic but none found: {sum(1 for g, f in pairs if g and not f)}")
    print("   annotated: " + ", ".join(f"{t} {n}" for t, n in gold.most_common()))
    for topic in extraction.taxonomy.topics:
        if found[topic.id]:
            print(f"   found {topic.id:24} {topic.origin:10} {found[topic.id]:3}  "
                  f"{', '.join(topic.cues[:10])}")
    print(f"   one-to-one:  {topic_mapping(pairs)}")
    print(f"   many-to-one: {merged_mapping(pairs)}")
    both = Counter((t, g) for gs, ts in pairs for g in gs for t in ts)
    columns = sorted(gold)
    print(" " * 27 + " ".join(f"{c[:7]:>7}" for c in columns) + "    none")
    for topic_id, _n in found.most_common():
        none = sum(1 for gs, ts in pairs if topic_id in ts and not gs)
        print(f"   {topic_id[:24]:24}" + " ".join(f"{both[(topic_id, c)]:7}" for c in columns)
              + f" {none:7}")
    classes = miss_classes(pairs, {t.id: t.origin for t in extraction.taxonomy.topics})
    classes.update(heading_classes(pairs))
    print("   misses: " + ", ".join(f"{k} {n}" for k, n in sorted(classes.items())))
    return classes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("stories", nargs="*", help="story folder names (default: all)")
    args = parser.parse_args()
    total: Counter[str] = Counter()
    for story in sorted(p for p in UNSEEN.iterdir() if (p / "annotations.toml").is_file()):
        if not args.stories or story.name in args.stories:
            total.update(diagnose(story))
    print("== all stories, misses by class")
    for kind, n in sorted(total.items()):
        print(f"   {kind:42} {n:4}")


if __name__ == "__main__":
    main()
