"""The search's word index (`search_words`) saved beside the snapshot and mapped from it.

Why a file of its own beside the search's buffer (`search_file`): a word search reads only
this file, so the first one neither maps nor checks the 113 MB text of a million events; and
an index found damaged or stale is made again and rewritten alone.

One file: a header block (magic, the JSON description's length and CRC-32, the description:
the folder row's key, rows, the word sum of the search text it was made from (`text_sum`,
as `search_file`'s header holds it), the sections' places and sizes, and one word sum over
everything after the header), then the words' text, their starts, their places in the body,
which are bitmaps, and the body. An index whose key, rows or text sum differ from the saved
buffer's, or whose sizes or sum do not match, is not used: the caller makes it again.
"""

from __future__ import annotations

import mmap
import os
import struct
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from viewer.core.session import search_file
from viewer.core.session.search_file import HEAD, header_block, read_header, text_sum
from viewer.core.session.search_text import Sentences
from viewer.core.session.search_words import Builder, Words
from viewer.core.session.snapshot import WORDS_NAME

MAGIC = b"TVWORD01"
# the arrays after the words' text, in order: name, type
_ARRAYS = (("heads", "<i8"), ("at", "<i8"), ("bitmap", "|b1"), ("body", "<u4"))


def words_path(snapshot: Path) -> Path:
    """Where the word index of the snapshot at `snapshot` is saved."""
    return snapshot.with_name(WORDS_NAME)


def write_both(snapshot: Path, key: str, columns: Sentences) -> bool:
    """Save the search's buffer of `columns` (`search_file.write`) and its word index, made
    from the same blocks as they are written. False when the buffer cannot be written (an
    index that cannot be is left out: the first word search makes it)."""
    search = search_file.search_path(snapshot)
    builder = Builder()
    if not search_file.write(search, key, columns, builder.add):
        return False
    made_from = search_file.header_sum(search)
    if made_from is not None:
        write(words_path(snapshot), key, builder.words(), made_from)
    return True


def write(path: Path, key: str, words: Words, made_from: int) -> bool:
    """Save `words` under the folder row's `key`, made from the search text whose word sum
    is `made_from`, into a new file put in place at the end. False when it cannot be."""
    parts: list[bytes] = [words.text]
    places: dict[str, int] = {}
    at = HEAD + len(words.text)
    for name, kind in _ARRAYS:
        gap = -at % 8
        parts.append(bytes(gap))
        at += gap
        places[name] = at
        data = np.ascontiguousarray(getattr(words, name), dtype=kind).tobytes()
        parts.append(data)
        at += len(data)
    body = b"".join(parts)
    about = {
        "key": key, "rows": words.rows, "text_sum": made_from, "text": len(words.text),
        "words": len(words.heads) - 1, "units": len(words.body), "places": places,
        "sum": text_sum(body)}

    def fill(out: BinaryIO) -> None:
        out.write(header_block(MAGIC, about))
        out.write(body)

    return search_file.put_in_place(path, fill)


def read(snapshot: Path, key: str, rows: int) -> Words | None:
    """The index saved for the folder row `key` of `rows` rows, made from the text the
    search's buffer beside `snapshot` holds now (as its header says), or None: none, another
    key, rows or text, or damaged."""
    made_from = search_file.header_sum(search_file.search_path(snapshot))
    if made_from is None:
        return None
    path = words_path(snapshot)
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            found = read_header(fh, (MAGIC,))
            if found is None:
                return None
            about = found[1]
            if (about.get("key") != key or about.get("rows") != rows
                    or about.get("text_sum") != made_from):
                return None
            mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        return _checked(mapped, about, size)
    except (OSError, ValueError, TypeError, KeyError, AttributeError, struct.error):
        return None


def _checked(mapped: mmap.mmap, about: dict[str, Any], size: int) -> Words | None:
    """The index's arrays over the mapped file, when their sizes and word sum match."""
    length, count, units = int(about["text"]), int(about["words"]), int(about["units"])
    places = about["places"]
    counts = {"heads": count + 1, "at": count + 1, "bitmap": count, "body": units}
    arrays: dict[str, Any] = {}
    end = HEAD + length
    for name, kind in _ARRAYS:
        at, dtype = int(places[name]), np.dtype(kind)
        if at < end or counts[name] < 0:
            return None
        end = at + counts[name] * dtype.itemsize
        if end > size:
            return None
        arrays[name] = np.frombuffer(mapped, dtype=dtype, count=counts[name], offset=at)
    if end != size or text_sum(memoryview(mapped)[HEAD:]) != about["sum"]:
        return None
    text = mapped[HEAD : HEAD + length]
    heads, at, bitmap = arrays["heads"], arrays["at"], arrays["bitmap"]
    width = (int(about["rows"]) + 31) // 32  # a bitmap's units: each one must be as long
    if (count and (heads[0] != 1 or heads[-1] != length or at[0] != 0 or at[-1] != units
                   or (np.diff(heads) < 2).any() or (np.diff(at) < 0).any()
                   or (np.diff(at)[bitmap] != width).any())):
        return None
    return Words(text, heads, at, bitmap, arrays["body"], int(about["rows"]))
