"""Core records to and from plain JSON values, for the cache and the data exports.

JSON rather than pickle: a cache file sits in the user's folder, and a crafted pickle there
would run code when the folder is opened.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from viewer.core.events.document_events import DocumentEvents, Event
from viewer.core.events.person_mention import PersonMention
from viewer.core.model import DateSource, Document, Paragraph, Problem, Sentence
from viewer.core.timex import Timex


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def problem_to_dict(p: Problem) -> dict[str, str]:
    return {"path": p.path, "kind": p.kind, "message": p.message}


def document_to_dict(doc: Document) -> dict[str, Any]:
    return {
        "path": doc.path, "relpath": doc.relpath, "title": doc.title, "date": _iso(doc.date),
        "date_source": doc.date_source.value, "text": doc.text,
        "paragraphs": [[p.start, p.end] for p in doc.paragraphs],
        "sentences": [[s.start, s.end, s.paragraph, s.boilerplate] for s in doc.sentences],
        "problems": [problem_to_dict(p) for p in doc.problems], "encoding": doc.encoding,
        "meta": [list(kv) for kv in doc.meta],
    }


def document_from_dict(d: dict[str, Any]) -> Document:
    return Document(
        path=d["path"], relpath=d["relpath"], title=d["title"], date=_date(d["date"]),
        date_source=DateSource(d["date_source"]), text=d["text"],
        paragraphs=tuple(Paragraph(a, b) for a, b in d["paragraphs"]),
        sentences=tuple(Sentence(a, b, p, bp) for a, b, p, bp in d["sentences"]),
        problems=tuple(Problem(**p) for p in d["problems"]), encoding=d["encoding"],
        meta=tuple((k, v) for k, v in d["meta"]),
    )


def event_to_dict(e: Event) -> dict[str, Any]:
    return {
        "id": e.id, "document": e.document, "text": e.text, "char_start": e.char_start,
        "char_end": e.char_end, "start": _iso(e.start), "end": _iso(e.end),
        "precision": e.precision, "date_source": e.date_source, "timex": e.timex,
        "timex_value": e.timex_value, "parties": list(e.parties), "people": list(e.people),
        "topics": list(e.topics), "tags": list(e.tags), "boilerplate": e.boilerplate,
        "undated": e.undated, "sentence": e.sentence, "cluster": e.cluster,
        "sources": e.sources, "note": e.note, "review": e.review, "not_event": e.not_event,
        "corrected": list(e.corrected), "modality": e.modality, "speaker": e.speaker,
        "why": list(e.why), "reported": _iso(e.reported),
        "first_reported": _iso(e.first_reported), "last_reported": _iso(e.last_reported),
        "conflict": list(e.conflict), "outcome": e.outcome,
    }


def event_from_dict(d: dict[str, Any]) -> Event:
    return Event(
        id=d["id"], document=d["document"], text=d["text"], char_start=d["char_start"],
        char_end=d["char_end"], start=_date(d["start"]), end=_date(d["end"]),
        precision=d["precision"], date_source=d["date_source"], timex=d["timex"],
        timex_value=d["timex_value"], parties=tuple(d["parties"]), people=tuple(d["people"]),
        topics=tuple(d["topics"]), boilerplate=d["boilerplate"], sentence=d["sentence"],
        cluster=d.get("cluster", ""), sources=d.get("sources", 1), tags=tuple(d.get("tags", ())),
        note=d.get("note", ""), review=d.get("review", "unreviewed"),
        not_event=d.get("not_event", False), corrected=tuple(d.get("corrected", ())),
        modality=d.get("modality", "happened"), speaker=d.get("speaker", ""),
        why=tuple(d.get("why", ())), reported=_date(d.get("reported")),
        first_reported=_date(d.get("first_reported")),
        last_reported=_date(d.get("last_reported")), conflict=tuple(d.get("conflict", ())),
        outcome=d.get("outcome", ""),
    )


def timex_to_list(t: Timex) -> list[Any]:
    return [t.start, t.end, t.text, t.type, t.value, _iso(t.earliest), _iso(t.latest), t.mod,
            t.anchor, t.rule]


def timex_from_list(v: list[Any]) -> Timex:
    return Timex(v[0], v[1], v[2], v[3], v[4], _date(v[5]), _date(v[6]), v[7], v[8], v[9])


def mention_to_list(m: PersonMention) -> list[Any]:
    return [m.start, m.end, list(m.tokens), m.evidence, m.title_party]


def mention_from_list(v: list[Any]) -> PersonMention:
    return PersonMention(v[0], v[1], tuple(v[2]), v[3], v[4])


def extraction_to_dict(result: DocumentEvents) -> dict[str, Any]:
    return {
        "document": document_to_dict(result.document),
        "events": [event_to_dict(e) for e in result.events],
        "mentions": [[mention_to_list(m) for m in ms] for ms in result.mentions],
        "timexes": [timex_to_list(t) for t in result.timexes],
    }


def extraction_from_dict(d: dict[str, Any]) -> DocumentEvents:
    return DocumentEvents(
        document=document_from_dict(d["document"]),
        events=tuple(event_from_dict(e) for e in d["events"]),
        mentions=tuple(tuple(mention_from_list(m) for m in ms) for ms in d["mentions"]),
        timexes=tuple(timex_from_list(t) for t in d["timexes"]),
    )
