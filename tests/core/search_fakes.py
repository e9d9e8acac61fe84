"""Sentences by row for the text search's tests: what `SentenceSearch` reads of the columns
(`size`, `generation`, `value`, `values`, `text_of`), counting the sentences read, with the
search's buffer (and, for the word index's tests, the index) saved beside a snapshot path as
`SnapshotTexts` saves them, counting the saves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from viewer.core.session import search_file, search_text, search_words, words_file


class Texts:
    """Sentences by row; `text_of` (a `SavedBuffer`, a `SavedBoth` or None) saves the search."""

    def __init__(self, texts: list[str], text_of: SavedBuffer | None = None) -> None:
        self.texts, self.size, self.reads = texts, len(texts), 0
        self.generation: dict[str, int] = {}  # field → edits that changed it (as columns)
        self.text_of: Any = text_of

    def value(self, name: str, row: int) -> Any:
        self.reads += 1
        return self.texts[row]

    def values(self, name: str, rows: Any) -> list[Any]:
        return [self.value(name, row) for row in rows.tolist()]


class SavedBuffer:
    """The search's buffer saved at `path` under `key` (no word index: the scan answers)."""

    def __init__(self, path: Path, key: str = "k") -> None:
        self.path, self.key, self.saves = path, key, 0

    def saved_search(self, rows: int) -> search_text.Haystack | None:
        return search_file.read(self.path, self.key, rows)

    def save_search(self, haystack: search_text.Haystack) -> None:
        self.saves += search_file.save(self.path, self.key, haystack)


class SavedBoth(SavedBuffer):
    """The buffer and the word index saved beside the snapshot path `snapshot`."""

    def __init__(self, snapshot: Path, key: str = "k") -> None:
        super().__init__(search_file.search_path(snapshot), key)
        self.snapshot, self.word_saves = snapshot, 0

    def saved_words(self, rows: int) -> search_words.Words | None:
        return words_file.read(self.snapshot, self.key, rows)

    def save_words(self, words: search_words.Words, haystack: search_text.Haystack) -> None:
        self.word_saves += words_file.write(words_file.words_path(self.snapshot), self.key,
                                            words, search_file.text_sum(haystack.buffer))
