"""Publication dates: sidecar, then header or front matter, then page meta, then the text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from viewer.core.ingest.folder_reader import load_folder
from viewer.core.ingest.sidecar import (
    SIDECAR_NAME,
    read_sidecar,
    update_sidecar_text,
    write_sidecar_value,
)
from viewer.core.model import DateSource, Document

SEED_DATES = {
    "000": "2026-01-29", "001": "2025-07-22", "002": "2026-02-19", "003": "2025-06-05",
    "004": "2026-02-18",
}


def test_seed_dates(seeds_dir: Path) -> None:
    scan = load_folder(seeds_dir)
    assert {d.relpath[:3]: d.date.isoformat() for d in scan.documents if d.date} == SEED_DATES
    assert all(d.date_source is DateSource.SIDECAR for d in scan.documents)


def load_one(folder: Path) -> Document:
    docs = load_folder(folder).documents
    assert len(docs) == 1
    return docs[0]


def test_sidecar_beats_header(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("date 2026-01-29 Talks resumed on Monday.")
    (tmp_path / SIDECAR_NAME).write_text("[a.txt]\ndate = 2026-02-01\n")
    doc = load_one(tmp_path)
    assert (doc.date, doc.date_source) == (dt.date(2026, 2, 1), DateSource.SIDECAR)
    assert doc.text == "Talks resumed on Monday."


@pytest.mark.parametrize(
    ("content", "date", "source", "text"),
    [
        ("date 2026-01-29 Talks resumed.", "2026-01-29", DateSource.HEADER, "Talks resumed."),
        ("date 2026-01-29\nTalks resumed.", "2026-01-29", DateSource.HEADER, "Talks resumed."),
        ("Date: 17 February 2026\nTitle: Geneva\n\nTalks resumed.", "2026-02-17",
         DateSource.HEADER, "Talks resumed."),
        # An ISO date header followed by a Title line: the title is metadata, not an event.
        ("Date: 2026-03-20\nTitle: Geneva round\n\nTalks resumed.", "2026-03-20",
         DateSource.HEADER, "Talks resumed."),
        ("---\ntitle: \"Geneva\"\ndate: 2026-02-17\n---\nTalks resumed.", "2026-02-17",
         DateSource.FRONT_MATTER, "Talks resumed."),
        ("Geneva talks\nPublished February 17, 2026\n\nTalks resumed.", "2026-02-17",
         DateSource.TEXT, None),
        ("Talks resumed on Tuesday.", None, DateSource.UNDATED, "Talks resumed on Tuesday."),
        ("Date night in Geneva was quiet.", None, DateSource.UNDATED,
         "Date night in Geneva was quiet."),
    ],
)
def test_embedded_metadata(tmp_path: Path, content: str, date: str | None, source: DateSource,
                           text: str | None) -> None:
    (tmp_path / "a.txt").write_text(content)
    doc = load_one(tmp_path)
    assert (doc.date.isoformat() if doc.date else None) == date
    assert doc.date_source is source
    if text is not None:
        assert doc.text == text
    assert any(p.kind == "undated" for p in doc.problems) == (date is None)


def test_front_matter_title(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: Geneva round\ndate: 2026-02-17\n---\n# Head\n\nX.")
    assert load_one(tmp_path).title == "Geneva round"


def test_html_meta_date_and_title(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        '<html><head><title>Site | Story</title>'
        '<meta property="article:published_time" content="2026-02-17T09:00:00Z">'
        "<script>var x = '<p>not text</p>';</script></head>"
        "<body><nav>Home</nav><h1>Talks resume</h1><p>Delegations met on <b>Tuesday</b>.</p>"
        "<p>They met again&nbsp;on Wednesday &amp; Thursday.</p></body></html>"
    )
    doc = load_one(tmp_path)
    assert (doc.date, doc.date_source) == (dt.date(2026, 2, 17), DateSource.HTML_META)
    assert doc.title == "Talks resume"
    assert "not text" not in doc.text and "<" not in doc.text
    assert "Delegations met on Tuesday." in doc.text
    assert "They met again on Wednesday & Thursday." in doc.text
    assert len(doc.paragraphs) == 4  # nav, heading and two paragraphs


def test_sidecar_update_keeps_comments_and_order(tmp_path: Path) -> None:
    original = "# my notes\n[b.txt]\n# checked by hand\ndate = 2026-01-01\ntitle = B\n\n[a.txt]\n"
    updated = update_sidecar_text(original, "b.txt", "date", "2026-02-02")
    assert updated == original.replace("2026-01-01", "2026-02-02")
    added = update_sidecar_text(updated, "a.txt", "date", "2025-05-05")
    assert added.endswith("[a.txt]\ndate = 2025-05-05\n")
    new = update_sidecar_text(added, "c.txt", "date", "2024-04-04")
    assert new.endswith("\n\n[c.txt]\ndate = 2024-04-04\n")
    assert update_sidecar_text(new, "b.txt", "title", None).count("title") == 0


def test_sidecar_written_atomically_and_read_back(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Talks resumed on Tuesday.")
    write_sidecar_value(tmp_path, "a.txt", "date", "2026-02-18")
    assert read_sidecar(tmp_path) == {"a.txt": {"date": "2026-02-18"}}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", SIDECAR_NAME]
    doc = load_one(tmp_path)
    assert (doc.date, doc.date_source) == (dt.date(2026, 2, 18), DateSource.SIDECAR)


def test_bad_sidecar_date_is_a_problem_and_falls_through(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("date 2026-01-29 Talks.")
    (tmp_path / SIDECAR_NAME).write_text("[a.txt]\ndate = someday\n")
    doc = load_one(tmp_path)
    assert doc.date_source is DateSource.HEADER
    assert any(p.kind == "metadata" for p in doc.problems)


def test_removing_a_sections_last_value_removes_the_section() -> None:
    """Undoing an article's date left an empty `[08_undated_explainer.txt]` behind."""
    original = "# comment\n\n[a.txt]\ndate = 2026-01-01\n"
    added = update_sidecar_text(original, "b.txt", "date", "2026-02-02")
    assert update_sidecar_text(added, "b.txt", "date", None) == original
    kept = "[a.txt]\n# why this date\ndate = 2026-01-01\n\n[b.txt]\ndate = 2026-02-02\n"
    assert update_sidecar_text(kept, "a.txt", "date", None) == (
        "[a.txt]\n# why this date\n\n[b.txt]\ndate = 2026-02-02\n")  # its comment stays
    two = "[a.txt]\ndate = 2026-01-01\ntitle = A\n"
    assert update_sidecar_text(two, "a.txt", "date", None) == "[a.txt]\ntitle = A\n"
