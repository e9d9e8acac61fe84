"""Where extraction's CPU goes, stage by stage: `python -m bench.extract_stages FOLDER`.

A profiler that traces every call (cProfile) charges each Python call a fixed cost, so it
inflates the stages made of many small calls several-fold (it put the topic words' joining
at 2 % of extraction; timed alone it is 0.7 %). Here only the stages `extract_document`
calls are timed (itself, or through the readings it takes a block of sentences at a time),
each call between two readings of the process's CPU clock (a stage called inside another
counts as the outer one's), and the rest of its time is the per-sentence loop itself.
Documents are read first (their reading is timed apart), then extracted in one process
with the folder's rules built before the clock starts; each of `--rounds` extracts them
once untimed (the figure per MB) and once timed (the stages; the difference is the timers'
own cost: what falls between a timer's clock readings is in the rows, most in the stages
called most; what falls outside them, measured on an empty function, is a row of its own,
where it used to pass for the loop's own time), and each figure printed is the median of
the rounds.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from viewer.core.events import cues, document_extraction, sentence_readings
from viewer.core.events.answered_news import FirstTold
from viewer.core.events.cue_scan import CueAutomaton, DocumentCues
from viewer.core.events.part_labels import SentenceLabels
from viewer.core.events.party_context import PartyContext
from viewer.core.events.reported_sentences import DocumentIds
from viewer.core.events.sentence_repeats import SentenceRepeats
from viewer.core.ingest.folder_reader import list_folder, read_document
from viewer.core.model import Document
from viewer.core.pipeline.file_cache import fingerprint
from viewer.core.pipeline.folder_extraction import _tools
from viewer.core.pipeline.gc_pacing import fewer_collections, held
from viewer.core.timex import Tagger

# The functions `extract_document` calls by name, grouped under one label where they are
# small steps of one kind (the narrative's tests of a sentence).
_CALLED = {
    "find_speakers": "speakers", "add_speakers": "speakers",
    "people_by_sentence": "people", "role_mentions": "people",
    "sentence_parts": "dating: a sentence's parts", "explicit_window": "dating: windows",
    "spread_start": "dating: windows", "window_end": "dating: windows",
    "reaction_end": "narrative tests", "goes_on_until": "narrative tests",
    "told_since_the_news": "narrative tests", "at_the_happening": "narrative tests",
    "continues_plan": "narrative tests", "possible_step": "narrative tests",
    "tells_a_rule": "narrative tests", "conditional_plan": "narrative tests",
    "told_day": "narrative tests", "telling_part": "narrative tests",
    "sentence_reports": "reports something", "modality_of": "modality",
    "continue_modalities": "modality",
    "sentence_event": "event records", "date_headline": "headline",
    "answers_earlier": "narrative tests", "main_clause_end": "narrative tests",
    "furniture_clause": "narrative tests",
}
# The modules that make those calls: the sentence loop, and the stages it reads a block of
# sentences at a time (`sentence_readings`).
_CALLERS = (document_extraction, sentence_readings)
_METHODS = ((Tagger, "tag", "time expressions (tagger)"),
            (CueAutomaton, "scan", "cue scan"),
            (DocumentCues, "find", "cue lookups"), (DocumentCues, "within", "cue lookups"),
            (PartyContext, "read", "parties"),
            (SentenceLabels, "__init__", "topics and reasons"),
            (SentenceLabels, "of_part", "topics and reasons"),
            (SentenceRepeats, "seen", "event ids"), (DocumentIds, "of", "event ids"),
            (FirstTold, "answered", "narrative tests"), (FirstTold, "note", "narrative tests"),
            (cues, "counted_past_the_report", "narrative tests"))


def _timed(func: Callable[..., Any], label: str, spent: Counter[str],
           calls: Counter[str], depth: list[int]) -> Callable[..., Any]:
    clock = time.process_time

    def timed(*args: Any, **kwargs: Any) -> Any:
        if depth[0]:  # inside another timed stage: its time is that stage's
            return func(*args, **kwargs)
        depth[0] = 1
        began = clock()
        try:
            return func(*args, **kwargs)
        finally:
            spent[label] += clock() - began
            calls[label] += 1
            depth[0] = 0

    return timed


_TIMERS = "timers, outside their clocks"


def _timer_cost(calls: int = 100_000) -> float:
    """CPU seconds a timed call spends outside its two clock readings (entering the timer,
    the first reading's own start, the counting after the second), beyond a plain call. That
    time is neither the stage's nor the sentence loop's: it gets a row of its own."""
    spent: Counter[str] = Counter()
    counted: Counter[str] = Counter()

    def nothing() -> None:
        return None

    timed = _timed(nothing, "x", spent, counted, [0])
    clock = time.process_time
    best = float("inf")
    for _ in range(3):  # the least of three: a loaded machine only adds
        spent.clear()
        began = clock()
        for _ in range(calls):
            nothing()
        plain = clock() - began
        began = clock()
        for _ in range(calls):
            timed()
        best = min(best, (clock() - began - plain - spent["x"]) / calls)
    return max(0.0, best)


def measure(folder: Path, rounds: int = 3) -> dict[str, Any]:
    """Each stage's CPU seconds (median of `rounds`), calls, and the extraction's MB per CPU
    second; the stages are put back as they were afterwards."""
    read = time.process_time()
    docs = [d for p in list_folder(folder).files
            if isinstance(d := read_document(folder, p), Document)]
    read = time.process_time() - read
    tools = _tools(str(folder), fingerprint(str(folder)))
    spent: Counter[str] = Counter()
    calls: Counter[str] = Counter()
    depth = [0]
    saved = {(module, name): getattr(module, name)
             for module in _CALLERS for name in _CALLED if hasattr(module, name)}
    missing = set(_CALLED) - {name for _, name in saved}
    if missing:  # a stage no longer called by name would count as the loop's own time
        raise LookupError(f"no caller calls {sorted(missing)}")
    saved_methods = [(owner, name, getattr(owner, name)) for owner, name, _ in _METHODS]
    runs: list[Counter[str]] = []
    timer_cost = _timer_cost()
    def extract_all() -> None:
        # As the app extracts (`folder_extraction._extract`, in a worker or in the opening
        # process): no collection during a document, fewer between them. Without that the
        # figures counted collections the app does not make.
        with fewer_collections():
            for doc in docs:
                with held():
                    document_extraction.extract_document(doc, *tools)

    for _ in range(rounds):
        began = time.process_time()
        extract_all()
        plain = time.process_time() - began
        spent.clear()
        calls.clear()
        for (module, name), func in saved.items():
            setattr(module, name, _timed(func, _CALLED[name], spent, calls, depth))
        for owner, name, label in _METHODS:
            setattr(owner, name, _timed(getattr(owner, name), label, spent, calls, depth))
        try:
            began = time.process_time()
            extract_all()
            total = time.process_time() - began
        finally:
            for (module, name), func in saved.items():
                setattr(module, name, func)
            for owner, name, func in saved_methods:
                setattr(owner, name, func)
        spent[_TIMERS] = timer_cost * sum(calls.values())
        spent["the sentence loop itself"] = total - sum(spent.values())
        spent["extraction"] = plain
        spent["timed extraction"] = total
        runs.append(Counter(spent))
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    stages = {label: statistics.median(run[label] for run in runs) for label in runs[0]}
    return {"documents": len(docs), "mb": mb, "reading_cpu_s": read, "stages": stages,
            "calls": dict(calls), "mb_per_cpu_s": mb / stages["extraction"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    out = measure(args.folder, args.rounds)
    stages = out["stages"]
    total = stages.pop("timed extraction")
    plain = stages.pop("extraction")
    print(f"{out['documents']} documents, {out['mb']:.2f} MB; reading {out['reading_cpu_s']:.2f}"
          f" s CPU; extraction {plain:.2f} s CPU (median of {args.rounds}):"
          f" {out['mb_per_cpu_s']:.3f} MB per CPU second; timed, {total:.2f} s (the timers'"
          f" own {total - plain:.2f} s are in the rows, most in the stages called most):")
    for label, seconds in sorted(stages.items(), key=lambda item: -item[1]):
        count = out["calls"].get(label, 0)
        each = f"{1e6 * seconds / count:8.1f} µs a call" if count else ""
        print(f"  {label:30s} {seconds:7.2f} s {100 * seconds / total:5.1f} %  {each}")


if __name__ == "__main__":
    main()
