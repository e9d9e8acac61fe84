"""`timeline-viewer timex`: files, JSON Lines for the scorer, and TimeML output."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from viewer.cli import main
from viewer.commands.timex import run_jsonl
from viewer.core.timex import Tagger


def test_file_uses_its_sidecar_date(seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timex", str(seeds_dir / "002_8df9e0d371d214c9.txt")]) == 0
    out = capsys.readouterr().out
    assert "(dct 2026-02-19)" in out
    assert "'Tuesday'" in out and "2026-02-17       2026-02-17..2026-02-17" in out


def test_dct_option_overrides(seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timex", "--dct", "2026-02-26", "--format", "json",
                 str(seeds_dir / "002_8df9e0d371d214c9.txt")]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["dct"] == "2026-02-26"
    tuesday = next(t for t in record["timexes"] if t["text"] == "Tuesday")
    assert tuesday["value"] == "2026-02-24"
    assert tuesday["earliest"] == tuesday["latest"] == "2026-02-24"


def test_jsonl_round_trip() -> None:
    lines = [
        {"id": "a", "text": "On Wednesday, forces attacked.", "dct": "2026-01-29"},
        {"id": "b", "text": "Nothing dated here.", "dct": "1998-02-13T14:26:00"},
        {"id": "c", "text": "In 1998 it rained.", "dct": None},
    ]
    payload = "".join(json.dumps(line) + "\n" for line in lines)
    out = subprocess.run([sys.executable, "-m", "viewer", "timex", "--jsonl"], input=payload,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    results = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["id"] for r in results] == ["a", "b", "c"]
    assert results[0]["timexes"] == [
        {"start": 3, "end": 12, "text": "Wednesday", "type": "DATE", "value": "2026-01-28"}]
    assert results[1]["timexes"] == []
    assert results[2]["timexes"][0]["value"] == "1998"


def test_jsonl_bad_line_is_a_clear_error(monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("not json\n"))
    assert main(["timex", "--jsonl"]) == 2
    assert "stdin line 1" in capsys.readouterr().err


def test_timeml_output_is_valid_xml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("date 2026-02-19 Talks <resumed> on Tuesday & stalled; they end next week.")
    assert main(["timex", "--format", "timeml", str(article)]) == 0
    root = ET.fromstring(capsys.readouterr().out)
    tags = [(t.text, t.get("type"), t.get("value")) for t in root.iter("TIMEX3")]
    assert tags == [("2026-02-19", "DATE", "2026-02-19"), ("Tuesday", "DATE", "2026-02-17"),
                    ("next week", "DATE", "2026-W09")]
    text = "".join(next(root.iter("TEXT")).itertext())
    assert text == "Talks <resumed> on Tuesday & stalled; they end next week."


@pytest.mark.parametrize("args", [["timex"], ["timex", "--dct", "someday", "x.txt"],
                                  ["timex", "/no/such/file.txt"]])
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 2
    assert capsys.readouterr().err.startswith("timeline-viewer: ")


def test_jsonl_annotates_the_amount_before_later_as_timeml_does() -> None:
    line = {"id": "a", "text": "Talks began on Monday. Two days later, they ended.",
            "dct": "2026-11-27"}
    out = io.StringIO()
    assert run_jsonl(io.StringIO(json.dumps(line) + "\n"), out, Tagger(), None) == 0
    timexes = json.loads(out.getvalue())["timexes"]
    assert timexes[1] == {"start": 23, "end": 31, "text": "Two days", "type": "DURATION",
                          "value": "P2D"}
