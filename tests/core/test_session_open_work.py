"""Opening a folder copies each event into columns a fixed number of times and builds its
filter index once, at the end, whatever the number of documents: the window once rebuilt the
whole index for every document's partial result, a cost quadratic in the folder. Counted in
builds, joins and rows copied, never timed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from viewer.core.session import Session, filtering
from viewer.core.session.columns import EventColumns
from viewer.core.session.shared_codes import SharedCodes

ARTICLE = ("date 2026-03-{day:02d} Russia and Ukraine held talks in Geneva on March {day} "
           "on a ceasefire, officials said.\n\nPrisoners were exchanged on March {prev}.\n")


def _folder(root: Path, count: int) -> Path:
    root.mkdir()
    for k in range(count):
        day = 2 + k % 25
        (root / f"a{k:04d}.txt").write_text(ARTICLE.format(day=day, prev=day - 1))
    return root


def _counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    counts = {"builds": 0, "rows_copied": 0, "indexes": 0, "joins": 0}
    build: Callable[..., EventColumns] = EventColumns.build.__func__  # type: ignore[attr-defined]
    from_arrays: Callable[..., EventColumns] = (
        EventColumns.from_arrays.__func__)  # type: ignore[attr-defined]

    def counting_build(cls: type[EventColumns], events: Sequence[Any],
                       text_of: Any) -> EventColumns:
        counts["builds"] += 1
        counts["rows_copied"] += len(events)
        return build(cls, events, text_of)

    def counting_from_arrays(cls: type[EventColumns], arrays: Any, extra: Any,
                             text_of: Any) -> EventColumns:
        found = from_arrays(cls, arrays, extra, text_of)
        counts["builds"] += 1
        counts["rows_copied"] += found.size
        return found

    join = SharedCodes.join

    def counting_join(self: SharedCodes, parts: Any, text_of: Any) -> EventColumns:
        counts["joins"] += 1
        return join(self, parts, text_of)

    index_init = filtering.ColumnIndex.__init__

    def counting_index(self: filtering.ColumnIndex, columns: EventColumns) -> None:
        counts["indexes"] += 1
        index_init(self, columns)

    monkeypatch.setattr(EventColumns, "build", classmethod(counting_build))
    monkeypatch.setattr(EventColumns, "from_arrays", classmethod(counting_from_arrays))
    monkeypatch.setattr(SharedCodes, "join", counting_join)
    monkeypatch.setattr(filtering.ColumnIndex, "__init__", counting_index)
    return counts


@pytest.mark.parametrize("use_snapshot", [False, True])
def test_open_builds_columns_and_index_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            use_snapshot: bool) -> None:
    figures = []
    for count in (6, 24):
        folder = _folder(tmp_path / f"f{count}", count)
        counts = _counted(monkeypatch)
        session = Session.open(folder, workers=1, use_snapshot=use_snapshot, with_store=False)
        figures.append((counts, session.size))
        assert session.size >= 2 * count  # two dated sentences an article
        session.close()
        monkeypatch.undo()
    for counts, size in figures:
        # The tasks' columns are joined once; the folder stage's columns share those arrays.
        assert counts["indexes"] == 1 and counts["joins"] == 1
        # Each event is built into columns once where it is extracted (a task of a few files)
        # and read back once.
        assert counts["rows_copied"] == 2 * size


def test_warm_reopen_reads_the_columns_once(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path / "f", 12)
    Session.open(folder, workers=1, with_store=False).close()
    counts = _counted(monkeypatch)
    session = Session.open(folder, workers=1, with_store=False)
    assert counts == {"builds": 1, "rows_copied": session.size, "indexes": 1, "joins": 0}
    session.close()


def test_partial_results_arrive_in_doubling_batches(tmp_path: Path) -> None:
    """Each newly extracted document's events reach the viewer once, in batches of 16, 32, …
    documents, so joining every batch to what it holds stays linear."""
    folder = _folder(tmp_path / "f", 100)
    batches: list[EventColumns] = []
    session = Session.open(folder, workers=1, with_store=False, partial=batches.append)
    assert sum(b.size for b in batches) == session.size
    documents = [len({e.document for e in b.events()}) for b in batches]
    assert documents == [16, 32, 52]  # the last batch holds what is left
    joined = EventColumns.concat(batches, batches[0].text_of)
    assert sorted(e.id for e in joined.events()) == sorted(e.id for e in session.events())
    assert joined.value("text", 0) == joined.events([0])[0].text != ""
    session.close()
    again: list[EventColumns] = []
    Session.open(folder, workers=1, with_store=False, partial=again.append).close()
    assert again == []  # nothing extracted on a warm reopen: the final result comes at once
