"""`bench.ui` leaves the folder's analyst store as it found it, so runs on one folder are alike."""

from __future__ import annotations

from pathlib import Path

from bench.ui import store_as_found
from viewer.core.store.analyst_store import Store
from viewer.core.store.store_file import store_path


def _tags(folder: Path) -> dict[str, list[str]]:
    store = Store.for_folder(folder)
    try:
        return {name: sorted(store.tagged(name)) for name in store.tags()}
    finally:
        store.close()


def test_the_runs_tags_are_gone_and_the_folders_stay(tmp_path: Path) -> None:
    store = Store.for_folder(tmp_path)
    store.set_tag("mine", "#336699")
    store.tag_events("mine", ["e1"], True)
    store.close()
    before = _tags(tmp_path)
    with store_as_found(tmp_path):
        during = Store.for_folder(tmp_path)  # open through the run, as the window holds it
        during.set_tag("bench 1", "#555555")
        during.tag_events("bench 1", ["e2", "e3"], True)
        during.tag_events("mine", ["e4"], True)
        assert _tags(tmp_path) != before
    assert _tags(tmp_path) == before == {"mine": ["e1"]}
    during.close()
    assert _tags(tmp_path) == before


def test_a_store_the_run_made_is_removed(tmp_path: Path) -> None:
    path = store_path(tmp_path)
    assert not path.exists()
    with store_as_found(tmp_path):
        store = Store.for_folder(tmp_path)
        store.set_tag("bench 1", "#555555")
        store.close()
        assert path.exists()
    assert not path.exists()
    assert not list(path.parent.glob(f"{path.name}*"))
