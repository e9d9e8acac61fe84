"""The text search over the rows' sentences: the word index where it answers, else the scan
of the search's buffer; both saved beside the snapshot and mapped while no sentence changed.

Why apart from the filter engine: which of the two answers, and where each comes from (the
saved file, or made from the sentences and saved), is one question with its own state.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

from viewer.core.session import search_rows, search_text, search_words
from viewer.core.session.search_text import Haystack
from viewer.core.session.search_words import Words

Mask = npt.NDArray[np.bool_]
# The fields a row's sentence is read from (no edit of the app's changes one today).
TEXT_FIELDS = frozenset({"text", "document", "char_start", "char_end"})


class SentenceSearch:
    """Rows whose sentence holds a needle, over the columns' sentences (`text_of` may save
    and map the buffer and the index: `saved_search`, `save_search`, `saved_words`,
    `save_words`). `forget` after a sentence field changed."""

    def __init__(self, columns: Any) -> None:
        self.columns = columns
        self.haystack: Haystack | None = None
        self.words: tuple[Words | None] | None = None  # the word index, once looked for
        self._text_base = self._text_stamp()  # as the saved buffer and index were written
        self._making: threading.Thread | None = None  # the index being made, when missing
        self._made: Words | None = None  # what that thread made, for the next search

    def forget(self) -> None:
        """Drop the buffer and the index: mapped or made again at the next search."""
        self.haystack = None
        self.words = None

    def rows(self, needle: str) -> Mask:
        """Rows whose sentence contains `needle` (casefolded). A needle of word bytes alone
        is answered by the word index (`search_words`: the rows of the words holding it)
        while it does not match too many words; any other by array operations over one
        UTF-8 buffer of every sentence: the needle's rarest byte (and a neighbour when it is
        common, `scan_key`) gives the candidates (one pass over the buffer), and each row
        checks its first candidate, then the next only while none matched (`search_rows`).
        No Python work per match (a regular expression's iterator cost 0.3 µs a match:
        200 ms CPU at a million events)."""
        wanted = needle.encode("utf-8")
        if search_words.indexable(wanted):
            words = self._words()
            found = words.matching_rows(wanted) if words is not None else None
            if found is not None:
                return found
        return search_rows.matching_rows(self.text(), wanted, self.columns.size)

    def finish(self) -> None:
        """Wait for an index being made (tests, and a caller about to close the folder)."""
        making = self._making
        if making is not None:
            making.join()

    def _words(self) -> Words | None:
        """The word index: the one saved with the snapshot, mapped, while no row's sentence
        changed since the columns were read and it was made from the saved buffer's text.
        When it is missing, damaged or made from another text (never trusted), it is made
        from the buffer on a thread of its own and saved, and the scan answers meanwhile:
        at a million rows making it costs about 4.6 s of CPU, which the first search of a
        window must not wait for. None once a sentence changed (the scan answers) or when
        the sentences have no snapshot to save it beside."""
        if self.words is not None:
            return self.words[0]
        if self._making is not None:
            if self._making.is_alive():
                return None
            self._making = None
            made, self._made = self._made, None
            if made is not None and self._unchanged():
                self.words = (made,)
                return made
        text_of = getattr(self.columns, "text_of", None)
        saved = getattr(text_of, "saved_words", None)
        save = getattr(text_of, "save_words", None)
        words: Words | None = None
        if saved is not None and save is not None and self._unchanged():
            words = saved(self.columns.size)
            if words is None:
                self._make(self.text(), save)
                return None
        self.words = (words,)
        return words

    def _make(self, haystack: Haystack, save: Callable[[Words, Haystack], None]) -> None:
        """Make the index of `haystack` on a daemon thread and save it; the next search
        after it ends takes it, unless a sentence changed meanwhile (then it is dropped)."""
        def make() -> None:
            words = search_words.made_from(haystack)
            save(words, haystack)
            self._made = words

        self._made = None
        self._making = threading.Thread(target=make, name="word index", daemon=True)
        self._making.start()

    def _text_stamp(self) -> tuple[int, ...]:
        """How often each field a sentence is read from was changed (`generation`)."""
        generation: dict[str, int] = getattr(self.columns, "generation", {})
        return tuple(generation.get(name, 0) for name in sorted(TEXT_FIELDS))

    def _unchanged(self) -> bool:
        return self._text_stamp() == self._text_base

    def text(self) -> Haystack:
        """The search's buffer: the one saved with the snapshot, mapped, while no row's
        sentence changed since the columns were read (`text_of.saved_search`); else made
        from the sentences and, when none changed, saved for the next open."""
        if self.haystack is None:
            text_of = getattr(self.columns, "text_of", None)
            unchanged = self._unchanged()
            saved = getattr(text_of, "saved_search", None) if unchanged else None
            found = saved(self.columns.size) if saved is not None else None
            if found is None:
                found = search_text.build(self.columns)
                save = getattr(text_of, "save_search", None) if unchanged else None
                if save is not None:
                    save(found)
            self.haystack = found
        return self.haystack
