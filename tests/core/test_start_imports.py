"""Opening a folder in the app never loads the scale-out libraries: Arrow alone costs a
quarter of a second at start, and only a Parquet dataset needs it. Nor the calendar library
(0.12 s of time-zone tables): only an .ics export needs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_app_start_and_folder_open_import_no_arrow_dask_or_icalendar(seeds_dir: Path) -> None:
    code = f"""
import sys
import viewer.__main__, viewer.ui.main_window
from viewer.core.session import Session
if __name__ == '__main__':
    session = Session.open({str(seeds_dir)!r}, with_store=False)
    assert len(session.loaded.order) == 5
    loaded = sorted(m for m in ('pyarrow', 'dask', 'distributed', 'icalendar')
                    if m in sys.modules)
    print(','.join(loaded) or 'none')
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "none"


def test_reopening_from_the_snapshot_imports_no_extraction(tmp_path: Path,
                                                            seeds_dir: Path) -> None:
    """A folder its snapshot holds whole is shown without the extraction's code: the window,
    and an open from the snapshot, import neither the tagger nor the cue and people rules,
    nor the extracting open, the worker pools or the date parser (together about a third of
    a second of CPU before the first paint at a million events)."""
    import shutil

    folder = tmp_path / "seeds"
    shutil.copytree(seeds_dir, folder)
    heavy = ("viewer.core.timex.tagger", "viewer.core.events.document_extraction",
             "viewer.core.events.cue_sets", "viewer.core.events.people",
             "viewer.core.session.extracting_load", "viewer.core.session.cold_open",
             "viewer.core.pipeline.worker_pools", "multiprocessing", "dateutil")
    code = f"""
import sys
from viewer.core.session import Session
if __name__ == '__main__':
    if sys.argv[1] == 'write':
        Session.open({str(folder)!r}, with_store=False, workers=1)
    else:
        import viewer.ui.app, viewer.ui.main_window
        session = Session.open({str(folder)!r}, with_store=False)
        assert session.loaded.extracted == 0 and len(session.loaded.order) == 5
        print(','.join(m for m in {heavy!r} if m in sys.modules) or 'none')
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for step in ("write", "reopen"):
        result = subprocess.run([sys.executable, "-c", code, step], capture_output=True,
                                text=True, env=env, timeout=600)
        assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "none"
