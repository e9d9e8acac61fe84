"""Temporal tagger speed: `python -m bench.tagger DIR_OR_FILE...` or `--dateparser`.

With TimeML files: reads the text and creation date of each .tml file, tags every document
in one process (so start-up is not counted) and prints characters, words, seconds and MB/s on
one core: wall time and CPU time, each the fastest of the runs (a loaded machine inflates
wall time).

With `--dateparser [--articles N] [--rounds R]`: the bench corpus's first N articles (the
same as `python -m bench`), tagged by ours and searched by dateparser's `search_dates` in
alternating rounds, CPU time for each (`compare`): one noisy run does not decide the ratio,
which is the median of the rounds' ratios, printed with their range.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from viewer.core.ingest.written_dates import parse_full_date
from viewer.core.timex import Tagger

DCT = dt.date(2024, 6, 1)  # the bench corpus's texts are tagged against one date


def read_timeml(path: Path) -> tuple[str, str | None]:
    root = ET.parse(path).getroot()
    dct = next((t.get("value") for d in root.iter("DCT") for t in d.iter("TIMEX3")), None)
    return "".join(next(root.iter("TEXT")).itertext()), dct


def compare(texts: Sequence[str], rounds: int = 5) -> dict[str, Any]:
    """Our tagger against dateparser's `search_dates` on the same texts, in `rounds`
    alternating rounds (ours, then theirs), each timed in CPU seconds; the ratio is the
    median of the rounds' ratios. Each side is warmed up first on the first text, called
    as the rounds call it (our rules compiled, their English data and patterns loaded), as
    a long-running process would be. Each of our rounds has a new Tagger that has tagged
    nothing, so no round reuses the values a text tagged before left (`timex.resolution`):
    the warm-up's own tagger is thrown away, since the one that tagged the first text
    would find that text's values kept when the round tags it again."""
    chars = sum(len(t) for t in texts)
    out: dict[str, Any] = {"documents": len(texts), "characters": chars}
    try:
        from dateparser.search import search_dates  # type: ignore[import-untyped]
    except ImportError:
        search_dates = None
        out["dateparser"] = "not installed (pip install -e '.[bench]')"
    settings = {"RELATIVE_BASE": dt.datetime.combine(DCT, dt.time())}
    Tagger().tag(texts[0], DCT)
    if search_dates is not None:
        search_dates(texts[0], languages=["en"], settings=settings)
    our_s: list[float] = []
    their_s: list[float] = []
    found = theirs = 0
    for _ in range(max(1, rounds) if search_dates is not None else 1):
        ours = Tagger()
        start = time.process_time()
        found = sum(len(ours.tag(t, DCT)) for t in texts)
        our_s.append(time.process_time() - start)
        if search_dates is None:
            break
        start = time.process_time()
        theirs = sum(len(search_dates(t, languages=["en"], settings=settings) or [])
                     for t in texts)
        their_s.append(time.process_time() - start)
    best = min(our_s)
    out.update(tagger_s=statistics.median(our_s), tagger_s_rounds=our_s,
               tagger_mb_per_s=chars / 1e6 / statistics.median(our_s),
               tagger_best_mb_per_s=chars / 1e6 / best, tagger_found=found)
    if their_s:
        ratios = [theirs_ / ours_ for ours_, theirs_ in zip(our_s, their_s, strict=True)]
        out.update(dateparser_s=statistics.median(their_s), dateparser_s_rounds=their_s,
                   dateparser_found=theirs, rounds=len(ratios),
                   tagger_vs_dateparser_ratio=statistics.median(ratios),
                   ratio_rounds=ratios, ratio_min=min(ratios), ratio_max=max(ratios))
    return out


def describe(result: dict[str, Any]) -> str:
    """The comparison in two lines."""
    text = (f"tagger: {result['documents']} articles, {result['characters']:,} characters, "
            f"{result['tagger_found']} expressions; {result['tagger_s'] * 1e3:.1f} ms CPU "
            f"(median), {result['tagger_mb_per_s']:.2f} MB per CPU second")
    if "tagger_vs_dateparser_ratio" in result:
        text += (f"\n  dateparser.search_dates: {result['dateparser_s']:.2f} s CPU (median), "
                 f"{result['dateparser_found']} found; ours is "
                 f"{result['tagger_vs_dateparser_ratio']:.0f}x faster (median of "
                 f"{result['rounds']} alternating rounds; {result['ratio_min']:.0f}-"
                 f"{result['ratio_max']:.0f}x)")
    return text


def bench_texts(articles: int, workdir: Path) -> list[str]:
    """The bench corpus's first `articles` articles (seed 11, as `python -m bench`)."""
    from bench.corpus import write_corpus

    corpus = workdir / "corpus"
    write_corpus(corpus, articles, seed=11)
    paths = sorted(corpus.rglob("article-*.txt"))[:articles]
    return [p.read_text(encoding="utf-8") for p in paths]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="runs; the fastest is reported")
    parser.add_argument("--dateparser", action="store_true",
                        help="compare with dateparser on the bench corpus")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if args.dateparser:
        with tempfile.TemporaryDirectory() as tmp:
            print(describe(compare(bench_texts(args.articles, Path(tmp)), args.rounds)))
        return
    if not args.paths:
        parser.error("TimeML files or folders, or --dateparser")
    files = [f for p in args.paths for f in (sorted(p.rglob("*.tml")) if p.is_dir() else [p])]
    docs = [(text, parse_full_date((dct or "")[:10])) for text, dct in map(read_timeml, files)]
    tagger = Tagger()
    best = best_cpu = float("inf")
    found = 0
    for _ in range(args.repeat):
        start, cpu = time.perf_counter(), time.process_time()
        found = sum(len(tagger.tag(text, dct)) for text, dct in docs)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best = min(best, time.perf_counter() - start)
    chars = sum(len(text) for text, _ in docs)
    words = sum(len(text.split()) for text, _ in docs)
    print(f"{len(docs)} documents, {words} words, {chars} characters, {found} expressions")
    print(f"tagger time {best:.3f} s wall, {best_cpu:.3f} s CPU (fastest of {args.repeat}), "
          f"{chars / best_cpu / 1e6:.2f} MB/s, {words / best_cpu:,.0f} words/s of CPU on one "
          "core")


if __name__ == "__main__":
    main()
