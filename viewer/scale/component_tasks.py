"""Connected components on the cluster: the star rounds of `star_components` as shuffles.

Why: the driver used to receive every linked pair and join them into clusters, which made
it grow with the corpus. Now a graph lives in files under `_work/GRAPH/`:

- `r0/B/SOURCE.parquet`: the edges each task found (already made stars), in the files of
  the buckets that own their two ends;
- `members/B/SOURCE.parquet`: which partitions want to know the component of which node;
- each round reads `rR/B/*` and writes `rR+1/*/B.parquet`; the driver learns only how many
  nodes are unsettled, and stops when none is;
- `labels/PARTITION/B.parquet`: each wanted node's component id, for its partition.

No task holds more than one bucket's edges (a component's centre holds its component).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa

from viewer.core.dataset.tables import read_table, write_table
from viewer.scale.star_components import Edge, bucket_of, centres, star_round
from viewer.scale.tasks import WORK

MAX_ROUNDS = 200  # far above any bound the rounds meet (about 2·log2 of a chain's length)


def graph_buckets(partitions: int) -> int:
    """Buckets per graph: one per partition, at most 256 (each round writes buckets² files)."""
    return max(1, min(partitions, 256))


def _folder(out: str, graph: str) -> Path:
    return Path(out) / WORK / graph


def _edges_table(edges: Iterable[Edge]) -> pa.Table:
    rows = sorted(edges)
    return pa.table({"a": pa.array([a for a, _ in rows], type=pa.string()),
                     "b": pa.array([b for _, b in rows], type=pa.string())})


def _write(table: pa.Table, path: Path) -> int:
    write_table(table, path)
    return path.stat().st_size


def write_edges(out: str, graph: str, stage: str, source: str, edges: Iterable[Edge],
                buckets: int) -> int:
    """Each edge to the files of the buckets owning its ends (once when they are one).
    Returns the bytes written."""
    shares: dict[int, list[Edge]] = {}
    for a, b in edges:
        for bucket in {bucket_of(a, buckets), bucket_of(b, buckets)}:
            shares.setdefault(bucket, []).append((a, b))
    return sum(_write(_edges_table(mine),
                      _folder(out, graph) / stage / str(bucket) / f"{source}.parquet")
               for bucket, mine in shares.items())


def write_members(out: str, graph: str, source: str, members: Iterable[tuple[str, str]],
                  buckets: int) -> int:
    """(node, partition) rows to the node's bucket: who will read the node's component.
    Returns the bytes written."""
    shares: dict[int, list[tuple[str, str]]] = {}
    for node, pid in members:
        shares.setdefault(bucket_of(node, buckets), []).append((node, pid))
    written = 0
    for bucket, rows in shares.items():
        rows.sort()
        written += _write(
            pa.table({"id": pa.array([n for n, _ in rows], type=pa.string()),
                      "partition": pa.array([p for _, p in rows], type=pa.string())}),
            _folder(out, graph) / "members" / str(bucket) / f"{source}.parquet")
    return written


def _read_edges(folder: Path) -> set[Edge]:
    edges: set[Edge] = set()
    for path in sorted(folder.glob("*.parquet")):
        table = read_table(path)
        edges.update(zip(table.column("a").to_pylist(), table.column("b").to_pylist(),
                         strict=True))
    return edges


def round_task(out: str, graph: str, bucket: int, step: int, buckets: int
               ) -> tuple[int, int]:
    """One round for the nodes the bucket owns. Returns how many of them are unsettled,
    and the bytes written."""
    edges = _read_edges(_folder(out, graph) / f"r{step}" / str(bucket))
    emitted, unsettled = star_round(edges, lambda n: bucket_of(n, buckets) == bucket,
                                    large=step % 2 == 0)
    return unsettled, write_edges(out, graph, f"r{step + 1}", str(bucket), emitted, buckets)


def label_task(out: str, graph: str, bucket: int, step: int, buckets: int) -> int:
    """The component id of every wanted node the bucket owns, written for each partition
    that wants it (a node in no edge has none). Returns the bytes written."""
    folder = _folder(out, graph)
    label = centres(_read_edges(folder / f"r{step}" / str(bucket)),
                    lambda n: bucket_of(n, buckets) == bucket)
    wanted: dict[str, set[str]] = {}
    for path in sorted((folder / "members" / str(bucket)).glob("*.parquet")):
        table = read_table(path)
        for node, pid in zip(table.column("id").to_pylist(),
                             table.column("partition").to_pylist(), strict=True):
            if node in label:
                wanted.setdefault(pid, set()).add(node)
    written = 0
    for pid, nodes in wanted.items():
        rows = sorted(nodes)
        written += _write(
            pa.table({"id": pa.array(rows, type=pa.string()),
                      "cluster": pa.array([label[n] for n in rows], type=pa.string())}),
            folder / "labels" / pid / f"{bucket}.parquet")
    return written


def labels_of(out: str, graph: str, pid: str) -> dict[str, str]:
    """Node → component id, for the nodes this partition asked about that have one."""
    found: dict[str, str] = {}
    for path in sorted((_folder(out, graph) / "labels" / pid).glob("*.parquet")):
        table = read_table(path)
        found.update(zip(table.column("id").to_pylist(), table.column("cluster").to_pylist(),
                         strict=True))
    return found


def solve_on(client: Any, out: str, graph: str, buckets: int) -> tuple[int, int]:
    """Run the rounds until every node is settled, then write the labels. Returns the
    rounds run and the bytes they and the labels wrote. The driver sees two counts per
    bucket and round."""
    step = written = 0
    while True:
        counts = client.gather(client.map(
            round_task, [out] * buckets, [graph] * buckets, list(range(buckets)),
            [step] * buckets, [buckets] * buckets, pure=False, retries=3))
        unsettled = sum(c for c, _ in counts)
        written += sum(size for _, size in counts)
        shutil.rmtree(_folder(out, graph) / f"r{step + (unsettled == 0)}", ignore_errors=True)
        if unsettled == 0:  # the edges read were stars; the round's output is a copy
            break
        step += 1
        if step >= MAX_ROUNDS:
            raise RuntimeError(f"{graph}: components did not settle in {MAX_ROUNDS} rounds")
    written += sum(client.gather(client.map(
        label_task, [out] * buckets, [graph] * buckets, list(range(buckets)),
        [step] * buckets, [buckets] * buckets, pure=False, retries=3)))
    return step + 1, written
