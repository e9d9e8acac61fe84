"""The search's word index: it finds exactly the rows a substring test finds for a needle of
word bytes, reading postings bounded by the rows; a needle of too many words is left to the
scan; a missing, damaged or stale index file is never trusted but made again and saved."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import copy_seeds
from tests.core.search_fakes import SavedBoth, Texts
from viewer.core.session import (
    Session,
    search_file,
    search_text,
    search_words,
    words_file,
)
from viewer.core.session.filtering import ColumnIndex

LETTERS = st.sampled_from(list("aAeEsSßİıiIéÉﬁ🙂xX.,'-ΣσςΩ0 \x00"))
TEXTS = st.lists(st.text(LETTERS, max_size=14), max_size=50)
NEEDLES = st.text(st.sampled_from(list("aesßiıéﬁ🙂xσςω0")), min_size=1, max_size=3)


def _expected(texts: list[str], needle: str) -> list[int]:
    return [row for row, text in enumerate(texts) if needle in text.casefold()]


def _found(words: search_words.Words, needle: str) -> list[int] | None:
    mask = words.matching_rows(needle.encode())
    return None if mask is None else np.flatnonzero(mask).tolist()


def _written(tmp_path: Path, texts: list[str], key: str = "k") -> tuple[Path, Texts]:
    snapshot = tmp_path / "snapshot.sqlite"
    reader = Texts(texts, SavedBoth(snapshot, key))
    assert words_file.write_both(snapshot, key, reader)
    return snapshot, reader


@settings(max_examples=80, deadline=None)
@given(TEXTS, st.lists(NEEDLES, min_size=1, max_size=5))
def test_the_index_finds_what_a_substring_test_finds(
        tmp_path_factory: pytest.TempPathFactory, texts: list[str], needles: list[str]) -> None:
    snapshot, reader = _written(tmp_path_factory.mktemp("words"), texts)
    saved = words_file.read(snapshot, "k", len(texts))
    assert saved is not None
    built = search_words.made_from(search_text.build(Texts(texts, SavedBoth(snapshot))))
    index = ColumnIndex(reader)  # type: ignore[arg-type]
    for needle in needles:
        folded = needle.casefold()
        assert search_words.indexable(folded.encode())
        for words in (saved, built):
            found = _found(words, folded)
            assert found is None or found == _expected(texts, folded), needle
        assert np.flatnonzero(index.search_mask(folded)).tolist() == _expected(texts, folded)
    assert reader.reads == len(texts)  # read once, by the writing; every answer from files


def test_common_words_are_bitmaps_and_rare_ones_lists() -> None:
    texts = [f"row {row} geneva" if row % 3 else f"talks {row}" for row in range(200)]
    builder = search_words.Builder()
    for block, lengths in search_text.sentence_blocks(Texts(texts)):
        builder.add(block, lengths)
    words = builder.words()
    codes = {words.text[int(a) : int(b) - 1]: i
             for i, (a, b) in enumerate(zip(words.heads[:-1], words.heads[1:], strict=True))}
    assert words.bitmap[codes[b"geneva"]] and words.bitmap[codes[b"talks"]]
    assert not words.bitmap[codes[b"17"]]
    for needle in ("geneva", "alk", "17", "1", "row", "zz"):
        assert _found(words, needle) == _expected(texts, needle), needle


def test_the_postings_read_are_bounded_by_the_rows() -> None:
    """Every word of many holds "e": more units than rows, so the scan answers instead."""
    texts = [" ".join(f"e{row}x{k}" for k in range(30)) for row in range(100)]
    words = search_words.made_from(search_text.build(Texts(texts)))
    assert words.matching_rows(b"e") is None  # 3,000 words: more than `MAX_WORDS`
    work: list[int] = []
    mask = words.matching_rows(b"e7x2", work)
    assert mask is not None and np.flatnonzero(mask).tolist() == _expected(texts, "e7x2")
    assert sum(work) <= len(texts)  # units read: one list row each, no more than the rows


def test_a_needle_with_other_bytes_is_not_for_the_index() -> None:
    for needle in ("in geneva", "talks.", "a-b", "\x00", ""):
        assert not search_words.indexable(needle.encode())
    for needle in ("geneva", "é", "ﬁ", "σς", "42"):
        assert search_words.indexable(needle.encode())


@pytest.mark.parametrize("damage", ["body", "header", "truncated", "text_sum", "key"])
def test_a_damaged_or_stale_index_is_not_used_and_is_made_again(
        tmp_path: Path, damage: str) -> None:
    texts = ["Talks in Geneva", "sanctions", "", "geneva talks resumed", "Σίσυφος"] * 7
    snapshot, reader = _written(tmp_path, texts)
    path = words_file.words_path(snapshot)
    good = path.read_bytes()
    data = bytearray(good)
    if damage == "body":
        data[-3] ^= 0x10
    elif damage == "header":
        data[20] ^= 0x01
    elif damage == "truncated":
        del data[-4:]
    elif damage == "text_sum":  # the buffer beside it saved again from another text
        other = Texts([*texts[:-1], "other"], SavedBoth(snapshot))
        assert search_file.write(search_file.search_path(snapshot), "k", other)
    path.write_bytes(bytes(data))
    key = "other" if damage == "key" else "k"
    if damage == "key":
        assert search_file.write(search_file.search_path(snapshot), key, reader)
    assert words_file.read(snapshot, key, len(texts)) is None
    texts_now = [*texts[:-1], "other"] if damage == "text_sum" else texts
    reader = Texts(texts_now, SavedBoth(snapshot, key))
    index = ColumnIndex(reader)  # type: ignore[arg-type]
    for needle in ("geneva", "σ", "talk", "other"):
        assert np.flatnonzero(index.search_mask(needle)).tolist() == _expected(texts_now,
                                                                               needle)
    index.search.finish()  # made on a thread of its own while the scan answered
    assert reader.text_of.word_saves == 1  # made again from the buffer, once, and saved
    assert words_file.read(snapshot, key, len(texts)) is not None
    assert np.flatnonzero(index.search_mask("geneva")).tolist() == _expected(texts_now,
                                                                           "geneva")
    words = index.search.words
    assert words is not None and words[0] is not None  # the next search takes it
    if damage in ("body", "header", "truncated"):
        assert path.read_bytes() == good


def test_a_missing_index_is_made_on_a_thread_and_the_scan_answers_meanwhile(
        tmp_path: Path) -> None:
    texts = ["Talks in Geneva", "sanctions", "geneva talks resumed"] * 5
    snapshot, reader = _written(tmp_path, texts)
    words_file.words_path(snapshot).unlink()
    index = ColumnIndex(reader)  # type: ignore[arg-type]
    release = threading.Event()
    made = search_words.made_from

    def slow(haystack: search_text.Haystack) -> search_words.Words:
        release.wait(10)
        return made(haystack)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_words, "made_from", slow)
        first = np.flatnonzero(index.search_mask("geneva")).tolist()
        assert first == _expected(texts, "geneva")  # answered while the index is made
        assert index.search.words is None and reader.text_of.word_saves == 0
        assert np.flatnonzero(index.search_mask("talk")).tolist() == _expected(texts, "talk")
        release.set()
        index.search.finish()
    assert reader.text_of.word_saves == 1  # one thread, however many searches meanwhile
    assert np.flatnonzero(index.search_mask("sanction")).tolist() == _expected(
        texts, "sanction")
    words = index.search.words
    assert words is not None and words[0] is not None


def test_an_index_made_before_a_sentence_changed_is_not_used(tmp_path: Path) -> None:
    texts = ["geneva talks", "sanctions"]
    snapshot, reader = _written(tmp_path, texts)
    words_file.words_path(snapshot).unlink()
    index = ColumnIndex(reader)  # type: ignore[arg-type]
    assert np.flatnonzero(index.search_mask("geneva")).tolist() == [0]
    index.search.finish()
    reader.texts[1] = "to geneva"
    reader.generation["text"] = 1
    index.changed({"text"})
    assert np.flatnonzero(index.search_mask("geneva")).tolist() == [0, 1]
    assert index.search.words == (None,)  # made from the text before: not used


def test_an_index_of_another_row_count_is_not_used(tmp_path: Path) -> None:
    snapshot, _ = _written(tmp_path, ["a b", "c"])
    assert words_file.read(snapshot, "k", 2) is not None
    assert words_file.read(snapshot, "k", 3) is None
    assert words_file.read(snapshot, "x", 2) is None


def test_a_changed_sentence_leaves_the_index_to_the_scan(tmp_path: Path) -> None:
    texts = ["geneva talks", "sanctions"]
    _, reader = _written(tmp_path, texts)
    index = ColumnIndex(reader)  # type: ignore[arg-type]
    assert np.flatnonzero(index.search_mask("geneva")).tolist() == [0]
    reader.texts[1] = "to geneva"
    reader.generation["text"] = 1
    index.changed({"text"})
    assert np.flatnonzero(index.search_mask("geneva")).tolist() == [0, 1]
    assert index.search.words == (None,)  # not trusted for the changed text


def test_an_open_from_the_snapshot_answers_a_word_from_the_index(tmp_path: Path) -> None:
    folder = copy_seeds(tmp_path / "seeds")
    cold = Session.open(folder, with_store=False)
    expected = {n: np.flatnonzero(cold.index.search_mask(n)).tolist()
                for n in ("talks", "geneva", "the", "e")}
    cold.close()
    warm = Session.open(folder)
    warm.attach_store(warm.store, [])
    for needle, rows in expected.items():
        assert np.flatnonzero(warm.index.search_mask(needle)).tolist() == rows
    words = warm.index.search.words
    assert words is not None and words[0] is not None and not words[0].body.flags.writeable
    warm.close()
