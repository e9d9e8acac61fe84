"""The party a title or an apposition beside a name gives (`title_parties`), and what page
furniture may teach the folder's registry. Invented sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.core.events.gazetteer_build import load_gazetteer
from viewer.core.events.people import find_people
from viewer.core.pipeline.folder_extraction import extract_folder

CASES = [
    # (sentence, the name's last word, the party its title or apposition gives)
    ("The two envoys, Lars Moen of Norway and Said Harthi of Oman, met.", "Moen", "Norway"),
    ("The two envoys, Lars Moen of Norway and Said Harthi of Oman, met.", "Harthi", "Oman"),
    ("A spokesman for Oman's foreign ministry, Said Harthi, said so.", "Harthi", "Oman"),
    ("An official with Hamas, Hazem Qudra, said so.", "Qudra", "Hamas"),
    ("Armenian Economy Minister Aram Sargsyan met them.", "Sargsyan", "Armenia"),
    ("Armenia — Foreign Minister Aram Sargsyan", "Sargsyan", "Armenia"),
    ("\"We count on luck,\" said Taro Sato, who leads the Japanese team.", "Sato", "Japan"),
    # no party: a firm's name after "of", a verb before "Minister", talks that are no title
    ("Lars Moen of Norway Seafood said so.", "Moen", None),
    ("Russia met Minister Ivan Petrov on Monday.", "Petrov", None),
    ("After talks with Oman, Said Harthi left.", "Harthi", None),
    # a place "of" a state after "the" is no person of that state (it was, before the fix)
    ("He spoke at the Bomas of Kenya on Monday.", "Bomas", None),
]


@pytest.mark.parametrize(("sentence", "name", "party"), CASES)
def test_the_party_beside_a_name(sentence: str, name: str, party: str | None) -> None:
    found = {m.tokens[-1]: m.title_party
             for m in find_people(sentence, [(0, len(sentence))], load_gazetteer())}
    assert found[name] == party


def test_a_caption_teaches_the_party_its_title_states(tmp_path: Path) -> None:
    """A photo caption is furniture, but "Armenian Economy Minister Aram Sargsyan" in it
    still says whom he speaks for; a name it only shows teaches nothing."""
    (tmp_path / "a.txt").write_text(
        "Date: 2026-03-02\n\nTrade talks open in Yerevan\n\n"
        "Officials from both countries met in Yerevan on Monday.\n\n"
        "(Left) Armenian Economy Minister Aram Sargsyan and Nora Lind before the talks. "
        "Photo: pool\n")
    (tmp_path / "b.txt").write_text(
        "Date: 2026-03-04\n\nSecond day of talks\n\n"
        "Sargsyan said on Wednesday that the talks would go on.\n\n"
        "Lind said on Wednesday that she was hopeful.\n")
    extraction = extract_folder(tmp_path, use_cache=False, workers=1)
    caption = next(e for e in extraction.events if "(Left)" in e.text)
    assert caption.boilerplate
    said = {e.text.split()[0]: e.parties for e in extraction.events
            if e.document == "b.txt" and not e.boilerplate and "said" in e.text}
    assert said["Sargsyan"] == ("Armenia",)
    assert said["Lind"] == ()
    assert extraction.people.get("Aram Sargsyan") == "Armenia"
    assert "Nora Lind" not in extraction.people


def test_a_title_beside_a_reference_binds_the_person(tmp_path: Path) -> None:
    """"A ministry spokesman, Luis Soto" and "the ministry's spokeswoman, Ana Ruiz" speak for
    the state "the ministry" refers back to; "Soto said" in another article then does too."""
    (tmp_path / "a.txt").write_text(
        "Date: 2026-03-02\n\nTariffs raised\n\n"
        "Peru raised its tariffs on Monday. A ministry spokesman, Luis Soto, said the rates "
        "would stay. The ministry's spokeswoman, Ana Ruiz, said talks could follow.\n")
    (tmp_path / "b.txt").write_text(
        "Date: 2026-03-04\n\nTalks\n\n"
        "Soto said on Wednesday that the rates were fair.\n\n"
        "Ruiz said on Wednesday that talks would begin in May.\n")
    extraction = extract_folder(tmp_path, use_cache=False, workers=1)
    assert extraction.people.get("Luis Soto") == "Peru"
    assert extraction.people.get("Ana Ruiz") == "Peru"
    said = {e.text.split()[0]: e.parties for e in extraction.events if e.document == "b.txt"}
    assert said["Soto"] == ("Peru",)
    assert said["Ruiz"] == ("Peru",)


def test_title_phrases_are_remembered_per_set_of_titles() -> None:
    """`_between_is_title` answers as the phrase test, from memory the second time, and a
    folder's own titles (another `TitleData`) get answers of their own."""
    from viewer.core.events import title_parties

    bundled = title_parties.title_data()
    extra = title_parties._titles_from({"titles": ["chief negotiator"], "title_modifiers": []})
    phrases = [" president ", "'s chief negotiator, ", " met in ", "'s foreign minister ",
               " chief negotiator "]
    title_parties._PHRASES.clear()
    for data in (bundled, extra, bundled):
        for phrase in phrases:
            want = title_parties._is_title_phrase(phrase, data.title_re, data.modifiers)
            assert title_parties._between_is_title(phrase, data) == want, (phrase, data.titles)
    memo = title_parties._PHRASES[id(bundled)][1]
    assert set(memo) == set(phrases)
    assert title_parties._between_is_title(" chief negotiator ", extra)
    assert title_parties._between_is_title(" president ", bundled)
    assert not title_parties._between_is_title(" president ", extra)
