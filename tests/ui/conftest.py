"""UI fixtures: a task runner per test that must end with no task left running."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from viewer.ui.tasks import TaskRunner


@pytest.fixture()
def runner(qtbot: object) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.cancel_all()
    assert task_runner.wait(10_000), "a background task was still running after the test"
