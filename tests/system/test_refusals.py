"""Refusals from the command line: one line, exit 2, and nothing changed
(issue 11). Real processes on a real database file."""

from __future__ import annotations

import sqlite3
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
