"""The default command: open the app on a folder, or render it to a PNG and exit."""

from __future__ import annotations

import argparse
import re

from viewer.commands import CliError, bundled_seeds, existing_folder
from viewer.commands.output import checked_output
from viewer.display import display_problem, headless_problem


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", nargs="?", help="folder of articles (default: bundled sample)")
    parser.add_argument(
        "--screenshot", metavar="OUT.png",
        help="load the folder, render the main window to this PNG and exit (no display needed)",
    )
    parser.add_argument(
        "--size", default="1600x1000", metavar="WxH", help="window size for --screenshot"
    )
    parser.add_argument("--force", action="store_true",
                        help="let --screenshot replace an existing file that is not a PNG")


MAX_SIDE = 8000


def parse_size(value: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", value)
    if not match:
        raise CliError(f"--size wants WIDTHxHEIGHT, for example 1600x1000, not {value!r}")
    width, height = int(match[1]), int(match[2])
    if not (200 <= width <= MAX_SIDE and 200 <= height <= MAX_SIDE):
        raise CliError(f"--size wants each side from 200 to {MAX_SIDE} pixels, not {value!r}")
    return width, height


def run(args: argparse.Namespace) -> int:
    folder = existing_folder(args.folder) if args.folder else bundled_seeds()
    if args.screenshot:
        size = parse_size(args.size)
        out = checked_output(args.screenshot, folder, args.force)
        problem = headless_problem()
        if problem:
            raise CliError(problem)
        from viewer.ui.app import screenshot

        return screenshot(folder, out, size)
    problem = display_problem()
    if problem:
        raise CliError(problem)
    from viewer.ui.app import run_app

    return run_app(folder)
