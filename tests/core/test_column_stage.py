"""The folder stage over columns gives the events the object stage gives, event for event, and
its loops grow linearly with the folder (counted in Python lines, never timed)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from bench.corpus import write_corpus
from tests.conftest import ROOT, copy_seeds
from tests.core.workcount import growth, lines_run
from viewer.core.events.people import PersonMention
from viewer.core.pipeline.array_links import (
    LinkInput,
    Sets,
    cluster_pairs,
    components,
    near_pairs,
)
from viewer.core.pipeline.coded_lists import CodedLists
from viewer.core.pipeline.conflicts import load_rules
from viewer.core.pipeline.document_summary import mention_key
from viewer.core.pipeline.folder_extraction import extract_folder
from viewer.core.pipeline.people_codes import resolve_mentions
from viewer.core.pipeline.people_reduce import learn_partition
from viewer.core.session import Session, column_stage
from viewer.core.session import extracting_load as loading

LINEAR = 4.6


def _same_as_object_stage(folder: Path, workers: int = 1) -> Session:
    expected = extract_folder(folder, workers=1, use_cache=False)
    session = Session.open(folder, workers=workers, use_snapshot=False, with_store=False)
    got = session.columns.events()
    assert len(got) == len(expected.events)
    for new, old in zip(got, expected.events, strict=True):
        assert new == old
    assert dict(session.loaded.people) == expected.people
    assert session.loaded.topics.ids() == expected.taxonomy.ids()
    assert [session.documents[r] for r in session.loaded.order] == list(expected.documents)
    return session


def test_seeds(tmp_path: Path) -> None:
    _same_as_object_stage(copy_seeds(tmp_path / "seeds")).close()


def test_a_story_that_discovers_its_topics(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    shutil.copytree(ROOT / "tests" / "data" / "unseen" / "yemen-cholera", folder)
    session = _same_as_object_stage(folder)
    assert any(t.origin == "discovered" for t in session.loaded.topics.topics)
    session.close()


@pytest.mark.parametrize("workers", [1, 2])
def test_roles_a_story_binds_in_one_article(tmp_path: Path, workers: int) -> None:
    """"The mediators" of one article named in another: the columns learn the role from the
    documents' summaries as the object stage does, in one process or with workers."""
    folder = tmp_path / "roles"
    shutil.copytree(ROOT / "tests" / "data" / "story_roles", folder)
    for copy in range(8):  # enough files for the worker processes to take part
        (folder / f"more_{copy}.txt").write_text(
            "Date: 2026-05-0" + str(copy + 1) + "\n\nThe mediators met both delegations in "
            "Oslo on Monday.\n")
    session = _same_as_object_stage(folder, workers=workers)
    assert ("Norway", "Oman") in {e.parties for e in session.columns.events()}
    session.close()


@pytest.mark.parametrize("workers", [1, 2])
def test_a_generated_corpus(tmp_path: Path, workers: int, monkeypatch: pytest.MonkeyPatch
                            ) -> None:
    """Clusters across articles, disputes, outcomes, people and bad files; with two workers
    the tasks' columns join in folder order, and the workers link stretches of events.
    People are resolved a few events at a time (as a large folder's are)."""
    monkeypatch.setattr(loading, "STAGE_POOL_FROM", 0)
    monkeypatch.setattr(column_stage, "PEOPLE_CHUNK", 7)
    folder = tmp_path / "corpus"
    write_corpus(folder, 60, seed=3)
    session = _same_as_object_stage(folder, workers)
    assert int(np.max(session.columns.arrays["sources"])) >= 2
    session.close()


def test_a_small_folder_links_in_the_extraction_workers(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    """Below `STAGE_POOL_FROM` the open's stage shares go to the extraction's workers (not
    this process, not fresh workers); the events are those of one process, field for field."""
    used: list[object] = []
    spread_over = loading.spread_over

    def recorded(pool: object) -> object:
        used.append(pool)
        return spread_over(pool)  # type: ignore[arg-type]

    monkeypatch.setattr(loading, "spread_over", recorded)
    monkeypatch.setattr(loading, "stage_pool", _no_fresh_pool)
    folder = tmp_path / "corpus"
    write_corpus(folder, 60, seed=5)
    one = Session.open(folder, workers=1, use_snapshot=False, with_store=False)
    assert not used  # one process: no pool
    session = _same_as_object_stage(folder, workers=2)
    assert len(used) == 1
    assert session.columns.events() == one.columns.events()
    assert int(np.max(session.columns.arrays["sources"])) >= 2  # clusters were linked
    one.close()
    session.close()


def _no_fresh_pool(*args: object) -> None:
    raise AssertionError("a small folder's stage started fresh workers")


def test_a_folder_without_an_article(tmp_path: Path) -> None:
    """Found by the hostile-folder fuzz test: no document gave no vocabulary to join."""
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    session = Session.open(tmp_path, workers=1, use_snapshot=False, with_store=False)
    assert session.size == 0 and [p.kind for p in session.problems] == ["binary"]
    session.close()


def test_columns_join_around_a_part_without_rows(tmp_path: Path) -> None:
    """A document without an event is a part of no rows; joining used to read the previous
    part's last offset from it and failed."""
    from viewer.core.session.columns import EventColumns

    events = extract_folder(copy_seeds(tmp_path / "seeds"), workers=1, use_cache=False).events
    parts = [EventColumns.build(list(events[:3]), _text), EventColumns.build([], _text),
             EventColumns.build(list(events[3:5]), _text)]
    joined = EventColumns.concat(parts, _text)
    assert [e.parties for e in joined.events()] == [e.parties for e in events[:5]]


def _text(relpath: str, start: int, end: int) -> str:
    return ""


def _link_input(copies: int) -> LinkInput:
    """Ten events a day from five articles, over 30 × copies days, all on one topic, with
    similar wording: every event is compared with its neighbours within the caps."""
    size = 300 * copies
    rows = np.arange(size)
    start = (738000 + rows // 10).astype(np.int32)
    topics = Sets(np.zeros(size, dtype=np.int32), np.arange(size + 1, dtype=np.int64))
    parties = Sets(np.zeros(0, dtype=np.int32), np.zeros(size + 1, dtype=np.int64))
    words = Sets((np.stack([rows % 7, 7 + rows % 5, 12 + rows % 3], axis=1).ravel()).astype(
        np.int32), np.arange(0, 3 * size + 1, 3, dtype=np.int64))
    return LinkInput(start, start + 1, (rows // 2).astype(np.int32), topics, parties, words)


def test_linking_arrays_is_linear() -> None:
    rules = load_rules()

    def work(copies: int) -> int:
        data = _link_input(copies)
        counter = [0]
        everyone = np.ones(len(data.start), dtype=bool)

        def run() -> None:
            pairs = cluster_pairs(data, everyone)
            label = components(len(data.start), [pairs])
            near_pairs(data, everyone, everyone, label, rules)

        lines_run(run, counter)
        return counter[0]

    assert growth(work) < LINEAR


@pytest.mark.parametrize("pieces", [2, 7])
def test_stretches_give_the_pairs_of_one_scan(pieces: int) -> None:
    data = _link_input(3)
    everyone = np.ones(len(data.start), dtype=bool)
    some = np.arange(len(data.start)) % 5 == 0
    for owners in (None, some):
        whole = cluster_pairs(data, everyone, owners)
        assert len(whole) and np.array_equal(whole, cluster_pairs(data, everyone, owners,
                                                                  pieces=pieces))
        label = np.arange(len(data.start), dtype=np.int64)  # each its own cluster
        whole = near_pairs(data, everyone, everyone, label, load_rules(), owners)
        split = near_pairs(data, everyone, everyone, label, load_rules(), owners,
                           pieces=pieces)
        assert len(whole) and np.array_equal(whole, split)


def test_components_are_the_smallest_row_of_each_group() -> None:
    pairs = np.array([[5, 2], [2, 7], [0, 9], [9, 3], [8, 8]], dtype=np.int64)
    assert components(10, [pairs]).tolist() == [0, 1, 2, 0, 4, 2, 6, 2, 8, 0]
    chain = np.stack([np.arange(1, 50), np.arange(0, 49)], axis=1)
    assert set(components(50, [chain[::-1]]).tolist()) == {0}


def test_mentions_resolve_once_each_and_linearly() -> None:
    def work(copies: int) -> int:
        named = [PersonMention(0, 9, (f"Ann{k % 40}", f"Lee{k % 40}"), True, "Kenya")
                 for k in range(20 * copies)]
        learned = [learn_partition(None, [(f"d{k}", False, [m])]) for k, m in enumerate(named)]
        mentions = CodedLists.of([[mention_key(m), mention_key(PersonMention(
            0, 3, (m.tokens[-1],), False))] for m in named])
        counter = [0]
        found: list[object] = []
        lines_run(lambda: found.append(resolve_mentions(None, learned, mentions)), counter)
        resolved = found[0]
        assert len(resolved.answers) == 2 * len(named)  # type: ignore[attr-defined]
        assert len(resolved.people) == min(40, len(named))  # type: ignore[attr-defined]
        return counter[0]

    assert growth(work) < LINEAR


def test_a_share_of_rows_sent_without_its_text(tmp_path: Path) -> None:
    """The disputes' shares go to the workers as the members' columns (`take` of some
    fields), read into values there: the values are those of the whole columns' rows, the
    share pickles without the folder's text, and asks for none."""
    import pickle

    from viewer.core.session.column_rows import take
    from viewer.core.session.stage_marks import _READ

    session = Session.open(copy_seeds(tmp_path / "seeds"), use_snapshot=False,
                           with_store=False)
    columns = session.columns
    rows = np.array([5, 0, 3, columns.size - 1], dtype=np.int64)
    share = pickle.loads(pickle.dumps(take(columns, rows, _READ)))
    every = np.arange(len(rows), dtype=np.int64)
    for name in _READ:
        assert share.values(name, every) == columns.values(name, rows)
    assert set(share.arrays) | set(share.ragged) <= set(_READ)
    with pytest.raises(LookupError):
        share.text_of("any.txt", 0, 1)
    session.close()
