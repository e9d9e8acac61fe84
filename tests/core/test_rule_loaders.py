"""A folder's own rule files are checked by their loaders; every loader must be found."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

from viewer.core.resources import _LOADERS, RULE_FILES, resources_dir, rule_problems


def test_every_rule_file_names_a_loader_that_exists() -> None:
    """The gazetteer's loader moved to gazetteer_build while the table still named parties:
    a folder with its own gazetteer.toml could not be opened or extracted at all
    (AttributeError: module 'viewer.core.events.parties' has no attribute 'load_gazetteer')."""
    for name in RULE_FILES:
        module, function = _LOADERS[name]
        assert callable(getattr(importlib.import_module(module), function, None)), name


def test_a_folder_with_a_copy_of_every_rule_file_has_no_rule_problems(tmp_path: Path) -> None:
    local = tmp_path / ".timeline-viewer"
    local.mkdir()
    for name in RULE_FILES:
        shutil.copyfile(resources_dir() / name, local / name)
    assert rule_problems(tmp_path) == []
