"""Giving rows of one field new values (`column_rows.put`): the codes and the vocabulary's
order are those of coding each value one at a time, and the Python work does not grow with
the rows given (the folder stage gives tens of thousands of rows new people and marks)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from tests.conftest import copy_seeds
from tests.core.workcount import growth, lines_run
from viewer.core.pipeline.folder_extraction import extract_folder
from viewer.core.session.column_rows import put, take
from viewer.core.session.columns import EventColumns


def _columns(tmp_path: Path, copies: int) -> EventColumns:
    events = extract_folder(copy_seeds(tmp_path / "seeds"), workers=1, use_cache=False).events
    base = EventColumns.build(list(events), _text)
    return take(base, np.tile(np.arange(base.size, dtype=np.int64), copies))


def _text(relpath: str, start: int, end: int) -> str:
    return ""


def _new_values(size: int) -> tuple[dict[int, object], dict[int, object]]:
    """Every third row new parties (some new strings, some known, some none), every fifth
    a new speaker (some rows none)."""
    parties = {row: (("Atlantis", f"Party {row % 7}") if row % 2 else ()) for row in
               range(0, size, 3)}
    speaker = {row: (f"Speaker {row % 11}" if row % 4 else None) for row in range(0, size, 5)}
    return parties, speaker


def test_put_codes_as_one_value_at_a_time(tmp_path: Path) -> None:
    columns = _columns(tmp_path, 2)
    before = columns.events()
    known = list(columns.vocab["parties"].strings)
    parties, speaker = _new_values(columns.size)
    put(columns, "parties", parties)
    put(columns, "speaker", speaker)
    # new strings coded in order of first appearance, row by row, value by value
    expected_new = list(dict.fromkeys(v for row in parties.values() for v in row
                                      if v not in known))
    assert columns.vocab["parties"].strings == known + expected_new
    for row, event in enumerate(columns.events()):
        assert event.parties == parties.get(row, before[row].parties)
        assert event.speaker == speaker.get(row, before[row].speaker)
        assert event.text == before[row].text


def test_put_python_work_does_not_grow_with_rows(tmp_path: Path) -> None:
    built = {copies: _columns(tmp_path / str(copies), copies) for copies in (1, 4)}

    def work(copies: int) -> int:
        columns = take(built[copies], np.arange(built[copies].size, dtype=np.int64))
        parties, speaker = _new_values(columns.size)
        counter = [0]

        def run() -> None:
            put(columns, "parties", parties)
            put(columns, "speaker", speaker)

        lines_run(run, counter)
        return counter[0]

    assert growth(work) < 1.5  # the same distinct values: as many lines for 4× the rows
