"""The bench's split of the `extract` command's main process into steps."""

from __future__ import annotations

import time
from pathlib import Path

from bench.corpus import write_corpus
from bench.open_cost import _Steps, command_once
from viewer.cli import main as cli
from viewer.core.session import extracting_load as loading


def _busy(seconds: float) -> None:
    until = time.process_time() + seconds
    while time.process_time() < until:
        pass


def test_a_step_inside_another_is_charged_to_the_inner_one_only() -> None:
    """Exclusive: the outer step's figure would otherwise count the inner one's CPU twice
    and the shares would add up to more than the whole."""
    steps = _Steps()
    inner = steps.wrap("inner", lambda: _busy(0.1))

    def outer_work() -> None:
        _busy(0.05)
        inner()

    outer = steps.wrap("outer", outer_work)
    steps.start()
    outer()
    steps.close()
    assert steps.main["inner"] >= 0.1
    assert 0.05 <= steps.main["outer"] < 0.1
    assert sum(steps.main.values()) < 0.2


def test_the_steps_add_up_to_the_main_process_and_leave_the_output_alone(
        tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    write_corpus(folder, 24, seed=7)
    staged = loading.stage_columns
    found = command_once(str(folder), 1, str(tmp_path / "measured.json"))
    assert loading.stage_columns is staged  # the functions are put back
    steps = found["steps_cpu_s"]
    assert {"start_up", "folder_list", "extraction_wait_receive", "folder_stage",
            "write_output"} <= set(steps)
    assert abs(sum(steps.values()) - found["start_up_cpu_s"] - found["main_cpu_s"]) < 0.05
    assert abs(sum(found["steps_share"].values()) - (
        found["all_cpu_s"] - found["children_cpu_s"]) / found["all_cpu_s"]) < 1e-6
    assert found["largest_step_share"] == max(found["steps_share"].values())
    cli(["extract", str(folder), "--no-cache", "--workers", "1", "-o",
         str(tmp_path / "plain.json")])
    assert (tmp_path / "measured.json").read_bytes() == (tmp_path / "plain.json").read_bytes()
