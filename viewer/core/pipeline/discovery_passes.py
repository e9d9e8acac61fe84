"""Topic discovery as three passes whose results add up over shares of a folder.

Why: a corpus too big for one machine discovers its topics as a map/reduce over partitions of
whole documents. A sentence or paragraph belongs to one document, so every statistic the
choice reads (phrase frequencies; the sentences and paragraphs two chosen phrases share; the
sentences of a group and the paragraphs a less salient phrase shares with it) is a sum over
partitions. The local engine runs the same passes over the whole folder at once.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from viewer.core.events.topics import Taxonomy

if TYPE_CHECKING:
    from viewer.core.pipeline.folder_topics import Settings, Unit

TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")  # a word, hyphens and apostrophes inside


def normal_word(word: str) -> str:
    """A token as phrases count it: lower case, one apostrophe, no possessive ("the court's":
    the court)."""
    lower = word.lower().replace("’", "'")
    return lower[:-2] if lower.endswith("'s") else lower


def key_of(word: str) -> str:
    """One key for a word's singular and plural ("duties", "duty")."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("es") and word[-3] in "sxh":
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@dataclass(frozen=True, slots=True)
class PhraseCounts:
    """Pass 1 over (a share of) a folder's units: what choosing the key phrases reads. The
    counts of shares of whole documents add up (`add_phrase_counts`, in corpus order, so each
    phrase's forms keep the order they were first seen in and ties name it the same way)."""

    units: int
    seen: Counter[str]  # word → times seen after a sentence's first word
    capital: Counter[str]  # word → of those, times capitalised
    modifier: Counter[str]  # key → times right before another content word
    forms: dict[str, Counter[str]]  # phrase key → its forms and their uses
    sentences: Counter[str]  # phrase key → units it is in
    documents: Counter[str]  # phrase key → documents it is in
    folder_documents: int = 0  # documents the units come from


@dataclass(slots=True)
class Where:
    """The units and paragraphs one phrase occurs in, within one share of the folder."""

    sentences: set[int]
    paragraphs: set[tuple[int, int]]


def scan(units: Sequence[Unit], stop: frozenset[str], only: frozenset[str] | None = None
          ) -> tuple[PhraseCounts, dict[str, Where]]:
    """One pass over the units: the phrase counts, and where each phrase (or each of `only`)
    occurs."""
    capital: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    modifier: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    documents: dict[str, set[int]] = {}
    where: dict[str, Where] = {}

    def note(key: str, form: str, index: int, unit: Unit) -> None:
        if only is not None and key not in only:
            return
        place = where.get(key)
        if place is None:
            place = where[key] = Where(set(), set())
            forms[key] = Counter()
            documents[key] = set()
        forms[key][form] += 1
        place.sentences.add(index)
        place.paragraphs.add((unit.document, unit.paragraph))
        documents[key].add(unit.document)

    for index, unit in enumerate(units):
        previous: tuple[str, str] | None = None
        for match in TOKEN.finditer(unit.text):
            word = match.group(0)
            lower = normal_word(word)
            if match.start() > unit.first_word:
                seen[lower] += 1
                capital[lower] += word[0].isupper()
            if lower in stop or len(lower) < 3:
                previous = None
                continue
            key = key_of(lower)
            note(key, lower, index, unit)
            if previous is not None:
                note(previous[0] + " " + key, previous[1] + " " + lower, index, unit)
                modifier[previous[0]] += 1
            previous = (key, lower)
    counts = PhraseCounts(len(units), seen, capital, modifier, forms,
                          Counter({k: len(w.sentences) for k, w in where.items()}),
                          Counter({k: len(d) for k, d in documents.items()}),
                          len({unit.document for unit in units}))
    return counts, where


def phrase_counts(units: Sequence[Unit], settings: Settings) -> PhraseCounts:
    """Pass 1 (map) over one share of whole documents."""
    return scan(units, settings.stopwords)[0]


def add_phrase_counts(shares: Iterable[PhraseCounts]) -> PhraseCounts:
    """The sum of shares, taken in corpus order."""
    total = PhraseCounts(0, Counter(), Counter(), Counter(), {}, Counter(), Counter())
    size = folders = 0
    for share in shares:
        size += share.units
        folders += share.folder_documents
        total.seen.update(share.seen)
        total.capital.update(share.capital)
        total.modifier.update(share.modifier)
        for key, forms in share.forms.items():
            total.forms.setdefault(key, Counter()).update(forms)
        total.sentences.update(share.sentences)
        total.documents.update(share.documents)
    return dataclasses.replace(total, units=size, folder_documents=folders)


@dataclass(frozen=True, slots=True)
class Phrase:
    key: str
    forms: Counter[str]
    sentences: int  # units it is in
    score: float = 0.0

    @property
    def name(self) -> str:
        return self.forms.most_common(1)[0][0]


def needed_sentences(settings: Settings, folder_documents: int) -> int:
    """The sentences a key phrase (and a group of them) must occur in to make a topic.

    A folder of one article repeats a heading's word in fewer sentences than a story told by
    several outlets, where each retells it: there two sentences are enough."""
    if folder_documents == 1:
        return min(settings.min_sentences, settings.one_article_sentences)
    return settings.min_sentences


def choose(counts: PhraseCounts, settings: Settings, taxonomy: Taxonomy
            ) -> tuple[list[Phrase], list[Phrase]]:
    """Salient key phrases (one or two words; at most twice the phrases a folder keeps), most
    salient first; and the less salient ones that may join a topic as extra cues."""
    total = max(1, counts.units)
    chosen: list[Phrase] = []
    extra: list[Phrase] = []
    seen, capital, modifier = counts.seen, counts.capital, counts.modifier
    # A folder of one article has its own topics too: its phrases cannot recur across more
    # documents than it has.
    min_documents = max(1, min(settings.min_documents, counts.folder_documents))
    needed = needed_sentences(settings, counts.folder_documents)
    for key, forms in counts.forms.items():
        df = counts.sentences[key]
        if (df < settings.attach_sentences or counts.documents[key] < min_documents
                or df / total > settings.max_share):
            continue
        strict = df >= needed
        words = forms.most_common(1)[0][0].split()
        if len(words) == 1 and words[0].endswith(settings.not_endings):
            continue
        if any(not seen[w] or capital[w] / seen[w] >= settings.proper_share for w in words):
            continue  # a name (person, place, party): who, not what; or never seen mid-sentence
        total_uses = sum(forms.values())
        if len(words) == 1 and modifier[key] >= settings.modifier_share * total_uses:
            continue  # nearly always a modifier ("electric cars"): its pairs carry it
        if taxonomy.classify(" ".join(forms)):
            continue  # the folder's fitting topics already cover it
        (chosen if strict else extra).append(Phrase(key, forms, df, df * math.log(total / df)))
    chosen.sort(key=lambda p: (-p.score, p.key))
    extra.sort(key=lambda p: (-p.score, p.key))
    return chosen[: 2 * settings.phrases], extra[: 4 * settings.phrases]


@dataclass(frozen=True, slots=True)
class PairCounts:
    """Pass 2 for the chosen phrases (and the extra ones' paragraph counts): what pruning and
    grouping read. Sentences and paragraphs belong to one document, so shares add up."""

    paragraphs: Counter[str]  # phrase key → paragraphs it is in
    shared_sentences: Counter[tuple[str, str]]  # (a, b), a before b in the chosen order
    shared_paragraphs: Counter[tuple[str, str]]


def pairs_in(where: dict[str, Where], chosen: Sequence[str], extra: Sequence[str]
                 ) -> PairCounts:
    empty = Where(set(), set())
    places = [where.get(k, empty) for k in chosen]
    sentences: Counter[tuple[str, str]] = Counter()
    paragraphs: Counter[tuple[str, str]] = Counter()
    for i, a in enumerate(chosen):
        for j in range(i + 1, len(chosen)):
            b = chosen[j]
            sentences[a, b] += len(places[i].sentences & places[j].sentences)
            paragraphs[a, b] += len(places[i].paragraphs & places[j].paragraphs)
    return PairCounts(Counter({k: len(where.get(k, empty).paragraphs) for k in [*chosen, *extra]}),
                      sentences, paragraphs)


def pair_counts(units: Sequence[Unit], settings: Settings, chosen: Sequence[str],
                extra: Sequence[str]) -> PairCounts:
    """Pass 2 (map) over one share of whole documents."""
    return pairs_in(scan(units, settings.stopwords, frozenset([*chosen, *extra]))[1],
                        chosen, extra)


def add_pair_counts(shares: Iterable[PairCounts]) -> PairCounts:
    total = PairCounts(Counter(), Counter(), Counter())
    for share in shares:
        total.paragraphs.update(share.paragraphs)
        total.shared_sentences.update(share.shared_sentences)
        total.shared_paragraphs.update(share.shared_paragraphs)
    return total


def _shared(pairs: Counter[tuple[str, str]], a: str, b: str) -> int:
    return pairs[a, b] + pairs[b, a]


def prune(chosen: list[Phrase], extra: list[Phrase], pairs: PairCounts, settings: Settings
           ) -> tuple[list[Phrase], list[Phrase]]:
    """A one-word phrase that only ever occurs inside one chosen two-word phrase adds nothing
    (same sentences: the same number of them, all shared)."""
    two = [p for p in chosen if " " in p.key]
    kept = [p for p in chosen if " " in p.key or not any(
        p.key in q.key.split() and q.sentences == p.sentences
        and _shared(pairs.shared_sentences, p.key, q.key) == p.sentences for q in two)]
    return kept[: settings.phrases], kept[settings.phrases:] + extra


def grouped(phrases: list[Phrase], pairs: PairCounts, link: float) -> list[list[Phrase]]:
    """Average-linkage grouping by the cosine of the paragraph sets two phrases occur in."""
    n = len(phrases)
    sim = [[0.0] * n for _ in range(n)]
    size = [pairs.paragraphs[p.key] for p in phrases]
    for i in range(n):
        for j in range(i + 1, n):
            both = _shared(pairs.shared_paragraphs, phrases[i].key, phrases[j].key)
            sim[i][j] = sim[j][i] = both / math.sqrt(size[i] * size[j])
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


@dataclass(frozen=True, slots=True)
class GroupCounts:
    """Pass 3 once the groups are known: each group's sentences (the size of the union of its
    phrases'), and each less salient phrase's paragraphs shared with each group's."""

    sentences: tuple[int, ...]  # by group
    shared: dict[str, tuple[int, ...]]  # rest phrase key → by group


def groups_in(where: dict[str, Where], groups: Sequence[Sequence[str]],
                  rest: Sequence[str]) -> GroupCounts:
    empty = Where(set(), set())
    sentences = [set().union(*(where.get(k, empty).sentences for k in g)) for g in groups]
    spread = [set().union(*(where.get(k, empty).paragraphs for k in g)) for g in groups]
    return GroupCounts(tuple(len(s) for s in sentences), {
        k: tuple(len(where.get(k, empty).paragraphs & s) for s in spread) for k in rest})


def group_counts(units: Sequence[Unit], settings: Settings, groups: Sequence[Sequence[str]],
                 rest: Sequence[str]) -> GroupCounts:
    """Pass 3 (map) over one share of whole documents."""
    keys = frozenset([*(k for g in groups for k in g), *rest])
    return groups_in(scan(units, settings.stopwords, keys)[1], groups, rest)


def add_group_counts(shares: Iterable[GroupCounts], groups: int, rest: Sequence[str]
                     ) -> GroupCounts:
    sentences = [0] * groups
    shared = {k: [0] * groups for k in rest}
    for share in shares:
        sentences = [a + b for a, b in zip(sentences, share.sentences, strict=True)]
        for k, by_group in share.shared.items():
            shared[k] = [a + b for a, b in zip(shared[k], by_group, strict=True)]
    return GroupCounts(tuple(sentences), {k: tuple(v) for k, v in shared.items()})
