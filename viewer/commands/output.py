"""Where a command may write: never over an input article, the sidecar or the store, and
never over an existing file that is not an export, unless the user says `--force`."""

from __future__ import annotations

import os
from pathlib import Path

from viewer.commands import CliError
from viewer.core.ingest.folder_scan import SUPPORTED
from viewer.core.ingest.safe_read import display_name
from viewer.core.ingest.sidecar import SIDECAR_NAME
from viewer.core.resources import FOLDER_DIR


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def checked_output(value: str, folder: Path | None, force: bool = False) -> Path:
    """The output path, or a one-line CliError saying why it may not be written."""
    if not value.strip():
        raise CliError("-o wants a file name, not an empty string")
    out = Path(value)
    shown = display_name(value)
    if out.is_dir():
        raise CliError(f"-o names a folder, not a file: {shown}")
    parent = out.parent
    if not parent.is_dir():
        raise CliError(f"no such folder for the output: {display_name(str(parent))}")
    if not os.access(parent, os.W_OK):
        raise CliError(f"cannot write in {display_name(str(parent))}: permission denied")
    if force:
        return out
    target = out.resolve()
    if folder is not None:
        root = folder.resolve()
        if _inside(target, root):
            parts = target.relative_to(root).parts
            if (target.suffix.lower() in SUPPORTED or target.name == SIDECAR_NAME
                    or FOLDER_DIR in parts[:-1]):
                raise CliError(f"{shown} is inside the folder being read and would be (or "
                               "replace) one of its articles or its store; choose another "
                               "place, or add --force")
    if target.exists() and not _earlier_export(target):
        raise CliError(f"{shown} exists and is not an earlier export; choose another name, "
                       "or add --force to replace it")
    return out


#: How each kind of file this app writes begins (or what its first kilobyte holds).
_SIGNS: dict[str, tuple[bytes, ...]] = {
    ".csv": (b"\xef\xbb\xbfid,",), ".jsonl": (b'{"id": ',),
    ".json": (b'{\n "documents"', b'{\n "title"', b'{\n "events"', b'{\n "filter"'),
    ".md": (b"\n*Filter: ",), ".html": (b"default-src 'none'",),
    ".ics": (b"PRODID:-//Timeline Viewer//",), ".png": (b"\x89PNG",), ".pdf": (b"%PDF",),
    ".svg": (b"<svg",),
}


def _earlier_export(path: Path) -> bool:
    """Whether an existing file is one this app wrote (or empty): only those are replaced."""
    if not path.is_file():
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError:
        return False
    return not head or any(sign in head for signs in _SIGNS.values() for sign in signs)


def write_failed(out: Path, exc: OSError) -> CliError:
    """A write error as one line (full disk, permission, vanished folder…)."""
    return CliError(f"could not write {display_name(str(out))}: {exc.strerror or exc}")
