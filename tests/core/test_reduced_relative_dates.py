"""A date inside a relative clause without its pronoun ("suspend the tariffs it imposed last
week") dates the thing the clause describes, not the sentence's happening (invented
article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.core.article_dates import dates_in
from viewer.core.events import cues

D = dt.date

ARTICLE = (
    "date 2027-05-13 Steel talks in Ottawa\n\n"
    "Canada and Mexico met in Ottawa on Tuesday to discuss steel quotas. "
    "Mexico demanded that Canada suspend the tariffs it imposed last week.\n\n"
    "Canada said it imposed the tariffs last week.\n"
)


def _dates(tmp_path: Path, fragment: str) -> tuple[dt.date | None, dt.date | None]:
    return dates_in(tmp_path, ARTICLE, fragment)


def test_the_relative_clauses_date_is_not_the_demands(tmp_path: Path) -> None:
    assert _dates(tmp_path, "suspend the tariffs")[0] == D(2027, 5, 11)  # Tuesday's talks


def test_a_main_clauses_date_stays(tmp_path: Path) -> None:
    assert _dates(tmp_path, "imposed the tariffs last week") == (D(2027, 5, 3), D(2027, 5, 9))


def test_the_pattern() -> None:
    assert cues.REDUCED_RELATIVE.search("suspend the dairy duties it announced ")
    assert cues.REDUCED_RELATIVE.search("the figures they published on ")
    assert not cues.REDUCED_RELATIVE.search("and the union said it announced ")
