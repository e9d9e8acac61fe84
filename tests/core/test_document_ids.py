"""A document's event ids from its path hashed once are the ids `normal_event_id` gives."""

from __future__ import annotations

import pytest

from viewer.core.events.reported_sentences import DocumentIds, normal_event_id


def test_document_ids_are_the_event_ids() -> None:
    for relpath in ("a.txt", "sub/2024 report.txt", "Genève/été.txt", ""):
        ids = DocumentIds(relpath)
        for normal, occurrence, part in (("Talks began.", 0, 0), ("Talks began.", 1, 0),
                                         ("“Non,” a dit le ministre — à Paris.", 0, 2),
                                         ("", 0, 0), ("x\x1fy", 12, 3)):
            assert ids.of(normal, occurrence, part) == normal_event_id(
                relpath, normal, occurrence, part)


def test_a_path_that_cannot_be_written_fails_only_when_an_id_is_made() -> None:
    """A path with an undecodable byte (kept as a lone surrogate) fails as before: at the
    first id, not for a document without events."""
    ids = DocumentIds("bad\udcff.txt")
    with pytest.raises(UnicodeEncodeError):
        ids.of("Talks began.", 0, 0)
    with pytest.raises(UnicodeEncodeError):
        normal_event_id("bad\udcff.txt", "Talks began.", 0, 0)
