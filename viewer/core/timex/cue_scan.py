"""A tense cue pattern's matches in one sentence, found only as far as they are asked for."""

from __future__ import annotations

import re
from collections.abc import Iterator


class CueScan:
    """One cue pattern's matches in one sentence, found from the sentence's start only as
    far as a question needs, and later questions go on from where it stopped.

    An expression's nearest cues are the last one before it and the first one after it:
    the text past that one is not read until a later question needs it, when the same
    scan goes on (kept, not started again), so the cues are those of one scan of the
    whole sentence and each character is read once however many questions there are.
    A led pattern (group "cue") reads the lowercased sentence with the break character
    before it (`shift` maps its offsets into the text); its guard is checked at each cue
    found, the scan going on from the next character where it fails, as the guarded
    pattern would; an "-ed" verb counts only where the text itself is lowercase there, as
    the case-sensitive suffix requires."""

    __slots__ = ("ends", "guard", "led", "pattern", "pending", "shift", "starts", "stop",
                 "text", "verbs", "within")

    def __init__(self, pattern: re.Pattern[str], guard: re.Pattern[str] | None, within: str,
                 begin: int, stop: int, shift: int, text: str) -> None:
        self.pattern = pattern
        self.guard = guard
        self.within = within  # the string scanned: the lowercased sentence, or the text
        self.stop = stop  # where the scan ends in it
        self.shift = shift
        self.text = text
        self.led = "cue" in pattern.groupindex
        self.verbs = "verb" in pattern.groupindex
        self.starts: list[int] = []
        self.ends: list[int] = []
        # The pattern's scan of the sentence, left where the last cue asked for was found;
        # None once it has ended.
        self.pending: Iterator[re.Match[str]] | None = pattern.finditer(within, begin, stop)

    def scan(self, reach: int) -> None:
        """Find cues until one starts at or after `reach` (in the text) or the sentence ends."""
        pattern, guard, within, shift = self.pattern, self.guard, self.within, self.shift
        starts, ends, led, verbs, text = self.starts, self.ends, self.led, self.verbs, self.text
        while self.pending is not None:
            for cue in self.pending:
                if not led:
                    starts.append(cue.start())
                    ends.append(cue.end())
                    if starts[-1] >= reach:
                        return
                    continue
                at = cue.start("cue")
                if guard is not None and guard.match(within, at) is None:
                    # The guarded pattern fails here and goes on from the next character.
                    self.pending = pattern.finditer(within, cue.start() + 1, self.stop)
                    break
                start, end = at + shift, cue.end() + shift
                if verbs and cue.start("verb") >= 0 and text[start:end] != cue.group("cue"):
                    continue  # "United": no verb, as the case-sensitive suffix would find
                starts.append(start)
                ends.append(end)
                if start >= reach:
                    return
            else:
                self.pending = None
