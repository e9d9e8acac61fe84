"""Cheap tests before the dating stage's window searches: a window that holds none of a cue
list's first words cannot hold a match of its pattern, so the pattern is not tried there."""

from __future__ import annotations

from viewer.core.events import cues


def _first_words(words: list[str]) -> tuple[str, ...] | None:
    """The first word of each cue (a match of the cue's pattern holds it), or None when a
    cue is empty (its pattern then matches without any word)."""
    firsts = [w.split()[0] for w in words if w.split()]
    return tuple(sorted(set(firsts))) if firsts and len(firsts) == len(words) else None


# A window without any bound's first word cannot hold BOUND's match: tested before the
# search (a few substring tests in C instead of the pattern tried at each of ~50 places).
# BOUND ignores case, so only ASCII windows are tested lowercased ("ſ" matches "s" there).
_BOUND_WORDS = (None if _first_words(cues.CUES.get("bounds_adjacent", [])) is None
                else _first_words([w.lower() for w in (*cues.CUES["bounds"],
                                                       *cues.CUES["bounds_adjacent"])]))
_SUBJECT_WORDS = _first_words(cues.CUES.get("subject_relative", []))  # matched as written


def may_bound(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] may hold a match of `cues.BOUND` (False only when it cannot)."""
    if _BOUND_WORDS is None:
        return True
    window = text[lo:hi]
    if not window.isascii():
        return True
    window = window.lower()
    return any(word in window for word in _BOUND_WORDS)


def may_subject_relative(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] may hold a match of `cues.SUBJECT_RELATIVE` (case as written)."""
    return _SUBJECT_WORDS is None or any(text.find(word, lo, hi) >= 0
                                         for word in _SUBJECT_WORDS)
