"""Topics that fit the folder: built-in ones only where the folder is about them, discovered
ones when the taxonomy covers it poorly, and the reason for each topic and party kept."""

from __future__ import annotations

from pathlib import Path

from viewer.core.events.topics import load_taxonomy
from viewer.core.pipeline.discovery_passes import key_of as _key
from viewer.core.pipeline.folder_extraction import extract_folder
from viewer.core.pipeline.folder_topics import Unit, discover, fitting, load_settings

DATA = Path(__file__).resolve().parents[1] / "data"
WAR_TOPICS = {"strikes", "casualties", "military-aid"}


def test_a_trade_folder_gets_no_war_topics_and_its_own_topics() -> None:
    extraction = extract_folder(DATA / "steel_dispute", use_cache=False)
    body = [e for e in extraction.events if not e.boilerplate]
    used = {t for e in body for t in e.topics}
    assert not used & WAR_TOPICS  # "hit", "launched", "targeted" are not attacks here
    assert sum(1 for e in body if e.topics) / len(body) >= 0.8
    discovered = [t for t in extraction.taxonomy.topics if t.origin == "discovered"]
    assert discovered
    assert all(t.cues and t.label and t.color.startswith("#") for t in discovered)
    cues = {c for t in discovered for c in t.cues}
    assert {"steel coils", "dumping investigation"} <= cues
    assert "levy" not in cues  # in most sentences: the story itself, not one of its topics


def test_discovery_is_deterministic() -> None:
    first = extract_folder(DATA / "steel_dispute", use_cache=False)
    second = extract_folder(DATA / "steel_dispute", use_cache=False)
    assert first.taxonomy == second.taxonomy
    assert [e.topics for e in first.events] == [e.topics for e in second.events]


def test_the_war_sample_keeps_its_taxonomy(seeds_dir: Path) -> None:
    extraction = extract_folder(seeds_dir, use_cache=False)
    assert not [t for t in extraction.taxonomy.topics if t.origin == "discovered"]
    used = {t for e in extraction.events for t in e.topics}
    assert {"strikes", "negotiations"} <= used


def test_anchors_decide_whether_a_built_in_topic_fits() -> None:
    settings = load_settings()
    taxonomy = load_taxonomy()
    trade = [Unit("The levy hit exporters hardest.", 0, 0, 0),
             Unit("Brazil launched a complaint and targeted the quota.", 0, 1, 0)]
    assert "strikes" not in fitting(taxonomy, trade, settings).ids()
    war = [*trade, Unit("A missile struck the port.", 1, 0, 0),
           Unit("Drones attacked the city overnight.", 1, 1, 0)]
    assert "strikes" in fitting(taxonomy, war, settings).ids()


def test_names_and_story_words_are_not_topics() -> None:
    settings = load_settings()
    units = [Unit(text, d, p, 0) for d, texts in enumerate([
        ["Officials said Maria Lund visited the harbour cranes.", "Rain fell on the quay.",
         "Maria Lund said the port was calm.", "The ferry pay dispute went on.",
         "Tugs waited outside."],
        ["Maria Lund inspected the quay again.", "The ferry pay dispute ended.",
         "Dockers said the harbour cranes would be repaired.", "Gulls circled.",
         "Trucks queued at the gate."],
        ["The harbour cranes stood still as Maria Lund spoke.", "A ferry pay dispute loomed.",
         "Unions met.", "Ships were diverted north.", "Fog closed the channel."],
    ]) for p, text in enumerate(texts)]
    topics = discover(units, load_taxonomy().__class__(()), settings)
    cues = {c for t in topics for c in t.cues}
    assert "lund" not in cues and "maria" not in cues  # a person, not a topic
    assert "harbour cranes" in cues


def test_plural_and_singular_share_a_key() -> None:
    assert _key("duties") == _key("duty")
    assert _key("coils") == _key("coil")
    assert _key("boxes") == _key("box")
    assert _key("status") == "status"


def test_each_topic_and_party_says_why(seeds_dir: Path) -> None:
    extraction = extract_folder(seeds_dir, use_cache=False)
    for event in extraction.events:
        reasons = {tuple(w.split(":", 2)[:2]) for w in event.why}
        assert {("topic", t) for t in event.topics} <= reasons
        assert {("party", p) for p in event.parties} <= reasons
    kremlin = [e for e in extraction.events if "Kremlin" in e.text and "Russia" in e.parties]
    assert any("party:Russia:Kremlin" in e.why for e in kremlin)


def test_a_speakers_party_says_why(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2026-03-11 Ukrainian President Volodymyr Zelensky met envoys on Tuesday. "
        "\u201cWe will not give up land,\u201d he said.\n", encoding="utf-8")
    for event in extract_folder(tmp_path, use_cache=False).events:
        reasons = {tuple(w.split(":", 2)[:2]) for w in event.why}
        assert {("party", p) for p in event.parties} <= reasons


def test_modifiers_and_possessives_fold_into_their_nouns() -> None:
    settings = load_settings()
    texts = [
        ["The electric cars sold well.", "Dockers waited.", "The port's cranes were idle.",
         "Rain fell.", "Gulls circled."],
        ["Electric cars reached the quay.", "The cranes were repaired.", "Trucks queued.",
         "Fog lifted.", "Ships left."],
        ["Makers of electric cars protested.", "The port's cranes moved again.", "Tugs waited.",
         "Unions met.", "Buoys rang."],
    ]
    units = [Unit(t, d, p, 0) for d, ts in enumerate(texts) for p, t in enumerate(ts)]
    cues = {c for t in discover(units, load_taxonomy().__class__(()), settings) for c in t.cues}
    assert "electric cars" in cues and "electric" not in cues
    assert "cranes" in cues and "port's" not in cues


def test_function_like_words_are_no_cues() -> None:
    """A discovered topic was shown as "Force / remains (cue “directions”)": words that say
    where or how, not what, never make a key phrase (stoplist in discovery.toml)."""
    settings = load_settings()
    texts = [
        ["Crowds fled in all directions.", "The harbour cranes stood idle.", "Rain fell.",
         "What remains of the pier is closed.", "Gulls circled."],
        ["Boats left in several directions.", "The harbour cranes were repaired.", "Fog lifted.",
         "Little remains of the old quay.", "Ships left."],
        ["Smoke drifted in two directions.", "New harbour cranes arrived.", "Tugs waited.",
         "Nothing remains of the shed.", "Buoys rang."],
    ]
    units = [Unit(t, d, p, 0) for d, ts in enumerate(texts) for p, t in enumerate(ts)]
    cues = {c for t in discover(units, load_taxonomy().__class__(()), settings) for c in t.cues}
    assert "harbour cranes" in cues
    assert not cues & {"directions", "direction", "remains"}


def test_a_folder_of_one_article_discovers_its_own_topics() -> None:
    """A phrase cannot recur in two documents of a one-document folder: the bar is the
    documents the folder has, so a single report still gets topics of its own."""
    settings = load_settings()
    texts = ["The glacier melt raised the lake.", "Engineers measured the glacier melt daily.",
             "Villagers fled as the glacier melt flooded fields.", "Roads were closed.",
             "Volunteers stacked sandbags.", "Buses left at noon.", "Schools stayed shut.",
             "The mayor thanked volunteers.", "Power returned by evening.",
             "Farmers counted lost cattle.", "A bridge reopened.", "Rain eased overnight."]
    units = [Unit(text, 0, k, 0) for k, text in enumerate(texts)]
    topics = discover(units, load_taxonomy().__class__(()), settings)
    assert "glacier melt" in {c for t in topics for c in t.cues}


def test_in_one_article_a_phrase_in_two_sentences_makes_a_topic() -> None:
    """One article tells each heading once, so its words recur in fewer sentences than in a
    story retold by several outlets: there two sentences are enough (`one_article_sentences`),
    while a folder of two articles still needs three."""
    settings = load_settings()
    assert settings.one_article_sentences == 2 < settings.min_sentences
    texts = ["Firefighters fought the blaze near the border.",
             "The forestry agency sent firefighters at dawn.",
             "A water bomber landed at the airfield.", "Roads were closed.",
             "The water bomber flew twice more.", "Buses left at noon.",
             "Schools stayed shut.", "Rain eased overnight."]
    one = [Unit(text, 0, k, 0) for k, text in enumerate(texts)]
    empty = load_taxonomy().__class__(())
    cues = {c for t in discover(one, empty, settings) for c in t.cues}
    assert {"firefighters", "water bomber"} <= cues
    two = [Unit(text, k % 2, k, 0) for k, text in enumerate(texts)]  # two articles
    assert not discover(two, empty, settings)
