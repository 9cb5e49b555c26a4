"""The database schema and its migrations, versioned by ``PRAGMA user_version``.

Each migration is a function run once, in its own transaction, that moves
the schema from version ``n - 1`` to ``n``. A database newer than this code
is refused, never altered.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from minuteterm.dates import DEFAULT_ZONE, machine_zone_name
from minuteterm.db import search_index
from minuteterm.model import standing_item

if TYPE_CHECKING:
    import sqlite_utils


class SchemaError(Exception):
    """The file's schema is not one this MinuteTerm can use."""


def _v1_core(db: sqlite_utils.Database) -> None:
    """Committees, people, meetings, agenda, entries and actions."""
    db.executescript(
        """
        create table committees (
            id integer primary key,
            name text not null unique collate nocase,
            prefix text
        );
        create table people (
            id integer primary key,
            committee_id integer references committees(id),
            name text not null,
            kind text not null default 'member',
            title text,
            unique (committee_id, name)
        );
        create table meetings (
            id integer primary key,
            committee_id integer not null references committees(id),
            title text not null,
            starts_at text not null,
            venue text not null default '',
            status text not null default 'draft',
            current_item_id integer,
            opened_at text,
            ended_at text,
            approved_at text,
            created_at text not null
        );
        create index meetings_by_start on meetings(starts_at);
        create table attendance (
            meeting_id integer not null references meetings(id) on delete cascade,
            person_id integer not null references people(id),
            status text not null default 'present',
            substitute_for text,
            chair integer not null default 0,
            primary key (meeting_id, person_id)
        );
        create table agenda_items (
            id integer primary key,
            meeting_id integer not null references meetings(id) on delete cascade,
            position integer not null,
            number text not null,
            title text not null,
            report text,
            purpose text,
            exempt integer not null default 0,
            exempt_paragraph text,
            started_at text,
            ended_at text,
            unique (meeting_id, position)
        );
        create table entries (
            id integer primary key,
            item_id integer not null references agenda_items(id) on delete cascade,
            position integer not null,
            kind text not null,
            speaker text,
            text text not null,
            reply_to integer references entries(id) on delete set null,
            created_at text not null,
            updated_at text,
            deleted_at text
        );
        create index entries_by_item on entries(item_id, position);
        create index entries_by_reply on entries(reply_to);
        create table actions (
            entry_id integer primary key references entries(id) on delete cascade,
            owner text not null,
            description text not null,
            due text,
            due_text text,
            status text not null default 'open',
            status_note text,
            completed_at text
        );
        create index actions_by_status on actions(status, due);
        """
    )


def _v2_action_history(db: sqlite_utils.Database) -> None:
    """Dated updates to actions (never overwritten), and standing items."""
    db.executescript(
        """
        create table action_updates (
            id integer primary key,
            action_id integer not null references actions(entry_id) on delete cascade,
            entry_id integer references entries(id) on delete set null,
            at text not null,
            status text,
            owner text,
            due text,
            due_text text,
            note text not null default ''
        );
        create index action_updates_by_action on action_updates(action_id, at);
        create index actions_by_owner on actions(owner collate nocase);
        create index meetings_by_committee on meetings(committee_id, starts_at);
        alter table agenda_items add column standing text;
        """
    )


def _v3_action_as_raised(db: sqlite_utils.Database) -> None:
    """An action's owner and due date as raised, kept apart from its current
    ones: the minutes of the meeting that raised it never change, and the
    current values can be worked out again from the history."""
    db.executescript(
        """
        alter table actions add column raised_owner text;
        alter table actions add column raised_due text;
        alter table actions add column raised_due_text text;
        update actions set raised_owner = owner, raised_due = due, raised_due_text = due_text;
        create index action_updates_by_entry on action_updates(entry_id);
        """
    )


def _v4_revisions_and_drafts(db: sqlite_utils.Database) -> None:
    """Every earlier state of an entry (the audit trail), and the capture
    bar's unsent line for each meeting."""
    db.executescript(
        """
        create table entry_revisions (
            id integer primary key,
            entry_id integer not null references entries(id) on delete cascade,
            at text not null,
            action text not null
                check (action in ('edit', 'delete', 'restore', 'kind', 'attach')),
            kind text not null,
            speaker text,
            text text not null,
            reply_to integer references entries(id) on delete set null
        );
        create index entry_revisions_by_entry on entry_revisions(entry_id, id);
        create index entry_revisions_by_reply on entry_revisions(reply_to);
        create table drafts (
            meeting_id integer primary key references meetings(id) on delete cascade,
            text text not null,
            kind text not null,
            saved_at text not null
        );
        """
    )


def _v5_sheet_at_archive_size(db: sqlite_utils.Database) -> None:
    """What the action sheet needs to stay quick over 30,000 actions: each
    action's latest note and when it was made kept on the action (worked
    out again by ``recompute`` whenever its history changes), and an index
    of the live action entries, so the sheet never walks every entry."""
    live = (
        "u.note != '' and not exists (select 1 from entries x"
        " where x.id = u.entry_id and x.deleted_at is not null)"
    )
    latest = (
        "(select u.{column} from action_updates u where u.action_id = actions.entry_id"
        f" and {live} order by u.at desc, u.id desc limit 1)"
    )
    db.executescript(
        f"""
        alter table actions add column noted_at text;
        update actions set status_note = {latest.format(column="note")},
            noted_at = {latest.format(column="at")};
        create index entries_live_actions on entries(id, item_id)
            where kind = 'action' and deleted_at is null;
        """
    )


def _v6_formal_business(db: sqlite_utils.Database) -> None:
    """What a council's published minutes carry: each committee's quorum and
    numbering, who is expected, who came and went and when, declarations of
    interest, resolution forms and votes, minute numbers, the decision of an
    exempt item in general terms, and which meeting approved which."""
    db.executescript(
        """
        alter table committees add column quorum integer;
        alter table committees add column numbering text not null default 'running'
            check (numbering in ('running', 'prefixed'));
        alter table committees add column first_minute integer not null default 1;
        alter table committees add column resolution_marks text not null default 'numbers'
            check (resolution_marks in ('numbers', 'letters'));
        create table minute_counters (
            committee_id integer not null references committees(id),
            year integer not null,
            last integer not null,
            primary key (committee_id, year)
        );
        alter table people add column expected integer not null default 0;
        alter table agenda_items add column minute_number text;
        alter table agenda_items add column public_decision text;
        alter table meetings add column approved_by_entry integer
            references entries(id) on delete set null;
        create table attendance_events (
            entry_id integer primary key references entries(id) on delete cascade,
            meeting_id integer not null references meetings(id) on delete cascade,
            person_id integer not null references people(id),
            event text not null check (event in ('arrived', 'left')),
            item_id integer not null references agenda_items(id),
            at text not null
        );
        create index attendance_events_by_meeting on attendance_events(meeting_id, at);
        create table declarations (
            entry_id integer primary key references entries(id) on delete cascade,
            meeting_id integer not null references meetings(id) on delete cascade,
            person_id integer not null references people(id),
            item_id integer references agenda_items(id),
            kind text not null check (kind in ('pecuniary', 'other', 'non_registrable')),
            detail text not null default ''
        );
        create index declarations_by_meeting on declarations(meeting_id);
        create table resolutions (
            entry_id integer primary key references entries(id) on delete cascade,
            form text not null default 'resolved'
                check (form in ('resolved', 'recommended', 'agreed'))
        );
        create table votes (
            entry_id integer primary key references entries(id) on delete cascade,
            resolution_id integer not null references entries(id) on delete cascade,
            votes_for integer not null,
            against integer not null,
            abstain integer not null,
            casting text check (casting in ('for', 'against'))
        );
        create index votes_by_resolution on votes(resolution_id);
        create table recorded_votes (
            entry_id integer not null references votes(entry_id) on delete cascade,
            name text not null,
            side text not null check (side in ('for', 'against', 'abstain')),
            primary key (entry_id, name)
        );
        """
    )
    for row in list(db.query("select id, title from agenda_items where standing is null")):
        standing = standing_item(row["title"])
        if standing is not None:
            db.execute("update agenda_items set standing = ? where id = ?", [standing, row["id"]])


def _v7_imported_agendas(db: sqlite_utils.Database) -> None:
    """Where an imported meeting came from (so importing it again updates it
    rather than making another), and the reports and documents linked to
    each agenda item."""
    db.executescript(
        """
        create table if not exists meeting_sources (
            meeting_id integer primary key references meetings(id) on delete cascade,
            site text not null,
            external_id text not null,
            imported_at text not null,
            unique (site, external_id)
        );
        create table if not exists item_documents (
            id integer primary key,
            item_id integer not null references agenda_items(id) on delete cascade,
            position integer not null,
            title text not null,
            url text,
            restricted integer not null default 0
        );
        create index if not exists item_documents_by_item on item_documents(item_id, position);
        """
    )


def _v10_attendance_as_minuted(db: sqlite_utils.Database) -> None:
    """Each attendee's kind and title as at the meeting ("Head of Finance"
    becoming "Director of Finance" at a later one leaves this meeting's
    attendance as it was). Existing rows take them as they stand."""
    have = {row[1] for row in db.execute("pragma table_info(attendance)").fetchall()}
    for column in ("kind", "title"):
        if column not in have:
            db.execute(f"alter table attendance add column {column} text")
    _statements(
        db,
        """
        update attendance set
            kind = coalesce(kind,
                (select p.kind from people p where p.id = attendance.person_id)),
            title = coalesce(title,
                (select p.title from people p where p.id = attendance.person_id));
        """,
    )


def _statements(db: sqlite_utils.Database, script: str) -> None:
    """Run each statement of ``script`` inside the migration's transaction
    (``executescript`` would commit first)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


#: Whether the entry ``{entry}`` was typed in an exempt item.
_IN_EXEMPT = """coalesce((select i.exempt from entries e join agenda_items i on i.id = e.item_id
    where e.id = {entry}), 0)"""

_CONFIDENTIAL_TRIGGERS = f"""
create trigger if not exists action_raised_confidential after insert on actions
begin
    update actions set confidential = {_IN_EXEMPT.format(entry="new.entry_id")}
    where entry_id = new.entry_id;
end;
create trigger if not exists update_typed_confidential after insert on action_updates
begin
    update action_updates set confidential = {_IN_EXEMPT.format(entry="new.entry_id")}
    where id = new.id;
end;
create trigger if not exists item_exempt_confidential after update of exempt on agenda_items
when coalesce(old.exempt, 0) != coalesce(new.exempt, 0)
begin
    update actions set confidential = new.exempt
    where entry_id in (select id from entries where item_id = new.id);
    update action_updates set confidential = new.exempt
    where entry_id in (select id from entries where item_id = new.id);
end;
"""


def _v8_confidential_actions(db: sqlite_utils.Database) -> None:
    """``confidential`` on actions and their updates (raised or typed in an
    exempt item), filled from the items they were typed in, and the triggers
    that keep it right whatever writes the rows."""
    for table in ("actions", "action_updates"):
        columns = {row[1] for row in db.execute(f"pragma table_info({table})").fetchall()}
        if "confidential" not in columns:
            db.execute(f"alter table {table} add column confidential integer not null default 0")
    db.execute(f"update actions set confidential = {_IN_EXEMPT.format(entry='actions.entry_id')}")
    db.execute(
        "update action_updates set confidential = "
        + _IN_EXEMPT.format(entry="action_updates.entry_id")
    )
    _create_confidential_triggers(db)


def _create_confidential_triggers(db: sqlite_utils.Database) -> None:
    """Each trigger in its own statement (``executescript`` would commit)."""
    for statement in _CONFIDENTIAL_TRIGGERS.split("end;"):
        if statement.strip():
            db.execute(statement + "end;")


def _v9_minutes_snapshots(db: sqlite_utils.Database) -> None:
    """Approved meetings' records, frozen at approval (see
    :mod:`minuteterm.recording.frozen`)."""
    db.execute(
        """create table if not exists minutes_snapshots (
            meeting_id integer primary key references meetings(id) on delete cascade,
            taken_at text not null,
            format integer not null,
            record text not null
        )"""
    )


def _v11_house_style(db: sqlite_utils.Database) -> None:
    """Each committee's house style: how its minutes write members'
    questions, how they name members, and whether several resolutions share
    one stem. Columns already there (a file migrated by another build) are
    left as they are."""
    have = {row[1] for row in db.execute("pragma table_info(committees)").fetchall()}
    columns = {
        "question_style": "text check (question_style in ('dash', 'bullets', 'narrative'))",
        "member_naming": (
            "text check (member_naming in ('cllr-full', 'councillor-surname', 'councillor-full'))"
        ),
        "shared_stem": "integer not null default 0",
    }
    for name, definition in columns.items():
        if name not in have:
            db.execute(f"alter table committees add column {name} {definition}")


def _v12_search_index(db: sqlite_utils.Database) -> None:
    """The full-text index of every meeting (see :mod:`minuteterm.db.search_index`):
    FTS5 tables kept in step by triggers, built here for the existing rows."""
    search_index.build(db)


def _v13_drafts_per_window(db: sqlite_utils.Database) -> None:
    """Unsent text per window, not per meeting: two windows on one meeting
    each keep their own draft (one window's Enter never clears the other's),
    and the entry editor keeps one too (``entry_id`` is the entry being
    edited). Earlier drafts are kept, as the draft of an unnamed window."""
    have = {row[1] for row in db.execute("pragma table_info(drafts)").fetchall()}
    if "window" in have:
        return
    db.execute(
        """create table drafts_by_window (
            meeting_id integer not null references meetings(id) on delete cascade,
            window text not null,
            entry_id integer references entries(id) on delete cascade,
            text text not null,
            kind text not null,
            saved_at text not null,
            primary key (meeting_id, window)
        )"""
    )
    db.execute(
        "insert into drafts_by_window (meeting_id, window, text, kind, saved_at)"
        " select meeting_id, '', text, kind, saved_at from drafts"
    )
    db.execute("drop table drafts")
    db.execute("alter table drafts_by_window rename to drafts")


def _v14_action_numbers(db: sqlite_utils.Database) -> None:
    """Each action's number on the sheet, given per committee (1, 2, 3 …) and
    never reused: ``actions.number`` and ``actions.committee_id``, and the
    last number each committee gave in ``action_counters``. Actions already
    raised keep the number they were printed with (their entry id), so
    minutes already published do not change."""
    have = {row[1] for row in db.execute("pragma table_info(actions)").fetchall()}
    if "committee_id" not in have:
        db.execute("alter table actions add column committee_id integer references committees(id)")
    if "number" not in have:
        db.execute("alter table actions add column number integer")
    _statements(
        db,
        """
        update actions set committee_id = (select m.committee_id from entries e
            join agenda_items i on i.id = e.item_id join meetings m on m.id = i.meeting_id
            where e.id = actions.entry_id) where committee_id is null;
        update actions set number = entry_id where number is null;
        create unique index if not exists actions_by_number on actions(committee_id, number);
        create table if not exists action_counters (
            committee_id integer primary key references committees(id),
            last integer not null
        );
        insert or ignore into action_counters (committee_id, last)
            select committee_id, max(number) from actions
            where committee_id is not null group by committee_id
        """,
    )


def _v15_time_zones(db: sqlite_utils.Database) -> None:
    """A meeting happens in one place: each meeting's time zone (its times
    are shown and read in it), and each committee's zone for its new
    meetings. Meetings and committees already there get the zone their
    times were being shown in: the machine's, if it is a named zone, else
    Europe/London; approved minutes' frozen records get it too, so they
    read as they did."""
    import json  # only here: opening an up-to-date file never needs it

    zone = machine_zone_name()
    for table in ("meetings", "committees"):
        have = {row[1] for row in db.execute(f"pragma table_info({table})").fetchall()}
        if "time_zone" not in have:
            db.execute(
                f"alter table {table} add column time_zone text not null default '{DEFAULT_ZONE}'"
            )
            db.execute(f"update {table} set time_zone = ?", [zone])
    rows = db.execute("select meeting_id, record from minutes_snapshots").fetchall()
    for meeting_id, text in rows:
        record = json.loads(text)
        for part in ("meeting", "committee"):
            if isinstance(record.get(part), dict):
                record[part].setdefault("time_zone", zone)
        db.execute(
            "update minutes_snapshots set record = ? where meeting_id = ?",
            [json.dumps(record, ensure_ascii=False, sort_keys=True), meeting_id],
        )


def _v16_sheet_lookups(db: sqlite_utils.Database) -> None:
    """Indexes the action sheet looks things up in for every action a filter
    matches (issue 17): the updates that set a due date (nearly none, so
    when "next meeting" was set is found without reading every update of
    every action), and each item's meeting, place and number (read from the
    index, not from the items with their titles and reports)."""
    for statement in (
        """create index if not exists action_updates_setting_due
            on action_updates(action_id, at, id, entry_id)
            where due is not null or due_text is not null""",
        """create index if not exists agenda_items_placed
            on agenda_items(id, meeting_id, position, number)""",
    ):
        db.execute(statement)


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1_core,
    _v2_action_history,
    _v3_action_as_raised,
    _v4_revisions_and_drafts,
    _v5_sheet_at_archive_size,
    _v6_formal_business,
    _v7_imported_agendas,
    _v8_confidential_actions,
    _v9_minutes_snapshots,
    _v10_attendance_as_minuted,
    _v11_house_style,
    _v12_search_index,
    _v13_drafts_per_window,
    _v14_action_numbers,
    _v15_time_zones,
    _v16_sheet_lookups,
]
SCHEMA_VERSION = len(MIGRATIONS)


def version(db: sqlite_utils.Database | sqlite3.Connection) -> int:
    """The schema version recorded in the file."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(
    conn: sqlite3.Connection, path: Path, database: Callable[[], sqlite_utils.Database]
) -> None:
    """Bring the file to :data:`SCHEMA_VERSION`, or refuse it with a reason.

    ``database`` gives the sqlite-utils view of ``conn``; it is asked for
    only when there is a migration to run (opening a current file stays
    quick)."""
    current = version(conn)
    if current > SCHEMA_VERSION:
        raise SchemaError(
            f"{path} was written by a newer MinuteTerm (schema {current}, this "
            f"version understands up to {SCHEMA_VERSION}); upgrade MinuteTerm to open it"
        )
    if current == SCHEMA_VERSION:
        return
    db = database()
    if current == 0 and db.table_names():
        raise SchemaError(f"{path} is an SQLite database, but not a MinuteTerm one")
    if 0 < current < SCHEMA_VERSION:
        copy_before_migrating(db, path, current)
    for number in range(current + 1, SCHEMA_VERSION + 1):
        with db.atomic():
            MIGRATIONS[number - 1](db)
            db.execute(f"PRAGMA user_version = {number}")


def copy_before_migrating(db: sqlite_utils.Database, path: Path, current: int) -> Path:
    """Keep a whole copy of a database written by an older MinuteTerm before
    its schema is changed: ``backups/before-schema-N-TIMESTAMP.db``."""
    folder = path.parent / "backups"
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise SchemaError(
            f"cannot keep a copy of {path} before upgrading it: {error.strerror}"
        ) from None
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = folder / f"before-schema-{SCHEMA_VERSION}-from-{current}-{stamp}.db"
    if not target.exists():
        db.execute("VACUUM INTO ?", [str(target)])
    return target
