"""Names that are places or descriptions, not actors: a demonym describing an armed group or
a place, a seat that is only the venue; and hostile epithets that do name a state."""

from __future__ import annotations

import pytest

from viewer.core.parties import load_gazetteer


@pytest.mark.parametrize(("text", "parties"), [
    ("Somali al-Shabaab militants attacked a base near the border.", {"al-Shabaab"}),
    ("Malian jihadists ambushed a convoy on Tuesday.", set()),
    ("Sudanese paramilitary fighters seized the town.", set()),
    ("The ministers met in the Nigerian capital on Monday.", set()),
    ("Rescuers reached a Turkish border town overnight.", set()),
    ("Farmers drove tractors into Brussels.", set()),
    ("Talks resumed in Brussels, where Kenyan officials joined them.", {"Kenya"}),
    ("Brussels said the duties would stay.", {"European Union"}),
    ("Officials in Brussels were not convinced.", {"European Union"}),
    ("Negotiators from Kyiv and Moscow met again.", {"Ukraine", "Russia"}),
    ("Hamas accused the Zionist entity of stalling.", {"Hamas", "Israel"}),
    ("Moscow blamed the Kyiv regime for the strike.", {"Russia", "Ukraine"}),
    ("The Nigerian government rejected the claim.", {"Nigeria"}),
    ("Turkish officials said aid had arrived.", {"Turkey"}),
])
def test_party_context(text: str, parties: set[str]) -> None:
    assert {m.party for m in load_gazetteer().mentions(text)} == parties


def test_epithet_kind_is_kept_for_the_reason() -> None:
    [mention] = [m for m in load_gazetteer().mentions("Protesters denounced the Great Satan.")]
    assert (mention.party, mention.kind) == ("United States", "epithet")
