"""A quotation split over sentences is one telling: its later sentences take the first's days.

'"There is a real text on the table," the envoy told reporters as the talks closed. "Both
sides now have to decide."' The second sentence has no date and no verb of telling of its
own: it is the rest of what was said on the first one's occasion, so it takes the days the
first was given, not the report's day nor a reaction's reach up to it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence

from viewer.core.events import cues
from viewer.core.model import Document

_OPENING = "\"“«"
_CLOSING = "\"”»"
_MARKS = cues.QUOTE_MARKS


def quote_only(text: str) -> bool:
    """The sentence is one quotation and nothing else: it opens with a quotation mark, its
    last mark closes it (before or after the final stop) and there is no other mark, so
    no words of telling stand outside it."""
    stripped = text.strip()
    if len(stripped) < 3 or stripped[0] not in _OPENING:
        return False
    if stripped.rstrip(".!?…")[-1:] not in _CLOSING and stripped[-1] not in _CLOSING:
        return False
    return len(_MARKS.findall(stripped)) == 2


def goes_on_quoting(text: str, before: str) -> bool:
    """`text` continues the quotation of the sentence `before` it (same paragraph, checked
    by the caller): it is a bare quotation and the sentence before quotes someone."""
    return quote_only(text) and _MARKS.search(before) is not None


_NAME = re.compile(r"\b[A-Z][a-z]{2,}\b")
# "“…,” he told reporters": a pronoun right after the quotation is the speaker of the sentence
# before (`quote_pronoun_speakers` in resources/events.toml).
_PRONOUN = re.compile(
    rf"[\s,]*(?:{cues.alternation(cues.CUES.get('quote_pronoun_speakers', []))})\s")
_CALENDAR = frozenset((*calendar.day_name, *calendar.month_name))  # capitals, not names
QUOTE_REACH = 4  # sentences a quotation opening a paragraph is followed through


def quotation_through(sentences: Sequence[str]) -> str:
    """The paragraph's opening quotation up to the sentence that closes it: the first of
    `sentences` (the paragraph's, in order) when it closes its own quotation or opens none,
    else it and those after it up to the first with a quotation mark ("“We want the vaccine.
    We do not want spies,” he told reporters"), at most a few: its speaker is named there."""
    first = sentences[0] if sentences else ""
    stripped = first.lstrip()
    if not stripped or stripped[0] not in _OPENING or len(_MARKS.findall(stripped)) != 1:
        return first
    pieces = [first]
    for sentence in sentences[1:QUOTE_REACH]:
        pieces.append(sentence)
        if _MARKS.search(sentence) is not None:
            break
    return " ".join(pieces)


def quotes_the_same_speaker(text: str, before: str) -> bool:
    """A paragraph that opens with a quotation whose speaker, named after it ("“Our lake is
    drying up,” Quispe told reporters"), is named in the sentence `before` it (the last of
    the paragraph before: "Bolivia's minister, Rodrigo Quispe, accused Peru on Tuesday …")
    goes on with that sentence's occasion, not with the story's news day; so does one whose
    speaker is a pronoun right after it ("“…,” he told reporters")."""
    stripped = text.lstrip()
    if not stripped or stripped[0] not in _OPENING:
        return False
    marks = list(_MARKS.finditer(stripped))
    if len(marks) < 2:
        return False
    after = stripped[marks[1].end():]
    if _PRONOUN.match(after) is not None:  # "…,” he told reporters: the one just named
        return any(name.group() not in _CALENDAR for name in _NAME.finditer(before))
    return any(name.group() in before for name in _NAME.finditer(after))


def quotes_on(doc: Document, number: int, text: str, told_last: bool) -> bool:
    """Whether the paragraph sentence `number` opens quotes the speaker of the sentence right
    before it, which set the narrative's day (`told_last`): its words were said on that
    occasion (`quote_goes_on`)."""
    if not told_last or number < 1:
        return False
    paragraph = doc.sentences[number].paragraph
    following = [doc.sentence_text(s) for s in doc.sentences[number + 1:number + QUOTE_REACH]
                 if s.paragraph == paragraph]
    return quotes_the_same_speaker(quotation_through([text, *following]),
                                   doc.sentence_text(doc.sentences[number - 1]))
