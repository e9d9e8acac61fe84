"""The speaker rules: the words of `resources/speakers.toml` compiled into the patterns the
speaker pass uses, once per folder (rebuilt when the folder's own copy changes)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from viewer.core.events.modality import phrase_pattern
from viewer.core.events.people import TitleData, title_data
from viewer.core.events.tail_words import TailWords, tail_words
from viewer.core.resources import build_for_folder, override

# Inside a body's name: a few more words before its noun ("Egypt's state information
# service") and where it is ("a nurse at the city's main hospital", "workers in Goma").
_FREE = (r"(?:(?!(?:and|but|or|nor|that|which|who|while|as|if|when|because|than|then|so|"
         r"after|before|since|said|says|also|not)\b)[a-z][\w’'-]*\s+)")
_WHERE = (r"(?:\s+(?:in|at|of|from|for|familiar\s+with|close\s+to|briefed\s+on)\s+"
          r"(?:the\s+)?(?:[\w’'-]+\s+){0,2}[\w’'-]+)")
# The characters a `body_before` match is made of (its words, "’", "'", "." and "-", spaces),
# where the bodies and modifiers written in the data hold no others.
_PHRASE_RUN = re.compile(r"[\w.’'\s-]*")


@dataclass(frozen=True, slots=True)
class SpeakerRules:
    verb: re.Pattern[str]  # every speech verb, participle and verb of an act
    verb_kind: dict[str, str]  # verb (one space between words) → verb, participle or act
    between: re.Pattern[str]  # auxiliaries at the end of the text before a verb
    subject_pronoun: re.Pattern[str]
    object_pronoun: re.Pattern[str]
    pronoun_kind: dict[str, str]  # pronoun → person, body, plural
    pronoun_gender: dict[str, str]  # "he", "his" → "m"; "she", "her" → "f"
    body_before: re.Pattern[str]  # a body phrase ending where the text ends
    body_after: re.Pattern[str]  # a body phrase starting where the text starts
    plural_leaders: re.Pattern[str]
    titles: TitleData
    neutral: frozenset[str]  # head nouns of neutral bodies
    person_title: re.Pattern[str]  # a title just before a name: "Health Minister …"
    neutral_parties: frozenset[str]  # international bodies that report, not take sides
    body_nouns: frozenset[str]  # "Residents said": a body, though capitalised like a name
    neutral_title: re.Pattern[str]  # a neutral title just before a name: "analyst"
    # a neutral description right after a name: "Emre Yalcin, a volunteer from …"
    neutral_apposition: re.Pattern[str] = re.compile("(?!)")
    generic_heads: frozenset[str] = frozenset()  # "the agency": the last named body speaking
    own_name: frozenset[str] = frozenset()  # "police": speaks as itself, not as its state
    person_heads: frozenset[str] = frozenset()  # "an official": one person, a "he" or "she"
    proper_body: re.Pattern[str] = re.compile(r"(?!)")  # "Independent … Commission"
    # A capitalised body noun: `proper_body` needs one in the sentence, so one scan of the
    # document (`body_heads`) tells which sentences to search at all. Matches everywhere
    # unless built from the data.
    body_head: re.Pattern[str] = re.compile("")
    # Every word (run between spaces and commas) of the `between` and `asides` phrases: a
    # match of `between` holds no other, so its search need not start before the last word
    # that is not one of them (`between_start` below). None: search the whole window.
    between_words: frozenset[str] | None = None
    # The most words a `person_titles` phrase has (0: unknown, search the whole window): a
    # match of `person_title` is one and the capitalised words after it (`title_start`).
    title_words: int = 0
    # A body noun alone: `body_before` holds one, and a search for it alone is quick (about a
    # fifth of `body_before`'s, which tries a name's words at every position), so it goes first.
    body_noun: re.Pattern[str] = re.compile(r"(?!)")
    # Whether `body_before` matches only the characters of `_PHRASE_RUN` (the data's bodies
    # and modifiers hold no others): then its search need not start before the last other
    # character of the window (`body_start`). False: search the whole window.
    body_alphabet: bool = False
    holder_bodies: frozenset[str] = frozenset()  # "Netanyahu's office": speaks as its holder
    state_bodies: frozenset[str] = frozenset()  # "her ministry": speaks as her state
    amount: re.Pattern[str] = re.compile(r"(?!)")  # a sum of money or a rate: "€800 million"
    material_reach: int = 0
    material_verbs: frozenset[str] = frozenset()  # "pledged", "announced": acts that give
    # What a window must end with for `subject_pronoun`, `plural_leaders` and `neutral_title`
    # to match there (`tail_words`); None: search it.
    pronoun_tail: TailWords | None = None
    leaders_tail: TailWords | None = None
    neutral_tail: TailWords | None = None


def _alternatives(words: Sequence[str]) -> str:
    return phrase_pattern(list(words)) or "(?!)"


def _words(phrases: Sequence[str]) -> frozenset[str]:
    """The words of `phrases` as `phrase_pattern` matches them: an apostrophe may be ' or ’."""
    out: set[str] = set()
    for phrase in phrases:
        for word in phrase.split():
            forms = [""]
            for char in word:
                options = ("'", "’") if char == "'" else (char,)
                forms = [form + option for form in forms for option in options]
            out.update(forms)
    return frozenset(out)


def body_heads(text: str, rules: SpeakerRules) -> list[int]:
    """Where in `text` a capitalised body noun begins, every place, in order (one also inside
    another): each search resumes one character after the last place found, which costs one
    scan of the text and a call per place."""
    places: list[int] = []
    found = rules.body_head.search(text)
    while found is not None:
        places.append(found.start())
        found = rules.body_head.search(text, found.start() + 1)
    return places


def _amount(data: dict[str, Any]) -> re.Pattern[str]:
    signs = "".join(re.escape(c) for c in data.get("currency_signs", []))
    units = _alternatives(data.get("amount_units", []))
    parts = ([rf"[{signs}]\s?\d"] if signs else []) + [rf"\d[\d.,]*(?:\s*(?:million|billion))?"
                                                     rf"\s*(?:{units})(?![\w])"]
    return re.compile("|".join(parts), re.IGNORECASE)


def build_rules(data: dict[str, Any], titles: TitleData) -> SpeakerRules:
    kind_of = {" ".join(w.split()): kind for kind, key in (
        ("verb", "verbs"), ("participle", "participles"), ("act", "acts"))
        for w in data.get(key, [])}
    kinds = {w: "person" for w in data.get("person_pronouns", [])}
    kinds |= {w: "body" for w in data.get("body_pronouns", [])}
    kinds |= {w: "plural" for w in data.get("plural_pronouns", [])}
    objects: dict[str, str] = dict(data.get("object_pronouns", {}))
    # a capitalised word, or two joined by "and" inside a name ("Electoral and Boundaries")
    modifier = (rf"(?:(?:{_alternatives(data.get('body_modifiers', []))}|"
                rf"[A-Z][\w.’'-]*(?:\s+and\s+[A-Z][\w.’'-]*)?)\s+)")
    bodies = list(data.get("bodies", []))
    body = rf"(?:{_alternatives(bodies + [b[:1].upper() + b[1:] for b in bodies])})"
    return SpeakerRules(
        verb=re.compile(rf"\b(?:{_alternatives([*kind_of])})\b"),
        verb_kind=kind_of,
        between=re.compile(rf"(?:\s+(?:{_alternatives(data.get('between', []))})|"
                           rf"\s*,\s*(?:{_alternatives(data.get('asides', []))})\s*,)*\s*,?\s*$"),
        subject_pronoun=re.compile(rf"(?<![\w’'-])({_alternatives(list(kinds))})\s*$",
                                   re.IGNORECASE),
        object_pronoun=re.compile(rf"\s*({_alternatives(list(objects))})\b"),
        pronoun_kind=kinds | {k: v for k, v in objects.items()},
        pronoun_gender={w: g for g, words in data.get("pronoun_gender", {}).items()
                        for w in words},
        body_before=re.compile(
            rf"(?<![\w-])({modifier}{{0,4}}{_FREE}{{0,2}}{body}{_WHERE}{{0,2}})\s*$"),
        body_after=re.compile(rf"\s*({modifier}{{0,4}}{_FREE}{{0,2}}{body}\b{_WHERE}{{0,2}})"),
        body_noun=re.compile(body),
        body_alphabet=all(_PHRASE_RUN.fullmatch(w) for w in (
            *bodies, *data.get("body_modifiers", []))),
        plural_leaders=re.compile(rf"(?:{_alternatives(data.get('plural_leaders', []))})\s*$",
                                  re.IGNORECASE),
        titles=titles,
        neutral=frozenset(w.lower() for w in data.get("neutral", [])),
        body_nouns=frozenset(w.lower() for w in data.get("bodies", [])),
        neutral_parties=frozenset(data.get("neutral_parties", [])),
        person_title=re.compile(rf"(?<![\w-])({_alternatives(data.get('person_titles', []))})"
                                r"(?:\s+(?-i:[A-Z])[\w’'.-]*)*\s*$", re.IGNORECASE),
        generic_heads=frozenset(w.lower() for w in data.get("generic_heads", [])),
        own_name=frozenset(w.lower() for w in data.get("own_name", [])),
        person_heads=frozenset(w.lower() for w in data.get("person_heads", [])),
        proper_body=re.compile(
            r"(?<![\w’'-])((?!(?:The|A|An|This|That|Its|Their)\s)"
            r"(?:[A-Z][\w-]*\s+(?:(?:and|of|for|on)\s+)?){1,6}"
            rf"({_alternatives([b for b in bodies if b[:1].isupper()])}))\b"),
        body_head=re.compile(_alternatives([b for b in bodies if b[:1].isupper()])),
        between_words=_words([*data.get("between", []), *data.get("asides", [])]),
        title_words=max((len(t.split()) for t in data.get("person_titles", [])), default=0),
        holder_bodies=frozenset(w.lower() for w in data.get("holder_bodies", [])),
        state_bodies=frozenset(w.lower() for w in data.get("state_bodies", [])),
        amount=_amount(data),
        material_reach=int(data.get("material_reach", 0)),
        material_verbs=frozenset(data.get("material_verbs", [])),
        neutral_title=re.compile(rf"(?<![\w-])(?:{_alternatives(data.get('neutral', []))})"
                                 r"[\s,]*$", re.IGNORECASE),
        neutral_apposition=re.compile(
            r"\s*,\s*(?:a|an)\s+(?:[\w-]+\s+){0,2}?"
            rf"(?:{_alternatives(data.get('neutral', []))})(?![\w-])", re.IGNORECASE),
        pronoun_tail=tail_words(kinds),
        leaders_tail=tail_words(data.get("plural_leaders", [])),
        neutral_tail=tail_words(data.get("neutral", []), strip=","),
    )


@functools.lru_cache(maxsize=8)
def _rules(folder: str | None, _changed: float = 0.0, _titles_changed: float = 0.0
           ) -> SpeakerRules:
    titles = title_data(folder)
    return build_for_folder("speakers.toml", folder, lambda data: build_rules(data, titles))


def load_rules(folder: str | Path | None = None) -> SpeakerRules:
    """The bundled rules, or the folder's own when it has a `speakers.toml` or a
    `people.toml` (whose titles the rules hold), cached by both files' mtimes."""
    path = override("speakers.toml", folder)
    people = override("people.toml", folder)
    if path is None and people is None:
        return _rules(None)
    return _rules(str(folder), path.stat().st_mtime if path else 0.0,
                  people.stat().st_mtime if people else 0.0)


def between_start(text: str, window: int, verb: int, rules: SpeakerRules) -> int:
    """Where a search for `rules.between` in text[window:verb] may start and still find the
    match it finds from `window`: after the last word (a run between spaces and commas) that
    is none of its phrases' words, since every match ends at the verb and holds only those
    words, spaces and commas. The expression tries every position of the window (16 µs a
    verb); splitting the window is a few string calls."""
    words = rules.between_words
    if words is None:
        return window
    before = text[window:verb].replace(",", " ")
    last = before.rsplit(None, 1)  # (most often the last word is a name: one split at the end)
    if not last:
        return window
    if last[-1] not in words:
        return window + len(before.rstrip())
    runs = before.split()
    kept = len(runs)
    while kept and runs[kept - 1] in words:
        kept -= 1
    if kept == 0:
        return window
    return window + len(before.rsplit(None, len(runs) - kept)[0])


def body_start(before: str, rules: SpeakerRules) -> int:
    """Where a search for `rules.body_before` (or its body noun) in `before` may start and
    still find what it finds from the start: after the last character that no body phrase
    holds (a comma, a quotation mark, a bracket), since every match ends where `before` does.
    The expression tries a name's words at every word of the window; the window's tail is
    one match over its reversed text."""
    if not rules.body_alphabet:
        return 0
    tail = _PHRASE_RUN.match(before[::-1])  # (always a match: the class may match nothing)
    return len(before) - (tail.end() if tail is not None else 0)


def subject_end(text: str, window: int, verb: int, rules: SpeakerRules) -> int:
    """Where the auxiliaries and asides before a verb begin: the start of the match of
    `rules.between` searched for in text[window:verb]. Where the last word before the verb is
    none of their words, only spaces and commas follow it, and with one comma at most the
    expression's tail (`\\s*,?\\s*$`) matches right there: no search is needed."""
    words = rules.between_words
    if words is not None:
        before = text[window:verb].replace(",", " ")
        last = before.rsplit(None, 1)
        if last and last[-1] not in words:
            at = window + len(before.rstrip())
            if text.count(",", at, verb) <= 1:
                return at
    found = rules.between.search(text, between_start(text, window, verb, rules), verb)
    return found.start() if found is not None else verb
