"""Topic discovery as three passes over partitions gives exactly `discover` on the folder."""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.core.workcount import growth, lines_run
from viewer.core.events.topics import Taxonomy, Topic, load_taxonomy
from viewer.core.model import Document
from viewer.core.pipeline.discovery_passes import (
    GroupCounts,
    PairCounts,
    add_group_counts,
    add_pair_counts,
    add_phrase_counts,
    group_counts,
    pair_counts,
    phrase_counts,
)
from viewer.core.pipeline.folder_extraction import extract_folder
from viewer.core.pipeline.folder_topics import (
    Settings,
    Unit,
    body_units,
    discover,
    discover_by_counts,
    fitting,
    load_settings,
)

DATA = Path(__file__).resolve().parents[1] / "data"


def _by_partitions(parts: Sequence[Sequence[Document]], taxonomy: Taxonomy,
                   settings: Settings) -> list[Topic]:
    """What the Dask engine does: each partition numbers its own documents."""
    units = [body_units(p) for p in parts]

    def pairs_of(chosen: Sequence[str], extra: Sequence[str]) -> PairCounts:
        return add_pair_counts(pair_counts(u, settings, chosen, extra) for u in units)

    def groups_of(groups: Sequence[Sequence[str]], rest: Sequence[str]) -> GroupCounts:
        return add_group_counts((group_counts(u, settings, groups, rest) for u in units),
                                len(groups), rest)

    counts = add_phrase_counts(phrase_counts(u, settings) for u in units)
    return discover_by_counts(counts, pairs_of, groups_of, taxonomy, settings)


@pytest.mark.parametrize("name", ["steel_dispute", "unseen/eu_china_trade",
                                  "unseen/yemen-cholera"])
def test_three_passes_over_random_partitions_equal_discover(name: str) -> None:
    folder = DATA / name
    documents = extract_folder(folder, use_cache=False, workers=1).documents
    settings = load_settings(folder)
    units = body_units(documents)
    rng = random.Random(name)
    for taxonomy in (Taxonomy(()), fitting(load_taxonomy(folder), units, settings)):
        expected = discover(units, taxonomy, settings)
        assert expected  # the folder has topics of its own to find
        for _ in range(4):
            many = rng.randint(1, min(3, len(documents) - 1))
            cuts = sorted(rng.sample(range(1, len(documents)), many))
            bounds = [0, *cuts, len(documents)]
            parts = [documents[a:b] for a, b in itertools.pairwise(bounds)]
            assert _by_partitions(parts, taxonomy, settings) == expected
        assert _by_partitions([documents], taxonomy, settings) == expected


def test_a_phrase_named_by_its_first_form_on_a_tie_across_partitions() -> None:
    """Forms tied in count name the phrase by the one the corpus used first, as one pass
    does; the sum keeps that order when shares are added in corpus order."""
    settings = load_settings()
    first = [Unit("Port tariffs rose again.", 0, 0, 0), Unit("Port tariffs rose.", 1, 0, 0)]
    second = [Unit("The port tariff rose.", 0, 0, 0), Unit("A port tariff fell.", 1, 0, 0)]
    together = add_phrase_counts([phrase_counts(first, settings), phrase_counts(second, settings)])
    whole = phrase_counts([*first, *(Unit(u.text, u.document + 2, 0, 0) for u in second)],
                          settings)
    assert list(together.forms["tariff"]) == list(whole.forms["tariff"]) == ["tariffs", "tariff"]
    assert together == whole


def test_the_map_passes_are_linear() -> None:
    """Each pass over a partition is one scan; the pair and group counts cover a fixed number
    of phrases, so more text costs proportionally more."""
    settings = load_settings()
    texts = ["The port tariff dispute went on as dockers met.",
             "Harbour cranes stood still; the tariff dispute loomed.",
             "Dockers said the harbour cranes would be repaired soon."]

    def work(copies: int) -> int:
        units = [Unit(t, d, 0, 0) for d in range(copies * 20) for t in texts]
        counter = [0]
        lines_run(lambda: phrase_counts(units, settings), counter)
        lines_run(lambda: pair_counts(units, settings, ["tariff dispute", "harbour crane"],
                                      ["docker"]), counter)
        lines_run(lambda: group_counts(units, settings, [["tariff dispute"], ["harbour crane"]],
                                       ["docker"]), counter)
        return counter[0]

    assert growth(work) < 4.6
