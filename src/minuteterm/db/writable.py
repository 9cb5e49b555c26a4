"""Whether MinuteTerm can write to a database, asked before it is used.

SQLite opens a file it may not write to read-only without a word, so the
clerk's first entry would fail in the middle of a meeting. These checks let
:func:`~minuteterm.db.store.open_store` refuse such a file at once instead,
and never fall back to another file.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def read_only_message(path: Path) -> str:
    """What the clerk is told about a database MinuteTerm cannot write to."""
    return (
        f"{path} is read-only: MinuteTerm needs to write to it (check the file's "
        "permissions, or copy it somewhere you can write)"
    )


def unwritable(path: Path) -> str | None:
    """Why the database ``path`` (or its folder, where SQLite keeps its
    journal files) cannot be written, or ``None`` if it can."""
    if path.exists() and not os.access(path, os.W_OK):
        return read_only_message(path)
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return (
            f"cannot write in folder {path.parent}: MinuteTerm keeps its database "
            "and journal files there (check the folder's permissions)"
        )
    return None


def probe_write(conn: sqlite3.Connection) -> None:
    """Raise SQLite's read-only error if the connection cannot write (a disk
    can refuse writes its permissions allow), by changing nothing in a
    transaction that is rolled back. It never waits for another program's
    write lock: a file another program is writing to is writable, and a
    command that only reads must not wait for that writer."""
    before = int(conn.execute("PRAGMA busy_timeout").fetchone()[0])
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        if "locked" not in str(error) and "busy" not in str(error):
            raise
        return  # another program holds the write lock: the file takes writes
    finally:
        conn.execute(f"PRAGMA busy_timeout = {before}")
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.execute(f"PRAGMA user_version = {version}")
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
