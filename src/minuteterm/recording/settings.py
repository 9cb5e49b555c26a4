"""Changing a committee's settings, through the one door.

A committee's settings (quorum, numbering, resolution marks, house style)
shape the minutes of its meetings. Minutes approved by an older MinuteTerm
have no frozen record yet, so before any setting changes they are frozen as
they stand, in the same transaction: the change can never rewrite them.
"""

from __future__ import annotations

from minuteterm.db.store import Store
from minuteterm.formal.committees import Settings, configure
from minuteterm.formal.people import forget_member, name_for
from minuteterm.model import Committee
from minuteterm.recording.record import freeze_missing


def change_committee(
    store: Store, name: str, settings: Settings, forget: str | None = None
) -> Committee:
    """Apply ``settings`` to the committee ``name`` (and forget a member who
    has left it); its approved minutes are frozen first."""
    with store.transaction():
        rows = store.query("select id from committees where name = ?", [name.strip()])
        if rows:
            freeze_missing(store, int(rows[0]["id"]))
        changed = configure(store, name, settings)
        if forget:
            forget_member(store, changed.id, name_for(store, changed.id, forget))
    return changed
