"""Where an open folder's documents are read back from when first asked for.

Why: holding every `Document` (text, paragraphs, sentences) and every time expression of a
large folder as objects cost more memory than its events. Extracted files arrive packed (the
snapshot's zlib-compressed JSON); they are written to the snapshot, or kept packed in memory
when there is no snapshot (or it cannot be written), and a document is unpacked when a view
or a command asks for it. Sentence texts are slices of the document texts, read one document
at a time when a sentence is asked for and kept only for the last few documents read: holding
every text of a folder cost as much memory as the text itself (116 MB at a million synthetic
events) and reading them all at the first sentence a view showed cost the first paint about
0.6 s of CPU there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from viewer.core.events.document_events import DocumentEvents
from viewer.core.serialize import extraction_from_dict
from viewer.core.session import search_file, words_file
from viewer.core.session.search_text import Haystack
from viewer.core.session.search_words import Words
from viewer.core.session.snapshot import (
    Snapshot,
    SnapshotDamaged,
    unpack,
    unpack_lead,
    unpack_text,
)

RECENT = 64  # documents whose text is kept once read
HELD_CHARS = 2_000_000  # and at most this many characters of them (a bound on memory)


class DocumentSource:
    def __init__(self, snapshot: Snapshot | None) -> None:
        self.snapshot = snapshot
        self.packed: dict[bytes, bytes] = {}  # payloads the snapshot does not hold
        self.packed_texts: dict[bytes, bytes] = {}

    def put(self, files: Iterable[Any]) -> None:
        """`batch_extraction.FileRow`s: into the snapshot, else kept here."""
        rows = list(files)
        for row in rows:
            if row.text is not None:
                self.packed_texts[row.rel] = row.text
        if self.snapshot is None or not self.snapshot.put_packed(rows):
            self.packed.update((row.rel, row.payload) for row in rows)

    def payload(self, rel: bytes, lead: str | None = None) -> Any:
        """A file's entry; with `lead` ("document"), only that first part of it."""
        blob = self.packed.get(rel)
        if blob is not None:
            return unpack(blob) if lead is None else unpack_lead(blob, lead)
        if self.snapshot is None or self.snapshot.closed:
            raise SnapshotDamaged("the folder was closed")
        found = self.snapshot.payloads([rel], lead=lead).get(rel)
        if not isinstance(found, dict):
            self.snapshot.damaged()  # the next open extracts again
            raise SnapshotDamaged(f"the snapshot lost {rel!r}")
        return found

    def document(self, rel: bytes) -> Any:
        """`{"document": ...}` of a file's entry, without parsing its events."""
        return self.payload(rel, "document")

    def extraction(self, rel: bytes) -> DocumentEvents:
        return extraction_from_dict(self.payload(rel))

    def text(self, rel: bytes) -> str | None:
        """A fresh file's text (None if it arrived through the snapshot)."""
        blob = self.packed_texts.get(rel)
        return None if blob is None else unpack_text(blob)


class RecentTexts:
    """The texts of the last documents read (first in, first out), at most `size` of them
    and `chars` characters in all: sentences are mostly asked for a document at a time
    (rows are grouped by document), so a few suffice; a count alone would not bound the
    memory of long texts. (A thousand documents held cost 30 B an event of resident memory
    at 100,000 events for no change measured: a new value's documents are new.)"""

    def __init__(self, size: int | None = None, chars: int | None = None) -> None:
        self.size = size if size is not None else RECENT
        self.chars = chars if chars is not None else HELD_CHARS
        self.held: dict[str, str] = {}
        self.total = 0  # characters held

    def get(self, relpath: str) -> str | None:
        return self.held.get(relpath)

    def put(self, relpath: str, text: str) -> None:
        old = self.held.pop(relpath, None)
        if old is not None:
            self.total -= len(old)
        held = self.held
        while held and (len(held) >= self.size or self.total + len(text) > self.chars):
            self.total -= len(held.pop(next(iter(held))))
        held[relpath] = text
        self.total += len(text)


def _missing(recent: RecentTexts, relpaths: Iterable[str]) -> list[str]:
    """The documents not held, as many as the cache holds at most by count (half of it):
    more would push out the first read before they are used."""
    found = [relpath for relpath in relpaths if recent.get(relpath) is None]
    return found[: max(1, recent.size // 2)]


def _read_together(snapshot: Snapshot, recent: RecentTexts, keys: Mapping[str, bytes]) -> None:
    """Read the texts of the documents `keys` names (relpath → snapshot key) in one query
    and keep them among the recent ones; one document alone is left to be read when asked."""
    if len(keys) < 2:
        return
    found = snapshot.texts_of(list(keys.values()))
    for relpath, key in keys.items():
        text = found.get(key)
        if text is not None:
            recent.put(relpath, text)


class _SavedSearch:
    """The text search's buffer saved beside the snapshot under the folder row's `key`
    (`search_file`), for the columns whose sentences these texts give."""

    key: str | None = None

    def _snapshot(self) -> Snapshot | None:
        raise NotImplementedError

    def saved_search(self, rows: int) -> Haystack | None:
        """The saved buffer, mapped (None: none that matches these `rows` and key)."""
        snapshot = self._snapshot()
        if self.key is None or snapshot is None:
            return None
        return search_file.read(search_file.search_path(snapshot.path), self.key, rows)

    def save_search(self, haystack: Haystack) -> None:
        """Save a buffer made at the first search (the snapshot had none that matched)."""
        snapshot = self._snapshot()
        if self.key is not None and snapshot is not None:
            search_file.save(search_file.search_path(snapshot.path), self.key, haystack)

    def saved_words(self, rows: int) -> Words | None:
        """The saved word index, mapped (None: none made from the saved buffer's text for
        these `rows` and key)."""
        snapshot = self._snapshot()
        if self.key is None or snapshot is None:
            return None
        return words_file.read(snapshot.path, self.key, rows)

    def save_words(self, words: Words, haystack: Haystack) -> None:
        """Save a word index made at the first word search from `haystack` (the saved one
        was missing, damaged or made from another text)."""
        snapshot = self._snapshot()
        if self.key is not None and snapshot is not None:
            words_file.write(words_file.words_path(snapshot.path), self.key, words,
                             search_file.text_sum(haystack.buffer))


class SnapshotTexts(_SavedSearch):
    """`text_of(relpath, start, end)` over an open folder's snapshot: a document's text is
    read when first asked for (or with others by `prefetch`) and kept while recent."""

    def __init__(self, snapshot: Snapshot, paths: Mapping[str, bytes],
                 fallback: Callable[[str], str], key: str | None = None) -> None:
        self.snapshot = snapshot
        self.paths = paths  # relpath → snapshot key
        self.fallback = fallback  # a text the snapshot lacks: from its document
        self.recent = RecentTexts()
        self.key = key  # the folder row's key the sentences were saved under

    def _snapshot(self) -> Snapshot | None:
        return self.snapshot

    def __call__(self, relpath: str, start: int, end: int) -> str:
        text = self.recent.get(relpath)
        if text is None:
            text = self.snapshot.text(self.paths[relpath])
            if text is None:
                text = self.fallback(relpath)
            self.recent.put(relpath, text)
        return text[start:end]

    def prefetch(self, relpaths: Iterable[str]) -> None:
        """Read the texts of several documents in one query: one each cost a query and a
        statement's setup per document."""
        _read_together(self.snapshot, self.recent,
                       {relpath: self.paths[relpath]
                        for relpath in _missing(self.recent, relpaths)})


class Texts(_SavedSearch):
    """`text_of(relpath, start, end)` for event columns: sentences are slices of document
    texts, each read when first asked for and kept while it is among the last read."""

    def __init__(self, source: DocumentSource) -> None:
        self.source = source
        self.names: dict[str, bytes] = {}  # relpath → snapshot key
        self.known: dict[str, str] = {}  # texts that are nowhere else (kept)
        self.recent = RecentTexts()

    def _snapshot(self) -> Snapshot | None:
        return self.source.snapshot

    def __call__(self, relpath: str, start: int, end: int) -> str:
        text = self.known.get(relpath) or self.recent.get(relpath)
        if text is None:
            text = self._find(relpath)
        return text[start:end]

    def prefetch(self, relpaths: Iterable[str]) -> None:
        """`SnapshotTexts.prefetch` for the documents the snapshot holds (not those kept
        here or packed in memory)."""
        snapshot = self.source.snapshot
        if snapshot is None or snapshot.closed:
            return
        packed = self.source.packed_texts
        _read_together(snapshot, self.recent,
                       {relpath: self.names[relpath]
                        for relpath in _missing(self.recent, relpaths)
                        if relpath not in self.known and self.names.get(relpath) is not None
                        and self.names[relpath] not in packed})

    def _find(self, relpath: str) -> str:
        rel = self.names[relpath]
        text = self.source.text(rel)
        snapshot = self.source.snapshot
        if text is None and snapshot is not None:
            text = snapshot.text(rel)
        if text is None:
            text = str(self.source.payload(rel, "document")["document"]["text"])
        self.recent.put(relpath, text)
        return text
