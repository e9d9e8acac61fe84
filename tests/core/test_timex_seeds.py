"""Every time expression in the seed articles, resolved against each article's own date."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.core.ingest.folder_reader import load_folder
from viewer.core.model import Document
from viewer.core.timex import tag

# seed → the (expression, value) pairs the tagger must produce, in text order.
SEEDS: dict[str, list[tuple[str, str]]] = {
    "000": [
        ("next Sunday", "2026-02-01"), ("Wednesday", "2026-01-28"), ("just one day", "P1D"),
        ("next Sunday", "2026-02-01"), ("the future", "FUTURE_REF"),
        ("anytime soon", "FUTURE_REF"),
    ],
    "001": [
        ("this Wednesday", "2025-07-23"), ("Wednesday", "2025-07-23"),
        ("the weekend", "2025-W29-WE"), ("the next 50 days", "P50D"),
        ("overnight", "2025-07-21TNI"), ("2022", "2022"), ("earlier this year", "2025"),
        ("this week", "2025-W30"),
    ],
    "002": [
        ("this week", "2026-W08"), ("now", "PRESENT_REF"), ("the two days", "P2D"),
        ("the opening day", "2026-W08"), ("roughly six hours", "PT6H"), ("hours", "PTXH"),
        ("the first day", "2026-W08"), ("the first day", "2026-W08"), ("Tuesday", "2026-02-17"),
        ("current", "PRESENT_REF"), ("earlier this year", "2026"),
    ],
    "004": [
        ("Wednesday", "2026-02-18"), ("two-day", "P2D"), ("Wednesday", "2026-02-18"),
        ("just two hours", "PT2H"), ("six-hour", "PT6H"), ("the day before", "2026-02-17"),
        ("recently", "PAST_REF"), ("earlier this week", "2026-W08"),
        ("currently", "PRESENT_REF"), ("hours", "PTXH"), ("the first day", "2026-W08"),
        ("now", "PRESENT_REF"),
        ("this weekend", "2026-W08-WE"),
    ],
}

# 003's body, then its related-articles block (boilerplate, still tagged).
SEED_003_BODY = [("three years", "P3Y"), ("less than 90 minutes", "PT90M")]
SEED_003_RELATED = [
    ("an hour ago", "2025-06-05"), ("October 2023", "2023-10"), ("Thursday morning",
                                                                  "2025-06-05TMO"),
    ("overnight", "2025-06-04TNI"), ("Yesterday", "2025-06-04"), ("Thursday", "2025-06-05"),
    ("recent weeks", "PXW"),
]


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, Document]:
    return {doc.relpath[:3]: doc for doc in load_folder(seeds_dir).documents}


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_expressions(seeds: dict[str, Document], seed: str) -> None:
    doc = seeds[seed]
    found = [(t.text, t.value) for t in tag(doc.text, doc.date)]
    assert found == SEEDS[seed]


def test_seed_003(seeds: dict[str, Document]) -> None:
    doc = seeds["003"]
    found = [(t.text, t.value) for t in tag(doc.text, doc.date)]
    assert found[:2] == SEED_003_BODY
    for pair in SEED_003_RELATED:
        assert pair in found


def test_offsets_index_the_document_text(seeds: dict[str, Document]) -> None:
    for doc in seeds.values():
        for timex in tag(doc.text, doc.date):
            assert doc.text[timex.start : timex.end] == timex.text
