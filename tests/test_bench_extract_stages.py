"""The stage bench times extraction by putting timers around the stages `extract_document`
calls: every stage must come back as it was, and the stages' times must add up to the timed
run (the rest is the sentence loop)."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.extract_stages import _CALLED, _CALLERS, _METHODS, _timer_cost, measure

ROOT = Path(__file__).resolve().parents[1]


def test_the_stages_are_timed_and_put_back(tmp_path: Path) -> None:
    for path in sorted((ROOT / "seeds").glob("*.txt"))[:3]:
        shutil.copy(path, tmp_path / path.name)
    shutil.copy(ROOT / "seeds" / "timeline-viewer.ini", tmp_path / "timeline-viewer.ini")
    before = {(module, name): getattr(module, name)
              for module in _CALLERS for name in _CALLED if hasattr(module, name)}
    assert {name for _, name in before} == set(_CALLED)  # every stage has its caller
    before_methods = {(owner, name): getattr(owner, name) for owner, name, _ in _METHODS}
    out = measure(tmp_path, rounds=1)
    assert out["documents"] == 3
    assert {(module, name): getattr(module, name)
            for module in _CALLERS for name in _CALLED if hasattr(module, name)} == before
    assert {(owner, name): getattr(owner, name) for owner, name, _ in _METHODS} == before_methods
    stages = out["stages"]
    timed = sum(v for k, v in stages.items() if k not in ("extraction", "timed extraction"))
    assert abs(timed - stages["timed extraction"]) < 1e-6
    assert out["calls"]["people"] > 0 and out["mb_per_cpu_s"] > 0
    # the timers' time outside their clocks is a row of its own, not the loop's
    assert stages["timers, outside their clocks"] > 0


def test_the_timers_cost_is_what_an_empty_function_pays() -> None:
    """A call of an empty function through the timer costs more than a plain call, and the
    part outside the clock readings is under ten microseconds even on a loaded machine."""
    cost = _timer_cost(20_000)
    assert 0 < cost < 10e-6
