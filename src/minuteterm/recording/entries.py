"""Entries and what hangs on them, written together.

An entry of kind ``action`` raises an action (its own row in ``actions``);
an action update recounts its action; an approval resolution holds an
earlier meeting's approval. The store writes entries; this module writes
each entry together with what depends on it, in one transaction, so the
recorder (the one door) never leaves them out of step.
"""

from __future__ import annotations

import pendulum

from minuteterm import clock
from minuteterm.actions.history import (
    drop_action,
    has_updates,
    recount,
    rewrites_more,
    save_action,
)
from minuteterm.db.store import Store
from minuteterm.errors import StoreError
from minuteterm.formal.approval import approval_follows
from minuteterm.model import ActionFields, Change, Entry, EntryKind
from minuteterm.recording.record import freeze, unfreeze


def add_entry(
    store: Store,
    item_id: int,
    kind: EntryKind,
    text: str,
    *,
    speaker: str | None = None,
    reply_to: int | None = None,
    action: ActionFields | None = None,
    now: pendulum.DateTime | None = None,
) -> int:
    """Save one entry (and the action it raises) in one transaction; return its id."""
    with store.transaction():
        entry_id = store.add_entry(item_id, kind, text, speaker=speaker, reply_to=reply_to, now=now)
        if action is not None:
            _save(store, entry_id, action)
    return entry_id


def _save(store: Store, entry_id: int, action: ActionFields) -> None:
    save_action(
        store.db,
        entry_id,
        owner=action.owner,
        description=action.description,
        due=action.due,
        due_text=action.due_text,
    )


def update_entry(
    store: Store,
    entry_id: int,
    *,
    kind: EntryKind,
    text: str,
    speaker: str | None,
    reply_to: int | None,
    action: ActionFields | None,
    now: pendulum.DateTime | None = None,
    change: Change | None = None,
) -> None:
    """Rewrite an entry and the action it raises (or no longer raises)."""
    entry = store.entry(entry_id)
    store.assert_editable(store.meeting_of_item(entry.item_id))
    if action is None and entry.action is not None and has_updates(store.db, entry_id):
        raise StoreError(
            f"action {entry_id} has updates recorded against it, so it stays an action"
        )
    fields = (
        None if action is None else (action.owner, action.description, action.due, action.due_text)
    )
    with store.transaction() as db:
        store.update_entry(
            entry_id,
            kind=kind,
            text=text,
            speaker=speaker,
            reply_to=reply_to,
            now=now,
            change=change,
            more_changes=rewrites_more(db, entry, fields),
        )
        if action is None:
            drop_action(db, entry_id)
        else:
            _save(store, entry_id, action)


def delete_entry(store: Store, entry_id: int, now: pendulum.DateTime | None = None) -> None:
    """Delete an entry (undo brings it back): an update no longer counts
    towards its action; an approval resolution withdraws its approval (and
    the minutes it approved are made from their rows again)."""
    approved = store.approved_by(entry_id)
    with store.transaction() as db:
        store.delete_entry(entry_id, now)
        recount(db, entry_id)
        approval_follows(db, entry_id, None)
        if approved is not None:
            unfreeze(store, approved.id)


def undo_delete(store: Store, meeting_id: int) -> Entry | None:
    """Bring back the meeting's most recently deleted entry, if any, with
    what depends on it."""
    store.assert_editable(store.meeting(meeting_id))
    entry_id = store.last_deleted(meeting_id)
    if entry_id is None:
        return None
    moment = clock.now()
    with store.transaction() as db:
        store.restore_entry(entry_id, moment)
        recount(db, entry_id)
        approval_follows(db, entry_id, moment)
        approved = store.approved_by(entry_id)
        if approved is not None:
            freeze(store, approved.id)
    return store.entry(entry_id)
