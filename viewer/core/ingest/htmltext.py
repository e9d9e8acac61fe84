"""HTML to plain text that keeps paragraph breaks, plus the metadata an article page carries.

Nothing is fetched and no markup survives: the result is text to be shown as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_BLOCK_TAGS = (
    "address article aside blockquote dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tr ul "
    "caption tbody thead tfoot"
)
_BLOCK = frozenset(_BLOCK_TAGS.split())
_SKIP_TAGS = "script style noscript template svg math head iframe object canvas"
_SKIP = frozenset(_SKIP_TAGS.split())
_VOID_TAGS = "area base br col embed hr img input link meta param source track wbr"
_VOID = frozenset(_VOID_TAGS.split())
_DATE_META = (
    "article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "og:published_time",
    "sailthru.date",
)
_SPACE = re.compile(r"[ \t\n\f\r\u00a0]+")


@dataclass(slots=True)
class HtmlText:
    text: str
    title: str | None = None
    heading: str | None = None
    date: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.pre_depth = 0
        self.in_title = False
        self.in_h1 = False
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.meta: dict[str, str] = {}
        self.time_value: str | None = None

    def flush(self) -> None:
        raw = "".join(self.current)
        self.current = []
        if self.pre_depth:
            text = raw.strip("\n")
        else:
            text = "\n".join(_SPACE.sub(" ", part).strip() for part in raw.split("\n"))
            text = "\n".join(line for line in text.split("\n") if line)
        if text.strip():
            self.blocks.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = {k.lower(): (v or "") for k, v in attrs}
            key = values.get("property") or values.get("name") or values.get("itemprop") or ""
            if key and "content" in values:
                self.meta[key.lower()] = values["content"].strip()
            return
        if tag == "title":
            self.in_title = True
        if tag in _SKIP:
            self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag == "time" and self.time_value is None:
            self.time_value = dict(attrs).get("datetime")
        if tag == "br":
            self.current.append("\n")
        elif tag in _BLOCK:
            self.flush()
            if tag == "pre":
                self.pre_depth += 1
            if tag == "h1":
                self.in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if self.skip_depth or tag in _VOID:
            return
        if tag in _BLOCK:
            self.flush()
            if tag == "pre":
                self.pre_depth = max(0, self.pre_depth - 1)
            if tag == "h1":
                self.in_h1 = False

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        if self.skip_depth:
            return
        if self.in_h1:
            self.h1_parts.append(data)
        self.current.append(data if self.pre_depth else data.replace("\n", " "))


def html_to_text(markup: str) -> HtmlText:
    """Strip tags; block elements become paragraphs separated by a blank line."""
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    parser.flush()
    title = _SPACE.sub(" ", "".join(parser.title_parts)).strip() or None
    heading = _SPACE.sub(" ", "".join(parser.h1_parts)).strip() or None
    date = next((parser.meta[k] for k in _DATE_META if parser.meta.get(k)), None)
    return HtmlText(
        text="\n\n".join(parser.blocks),
        title=title,
        heading=heading,
        date=date or parser.time_value,
        meta=parser.meta,
    )
