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
from minuteterm.dates import in_zone, machine_zone_name
from minuteterm.db.dbfile import open_read_only
from minuteterm.errors import StoreError


def _approved(path: Path) -> dict[int, tuple[str, str, str]]:
    """Each approved meeting's id: its start, committee and time zone (the
    machine's, from a file older than meetings' zones)."""
    conn = open_read_only(path)
    try:
        columns = {row[1] for row in conn.execute("pragma table_info(meetings)")}
        zone = "m.time_zone" if "time_zone" in columns else "?"
        rows = conn.execute(
            f"""select m.id, m.starts_at, c.name, {zone} from meetings m
            join committees c on c.id = m.committee_id where m.status = 'approved'""",
            [] if "time_zone" in columns else [machine_zone_name()],
        ).fetchall()
    finally:
        conn.close()
    return {row[0]: (row[1], row[2], row[3]) for row in rows}


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
    for meeting_id, (starts_at, committee, zone) in sorted(approved.items()):
        status = before.get(meeting_id)
        if status == "approved":
            continue
        start = moment(starts_at)
        day = in_zone(start, zone).date() if start else None
        held = f"{day.day} {day:%b %Y}" if day else starts_at
        then = "it is not there" if status is None else f"it is {status}"
        lost.append(f"meeting of {held} ({committee}) was approved; in the backup {then}")
    return lost
