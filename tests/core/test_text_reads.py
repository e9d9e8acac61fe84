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

    def every_text(self: Snapshot) -> Any:
        raise AssertionError("every text was read at once")

    monkeypatch.setattr(Snapshot, "text", counted)
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
