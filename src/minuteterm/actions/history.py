"""An action's history: how it was raised, then every dated update to it.

The ``actions`` row holds the action as raised (``raised_owner``,
``raised_due``, ``raised_due_text``) and its current owner, due date and
status. The current values are always the raised ones with the live updates
applied in order (:func:`fold`), so deleting or editing an update entry can
work them out again (:func:`recompute`). An update whose entry was deleted
no longer counts.

Works on a ``sqlite_utils.Database`` inside the caller's transaction and does
not import :mod:`minuteterm.db.store` (the store imports this).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import pendulum

if TYPE_CHECKING:
    import sqlite_utils

from minuteterm import clock
from minuteterm.clock import iso, moment
from minuteterm.dates import format_date
from minuteterm.model import ActionStatus, ActionUpdate, Entry, EntryKind
from minuteterm.textsafe import clean

#: An update counts unless the entry it was captured as has been deleted.
LIVE_UPDATE = (
    "not exists (select 1 from entries x where x.id = {alias}.entry_id"
    " and x.deleted_at is not null)"
)


@dataclass(frozen=True)
class ActionState:
    """Where an action stands after some of its updates."""

    owner: str
    due: date | None
    due_text: str | None
    status: ActionStatus = ActionStatus.OPEN
    note: str | None = None
    completed_at: pendulum.DateTime | None = None
    noted_at: pendulum.DateTime | None = None


def fold(raised: ActionState, updates: Iterable[ActionUpdate]) -> ActionState:
    """``raised`` with ``updates`` applied in the order given: the latest
    status, owner, due date and note each win; ``completed_at`` is when the
    action was last closed (``None`` while it is open), ``noted_at`` when
    its latest note was made."""
    owner, due, due_text = raised.owner, raised.due, raised.due_text
    status, note, completed = raised.status, raised.note, raised.completed_at
    noted = raised.noted_at
    for update in updates:
        if update.status is not None:
            status = update.status
            completed = None if status is ActionStatus.OPEN else update.at
        if update.owner:
            owner = update.owner
        if update.due is not None or update.due_text is not None:
            due, due_text = update.due, update.due_text
        if update.note:
            note, noted = update.note, update.at
    return ActionState(owner, due, due_text, status, note, completed, noted)


def update_from_row(row: dict[str, Any]) -> ActionUpdate:
    """An ``action_updates`` row as an :class:`ActionUpdate`."""
    return ActionUpdate(
        action_id=row["action_id"],
        at=moment(row["at"]) or clock.now(),
        note=row["note"],
        status=ActionStatus(row["status"]) if row["status"] else None,
        owner=row["owner"],
        due=date.fromisoformat(row["due"]) if row["due"] else None,
        due_text=row["due_text"],
        entry_id=row["entry_id"],
    )


def live_updates(db: sqlite_utils.Database, action_id: int) -> list[ActionUpdate]:
    """The action's updates that count, oldest first."""
    rows = db.query(
        f"""select u.* from action_updates u where u.action_id = ?
        and {LIVE_UPDATE.format(alias="u")} order by u.at, u.id""",
        [action_id],
    )
    return [update_from_row(row) for row in rows]


def raised_state(row: dict[str, Any]) -> ActionState:
    """The action as it was raised, from its ``actions`` row."""
    due = row["raised_due"]
    return ActionState(
        owner=row["raised_owner"] or row["owner"],
        due=date.fromisoformat(due) if due else None,
        due_text=row["raised_due_text"],
    )


def recompute(db: sqlite_utils.Database, action_id: int) -> ActionState:
    """Work out the action's current values again from its history and store them."""
    rows = list(db.query("select * from actions where entry_id = ?", [action_id]))
    if not rows:
        raise LookupError(action_id)
    state = fold(raised_state(rows[0]), live_updates(db, action_id))
    db.table("actions").update(
        action_id,
        {
            "owner": state.owner,
            "due": state.due.isoformat() if state.due else None,
            "due_text": state.due_text,
            "status": state.status.value,
            "status_note": state.note,
            "noted_at": iso(state.noted_at),
            "completed_at": iso(state.completed_at),
        },
    )
    return state


def save_action(
    db: sqlite_utils.Database,
    entry_id: int,
    *,
    owner: str,
    description: str,
    due: date | None,
    due_text: str | None,
) -> None:
    """Raise the action of entry ``entry_id``, or rewrite how it was raised
    (its later updates still apply on top)."""
    raised = {
        "description": clean(description),
        "raised_owner": clean(owner),
        "raised_due": due.isoformat() if due else None,
        "raised_due_text": due_text,
    }
    if list(db.query("select 1 from actions where entry_id = ?", [entry_id])):
        db.table("actions").update(entry_id, raised)
        recompute(db, entry_id)
        return
    committee_id, number = next_number(db, entry_id)
    db.table("actions").insert(
        {
            "entry_id": entry_id,
            "committee_id": committee_id,
            "number": number,
            "owner": raised["raised_owner"],
            "due": raised["raised_due"],
            "due_text": due_text,
            "status": ActionStatus.OPEN.value,
            **raised,
        }
    )


def next_number(db: sqlite_utils.Database, entry_id: int) -> tuple[int, int]:
    """The committee of entry ``entry_id`` and the next action number it
    gives (1, 2, 3 … in a fresh database), taken now so it is never given
    again, even if the action is later deleted."""
    (committee_id,) = db.execute(
        """select m.committee_id from entries e join agenda_items i on i.id = e.item_id
        join meetings m on m.id = i.meeting_id where e.id = ?""",
        [entry_id],
    ).fetchone()
    db.execute(
        """insert into action_counters (committee_id, last) values (?, 1)
        on conflict (committee_id) do update set last = last + 1""",
        [committee_id],
    )
    (number,) = db.execute(
        "select last from action_counters where committee_id = ?", [committee_id]
    ).fetchone()
    return int(committee_id), int(number)


def action_numbered(db: sqlite_utils.Database, committee_id: int, number: int) -> int | None:
    """The entry id of the committee's action ``number`` (as printed), if it
    stands (not deleted)."""
    row = db.execute(
        """select a.entry_id from actions a join entries e on e.id = a.entry_id
        where a.committee_id = ? and a.number = ? and e.deleted_at is null""",
        [committee_id, number],
    ).fetchone()
    return int(row[0]) if row else None


def number_of(db: sqlite_utils.Database, action_id: int) -> tuple[int, int]:
    """The number action ``action_id`` (its entry id) is printed with, and
    the committee that gave it."""
    (number, committee_id) = db.execute(
        "select number, committee_id from actions where entry_id = ?", [action_id]
    ).fetchone()
    return int(number), int(committee_id)


def update_of_entry(db: sqlite_utils.Database, entry_id: int) -> ActionUpdate | None:
    """The action update captured as entry ``entry_id``, if any."""
    rows = list(db.query("select * from action_updates where entry_id = ?", [entry_id]))
    return update_from_row(rows[0]) if rows else None


def has_updates(db: sqlite_utils.Database, action_id: int) -> bool:
    """Whether anything has been recorded against the action since it was raised."""
    rows = db.query("select 1 from action_updates where action_id = ? limit 1", [action_id])
    return bool(list(rows))


#: How the running minute words a change of status.
STATUS_CHANGE = {
    ActionStatus.DONE: "marked done",
    ActionStatus.DROPPED: "dropped",
    ActionStatus.OPEN: "reopened",
}


def due_words(due: date | None, due_text: str | None) -> str:
    """``by 31 January 2027``, ``by the next meeting``, or nothing."""
    if due is not None:
        return f"by {format_date(due)}"
    if due_text == "next meeting":
        return "by the next meeting"
    return f"by {due_text}" if due_text else ""


def changes(update: ActionUpdate) -> list[str]:
    """What an update changed, in words: ``["marked done", "reassigned to X"]``."""
    words = []
    if update.status is not None:
        words.append(STATUS_CHANGE[update.status])
    if update.owner:
        words.append(f"reassigned to {update.owner}")
    due = due_words(update.due, update.due_text)
    if due:
        words.append(f"now due {due}")
    return words


def summary(update: ActionUpdate) -> str:
    """The update in a line for the running minute: its note, else what it
    changed ("marked done; reassigned to Head of Finance")."""
    return update.note or "; ".join(changes(update)) or "updated"


def rewrite_update(db: sqlite_utils.Database, entry_id: int, update: ActionUpdate) -> None:
    """Replace the update captured as entry ``entry_id`` (keeping when it was
    made) and work out the action(s) it touches again."""
    before = update_of_entry(db, entry_id)
    if before is None:
        raise LookupError(entry_id)
    db.execute(
        """update action_updates set action_id = ?, note = ?, status = ?, owner = ?,
        due = ?, due_text = ? where entry_id = ?""",
        [
            update.action_id,
            clean(update.note),
            update.status.value if update.status else None,
            clean(update.owner) if update.owner else None,
            update.due.isoformat() if update.due else None,
            update.due_text,
            entry_id,
        ],
    )
    recompute(db, update.action_id)
    if before.action_id != update.action_id:
        recompute(db, before.action_id)


def raised(db: sqlite_utils.Database, action_id: int) -> ActionState | None:
    """The action as it was raised (before any update), if there is one."""
    rows = list(db.query("select * from actions where entry_id = ?", [action_id]))
    return raised_state(rows[0]) if rows else None


#: An action as (owner, description, due, due_text).
ActionParts = tuple[str, str, date | None, str | None]


def rewrites_more(db: sqlite_utils.Database, entry: Entry, action: ActionParts | None) -> bool:
    """Whether rewriting ``entry`` changes more than its own columns: the
    action it raises, or (always assumed) the action update it records."""
    if entry.kind is EntryKind.ACTION_UPDATE or (action is None) != (entry.action is None):
        return True
    if action is None or entry.action is None:
        return False
    before = raised(db, entry.id)
    if before is None:
        return True
    owner, description, due, due_text = action
    now = (before.owner, entry.action.description, before.due, before.due_text)
    return now != (clean(owner), clean(description), due, due_text)


def recount(db: sqlite_utils.Database, entry_id: int) -> None:
    """If entry ``entry_id`` is an action update, work its action out again
    (a deleted update no longer counts; a restored one counts again)."""
    update = update_of_entry(db, entry_id)
    if update is not None:
        recompute(db, update.action_id)


def drop_action(db: sqlite_utils.Database, entry_id: int) -> None:
    """Entry ``entry_id`` no longer raises an action."""
    db.execute("delete from actions where entry_id = ?", [entry_id])
