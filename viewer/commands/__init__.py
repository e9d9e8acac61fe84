"""CLI subcommands: each module has SUMMARY, DESCRIPTION, add_arguments() and run()."""

from __future__ import annotations

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


def _registry() -> dict[str, ModuleType]:
    from viewer.commands import docs, export, extract, timex, topics

    return {"docs": docs, "timex": timex, "extract": extract, "export": export,
            "topics": topics}


COMMANDS = _registry()
