"""A folder of N synthetic events saved as a real snapshot: `python -m bench.snapshot_folder
OUT N`. The events of `bench/synthetic.py` become articles on disk (each sentence a slice of
its article's text) and the folder's snapshot holds their columns, so the app opens the
folder through its ordinary path (stat the files, read the saved columns) without running
extraction over a million sentences first.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from bench.columns import PER_DOCUMENT, _documents
from bench.synthetic import events as synthetic_events
from viewer.core.events.topics import load_taxonomy
from viewer.core.ingest.folder_reader import list_folder
from viewer.core.pipeline.file_cache import fingerprint, looks
from viewer.core.session import words_file
from viewer.core.session.columns import EventColumns
from viewer.core.session.folder_row import folder_arrays
from viewer.core.session.loading import _topic_json
from viewer.core.session.snapshot import FileKey, Snapshot, snapshot_path

BATCH = 50_000
SIDE = json.dumps({}, sort_keys=True)  # no sidecar entry


def _payload(relpath: str, path: str, text: str, day: str | None) -> dict[str, Any]:
    return {"document": {
        "path": path, "relpath": relpath, "title": f"Synthetic article {relpath[3:-4]}",
        "date": day, "date_source": "inferred", "text": text, "paragraphs": [[0, len(text)]],
        "sentences": [], "problems": [], "encoding": "utf-8", "meta": []},
        "events": [], "mentions": [], "timexes": []}


def _folder_key(folder: str, stamp: str, keys: dict[bytes, FileKey]) -> str:
    """The key the loader gives the folder's row (kept in step with `session.loading`)."""
    listing = list_folder(folder)
    digest = hashlib.sha256(stamp.encode())
    digest.update(looks(folder) + b"\x00")
    prefix = os.path.join(folder, "")
    for path in listing.files:
        rel = os.fsencode(str(path)[len(prefix):])
        key = keys[rel]
        digest.update(rel + f"\x00{key.size}\x00{key.mtime_ns}\x00{key.side}\x00".encode())
    skipped = [[p.path, p.kind, p.message] for p in listing.problems]
    digest.update(json.dumps(skipped).encode())
    return digest.hexdigest()


def make(out: Path, count: int, seed: int = 7) -> None:
    out.mkdir(parents=True, exist_ok=True)
    folder = str(out.resolve())
    texts: dict[str, str] = {}

    def text_of(document: str, start: int, end: int) -> str:
        return texts[document][start:end]

    parts = []
    for first in range(0, count, BATCH):
        batch = synthetic_events(min(BATCH, count - first), seed=seed + first)
        batch = [dataclasses.replace(e, id=f"{first + i:012x}") for i, e in enumerate(batch)]
        parts.append(EventColumns.build(_documents(batch, first, texts), text_of))
    columns = EventColumns.concat(parts, text_of)
    del parts
    snap = Snapshot(snapshot_path(folder), fingerprint(folder))
    keys: dict[bytes, FileKey] = {}
    rows = []
    order = []
    first_day = columns.arrays["start"]
    for n, (relpath, text) in enumerate(texts.items()):
        path = os.path.join(folder, relpath)
        Path(path).write_text(text, encoding="utf-8")
        st = os.stat(path)
        key = keys[os.fsencode(relpath)] = FileKey(
            st.st_size, st.st_mtime_ns, hashlib.sha256(text.encode()).hexdigest(), SIDE)
        day = int(first_day[min(n * PER_DOCUMENT, count - 1)])
        published = dt.date.fromordinal(day).isoformat() if day else None
        rows.append((os.fsencode(relpath), key, _payload(relpath, path, text, published)))
        order.append([relpath, relpath, published, f"Synthetic article {relpath[3:-4]}"])
        if len(rows) >= 5000:
            snap.put_files(rows)
            rows = []
    snap.put_files(rows)
    arrays, extra = folder_arrays(columns)  # as the loader saves them
    # The bundled topics, as an extraction saves them: an empty list opened as a folder with
    # no topics, every topic lane and legend entry grey and named by its id.
    taxonomy = [_topic_json(topic) for topic in load_taxonomy().topics]
    extra.update(order=order, document_problems={}, problems=[], people={}, taxonomy=taxonomy,
                 staged={})
    key = _folder_key(folder, fingerprint(folder), keys)
    snap.put_folder(key, arrays, extra)
    del arrays, extra
    words_file.write_both(snap.path, key, columns)  # as the loader does
    snap.close()


def main() -> None:
    make(Path(sys.argv[1]), int(sys.argv[2]))


if __name__ == "__main__":
    main()
