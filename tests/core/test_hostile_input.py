"""Hostile folders: special files, links out of the folder, names that are not UTF-8, dates at
the ends of the calendar and run-on sentences never hang, leak or stop a load."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from tests.budget import linear_budget, within_budget
from viewer.core.cache import entry_key
from viewer.core.dates import MAX_DATE, parse_full_date
from viewer.core.extract import extract_folder
from viewer.core.ingest import list_folder, load_folder
from viewer.core.model import Problem
from viewer.core.sidecar import read_sidecar, write_sidecar_value
from viewer.core.timex import Tagger

GOOD = "Talks resumed on Monday in Geneva, officials said.\n"


def kinds(problems: tuple[Problem, ...] | list[Problem]) -> dict[str, str]:
    return {p.path: p.kind for p in problems}


def test_a_run_on_sentence_costs_linear_work(tmp_path: Path) -> None:
    words = "will said Monday talks on Wednesday the next week launched forces in 2026 "
    text = "date 2026-02-18 " + words * 1400  # ~100 kB, not one full stop
    (tmp_path / "long.txt").write_text(text)
    result, _calls = within_budget(lambda: extract_folder(tmp_path, use_cache=False,
                                                          workers=1),
                                   linear_budget(len(text)))
    assert result.events


def test_dates_at_the_end_of_the_calendar_never_raise(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("date 9999-12-31 " + GOOD)
    (tmp_path / "b.txt").write_text(GOOD + "On 31 December 9999 and in 9000 years, and "
                                    "a year after 9998-12-31, nothing was agreed.\n")
    (tmp_path / "c.txt").write_text(GOOD)
    (tmp_path / "timeline-viewer.ini").write_text("[c.txt]\ndate = 9999-12-31\n")
    result = extract_folder(tmp_path, use_cache=False, workers=1)
    assert len(result.documents) == 3
    assert all(e.start is None or e.start <= MAX_DATE for e in result.events)
    sidecar = [p for d in result.documents for p in d.problems if d.relpath == "c.txt"]
    assert any("9999-12-31" in p.message for p in sidecar)
    for day in (dt.date(9999, 12, 31), dt.date(1, 1, 1), MAX_DATE):
        Tagger().tag("next week, a year later, the day before, in 5000 years", day)
    assert parse_full_date("9999-12-31") is None and parse_full_date("0000-01-01") is None


def test_impossible_front_matter_date_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: x\ndate: 2026-02-30\n---\n" + GOOD)
    doc = load_folder(tmp_path).documents[0]
    assert doc.date is None
    assert any(p.kind == "metadata" and "2026-02-30" in p.message for p in doc.problems)


def test_names_that_are_not_utf8_load_and_show_escaped(tmp_path: Path) -> None:
    (tmp_path / os.fsdecode(b"bad\xff.txt")).write_text(GOOD)
    (tmp_path / "ok.txt").write_text(GOOD)
    result = extract_folder(tmp_path, workers=1)
    assert sorted(d.relpath for d in result.documents) == ["bad\\xff.txt", "ok.txt"]
    again = extract_folder(tmp_path, workers=1)  # the cache keys them too
    assert again.cached == 2
    assert entry_key("f", os.fsencode(os.fsdecode(b"bad\xff.txt")), b"x", {}) != entry_key(
        "f", "bad\\xff.txt", b"x", {})


def test_special_files_are_never_opened(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(GOOD)
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    with open(tmp_path / "sparse.txt", "wb") as fh:
        fh.truncate(2 * 1024**3)  # 2 GB, no blocks: skipped by its size, never read
    seen: list[object] = []  # the app's path: documents reported as they come
    result, _calls = within_budget(lambda: extract_folder(tmp_path, workers=1,
                                                          on_document=seen.append),
                                   linear_budget(len(GOOD)))
    assert [d.relpath for d in result.documents] == ["ok.txt"] and len(seen) == 1
    assert kinds(result.problems) == {"pipe.txt": "special", "zero.txt": "link-outside",
                                      "sparse.txt": "too-large"}


def test_links_out_of_the_folder_are_problems_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("SECRET-OUTSIDE the folder, said nobody on Monday.\n")
    root = tmp_path / "folder"
    root.mkdir()
    (root / "ok.txt").write_text(GOOD)
    (root / "secret.txt").symlink_to(outside / "secret.txt")
    (root / "elsewhere").symlink_to(outside)
    (root / "everything").symlink_to("/")
    (root / "sub").mkdir()
    (root / "sub" / "inside.txt").symlink_to(root / "ok.txt")  # inside: followed
    result, _calls = within_budget(lambda: extract_folder(root, workers=1),
                                   linear_budget(len(GOOD) * 2))
    assert sorted(d.relpath for d in result.documents) == ["ok.txt", "sub/inside.txt"]
    assert kinds(result.problems) == {"secret.txt": "link-outside",
                                      "elsewhere": "link-outside", "everything": "link-outside"}
    assert all("SECRET" not in e.text for e in result.events)
    assert list_folder(root).files  # the listing itself never walks out either


def test_latin1_sidecar_keeps_its_dates_and_can_be_written(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "timeline-viewer.ini").write_bytes(
        b"# Caf\xe9 notes\n[a.txt]\ndate = 2026-02-18\n")
    assert read_sidecar(tmp_path) == {"a.txt": {"date": "2026-02-18"}}
    write_sidecar_value(tmp_path, "a.txt", "date", "2026-02-19")
    assert read_sidecar(tmp_path)["a.txt"]["date"] == "2026-02-19"
    assert (tmp_path / "timeline-viewer.ini").read_text().startswith("# Café notes")


@pytest.mark.parametrize("value", ["2026-13-01", "9999-12-31", "garbage", ""])
def test_stored_corrections_that_are_not_dates_are_ignored(value: str) -> None:
    from tests.core.test_store import event
    from viewer.core.store import UserData
    from viewer.core.userdata import apply_user_data

    data = UserData(corrections={"a": {"start": value, "end": "2026-01-01"}})
    (fixed,) = apply_user_data([event("a")], data)
    assert fixed.start is not None
