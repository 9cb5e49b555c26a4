"""Which actions and action updates are confidential: the one rule.

An action raised in an exempt (Part II) item is confidential everywhere: it
never appears in the public record, nor does any update to it. An update
typed in an exempt item is confidential everywhere too, whatever action it
updates. (When actions carry their own confidentiality, this is the one
function to change.)
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

_CONFIDENTIAL_ACTIONS = """
select a.entry_id from actions a
join entries e on e.id = a.entry_id
join agenda_items i on i.id = e.item_id
where i.exempt
"""

_TYPED_IN_EXEMPT_ITEM = """
select u.id from action_updates u
join entries e on e.id = u.entry_id
join agenda_items i on i.id = e.item_id
where i.exempt
"""


@dataclass(frozen=True)
class Confidential:
    """The confidential actions (by number) and action updates (by id)."""

    actions: frozenset[int]
    updates: frozenset[int]

    def update_is_confidential(self, update_id: int, action_id: int) -> bool:
        """Typed in an exempt item, or an update to a confidential action."""
        return update_id in self.updates or action_id in self.actions


def confidential_actions_and_updates(conn: sqlite3.Connection) -> Confidential:
    """The actions raised in an exempt item, and the updates typed in one,
    of the database on ``conn``."""
    actions = frozenset(row[0] for row in conn.execute(_CONFIDENTIAL_ACTIONS))
    updates = frozenset(row[0] for row in conn.execute(_TYPED_IN_EXEMPT_ITEM))
    return Confidential(actions, updates)
