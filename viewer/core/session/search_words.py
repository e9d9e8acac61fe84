"""The text search's word index: for each word of the search's buffer, the rows holding it.

Why: a first search for a word ("geneva", kept by 47 % of a million rows) scanned the whole
113 MB buffer for the needle's rarest byte and compared the needle at each of its 640,000
places: about 75 ms of CPU, plus 12-15 ms to check the mapped text first. A needle made only
of word bytes (letters, digits, any byte of a non-ASCII character) can only occur inside one
run of word bytes, so the rows holding it are exactly the rows holding one of the words that
contain it: a few posting lists read instead of the text.

A word's rows are a list (4 bytes a row) or, where that is larger, a bitmap of every row
(one bit a row), so no word costs more than the larger of the two. A needle matching too
many words or rows (`MAX_WORDS`, `MAX_READ`) is left to the scan, which is cheaper then.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from viewer.core.session.search_text import BLOCK_ROWS, Haystack

Mask = npt.NDArray[np.bool_]
U32 = npt.NDArray[np.uint32]
I64 = npt.NDArray[np.int64]
U64 = npt.NDArray[np.uint64]
_LOW = np.uint64(0xFFFFFFFF)  # a pair's word code, below its row
_NEW = 2**32  # a word not coded yet

# Word bytes: ASCII letters and digits and every byte of a non-ASCII character's UTF-8 form.
WORD_BYTES = np.zeros(256, dtype=bool)
for _low, _high in ((ord("0"), ord("9")), (ord("A"), ord("Z")), (ord("a"), ord("z")),
                    (0x80, 0xFF)):
    WORD_BYTES[_low : _high + 1] = True
# every other byte as a space, so `bytes.split` cuts the words out (a third of the time of
# a regular expression's `findall`)
_SPACED = bytes(code if WORD_BYTES[code] else 32 for code in range(256))
MAX_WORDS = 256  # words holding the needle looked up at most; more: the scan answers
MAX_READ = 1  # posting units read at most, per row: more (a list's row or a bitmap's 32 rows)
# than the rows themselves and the scan answers


def indexable(wanted: bytes) -> bool:
    """Whether the index answers a search for `wanted` (UTF-8): made of word bytes only."""
    return bool(wanted) and bool(WORD_BYTES[np.frombuffer(wanted, dtype=np.uint8)].all())


@dataclass(frozen=True, slots=True)
class Words:
    """Every distinct word, NUL-separated between a NUL at each end (`text`; word `i` is
    `text[heads[i]:heads[i + 1] - 1]`), and where its rows are in `body` (`at[i]` to
    `at[i + 1]`): a list of ascending rows, or a bitmap (`np.packbits` of the row mask, little
    bit order, padded to whole 4-byte units) where that is smaller; `bitmap[i]` says which."""

    text: bytes
    heads: I64  # where each word starts in `text`, then one past the last NUL
    at: I64  # each word's first unit in `body`, then the body's length
    bitmap: npt.NDArray[np.bool_]
    body: U32
    rows: int

    def matching_rows(self, wanted: bytes, work: list[int] | None = None) -> Mask | None:
        """True at each row whose sentence holds `wanted` (word bytes only, `indexable`);
        None when it holds more than `MAX_WORDS` words or their postings more units than
        `MAX_READ` a row (the scan is cheaper). `work`, when given, gets the units read."""
        found = self._holding(wanted)
        if found is None:
            return None
        units = int((self.at[found + 1] - self.at[found]).sum())
        if units > MAX_READ * max(self.rows, 1):
            return None
        if work is not None:
            work.append(units)
        mask = np.zeros(self.rows, dtype=bool)
        packed: npt.NDArray[np.uint8] | None = None
        for word in found.tolist():
            part = self.body[int(self.at[word]) : int(self.at[word + 1])]
            if self.bitmap[word]:
                bits = part.view(np.uint8)
                packed = bits.copy() if packed is None else np.bitwise_or(packed, bits,
                                                                          out=packed)
            else:
                mask[part] = True
        if packed is not None:
            mask |= np.unpackbits(packed, count=self.rows, bitorder="little").view(bool)
        return mask

    def _holding(self, wanted: bytes) -> I64 | None:
        """The words holding `wanted`, each once (None: more than `MAX_WORDS`); one C-level
        `find` per word found, jumping past that word."""
        found: list[int] = []
        at = self.text.find(wanted, 1)
        while at >= 0:
            word = int(np.searchsorted(self.heads, at, side="right")) - 1
            found.append(word)
            if len(found) > MAX_WORDS:
                return None
            at = self.text.find(wanted, int(self.heads[word + 1]))
        return np.asarray(found, dtype=np.int64)


class Builder:
    """Words gathered a block of sentences at a time (the blocks `search_text` writes),
    each block's distinct (word, row) pairs kept until `words` lays them out."""

    def __init__(self) -> None:
        self.codes: dict[bytes, int] = {}
        self.pairs: list[U64] = []
        self.rows = 0

    def add(self, block: bytes, lengths: I64) -> None:
        """Take a block of NUL-separated sentences (`lengths`: each one's with its NUL)."""
        words = block.translate(_SPACED).split()
        codes = self.codes
        # most blocks bring no new word: a look-up each, the new ones coded after (a set of
        # each block's words first cost 13 of its 76 ms)
        ids = np.fromiter(map(codes.get, words, itertools.repeat(_NEW)), dtype=np.uint64,
                          count=len(words))
        new = np.flatnonzero(ids == _NEW)
        if len(new):
            for at in new.tolist():
                ids[at] = codes.setdefault(words[at], len(codes))
        kinds = WORD_BYTES[np.frombuffer(block, dtype=np.uint8)]
        heads = np.flatnonzero(kinds[1:] & ~kinds[:-1]) + 1
        if len(kinds) and kinds[0]:
            heads = np.concatenate([np.zeros(1, dtype=np.int64), heads])
        rows = np.searchsorted(np.cumsum(lengths), heads, side="right").astype(np.uint64)
        rows += np.uint64(self.rows)
        # rows ascend, so the keys are short unsorted runs: a merge sort's near-linear case
        keys = np.sort((rows << np.uint64(32)) | ids, kind="stable")
        if len(keys):
            keys = keys[np.concatenate([[True], keys[1:] != keys[:-1]])]
        self.pairs.append(keys)
        self.rows += len(lengths)

    def words(self) -> Words:
        """The index laid out: words in code order, each one's rows a list or a bitmap.
        Each block's pairs are placed among their words' rows and dropped in turn (one
        sort of every pair by word held three copies of them: 0.3 GB at a million rows)."""
        texts = sorted(self.codes, key=self.codes.__getitem__)
        size = len(texts)
        counts = np.zeros(size, dtype=np.int64)
        for keys in self.pairs:
            counts += np.bincount((keys & _LOW).astype(np.int64), minlength=size)
        firsts = np.zeros(size + 1, dtype=np.int64)
        np.cumsum(counts, out=firsts[1:])
        placed = np.empty(int(firsts[-1]), dtype=np.uint32)  # every word's rows, in order
        cursor = firsts[:-1].copy()
        self.pairs.reverse()
        while self.pairs:
            keys = self.pairs.pop()
            ids = (keys & _LOW).astype(np.int64)
            order = np.argsort(ids, kind="stable")  # by word, each word's rows ascending
            ids = ids[order]
            here = np.bincount(ids, minlength=size)
            before = np.cumsum(here) - here
            placed[cursor[ids] + np.arange(len(ids)) - before[ids]] = (
                keys >> np.uint64(32)).astype(np.uint32)[order]
            cursor += here
        width = (self.rows + 31) // 32  # a bitmap's 4-byte units
        bitmap = counts > width
        at = np.zeros(size + 1, dtype=np.int64)
        np.cumsum(np.where(bitmap, width, counts), out=at[1:])
        body = np.zeros(int(at[-1]), dtype=np.uint32)
        done = 0  # the words before it laid out; the listed ones are runs of `placed`
        for code in [*np.flatnonzero(bitmap).tolist(), size]:
            body[at[done] : at[code]] = placed[firsts[done] : firsts[code]]
            if code < size:
                mask = np.zeros(width * 32, dtype=bool)
                mask[placed[firsts[code] : firsts[code + 1]]] = True
                body[at[code] : at[code + 1]] = np.packbits(
                    mask, bitorder="little").view(np.uint32)
            done = code + 1
        text = b"\x00" + b"".join(word + b"\x00" for word in texts)
        heads = np.zeros(len(texts) + 1, dtype=np.int64)
        heads[0] = 1
        np.cumsum([len(word) + 1 for word in texts], out=heads[1:])
        heads[1:] += 1
        return Words(text, heads, at, bitmap, body, self.rows)


def made_from(haystack: Haystack) -> Words:
    """The index of a search buffer already made or mapped, its sentences taken again in
    the blocks `search_text` writes."""
    builder = Builder()
    starts, rows = haystack.starts, len(haystack.starts) - 1
    for first in range(0, rows, BLOCK_ROWS):
        last = min(rows, first + BLOCK_ROWS)
        begin, end = int(starts[first]), int(starts[last])
        builder.add(haystack.buffer[begin:end].tobytes(),
                    np.diff(starts[first : last + 1]).astype(np.int64))
    return builder.words()
