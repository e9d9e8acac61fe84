"""The part of this month or year before the report, or of this week after it.

"Earlier this month" in a report of the 21st is the 1st to the 20th: what the reporter tells
came before the day they write; "later this week" starts the day after
(`before_the_report`, `after_the_report` in resources/events.toml).
"""

from __future__ import annotations

import datetime as dt
import re

from viewer.core.events import cues

_BEFORE = re.compile(cues.CUES.get("before_the_report", "(?!)"))
_AFTER = re.compile(cues.CUES.get("after_the_report", "(?!)"))
_DAY = dt.timedelta(days=1)

Day = dt.date | None


def beside_the_report(expression: str, earliest: Day, latest: Day,
                      report: Day) -> tuple[Day, Day]:
    """The days of a part dated by `expression` (its `earliest` and `latest`), cut at the
    report's day when the expression puts its happening before or after that day."""
    if report is None or earliest is None or latest is None:
        return earliest, latest
    if latest == report and earliest < report and _BEFORE.fullmatch(expression):
        return earliest, report - _DAY
    if earliest == report and report < latest and _AFTER.fullmatch(expression):
        return report + _DAY, latest
    return earliest, latest
