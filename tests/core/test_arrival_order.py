"""The open's folder result does not depend on which extraction task finishes first, and the
people step converts only the rows it may change."""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, wait
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bench.corpus import write_corpus
from tests.conftest import copy_seeds
from viewer.core.events.document_events import evolve
from viewer.core.pipeline.folder_extraction import extract_folder
from viewer.core.session import Session, cold_open, column_stage
from viewer.core.session.columns import EventColumns


def _in_order(seed: int, counts: list[int]) -> Any:
    """`as_completed` that hands the finished tasks back in a shuffled order (reversed when
    `seed` is -1), so a later task's result arrives before an earlier one's."""

    def handed(futures: Iterable[Future[Any]]) -> Iterator[Future[Any]]:
        submitted = list(futures)
        wait(submitted)
        ranked = list(submitted)
        counts.append(len(ranked))
        if seed < 0:
            ranked.reverse()
        else:
            random.Random(seed).shuffle(ranked)
        yield from ranked

    return handed


def _snapshot(session: Session) -> tuple[Any, ...]:
    return (session.columns.events(), dict(session.loaded.people),
            session.loaded.topics.ids(), list(session.loaded.order))


def test_any_arrival_order_gives_one_folder_result(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "corpus"
    write_corpus(folder, 80, seed=11)
    monkeypatch.setattr(cold_open, "BATCH_FILES", 4)  # many small tasks to reorder
    results = []
    counts: list[int] = []
    for seed in (-1, 0, 1):
        monkeypatch.setattr(cold_open, "as_completed", _in_order(seed, counts))
        session = Session.open(folder, workers=2, use_snapshot=False, with_store=False)
        results.append(_snapshot(session))
        session.close()
    one = Session.open(folder, workers=1, use_snapshot=False, with_store=False)
    expected = _snapshot(one)
    one.close()
    assert counts and min(counts) >= 10  # the workers ran many tasks
    assert expected[0] and int(np.max([len(e.people) for e in expected[0]])) > 0
    for got in results:
        assert got == expected


def test_only_rows_that_name_someone_or_repeat_a_party_may_change(tmp_path: Path) -> None:
    events = list(extract_folder(copy_seeds(tmp_path / "seeds"), workers=1,
                                 use_cache=False).events[:6])
    events[4] = evolve(events[4], parties=("Kenya", "Chad", "Kenya"))
    events[5] = evolve(events[5], parties=("Kenya", "Chad"))
    columns = EventColumns.build(events, lambda relpath, start, end: "")
    lengths = np.array([1, 2, 0, 1, 0, 1], dtype=np.int64)
    answers = np.array([0, 0, 3, 0, 0], dtype=np.int32)  # row 1's second mention names someone
    assert column_stage._may_change(columns, answers, lengths).tolist() == [
        False, True, False, False, True, False]
