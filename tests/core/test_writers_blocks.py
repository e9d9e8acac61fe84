"""Exports written block by block are the exports written whole (the extract command streams
large folders so it never holds every event's object and text at once)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import copy_seeds
from viewer.core.export.writers import events_csv, events_csv_parts, events_jsonl
from viewer.core.session import Session
from viewer.core.store.atomic_write import write_atomic_parts


def test_blocks_make_the_same_export(tmp_path: Path) -> None:
    session = Session.open(copy_seeds(tmp_path / "seeds"), with_store=False, workers=1)
    whole = session.extracted_events()
    blocks = list(session.extracted_blocks(size=7))
    assert len(blocks) > 2 and [e for b in blocks for e in b] == whole
    assert "".join(events_csv_parts(blocks)) == events_csv(whole)
    assert "".join(events_csv_parts([])) == events_csv([])
    assert "".join(events_jsonl(b) for b in blocks) == events_jsonl(whole)
    out = tmp_path / "out.jsonl"
    write_atomic_parts(out, (events_jsonl(b) for b in session.extracted_blocks(size=5)))
    assert out.read_text(encoding="utf-8") == events_jsonl(whole)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    session.close()
