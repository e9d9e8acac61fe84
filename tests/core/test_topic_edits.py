"""Editing a folder's topics: every edit lands in its own topics.toml and can be undone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from viewer.cli import main
from viewer.core.events.topics import load_taxonomy
from viewer.core.pipeline.folder_extraction import extract_folder
from viewer.core.store import topic_changes, topic_edits

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "steel"
    shutil.copytree(DATA / "steel_dispute", target)
    return target


def _topics(folder: Path) -> dict[str, tuple[str, ...]]:
    extraction = extract_folder(folder, use_cache=False)
    return {e.text: e.topics for e in extraction.events}


def test_create_rename_recolour_and_undo(folder: Path) -> None:
    taxonomy = extract_folder(folder, use_cache=False).taxonomy
    create = topic_changes.create(folder, taxonomy, "wto-case", "WTO case", "#123456",
                                  ["World Trade Organization"])
    create.apply_to(None)
    taxonomy = load_taxonomy(folder)
    assert taxonomy.get("wto-case") is not None
    assert taxonomy.get("wto-case").origin == "folder"  # type: ignore[union-attr]
    assert any("wto-case" in t for t in _topics(folder).values())
    rename = topic_changes.rename(folder, taxonomy, "wto-case", "Trade court")
    rename.apply_to(None)
    topic_changes.recolour(folder, load_taxonomy(folder), "wto-case", "#abcdef").apply_to(None)
    topic = load_taxonomy(folder).get("wto-case")
    assert topic is not None and (topic.label, topic.color) == ("Trade court", "#abcdef")
    rename.revert_to(None)  # undo the rename only: the later recolour stays
    topic = load_taxonomy(folder).get("wto-case")
    assert topic is not None and (topic.label, topic.color) == ("WTO case", "#abcdef")
    create.revert_to(None)  # the colour changed since: it stays, the rest goes
    assert create.kept == 1


def test_bad_edits_are_refused(folder: Path) -> None:
    taxonomy = load_taxonomy(folder)
    with pytest.raises(topic_edits.TopicError):
        topic_changes.rename(folder, taxonomy, "no-such-topic", "x").apply_to(None)
    with pytest.raises(topic_edits.TopicError):
        topic_changes.create(folder, taxonomy, "Bad Id", "x", "#000000", ["x"]).apply_to(None)
    with pytest.raises(topic_edits.TopicError):
        topic_changes.create(folder, taxonomy, "negotiations", "x", "#000000",
                             ["x"]).apply_to(None)
    with pytest.raises(topic_edits.TopicError):
        topic_changes.recolour(folder, taxonomy, "negotiations", "red").apply_to(None)
    assert not topic_edits.topics_path(folder).exists()


def test_cues_of_a_built_in_topic_can_be_added_and_removed(folder: Path) -> None:
    topic_changes.edit_cues(folder, load_taxonomy(folder), "negotiations",
                            add=["quota offer"]).apply_to(None)
    topic = load_taxonomy(folder).get("negotiations")
    assert topic is not None and "quota offer" in topic.cues
    topic_changes.edit_cues(folder, load_taxonomy(folder), "negotiations",
                            remove=["talks"]).apply_to(None)
    topic = load_taxonomy(folder).get("negotiations")
    assert topic is not None and "talks" not in topic.cues and "quota offer" in topic.cues
    assert load_taxonomy().get("negotiations") is not None  # the bundled file is untouched
    assert "talks" in load_taxonomy().get("negotiations").cues  # type: ignore[union-attr]


def test_merge_and_delete_discovered_topics(folder: Path) -> None:
    taxonomy = extract_folder(folder, use_cache=False).taxonomy
    discovered = [t.id for t in taxonomy.topics if t.origin == "discovered"]
    assert len(discovered) >= 2
    keep, gone = discovered[0], discovered[1]
    cues = set(taxonomy.get(keep).cues) | set(taxonomy.get(gone).cues)  # type: ignore[union-attr]
    topic_changes.merge(folder, taxonomy, [gone], keep).apply_to(None)
    after = extract_folder(folder, use_cache=False).taxonomy
    merged = after.get(keep)
    assert merged is not None and merged.origin == "folder" and set(merged.cues) >= cues
    assert after.get(gone) is None
    topic_changes.delete(folder, after, keep).apply_to(None)
    final = extract_folder(folder, use_cache=False)
    assert final.taxonomy.get(keep) is None  # deleted, and not discovered again
    assert not any(keep in e.topics for e in final.events)


def test_cli_lists_and_edits(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["topics", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "discovered" in out and "strikes" not in out
    assert main(["topics", str(folder), "--create", "quota", "--cue", "quota",
                 "--label", "Quotas"]) == 0
    out = capsys.readouterr().out
    assert any(line.startswith("quota ") and "folder" in line for line in out.splitlines())
    assert main(["topics", str(folder), "--delete", "no-such"]) == 2
    assert "no topic 'no-such'" in capsys.readouterr().err


def test_a_damaged_topics_file_is_passed_over_and_not_edited(
        folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = topic_edits.topics_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xff[topic.x\n")
    assert load_taxonomy(folder).get("negotiations") is not None  # bundled topics still apply
    assert main(["topics", str(folder)]) == 0
    capsys.readouterr()
    assert main(["topics", str(folder), "--rename", "negotiations", "Talks"]) == 2
    assert "cannot be read" in capsys.readouterr().err
    assert path.read_bytes() == b"\xff[topic.x\n"


def test_a_topic_from_selected_events(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    events = extract_folder(folder, use_cache=False).events
    chosen = [e.id for e in events if "quota" in e.text]
    assert len(chosen) == 3
    args = ["topics", str(folder), "--create", "quotas", "--label", "Quotas"]
    for event_id in chosen:
        args += ["--from-event", event_id]
    assert main(args) == 0
    topic = load_taxonomy(folder).get("quotas")
    assert topic is not None and "quota" in topic.cues
    assert {e.id for e in extract_folder(folder, use_cache=False).events
            if "quotas" in e.topics} >= set(chosen)
    assert main(["topics", str(folder), "--create", "x", "--from-event", "nope"]) == 2
    assert "no event 'nope'" in capsys.readouterr().err


def test_suggested_cues_are_what_the_selection_shares() -> None:
    from viewer.core.pipeline.folder_topics import suggest_cues

    folder = ["Dockers blamed the container cranes.", "The ferry left at noon.",
              "Two container cranes broke down again.", "Gulls circled the quay.",
              "Unions want the container cranes replaced."]
    cues = suggest_cues([folder[0], folder[2], folder[4]], folder)
    assert "container cranes" in cues[:2]
    assert "gulls" not in cues and "ferry" not in cues


def test_renaming_or_recolouring_a_discovered_topic_changes_only_its_look(
        folder: Path) -> None:
    """A rename used to write the topic's cues into the folder's file: it became one of the
    folder's own topics, discovery ran without it, and other topics' counts moved."""
    extraction = extract_folder(folder, use_cache=False)
    found = [t for t in extraction.taxonomy.topics if t.origin == "discovered"]
    assert found, "the steel folder discovers topics"
    before = _topics(folder)
    target = found[0]
    topic_changes.rename(folder, extraction.taxonomy, target.id, "Renamed by hand").apply_to(None)
    topic_changes.recolour(folder, extract_folder(folder, use_cache=False).taxonomy, target.id,
                         "#123456").apply_to(None)
    after = extract_folder(folder, use_cache=False)
    assert _topics(folder) == before  # every event keeps its topics
    assert [t.id for t in after.taxonomy.topics] == [t.id for t in extraction.taxonomy.topics]
    renamed = after.taxonomy.get(target.id)
    assert renamed is not None and renamed.origin == "discovered"
    assert (renamed.label, renamed.color) == ("Renamed by hand", "#123456")
    # Its cues changed later, it becomes the folder's own, in its new look.
    topic_changes.edit_cues(folder, after.taxonomy, target.id, add=["steelworks"]).apply_to(None)
    own = load_taxonomy(folder).get(target.id)
    assert own is not None and own.origin == "folder" and own.label == "Renamed by hand"
    assert "steelworks" in own.cues and set(target.cues) <= set(own.cues)
