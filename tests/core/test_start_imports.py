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
