"""Reopening a folder after a change builds on the last open's folder stage (its columns as
extracted, what each mention named, the pairs it linked) and gives what a fresh open gives;
the linking and dispute work it redoes follows the change, not the folder (counted in Python
lines, never timed)."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bench.corpus import write_corpus
from tests.core.workcount import lines_run
from viewer.core.session import Session, column_stage
from viewer.core.session import extracting_load as loading


def _spied(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each stage ran on the last one."""
    built: list[bool] = []
    stage = loading.stage_columns

    def spy(*args: Any) -> Any:
        built.append(args[4] is not None)
        return stage(*args)

    monkeypatch.setattr(loading, "stage_columns", spy)
    return built


def _same_as_fresh(folder: Path, session: Session) -> None:
    fresh = Session.open(folder, workers=1, use_snapshot=False, with_store=False)
    assert session.columns.events() == fresh.columns.events()
    assert dict(session.loaded.people) == dict(fresh.loaded.people)
    assert session.loaded.topics.ids() == fresh.loaded.topics.ids()
    assert session.problems == fresh.problems
    fresh.close()


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as fh:
        fh.write(text)


def _articles(folder: Path) -> list[Path]:
    return sorted(folder.rglob("article-*.txt"))


CHANGES: dict[str, Callable[[Path], None]] = {
    "a sentence added": lambda f: _append(_articles(f)[7], (
        "\n\nForeign Minister Anna Berg said talks on a ceasefire resumed in Geneva on "
        "3 March 2023, and five prisoners were released on 4 March 2023.\n")),
    "an article removed": lambda f: _articles(f)[11].unlink(),
    "an article copied": lambda f: shutil.copy(_articles(f)[3],
                                               _articles(f)[3].with_name("article-copy.txt")),
    "an article emptied": lambda f: _articles(f)[5].write_text("Nothing here.\n"),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_reopen_after_a_change_is_a_fresh_open(tmp_path: Path, change: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "corpus"
    write_corpus(folder, 50, seed=4)
    Session.open(folder, workers=1, with_store=False).close()
    built = _spied(monkeypatch)
    CHANGES[change](folder)
    session = Session.open(folder, workers=1, with_store=False)
    assert built == [True] and session.loaded.extracted <= 1
    _same_as_fresh(folder, session)
    session.close()
    CHANGES["a sentence added"](folder)  # and again, on what this open left
    session = Session.open(folder, workers=1, with_store=False)
    assert built[-1] is True  # (the fresh open in between did the whole stage)
    _same_as_fresh(folder, session)
    session.close()


def test_a_new_folder_topic_redoes_the_whole_stage(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Topics that fit the folder come from every document: when they change, every event's
    topics may, and the stage starts from the columns as extracted."""
    folder = tmp_path / "corpus"
    write_corpus(folder, 30, seed=2)
    Session.open(folder, workers=1, with_store=False).close()
    built = _spied(monkeypatch)
    for path in _articles(folder)[:20]:
        path.write_text(f"date 2023-05-0{1 + len(path.name) % 9}\nSecurity guarantees were "
                        "discussed in Kyiv on 2 May 2023, officials said.\n")
    session = Session.open(folder, workers=1, with_store=False)
    assert built == [False]
    _same_as_fresh(folder, session)
    session.close()


ARTICLE = ("date {day}\nRussia and Ukraine held ceasefire talks in Geneva on {day}, "
           "officials said.\n\n{n} prisoners were exchanged near Kharkiv on {day}, the "
           "ministry said.\n\nForeign Minister Dmytro Kuleba said more talks on a ceasefire "
           "would follow on {later}.\n")


def _folder(root: Path, months: int) -> Path:
    """Two articles a month, each month on its own days: the folder grows, the days near
    any one article stay as crowded."""
    root.mkdir()
    for m in range(months):
        day = dt.date(2001 + m // 12, 1 + m % 12, 10)
        for k in range(2):
            (root / f"article-{m:03d}-{k}.txt").write_text(ARTICLE.format(
                day=day.isoformat(), later=(day + dt.timedelta(days=3)).isoformat(), n=5 + k))
    return root


def _counting(step: Callable[..., Any], counter: list[int]) -> Callable[..., Any]:
    def counted(*args: Any) -> Any:
        found: list[Any] = []
        lines_run(lambda: found.append(step(*args)), counter)
        return found[0]

    return counted


def _relink_work(tmp_path: Path, months: int, monkeypatch: pytest.MonkeyPatch) -> int:
    folder = _folder(tmp_path / f"f{months}", months)
    Session.open(folder, workers=1, with_store=False).close()
    _append(folder / f"article-{months // 2:03d}-0.txt", "\nThe talks ended on that day.\n")
    counter = [0]
    for name in ("link", "disputes"):
        monkeypatch.setattr(column_stage, name, _counting(getattr(column_stage, name), counter))
    session = Session.open(folder, workers=1, with_store=False)
    monkeypatch.undo()
    _same_as_fresh(folder, session)
    session.close()
    return counter[0]


def test_relinking_follows_the_change_not_the_folder(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    small = _relink_work(tmp_path, 12, monkeypatch)
    large = _relink_work(tmp_path, 48, monkeypatch)
    assert large < 1.5 * small  # four times the folder; the whole stage grows fourfold


def test_a_damaged_memory_is_never_built_on(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    folder = tmp_path / "corpus"
    write_corpus(folder, 20, seed=6)
    Session.open(folder, workers=1, with_store=False).close()
    db = sqlite3.connect(folder / ".timeline-viewer" / "snapshot.sqlite")
    name, data = db.execute("SELECT name, data FROM arrays WHERE owner = 'memory' "
                            "AND name = 'answers'").fetchone()
    db.execute("UPDATE arrays SET data = ? WHERE owner = 'memory' AND name = ?",
               (bytes(b ^ 0x5A for b in data) or b"\x01", name))
    db.commit()
    db.close()
    built = _spied(monkeypatch)
    CHANGES["a sentence added"](folder)
    session = Session.open(folder, workers=1, with_store=False)
    assert built == [False]
    _same_as_fresh(folder, session)
    session.close()
