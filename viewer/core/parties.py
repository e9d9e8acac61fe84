"""Parties an event involves: states and organisations, found by name, demonym, capital,
metonym or alias, from the gazetteer data in `resources/gazetteer.toml`.

A capital is a party when it acts ("Kyiv characterized the attacks", "Moscow has insisted")
and a place when it is only the venue ("talks in Moscow"); other cities are never parties.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from viewer.core.resources import load_data, override

# Words after which a capital is a location, not an actor.
_VENUE_BEFORE = re.compile(
    r"(?:\b(?:in|at|to|near|outside|into|across|around|via|towards?|inside|through|"
    r"visited|visiting|visit|over|above|reached|in central|in southern|in northern|"
    r"in eastern|in western)\s+)$"
)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    party: str
    kind: str  # name, alias, demonym, capital, metonym


@dataclass(frozen=True, slots=True)
class Gazetteer:
    pattern: re.Pattern[str]
    forms: dict[str, tuple[str, str]]  # surface → (party, kind)

    def mentions(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Every party mention in text[start:end], venues excluded."""
        end = len(text) if end is None else end
        found: list[Mention] = []
        for match in self.pattern.finditer(text, start, end):
            surface = match.group(0)
            party, kind = self.forms[surface]
            if kind == "capital":
                before = text[max(start, match.start() - 24) : match.start()]
                after = text[match.end() : match.end() + 3]
                if _VENUE_BEFORE.search(before) and not after.startswith(("'s", "’s")):
                    continue
            found.append(Mention(match.start(), match.end(), party, kind))
        return found



def _forms(data: dict[str, Any]) -> dict[str, tuple[str, str]]:
    forms: dict[str, tuple[str, str]] = {}

    def add(surface: str, party: str, kind: str) -> None:
        surface = surface.strip()
        if surface and surface not in forms:
            forms[surface] = (party, kind)
            if surface.lower().startswith("the "):
                forms.setdefault(surface[4:], (party, kind))

    for section in ("country", "organisation", "group"):
        for name, entry in data.get(section, {}).items():
            add(name, name, "name")
            for alias in entry.get("aliases", []):
                add(alias, name, "alias")
            for demonym in entry.get("demonyms", []):
                add(demonym, name, "demonym")
            for metonym in entry.get("metonyms", []):
                add(metonym, name, "metonym")
            for capital in entry.get("capitals", []):
                add(capital, name, "capital")
    return forms


def build(data: dict[str, Any]) -> Gazetteer:
    forms = _forms(data)
    ordered = sorted(forms, key=len, reverse=True)
    body = "|".join(re.escape(f) for f in ordered)
    # Most positions in a text start no name at all: a look-ahead on the first letters lets
    # the engine skip them before trying any of the ~1,500 alternatives.
    firsts = "".join(sorted({re.escape(f[0]) for f in ordered}))
    # Case-sensitive: "US" the country, not "us"; "Chad" the state is rare enough as a name.
    pattern = re.compile(rf"(?=[{firsts}])(?<![\w.-])(?:{body})(?![\w]|-[A-Z]|\.\w)")
    return Gazetteer(pattern, forms)


@functools.cache
def _bundled() -> Gazetteer:
    return build(load_data("gazetteer.toml"))


def load_gazetteer(folder: str | Path | None = None) -> Gazetteer:
    if override("gazetteer.toml", folder) is None:
        return _bundled()
    return build(load_data("gazetteer.toml", folder))
