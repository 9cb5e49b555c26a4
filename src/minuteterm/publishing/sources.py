"""Reading a clerk's database for publishing, and choosing its meetings.

A source is read from a private copy (SQLite's backup of a read-only
connection): the clerk's own file is never written, locked for long or
migrated by publishing, and one sent by another clerk from an older
MinuteTerm is upgraded only in the copy.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from minuteterm.db.dbfile import check_header
from minuteterm.db.store import Store, open_store
from minuteterm.errors import StoreError
from minuteterm.model import Meeting, MeetingStatus
from minuteterm.publishing.errors import PublishError


@dataclass(frozen=True)
class Selection:
    """Which meetings to publish: committees whose name contains one of
    ``committees`` (all when empty), starting on or after ``since``, approved
    ones only unless ``include_unapproved`` (closed but not yet approved).
    Meetings not yet closed (drafts, live) are never published."""

    committees: tuple[str, ...] = ()
    since: date | None = None
    include_unapproved: bool = False

    def statuses(self) -> tuple[MeetingStatus, ...]:
        """The meeting statuses published."""
        if self.include_unapproved:
            return (MeetingStatus.APPROVED, MeetingStatus.CLOSED)
        return (MeetingStatus.APPROVED,)

    def takes_committee(self, name: str) -> bool:
        """Whether meetings of committee ``name`` are published."""
        wanted = [text.strip().casefold() for text in self.committees if text.strip()]
        return not wanted or any(text in name.casefold() for text in wanted)


def _check_source(path: Path) -> None:
    """Refuse a source that is missing, a folder, or not an SQLite file."""
    if not path.exists():
        raise PublishError(f"there is no database at {path}")
    try:
        check_header(path)
    except StoreError as error:
        raise PublishError(str(error)) from None


def _copy(path: Path, copy: Path) -> None:
    """A consistent copy of ``path`` (as committed, WAL included) at ``copy``."""
    try:
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.DatabaseError as error:
        raise PublishError(f"cannot read {path}: {error}") from None
    try:
        target = sqlite3.connect(copy)
        try:
            source.backup(target)
        finally:
            target.close()
    except sqlite3.DatabaseError as error:
        raise PublishError(f"cannot read {path}: {error}") from None
    finally:
        source.close()


@contextmanager
def opened_copy(path: Path) -> Iterator[Store]:
    """A store on a private, temporary copy of the database at ``path``."""
    path = Path(path).expanduser()
    _check_source(path)
    with tempfile.TemporaryDirectory(prefix="minuteterm-publish-") as folder:
        copy = Path(folder) / "source.db"
        _copy(path, copy)
        try:
            store = open_store(copy)
        except StoreError as error:
            raise PublishError(str(error).replace(str(copy), str(path))) from None
        try:
            yield store
        finally:
            store.close()


def committee_names(store: Store) -> list[str]:
    """Every committee of the database, by name."""
    return [row["name"] for row in store.query("select name from committees order by name")]


def chosen_meetings(store: Store, selection: Selection) -> list[Meeting]:
    """The meetings of ``store`` to publish, oldest first."""
    statuses = selection.statuses()
    chosen = [
        meeting
        for meeting in store.meetings()
        if meeting.status in statuses
        and selection.takes_committee(meeting.committee)
        and (selection.since is None or meeting.starts_at.date() >= selection.since)
    ]
    return sorted(chosen, key=lambda meeting: (meeting.starts_at, meeting.id))
