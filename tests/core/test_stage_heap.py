"""What the folder stage holds while a large folder opens: values shared rather than made
per row, the stage's workers fresh rather than the extraction's, heap pages given back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bench.corpus import write_corpus
from viewer.core.pipeline.coded_lists import CodedLists
from viewer.core.pipeline.document_summary import EventNotes
from viewer.core.session import Session, cold_open
from viewer.core.session import extracting_load as loading
from viewer.core.session.columns import NO_DAY
from viewer.core.session.stage_marks import _said


def test_days_and_cluster_ids_are_one_object_per_distinct_value(tmp_path: Path) -> None:
    """A cluster's id and a day are many rows' values: each distinct one is made once (the
    dispute shares of a 64 MB folder held a date and a string per row), and the values are
    those converted row by row."""
    write_corpus(tmp_path / "corpus", 30, seed=3)
    session = Session.open(tmp_path / "corpus", workers=1, use_snapshot=False,
                           with_store=False)
    columns = session.columns
    rows = np.arange(columns.size, dtype=np.int64)
    for name in ("start", "end", "reported"):
        days = columns.values(name, rows)
        raw = columns.arrays[name][rows].tolist()
        assert days == [dt.date.fromordinal(v) if v != NO_DAY else None for v in raw]
        assert len({id(d) for d in days if d is not None}) == len(set(days) - {None})
    clusters = columns.values("cluster", rows)
    assert clusters == [v.decode("utf-8") for v in columns.arrays["cluster"].tolist()]
    assert len({id(c) for c in clusters}) == len(set(clusters)) < len(clusters)
    ids = columns.values("id", rows)
    assert ids == [v.decode("utf-8") for v in columns.arrays["id"].tolist()]
    session.close()


def test_rows_stating_no_figure_share_their_answer() -> None:
    """What each disputed row's text says: rows without a figure share one of two answers
    (read only), rows with figures get their own counts."""
    figures = CodedLists(("protesters=300", "dead=4"), np.array([0, 1, 0], dtype=np.int32),
                         np.array([0, 0, 2, 2, 2, 3], dtype=np.int64))
    empty = CodedLists((), np.zeros(0, dtype=np.int32), np.zeros(6, dtype=np.int64))
    notes = EventNotes(empty, empty, figures,
                       np.array([True, False, False, True, False], dtype=bool))
    said = _said(notes, np.arange(5, dtype=np.int64))
    assert said == [({}, True), ({"protesters": 300, "dead": 4}, False), ({}, False),
                    ({}, True), ({"protesters": 300}, False)]
    assert said[0] is said[3] and said[2] is not said[0]


def _count(calls: list[Any], function: Any) -> Any:
    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return function(*args, **kwargs)

    return counted


def test_the_stage_runs_in_fresh_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                         ) -> None:
    """The extraction's workers end before the stage, which gets new ones from the fork
    server (what extraction remembered is no use to it); the events are those of one
    process."""
    write_corpus(tmp_path / "corpus", 60, seed=3)
    alone = Session.open(tmp_path / "corpus", workers=1, use_snapshot=False, with_store=False)
    expected = alone.columns.events()
    alone.close()
    monkeypatch.setattr(loading, "STAGE_POOL_FROM", 0)
    made: list[Any] = []
    monkeypatch.setattr(cold_open, "_executor", _count(made, cold_open._executor))
    freed: list[Any] = []
    monkeypatch.setattr(cold_open, "release", _count(freed, cold_open.release))
    session = Session.open(tmp_path / "corpus", workers=2, use_snapshot=False,
                           with_store=False)
    assert len(made) == 2  # the extraction's pool, then the stage's
    assert session.columns.events() == expected
    session.close()
    assert cold_open.released(sum, [1, 2]) == 3 and freed == [()]  # (in this process)


def test_a_lean_summary_keeps_what_the_stage_reads_after_people(tmp_path: Path) -> None:
    """The document's name, events, date, title and problems stay; what it learned of
    people and its topic counts go (read only before: people, the folder's topics)."""
    from collections import Counter

    from viewer.core.pipeline.document_summary import DocumentSummary
    from viewer.core.pipeline.folder_topics import FitCounts
    from viewer.core.pipeline.people_reduce import Learned

    full = DocumentSummary("a.txt", 3, dt.date(2026, 5, 1), "Talks", (),
                           Learned((("k", None, "Ann Lee", (("Lee", 1),), ()),)),
                           FitCounts(2, Counter({"talks": 1}), Counter()))
    lean = full.lean()
    assert (lean.relpath, lean.events, lean.published, lean.title, lean.problems) == (
        "a.txt", 3, dt.date(2026, 5, 1), "Talks", ())
    assert lean.learned.people == () and lean.fit.size == 0 and not lean.fit.hits
