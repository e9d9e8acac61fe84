"""Command line: `timeline-viewer [FOLDER]` opens the app; subcommands work without Qt.

Subcommands are registered in `viewer.commands`; each module adds its own arguments and runs
without importing Qt, so the CLI works on a machine with no display.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from viewer import __version__
from viewer.core.ingest.safe_read import display_name


def one_line(text: str) -> str:
    """A message on one line, with anything unprintable escaped."""
    return display_name(" ".join(text.split()))


def _top_parser() -> argparse.ArgumentParser:
    from viewer.commands import COMMANDS, gui

    parser = _Parser(
        prog="timeline-viewer",
        description="Find the dated events in a folder of news articles and lay them out on a "
        "timeline. With no command, opens the app on FOLDER (default: the bundled sample).",
        epilog="commands (each has --help):\n"
        + "\n".join(f"  {name:<8} {command.summary}" for name, command in COMMANDS.items())
        + "\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    gui.add_arguments(parser)
    return parser


class _Parser(argparse.ArgumentParser):
    """Argument errors as one line (no usage block), like every other CLI error."""

    def error(self, message: str) -> NoReturn:
        from viewer.commands import CliError

        raise CliError(f"{self.prog.removeprefix('timeline-viewer').strip() or 'usage'}: "
                       f"{message} (see --help)")


def main(argv: Sequence[str] | None = None) -> int:
    # The commands are imported here, not at the top: each extraction worker started by the
    # fork server imports the `timeline-viewer` script again as its main module, and with
    # them at the top that import cost every worker all the commands' modules (about 0.1 s
    # of CPU each, before its first task).
    from viewer.commands import COMMANDS, CliError, gui
    from viewer.core.store.faults import StoreError

    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS:
            module = COMMANDS[args[0]].load()
            parser = _Parser(
                prog=f"timeline-viewer {args[0]}", description=module.DESCRIPTION
            )
            module.add_arguments(parser)
            status: int = module.run(parser.parse_args(args[1:]))
            return status
        return gui.run(_top_parser().parse_args(args))
    except (CliError, StoreError) as exc:
        print(f"timeline-viewer: {one_line(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except OSError as exc:  # what the checks could not foresee: a disk failing mid-way
        where = f" ({display_name(str(exc.filename))})" if exc.filename else ""
        print(f"timeline-viewer: {one_line(exc.strerror or str(exc))}{where}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
