"""Export of a 30-item meeting to Markdown, HTML and Word, on (a copy of) the archive.

Run ``.venv/bin/python benchmarks/export_30_items.py [--archive PATH] [--runs N]``.
Adds a meeting with 30 agenda items and 8 entries each (notes, questions
and responses, actions, resolutions) to a copy of the archive, then times
what ``minuteterm export`` does: ``Store.record`` plus
``minuteterm.export.render``. Target: median <= 150 ms per format.
"""

from __future__ import annotations

import time

import pendulum
from benchlib import archive_copy, arguments, report

from minuteterm.db.store import open_store
from minuteterm.export import FORMATS, render
from minuteterm.model import ActionFields, EntryKind, NewItem
from minuteterm.recording.entries import add_entry
from minuteterm.recording.meetings import close_meeting, create_meeting
from minuteterm.recording.record import meeting_record

WORDS = (
    "Members discussed the revised programme for the harbour works and the costs "
    "reported by officers, including the variance against the approved capital budget"
)


def fill(store) -> int:  # store: Store
    start = pendulum.now("UTC").add(days=7)
    meeting = create_meeting(
        store,
        "Harbour Committee",
        start,
        agenda=[NewItem(f"Agenda item {n}") for n in range(1, 31)],
    )
    for number, item in enumerate(store.items(meeting), start=1):
        store.set_current_item(meeting, item.id, start)
        question = None
        for k in range(8):
            kind = [EntryKind.NOTE, EntryKind.QUESTION, EntryKind.RESPONSE, EntryKind.NOTE][k % 4]
            if k == 6:
                kind = EntryKind.ACTION
            if k == 7:
                kind = EntryKind.RESOLUTION
            entry = add_entry(
                store,
                item.id,
                kind,
                f"{WORDS} ({number}.{k})",
                speaker="Cllr Smith" if kind is not EntryKind.RESOLUTION else None,
                reply_to=question if kind is EntryKind.RESPONSE else None,
                action=ActionFields("Harbour Master", f"Report on item {number}")
                if kind is EntryKind.ACTION
                else None,
                now=start.add(minutes=number * 8 + k),
            )
            if kind is EntryKind.QUESTION:
                question = entry
    close_meeting(store, meeting, start.add(hours=5))
    return meeting


def main() -> None:
    args = arguments(__doc__.splitlines()[0], runs=20)
    with archive_copy(args.archive) as path:
        store = open_store(path)
        meeting = fill(store)
        for fmt in FORMATS:
            render(meeting_record(store, meeting), fmt)  # warm imports and caches
            samples = []
            for _ in range(args.runs):
                started = time.perf_counter()
                text = render(meeting_record(store, meeting), fmt)
                samples.append(1000 * (time.perf_counter() - started))
            report(f"export 30-item meeting to {fmt} ({len(text) // 1024} KB)", samples, 150.0)
        store.close()


if __name__ == "__main__":
    main()
