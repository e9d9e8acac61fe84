"""The app's open grows linearly with the number of files (counted in Python lines run)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.core.workcount import growth, lines_run
from viewer.core.session import cold_open

LINEAR = 4.6  # 4x the files; a little slack for fixed costs


def test_sidecar_entries_of_each_batch_are_looked_up_not_walked(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each in-process batch of 8 files walked the whole sidecar to pick its entries:
    a folder of 10,000 small files walked it 1,250 times (1.2 s of its open)."""
    handed: list[dict[str, dict[str, str]]] = []

    def fake_extract(folder: str, items: list[Any], side: dict[str, dict[str, str]],
                     stamp: str) -> object:
        handed.append(side)
        return None

    monkeypatch.setattr(cold_open, "extract_files", fake_extract)

    def work(copies: int) -> int:
        files = 200 * copies
        pending = [(f"f{k}".encode(), f"f{k}.txt", "", 10) for k in range(files)]
        sidecar = {f"f{k}.txt": {"date": "2024-06-01"} for k in range(files)}
        counter = [0]
        handed.clear()
        lines_run(lambda: cold_open.extract(
            "folder", pending, sidecar, "stamp", None, 1,
            lambda rel: rel.decode() + ".txt", lambda batch: None, lambda done: True), counter)
        assert sum(len(side) for side in handed) == files  # each file's entry, once
        return counter[0]

    assert growth(work) < LINEAR


def test_a_batch_gets_only_its_own_sidecar_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    handed: list[dict[str, dict[str, str]]] = []
    monkeypatch.setattr(cold_open, "extract_files",
                        lambda folder, items, side, stamp: handed.append(side))
    pending = [(f"f{k}".encode(), f"f{k}.txt", "", 10) for k in range(10)]
    sidecar = {"f1.txt": {"date": "2024-06-01"}, "f9.txt": {"date": "2024-06-02"},
               "other.txt": {"date": "2024-06-03"}}
    cold_open.extract("folder", pending, sidecar, "stamp", None, 1,
                      lambda rel: rel.decode() + ".txt", lambda batch: None, lambda done: True)
    assert handed == [{"f1.txt": {"date": "2024-06-01"}}, {"f9.txt": {"date": "2024-06-02"}}]
