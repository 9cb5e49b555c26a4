"""``minuteterm publish``: the public record as a folder Datasette serves.

Every test runs the real command (``python -m minuteterm``) on a real
database file and reads what it wrote: every byte of ``minutes.db`` and of
each file beside it.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pendulum
import pytest
import sqlite_utils

from minuteterm.db.confidentiality import confidential_actions_and_updates
from minuteterm.db.store import open_store
from minuteterm.model import NewItem, PersonKind
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.recorder import Recorder
from tests import publish_scenario as scenario

EXPECTED_FILES = {"minutes.db", "metadata.json", "minutes", "plugins"}


def run(*args: str | Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    """The command line, as a clerk types it."""
    done = subprocess.run(
        [sys.executable, "-m", "minuteterm", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    if check:
        assert done.returncode == 0, done.stderr
    return done


def every_file(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, by relative path, as bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def rows(db: Path, sql: str) -> list[tuple]:
    """The rows of ``sql`` on the published database."""
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def archive(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    """The scenario's database and the ids of its parts."""
    path = tmp_path / "clerk.db"
    return path, scenario.build(path)


def test_no_confidential_word_reaches_any_published_byte(
    archive: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    db, _ = archive
    source = db.read_bytes().lower()
    for word in scenario.SECRETS:  # the check can fail: the clerk's file holds them all
        assert word.lower().encode() in source, word
    site = tmp_path / "site"
    before = every_file(tmp_path)
    run("--db", db, "publish", "-o", site, "--include-unapproved")
    assert {name: every_file(tmp_path)[name] for name in before} == before  # the clerk's file
    files = every_file(site)
    assert {name.split("/")[0] for name in files} == EXPECTED_FILES
    assert len([name for name in files if name.endswith(".html")]) == 4  # 3 meetings + index
    for name, data in files.items():
        folded = data.lower()
        leaked = [word for word in scenario.SECRETS if word.lower().encode() in folded]
        assert not leaked, f"{name} holds {leaked}"
    published = files["minutes.db"].lower()
    for word in scenario.PUBLIC:
        assert word.encode() in published, word


def test_public_actions_carry_only_their_public_updates(
    archive: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    db, ids = archive
    site = tmp_path / "site"
    run("--db", db, "publish", "-o", site)
    minutes = site / "minutes.db"
    assert rows(minutes, "select number, status, latest_update from actions") == [
        (ids["public_action"], "done", "the timetable is on the website")
    ]
    assert rows(minutes, "select note from action_updates") == [
        ("the timetable is on the website",)
    ]
    # the October lease: its decision in general terms only, never what was resolved
    decided = rows(minutes, "select decision, outcome from decisions where decision like '%lease%'")
    assert decided == [("That the lease terms be agreed.", "decided in private (Part II)")]


def test_confidential_actions_and_updates_are_decided_by_where_they_were_typed(
    archive: tuple[Path, dict[str, int]],
) -> None:
    db, ids = archive
    store = open_store(db)
    try:
        found = confidential_actions_and_updates(store.conn)
        notes = {
            row["id"]: row["note"]
            for row in store.query("select id, note from action_updates order by id")
        }
    finally:
        store.close()
    assert found.actions == {ids["confidential_action"]}
    assert {notes[u] for u in found.updates} == {
        "the Vorticella contractor was named in confidence",  # a public action, in Part II
        "Marblethorpe valuation received",  # October's confidential action, in November
    }
    public = [u for u in notes if not found.update_is_confidential(u, ids["public_action"])]
    assert [notes[u] for u in public] == ["the timetable is on the website"]


def test_drafts_and_unapproved_meetings_are_left_out_unless_asked_for(
    archive: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    db, _ = archive
    run("--db", db, "publish", "-o", tmp_path / "approved")
    minutes = tmp_path / "approved" / "minutes.db"
    assert rows(minutes, "select date, status from meetings order by date") == [
        ("2026-10-12", "approved"),
        ("2026-11-16", "approved"),
    ]
    assert b"winter mooring" not in minutes.read_bytes()
    run("--db", db, "publish", "-o", tmp_path / "all", "--include-unapproved")
    minutes = tmp_path / "all" / "minutes.db"
    assert rows(minutes, "select date, status from meetings order by date") == [
        ("2026-10-12", "approved"),
        ("2026-11-16", "approved"),
        ("2026-12-14", "draft"),
    ]  # January's meeting, not yet held, never
    index = (tmp_path / "all" / "minutes" / "index.html").read_text(encoding="utf-8")
    assert index.count("subject to approval") == 1
    assert index.index("14 December 2026") < index.index("16 November 2026")


def test_since_and_committee_choose_the_meetings(
    archive: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    db, _ = archive
    run("--db", db, "publish", "-o", tmp_path / "a", "--since", "1/11/2026")
    assert rows(tmp_path / "a" / "minutes.db", "select date from meetings") == [("2026-11-16",)]
    run("--db", db, "publish", "-o", tmp_path / "b", "--from", "1/11/2026", "--committee", "harb")
    assert every_file(tmp_path / "a") == every_file(tmp_path / "b")


def _parks_panel(path: Path) -> None:
    """The second clerk's own meeting, of another committee."""
    store = open_store(path)
    try:
        start = pendulum.datetime(2026, 11, 20, 10, 0, tz="Europe/London")
        meeting = create_meeting(store, "Parks Panel", start, agenda=[NewItem("Play areas")])
        store.add_attendee(meeting, "Cllr Jo Park", PersonKind.MEMBER, chair=True)
        recorder = Recorder(store, meeting)
        lines = ["/item 1", "The Panel visited the new play areas.", "= That it be noted.", "/end"]
        for minute, line in enumerate(lines):
            recorder.apply(line, now=start.add(minutes=minute + 1))
    finally:
        store.close()


def _count(site: Path, table: str, committee: str | None = None) -> int:
    """Rows of ``table`` in the site's database (of one committee's meetings)."""
    key = "id" if table == "meetings" else "meeting_id"
    sql = f"select count(*) from {table} t join meetings m on m.id = t.{key}"
    if committee is not None:
        sql += f" where m.committee = '{committee}'"
    return rows(site / "minutes.db", sql)[0][0]


def test_merging_two_clerks_files_stores_each_meeting_once(tmp_path: Path) -> None:
    """The second clerk's file began as a copy of the first, taken when
    November had closed but was not yet approved; it adds a Parks Panel
    meeting. October and November are in both files."""
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    scenario.build(first, copy_after_november=second)
    _parks_panel(second)
    options = ["publish", "--include-unapproved", "-o"]
    for db in (first, second):
        run("--db", db, *options, tmp_path / db.stem)
    alone = {db: tmp_path / db.stem for db in (first, second)}
    site = tmp_path / "site"
    done = run(*options, site, "--source", first, "--source", second)
    assert "published 4 meeting(s) of 2 committee(s)" in done.stdout
    assert "2 found in more than one source" in done.stdout
    for table in ("meetings", "agenda_items", "decisions", "actions", "attendance"):
        parks = _count(alone[second], table, "Parks Panel")
        assert parks > 0 or table == "actions"
        assert _count(site, table) == _count(alone[first], table) + parks, table
    november = "select status from meetings where date = '2026-11-16'"
    assert rows(alone[second] / "minutes.db", november) == [("draft",)]
    assert rows(site / "minutes.db", november) == [("approved",)]  # the approved one wins
    before = every_file(site)
    run(*options, site, "--from", first, "--from", second)  # the spelling
    assert every_file(site) == before  # republishing changes nothing, byte for byte
    run(*options, site, "--source", second, "--source", first)
    assert every_file(site) == before


def test_an_approved_meeting_is_published_as_approved_after_later_changes(
    archive: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    db, _ = archive
    site = tmp_path / "site"
    run("--db", db, "publish", "-o", site)
    frozen = "select * from {} order by 1, 2"
    tables = ("meetings", "agenda_items", "decisions", "attendance")
    before = {table: rows(site / "minutes.db", frozen.format(table)) for table in tables}
    run("--db", db, "committee", scenario.COMMITTEE, "--numbering", "prefixed", "--prefix", "HB")
    run("--db", db, "committee", scenario.COMMITTEE, "--forget", "Cllr Dan Okafor")
    run("--db", db, "publish", "-o", site)
    after = {table: rows(site / "minutes.db", frozen.format(table)) for table in tables}
    assert after == before
    assert ("Cllr Dan Okafor",) in rows(site / "minutes.db", "select name from attendance")


def test_a_title_changed_at_a_later_meeting_leaves_approved_minutes_alone(
    archive: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    """The Harbour Master becomes Chief Executive in January: October's and
    November's approved minutes still name her as she was then."""
    db, _ = archive
    site = tmp_path / "site"
    run("--db", db, "publish", "-o", site)
    before = every_file(site)
    january = run(
        "--db", db, "new", "--committee", scenario.COMMITTEE, "--date", "18/01/2027"
    ).stdout.strip()
    run("--db", db, "capture", january, "officer+ Amara Osei, Chief Executive")
    run("--db", db, "publish", "-o", site)
    assert every_file(site) == before
    assert rows(
        site / "minutes.db", "select distinct title from attendance where name = 'Amara Osei'"
    ) == [("Harbour Master",)]
    store = open_store(db)
    try:
        (attendee,) = [a for a in store.attendees(int(january)) if a.name == "Amara Osei"]
    finally:
        store.close()
    assert attendee.title == "Chief Executive"


def test_a_later_change_of_resolution_marks_leaves_approved_minutes_alone(
    tmp_path: Path,
) -> None:
    db, site = tmp_path / "audit.db", tmp_path / "site"
    agenda = tmp_path / "agenda.md"
    agenda.write_text("1. Internal audit plan\n", encoding="utf-8")
    first = run(
        "--db", db, "new", "--committee", "Audit Board", "--date", "12/10/2026", "--agenda", agenda
    ).stdout.strip()
    for line in ("/item 1", "= That the report be noted.", "= That the plan be agreed.", "/end"):
        run("--db", db, "capture", first, line)
    agenda.write_text("1. Minutes of the previous meeting\n", encoding="utf-8")
    second = run(
        "--db", db, "new", "--committee", "Audit Board", "--date", "16/11/2026", "--agenda", agenda
    ).stdout.strip()
    for line in ("/item 1", "/approve", "/end"):
        run("--db", db, "capture", second, line)
    run("--db", db, "publish", "-o", site)
    before = every_file(site)
    page = next(name for name in before if name.startswith("minutes/audit-board"))
    assert b"<li>That the plan be agreed.</li>" in before[page]
    run("--db", db, "committee", "Audit Board", "--resolutions", "letters")
    run("--db", db, "publish", "-o", site)
    assert every_file(site) == before


def test_an_older_database_keeps_each_attendees_title_when_upgraded(tmp_path: Path) -> None:
    """A file from before titles were kept per meeting takes the titles as
    they stand when it is upgraded, and the minutes read as before."""
    from minuteterm.db.schema import MIGRATIONS

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    db = sqlite_utils.Database(conn)
    for number, step in enumerate(MIGRATIONS[:6], start=1):
        step(db)
        db.execute(f"PRAGMA user_version = {number}")
    conn.executescript(
        """insert into committees (id, name) values (1, 'Harbour Board');
        insert into people (id, committee_id, name, kind, title)
            values (1, 1, 'Amara Osei', 'officer', 'Harbour Master');
        insert into meetings (id, committee_id, title, starts_at, created_at)
            values (1, 1, 'Harbour Board', '2026-10-12T17:30:00+00:00',
                '2026-10-01T09:00:00+00:00');
        insert into attendance (meeting_id, person_id, status) values (1, 1, 'in_attendance');"""
    )
    conn.commit()
    conn.close()
    store = open_store(path)
    try:
        (attendee,) = store.attendees(1)
        assert (attendee.kind.value, attendee.title) == ("officer", "Harbour Master")
        store.conn.execute("update people set title = 'Chief Executive'")
        (attendee,) = store.attendees(1)
        assert attendee.title == "Harbour Master"
    finally:
        store.close()


def test_the_published_database_searches_and_reads_well(
    archive: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    db, _ = archive
    site = tmp_path / "site"
    run("--db", db, "publish", "-o", site)
    minutes = site / "minutes.db"
    found = rows(
        minutes,
        "select m.date from meetings_fts join meetings m on m.rowid = meetings_fts.rowid"
        " where meetings_fts match 'lighthouse'",
    )
    assert found == [("2026-11-16",)]
    assert rows(
        minutes,
        "select minute, form, outcome, votes from decisions_by_date where item = 'Pontoon repairs'",
    ) == [("1", "RESOLVED", "carried", "3 for, 1 against, 0 abstaining")]
    assert rows(minutes, "select count(*) from open_actions") == [(0,)]
    assert rows(
        minutes,
        "select name, meetings, present from attendance_by_member where name = 'Cllr Sam Ahmed'",
    ) == [("Cllr Sam Ahmed", 2, 2)]
    assert rows(minutes, "pragma journal_mode") == [("delete",)]
    assert rows(minutes, "pragma freelist_count") == [(0,)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--committee", "Parks"], "no committee matches 'Parks' (committees: Harbour Board)"),
        (["--from", "not-a-thing"], "is neither a database file nor a date"),
        (["--since", "31/02/2026"], "--since"),
        (["--source", "missing.db"], "there is no database at missing.db"),
        (["--from", "2026-11-01"], "is both a file and a date: use --source or --since"),
    ],
)
def test_bad_input_says_why_in_one_line_and_writes_nothing(
    archive: tuple[Path, dict[str, int]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    db, _ = archive
    monkeypatch.chdir(tmp_path)
    (tmp_path / "2026-11-01").write_bytes(db.read_bytes())  # a file named like a date
    done = run("--db", db, "publish", "-o", tmp_path / "site", *args, check=False)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and message in done.stderr, done.stderr
    assert not (tmp_path / "site").exists()


def test_a_folder_holding_other_files_is_left_alone(
    archive: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    db, _ = archive
    mine = tmp_path / "documents"
    (mine / "minutes").mkdir(parents=True)
    (mine / "minutes" / "notes.txt").write_text("my own notes", encoding="utf-8")
    done = run("--db", db, "publish", "-o", mine, check=False)
    assert done.returncode == 2 and "holds other files" in done.stderr
    site = tmp_path / "site"
    run("--db", db, "publish", "-o", site)
    (site / "minutes" / "notes.txt").write_text("my own notes", encoding="utf-8")
    done = run("--db", db, "publish", "-o", site, check=False)
    assert done.returncode == 2 and "did not write" in done.stderr
    assert (site / "minutes" / "notes.txt").read_text(encoding="utf-8") == "my own notes"
    assert sorted(p.name for p in mine.rglob("*")) == ["minutes", "notes.txt"]


def test_serving_a_folder_with_nothing_published_says_so(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    done = run("publish", tmp_path / "empty", "--serve", check=False)
    assert done.returncode == 2
    assert "holds no published minutes" in done.stderr and done.stderr.count("\n") == 1


def test_serving_without_datasette_says_how_to_install_it(tmp_path: Path) -> None:
    blocked = "import sys; sys.modules['datasette'] = None; from minuteterm.cli import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", blocked, "publish", str(tmp_path), "--serve"],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "minuteterm: Datasette is not installed: pip install 'minuteterm[publish]'\n"
    )
