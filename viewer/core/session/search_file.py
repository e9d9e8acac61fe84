"""The text search's buffer saved beside the folder's snapshot and mapped from it.

Why: at a million events the first search made its buffer on the window's thread (every
document's text decompressed, every sentence folded and encoded: 2.3 s of CPU), and making
it ahead after every open would hold about 114 B an event whether or not the user searches.
Written when the snapshot is (the extraction's thread, not the window's), it is mapped read
only at the first search: its pages are the file's, which the system can drop and read again.

One file: a header block (magic, the JSON description's length and CRC-32, the description:
the folder row's key, rows, text length, the starts' type and place, the text's word sum
(`text_sum`) and a CRC-32 of the starts, the byte histogram, the place and word sum of the
rows counted per block), the text with its padding, the starts, then the rows counted per
block (`place_rows.row_marks`: a match's row by a lookup; a file of the format before, without
them, is still used, its matches' rows found by a binary search as before: counting them at
the first search cost 30-60 ms of a fresh process's CPU, more than the lookups save).
Anything that does not match (another key or row count, a size, a checksum) is not used: the
caller makes the buffer again from the sentences.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import struct
import threading
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import numpy.typing as npt

from viewer.core.session.place_rows import Marks, block_count, row_marks
from viewer.core.session.search_text import (
    PADDING,
    Haystack,
    Sentences,
    Starts,
    histogram_of,
    sentence_blocks,
    starts_of,
)
from viewer.core.session.snapshot import SEARCH_NAME

MAGIC = b"TVSRCH03"  # 01 held a CRC-32 of the text
BEFORE = b"TVSRCH02"  # read still, without rows per block
HEAD = 4096  # the header block; the text starts on a page of its own
_FIELDS = struct.Struct("<8sII")  # magic, description length, description CRC-32


# what a writer's `fill` gives back: the text's length, word sum and byte histogram, the
# starts, and the rows counted per block
Filled = tuple[int, int, npt.NDArray[np.int64], Starts, Marks]


def search_path(snapshot: Path) -> Path:
    """Where the buffer of the snapshot at `snapshot` is saved."""
    return snapshot.with_name(SEARCH_NAME)


class TextSum:
    """The text's eight-byte words (little-endian, the last one padded with NULs) summed
    modulo 2**64, fed a piece at a time. Why not a CRC-32: one over a million events' 113 MB
    text was 57 ms of the first search's CPU, this one NumPy reduction 9 ms. It still changes
    with any damage inside one word (a flipped bit, a byte overwritten), and random damage
    anywhere slips by one time in 2**64; the file is only ever damaged, never forged."""

    def __init__(self) -> None:
        self.total = 0
        self._carry = np.zeros(0, dtype=np.uint8)  # the bytes after the last whole word

    def add(self, data: Any) -> None:
        """Take the next bytes (anything with the buffer protocol)."""
        piece = np.frombuffer(data, dtype=np.uint8)
        if len(self._carry):
            piece = np.concatenate([self._carry, piece])
        whole = len(piece) // 8 * 8
        words = piece[:whole].view("<u8")
        self.total = (self.total + int(np.add.reduce(words, dtype=np.uint64))) % 2**64
        self._carry = piece[whole:].copy()

    def value(self) -> int:
        """The sum, the last partial word counted."""
        return (self.total + int.from_bytes(self._carry.tobytes(), "little")) % 2**64


def text_sum(data: Any) -> int:
    """`TextSum` of one buffer."""
    found = TextSum()
    found.add(data)
    return found.value()


def write(path: Path, key: str, columns: Sentences,
          blocks: Callable[[bytes, npt.NDArray[np.int64]], None] | None = None) -> bool:
    """Save the buffer of `columns` under the folder row's `key`, a block of rows at a time
    (never the whole text in memory), into a new file put in place at the end, so a window
    mapping the file before keeps reading what it mapped. False when it cannot be written.
    `blocks`, when given, is shown each block of sentences and their lengths as written."""
    def fill(out: BinaryIO) -> Filled:
        total, histogram = TextSum(), np.zeros(256, dtype=np.int64)
        lengths: list[npt.NDArray[np.int64]] = []
        for block, sizes in sentence_blocks(columns):
            if blocks is not None:
                blocks(block, sizes)
            out.write(block)
            total.add(block)
            histogram += histogram_of(np.frombuffer(block, dtype=np.uint8))
            lengths.append(sizes)
        starts, length = starts_of(lengths, columns.size)
        if columns.size:
            histogram[0] -= 1  # the last sentence's NUL is padding, not text
        tail = bytes(PADDING - 1 if columns.size else PADDING)
        out.write(tail)
        total.add(tail)
        return length, total.value(), histogram, starts, row_marks(starts, length)

    return _written(path, key, columns.size, fill)


def save(path: Path, key: str, haystack: Haystack) -> bool:
    """Save a buffer made in memory (an older snapshot's, made at the first search), so the
    next open maps it."""
    def fill(out: BinaryIO) -> Filled:
        out.write(haystack.buffer.data)
        return (haystack.length, text_sum(haystack.buffer), haystack.histogram,
                haystack.starts, haystack.marks if haystack.marks is not None
                else row_marks(haystack.starts, haystack.length))

    return _written(path, key, len(haystack.starts) - 1, fill)


def _written(path: Path, key: str, rows: int, fill: Callable[[BinaryIO], Filled]) -> bool:
    """The file written by `fill` (the text and its padding after the header block: its
    length, word sum, histogram, starts and rows per block), then the starts, the rows per
    block and the header."""
    def write(out: BinaryIO) -> None:
        out.write(bytes(HEAD))
        length, text_total, histogram, starts, marks = fill(out)
        at = out.tell()
        gap = -at % 8
        data = starts.tobytes()
        out.write(bytes(gap) + data)
        marks = marks.astype(starts.dtype, copy=False)
        marks_at = out.tell() + -out.tell() % 8
        out.write(bytes(marks_at - out.tell()) + marks.tobytes())
        block = header_block(MAGIC, {
            "key": key, "rows": rows, "length": length,
            "starts": starts.dtype.str, "starts_at": at + gap, "text_sum": text_total,
            "starts_crc": zlib.crc32(data), "histogram": histogram.tolist(),
            "marks_at": marks_at, "marks_sum": text_sum(marks)})
        out.seek(0)
        out.write(block)

    return put_in_place(path, write)


def put_in_place(path: Path, write: Callable[[BinaryIO], None]) -> bool:
    """A new file at `path` written by `write` into a temporary file beside it, put in place
    at the end, so a window mapping the file before keeps reading what it mapped. False when
    it cannot be written (an OSError, or a ValueError from `write`); the temporary file is
    never left behind. Named per process and thread: the word index may be written by a
    thread of its own."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(temporary, "wb") as out:
            write(out)
        os.replace(temporary, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(exc, (OSError, ValueError)):
            return False
        raise
    return True


def header_block(magic: bytes, about: dict[str, Any]) -> bytes:
    """The header block of a search file (this one, or the word index beside it): `magic`,
    the JSON description's length and CRC-32, the description, zeros to `HEAD` bytes. A
    ValueError when the description does not fit."""
    head = json.dumps(about).encode()
    if _FIELDS.size + len(head) > HEAD:
        raise ValueError("search file header too long")
    return (_FIELDS.pack(magic, len(head), zlib.crc32(head)) + head).ljust(HEAD, b"\x00")


def read_header(fh: BinaryIO, magics: tuple[bytes, ...] = (MAGIC, BEFORE)
                ) -> tuple[bytes, dict[str, Any]] | None:
    """The file's magic (one of `magics`) and description, when its header block is whole."""
    if os.fstat(fh.fileno()).st_size < HEAD:
        return None
    magic, count, check = _FIELDS.unpack(fh.read(_FIELDS.size))
    known = magic in magics and count <= HEAD - _FIELDS.size
    head = fh.read(count) if known else b""
    if len(head) != count or not head or zlib.crc32(head) != check:
        return None
    about = json.loads(head)
    return (magic, about) if isinstance(about, dict) else None


def header_sum(path: Path) -> int | None:
    """The word sum of the text saved at `path`, as its header says (the header alone is
    read: a word index made from that text is told apart from one made from another)."""
    try:
        with open(path, "rb") as fh:
            found = read_header(fh)
        total = found[1].get("text_sum") if found is not None else None
        return total if isinstance(total, int) else None
    except (OSError, ValueError, struct.error):
        return None


def read(path: Path, key: str, rows: int) -> Haystack | None:
    """The buffer saved for the folder row `key` of `rows` rows, mapped from its file, or
    None when there is none or it does not match (key, rows, size or checksums)."""
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            found = read_header(fh)
            if found is None:
                return None
            magic, about = found
            if (about.get("key") != key or about.get("rows") != rows
                    or (magic == MAGIC) != ("marks_at" in about)):
                return None
            mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        return _checked(mapped, about, size, rows)
    except (OSError, ValueError, TypeError, KeyError, struct.error):
        return None


def _checked(mapped: mmap.mmap, about: dict[str, Any], size: int,
             rows: int) -> Haystack | None:
    length, at = int(about["length"]), int(about["starts_at"])
    kind = np.dtype(about["starts"])
    text = length + PADDING if rows else PADDING
    starts_end = at + (rows + 1) * kind.itemsize
    blocks = block_count(length)
    marks_at = int(about.get("marks_at", starts_end))
    end = marks_at + blocks * kind.itemsize if "marks_at" in about else starts_end
    if (kind not in (np.dtype("<i4"), np.dtype("<i8")) or length < 0 or at < HEAD + text
            or marks_at < starts_end or size != end):
        return None
    buffer = np.frombuffer(mapped, dtype=np.uint8, count=text, offset=HEAD)
    starts: npt.NDArray[np.signedinteger[Any]] = np.frombuffer(
        mapped, dtype=kind, count=rows + 1, offset=at)
    histogram = np.asarray(about["histogram"], dtype=np.int64)
    if (text_sum(buffer) != about["text_sum"]
            or zlib.crc32(starts.data) != about["starts_crc"] or histogram.shape != (256,)):
        return None
    marks: Marks | None = None
    if "marks_at" in about:
        marks = np.frombuffer(mapped, dtype=kind, count=blocks, offset=marks_at)
        if text_sum(marks) != about["marks_sum"]:
            return None
    return Haystack(buffer, length, starts, histogram, marks)
