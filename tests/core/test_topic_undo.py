"""Topic edits as undoable steps: undo and redo change only the entries an edit touched, in
the file as it is now; a merge or delete takes the analyst's hand-set topics along; the
command line and the app count the same events."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from viewer.cli import main
from viewer.core.events.document_events import Event
from viewer.core.events.topics import load_taxonomy
from viewer.core.pipeline.topic_colours import colour_distance, new_topic_colour
from viewer.core.session import Session
from viewer.core.session.topic_counts import session_topic_counts
from viewer.core.store import topic_changes, topic_edits
from viewer.core.store.analyst_store import SaveFailed, decode_set
from viewer.core.store.edits import correct_set

DATA = Path(__file__).resolve().parents[1] / "data"
KEEP, GONE = "dumping-investigation", "exporters"  # two topics the steel folder discovers


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "steel"
    shutil.copytree(DATA / "steel_dispute", target)
    return target


@pytest.fixture()
def session(folder: Path) -> Iterator[Session]:
    opened = Session.open(folder, workers=1)
    assert {KEEP, GONE} <= set(opened.loaded.topics.ids())
    yield opened
    opened.close()


def _event(session: Session, topic: str, without: str = "") -> Event:
    return next(e for e in session.events() if topic in e.topics and without not in e.topics
                and not e.boilerplate)


def _hand_set(session: Session, event: Event, topics: set[str]) -> None:
    session.perform(correct_set(session._require(), event, "topics", topics), [event])


def _topics_of(session: Session, event_id: str) -> set[str]:
    session.reload()
    return {t for e in session.events() if e.id == event_id for t in e.topics}


def _ghosts(session: Session) -> set[str]:
    """Topic ids events carry that the folder's taxonomy does not know."""
    known = set(session.loaded.topics.ids())
    return {t for e in session.events() for t in e.topics} - known


def test_undo_takes_back_only_its_own_entry(folder: Path) -> None:
    """Undo of a recolour put back the whole file as it was before it: a rename made since
    on the command line was wiped."""
    taxonomy = load_taxonomy(folder)
    recolour = topic_changes.recolour(folder, taxonomy, "negotiations", "#008080")
    recolour.apply_to(None)
    assert main(["topics", str(folder), "--rename", "energy", "Power"]) == 0
    recolour.revert_to(None)
    after = load_taxonomy(folder)
    assert after.get("energy").label == "Power"  # type: ignore[union-attr]
    assert after.get("negotiations").color == taxonomy.get(  # type: ignore[union-attr]
        "negotiations").color  # type: ignore[union-attr]
    recolour.apply_to(None)  # redo: the same, the other way
    after = load_taxonomy(folder)
    assert after.get("negotiations").color == "#008080"  # type: ignore[union-attr]
    assert after.get("energy").label == "Power"  # type: ignore[union-attr]


def test_undo_leaves_a_field_someone_changed_since(folder: Path) -> None:
    rename = topic_changes.rename(folder, load_taxonomy(folder), "energy", "Power")
    rename.apply_to(None)
    data = topic_edits.read(folder)
    data["topic"]["energy"]["label"] = "Electricity"  # by hand, after the rename
    topic_edits.write(folder, data)
    rename.revert_to(None)
    assert rename.kept == 1
    assert load_taxonomy(folder).get("energy").label == "Electricity"  # type: ignore[union-attr]


def test_undoing_a_look_keeps_a_look_given_since(session: Session, folder: Path) -> None:
    """A discovered topic's look is marked `discovered = true`; undoing one recolour must
    not take the mark from a label another window gave it since (it would stop applying)."""
    taxonomy = session.loaded.topics
    recolour = topic_changes.recolour(folder, taxonomy, GONE, "#008080")
    recolour.apply_to(None)
    topic_changes.rename(folder, taxonomy, GONE, "Exporting mills").apply_to(None)
    recolour.revert_to(None)
    assert topic_edits.read(folder)["topic"][GONE] == {"discovered": True,
                                                      "label": "Exporting mills"}


def test_merge_moves_hand_set_topics_and_undo_puts_them_back(session: Session,
                                                            folder: Path) -> None:
    event = _event(session, "negotiations")
    _hand_set(session, event, {GONE, "negotiations"})
    merge = topic_changes.merge(folder, session.loaded.topics, [GONE], KEEP, session.store)
    change = session.perform(merge)
    assert change.topics and session.needs_reload
    assert _topics_of(session, event.id) == {KEEP, "negotiations"}
    assert not _ghosts(session)
    session.undo()
    assert _topics_of(session, event.id) == {GONE, "negotiations"}
    assert session.loaded.topics.get(GONE) is not None
    session.redo()
    assert _topics_of(session, event.id) == {KEEP, "negotiations"}


def test_delete_drops_the_topic_from_hand_set_lists(session: Session, folder: Path) -> None:
    event = _event(session, "negotiations")
    _hand_set(session, event, {GONE, "negotiations"})
    delete = topic_changes.delete(folder, session.loaded.topics, GONE, session.store)
    session.perform(delete)
    assert _topics_of(session, event.id) == {"negotiations"}
    assert not _ghosts(session)
    session.undo()
    assert _topics_of(session, event.id) == {GONE, "negotiations"}


def test_cli_merge_moves_hand_set_topics(session: Session, folder: Path) -> None:
    event = _event(session, KEEP, without=GONE)
    _hand_set(session, event, {GONE})
    session.close()
    assert main(["topics", str(folder), "--merge", GONE, "--into", KEEP]) == 0
    reopened = Session.open(folder, workers=1)
    try:
        assert reopened.store is not None
        assert decode_set(reopened.store.hand_set_topics()[event.id]) == {KEEP}
        assert not _ghosts(reopened)
    finally:
        reopened.close()


def test_a_file_that_cannot_be_written_keeps_the_store_as_it_was(
        session: Session, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    event = _event(session, "negotiations")
    _hand_set(session, event, {GONE})
    merge = topic_changes.merge(folder, session.loaded.topics, [GONE], KEEP, session.store)

    def full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(topic_edits, "write", full)
    with pytest.raises(SaveFailed):
        session.perform(merge)
    assert session.store is not None
    assert decode_set(session.store.hand_set_topics()[event.id]) == {GONE}
    assert not session.can_redo and session.undo_text != merge.text


def test_the_command_line_counts_hand_set_topics(session: Session, folder: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """`timeline-viewer topics` counted the topics extraction gave, the app the hand-set
    ones: one event set by hand made them disagree by one on two lines."""
    event = _event(session, KEEP, without=GONE)
    _hand_set(session, event, {GONE})
    shown = session_topic_counts(session).by_topic
    session.close()
    assert main(["topics", str(folder)]) == 0
    listed = {line.split()[0]: int(line.split()[2])
              for line in capsys.readouterr().out.splitlines()[:-1]}
    assert listed[GONE] == shown[GONE] and listed[KEEP] == shown[KEEP]
    extracted = Session.open(folder, workers=1, with_store=False)
    before = session_topic_counts(extracted).by_topic
    extracted.close()
    assert (listed[GONE], listed[KEEP]) == (before[GONE] + 1, before[KEEP] - 1)


def test_a_topic_from_a_hand_set_event_counts_it(session: Session, folder: Path) -> None:
    event = _event(session, KEEP, without="negotiations")
    _hand_set(session, event, {KEEP})
    create = topic_changes.create(folder, session.loaded.topics, "quotas", "Quotas", "#123456",
                                  ["no such phrase anywhere"], session.store, [event.id])
    session.perform(create)
    assert _topics_of(session, event.id) == {KEEP, "quotas"}
    assert session_topic_counts(session).by_topic["quotas"] == 1
    session.undo()
    assert _topics_of(session, event.id) == {KEEP}


def test_new_topics_get_colours_apart(folder: Path) -> None:
    """New from Selection gave every new topic #6a5acd: two of them looked the same."""
    for name in ("first", "second", "third"):
        taxonomy = load_taxonomy(folder)
        colour = new_topic_colour(taxonomy, folder)
        assert all(colour_distance(colour, t.color) > 0 for t in taxonomy.topics)
        topic_changes.create(folder, taxonomy, name, name, colour, [name]).apply_to(None)
    colours = [t.color for t in load_taxonomy(folder).topics]
    assert len(set(colours)) == len(colours)


def test_a_hand_set_topic_deleted_by_hand_is_a_problem(session: Session, folder: Path) -> None:
    """A topics.toml edited by hand (or a store from before merges took hand-set topics
    along) can leave a hand-set topic that names no topic: it is listed, not shown bare."""
    event = _event(session, "negotiations")
    _hand_set(session, event, {GONE})
    assert not [p for p in session.problems if p.kind == "unknown topic"]
    data = topic_edits.read(folder)
    data.setdefault("topic", {})[GONE] = {"deleted": True}
    topic_edits.write(folder, data)
    session.reload()
    found = [p for p in session.problems if p.kind == "unknown topic"]
    assert len(found) == 1 and f"“{GONE}”" in found[0].message and "1 event has" in found[0].message


def test_a_field_already_as_the_undo_wants_it_is_not_counted_as_kept(folder: Path) -> None:
    rename = topic_changes.rename(folder, load_taxonomy(folder), "energy", "Power")
    rename.apply_to(None)
    data = topic_edits.read(folder)
    del data["topic"]["energy"]["label"]  # someone took the label back by hand
    topic_edits.write(folder, data)
    rename.revert_to(None)
    assert rename.kept == 0
    assert load_taxonomy(folder).get("energy").label == "Energy"  # type: ignore[union-attr]
