"""Markdown to readable text: headings, emphasis and link syntax removed, words kept."""

from __future__ import annotations

import re

_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$", re.M)
_SETEXT = re.compile(r"^(?P<title>[^\n]+)\n(?:=+|-+)[ \t]*$", re.M)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^)(]|\([^)]*\))*\)")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+.*$", re.M)
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\w)")
_CODE_FENCE = re.compile(r"^```.*$", re.M)
_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.M)


def markdown_to_text(source: str) -> tuple[str, str | None]:
    """The text a reader sees, and the first heading as a title."""
    title = None
    heading = _HEADING.search(source)
    setext = _SETEXT.search(source)
    if heading and (not setext or heading.start() <= setext.start()):
        title = heading.group(2).strip()
    elif setext:
        title = setext.group("title").strip()
    text = _HEADING.sub(lambda m: m.group(2), source)
    text = _SETEXT.sub(lambda m: m.group("title"), text)
    # An image stays visible as what it is, so its caption can be recognised as furniture.
    text = _IMAGE.sub(lambda m: f"[Image: {m.group(1)}]" if m.group(1) else "[Image]", text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _REF_DEF.sub("", text)
    text = _CODE_FENCE.sub("", text)
    text = _QUOTE.sub("", text)
    text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", text)
    return text, title
