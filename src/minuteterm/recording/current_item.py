"""The item being minuted: which it is, and opening the first one when a
meeting's first line arrives (the meeting then goes live).

Both the recorder and the formal business it hands lines to ask this, so it
sits below them both.
"""

from __future__ import annotations

import pendulum

from minuteterm.db.store import Store
from minuteterm.errors import CaptureError
from minuteterm.model import AgendaItem


def current_item(store: Store, meeting_id: int) -> AgendaItem | None:
    """The item being minuted, or ``None`` before the first is opened."""
    meeting = store.meeting(meeting_id)
    if meeting.current_item_id is None:
        return None
    return store.item(meeting.current_item_id)


def open_item(store: Store, meeting_id: int, moment: pendulum.DateTime) -> AgendaItem:
    """The current item, opening the first one if none is open yet (the
    meeting goes live with its first line)."""
    item = current_item(store, meeting_id)
    if item is not None:
        return item
    items = store.items(meeting_id)
    if not items:
        raise CaptureError("this meeting has no agenda items yet: add one with /add TITLE")
    store.set_current_item(meeting_id, items[0].id, moment)
    return items[0]
