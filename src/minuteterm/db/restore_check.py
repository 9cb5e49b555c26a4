"""What a restore would undo that a clerk must know first: approvals.

Restoring a backup made before the minutes of a meeting were approved makes
that meeting editable again. :func:`lost_approvals` compares the database
with the backup, read-only, and says so in words ("meeting of 12 Oct 2026
(Audit Committee) was approved; in the backup it is not"), so ``minuteterm
restore`` can ask before it happens (``--yes`` in a script).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from minuteterm.clock import moment
from minuteterm.dates import to_local
from minuteterm.db.dbfile import open_read_only
from minuteterm.errors import StoreError


def _approved(path: Path) -> dict[int, tuple[str, str]]:
    """Each approved meeting's id: its start and committee."""
    conn = open_read_only(path)
    try:
        rows = conn.execute(
            """select m.id, m.starts_at, c.name from meetings m
            join committees c on c.id = m.committee_id where m.status = 'approved'"""
        ).fetchall()
    finally:
        conn.close()
    return {row[0]: (row[1], row[2]) for row in rows}


def _statuses(path: Path) -> dict[int, str]:
    conn = open_read_only(path)
    try:
        return {row[0]: row[1] for row in conn.execute("select id, status from meetings")}
    finally:
        conn.close()


def lost_approvals(source: Path, db_path: Path) -> list[str]:
    """One phrase for each meeting approved in the database at ``db_path``
    that the backup ``source`` holds as not approved (or not at all).
    Nothing when either file cannot be read: the restore's own checks
    refuse a bad backup, and a damaged database has nothing to lose."""
    if not db_path.exists() or not source.exists():
        return []
    try:
        approved = _approved(db_path)
        before = _statuses(source)
    except (sqlite3.DatabaseError, OSError, StoreError):
        return []
    lost = []
    for meeting_id, (starts_at, committee) in sorted(approved.items()):
        status = before.get(meeting_id)
        if status == "approved":
            continue
        start = moment(starts_at)
        day = to_local(start).date() if start else None
        held = f"{day.day} {day:%b %Y}" if day else starts_at
        then = "it is not there" if status is None else f"it is {status}"
        lost.append(f"meeting of {held} ({committee}) was approved; in the backup {then}")
    return lost
