"""Modality and speaker travel with an event: through the cache, the data writers and a
folder's own rules."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from viewer.core.export.writers import events_csv, events_json, events_jsonl
from viewer.core.pipeline.folder_extraction import extract_folder
from viewer.core.serialize import event_from_dict, event_to_dict

ARTICLE = (
    "Date: 2026-02-17\n\n"
    "Kremlin spokesperson Dmitry Peskov said on Tuesday that Russia would respond to the "
    "strikes.\n\n"
    "Talks between the two delegations are penciled in for Friday in Geneva.\n"
)


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def test_cache_keeps_modality_and_speaker(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    first = extract_folder(folder)
    again = extract_folder(folder)
    assert again.cached == 1
    assert [(e.modality, e.speaker) for e in again.events] == [
        (e.modality, e.speaker) for e in first.events]
    peskov = next(e for e in first.events if "Peskov" in e.text)
    assert (peskov.modality, peskov.speaker) == ("planned", "Dmitry Peskov")


def test_old_cache_entries_read_as_defaults(tmp_path: Path) -> None:
    event = extract_folder(_folder(tmp_path), use_cache=False).events[0]
    data = event_to_dict(event)
    assert event_from_dict(data) == event
    del data["modality"], data["speaker"]
    old = event_from_dict(data)
    assert (old.modality, old.speaker) == ("happened", "")


def test_writers_carry_both_columns(tmp_path: Path) -> None:
    result = extract_folder(_folder(tmp_path), use_cache=False)
    rows = list(csv.DictReader(io.StringIO(events_csv(result.events).lstrip("\ufeff"))))
    assert {"modality", "speaker"} <= set(rows[0])
    assert ("planned", "Dmitry Peskov") in {(r["modality"], r["speaker"]) for r in rows}
    lines = [json.loads(line) for line in events_jsonl(result.events).splitlines()]
    assert all("modality" in line and "speaker" in line for line in lines)
    payload = json.loads(events_json(result.documents, result.events))
    assert {e["modality"] for e in payload["events"]} == {r["modality"] for r in rows}


def test_folder_rules_change_modality_and_the_cache_follows(tmp_path: Path) -> None:
    folder = _folder(tmp_path)

    def geneva() -> str:
        return next(e for e in extract_folder(folder).events if "Geneva" in e.text).modality

    before = geneva()
    local = folder / ".timeline-viewer"  # the cache already made it
    local.mkdir(exist_ok=True)
    (local / "modality.toml").write_text(
        '[group.possibility]\ncues = ["penciled in"]\n', encoding="utf-8")
    assert geneva() == "possible" != before


def test_a_speaker_named_once_is_learned_once(tmp_path: Path) -> None:
    # Each "He added" event carries the antecedent's mention (so its party joins the event),
    # but the folder must learn that mention once: one titled mention against two others.
    (tmp_path / "a.txt").write_text(
        "Date: 2026-02-17\n\n"
        "Ukrainian official Mykola Danyliv said the talks on Monday had been useful.\n"
        "He added that the delegations would meet again on Friday.\n"
        "He added that prisoners would be exchanged on Saturday.\n"
        "He added that the next round would be held on Sunday.\n\n"
        "Mykola Danyliv, a Polish official, told reporters on Tuesday that aid had arrived.\n\n"
        "Mykola Danyliv, a Polish official, said on Wednesday that trucks had crossed.\n",
        encoding="utf-8")
    result = extract_folder(tmp_path, use_cache=False)
    assert result.people["Mykola Danyliv"] == "Poland"
    added = [e for e in result.events if e.text.startswith("He added")]
    assert {e.speaker for e in added} == {"Mykola Danyliv"}
