"""Where an open folder's documents are read back from when first asked for.

Why: holding every `Document` (text, paragraphs, sentences) and every time expression of a
large folder as objects cost more memory than its events. Extracted files arrive packed (the
snapshot's zlib-compressed JSON); they are written to the snapshot, or kept packed in memory
when there is no snapshot (or it cannot be written), and a document is unpacked when a view
or a command asks for it. Sentence texts are slices of the document texts, kept packed until
first read.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from typing import Any

from viewer.core.events.document_events import DocumentEvents
from viewer.core.serialize import extraction_from_dict
from viewer.core.session.snapshot import Snapshot, SnapshotDamaged, unpack


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

    def payload(self, rel: bytes) -> Any:
        blob = self.packed.get(rel)
        if blob is not None:
            return unpack(blob)
        if self.snapshot is None or self.snapshot.closed:
            raise SnapshotDamaged("the folder was closed")
        found = self.snapshot.payloads([rel]).get(rel)
        if not isinstance(found, dict):
            self.snapshot.damaged()  # the next open extracts again
            raise SnapshotDamaged(f"the snapshot lost {rel!r}")
        return found

    def extraction(self, rel: bytes) -> DocumentEvents:
        return extraction_from_dict(self.payload(rel))

    def text(self, rel: bytes) -> str | None:
        """A fresh file's text (None if it arrived through the snapshot)."""
        blob = self.packed_texts.pop(rel, None)
        return None if blob is None else zlib.decompress(blob).decode("utf-8", "surrogatepass")


class Texts:
    """`text_of(relpath, start, end)` for event columns: sentences are slices of document
    texts, each unpacked once when first read."""

    def __init__(self, source: DocumentSource) -> None:
        self.source = source
        self.names: dict[str, bytes] = {}  # relpath → snapshot key
        self.known: dict[str, str] = {}
        self.read_all = False

    def __call__(self, relpath: str, start: int, end: int) -> str:
        text = self.known.get(relpath)
        if text is None:
            text = self._find(relpath)
        return text[start:end]

    def _find(self, relpath: str) -> str:
        rel = self.names[relpath]
        text = self.source.text(rel)
        snapshot = self.source.snapshot
        if text is None and snapshot is not None and not self.read_all and not snapshot.closed:
            self.read_all = True  # the first text the snapshot holds: read them all at once
            by_rel = {rel: relpath for relpath, rel in self.names.items()}
            self.known.update((by_rel[r], value) for r, value in snapshot.texts().items()
                              if r in by_rel and by_rel[r] not in self.known)
            text = self.known.get(relpath)
        if text is None:
            text = str(self.source.payload(rel)["document"]["text"])
        self.known[relpath] = text
        return text
