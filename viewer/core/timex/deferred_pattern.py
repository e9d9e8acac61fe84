"""A pattern compiled the first time it is asked to match.

The rule scan's trigger exists in three forms (Unicode classes, ASCII classes, any case) and a
process usually needs one or two of them: plain ASCII-read news never uses the Unicode one,
and only text whose lowercase changes its length uses the any-case one. Compiling the two
large alternations cost about 40 ms of CPU in every process that built the rules."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Protocol


class ScanPattern(Protocol):
    """What the tagger asks of its trigger: `re.Pattern` has it, and so does a deferred one."""

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize
               ) -> re.Match[str] | None: ...

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize
                  ) -> re.Match[str] | None: ...

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize
                 ) -> Iterator[re.Match[str]]: ...


class DeferredPattern:
    """`re.compile(source, flags)`, done on the first match asked for."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.pattern, self.flags = source, flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize
               ) -> re.Match[str] | None:
        return self.compiled().search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize
              ) -> re.Match[str] | None:
        return self.compiled().match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize
                  ) -> re.Match[str] | None:
        return self.compiled().fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize
                 ) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(string, pos, endpos)
