"""Reported dates, conflicts inside clusters and planned → outcome links."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from tests.conftest import copy_seeds
from viewer.core.events.document_events import Event
from viewer.core.export import ExportJob
from viewer.core.export.formats import render
from viewer.core.pipeline import conflicts
from viewer.core.pipeline.conflicts import figures, find_conflicts
from viewer.core.pipeline.folder_extraction import extract_folder
from viewer.core.pipeline.reporting import lag_days, outcome_text


def _two_versions(folder: Path) -> None:
    """Two articles on one prisoner exchange that give different days and figures."""
    (folder / "a.txt").write_text(
        "date 2026-03-06 On March 5, Russia and Ukraine exchanged 150 prisoners of war in a "
        "swap brokered by the United Arab Emirates at the Belarus border.\n\n"
        "Separately, the weather in Kyiv was mild on Thursday.\n")
    (folder / "b.txt").write_text(
        "date 2026-03-09 On March 7, Russia and Ukraine exchanged 120 prisoners of war in a "
        "swap brokered by the United Arab Emirates at the Belarus border.\n\n"
        "Farmers in Poland protested against grain imports on Saturday.\n")


def test_two_versions_make_exactly_one_conflict(tmp_path: Path) -> None:
    _two_versions(tmp_path)
    result = extract_folder(tmp_path, use_cache=False)
    conflicts = find_conflicts(result.events)
    assert len(conflicts) == 1
    (conflict,) = conflicts.values()
    assert conflict.flags == ("date", "figure:prisoners")
    values = {d.what: sorted(c.value for c in d.claims) for d in conflict.disagreements}
    assert values == {"date": ["2026-03-05", "2026-03-07"], "prisoners": ["120", "150"]}
    flagged = [e for e in result.events if e.conflict]
    assert len(flagged) == 2 and {e.document for e in flagged} == {"a.txt", "b.txt"}
    assert all(e.sources == 2 for e in flagged)


def test_reported_dates_and_cluster_span(tmp_path: Path) -> None:
    _two_versions(tmp_path)
    flagged = [e for e in extract_folder(tmp_path, use_cache=False).events if e.conflict]
    assert {e.reported for e in flagged} == {dt.date(2026, 3, 6), dt.date(2026, 3, 9)}
    assert all(e.first_reported == dt.date(2026, 3, 6) for e in flagged)
    assert all(e.last_reported == dt.date(2026, 3, 9) for e in flagged)


def test_agreeing_sources_are_not_flagged(tmp_path: Path) -> None:
    _two_versions(tmp_path)
    text = (tmp_path / "b.txt").read_text().replace("March 7", "March 5").replace("120", "150")
    (tmp_path / "b.txt").write_text(text)
    result = extract_folder(tmp_path, use_cache=False)
    assert find_conflicts(result.events) == {}
    assert max(e.sources for e in result.events) == 2


def test_planned_event_linked_to_later_postponement(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2026-01-20 Russian and Ukrainian negotiators are set to meet in Geneva for "
        "talks on a ceasefire on February 1.\n")
    (tmp_path / "b.txt").write_text(
        "date 2026-01-30 Talks in Geneva between Russian and Ukrainian negotiators on a "
        "ceasefire on February 1 have been postponed.\n")
    events = extract_folder(tmp_path, use_cache=False).events
    planned = next(e for e in events if e.document == "a.txt")
    assert planned.modality == "planned"
    assert outcome_text(planned) == "planned 2026-02-01 → postponed (reported 2026-01-30)"
    (tmp_path / "b.txt").write_text(
        "date 2026-02-02 Russian and Ukrainian negotiators held talks in Geneva on a "
        "ceasefire on February 1.\n")
    events = extract_folder(tmp_path, use_cache=False).events
    planned = next(e for e in events if e.document == "a.txt")
    assert outcome_text(planned) == "planned 2026-02-01 → happened 2026-02-01"


def test_figures_read_numbers_with_their_noun() -> None:
    assert figures("five people were killed and 12 were injured") == {
        "casualties": frozenset({5}), "wounded": frozenset({12})}
    assert figures("talks lasted six hours") == {"hours": frozenset({6})}
    assert figures("in 2025 talks resumed") == {}


def test_seeds_report_lag_across_articles(tmp_path: Path) -> None:
    events = extract_folder(copy_seeds(tmp_path), use_cache=False).events
    spread = [e for e in events if e.first_reported and e.last_reported
              and e.first_reported < e.last_reported]
    assert spread, "the Geneva round is reported on several days"
    assert all(e.reported is not None for e in events)


def test_parties_named_in_passing_are_not_a_dispute(tmp_path: Path) -> None:
    """The seeds' Geneva round: one source names Russia's invasion and Switzerland as the venue;
    that is not a disagreement on who took part."""
    assert find_conflicts(extract_folder(copy_seeds(tmp_path), use_cache=False).events) == {}


def test_sources_naming_different_participants_disagree(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2026-03-06 On March 5, delegations of Russia and Ukraine met in Abu Dhabi for "
        "talks on a ceasefire mediated by Qatar.\n")
    (tmp_path / "b.txt").write_text(
        "date 2026-03-06 On March 5, delegations of Russia and Ukraine met in Abu Dhabi for "
        "talks on a ceasefire mediated by Turkey.\n")
    (conflict,) = find_conflicts(extract_folder(tmp_path, use_cache=False).events).values()
    assert conflict.flags == ("parties",)


def test_reports_write_disputes_with_sources_and_who_says_so(tmp_path: Path) -> None:
    _two_versions(tmp_path)
    result = extract_folder(tmp_path, use_cache=False)
    job = ExportJob(result.events, {d.relpath: d for d in result.documents})
    md, page = render(job, "md"), render(job, "html")
    assert md.count("disputed: date — 2026-03-05 (") == 1
    assert "disputed: number of prisoners — 150 (" in md and ", 2026-03-09) vs" not in md
    assert page.count("<div class='disputed'>") == 2
    rows = render(job, "csv").splitlines()
    header = rows[0].lstrip("\ufeff").split(",")
    assert {"reported", "first_reported", "last_reported", "conflict", "outcome"} <= set(header)
    assert "date; figure:prisoners" in render(job, "csv")
    assert '"conflict": ["date", "figure:prisoners"]' in render(job, "jsonl")


def test_timelinejs_groups_by_modality_on_request(tmp_path: Path) -> None:
    _two_versions(tmp_path)
    result = extract_folder(tmp_path, use_cache=False)
    job = ExportJob(result.events, {d.relpath: d for d in result.documents})
    groups = {s.get("group") for s in json.loads(render(job, "timelinejs"))["events"]}
    assert "happened" not in groups
    modal = dataclasses.replace(job, group_by="modality")
    assert {s["group"] for s in json.loads(render(modal, "timelinejs"))["events"]} == {"happened"}


def test_chronology_says_who_says_so_and_what_is_planned(tmp_path: Path) -> None:
    result = extract_folder(copy_seeds(tmp_path), use_cache=False)
    md = render(ExportJob(result.events, {d.relpath: d for d in result.documents}), "md")
    assert "- planned: Ukraine and Russia are set to engage" in md
    assert "- Dmitry Peskov said: Kremlin spokesperson Dmitry Peskov" in md


def test_wording_read_once_per_event(monkeypatch: pytest.MonkeyPatch) -> None:
    """Joining clusters across near dates reads each event's words at most once (it once read
    them for every comparison: seven times the CPU on 80,000 events)."""
    calls = []
    real = conflicts.content_words
    monkeypatch.setattr(conflicts, "content_words", lambda text: calls.append(1) or real(text))
    base = Event(id="", document="", text="Russia and Ukraine exchanged prisoners at the border",
                 char_start=0, char_end=1, start=None, end=None, precision="day",
                 date_source="explicit", timex=None, timex_value=None, parties=("Russia",),
                 people=(), topics=("prisoner-exchange",), boilerplate=False, sentence=0)
    days = [dt.date(2026, 3, 1 + i % 5) for i in range(60)]
    # Distinct wording (no two join), so every pair within the window is compared.
    words = ["".join(chr(97 + (i // 26**k) % 26) for k in range(3)) + "zz" for i in range(60)]
    events = [dataclasses.replace(base, id=f"{i:04d}", cluster=f"{i:04d}", document=f"{i}.txt",
                                  text=f"{w}one {w}two {w}six", start=day, end=day)
              for i, (w, day) in enumerate(zip(words, days, strict=True))]
    conflicts.merge_near_dates(events)
    assert len(calls) <= len(events)


def test_lag_counts_from_the_span_not_its_first_day() -> None:
    """A year-long span reported within it lagged 202 days when counted from 1 January."""
    base = Event(id="a", document="a.txt", text="", char_start=0, char_end=0,
                 start=dt.date(2025, 1, 1), end=dt.date(2025, 7, 22), precision="year",
                 date_source="explicit", timex=None, timex_value=None, parties=(), people=(),
                 topics=(), boilerplate=False, sentence=0, reported=dt.date(2025, 7, 22))
    assert lag_days(base) == 0
    assert lag_days(dataclasses.replace(base, reported=dt.date(2025, 7, 25))) == 3
    assert lag_days(dataclasses.replace(base, start=dt.date(2025, 7, 23),
                                        end=dt.date(2025, 7, 23))) == -1


def _dated(number: int, document: str, day: int) -> Event:
    return Event(f"e{number}", document, f"Troops shelled the town {number}.", 0, 10,
                 dt.date(2024, 3, day), dt.date(2024, 3, day), "day", "explicit", "Monday",
                 "2024-03-01", ("Russia",), (), ("strikes",), False, number,
                 cluster=f"e{number}")


def test_one_articles_events_are_stepped_over_not_compared() -> None:
    """A 2 MB one-paragraph article gave 26,000 events of one document: each was compared
    with the next 200 (`max_compared`), none of which could match; now a run of one
    article's events costs one step."""
    from tests.core.workcount import lines_run

    rules = conflicts.load_rules()
    events = [_dated(k, "long.txt", 1 + k % 3) for k in range(2000)]
    counter = [0]
    lines_run(lambda: conflicts.merge_near_dates(events, rules), counter)
    assert counter[0] < 30 * len(events)  # was about 3 x 200 lines per event


def test_near_dates_still_join_other_articles() -> None:
    events = [_dated(0, "a.txt", 1), _dated(1, "a.txt", 1), _dated(2, "b.txt", 3)]
    joined = conflicts.merge_near_dates(events)
    assert {e.cluster for e in joined} == {"e0"}
    assert [e.sources for e in joined] == [2, 2, 2]


def _plan_then_outcome(folder: Path, later: str) -> None:
    (folder / "a.txt").write_text(
        "date 2026-03-01 Officials said Israeli and Egyptian negotiators would hold talks in "
        "Cairo on reopening the border crossing on March 15.\n")
    (folder / "b.txt").write_text(f"date 2026-03-18 {later}\n")


def test_a_plan_and_its_later_outcome_are_no_date_dispute(tmp_path: Path) -> None:
    """Talks planned for the 15th and held on the 17th were flagged "date disputed" beside
    their planned → happened link; a plan and its outcome never disagree."""
    _plan_then_outcome(tmp_path, "Israeli and Egyptian negotiators held talks in Cairo on "
                                 "reopening the border crossing on March 17.")
    events = extract_folder(tmp_path, use_cache=False).events
    planned = next(e for e in events if e.document == "a.txt")
    assert planned.modality in ("planned", "possible")
    assert outcome_text(planned).endswith("→ happened 2026-03-17")
    assert all("date" not in e.conflict for e in events)
    assert all(d.kind != "date" for c in find_conflicts(events).values()
               for d in c.disagreements)


def test_two_plans_for_different_days_still_disagree() -> None:
    base = _dated(0, "a.txt", 15)
    plans = [dataclasses.replace(base, modality="planned", sources=2),
             dataclasses.replace(base, id="e1", document="b.txt", start=dt.date(2024, 3, 17),
                                 end=dt.date(2024, 3, 17), modality="planned", sources=2)]
    assert [c.flags for c in find_conflicts(plans).values()] == [("date",)]
    mixed = [plans[0], dataclasses.replace(plans[1], modality="happened")]
    assert find_conflicts(mixed) == {}
    told = [dataclasses.replace(p, modality="happened") for p in plans]
    assert [c.flags for c in find_conflicts(told).values()] == [("date",)]


def test_session_recompute_keeps_plan_and_outcome_apart() -> None:
    """The Session redoes marks after an edit with the folder stage's rule."""
    from viewer.core.session.cluster_marks import marked

    base = dataclasses.replace(_dated(0, "a.txt", 15), sources=2, modality="planned",
                               conflict=("date",))
    done = dataclasses.replace(base, id="e1", document="b.txt", start=dt.date(2024, 3, 17),
                               end=dt.date(2024, 3, 17), modality="happened")
    published = {"a.txt": dt.date(2024, 3, 1), "b.txt": dt.date(2024, 3, 18)}
    after = marked([base, done], published)
    assert [e.conflict for e in after] == [(), ()]
    assert after[0].outcome == "happened 2024-03-17"


def test_lowered_ascii_scan_reads_what_the_case_blind_one_reads() -> None:
    """The case-sensitive expressions on a lower-cased ASCII sentence (the fast path) give
    the figures and the participation cue the case-blind ones give, on seeded sentences
    mixing the data's numbers, nouns and phrases in every case."""
    import random
    import re

    rules = conflicts.load_rules()
    assert rules.figure_lower is not None and rules.participation_lower is not None
    blind = dataclasses.replace(rules, figure_lower=None, participation_lower=None)
    phrases = [p.replace("\\s+", " ") for p in re.findall(
        r"[a-z][a-z ]*[a-z]", rules.participation.pattern.replace("\\s+", " "))]
    pool = [*rules.kind_of, *rules.numbers, *phrases, "12", "1,500", "3,00", "the", "of",
            "Ukraine", "said", "-", ",", ".", "  ", "\t", "x1", "killed2", "_one"]
    rnd = random.Random(12)

    def cased(word: str) -> str:
        return "".join(c.upper() if rnd.random() < 0.3 else c for c in word)

    checked = cued = 0
    for _ in range(3000):
        text = " ".join(cased(rnd.choice(pool)) for _ in range(rnd.randint(1, 14)))
        assert figures(text, rules) == figures(text, blind), text
        assert conflicts.said_in_text(text, rules) == conflicts.said_in_text(text, blind), text
        checked += bool(figures(text, blind))
        cued += conflicts.said_in_text(text, blind)[1]
    assert checked > 300 and cued > 300  # the sentences do give figures and cues
    # a sentence beyond ASCII takes the case-blind expressions
    assert figures("Five “prisoners” KILLED 3 Civilians Killed", rules) == figures(
        "Five “prisoners” KILLED 3 Civilians Killed", blind)


def test_versions_further_apart_than_the_tolerance_are_a_chain_not_a_dispute() -> None:
    """A cluster whose reports give days further apart than the tolerance holds several
    happenings joined link by link (in the Kenyan story the polling-day quote, the
    declaration, the protests and the petition, over 11 days, were "date disputed")."""
    tolerance = conflicts.load_rules().tolerance_days
    base = dataclasses.replace(_dated(0, "a.txt", 1), sources=3)

    def version(k: int, day: int) -> Event:
        return dataclasses.replace(base, id=f"e{k}", document=f"{k}.txt",
                                   start=dt.date(2024, 3, day), end=dt.date(2024, 3, day))

    near = [version(0, 1), version(1, 1 + tolerance)]
    assert [c.flags for c in find_conflicts(near).values()] == [("date",)]
    chain = [version(0, 1), version(1, 1 + tolerance), version(2, 2 + tolerance)]
    assert find_conflicts(chain) == {}


def test_weekdays_and_months_are_not_shared_wording() -> None:
    """Dates are compared as dates: two reports of different happenings "on Tuesday" in
    "March" shared those words as if they said the same thing."""
    from viewer.core.pipeline.cluster import content_words

    assert content_words("Talks resumed on Tuesday, March 3, in Geneva") == {
        "talk", "resum", "geneva"}


def test_a_few_shared_names_in_long_sentences_are_not_one_happening() -> None:
    """Four shared words out of forty (the parties' and a city's names) joined the
    declaration of a winner with a protest two days later; a near-date join now also needs
    those words to be a share of the two sentences' words."""
    from viewer.core.pipeline.cluster import close_wording

    rules = conflicts.load_rules()
    shared = frozenset("abcd")
    long_a = shared | {f"a{k}" for k in range(18)}
    long_b = shared | {f"b{k}" for k in range(18)}
    assert not close_wording(long_a, long_b, rules.min_shared, rules.min_overlap,
                             rules.min_share)
    assert close_wording(long_a, long_b)  # clustering (dates overlapping) asks less
    short_a, short_b = shared | {"x1", "x2"}, shared | {"y1", "y2", "y3"}
    assert close_wording(short_a, short_b, rules.min_shared, rules.min_overlap,
                         rules.min_share)


def test_the_unseen_stories_disputes_are_kept_and_chains_are_not_flagged(
        tmp_path: Path) -> None:
    """The annotated date disputes found before (the last hostage's remains, a day apart;
    the aftershock, a day apart) are still found; the Kenyan chain is no dispute."""
    import shutil

    unseen = Path(__file__).parents[1] / "data" / "unseen"
    found = {}
    for story in ("gaza-hostage-truce", "turkey-earthquake", "kenya_election"):
        shutil.copytree(unseen / story, tmp_path / story,
                        ignore=shutil.ignore_patterns(".timeline-viewer"))
        events = extract_folder(tmp_path / story, use_cache=False, workers=1).events
        found[story] = {e.cluster: [x for x in events if x.cluster == e.cluster]
                        for e in events if "date" in e.conflict}
    remains = [e.text for group in found["gaza-hostage-truce"].values() for e in group]
    assert any("remains of the last deceased hostage" in t for t in remains)
    assert any("strong aftershock" in e.text for group in found["turkey-earthquake"].values()
               for e in group)
    assert found["kenya_election"] == {}
