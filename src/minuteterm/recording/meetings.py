"""Making and closing meetings, with everything that goes with them.

A new meeting's agenda gains an "Action log" item when its committee has open
actions (:mod:`minuteterm.actions.carry_forward`); a closing meeting's items
get their minute numbers (:mod:`minuteterm.formal.numbering`) and the
committee's next meeting, if already made and not yet opened, its action log.
Each happens in the same transaction as the change it belongs to.
"""

from __future__ import annotations

from collections.abc import Iterable

import pendulum

from minuteterm.actions.carry_forward import add_log_item, carry_forward
from minuteterm.db.store import Store
from minuteterm.formal.numbering import allocate
from minuteterm.model import NewItem


def create_meeting(
    store: Store,
    committee: str,
    starts_at: pendulum.DateTime,
    *,
    venue: str = "",
    title: str | None = None,
    agenda: Iterable[NewItem] = (),
) -> int:
    """Create a draft meeting with its agenda (and action log); return its id."""
    with store.transaction() as db:
        meeting_id = store.insert_meeting(
            committee, starts_at, venue=venue, title=title, agenda=agenda
        )
        add_log_item(db, meeting_id)
    return meeting_id


def close_meeting(store: Store, meeting_id: int, now: pendulum.DateTime | None = None) -> None:
    """Close the meeting, number its minutes and carry its actions forward."""
    with store.transaction() as db:
        store.end_meeting(meeting_id, now)
        allocate(db, meeting_id)
        carry_forward(db, meeting_id)
