"""One vocabulary per field for every piece of an open, so pieces are arrays of codes and join
by concatenation.

Why: each extraction task's columns and notes arrive with their own vocabularies (the
strings of its documents' reasons, words, mentions, …). Kept as they came, a folder of 9,000
articles held every common word and reason once per task: a few hundred thousand duplicate
strings and dictionaries, more memory than the events' arrays. Each piece's codes are
translated into the shared vocabularies as it arrives (one pass over its vocabulary, one
array lookup per column) and its own strings are let go.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from viewer.core.pipeline.coded_lists import CodedLists
from viewer.core.pipeline.document_summary import EventNotes
from viewer.core.session.columns import EventColumns
from viewer.core.session.vocabulary import Ragged, Vocabulary

_NOTES = ("mentions", "words", "figures")


class SharedCodes:
    def __init__(self) -> None:
        self.vocab: dict[str, Vocabulary] = {}
        self.notes: dict[str, Vocabulary] = {name: Vocabulary() for name in _NOTES}

    def columns(self, columns: EventColumns) -> EventColumns:
        """The same columns, their codes in the shared vocabularies (translated in place)."""
        for name, own in list(columns.vocab.items()):
            shared = self.vocab.setdefault(name, Vocabulary())
            if own is shared:
                continue
            table = np.array([shared.code(s) for s in own.strings] + [-1], dtype=np.int32)
            if name in columns.ragged:
                ragged = columns.ragged[name]
                columns.ragged[name] = Ragged(table[ragged.codes], ragged.offsets)
            else:
                columns.arrays[name] = table[columns.arrays[name]]
            columns.vocab[name] = shared
        return columns

    def _coded(self, name: str, lists: CodedLists) -> CodedLists:
        shared = self.notes[name]
        table = np.array([shared.code(s) for s in lists.strings] + [0], dtype=np.int32)
        return CodedLists((), table[lists.codes], lists.offsets)  # strings: see `notes_of`

    def notes_in(self, notes: EventNotes) -> EventNotes:
        """The notes with codes in the shared vocabularies (and no strings of their own)."""
        return EventNotes(self._coded("mentions", notes.mentions),
                          self._coded("words", notes.words),
                          self._coded("figures", notes.figures), notes.takes_part)

    def join_notes(self, parts: Sequence[EventNotes]) -> EventNotes:
        """Notes translated by `notes_in`, joined, with the shared strings."""
        def joined(name: str) -> CodedLists:
            lists = [getattr(p, name) for p in parts]
            base = np.cumsum([0] + [int(c.offsets[-1]) for c in lists[:-1]], dtype=np.int64)
            offsets = np.concatenate([np.zeros(1, dtype=np.int64)] + [
                c.offsets[1:] + b for c, b in zip(lists, base, strict=True)])
            codes = np.concatenate([c.codes for c in lists]) if lists else np.zeros(0, np.int32)
            return CodedLists(tuple(self.notes[name].strings), codes.astype(np.int32), offsets)

        return EventNotes(joined("mentions"), joined("words"), joined("figures"),
                          np.concatenate([p.takes_part for p in parts]) if parts
                          else np.zeros(0, dtype=bool))

    def join(self, parts: Sequence[EventColumns], text_of: Callable[[str, int, int], str]
             ) -> EventColumns:
        """Columns translated by `columns`, joined array by array (no string is read)."""
        out = EventColumns(sum(p.size for p in parts), text_of)
        out.vocab = self.vocab
        out.flags = np.concatenate([p.flags for p in parts])
        for name in parts[0].arrays:
            out.arrays[name] = _joined_arrays([p.arrays[name] for p in parts])
        for name in parts[0].ragged:
            ragged = [p.ragged[name] for p in parts]
            base = np.cumsum([0] + [int(r.offsets[-1]) for r in ragged[:-1]], dtype=np.int64)
            offsets = np.concatenate([np.zeros(1, dtype=np.int64)] + [
                r.offsets[1:].astype(np.int64) + b for r, b in zip(ragged, base, strict=True)])
            out.ragged[name] = Ragged(np.concatenate([r.codes for r in ragged]).astype(np.int32),
                                      offsets)
        return out


def _joined_arrays(arrays: list[Any]) -> Any:
    """Concatenated; fixed-width bytes columns (ids) widened to the widest part."""
    if arrays[0].dtype.kind == "S":
        width = max(a.dtype.itemsize for a in arrays)
        return np.concatenate([a.astype(f"S{width}") for a in arrays])
    return np.concatenate(arrays)


def shallow(columns: EventColumns) -> EventColumns:
    """Columns to stage that share their arrays with `columns` (kept as extracted): the stage
    replaces whole arrays and ragged columns, and writes in place only into the ones copied
    here (speaker, flags), so the originals stay as they were."""
    out = EventColumns(columns.size, columns.text_of)
    out.vocab = columns.vocab
    out.flags = columns.flags.copy()
    out.arrays = dict(columns.arrays)
    out.arrays["speaker"] = columns.arrays["speaker"].copy()
    out.ragged = {name: Ragged(r.codes, r.offsets) for name, r in columns.ragged.items()}
    return out
