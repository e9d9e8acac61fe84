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
_EARLIER_WORDS = _first_words(cues.CUES.get("earlier_clauses", []))  # matched as written


def may_bound(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] may hold a match of `cues.BOUND` (False only when it cannot)."""
    if _BOUND_WORDS is None:
        return True
    window = text[lo:hi]
    if not window.isascii():
        return True
    return cues.holds_any(window.lower(), _BOUND_WORDS)  # (asked for most dates)


def may_subject_relative(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] may hold a match of `cues.SUBJECT_RELATIVE` (case as written)."""
    if _SUBJECT_WORDS is None:
        return True
    for word in _SUBJECT_WORDS:  # noqa: SIM110 (a loop, not any() of a generator)
        if text.find(word, lo, hi) >= 0:
            return True
    return False


# REDUCED_RELATIVE ends with a past verb, perhaps "in", "on" or "at", then spaces: the verb
# is a word of its own (spaces on both sides), a listed past form or a lower-case ASCII word
# in -ed. None where a listed form is more than one word (the test would not be exact).
_PAST_FORMS = (frozenset(cues.CUES["past"])
               if all(len(w.split()) == 1 for w in cues.CUES["past"]) else None)
_PLACE_WORDS = ("in", "on", "at")


def may_reduced_relative(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] may end as `cues.REDUCED_RELATIVE` must (False only when it
    cannot): with spaces after a past verb, or after "in", "on" or "at" that follows one
    (its window is short: `cues.REDUCED_REACH`)."""
    if _PAST_FORMS is None:
        return True
    if hi <= lo or not text[hi - 1].isspace():
        return False
    words = text[lo:hi].rsplit(None, 2)
    if not words:
        return False
    if words[-1] in _PLACE_WORDS:
        if len(words) < 2:
            return False
        verb = words[-2]
    else:
        verb = words[-1]
    return verb in _PAST_FORMS or _ed_word(verb)


def _ed_word(word: str) -> bool:
    """Whether `word` is what `[a-z]{2,}ed` matches in full."""
    stem = word[:-2]
    return (len(stem) >= 2 and word.endswith("ed") and stem.isascii() and stem.isalpha()
            and stem.islower())


def may_earlier_clause(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] may hold a match of `cues.EARLIER_CLAUSE` (False only when it
    cannot): one of `earlier_clauses` as a word of its own, a space on each side."""
    if _EARLIER_WORDS is None:
        return False
    for word in _EARLIER_WORDS:  # noqa: SIM110 (a loop, not any() of a generator)
        if text.find(f" {word} ", lo, hi) >= 0:
            return True
    return False
