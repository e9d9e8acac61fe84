"""A file's snapshot entry packed piece by piece, never whole in memory.

Why: `pack(extraction_to_dict(x))` holds every event of a document as a dict, then the whole
JSON text, then its UTF-8 bytes, all at once. For one 16 MB article (232,000 events) that
was over a gigabyte at its peak, three times what extracting it needed. Here the events,
mentions and time expressions are turned into JSON a block at a time and fed to one zlib
stream, so only one block's dicts and text live at a time. The text inside the stream is the
same as `pack`'s (the same separators, keys in the same order), so `unpack` reads it back.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from viewer.core.events.document_events import DocumentEvents
from viewer.core.serialize import (
    document_to_dict,
    event_to_dict,
    mention_to_list,
    timex_to_list,
)

BLOCK = 2048  # items turned into JSON at a time
T = TypeVar("T")

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _array(items: Sequence[T], convert: Callable[[T], Any]) -> Iterator[str]:
    """`json.dumps([convert(x) for x in items])`'s text, a block of items at a time."""
    yield "["
    for start in range(0, len(items), BLOCK):
        text = _dumps([convert(x) for x in items[start:start + BLOCK]])
        yield ("," if start else "") + text[1:-1]
    yield "]"


def _mentions(ms: Sequence[Any]) -> list[list[Any]]:
    return [mention_to_list(m) for m in ms]


def entry_text(result: DocumentEvents) -> Iterator[str]:
    """The JSON text of `extraction_to_dict(result)`, in pieces."""
    yield '{"document":' + _dumps(document_to_dict(result.document)) + ',"events":'
    yield from _array(result.events, event_to_dict)
    yield ',"mentions":'
    yield from _array(result.mentions, _mentions)
    yield ',"timexes":'
    yield from _array(result.timexes, timex_to_list)
    yield "}"


def lean_text(result: DocumentEvents) -> Iterator[str]:
    """The JSON text of `batch_extraction.lean_entry(result)` (no events), in pieces."""
    yield '{"document":' + _dumps(document_to_dict(result.document)) + ',"timexes":'
    yield from _array(result.timexes, timex_to_list)
    yield "}"


def _packed(pieces: Iterator[str]) -> bytes:
    stream = zlib.compressobj(1)
    parts = [stream.compress(piece.encode("utf-8", "surrogatepass")) for piece in pieces]
    parts.append(stream.flush())
    return b"".join(parts)


def pack_extraction(result: DocumentEvents) -> bytes:
    """`snapshot.pack(extraction_to_dict(result))`, streamed."""
    return _packed(entry_text(result))


def pack_lean(result: DocumentEvents) -> bytes:
    """`snapshot.pack(batch_extraction.lean_entry(result))`, streamed."""
    return _packed(lean_text(result))
