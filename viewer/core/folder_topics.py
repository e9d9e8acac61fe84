"""Topics that fit the folder: built-in topics only where the folder is about them, and the
folder's own topics discovered from its text when the taxonomy covers it poorly.

Why: a taxonomy written for one story files another story's words under the wrong heading
("tariffs" as sanctions, "hit" as a strike). A built-in topic with `anchors` (its unambiguous
cues) fits a folder only when those anchors occur in it; when the fitting topics leave too many
sentences without a topic, key phrases of the folder (frequent in it, in several documents,
not names, not in most sentences) are grouped by how often they share a paragraph, and each
group becomes a *discovered* topic named by its top phrases, with those phrases as cues.
Everything is counted in one pass over the sentences; grouping works on a few dozen phrases.
Deterministic: every choice is ordered by count, then by text.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from viewer.core.events import Event
from viewer.core.model import Document
from viewer.core.resources import build_for_folder
from viewer.core.topic_colours import distinct_colours
from viewer.core.topics import Taxonomy, Topic, combine, make_topic

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class Settings:
    coverage: float
    anchor_sentences: int
    small_folder: int
    max_topics: int
    min_sentences: int
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
        int(d["min_sentences"]), int(d["min_documents"]), int(d.get("attach_sentences", 2)),
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
    anchored = [t for t in taxonomy.topics if t.anchors]
    hits: Counter[str] = Counter()
    if not anchored:
        return hits
    anchors = combine([make_topic(t.id, t.label, t.color, t.anchors, blockers=t.blockers)
                       for t in anchored])
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


def _key(word: str) -> str:
    """One key for a word's singular and plural ("duties", "duty")."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("es") and word[-3] in "sxh":
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@dataclass(slots=True)
class _Phrase:
    key: str
    forms: Counter[str]
    sentences: set[int]
    documents: set[int]
    paragraphs: set[tuple[int, int]]
    score: float = 0.0


def _candidates(units: Sequence[Unit], settings: Settings, taxonomy: Taxonomy
                ) -> tuple[list[_Phrase], list[_Phrase]]:
    """Salient key phrases (one or two words), most salient first; and the less salient ones
    that may join a topic as extra cues."""
    capital: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    modifier: Counter[str] = Counter()  # times a word stands right before another content word
    phrases: dict[str, _Phrase] = {}
    stop = settings.stopwords

    def note(key: str, form: str, index: int, unit: Unit) -> None:
        phrase = phrases.get(key)
        if phrase is None:
            phrase = phrases[key] = _Phrase(key, Counter(), set(), set(), set())
        phrase.forms[form] += 1
        phrase.sentences.add(index)
        phrase.documents.add(unit.document)
        phrase.paragraphs.add((unit.document, unit.paragraph))

    for index, unit in enumerate(units):
        previous: tuple[str, str] | None = None
        for match in _TOKEN.finditer(unit.text):
            word = match.group(0)
            lower = word.lower().replace("’", "'")
            if lower.endswith("'s"):  # "the court's": the court
                lower = lower[:-2]
            if match.start() > unit.first_word:
                seen[lower] += 1
                capital[lower] += word[0].isupper()
            if lower in stop or len(lower) < 3:
                previous = None
                continue
            key = _key(lower)
            note(key, lower, index, unit)
            if previous is not None:
                note(previous[0] + " " + key, previous[1] + " " + lower, index, unit)
                modifier[previous[0]] += 1
            previous = (key, lower)
    total = max(1, len(units))
    chosen: list[_Phrase] = []
    extra: list[_Phrase] = []
    for phrase in phrases.values():
        df = len(phrase.sentences)
        if (df < settings.attach_sentences or len(phrase.documents) < settings.min_documents
                or df / total > settings.max_share):
            continue
        strict = df >= settings.min_sentences
        words = phrase.forms.most_common(1)[0][0].split()
        if len(words) == 1 and words[0].endswith(settings.not_endings):
            continue
        if any(not seen[w] or capital[w] / seen[w] >= settings.proper_share for w in words):
            continue  # a name (person, place, party): who, not what; or never seen mid-sentence
        total_uses = sum(phrase.forms.values())
        if len(words) == 1 and modifier[phrase.key] >= settings.modifier_share * total_uses:
            continue  # nearly always a modifier ("electric cars"): its pairs carry it
        if taxonomy.classify(" ".join(phrase.forms)):
            continue  # the folder's fitting topics already cover it
        phrase.score = df * math.log(total / df)
        (chosen if strict else extra).append(phrase)
    chosen.sort(key=lambda p: (-p.score, p.key))
    extra.sort(key=lambda p: (-p.score, p.key))
    chosen = chosen[: 2 * settings.phrases]
    # A one-word phrase that only ever occurs inside one chosen two-word phrase adds nothing.
    pairs = [p for p in chosen if " " in p.key]
    kept = [p for p in chosen if " " in p.key or not any(
        p.key in q.key.split() and q.sentences == p.sentences for q in pairs)]
    return kept[: settings.phrases], kept[settings.phrases:] + extra[: 4 * settings.phrases]


def _groups(phrases: list[_Phrase], link: float) -> list[list[_Phrase]]:
    """Average-linkage grouping by the cosine of the paragraph sets two phrases occur in."""
    n = len(phrases)
    sim = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            a, b = phrases[i].paragraphs, phrases[j].paragraphs
            sim[i][j] = sim[j][i] = len(a & b) / math.sqrt(len(a) * len(b))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    while len(members) > 1:
        best, pair = link, None
        alive = sorted(members)
        for x, i in enumerate(alive):
            for j in alive[x + 1:]:
                if sim[i][j] > best:
                    best, pair = sim[i][j], (i, j)
        if pair is None:
            break
        i, j = pair
        ni, nj = len(members[i]), len(members[j])
        for k in members:
            if k not in pair:
                sim[i][k] = sim[k][i] = (ni * sim[i][k] + nj * sim[j][k]) / (ni + nj)
        members[i] += members.pop(j)
    return [[phrases[m] for m in sorted(group)] for _, group in sorted(members.items())]


def _attach(groups: list[list[_Phrase]], rest: list[_Phrase]) -> None:
    """The less salient phrases join the topic whose phrases they share most paragraphs with
    (as extra cues; they never name a topic or start one), so more sentences find a topic."""
    if not groups:
        return
    spread = [set().union(*(p.paragraphs for p in g)) for g in groups]
    for phrase in rest:
        overlaps = [len(phrase.paragraphs & where) / len(phrase.paragraphs) for where in spread]
        best = max(range(len(groups)), key=lambda k: (overlaps[k], -k))
        if overlaps[best] > 0:
            groups[best].append(dataclasses.replace(phrase, score=0.0))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "topic"


def discover(units: Sequence[Unit], taxonomy: Taxonomy, settings: Settings) -> list[Topic]:
    """The folder's own topics: groups of key phrases, biggest first."""
    salient, rest = _candidates(units, settings, taxonomy)
    groups = _groups(salient, settings.link)
    ranked = sorted(groups, key=lambda g: (-sum(p.score for p in g), g[0].key))
    ranked = [g for g in ranked if len(set().union(*(p.sentences for p in g)))
              >= settings.min_sentences][: settings.max_topics]
    _attach(ranked, rest)
    used_ids = set(taxonomy.ids())
    colors = distinct_colours(settings.colors, (t.color for t in taxonomy.topics),
                              settings.min_color_distance)
    topics: list[Topic] = []
    for group in ranked:
        group = sorted(group, key=lambda p: (-p.score, p.key))
        names = [p.forms.most_common(1)[0][0] for p in group]
        topic_id = _slug(names[0])
        while topic_id in used_ids:
            topic_id += "-2"
        used_ids.add(topic_id)
        label = " / ".join(names[:2])
        cues = sorted({form for p in group for form in p.forms})
        topics.append(make_topic(topic_id, label[:1].upper() + label[1:],
                                 colors[len(topics) % len(colors)], cues, "discovered"))
    return topics


def folder_taxonomy(documents: Sequence[Document], taxonomy: Taxonomy,
                    settings: Settings | None = None,
                    deleted: frozenset[str] = frozenset(),
                    events: Sequence[Event] | None = None) -> Taxonomy:
    """The topics that fit the folder, with discovered ones added when they are needed
    (except those the folder's topics.toml deleted). Given the folder's events, which already
    carry the taxonomy's topics, fit and coverage are read from them instead of the text."""
    settings = settings or _bundled_settings()
    if events is not None:
        return counted_taxonomy(documents, taxonomy, fit_counts(taxonomy, events), settings,
                                deleted)
    units = body_units(documents)
    fitted = fitting(taxonomy, units, settings)
    covered = sum(1 for unit in units if fitted.classify(unit.text))
    return _with_discovered(documents, fitted, settings, deleted, len(units), covered)


def counted_taxonomy(documents: Sequence[Document], taxonomy: Taxonomy, counts: FitCounts,
                     settings: Settings, deleted: frozenset[str] = frozenset()) -> Taxonomy:
    """`folder_taxonomy` from the body events' counts (`documents` are read only when topics
    must be discovered)."""
    fitted = fitting_by_hits(taxonomy, counts.hits, counts.size, settings)
    kept = set(fitted.ids())
    covered = sum(n for topics, n in counts.topic_sets.items() if kept.intersection(topics))
    return _with_discovered(documents, fitted, settings, deleted, counts.size, covered)


def _with_discovered(documents: Sequence[Document], fitted: Taxonomy, settings: Settings,
                     deleted: frozenset[str], size: int, covered: int) -> Taxonomy:
    if not size or covered / size >= settings.coverage:
        return fitted
    found = [t for t in discover(body_units(documents), fitted, settings) if t.id not in deleted]
    return combine([*fitted.topics, *found])


def suggest_cues(selected: Sequence[str], folder: Sequence[str],
                 settings: Settings | None = None, limit: int = 6) -> list[str]:
    """Cues for a new topic made from selected sentences: the one- and two-word phrases that
    are most over-represented in the selection against the whole folder (not names, not stop
    words), most distinctive first."""
    settings = settings or _bundled_settings()
    chosen = [Unit(text, 0, k, 0) for k, text in enumerate(selected)]
    everything = [Unit(text, 0, k, 0) for k, text in enumerate(folder)]
    loose = dataclasses.replace(settings, min_sentences=1, min_documents=1, attach_sentences=1,
                                max_share=1.0)
    empty = combine([])
    mine, rest = _candidates(chosen, loose, empty)
    share_in_folder = {p.key: len(p.sentences) / max(1, len(everything))
                       for group in _candidates(everything, loose, empty) for p in group}
    scored = []
    for phrase in [*mine, *rest]:
        inside = len(phrase.sentences) / max(1, len(chosen))
        if len(chosen) > 1 and len(phrase.sentences) < 2:
            continue  # a cue should be shared by the selection
        scored.append((inside - share_in_folder.get(phrase.key, 0.0), phrase.key,
                       phrase.forms.most_common(1)[0][0]))
    scored.sort(key=lambda s: (-s[0], s[1]))
    return [form for _, _, form in scored[:limit]]
