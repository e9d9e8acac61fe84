"""Exports never become input: what the app writes is marked, and ingestion passes it over.
Exports get the user's usual file permissions."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import copy_seeds
from tests.core.test_export import job  # noqa: F401  (fixture)
from viewer.core.export import ExportJob, write
from viewer.core.export.formats import render
from viewer.core.export.provenance import IGNORED_KIND, written_by_app
from viewer.core.ingest.folder_reader import load_folder
from viewer.core.store.atomic_write import write_atomic


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_an_export_saved_in_the_folder_is_not_read_as_an_article(
        tmp_path: Path, job: ExportJob, fmt: str) -> None:  # noqa: F811
    folder = copy_seeds(tmp_path / "seeds")
    before = load_folder(folder)
    write(folder / f"timeline.{fmt}", render(job, fmt))
    after = load_folder(folder)
    assert [d.relpath for d in after.documents] == [d.relpath for d in before.documents]
    ignored = [p for p in after.problems if p.kind == IGNORED_KIND]
    assert [p.path for p in ignored] == [f"timeline.{fmt}"]


def test_only_the_mark_at_the_top_counts() -> None:
    assert written_by_app("<html><head><meta name='generator' content='Timeline Viewer 0.1.0'>")
    assert written_by_app("---\ntitle: x\ngenerator: Timeline Viewer 0.1.0\n---\n# x")
    assert not written_by_app("An article that quotes generator: Timeline Viewer in its body.")
    assert not written_by_app("x" * 5000 + "<meta name='generator' content='Timeline Viewer'>")


@pytest.fixture()
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_exports_follow_the_umask(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "out.html"
    write_atomic(target, "x")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    target.chmod(0o600)
    write_atomic(target, "y")  # a replaced file keeps the permissions it had
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
