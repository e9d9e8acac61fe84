"""The folder-wide steps over one long article grow with its events: a 16 MB file is one
document of some 230,000 events, and clusters, near-date merges, reports and people all
walk them. Counted in Python lines run, never timed."""

from __future__ import annotations

from pathlib import Path

from tests.core.workcount import growth, lines_run
from viewer.core.events.document_extraction import extract_document
from viewer.core.events.gazetteer_build import load_gazetteer
from viewer.core.events.topics import load_taxonomy
from viewer.core.ingest.folder_reader import build_document
from viewer.core.model import Document
from viewer.core.pipeline.folder_extraction import folder_stage
from viewer.core.timex import Tagger

STORY = (
    "Russian forces struck Kharkiv on Monday, killing 12 people, Ukrainian officials said. "
    "On Tuesday the Kremlin said talks with the United States would resume next week. "
    "President Volodymyr Zelensky told reporters in Kyiv that Ukraine would not give up land. "
    "The European Union agreed on 3 March 2024 to send more aid, and NATO envoys met on "
    "Friday. Prices rose 3.5 percent in February, the central bank said on Wednesday. "
)


def _stage_work(copies: int, folder: Path) -> int:
    text = " ".join(STORY.replace("12", str(12 + n)) for n in range(copies * 20))
    doc = build_document(folder, "x.txt", text, side={"date": "2024-06-05"})
    assert isinstance(doc, Document)
    found = extract_document(doc, Tagger(), load_gazetteer(), load_taxonomy())
    assert len(found.events) >= copies * 20 * 5
    counter = [0]
    lines_run(lambda: folder_stage(str(folder), "", [found]), counter)
    return counter[0]


def test_folder_stage_of_one_long_paragraph_is_linear(tmp_path: Path) -> None:
    """Measured 3.6 (54,000 lines for 100 sentences, 196,000 for 400)."""
    assert growth(lambda copies: _stage_work(copies, tmp_path)) < 4.6
