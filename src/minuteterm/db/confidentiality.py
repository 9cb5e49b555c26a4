"""Which actions and action updates are confidential: the one rule, as SQL.

An action raised in an exempt (Part II) item is confidential everywhere
(``actions.confidential``), and so is every update to it, wherever the
update was typed; an update typed in an exempt item is confidential even
when its action is not (``action_updates.confidential``). The schema's
triggers keep both flags right whatever writes the rows and when an item
is marked or unmarked exempt (migration v8 in :mod:`minuteterm.db.schema`).

Search, history, the action sheet and publishing all ask this module, so a
public list leaves the rows out in the query itself.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


def action_confidential(action_id: str) -> str:
    """SQL: true when the action whose entry id is ``action_id`` is confidential."""
    return f"coalesce((select ca.confidential from actions ca where ca.entry_id = {action_id}), 0)"


def entry_confidential(entry: str = "e", item: str = "i") -> str:
    """SQL: true when entry ``entry`` (in item ``item``) is confidential:
    it lies in an exempt item, or it is an update to a confidential action."""
    return (
        f"({item}.exempt or exists (select 1 from action_updates cu"
        f" where cu.entry_id = {entry}.id and {action_confidential('cu.action_id')}))"
    )


def note_confidential(update: str = "u") -> str:
    """SQL: true when action update ``update`` (a row of ``action_updates``)
    is confidential: typed in an exempt item, or its action is."""
    return f"({update}.confidential or {action_confidential(f'{update}.action_id')})"


@dataclass(frozen=True)
class Confidential:
    """The confidential actions (by number) and action updates (by id)."""

    actions: frozenset[int]
    updates: frozenset[int]

    def update_is_confidential(self, update_id: int, action_id: int) -> bool:
        """Typed in an exempt item, or an update to a confidential action."""
        return update_id in self.updates or action_id in self.actions


def confidential_actions_and_updates(conn: sqlite3.Connection) -> Confidential:
    """The confidential actions and updates of the database on ``conn``."""
    actions = frozenset(
        row[0] for row in conn.execute("select entry_id from actions where confidential")
    )
    updates = frozenset(
        row[0] for row in conn.execute("select id from action_updates where confidential")
    )
    return Confidential(actions, updates)
