"""Approving the minutes of the previous meeting.

``/approve`` in a meeting resolves that the minutes of the committee's
previous meeting be signed as a correct record (``/approve with TEXT``:
subject to an amendment) and marks that meeting approved. From then on
nothing in it can change: the store refuses every write with the reason, and
a correction can only be a resolution of a later meeting. The approval lives
as long as its resolution: deleting that entry (while this meeting is still
open to change) withdraws it, and bringing the entry back approves again
(see :meth:`minuteterm.db.store.Store.delete_entry`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pendulum

from minuteterm import clock
from minuteterm.clock import iso
from minuteterm.dates import format_date, format_long_date
from minuteterm.db.store import Store
from minuteterm.errors import CaptureError
from minuteterm.formal.votes import set_form
from minuteterm.model import EntryKind, Meeting, MeetingStatus, ResolutionForm
from minuteterm.textsafe import clean

if TYPE_CHECKING:
    import sqlite_utils


def previous_meeting(store: Store, meeting: Meeting) -> Meeting | None:
    """The committee's latest meeting that started before ``meeting``."""
    rows = store.query(
        """select id from meetings where committee_id = ? and id != ?
        and (starts_at < ? or (starts_at = ? and id < ?))
        order by starts_at desc, id desc limit 1""",
        [
            meeting.committee_id,
            meeting.id,
            iso(meeting.starts_at),
            iso(meeting.starts_at),
            meeting.id,
        ],
    )
    return store.meeting(rows[0]["id"]) if rows else None


def approval_text(previous: Meeting, amendment: str | None) -> str:
    """``That the minutes of the meeting held on 13 October 2026 be signed
    as a correct record[, subject to the following amendment: ...].``"""
    held = format_date(previous.starts_at.date())
    text = f"That the minutes of the meeting held on {held} be signed as a correct record"
    if amendment:
        text += f", subject to the following amendment: {amendment.strip().rstrip('.')}"
    return text + "."


def approve(
    store: Store,
    meeting_id: int,
    item_id: int,
    amendment: str | None = None,
    now: pendulum.DateTime | None = None,
) -> tuple[int, Meeting]:
    """Resolve, in item ``item_id``, that the previous meeting's minutes be
    signed; mark that meeting approved. Returns the resolution's entry id and
    the meeting approved."""
    meeting = store.meeting(meeting_id)
    previous = previous_meeting(store, meeting)
    if previous is None:
        raise CaptureError("this committee has no earlier meeting whose minutes could be approved")
    held = format_long_date(previous.starts_at.date())
    if previous.status is MeetingStatus.APPROVED:
        raise CaptureError(f"the minutes of the meeting held on {held} are already approved")
    if previous.status is not MeetingStatus.CLOSED:
        raise CaptureError(
            f"the meeting held on {held} is still {previous.status.value}: "
            "open it and close it (/end) before its minutes are approved"
        )
    stamp = now or clock.now()
    amendment = clean(amendment) if amendment else None
    with store.transaction() as db:
        entry_id = store.add_entry(
            item_id, EntryKind.RESOLUTION, approval_text(previous, amendment), now=stamp
        )
        set_form(store, entry_id, ResolutionForm.RESOLVED)
        db.table("meetings").update(
            previous.id,
            {
                "status": MeetingStatus.APPROVED.value,
                "approved_at": iso(stamp),
                "approved_by_entry": entry_id,
            },
        )
    return entry_id, store.meeting(previous.id)


def approval_follows(
    db: sqlite_utils.Database, entry_id: int, restored_at: pendulum.DateTime | None
) -> None:
    """A meeting approved by resolution ``entry_id`` stays approved only
    while the resolution stands: deleted, the approval is withdrawn;
    brought back (``restored_at``), it is given again."""
    if restored_at is None:
        db.execute(
            "update meetings set status = 'closed', approved_at = null where approved_by_entry = ?",
            [entry_id],
        )
    else:
        db.execute(
            "update meetings set status = 'approved', approved_at = ? where approved_by_entry = ?",
            [iso(restored_at), entry_id],
        )
