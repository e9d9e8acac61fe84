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

import zlib
from collections.abc import Iterable
from typing import Any

from viewer.core.events.document_events import DocumentEvents
from viewer.core.serialize import extraction_from_dict
from viewer.core.session.snapshot import Snapshot, SnapshotDamaged, unpack, unpack_lead

RECENT = 64  # documents whose text is kept once read


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
        return None if blob is None else zlib.decompress(blob).decode("utf-8", "surrogatepass")


class RecentTexts:
    """The texts of the last `size` documents read (first in, first out): sentences are
    mostly asked for a document at a time (rows are grouped by document), so a few suffice."""

    def __init__(self, size: int | None = None) -> None:
        self.size = size if size is not None else RECENT
        self.held: dict[str, str] = {}

    def get(self, relpath: str) -> str | None:
        return self.held.get(relpath)

    def put(self, relpath: str, text: str) -> None:
        if len(self.held) >= self.size:
            del self.held[next(iter(self.held))]
        self.held[relpath] = text


class Texts:
    """`text_of(relpath, start, end)` for event columns: sentences are slices of document
    texts, each read when first asked for and kept while it is among the last read."""

    def __init__(self, source: DocumentSource) -> None:
        self.source = source
        self.names: dict[str, bytes] = {}  # relpath → snapshot key
        self.known: dict[str, str] = {}  # texts that are nowhere else (kept)
        self.recent = RecentTexts()

    def __call__(self, relpath: str, start: int, end: int) -> str:
        text = self.known.get(relpath) or self.recent.get(relpath)
        if text is None:
            text = self._find(relpath)
        return text[start:end]

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
