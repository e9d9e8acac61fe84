"""Open an event dataset as the app opens a folder: the same `FolderExtraction`.

Partitions are read in the manifest's order and rows in their stored order, so documents,
events and problems come back in the order the local engine gives for the same folder.
`read_events` reads only the event columns and months asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from viewer.core.dataset.manifest import read_manifest
from viewer.core.dataset.tables import (
    documents_from_table,
    events_from_table,
    problems_from_table,
    read_table,
    timexes_from_table,
)
from viewer.core.events.document_events import Event
from viewer.core.events.topics import Taxonomy, combine, load_taxonomy, make_topic
from viewer.core.model import Document, Problem
from viewer.core.pipeline.folder_extraction import FolderExtraction
from viewer.core.timex import Timex


def _parts(root: Path, table: str, manifest: dict[str, Any]) -> list[Path]:
    names = [p["id"] for p in manifest["partitions"]]
    return [path for name in names if (path := root / table / f"part-{name}.parquet").exists()]


def _concat(paths: Iterable[Path], columns: Sequence[str] | None = None) -> pa.Table | None:
    tables = [read_table(p, columns) for p in paths]
    return pa.concat_tables(tables) if tables else None


def month_files(root: str | Path, months: Iterable[str] | None = None) -> list[Path]:
    """The event files of the given months (all when None), partition order within a month."""
    root = Path(root)
    manifest = read_manifest(root)
    rank = {p["id"]: i for i, p in enumerate(manifest["partitions"])}
    wanted = None if months is None else {f"month={m}" for m in months}
    found = [p for p in (root / "events").glob("month=*/part-*.parquet")
             if wanted is None or p.parent.name in wanted]
    return sorted(found, key=lambda p: (p.parent.name, rank.get(p.stem[5:], len(rank))))


def read_events(root: str | Path, columns: Sequence[str] | None = None,
                months: Iterable[str] | None = None) -> pa.Table | None:
    """Only the columns and months asked for, straight from Parquet (no Event objects)."""
    return _concat(month_files(root, months), columns)


def dataset_taxonomy(manifest: dict[str, Any]) -> Taxonomy:
    """The topics the run kept, in its order: the built-in and folder ones from the first
    source's rules when it is still there, the discovered ones as the run stored them (so
    opening never discovers again)."""
    sources = [s for s in manifest.get("sources", []) if Path(s).is_dir()]
    base = load_taxonomy(sources[0] if sources else None)
    kept = manifest.get("topics")
    if kept is None or list(base.ids()) == list(kept):
        return base
    found = {t.id: t for t in base.topics}
    for d in manifest.get("discovered", []):
        found.setdefault(d["id"], make_topic(d["id"], d["label"], d["color"], d["cues"],
                                             "discovered"))
    return combine([found[i] for i in kept if i in found])


def dataset_people(root: Path) -> dict[str, str | None]:
    path = root / "people.parquet"
    if not path.exists():
        return {}
    return {r["name"]: r["party"] for r in read_table(path).to_pylist()}


def read_dataset(root: str | Path) -> FolderExtraction:
    root = Path(root)
    manifest = read_manifest(root)
    rank = {p["id"]: i for i, p in enumerate(manifest["partitions"])}
    documents: list[Document] = []
    problems: list[Problem] = []
    timexes: dict[str, tuple[Timex, ...]] = {}
    listing = root / "problems" / "part-listing.parquet"
    if listing.exists():
        problems.extend(problems_from_table(read_table(listing)))
    for path in _parts(root, "documents", manifest):
        documents.extend(documents_from_table(read_table(path)))
    for path in _parts(root, "problems", manifest):
        problems.extend(problems_from_table(read_table(path)))
    for path in _parts(root, "timexes", manifest):
        timexes.update(timexes_from_table(read_table(path)))
    table = read_events(root)
    events: list[Event] = []
    if table is not None and table.num_rows:
        keys = pa.table({
            "p": pa.array([rank.get(str(v), len(rank)) for v in
                           table.column("_partition").to_pylist()]),
            "o": table.column("_order"),
        })
        order = pc.sort_indices(keys, sort_keys=[("p", "ascending"), ("o", "ascending")])
        events = events_from_table(table.take(order))
    people = dataset_people(root)
    return FolderExtraction(
        taxonomy=dataset_taxonomy(manifest),
        root=str(root), documents=tuple(documents), events=tuple(events),
        problems=tuple(problems), ignored=int(manifest.get("ignored", 0)), people=people,
        timexes=timexes, cached=0, extracted=0,
    )
