"""What the name finder asks around each name, answered by a lookup or from memory instead of
an expression tried at every position of a window: a title just before the name, a
preposition of place just before it, and whether a capitalised word may be part of a name.
Each answers exactly as the expression or test it replaces (seeded tests compare them)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

PLACES = ("in", "at", "from", "to", "near", "into", "across", "of")
Forms = dict[str, tuple[str, str]]
NameTest = Callable[[str, Forms, frozenset[str]], bool]


def word_char(char: str) -> bool:
    """A character `\\w` matches."""
    return char.isalnum() or char == "_"


def place_before(left: str) -> bool:
    """`left` ends with a preposition of place and a space ("talks in "): what
    `\\b(?:in|at|…)\\s+$` finds, read from the end."""
    stripped = left.rstrip()
    if len(stripped) == len(left) or not stripped.endswith(PLACES):
        return False
    return any(stripped.endswith(word) and (
        len(stripped) == len(word) or not word_char(stripped[-len(word) - 1]))
        for word in PLACES)


# The prepositions by their last two characters: the window's last two tell which to try.
_PLACE_ENDS: dict[str, tuple[str, ...]] = {}
for _word in PLACES:
    _PLACE_ENDS[_word[-2:]] = (*_PLACE_ENDS.get(_word[-2:], ()), _word)


def place_before_at(text: str, left_from: int, start: int) -> bool:
    """`place_before(text[left_from:start])`: the window less its trailing spaces (one C
    call) must end with a preposition that begins the window or follows no word character."""
    end = left_from + len(text[left_from:start].rstrip())
    if end == start:
        return False
    for word in _PLACE_ENDS.get(text[max(left_from, end - 2) : end], ()):
        begin = end - len(word)
        if begin >= left_from and text.startswith(word, begin) and (
                begin == left_from or not word_char(text[begin - 1])):
            return True
    return False


def title_ends(titles: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """The lengths of the titles (ascending) by their last two characters (a shorter title by
    itself), so `titled_before` tries only the lengths of titles that end as
    the text before the name does: two or three of 17."""
    found: dict[str, set[int]] = {}
    for title in titles:
        found.setdefault(title[-2:], set()).add(len(title))
    return {end: tuple(sorted(lengths)) for end, lengths in found.items()}


def titled_before(text: str, left_from: int, start: int, titles: frozenset[str],
                  lengths: tuple[int, ...],
                  ends: Mapping[str, tuple[int, ...]] | None = None) -> bool:
    """What `(?:\\b(?:TITLES)(?!\\w))[\\s,]*$` finds in text[left_from:start]: a title can
    only end where the spaces and commas before the name begin, so each title length
    (`lengths`, ascending) is one set lookup there; given `ends` (`title_ends` of the
    titles), only the lengths of titles ending in the text's last one or two characters."""
    end = start
    while end > left_from and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if ends is not None:  # shorter titles (keyed by fewer characters) first: ascending
        lengths = (*ends.get("", ()), *ends.get(text[max(0, end - 1) : end], ()),
                   *ends.get(text[max(0, end - 2) : end], ()))
    for length in lengths:
        begin = end - length
        if begin < left_from:
            break
        if text[begin:end] in titles and (begin > left_from and word_char(
                text[begin - 1])) != word_char(text[begin]):  # `\b` in the slice
            return True
    return False


_Memo = tuple[Forms, frozenset[str], dict[str, bool], Callable[[str], bool], NameTest]
_memos: dict[tuple[int, int], _Memo] = {}
MEMO_WORDS = 100_000  # capitalised words remembered per set of rules, then forgotten


def remembered(test: NameTest, forms: Forms, titles: frozenset[str]) -> Callable[[str], bool]:
    """`test(word, forms, titles)` with its answers kept per set of rules: the same
    capitalised words come back in every article, and each test costs a few string
    operations."""
    key = (id(forms), id(titles))
    entry = _memos.get(key)
    if entry is None or entry[0] is not forms or entry[1] is not titles or entry[4] is not test:
        if len(_memos) >= 8:
            _memos.clear()
        memo: dict[str, bool] = {}

        def answer(word: str) -> bool:
            found = memo.get(word)
            if found is None:
                if len(memo) >= MEMO_WORDS:
                    memo.clear()
                found = memo[word] = test(word, forms, titles)
            return found

        entry = _memos[key] = (forms, titles, memo, answer, test)
    return entry[3]  # one closure per set of rules: the name finder asks once per sentence
