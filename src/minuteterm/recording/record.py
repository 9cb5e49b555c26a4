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
from minuteterm.errors import StoreError
from minuteterm.formal.declarations import declarations
from minuteterm.formal.people import events
from minuteterm.formal.votes import resolutions
from minuteterm.model import Entry, ItemRecord, MeetingRecord
from minuteterm.recording.frozen import (
    drop_snapshot,
    missing,
    rezone,
    save_snapshot,
    thaw,
    unfrozen,
)


def meeting_record(store: Store, meeting_id: int) -> MeetingRecord:
    """The whole record of meeting ``meeting_id``: as frozen when its
    minutes were approved (see :mod:`minuteterm.recording.frozen`), else as
    it is. Minutes approved before snapshots existed are frozen, as they
    are now, the first time they are read."""
    frozen = thaw(store, meeting_id)
    if frozen is not None:
        return in_its_zone(frozen)
    record = live_record(store, meeting_id)
    if unfrozen(store, meeting_id):
        try:
            with store.transaction():
                save_snapshot(store, meeting_id, record)
        except StoreError:
            pass  # a read-only copy: the minutes are still made from the rows
    return record


def freeze(store: Store, meeting_id: int) -> None:
    """Freeze the meeting's record as it is now (its minutes were approved)."""
    save_snapshot(store, meeting_id, live_record(store, meeting_id))


def unfreeze(store: Store, meeting_id: int) -> None:
    """Drop the meeting's frozen record (its approval was withdrawn)."""
    drop_snapshot(store, meeting_id)


def live_record(store: Store, meeting_id: int) -> MeetingRecord:
    """The record of meeting ``meeting_id`` read from its rows now, every
    moment in it in the meeting's zone."""
    meeting = store.meeting(meeting_id)
    by_item: dict[int, list[Entry]] = {}
    for entry in store.meeting_entries(meeting_id):
        by_item.setdefault(entry.item_id, []).append(entry)
    record = MeetingRecord(
        meeting=meeting,
        items=[ItemRecord(item, by_item.get(item.id, [])) for item in store.items(meeting_id)],
        attendees=store.attendees(meeting_id),
        actions=meeting_actions(store.db, meeting_id),
        committee=store.committee_by_id(meeting.committee_id),
        declarations=declarations(store, meeting_id),
        events=events(store, meeting_id),
        resolutions=resolutions(store, meeting_id),
    )
    return in_its_zone(record)


def in_its_zone(record: MeetingRecord) -> MeetingRecord:
    """``record`` with every moment in it (times entries were taken, members
    arrived, actions were updated) read in the meeting's own zone."""
    return rezone(record, record.meeting.time_zone)


def freeze_missing(store: Store, committee_id: int | None = None) -> int:
    """Freeze every approved meeting (of one committee, or all) that has no
    snapshot yet (approved by an older MinuteTerm): from now on its minutes
    stay as they are today. Done before a committee's settings change (see
    :mod:`minuteterm.recording.settings`), and for each meeting the first
    time its record is read; returns how many were frozen."""
    meeting_ids = missing(store, committee_id)
    if meeting_ids:
        with store.transaction():
            for meeting_id in meeting_ids:
                freeze(store, meeting_id)
    return len(meeting_ids)
