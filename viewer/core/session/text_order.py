"""The rows in the order of a column's text, from the columns themselves.

The table sorted by parties, topics, tags, sentence, document, modality, speaker or dispute
by making every row's Event and comparing its shown text: some 60 µs a row, six seconds of a
frozen window at 100,000 events, on every such sort and on every edit while sorted so. Here
each distinct value (a code, or a row's tuple of codes) has its text made once; the rows are
ordered by the rank of their value's text, stably, so rows with equal texts keep their order
as Python's sort kept them. A sentence's text is each row's own and is read once per row.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from viewer.core.session.columns import SPEC, EventColumns

Label = Callable[[str], str]  # a stored value → the text the table shows for it


def _same(value: str) -> str:
    return value


def text_order(columns: EventColumns, field: str, label: Label | None = None
               ) -> npt.NDArray[np.int32]:
    """Every row, ascending by the field's shown text casefolded (a tuple's values joined by
    ", " as the table shows them, each through `label` when given); ties in row order."""
    label = label or _same
    kind = SPEC[field].kind
    if kind == "text":
        return _sentence_order(columns)
    if kind == "tuple":
        ranks = _tuple_ranks(columns, field, label)
    elif kind in ("code", "maybe"):
        # one key per code, and the empty text last for a missing value (code -1)
        keys = [label(s).casefold() for s in columns.vocab[field].strings]
        ranks = _ranks([*keys, ""])[columns.arrays[field]]
    else:
        raise ValueError(f"no text order for the {kind} column {field!r}")
    order: npt.NDArray[np.int32] = np.argsort(ranks, kind="stable").astype(np.int32)
    return order


def _ranks(keys: list[str]) -> npt.NDArray[np.int64]:
    """Each key's place among the keys sorted (equal keys share a place)."""
    distinct = sorted(set(keys))
    place = {key: n for n, key in enumerate(distinct)}
    return np.fromiter((place[k] for k in keys), dtype=np.int64, count=len(keys))


def _tuple_ranks(columns: EventColumns, field: str, label: Label) -> npt.NDArray[np.int64]:
    """Per row, the rank of its values' joined text: one text per distinct tuple of codes."""
    ragged = columns.ragged[field]
    strings = columns.vocab[field].strings
    codes = ragged.codes.tolist()
    offsets = ragged.offsets.tolist()
    texts: dict[tuple[int, ...], str] = {}
    row_keys: list[tuple[int, ...]] = []
    for row in range(columns.size):
        key = tuple(codes[offsets[row]:offsets[row + 1]])
        if key not in texts:
            texts[key] = ", ".join(label(strings[c]) for c in key).casefold()
        row_keys.append(key)
    distinct = list(texts)
    rank = _ranks([texts[k] for k in distinct])
    place = {k: int(r) for k, r in zip(distinct, rank, strict=True)}
    return np.fromiter((place[k] for k in row_keys), dtype=np.int64, count=len(row_keys))


def _sentence_order(columns: EventColumns) -> npt.NDArray[np.int32]:
    documents = columns.vocab["document"].strings
    document = columns.arrays["document"].tolist()
    starts = columns.arrays["char_start"].tolist()
    ends = columns.arrays["char_end"].tolist()
    text_of = columns.text_of
    keys = [text_of(documents[d], s, e).casefold()
            for d, s, e in zip(document, starts, ends, strict=True)]
    order = sorted(range(len(keys)), key=keys.__getitem__)
    return np.asarray(order, dtype=np.int32)
