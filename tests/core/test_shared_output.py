"""The extract command's text written in rounds of blocks shared between processes is the
text `events_json_parts` and the JSON Lines writer give, byte for byte, whatever the blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import copy_seeds
from viewer.core.export.writers import events_json, events_jsonl
from viewer.core.session import Session, shared_output
from viewer.core.session.column_json import EVENT_LEVEL
from viewer.core.session.fork_spread import can_fork, forked
from viewer.core.session.shared_output import _rounds, json_head, json_parts, jsonl_parts


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Session:
    return Session.open(copy_seeds(tmp_path_factory.mktemp("shared_output") / "seeds"),
                        with_store=False)


def _joined(parts: list[str | bytes]) -> str:
    return "".join(p if isinstance(p, str) else p.decode("utf-8") for p in parts)


@pytest.mark.parametrize("processes", [1, 2, 3])
@pytest.mark.parametrize("block_rows", [1, 7, 50_000])
@pytest.mark.parametrize("encode", [False, True])
@pytest.mark.parametrize("made_head", [False, True])
def test_json_and_json_lines_as_the_writers_give_them(
        session: Session, processes: int, block_rows: int, encode: bool, made_head: bool,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Also with the head made elsewhere (the command makes it beside the folder stage)."""
    monkeypatch.setattr(shared_output, "BLOCK_ROWS", block_rows)
    spread = forked(processes) if can_fork() else None
    order = session.loaded.order
    documents = [session.documents[r] for r in order]
    events = session.extracted_events()
    head = (lambda: json_head(lambda: documents)) if made_head else None
    found = json_parts(lambda: documents, len(order), session.size,
                       lambda a, b: session.texts_of(a, b, EVENT_LEVEL),
                       *([spread] if spread else []), processes=processes, encode=encode,
                       head=head)
    assert _joined(list(found)) == events_json(documents, events)
    lines = jsonl_parts(session.size, lambda a, b: session.texts_of(a, b, None),
                        *([spread] if spread else []), processes=processes, encode=encode)
    assert _joined(list(lines)) == events_jsonl(events)


def test_no_events(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("Nothing dated here.\n", encoding="utf-8")
    session = Session.open(tmp_path, with_store=False)
    assert session.size == 0
    documents = [session.documents[r] for r in session.loaded.order]
    found = json_parts(lambda: documents, len(documents), 0, lambda a, b: [], processes=2)
    assert _joined(list(found)) == events_json(documents, [])
    made = json_parts(lambda: documents, len(documents), 0, lambda a, b: [], processes=2,
                      head=lambda: json_head(lambda: documents))
    assert _joined(list(made)) == events_json(documents, [])
    assert list(jsonl_parts(0, lambda a, b: [], processes=2)) == []


@pytest.mark.parametrize("size", [0, 1, 5, 99, 100, 101, 1_000, 250_000])
@pytest.mark.parametrize("head", [0, 30, 500])
@pytest.mark.parametrize("processes", [1, 2, 3])
def test_rounds_cover_every_row_once_in_order(size: int, head: int, processes: int) -> None:
    rounds = _rounds(size, head, processes)
    blocks = [block for found in rounds for block in found]
    assert [row for a, b in blocks for row in range(a, b)] == list(range(size))
    assert all(b > a for a, b in blocks)
    assert all(len(found) <= processes for found in rounds)
    if rounds[0] and len(rounds[0]) == processes and size:  # the head's process: a smaller block
        first = rounds[0]
        assert first[-1][1] - first[-1][0] <= first[0][1] - first[0][0]


def test_a_command_open_writes_what_the_app_open_writes(tmp_path: Path) -> None:
    """Opened for a command without a snapshot, dated files are packed without their events
    (`entry_packing`); an article that takes its year from the folder is
    still read back whole and extracted again: the documents and events written are the
    same as the app's open gives."""
    folder = copy_seeds(tmp_path / "seeds")
    (folder / "zz-undated.txt").write_text(
        "Talks in Geneva\n\nGENEVA, March 3 (Reuters) - Talks resumed on Tuesday in Geneva, "
        "the ministry said. The envoys will meet again on Friday.\n", encoding="utf-8")
    app = Session.open(folder, use_snapshot=False, with_store=False)
    lean = Session.open(folder, use_snapshot=False, with_store=False, command=True)
    assert lean.documents["zz-undated.txt"].date_source == "inferred"

    def written(opened: Session) -> str:
        order = opened.loaded.order
        return _joined(list(json_parts(lambda: [opened.documents[r] for r in order],
                                       len(order), opened.size,
                                       lambda a, b: opened.texts_of(a, b, EVENT_LEVEL))))

    assert lean.size == app.size
    assert written(lean) == written(app)
