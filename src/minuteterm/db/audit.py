"""The audit trail of entries: every earlier state of an entry, kept.

Each time an entry is edited, changes kind, is re-attached to another
question, is deleted or is brought back, the store calls :func:`keep` in the
same transaction as the change: the row it adds holds the entry as it stood
just before (kind, speaker, words, the question it answered) and when it
changed. Revisions are never rewritten; they go only with their meeting.

Works on a ``sqlite_utils.Database`` inside the caller's transaction and does
not import :mod:`minuteterm.db.store` (the store imports this).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pendulum

from minuteterm.clock import iso, moment
from minuteterm.model import Change, Entry, EntryKind
from minuteterm.textsafe import clean

if TYPE_CHECKING:
    import sqlite_utils

    from minuteterm.model import Revision


def keep(db: sqlite_utils.Database, entry_id: int, change: Change, at: pendulum.DateTime) -> None:
    """Keep entry ``entry_id`` as it stands now, before ``change`` at ``at``.

    Call it inside the transaction that makes the change, before making it."""
    db.execute(
        """insert into entry_revisions (entry_id, at, action, kind, speaker, text, reply_to)
        select id, ?, ?, kind, speaker, text, reply_to from entries where id = ?""",
        [iso(at), change.value, entry_id],
    )


def change_of(
    entry: Entry, kind: EntryKind, text: str, speaker: str | None, reply_to: int | None
) -> Change | None:
    """What rewriting ``entry`` with these values amounts to: a change of
    kind, a re-attachment (only the question differs), an edit, or ``None``
    when its kind, words, speaker and question all stay the same."""
    speaker = (speaker and clean(speaker)) or None
    if kind is not entry.kind:
        return Change.KIND
    if (clean(text), speaker) != (entry.text, entry.speaker):
        return Change.EDIT
    if reply_to != entry.reply_to:
        return Change.ATTACH
    return None


def _revision(row: dict[str, Any]) -> Revision:
    from minuteterm.model import Revision  # a record the start never reads

    return Revision(
        id=row["id"],
        entry_id=row["entry_id"],
        at=moment(row["at"]) or pendulum.from_timestamp(0),
        change=Change(row["action"]),
        kind=EntryKind(row["kind"]),
        text=row["text"],
        speaker=row["speaker"],
        reply_to=row["reply_to"],
    )


def revisions(db: sqlite_utils.Database, entry_id: int) -> list[Revision]:
    """Every kept state of entry ``entry_id``, oldest first."""
    rows = db.query("select * from entry_revisions where entry_id = ? order by id", [entry_id])
    return [_revision(row) for row in rows]


def words_of(db: sqlite_utils.Database, entry_id: int) -> str | None:
    """An entry's words, even if it has since been deleted (for showing
    which question a response answered at the time)."""
    row = db.execute("select text from entries where id = ?", [entry_id]).fetchone()
    return None if row is None else str(row[0])
