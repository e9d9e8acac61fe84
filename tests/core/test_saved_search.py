"""The text search's buffer saved beside the snapshot: mapped, it finds exactly what the
buffer made in memory finds; a missing, stale or damaged file is never used (the buffer is
made again from the sentences and saved); an open from the snapshot maps it without reading a
sentence; its writing reads each sentence once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import copy_seeds
from tests.core.search_fakes import SavedBuffer, Texts
from viewer.core.session import Session, search_file, search_rows, search_text
from viewer.core.session.filtering import ColumnIndex

LETTERS = st.sampled_from(list("aAeEsSßẞİıiIéÉ ﬁ\x00🙂𝔊xX.ΣσςΩ"))
TEXTS = st.lists(st.text(LETTERS, max_size=12), max_size=40)
NEEDLES = st.text(LETTERS, min_size=1, max_size=4)


def _rows(index: ColumnIndex, needle: str) -> list[int]:
    found: list[int] = np.flatnonzero(index.search_mask(needle)).tolist()
    return found


@settings(max_examples=60, deadline=None)
@given(TEXTS, st.lists(NEEDLES, min_size=1, max_size=5))
def test_the_mapped_buffer_finds_what_a_substring_test_finds(
        tmp_path_factory: pytest.TempPathFactory, texts: list[str], needles: list[str]) -> None:
    path = tmp_path_factory.mktemp("saved") / "search.bin"
    assert search_file.write(path, "k", Texts(texts))
    built = search_text.build(Texts(texts))
    mapped = search_file.read(path, "k", len(texts))
    assert mapped is not None
    assert mapped.buffer.tobytes() == built.buffer.tobytes()
    assert mapped.length == built.length
    assert mapped.starts.tolist() == built.starts.tolist()
    assert mapped.histogram.tolist() == built.histogram.tolist()
    assert mapped.marks is not None and built.marks is not None
    assert mapped.marks.tolist() == built.marks.tolist()
    reader = Texts(texts, SavedBuffer(path))
    index = ColumnIndex(reader)  # type: ignore[arg-type]
    for needle in needles:
        folded = needle.casefold().strip()
        if folded:
            assert _rows(index, folded) == [
                row for row, text in enumerate(texts) if folded in text.casefold()], needle
    assert reader.reads == 0  # every answer from the file


def _saved(tmp_path: Path, texts: list[str]) -> Path:
    path = tmp_path / "search.bin"
    assert search_file.write(path, "k", Texts(texts))
    return path


TEXTS_FIXED = ["Talks in Geneva", "GENEVA: envoys met", "Straße", "", "Kyiv 🙂"] * 50


def _header(data: bytes | bytearray) -> dict[str, Any]:
    import json

    count = search_file._FIELDS.unpack(bytes(data[: search_file._FIELDS.size]))[1]
    about: dict[str, Any] = json.loads(bytes(data[search_file._FIELDS.size :][:count]))
    return about


@pytest.mark.parametrize("damage", ["flip text", "flip starts", "flip marks", "flip header",
                                    "truncate", "grow", "empty", "missing"])
def test_a_damaged_file_is_not_used_and_is_made_again(tmp_path: Path, damage: str) -> None:
    path = _saved(tmp_path, TEXTS_FIXED)
    data = bytearray(path.read_bytes())
    if damage == "flip text":
        data[search_file.HEAD + 3] ^= 0x20
    elif damage == "flip starts":
        data[_header(data)["starts_at"] + 5] ^= 1
    elif damage == "flip marks":  # the rows counted per block, the file's last part
        data[-3] ^= 1
    elif damage == "flip header":
        data[20] ^= 1
    elif damage == "truncate":
        data = data[:-4]
    elif damage == "grow":
        data += bytes(8)
    elif damage == "empty":
        data = bytearray()
    if damage == "missing":
        path.unlink()
    else:
        path.write_bytes(bytes(data))
    assert search_file.read(path, "k", len(TEXTS_FIXED)) is None
    reader = Texts(TEXTS_FIXED, SavedBuffer(path))
    index = ColumnIndex(reader)  # type: ignore[arg-type]
    assert _rows(index, "geneva") == [r for r, t in enumerate(TEXTS_FIXED) if "Geneva" in t
                                      or "GENEVA" in t]
    assert reader.reads == len(TEXTS_FIXED)  # made from the sentences
    assert reader.text_of is not None and reader.text_of.saves == 1  # and saved again
    assert search_file.read(path, "k", len(TEXTS_FIXED)) is not None


def test_a_file_of_the_format_before_is_read_with_its_rows_per_block_counted(
        tmp_path: Path) -> None:
    """A file written before the rows per block were saved (its magic, no marks in its
    header, the starts last) is still used, its matches' rows found by a binary search; a
    file of the new magic without them is not used."""
    import json
    import zlib

    path = _saved(tmp_path, TEXTS_FIXED)
    data = path.read_bytes()
    about = _header(data)
    rows = len(TEXTS_FIXED)
    end = about["starts_at"] + (rows + 1) * np.dtype(about["starts"]).itemsize
    older = {k: v for k, v in about.items() if k not in ("marks_at", "marks_sum")}

    def written(magic: bytes, head: dict[str, Any]) -> None:
        text = json.dumps(head).encode()
        fields = search_file._FIELDS.pack(magic, len(text), zlib.crc32(text)) + text
        body = data[: search_file.HEAD][len(fields) :]
        path.write_bytes(fields + bytes(len(body)) + data[search_file.HEAD : end])

    written(search_file.BEFORE, older)
    mapped = search_file.read(path, "k", rows)
    assert mapped is not None and mapped.marks is None
    for needle in ("geneva", "a", "🙂", "straße"):
        assert (search_rows.matching_rows(mapped, needle.encode(), rows).tolist()
                == search_rows.matching_rows(search_text.build(Texts(TEXTS_FIXED)),
                                             needle.encode(), rows).tolist()), needle
    written(search_file.MAGIC, older)
    assert search_file.read(path, "k", rows) is None


def test_a_file_of_another_folder_row_or_size_is_not_used(tmp_path: Path) -> None:
    path = _saved(tmp_path, TEXTS_FIXED)
    assert search_file.read(path, "other", len(TEXTS_FIXED)) is None
    assert search_file.read(path, "k", len(TEXTS_FIXED) - 1) is None
    assert search_file.read(path, "k", len(TEXTS_FIXED)) is not None


def test_a_change_of_what_a_sentence_is_drops_the_saved_buffer(tmp_path: Path) -> None:
    path = _saved(tmp_path, TEXTS_FIXED)
    reader = Texts(TEXTS_FIXED, SavedBuffer(path))
    index = ColumnIndex(reader)  # type: ignore[arg-type]
    assert len(_rows(index, "strasse")) == 50
    reader.texts = ["Kyiv"] * len(TEXTS_FIXED)  # the sentences the columns now give
    reader.generation["char_end"] = 1  # as `EventColumns.set_rows` counts an edit
    index.changed({"char_end"})
    assert len(_rows(index, "strasse")) == 0
    assert len(_rows(index, "kyiv")) == len(TEXTS_FIXED)
    assert reader.text_of is not None and reader.text_of.saves == 0  # nor saved over


def test_a_reload_naming_every_facet_field_keeps_the_saved_buffer(tmp_path: Path) -> None:
    """The window's store attach forgets every facet field, "document" among them, though
    no sentence changed: the saved buffer is mapped again, not made from the sentences."""
    path = _saved(tmp_path, TEXTS_FIXED)
    reader = Texts(TEXTS_FIXED, SavedBuffer(path))
    index = ColumnIndex(reader)  # type: ignore[arg-type]
    assert len(_rows(index, "kyiv")) == 50
    index.changed({"document", "parties", "topics"})
    assert len(_rows(index, "geneva")) == 100
    assert reader.reads == 0


@pytest.mark.parametrize("size", [0, 1, 3000, 9000])
def test_writing_reads_each_sentence_once(tmp_path: Path, size: int,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Operation counts, not time: one read per sentence, one `values` call per block."""
    monkeypatch.setattr(search_text, "BLOCK_ROWS", 1000)
    reader = Texts(["Gen\u00e8ve talks"] * size)
    calls = 0
    values = reader.values

    def counted(name: str, rows: Any) -> list[Any]:
        nonlocal calls
        calls += 1
        return values(name, rows)

    reader.values = counted  # type: ignore[method-assign]
    assert search_file.write(tmp_path / "search.bin", "k", reader)
    assert reader.reads == size
    assert calls == -(-size // 1000)
    mapped = search_file.read(tmp_path / "search.bin", "k", size)
    assert mapped is not None and mapped.length == (size * 14 - 1 if size else 0)


def test_an_open_from_the_snapshot_maps_the_saved_buffer(tmp_path: Path) -> None:
    folder = copy_seeds(tmp_path / "seeds")
    cold = Session.open(folder, with_store=False)
    expected = _rows(cold.index, "talks")
    cold.close()
    warm = Session.open(folder)
    assert warm.loaded.extracted == 0
    warm.attach_store(warm.store, [])  # as the window does, with every facet forgotten
    assert _rows(warm.index, "talks") == expected and expected
    assert warm.index.search.haystack is None  # the word index answered: no text mapped
    haystack = warm.index.search.text()
    assert not haystack.buffer.flags.writeable  # the file's pages
    assert haystack.buffer.tobytes() == search_text.build(warm.columns).buffer.tobytes()
    warm.close()


def test_byte_positions_block_by_block_are_the_whole_compare(monkeypatch: Any) -> None:
    """The rarest byte's positions found a block at a time are those of one compare over
    the whole buffer, across block edges and with a short last block."""
    import numpy as np

    from viewer.core.session import search_text

    rng = np.random.default_rng(7)
    buffer = rng.integers(0, 6, size=1_000 + 8, dtype=np.uint8)
    monkeypatch.setattr(search_text, "SCAN_BLOCK", 64)
    for length in (0, 1, 63, 64, 65, 999, 1_000):
        for byte in range(6):
            key = np.array([byte], dtype=np.uint8)
            got = search_text.positions_of(buffer, length, key)
            assert got.tolist() == np.flatnonzero(buffer[:length] == byte).tolist()
            for after in range(6):  # a pair: the second byte may lie past `length`
                key = np.array([byte, after], dtype=np.uint8)
                got = search_text.positions_of(buffer, length, key)
                assert got.tolist() == [p for p in range(length)
                                        if buffer[p] == byte and buffer[p + 1] == after]



@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=70), st.lists(st.integers(0, 70), max_size=6), st.data())
def test_the_text_sum_fed_in_pieces_is_that_of_the_whole_and_sees_a_flipped_bit(
        data: bytes, cuts: list[int], draw: st.DataObject) -> None:
    """The writer sums the text block by block, whatever the blocks' sizes; the reader sums
    the mapped buffer at once: the same number. One flipped bit changes it."""
    total = search_file.TextSum()
    at = 0
    for cut in sorted(min(cut, len(data)) for cut in cuts):
        total.add(data[at:cut])
        at = cut
    total.add(data[at:])
    assert total.value() == search_file.text_sum(np.frombuffer(data, dtype=np.uint8))
    if data:
        bit = draw.draw(st.integers(0, 8 * len(data) - 1))
        flipped = bytearray(data)
        flipped[bit // 8] ^= 1 << (bit % 8)
        assert search_file.text_sum(bytes(flipped)) != total.value()


def test_the_text_sum_is_the_words_sum_modulo_two_to_the_64() -> None:
    words = [2**64 - 1, 1, 0x0102030405060708]
    data = b"".join(w.to_bytes(8, "little") for w in words) + b"\x05"
    assert search_file.text_sum(data) == (sum(words) + 5) % 2**64


@pytest.mark.parametrize("share", [0.0, 1.0])
@settings(max_examples=40, deadline=None)
@given(TEXTS, st.lists(NEEDLES, min_size=1, max_size=5))
def test_a_scan_for_one_byte_or_a_pair_finds_what_a_substring_test_finds(
        share: float, texts: list[str], needles: list[str]) -> None:
    """Every needle scanned for a pair (any share of the text is common) and for its rarest
    byte alone (none is): the rows of a plain substring test either way."""
    saved = search_text.PAIR_SHARE
    search_text.PAIR_SHARE = share
    try:
        index = ColumnIndex(Texts(texts))  # type: ignore[arg-type]
        for needle in needles:
            folded = needle.casefold().strip()
            if folded:
                assert _rows(index, folded) == [
                    row for row, text in enumerate(texts) if folded in text.casefold()]
    finally:
        search_text.PAIR_SHARE = saved


def test_a_common_rarest_byte_is_scanned_with_its_rarer_neighbour() -> None:
    histogram = np.zeros(256, dtype=np.int64)
    for byte, count in zip(b"talks", (50, 40, 30, 20, 60), strict=True):
        histogram[byte] = count
    codes = np.frombuffer(b"talks", dtype=np.uint8)
    lead, key = search_text.scan_key(histogram, codes, length=1000)  # "k": 2 % of the text
    assert (lead, key.tobytes()) == (2, b"lk")  # "l" (30) is rarer than "s" (60)
    lead, key = search_text.scan_key(histogram, codes, length=10_000)  # "k": 0.2 %
    assert (lead, key.tobytes()) == (3, b"k")
    one = np.frombuffer(b"k", dtype=np.uint8)
    assert search_text.scan_key(histogram, one, 1000)[1].tobytes() == b"k"
    histogram[ord("k")] = 5
    lead, key = search_text.scan_key(histogram, codes[3:], length=100)  # "ks", "k" first
    assert (lead, key.tobytes()) == (0, b"ks")
