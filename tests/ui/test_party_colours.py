"""A party's colour is kept per name: the same colour each time, fixed parties keep theirs,
and the dark-background lift is still decided on each call (the palette may change)."""

from __future__ import annotations

import hashlib
from typing import Any

from PySide6.QtGui import QColor, QPalette

from viewer.ui import palette


def test_party_colours_are_kept_and_still_follow_the_background(qapp: Any) -> None:
    name = "Some Party Nobody Fixed"
    digest = int(hashlib.md5(name.encode(), usedforsecurity=False).hexdigest()[:6], 16)
    picked = QColor(palette._PARTY_COLOURS[digest % len(palette._PARTY_COLOURS)])
    for _ in range(3):
        assert palette.party_colour(name) == palette._readable(picked)
    for fixed, colour in palette._FIXED.items():
        assert palette.party_colour(fixed) == palette._readable(QColor(colour))
    assert palette.party_colour("") == QColor(palette.NEUTRAL)
    before = qapp.palette()
    try:
        night = QPalette(before)
        night.setColor(QPalette.ColorRole.Window, QColor("#101010"))
        qapp.setPalette(night)
        assert palette.is_dark()
        for party, colour in ((name, picked), *((f, QColor(c)) for f, c in palette._FIXED.items())):
            lifted = colour.lighter(150) if colour.lightness() < 110 else colour
            assert palette.party_colour(party) == lifted
    finally:
        qapp.setPalette(before)
