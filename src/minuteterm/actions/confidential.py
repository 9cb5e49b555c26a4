"""Confidential (Part II) actions and updates, kept right where the data is.

An action raised in an exempt item is confidential wherever it appears
(``actions.confidential``), and so is an update to any action typed in an
exempt item (``action_updates.confidential``): its note, owner change or new
date. Triggers keep both flags right whatever writes the rows (a capture
line, the action sheet, a restore of the entry) and when an item is marked
or unmarked exempt (see the v8 migration in :mod:`minuteterm.db.schema`).

The minutes, the action sheet and the review screen read the flags: a
public version says "an exempt action (minute X refers)" or leaves it out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minuteterm.actions.history import LIVE_UPDATE, ActionState, fold, raised_state, update_from_row
from minuteterm.model import ActionUpdate

if TYPE_CHECKING:
    import sqlite_utils


def public_updates(db: sqlite_utils.Database, action_id: int) -> list[ActionUpdate]:
    """The action's updates that count and were not typed in an exempt item."""
    rows = db.query(
        f"""select u.* from action_updates u where u.action_id = ? and not u.confidential
        and {LIVE_UPDATE.format(alias="u")} order by u.at, u.id""",
        [action_id],
    )
    return [update_from_row(row) for row in rows]


def public_state(db: sqlite_utils.Database, action_id: int) -> ActionState:
    """Where the action stands as the public may know it: as raised, with
    only the updates typed outside exempt items applied."""
    (row,) = db.query("select * from actions where entry_id = ?", [action_id])
    return fold(raised_state(row), public_updates(db, action_id))
