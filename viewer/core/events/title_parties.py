"""The party a title or an apposition beside a name gives: "Kremlin spokesperson Dmitry
Peskov", "Donald Trump, the US president", "Yaw Ofori-Darko of Ghana". Split from `people`,
which finds names and merges them over a folder; the titles are data (`resources/people.toml`).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from viewer.core.events.name_lookups import (
    place_before_at,
    title_ends,
    titled_before,
    word_char,
)
from viewer.core.events.parties import Gazetteer, Mention, mention_start
from viewer.core.events.person_mention import PersonMention as PersonMention
from viewer.core.events.story_roles import RoleRules, roles_from
from viewer.core.resources import build_for_folder, override


@dataclass(frozen=True, slots=True)
class TitleData:
    titles: frozenset[str]
    modifiers: frozenset[str]
    leaders: dict[str, str]
    title_re: re.Pattern[str]
    titled_end: re.Pattern[str]  # a title right before a name: "spokesperson " + name
    lengths: tuple[int, ...] = ()  # the titles' lengths, for `titled_before`
    roles: RoleRules = field(default_factory=RoleRules)  # "the mediators" (`story_roles`)
    # a title, then the word that ties it to a party: "a spokesman for " (+ "Qatar's …")
    title_for: re.Pattern[str] = re.compile(r"(?!)")
    ends: dict[str, tuple[int, ...]] = field(default_factory=dict)  # see `title_ends`
    # The titles by their first two characters; None (a title of one character, or none
    # built): ask the expression (`title_at`).
    index: dict[str, tuple[str, ...]] | None = None


@functools.lru_cache(maxsize=8)
def _title_data(folder: str | None = None, _changed: float = 0.0) -> TitleData:
    return build_for_folder("people.toml", folder, _titles_from)


def _titles_from(data: dict[str, Any]) -> TitleData:
    titles = frozenset(data.get("titles", []))
    ordered = sorted(titles, key=len, reverse=True)
    # (?!\w), not \b, after the title: "Dr." ends in a dot, which \b would not let match.
    title_re = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in ordered) + r")(?!\w)")
    titled_end = re.compile(r"(?:" + title_re.pattern + r")[\s,]*$")
    return TitleData(titles, frozenset(data.get("title_modifiers", [])),
                     dict(data.get("leaders", {})), title_re, titled_end,
                     tuple(sorted({len(t) for t in titles})), roles_from(data),
                     re.compile(r"(?:" + title_re.pattern + r")\s+(?:for|of|at|with)\s+"
                                r"(?:the\s+)?$"), title_ends(titles), _title_index(titles))


def _title_index(titles: frozenset[str]) -> dict[str, tuple[str, ...]] | None:
    if any(len(title) < 2 for title in titles):
        return None
    index: dict[str, list[str]] = {}
    for title in sorted(titles):
        index.setdefault(title[:2], []).append(title)
    return {key: tuple(found) for key, found in index.items()}


def title_at(text: str, at: int, data: TitleData) -> bool:
    """Whether `data.title_re` matches at `at` ("Prime Minister" before a name, "Health
    Minister …" after a word): the titles that begin with the two characters there, each
    compared as a string, with the expression's edges (`\b` before, no word character
    after). The expression is a flat list of all 127 titles, tried one after another
    (5 µs a call)."""
    index = data.index
    if index is None:
        return data.title_re.match(text, at) is not None
    found = index.get(text[at : at + 2])
    if found is None:
        return False
    if (at > 0 and word_char(text[at - 1])) == word_char(text[at]):
        return False  # no word edge at `at`
    size = len(text)
    for title in found:
        if text.startswith(title, at):
            after = at + len(title)
            if after == size or not word_char(text[after]):
                return True
    return False


def title_data(folder: str | Path | None = None) -> TitleData:
    path = override("people.toml", folder)
    if path is None:
        return _title_data(None)
    return _title_data(str(folder), path.stat().st_mtime)


def _between_is_title(between: str, data: TitleData) -> bool:
    """True when the words between a party and a name form a title ("'s lead negotiator,").
    Remembered per phrase and set of titles: the same few hundred phrases (" president ",
    " met in ") come between a party and a name all through a folder, and each costs two
    title searches and a substitution. (Not an `lru_cache` over the arguments: hashing the
    compiled title expression, as its key, took 9 µs a call, longer than the test.)"""
    entry = _PHRASES.get(id(data))
    if entry is None or entry[0] is not data:
        if len(_PHRASES) >= 8:
            _PHRASES.clear()
        entry = _PHRASES[id(data)] = (data, {})
    memo = entry[1]
    found = memo.get(between)
    if found is None:
        if len(memo) >= PHRASES_KEPT:
            memo.clear()
        found = memo[between] = _is_title_phrase(between, data.title_re, data.modifiers)
    return found


_PHRASES: dict[int, tuple[TitleData, dict[str, bool]]] = {}  # id(titles) → (titles, memo)
PHRASES_KEPT = 4096  # phrases remembered per set of titles, then forgotten


def _is_title_phrase(between: str, title_re: re.Pattern[str], modifiers: frozenset[str]
                     ) -> bool:
    """`_between_is_title`, worked out."""
    rest = _POSSESSIVE_START.sub(" ", between.strip())
    if not title_re.search(rest):
        return False
    rest = _PORTFOLIO.sub(" ", rest)  # "education minister": a portfolio before the title
    leftover = title_re.sub(" ", rest)
    words = [w for w in _TITLE_GLUE.split(leftover) if w]
    return all(w in modifiers or w.lower() in modifiers for w in words)


_POSSESSIVE_START = re.compile(r"^(?:'s|’s)")
# "education minister", "Commerce Minister": a portfolio before the title
_PORTFOLIO = re.compile(r"\b[a-z]+(?=\s+minister\b)|\b[A-Z][a-z]+(?=\s+Minister\b)")
_TITLE_GLUE = re.compile(r"[\s,—–-]+")  # "Turkey — Foreign Minister …" in a list of delegates
_APPOSITION = re.compile(r"\s*,\s*(?:the\s+|a\s+|an\s+)?")
_CLAUSE_STOP = re.compile(r"[,;.]")
_OF_THE = re.compile(r"\s+(?:of|for|at|to|in)\s+(?:the\s+)?")
# After a name: "Yaw Ofori-Darko of Ghana", "Tarek Sallam of Egypt" (then no other capital:
# "of Ghana Airways" is a name of its own).
_OF_PARTY = re.compile(r"\s+of\s+(?:the\s+)?")
# "Takeshi Moriwaki, who leads the Japanese team": the party of the team a person leads.
_WHO_LEADS = re.compile(r"\s*,\s*who\s+(?:leads|led|heads|headed|chairs|chaired)\s+"
                        r"(?:the\s+|a\s+)?")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_PARTY_ENDS = re.compile(r"(?!\s*[A-Z]|['’]s)")
# Between a party and a name after "a spokesman for": "'s foreign ministry, ", ", ".
_BODY_BETWEEN = re.compile(r"(?:(?:'s|’s)(?:\s+[a-z-]+){1,3})?,\s*")


def may_follow(text: str, end: int) -> bool:
    """Whether `_WHO_LEADS`, `_OF_PARTY` or `_APPOSITION` may match at `end`: each needs a
    comma first ("…, who leads", "…, the US president") or "of" after a space ("… of
    Ghana"), so the first character after the spaces must be a comma or an "o" (where the
    spaces run past the few characters read, the expressions are asked)."""
    after = text[end : end + 12]
    first = after.lstrip()[:1]
    return first in (",", "o") or (not first and after != "")


def title_party(text: str, start: int, end: int, sentence_start: int,
                 gazetteer: Gazetteer, data: TitleData,
                 known: Sequence[Mention] | None = None) -> tuple[str | None, bool]:
    """The party a title next to the name gives, and whether a title is there at all."""
    left_from = max(sentence_start, start - 90)
    if known is not None:
        # `known` is in text order: only the mentions just before the name can qualify.
        first = bisect_left(known, left_from, key=mention_start) if known else 0
        last = bisect_left(known, start, lo=first, key=mention_start) if known else 0
        near: Sequence[Mention] = known
    else:
        near = gazetteer.mentions(text, left_from, start)
        first, last = 0, len(near)
    for index in range(last - 1, first - 1, -1):  # the nearest first
        mention = near[index]
        if mention.end > start:
            continue
        if _between_is_title(text[mention.end : start], data):
            return mention.party, True
        if (_BODY_BETWEEN.fullmatch(text, mention.end, start)
                and data.title_for.search(text, max(left_from, mention.start - 40),
                                          mention.start)):
            return mention.party, True  # "a spokesman for Qatar's foreign ministry, …"
        if (mention.kind in ("metonym", "reference")
                and text[mention.end : start].strip() in ("", ",")
                and data.title_re.search(text, mention.start, mention.end)):
            # a title that is itself a metonym ("Trade Commissioner") or refers back to the
            # state named last ("A ministry spokesman, Liang Wei")
            return mention.party, True
    maybe = may_follow(text, end)  # (most names are followed by neither: three calls saved)
    leads = _WHO_LEADS.match(text, end, end + 24) if maybe else None
    if leads is not None:
        head = gazetteer.mentions(text, leads.end(), leads.end() + 40)
        if head and head[0].start == leads.end():
            return head[0].party, True  # "…, who leads the Japanese team"
    of = _OF_PARTY.match(text, end, end + 12) if maybe else None
    if of is not None and not _THE_BEFORE.search(text, max(0, start - 4), start):
        # (not "at the Bomas of Kenya": a place "of" a state, no person)
        head = gazetteer.mentions(text, of.end(), of.end() + 60)
        if (head and head[0].start == of.end() and head[0].kind in ("name", "alias")
                and _PARTY_ENDS.match(text, head[0].end)):
            return head[0].party, True  # "Yaw Ofori-Darko of Ghana"
    if left_from == start:
        titled = False  # the sentence opens with the name: no place nor title before it
    else:
        if place_before_at(text, left_from, start):
            return None, False  # "a ceasefire in Gaza, one diplomat said": a place
        # (asked after the place test, whose refusal discards it: 5,716 of the 19,648 names
        # that reach here in the bench's 2 MB paragraph)
        titled = (titled_before(text, left_from, start, data.titles, data.lengths, data.ends)
                  if data.lengths
                  else bool(data.titled_end.search(text[left_from:start])))
    appos = _APPOSITION.match(text[end : end + 4]) if maybe else None
    if appos:
        tail_start = end + appos.end()
        tail = text[tail_start : tail_start + 80]
        stop = _CLAUSE_STOP.search(tail)
        clause_end = tail_start + (stop.start() if stop else len(tail))
        title = data.title_re.search(text, tail_start, clause_end)
        if title is not None:
            before = gazetteer.mentions(text, tail_start, title.start())
            lead = text[before[-1].end if before else tail_start : title.start()]
            if _between_is_title(lead + title.group(), data) or not lead.strip():
                if before:
                    return before[-1].party, True  # "Donald Trump, the US president"
                after = _OF_THE.match(text, title.end())
                if after:
                    head = gazetteer.mentions(text, after.end(), clause_end)
                    if head and head[0].start == after.end():
                        return head[0].party, True  # "Rustem Umerov, chief of Ukraine's…"
                return None, True
    return None, titled
