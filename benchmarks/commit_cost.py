"""Commit cost of one entry: ``Store.add_entry`` on (a copy of) the archive.

Run ``.venv/bin/python benchmarks/commit_cost.py [--archive PATH] [--runs N]``.
Each call is one durable transaction (WAL, ``synchronous=FULL``), so the
figure includes the fsync of this machine's disk. Target: median <= 2 ms.
"""

from __future__ import annotations

import time

from benchlib import archive_copy, arguments, live_meeting, report

from minuteterm.db.store import open_store
from minuteterm.model import EntryKind
from minuteterm.recording.entries import add_entry


def main() -> None:
    args = arguments(__doc__.splitlines()[0], runs=500)
    with archive_copy(args.archive) as path:
        store = open_store(path)
        meeting = live_meeting(store)
        items = store.items(meeting)
        samples = []
        for n in range(args.runs):
            item = items[n % len(items)]
            started = time.perf_counter()
            add_entry(
                store,
                item.id,
                EntryKind.NOTE,
                f"Cllr Smith asked about the pontoon repairs, point {n}; officers to report.",
                speaker="Cllr Smith",
            )
            samples.append(1000 * (time.perf_counter() - started))
        store.close()
    report("commit one entry (Store.add_entry), archive", samples, 2.0)


if __name__ == "__main__":
    main()
