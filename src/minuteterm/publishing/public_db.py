"""The public database, ``minutes.db``: written fresh, then vacuumed.

Only rows gathered from the public record (:mod:`.gather`) are ever written
to it, in a build file next to the target; ``VACUUM INTO`` then copies it
into a new, compact file that replaces ``minutes.db`` in one rename, so no
free page, journal or half-written file ever exists under that name. The
same rows always make the same bytes, so republishing changes nothing.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from minuteterm.publishing.errors import PublishError
from minuteterm.publishing.gather import PublicMeeting, Row

SCHEMA = """
create table committees (
    id text primary key,
    name text not null,
    prefix text
);
create table meetings (
    id text primary key,
    committee_id text not null references committees(id),
    committee text not null,
    title text not null,
    date text not null,
    starts_at text not null,
    time_zone text not null,
    venue text not null,
    status text not null,
    approved_on text,
    minutes_url text not null,
    minutes text not null
);
create table agenda_items (
    id text primary key,
    meeting_id text not null references meetings(id),
    position integer not null,
    number text not null,
    minute_number text,
    title text not null,
    exempt integer not null,
    exempt_paragraph text,
    minutes_url text not null
);
create table decisions (
    id text primary key,
    meeting_id text not null references meetings(id),
    item_id text not null references agenda_items(id),
    form text not null,
    decision text not null,
    votes_for integer,
    votes_against integer,
    abstentions integer,
    casting_vote text,
    recorded_vote integer not null,
    outcome text not null
);
create table recorded_votes (
    decision_id text not null references decisions(id),
    name text not null,
    side text not null,
    primary key (decision_id, name)
);
create table actions (
    id text primary key,
    number integer not null,
    meeting_id text not null references meetings(id),
    item_id text not null references agenda_items(id),
    description text not null,
    raised_owner text not null,
    owner text not null,
    due text,
    due_text text,
    status text not null,
    latest_update text,
    latest_update_on text,
    completed_on text,
    minutes_url text not null
);
create table action_updates (
    action_id text not null references actions(id),
    position integer not null,
    on_date text,
    meeting_id text references meetings(id),
    status text,
    owner text,
    due text,
    due_text text,
    note text not null,
    primary key (action_id, position)
);
create table attendance (
    meeting_id text not null references meetings(id),
    name text not null,
    role text not null,
    title text,
    status text not null,
    substitute_for text,
    chair integer not null,
    primary key (meeting_id, name)
);
create index decisions_by_meeting on decisions(meeting_id);
create index actions_by_status on actions(status, due);
create index attendance_by_name on attendance(name);
create index meetings_by_committee on meetings(committee_id, date);

create view decisions_by_date as
select m.date, m.committee, coalesce(i.minute_number, i.number) as minute,
    i.title as item, upper(d.form) as form, d.decision, d.outcome,
    case when d.votes_for is null then null
        else d.votes_for || ' for, ' || d.votes_against || ' against, '
            || d.abstentions || ' abstaining' end as votes,
    m.minutes_url
from decisions d join agenda_items i on i.id = d.item_id join meetings m on m.id = d.meeting_id
order by m.date desc, m.committee, i.position, d.id;

create view open_actions as
select a.number, m.committee, m.date as raised_on, coalesce(i.minute_number, i.number) as minute,
    a.owner, a.description, coalesce(a.due, a.due_text) as due, a.latest_update,
    a.latest_update_on, a.minutes_url
from actions a join meetings m on m.id = a.meeting_id join agenda_items i on i.id = a.item_id
where a.status = 'open'
order by coalesce(a.due, '9999'), m.date, a.number;

create view attendance_by_member as
select t.name, m.committee, count(*) as meetings,
    sum(t.status = 'present') as present, sum(t.status = 'substitute') as as_substitute,
    sum(t.status = 'apologies') as apologies, sum(t.status = 'absent') as absent,
    min(m.date) as first_meeting, max(m.date) as last_meeting
from attendance t join meetings m on m.id = t.meeting_id
where t.role = 'member'
group by t.name, m.committee
order by t.name, m.committee;
"""

#: The tables searched in full text, with the columns indexed.
FTS: dict[str, tuple[str, ...]] = {
    "meetings": ("committee", "title", "minutes"),
    "decisions": ("decision",),
    "actions": ("description", "owner", "latest_update"),
}

#: Each table's rows sorted by its key, so the same record makes the same file.
ORDER: dict[str, tuple[str, ...]] = {
    "committees": ("id",),
    "meetings": ("date", "starts_at", "id"),
    "agenda_items": ("meeting_id", "position"),
    "decisions": ("id",),
    "recorded_votes": ("decision_id", "name"),
    "actions": ("meeting_id", "number"),
    "action_updates": ("action_id", "position"),
    "attendance": ("meeting_id", "name"),
}


def _fts(conn: sqlite3.Connection) -> None:
    """An external-content FTS5 index of each searched table, named as
    sqlite-utils names it (``meetings_fts``), which Datasette finds itself."""
    for table, columns in FTS.items():
        names = ", ".join(f"[{column}]" for column in columns)
        conn.execute(f"create virtual table [{table}_fts] using fts5 ({names}, content=[{table}])")
        conn.execute(
            f"insert into [{table}_fts] (rowid, {names}) select rowid, {names} from [{table}]"
        )


def _sorted(table: str, rows: Iterable[Row]) -> list[Row]:
    keys = ORDER[table]
    unique = {tuple(row[key] for key in keys): row for row in rows}
    return [
        unique[key]
        for key in sorted(unique, key=lambda k: tuple("" if v is None else v for v in k))
    ]


def _insert(conn: sqlite3.Connection, table: str, rows: list[Row]) -> None:
    if not rows:
        return
    columns = [row[1] for row in conn.execute(f"pragma table_info([{table}])")]
    marks = ", ".join("?" for _ in columns)
    conn.executemany(
        f"insert into [{table}] ({', '.join(columns)}) values ({marks})",
        [[row[column] for column in columns] for row in rows],
    )


def _build(path: Path, meetings: list[PublicMeeting]) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("pragma foreign_keys = on")
        with conn:
            conn.executescript(SCHEMA)
        with conn:
            for table in ORDER:
                rows = (row for meeting in meetings for row in meeting.rows[table])
                _insert(conn, table, _sorted(table, rows))
            _fts(conn)
        problems = conn.execute("pragma foreign_key_check").fetchall()
        if problems:
            raise PublishError(f"the public database would not hang together: {problems[:3]}")
    finally:
        conn.close()


def write_public_db(target: Path, meetings: list[PublicMeeting]) -> Path:
    """Write ``target`` (``DIR/minutes.db``) from ``meetings``' public rows:
    built in a temporary file beside it, vacuumed into a second one, which
    then replaces ``target``. Raises :class:`PublishError`."""
    token = secrets.token_hex(6)
    build = target.with_name(f".{target.name}.{token}.build")
    compact = target.with_name(f".{target.name}.{token}.tmp")
    try:
        _build(build, meetings)
        conn = sqlite3.connect(build)
        try:
            conn.execute("VACUUM INTO ?", [str(compact)])
        finally:
            conn.close()
        os.replace(compact, target)
    except (OSError, sqlite3.Error) as error:
        raise PublishError(f"cannot write {target}: {error}") from None
    finally:
        for leftover in (build, compact):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
    return target
