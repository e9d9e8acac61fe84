"""Hostile folders: special files, links out of the folder, names that are not UTF-8, dates at
the ends of the calendar and run-on sentences never hang, leak or stop a load."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from tests.budget import linear_budget, within_budget
from viewer.core.events.topics import load_taxonomy
from viewer.core.ingest.folder_reader import list_folder, load_folder
from viewer.core.ingest.sidecar import read_sidecar, write_sidecar_value
from viewer.core.ingest.written_dates import MAX_DATE, parse_full_date
from viewer.core.model import Problem
from viewer.core.pipeline.file_cache import entry_key
from viewer.core.pipeline.folder_extraction import extract_folder
from viewer.core.store import topic_changes
from viewer.core.store.periods import load_periods
from viewer.core.store.topic_edits import TopicError
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
    from viewer.core.store.analyst_store import UserData
    from viewer.core.store.merge_edits import apply_user_data

    data = UserData(corrections={"a": {"start": value, "end": "2026-01-01"}})
    (fixed,) = apply_user_data([event("a")], data)
    assert fixed.start is not None


def test_the_folders_own_rule_files_are_read_safely(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(GOOD)
    rules = tmp_path / ".timeline-viewer"
    rules.mkdir()
    os.mkfifo(rules / "topics.toml")
    (rules / "gazetteer.toml").symlink_to("/etc/passwd")
    (rules / "timex.toml").write_text("this is [not toml\n")
    (rules / "people.toml").write_bytes(b"titles = [\"Caf\xe9\"]\n")
    (rules / "boilerplate.toml").symlink_to("/dev/zero")
    seen: list[object] = []
    result, _calls = within_budget(lambda: extract_folder(tmp_path, workers=1,
                                                          on_document=seen.append),
                                   linear_budget(len(GOOD)))
    assert [d.relpath for d in result.documents] == ["ok.txt"] and result.events
    assert kinds(result.problems) == {
        ".timeline-viewer/topics.toml": "special",
        ".timeline-viewer/gazetteer.toml": "link-outside",
        ".timeline-viewer/timex.toml": "rules", ".timeline-viewer/people.toml": "rules",
        ".timeline-viewer/boilerplate.toml": "link-outside"}
    assert kinds(load_folder(tmp_path).problems) == kinds(result.problems)


@pytest.mark.parametrize("name", ["topics.toml", "gazetteer.toml", "timex.toml",
                                  "people.toml", "boilerplate.toml", "segmentation.toml"])
def test_rule_files_of_the_wrong_shape_are_passed_over(tmp_path: Path, name: str) -> None:
    (tmp_path / "ok.txt").write_text(GOOD)
    (tmp_path / ".timeline-viewer").mkdir()
    (tmp_path / ".timeline-viewer" / name).write_text(
        "cues = 7\n[topic.x]\nlabel = 5\ncues = 7\n[country]\nx = 5\ntitles = 5\n"
        "rules = 5\nnever_final = 5\nlines = 5\nleaders = 3\n")
    result = extract_folder(tmp_path, workers=1, use_cache=False)
    assert result.events


@pytest.mark.parametrize("header", ["date 9999-12-31", "Date: 2026-02-30"])
def test_impossible_header_dates_are_metadata_and_a_problem(tmp_path: Path, header: str) -> None:
    (tmp_path / "a.txt").write_text(f"{header}\nTitle: Geneva round\n\n{GOOD}")
    doc = load_folder(tmp_path).documents[0]
    assert doc.date is None and doc.title == "Geneva round"
    assert doc.text == GOOD.strip() and len(doc.sentences) == 1
    assert any(p.kind == "metadata" and header[-10:] in p.message for p in doc.problems)


@pytest.mark.parametrize("plant", ["fifo", "wrong-shape", "not-json", "link-out"])
def test_planted_cache_entries_are_misses(tmp_path: Path, plant: str) -> None:
    (tmp_path / "ok.txt").write_text(GOOD)
    first = extract_folder(tmp_path, workers=1)
    (entry,) = (tmp_path / ".timeline-viewer" / "cache").glob("*.json")
    entry.unlink()
    if plant == "fifo":
        os.mkfifo(entry)
    elif plant == "wrong-shape":
        entry.write_text('{"document": {"x": 1}, "events": 5}')
    elif plant == "not-json":
        entry.write_bytes(b"\xff\x00")
    else:
        entry.symlink_to("/dev/zero")
    seen: list[object] = []
    again, _calls = within_budget(lambda: extract_folder(tmp_path, workers=1,
                                                         on_document=seen.append),
                                  linear_budget(len(GOOD)))
    assert [e.id for e in again.events] == [e.id for e in first.events] and len(seen) == 1


def test_a_folder_topics_file_that_is_not_utf8_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(GOOD)
    (tmp_path / ".timeline-viewer").mkdir()
    (tmp_path / ".timeline-viewer" / "topics.toml").write_bytes(b"\x80")
    result = extract_folder(tmp_path, workers=1, use_cache=False)
    assert result.events
    assert kinds(result.problems) == {".timeline-viewer/topics.toml": "rules"}


def test_periods_and_topic_edits_never_open_a_fifo_or_an_outside_link(tmp_path: Path) -> None:
    rules = tmp_path / ".timeline-viewer"
    rules.mkdir()
    os.mkfifo(rules / "periods.json")
    (rules / "topics.toml").symlink_to("/etc/passwd")
    assert load_periods(tmp_path) == ()
    with pytest.raises(TopicError, match="cannot be read"):
        topic_changes.rename(tmp_path, load_taxonomy(), "strikes", "Air strikes").apply_to(None)


def test_replace_in_a_folder_timex_file_keeps_what_it_leaves_out(tmp_path: Path) -> None:
    rules = tmp_path / ".timeline-viewer"
    rules.mkdir()
    (rules / "timex.toml").write_text("replace = true\n")
    assert Tagger.for_folder(tmp_path).tag("on 12 March 2026", None)
    (rules / "timex.toml").write_text(
        'replace = true\n[[rule]]\nid = "only"\npattern = "(?P<year>\\\\d{4})"\n'
        'type = "DATE"\nnorm = "year"\n')
    found = Tagger.for_folder(tmp_path).tag("on 12 March 2026", None)
    assert [t.text for t in found] == ["2026"]


def test_a_file_swapped_between_the_check_and_the_open_is_not_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from viewer.core.ingest import safe_read

    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET on Monday.\n")
    root = tmp_path / "folder"
    root.mkdir()
    (root / "a.txt").write_text(GOOD)
    # what a race would do: the checked path now opens another file (a link out of the folder)
    monkeypatch.setattr(safe_read, "_open", lambda _path, flags: os.open(secret, flags))
    result = safe_read.read_bounded(root, root / "a.txt", 1 << 20)
    assert isinstance(result, Problem) and result.kind == "vanished"


BAD_CONTENT = {
    "timex.toml": '[[rule]]\nid = "bad"\npattern = "(unclosed"\ntype = "DATE"\nnorm = "year"\n',
    "gazetteer.toml": '[country."Atlantis"]\naliases = ["(unclosed"]\ncapitals = 5\n',
    "topics.toml": '[topic.x]\nlabel = "X"\ncolor = "#aaaaaa"\ncues = ["(", "*", "[a-"]\n',
    "boilerplate.toml": '[[line]]\nid = "bad"\npattern = "(unclosed"\n',
    "segmentation.toml": 'never_final = ["(unclosed"]\n',
    "people.toml": 'titles = ["(unclosed"]\n',
    "modality.toml": '[[cue]]\nmodality = "nosuch"\nwords = ["(unclosed"]\n',
    "speakers.toml": 'verbs = ["(unclosed"]\n',
    "discovery.toml": 'coverage = "most"\n',
}


@pytest.mark.parametrize("name", sorted(BAD_CONTENT))
def test_rule_content_that_cannot_be_built_is_a_problem_not_a_crash(tmp_path: Path,
                                                                     name: str) -> None:
    (tmp_path / "ok.txt").write_text(GOOD)
    (tmp_path / ".timeline-viewer").mkdir()
    (tmp_path / ".timeline-viewer" / name).write_text(BAD_CONTENT[name])
    result = extract_folder(tmp_path, workers=1, use_cache=False)
    assert result.events  # the bundled rules took over where the folder's could not be built
    # Some loaders take any string as a literal (escaped); those that compile it, or need a
    # number, pass the file over and say so.
    rejected = {"boilerplate.toml", "discovery.toml", "gazetteer.toml", "timex.toml"}
    expected = {f".timeline-viewer/{name}": "rules"} if name in rejected else {}
    assert kinds(result.problems) == expected


def test_an_unknown_normaliser_in_a_folder_rule_is_reported(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(GOOD)
    (tmp_path / ".timeline-viewer").mkdir()
    (tmp_path / ".timeline-viewer" / "timex.toml").write_text(
        '[[rule]]\nid = "bad"\npattern = "(unclosed"\ntype = "DATE"\nnorm = "year"\n')
    result = extract_folder(tmp_path, workers=1, use_cache=False)
    assert kinds(result.problems) == {".timeline-viewer/timex.toml": "rules"}
    (tmp_path / ".timeline-viewer" / "timex.toml").write_text(
        '[[rule]]\nid = "bad"\npattern = "Monday"\ntype = "DATE"\nnorm = "nosuch"\n')
    result = extract_folder(tmp_path, workers=1, use_cache=False)
    problem = next(p for p in result.problems if p.kind == "rules")
    assert "nosuch" in problem.message and result.events


def test_a_date_set_on_an_article_whose_name_is_not_utf8_is_found_again(tmp_path: Path) -> None:
    (tmp_path / os.fsdecode(b"bad\xff.txt")).write_text(GOOD)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "ok.txt").write_text(GOOD)
    write_sidecar_value(tmp_path, "bad\\xff.txt", "date", "2026-03-04")
    write_sidecar_value(tmp_path, "bad\\xff.txt", "date", "2026-03-05")  # the same section
    (tmp_path / "timeline-viewer.ini").open("a").write("[sub\\ok.txt]\ndate = 2026-03-06\n")
    dates = {d.relpath: d.date for d in extract_folder(tmp_path, workers=1).documents}
    assert dates == {"bad\\xff.txt": dt.date(2026, 3, 5), "sub/ok.txt": dt.date(2026, 3, 6)}
    assert read_sidecar(tmp_path)["bad\\xff.txt"] == {"date": "2026-03-05"}
