"""The manifest of an event dataset: what it is, what built it, from which inputs.

No pyarrow here: the app checks whether a folder is a dataset before it needs Parquet.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

FORMAT = "timeline-viewer-dataset"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"


def is_dataset(path: str | Path) -> bool:
    manifest = Path(path) / MANIFEST
    try:
        value = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(value, dict) and value.get("format") == FORMAT


def read_manifest(path: str | Path) -> dict[str, Any]:
    value = json.loads((Path(path) / MANIFEST).read_text(encoding="utf-8"))
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        raise ValueError(f"not an event dataset: {path}")
    if int(value.get("version", 0)) > FORMAT_VERSION:
        raise ValueError(f"the dataset {path} was written by a newer version of the app")
    return value


def write_json(path: Path, value: Any) -> None:
    """Write through a temporary name and a rename, like every file of a dataset."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(value, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)
