"""Metadata written inside an article: a YAML-style front-matter block or header lines.

Header lines are metadata, not article text, so they are cut from the text the rest of the
pipeline sees. A dated header may even share its line with the article, as in
"date 2026-01-29 As negotiators plan …".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from viewer.core.ingest.written_dates import find_full_date, parse_full_date

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_ENTRY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*?)\s*$")
DATE_KEYS = ("date", "published", "pubdate", "publish_date", "published_at", "dated", "posted")
_HEADER_KEYS = (*DATE_KEYS, "title", "source", "author", "by", "url", "link", "updated")
# "date 2026-01-29" (no colon) is accepted for ISO dates only, which cannot be prose.
_INLINE_ISO = re.compile(
    r"\A[ \t]*(?:date|published|dated)[ \t]*[:\-]?[ \t]*"
    r"(?P<value>\d{4}-\d{2}-\d{2})(?=\s|\Z)[ \t]*\n?",  # the line's end too: "Title:" may follow
    re.I,
)
_ISO_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HEADER_LINE = re.compile(
    rf"\A[ \t]*(?P<key>{'|'.join(_HEADER_KEYS)})[ \t]*:[ \t]*(?P<value>[^\n]*?)[ \t]*(?:\n|\Z)",
    re.I,
)


@dataclass(slots=True)
class Embedded:
    """What the top of a file said about itself, and the text that remains."""

    body: str
    fields: dict[str, str] = field(default_factory=dict)
    date: dt.date | None = None
    source: str | None = None  # "front-matter" or "header"


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def read_embedded(text: str) -> Embedded:
    """Split front matter or header lines off the top of `text`."""
    front = _FRONT.match(text)
    if front:
        fields = {}
        for line in front["body"].splitlines():
            entry = _FRONT_ENTRY.match(line)
            if entry:
                fields[entry["key"].lower()] = _unquote(entry["value"])
        found = Embedded(text[front.end() :], fields, source="front-matter")
        found.date = _date_from(fields)
        return found

    fields = {}
    rest = text
    while True:
        inline = _INLINE_ISO.match(rest)
        if inline:  # ISO-shaped even when impossible: metadata, reported, never prose
            fields.setdefault("date", inline["value"])
            rest = rest[inline.end() :]
            if rest.startswith("\n"):  # a header line of its own: the next may be one too
                rest = rest[1:]
            continue
        header = _HEADER_LINE.match(rest)
        if header and _accept_header(header["key"].lower(), header["value"]):
            fields.setdefault(header["key"].lower(), header["value"])
            rest = rest[header.end() :]
            continue
        break
    if not fields:
        return Embedded(text)
    return Embedded(rest.lstrip("\n"), fields, _date_from(fields), "header")


def _accept_header(key: str, value: str) -> bool:
    if key in DATE_KEYS or key == "updated":
        return parse_full_date(value) is not None or _ISO_SHAPE.fullmatch(value) is not None
    return bool(value) and len(value) < 300


def _date_from(fields: dict[str, str]) -> dt.date | None:
    for key in DATE_KEYS:
        if key in fields:
            found = parse_full_date(fields[key])
            if found is not None:
                return found
    return None


_DATELINE_CUE = re.compile(r"\b(?:published|posted|updated|dated|last modified)\b", re.I)


def infer_date(text: str, lines: int = 6) -> dt.date | None:
    """A publication date read from the article's opening lines (a dateline), else None.

    Only the first few non-empty lines are read: a full date deep in the body is far more
    often a date the story talks about than the day it was written.
    """
    head = [line for line in text.split("\n") if line.strip()][:lines]
    cued = [line for line in head if _DATELINE_CUE.search(line)]
    for line in cued + head:
        found = find_full_date(line)
        if found is not None and (line in cued or len(line) < 120):
            return found[0]
    return None
