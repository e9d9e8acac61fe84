"""`timeline-viewer extract FOLDER`: every event of a folder as JSON, JSON Lines or CSV."""

from __future__ import annotations

import argparse
import sys
import time

from viewer.commands import CliError, existing_folder
from viewer.commands.output import checked_output, write_failed
from viewer.core.extract import extract_folder
from viewer.core.writers import events_csv, events_json, events_jsonl, write_text

SUMMARY = "write every event of a folder as JSON, JSON Lines or CSV"
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
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
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
           if args.output is not None else None)
    started = time.perf_counter()
    result = extract_folder(folder, workers=args.workers, use_cache=not args.no_cache)
    if args.format == "json":
        text = events_json(result.documents, result.events)
    elif args.format == "jsonl":
        text = events_jsonl(result.events)
    else:
        text = events_csv(result.events)
    if out is not None:
        try:
            write_text(out, text)
        except OSError as exc:
            raise write_failed(out, exc) from None
    else:
        sys.stdout.write(text)
    if args.stats:
        print(f"{len(result.documents)} documents, {len(result.events)} events, "
              f"{result.extracted} extracted, {result.cached} from cache, "
              f"{time.perf_counter() - started:.2f} s", file=sys.stderr)
    return 0
