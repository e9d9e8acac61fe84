"""The `extract` command's JSON and JSON Lines text, written by several processes at once.

Why: the text of 48,000 events (47 MB of JSON) took the main process about 1 s of CPU after
the workers had finished, reading the documents back for the list at its head and encoding
every event, with one core idle. Here the head and blocks of rows are calls shared through a
`Spread` (`fork_spread.forked`: the rows' columns are inherited, only the text comes back), a
round of blocks at a time so no more than a round's text is held. The text is the same, byte
for byte, as `events_json_parts` of the same events and documents.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from viewer.core.export.writers import events_json_parts
from viewer.core.model import Document
from viewer.core.pipeline.array_links import Spread, in_process

EMPTY_TAIL = "[]\n}\n"  # how `events_json_parts` ends a payload without events
BLOCK_ROWS = 50_000  # rows per call at most (a round holds `processes` blocks' text)
# Reading a document back for the head costs about as much as writing this many rows
# (0.16 ms against 12 us on generated articles): the head's process takes fewer rows.
HEAD_ROWS = 12

Texts = Callable[[int, int], list[str]]  # rows first to last (exclusive) as JSON texts


def _rounds(size: int, head: int, processes: int) -> list[list[tuple[int, int]]]:
    """Rows in rounds of one block per process; in the first, the first process (which
    also writes the head, worth `head` rows) takes its block last and that much smaller."""
    step = max(1, min(BLOCK_ROWS, -(-(size + head) // processes)))
    first = [(a, min(size, a + step)) for a in range(0, min(size, (processes - 1) * step), step)]
    at = first[-1][1] if first else 0
    if at < size and step > head:
        first.append((at, min(size, at + step - head)))
        at = first[-1][1]
    rounds = [first]
    while at < size:
        rounds.append([(a, min(size, a + step)) for a in range(at, min(size, at + processes *
                                                                          step), step)])
        at = rounds[-1][-1][1]
    return rounds


def _encoded(text: str, encode: bool) -> str | bytes:
    return text.encode("utf-8") if encode else text


def json_head(documents: Callable[[], Sequence[Document]]) -> str:
    """The payload without events, cut before its empty list (the text before the events)."""
    return "".join(events_json_parts(documents(), ()))[:-len(EMPTY_TAIL)]


def json_parts(documents: Callable[[], Sequence[Document]], count: int, size: int,
               texts: Texts, spread: Spread = in_process, processes: int = 1,
               encode: bool = False, head: Callable[[], str] | None = None
               ) -> Iterator[str | bytes]:
    """`events_json_parts(documents(), blocks of texts(first, last))` for `count` documents
    and `size` rows: the documents are read and the head written in the first round, beside
    the first blocks of events. `encode`: the blocks come as UTF-8 (encoded where they are
    made), the rest as text. `head`: gives `json_head(documents)` made elsewhere (the
    documents are not read here, and the first round's blocks are all of one size)."""

    def part(kind: str, first: int, last: int) -> str | bytes:
        if kind == "head":
            return json_head(documents)
        return _encoded(",\n  ".join(texts(first, last)), encode)

    comma = _encoded(",\n  ", encode)
    rounds = _rounds(size, HEAD_ROWS * count if head is None else 0, max(1, processes))
    blocks = [("rows", a, b) for a, b in rounds[0]]
    if head is None:
        # The head is call 0 and the round's last block call `processes` (when there is
        # one): both this process's share (`fork_spread`), the others' blocks go to the
        # children.
        start, *done = spread(part, [("head", 0, 0), *blocks])
    else:
        done = spread(part, blocks)
        start = head()
    if not size:
        yield start + EMPTY_TAIL
        return
    yield start + "[\n  "
    first = True
    for number, round_ in enumerate(rounds):
        found = done if not number else spread(part, [("rows", a, b) for a, b in round_])
        for block in found:  # each block as it came: no copy of them joined
            if not first:
                yield comma
            yield block
            first = False
    yield "\n ]\n}\n"


def jsonl_parts(size: int, texts: Texts, spread: Spread = in_process, processes: int = 1,
                encode: bool = False) -> Iterator[str | bytes]:
    """Each row's text and a line break, rounds of blocks shared through `spread`."""

    def part(first: int, last: int) -> str | bytes:
        return _encoded("".join(text + "\n" for text in texts(first, last)), encode)

    for blocks in _rounds(size, 0, max(1, processes)):
        yield from spread(part, blocks)
