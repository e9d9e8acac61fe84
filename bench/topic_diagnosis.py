"""Where the unseen sample's topic score is lost: `python -m bench.topic_diagnosis [STORY …]`.

For each story it prints the annotated topics and the found ones (built-in or discovered,
with their first cues and how many annotated events carry them), topics per event on both
sides, and the co-occurrence matrix the scorer's mappings are read from (rows: found topics;
columns: the story's topics; `none`: events annotated without a topic). A found topic whose
row is spread over many columns cuts across the reader's headings; a column with no strong
row is a heading no found topic stands for.
"""

from __future__ import annotations

import argparse
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

from bench.unseen import UNSEEN, _find, merged_mapping, topic_mapping
from viewer.core.pipeline.folder_extraction import extract_folder


def diagnose(folder: Path) -> None:
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("stories", nargs="*", help="story folder names (default: all)")
    args = parser.parse_args()
    for story in sorted(p for p in UNSEEN.iterdir() if (p / "annotations.toml").is_file()):
        if not args.stories or story.name in args.stories:
            diagnose(story)


if __name__ == "__main__":
    main()
