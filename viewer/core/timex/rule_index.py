"""Which words a rule can start at, and one scan that finds only those words.

A rule is tried at a word only when the word (its run of letters, lowercased) is one a match
of the rule can begin with, or when the word is a number (or a quoted year, '22) and the
rule can begin with one. The words come from the rule's parsed pattern, so "the" starts the
rules that open with an optional "the", and the words inside a pattern ("of", "to", "and")
start none. The union of all rules' first words is compiled into one letter trie that is
matched against the lowercased text, so the scan skips every other word without running
any Python code for it.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from viewer.core.timex.deferred_pattern import DeferredPattern, ScanPattern

sre: Any = importlib.import_module("re._constants")
sre_parse: Any = importlib.import_module("re._parser")

DIGIT = "0"  # the trigger key of words that are numbers
QUOTE = "'"  # and of quoted years ('22, ’22)
_QUOTES = "'’"
_MAX_PREFIXES = 4000  # give up (every word may start the rule) beyond this many prefixes
_MAX_LENGTH = 40
_DIGITS = "0123456789"


class _Unknown(Exception):
    """The pattern's first words cannot be listed (a wildcard, a negated class, …)."""


@functools.lru_cache(maxsize=512)
def parsed(body: str) -> Any:
    """`body` parsed as the rules compile it (IGNORECASE), for reading only. The index reads
    each rule's pattern up to three times (its first words, the words after them, what
    follows a number): parsing it once is a tenth of building the rules (measured)."""
    return sre_parse.parse(body, re.IGNORECASE)


def _chars_of(op: Any, arg: Any) -> set[str]:
    """The characters one LITERAL, IN or CATEGORY item matches (case folded by the caller)."""
    if op is sre.LITERAL:
        return {chr(arg)}
    if op is sre.CATEGORY:
        return _category(arg)
    chars: set[str] = set()
    for kind, value in arg:
        if kind is sre.LITERAL:
            chars.add(chr(value))
        elif kind is sre.RANGE and value[1] - value[0] < 128:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        elif kind is sre.CATEGORY:
            chars |= _category(value)
        else:  # NEGATE, wide ranges, …
            raise _Unknown
    return chars


def _category(value: Any) -> set[str]:
    if value is sre.CATEGORY_DIGIT:
        return set(_DIGITS)
    if value is sre.CATEGORY_SPACE:
        return {" "}  # any non-letter ends the first word the same way
    raise _Unknown


def _step(chars: set[str], open_: set[str], closed: set[str]) -> set[str]:
    """Extend every open prefix by one of `chars`; a non-letter closes the word it ends."""
    out: set[str] = set()
    for char in chars:
        lower = char.lower()
        if lower.isalpha():
            out.update(prefix + lower for prefix in open_)
            continue
        for prefix in open_:
            if prefix:
                closed.add(prefix)
            elif char in _DIGITS:
                closed.add(DIGIT)
            elif char in _QUOTES:
                closed.add(QUOTE)  # only a quote before a digit starts a word; a superset
    if len(out) > _MAX_PREFIXES or any(len(p) > _MAX_LENGTH for p in out):
        raise _Unknown
    return out


Step = Callable[[set[str], set[str], set[str]], set[str]]


def _walk(items: Iterable[Any], open_: set[str], closed: set[str], step: Step = _step
          ) -> set[str]:
    """The prefixes still open after `items`; the words they close go into `closed`."""
    for op, arg in items:
        if not open_:
            return open_
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue  # zero width: reads, never consumes
        if op in (sre.LITERAL, sre.IN, sre.CATEGORY):
            open_ = step(_chars_of(op, arg), open_, closed)
        elif op is sre.SUBPATTERN:
            open_ = _walk(arg[3], open_, closed, step)
        elif op is sre.BRANCH:
            found: set[str] = set()
            for branch in arg[1]:
                found |= _walk(branch, set(open_), closed, step)
            open_ = found
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, body = arg
            result = set(open_) if low == 0 else set()
            current = open_
            times = 0
            while current and (high is sre.MAXREPEAT or times < high):
                current = _walk(body, set(current), closed, step)
                times += 1
                if times >= low:
                    if current <= result:
                        break
                    result |= current
            open_ = result
        else:  # ANY, NOT_LITERAL, GROUPREF, ATOMIC_GROUP, …
            raise _Unknown
    return open_


def first_words(body: str) -> frozenset[str] | None:
    """The lowercased words a match of `body` can start with (DIGIT for a number, QUOTE for
    a quoted year), or None when they cannot be listed and every word may start it."""
    try:
        closed: set[str] = set()
        for prefix in _walk(parsed(body), {""}, closed):
            if prefix:
                closed.add(prefix)  # the pattern may end inside a word
        return frozenset(closed)
    except (_Unknown, re.error, AttributeError, TypeError, ValueError, IndexError,
            RecursionError):
        return None


# How much of the next word a follower keeps. Four letters, not three, tell "hours" from
# "house" and "strong" from "straight": 7 % fewer rule matches tried that fail on the
# tagger bench's articles (4,294 -> 3,993 per round), 1.6 % fewer instructions per round.
FOLLOWER_LETTERS = 4
_MAX_FOLLOWERS = 20_000


def _follow(starts: frozenset[str], chars: set[str], open_: set[str], closed: set[str]
            ) -> set[str]:
    """Like `_step`, for prefixes of two words: "first next", the next word cut to its first
    letters, "0" for a number, a space for any run of other characters between them. Only
    first words that begin one of `starts` (with a space after those it may end as) are
    followed: no other is looked up."""
    out: set[str] = set()
    for char in chars:
        if char == "_":
            raise _Unknown  # a word character that is neither letter nor digit
        lower = char.lower()
        letter, digit = lower.isalpha(), char in _DIGITS
        for prefix in open_:
            first, space, second = prefix.partition(" ")
            if not space:  # still in the first word
                if letter:
                    if prefix + lower in starts:
                        out.add(prefix + lower)
                elif first and first + " " in starts:
                    (closed.add(prefix + " 0") if digit else out.add(prefix + " "))
            elif not second:  # between the words
                if letter:
                    (closed if FOLLOWER_LETTERS == 1 else out).add(prefix + lower)
                elif digit:
                    closed.add(prefix + "0")
                else:
                    out.add(prefix)
            elif letter and second != "0":
                (closed if len(second) + 1 >= FOLLOWER_LETTERS else out).add(prefix + lower)
            else:
                closed.add(prefix)  # the next word has ended
    if len(out) > _MAX_FOLLOWERS:
        raise _Unknown
    return out


def _ahead_read(items: list[Any]) -> list[Any]:
    """The items with a final look-ahead read as if it consumed: nothing is matched after
    it, so what it requires is what must follow ("days" in "(?=\\s+ago)" is followed by
    "ago"). Zero-width items after it are dropped, which only loosens the reading."""
    end = len(items)
    while end and items[end - 1][0] in (sre.AT, sre.ASSERT_NOT, sre.ASSERT):
        op, arg = items[end - 1]
        if op is sre.ASSERT and arg[0] == 1:
            return items[: end - 1] + list(arg[1])
        end -= 1
    return items


def followers(body: str, words: Iterable[str]) -> dict[str, frozenset[str] | None] | None:
    """For each of `words` that `body` can start with, the starts of the word that can
    follow it ("0" for a number), or None where anything may follow (the pattern can end
    after the first word); None when the pattern cannot be read this way."""
    starts = frozenset(w[:end] for w in words for end in range(len(w) + 1)) | frozenset(
        w + " " for w in words)
    try:
        closed: set[str] = set()
        left = _walk(_ahead_read(list(parsed(body))), {""}, closed,
                     functools.partial(_follow, starts))
    except (_Unknown, re.error, AttributeError, TypeError, ValueError, IndexError,
            RecursionError):
        return None
    found: dict[str, set[str] | None] = {}
    for prefix in left:
        first, _, second = prefix.partition(" ")
        if first and not second:
            found[first] = None  # the match may end here: any word may follow
    for prefix in closed | left:
        first, space, second = prefix.partition(" ")
        if space and second and found.get(first, set()) is not None:
            found.setdefault(first, set()).add(second)  # type: ignore[union-attr]
    return {k: (frozenset(v) if v is not None else None) for k, v in found.items()}


def trie_pattern(words: Iterable[str], ends: Mapping[str, str] | None = None,
                 bare: bool = False) -> str:
    """A non-capturing alternation of the words, as a trie, a space matching any run of
    white space. The engine tries the alternatives one by one; as a trie it rejects most
    positions on their first character instead of trying each word. Of the words that
    match at a position one is a prefix of the other, so the trie (greedy) prefers the
    longest, as a list sorted longest first does. `ends` gives a pattern that must match
    where a word ends (a word not in it ends anywhere). `bare`: the alternatives of the
    first characters without a group around them, for a caller's own alternation (one
    alternation fewer to enter at each position), unless the empty word is among them."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, Any], path: str) -> str:
        parts = [(r"\s+" if char == " " else re.escape(char)) + render(child, path + char)
                 for char, child in sorted(node.items()) if char]
        if "" in node:
            if ends is not None and ends.get(path):
                parts.append(ends[path])
            elif not parts:
                return ""
            else:
                return "(?:" + "|".join(parts) + ")?"
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    if bare and trie and "" not in trie:
        return "|".join((r"\s+" if char == " " else re.escape(char)) + render(child, char)
                        for char, child in sorted(trie.items()))
    return "(?:" + render(trie, "") + ")"


_UNNAMED = re.compile(r"\(\?P<\w+>")


def start_keys(body: str, listed: str) -> tuple[set[str], bool, bool]:
    """The words a rule is indexed under, and whether a number or a quoted year can start it.

    A rule is indexed under the words written outside look-arounds in its pattern, with its
    placeholders' words listed out (`listed`), that a match can also begin with; a word the
    pattern cannot begin with would only cost a failed match there.
    """
    visible = _UNNAMED.sub("(", strip_lookaround(listed))
    visible = re.sub(r"\\[a-zA-Z]", " ", visible).lower()
    words = set(re.findall(r"[a-z]+", visible))
    digit = re.search(r"\\d|\[[^\]]*\d", listed) is not None
    quote = "'" in visible or "’" in visible
    first = first_words(body)
    if first is not None:
        words &= first
        digit = digit and DIGIT in first
        quote = quote and QUOTE in first
    return words, digit, quote


def strip_lookaround(pattern: str) -> str:
    """The pattern without look-ahead/behind groups, whose words never start a match."""
    out: list[str] = []
    index = 0
    while index < len(pattern):
        if pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), index) and (
            index == 0 or pattern[index - 1] != "\\"
        ):
            depth = 0
            while index < len(pattern):
                char = pattern[index]
                if char == "\\":
                    index += 2
                    continue
                depth += char == "("
                depth -= char == ")"
                index += 1
                if depth == 0:
                    break
            continue
        out.append(pattern[index])
        index += 1
    return "".join(out)


Followers = frozenset[str] | None  # None: anything may follow (or the rule was not read)

# After the start word (or a number's whole run of digits) and what separates it from the
# next word: that word's first letters, or a digit. The trigger reads it where it stops.
NEXT_WORD = rf"(?:(?<=\d)\d*)?[^\w]*(?P<next>[^\W\d_]{{1,{FOLLOWER_LETTERS}}}|\d)"


@dataclass(frozen=True, slots=True)
class RuleScan:
    """The compiled scan of a rule set, built once with the lexicon.

    `trigger` finds, in the lowercased text, the next word some rule can start at (group
    1), with the character before it (which must not be a word character: matching it,
    rather than looking behind at every position, lets the engine skip along the text to
    the next such character), and reads the start of the word after it (group 2,
    `NEXT_WORD`); `trigger_any_case` does the same in
    the text itself, for the rare text whose lowercase is not as long as it is (offsets
    would not line up). `guards[word]`, which `trigger` matches where the word ends, tells
    whether the next word is one its rules can go on with ("the" only starts a rule before
    "day", "week", "end", a number, …). `follow[word]` holds the followers of each of the
    word's rules (DIGIT's for a number), in the word's rule order (`tagger._narrow`).
    """

    trigger: ScanPattern  # (these two compiled when first used: `deferred_pattern`)
    trigger_any_case: ScanPattern
    guards: dict[str, str]
    follow: dict[str, tuple[Followers, ...]] = field(default_factory=dict)
    # The same as bit masks over the word's rules: those any word may follow, and for each
    # follower the rules it lets go on; a new (word, next word) pair is then a few look-ups.
    masks: dict[str, tuple[int, dict[str, int]]] = field(default_factory=dict)
    # `trigger` with ASCII classes (a fifth faster: no Unicode look-up for each character),
    # for text where that finds the same words (`ascii_reading`); None in older scans.
    trigger_ascii: re.Pattern[str] | None = None


_ASCII_BYTES = bytes(range(128))


def ascii_reading(text: str) -> bool:
    """Whether ASCII classes (\\w, \\d, \\s) read `text` as Unicode ones do: where no
    character beyond ASCII is a letter, digit or white space (curly quotes and dashes are
    none of them in either reading; "é" and a no-break space are, in Unicode only). Those
    characters are picked out as bytes (two passes in C, half the time of a search)."""
    if text.isascii():
        return True
    wide = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    return not any(c.isalnum() or c.isspace() for c in set(wide.decode("utf-8", "surrogatepass")))


def compile_scan(by_word: dict[str, tuple[int, ...]], by_digit: tuple[int, ...],
                 by_quote: tuple[int, ...], follow: dict[str, tuple[Followers, ...]]
                 ) -> RuleScan:
    """The trigger scan for the words the rules (indices in the groups) can start with;
    `follow` holds each word's rules' followers (`follower_index.follower_table`)."""
    guards = _guards(by_word, follow)
    whole = r"(?![^\W\d_])"  # the word ends where its run of letters does
    guarded = {w: whole + "(?=" + guards[w] + ")" if w in guards else whole
               for w in by_word}

    def trigger(ends: dict[str, str], before: str = r"\W") -> str:
        # The words' first characters in the one alternation with the number and the
        # quoted year, not in one of their own inside it (an alternation to enter at every
        # non-word character: 4 % of the scan)
        starts = [trie_pattern(by_word, ends, bare=True)] if by_word else []
        if by_digit:
            starts.append(r"\d")
        if by_quote:
            starts.append(r"['’]\d")
        return (before + "(" + ("|".join(starts) or "(?!)") + ")"
                + "(?:(?=" + NEXT_WORD + ")|)")

    # With ASCII classes, the non-word character as a set of characters (a table look-up
    # for each character the scan passes) rather than as a class: the same characters.
    return RuleScan(trigger=DeferredPattern(trigger(guarded)),
                    trigger_any_case=DeferredPattern(trigger(dict.fromkeys(by_word, whole)),
                                                     re.IGNORECASE),
                    guards=guards, follow=follow, masks=_masks(follow),
                    trigger_ascii=re.compile(trigger(guarded, "[^0-9A-Z_a-z]"), re.ASCII))


def _masks(follow: dict[str, tuple[Followers, ...]]) -> dict[str, tuple[int, dict[str, int]]]:
    masks: dict[str, tuple[int, dict[str, int]]] = {}
    for key, row in follow.items():
        always, by_follower = 0, {}  # type: int, dict[str, int]
        for bit, after in enumerate(row):
            if after is None:
                always |= 1 << bit
                continue
            for start in after:
                by_follower[start] = by_follower.get(start, 0) | 1 << bit
        masks[key] = (always, by_follower)
    return masks


_GUARD_LETTERS = 3


def _guards(by_word: dict[str, tuple[int, ...]], follow: dict[str, tuple[Followers, ...]]
            ) -> dict[str, str]:
    """For each start word after which none of its rules can end, a pattern for what may
    follow it: the starts of the next words its rules can go on with. Sources, not compiled
    patterns: they are only ever matched inside the trigger (compiling each on its own was
    a twelfth of building the rules)."""
    guards: dict[str, str] = {}
    written: dict[frozenset[str], str] = {}
    for word in by_word:
        row = [after for after in follow.get(word, (None,)) if after is not None]
        if len(row) < len(follow.get(word, (None,))):
            continue  # a rule may end after the word, or could not be read
        # Cut to their first three letters: the guard, matched as the trigger stops, is a
        # loose test (the word's rules are narrowed by the whole follower after it), and
        # longer ones made the trigger's pattern a quarter slower to compile.
        nexts = frozenset(after[:_GUARD_LETTERS] for after in frozenset[str]().union(*row))
        if nexts:
            if nexts not in written:  # months, weekdays, … share theirs
                written[nexts] = r"[^\w]*" + trie_pattern(nexts).replace("0", r"\d")
            guards[word] = written[nexts]
    return guards
