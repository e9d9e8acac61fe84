"""Write a file so that readers see the old content or the new, never half of it."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path


def create_temporary(path: Path, suffix: str = ".part") -> tuple[int, Path]:
    """A new file beside `path`, created with mode 0o666 so that the umask decides its
    permissions, as for any file a program writes (mkstemp would make it private)."""
    while True:
        tmp = path.parent / f".{path.name}.{secrets.token_hex(4)}{suffix}"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp
        except FileExistsError:
            continue


def write_atomic(path: str | Path, content: str | bytes) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename over `path`;
    on any failure the temporary file is removed and `path` is untouched. A file replaced
    keeps its permissions; a new one gets the user's usual ones."""
    write_atomic_parts(path, [content])


def write_atomic_parts(path: str | Path, parts: Iterable[str | bytes]) -> None:
    """`write_atomic` of the parts one after another, so the whole content is never held at
    once (an export of a large folder is written block by block)."""
    path = Path(path)
    fd, tmp = create_temporary(path)
    try:
        with os.fdopen(fd, "wb") as fh:
            for content in parts:
                fh.write(content.encode("utf-8") if isinstance(content, str) else content)
            fh.flush()
            with contextlib.suppress(FileNotFoundError):
                os.fchmod(fh.fileno(), stat.S_IMODE(path.stat().st_mode))
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
