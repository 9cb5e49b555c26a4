"""The action sheet over the archive's ~30,000 actions: open, then filter.

Run ``.venv/bin/python benchmarks/action_sheet_archive.py [--archive PATH] [--runs N]``.
"Open" is what the actions screen does first: ``ActionSheet(store)`` and
``page()``: one page of rows (limit 500) with the counts of everything the
filter matches. A filter is the same call with the filter applied.
Targets: open <= 300 ms, each filter <= 50 ms (medians).
(``action_sheet_30k.py`` is the older, self-contained version.)
"""

from __future__ import annotations

import time

from benchlib import arguments, report

from minuteterm.actions.sheet import ActionFilter, ActionSheet
from minuteterm.db.store import open_store
from minuteterm.model import ActionStatus

SHOWN = 500  # as minuteterm.tui.screens.actions_screen
FILTERS = {
    "open": ActionFilter(statuses=frozenset({ActionStatus.OPEN}), limit=SHOWN),
    "overdue": ActionFilter(overdue=True, limit=SHOWN),
    "owner": ActionFilter(owner="Cllr Alex", limit=SHOWN),
    "text": ActionFilter(text="pontoon", limit=SHOWN),
    "committee + due in 30 days": ActionFilter(committee="Harbour", due_within=30, limit=SHOWN),
}


def main() -> None:
    args = arguments(__doc__.splitlines()[0], runs=7)
    store = open_store(args.archive)
    (row,) = store.query("select count(*) as n from actions")
    opening = []
    for _ in range(args.runs):
        started = time.perf_counter()
        sheet = ActionSheet(store)
        chosen = ActionFilter(limit=SHOWN)
        sheet.page(chosen)
        opening.append(1000 * (time.perf_counter() - started))
    report(f"action sheet open ({row['n']:,} actions)", opening, 300.0)
    for label, chosen in FILTERS.items():
        samples = []
        for _ in range(args.runs):
            started = time.perf_counter()
            sheet.page(chosen)
            samples.append(1000 * (time.perf_counter() - started))
        report(f"action sheet filter: {label}", samples, 50.0)
    store.close()


if __name__ == "__main__":
    main()
