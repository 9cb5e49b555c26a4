"""A meeting happens in one place: its times are shown and read in its own
time zone, whatever zone the clerk's machine is in. Real processes with
their own ``TZ``, a real database file."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import docx
import pendulum
import pytest
import sqlite_utils

from minuteterm.clock import iso
from minuteterm.db.schema import MIGRATIONS, _v15_time_zones
from minuteterm.db.store import open_store

MACHINES = ["America/Los_Angeles", "UTC"]


def run(*args: str, db: Path, tz: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """``minuteterm ARGS --db DB`` in a child process whose machine zone is ``tz``."""
    return subprocess.run(
        [sys.executable, "-m", "minuteterm", *args, "--db", str(db)],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "TZ": tz, "PYTHONIOENCODING": "utf-8"},
    )


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def refused(result: subprocess.CompletedProcess, words: str) -> None:
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert words in result.stderr


def listed(db: Path, tz: str) -> dict[int, str]:
    """``minuteterm list`` as the clerk reads it: id -> the rest of the line."""
    lines = ok(run("list", db=db, tz=tz)).splitlines()
    return {int(line.split()[0]): " ".join(line.split()[1:]) for line in lines}


def minuted(db: Path, tz: str, day: str = "14/12/2026", made_in: str | None = None) -> int:
    """A Housing Board meeting at 18:00 on ``day`` (in London, the board's
    zone), made on a machine in ``made_in`` and minuted and closed on one
    in ``tz``."""
    args = ("new", "--committee", "Housing Board", "--date", day, "--time", "18:00")
    meeting = int(ok(run(*args, db=db, tz=made_in or tz)))
    ok(run("capture", str(meeting), "/add Repairs", db=db, tz=tz))
    lines = "/item 1\nThe Board received the report.\n/end\n"
    ok(run("capture", str(meeting), db=db, tz=tz, stdin=lines))
    return meeting


def export(db: Path, meeting: int, fmt: str, tz: str, out: Path) -> Path:
    ok(run("export", str(meeting), "--format", fmt, "-o", str(out), db=db, tz=tz))
    return out


@pytest.mark.parametrize("machine", MACHINES)
@pytest.mark.parametrize(
    ("day", "held", "utc"),
    [
        ("14/12/2026", "Monday 14 December 2026", "2026-12-14T18:00:00+00:00"),
        ("1/7/2027", "Thursday 1 July 2027", "2027-07-01T17:00:00+00:00"),
    ],
)
def test_a_london_meeting_reads_six_pm_on_any_machine(
    db_path: Path, tmp_path: Path, machine: str, day: str, held: str, utc: str
) -> None:
    meeting = minuted(db_path, machine, day, made_in="Europe/London")
    on = pendulum.from_format(day, "D/M/YYYY").date()
    assert listed(db_path, machine)[meeting].startswith(f"{on.isoformat()} 18:00")
    heading = f"Minutes of the meeting held on {held} at 6.00 pm"
    md = export(db_path, meeting, "md", machine, tmp_path / "m.md").read_text("utf-8")
    assert heading in md
    html = export(db_path, meeting, "html", machine, tmp_path / "m.html").read_text("utf-8")
    assert heading in html
    document = docx.Document(str(export(db_path, meeting, "docx", machine, tmp_path / "m.docx")))
    assert any(heading in paragraph.text for paragraph in document.paragraphs)
    store = open_store(db_path)
    try:
        assert store.meeting(meeting).time_zone == "Europe/London"
        assert iso(store.meeting(meeting).starts_at) == utc
    finally:
        store.close()


def test_the_zone_shows_in_the_list_only_when_the_machine_is_elsewhere(db_path: Path) -> None:
    meeting = minuted(db_path, "America/Los_Angeles", made_in="Europe/London")
    assert listed(db_path, "America/Los_Angeles")[meeting].startswith("2026-12-14 18:00 GMT")
    assert listed(db_path, "Europe/London")[meeting].startswith("2026-12-14 18:00 closed")


@pytest.mark.parametrize(
    ("day", "utc"),
    [
        # London on BST; Los Angeles on PDT
        ("1/7/2027", "2027-07-01T17:00:00+00:00"),
        # Los Angeles already on summer time (14 March), London not yet (28 March)
        ("20/3/2027", "2027-03-20T18:00:00+00:00"),
        # the Sunday London's clocks go forward
        ("28/3/2027", "2027-03-28T17:00:00+00:00"),
    ],
)
def test_a_meeting_across_the_clock_change_keeps_its_wall_clock_time(
    db_path: Path, tmp_path: Path, day: str, utc: str
) -> None:
    machine = "America/Los_Angeles"
    args = ("new", "--committee", "Housing Board", "--date", day, "--time", "18:00")
    meeting = int(ok(run(*args, db=db_path, tz="Europe/London")))
    on = pendulum.from_format(day, "D/M/YYYY").date()
    assert listed(db_path, machine)[meeting].startswith(f"{on.isoformat()} 18:00")
    md = export(db_path, meeting, "md", machine, tmp_path / "m.md").read_text("utf-8")
    assert f"{on.day} {on:%B %Y} at 6.00 pm" in md
    store = open_store(db_path)
    try:
        assert iso(store.meeting(meeting).starts_at) == utc
    finally:
        store.close()


def test_two_committees_in_two_zones_each_meet_at_their_own_six_pm(db_path: Path) -> None:
    machine = "America/Los_Angeles"
    ok(run("committee", "Calais Liaison Panel", "--zone", "Europe/Paris", db=db_path, tz=machine))
    london = int(
        ok(
            run(
                "new",
                "--committee",
                "Housing Board",
                "--date",
                "14/12/2026",
                db=db_path,
                tz=machine,
            )
        )
    )
    paris = int(
        ok(
            run(
                "new",
                "--committee",
                "Calais Liaison Panel",
                "--date",
                "14/12/2026",
                "--time",
                "6pm",
                db=db_path,
                tz=machine,
            )
        )
    )
    shown = listed(db_path, machine)
    assert shown[london] == "2026-12-14 18:00 GMT draft Housing Board"
    assert shown[paris] == "2026-12-14 18:00 CET draft Calais Liaison Panel"
    store = open_store(db_path)
    try:
        assert store.meeting(paris).time_zone == "Europe/Paris"
        assert (store.meeting(london).starts_at - store.meeting(paris).starts_at).in_hours() == 1
    finally:
        store.close()


def test_one_meeting_can_happen_elsewhere(db_path: Path) -> None:
    args = ("new", "--committee", "Housing Board", "--date", "14/12/2026", "--time", "18:30")
    meeting = int(ok(run(*args, "--zone", "europe/dublin", db=db_path, tz="UTC")))
    other = int(ok(run(*args, db=db_path, tz="UTC")))
    store = open_store(db_path)
    try:
        assert store.meeting(meeting).time_zone == "Europe/Dublin"
        assert store.meeting(other).time_zone == "Europe/London"
    finally:
        store.close()


def test_an_unknown_zone_is_refused_and_nothing_changes(db_path: Path) -> None:
    machine = "America/Los_Angeles"
    ok(run("committee", "Housing Board", "--quorum", "3", db=db_path, tz=machine))
    before = db_path.read_bytes()
    refused(
        run("committee", "Housing Board", "--zone", "Nowhere/Place", db=db_path, tz=machine),
        '"Nowhere/Place" is not a time zone name',
    )
    refused(
        run("committee", "Housing Board", "--zone", "Europe/Londn", db=db_path, tz=machine),
        "did you mean Europe/London",
    )
    refused(
        run("committee", "New Panel", "--zone", "Nowhere/Place", db=db_path, tz=machine),
        "is not a time zone name",
    )
    refused(
        run(
            "new",
            "--committee",
            "Housing Board",
            "--date",
            "14/12/2026",
            "--zone",
            "Dublin",
            db=db_path,
            tz=machine,
        ),
        "did you mean Europe/Dublin",
    )
    assert db_path.read_bytes() == before
    shown = ok(run("committee", "Housing Board", db=db_path, tz=machine))
    assert "time zone:        Europe/London (for new meetings)" in shown
    assert listed(db_path, machine) == {}
    names = [row[0] for row in sqlite3.connect(db_path).execute("select name from committees")]
    assert names == ["Housing Board"]


def test_a_draft_moves_zone_keeping_its_clock_time_and_a_started_one_cannot(
    db_path: Path,
) -> None:
    machine = "America/Los_Angeles"
    args = ("new", "--committee", "Housing Board", "--date", "14/12/2026", "--time", "18:00")
    meeting = int(ok(run(*args, db=db_path, tz=machine)))
    said = ok(run("zone", str(meeting), "Europe/Paris", db=db_path, tz=machine))
    assert "Monday 14 December 2026 at 6.00 pm, Europe/Paris" in said
    assert listed(db_path, machine)[meeting].startswith("2026-12-14 18:00 CET")
    refused(run("zone", str(meeting), "Mars/Olympus", db=db_path, tz=machine), "time zone")
    started = minuted(db_path, machine)
    refused(run("zone", str(started), "Europe/Paris", db=db_path, tz=machine), "not yet started")
    assert listed(db_path, machine)[started].startswith("2026-12-14 18:00 GMT closed")


def test_approved_minutes_stay_byte_identical_when_the_zone_setting_or_machine_changes(
    db_path: Path, tmp_path: Path
) -> None:
    machine = "America/Los_Angeles"
    first = minuted(db_path, machine)
    second = int(
        ok(
            run(
                "new",
                "--committee",
                "Housing Board",
                "--date",
                "11/1/2027",
                "--time",
                "18:00",
                db=db_path,
                tz=machine,
            )
        )
    )
    ok(run("capture", str(second), "/add Minutes of the previous meeting", db=db_path, tz=machine))
    ok(run("capture", str(second), db=db_path, tz=machine, stdin="/item 1\n/approve\n"))
    before = {
        fmt: export(db_path, first, fmt, machine, tmp_path / f"before.{fmt}").read_bytes()
        for fmt in ("md", "html", "docx")
    }
    assert b"6.00 pm" in before["md"]
    ok(run("committee", "Housing Board", "--zone", "America/New_York", db=db_path, tz=machine))
    for elsewhere in ("UTC", "Asia/Tokyo"):
        for fmt in ("md", "html", "docx"):
            again = export(db_path, first, fmt, elsewhere, tmp_path / f"after.{fmt}")
            assert again.read_bytes() == before[fmt], (elsewhere, fmt)
    assert listed(db_path, "Asia/Tokyo")[first].startswith("2026-12-14 18:00 GMT approved")


# --- upgrading a database made before meetings had zones -------------------------------


def older_database(path: Path) -> None:
    """A database as the previous MinuteTerm left it: a meeting whose start
    was shown at 18:00 on its Los Angeles machine, and one approved, with
    its minutes frozen without a zone."""
    conn = sqlite3.connect(path)
    db = sqlite_utils.Database(conn)
    previous = MIGRATIONS.index(_v15_time_zones)
    for migration in MIGRATIONS[:previous]:
        with db.atomic():
            migration(db)
    conn.execute(f"pragma user_version = {previous}")
    conn.execute("insert into committees (id, name) values (1, 'Housing Board')")
    for meeting_id, start, status in (
        (1, "2026-12-15T02:00:00+00:00", "approved"),  # 18:00 on 14 December, PST
        (2, "2027-07-02T01:00:00+00:00", "draft"),  # 18:00 on 1 July, PDT
    ):
        conn.execute(
            """insert into meetings (id, committee_id, title, starts_at, venue, status,
            created_at) values (?, 1, 'Housing Board', ?, 'Room 1', ?, ?)""",
            [meeting_id, start, status, start],
        )
    conn.commit()
    conn.close()


def test_an_older_database_gives_every_meeting_the_zone_it_was_shown_in(
    tmp_path: Path,
) -> None:
    path = tmp_path / "older.db"
    older_database(path)
    machine = "America/Los_Angeles"
    out = tmp_path / "m.md"
    ok(run("export", "1", "--format", "md", "-o", str(out), db=path, tz=machine))
    frozen_first = out.read_text("utf-8")  # approved by the older MinuteTerm: frozen now
    assert "Monday 14 December 2026 at 6.00 pm" in frozen_first
    before = listed(path, machine)
    assert before[1].startswith("2026-12-14 18:00 approved")
    assert before[2].startswith("2027-07-01 18:00 draft")
    zones = sqlite3.connect(path).execute("select time_zone from meetings order by id").fetchall()
    assert zones == [("America/Los_Angeles",), ("America/Los_Angeles",)]
    # the machine moves; the meetings stay where they happened
    after = listed(path, "Europe/London")
    assert after[1].startswith("2026-12-14 18:00 PST approved")
    assert after[2].startswith("2027-07-01 18:00 PDT draft")
    ok(run("export", "1", "--format", "md", "-o", str(out), db=path, tz="Europe/London"))
    assert out.read_text("utf-8") == frozen_first


def test_published_meetings_read_where_they_were_held(db_path: Path, tmp_path: Path) -> None:
    machine = "America/Los_Angeles"
    meeting = minuted(db_path, machine, made_in="Europe/London")
    out = tmp_path / "public"
    ok(run("publish", "-o", str(out), "--include-unapproved", db=db_path, tz=machine))
    conn = sqlite3.connect(out / "minutes.db")
    rows = conn.execute("select date, starts_at, time_zone, minutes from meetings").fetchall()
    assert len(rows) == 1, meeting
    day, start, zone, minutes = rows[0]
    assert (day, start, zone) == ("2026-12-14", "2026-12-14T18:00", "Europe/London")
    assert "Monday 14 December 2026 at 6.00 pm" in minutes


def test_sheet_search_and_history_date_a_morning_meeting_where_it_was_held(db_path: Path) -> None:
    """7 am on 15 December in London is still the 14th in Los Angeles."""
    machine = "America/Los_Angeles"
    args = ("new", "--committee", "Housing Board", "--date", "15/12/2026", "--time", "7am")
    meeting = int(ok(run(*args, db=db_path, tz="Europe/London")))
    ok(run("capture", str(meeting), "/add Damp and mould", db=db_path, tz=machine))
    lines = (
        "/item 1\nThe Board received the damp survey.\n"
        "! Repairs Manager: share the survey in 2 weeks\n= That the survey be noted.\n/end\n"
    )
    ok(run("capture", str(meeting), db=db_path, tz=machine, stdin=lines))
    sheet = ok(run("actions", "--format", "csv", db=db_path, tz=machine))
    assert ",2026-12-15," in sheet  # raised at the meeting of 15 December
    assert ",2026-12-29," in sheet  # in 2 weeks from the meeting's own date
    found = ok(run("search", "survey", db=db_path, tz=machine))
    assert "15/12/2026" in found
    assert "14/12/2026" not in found
    story = ok(run("history", "damp and mould", db=db_path, tz=machine))
    assert "15 December 2026" in story
    assert "14 December 2026" not in story


def test_the_list_keeps_its_columns_when_zone_names_differ_in_length(db_path: Path) -> None:
    machine = "America/Los_Angeles"
    ok(run("committee", "Calais Liaison Panel", "--zone", "Europe/Paris", db=db_path, tz=machine))
    ok(run("new", "--committee", "Housing Board", "--date", "14/12/2026", db=db_path, tz=machine))
    ok(
        run(
            "new",
            "--committee",
            "Calais Liaison Panel",
            "--date",
            "14/7/2027",
            db=db_path,
            tz=machine,
        )
    )
    lines = ok(run("list", db=db_path, tz=machine)).splitlines()
    assert [line.index("draft") for line in lines] == [lines[0].index("draft")] * 2, lines
    assert "CEST" in lines[0] and "GMT" in lines[1]


@pytest.mark.parametrize("stored", ["Mars/Base", "../../etc/passwd", "x" * 300])
def test_a_zone_written_outside_minuteterm_is_named_in_one_line(db_path: Path, stored: str) -> None:
    ok(run("new", "--committee", "Housing Board", "--date", "14/12/2026", db=db_path, tz="UTC"))
    conn = sqlite3.connect(db_path)
    conn.execute("update meetings set time_zone = ?", [stored])
    conn.commit()
    conn.close()
    for command in (("list",), ("export", "1", "--format", "md", "-o", "-")):
        result = run(*command, db=db_path, tz="UTC")
        assert result.returncode == 2, result
        assert "Traceback" not in result.stderr and "unexpected" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "is not a time zone" in result.stderr
