"""Safe copies of the database: made on demand and each time a meeting closes.

A backup is written with ``VACUUM INTO`` (a consistent snapshot, even while
another program reads or writes, with whatever the WAL holds) to a hidden
temporary name in the target folder, checked with ``PRAGMA
integrity_check``, flushed to disk and only then renamed to its final name,
so a file called ``minuteterm-*.db`` is always a whole, sound database.
The copy is a single file (rollback journal, no ``-wal``): it can be copied,
mailed or opened as it is.

Backups go to ``backups/`` next to the database unless told otherwise, named
``minuteterm-YYYYMMDD-HHMMSS.db`` in local time (``-2``, ``-3`` … when that
second is taken). :func:`prune` keeps the latest few of those; other files
in the folder (a backup taken before a restore, one you renamed) are never
removed.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

from minuteterm import clock
from minuteterm.dates import to_local
from minuteterm.db.dbfile import check_minuteterm, open_to_copy
from minuteterm.db.store import Store, StoreError

#: The folder, next to the database, that backups go to by default.
BACKUP_FOLDER = "backups"

#: How many automatic backups :func:`prune` keeps.
KEEP = 10

#: The names :func:`prune` may remove: ``minuteterm-20261214-182500(-2).db``.
AUTOMATIC_NAME = re.compile(r"minuteterm-(\d{8}-\d{6})(?:-(\d+))?\.db")


class BackupError(StoreError):
    """A backup could not be made; the message says why. Nothing was left
    behind under a backup's name."""


def default_folder(db_path: Path) -> Path:
    """Where backups of ``db_path`` go unless told otherwise."""
    return db_path.parent / BACKUP_FOLDER


def backup(store: Store, target: Path | None = None) -> Path:
    """Copy the store's database safely; return the new file's path.

    ``target`` is a folder (one that exists, or a name with no extension
    such as ``usb/backups``, made if need be) that gets a dated file name,
    or the name of a new file (``friday.db``); by default the ``backups``
    folder next to the database. An existing file is never overwritten."""
    conn = store.db.conn
    if conn.in_transaction:
        raise BackupError("cannot back up in the middle of a change; try again")
    return copy_database(conn, store.path, target)


def backup_file(db_path: Path, target: Path | None = None) -> Path:
    """Back up the MinuteTerm database at ``db_path`` without opening it as a
    store (an older file is copied as it is, not migrated first; a read-only
    one is read)."""
    conn = open_to_copy(db_path)
    try:
        check_minuteterm(conn, db_path)
        return copy_database(conn, db_path, target)
    finally:
        conn.close()


def copy_database(
    conn: sqlite3.Connection, db_path: Path, target: Path | None = None, *, suffix: str = ""
) -> Path:
    """Write a checked copy of the database ``conn`` has open (the file
    ``db_path``) to ``target`` (see :func:`backup`); ``suffix`` goes after
    the time in a dated name."""
    final = _destination(db_path, target, suffix)
    temporary = final.with_name(f".{final.name}.{os.getpid()}.tmp")
    try:
        temporary.unlink(missing_ok=True)
        conn.execute("VACUUM INTO ?", [str(temporary)])
        check_copy(temporary)
        os.replace(temporary, final)
        sync_folder(final.parent)
    except sqlite3.DatabaseError as error:
        raise BackupError(f"could not back up {db_path}: {error}") from None
    except OSError as error:
        raise BackupError(f"could not write the backup {final}: {error.strerror}") from None
    finally:
        temporary.unlink(missing_ok=True)
    return final


def check_copy(path: Path) -> None:
    """Refuse (:class:`BackupError`) a copy that fails ``PRAGMA
    integrity_check``; else flush it to disk (``VACUUM INTO`` does not)."""
    problems = _integrity(path)
    if problems != ["ok"]:
        raise BackupError(f"the copy failed its integrity check ({'; '.join(problems[:3])})")
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _integrity(path: Path) -> list[str]:
    """``PRAGMA integrity_check`` of a file: ``["ok"]``, or its problems."""
    conn = sqlite3.connect(str(path))
    try:
        return [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as error:
        return [str(error)]
    finally:
        conn.close()


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` survive a power cut (where the system
    allows it)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _destination(db_path: Path, target: Path | None, suffix: str) -> Path:
    """The final path of a backup, refusing one that would overwrite a file."""
    if target is None:
        folder = default_folder(db_path)
        _make_folder(folder, parents=False)
    elif target.is_dir() or str(target).endswith(("/", os.sep)) or not target.suffix:
        folder = target.expanduser()
        _make_folder(folder, parents=True)
    else:
        return _named_file(db_path, target.expanduser())
    return free_name(folder, dated_stem(suffix))


def _make_folder(folder: Path, *, parents: bool) -> None:
    try:
        folder.mkdir(parents=parents, exist_ok=True)
    except OSError as error:
        raise BackupError(
            f"cannot make the backup folder {folder}: {error.strerror or error}"
        ) from None
    if not folder.is_dir():
        raise BackupError(f"cannot back up into {folder}: it is not a folder")


def _named_file(db_path: Path, target: Path) -> Path:
    if not target.parent.is_dir():
        raise BackupError(f"cannot write {target}: folder {target.parent} does not exist")
    if target.exists():
        if target.resolve() == db_path.resolve():
            raise BackupError(f"{target} is the database itself: choose another name")
        raise BackupError(f"{target} already exists: choose another name or a folder")
    return target


def dated_stem(suffix: str = "") -> str:
    """``minuteterm-20261214-182500`` (local time now), then ``suffix``."""
    return f"minuteterm-{to_local(clock.now()):%Y%m%d-%H%M%S}{suffix}"


def free_name(folder: Path, stem: str) -> Path:
    """``folder/STEM.db``, or ``STEM-2.db``, ``STEM-3.db`` … if taken."""
    candidate = folder / f"{stem}.db"
    number = 1
    while candidate.exists():
        number += 1
        candidate = folder / f"{stem}-{number}.db"
    return candidate


def prune(folder: Path, keep: int = KEEP) -> list[Path]:
    """Remove all but the latest ``keep`` automatic backups in ``folder``;
    return what was removed. Files with other names are left alone, and a
    file that cannot be removed is skipped (pruning never fails a close)."""
    try:
        found = [path for path in folder.iterdir() if AUTOMATIC_NAME.fullmatch(path.name)]
    except OSError:
        return []
    found.sort(key=_age, reverse=True)
    removed = []
    for path in found[max(keep, 0) :]:
        try:
            path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


def _age(path: Path) -> tuple[str, int]:
    match = AUTOMATIC_NAME.fullmatch(path.name)
    assert match is not None
    return match.group(1), int(match.group(2) or 1)
