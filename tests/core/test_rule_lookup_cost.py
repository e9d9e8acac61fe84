"""Asking whether a folder has its own copy of a rule file is cheap when it has none: the
question is asked for every document (10,000 one-line files asked it 30,000 times, a
quarter of their reading, through path objects and a link check)."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.core import resources
from viewer.core.resources import FOLDER_DIR, override


def test_no_copy_is_one_look(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise AssertionError("no link check without a file")

    monkeypatch.setattr(resources, "link_problem", refuse)
    assert override("segmentation.toml", tmp_path) is None
    assert override("segmentation.toml", str(tmp_path)) is None


def test_a_copy_is_still_found_and_checked(tmp_path: Path) -> None:
    (tmp_path / FOLDER_DIR).mkdir()
    copy = tmp_path / FOLDER_DIR / "segmentation.toml"
    copy.write_text("never_final = []\n")
    assert override("segmentation.toml", tmp_path) == copy
    outside = tmp_path.parent / f"{tmp_path.name}-outside.toml"
    outside.write_text("never_final = []\n")
    copy.unlink()
    copy.symlink_to(outside)
    assert override("segmentation.toml", tmp_path) is None  # a link out of the folder
