"""Text read back from a database restored or edited by hand never sends a
terminal escape: not from ``minuteterm list`` or ``search``, not in the
Markdown, HTML or CSV it exports. Real processes, a real file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

TITLE = "\x1b]0;PWNED\x07"  # an OSC sequence: sets the terminal's title
RED = "\x1b[31m"


def _run(db_path: Path, *args: str) -> bytes:
    done = subprocess.run(
        [sys.executable, "-m", "minuteterm", "--db", str(db_path), *args],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return done.stdout


def _hand_edited(db_path: Path) -> str:
    """A meeting whose committee, entry and action carry escapes, written
    straight into the file as a hand edit or a restored file would."""
    meeting = _run(db_path, "new", "--committee", "Licensing", "--date", "14/12/2026")
    meeting_id = meeting.decode().strip()
    _run(db_path, "capture", meeting_id, "/add Premises licence")
    _run(db_path, "capture", meeting_id, "The Sub-Committee noted the bus lane report.")
    _run(db_path, "capture", meeting_id, "! Head of Licensing: write to the applicant")
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("update committees set name = ? || name", [TITLE])
        conn.execute("update entries set text = text || ? || ' red'", [TITLE + RED])
        conn.execute("update actions set description = description || ?", [RED + "\x07"])
        conn.commit()
    return meeting_id


def test_list_search_and_exports_carry_no_escape_from_the_file(
    db_path: Path, tmp_path: Path
) -> None:
    meeting_id = _hand_edited(db_path)
    listed = _run(db_path, "list")
    found = _run(db_path, "search", "bus lane")
    markdown, html, csv = tmp_path / "m.md", tmp_path / "m.html", tmp_path / "a.csv"
    _run(db_path, "export", meeting_id, "--format", "md", "-o", str(markdown))
    _run(db_path, "export", meeting_id, "--format", "html", "-o", str(html))
    _run(db_path, "actions", "--format", "csv", "-o", str(csv))
    sheet = _run(db_path, "actions", "--format", "table")

    for shown in (listed, found, sheet, markdown.read_bytes(), html.read_bytes(), csv.read_bytes()):
        assert b"\x1b" not in shown and b"\x07" not in shown and b"PWNED" not in shown
    assert b"Licensing" in listed
    assert b"report. red" in markdown.read_bytes()
    assert b"write to the applicant" in csv.read_bytes()
