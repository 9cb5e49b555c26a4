"""A database file looked at from outside the store: is it ours, is it sound?

Used before copying a file (``minuteterm backup``) or putting it in place of
the database (``minuteterm restore``): the file is opened read-only and
never migrated or otherwise changed here.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from minuteterm.db.schema import SCHEMA_VERSION
from minuteterm.db.store import SQLITE_MAGIC, StoreError
from minuteterm.filekind import kind_of

#: The files SQLite may keep next to a database: WAL, its index, a journal.
SIDECARS = ("-wal", "-shm", "-journal")

#: Tables every MinuteTerm database has had since schema 1.
OUR_TABLES = frozenset({"meetings", "agenda_items", "entries"})


def sidecars(path: Path) -> list[Path]:
    """The paths of the WAL, shared-memory and journal files of ``path``."""
    return [path.with_name(path.name + suffix) for suffix in SIDECARS]


def check_header(path: Path) -> None:
    """Refuse a path that is missing, a folder, or not an SQLite file."""
    if not path.exists():
        raise StoreError(f"there is no file {path}")
    if (kind := kind_of(path)) is not None:
        raise StoreError(f"{path} is {kind}, not a database file")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror}") from None
    if head != SQLITE_MAGIC:
        raise StoreError(f"{path} is not a MinuteTerm database (not an SQLite file)")


def open_read_only(path: Path) -> sqlite3.Connection:
    """Open ``path`` read-only, after checking its header; the file (and
    anything in its WAL) can be read but never changed."""
    check_header(path)
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        return sqlite3.connect(uri, uri=True, timeout=5)
    except sqlite3.DatabaseError as error:
        raise StoreError(f"cannot open {path}: {error}") from None


def open_to_copy(path: Path) -> sqlite3.Connection:
    """Open ``path`` to read it whole, also where SQLite cannot write beside
    it (a WAL database in a read-only folder, where it cannot make the
    ``-shm`` file): as usual if it can, else read-only, else as an immutable
    file, but only when no ``-wal`` holds changes that reading it so would
    miss. A healthy file is never called corrupt for being out of reach."""
    check_header(path)
    uri = path.resolve().as_uri()
    wal = path.with_name(path.name + "-wal")
    ways = ["", "?mode=ro"]
    if not (wal.exists() and wal.stat().st_size > 0):
        ways.append("?immutable=1")
    reason = "no way to read it"
    for way in ways:
        conn = sqlite3.connect(uri + way, uri=True, timeout=5)
        try:
            conn.execute("select count(*) from sqlite_master").fetchone()
            return conn
        except sqlite3.DatabaseError as error:
            conn.close()
            reason = str(error)
            if "not a database" in reason or "malformed" in reason:
                raise StoreError(f"{path} is corrupt or not a database ({reason})") from None
            if "locked" in reason or "busy" in reason:
                # Held by a writer or a restore: never read it around the lock.
                raise StoreError(
                    f"{path} is locked by another program (a restore under way?):"
                    " try again in a moment"
                ) from None
    raise StoreError(
        f"cannot read {path} ({reason}): SQLite cannot write beside it; copy its folder"
        " somewhere you can write, then back it up"
    )


def check_minuteterm(conn: sqlite3.Connection, path: Path) -> int:
    """Refuse a database that is not MinuteTerm's or is newer than this
    code; return its schema version."""
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        names = {row[0] for row in conn.execute("select name from sqlite_master")}
    except sqlite3.DatabaseError as error:
        if "not a database" in str(error) or "malformed" in str(error):
            raise StoreError(f"{path} is corrupt or not a database ({error})") from None
        raise StoreError(f"cannot read {path} ({error})") from None
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer MinuteTerm (schema {version}, this "
            f"version understands up to {SCHEMA_VERSION}); upgrade MinuteTerm first"
        )
    if version < 1 or not names >= OUR_TABLES:
        raise StoreError(f"{path} is an SQLite database, but not a MinuteTerm one")
    return version


def check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a database that fails ``PRAGMA integrity_check``."""
    try:
        problems = [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} is corrupt ({error})") from None
    if problems != ["ok"]:
        raise StoreError(f"{path} is corrupt ({'; '.join(problems[:3])})")


def remove_if_empty(path: Path) -> bool:
    """Remove the database at ``path`` (and its WAL, index and journal) if it
    holds no committee, so no meeting, person or action either: a new file a
    refused command made. Return whether it was removed; a file that cannot
    be read is left alone."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            held = conn.execute("select count(*) from committees").fetchone()[0]
        finally:
            conn.close()
    except (sqlite3.Error, OSError):
        return False
    if held:
        return False
    for leftover in (path, *sidecars(path)):
        leftover.unlink(missing_ok=True)
    return True
