"""Write everything the team console shows for six views of the bench database, as JSON, so two
versions of the code can be checked to give the same results on the same database.

    .venv/bin/python -m bench.team_console_dump sqlite:///data/bench/team_console.db after.json
    # the other version, from its own checkout, with this file copied or given by path:
    cd ../main && PYTHONPATH=. .venv/bin/python ../wt/bench/team_console_dump.py sqlite:////abs/path/team_console.db before.json
    cmp before.json after.json

The database is opened without migrating (an older version's code can read a newer schema).
Views: all teams 8 weeks / 6 months / 4 weeks, one team, one hire month, and a two-month window
ending three months ago (answers outside it on both sides), with the item analysis.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from datetime import datetime, time, timedelta, timezone

from bench.team_console import DAYS, TZ
from trainer.insights.console import ConsoleFilter, team_console
from trainer.insights.periods import Period, local_day
from trainer.insights.team import cohorts
from trainer.store.db import Database

FIELDS = ("members", "lines", "idle", "mastery", "scenario_results", "weekly_accuracy", "weekly_scores",
          "weakest_items", "item_stats", "worst_scenarios", "calls")


def plain(value):
    """Dataclasses and named tuples as lists, times as ISO text: one form for every code version."""
    if dataclasses.is_dataclass(value):
        return [plain(getattr(value, f.name)) for f in dataclasses.fields(value)]
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def main() -> None:
    url, target = sys.argv[1], sys.argv[2]
    db = Database(url, migrate=False)
    now = datetime.combine(datetime.now(timezone.utc).date(), time(12), tzinfo=timezone.utc)
    today = local_day(now, TZ)
    views = {"8 weeks": ConsoleFilter(None, None, Period.ending(today, 56)),
             "6 months": ConsoleFilter(None, None, Period.ending(today, DAYS)),
             "one team": ConsoleFilter("外呼3组", None, Period.ending(today, 56)),
             "one hire month": ConsoleFilter(None, cohorts(db)[2], Period.ending(today, 56)),
             "4 weeks": ConsoleFilter(None, None, Period.ending(today, 28)),
             "two months, three months ago": ConsoleFilter(None, None, Period(today - timedelta(days=150),
                                                                            today - timedelta(days=90)), item_analysis=True)}
    found = {}
    for label, chosen in views.items():
        console = team_console(db, chosen, TZ, now)
        found[label] = {name: plain(getattr(console, name)) for name in FIELDS}
    with open(target, "w", encoding="utf-8") as out:
        json.dump(found, out, ensure_ascii=False, sort_keys=True)
    print(f"{target}: " + ", ".join(f"{label} {len(view['mastery'])} grid cells" for label, view in found.items()))
    db.dispose()


if __name__ == "__main__":
    main()
