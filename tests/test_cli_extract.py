"""`timeline-viewer extract`: the JSON schema, JSON Lines and CSV forms, output files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.conftest import copy_seeds
from viewer.cli import main

EVENT_KEYS = {"id", "document", "text", "char_start", "char_end", "start", "end", "precision",
              "date_source", "timex", "parties", "people", "topics", "tags", "boilerplate",
              "cluster", "sources", "why"}


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    return copy_seeds(tmp_path / "seeds")


def test_json_schema(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(folder), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["date"] for d in data["documents"]] == [
        "2026-01-29", "2025-07-22", "2026-02-19", "2025-06-05", "2026-02-18"]
    assert set(data["documents"][0]) == {"path", "title", "date", "date_source", "date_evidence",
                                         "problems"}
    assert data["events"] and all(set(e) >= EVENT_KEYS for e in data["events"])
    for e in data["events"]:  # every party and topic says which name or cue gave it
        reasons = {tuple(w.split(":", 2)[:2]) for w in e["why"]}
        assert {("party", p) for p in e["parties"]} <= reasons
        assert {("topic", t) for t in e["topics"]} <= reasons
        text = (folder / e["document"]).read_text()
        assert e["text"] in text or e["text"] in " ".join(text.split())


def test_output_file_jsonl_and_csv(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert main(["extract", str(folder), "--format", "jsonl", "-o", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(lines) > 50 and set(lines[0]) >= EVENT_KEYS
    sheet = tmp_path / "events.csv"
    assert main(["extract", str(folder), "--format", "csv", "-o", str(sheet)]) == 0
    raw = sheet.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == len(lines)
    assert rows[0]["parties"] and "; " in next(r["parties"] for r in rows if ";" in r["parties"])


def test_wrong_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "/no/such/folder"]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_parallel_extraction_from_python_dash_m(tmp_path: Path) -> None:
    """Worker processes re-import the main module; `python -m viewer` must not run again."""
    import subprocess
    import sys

    for index in range(12):
        (tmp_path / f"{index:02}.txt").write_text(
            f"date 2025-03-{index + 1:02} Talks resumed in Geneva on Monday, officials said.")
    out = subprocess.run([sys.executable, "-m", "viewer", "extract", str(tmp_path), "--stats",
                          "--format", "jsonl", "-o", str(tmp_path / "x.jsonl")],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "12 extracted" in out.stderr
    assert len((tmp_path / "x.jsonl").read_text().splitlines()) == 12


def test_dash_output_is_standard_output(folder: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """`-o -` writes to standard output, as other tools do, not to a file called "-"."""
    monkeypatch.chdir(tmp_path)
    assert main(["extract", str(folder), "--format", "jsonl", "-o", "-"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(json.loads(line) for line in lines)
    assert not (tmp_path / "-").exists()


def test_json_head_made_beside_the_stage_is_the_same(folder: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """With workers and no snapshot, the documents' list is made by a forked child while
    the folder stage runs: the file is the same, byte for byte, as one process writes."""
    from viewer.commands import extract

    made: list[int] = []
    forked_call = extract.forked_call

    def counted(*args: object) -> object:
        made.append(1)
        return forked_call(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(extract, "HEAD_FORK_FROM", 1)
    monkeypatch.setattr(extract, "forked_call", counted)
    outputs = {}
    for workers in (1, 2):
        outputs[workers] = tmp_path / f"events-{workers}.json"
        assert main(["extract", str(folder), "--no-cache", "--workers", str(workers),
                     "-o", str(outputs[workers])]) == 0
    assert outputs[1].read_bytes() == outputs[2].read_bytes()
    assert made == [1]  # made aside with two workers only
