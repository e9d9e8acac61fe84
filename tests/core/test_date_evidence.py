"""Publication dates inferred from an undated article's own dateline, caption or lead, with
the evidence kept and never a guess."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from viewer.core.ingest.date_evidence import find_evidence, latest_year, resolve
from viewer.core.ingest.folder_reader import load_folder
from viewer.core.model import DateSource
from viewer.core.pipeline.folder_extraction import extract_folder

D = dt.date


def _one(tmp_path: Path, text: str) -> tuple[D | None, DateSource, dict[str, str], set[str]]:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    doc = load_folder(tmp_path).documents[0]
    return doc.date, doc.date_source, dict(doc.meta), {p.kind for p in doc.problems}


def test_dateline_with_the_year_named_in_the_text(tmp_path: Path) -> None:
    date, source, meta, problems = _one(tmp_path, (
        "Ferry strike ends\n\nVALMORA, Portugal (Nov. 3) — Ferry crews went back to work "
        "on Tuesday after a strike that began in October 2027.\n"))
    assert (date, source) == (D(2027, 11, 3), DateSource.INFERRED)
    assert "VALMORA, Portugal (Nov. 3)" in meta["date-evidence"]
    assert "inferred-date" in problems and "undated" not in problems


def test_dated_caption(tmp_path: Path) -> None:
    date, source, meta, _ = _one(tmp_path, (
        "Dockers return\n\n" + "The port reopened after a week of talks.\n\n" * 6
        + "Cranes at the terminal. Photo taken on 4 May 2027.\n"))
    assert (date, source) == (D(2027, 5, 4), DateSource.INFERRED)
    assert meta["date-evidence"].startswith("caption")


def test_lead_with_a_weekday_gives_the_year(tmp_path: Path) -> None:
    date, _, meta, _ = _one(tmp_path, (
        "Port deal signed\n\nThe union said on Thursday, May 6 that its members had accepted "
        "the offer. Talks began in 2026 and ran into 2027.\n"))
    assert date == D(2027, 5, 6)  # 6 May 2027 is a Thursday; 2026 and 2028 are not
    assert "weekday" in meta["date-evidence"]


def test_no_evidence_stays_undated(tmp_path: Path) -> None:
    date, source, _, problems = _one(tmp_path, (
        "Port deal signed\n\nThe union accepted the offer, officials said on Thursday.\n"))
    assert (date, source) == (None, DateSource.UNDATED)
    assert "undated" in problems


def test_a_goal_year_is_not_the_present() -> None:
    assert latest_year("The plan, agreed in 2026, must be finished by 2031.") == 2026
    assert latest_year("No year at all.") is None


def test_a_day_and_month_alone_take_the_year_of_the_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("date 2027-03-02 Dock talks opened in Valmora on Monday.\n")
    (tmp_path / "b.txt").write_text(
        "Dock talks stall\n\nVALMORA, March 9 — The port authority and the union broke off "
        "talks on Tuesday.\n", encoding="utf-8")
    extraction = extract_folder(tmp_path, use_cache=False)
    doc = next(d for d in extraction.documents if d.relpath == "b.txt")
    assert (doc.date, doc.date_source) == (D(2027, 3, 9), DateSource.INFERRED)
    assert "folder" in dict(doc.meta)["date-evidence"]
    event = next(e for e in extraction.events if e.document == "b.txt" and "broke off" in e.text)
    assert event.start == D(2027, 3, 9)  # relative dates resolve against the inferred date
    assert not [p for p in extraction.problems if p.kind == "undated"]


def test_evidence_needs_a_day_and_month() -> None:
    assert find_evidence("LISBON — Dockers struck on Monday.") is None
    found = find_evidence("LISBON, 12 March — Dockers struck on Monday.")
    assert found is not None and (found.month, found.day, found.year) == (3, 12, None)
    assert resolve(found, "") is None  # no year anywhere: no date


def test_a_dateline_filed_from_two_places(tmp_path: Path) -> None:
    """"GENEVA/SANAA, Nov 16 (…) —": a story filed from two places was no dateline, so its
    date was neither evidence nor the report's day."""
    date, source, meta, _ = _one(tmp_path, (
        "Ferry strike ends\n\nVALMORA/PORTO NERO, Nov. 3 (Harbour Wire) — Ferry crews went "
        "back to work on Tuesday after a strike that began in October 2027.\n"))
    assert (date, source) == (D(2027, 11, 3), DateSource.INFERRED)
    assert "VALMORA/PORTO NERO, Nov. 3" in meta["date-evidence"]
