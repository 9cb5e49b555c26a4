"""Confidential (Part II) actions and updates, kept right where the data is.

An action raised in an exempt item is confidential wherever it appears
(``actions.confidential``), and so is an update to any action typed in an
exempt item (``action_updates.confidential``): its note, owner change or new
date. Triggers keep both flags right whatever writes the rows (a capture
line, the action sheet, a restore of the entry) and when an item is marked
or unmarked exempt; :func:`add_confidential_flags` is the migration that
adds them and fills them for the actions already recorded.

The minutes, the action sheet and the review screen read the flags: a
public version says "an exempt action (minute X refers)" or leaves it out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .action_history import LIVE_UPDATE, ActionState, fold, raised_state, update_from_row
from .model import ActionUpdate

if TYPE_CHECKING:
    import sqlite_utils

#: Whether the entry ``{entry}`` was typed in an exempt item.
_IN_EXEMPT = """coalesce((select i.exempt from entries e join agenda_items i on i.id = e.item_id
    where e.id = {entry}), 0)"""

_TRIGGERS = f"""
create trigger if not exists action_raised_confidential after insert on actions
begin
    update actions set confidential = {_IN_EXEMPT.format(entry="new.entry_id")}
    where entry_id = new.entry_id;
end;
create trigger if not exists update_typed_confidential after insert on action_updates
begin
    update action_updates set confidential = {_IN_EXEMPT.format(entry="new.entry_id")}
    where id = new.id;
end;
create trigger if not exists item_exempt_confidential after update of exempt on agenda_items
when coalesce(old.exempt, 0) != coalesce(new.exempt, 0)
begin
    update actions set confidential = new.exempt
    where entry_id in (select id from entries where item_id = new.id);
    update action_updates set confidential = new.exempt
    where entry_id in (select id from entries where item_id = new.id);
end;
"""


def add_confidential_flags(db: sqlite_utils.Database) -> None:
    """The migration: ``confidential`` on actions and their updates, filled
    from the items they were typed in, and the triggers that keep it right."""
    for table in ("actions", "action_updates"):
        columns = {row[1] for row in db.execute(f"pragma table_info({table})").fetchall()}
        if "confidential" not in columns:
            db.execute(f"alter table {table} add column confidential integer not null default 0")
    db.execute(f"update actions set confidential = {_IN_EXEMPT.format(entry='actions.entry_id')}")
    db.execute(
        "update action_updates set confidential = "
        + _IN_EXEMPT.format(entry="action_updates.entry_id")
    )
    _create_triggers(db)


def _create_triggers(db: sqlite_utils.Database) -> None:
    """Each trigger in its own statement (``executescript`` would commit)."""
    for statement in _TRIGGERS.split("end;"):
        if statement.strip():
            db.execute(statement + "end;")


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
