"""Locate and load the data files under `resources/`, with per-folder overrides.

Knowledge (boilerplate rules, abbreviations, time patterns, gazetteers, taxonomies) is data so
that a user can adapt the app to another story without touching code. A folder may carry its own
copy of any data file in `<folder>/.timeline-viewer/<name>`; lists in it extend the bundled ones,
unless the file sets `replace = true`.
"""

from __future__ import annotations

import functools
import importlib.util
import tomllib
from pathlib import Path
from typing import Any

FOLDER_DIR = ".timeline-viewer"


@functools.cache
def resources_dir() -> Path:
    """The bundled resources folder, in a source checkout or an installed package."""
    spec = importlib.util.find_spec("viewer.resources")
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            path = Path(location)
            if path.is_dir():
                return path
    return Path(__file__).resolve().parents[2] / "resources"


@functools.cache
def _load_bundled(name: str) -> dict[str, Any]:
    with (resources_dir() / name).open("rb") as fh:
        return tomllib.load(fh)


def merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Extend `base` with `extra`: lists concatenate, tables merge, scalars override."""
    if extra.get("replace") is True:
        return {k: v for k, v in extra.items() if k != "replace"}
    out = dict(base)
    for key, value in extra.items():
        old = out.get(key)
        if isinstance(old, list) and isinstance(value, list):
            out[key] = old + value
        elif isinstance(old, dict) and isinstance(value, dict):
            out[key] = merge(old, value)
        else:
            out[key] = value
    return out


def override(name: str, folder: str | Path | None) -> Path | None:
    """The folder's own copy of data file `name`, if it has one."""
    if folder is None:
        return None
    local = Path(folder) / FOLDER_DIR / name
    return local if local.is_file() else None


def load_data(name: str, folder: str | Path | None = None) -> dict[str, Any]:
    """Load the bundled TOML data file `name`, extended by the folder's own copy if any."""
    data = _load_bundled(name)
    local = override(name, folder)
    if local is not None:
        with local.open("rb") as fh:
            data = merge(data, tomllib.load(fh))
    return data
