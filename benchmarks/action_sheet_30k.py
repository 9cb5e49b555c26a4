"""How quickly the action sheet filters, sorts and counts 30,000 actions.

Run ``.venv/bin/python benchmarks/action_sheet_30k.py``. Not a test: it
prints timings (the actions screen asks for one page of rows and the counts
on every keystroke of its filter, so each should take well under 200 ms).
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

import pendulum

from minuteterm.action_sheet import ActionFilter, ActionSheet
from minuteterm.model import ActionStatus
from minuteterm.store import Store, iso, open_store

COMMITTEES, MEETINGS, PER_MEETING = 10, 300, 100


def fill(store: Store) -> None:
    """30,000 actions over 300 meetings of 10 committees; a third with two updates."""
    random.seed(1)
    db = store.db
    entry_id = 0
    with store.transaction():
        for number in range(1, COMMITTEES + 1):
            db["committees"].insert({"id": number, "name": f"Committee {number}"})
        for meeting in range(MEETINGS):
            start = pendulum.datetime(2020, 1, 6, 18, tz="Europe/London").add(weeks=meeting)
            meeting_id = (
                db["meetings"]
                .insert(
                    {
                        "committee_id": meeting % COMMITTEES + 1,
                        "title": "Meeting",
                        "starts_at": iso(start),
                        "status": "closed",
                        "created_at": iso(start),
                    }
                )
                .last_pk
            )
            item_id = (
                db["agenda_items"]
                .insert(
                    {"meeting_id": meeting_id, "position": 1, "number": "1", "title": "Business"}
                )
                .last_pk
            )
            for k in range(PER_MEETING):
                entry_id += 1
                db["entries"].insert(
                    {
                        "id": entry_id,
                        "item_id": item_id,
                        "position": k + 1,
                        "kind": "action",
                        "text": f"action {entry_id}",
                        "created_at": iso(start),
                    }
                )
                due = start.add(days=random.randint(10, 200)).date().isoformat() if k % 5 else None
                owner = f"Officer {k % 37}"
                db["actions"].insert(
                    {
                        "entry_id": entry_id,
                        "owner": owner,
                        "description": f"report on pontoon {k} (action {entry_id})",
                        "due": due,
                        "due_text": None if due else "next meeting",
                        "status": random.choice(["open", "open", "done", "dropped"]),
                        "raised_owner": owner,
                        "raised_due": due,
                        "raised_due_text": None if due else "next meeting",
                    }
                )
                if k % 3 == 0:
                    for day in (1, 2):
                        db["action_updates"].insert(
                            {
                                "action_id": entry_id,
                                "at": iso(start.add(days=day)),
                                "note": f"chased ({day})",
                            }
                        )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "big.db")
        fill(store)
        sheet = ActionSheet(store)
        filters = {
            "everything": ActionFilter(),
            "open": ActionFilter(statuses=frozenset({ActionStatus.OPEN})),
            "overdue": ActionFilter(overdue=True),
            "search": ActionFilter(text="pontoon 7"),
            "owner, by due": ActionFilter(owner="Officer 3", sort="due"),
            "newest update": ActionFilter(sort="update", descending=True),
            "committee, due in 30 days": ActionFilter(committee="Committee 3", due_within=30),
        }
        for label, chosen in filters.items():
            started = time.perf_counter()
            rows = sheet.rows(chosen)
            middle = time.perf_counter()
            counts = sheet.counts(chosen)
            ended = time.perf_counter()
            print(
                f"{label:<28} rows {1000 * (middle - started):6.1f} ms ({len(rows)})"
                f"   counts {1000 * (ended - middle):6.1f} ms ({counts.total})"
            )
        store.close()


if __name__ == "__main__":
    main()
