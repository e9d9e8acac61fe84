"""Split sources into partitions of a few MB, keyed by their inputs for incremental re-runs.

Boundaries are content-defined (a partition closes after a file whose name hashes to a
boundary once it holds the target size, or at twice the target), so adding or removing one
file re-keys only the partition it falls in, not every partition after it.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from viewer.core.ingest.folder_reader import list_folder
from viewer.core.ingest.safe_read import relative_name
from viewer.core.ingest.sidecar import read_sidecar
from viewer.core.model import Problem
from viewer.core.pipeline.file_cache import fingerprint

TARGET_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Source:
    folder: str
    prefix: str  # "" for a single source; the folder's name and "/" when there are several
    rules: str  # fingerprint of the code and rule files that apply to this folder


@dataclass(frozen=True, slots=True)
class Partition:
    id: str
    key: str  # changes whenever a file, its sidecar entry or the rules change
    source: Source
    files: tuple[str, ...]
    sidecar: dict[str, dict[str, str]]
    bytes: int


@dataclass(frozen=True, slots=True)
class Plan:
    sources: tuple[Source, ...]
    partitions: tuple[Partition, ...]
    problems: tuple[Problem, ...]  # from listing the folders: links, special files…
    ignored: int


def expand_sources(patterns: list[str]) -> list[str]:
    """Folders named or matched by glob patterns, in the order given, without repeats.
    Raises ValueError naming a pattern that matches no folder."""
    found: dict[str, None] = {}
    for pattern in patterns:
        matches = ([pattern] if os.path.isdir(pattern)
                   else sorted(p for p in glob.glob(pattern) if os.path.isdir(p)))
        if not matches:
            raise ValueError(f"no such folder: {pattern}")
        for match in matches:
            found.setdefault(str(Path(match).resolve()))
    return list(found)


def _boundary(name: str) -> bool:
    return hashlib.sha1(name.encode("utf-8", "surrogateescape")).digest()[0] % 4 == 0


def make_plan(folders: list[str], target_bytes: int = TARGET_BYTES) -> Plan:
    several = len(folders) > 1
    sources: list[Source] = []
    partitions: list[Partition] = []
    problems: list[Problem] = []
    ignored = 0
    for folder in folders:
        source = Source(folder, f"{Path(folder).name}/" if several else "", fingerprint(folder))
        sources.append(source)
        listing = list_folder(folder)
        problems.extend(Problem(source.prefix + p.path, p.kind, p.message)
                        for p in listing.problems)
        ignored += listing.ignored
        sidecar = read_sidecar(folder)
        chunk: list[tuple[str, int, int]] = []
        size = 0
        for path in listing.files:
            try:
                info = path.stat()
                entry = (str(path), info.st_size, info.st_mtime_ns)
            except OSError:
                entry = (str(path), 0, 0)  # the task reports it as a problem
            chunk.append(entry)
            size += entry[1]
            rel = relative_name(folder, path)
            if size >= 2 * target_bytes or (size >= target_bytes and _boundary(rel)):
                partitions.append(_partition(source, chunk, sidecar))
                chunk, size = [], 0
        if chunk:
            partitions.append(_partition(source, chunk, sidecar))
    return Plan(tuple(sources), tuple(partitions), tuple(problems), ignored)


def _partition(source: Source, chunk: list[tuple[str, int, int]],
               sidecar: dict[str, dict[str, str]]) -> Partition:
    rels = [relative_name(source.folder, p) for p, _, _ in chunk]
    side = {r: sidecar[r] for r in rels if r in sidecar}
    ident = hashlib.sha1(f"{source.folder}\x00{rels[0]}".encode("utf-8", "surrogateescape"))
    key = hashlib.sha256(json.dumps(
        [source.rules, source.prefix, [list(c) for c in chunk], side], sort_keys=True,
        ensure_ascii=True).encode("utf-8", "surrogateescape"))
    return Partition(ident.hexdigest()[:16], key.hexdigest()[:32], source,
                     tuple(p for p, _, _ in chunk), side, sum(s for _, s, _ in chunk))
