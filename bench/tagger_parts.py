"""Where the tagger's time goes: `python -m bench.tagger_parts [--articles N] [--rounds R]`.

On the texts of `bench.tagger --dateparser` (the bench corpus's first articles), CPU seconds
of: tagging with a new tagger (as the ratio to dateparser is measured), tagging again with
one that has tagged the texts (its kept values reused: the difference is the first
resolution of each expression's words), lowering the texts, the trigger scan alone (every
word it stops at, none skipped, no rule tried), and the resolutions of one run replayed on
a new resolver with new tense indexes (values, tense, gates). Each part is timed in every
round, in turn; minimum and median are printed, with the share of the first line's median.
Before cutting the tagger further, see which part is worth it: a part's share bounds the
gain of making it faster.

A part timed apart runs with its own patterns and tables warm in the processor's caches;
inside tagging it shares them with the rest, and costs more. So two parts are also taken
out of tagging itself: the tenses (each question answered from a first run's answers, so
no sentence or cue is looked for) and the rule tries that fail (each try is made through
a wrapper, which for a try a first run saw fail answers no match without running the
rule's pattern; the same wrapper that runs every try is the line to compare it with).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import re
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.tagger import DCT, bench_texts
from viewer.core.timex import Tagger
from viewer.core.timex.context import Match, TenseIndex
from viewer.core.timex.lexicon import Lexicon
from viewer.core.timex.resolution import Resolver
from viewer.core.timex.rule_folding import lowered_folding


class _Recorder(Resolver):
    """A resolver that keeps the arguments of each `place` call, for replaying them."""

    __slots__ = ("calls",)

    def __init__(self, tagger: Tagger) -> None:
        super().__init__(tagger.lex)
        self.calls: list[tuple[Any, ...]] = []

    def place(self, *args: Any, **kwargs: Any) -> Any:
        self.calls.append(args)
        return super().place(*args, **kwargs)


def _recorded(texts: Sequence[str]) -> list[tuple[Any, ...]]:
    tagger = Tagger()
    recorder = tagger._resolver = _Recorder(tagger)
    for text in texts:
        tagger.tag(text, DCT)
    return recorder.calls


def _replay(calls: list[tuple[Any, ...]], tagger: Tagger) -> Callable[[], object]:
    """The recorded resolutions on a new resolver, each text with a new tense index (so
    the sentences and cues are found again, as in a run)."""
    def run() -> object:
        resolver = Resolver(tagger.lex)
        indexes: dict[int, TenseIndex] = {}
        for rule, hit, text, start, end, dct, anchor, _, year, hit_end in calls:
            index = indexes.get(id(text))
            if index is None:
                lowered, plain, folds = lowered_folding(" " + text)
                whole = folds and len(lowered) == len(text) + 1  # as `Tagger.tag` reads it
                index = indexes[id(text)] = TenseIndex(
                    text, tagger.lex, lowered[1:] if whole else None, whole and plain)
            resolver.place(rule, hit, text, start, end, dct, anchor, index, year, hit_end)
        return resolver
    return run


@contextmanager
def _swapped(owner: type, name: str, value: Any) -> Iterator[None]:
    """`owner.name` replaced by `value` for the time of the block."""
    kept = owner.__dict__[name]
    setattr(owner, name, value)
    try:
        yield
    finally:
        setattr(owner, name, kept)


def _tenses_given(texts: Sequence[str]) -> Callable[[], object]:
    """Tagging with a new tagger whose tense questions are answered from a first run's
    answers (by text and span): tagging less the tenses, where tagging finds them."""
    answers: dict[tuple[int, int, int], int] = {}
    asked = Match.tense

    def record(m: Match) -> int:
        answers[(id(m.text), m.start, m.end)] = told = asked(m)
        return told

    def given(m: Match) -> int:
        return answers[(id(m.text), m.start, m.end)]  # (reading `text` marks m not local)

    with _swapped(Match, "tense", record):
        tagger = Tagger()
        for text in texts:
            tagger.tag(text, DCT)

    def run() -> object:
        with _swapped(Match, "tense", given):
            tagger = Tagger()
            return [tagger.tag(text, DCT) for text in texts]
    return run


Try = Callable[[str, int, int], "re.Match[str] | None"]


class _Trying(Tagger):
    """A tagger whose rule tries go through `wrap` (with its own copy of the lexicon, so
    its wrapped tries are kept in tables of their own, not in the lexicon's)."""

    def __init__(self, lex: Lexicon, wrap: Callable[[Try, str], Try]) -> None:
        super().__init__(dataclasses.replace(lex))
        self.wrap = wrap

    def _tries_at(self, word: str, next_word: str | None, folding: bool = False) -> Any:
        return tuple((self.wrap(match, rule.id), rule, lowered)
                     for match, rule, lowered in super()._tries_at(word, next_word, folding))


def _failed_tries(texts: Sequence[str], lex: Lexicon) -> tuple[Callable[[], object],
                                                                Callable[[], object]]:
    """Tagging with every rule try made through a wrapper, and the same with the tries a
    first run saw fail answered without running the rule's pattern."""
    failed: set[tuple[int, int, str]] = set()
    doc = [0]  # which text is being tagged

    def recording(match: Try, rule: str) -> Try:
        def attempt(string: str, at: int, end: int) -> re.Match[str] | None:
            found = match(string, at, end)
            if found is None:
                failed.add((doc[0], at, rule))
            return found
        return attempt

    def skipping(skip: bool) -> Callable[[Try, str], Try]:
        def wrap(match: Try, rule: str) -> Try:
            def attempt(string: str, at: int, end: int) -> re.Match[str] | None:
                return None if skip and (doc[0], at, rule) in failed else match(
                    string, at, end)
            return attempt
        return wrap

    def tagging(wrap: Callable[[Try, str], Try]) -> Callable[[], object]:
        def run() -> object:
            tagger = _Trying(lex, wrap)
            found = []
            for number, text in enumerate(texts):
                doc[0] = number
                found.append(tagger.tag(text, DCT))
            return found
        return run

    tagging(recording)()
    return tagging(skipping(False)), tagging(skipping(True))


def parts(texts: Sequence[str], rounds: int) -> dict[str, list[float]]:
    """CPU seconds of each part in each round (see the module's docstring)."""
    Tagger().tag(texts[0], DCT)
    warm = Tagger()
    for text in texts:
        warm.tag(text, DCT)
    lowered = [lowered_folding(" " + text)[0] for text in texts]
    scan = warm.lex.scan.trigger_ascii or warm.lex.scan.trigger
    calls = _recorded(texts)
    wrapped, skipped = _failed_tries(texts, warm.lex)

    def tag_new() -> object:
        tagger = Tagger()
        return [tagger.tag(text, DCT) for text in texts]

    jobs: dict[str, Callable[[], object]] = {
        "tag (new tagger)": tag_new,
        "tag (values kept)": lambda: [warm.tag(text, DCT) for text in texts],
        "lowering": lambda: [lowered_folding(" " + text) for text in texts],
        "trigger scan (all stops)": lambda: [sum(1 for _ in scan.finditer(low))
                                             for low in lowered],
        f"resolutions ({len(calls)}, replayed)": _replay(calls, warm),
        "tag, tenses given": _tenses_given(texts),
        "tag, tries through a wrapper": wrapped,
        "  the same, failed tries not run": skipped,
    }
    times: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(max(1, rounds)):
        for name, job in jobs.items():
            start = time.process_time()
            job()
            times[name].append(time.process_time() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        texts = bench_texts(args.articles, Path(tmp))
        started = dt.datetime.now()
        times = parts(texts, args.rounds)
    whole = statistics.median(next(iter(times.values())))
    print(f"{len(texts)} articles, {sum(map(len, texts)):,} characters, {args.rounds} rounds "
          f"({(dt.datetime.now() - started).total_seconds():.0f} s)")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:32s} min {min(values) * 1e3:7.1f} ms  median {median * 1e3:7.1f} ms"
              f"  {median / whole:6.0%}")


if __name__ == "__main__":
    main()
