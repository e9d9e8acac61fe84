"""Roles a story gives to parties ("the mediators"): bound where an article names the role's
states, used alone anywhere in the folder (`story_roles`, the people registry). Invented
sentences and articles (`tests/data/story_roles/`: Armenia–Azerbaijan border talks)."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.core.workcount import CountingPattern, counting_patterns, growth, lines_run
from viewer.core.events import story_roles
from viewer.core.events.gazetteer_build import load_gazetteer
from viewer.core.events.people import title_data
from viewer.core.events.story_roles import find_roles
from viewer.core.pipeline.folder_extraction import extract_folder

FOLDER = ROOT / "tests" / "data" / "story_roles"
LINEAR = 4.6

CASES = [
    # (sentence, bound parties, roles used alone)
    ("Armenia thanked the Norwegian and Omani mediators on Monday.", {"Norway", "Oman"}, 0),
    ("Talks resumed with United Nations mediators in the chair.", {"United Nations"}, 0),
    ("The draft was passed to mediators from Norway and Oman.", {"Norway", "Oman"}, 0),
    ("Norway and Oman, the two mediators, proposed a new round.", {"Norway", "Oman"}, 0),
    ("Oman, which has mediated between the two capitals since May, welcomed the step.",
     {"Oman"}, 0),
    ("Turkey and Russia, the guarantors of the deal, met in Ankara.", {"Turkey", "Russia"}, 0),
    ("The conference was hosted in Rome by the United Nations and the European Union.",
     {"United Nations", "European Union"}, 0),
    ("The talks were co-chaired by Norway and Oman.", {"Norway", "Oman"}, 0),
    ("The two co-hosts said they would publish every pledge.", set(), 1),
    ("The two mediators issued a joint statement on Thursday.", set(), 1),
    ("Armenia handed its maps to the mediators.", set(), 1),
    ("Both mediators called for calm; the guarantors said nothing.", set(), 2),
    ("The government could appoint a mediator if the strike goes on.", set(), 0),
    ("There is nothing to mediate until the court has spoken.", set(), 0),
]


@pytest.mark.parametrize(("sentence", "bound", "alone"), CASES)
def test_roles_in_a_sentence(sentence: str, bound: set[str], alone: int) -> None:
    gazetteer = load_gazetteer()
    found = find_roles(sentence, 0, len(sentence), gazetteer.mentions(sentence),
                       title_data().roles)
    assert {party for _, _, _, party in found if party is not None} == bound
    assert sum(1 for *_, party in found if party is None) == alone


def _by_text(folder: Path) -> dict[str, tuple[str, ...]]:
    extraction = extract_folder(folder, use_cache=False, workers=1)
    assert all(not name.startswith("@") for name in extraction.people)  # roles are no people
    return {e.text: e.parties for e in extraction.events}


def test_a_role_bound_in_one_article_names_its_parties_in_the_others() -> None:
    parties = _by_text(FOLDER)
    assert parties["The two mediators invited both delegations to a technical meeting on "
                   "Friday."] == ("Norway", "Oman")
    assert set(parties["Armenia handed its draft maps of the northern section to the "
                       "mediators on Wednesday."]) == {"Armenia", "Norway", "Oman"}
    assert parties["The mediators asked both delegations to keep the maps "
                   "confidential."] == ("Norway", "Oman")
    # a mediator still to be appointed is nobody yet
    assert parties["A mediator could be appointed for the southern section later, officials "
                   "said."] == ()


def test_a_role_the_folder_never_binds_adds_nothing(tmp_path: Path) -> None:
    """The article that binds the mediators left out: "the mediators" name no one."""
    folder = tmp_path / "roles"
    shutil.copytree(FOLDER, folder)
    (folder / "01_border_round.txt").unlink()
    parties = _by_text(folder)
    assert parties["The two mediators invited both delegations to a technical meeting on "
                   "Friday."] == ()


def test_the_reason_names_the_role() -> None:
    extraction = extract_folder(FOLDER, use_cache=False, workers=1)
    event = next(e for e in extraction.events if e.text.startswith("The two mediators"))
    assert "party:Oman:mediators" in event.why


def test_roles_in_one_long_sentence_are_linear() -> None:
    """Each noun looks only at the mentions beside it: a sentence four times as long, with four
    times the roles and parties, costs about four times as much."""
    gazetteer = load_gazetteer()
    rules = title_data().roles
    piece = ("the Egyptian and Qatari mediators met the mediators, and Oman, which has "
             "mediated before, asked a mediator and the guarantors Turkey and Russia; ")

    def work(copies: int) -> int:
        text = piece * copies * 20
        mentions = gazetteer.mentions(text)
        counter = [0]
        counted: Any = dataclasses.replace(
            rules, nouns=CountingPattern(rules.nouns, counter),
            acts=CountingPattern(rules.acts, counter))
        with counting_patterns(story_roles, counter):
            lines_run(lambda: find_roles(text, 0, len(text), mentions, counted), counter)
        return counter[0]

    assert growth(work) < LINEAR
