"""Clustering split by date bucket and topic finds the pairs the whole corpus does, the
comparison cap included: a month's dates give each event its reach, and each topic's
bucket links within it (what the Dask engine's shuffle does, without files)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bench.corpus import write_corpus
from viewer.core.events.document_events import Event
from viewer.core.pipeline import cluster
from viewer.core.pipeline.cluster import comparison_reach, links
from viewer.core.pipeline.folder_extraction import extract_folder

HALO = dt.timedelta(days=cluster.MAX_SPAN_DAYS)


def _month(day: dt.date) -> str:
    return day.strftime("%Y-%m")


def _sharded(events: list[Event]) -> set[tuple[str, str]]:
    order = {e.id: k for k, e in enumerate(events)}
    months: dict[str, list[Event]] = {}
    for e in events:
        if cluster.is_candidate(e) and e.start is not None:
            months.setdefault(_month(e.start), []).append(e)
            if _month(e.start - HALO) != _month(e.start):
                months.setdefault(_month(e.start - HALO), []).append(e)
    found: set[tuple[str, str]] = set()
    for month, bucket in months.items():
        def owner(e: Event, month: str = month) -> bool:
            return e.start is not None and _month(e.start) == month

        limit = {bucket[i].id: (bucket[j].start, order[bucket[j].id])
                 for i, j in comparison_reach(bucket, owner).items()}
        for topic in sorted({t for e in bucket for t in e.topics}):
            sub = [e for e in bucket if topic in e.topics]

            def reach(i: int, j: int, sub: list[Event] = sub,
                      limit: dict[str, tuple[dt.date | None, int]] = limit) -> bool:
                last = limit.get(sub[i].id)
                key = (sub[j].start, order[sub[j].id])
                return last is None or key <= last  # type: ignore[operator]

            found.update((sub[i].id, sub[j].id) for i, j in links(sub, owner, reach))
    return found


@pytest.mark.parametrize("cap", [2, 5, cluster.MAX_COMPARED])
def test_buckets_by_month_and_topic_find_the_corpus_pairs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cap: int) -> None:
    write_corpus(tmp_path, articles=40, seed=3)
    events = list(extract_folder(tmp_path, use_cache=False, workers=1).events)
    monkeypatch.setattr(cluster, "MAX_COMPARED", cap)
    whole = {(events[i].id, events[j].id) for i, j in links(events)}
    assert whole
    assert _sharded(events) == whole
    if cap == 2:  # the cap is what a topic split must reproduce: it bites here
        monkeypatch.setattr(cluster, "MAX_COMPARED", 10_000)
        assert {(events[i].id, events[j].id) for i, j in links(events)} != whole
