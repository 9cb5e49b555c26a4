"""Refusals from the command line: one line, exit 2, and nothing changed
(issue 11). Real processes on a real database file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.system.test_cli import assert_refused, run


def _committees(db_path: Path) -> list[tuple]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("select name, quorum from committees order by name").fetchall()
    finally:
        conn.close()


def test_the_committee_command_refused_changes_nothing(db_path: Path) -> None:
    assert run("committee", "Audit Committee", "--quorum", "3", db=db_path).returncode == 0
    assert_refused(run("committee", "Typo Comittee", "--quorum", "999", db=db_path), "quorum")
    assert_refused(
        run("committee", "Audit Committee", "--quorum", "4", "--forget", "Cllr Nobody", db=db_path),
        "Nobody",
    )
    assert _committees(db_path) == [("Audit Committee", 3)]


def test_a_trigger_that_eats_entries_is_refused_not_reported_saved(db_path: Path) -> None:
    made = run("new", "--committee", "Audit Committee", "--date", "14/12/2026", db=db_path)
    assert made.returncode == 0, made.stderr
    conn = sqlite3.connect(db_path)
    conn.execute(
        "create trigger eat_entries after insert on entries begin"
        " delete from entries where id = new.id; end"
    )
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    result = run("capture", made.stdout.strip(), "The plan was noted.", db=db_path)
    assert_refused(result, "changed outside MinuteTerm")
    assert "saved" not in result.stdout
    assert db_path.read_bytes() == before


def test_a_meeting_in_the_year_9999_is_refused(db_path: Path) -> None:
    result = run("new", "--committee", "Audit Committee", "--date", "31/12/9999", db=db_path)
    assert_refused(result, "9999 is outside the years MinuteTerm accepts")


def test_capture_with_stdin_closed_is_refused_in_one_line(db_path: Path) -> None:
    made = run("new", "--committee", "Audit Committee", "--date", "14/12/2026", db=db_path)
    assert made.returncode == 0, made.stderr
    command = [sys.executable, "-m", "minuteterm", "--db", str(db_path), "capture"]
    result = subprocess.run(
        ["sh", "-c", 'exec "$@" <&-', "sh", *command, made.stdout.strip()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert_refused(result, "standard input is closed")


def test_a_committee_name_too_long_is_refused_not_made(db_path: Path) -> None:
    name = "Overview and Scrutiny " * 15
    result = run("new", "--committee", name, "--date", "14/12/2026", db=db_path)
    assert_refused(result, "a committee name is at most 200 characters")
    assert not db_path.exists()  # not even the new, empty database
    assert run("committee", "Audit Committee", db=db_path).returncode == 0
    assert_refused(run("new", "--committee", name, "--date", "14/12/2026", db=db_path), "200")
    assert _committees(db_path) == [("Audit Committee", None)]
