"""Locate and load the data files under `resources/`, with per-folder overrides.

Knowledge (boilerplate rules, abbreviations, time patterns, gazetteers, taxonomies) is data so
that a user can adapt the app to another story without touching code. A folder may carry its own
copy of any data file in `<folder>/.timeline-viewer/<name>`; lists in it extend the bundled ones,
unless the file sets `replace = true`.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import stat
import tomllib
from pathlib import Path
from typing import Any

from viewer.core.model import Problem
from viewer.core.safe_read import link_problem, read_bounded, relative_name

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
    """Extend `base` with `extra`: lists concatenate, tables merge, scalars override.

    With `replace = true`, each top-level entry `extra` gives replaces the bundled one whole;
    what it leaves out stays bundled (a timex.toml of only its own rules keeps the tables)."""
    if extra.get("replace") is True:
        return {**base, **{k: v for k, v in extra.items() if k != "replace"}}
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


#: The data files a folder may override.
RULE_FILES = ("boilerplate.toml", "segmentation.toml", "timex.toml", "gazetteer.toml",
              "topics.toml", "people.toml")
MAX_RULE_BYTES = 4 * 1024 * 1024


def override(name: str, folder: str | Path | None) -> Path | None:
    """The folder's own copy of data file `name`, if it has one that may be read: a regular
    file (or a link to one inside the folder) of sane size. Cheap: no bytes are read."""
    if folder is None:
        return None
    local = Path(folder) / FOLDER_DIR / name
    if link_problem(folder, local) is not None:
        return None
    try:
        info = os.stat(local)
    except OSError:
        return None
    return local if stat.S_ISREG(info.st_mode) and info.st_size <= MAX_RULE_BYTES else None


def _read_override(name: str, folder: str | Path) -> dict[str, Any] | Problem | None:
    """The folder's copy parsed, a Problem saying why it is not used, or None if absent."""
    local = Path(folder) / FOLDER_DIR / name
    if not os.path.lexists(local):
        return None
    data = read_bounded(folder, local, MAX_RULE_BYTES)
    if isinstance(data, Problem):
        return None if data.kind == "vanished" else data
    try:
        loaded = tomllib.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Problem(relative_name(folder, local), "rules",
                       f"not used: not valid UTF-8 TOML ({exc})")
    wrong = _misshapen(loaded, _load_bundled(name), "")
    if wrong is not None:
        return Problem(relative_name(folder, local), "rules",
                       f"not used: {wrong} has another kind of value than in the bundled file")
    return loaded


def _kind(value: object) -> type:
    return float if isinstance(value, int) and not isinstance(value, bool) else type(value)


def _misshapen(extra: Any, base: Any, where: str) -> str | None:
    """The first key of `extra` whose value is not shaped like the bundled one (a list where
    the bundled file has a list, of the same kind of items; a table where it has a table…),
    so that a folder's rules can never crash the code that reads them."""
    if isinstance(base, dict):
        if not isinstance(extra, dict):
            return where or "the file"
        siblings = [v for v in base.values() if isinstance(v, dict)]
        for key, value in extra.items():
            if key == "replace" and not where:
                if not isinstance(value, bool):
                    return "replace"
                continue
            model = base.get(key, siblings[0] if siblings and len(siblings) == len(base)
                             else None)
            if model is None:
                continue
            wrong = _misshapen(value, model, f"{where}.{key}" if where else key)
            if wrong is not None:
                return wrong
        return None
    if isinstance(base, list):
        if not isinstance(extra, list):
            return where
        kinds = {_kind(item) for item in base}
        if base and any(_kind(item) not in kinds for item in extra):
            return where
        if base and isinstance(base[0], dict | list):
            for item in extra:
                wrong = _misshapen(item, base[0], where)
                if wrong is not None:
                    return wrong
        return None
    return None if _kind(extra) == _kind(base) else where


def load_override(name: str, folder: str | Path) -> dict[str, Any] | None:
    """Only the folder's own copy of `name`, parsed; None when absent or not usable."""
    found = _read_override(name, folder) if override(name, folder) is not None else None
    return found if isinstance(found, dict) else None


def load_data(name: str, folder: str | Path | None = None) -> dict[str, Any]:
    """Load the bundled TOML data file `name`, extended by the folder's own copy if any (a
    copy that cannot be read or parsed is passed over; `rule_problems` reports it)."""
    data = _load_bundled(name)
    if folder is not None and override(name, folder) is not None:
        found = _read_override(name, folder)
        if isinstance(found, dict):
            data = merge(data, found)
    return data


def rule_problems(folder: str | Path) -> list[Problem]:
    """Why any of the folder's own data files is not used."""
    found = (_read_override(name, folder) for name in RULE_FILES)
    return [item for item in found if isinstance(item, Problem)]
