"""Paragraphs and sentences for news text, as offsets into the document text.

News text mixes headlines and list lines with no final punctuation, quotes that end sentences,
abbreviations ("U.S.", "Mr.", "Feb.") and initials, and sometimes hard-wrapped lines. Each
line of a non-wrapped file is its own paragraph (so a headline never merges with the lead),
while wrapped text is rejoined into paragraphs first.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from viewer.core.model import Paragraph
from viewer.core.resources import build_for_folder, load_data, override

_BLANK_SPLIT = re.compile(r"\n[ \t\f\v\u00a0]*\n")
_BULLET = re.compile(r"^\s*(?:[-*•·–—▪►]|\d{1,3}[.)])\s+")
_TERMINAL = ".!?…:;\"”’'»)"
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
# A run of sentence-final punctuation before white space or the end; group 1 is the white
# space after it, so the next character is found without a loop in Python. Written as
# "(?:[.!?]+|…)…" it matches the same, but a pattern that opens with a group of
# alternatives gives the engine no character to skip along to: it tried the whole pattern
# at every character of the text, three times the time of this form, which opens with one
# character set ("…" alone, or a run of [.!?]; tests/core/test_segment_candidates.py).
_CANDIDATE = re.compile(r"[.!?…](?:(?<=…)|(?<!…)[.!?]*)[\"'”’»)\]]*(?=(\s+|$))")
_ACRONYM = re.compile(r"^(?:[A-Za-z]\.){2,}[A-Za-z]?$")
_NEXT_WORD = re.compile(r"[\"'“‘«(\[]*([A-Za-z]+)")
_WORD_STOPS = "\"'“‘«(["


@dataclass(frozen=True, slots=True)
class SegmentRules:
    never_final: frozenset[str]
    maybe_final: frozenset[str]
    starters: frozenset[str]


@functools.cache
def _bundled_rules() -> SegmentRules:
    return _rules_from(load_data("segmentation.toml"))


def _rules_from(data: dict[str, list[str]]) -> SegmentRules:
    return SegmentRules(
        frozenset(data.get("never_final", [])),
        frozenset(data.get("maybe_final", [])),
        frozenset(data.get("sentence_starters", [])),
    )


def load_rules(folder: str | Path | None = None) -> SegmentRules:
    """The bundled rules, or the folder's extension of them (compiled once per version of
    the folder's file, not once per document)."""
    local = override("segmentation.toml", folder)
    if local is None:
        return _bundled_rules()
    return _folder_rules(str(folder), local.stat().st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _folder_rules(folder: str, _changed: int) -> SegmentRules:
    return build_for_folder("segmentation.toml", folder, _rules_from)


def _line_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        yield pos, stop
        pos = stop + 1


def is_hard_wrapped(text: str) -> bool:
    """True when lines were broken at a fixed width rather than at paragraph ends."""
    lines = text.split("\n")
    inner = [
        line.rstrip()
        for line, after in itertools.pairwise(lines)
        if line.strip() and after.strip()
    ]
    if len(inner) < 2:
        return False
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    width = lengths[max(0, int(len(lengths) * 0.9) - 1)]
    if not 40 <= width <= 100 or lengths[-1] > 2 * width:
        return False
    wrapped = sum(
        1 for line in inner if len(line) >= 0.55 * width and line[-1] not in _TERMINAL
    )
    return wrapped >= 2 and wrapped >= 0.4 * len(inner)


def paragraphs(text: str) -> list[Paragraph]:
    """Blank lines always separate paragraphs; single line breaks do too unless wrapped."""
    wrapped = is_hard_wrapped(text)
    found: list[Paragraph] = []
    pos = 0
    blocks: list[tuple[int, int]] = []
    for match in _BLANK_SPLIT.finditer(text):
        blocks.append((pos, match.start()))
        pos = match.end()
    blocks.append((pos, len(text)))
    for block_start, block_end in blocks:
        lines = [
            (a, b) for a, b in _line_spans(text, block_start, block_end) if text[a:b].strip()
        ]
        if not lines:
            continue
        if not wrapped:
            groups = [[line] for line in lines]
        else:
            groups = [[lines[0]]]
            width = max(b - a for a, b in lines)
            for prev, line in itertools.pairwise(lines):
                prev_text = text[prev[0] : prev[1]].rstrip()
                short = len(prev_text) < 0.55 * width
                in_item = _BULLET.match(text[groups[-1][0][0] : groups[-1][0][1]])
                indented = text[line[0] : line[1]][:1].isspace()
                if _BULLET.match(text[line[0] : line[1]]) or short or (in_item and not indented):
                    groups.append([line])
                else:
                    groups[-1].append(line)
        for group in groups:
            start, end = group[0][0], group[-1][1]
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                found.append(Paragraph(start, end))
    return found


def _word_before(text: str, end: int) -> str:
    """The run of non-space characters ending at `end`, back to a space or an opener.

    Walks back only over that word, so each full stop costs the length of its own word, not
    of the paragraph before it (a regex anchored at the stop would retry from every position).
    """
    start = end
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in _WORD_STOPS:
        start -= 1
    return text[start:end]


def _is_boundary(text: str, dot_end: int, match: re.Match[str], rules: SegmentRules) -> bool:
    """Decide whether the punctuation run ending at `dot_end` closes a sentence."""
    nxt = match.end(1)  # past the white space after the punctuation
    if nxt >= len(text):
        return True
    following = text[nxt]
    punct = match.group(0)
    if following.islower() or following in ",;:":
        return False
    if not punct.startswith("."):
        return True  # ? ! … followed by a capital, digit or opener
    if punct.startswith(".."):
        return following.isupper() or following in _OPENERS
    word = _word_before(text, match.start())
    key = word.lower().rstrip(".")
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "George W. Bush"
    if key in rules.never_final:
        return False
    if key in rules.maybe_final or _ACRONYM.match(word + "."):
        if any(c in _CLOSERS for c in punct):
            return True
        next_word = _NEXT_WORD.match(text[nxt : nxt + 40])
        if following in _OPENERS:
            return True
        return bool(next_word and next_word.group(1).lower() in rules.starters)
    return not (word and word[-1].isdigit() and following.isdigit())


#: Longer runs without a sentence end (real sentences are far shorter) are cut at a space, so
#: that per-sentence work stays bounded whatever a file holds.
MAX_SENTENCE = 2000


def sentences_in(
    text: str, start: int, end: int, rules: SegmentRules | None = None
) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end], trimmed of surrounding whitespace."""
    rules = rules or _bundled_rules()
    spans: list[tuple[int, int]] = []
    chunk = text[start:end]
    sent_start = 0
    for match in _CANDIDATE.finditer(chunk):
        if _is_boundary(chunk, match.end(), match, rules):
            spans.append((sent_start, match.end()))
            sent_start = match.end()
    spans.append((sent_start, len(chunk)))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        while a < b and chunk[a].isspace():
            a += 1
        while b > a and chunk[b - 1].isspace():
            b -= 1
        while b - a > MAX_SENTENCE:  # defensive: no run-on "sentence" may stall a folder
            cut = chunk.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
            cut = cut if cut > a else a + MAX_SENTENCE
            out.append((start + a, start + cut))
            a = cut
            while a < b and chunk[a].isspace():
                a += 1
        if b > a:
            out.append((start + a, start + b))
    return out
