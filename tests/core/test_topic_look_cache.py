"""A topic's new label or colour is not a new extractor: nothing is extracted again.

A rename used to change the fingerprint of every file's cached extraction (the folder's
topics.toml was part of it whole), so renaming a topic in a folder of 3,000 articles
extracted all of them again (41 s)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from viewer.cli import main
from viewer.core.pipeline.file_cache import fingerprint
from viewer.core.session import Session
from viewer.core.session import session as session_module
from viewer.core.session.loading import Loaded
from viewer.core.store import topic_changes

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "steel"
    shutil.copytree(DATA / "steel_dispute", target)
    return target


def _discovered(session: Session) -> str:
    return next(t.id for t in session.loaded.topics.topics if t.origin == "discovered")


def test_a_rename_or_recolour_reopens_without_extracting(folder: Path) -> None:
    first = Session.open(folder, workers=1)
    topic = _discovered(first)
    built_in = "negotiations"
    assert first.loaded.topics.get(built_in) is not None
    events = first.extracted_events()
    first.close()
    stamp = fingerprint(folder)
    topic_changes.rename(folder, first.loaded.topics, topic, "Steel quotas").apply_to(None)
    topic_changes.recolour(folder, first.loaded.topics, topic, "#123456").apply_to(None)
    topic_changes.rename(folder, first.loaded.topics, built_in, "Talks").apply_to(None)
    assert fingerprint(folder) == stamp
    again = Session.open(folder, workers=1)
    assert again.loaded.extracted == 0  # every file from the snapshot
    shown = again.loaded.topics.get(topic)
    assert shown is not None and (shown.label, shown.color) == ("Steel quotas", "#123456")
    assert again.loaded.topics.get(built_in).label == "Talks"  # type: ignore[union-attr]
    assert again.extracted_events() == events  # the folder stage ran again, same events
    again.close()
    # A change of cues is a change of what extraction finds: it is extracted again.
    edit = topic_changes.edit_cues(folder, again.loaded.topics, built_in, add=["quota talks"])
    edit.apply_to(None)
    assert fingerprint(folder) != stamp


def test_the_topics_command_renames_without_extracting(
        folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
        ) -> None:
    assert main(["docs", str(folder)]) == 0
    opened: list[Loaded] = []
    real = session_module.load

    def counted(*args: object, **kwargs: object) -> Loaded:
        loaded = real(*args, **kwargs)  # type: ignore[arg-type]
        opened.append(loaded)
        return loaded

    monkeypatch.setattr(session_module, "load", counted)
    capsys.readouterr()
    assert main(["topics", str(folder), "--rename", "negotiations", "Talks"]) == 0
    assert "Talks" in capsys.readouterr().out
    assert opened and all(loaded.extracted == 0 for loaded in opened)
