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
from minuteterm.clock import iso
from minuteterm.dates import wall_clock, zone_named
from minuteterm.db.store import Store
from minuteterm.errors import StoreError
from minuteterm.formal.numbering import allocate
from minuteterm.model import Meeting, MeetingStatus, NewItem


def create_meeting(
    store: Store,
    committee: str,
    starts_at: pendulum.DateTime,
    *,
    venue: str = "",
    title: str | None = None,
    agenda: Iterable[NewItem] = (),
    time_zone: str | None = None,
) -> int:
    """Create a draft meeting with its agenda (and action log); return its
    id. It happens in ``time_zone`` (an IANA name), else in the zone its
    committee's meetings happen in."""
    zone = zone_named(time_zone) if time_zone else None
    with store.transaction() as db:
        meeting_id = store.insert_meeting(
            committee, starts_at, venue=venue, title=title, agenda=agenda, time_zone=zone
        )
        add_log_item(db, meeting_id)
    return meeting_id


def change_zone(store: Store, meeting_id: int, time_zone: str) -> Meeting:
    """Move a draft meeting to the zone ``time_zone``: its start is read
    again as the same wall-clock time there ("18:00" stays 18:00). Once a
    meeting has started its times are fixed: refused, nothing changed."""
    zone = zone_named(time_zone)
    with store.transaction() as db:
        meeting = store.meeting(meeting_id)
        if meeting.status is not MeetingStatus.DRAFT:
            raise StoreError(
                f"meeting {meeting_id} is {meeting.status.value}: only a meeting not yet"
                " started can move to another time zone"
            )
        start = meeting.starts_at
        moved = wall_clock(start.date(), start.hour, start.minute, zone)
        db.table("meetings").update(meeting_id, {"time_zone": zone, "starts_at": iso(moved)})
    return store.meeting(meeting_id)


def close_meeting(store: Store, meeting_id: int, now: pendulum.DateTime | None = None) -> None:
    """Close the meeting, number its minutes and carry its actions forward."""
    with store.transaction() as db:
        store.end_meeting(meeting_id, now)
        allocate(db, meeting_id)
        carry_forward(db, meeting_id)
