"""CLI subcommands: each module has DESCRIPTION, add_arguments() and run(); its one-line
summary is here, in the registry, so that listing the commands imports none of them."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType


class CliError(Exception):
    """A user error: printed as one line on stderr, exit code 2."""


def existing_folder(value: str) -> Path:
    path = Path(value)
    if not path.exists():
        raise CliError(f"no such folder: {value}")
    if not path.is_dir():
        raise CliError(f"not a folder: {value}")
    return path


def existing_file(value: str) -> Path:
    path = Path(value)
    if not path.exists():
        raise CliError(f"no such file: {value}")
    if path.is_dir():
        raise CliError(f"is a folder, not a file: {value}")
    return path


def bundled_seeds() -> Path:
    """The sample folder shipped with the project."""
    return Path(__file__).resolve().parents[2] / "seeds"


@dataclass(frozen=True, slots=True)
class Command:
    """A subcommand by name: its module is imported only when the command runs.

    Why: each command's module imports what it works with (the session, the tagger, the
    store), about 0.5 s of CPU together; importing them all to pick one cost every command
    a quarter of a second, and the app's own start (whose `--help` lists them) as much."""

    module: str
    summary: str

    def load(self) -> ModuleType:
        return importlib.import_module(f"viewer.commands.{self.module}")


COMMANDS = {
    "docs": Command("docs", "list the documents of a folder with their dates, sentences and "
                    "problems"),
    "timex": Command("timex", "find and normalise the time expressions in files (or JSON "
                     "Lines on stdin)"),
    "extract": Command("extract", "write every event of a folder as JSON, JSON Lines or CSV"),
    "export": Command("export", "write the filtered timeline as csv, json, jsonl, md, html, "
                      "ics, timelinejs, png…"),
    "topics": Command("topics", "list a folder's topics (built-in, its own, discovered) and "
                      "edit them"),
}
