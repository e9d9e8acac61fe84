"""`timeline-viewer export FOLDER`: the filtered timeline as data, a report or a picture."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import math
import sys
from collections.abc import Mapping
from pathlib import Path

import numpy as np

from viewer.commands import CliError, existing_folder
from viewer.commands.output import checked_output, write_failed
from viewer.core.export import EXTENSIONS, FORMATS, PICTURE_FORMATS, ExportJob, write
from viewer.core.ingest.written_dates import parse_full_date
from viewer.core.query import NO_VALUE, Filter
from viewer.core.session import Session
from viewer.core.session.filtering import ColumnIndex
from viewer.core.session.saved_orders import table_order
from viewer.core.store.periods import load_periods
from viewer.display import headless_problem

DESCRIPTION = (
    "Export the events of FOLDER that a filter selects. Repeated options of one kind OR "
    "together (--party Russia --party Ukraine: either); different kinds AND together. The "
    "same filter in the app shows the same events. Tags, notes, review states and corrections "
    "made in the app are included."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder")
    parser.add_argument("--format", required=True, choices=FORMATS)
    parser.add_argument("-o", "--output", required=True, metavar="OUT")
    parser.add_argument("--party", action="append", default=[], metavar="P")
    parser.add_argument("--topic", action="append", default=[], metavar="T")
    parser.add_argument("--tag", action="append", default=[], metavar="G")
    parser.add_argument("--document", action="append", default=[], metavar="PATH")
    parser.add_argument("--modality", action="append", default=[], metavar="M",
                        help="happened, planned, possible, claimed, denied, agreed, …")
    parser.add_argument("--disputed", action="store_true",
                        help="only events whose sources disagree (date, figure, who took part)")
    parser.add_argument("--group-by", choices=("party", "modality"), default="party",
                        help="TimelineJS groups (default: the first party)")
    parser.add_argument("--from", dest="date_from", metavar="DATE")
    parser.add_argument("--to", dest="date_to", metavar="DATE")
    parser.add_argument("--search", default="", metavar="TEXT")
    parser.add_argument("--min-sources", type=int, default=1, metavar="N")
    parser.add_argument("--include-boilerplate", action="store_true")
    parser.add_argument("--title", default=None, help="title of reports and pictures")
    parser.add_argument("--width", type=int, default=1600, help="picture width in pixels")
    parser.add_argument("--scale", type=float, default=1.0, help="PNG scale (2 for HiDPI)")
    parser.add_argument("--force", action="store_true",
                        help="write even over an existing file that is not an export")


MAX_WIDTH, MAX_SCALE, MAX_PIXELS = 20_000, 8.0, 200_000_000


def check_picture(width: int, scale: float) -> None:
    """Picture sizes a renderer can allocate; anything else is a one-line error."""
    if not 100 <= width <= MAX_WIDTH:
        raise CliError(f"--width wants pixels from 100 to {MAX_WIDTH}, not {width}")
    if not (math.isfinite(scale) and 0.25 <= scale <= MAX_SCALE):
        raise CliError(f"--scale wants a number from 0.25 to {MAX_SCALE:g}, not {scale}")
    if width * width * scale * scale > MAX_PIXELS:
        raise CliError("--width and --scale make a picture too large to render")


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    found = parse_full_date(value)
    if found is None:
        raise CliError(f"{option} wants a date like 2026-02-17, not {value!r}")
    return found


def _check(kind: str, asked: list[str], known: list[str],
           labels: Mapping[str, str] | None = None) -> frozenset[str]:
    """The folder's values asked for, matched as written or else ignoring case (`--party
    ukraine` is Ukraine), or by the label the app shows (`labels`: a topic's, renamed or
    discovered, "Company / patients" for `company`); a value matching none is an error
    that lists the valid ones, with their labels."""
    labels = labels or {}
    folded: dict[str, str] = {}
    for value in known:
        folded.setdefault(value.casefold(), value)
    for value in known:
        folded.setdefault(labels.get(value, value).casefold(), value)
    chosen = [value if value in known else folded.get(value.casefold()) for value in asked]
    unknown = [value for value, match in zip(asked, chosen, strict=True) if match is None]
    if unknown:
        listed = ", ".join(v if labels.get(v, v) == v else f"{v} ({labels[v]})"
                           for v in known if v != NO_VALUE) or "(none)"
        raise CliError(f"unknown {kind} {', '.join(repr(u) for u in unknown)}; "
                       f"valid {kind} values: {listed}")
    return frozenset(value for value in chosen if value is not None)


def _disputed(index: ColumnIndex) -> frozenset[str]:
    """Every conflict flag in the folder; with none, one that no event carries (an empty
    choice would mean "all")."""
    return frozenset(v for v in index.values("conflict") if v != NO_VALUE) or frozenset({"date"})


def build_filter(args: argparse.Namespace, index: ColumnIndex,
                 topic_labels: Mapping[str, str] | None = None) -> Filter:
    if args.min_sources < 1:
        raise CliError("--min-sources wants a whole number of at least 1")
    first, last = _date(args.date_from, "--from"), _date(args.date_to, "--to")
    if first is not None and last is not None and first > last:
        raise CliError(f"--from {args.date_from} is after --to {args.date_to}: no day is in "
                       "that range")
    return Filter(
        parties=_check("party", args.party, index.values("parties")),
        topics=_check("topic", args.topic, index.values("topics"), topic_labels),
        tags=_check("tag", args.tag, index.values("tags")),
        documents=_check("document", args.document, index.values("documents")),
        modality=_check("modality", args.modality, index.values("modality")),
        conflict=_disputed(index) if args.disputed else frozenset(),
        date_from=first,
        date_to=last,
        search=args.search,
        include_boilerplate=args.include_boilerplate,
        min_sources=args.min_sources,
    )


def in_table_order(session: Session, rows: list[int]) -> list[int]:
    """Rows in the window's table order (by first day, undated last, then document and
    place), as the window exports them; rows came in folder order."""
    order = table_order(session.columns)
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    chosen = np.asarray(rows, dtype=np.int64)
    found: list[int] = chosen[np.argsort(rank[chosen], kind="stable")].tolist()
    return found


def open_session(folder: Path) -> Session:
    """The folder as the window sees it: events with the analyst's edits merged in."""
    session = Session.open(folder)
    if session.store_error is not None:
        raise CliError(str(session.store_error))
    store = session.store
    if store is not None and store.moved_aside is not None:
        print(f"timeline-viewer: warning: the folder's store was damaged (integrity check "
              f"failed); moved aside to {store.moved_aside.name}, a new one started, so no "
              "tags, notes or corrections are included", file=sys.stderr)
    return session


def run(args: argparse.Namespace) -> int:
    folder = existing_folder(args.folder)
    out = checked_output(args.output, folder, args.force)
    drawn = args.format in PICTURE_FORMATS or args.format == "html"  # the report has a picture
    if args.format in PICTURE_FORMATS:
        check_picture(args.width, args.scale)
    if drawn:
        problem = headless_problem()
        if problem:
            raise CliError(problem)
    session = open_session(folder)
    title = args.title or f"Timeline: {folder.resolve().name}"
    taxonomy = session.loaded.topics
    try:
        chosen = build_filter(args, session.index, {t.id: t.label for t in taxonomy.topics})
        tags = dict(session.tags)
        selected = tuple(session.events(in_table_order(session, session.index.rows(chosen))))
        job = ExportJob(selected, dict(session.documents), chosen, title, load_periods(folder),
                        group_by=args.group_by,
                        topic_labels={t.id: t.label for t in taxonomy.topics})
    finally:
        session.close()
    if args.format in PICTURE_FORMATS:
        from viewer.ui.app import application
        from viewer.ui.picture import render_picture

        application()
        try:
            render_picture(list(selected), args.format, out, job.heading(), width=args.width,
                           scale=args.scale, periods=job.periods, taxonomy=taxonomy,
                           tags=tags)
        except OSError as exc:
            raise write_failed(out, exc) from None
    else:
        from viewer.core.export.formats import render

        if args.format == "html":
            from viewer.ui.app import application
            from viewer.ui.picture import picture_svg

            application()
            job = dataclasses.replace(job, timeline_svg=picture_svg(
                selected, title, periods=job.periods, taxonomy=taxonomy, tags=tags))
        try:
            write(out, render(job, args.format))
        except OSError as exc:
            raise write_failed(out, exc) from None
    if out.suffix.lower() != EXTENSIONS[args.format]:
        print(f"note: {args.format} files usually end in {EXTENSIONS[args.format]}")
    print(f"{len(selected)} events written to {out}")
    return 0
