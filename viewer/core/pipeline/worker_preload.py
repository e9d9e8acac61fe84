"""Imported once by the fork server that starts extraction workers.

Every folder opened starts a pool of workers, and each worker used to import the pipeline
and build the bundled rules itself (about 0.2 s of CPU for the imports and 0.3 s for the
rules, per worker, per folder). Built here, in the fork server, they are inherited by every
worker forked from it; a folder's own rule files are still built in the worker that needs
them (`extract._warm`).
"""

from __future__ import annotations

import contextlib

from viewer.core.events.gazetteer_build import load_gazetteer
from viewer.core.events.modality import load_rules as modality_rules
from viewer.core.events.people import title_data
from viewer.core.events.speaker_rules import load_rules as speaker_rules
from viewer.core.events.topics import load_taxonomy
from viewer.core.ingest import boilerplate, segment
from viewer.core.pipeline.folder_extraction import extract_batch
from viewer.core.session.batch_extraction import extract_files  # the Session's task, and numpy
from viewer.core.timex.lexicon import bundled

__all__ = ["extract_batch", "extract_files", "warm"]


def warm() -> None:
    """Build the bundled rules (each is cached by its own module)."""
    bundled()
    load_gazetteer()
    load_taxonomy()
    modality_rules()
    speaker_rules()
    title_data()
    segment.load_rules()
    boilerplate.load_rules()


# A fork server that failed here would start no worker at all: a rule that does not build
# is left for the worker to report, as before.
with contextlib.suppress(Exception):
    warm()
