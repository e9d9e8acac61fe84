"""Locate and load the data files under `resources/`, with per-folder overrides.

Knowledge (boilerplate rules, abbreviations, time patterns, gazetteers, taxonomies) is data so
that a user can adapt the app to another story without touching code. A folder may carry its own
copy of any data file in `<folder>/.timeline-viewer/<name>`; lists in it extend the bundled ones,
unless the file sets `replace = true`.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import os
import re
import stat
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from viewer.core.ingest.safe_read import link_problem, read_bounded, relative_name
from viewer.core.model import Problem

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
              "topics.toml", "people.toml", "modality.toml", "speakers.toml", "discovery.toml")
#: The loader of each rule file (module, function of the folder), run to check a folder's copy.
_LOADERS = {
    "boilerplate.toml": ("viewer.core.ingest.boilerplate", "load_rules"),
    "segmentation.toml": ("viewer.core.ingest.segment", "load_rules"),
    "timex.toml": ("viewer.core.timex.lexicon", "for_folder"),
    "gazetteer.toml": ("viewer.core.events.gazetteer_build", "load_gazetteer"),
    "topics.toml": ("viewer.core.events.topics", "load_taxonomy"),
    "people.toml": ("viewer.core.events.people", "title_data"),
    "modality.toml": ("viewer.core.events.modality", "load_rules"),
    "speakers.toml": ("viewer.core.events.speaker_rules", "load_rules"),
    "discovery.toml": ("viewer.core.pipeline.folder_topics", "load_settings"),
}
#: What a folder's rule file can get wrong that its shape does not show: a pattern that does
#: not compile, a missing key, a value of the right kind but out of range, a name unknown.
_BAD_CONTENT = (re.error, KeyError, TypeError, ValueError, IndexError, AttributeError,
                OverflowError)
_rejected: dict[tuple[str, str], str] = {}
T = TypeVar("T")
MAX_RULE_BYTES = 4 * 1024 * 1024


def override(name: str, folder: str | Path | None) -> Path | None:
    """The folder's own copy of data file `name`, if it has one that may be read: a regular
    file (or a link to one inside the folder) of sane size. Cheap: no bytes are read."""
    if folder is None:
        return None
    try:  # most folders have no copy: one system call says so (asked once per document)
        os.lstat(os.path.join(folder, FOLDER_DIR, name))
    except OSError:
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


def load_data(name: str, folder: str | Path | None = None) -> dict[str, Any]:
    """Load the bundled TOML data file `name`, extended by the folder's own copy if any (a
    copy that cannot be read or parsed is passed over; `rule_problems` reports it)."""
    data = _load_bundled(name)
    if folder is not None and override(name, folder) is not None:
        found = _read_override(name, folder)
        if isinstance(found, dict):
            data = merge(data, found)
    return data


def folder_data(name: str, folder: str | Path | None) -> dict[str, Any] | None:
    """The folder's own copy of data file `name`, parsed, or None when it has no usable one."""
    if folder is None or override(name, folder) is None:
        return None
    found = _read_override(name, folder)
    return found if isinstance(found, dict) else None


def read_folder_text(folder: str | Path, name: str) -> str | None:
    """A small file of the folder's own `.timeline-viewer/`, read safely (never a FIFO, a
    giant or a link out of the folder): its text, or None if it is absent or not readable."""
    data = read_bounded(folder, Path(folder) / FOLDER_DIR / name, MAX_RULE_BYTES)
    if isinstance(data, Problem):
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def build_for_folder(name: str, folder: str | Path | None,
                     build: Callable[[dict[str, Any]], T]) -> T:
    """`build` over the bundled file extended by the folder's copy; when the folder's content
    cannot be built, over the bundled file alone: a user's rule file never stops a folder from
    loading (`rule_problems` says why it was not used). The bundled file failing is a bug."""
    if folder is None or override(name, folder) is None:
        return build(load_data(name))
    key = (str(folder), name)
    try:
        built = build(load_data(name, folder))
    except _BAD_CONTENT as exc:
        _rejected[key] = f"not used: {type(exc).__name__}: {exc}"
        return build(load_data(name))
    _rejected.pop(key, None)
    return built


def rule_problems(folder: str | Path) -> list[Problem]:
    """Why any of the folder's own data files is not used: unreadable, not TOML, misshapen,
    or content its loader rejects (each loader is cached, so this costs a build at most)."""
    problems: list[Problem] = []
    for name in RULE_FILES:
        found = _read_override(name, folder)
        if isinstance(found, Problem):
            problems.append(found)
        elif found is not None and override(name, folder) is not None:
            module, function = _LOADERS[name]
            getattr(importlib.import_module(module), function)(folder)
            why = _rejected.get((str(folder), name))
            if why is not None:
                local = Path(folder) / FOLDER_DIR / name
                problems.append(Problem(relative_name(folder, local), "rules", why))
    return problems
