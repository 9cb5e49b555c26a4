"""The meeting store: one SQLite file, opened with sqlite-utils.

Every write is one transaction (``db.atomic()``), committed before the call
returns, with ``synchronous=FULL`` in WAL mode: once a method here returns,
the entry survives a crash, ``kill -9`` or power cut. Times are stored as
UTC ISO-8601 text.

Threading rule: a :class:`Store` belongs to the thread that opened it (the
TUI's event loop, or the CLI). Workers that need the database open their own.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import pendulum

from minuteterm import clock
from minuteterm.clock import iso, moment
from minuteterm.dates import DEFAULT_ZONE, format_date, in_zone
from minuteterm.db import audit, search_index
from minuteterm.db.schema import SchemaError, migrate
from minuteterm.db.schema_check import check_shape
from minuteterm.db.search_index import Progress
from minuteterm.db.writable import probe_write, read_only_message, unwritable
from minuteterm.errors import StorageUnavailable, StoreError
from minuteterm.filekind import kind_of
from minuteterm.model import (
    Action,
    ActionStatus,
    AgendaItem,
    AttendanceStatus,
    Attendee,
    Change,
    Committee,
    Entry,
    EntryKind,
    Meeting,
    MeetingStatus,
    MinuteNumbering,
    NewItem,
    PersonKind,
    ResolutionMarks,
    standing_item,
)
from minuteterm.textsafe import clean, stored_text

if TYPE_CHECKING:
    import sqlite_utils

    from minuteterm.model import Revision

T = TypeVar("T")

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
#: How many of a committee's latest meetings speaker names are suggested from.
NAMES_FROM_MEETINGS = 24


class UnknownMeeting(StoreError):
    """No meeting has the id asked for."""


class MeetingLocked(StoreError):
    """The meeting's minutes are approved and can no longer change."""


def row_id(value: object) -> int:
    """The id SQLite gave a new row (sqlite-utils types it loosely)."""
    if not isinstance(value, int):
        raise StoreError(f"the database gave the new row no id ({value!r})")
    return value


def _zoned(stamp: str | None, zone: str) -> pendulum.DateTime | None:
    """A stored moment of a meeting, read in the meeting's zone."""
    found = moment(stamp)
    return None if found is None else in_zone(found, zone)


def committee_from(row: dict[str, Any]) -> Committee:
    """A ``committees`` row as a :class:`Committee`."""
    return Committee(
        id=row["id"],
        name=row["name"],
        prefix=row["prefix"],
        quorum=row["quorum"],
        numbering=MinuteNumbering(row["numbering"]),
        first_minute=row["first_minute"],
        resolution_marks=ResolutionMarks(row["resolution_marks"]),
        question_style=row.get("question_style") or "dash",
        member_naming=row.get("member_naming") or "cllr-full",
        shared_stem=bool(row.get("shared_stem")),
        time_zone=row.get("time_zone") or DEFAULT_ZONE,
    )


def _attendance_order(row: dict[str, Any]) -> tuple[bool, str, str, str]:
    """Chair first, then members before officers, each by surname."""
    surname = row["name"].split()[-1].casefold() if row["name"].split() else ""
    return (not row["chair"], row["kind"], surname, row["name"].casefold())


def like_pattern(text: str) -> str:
    """``%text%`` for ``like ? escape '\\'``, with ``%``, ``_`` and ``\\``
    in ``text`` matched literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _meeting_filter(text: str) -> tuple[str, list[Any]]:
    """The ``where`` clause for :meth:`Store.meetings`: every word of
    ``text`` in the committee, title, venue, status or stored start."""
    clauses, params = [], []
    for word in text.split():
        clauses.append(
            "(c.name || ' ' || m.title || ' ' || m.venue || ' ' || m.status || ' '"
            " || m.starts_at) like ? escape '\\'"
        )
        params.append(like_pattern(word))
    return (" where " + " and ".join(clauses)) if clauses else "", params


#: The longest committee name, meeting title or venue (a long real one is
#: about 80 characters).
MAX_NAME_CHARS = 200


def short_text(text: str, what: str) -> str:
    """``text`` cleaned (:func:`~minuteterm.textsafe.clean`), refusing one
    longer than :data:`MAX_NAME_CHARS` with the reason; ``what`` names it
    ("a committee name")."""
    text = clean(text)
    if len(text) > MAX_NAME_CHARS:
        raise StoreError(
            f"{what} is at most {MAX_NAME_CHARS} characters (this one has {len(text):,}):"
            " shorten it"
        )
    return text


def _check_file(path: Path) -> None:
    """Refuse, with a clear message, a path that cannot hold our database."""
    if not path.parent.is_dir():
        raise StoreError(f"cannot open {path}: folder {path.parent} does not exist")
    if (kind := kind_of(path)) is not None:  # before SQLite makes a journal beside it
        raise StoreError(f"cannot open {path}: it is {kind}, not a database file")
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror}") from None
    if head != SQLITE_MAGIC:
        raise StoreError(f"{path} is not a MinuteTerm database (not an SQLite file)")


def open_store(path: str | Path, progress: Progress | None = None) -> Store:
    """Open (creating and migrating if need be) the database at ``path``.

    ``progress`` is told how far a long upgrade has got (building the
    search index of an existing archive).

    Raises :class:`StoreError` for a file that is not ours, is corrupt, is
    locked for too long, was written by a newer MinuteTerm, or cannot be
    written (never falling back to opening it read-only or elsewhere).
    """
    path = Path(path).expanduser()
    _check_file(path)
    if (reason := unwritable(path)) is not None:
        raise StoreError(reason)
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.DatabaseError as error:
        raise StoreError(_explain(path, error)) from None
    conn.text_factory = stored_text  # what was stored is shown, never run
    store = Store(conn, path)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        check_shape(conn, path)  # changed outside MinuteTerm: refused, untouched
        with search_index.reporting(progress):
            migrate(conn, path, lambda: store.db)
        probe_write(conn)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    except SchemaError as error:
        conn.close()
        raise StoreError(str(error)) from None
    except sqlite3.DatabaseError as error:
        conn.close()
        raise StoreError(_explain(path, error)) from None
    return store


#: Words of SQLite's errors for a write the file cannot take just now.
_UNAVAILABLE = ("locked", "busy", "readonly", "read-only", "full", "disk i/o")


def _failure(path: Path, error: sqlite3.DatabaseError) -> StoreError:
    """The clerk's error for a failed write: :class:`StorageUnavailable` when
    the same write may work later (lock, full or read-only disk, I/O)."""
    message = _explain(path, error)
    if any(word in str(error).casefold() for word in _UNAVAILABLE):
        return StorageUnavailable(message)
    return StoreError(message)


def _explain(path: Path, error: sqlite3.DatabaseError) -> str:
    text = str(error)
    if "locked" in text or "busy" in text:
        return f"the database is busy (another program is writing to {path})"
    if "readonly" in text or "read-only" in text:
        return read_only_message(path)
    if "not a database" in text or "malformed" in text:
        return f"{path} is corrupt or not a database ({text})"
    if "unable to open" in text:
        return f"cannot open {path}: {text}"
    return f"{path}: {text}"


class Store:
    """Queries and transactional writes over one meeting database.

    Reads go straight to the ``sqlite3`` connection; the sqlite-utils view
    of it (:attr:`db`), which writes use, is made on first use, so showing a
    meeting does not wait for sqlite-utils to be imported.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        #: Entries, meetings and items kept by the row they were made from.
        self._kept: dict[tuple[Any, ...], Any] = {}

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """The connection as a sqlite-utils database (for writes)."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn, execute_plugins=False)

    def close(self) -> None:
        """Close the connection (all writes are already committed)."""
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """One transaction, committed on leaving; errors become :class:`StoreError`.

        The write lock is taken at the start (``BEGIN IMMEDIATE``), so when
        another program is writing this waits for it (up to the busy timeout)
        instead of failing half-way. Nested use becomes a savepoint.
        """
        conn = self.conn
        try:
            if conn.in_transaction:
                with self.db.atomic():
                    yield self.db
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                with self.db.atomic():  # a savepoint inside the immediate transaction
                    yield self.db
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise _failure(self.path, error) from None

    _writing = transaction

    def set_busy_timeout(self, milliseconds: int) -> None:
        """How long a write waits for another program's write lock before it
        is refused (the TUI waits briefly: typing never waits on the file)."""
        self.conn.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")

    @contextmanager
    def patience(self, milliseconds: int) -> Iterator[None]:
        """Within the block, wait at most ``milliseconds`` for a lock."""
        before = int(self.conn.execute("PRAGMA busy_timeout").fetchone()[0])
        self.set_busy_timeout(milliseconds)
        try:
            yield
        finally:
            self.set_busy_timeout(before)

    def data_version(self) -> int:
        """A number that changes when another connection commits to the file
        (``PRAGMA data_version``): cheap to poll."""
        try:
            return int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.DatabaseError as error:
            raise StoreError(_explain(self.path, error)) from None

    def query(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        """Rows of a read-only query as dicts; errors become :class:`StoreError`."""
        names, rows = self._named_values(sql, params)
        return [dict(zip(names, row, strict=True)) for row in rows]

    def _named_values(
        self, sql: str, params: Iterable[Any] | dict[str, Any] = ()
    ) -> tuple[list[str], list[tuple[Any, ...]]]:
        """A read-only query's column names and rows (as tuples); errors
        become :class:`StoreError`."""
        bound = params if isinstance(params, dict) else list(params)
        try:
            cursor = self.conn.execute(sql, bound)
            if cursor.description is None:
                return [], []
            return [column[0] for column in cursor.description], cursor.fetchall()
        except sqlite3.DatabaseError as error:
            raise StoreError(_explain(self.path, error)) from None

    _rows = query

    def values(
        self, sql: str, params: Iterable[Any] | dict[str, Any] = ()
    ) -> list[tuple[Any, ...]]:
        """Rows of a read-only query as tuples, in the order of its columns
        (no dict built for each: for reads of hundreds of rows); errors
        become :class:`StoreError`."""
        return self._named_values(sql, params)[1]

    # --- committees, people -------------------------------------------------

    def committee(self, name: str) -> Committee:
        """Return the committee called ``name``, creating it if new."""
        name = short_text(name, "a committee name")
        if not name:
            raise StoreError("a committee needs a name")
        rows = self._rows("select * from committees where name = ?", [name])
        if rows:
            return committee_from(rows[0])
        with self._writing() as db:
            new_id = db.table("committees").insert({"name": name}).last_pk
        return self.committee_by_id(row_id(new_id))

    def committee_by_id(self, committee_id: int) -> Committee:
        """One committee by id."""
        rows = self._rows("select * from committees where id = ?", [committee_id])
        if not rows:
            raise StoreError(f"there is no committee {committee_id}")
        return committee_from(rows[0])

    def _person_id(
        self,
        committee_id: int,
        name: str,
        kind: PersonKind,
        title: str | None,
        expected: bool = False,
    ) -> int:
        """The person called ``name`` in the committee, made if new; their
        kind and title as given (a title is only replaced, never cleared), and
        ``expected`` (a standing member, listed at its next meetings) set if
        asked."""
        rows = self._rows(
            "select id, title from people where committee_id = ? and name = ?",
            [committee_id, name],
        )
        changes: dict[str, Any] = {"kind": kind.value, "title": title or None}
        if expected:
            changes["expected"] = 1
        if rows:
            if not title:
                changes["title"] = rows[0]["title"]
            self.db.table("people").update(rows[0]["id"], changes)
            return int(rows[0]["id"])
        table = self.db.table("people").insert(
            {"committee_id": committee_id, "name": name, **changes}
        )
        return row_id(table.last_pk)

    def add_attendee(
        self,
        meeting_id: int,
        name: str,
        kind: PersonKind = PersonKind.MEMBER,
        status: AttendanceStatus = AttendanceStatus.PRESENT,
        *,
        title: str | None = None,
        chair: bool | None = None,
        substitute_for: str | None = None,
    ) -> str:
        """List ``name`` against a meeting with ``status`` (and remember them
        for its committee: a member, unless a substitute, is expected at its
        next meetings). ``chair`` True makes them the Chair (and nobody else),
        False stops them being it, ``None`` leaves it. Returns the name."""
        meeting = self.meeting(meeting_id)
        self.assert_editable(meeting)
        name = clean(name)
        if not name:
            raise StoreError("an attendee needs a name")
        standing = kind is PersonKind.MEMBER and status is not AttendanceStatus.SUBSTITUTE
        row: dict[str, Any] = {"meeting_id": meeting_id, "status": status.value}
        if status is not AttendanceStatus.SUBSTITUTE:
            row["substitute_for"] = None
        elif substitute_for:  # a substitute marked again keeps whom they stand in for
            row["substitute_for"] = clean(substitute_for)
        with self._writing() as db:
            row["person_id"] = self._person_id(
                meeting.committee_id, name, kind, title and clean(title), expected=standing
            )
            (person,) = self._rows(
                "select kind, title from people where id = ?", [row["person_id"]]
            )
            row["kind"], row["title"] = person["kind"], person["title"]  # as at this meeting
            if chair:
                db.execute("update attendance set chair = 0 where meeting_id = ?", [meeting_id])
            if chair is not None:
                row["chair"] = int(chair)
            db.table("attendance").upsert(row, pk=("meeting_id", "person_id"))
        return name

    def attendees(self, meeting_id: int) -> list[Attendee]:
        """Who is listed against a meeting, chair first, then by name."""
        rows = self._rows(
            """select p.name, coalesce(a.kind, p.kind) as kind, coalesce(a.title, p.title) as title,
            a.status, a.chair, a.substitute_for,
            (select ev.event from attendance_events ev
                join entries x on x.id = ev.entry_id and x.deleted_at is null
                where ev.meeting_id = a.meeting_id and ev.person_id = a.person_id
                order by ev.at desc, ev.entry_id desc limit 1) = 'left' as has_left
            from attendance a join people p on p.id = a.person_id
            where a.meeting_id = ?""",
            [meeting_id],
        )
        rows.sort(key=_attendance_order)
        return [
            Attendee(
                name=row["name"],
                kind=PersonKind(row["kind"]),
                status=AttendanceStatus(row["status"]),
                title=row["title"],
                substitute_for=row["substitute_for"],
                chair=bool(row["chair"]),
                left=bool(row["has_left"]),
            )
            for row in rows
        ]

    def people_names(self, meeting_id: int) -> list[str]:
        """Names a clerk may type as a speaker: the meeting's people, the
        committee's, and every speaker or owner used in its last
        :data:`NAMES_FROM_MEETINGS` meetings, most used first (a council's
        ten-year archive would otherwise be read on every line)."""
        meeting = self.meeting(meeting_id)
        rows = self._rows(
            """select name, sum(weight) as uses from (
                select p.name as name, 100 as weight from attendance a
                  join people p on p.id = a.person_id where a.meeting_id = ?
                union all
                select p.title, 100 from attendance a
                  join people p on p.id = a.person_id
                where a.meeting_id = ? and p.title is not null
                union all
                select p.name, 1 from people p where p.committee_id = ?
                union all
                select e.speaker, 1 from entries e
                  join agenda_items i on i.id = e.item_id
                where i.meeting_id in (
                    select id from meetings where committee_id = ?
                    order by starts_at desc limit ?)
                  and e.speaker is not null and e.deleted_at is null
            ) group by name order by uses desc, name""",
            [
                meeting_id,
                meeting_id,
                meeting.committee_id,
                meeting.committee_id,
                NAMES_FROM_MEETINGS,
            ],
        )
        return [row["name"] for row in rows]

    # --- meetings -----------------------------------------------------------

    def insert_meeting(
        self,
        committee: str,
        starts_at: pendulum.DateTime,
        *,
        venue: str = "",
        title: str | None = None,
        agenda: Iterable[NewItem] = (),
        time_zone: str | None = None,
    ) -> int:
        """Insert a draft meeting with its agenda; return its id. It happens
        in ``time_zone`` (else the committee's zone). (Meetings are
        made through :func:`minuteterm.recording.meetings.create_meeting`,
        which adds the action log in the same transaction.)"""
        owner = self.committee(committee)
        title = short_text(title or owner.name, "a meeting title")
        venue = short_text(venue, "a venue")
        items = [item for item in agenda if clean(item.title)]
        numbers = [clean(item.number or "") for item in items]
        if not all(numbers) or len(set(numbers)) < len(numbers):
            numbers = [str(position) for position in range(1, len(items) + 1)]
        with self._writing() as db:
            meeting_id = row_id(
                db.table("meetings")
                .insert(
                    {
                        "committee_id": owner.id,
                        "title": title,
                        "starts_at": iso(starts_at),
                        "venue": venue,
                        "time_zone": time_zone or owner.time_zone,
                        "status": MeetingStatus.DRAFT.value,
                        "created_at": iso(clock.now()),
                    }
                )
                .last_pk
            )
            for position, (item, number) in enumerate(zip(items, numbers, strict=True), start=1):
                db.table("agenda_items").insert(
                    {
                        "meeting_id": meeting_id,
                        "position": position,
                        "number": number,
                        "title": clean(item.title),
                        "exempt": int(item.exempt),
                        "exempt_paragraph": item.exempt_paragraph if item.exempt else None,
                        "standing": standing_item(clean(item.title)),
                    }
                )
            db.execute(  # the committee's members, to be marked as they arrive
                """insert into attendance (meeting_id, person_id, status, kind, title)
                select ?, id, 'expected', kind, title from people
                where committee_id = ? and expected = 1 and kind = 'member'""",
                [meeting_id, owner.id],
            )
        return meeting_id

    def _meeting_from(self, row: dict[str, Any]) -> Meeting:
        """The meeting a row holds, as made from the same row before (a
        line saved reads its meeting several times, and each made it anew,
        every stored moment turned into the meeting's zone)."""
        if not row["starts_at"]:  # it starts "now": made anew each time
            return self._make_meeting(row)
        return self._kept_or_made(("meeting", *row.values()), lambda: self._make_meeting(row))

    #: Rows kept made at most; then they start again.
    _KEPT = 8192

    def _kept_or_made(self, key: tuple[Any, ...], make: Callable[[], T]) -> T:
        """What ``make`` made before for the same ``key`` (a stored row: the
        objects are immutable and made from their row alone), or made now."""
        kept = self._kept.get(key)
        if kept is None:
            if len(self._kept) >= self._KEPT:
                self._kept.clear()
            kept = self._kept[key] = make()
        return cast(T, kept)

    def _make_meeting(self, row: dict[str, Any]) -> Meeting:
        zone = row["time_zone"]
        return Meeting(
            id=row["id"],
            committee_id=row["committee_id"],
            committee=row["committee"],
            title=row["title"],
            starts_at=in_zone(moment(row["starts_at"]) or clock.now(), zone),
            venue=row["venue"] or "",
            status=MeetingStatus(row["status"]),
            current_item_id=row["current_item_id"],
            opened_at=_zoned(row["opened_at"], zone),
            ended_at=_zoned(row["ended_at"], zone),
            approved_at=_zoned(row["approved_at"], zone),
            time_zone=zone,
        )

    def committee_zone(self, name: str) -> str:
        """The zone new meetings of the committee ``name`` happen in (the
        default zone for a committee not made yet); changes nothing."""
        rows = self._rows("select time_zone from committees where name = ?", [clean(name)])
        return rows[0]["time_zone"] if rows else DEFAULT_ZONE

    def meeting_zone(self, meeting_id: int) -> str:
        """The zone meeting ``meeting_id`` happens in."""
        rows = self._rows("select time_zone from meetings where id = ?", [meeting_id])
        if not rows:
            raise UnknownMeeting(f"there is no meeting {meeting_id} (see: minuteterm list)")
        return str(rows[0]["time_zone"])

    _MEETING_SQL = """select m.*, c.name as committee from meetings m
        join committees c on c.id = m.committee_id"""

    def meeting(self, meeting_id: int) -> Meeting:
        """Return one meeting; :class:`UnknownMeeting` if there is none."""
        rows = self._rows(self._MEETING_SQL + " where m.id = ?", [meeting_id])
        if not rows:
            raise UnknownMeeting(f"there is no meeting {meeting_id} (see: minuteterm list)")
        return self._meeting_from(rows[0])

    def meetings(self, text: str = "", limit: int | None = None) -> list[Meeting]:
        """Meetings newest first: all of them, or those whose committee,
        title, venue, status or date (``2026-03``) hold every word of
        ``text``; at most ``limit`` of them."""
        where, params = _meeting_filter(text)
        sql = self._MEETING_SQL + where + " order by m.starts_at desc, m.id desc"
        if limit is not None:
            sql += " limit ?"
            params.append(limit)
        return [self._meeting_from(row) for row in self._rows(sql, params)]

    def count_meetings(self, text: str = "") -> int:
        """How many meetings :meth:`meetings` would list for ``text``."""
        where, params = _meeting_filter(text)
        sql = "select count(*) as n from meetings m join committees c on c.id = m.committee_id"
        return int(self._rows(sql + where, params)[0]["n"])

    def entry_counts(self, meeting_ids: Iterable[int]) -> dict[int, int]:
        """How many live entries each of the given meetings holds, by id."""
        ids = [int(meeting_id) for meeting_id in meeting_ids]
        if not ids:
            return {}
        rows = self._rows(
            f"""select i.meeting_id, count(*) as n from agenda_items i
            join entries e on e.item_id = i.id
            where i.meeting_id in ({",".join("?" * len(ids))}) and e.deleted_at is null
            group by i.meeting_id""",
            ids,
        )
        return {row["meeting_id"]: row["n"] for row in rows}

    def assert_editable(self, meeting: Meeting) -> None:
        """Raise :class:`MeetingLocked` if the meeting's minutes are approved."""
        if meeting.status is MeetingStatus.APPROVED:
            raise MeetingLocked(
                f"the minutes of meeting {meeting.id} are approved and cannot change; "
                "record a correction as a resolution of a later meeting"
            )

    def set_current_item(
        self, meeting_id: int, item_id: int, now: pendulum.DateTime | None = None
    ) -> None:
        """Move the meeting to ``item_id``, recording when items end and start."""
        meeting = self.meeting(meeting_id)
        self.assert_editable(meeting)
        stamp = iso(now or clock.now())
        with self._writing() as db:
            previous = meeting.current_item_id
            if previous is not None and previous != item_id:
                db.table("agenda_items").update(previous, {"ended_at": stamp})
            item = db.table("agenda_items").get(item_id)
            db.table("agenda_items").update(
                item_id, {"started_at": item["started_at"] or stamp, "ended_at": None}
            )
            changes: dict[str, Any] = {"current_item_id": item_id}
            if meeting.status is MeetingStatus.DRAFT:
                changes["status"] = MeetingStatus.LIVE.value
            if meeting.opened_at is None:
                changes["opened_at"] = stamp
            db.table("meetings").update(meeting_id, changes)

    def end_meeting(self, meeting_id: int, now: pendulum.DateTime | None = None) -> None:
        """Mark the meeting closed: the current item and the meeting end now.
        (Meetings are closed through
        :func:`minuteterm.recording.meetings.close_meeting`, which numbers the
        minutes and carries actions forward in the same transaction.)"""
        meeting = self.meeting(meeting_id)
        self.assert_editable(meeting)
        stamp = iso(now or clock.now())
        with self._writing() as db:
            if meeting.current_item_id is not None:
                db.table("agenda_items").update(meeting.current_item_id, {"ended_at": stamp})
            db.table("meetings").update(
                meeting_id,
                {
                    "status": MeetingStatus.CLOSED.value,
                    "ended_at": stamp,
                    "opened_at": iso(meeting.opened_at) or stamp,
                },
            )

    # --- agenda ---------------------------------------------------------------

    _ITEM_SQL = """select i.*, m.time_zone from agenda_items i
        join meetings m on m.id = i.meeting_id"""

    def _item_from(self, row: dict[str, Any]) -> AgendaItem:
        """The item a row holds, as made from the same row before."""
        return self._kept_or_made(("item", *row.values()), lambda: self._make_item(row))

    def _make_item(self, row: dict[str, Any]) -> AgendaItem:
        return AgendaItem(
            id=row["id"],
            meeting_id=row["meeting_id"],
            position=row["position"],
            number=row["number"],
            title=row["title"],
            exempt=bool(row["exempt"]),
            exempt_paragraph=row["exempt_paragraph"],
            standing=row["standing"],
            report=row["report"],
            purpose=row["purpose"],
            started_at=_zoned(row["started_at"], row["time_zone"]),
            ended_at=_zoned(row["ended_at"], row["time_zone"]),
            minute_number=row["minute_number"],
            public_decision=row["public_decision"],
        )

    def items(self, meeting_id: int) -> list[AgendaItem]:
        """The meeting's agenda items in order."""
        rows = self._rows(
            self._ITEM_SQL + " where i.meeting_id = ? order by i.position",
            [meeting_id],
        )
        return [self._item_from(row) for row in rows]

    def item(self, item_id: int) -> AgendaItem:
        """One agenda item by id."""
        rows = self._rows(self._ITEM_SQL + " where i.id = ?", [item_id])
        if not rows:
            raise StoreError(f"there is no agenda item {item_id}")
        return self._item_from(rows[0])

    def add_item(self, meeting_id: int, title: str, exempt: bool = False) -> int:
        """Add an item at the end of the agenda (urgent business); return its id."""
        self.assert_editable(self.meeting(meeting_id))
        title = clean(title)
        if not title:
            raise StoreError("an agenda item needs a title")
        items = self.items(meeting_id)
        position = 1 + max((item.position for item in items), default=0)
        taken = {item.number for item in items}
        number = position
        while str(number) in taken:
            number += 1
        with self._writing() as db:
            table = db.table("agenda_items").insert(
                {
                    "meeting_id": meeting_id,
                    "position": position,
                    "number": str(number),
                    "title": title,
                    "exempt": int(exempt),
                }
            )
            return row_id(table.last_pk)

    # --- entries ------------------------------------------------------------

    _ENTRY_SQL = """select e.*, a.owner, a.description, a.due, a.due_text,
        a.status as action_status, a.number as action_number,
        (select m.time_zone from agenda_items zi join meetings m on m.id = zi.meeting_id
         where zi.id = e.item_id) as time_zone from entries e
        left join actions a on a.entry_id = e.id"""

    def _entry_from(self, row: dict[str, Any]) -> Entry:
        action = None
        if row["owner"] is not None:
            action = Action(
                entry_id=row["id"],
                owner=row["owner"],
                description=row["description"],
                due=date.fromisoformat(row["due"]) if row["due"] else None,
                due_text=row["due_text"],
                status=ActionStatus(row["action_status"]),
                number=row["action_number"],
            )
        return Entry(
            id=row["id"],
            item_id=row["item_id"],
            position=row["position"],
            kind=EntryKind(row["kind"]),
            text=row["text"],
            speaker=row["speaker"],
            created_at=in_zone(moment(row["created_at"]) or clock.now(), row["time_zone"]),
            updated_at=_zoned(row["updated_at"], row["time_zone"]),
            reply_to=row["reply_to"],
            action=action,
        )

    def _entries_read(self, sql: str, params: list[Any]) -> list[Entry]:
        """Entries from the rows of ``sql``, each taken as it was made from
        the same row before (an entry is immutable, and made from its row
        alone): the panes re-read an item's entries after every line, and
        turning each row's times into the meeting's zone, or even each row
        into a dict, cost more than reading them."""
        names, rows = self._named_values(sql, params)

        def made(row: tuple[Any, ...]) -> Callable[[], Entry]:
            return lambda: self._entry_from(dict(zip(names, row, strict=True)))

        return [self._kept_or_made(row, made(row)) for row in rows]

    def entries(self, item_id: int) -> list[Entry]:
        """The item's live entries, in the order they were taken."""
        return self._entries_read(
            self._ENTRY_SQL + " where e.item_id = ? and e.deleted_at is null order by e.position",
            [item_id],
        )

    def meeting_entries(
        self, meeting_id: int, kinds: Iterable[EntryKind] | None = None
    ) -> list[Entry]:
        """The meeting's live entries in agenda then capture order, optionally
        only those of the given kinds."""
        sql = (
            self._ENTRY_SQL
            + " join agenda_items i on i.id = e.item_id"
            + " where i.meeting_id = ? and e.deleted_at is null"
        )
        params: list[Any] = [meeting_id]
        if kinds is not None:
            chosen = [kind.value for kind in kinds]
            sql += f" and e.kind in ({','.join('?' * len(chosen))})"
            params += chosen
        return self._entries_read(sql + " order by i.position, e.position", params)

    def entry(self, entry_id: int) -> Entry:
        """One live entry by id."""
        rows = self._rows(self._ENTRY_SQL + " where e.id = ? and e.deleted_at is null", [entry_id])
        if not rows:
            raise StoreError(f"there is no entry {entry_id} (was it deleted?)")
        return self._entry_from(rows[0])

    def meeting_of_item(self, item_id: int) -> Meeting:
        """The meeting an agenda item belongs to."""
        return self.meeting(self.item(item_id).meeting_id)

    def add_entry(
        self,
        item_id: int,
        kind: EntryKind,
        text: str,
        *,
        speaker: str | None = None,
        reply_to: int | None = None,
        now: pendulum.DateTime | None = None,
    ) -> int:
        """Save one entry in one transaction; return its id. (An action's own
        row is written beside it by :mod:`minuteterm.recording.entries`, in
        the same transaction.)"""
        self.assert_editable(self.meeting_of_item(item_id))
        stamp = iso(now or clock.now())
        with self._writing() as db:
            position = (
                1
                + (
                    db.execute(
                        "select coalesce(max(position), 0) from entries where item_id = ?",
                        [item_id],
                    ).fetchone()[0]
                )
            )
            # plain SQL: sqlite-utils' insert reads the schema first, twice a line
            entry_id = row_id(
                db.execute(
                    """insert into entries
                    (item_id, position, kind, speaker, text, reply_to, created_at)
                    values (?, ?, ?, ?, ?, ?, ?)""",
                    [
                        item_id,
                        position,
                        kind.value,
                        (speaker and clean(speaker)) or None,
                        clean(text),
                        reply_to,
                        stamp,
                    ],
                ).lastrowid
            )
        return entry_id

    def update_entry(
        self,
        entry_id: int,
        *,
        kind: EntryKind,
        text: str,
        speaker: str | None,
        reply_to: int | None,
        now: pendulum.DateTime | None = None,
        change: Change | None = None,
        more_changes: bool = False,
    ) -> None:
        """Rewrite an entry in place (kind, words, speaker, question).

        Unless nothing changes, the entry as it stood is kept as a revision
        (see :mod:`minuteterm.db.audit`) in the same transaction, labelled
        ``change`` or, if not given, by what differs. ``more_changes`` says
        the caller also rewrites what hangs on the entry (its action), so a
        revision is kept even when the entry's own columns stay the same."""
        entry = self.entry(entry_id)
        self.assert_editable(self.meeting_of_item(entry.item_id))
        self.refuse_approving_edit(entry_id)
        stamp = now or clock.now()
        with self._writing() as db:
            found = audit.change_of(entry, kind, text, speaker, reply_to)
            if found is not None or more_changes:
                audit.keep(db, entry_id, change or found or Change.EDIT, stamp)
            db.table("entries").update(
                entry_id,
                {
                    "kind": kind.value,
                    "text": clean(text),
                    "speaker": (speaker and clean(speaker)) or None,
                    "reply_to": reply_to,
                    "updated_at": iso(stamp),
                },
            )

    def approved_by(self, entry_id: int) -> Meeting | None:
        """The meeting whose minutes stand approved by resolution ``entry_id``."""
        rows = self._rows(
            "select id from meetings where approved_by_entry = ? and status = 'approved'",
            [entry_id],
        )
        return self.meeting(rows[0]["id"]) if rows else None

    def refuse_approving_edit(self, entry_id: int) -> None:
        """Raise :class:`MeetingLocked` if ``entry_id`` is the resolution that
        approved a meeting's minutes and they stand approved: its words cannot
        change (to say the opposite) while the approval stands on them."""
        approved = self.approved_by(entry_id)
        if approved is not None:
            held = format_date(approved.starts_at.date())
            raise MeetingLocked(
                f"this resolution approved the minutes of the meeting held on {held} and "
                "cannot be edited while they stand approved: delete it (which withdraws "
                "the approval) and type /approve again"
            )

    def revisions(self, entry_id: int) -> list[Revision]:
        """Every earlier state of an entry (deleted or not), oldest first."""
        try:
            return audit.revisions(self.db, entry_id)
        except sqlite3.DatabaseError as error:
            raise StoreError(_explain(self.path, error)) from None

    def delete_entry(self, entry_id: int, now: pendulum.DateTime | None = None) -> None:
        """Delete an entry so that :meth:`undo_delete` can bring it back
        (its words are kept as a revision either way)."""
        entry = self.entry(entry_id)
        self.assert_editable(self.meeting_of_item(entry.item_id))
        stamp = now or clock.now()
        with self._writing() as db:
            audit.keep(db, entry_id, Change.DELETE, stamp)
            db.table("entries").update(entry_id, {"deleted_at": iso(stamp)})

    def last_deleted(self, meeting_id: int) -> int | None:
        """The meeting's most recently deleted entry, if any."""
        rows = self._rows(
            """select e.id from entries e join agenda_items i on i.id = e.item_id
            where i.meeting_id = ? and e.deleted_at is not null
            order by e.deleted_at desc, e.id desc limit 1""",
            [meeting_id],
        )
        return int(rows[0]["id"]) if rows else None

    def restore_entry(self, entry_id: int, now: pendulum.DateTime | None = None) -> None:
        """Bring a deleted entry back (and keep a ``restore`` revision of it)."""
        rows = self._rows("select item_id from entries where id = ?", [entry_id])
        if not rows:
            raise StoreError(f"there is no entry {entry_id}")
        self.assert_editable(self.meeting_of_item(rows[0]["item_id"]))
        with self._writing() as db:
            audit.keep(db, entry_id, Change.RESTORE, now or clock.now())
            db.table("entries").update(entry_id, {"deleted_at": None})

    def last_entry(self, meeting_id: int) -> Entry | None:
        """The meeting's most recently captured live entry."""
        rows = self._rows(
            self._ENTRY_SQL
            + """ join agenda_items i on i.id = e.item_id
            where i.meeting_id = ? and e.deleted_at is null
            order by e.created_at desc, e.id desc limit 1""",
            [meeting_id],
        )
        return self._entry_from(rows[0]) if rows else None

    def question_to_answer(self, item_id: int, before: int | None = None) -> int | None:
        """The question a new response answers: the item's latest question with
        no response yet, else its latest question; ``None`` if it has none.
        With ``before``, only questions captured before that entry count."""
        rows = self._rows(
            """select q.id, exists(select 1 from entries r where r.reply_to = q.id
                and r.deleted_at is null and r.kind = 'response') as answered
            from entries q where q.item_id = ? and q.kind = 'question'
            and q.deleted_at is null and (? is null or q.position < (
                select position from entries where id = ?))
            order by q.position desc""",
            [item_id, before, before],
        )
        for row in rows:
            if not row["answered"]:
                return int(row["id"])
        return int(rows[0]["id"]) if rows else None
