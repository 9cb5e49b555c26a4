"""Everything the minutes of one meeting are made from, read in one place.

:func:`meeting_record` gathers the meeting, its items with their live
entries, attendance, the actions it raised or carried, and its formal
business (declarations, arrivals and departures, resolutions' forms and
votes) into a :class:`~minuteterm.model.MeetingRecord`, which the minutes
generator turns into a document without touching the database.
"""

from __future__ import annotations

from .action_log import meeting_actions
from .declarations import declarations
from .frozen import thaw
from .model import Entry, ItemRecord, MeetingRecord
from .people import events
from .store import Store
from .votes import resolutions


def meeting_record(store: Store, meeting_id: int) -> MeetingRecord:
    """The whole record of meeting ``meeting_id``: as frozen when its
    minutes were approved (see :mod:`minuteterm.frozen`), else as it is."""
    return thaw(store, meeting_id) or live_record(store, meeting_id)


def live_record(store: Store, meeting_id: int) -> MeetingRecord:
    """The record of meeting ``meeting_id`` read from its rows now."""
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
