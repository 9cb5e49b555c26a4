"""What the public version of a meeting's minutes withholds, entry by entry.

Pure: no I/O. The review screen's public mode lists the entries beside the
clean minutes; it leaves out the same ones the public minutes do.
"""

from __future__ import annotations

from minuteterm.model import MeetingRecord


def withheld(record: MeetingRecord) -> frozenset[int]:
    """The ids of the entries the public version does not show: everything
    typed in an exempt item, and any update (in any item) to an action
    raised in an exempt item."""
    hidden = {entry.id for item in record.items if item.item.exempt for entry in item.entries}
    for action in record.actions:
        for logged in action.updates:
            if logged.update.entry_id is not None and (action.exempt or logged.confidential):
                hidden.add(logged.update.entry_id)
    return frozenset(hidden)
