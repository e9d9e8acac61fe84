"""Events from the seeds: dates, parties, people, topics, boilerplate, clusters, stable ids."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bench.events import OTHER, OTHER_SAMPLE, SAMPLE, score
from bench.unseen import f1
from tests.conftest import copy_seeds
from viewer.core.events.document_events import Event
from viewer.core.pipeline.folder_extraction import FolderExtraction, extract_folder

D = dt.date


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> FolderExtraction:
    return extract_folder(copy_seeds(tmp_path_factory.mktemp("seeds")), use_cache=False)


def event(result: FolderExtraction, doc: str, fragment: str) -> Event:
    for e in result.events:
        if e.document.startswith(doc) and fragment in e.text:
            return e
    raise AssertionError(f"no event in {doc} with {fragment!r}")


def test_wednesday_attack(seeds: FolderExtraction) -> None:
    e = event(seeds, "000", "On Wednesday, Russian forces launched an attack")
    assert (e.start, e.end, e.precision, e.date_source) == (
        D(2026, 1, 28), D(2026, 1, 28), "day", "explicit")
    assert e.timex == "Wednesday"
    assert {"Russia", "Ukraine"} <= set(e.parties)
    assert {"strikes", "casualties"} <= set(e.topics)


def test_two_happenings_in_one_sentence(seeds: FolderExtraction) -> None:
    train = event(seeds, "000", "five people were killed in an attack targeting a passenger")
    assert train.start == D(2026, 1, 27)
    assert train.text == "five people were killed in an attack targeting a passenger train."
    before = event(seeds, "004", "six-hour discussions the day before")
    assert before.start == D(2026, 2, 17)
    assert event(seeds, "004", "sessions ended abruptly on Wednesday").start == D(2026, 2, 18)


def test_istanbul_talks(seeds: FolderExtraction) -> None:
    e = event(seeds, "001", "set to engage in a fresh round of peace talks in Istanbul")
    assert (e.start, e.date_source) == (D(2025, 7, 23), "explicit")
    assert {"Ukraine", "Russia"} <= set(e.parties)
    assert "Turkey" not in e.parties  # Istanbul is only the venue
    assert "negotiations" in e.topics


def test_umerov_statement_about_tuesday(seeds: FolderExtraction) -> None:
    e = event(seeds, "002", "Rustem Umerov, said the first day of talks on Tuesday")
    assert (e.start, e.end) == (D(2026, 2, 17), D(2026, 2, 17))
    assert "Ukraine" in e.parties and e.people == ("Rustem Umerov",)


def test_inherited_focus(seeds: FolderExtraction) -> None:
    e = event(seeds, "000", "He vowed to respond fairly to these attacks.")
    assert (e.start, e.date_source) == (D(2026, 1, 28), "inherited")
    undated = event(seeds, "000", "The military escalation is accompanied")
    assert (undated.start, undated.date_source) == (D(2026, 1, 29), "document")


def test_boilerplate_flags(seeds: FolderExtraction) -> None:
    for fragment in ("Read More: Ukraine, Russia Resume Direct Talks",
                     "Read More: Great-Power Confrontation"):
        assert event(seeds, "002", fragment).boilerplate
    related = [e for e in seeds.events if e.document.startswith("003") and e.boilerplate]
    assert any("Pryluky" in e.text for e in related)
    assert not event(seeds, "003", "It took three years").boilerplate
    assert not any(e.text == "Guests:" for e in seeds.events)


def test_geneva_session_clustered_across_sources(seeds: FolderExtraction) -> None:
    day_before = event(seeds, "004", "six-hour discussions the day before")
    opening = event(seeds, "002", "On the opening day of negotiations in Geneva")
    assert day_before.cluster == opening.cluster
    assert day_before.sources == opening.sources == 2
    attack = event(seeds, "000", "On Wednesday, Russian forces launched")
    assert attack.sources == 1 and attack.cluster == attack.id


def test_people_merged_across_spellings(seeds: FolderExtraction) -> None:
    assert seeds.people["Volodymyr Zelensky"] == "Ukraine"
    names = {n for e in seeds.events for n in e.people}
    assert not any(n.startswith(("Zelenskyy", "Zelenskiy")) or n == "Zelensky" for n in names)
    for fragment, doc in (("In this context, Zelenskyy gave", "002"),
                          ("Zelenskiy also said any plan", "002"),
                          ("Ukrainian President Volodymyr Zelenskyy offered", "004")):
        e = event(seeds, doc, fragment)
        assert e.people == ("Volodymyr Zelensky",)
        assert "Ukraine" in e.parties
    putin = event(seeds, "000", "President Putin still seeks")
    assert "Vladimir Putin" in putin.people and "Russia" in putin.parties


def test_titles_link_people_to_parties(seeds: FolderExtraction) -> None:
    assert seeds.people["Dmitry Peskov"] == "Russia"
    assert seeds.people["Steve Witkoff"] == "United States"
    assert seeds.people["Vladimir Medinsky"] == "Russia"
    witkoff = event(seeds, "000", "The remaining issue that Witkoff was likely referring to")
    assert witkoff.people == ("Steve Witkoff",) and "United States" in witkoff.parties


def test_annotated_sample_accuracy() -> None:
    for folder, sample, date_min, party_min, topic_min in (
        (Path(__file__).resolve().parents[2] / "seeds", SAMPLE, 0.95, 0.9, 0.85),
        (OTHER, OTHER_SAMPLE, 0.9, 0.9, 0.85),
    ):
        s = score(folder, sample)
        assert s.found == s.events
        assert s.date_exact / s.events >= date_min
        assert f1(s.party_tp, s.party_fp, s.party_fn)[2] >= party_min
        assert f1(s.topic_tp, s.topic_fp, s.topic_fn)[2] >= topic_min


def test_party_learned_from_title_is_reused_in_other_documents(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2025-03-03 Georgian envoy Tamar Beridze met the delegation on Monday.")
    (tmp_path / "b.txt").write_text(
        "date 2025-03-05 Beridze said on Tuesday that the talks would resume.")
    result = extract_folder(tmp_path, use_cache=False)
    later = event(result, "b", "Beridze said on Tuesday")
    assert later.people == ("Tamar Beridze",)
    assert later.parties == ("Georgia",)
    assert later.start == D(2025, 3, 4)


def test_venue_city_is_not_a_party(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2025-03-03 Delegations met in Moscow on Monday. Kyiv rejected the plan on Sunday.")
    result = extract_folder(tmp_path, use_cache=False)
    assert event(result, "a", "met in Moscow").parties == ()
    assert event(result, "a", "Kyiv rejected").parties == ("Ukraine",)


def test_folder_taxonomy_extends_and_replaces(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("date 2025-03-03 Aid convoys reached Gaza after shelling.")
    (tmp_path / ".timeline-viewer").mkdir()
    topics = tmp_path / ".timeline-viewer" / "topics.toml"
    topics.write_text('[topic.humanitarian]\nlabel = "Humanitarian"\ncolor = "#00aa00"\n'
                      'cues = ["aid convoy*", "famine"]\n')
    e = extract_folder(tmp_path, use_cache=False).events[0]
    assert e.topics == ("strikes", "humanitarian")
    topics.write_text("replace = true\n" + topics.read_text())
    e = extract_folder(tmp_path, use_cache=False).events[0]
    assert e.topics == ("humanitarian",)


def test_ids_stable_when_other_files_change(tmp_path: Path) -> None:
    copy_seeds(tmp_path)
    first = {e.id: e for e in extract_folder(tmp_path).events}
    changed = tmp_path / "003_83383728ce473df9.txt"
    changed.write_text(changed.read_text() + "\nA new paragraph was added on Friday.\n")
    again = extract_folder(tmp_path)
    assert again.extracted == 1 and again.cached == 4
    second = {e.id: e for e in again.events}
    unchanged = {i for i, e in first.items() if not e.document.startswith("003")}
    assert unchanged <= set(second)
    assert {i for i, e in first.items() if e.document.startswith("003")} <= set(second)
    assert len({e.id for e in again.events}) == len(again.events)


def test_second_open_does_no_extraction_work(tmp_path: Path) -> None:
    for index in range(10):
        (tmp_path / f"{index:02}.txt").write_text(
            f"date 2025-03-{index + 1:02} Talks resumed in Geneva on Monday, officials said. "
            f"Russia and Ukraine exchanged {index + 2} prisoners.")
    parallel = extract_folder(tmp_path, workers=2)
    assert (parallel.extracted, parallel.cached) == (10, 0)
    again = extract_folder(tmp_path, workers=2)
    assert (again.extracted, again.cached) == (0, 10)
    serial = extract_folder(tmp_path, workers=1, use_cache=False)
    assert parallel.events == again.events == serial.events


def test_undated_document_yields_undated_events(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Talks resumed on Tuesday. The war began in October 2023.")
    events = extract_folder(tmp_path, use_cache=False).events
    assert [(e.start, e.date_source) for e in events] == [
        (None, "undated"), (D(2023, 10, 1), "explicit")]
    assert events[0].undated and events[0].precision == "none"


def test_two_expressions_restating_one_time_date_one_happening(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2026-03-09 The Commission opened an anti-dumping case in May 2024. "
        "A year later, in June 2025, it widened the probe to trucks.")
    e = event(extract_folder(tmp_path, use_cache=False), "a", "widened the probe")
    assert e.text.startswith("A year later, in June 2025")
    assert (e.start, e.end) == (D(2025, 6, 1), D(2025, 6, 30))


def test_en_dash_between_names_and_past_weekday(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2026-03-11 Talks ran through the Lund–Okafor channel on Tuesday, officials said. "
        "The two sides agreed on Tuesday to extend the truce.")
    result = extract_folder(tmp_path, use_cache=False)
    channel = event(result, "a", "Lund–Okafor channel")
    assert channel.text.endswith("officials said.") and channel.start == D(2026, 3, 10)
    assert event(result, "a", "agreed on Tuesday").start == D(2026, 3, 10)  # not next week


def test_later_paragraphs_go_back_to_the_news_day(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2026-03-11 Port talks\n\n"
        "Dock workers and the port authority agreed on Monday to end the stoppage.\n\n"
        "The negotiators met for nine hours at the harbour office.\n\n"
        "The dispute over night shifts remains open, and the union has asked for a review.\n\n"
        "A review panel will report in June.\n")
    result = extract_folder(tmp_path, use_cache=False)
    met = event(result, "a", "met for nine hours")
    assert (met.start, met.date_source) == (D(2026, 3, 9), "inherited")
    assert event(result, "a", "remains open").start == D(2026, 3, 11)  # present: the report
    assert event(result, "a", "will report in June").start == D(2026, 6, 1)


def test_a_count_past_the_report_in_a_past_sentence_is_not_the_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2026-08-22 The petition was filed on Saturday.\n\n"
        "Kenyans remember September 1, when the court annulled an election. "
        "Five years later it unanimously upheld the next result.\n\n"
        "The court will rule on Monday. Two weeks later the winner will be sworn in.\n")
    result = extract_folder(tmp_path, use_cache=False)
    upheld = event(result, "a", "Five years later")
    assert upheld.start is not None and upheld.start <= D(2026, 8, 22)  # not 2031
    assert upheld.date_source != "explicit"
    # A count ahead in a future sentence is a plan and keeps its date.
    sworn = event(result, "a", "Two weeks later")
    assert sworn.date_source == "explicit" and sworn.start is not None
    assert sworn.start > D(2026, 8, 22)


def test_a_count_that_writes_its_year_or_stays_in_the_past_is_kept(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2026-08-22 The court annulled the vote in March 2017. "
        "Two years later it upheld another result.\n")
    upheld = event(extract_folder(tmp_path, use_cache=False), "a", "Two years later")
    assert upheld.date_source == "explicit" and upheld.start == D(2019, 1, 1)
