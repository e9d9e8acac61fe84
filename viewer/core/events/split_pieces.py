"""Whether a piece split off a sentence at a clause break tells a happening of its own.

A sentence with two dates is cut into two events (`sentence_dating`), but the second date
does not always date a happening: "…, the port authority said on Monday." is when the speaker
spoke (the main clause keeps its own date; the speaker pass still finds who spoke), and "a
day after the agreed repair date" or "before the end of the quarter" is a reference point. Shown as
events, such pieces are junk rows in the table and on the timeline; the sentence is left
whole instead. The words are data (`piece_*` in resources/events.toml).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Protocol

from viewer.core.events import cues
from viewer.core.events.cues import precision_of
from viewer.core.timex import Timex

_WORDS = cues.CUES
_SPEECH = cues.alternation(_WORDS.get("piece_attribution", ["said"]))
# What comes before an attribution's date: the speech verb and up to three words ("told
# Israeli radio on ") at the very end.
_ATTRIBUTION = re.compile(rf"\b(?:{_SPEECH})\b(?:\s+[\w'’-]+){{0,3}}?\s*$")
# What may follow its date: nothing, or a time clause ("…, three days after the court ruled").
_AFTER_ATTRIBUTION = re.compile(
    r"\s*[.!?\"”’']*\s*$|,\s*(?:[\w-]+\s+){0,3}?(?:after|before|when|as|once)\b")
# A closing attribution: ", the mediators said." or ',” said Serra, who heads …'.
# (searched from the piece's last semicolon on: nothing after it may be one)
_CLOSING = re.compile(rf"[,;][\"”’']?\s+(?:[^,;\"“”]{{0,80}}?\s)?(?:{_SPEECH})\b")
# (in lower case: "May" and "Will" are a month and a name)
_FINITE = re.compile(rf"\b(?:{cues.alternation(_WORDS.get('piece_finite', []))})\b")
_PAST = re.compile(rf"\b(?:{cues.alternation(_WORDS.get('piece_pasts', []))})\b")
_PRONOUNS = sorted({w for word in _WORDS.get("piece_subjects", [])
                   for w in (word, word.capitalize())})
_SUBJECT = re.compile(rf"(?<![\w'’-])(?:{cues.alternation(_PRONOUNS)})\s+[a-z]")
_RELATIVE = re.compile(rf"\b(?:{cues.alternation(_WORDS.get('piece_relatives', []))})\b"
                       r"[^,;]*", re.IGNORECASE)
_MODIFIER = re.compile(
    rf"\b(?:{cues.alternation(_WORDS.get('piece_modifiers', []))})\s+$", re.IGNORECASE)
_MODIFIER_REACH = 2 + max(map(len, _WORDS.get("piece_modifiers", ["the"])))
_HAPPENING = re.compile(rf"\b(?:{cues.alternation(_WORDS.get('piece_happenings', []))})"
                        r"\s+(?:(?:on|in|at)\s+)?$", re.IGNORECASE)
_HAPPENING_REACH = 16 + max(map(len, _WORDS.get("piece_happenings", ["talks"])))
_TRIM = " ,;:—–"  # what a part's ends are trimmed of


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """text[start:end] without the spaces and clause marks at its ends: a part's own span."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def attribution_only(piece: str, at: int, end: int) -> bool:
    """`piece` (its date at piece[at:end]) only tells who said so and when: "the Norwegian
    Fishermen's Sales Organisation said on Tuesday.", "two ministers told Israeli radio on
    Monday morning.", "their union said on Wednesday, after talks broke down." No tense of
    its own may come before the speech verb."""
    said = _ATTRIBUTION.search(piece, 0, at)
    return (said is not None and _AFTER_ATTRIBUTION.match(piece, end) is not None
            and not _tells(piece[:said.start()]))


def _tells(text: str) -> bool:
    """`text` holds a finite verb outside a relative clause (see the module's data)."""
    if _FINITE.search(text) or _SUBJECT.search(text) or _PAST.search(text):
        return True
    return any(not _MODIFIER.search(text, max(0, past.start() - _MODIFIER_REACH), past.start())
               for past in cues.PAST.finditer(text))


def stands_alone(piece: str, at: int | None = None, end: int | None = None) -> bool:
    """Whether a split-off `piece` is an event of its own: not an attribution alone (its date
    at piece[at:end], when the piece holds it) and with a finite verb of its own, outside
    its relative clauses and a closing attribution. A relative word opening the piece is a
    complement ("that the remains … were those of …"): the clause is the piece's own. A
    happening noun dated right after it ("the discussions the day before") needs no verb."""
    if at is not None and end is not None:
        if attribution_only(piece, at, end):
            return False
        if _HAPPENING.search(piece, max(0, at - _HAPPENING_REACH), at):
            return True  # "the six-hour discussions the day before"
    closing = _CLOSING.search(piece, max(0, piece.rfind(";")))
    body = piece[:closing.start()] if closing else piece
    lead = len(body) - len(body.lstrip())
    opening = _RELATIVE.match(body, lead)
    kept = body[:opening.end()] if opening else body[:lead]
    rest = opening.end() if opening else lead
    for relative in _RELATIVE.finditer(body, rest):
        kept += " " + body[rest:relative.start()]
        rest = relative.end()
    kept += " " + body[rest:]
    return _tells(kept)


def piece_stands_alone(text: str, start: int, end: int, timex: Timex | None) -> bool:
    """`stands_alone` for text[start:end] trimmed as a part is, its date `timex` (when the
    piece holds it)."""
    start, end = trimmed(text, start, end)
    if timex is not None and start <= timex.start and timex.end <= end:
        return stands_alone(text[start:end], timex.start - start, timex.end - start)
    return stands_alone(text[start:end])


class _Dated(Protocol):
    earliest: dt.date | None


def told_instead(main: _Dated, other: Timex, first: bool, published: dt.date | None) -> bool:
    """Whether the narrative went on from the day of a piece now left in its sentence (as
    `narrative_focus.told_day` picked it): a piece before the main one that is not ahead of
    the report, or one after a main one ahead of it that is a past day ("… will walk out
    next Tuesday, their union said on Wednesday")."""
    if published is None or other.earliest is None:
        return False
    if first:
        return other.earliest <= published
    return (main.earliest is not None and main.earliest > published
            and other.earliest <= published and precision_of(other) == "day")


def attribution_main(text: str, start: int, end: int, timex: Timex) -> bool:
    """text[start:end], the main part that `timex` dates after a dated clause is cut off
    before it, only tells who said so and when ("…, the binational authority said on
    Friday."): the clause before is the sentence's one happening."""
    start, end = trimmed(text, start, end)
    return (start <= timex.start and timex.end <= end
            and attribution_only(text[start:end], timex.start - start, timex.end - start))
