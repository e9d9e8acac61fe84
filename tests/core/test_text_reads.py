"""Sentence texts are read a document at a time from the snapshot, never all at once, and
only the last few documents' texts are held."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.conftest import copy_seeds
from viewer.core.session import Session, document_source
from viewer.core.session.snapshot import Snapshot


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    return copy_seeds(tmp_path / "seeds")


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    reads: list[bytes] = []
    text = Snapshot.text

    def counted(self: Snapshot, rel: bytes) -> str | None:
        reads.append(rel)
        return text(self, rel)

    texts_of = Snapshot.texts_of

    def counted_together(self: Snapshot, rels: Any) -> dict[bytes, str]:
        reads.extend(rels)  # documents read in one query count one each
        return texts_of(self, rels)

    def every_text(self: Snapshot) -> Any:
        raise AssertionError("every text was read at once")

    monkeypatch.setattr(Snapshot, "text", counted)
    monkeypatch.setattr(Snapshot, "texts_of", counted_together)
    monkeypatch.setattr(Snapshot, "texts", every_text)
    return reads


def test_a_sentence_reads_its_document_alone(folder: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    cold = Session.open(folder, with_store=False).events()
    reads = _count_reads(monkeypatch)
    warm = Session.open(folder, with_store=False)
    assert warm.loaded.extracted == 0 and not reads
    assert warm.event(0).text == cold[0].text
    assert len(reads) == 1
    assert warm.events() == cold  # every text, each document read once
    assert len(reads) == len(set(reads)) == len({e.document for e in cold})


def test_scattered_rows_read_each_document_once(folder: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    Session.open(folder, with_store=False).close()
    monkeypatch.setattr(document_source, "RECENT", 1)  # any two documents evict each other
    reads = _count_reads(monkeypatch)
    session = Session.open(folder, with_store=False)
    documents = session.columns.arrays["document"]
    by_document = np.argsort(documents, kind="stable")
    scattered = np.concatenate([by_document[0::2], by_document[1::2]])  # documents interleaved
    texts = session.columns.values("text", scattered)
    assert len(reads) == len(set(documents.tolist()))
    assert texts == [session.event(int(row)).text for row in scattered]


def test_columns_read_texts_after_their_session_closed(folder: Path) -> None:
    cold = Session.open(folder, with_store=False).events()
    session = Session.open(folder, with_store=False)
    session.close()
    assert session.events() == cold


def test_drawing_reads_no_sentence(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The painter asks `styled` rows: how an event looks, made without reading its text;
    an edited row's looks follow the edit."""
    import dataclasses

    from viewer.core.session.row_events import RowEvents

    cold = Session.open(folder, with_store=False).events()
    reads = _count_reads(monkeypatch)
    events = RowEvents(Session.open(folder, with_store=False).columns)
    looks = [events.styled(row) for row in range(len(events))]
    assert not reads
    assert looks == [dataclasses.replace(e, text="") for e in cold]
    edited = dataclasses.replace(cold[0], tags=("key",))
    events[0] = edited
    assert events.styled(0) == edited


def test_events_made_in_bulk_are_those_made_one_by_one(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`RowEvents.make` makes the missing events a column at a time (no `event()` per row):
    the same events as one by one, their looks without reading a sentence, and an edited
    row that was already made is left as it is."""
    import dataclasses

    from viewer.core.session.columns import EventColumns
    from viewer.core.session.row_events import RowEvents

    cold = Session.open(folder, with_store=False).events()
    columns = Session.open(folder, with_store=False).columns
    events = RowEvents(columns)
    edited = dataclasses.replace(cold[1], tags=("key",))
    events[1] = edited
    reads = _count_reads(monkeypatch)
    one_by_one: list[int] = []
    event = EventColumns.event

    def counted(self: EventColumns, row: int, text: bool = True) -> Any:
        one_by_one.append(row)
        return event(self, row, text)

    monkeypatch.setattr(EventColumns, "event", counted)
    rows = [*range(len(cold) - 1, -1, -1), 3, 3]
    events.make(rows, text=False)
    assert not reads and not one_by_one
    assert [events.styled(r) for r in range(len(cold))] == [
        edited if r == 1 else dataclasses.replace(e, text="") for r, e in enumerate(cold)]
    events.make(rows)
    assert not one_by_one and reads
    assert [events[r] for r in range(len(cold))] == [
        edited if r == 1 else e for r, e in enumerate(cold)]
    events.make(rows)  # all made: nothing read again
    assert not one_by_one and len(reads) == len(set(reads))


def test_a_groups_representative_over_the_columns_is_the_one_by_one_choice(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A group's representative is scored over the columns whatever its size (small groups
    made their events one by one, reading each sentence): the same event as scoring the
    events, for small groups scored alone and for groups after the scene's scores exist."""
    from viewer.core.scene.layout import SMALL_GROUP, Scene, TimeScale
    from viewer.core.session.row_events import RowEvents

    columns = Session.open(folder, with_store=False).columns
    made = Session.open(folder, with_store=False).events()
    rows = list(range(len(made)))
    reads = _count_reads(monkeypatch)
    on_columns = Scene(RowEvents(columns), rows, "party", TimeScale(0.0, 1.0))
    on_events = Scene(made, rows, "party", TimeScale(0.0, 1.0))
    rng = np.random.default_rng(3)
    groups = [sorted(rng.choice(len(made), size, replace=False).tolist())
              for size in (1, 2, 3, 5, 8, min(len(made), SMALL_GROUP))] * 2
    groups.insert(len(groups) // 2, rows)  # a large group: every row's score from here on
    for group in groups:
        assert on_columns.representative(group) == on_events.representative(group)
    assert not reads


def _recorded_reads(monkeypatch: pytest.MonkeyPatch) -> tuple[list[bytes], list[list[bytes]]]:
    """The snapshot's text reads from now on: documents read alone, and each query's
    documents read together."""
    alone: list[bytes] = []
    together: list[list[bytes]] = []
    text, texts_of = Snapshot.text, Snapshot.texts_of

    def one(self: Snapshot, rel: bytes) -> str | None:
        alone.append(rel)
        return text(self, rel)

    def many(self: Snapshot, rels: Any) -> dict[bytes, str]:
        together.append(list(rels))
        return texts_of(self, rels)

    monkeypatch.setattr(Snapshot, "text", one)
    monkeypatch.setattr(Snapshot, "texts_of", many)
    return alone, together


def test_a_change_reads_its_documents_together(folder: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The rows of a change span several documents: their texts come in one query (not
    one each), the same texts as read one at a time."""
    cold = Session.open(folder, with_store=False).events()
    session = Session.open(folder, with_store=False)
    alone, together = _recorded_reads(monkeypatch)
    rows = np.arange(session.size - 1, -1, -1)
    texts = session.columns.values("text", rows)
    assert texts == [cold[row].text for row in rows.tolist()]
    assert not alone and len(together) == 1
    assert len(together[0]) == len({e.document for e in cold}) > 1


def test_texts_of_reads_in_batches_and_leaves_out_what_it_lacks(folder: Path,
                                                                monkeypatch: pytest.MonkeyPatch
                                                                ) -> None:
    from viewer.core.session import snapshot

    Session.open(folder, with_store=False).close()
    session = Session.open(folder, with_store=False)
    snap = session.loaded.snapshot
    assert snap is not None
    text_of = session.columns.text_of
    assert isinstance(text_of, document_source.SnapshotTexts)
    rels = list(text_of.paths.values())
    assert len(rels) > 2
    monkeypatch.setattr(snapshot, "_BATCH", 2)  # several queries, the same answer
    found = snap.texts_of([*rels, b"not-there.txt"])
    assert found == {rel: snap.text(rel) for rel in rels}


def test_recent_texts_hold_a_bounded_count_and_size() -> None:
    """Held texts stay under both bounds, each put evicting the oldest first; a long run of
    puts pops each text at most once (linear, whatever the sizes)."""

    class Counting(dict[str, str]):
        pops = 0

        def pop(self, *args: Any) -> Any:
            Counting.pops += 1
            return super().pop(*args)

    recent = document_source.RecentTexts(size=8, chars=100)
    recent.held = Counting()
    puts = 20_000
    for n in range(puts):
        recent.put(f"d{n}", "x" * (n % 60))
        assert len(recent.held) <= 8
        assert recent.total == sum(map(len, recent.held.values()))
        assert recent.total <= 100 or len(recent.held) == 1
    assert Counting.pops <= 2 * puts
    assert recent.get(f"d{puts - 1}") is not None and recent.get("d0") is None
    recent.put("long", "y" * 500)  # longer than the bound: held alone
    assert list(recent.held) == ["long"] and recent.total == 500


def test_many_documents_are_read_some_at_a_time(folder: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Every sentence (a first search): a query per few documents, none read alone, the
    same texts, and no query asks for more documents than a part."""
    from viewer.core.session import text_reads

    cold = Session.open(folder, with_store=False).events()
    session = Session.open(folder, with_store=False)
    monkeypatch.setattr(text_reads, "PREFETCH_DOCUMENTS", 2)
    alone, together = _recorded_reads(monkeypatch)
    texts = session.columns.values("text", np.arange(session.size))
    assert texts == [e.text for e in cold]
    documents = len({e.document for e in cold})
    assert len(together) == documents // 2 and all(len(p) == 2 for p in together)
    assert len(alone) == documents % 2  # a lone last document is read alone
