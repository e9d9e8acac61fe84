"""`timeline-viewer extract SOURCE... --engine dask -o DATASET`: the distributed engine."""

from __future__ import annotations

import argparse
import sys

from viewer.commands import CliError


def run_dask(args: argparse.Namespace) -> int:
    if not args.output:
        raise CliError("--engine dask writes an event dataset: give its folder with -o")
    if args.format != "json":
        raise CliError("--format does not apply to --engine dask (it writes Parquet)")
    if not args.partition_mb > 0:
        raise CliError(f"--partition-mb wants a positive size, not {args.partition_mb}")
    if not args.timeout > 0:
        raise CliError(f"--timeout wants a positive number of seconds, not {args.timeout}")
    if args.workers is not None and args.workers < 1:
        raise CliError(f"--workers wants a whole number of at least 1, not {args.workers}")
    try:
        from viewer.scale.driver import SchedulerUnreachable, check_output, connect, run
        from viewer.scale.plan import expand_sources
    except ImportError as exc:
        raise CliError(f"--engine dask needs the optional 'scale' packages (dask, distributed, "
                       f"pyarrow): pip install 'timeline-viewer[scale]' ({exc.name} is "
                       "missing)") from None
    try:
        expand_sources(args.folder)
        check_output(args.output)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    try:
        with connect(args.scheduler, args.workers, args.timeout) as client:
            summary = run(args.folder, args.output, client,
                          target_bytes=int(args.partition_mb * 1024 * 1024))
    except SchedulerUnreachable as exc:
        raise CliError(str(exc)) from None
    except ValueError as exc:
        raise CliError(str(exc)) from None
    print(f"{summary.documents} documents, {summary.events} events, {summary.problems} "
          f"problems in {summary.partitions} partitions ({summary.extracted} extracted, "
          f"{summary.partitions - summary.extracted} unchanged), "
          f"{summary.bytes / 1e6:.1f} MB in {summary.seconds:.1f} s → {args.output}",
          file=sys.stderr)
    return 0
