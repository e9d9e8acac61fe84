"""A load cancelled while its workers extract: it ends with the files done so far, the
tasks not begun are dropped by the pool's own thread, and the pool is not used again."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from bench.corpus import write_corpus
from viewer.core.session import Session
from viewer.core.session import extracting_load as loading


def test_a_cancelled_open_keeps_what_it_read_and_leaves_the_pool_clean(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading, "STAGE_POOL_FROM", 0)  # the folder stage would use the pool
    folder = tmp_path / "articles"
    write_corpus(folder, 120)
    failures: list[BaseException] = []
    monkeypatch.setattr(threading, "excepthook",
                        lambda args: failures.append(args.exc_value))  # type: ignore[arg-type]
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)

    session = Session.open(folder, progress, cancel=lambda: len(seen) > 1, workers=2,
                           use_snapshot=False, with_store=False)
    assert 0 < len(session.documents) < 120
    assert not failures
