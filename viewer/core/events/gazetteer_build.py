"""The gazetteer built from its data (`resources/gazetteer.toml`, or a folder's own): every
surface form of a party, and the context rules compiled from the `[context]` word lists.

Apart from `parties`, which reads text with the built gazetteer, so each module keeps to one
job; built once per process (or per folder with its own data) and reused.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from viewer.core.events.name_scan import NameScanner
from viewer.core.events.parties import Gazetteer
from viewer.core.events.tail_words import tail_words
from viewer.core.resources import build_for_folder, load_data, override

# A word between a demonym and the noun it describes ("Somali al-Shabaab militants"); never
# "and" or "or", which join another party ("Israeli and Hamas negotiators").
_BETWEEN = r"[\s-]+(?!(?:and|or)\b)[\w'’-]+"
# An opening phrase and its comma before a sentence's subject: "A week later, the two
# ministers are to sign …" (no quotation inside: a quote's words are not the subject)
_OPENING = r"(?:[^,.;:“”\"]{1,40},\s*(?!neither\b))?"


def _offices(words: list[str]) -> re.Pattern[str]:
    """A state's office right before a person's name ("Water Minister Dawit Alemu", "the new
    finance minister, Amina Wario"): an office word, capitalised after up to two capitalised
    portfolio words, or lower case after "the" and up to two lower-case words."""
    if not words:
        return re.compile(r"(?!)")
    lower = "|".join(re.escape(w) for w in words)
    upper = "|".join(re.escape(w[:1].upper() + w[1:]) for w in words)
    # (not a former nor a shadow minister: no office of the state now)
    return re.compile(rf"(?:\b[Tt]he\s+(?:(?!former\b|shadow\b)[a-z]+\s+){{0,2}}(?:{lower})|"
                      rf"\b(?:(?!Former\b|Shadow\b)[A-Z][a-z]+\s+){{0,2}}(?:{upper}))"
                      rf"(?=,?\s+[A-Z][a-z])")


def _pair_firsts(phrases: list[str]) -> tuple[str, ...]:
    """The first words after "the" of the pair references, in lower case."""
    return tuple(sorted({next((w for w in p.split() if w.lower() != "the"), p).lower()
                         for p in phrases}))


def _pair_words(phrases: list[str]) -> re.Pattern[str]:
    """The first words after "the" of the pair references ("both", "two", "neither"), any
    case: a sentence without one holds no pair reference."""
    firsts = _pair_firsts(phrases)
    if not firsts:
        return re.compile(r"(?!)")
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(firsts)))})\b", re.IGNORECASE)


def _words(words: list[str]) -> str:
    return "|".join(r"\s+".join(map(_word, w.split()))
                    for w in sorted(words, key=len, reverse=True))


def _heads(phrases: list[str]) -> tuple[str, ...] | None:
    """The longest word of each phrase (words split at spaces and hyphens), in lower case
    (see `Gazetteer.after_heads`); None where one is not ASCII, or a phrase has no word."""
    heads = {max(p.replace("-", " ").split() or [""], key=len).lower() for p in phrases}
    if not heads or not all(h and h.isascii() for h in heads):
        return None
    return tuple(sorted(heads))


def _word(word: str) -> str:
    """A capitalised word keeps its case even in a case-blind pattern: "the Commission" of
    the EU, not an electoral "commission"."""
    if word[:1].isupper() and not word.isupper():
        return f"(?-i:{re.escape(word)})"
    return re.escape(word)


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
                if forms.get(capital) == (name, "name"):  # a city-state: "talks in Luxembourg"
                    forms[capital] = (name, "capital")
                add(capital, name, "capital")
            for epithet in entry.get("epithets", []):
                add(epithet, name, "epithet")
    return forms


def _leader_words(people: dict[str, Any]) -> frozenset[str] | None:
    """The words of the names under `[leaders]` of people data (bundled, or a folder's
    merged over it); None when that is no table (the bundled leaders then stand)."""
    leaders = people.get("leaders", {})
    if not isinstance(leaders, dict):
        return None
    return frozenset(word for name in leaders if isinstance(name, str) for word in name.split())


def build(data: dict[str, Any], leaders: frozenset[str] | None = None) -> Gazetteer:
    """The gazetteer of `data`; `leaders`, the words of the leaders' names, default to the
    bundled `people.toml`'s."""
    forms = _forms(data)
    ordered = sorted(forms, key=len, reverse=True)
    body = "|".join(re.escape(f) for f in ordered)
    # Most positions in a text start no name at all: a look-ahead on the first letters lets
    # the engine skip them before trying any of the ~1,500 alternatives.
    firsts = "".join(sorted({re.escape(f[0]) for f in ordered}))
    # Case-sensitive: "US" the country, not "us"; "Chad" the state is rare enough as a name.
    pattern = re.compile(rf"(?=[{firsts}])(?<![\w.-])(?:{body})(?![\w]|-[A-Z]|\.\w)")
    context = data.get("context", {})
    groups = [name for name in data.get("group", {})] + [
        alias for entry in data.get("group", {}).values() for alias in entry.get("aliases", [])]
    venue = _words(context.get("venue_before", []))
    place = _words(context.get("venue_nouns", []))
    group = _words(context.get("armed_group_nouns", []))
    company = _words(context.get("company_nouns", []))
    private = _words(context.get("private_nouns", []))
    verbs = _words(context.get("pronoun_verbs", []))
    inside = _words(context.get("names_of_places", []))
    owned = _words(context.get("not_the_state_after", []))
    states = _words(context.get("pair_state_words", []))
    described = _words(context.get("described_group_nouns", []))
    posted = _words(context.get("posted_before", []))
    hosted = _words(context.get("hosted_by_body_before", []))
    meetings = _words(context.get("meetings_after_seat", []))
    group_names = "|".join(re.escape(g) for g in sorted(groups, key=len, reverse=True))
    actors = _words(context.get("actors_before_venue", []))
    former = "|".join(re.escape(w) for w in context.get("former_before", []))
    referents: dict[str, list[str]] = {}
    phrases: dict[str, str] = {}  # as written (a capital keeps its case) → lower case key

    def refer(phrase: str, parties: Any) -> None:
        phrases.setdefault(phrase, phrase.lower())
        referents.setdefault(phrase.lower(), []).extend(parties)

    for section in ("country", "organisation", "group"):
        for name, entry in data.get(section, {}).items():
            for phrase in entry.get("references", []):
                refer(phrase, [name])
    for phrase in context.get("group_references", []):
        refer(phrase, data.get("group", {}))
    for phrase in context.get("state_references", []):
        refer(phrase, data.get("country", {}))
    reference = _words(list(phrases))
    pair = _words(context.get("pair_references", []))
    # "Diplomats from both countries said": the pair is still the sentence's subject
    subjects = _words(context.get("pair_subjects", [])) or "(?!)"
    # "…, officials in both countries said.": the pair that a report is attributed to
    said = _words(context.get("pair_speech_verbs", []))
    return Gazetteer(
        pattern, forms,
        re.compile(rf"\b(?:{venue})\s+(?:the\s+)?$", re.IGNORECASE) if venue
        else re.compile(r"(?!)"),
        re.compile(rf"(?:-|\s+)(?:{place})\b", re.IGNORECASE) if place else re.compile(r"(?!)"),
        re.compile(rf"(?:{_BETWEEN}){{0,2}}?[\s-]+(?:(?i:{group})|{group_names})\b")
        if group or group_names else re.compile(r"(?!)"),
        re.compile(rf"\b(?:{actors})\s+(?:in|at)\s+$", re.IGNORECASE) if actors
        else re.compile(r"(?!)"),
        re.compile(rf"\b(?:{former})\s*$", re.IGNORECASE) if former else re.compile(r"(?!)"),
        re.compile(rf"\b(?:{reference})\b", re.IGNORECASE) if reference
        else re.compile(r"(?!)"),
        {k: tuple(dict.fromkeys(v)) for k, v in referents.items()},
        NameScanner(ordered),
        re.compile(rf"[\s“\"']*{_OPENING}(?:(?:{subjects})\s+(?:from|of|in)\s+)?({pair})\b",
                   re.IGNORECASE) if pair else re.compile(r"(?!)"),
        tuple(phrases) if reference else (),
        re.compile(rf"(?:{_BETWEEN}){{0,2}}?[\s-]+(?:{company})\b", re.IGNORECASE)
        if company else re.compile(r"(?!)"),
        re.compile(rf"\s*(It(?=\s+(?:{verbs})\b)|Its(?=\s+[a-z]))") if verbs
        else re.compile(r"(?!)"),
        re.compile(rf"\b(?:{inside})\s+of\s+(?:the\s+)?$") if inside
        else re.compile(r"(?!)"),
        re.compile(rf"['’]s\s+(?:{owned})\b") if owned else re.compile(r"(?!)"),
        re.compile(rf"\b(?:{states})\b", re.IGNORECASE) if states else re.compile(r"(?!)"),
        frozenset(data.get("country", {})),
        arbiters=frozenset(context.get("pair_arbiters", [])),
        venue_after=re.compile(rf"\s+(?:{meetings})\b") if meetings else re.compile(r"(?!)"),
        private_after=re.compile(rf"(?:{_BETWEEN}){{0,2}}?[\s-]+(?:{private})\b", re.IGNORECASE)
        if private else re.compile(r"(?!)"),
        hosted=re.compile(rf"\b(?:{hosted})\s+(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)
        if hosted else re.compile(r"(?!)"),
        posted=re.compile(rf"\b(?:{posted})\s+in\s+$", re.IGNORECASE) if posted
        else re.compile(r"(?!)"),
        described_group=re.compile(rf"\b[Tt]he\s+[A-Z][\w'’-]*\s+({described})\b")
        if described else re.compile(r"(?!)"),
        group_nouns=tuple(context.get("described_group_nouns", [])),
        venue_tail=tail_words(context.get("venue_before", []), extra=("the",)),
        former_tail=tail_words(context.get("former_before", [])),
        inside_tail=tail_words((), extra=("of", "the")),
        state_phrases=frozenset(p.lower() for p in context.get("state_references", [])),
        office=_offices(context.get("state_offices", [])),
        office_words=tuple(w for w in context.get("state_offices", [])),
        pair_words=_pair_words(context.get("pair_references", [])),
        pair_firsts=_pair_firsts(context.get("pair_references", [])),
        after_heads=_heads([*context.get("armed_group_nouns", []), *groups,
                            *context.get("private_nouns", []),
                            *context.get("company_nouns", [])]),
        # a leader the list knows keeps the state it gives ("Prime Minister Benjamin
        # Netanyahu" after a paragraph on Egypt is no Egyptian)
        leader_names=(leaders if leaders is not None
                      else _leader_words(load_data("people.toml")) or frozenset()),
        pair_said=re.compile(rf",[”\"’']?\s+(?:(?:{subjects})\s+(?:from|of|in)\s+)?({pair})"
                             rf"\s+(?:{said})\b", re.IGNORECASE)
        if pair and said else re.compile(r"(?!)"),
    )


@functools.cache
def _bundled() -> Gazetteer:
    return build(load_data("gazetteer.toml"))


def load_gazetteer(folder: str | Path | None = None) -> Gazetteer:
    """The gazetteer for a folder: its own `gazetteer.toml` merged over the bundled one, and
    the leaders of its own `people.toml` too (a leader it adds keeps the state it gives)."""
    if override("people.toml", folder) is not None:
        leaders = _leader_words(load_data("people.toml", folder))
        return build_for_folder("gazetteer.toml", folder,
                                functools.partial(build, leaders=leaders))
    if override("gazetteer.toml", folder) is None:
        return _bundled()
    return build_for_folder("gazetteer.toml", folder, build)
