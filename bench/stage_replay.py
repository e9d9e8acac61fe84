"""The speaker and people stages alone, replayed on their recorded inputs:
`python -m bench.stage_replay FOLDER [--rounds N] [--profile speakers|people]`.

`bench.extract_stages` times each stage inside a whole extraction, where one row moves by a
tenth between two runs on a shared machine. Here one extraction records what
`extract_document` hands the two stages (a document's sentences, names and parties for the
speaker pass; a block of sentences and their party mentions for the name finder), and each
stage is then run again on exactly those inputs, `--rounds` times, the least CPU time kept
(a loaded machine only adds). It prints the cost per call, per sentence and per name, so a
change to one stage is measured without the rest of extraction around it, and `--profile`
shows which of its functions the time goes to.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from viewer.core.events import document_extraction, sentence_readings
from viewer.core.ingest.folder_reader import list_folder, read_document
from viewer.core.model import Document
from viewer.core.pipeline.file_cache import fingerprint
from viewer.core.pipeline.folder_extraction import _tools

Call = tuple[tuple[Any, ...], dict[str, Any]]
# Stage → the callers' names of its functions (module, name); the people stage's blocks and
# the speaker pass's documents are what a call is.
_STAGES: dict[str, tuple[tuple[Any, str], ...]] = {
    "speakers": ((document_extraction, "find_speakers"), (document_extraction, "add_speakers")),
    "people": ((sentence_readings, "people_by_sentence"), (sentence_readings, "role_mentions")),
}
_MUTATED = {"add_speakers"}  # changes its first two arguments: replayed on copies


def record(folder: Path) -> tuple[float, int, dict[str, list[tuple[str, Call]]]]:
    """One extraction of `folder` with each stage's calls recorded (the functions are put
    back afterwards): the MB read, the sentences, and the calls by stage, in order."""
    docs = [d for p in list_folder(folder).files
            if isinstance(d := read_document(folder, p), Document)]
    tools = _tools(str(folder), fingerprint(str(folder)))
    calls: dict[str, list[tuple[str, Call]]] = {stage: [] for stage in _STAGES}
    saved = [(module, name, getattr(module, name))
             for pairs in _STAGES.values() for module, name in pairs]

    def recording(stage: str, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def recorded(*args: Any, **kwargs: Any) -> Any:
            kept = (tuple(list(a) if isinstance(a, list) else a for a in args)
                    if name in _MUTATED else args)
            calls[stage].append((name, (kept, kwargs)))
            return func(*args, **kwargs)
        return recorded

    try:
        for stage, pairs in _STAGES.items():
            for module, name in pairs:
                setattr(module, name, recording(stage, name, getattr(module, name)))
        for doc in docs:
            document_extraction.extract_document(doc, *tools)
    finally:
        for module, name, func in saved:
            setattr(module, name, func)
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    return mb, sum(len(d.sentences) for d in docs), calls


def _replay(stage: str, recorded: list[tuple[str, Call]]) -> float:
    """CPU seconds of one replay of the stage's calls (copies made before the clock)."""
    functions = {name: getattr(module, name) for module, name in _STAGES[stage]}
    ready = [(functions[name], tuple(list(a) if isinstance(a, list) else a for a in args)
              if name in _MUTATED else args, kwargs)
             for name, (args, kwargs) in recorded]
    began = time.process_time()
    for func, args, kwargs in ready:
        func(*args, **kwargs)
    return time.process_time() - began


def measure(folder: Path, rounds: int = 5) -> dict[str, Any]:
    """Per stage: its calls, the least and the median CPU seconds of `rounds` replays, and
    µs per call, per sentence the stage read and per name it found."""
    mb, sentences, calls = record(folder)
    out: dict[str, Any] = {"mb": mb, "sentences": sentences, "stages": {}}
    for stage, recorded in calls.items():
        times = sorted(_replay(stage, recorded) for _ in range(rounds))
        read = sum(len(args[1]) for name, (args, _) in recorded
                   if name in ("find_speakers", "people_by_sentence"))
        names = sum(len(found) for name, (args, _) in recorded if name == "find_speakers"
                    for found in args[2])
        best = times[0]
        out["stages"][stage] = {
            "calls": len(recorded), "sentences": read, "names": names,
            "min_cpu_s": best, "median_cpu_s": times[len(times) // 2],
            "us_per_call": 1e6 * best / max(1, len(recorded)),
            "us_per_sentence": 1e6 * best / max(1, read),
        }
    out["calls"] = calls
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", choices=sorted(_STAGES))
    args = parser.parse_args()
    out = measure(args.folder, args.rounds)
    print(f"{out['mb']:.2f} MB, {out['sentences']} sentences; least and median CPU of"
          f" {args.rounds} replays:")
    for stage, row in out["stages"].items():
        print(f"  {stage:9s} {row['calls']:6d} calls  {row['min_cpu_s']:.3f} s"
              f" (median {row['median_cpu_s']:.3f})  {row['us_per_call']:7.1f} µs a call"
              f"  {row['us_per_sentence']:5.1f} µs a sentence read"
              + (f"  ({row['names']} names)" if row["names"] else ""))
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        _replay(args.profile, out["calls"][args.profile])
        profile.disable()
        pstats.Stats(profile).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
