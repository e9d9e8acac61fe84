"""One walk of the folder serves the loader and the window's watcher: the loader keys each
file by the walk's size and time, and the watcher's later checks compare against the walk's
fingerprint, so the two must agree on an unchanged folder and differ on a changed one."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import copy_seeds
from viewer.core.ingest.folder_reader import list_folder
from viewer.core.ingest.folder_scan import folder_fingerprint, scan_folder
from viewer.core.session import Session, loading
from viewer.core.session.snapshot import Snapshot


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    return copy_seeds(tmp_path / "seeds")


def test_the_walk_lists_what_list_folder_lists_with_each_files_size_and_time(
        folder: Path) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "more.md").write_text("Talks resumed on 3 March 2026.\n")
    (folder / "notes.pdf").write_bytes(b"%PDF")
    walk = scan_folder(folder)
    assert [Path(p) for p in walk.files] == list(list_folder(folder).files)
    assert walk.rels == tuple(os.fsencode(os.path.relpath(p, folder)) for p in walk.files)
    assert walk.sizes == tuple(os.stat(p).st_size for p in walk.files)
    assert walk.mtimes == tuple(os.stat(p).st_mtime_ns for p in walk.files)
    assert set(walk.folders) == {str(folder), str(folder / "sub")}
    assert walk.ignored == 1


def test_the_loads_fingerprint_is_the_watchers_until_a_file_changes(folder: Path) -> None:
    for _ in range(2):  # the extracting open, then the open from the snapshot
        session = Session.open(folder, with_store=False)
        assert session.loaded.walk is not None
        assert session.loaded.walk.fingerprint() == folder_fingerprint(folder)
        session.close()
    before = folder_fingerprint(folder)
    path = folder / session.loaded.order[0]
    path.write_text(path.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    assert folder_fingerprint(folder) != before
    changed = folder_fingerprint(folder)
    sidecar = folder / "timeline-viewer.ini"
    sidecar.write_text(sidecar.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert folder_fingerprint(folder) != changed  # the sidecar is part of it
    (folder / "new.txt").write_text("Talks resumed on 3 March 2026.\n")
    assert len(folder_fingerprint(folder)) == len(changed) + 1


def _counting_keys(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = Snapshot.keys

    def keys(self: Snapshot) -> Any:
        calls.append(1)
        return real(self)

    monkeypatch.setattr(Snapshot, "keys", keys)
    return calls


def test_an_unchanged_folder_opens_from_its_row_without_reading_every_files_key(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cold = Session.open(folder, with_store=False)
    calls = _counting_keys(monkeypatch)
    warm = Session.open(folder, with_store=False)
    assert warm.loaded.extracted == 0 and not calls
    assert warm.events() == cold.events() and warm.loaded.files == cold.loaded.files
    os.utime(folder / cold.loaded.order[0], ns=(1, 1))  # touched: every file's key is read
    touched = Session.open(folder, with_store=False)
    assert touched.loaded.extracted == 0 and calls
    assert touched.events() == cold.events()


def test_a_file_that_could_not_be_stated_is_read_again(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Session.open(folder, with_store=False).close()
    real = loading.scan_folder

    def unstated(root: str) -> Any:
        walk = real(root)
        object.__setattr__(walk, "sizes", (-1, *walk.sizes[1:]))
        return walk

    monkeypatch.setattr(loading, "scan_folder", unstated)
    again = Session.open(folder, with_store=False)
    assert again.loaded.extracted == 1


def test_a_changed_sidecar_entry_re_extracts_that_file_alone(folder: Path) -> None:
    first = Session.open(folder, with_store=False)
    assert first.loaded.extracted == 5
    first.close()
    name = first.loaded.order[-1]
    sidecar = folder / "timeline-viewer.ini"
    sidecar.write_text(sidecar.read_text(encoding="utf-8")
                       + f"\n[{name}]\ntitle = Retitled by the analyst\n", encoding="utf-8")
    again = Session.open(folder, with_store=False)
    assert again.loaded.extracted == 1 and again.loaded.cached == 4
    assert again.titles()[name] == "Retitled by the analyst"
    assert Session.open(folder, with_store=False).loaded.extracted == 0  # and then kept
