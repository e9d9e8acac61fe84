"""An open that will extract in parallel starts the workers' fork server before it imports
the extraction's modules, so the server's start-up overlaps that work (`loading`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from viewer.core.ingest.folder_scan import scan_folder
from viewer.core.pipeline import worker_pools
from viewer.core.session import extracting_load, loading
from viewer.core.session.snapshot import FileKey


class _Stop(Exception):
    pass


def _folder(tmp_path: Path, files: int) -> Path:
    for k in range(files):
        (tmp_path / f"a{k}.txt").write_text(f"Talks resumed on 3 March 2026 in city {k}.\n")
    return tmp_path


def _calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []

    def started() -> bool:
        calls.append("server")
        return True

    def extracting(*args: Any, **kwargs: Any) -> Any:
        calls.append("extract")
        raise _Stop

    monkeypatch.setattr(worker_pools, "start_fork_server", started)
    monkeypatch.setattr(extracting_load, "load_extracting", extracting)
    return calls


@pytest.mark.parametrize(("workers", "command", "files", "expected"), [
    (2, False, worker_pools.PARALLEL_FROM, ["server", "extract"]),
    (2, False, worker_pools.PARALLEL_FROM - 1, ["extract"]),  # too few: no pool
    (1, False, worker_pools.PARALLEL_FROM, ["extract"]),  # one process: no workers
    (2, True, worker_pools.PARALLEL_FROM, ["extract"]),  # the command forks its workers
])
def test_the_server_starts_before_extraction_only_when_workers_will(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int, command: bool,
        files: int, expected: list[str]) -> None:
    calls = _calls(monkeypatch)
    with pytest.raises(_Stop):
        loading.load(_folder(tmp_path, files), None, None, workers=workers,
                     use_snapshot=False, command=command)
    assert calls == expected


def test_files_the_snapshot_holds_unchanged_do_not_count(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _calls(monkeypatch)
    listing = scan_folder(str(_folder(tmp_path, worker_pools.PARALLEL_FROM + 2)))
    known = {rel: FileKey(size, mtime, None, "") for rel, size, mtime in zip(
        listing.rels, listing.sizes, listing.mtimes, strict=True)}
    loading._early_fork_server(listing, known)  # every file held as it is
    assert calls == []
    changed = dict(known)
    for rel in listing.rels[:worker_pools.PARALLEL_FROM]:  # changed in size
        old = known[rel]
        changed[rel] = FileKey(old.size + 1, old.mtime_ns, None, "")
    loading._early_fork_server(listing, changed)
    assert calls == ["server"]


def test_a_server_that_cannot_start_is_left_to_the_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    from multiprocessing import forkserver

    def fails() -> None:
        raise RuntimeError("bootstrapping")  # as multiprocessing says from a child's import

    monkeypatch.setattr(forkserver, "ensure_running", fails)
    assert worker_pools.start_fork_server() is False
