"""`timeline-viewer extract FOLDER`: every event of a folder as JSON, JSON Lines or CSV."""

from __future__ import annotations

import argparse
import sys
import time

from viewer.commands import CliError, existing_folder
from viewer.commands.output import checked_output, write_failed
from viewer.core.session import Session
from viewer.core.writers import events_csv, events_json, events_jsonl, write_text

SUMMARY = "write every event of a folder as JSON, JSON Lines or CSV"
DESCRIPTION = (
    "Extract the events of every article in FOLDER: date (and how it was found), modality "
    "(happened, planned, claimed, …), speaker, parties, people, topics, the source sentence "
    "and its offsets, boilerplate flag and cluster. JSON "
    "is {\"documents\": [...], \"events\": [...]}; JSON Lines and CSV carry one event per line."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", help="folder of articles")
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
    folder = existing_folder(args.folder)
    if args.workers is not None and args.workers < 1:
        raise CliError(f"--workers wants a whole number of at least 1, not {args.workers}")
    out = (checked_output(args.output, folder, args.force)
           if args.output is not None else None)
    started = time.perf_counter()
    session = Session.open(folder, workers=args.workers, use_snapshot=not args.no_cache,
                           with_store=False)
    documents = [session.documents[r] for r in session.loaded.order]
    events = session.extracted_events()
    if args.format == "json":
        text = events_json(documents, events)
    elif args.format == "jsonl":
        text = events_jsonl(events)
    else:
        text = events_csv(events)
    if out is not None:
        try:
            write_text(out, text)
        except OSError as exc:
            raise write_failed(out, exc) from None
    else:
        sys.stdout.write(text)
    if args.stats:
        print(f"{len(documents)} documents, {len(events)} events, "
              f"{session.loaded.extracted} extracted, {session.loaded.cached} from cache, "
              f"{time.perf_counter() - started:.2f} s", file=sys.stderr)
    return 0
