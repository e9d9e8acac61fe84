"""A module's import run through a wrapper of the bench's own, for the benches that time or
patch the extraction's modules as the open imports them (so the open still pays that import,
as the app's does)."""

from __future__ import annotations

import importlib.machinery
from collections.abc import Callable
from typing import Any

Runner = Callable[[Any], None]


def spec_run_by(name: str, path: Any, run_with: Callable[[Runner, Any], None]) -> Any:
    """`name`'s spec as Python finds it, with its module executed by
    `run_with(execute, module)` (which must call `execute(module)`); None or a loader-less
    spec are returned as found."""
    spec = importlib.machinery.PathFinder.find_spec(name, path)
    if spec is None or spec.loader is None:
        return spec
    execute: Runner = spec.loader.exec_module

    def exec_module(module: Any) -> None:
        run_with(execute, module)

    spec.loader.exec_module = exec_module  # type: ignore[method-assign]
    return spec
