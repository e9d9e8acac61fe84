"""`timeline-viewer export`: filters, every format from the command line, clear errors."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import copy_seeds
from viewer.cli import main
from viewer.core.pipeline.folder_extraction import extract_folder


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_seeds(tmp_path_factory.mktemp("seeds"))


def export(folder: Path, out: Path, fmt: str, *options: str) -> int:
    return main(["export", str(folder), "--format", fmt, "-o", str(out), *options])


def test_united_states_and_negotiations_markdown(folder: Path, tmp_path: Path) -> None:
    options = ("--party", "United States", "--topic", "negotiations")
    assert export(folder, tmp_path / "out.json", "json", *options) == 0
    events = json.loads((tmp_path / "out.json").read_text())["events"]
    assert events and all("United States" in e["parties"] and "negotiations" in e["topics"]
                          for e in events)
    assert export(folder, tmp_path / "out.md", "md", *options) == 0
    text = (tmp_path / "out.md").read_text()
    bullets = [line for line in text.splitlines() if line.startswith("- ")]
    notes = re.findall(r"^\[\^(\d+)\]: \*.+\*, \d{4}-\d\d-\d\d \(.+\): “.+”$", text, re.M)
    assert len(bullets) == len(events) == len(notes)
    for event in events:
        assert " ".join(event["text"].split())[:40].replace("“", "") in text.replace("“", "")


def test_options_of_one_kind_or_and_kinds_and(folder: Path, tmp_path: Path) -> None:
    def ids(*options: str) -> set[str]:
        out = tmp_path / "x.json"
        assert export(folder, out, "json", *options) == 0
        return {e["id"] for e in json.loads(out.read_text())["events"]}

    turkey, un = ids("--party", "Turkey"), ids("--party", "United Nations")
    assert ids("--party", "Turkey", "--party", "United Nations") == turkey | un
    strikes = ids("--topic", "strikes")
    assert ids("--party", "Russia", "--topic", "strikes") == ids("--party", "Russia") & strikes
    dated = ids("--from", "2026-02-17", "--to", "2026-02-17")
    assert dated and ids("--search", "Geneva") & dated


@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG\r\n\x1a\n"), ("pdf", b"%PDF-"),
                                           ("svg", b"<?xml")])
def test_pictures(folder: Path, tmp_path: Path, fmt: str, magic: bytes) -> None:
    out = tmp_path / f"timeline.{fmt}"
    assert export(folder, out, fmt, "--width", "1200") == 0
    data = out.read_bytes()
    assert data.startswith(magic) and len(data) > 2000
    if fmt == "svg":
        assert ET.fromstring(data).tag.endswith("svg")


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "html", "ics", "timelinejs"])
def test_data_formats_write(folder: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    assert export(folder, out, fmt, "--include-boilerplate") == 0
    assert out.stat().st_size > 500


def test_unknown_names_list_the_valid_ones(folder: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert export(folder, tmp_path / "x.md", "md", "--party", "Narnia") == 2
    err = capsys.readouterr().err
    assert "unknown party 'Narnia'" in err and "Russia" in err and "Ukraine" in err
    assert export(folder, tmp_path / "x.md", "md", "--topic", "weather") == 2
    assert "negotiations" in capsys.readouterr().err
    assert export(folder, tmp_path / "x.md", "md", "--from", "someday") == 2
    assert not (tmp_path / "x.md").exists()


def test_names_match_whatever_their_case(folder: Path, tmp_path: Path) -> None:
    """`--party ukraine` is Ukraine, as a user types it (it used to be an unknown party)."""
    written = {}
    for name in ("Ukraine", "ukraine", "UKRAINE"):
        out = tmp_path / f"{name}.csv"
        assert export(folder, out, "csv", "--party", name, "--topic", "NEGOTIATIONS") == 0
        written[name] = out.read_text(encoding="utf-8")
    assert written["Ukraine"] == written["ukraine"] == written["UKRAINE"]
    assert written["Ukraine"].count("\n") > 5


def test_disputed_modality_and_group_by(folder: Path, tmp_path: Path) -> None:
    """The seeds' sources agree: --disputed exports nothing; --modality picks planned events;
    --group-by modality groups TimelineJS slides by modality."""
    assert export(folder, tmp_path / "d.jsonl", "jsonl", "--disputed") == 0
    assert (tmp_path / "d.jsonl").read_text() == ""
    assert export(folder, tmp_path / "p.jsonl", "jsonl", "--modality", "planned") == 0
    planned = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert planned and {e["modality"] for e in planned} == {"planned"}
    assert export(folder, tmp_path / "t.json", "timelinejs", "--group-by", "modality") == 0
    slides = json.loads((tmp_path / "t.json").read_text())["events"]
    assert {s["group"] for s in slides} >= {"happened", "planned"}


def test_markdown_names_discovered_topics_by_label(tmp_path: Path) -> None:
    election = shutil.copytree(Path(__file__).parent / "data" / "unseen" / "kenya_election",
                               tmp_path / "election")
    discovered = [t for t in extract_folder(election).taxonomy.topics
                  if t.origin == "discovered"]
    assert discovered
    assert export(election, tmp_path / "out.md", "md") == 0
    text = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert all(t.label in text for t in discovered if t.label != t.id)


def test_a_topic_is_chosen_by_the_label_the_app_shows(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--topic "Company / patients"` (a discovered or renamed topic, as the window names
    it) was an unknown topic, and the error listed bare ids, with nothing to match a renamed
    topic to its id."""
    folder = copy_seeds(tmp_path / "seeds")
    assert main(["topics", str(folder), "--rename", "negotiations", "Peace talks"]) == 0
    capsys.readouterr()
    by_id, by_label = tmp_path / "id.csv", tmp_path / "label.csv"
    assert export(folder, by_id, "csv", "--topic", "negotiations") == 0
    assert export(folder, by_label, "csv", "--topic", "peace TALKS") == 0
    assert by_id.read_text(encoding="utf-8") == by_label.read_text(encoding="utf-8")
    assert export(folder, tmp_path / "x.csv", "csv", "--topic", "weather") == 2
    assert "negotiations (Peace talks)" in capsys.readouterr().err


def test_the_command_writes_events_in_the_windows_order(folder: Path, tmp_path: Path) -> None:
    """The window exports in its table's order (by date); the command wrote folder order."""
    assert export(folder, tmp_path / "all.json", "json") == 0
    events = json.loads((tmp_path / "all.json").read_text())["events"]
    starts = [e["start"] for e in events if e["start"]]
    assert starts == sorted(starts) and len(starts) > 50
    assert all(e["start"] is None for e in events[len(starts):])  # undated last
