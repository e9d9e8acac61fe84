"""Body events no cue reached take the topic whose events share most of their words
(`nearest_topics`): only those events change, shares of a folder add up to the folder's
profiles, and the work grows with the folder, not faster."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from viewer.core.events.document_events import Event
from viewer.core.pipeline import nearest_topics as nt
from viewer.core.pipeline.folder_extraction import extract_folder
from viewer.core.pipeline.folder_topics import load_settings

STOP = load_settings().stopwords


def _event(k: int, text: str, topics: tuple[str, ...] = (), boilerplate: bool = False
           ) -> Event:
    return Event(id=f"e{k}", document="a.txt", text=text, char_start=0, char_end=len(text),
                 start=None, end=None, precision="day", date_source="undated", timex=None,
                 timex_value=None, parties=(), people=(), topics=topics,
                 boilerplate=boilerplate, sentence=k)


FOLDER = [
    _event(0, "Diesel for the generators ran out at the hospital.", ("fuel",)),
    _event(1, "Fuel trucks brought diesel to the pumping station.", ("fuel",)),
    _event(2, "The vaccine doses reached the northern districts.", ("vaccine",)),
    _event(3, "Health workers gave oral vaccine doses to children.", ("vaccine",)),
    _event(4, "Generators at the water plant stopped for lack of diesel."),
    _event(5, "Children in two districts still wait for their doses."),
    _event(6, "Nothing about either here, Geneva said."),
    _event(7, "Diesel doses", boilerplate=True),
    _event(8, "Cholera doses and diesel generators arrived.", ("fuel", "vaccine")),
]


def test_an_event_without_a_topic_takes_the_nearest_one_and_says_which_word() -> None:
    out = nt.nearest_topics(FOLDER, ("fuel", "vaccine"), STOP)
    assert out[4].topics == ("fuel",) and out[4].why[-1].startswith("topic:fuel:like ")
    assert out[5].topics == ("vaccine",)
    assert out[6] is FOLDER[6]  # shares no word with any topic's events
    assert out[7] is FOLDER[7]  # boilerplate keeps none
    assert all(out[k] is FOLDER[k] for k in (0, 1, 2, 3, 8))  # topics of its own: kept


def test_names_and_stop_words_bring_no_topic() -> None:
    assert nt.words_of("Officials in Geneva said the Diesel Group sold fuel.", STOP) == {
        "sold", "fuel", "sold fuel"}
    assert "diesel generator" in nt.words_of("diesel generators", STOP)


def test_shares_of_a_folder_add_up_to_its_profiles() -> None:
    whole = nt.near_counts(FOLDER, STOP)
    parts = nt.add_near_counts([nt.near_counts(FOLDER[:3], STOP),
                                nt.near_counts(FOLDER[3:], STOP)])
    assert parts == whole
    order = ("fuel", "vaccine")
    assert nt.profiles(parts, order, STOP) == nt.profiles(whole, order, STOP)


def test_a_folder_that_discovers_topics_leaves_fewer_events_without_one() -> None:
    extraction = extract_folder(Path(__file__).resolve().parents[1] / "data" / "steel_dispute",
                                use_cache=False)
    body = [e for e in extraction.events if not e.boilerplate]
    nearest = [e for e in body if any(":like " in w for w in e.why)]
    assert nearest and all(len(e.topics) == 1 for e in nearest)


def _letters(k: int) -> str:
    return "".join(chr(97 + int(d)) for d in str(k))


class _Counted(dict[str, dict[str, float]]):
    looked = 0

    def get(self, key: str, default: object = None) -> dict[str, float] | None:  # type: ignore[override]
        _Counted.looked += 1
        return super().get(key)


@pytest.mark.parametrize("size", [2_000])
def test_work_grows_with_the_folder_not_faster(size: int, monkeypatch: pytest.MonkeyPatch
                                               ) -> None:
    """Words read and profile look-ups per event stay the same when the folder doubles
    (counted, not timed), however many distinct words it has."""
    read = [0]
    original = nt.words_of

    def counting(text: str, stop: frozenset[str]) -> frozenset[str]:
        read[0] += len(text)
        return original(text, stop)

    monkeypatch.setattr(nt, "words_of", counting)

    def work(n: int) -> tuple[int, int]:
        events = [_event(k, f"zq{_letters(k % 7)} topic{_letters(k)} shared plain zz{_letters(k)}",
                         (f"t{k % 5}",) if k % 2 else ()) for k in range(n)]
        counts = nt.near_counts(events, STOP)
        profiles = nt.profiles(counts, [f"t{j}" for j in range(5)], STOP)
        looked = _Counted(profiles.weights)
        read[0] = _Counted.looked = 0
        nt.with_nearest(events, dataclasses.replace(profiles, weights=looked))
        return read[0], _Counted.looked

    small, large = work(size), work(2 * size)
    assert small[0] and small[1]
    assert large[0] <= 2.2 * small[0] and large[1] <= 2.2 * small[1]
