"""Turn a folder into what a Session holds: documents, event columns, problems."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from viewer.core.extract import extract_folder
from viewer.core.model import Document, Problem
from viewer.core.session.columns import EventColumns
from viewer.core.timex import Timex

Progress = Callable[[int, int], bool | None]


@dataclass(frozen=True, slots=True)
class Loaded:
    root: str
    order: tuple[str, ...]  # document relpaths in folder order
    documents: Mapping[str, Document]
    document_problems: Mapping[str, tuple[Problem, ...]]
    timexes: Mapping[str, tuple[Timex, ...]]
    columns: EventColumns
    problems: tuple[Problem, ...]  # files that could not be read
    ignored: int
    people: Mapping[str, str | None]
    cached: int
    extracted: int


def load(root: Path, progress: Progress | None, cancel: Callable[[], bool] | None, *,
         workers: int | None, use_snapshot: bool) -> Loaded:
    def report(done: int, total: int) -> bool | None:
        if cancel is not None and cancel():
            return False
        return progress(done, total) if progress is not None else None

    result = extract_folder(root, report, workers=workers, use_cache=use_snapshot)
    documents = {d.relpath: d for d in result.documents}

    def text_of(relpath: str, start: int, end: int) -> str:
        return documents[relpath].text[start:end]

    return Loaded(
        root=result.root, order=tuple(documents), documents=documents,
        document_problems={d.relpath: d.problems for d in result.documents},
        timexes=result.timexes, columns=EventColumns.build(result.events, text_of),
        problems=result.problems, ignored=result.ignored, people=result.people,
        cached=result.cached, extracted=result.extracted)
