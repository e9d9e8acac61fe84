"""Topics that fit the folder: built-in topics only where the folder is about them, and the
folder's own topics discovered from its text when the taxonomy covers it poorly.

Why: a taxonomy written for one story files another story's words under the wrong heading
("tariffs" as sanctions, "hit" as a strike). A built-in topic with `anchors` (its unambiguous
cues) fits a folder only when those anchors occur in it; when the fitting topics leave too many
sentences without a topic, key phrases of the folder (frequent in it, in several documents,
not names, not in most sentences) are grouped by how often they share a paragraph, and each
group becomes a *discovered* topic named by its top phrases, with those phrases as cues.
Everything is counted in passes whose results add up over shares of the folder
(`discovery_passes`), so a corpus split into partitions discovers the same topics; grouping
works on a few dozen phrases. Deterministic: every choice is ordered by count, then by text.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from viewer.core.events.document_events import Event
from viewer.core.events.topics import (
    DiscoveredEdits,
    Taxonomy,
    Topic,
    anchor_taxonomy,
    combine,
    make_topic,
)
from viewer.core.model import Document
from viewer.core.pipeline.discovery_passes import (
    GroupCounts,
    PairCounts,
    Phrase,
    PhraseCounts,
    choose,
    grouped,
    groups_in,
    needed_sentences,
    pairs_in,
    prune,
    scan,
)
from viewer.core.pipeline.topic_colours import distinct_colours
from viewer.core.pipeline.topic_identity import TopicMemory, recognise
from viewer.core.resources import build_for_folder


@dataclass(frozen=True, slots=True)
class Settings:
    coverage: float
    anchor_sentences: int
    small_folder: int
    max_topics: int
    min_sentences: int
    one_article_sentences: int  # min_sentences in a folder of one article
    min_documents: int
    attach_sentences: int
    max_share: float
    phrases: int
    link: float
    proper_share: float
    modifier_share: float
    not_endings: tuple[str, ...]
    colors: tuple[str, ...]
    min_color_distance: float
    stopwords: frozenset[str]


def load_settings(folder: str | Path | None = None) -> Settings:
    return build_for_folder("discovery.toml", folder, _settings_from)


def _settings_from(d: dict[str, Any]) -> Settings:
    return Settings(
        float(d["coverage"]), int(d["anchor_sentences"]), int(d.get("small_folder", 0)),
        int(d["max_topics"]),
        int(d["min_sentences"]), int(d.get("one_article_sentences", d["min_sentences"])),
        int(d["min_documents"]), int(d.get("attach_sentences", 2)),
        float(d["max_share"]),
        int(d["phrases"]), float(d["link"]), float(d["proper_share"]),
        float(d.get("modifier_share", 1.1)),
        tuple(d.get("not_endings", ())), tuple(d["colors"]),
        float(d.get("min_color_distance", 0.0)),
        frozenset(w.lower() for w in d["stopwords"]),
    )


@functools.cache
def _bundled_settings() -> Settings:
    return load_settings()


@dataclass(frozen=True, slots=True)
class Unit:
    """One body sentence: its text, and which paragraph of which document it is in."""

    text: str
    document: int
    paragraph: int
    first_word: int  # offset of the sentence's first word (its capital says nothing)


def body_units(documents: Sequence[Document]) -> list[Unit]:
    units = []
    for number, doc in enumerate(documents):
        for sentence in doc.sentences:
            if sentence.boilerplate is None:
                units.append(Unit(doc.sentence_text(sentence), number, sentence.paragraph, 0))
    return units


def fitting(taxonomy: Taxonomy, units: Sequence[Unit], settings: Settings,
            total: int | None = None) -> Taxonomy:
    """The taxonomy without the topics whose anchors the folder does not use (`units` may be
    only the sentences that have an anchored topic; `total` counts all of them)."""
    size = len(units) if total is None else total
    return fitting_by_hits(taxonomy, anchor_hits(taxonomy, (u.text for u in units)), size,
                           settings)


def anchor_hits(taxonomy: Taxonomy, texts: Iterable[str]) -> Counter[str]:
    """Anchored topic → how many of the texts its anchors find. Counts of shares add up."""
    hits: Counter[str] = Counter()
    if not any(t.anchors for t in taxonomy.topics):
        return hits
    anchors = anchor_taxonomy(taxonomy)  # built once per taxonomy, not once per call
    for text in texts:
        hits.update(anchors.classify(text))
    return hits


def fitting_by_hits(taxonomy: Taxonomy, hits: Counter[str], size: int,
                    settings: Settings) -> Taxonomy:
    """The taxonomy without the anchored topics that found too few of `size` sentences."""
    if not any(t.anchors for t in taxonomy.topics):
        return taxonomy
    needed = settings.anchor_sentences if size >= settings.small_folder else 1
    return combine([t for t in taxonomy.topics if not t.anchors or hits[t.id] >= needed])


@dataclass(frozen=True, slots=True)
class FitCounts:
    """What fitting and coverage read of (a share of) a folder's body events, which carry
    the base taxonomy's topics: the counts of shares add up (`add_counts`), so a corpus split
    into partitions gets the folder's taxonomy without gathering its events."""

    size: int  # body events
    hits: Counter[str]  # anchored topic → body events its anchors find
    topic_sets: Counter[frozenset[str]]  # body events by their set of topics


def fit_counts(taxonomy: Taxonomy, events: Iterable[Event]) -> FitCounts:
    anchored = {t.id for t in taxonomy.topics if t.anchors}
    size = 0
    texts: list[str] = []
    sets: Counter[frozenset[str]] = Counter()
    for e in events:
        if e.boilerplate:
            continue
        size += 1
        sets[frozenset(e.topics)] += 1
        if anchored.intersection(e.topics):
            texts.append(e.text)
    return FitCounts(size, anchor_hits(taxonomy, texts), sets)


def add_counts(shares: Iterable[FitCounts]) -> FitCounts:
    size, hits, sets = 0, Counter[str](), Counter[frozenset[str]]()
    for share in shares:
        size += share.size
        hits.update(share.hits)
        sets.update(share.topic_sets)
    return FitCounts(size, hits, sets)


def _candidates(units: Sequence[Unit], settings: Settings, taxonomy: Taxonomy
                ) -> tuple[list[Phrase], list[Phrase]]:
    """The salient key phrases of `units`, and the less salient ones, in one pass."""
    counts, where = scan(units, settings.stopwords)
    chosen, extra = choose(counts, settings, taxonomy)
    pairs = pairs_in(where, [p.key for p in chosen], [p.key for p in extra])
    return prune(chosen, extra, pairs, settings)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "topic"


def discover(units: Sequence[Unit], taxonomy: Taxonomy, settings: Settings) -> list[Topic]:
    """The folder's own topics: groups of key phrases, biggest first."""
    counts, where = scan(units, settings.stopwords)
    return discover_by_counts(counts, lambda c, e: pairs_in(where, c, e),
                              lambda g, r: groups_in(where, g, r), taxonomy, settings)


PairsOf = Callable[[Sequence[str], Sequence[str]], PairCounts]
GroupsOf = Callable[[Sequence[Sequence[str]], Sequence[str]], GroupCounts]


def discover_by_counts(counts: PhraseCounts, pairs_of: PairsOf, groups_of: GroupsOf,
                       taxonomy: Taxonomy, settings: Settings) -> list[Topic]:
    """`discover` from the three passes' sums: the phrase counts, then `pairs_of(chosen,
    extra)` and `groups_of(groups, rest)` (one pass each, over the whole folder or as a
    map/reduce over its partitions). Either way the same choices, so the same topics."""
    chosen, extra = choose(counts, settings, taxonomy)
    pairs = pairs_of([p.key for p in chosen], [p.key for p in extra])
    salient, rest = prune(chosen, extra, pairs, settings)
    groups = sorted(grouped(salient, pairs, settings.link),
                    key=lambda g: (-sum(p.score for p in g), g[0].key))
    tally = groups_of([[p.key for p in g] for g in groups], [p.key for p in rest])
    needed = needed_sentences(settings, counts.folder_documents)
    big = [k for k, size in enumerate(tally.sentences) if size >= needed][: settings.max_topics]
    ranked = [list(groups[k]) for k in big]
    # The less salient phrases join the topic whose phrases they share most paragraphs with
    # (as extra cues; they never name a topic or start one), so more sentences find a topic.
    for phrase in rest if ranked else ():
        own = pairs.paragraphs[phrase.key]
        overlaps = [tally.shared[phrase.key][k] / own for k in big]
        best = max(range(len(ranked)), key=lambda k: (overlaps[k], -k))
        if overlaps[best] > 0:
            ranked[best].append(dataclasses.replace(phrase, score=0.0))
    return _named(ranked, taxonomy, settings)


def _palette(taxonomy: Taxonomy, settings: Settings) -> list[str]:
    return distinct_colours(settings.colors, (t.color for t in taxonomy.topics),
                            settings.min_color_distance)


def _named(ranked: list[list[Phrase]], taxonomy: Taxonomy, settings: Settings) -> list[Topic]:
    used_ids = set(taxonomy.ids())
    colors = _palette(taxonomy, settings)
    topics: list[Topic] = []
    for group in ranked:
        group = sorted(group, key=lambda p: (-p.score, p.key))
        names = [p.name for p in group]
        topic_id = _slug(names[0])
        while topic_id in used_ids:
            topic_id += "-2"
        used_ids.add(topic_id)
        label = " / ".join(names[:2])
        cues = sorted({form for p in group for form in p.forms})
        topics.append(make_topic(topic_id, label[:1].upper() + label[1:],
                                 colors[len(topics) % len(colors)], cues, "discovered"))
    return topics


NO_EDITS = DiscoveredEdits()  # a folder whose own file edits no discovered topic
NO_MEMORY = TopicMemory()  # topics discovered as new, and not remembered


def folder_taxonomy(documents: Sequence[Document], taxonomy: Taxonomy,
                    settings: Settings | None = None,
                    edits: DiscoveredEdits = NO_EDITS,
                    events: Sequence[Event] | None = None,
                    memory: TopicMemory = NO_MEMORY) -> Taxonomy:
    """The topics that fit the folder, with discovered ones added when they are needed
    (except those the folder's topics.toml deleted, and in the looks it gave them; under
    the ids and colours `memory` recognises them by). Given the folder's events, which
    already carry the taxonomy's topics, fit and coverage are read from them instead of
    the text."""
    settings = settings or _bundled_settings()
    if events is not None:
        return counted_taxonomy(documents, taxonomy, fit_counts(taxonomy, events), settings,
                                edits, memory)
    units = body_units(documents)
    fitted = fitting(taxonomy, units, settings)
    covered = sum(1 for unit in units if fitted.classify(unit.text))
    return _with_discovered(documents, fitted, settings, edits, len(units), covered, memory)


Discoverer = Callable[[Taxonomy], list[Topic]]  # the folder's own topics, given the fitting ones


def counted_taxonomy(documents: Sequence[Document] | Discoverer, taxonomy: Taxonomy,
                     counts: FitCounts, settings: Settings,
                     edits: DiscoveredEdits = NO_EDITS,
                     memory: TopicMemory = NO_MEMORY) -> Taxonomy:
    """`folder_taxonomy` from the body events' counts. Topics are discovered (from the
    documents, or by the given discoverer, e.g. a map/reduce over partitions) only when the
    fitting ones cover too little."""
    fitted = fitting_by_hits(taxonomy, counts.hits, counts.size, settings)
    kept = set(fitted.ids())
    covered = sum(n for topics, n in counts.topic_sets.items() if kept.intersection(topics))
    return _with_discovered(documents, fitted, settings, edits, counts.size, covered, memory)


def _with_discovered(documents: Sequence[Document] | Discoverer, fitted: Taxonomy,
                     settings: Settings, edits: DiscoveredEdits, size: int, covered: int,
                     memory: TopicMemory) -> Taxonomy:
    if not size or covered / size >= settings.coverage:
        return fitted
    found = (documents(fitted) if callable(documents)
             else discover(body_units(documents), fitted, settings))
    # Every engine comes here with the same topics: each gets the remembered ids here.
    found, remembered = recognise(found, memory.known, fitted.ids(),
                                  _palette(fitted, settings), edits.ids())
    memory.keep(remembered)
    return combine([*fitted.topics, *edits.apply(found)])


def suggest_cues(selected: Sequence[str], folder: Sequence[str],
                 settings: Settings | None = None, limit: int = 6) -> list[str]:
    """Cues for a new topic made from selected sentences: the one- and two-word phrases that
    are most over-represented in the selection against the whole folder (not names, not stop
    words), most distinctive first."""
    settings = settings or _bundled_settings()
    chosen = [Unit(text, 0, k, 0) for k, text in enumerate(selected)]
    everything = [Unit(text, 0, k, 0) for k, text in enumerate(folder)]
    loose = dataclasses.replace(settings, min_sentences=1, one_article_sentences=1,
                                min_documents=1, attach_sentences=1, max_share=1.0)
    empty = combine([])
    mine, rest = _candidates(chosen, loose, empty)
    share_in_folder = {p.key: p.sentences / max(1, len(everything))
                       for group in _candidates(everything, loose, empty) for p in group}
    scored = []
    for phrase in [*mine, *rest]:
        inside = phrase.sentences / max(1, len(chosen))
        if len(chosen) > 1 and phrase.sentences < 2:
            continue  # a cue should be shared by the selection
        scored.append((inside - share_in_folder.get(phrase.key, 0.0), phrase.key,
                       phrase.name))
    scored.sort(key=lambda s: (-s[0], s[1]))
    return [form for _, _, form in scored[:limit]]
