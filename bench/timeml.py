"""The tagger scored against TimeML files, TempEval-3 style: `python -m bench.timeml PATH ...`.

PATH is a `.tml` file or a folder searched for them (e.g. TimeBank + AQUAINT). Each document's
plain text is the content of its TEXT element without the tags, its creation time the value
of the TIMEX3 inside DCT; the tagger reads them as `timeline-viewer timex --jsonl` does (the
same tagger, the same TimeML output). Scores are micro-averaged over every document:

- strict: a found expression and a gold one with the same span;
- relaxed: spans that overlap;
- value and type: TempEval-3's attribute F1, the relaxed F1 times the share of gold
  expressions with a relaxed match whose matched expression has the same value (type).

Why in the repository: the README's accuracy table must be reproducible from a checkout,
with only the corpus to fetch. `--errors N` prints N of each kind of miss.
"""

from __future__ import annotations

import argparse
import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from viewer.core.ingest.written_dates import parse_full_date
from viewer.core.timex import Tagger
from viewer.core.timex.timeml_signals import as_timeml


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int  # exclusive
    type: str
    value: str
    text: str


@dataclass(frozen=True, slots=True)
class TimemlDocument:
    name: str
    text: str
    dct: dt.date | None
    gold: tuple[Span, ...]


def read_timeml(path: Path) -> TimemlDocument:
    """A TimeML file's plain text, creation date and gold expressions (offsets into the
    text; an expression with no text of its own, such as an empty TIMEX3, is left out)."""
    root = ET.fromstring(path.read_text(encoding="utf-8"))
    dct: dt.date | None = None
    for holder in root.iter("DCT"):
        for timex in holder.iter("TIMEX3"):
            dct = parse_full_date((timex.get("value") or "")[:10])
    body = next(root.iter("TEXT"), None)
    pieces: list[str] = []
    gold: list[Span] = []
    length = 0

    def add(text: str | None) -> None:
        nonlocal length
        if text:
            pieces.append(text)
            length += len(text)

    def visit(element: ET.Element) -> None:
        if element.tag == "TIMEX3":
            inner = "".join(element.itertext())
            if inner.strip():
                gold.append(Span(length, length + len(inner), element.get("type") or "",
                                 element.get("value") or "", inner))
            add(inner)
            return
        add(element.text)
        for child in element:
            visit(child)
            add(child.tail)

    if body is not None:
        visit(body)
    return TimemlDocument(path.name, "".join(pieces), dct, tuple(gold))


def found_spans(tagger: Tagger, document: TimemlDocument) -> list[Span]:
    """What the tagger finds, in TimeML's terms (as the `timex --jsonl` command writes it)."""
    return [Span(t.start, t.end, t.type, t.value, t.text)
            for t in as_timeml(tagger.tag(document.text, document.dct), tagger.tag)]


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _partner(gold: Span, found: Sequence[Span]) -> Span | None:
    """The found expression a gold one is judged against: the same span, else the one
    overlapping it most (the earlier on a tie)."""
    best: Span | None = None
    best_overlap = 0
    for span in found:
        if span.start == gold.start and span.end == gold.end:
            return span
        overlap = min(span.end, gold.end) - max(span.start, gold.start)
        if overlap > best_overlap:
            best, best_overlap = span, overlap
    return best


@dataclass(slots=True)
class Tally:
    """Counts over documents, and a few examples of each kind of miss."""

    gold: int = 0
    found: int = 0
    strict_gold: int = 0
    strict_found: int = 0
    relaxed_gold: int = 0
    relaxed_found: int = 0
    right_value: int = 0
    right_type: int = 0

    def add(self, name: str, gold: Sequence[Span], found: Sequence[Span],
            misses: dict[str, list[str]]) -> None:
        """Count one document (expressions are few per document: the pairwise scan is
        small; spans are compared only within the document)."""
        self.gold += len(gold)
        self.found += len(found)
        exact = {(s.start, s.end) for s in gold}
        self.strict_found += sum((s.start, s.end) in exact for s in found)
        exact = {(s.start, s.end) for s in found}
        self.strict_gold += sum((s.start, s.end) in exact for s in gold)
        for span in found:
            if any(_overlaps(span, g) for g in gold):
                self.relaxed_found += 1
            else:
                misses["spurious"].append(f"{name}: {span.text!r} {span.type} {span.value}")
        for span in gold:
            partner = _partner(span, found)
            if partner is None:
                misses["missed"].append(f"{name}: {span.text!r} {span.type} {span.value}")
                continue
            self.relaxed_gold += 1
            self.right_value += partner.value == span.value
            self.right_type += partner.type == span.type
            if partner.value != span.value:
                misses["value"].append(f"{name}: {span.text!r} gold {span.value}, "
                                       f"found {partner.text!r} {partner.value}")

    def scores(self) -> dict[str, float]:
        def f1(hit_found: int, hit_gold: int) -> float:
            precision = hit_found / self.found if self.found else 0.0
            recall = hit_gold / self.gold if self.gold else 0.0
            return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

        relaxed = f1(self.relaxed_found, self.relaxed_gold)
        matched = self.relaxed_gold or 1
        return {"strict_f1": f1(self.strict_found, self.strict_gold), "relaxed_f1": relaxed,
                "value_f1": relaxed * self.right_value / matched,
                "type_f1": relaxed * self.right_type / matched}


def timeml_files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.rglob("*.tml")) if path.is_dir() else [path])
    return files


def score(paths: Iterable[Path], errors: int = 0) -> tuple[Tally, dict[str, list[str]]]:
    tagger = Tagger()
    tally = Tally()
    misses: dict[str, list[str]] = {"value": [], "missed": [], "spurious": []}
    for path in timeml_files(paths):
        document = read_timeml(path)
        tally.add(document.name, document.gold, found_spans(tagger, document), misses)
    return tally, {kind: found[:errors] for kind, found in misses.items()}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help=".tml files or folders of them")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="print N examples of each kind of miss")
    args = parser.parse_args(argv)
    tally, misses = score(args.paths, args.errors)
    for kind, examples in misses.items():
        for line in examples:
            print(f"{kind:<8} {line}")
    figures = tally.scores()
    print(f"gold {tally.gold}  found {tally.found}  strict match {tally.strict_found}  "
          f"relaxed match {tally.relaxed_gold}  value right {tally.right_value}  "
          f"type right {tally.right_type}")
    print("  ".join(f"{name} {value:.3f}" for name, value in figures.items()))


if __name__ == "__main__":
    main()
