"""`timeline-viewer extract FOLDER`: every event of a folder as JSON, JSON Lines or CSV."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterable

from viewer.commands import CliError, existing_folder
from viewer.commands.output import checked_output, write_failed
from viewer.core.export.writers import events_csv_parts
from viewer.core.model import Document
from viewer.core.pipeline.array_links import in_process
from viewer.core.session import Session
from viewer.core.session.column_json import EVENT_LEVEL
from viewer.core.session.fork_spread import forked, forked_call
from viewer.core.session.shared_output import json_head, json_parts, jsonl_parts
from viewer.core.store.atomic_write import write_atomic_parts

FORK_FROM = 5_000  # events: below, the text is written in this process alone
HEAD_FORK_FROM = 200  # documents: from this many, their list is made beside the folder stage
DESCRIPTION = (
    "Extract the events of every article in FOLDER: date (and how it was found), modality "
    "(happened, planned, claimed, …), speaker, parties, people, topics, the source sentence "
    "and its offsets, boilerplate flag and cluster. JSON "
    "is {\"documents\": [...], \"events\": [...]}; JSON Lines and CSV carry one event per line."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", nargs="+", metavar="SOURCE",
                        help="folder of articles (or event dataset); with --engine dask, one "
                        "or more folders or glob patterns every worker can read")
    parser.add_argument("--engine", choices=["local", "dask"], default="local",
                        help="local: worker processes on this machine (default); dask: a Dask "
                        "cluster, writing a Parquet event dataset to -o")
    parser.add_argument("--scheduler", metavar="tcp://HOST:8786",
                        help="with --engine dask: a running scheduler (default: start a local "
                        "cluster of worker processes)")
    parser.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                        help="with --scheduler: how long to wait for it to answer")
    parser.add_argument("--partition-mb", type=float, default=4.0, metavar="MB",
                        help="with --engine dask: the size of one task's share of the corpus")
    parser.add_argument("--format", choices=["json", "jsonl", "csv"], default="json")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write here (default, or '-': standard output)")
    parser.add_argument("--no-cache", action="store_true",
                        help="extract every file again instead of reusing cached results")
    parser.add_argument("--workers", type=int, default=None,
                        help="worker processes (default: one per core)")
    parser.add_argument("--stats", action="store_true",
                        help="print timing and cache use on stderr")
    parser.add_argument("--force", action="store_true",
                        help="write even over an existing file that is not an export")


def run(args: argparse.Namespace) -> int:
    if args.engine == "dask":
        from viewer.commands.extract_dask import run_dask

        return run_dask(args)
    if args.scheduler is not None:
        raise CliError("--scheduler needs --engine dask")
    if len(args.folder) > 1:
        raise CliError("the local engine reads one folder; use --engine dask for several")
    folder = existing_folder(args.folder[0])
    if args.workers is not None and args.workers < 1:
        raise CliError(f"--workers wants a whole number of at least 1, not {args.workers}")
    out = (checked_output(args.output, folder, args.force)
           if args.output not in (None, "-") else None)  # "-": standard output, as usual
    started = time.perf_counter()
    processes = args.workers or os.cpu_count() or 1
    head: list[Callable[[], str]] = []

    def documents_ready(count: int, documents: Callable[[], list[Document]]) -> None:
        """The JSON's head (the documents' list, a third of the text's CPU) made by a
        forked child while the folder stage runs. Only without the snapshot: the documents
        are then all held in memory, and a child never reads the parent's database."""
        if args.format == "json" and processes > 1 and args.no_cache and (
                count >= HEAD_FORK_FROM):
            head.append(forked_call(json_head, documents))

    session = Session.open(folder, workers=args.workers, use_snapshot=not args.no_cache,
                           with_store=False, command=True, documents_ready=documents_ready)
    # The text is shared with forked copies of this process when there is enough of it.
    spread = forked(processes) if session.size >= FORK_FROM else in_process
    parts: Iterable[str | bytes]
    encode = out is not None  # to a file: each block as UTF-8, encoded where it is made
    if args.format == "json":  # the documents are read only for the format that lists them
        order = session.loaded.order
        parts = json_parts(lambda: [session.documents[r] for r in order], len(order),
                           session.size, lambda a, b: session.texts_of(a, b, EVENT_LEVEL),
                           spread, processes, encode, head[0] if head else None)
    elif args.format == "jsonl":  # block by block, from the columns: no object per event
        parts = jsonl_parts(session.size, lambda a, b: session.texts_of(a, b, None), spread,
                            processes, encode)
    else:
        parts = events_csv_parts(session.extracted_blocks())
    if out is not None:
        try:
            write_atomic_parts(out, parts)
        except OSError as exc:
            raise write_failed(out, exc) from None
    else:
        for part in parts:  # text: nothing is encoded for standard output
            sys.stdout.write(part if isinstance(part, str) else part.decode("utf-8"))
    if args.stats:
        print(f"{len(session.loaded.order)} documents, {session.size} events, "
              f"{session.loaded.extracted} extracted, {session.loaded.cached} from cache, "
              f"{time.perf_counter() - started:.2f} s", file=sys.stderr)
    return 0
