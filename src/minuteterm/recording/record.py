"""Everything the minutes of one meeting are made from, read in one place.

:func:`meeting_record` gathers the meeting, its items with their live
entries, attendance, the actions it raised or carried, and its formal
business (declarations, arrivals and departures, resolutions' forms and
votes) into a :class:`~minuteterm.model.MeetingRecord`, which the minutes
generator turns into a document without touching the database.
"""

from __future__ import annotations

from dataclasses import replace

from minuteterm.actions.carry_forward import meeting_actions
from minuteterm.db.store import Store
from minuteterm.formal.declarations import declarations
from minuteterm.formal.people import events
from minuteterm.formal.votes import resolutions
from minuteterm.model import (
    Committee,
    Entry,
    ItemRecord,
    Meeting,
    MeetingRecord,
    ResolutionMarks,
)


def committee_as_minuted(store: Store, meeting: Meeting) -> Committee:
    """The meeting's committee, with the resolution marks its minutes were
    approved with (a later change of house style leaves them as approved)."""
    committee = store.committee_by_id(meeting.committee_id)
    rows = store.query(
        "select resolution_marks from meetings where id = ? and status = 'approved'",
        [meeting.id],
    )
    if rows and rows[0]["resolution_marks"]:
        committee = replace(
            committee, resolution_marks=ResolutionMarks(rows[0]["resolution_marks"])
        )
    return committee


def meeting_record(store: Store, meeting_id: int) -> MeetingRecord:
    """The whole record of meeting ``meeting_id``."""
    meeting = store.meeting(meeting_id)
    by_item: dict[int, list[Entry]] = {}
    for entry in store.meeting_entries(meeting_id):
        by_item.setdefault(entry.item_id, []).append(entry)
    return MeetingRecord(
        meeting=meeting,
        items=[ItemRecord(item, by_item.get(item.id, [])) for item in store.items(meeting_id)],
        attendees=store.attendees(meeting_id),
        actions=meeting_actions(store.db, meeting_id),
        committee=committee_as_minuted(store, meeting),
        declarations=declarations(store, meeting_id),
        events=events(store, meeting_id),
        resolutions=resolutions(store, meeting_id),
    )
