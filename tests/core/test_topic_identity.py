"""A discovered topic keeps its id, the analyst's look of it and its colour when the folder
changes a little; an edited topic no longer found is reported, never silently dropped.

Discovery used to name each topic after its top phrase and colour it by rank on every open:
one more article turned "exporters" into "buyers", and the analyst's rename of it (stored by
id in topics.toml) stopped applying without a word."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from viewer.cli import main
from viewer.core.events.topics import Topic, make_topic
from viewer.core.pipeline.topic_identity import FILE_NAME, Known, Memory, recognise
from viewer.core.resources import FOLDER_DIR
from viewer.core.session import Session
from viewer.core.store import topic_changes

DATA = Path(__file__).resolve().parents[1] / "data"

# One more article about the exporters' new buyers: "buyers" becomes the top phrase of the
# topic "exporters" was (discovered afresh, its id would be "buyers").
BUYERS = """Date: 2026-09-02
Title: Brazilian exporters court new buyers

Brazilian exporters said on Tuesday that buyers in Asia had signed for half their coils.

Buyers in Vietnam and buyers in Thailand asked for more, the exporters said.

Other buyers in India wanted lower freight costs, traders said.

The buyers will sign yearly contracts, the exporters added.

Buyers in Japan said they would wait.
"""

# One about the mills' prices: the dumping investigation is no longer a topic of the folder.
PRICES = """Date: 2026-09-02
Title: Ontario mills hire again

Steel mills in Ontario said cheaper steel coils from Asia had replaced Brazilian steel coils.

Buyers of steel coils said the dumping investigation had raised their costs.

Importers stocked steel coils before the levy, traders said.

Mills said steel coils from Brazil would return once the dumping investigation closed.
"""


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "steel"
    shutil.copytree(DATA / "steel_dispute", target)
    return target


def _discovered(session: Session) -> dict[str, tuple[str, str]]:
    return {t.id: (t.label, t.color) for t in session.loaded.topics.topics
            if t.origin == "discovered"}


def test_an_edited_topic_keeps_its_id_look_and_colours_when_an_article_is_added(
        folder: Path) -> None:
    first = Session.open(folder, workers=1)
    before = _discovered(first)
    assert set(before) == {"dumping-investigation", "exporters"}
    first.close()
    edit = topic_changes.rename(folder, first.loaded.topics, "exporters", "Brazil's exporters")
    edit.apply_to(None)
    (folder / "04_buyers.txt").write_text(BUYERS)
    again = Session.open(folder, workers=1)
    after = _discovered(again)
    assert set(after) == set(before)  # no "buyers"
    assert after["exporters"] == ("Brazil's exporters", before["exporters"][1])
    assert after["dumping-investigation"][1] == before["dumping-investigation"][1]
    assert not [p for p in again.problems if p.kind == "orphaned topic edit"]
    events = again.extracted_events()
    assert any("exporters" in e.topics and "buyers" in e.text for e in events)
    again.close()
    # Taken away again, the folder's topics are the first ones, as they were.
    (folder / "04_buyers.txt").unlink()
    back = Session.open(folder, workers=1)
    assert {k: v[1] for k, v in _discovered(back).items()} == {
        k: v[1] for k, v in before.items()}
    back.close()


def test_an_edited_topic_the_folder_no_longer_has_is_a_problem(folder: Path) -> None:
    first = Session.open(folder, workers=1)
    first.close()
    edit = topic_changes.recolour(folder, first.loaded.topics, "dumping-investigation", "#c000c0")
    edit.apply_to(None)
    (folder / "04_prices.txt").write_text(PRICES)
    again = Session.open(folder, workers=1)
    assert "dumping-investigation" not in _discovered(again)
    orphans = [p for p in again.problems if p.kind == "orphaned topic edit"]
    assert len(orphans) == 1 and "'dumping-investigation'" in orphans[0].message
    assert "#c000c0" in orphans[0].message
    assert orphans[0].path == f"{FOLDER_DIR}/topics.toml"
    again.close()
    # The article taken away, the topic is recognised again, in the analyst's colour.
    (folder / "04_prices.txt").unlink()
    back = Session.open(folder, workers=1)
    assert _discovered(back)["dumping-investigation"][1] == "#c000c0"
    assert not [p for p in back.problems if p.kind == "orphaned topic edit"]
    back.close()


def test_the_topics_command_keeps_the_rename_and_lists_what_it_lost(
        folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["topics", str(folder), "--rename", "exporters", "Brazil's exporters"]) == 0
    assert main(["topics", str(folder), "--rename", "dumping-investigation", "Levy"]) == 0
    capsys.readouterr()
    (folder / "04_buyers.txt").write_text(BUYERS)
    assert main(["topics", str(folder)]) == 0
    rows = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert "Brazil's exporters" in rows["exporters"] and "buyers" not in rows
    assert "Levy" in rows["dumping-investigation"]
    (folder / "04_buyers.txt").unlink()
    assert main(["topics", str(folder)]) == 0  # the folder as it was: its topics as they were
    capsys.readouterr()
    (folder / "04_prices.txt").write_text(PRICES)
    assert main(["topics", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "orphaned topic edit: the discovered topic 'dumping-investigation' (renamed 'Levy')" \
        in out
    memory = json.loads((folder / FOLDER_DIR / FILE_NAME).read_text())
    assert "dumping-investigation" in [k["id"] for k in memory["retired"]]


def _topic(topic_id: str, color: str, cues: list[str]) -> Topic:
    return make_topic(topic_id, topic_id.title(), color, cues, "discovered")


PALETTE = ["#111111", "#222222", "#333333", "#444444"]


def test_recognising_is_by_shared_cues_whatever_the_order() -> None:
    found = [_topic("court", "#111111", ["court", "appeal", "families", "class action"]),
             _topic("patients", "#222222", ["patients", "pharmacies", "contact"]),
             _topic("company", "#333333", ["company", "fault"])]
    remembered = [Known("families", "#333333", ("court", "appeal", "families", "emails")),
                  Known("company", "#111111", ("company", "fault", "patients", "pharmacies",
                                               "contact", "defect")),
                  Known("ministry", "#222222", ("ministry", "health ministry"))]
    one, memory = recognise(found, Memory(tuple(remembered)), ["negotiations"], PALETTE)
    other, _ = recognise(found, Memory(tuple(reversed(remembered))), ["negotiations"], PALETTE)
    assert one == other
    assert [(t.id, t.color) for t in one] == [
        ("families", "#333333"),  # 3 of 5 cues shared
        ("company", "#111111"),  # 3 of 6 (the other half of the old topic: 2 of 6)
        ("company-2", "#444444"),  # new: an id and a colour no remembered topic has
    ]
    assert [k.id for k in memory.retired] == ["ministry"]
    # Without a memory, discovery's own ids and colours.
    fresh, _ = recognise(found, Memory(), ["negotiations"], PALETTE)
    assert [(t.id, t.color) for t in fresh] == [(t.id, t.color) for t in found]
