"""Everything the minutes of one meeting are made from, read in one place.

:func:`meeting_record` gathers the meeting, its items with their live
entries, attendance, the actions it raised or carried, and its formal
business (declarations, arrivals and departures, resolutions' forms and
votes) into a :class:`~minuteterm.model.MeetingRecord`, which the minutes
generator turns into a document without touching the database.
"""

from __future__ import annotations

from minuteterm.actions.carry_forward import meeting_actions
from minuteterm.db.store import Store
from minuteterm.formal.declarations import declarations
from minuteterm.formal.people import events
from minuteterm.formal.votes import resolutions
from minuteterm.model import Entry, ItemRecord, MeetingRecord


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
        committee=store.committee_by_id(meeting.committee_id),
        declarations=declarations(store, meeting_id),
        events=events(store, meeting_id),
        resolutions=resolutions(store, meeting_id),
    )
