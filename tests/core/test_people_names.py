"""Names are read from capitals on: the words found must be those a full tokenisation of the
sentence gave (apostrophes, hyphens, particles, line breaks, a range's own start)."""

from __future__ import annotations

import sys

from tests.core.workcount import growth, lines_run
from viewer.core.events import name_tokens
from viewer.core.events.gazetteer_build import load_gazetteer
from viewer.core.events.people import find_people

TEXT = ("Mr. Smith-Jones met O'Brien, al-Assad's aide; Omar bin Laden, 'Ahmed -Omar and U.S. "
        "Ambassador Jean de la Fontaine of France said. Omar bin\nLaden; X. Y. Zed. Ève "
        "Ängström met Russia Putin Vladimir.")


def _found(start: int, end: int) -> list[tuple[object, ...]]:
    return [(m.start, m.end, m.tokens, m.evidence, m.title_party)
            for m in find_people(TEXT, [(start, end)], load_gazetteer())]


def test_names_as_a_full_tokenisation_reads_them() -> None:
    assert _found(0, len(TEXT)) == [
        (4, 15, ("Smith-Jones",), True, None),  # "Mr." is a title, not part of the name
        (20, 27, ("O'Brien",), False, None),
        (46, 60, ("Omar", "bin", "Laden"), False, None),
        (63, 68, ("Ahmed",), False, None),
        (70, 74, ("Omar",), False, None),
        (95, 99, ("Jean",), True, "United States"),
        (106, 114, ("Fontaine",), True, "France"),  # "… of France": whose side he is on
        (131, 139, ("Omar", "bin"), False, None),  # a line break ends a name
        (140, 145, ("Laden",), False, None),
        (150, 170, ("Y", "Zed", "Ève", "Ängström"), True, None),
        (182, 196, ("Putin", "Vladimir"), False, None),  # the party name is not a name
    ]


def test_a_range_starts_words_of_its_own() -> None:
    assert _found(5, 60) == [(20, 27, ("O'Brien",), False, None),
                             (46, 60, ("Omar", "bin", "Laden"), False, None)]
    assert _found(10, 16) == [(10, 15, ("Jones",), True, None)]  # mid-word at the start
    assert _found(21, 27) == [(22, 27, ("Brien",), False, None)]  # after "'" at the start
    assert _found(47, 60) == [(55, 60, ("Laden",), False, None)]


def test_capitals_class_is_every_upper_case_letter() -> None:
    upper = [chr(c) for c in range(sys.maxunicode + 1)
             if chr(c).isupper() and name_tokens._LETTER.match(chr(c))]
    assert all(name_tokens._CAPITAL.match(c) for c in upper)
    assert not name_tokens._CAPITAL.match("a") and not name_tokens._CAPITAL.match("ǅ")


def test_names_of_a_long_sentence_are_linear() -> None:
    gazetteer = load_gazetteer()

    def work(copies: int) -> int:
        text = TEXT.replace(".", ",").replace("\n", " ") * copies * 20
        counter = [0]
        lines_run(lambda: find_people(text, [(0, len(text))], gazetteer), counter)
        return counter[0]

    assert growth(work) < 4.6
