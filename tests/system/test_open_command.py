"""``minuteterm open MEETING``: a bad or unknown id is one line on stderr and
exit 2, with nothing opened; a good one opens the app on that meeting (the
real-terminal tests open every meeting this way)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def run(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "minuteterm", "--db", str(db_path), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("meeting", "says"),
    [
        ("abc", "'abc' is not a meeting id"),
        ("7", "there is no meeting 7"),
        ("0", "not a meeting id"),
    ],
)
def test_a_bad_meeting_is_one_line_and_exit_2(db_path: Path, meeting: str, says: str) -> None:
    done = run(db_path, "open", meeting)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and says in lines[0]
