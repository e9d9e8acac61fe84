"""A file's snapshot entry packed piece by piece, never whole in memory.

Why: `pack(extraction_to_dict(x))` holds every event of a document as a dict, then the whole
JSON text, then its UTF-8 bytes, all at once. For one 16 MB article (232,000 events) that
was over a gigabyte at its peak, three times what extracting it needed. Here the events,
mentions and time expressions are turned into JSON a block at a time and fed to one zlib
stream, so only one block's dicts and text live at a time. The text inside the stream is the
same as `pack`'s (the same separators, keys in the same order), so `unpack` reads it back.

A dated file's entry is lean: its document and time expressions only. Turning each event
into a dict and JSON was a sixth of an open's CPU, and a dated file's events are never read
back from its entry: they are in the columns the worker builds, which the snapshot keeps
with the folder stage (`stage_memory`) for the next open. Only an undated document is read
back whole, to be dated by the folder (`cold_open.redate`). When the stage cannot be read
back (a cancelled open writes none), a lean entry is extracted again (`loading._converted`).
"""

from __future__ import annotations

import dataclasses
import json
import zlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from viewer.core.events.document_events import DocumentEvents
from viewer.core.model import Document, Paragraph, Sentence
from viewer.core.serialize import (
    document_to_dict,
    event_to_dict,
    mention_to_list,
    timex_to_list,
)

BLOCK = 2048  # items turned into JSON at a time
TEXT_BLOCK = 1 << 20  # characters of a document's text turned into JSON at a time
_EMPTY_LISTS = ',"paragraphs":[],"sentences":[]'  # in `document_to_dict`, after the text
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


def _string(text: str) -> Iterator[str]:
    """`_dumps(text)`, a block of characters at a time (escaping is per character)."""
    yield '"'
    for start in range(0, len(text), TEXT_BLOCK):
        yield _dumps(text[start:start + TEXT_BLOCK])[1:-1]
    yield '"'


def _sentence(s: Sentence) -> list[Any]:
    return [s.start, s.end, s.paragraph, s.boilerplate]


def _paragraph(p: Paragraph) -> list[int]:
    return [p.start, p.end]


def document_text(doc: Document) -> Iterator[str]:
    """`_dumps(document_to_dict(doc))` in pieces: the text and the sentences of a 16 MB
    article whole (their lists, the JSON text and its bytes) were 114 MB at once, the
    peak of the open's process."""
    head = document_to_dict(dataclasses.replace(doc, text="", paragraphs=(), sentences=()))
    text = _dumps(head)
    cut = text.index(',"text":""')  # the keys after it are written as they are
    yield text[:cut] + ',"text":'
    yield from _string(doc.text)
    yield ',"paragraphs":'
    yield from _array(doc.paragraphs, _paragraph)
    yield ',"sentences":'
    yield from _array(doc.sentences, _sentence)
    rest = text[cut + len(',"text":""'):]
    if not rest.startswith(_EMPTY_LISTS):  # (`document_to_dict` changed its keys' order)
        raise ValueError(f"unexpected document keys: {rest[:60]!r}")
    yield rest[len(_EMPTY_LISTS):]


def entry_text(result: DocumentEvents, events: bool = True) -> Iterator[str]:
    """The JSON text of `extraction_to_dict(result)`, in pieces; without `events`, of the
    lean entry (its "document" and "timexes" only)."""
    yield '{"document":'
    yield from document_text(result.document)
    if events:
        yield ',"events":'
        yield from _array(result.events, event_to_dict)
        yield ',"mentions":'
        yield from _array(result.mentions, _mentions)
    yield ',"timexes":'
    yield from _array(result.timexes, timex_to_list)
    yield "}"


def pack_extraction(result: DocumentEvents, events: bool = True) -> bytes:
    """`snapshot.pack` of `entry_text(result, events)`'s value, streamed."""
    stream = zlib.compressobj(1)
    parts = [stream.compress(piece.encode("utf-8", "surrogatepass"))
             for piece in entry_text(result, events)]
    parts.append(stream.flush())
    return b"".join(parts)
