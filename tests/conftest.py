"""Test set-up shared by core and UI tests: Qt renders offscreen, never to a display, unless
the real-display run (`python -m tests.display`) asks for the X11 platform."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

PLATFORM = os.environ.get("TIMELINE_TEST_PLATFORM", "offscreen")
os.environ["QT_QPA_PLATFORM"] = PLATFORM

# The real-display tests need an X server and a window manager; `python -m tests.display`
# starts both and runs them (and tests/ui again) on the xcb platform.
collect_ignore = [] if PLATFORM == "xcb" else ["display"]

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
