"""Calls shared with forked children give what the calls give in this process, in order,
and a child that fails leaves its calls to this process instead of losing them."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

from viewer.core.pipeline.array_links import in_process
from viewer.core.session.fork_spread import can_fork, forked, forked_call

pytestmark = pytest.mark.skipif(not can_fork(), reason="no fork on this system")


def _square_and_pid(value: int) -> tuple[int, int]:
    return value * value, os.getpid()


@pytest.mark.parametrize("processes", [2, 3])
@pytest.mark.parametrize("count", [0, 1, 2, 7])
def test_results_in_call_order(processes: int, count: int) -> None:
    calls = [(k,) for k in range(count)]
    found = forked(processes)(_square_and_pid, calls)
    assert [value for value, _ in found] == [k * k for k in range(count)]
    pids = [pid for _, pid in found]
    # Share k mod processes: this process takes share 0, a child each of the others.
    assert all(pid == os.getpid() for pid in pids[::processes])
    if count >= 2:
        assert all(pid != os.getpid() for pid in pids[1::processes])


def test_one_process_runs_here() -> None:
    assert forked(1) is in_process


def _only_in(parent: int) -> Callable[[int], int]:
    """A call that fails in every process but `parent`."""

    def only_here(value: int) -> int:
        if os.getpid() != parent:
            raise RuntimeError("a child failed")
        return value + 1

    return only_here


def test_a_failing_child_leaves_its_calls_to_this_process() -> None:
    assert forked(2)(_only_in(os.getpid()), [(k,) for k in range(5)]) == [1, 2, 3, 4, 5]


def test_a_child_that_exits_early_is_run_again_here() -> None:
    parent = os.getpid()

    def exits(value: int) -> int:
        if os.getpid() != parent:
            os._exit(0)  # gone without a word: nothing on the pipe
        return -value

    assert forked(2)(exits, [(k,) for k in range(4)]) == [0, -1, -2, -3]


def test_an_error_here_leaves_no_child_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    parent = os.getpid()
    started: list[int] = []
    fork = os.fork

    def counted() -> int:
        pid = fork()
        if pid:
            started.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counted)

    def fails_here(value: int) -> int:
        if os.getpid() == parent:
            raise ValueError(value)
        return value

    with pytest.raises(ValueError):
        forked(3)(fails_here, [(k,) for k in range(4)])
    assert len(started) == 2
    for pid in started:  # each was waited for already
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def test_a_forked_call_gives_its_childs_result_once() -> None:
    result = forked_call(_square_and_pid, 7)
    value, pid = result()
    assert value == 49 and pid != os.getpid()
    assert result() == (value, pid)  # asked again: the same answer, no second child


def test_a_forked_call_whose_child_fails_is_run_here() -> None:
    assert forked_call(_only_in(os.getpid()), 4)() == 5


def test_a_forked_call_that_cannot_fork_is_run_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise OSError("no more processes")

    monkeypatch.setattr(os, "fork", no_fork)
    assert forked_call(_square_and_pid, 3)() == (9, os.getpid())
