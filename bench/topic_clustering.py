"""Would clustering the folder's sentences give better topics than key-phrase groups?
`python -m bench.topic_clustering [STORY …]` (needs the `study` extra: scikit-learn).

A study, not a speed goal: on the unseen-story sample it scores, with the same one-to-one
mapping as `bench.unseen`, the topics the app finds now against topics found by clustering
the folder's body sentences: TF-IDF over words and two-word phrases (the discovery stop
words from `resources/discovery.toml`), each sentence's vector joined by its paragraph's mean
(a sentence without a topic word of its own reads as its paragraph), then NMF (nndsvd start,
deterministic) or k-means (fixed seed) with k topics. An event takes its sentence's strongest
component, and the second one when it scores at least `second` of the first. The built-in
topics that fit the folder are kept beside the clusters. Two more rows bound what context can
do: an event with no topic taking the last topic of its paragraph, and (an oracle, reading
the annotation) every event taking its article's most frequent annotated topic.

It also prints the CPU time the clustering took per MB of body text, beside the app's whole
folder stage (`folder_stage`, where discovery runs), so a change of method is weighed by its
cost too. Why this exists: "Where the topic score is lost" (docs/events-accuracy-history.md)
concludes that topics made of counted cue words stay far from the reader's headings; this
checks whether a model of what each sentence is about, from a well-kept library, does better
before the app pays for it.
"""

from __future__ import annotations

import argparse
import dataclasses
import time
import tomllib
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from bench.unseen import UNSEEN, _find, f1, topic_mapping
from viewer.core.events.document_events import Event
from viewer.core.pipeline import folder_extraction
from viewer.core.pipeline.folder_extraction import FolderExtraction, extract_folder
from viewer.core.pipeline.folder_topics import load_settings

Pairs = list[tuple[set[str], set[str]]]
Assign = Callable[[FolderExtraction], list[set[str]]]  # topics per event, in event order


@dataclasses.dataclass(frozen=True, slots=True)
class Variant:
    """One way of clustering a folder's sentences."""

    method: str  # "nmf" or "kmeans"
    k: int  # 0: the k from 4 to 8 whose NMF topics stay most stable (`_stable_k`)
    context: float = 1.0  # weight of the paragraph's mean vector
    second: float = 0.6  # a second topic when its score is at least this share of the first


VARIANTS = (
    Variant("nmf", 5), Variant("nmf", 6), Variant("nmf", 8), Variant("nmf", 6, context=0.0),
    Variant("nmf", 6, second=0.0), Variant("nmf", 0), Variant("kmeans", 5),
    Variant("kmeans", 8),
)


def _stable_k(joined: Any) -> int:
    """The number of topics (4 to 8) whose sentence clusters (each sentence's strongest NMF
    component) agree most between the deterministic start and two seeded random ones
    (adjusted Rand index, mean); ties go to fewer topics."""
    from sklearn.decomposition import NMF
    from sklearn.metrics import adjusted_rand_score

    best, best_k = -2.0, 4
    for k in range(4, min(8, len(joined)) + 1):
        base = NMF(k, init="nndsvd", max_iter=400).fit_transform(joined).argmax(axis=1)
        agree = [adjusted_rand_score(base, NMF(k, init="random", random_state=seed,
                                               max_iter=400).fit_transform(joined).argmax(axis=1))
                 for seed in (0, 1)]
        if sum(agree) / 2 > best + 1e-9:
            best, best_k = sum(agree) / 2, k
    return best_k


def _body(extraction: FolderExtraction) -> tuple[list[str], list[tuple[int, int]],
                                                 dict[tuple[str, int], int]]:
    """Body sentences' texts, their (document, paragraph), and (relpath, sentence) → row."""
    texts: list[str] = []
    where: list[tuple[int, int]] = []
    row: dict[tuple[str, int], int] = {}
    for number, doc in enumerate(extraction.documents):
        for index, sentence in enumerate(doc.sentences):
            if sentence.boilerplate is None:
                row[(doc.relpath, index)] = len(texts)
                texts.append(doc.sentence_text(sentence))
                where.append((number, sentence.paragraph))
    return texts, where, row


def clustered(variant: Variant, cpu: list[float]) -> Assign:
    """Topics per event from clusters of the folder's sentences (and the fitting built-in
    topics); adds the clustering's CPU seconds to `cpu`."""
    import numpy as np
    from sklearn.cluster import KMeans
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    stop = sorted(w for w in load_settings().stopwords if " " not in w)

    def assign(extraction: FolderExtraction) -> list[set[str]]:
        started = time.process_time()
        texts, where, row = _body(extraction)
        vectors = TfidfVectorizer(ngram_range=(1, 2), min_df=2, stop_words=stop,
                                  token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z-]+\b",
                                  sublinear_tf=True).fit_transform(texts).toarray()
        rows: defaultdict[tuple[int, int], list[int]] = defaultdict(list)
        for k, key in enumerate(where):
            rows[key].append(k)
        means = {key: vectors[members].mean(axis=0) for key, members in rows.items()}
        joined = vectors + variant.context * np.stack([means[key] for key in where])
        k = min(variant.k or _stable_k(joined), len(texts))
        if variant.method == "kmeans":
            labels = KMeans(k, n_init=10, random_state=0).fit(normalize(joined)).labels_
            weights = np.zeros((len(texts), k))
            weights[np.arange(len(texts)), labels] = 1.0
        else:
            weights = NMF(k, init="nndsvd", random_state=0, max_iter=400).fit_transform(joined)
        cpu.append(time.process_time() - started)
        builtin = {t.id for t in extraction.taxonomy.topics if t.origin != "discovered"}
        out = []
        for event in extraction.events:
            topics = {t for t in event.topics if t in builtin}
            at = row.get((event.document, event.sentence))
            if at is not None and weights[at].max() > 0:
                order = np.argsort(-weights[at], kind="stable")
                topics.add(f"cluster-{order[0]}")
                best, runner = weights[at][order[0]], weights[at][order[1]]
                if variant.second and runner >= variant.second * best:
                    topics.add(f"cluster-{order[1]}")
            out.append(topics)
        return out

    return assign


def as_found(extraction: FolderExtraction) -> list[set[str]]:
    return [set(e.topics) for e in extraction.events]


def paragraph_inherited(extraction: FolderExtraction) -> list[set[str]]:
    """The app's topics, an event without any taking the last topics of its paragraph."""
    docs = {d.relpath: d for d in extraction.documents}
    last: dict[tuple[str, int], set[str]] = {}
    out = []
    for event in extraction.events:
        doc = docs.get(event.document)
        inside = doc is not None and event.sentence < len(doc.sentences)
        key = (event.document, doc.sentences[event.sentence].paragraph if inside and doc
               else -1)
        topics = set(event.topics) or (set() if event.boilerplate else last.get(key, set()))
        if topics and not event.boilerplate:
            last[key] = topics
        out.append(topics)
    return out


def paired(items: Sequence[dict[str, Any]], events: Sequence[Event],
           topics: Sequence[set[str]]) -> Pairs:
    """(annotated topics, found topics) of each annotated event that was found."""
    position = {id(e): k for k, e in enumerate(events)}
    listed = list(events)
    pairs: Pairs = []
    for item in items:
        event = _find(listed, item["doc"], item["fragment"])
        if event is not None:
            pairs.append((set(item.get("topics", [])), topics[position[id(event)]]))
    return pairs


def mapped_counts(pairs: Pairs) -> list[int]:
    """(tp, fp, fn) under `bench.unseen`'s one-to-one mapping."""
    mapping = topic_mapping(pairs)
    counts = [0, 0, 0]
    for gold, got in pairs:
        named = {mapping.get(t, t) for t in got}
        counts[0] += len(gold & named)
        counts[1] += len(named - gold)
        counts[2] += len(gold - named)
    return counts


def score(items: Sequence[dict[str, Any]], events: Sequence[Event],
          topics: Sequence[set[str]]) -> tuple[list[int], int, int]:
    """(tp, fp, fn) under the one-to-one mapping, body events with a topic, body events."""
    body = [k for k, e in enumerate(events) if not e.boilerplate]
    return (mapped_counts(paired(items, events, topics)), sum(1 for k in body if topics[k]),
            len(body))


def best_subset_counts(pairs: Pairs) -> list[int]:
    """An oracle: the found topics dropped one at a time, each time the one whose removal
    raises the folder's F1 most (read from the annotation), until none does. It bounds what
    any rule that keeps fewer of today's topics can reach (a dozen topics per folder, so the
    quadratic search over topics stays small)."""
    dropped: set[str] = set()
    while True:
        now = f1(*mapped_counts([(g, f - dropped) for g, f in pairs]))[2]
        trials = sorted({t for _, f in pairs for t in f} - dropped)
        gains = [(f1(*mapped_counts([(g, f - dropped - {t}) for g, f in pairs]))[2], t)
                 for t in trials]
        best = max(gains, key=lambda g: g[0], default=None)  # ties: the first by name
        if best is None or best[0] <= now + 1e-9:
            return mapped_counts([(g, f - dropped) for g, f in pairs])
        dropped.add(best[1])


def oracle_counts(items: Sequence[dict[str, Any]]) -> list[int]:
    """Every annotated event given its article's most frequent annotated topic."""
    by_doc: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for item in items:
        by_doc[item["doc"]].update(item.get("topics", []))
    counts = [0, 0, 0]
    for item in items:
        gold = set(item.get("topics", []))
        common = by_doc[item["doc"]].most_common(1)
        got = {common[0][0]} if common else set()
        counts[0] += len(gold & got)
        counts[1] += len(got - gold)
        counts[2] += len(gold - got)
    return counts


def timed(cpu: list[float], function: Callable[..., Any]) -> Callable[..., Any]:
    """`function`, adding the CPU seconds of each call to `cpu`."""
    def run(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            cpu.append(time.process_time() - started)
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("stories", nargs="*", help="story folder names (default: all)")
    args = parser.parse_args()
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise SystemExit("this study needs scikit-learn: pip install -e '.[study]'") from None
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    warnings.simplefilter("ignore", ConvergenceWarning)  # a random start may stop at max_iter
    stories = sorted(p for p in UNSEEN.iterdir() if (p / "annotations.toml").is_file()
                     and (not args.stories or p.name in args.stories))
    # The app's topic stage (fit the taxonomy, discover, re-read the events' topics, give the
    # nearest topic to events without one) runs in this process after the workers'
    # extraction: timed here by wrapping its three steps.
    topic_cpu: list[float] = []
    folder_extraction.folder_taxonomy = timed(topic_cpu, folder_extraction.folder_taxonomy)
    folder_extraction.with_topics = timed(topic_cpu, folder_extraction.with_topics)
    folder_extraction.nearest_topics = timed(topic_cpu, folder_extraction.nearest_topics)
    folders = []
    stage_cpu = 0.0
    body_bytes = 0
    for story in stories:
        items = tomllib.loads((story / "annotations.toml").read_text("utf-8"))["event"]
        started = time.process_time()
        extraction = extract_folder(story, workers=1, use_cache=False)  # all CPU here
        stage_cpu += time.process_time() - started
        body_bytes += sum(len(t.encode("utf-8")) for t in _body(extraction)[0])
        folders.append((items, extraction))
    rows: list[tuple[str, Assign, list[float]]] = [
        ("the app's topics as they are", as_found, []),
        ("... an event with none takes its paragraph's last", paragraph_inherited, []),
    ]
    for v in VARIANTS:
        cpu: list[float] = []
        name = (f"{v.method} k={v.k or 'by stability'}, paragraph weight {v.context:g}, "
                f"second topic at {v.second:g}")
        rows.append((name, clustered(v, cpu), cpu))
    megabytes = body_bytes / 1e6
    print(f"{len(stories)} stories, {megabytes:.3f} MB of body text; CPU per MB of it: the "
          f"whole extraction {stage_cpu / megabytes:.2f} s/MB, of which the app's topic stage "
          f"{sum(topic_cpu) / megabytes:.2f} s/MB")
    print(f"{'topics':62} {'P / R / F1':>18}  with topic  cluster CPU s/MB")
    for name, assign, cpu in rows:
        total = [0, 0, 0]
        covered = size = 0
        for items, extraction in folders:
            counts, with_topic, body = score(items, extraction.events, assign(extraction))
            total = [a + b for a, b in zip(total, counts, strict=True)]
            covered += with_topic
            size += body
        p, r, f = f1(*total)
        cost = f"{sum(cpu) / megabytes:.2f}" if cpu else "-"
        print(f"{name:62} {p:.2f} / {r:.2f} / {f:.3f}  {covered / max(1, size):9.0%}  {cost:>8}")
    oracle, subset = [0, 0, 0], [0, 0, 0]
    for items, extraction in folders:
        oracle = [a + b for a, b in zip(oracle, oracle_counts(items), strict=True)]
        pairs = paired(items, extraction.events, as_found(extraction))
        subset = [a + b for a, b in zip(subset, best_subset_counts(pairs), strict=True)]
    for name, counts in (("oracle: the app's topics less those the annotation says hurt",
                          subset),
                         ("oracle: the article's most frequent annotated topic", oracle)):
        p, r, f = f1(*counts)
        print(f"{name:62} {p:.2f} / {r:.2f} / {f:.3f}")


if __name__ == "__main__":
    main()
