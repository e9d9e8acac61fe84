"""Test set-up shared by core and UI tests: Qt renders offscreen, never to a display."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


def copy_seeds(target: Path) -> Path:
    """A private copy of the sample articles and their sidecar (no store, no cache)."""
    target.mkdir(parents=True, exist_ok=True)
    for path in SEEDS.iterdir():
        if path.is_file():
            shutil.copy(path, target / path.name)
    return target
