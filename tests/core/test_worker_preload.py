"""Extraction workers start from a fork server that has already built the bundled rules."""

from __future__ import annotations

import multiprocessing
import sys

import pytest

from viewer.core.pipeline import folder_extraction as extract


def _state() -> tuple[bool, int]:
    from viewer.core.timex.lexicon import bundled

    return "viewer.core.pipeline.worker_preload" in sys.modules, bundled.cache_info().misses


@pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods(),
                    reason="no fork server on this platform")
def test_workers_inherit_the_built_rules(tmp_path: object) -> None:
    with extract._executor(2, str(tmp_path), "stamp") as pool:
        preloaded, misses = pool.submit(_state).result(timeout=120)
    assert preloaded
    assert misses == 1  # built once, in the fork server, before the worker was forked


def test_preload_builds_every_bundled_rule_set() -> None:
    import viewer.core.pipeline.worker_preload as preload

    preload.warm()  # cached: a second call builds nothing and must not fail


@pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods(),
                    reason="no fork server on this platform")
def test_a_server_started_early_is_the_one_pools_use(tmp_path: object) -> None:
    import os
    from multiprocessing import forkserver

    from viewer.core.pipeline.worker_pools import start_fork_server

    assert start_fork_server()
    server = forkserver._forkserver._forkserver_pid  # type: ignore[attr-defined]
    with extract._executor(2, str(tmp_path), "stamp") as pool:
        preloaded, misses = pool.submit(_state).result(timeout=120)
        parent = pool.submit(os.getppid).result(timeout=120)
    assert forkserver._forkserver._forkserver_pid == server  # type: ignore[attr-defined]
    assert parent == server
    assert preloaded
    assert misses == 1
