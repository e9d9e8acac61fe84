"""`timeline-viewer timex`: the temporal tagger on files, on JSON Lines, or as TimeML."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

from viewer.commands import CliError, existing_file
from viewer.core.ingest.folder_reader import read_document
from viewer.core.ingest.sidecar import read_sidecar, sidecar_path
from viewer.core.ingest.written_dates import parse_full_date
from viewer.core.model import Document
from viewer.core.timex import Tagger, Timex
from viewer.core.timex.timeml_signals import as_timeml

DESCRIPTION = (
    "Print the time expressions of each FILE: offsets into the document text, the text, TimeML "
    "type and value, and the days it covers. Relative dates resolve against --dct, else the "
    "file's own publication date. With --jsonl, read {\"id\", \"text\", \"dct\"} lines on stdin "
    "and write {\"id\", \"timexes\": [...]} lines. The TimeML outputs (--jsonl, --format "
    "timeml) annotate \"three days later\" as the duration \"three days\", as TimeML does."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", help="article files (.txt, .md, .html)")
    parser.add_argument("--dct", help="document creation time, YYYY-MM-DD")
    parser.add_argument("--jsonl", action="store_true",
                        help="read JSON Lines on stdin, write JSON Lines on stdout")
    parser.add_argument("--format", choices=["text", "json", "timeml"], default="text",
                        help="output for FILE arguments (default: text)")


def _dct(value: str | None) -> dt.date | None:
    if not value:
        return None
    found = parse_full_date(value[:10])
    if found is None:
        raise CliError(f"--dct wants a date like 2026-02-17 (years 0002 to 9998), "
                       f"not {value!r}")
    return found


def run_jsonl(stdin: TextIO, stdout: TextIO, tagger: Tagger, dct: dt.date | None) -> int:
    for number, line in enumerate(stdin, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text = item["text"]
            if not isinstance(text, str):
                raise TypeError("\"text\" is not a string")
        except (ValueError, KeyError, TypeError) as exc:
            raise CliError(
                f"stdin line {number}: not a {{\"id\", \"text\"}} object ({exc})"
            ) from None
        when = parse_full_date(str(item.get("dct") or "")[:10]) or dct
        timexes = [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
            for t in as_timeml(tagger.tag(text, when), tagger.tag)
        ]
        stdout.write(json.dumps({"id": item.get("id"), "timexes": timexes}) + "\n")
    return 0


def to_timeml(text: str, timexes: list[Timex], dct: dt.date | None) -> str:
    """A TimeML document with TIMEX3 tags around each expression."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n']
    if dct:
        parts.append(f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct.isoformat()}" '
                     f'functionInDocument="CREATION_TIME">{dct.isoformat()}</TIMEX3></DCT>\n')
    parts.append("<TEXT>")
    pos = 0
    for index, t in enumerate(timexes, 1):
        parts.append(escape(text[pos : t.start]))
        mod = f" mod={quoteattr(t.mod)}" if t.mod else ""
        parts.append(f'<TIMEX3 tid="t{index}" type="{t.type}" value={quoteattr(t.value)}{mod}>'
                     f"{escape(t.text)}</TIMEX3>")
        pos = t.end
    parts.append(escape(text[pos:]) + "</TEXT>\n</TimeML>\n")
    return "".join(parts)


def _load(path: Path) -> Document:
    """Read a file as the app would, with its folder's sidecar (searched upwards)."""
    root = path.resolve().parent
    for folder in [root, *root.parents]:
        if sidecar_path(folder).is_file():
            root = folder
            break
    doc = read_document(root, path.resolve(), read_sidecar(root))
    if not isinstance(doc, Document):
        raise CliError(f"{path}: {doc}")
    return doc


def run(args: argparse.Namespace) -> int:
    dct = _dct(args.dct)
    if args.jsonl:
        return run_jsonl(sys.stdin, sys.stdout, Tagger(), dct)
    if not args.files:
        raise CliError("give one or more files, or --jsonl to read JSON Lines on stdin")
    paths = [existing_file(f) for f in args.files]
    for path in paths:
        doc = _load(path)
        when = dct or doc.date
        tagger = Tagger.for_folder(path.parent)
        timexes = tagger.tag(doc.text, when)
        if args.format == "timeml":
            sys.stdout.write(to_timeml(doc.text, as_timeml(timexes, tagger.tag), when))
            continue
        if args.format == "json":
            record = {"file": str(path), "dct": when.isoformat() if when else None,
                      "timexes": [t.as_dict() for t in timexes]}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        print(f"{path}  (dct {when.isoformat() if when else 'unknown'})")
        for t in timexes:
            span = (f"{t.earliest.isoformat() if t.earliest else '…'}.."
                    f"{t.latest.isoformat() if t.latest else '…'}")
            if t.earliest is None and t.latest is None:
                span = "-"
            mod = f" {t.mod}" if t.mod else ""
            print(f"  {t.start:>6}-{t.end:<6} {t.text!r:<34} {t.type:<8} {t.value:<16} "
                  f"{span}{mod}")
    return 0
