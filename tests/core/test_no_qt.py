"""The core is Qt-free: no import of Qt anywhere under viewer/core, and it runs without Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "viewer" / "core"
FORBIDDEN = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "viewer.ui")


def test_no_module_under_core_imports_qt() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.startswith(FORBIDDEN)]
    assert offenders == []


def test_core_loads_seeds_with_qt_unimportable(seeds_dir: Path) -> None:
    """Run the core in a child where importing PySide6 fails, as if it were uninstalled."""
    code = f"""
import sys, importlib, pkgutil
sys.modules['PySide6'] = None
sys.modules['shiboken6'] = None
import viewer.core
for info in pkgutil.walk_packages(viewer.core.__path__, 'viewer.core.'):
    importlib.import_module(info.name)
from viewer.core.ingest.folder_reader import load_folder
scan = load_folder({str(seeds_dir)!r})
assert len(scan.documents) == 5, scan
print('ok')
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
