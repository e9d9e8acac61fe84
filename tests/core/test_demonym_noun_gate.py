"""The quick refusal before the nouns after a demonym (`Gazetteer._noun_after`) refuses only
windows where none of the three expressions it spares can match, so a demonym is read as
without it."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

from viewer.core.events.gazetteer_build import load_gazetteer

_ROOT = Path(__file__).resolve().parents[2]
_CRAFTED = [
    "Somali al-Shabaab militants attacked", "Italian hauliers blocked the road",
    " container carrier said", " grid operator, the firm said", " Islamic Jihad fighters",
    "-backed rebels seized", " state news agency reported", " start-up founders",
    " officials said the Taliban would meet", "  \t militants", " forces said on Monday",
    " March 23 Movement", " M23 rebels", " Hauliers", " AL-QAEDA", " aL-qAeDa cell",
    "-owned bank", " employers' federation", " factory-workers", " ports.", " portsmouth",
]


def _windows() -> list[str]:
    """The 40 characters after every demonym of the seeds and the annotated stories, the
    crafted ones, and random cuts of them."""
    gazetteer = load_gazetteer()
    assert gazetteer.names is not None
    out = list(_CRAFTED)
    for path in sorted([*(_ROOT / "seeds").glob("*.txt"),
                        *(_ROOT / "tests" / "data" / "unseen").glob("*/*.txt")]):
        text = path.read_text(encoding="utf-8")
        for at, stop in gazetteer.names.spans(text):
            if gazetteer.forms[text[at:stop]][1] == "demonym":
                out.append(text[stop : stop + 40])
    rnd = random.Random(7)
    for window in list(out):
        cut = rnd.randint(0, len(window))
        out.append(window[:cut])
    return out


def test_after_heads_built_from_the_rules() -> None:
    heads = load_gazetteer().after_heads
    assert heads is not None and "militants" in heads and "taliban" in heads
    assert "the" not in heads  # (the longest word of "the Taliban" stands for it)


def test_a_refused_window_matches_none_of_the_three() -> None:
    gazetteer = load_gazetteer()
    windows = _windows()
    assert len(windows) > 200
    refused = 0
    for rest in windows:
        if not gazetteer._noun_after(rest):
            refused += 1
            for pattern in (gazetteer.group_after, gazetteer.private_after,
                            gazetteer.company_after):
                assert pattern.match(rest) is None, (pattern.pattern[:40], rest)
    assert refused > len(windows) // 2  # (most demonyms are followed by none of them)


def test_demonyms_read_as_without_the_gate() -> None:
    gazetteer = load_gazetteer()
    plain = dataclasses.replace(gazetteer, after_heads=None)
    for rest in _windows():
        text = "The Somali" + rest
        end = len(text)
        assert gazetteer._describes(text, 4, 10, end) == plain._describes(text, 4, 10, end)
        assert gazetteer.mentions(text) == plain.mentions(text)


def test_no_gate_where_it_cannot_be_told() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer._noun_after(" ΜILITANTS")  # (beyond ASCII: the expressions are asked)
    assert dataclasses.replace(gazetteer, after_heads=None)._noun_after(" officials")
