"""Open an event dataset for a Session, reading only what opening needs.

Opening reads the event columns without the sentence texts (a timeline shows them only for
the events a reader opens; they come back from the documents), and of the documents only
their paths, titles and dates. A document's text, sentences and time expressions are read
with its partition's file when first asked for, as a folder's snapshot does.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from viewer.core.dataset.manifest import read_manifest
from viewer.core.dataset.reader import dataset_people, dataset_taxonomy, month_files
from viewer.core.dataset.tables import (
    EVENT_COLUMNS,
    documents_from_table,
    problems_from_table,
    read_table,
    timexes_from_table,
)
from viewer.core.model import Document, Problem
from viewer.core.session.arrow_columns import columns_from_table
from viewer.core.session.columns import EventColumns
from viewer.core.session.loading import Loaded
from viewer.core.timex import Timex

SHOWN_LATER = ("text",)  # event columns opening does not read


class _ByPartition(Mapping[str, Any]):
    """Documents (or their time expressions) of a dataset, read a partition at a time when
    one of them is first asked for."""

    def __init__(self, order: tuple[str, ...], partition: dict[str, str], root: Path,
                 table: str) -> None:
        self.order, self.partition, self.root, self.table = order, partition, root, table
        self.known: dict[str, Any] = {}
        self.read: set[str] = set()

    def __getitem__(self, relpath: str) -> Any:
        found = self.known.get(relpath)
        if found is None:
            pid = self.partition[relpath]  # KeyError for a path the dataset does not hold
            if pid not in self.read:
                self.read.add(pid)
                path = self.root / self.table / f"part-{pid}.parquet"
                if self.table == "documents":
                    self.known.update((d.relpath, d) for d in documents_from_table(
                        read_table(path)))
                else:
                    self.known.update(timexes_from_table(read_table(path)))
            found = self.known.get(relpath)
            if found is None:  # a document without time expressions
                found = self.known[relpath] = ()
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self.order)

    def __len__(self) -> int:
        return len(self.order)


def _document_problems(root: Path, pids: list[str]) -> dict[str, tuple[Problem, ...]]:
    """Only the rows whose structure names a problem are parsed."""
    out: dict[str, tuple[Problem, ...]] = {}
    for pid in pids:
        table = read_table(root / "documents" / f"part-{pid}.parquet", ["relpath", "structure"])
        table = table.filter(pc.invert(pc.match_substring(table.column("structure"),
                                                          '"problems": []')))
        for row in table.to_pylist():
            problems = json.loads(row["structure"])["problems"]
            out[row["relpath"]] = tuple(Problem(**p) for p in problems)
    return out


def load_dataset(root: Path, *, events: bool = True) -> Loaded:
    """The dataset as a Session holds a folder. Without `events`, no event is read (a
    listing of documents needs none)."""
    manifest = read_manifest(root)
    pids = [p["id"] for p in manifest["partitions"]
            if (root / "documents" / f"part-{p['id']}.parquet").exists()]
    rank = {p["id"]: i for i, p in enumerate(manifest["partitions"])}
    order: list[str] = []
    partition: dict[str, str] = {}
    files: list[str] = []
    headers: list[tuple[Any, str]] = []
    for pid in pids:
        table = read_table(root / "documents" / f"part-{pid}.parquet",
                           ["relpath", "path", "date", "title"])
        for row in table.to_pylist():
            order.append(row["relpath"])
            partition[row["relpath"]] = pid
            files.append(row["path"])
            headers.append((row["date"], row["title"]))
    documents: Mapping[str, Document] = _ByPartition(tuple(order), partition, root, "documents")
    timexes: Mapping[str, tuple[Timex, ...]] = _ByPartition(tuple(order), partition, root,
                                                            "timexes")

    def text_of(relpath: str, start: int, end: int) -> str:
        return documents[relpath].text[start:end]

    columns = EventColumns.build([], text_of)
    if events:
        wanted = [c for c in EVENT_COLUMNS if c not in SHOWN_LATER] + ["_partition", "_order"]
        tables = [read_table(p, wanted) for p in month_files(root)]
        if tables:
            table = pa.concat_tables(tables)
            keys = pa.table({"p": pa.array([rank.get(str(v), len(rank)) for v in
                                            table.column("_partition").to_pylist()]),
                             "o": table.column("_order")})
            table = table.take(pc.sort_indices(
                keys, sort_keys=[("p", "ascending"), ("o", "ascending")]))
            columns = columns_from_table(table, text_of)
    problems: list[Problem] = []
    listing = root / "problems" / "part-listing.parquet"
    if listing.exists():
        problems.extend(problems_from_table(read_table(listing)))
    for pid in rank:
        path = root / "problems" / f"part-{pid}.parquet"
        if path.exists():
            problems.extend(problems_from_table(read_table(path)))
    return Loaded(
        root=str(root), order=tuple(order), documents=documents,
        document_problems=_document_problems(root, pids), timexes=timexes, columns=columns,
        problems=tuple(problems), ignored=int(manifest.get("ignored", 0)),
        people=dataset_people(root), cached=0, extracted=0, files=tuple(files),
        headers=tuple(headers), taxonomy=dataset_taxonomy(manifest))
