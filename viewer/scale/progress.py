"""Progress on the terminal: one line per stage, rewritten in place on a terminal."""

from __future__ import annotations

import time
from typing import TextIO


def _clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Progress:
    def __init__(self, stream: TextIO | None, dashboard: str | None) -> None:
        self.stream = stream
        self.tty = bool(stream is not None and stream.isatty())
        self.name, self.total, self.done, self.bytes, self.size = "", 0, 0, 0, 0
        self.started = time.perf_counter()
        self._last = 0.0
        self._say(f"dashboard: {dashboard}" if dashboard else
                  "dashboard: none (install bokeh on the scheduler to get one)")

    def _say(self, line: str) -> None:
        if self.stream is not None:
            print(line, file=self.stream, flush=True)

    def stage(self, name: str, total: int, size: int) -> None:
        self.name, self.total, self.done, self.bytes, self.size = name, total, 0, 0, size
        self.started = time.perf_counter()
        self._show(force=True)

    def advance(self, size: int) -> None:
        self.done += 1
        self.bytes += size
        self._show()

    def line(self) -> str:
        elapsed = time.perf_counter() - self.started
        text = f"{self.name:<8} {self.done}/{self.total} tasks"
        if self.size:
            rate = self.bytes / elapsed / 1e6 if elapsed > 0 else 0.0
            text += f"  {self.bytes / 1e6:.1f}/{self.size / 1e6:.1f} MB  {rate:.2f} MB/s"
            if self.bytes and self.bytes < self.size:
                text += f"  ETA {_clock(elapsed * (self.size - self.bytes) / self.bytes)}"
        return text + f"  {_clock(elapsed)}"

    def _show(self, force: bool = False) -> None:
        if self.stream is None:
            return
        now = time.perf_counter()
        if self.tty:
            print("\r" + self.line(), end="", file=self.stream, flush=True)
        elif force or now - self._last >= 5 or self.done == self.total:
            self._say(self.line())  # a log file gets a line every few seconds, not a flood
            self._last = now

    def end(self) -> None:
        if self.stream is not None and self.tty:
            print("\r" + self.line(), file=self.stream, flush=True)
