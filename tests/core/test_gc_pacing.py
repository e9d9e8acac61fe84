"""Extraction runs with raised garbage-collection thresholds, and gives them back."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from tests.conftest import copy_seeds
from viewer.core.pipeline import folder_extraction as extract
from viewer.core.pipeline.gc_pacing import THRESHOLDS, fewer_collections, held


def test_thresholds_raised_then_restored() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        assert all(now >= ours for now, ours in zip(gc.get_threshold(), THRESHOLDS,
                                                     strict=True))
    assert gc.get_threshold() == before


def test_extraction_is_paced_even_when_it_fails(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    before = gc.get_threshold()
    seen: list[tuple[int, int, int]] = []
    real = extract.folder_stage

    def stage(*args: object, **kwargs: object) -> extract.FolderStage:
        seen.append(gc.get_threshold())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(extract, "folder_stage", stage)
    extract.extract_folder(copy_seeds(tmp_path), workers=1, use_cache=False)
    assert seen and seen[0][0] >= THRESHOLDS[0]
    assert gc.get_threshold() == before
    monkeypatch.setattr(extract, "folder_stage", lambda *a: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        extract.extract_folder(copy_seeds(tmp_path / "again"), workers=1, use_cache=False)
    assert gc.get_threshold() == before


def test_a_document_is_extracted_without_collections_then_they_resume(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    real = extract.extract_document

    def document(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(extract, "extract_document", document)
    assert gc.isenabled()
    extract.extract_folder(copy_seeds(tmp_path), workers=1, use_cache=False)
    assert seen and not any(seen)
    assert gc.isenabled()
    monkeypatch.setattr(extract, "extract_document", lambda *a: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        extract.extract_folder(copy_seeds(tmp_path / "again"), workers=1, use_cache=False)
    assert gc.isenabled()
    gc.disable()  # a caller that turned the collector off keeps it off
    try:
        with held():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_apps_open_extracts_and_stages_in_process_with_fewer_collections(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The open in one process ran with the default thresholds: 530-600 collections over
    the 2 MB one-paragraph article, 0.3 s of its 5 s of CPU."""
    from viewer.core.session import Session, cold_open
    from viewer.core.session import extracting_load as loading

    before = gc.get_threshold()
    seen: dict[str, tuple[int, int, int]] = {}
    real_files, real_stage = cold_open.extract_files, loading.stage_columns

    def files(*args: object, **kwargs: object) -> object:
        seen["extract"] = gc.get_threshold()
        return real_files(*args, **kwargs)  # type: ignore[arg-type]

    def stage(*args: object, **kwargs: object) -> object:
        seen["stage"] = gc.get_threshold()
        return real_stage(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cold_open, "extract_files", files)
    monkeypatch.setattr(loading, "stage_columns", stage)
    folder = copy_seeds(tmp_path)
    Session.open(folder, workers=1, use_snapshot=False, with_store=False)
    assert set(seen) == {"extract", "stage"}
    for thresholds in seen.values():
        assert all(now >= ours for now, ours in zip(thresholds, THRESHOLDS, strict=True))
    assert gc.get_threshold() == before
