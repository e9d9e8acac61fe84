"""Every subcommand, given wrong arguments, prints exactly one line on stderr and exits 2;
outputs never clobber inputs; CSV carries the analyst's columns."""

from __future__ import annotations

import csv
import errno
import io
import os
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import copy_seeds
from viewer.cli import main
from viewer.commands import COMMANDS
from viewer.core.store import edits
from viewer.core.store.analyst_store import Store, store_path

ARTICLE = "000_1e2c16be113f8953.txt"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_seeds(tmp_path_factory.mktemp("cli") / "seeds")
    (root.parent / "notes.txt").write_text("the analyst's own notes\n")
    return root


# {F}: the folder, {A}: one of its articles, {P}: its parent, {N}: a file that is no export
WRONG: list[tuple[str, ...]] = [
    ("docs",), ("docs", "/no/such/folder"), ("docs", "{A}"), ("docs", "{F}", "--bogus"),
    ("timex",), ("timex", "/no/such/file.txt"), ("timex", "{F}"), ("timex", "/dev/zero"),
    ("timex", "--dct", "9999-12-31", "{A}"), ("timex", "--dct", "0000-01-01", "{A}"),
    ("timex", "--dct", "someday", "{A}"), ("timex", "--format", "xml", "{A}"),
    ("extract",), ("extract", "/no/such/folder"), ("extract", "{F}", "--format", "xml"),
    ("extract", "{F}", "-o", ""), ("extract", "{F}", "-o", "{P}"),
    ("extract", "{F}", "-o", "{P}/missing/out.json"), ("extract", "{F}", "-o", "{A}"),
    ("extract", "{F}", "-o", "{N}"), ("extract", "{F}", "--workers", "0"),
    ("extract", "{F}", "--workers", "many"),
    ("export", "{F}"), ("export", "{F}", "--format", "doc", "-o", "{P}/x.doc"),
    ("export", "{F}", "--format", "csv", "-o", "{A}"),
    ("export", "{F}", "--format", "csv", "-o", "{F}/timeline-viewer.ini"),
    ("export", "{F}", "--format", "csv", "-o", "{F}/.timeline-viewer/store.sqlite"),
    ("export", "{F}", "--format", "csv", "-o", "{N}"),
    ("export", "{F}", "--format", "csv", "-o", ""),
    ("export", "{F}", "--format", "csv", "-o", "{P}"),
    ("export", "{F}", "--format", "csv", "-o", "{P}/missing/out.csv"),
    ("export", "{F}", "--format", "png", "-o", "{P}/x.png", "--width", "0"),
    ("export", "{F}", "--format", "png", "-o", "{P}/x.png", "--width", "-5"),
    ("export", "{F}", "--format", "png", "-o", "{P}/x.png", "--scale", "0"),
    ("export", "{F}", "--format", "png", "-o", "{P}/x.png", "--scale", "nan"),
    ("export", "{F}", "--format", "png", "-o", "{P}/x.png", "--scale", "inf"),
    ("export", "{F}", "--format", "png", "-o", "{P}/x.png", "--width", "20000", "--scale",
     "8"),
    ("export", "{F}", "--format", "csv", "-o", "{P}/x.csv", "--from", "2026-02-01", "--to",
     "2025-01-01"),
    ("export", "{F}", "--format", "csv", "-o", "{P}/x.csv", "--from", "9999-12-31"),
    ("export", "{F}", "--format", "csv", "-o", "{P}/x.csv", "--from", "someday"),
    ("export", "{F}", "--format", "csv", "-o", "{P}/x.csv", "--party", "Atlantis"),
    ("export", "{F}", "--format", "csv", "-o", "{P}/x.csv", "--min-sources", "0"),
    ("topics",), ("topics", "/no/such/folder"), ("topics", "{A}"),
    ("topics", "{F}", "--delete", "no-such-topic"),
    ("topics", "{F}", "--recolour", "negotiations", "red"),
    ("topics", "{F}", "--merge", "negotiations", "strikes"),
    ("topics", "{F}", "--create", "Bad Id", "--cue", "x"), ("topics", "{F}", "--create", "x"),
    ("topics", "{F}", "--add-cues", "negotiations"),
    ("topics", "{F}", "--create", "x", "--from-event", "no-such-event"),
    ("topics", "{F}", "--merge", "negotiations"), ("topics", "{F}", "--rename"),
    ("/no/such/folder",), ("--bogus",), ("--screenshot", "{P}/s.png", "--size", "99999x99999"),
    ("--screenshot", "{P}/s.png", "--size", "0x0"), ("--screenshot", "{P}/s.png", "--size",
                                                      "big"),
    ("--screenshot", "{A}", "{F}"),
]


def _fill(args: tuple[str, ...], folder: Path) -> list[str]:
    names = {"{F}": str(folder), "{A}": str(folder / ARTICLE), "{P}": str(folder.parent),
             "{N}": str(folder.parent / "notes.txt")}
    out = []
    for arg in args:
        for key, value in names.items():
            arg = arg.replace(key, value)
        out.append(arg)
    return out


def test_the_table_covers_every_subcommand() -> None:
    assert set(COMMANDS) <= {args[0] for args in WRONG}
    assert any(not args[0].isalpha() for args in WRONG)  # and the app's own options


@pytest.mark.parametrize("args", WRONG, ids=" ".join)
def test_wrong_arguments_give_one_line_and_exit_2(
        args: tuple[str, ...], folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (folder / ARTICLE).read_bytes()
    assert main(_fill(args, folder)) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and captured.err.startswith("timeline-viewer: ")
    assert "Traceback" not in captured.err
    assert (folder / ARTICLE).read_bytes() == before  # nothing was clobbered
    assert (folder.parent / "notes.txt").read_text() == "the analyst's own notes\n"


def test_bad_json_lines_on_stdin(monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    for line in ('{"id": 1}\n', "not json\n", '{"id": 1, "text": 5}\n', "[1, 2]\n"):
        monkeypatch.setattr("sys.stdin", io.StringIO(line))
        assert main(["timex", "--jsonl"]) == 2
        assert capsys.readouterr().err.count("\n") == 1


def test_full_disk_during_export_is_one_line(folder: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from viewer.commands import export

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export, "write", full)
    assert main(["export", str(folder), "--format", "csv", "-o",
                 str(folder.parent / "full.csv")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No space left on device" in err


def test_unwritable_output_folder_is_one_line(folder: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    real = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: mode != os.W_OK and real(
        path, mode, **kw))
    assert main(["extract", str(folder), "-o", str(folder.parent / "x.json")]) == 2
    assert "permission denied" in capsys.readouterr().err


def test_an_earlier_export_may_be_replaced_and_force_overrides(
        folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = folder.parent / "again.csv"
    for _ in range(2):
        assert main(["export", str(folder), "--format", "csv", "-o", str(out)]) == 0
    for fmt in ("json", "jsonl", "csv"):
        target = folder.parent / f"again.{fmt}"
        for _ in range(2):
            assert main(["extract", str(folder), "--format", fmt, "-o", str(target)]) == 0
    other = folder.parent / "other.txt"
    other.write_text("mine")
    assert main(["extract", str(folder), "-o", str(other)]) == 2
    assert main(["extract", str(folder), "-o", str(other), "--force"]) == 0
    assert other.read_text().startswith("{")
    capsys.readouterr()


def test_csv_has_note_review_and_not_an_event(tmp_path: Path) -> None:
    root = copy_seeds(tmp_path / "seeds")
    assert main(["extract", str(root), "--format", "jsonl", "-o", str(tmp_path / "e.jsonl")]) == 0
    lines = (tmp_path / "e.jsonl").read_text().splitlines()
    eid, hidden = (line.split('"id": "')[1].split('"')[0] for line in lines[:2])
    store = Store.for_folder(root)
    edits.SetNote("", eid, "", "checked against the wire").apply(store)
    store.set_reviews({eid: "accepted"})
    store.set_corrections(hidden, {"not_event": "1"})
    store.close()
    out = tmp_path / "out.csv"
    assert main(["export", str(root), "--format", "csv", "-o", str(out)]) == 0
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))}
    assert rows[eid]["note"] == "checked against the wire"
    assert rows[eid]["review"] == "accepted" and rows[eid]["not_event"] == "no"
    if hidden in rows:  # exports may leave out what the analyst marked as not an event
        assert rows[hidden]["not_event"] == "yes"
    assert main(["extract", str(root), "--format", "csv", "-o", str(tmp_path / "x.csv")]) == 0
    header = (tmp_path / "x.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert "note,review,not_event,corrected" in header


def test_damaged_store_is_reported_by_the_cli(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_seeds(tmp_path / "seeds")
    path = store_path(root)
    path.write_bytes(b"not a database at all " * 100)
    assert main(["export", str(root), "--format", "csv", "-o", str(tmp_path / "o.csv")]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "moved aside" in err and "damaged" in err


def test_newer_store_is_one_line_in_the_cli(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_seeds(tmp_path / "seeds")
    Store.for_folder(root).close()
    db = sqlite3.connect(store_path(root))
    db.execute("UPDATE meta SET value = '2.0' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    assert main(["export", str(root), "--format", "csv", "-o", str(tmp_path / "o.csv")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "newer Timeline Viewer" in err
    assert store_path(root).exists()


def test_docs_escapes_control_characters_and_bad_bytes_in_names(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / os.fsdecode(b"bad\xff\x1b[31m.txt")).write_text("Talks resumed on Monday.")
    assert main(["docs", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "bad\\xff\\x1b[31m.txt" in out


def test_topics_on_a_hostile_topics_file_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_seeds(tmp_path / "seeds")
    (root / ".timeline-viewer").mkdir(exist_ok=True)
    os.mkfifo(root / ".timeline-viewer" / "topics.toml")
    assert main(["topics", str(root), "--delete", "negotiations"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
