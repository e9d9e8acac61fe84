"""`extract --engine dask`: the same answer as the local engine, faults, incremental re-runs.

Everything runs on 127.0.0.1: one LocalCluster of two worker processes shared by the module,
plus one test with a separately started scheduler and two workers. Every wait is bounded.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from bench.corpus import write_corpus
from tests.conftest import copy_seeds
from viewer.cli import main
from viewer.core.dataset.reader import read_dataset, read_events
from viewer.core.pipeline import folder_topics
from viewer.core.pipeline.folder_extraction import FolderExtraction, extract_folder
from viewer.core.session import Session
from viewer.core.store.happening_links import link_events
from viewer.scale import driver, tasks
from viewer.scale.plan import expand_sources, make_plan

DATA = Path(__file__).resolve().parent / "data"
SMALL = 12 * 1024  # partitions of ~12 KB: many tasks from a small corpus


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with driver.connect(None, workers=2) as found:
        yield found


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, articles=40, seed=3)
    return folder


def _same(local: FolderExtraction, dataset: FolderExtraction) -> None:
    assert [e for e in dataset.events] == [e for e in local.events]
    assert [dataclasses.replace(d, path="") for d in dataset.documents] == [
        dataclasses.replace(d, path="") for d in local.documents]
    assert dataset.people == local.people
    assert dataset.timexes == local.timexes
    assert dataset.problems == local.problems
    assert dataset.ignored == local.ignored
    assert dataset.taxonomy.ids() == local.taxonomy.ids()
    assert dataset.taxonomy.topics == local.taxonomy.topics  # discovered ones are stored


def test_seeds_same_answer_as_local_engine(client: Any, tmp_path: Path) -> None:
    folder = copy_seeds(tmp_path / "seeds")
    summary = driver.run([str(folder)], tmp_path / "ds", client, target_bytes=2 * 1024,
                         stream=None)
    assert summary.partitions > 1
    local = extract_folder(folder, use_cache=False, workers=1)
    _same(local, read_dataset(tmp_path / "ds"))
    assert any(e.sources > 1 for e in local.events)  # clusters across sources are compared


def test_discovered_topics_conflicts_and_outcomes_same_as_local_engine(
        client: Any, tmp_path: Path) -> None:
    """The folder-wide steps that run as shuffles and reductions (topics discovered for the
    folder, near-date joins, disputes, reported dates, outcomes) give the local answer."""
    folder = tmp_path / "mixed"
    shutil.copytree(DATA / "steel_dispute", folder)
    (folder / "a.txt").write_text(
        "date 2026-01-20 Russian and Ukrainian negotiators are set to meet in Geneva for "
        "talks on a ceasefire on February 1.\n")
    (folder / "b.txt").write_text(
        "date 2026-02-02 Russian and Ukrainian negotiators held talks in Geneva on a "
        "ceasefire on February 1.\n")
    (folder / "c.txt").write_text(  # the same exchange a day apart: a disputed date
        "date 2026-03-05 Russia and Ukraine exchanged 84 prisoners of war at the Belarusian "
        "border on Tuesday, March 3, the defence ministry in Moscow said.\n")
    (folder / "d.txt").write_text(
        "date 2026-03-05 Russia and Ukraine exchanged 84 prisoners of war at the Belarusian "
        "border on Wednesday, March 4, Ukrainian officials said.\n")
    driver.run([str(folder)], tmp_path / "ds", client, target_bytes=1, stream=None)
    local = extract_folder(folder, use_cache=False, workers=1)
    _same(local, read_dataset(tmp_path / "ds"))
    assert any(t.origin == "discovered" for t in local.taxonomy.topics)
    assert any(e.outcome for e in local.events) and any(e.conflict for e in local.events)
    assert all(e.reported is not None for e in local.events)


def test_roles_bound_in_another_partition_same_as_local_engine(
        client: Any, tmp_path: Path) -> None:
    """"The mediators" bound in one partition's article and used alone in others' get the
    same parties as in the local engine (the registry's reduction carries the roles)."""
    folder = tmp_path / "roles"
    shutil.copytree(DATA / "story_roles", folder)
    summary = driver.run([str(folder)], tmp_path / "ds", client, target_bytes=1, stream=None)
    assert summary.partitions == summary.documents > 1
    local = extract_folder(folder, use_cache=False, workers=1)
    _same(local, read_dataset(tmp_path / "ds"))
    assert sum(1 for e in local.events if e.parties == ("Norway", "Oman")) == 2


def test_topics_discovered_by_map_reduce_are_the_local_ones(
        client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Partitions of several documents each discover the corpus's topics in three passes on
    the workers; the driver never reads a body sentence, and the topics (names, colours,
    cues) and every event's topics are the local engine's."""
    folder = tmp_path / "trade"
    shutil.copytree(DATA / "unseen" / "eu_china_trade", folder)
    local = extract_folder(folder, use_cache=False, workers=1)
    assert any(t.origin == "discovered" for t in local.taxonomy.topics)
    monkeypatch.setattr(folder_topics, "body_units", _no_text)  # in this process only
    summary = driver.run([str(folder)], tmp_path / "ds", client, target_bytes=5 * 1024,
                         stream=None)
    assert 1 < summary.partitions < summary.documents
    monkeypatch.undo()
    dataset = read_dataset(tmp_path / "ds")
    assert dataset.taxonomy.topics == local.taxonomy.topics
    _same(local, dataset)


def test_remembered_topics_are_the_local_ones(client: Any, tmp_path: Path) -> None:
    """A folder that remembers its discovered topics (here "exporters", whose top phrase is
    now "buyers") gets the same ids and colours from the cluster as from the local engine."""
    from tests.core.test_topic_identity import BUYERS

    folder = tmp_path / "steel"
    shutil.copytree(DATA / "steel_dispute", folder)
    Session.open(folder, workers=1).close()  # remembers the topics
    (folder / "04_buyers.txt").write_text(BUYERS)
    driver.run([str(folder)], tmp_path / "ds", client, target_bytes=1, stream=None)
    local = extract_folder(folder, use_cache=False, workers=1)
    assert "exporters" in local.taxonomy.ids() and "buyers" not in local.taxonomy.ids()
    dataset = read_dataset(tmp_path / "ds")
    assert dataset.taxonomy.topics == local.taxonomy.topics
    _same(local, dataset)


def _no_text(documents: object) -> list[folder_topics.Unit]:
    raise AssertionError("the driver read the corpus's sentences")


class _Received:
    """Every result the driver receives from the cluster (gathered or read from a future),
    walked for the strings and the kinds of objects in it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import distributed

        self.strings: set[str] = set()
        self.kinds: set[str] = set()
        gather, result = distributed.Client.gather, distributed.Future.result

        def gathered(client: Any, *args: Any, **kwargs: Any) -> Any:
            return self.walk(gather(client, *args, **kwargs))

        def resulted(future: Any, *args: Any, **kwargs: Any) -> Any:
            return self.walk(result(future, *args, **kwargs))

        monkeypatch.setattr(distributed.Client, "gather", gathered)
        monkeypatch.setattr(distributed.Future, "result", resulted)

    def walk(self, found: Any) -> Any:
        todo = [found]
        while todo:
            item = todo.pop()
            if isinstance(item, str):
                self.strings.add(item)
            elif isinstance(item, dict):
                todo.extend(item.keys())
                todo.extend(item.values())
            elif isinstance(item, (list, tuple, set, frozenset)):
                todo.extend(item)
            elif dataclasses.is_dataclass(item):
                self.kinds.add(type(item).__name__)
                todo.extend(getattr(item, f.name) for f in dataclasses.fields(item))
            else:
                self.kinds.add(type(item).__name__)
        return found


def test_generated_corpus_same_answer_and_incremental(
        client: Any, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "ds"
    received = _Received(monkeypatch)
    first = driver.run([str(corpus)], out, client, target_bytes=SMALL, stream=None)
    monkeypatch.undo()
    assert first.partitions >= 4 and first.extracted == first.partitions
    local = extract_folder(corpus, use_cache=False, workers=1)
    dataset = read_dataset(out)
    _same(local, dataset)
    # The driver receives counts, names and the people registry: never an event (nor its
    # id: no linked pair, no cluster) and never a person's mention.
    assert received.strings and not received.strings & {e.id for e in local.events}
    assert not received.kinds & {"Event", "PersonMention"}
    assert sum(e.sources > 1 for e in local.events) > 10
    assert sum(bool(e.people) for e in local.events) > 10
    assert sum(bool(e.conflict) for e in local.events) > 5  # disputes, found by cluster
    assert sum(e.first_reported != e.last_reported for e in local.events) > 10
    assert {p.kind for p in dataset.problems} >= {"binary", "empty"}

    again = driver.run([str(corpus)], out, client, target_bytes=SMALL, stream=None)
    assert again.extracted == 0  # nothing changed: no partition is extracted again
    _same(local, read_dataset(out))

    changed = next(corpus.rglob("*.txt"))
    changed.write_text(changed.read_text() + "\nOn Monday, Kyiv said the talks had failed.\n")
    third = driver.run([str(corpus)], out, client, target_bytes=SMALL, stream=None)
    assert third.extracted == 1
    _same(extract_folder(corpus, use_cache=False, workers=1), read_dataset(out))


def test_a_worker_killed_mid_run(client: Any, corpus: Path, tmp_path: Path) -> None:
    pids = list(client.run(os.getpid).values())
    assert len(pids) == 2
    killed: list[int] = []

    def kill(count: int) -> None:
        if count == 1:
            os.kill(pids[0], signal.SIGKILL)
            killed.append(pids[0])

    summary = driver.run([str(corpus)], tmp_path / "ds", client, target_bytes=SMALL // 2,
                         stream=None, on_extracted=kill)
    assert killed and summary.partitions >= 6
    dataset = read_dataset(tmp_path / "ds")
    relpaths = [d.relpath for d in dataset.documents]
    assert len(relpaths) == len(set(relpaths))  # every document exactly once
    _same(extract_folder(corpus, use_cache=False, workers=1), dataset)
    client.wait_for_workers(2, timeout=60)  # the nanny restarts it for the next tests


def test_a_failing_file_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = copy_seeds(tmp_path / "seeds")
    part = make_plan(expand_sources([str(folder)])).partitions[0]
    real = tasks.extract_one

    def flaky(folder: str, path: str, *args: Any) -> Any:
        if path.endswith("002_8df9e0d371d214c9.txt"):
            raise RuntimeError("a bug")
        return real(folder, path, *args)

    monkeypatch.setattr(tasks, "extract_one", flaky)
    summary = tasks.extract_partition(str(tmp_path / "ds"), part)
    assert (summary["documents"], summary["problems"]) == (4, 1)
    from viewer.core.dataset.tables import problems_from_table, read_table

    problems = problems_from_table(read_table(
        tmp_path / "ds" / "problems" / f"part-{part.id}.parquet"))
    assert [(p.path, p.kind) for p in problems] == [("002_8df9e0d371d214c9.txt", "error")]


def test_commands_open_a_dataset(client: Any, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    folder = copy_seeds(tmp_path / "seeds")
    driver.run([str(folder)], tmp_path / "ds", client, stream=None)
    for target, name in ((folder, "folder.jsonl"), (tmp_path / "ds", "dataset.jsonl")):
        assert main(["export", str(target), "--topic", "strikes", "--format", "jsonl",
                     "-o", str(tmp_path / name)]) == 0
    assert (tmp_path / "folder.jsonl").read_bytes() == (tmp_path / "dataset.jsonl").read_bytes()
    capsys.readouterr()
    assert main(["docs", str(folder)]) == 0
    listing = capsys.readouterr().out
    assert listing.splitlines()[-1] == "5 documents, 0 skipped, 0 other files ignored"
    shutil.copytree(tmp_path / "ds", tmp_path / "no-events")
    shutil.rmtree(tmp_path / "no-events" / "events")  # a listing of documents reads none
    for dataset in (tmp_path / "ds", tmp_path / "no-events"):
        assert main(["docs", str(dataset)]) == 0
        assert capsys.readouterr().out == listing
    opened = Session.open(tmp_path / "ds", with_store=False)
    assert not opened.documents.known  # type: ignore[attr-defined]  # read when shown
    assert opened.columns.events() == Session.open(folder, with_store=False).columns.events()
    table = read_events(tmp_path / "ds", columns=["id", "start"], months=["2026-02"])
    assert table is not None and table.column_names == ["id", "start"]
    assert {d.strftime("%Y-%m") for d in table.column("start").to_pylist()} == {"2026-02"}


def test_unreachable_scheduler_is_one_line(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["extract", str(tmp_path), "--engine", "dask", "--scheduler",
                 "tcp://127.0.0.1:9", "--timeout", "1", "-o", str(tmp_path / "ds")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "cannot reach the Dask scheduler" in err
    assert not (tmp_path / "ds").exists()


def test_output_that_is_not_a_dataset_is_refused(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    folder = copy_seeds(tmp_path / "seeds")
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "thesis.md").write_text("mine")
    for target in ("notes.txt", "full"):
        code = main(["extract", str(folder), "--engine", "dask", "--workers", "1",
                     "-o", str(tmp_path / target)])
        assert code == 2 and "is not an event dataset" in capsys.readouterr().err
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert sorted(p.name for p in (tmp_path / "full").iterdir()) == ["thesis.md"]


def _scheduler_address(path: Path, seconds: float) -> str:
    """The address in the scheduler's file, once the file is whole: the scheduler creates it
    before it has written it, so on a loaded machine a read can see it empty or cut short."""
    import json

    deadline = time.monotonic() + seconds
    while True:
        try:
            return str(json.loads(path.read_text())["address"])
        except (OSError, ValueError, KeyError):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{path.name} was not written in {seconds} s") from None
            time.sleep(0.1)


def test_separate_scheduler_and_workers(tmp_path: Path) -> None:
    dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    worker = [sys.executable, "-m", "distributed.cli.dask_worker"]
    info = tmp_path / "scheduler.json"
    env = {**os.environ, "DASK_DISTRIBUTED__LOGGING__DISTRIBUTED": "error"}
    procs = [subprocess.Popen([*dask, "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                               "--scheduler-file", str(info)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        address = _scheduler_address(info, 30)
        for _ in range(2):
            procs.append(subprocess.Popen(
                [*worker, address, "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"],
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        from distributed import Client

        with Client(address, timeout="30s") as probe:
            probe.wait_for_workers(2, timeout=60)
        folder = copy_seeds(tmp_path / "seeds")
        done = subprocess.run(
            [sys.executable, "-m", "viewer", "extract", str(folder), "--engine", "dask",
             "--scheduler", address, "--partition-mb", "0.01", "-o", str(tmp_path / "ds")],
            capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert "5 documents" in done.stderr and "extract" in done.stderr
        _same(extract_folder(folder, use_cache=False, workers=1), read_dataset(tmp_path / "ds"))
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)


def test_bench_synthetic_dataset_opens(tmp_path: Path) -> None:
    from bench.dask_engine import synthetic_dataset

    synthetic_dataset(500, tmp_path / "ds")
    opened = read_dataset(tmp_path / "ds")
    assert len(opened.events) == 500 and opened.documents
    assert sorted(e.id for e in opened.events) == [f"{i:012x}" for i in range(500)]


def test_several_sources_and_an_empty_one(client: Any, tmp_path: Path) -> None:
    copy_seeds(tmp_path / "in" / "a")
    copy_seeds(tmp_path / "in" / "b")
    (tmp_path / "in" / "c").mkdir()
    summary = driver.run([str(tmp_path / "in" / "*")], tmp_path / "ds", client, stream=None)
    assert summary.documents == 10
    dataset = read_dataset(tmp_path / "ds")
    assert {d.relpath.split("/")[0] for d in dataset.documents} == {"a", "b"}
    ids = [e.id for e in dataset.events]
    assert len(ids) == len(set(ids))  # the folder's name is part of every id
    pairs = {e.cluster for e in dataset.events if e.document.startswith("a/")} & {
        e.cluster for e in dataset.events if e.document.startswith("b/")}
    assert pairs  # the same story in two sources is one cluster
    empty = driver.run([str(tmp_path / "in" / "c")], tmp_path / "empty", client, stream=None)
    assert (empty.documents, empty.events) == (0, 0)
    assert read_dataset(tmp_path / "empty").events == ()


def test_the_corpus_dates_an_article_without_a_year(client: Any, tmp_path: Path) -> None:
    folder = copy_seeds(tmp_path / "seeds")
    (folder / "zz-dock.txt").write_text(
        "Dock talks stall\n\nKYIV, February 17 — Ukraine and Russia broke off talks on "
        "Tuesday, officials said.\n", encoding="utf-8")
    first = driver.run([str(folder)], tmp_path / "ds", client, target_bytes=2 * 1024,
                       stream=None)
    assert first.partitions > 1
    local = extract_folder(folder, use_cache=False, workers=1)
    doc = next(d for d in local.documents if d.relpath == "zz-dock.txt")
    assert doc.date is not None  # the local engine dates it from the other articles' years
    _same(local, read_dataset(tmp_path / "ds"))
    again = driver.run([str(folder)], tmp_path / "ds", client, target_bytes=2 * 1024,
                       stream=None)
    assert again.extracted == 0
    _same(local, read_dataset(tmp_path / "ds"))


def test_a_dataset_merges_the_analysts_links(client: Any, tmp_path: Path) -> None:
    """A link made on an event dataset is stored with its other corrections and merged on
    every open, as on a folder (the Session is the one merge path)."""
    folder = copy_seeds(tmp_path / "seeds")
    driver.run([str(folder)], tmp_path / "ds", client, stream=None)
    opened = Session.open(tmp_path / "ds")
    assert opened.store is not None
    events = opened.events()
    talks = next(e for e in events if e.document.endswith(".txt") and "Istanbul" in e.text
                 and "did not go" in e.text)
    earlier = next(e for e in events if e.text.startswith("Previous direct talks in Istanbul"))
    opened.perform(link_events(opened.store, [talks, earlier]), [talks, earlier])
    opened.close()
    again = Session.open(tmp_path / "ds")
    linked = [e for e in again.events() if e.id in {talks.id, earlier.id}]
    assert {(e.cluster, e.sources) for e in linked} == {(min(talks.id, earlier.id), 2)}
    again.close()
