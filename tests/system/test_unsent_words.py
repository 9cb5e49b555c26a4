"""Never lose the clerk's words: two windows keep a draft each, the entry
editor keeps one, and lines the database cannot store (here: another
program holds the write lock) are kept one by one, never quit over silently,
and stored in order when the database answers again.

Every app runs as a real process in a pseudo-terminal (see
:mod:`tests.terminal`), on a real database file, and is ended by its pid.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.terminal import ENTER, Terminal, rows, wait_for_row

READY = "^l Meetings"  # the meeting screen's key hints
CTRL_Q = "\x11"


def _minuteterm(db_path: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "minuteterm", "--db", str(db_path), *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout.strip()


@pytest.fixture
def meeting(db_path: Path) -> str:
    """A new meeting with one entry already minuted; its id."""
    made = _minuteterm(db_path, "new", "--committee", "Scratch Board", "--date", "14/12/2026")
    _minuteterm(db_path, "capture", made, "/add Apologies")
    _minuteterm(db_path, "capture", made, "The Chair opened the meeting.")
    return made


@contextmanager
def window(db_path: Path, meeting: str) -> Iterator[Terminal]:
    """The app open on the meeting, ready for typing; SIGTERM at the end."""
    term = Terminal(["--db", str(db_path), "open", meeting], cols=120, rows=40)
    try:
        term.wait_for_text(READY)
        yield term
    finally:
        term.close()


def _draft_saved(db_path: Path, text: str) -> None:
    wait_for_row(db_path, "select 1 from drafts where text = ?", [text], what=f"draft {text!r}")


def _entries(db_path: Path) -> list[str]:
    return [str(row[0]) for row in rows(db_path, "select text from entries order by id")]


def _stop(term: Terminal, how: signal.Signals = signal.SIGTERM) -> int:
    os.kill(term.process.pid, how)
    return term.process.wait(timeout=60)


# --- 16: a draft per window -----------------------------------------------------


def test_one_windows_enter_keeps_the_other_windows_unsent_line(db_path: Path, meeting: str) -> None:
    with window(db_path, meeting) as first, window(db_path, meeting) as second:
        second.write("Cllr Obi asked about the bus lane")
        _draft_saved(db_path, "Cllr Obi asked about the bus lane")
        first.write("Members discussed parking")
        _draft_saved(db_path, "Members discussed parking")
        first.write(" charges." + ENTER)
        wait_for_row(
            db_path,
            "select 1 from entries where text = ?",
            ["Members discussed parking charges."],
            what="the first window's line",
        )
        assert _stop(second) == 0
    texts = [str(row[0]) for row in rows(db_path, "select text from drafts")]
    assert texts == ["Cllr Obi asked about the bus lane"]

    with window(db_path, meeting) as again:
        again.wait_for_text("Cllr Obi asked about the bus lane")


def test_older_drafts_of_a_meeting_come_back_one_after_another(db_path: Path, meeting: str) -> None:
    with window(db_path, meeting) as first, window(db_path, meeting) as second:
        first.write("Older words from the first window")
        _draft_saved(db_path, "Older words from the first window")
        second.write("Newer words from the second window")
        _draft_saved(db_path, "Newer words from the second window")
    with window(db_path, meeting) as again:
        again.wait_for_text("Newer words from the second window")
        again.wait_for_screen(  # the status line may wrap where the time is long
            lambda shown: "1 more unsent line(s) are kept" in " ".join(shown.split()),
            "1 more unsent line(s) are kept",
        )
        again.write(ENTER)  # stored: its draft goes
        wait_for_row(
            db_path,
            "select 1 from entries where text = ?",
            ["Newer words from the second window"],
            what="the restored line",
        )
    with window(db_path, meeting) as last:
        last.wait_for_text("Older words from the first window")


# --- 17: the entry editor keeps a draft ------------------------------------------


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP])
def test_an_edit_in_progress_survives_the_app_being_stopped(
    db_path: Path, meeting: str, how: signal.Signals
) -> None:
    with window(db_path, meeting) as term:
        term.write("\x1b[Z")  # Shift+Tab: from the bar back to the resolutions pane
        term.write("\x1b[Z\x1b[Z\x1b[Z")  # … actions, questions, the running minute
        term.write("e")
        term.wait_for_text("Editing entry #1")
        term.write(" The Vice-Chair was present.")
        term.wait_for_text("meeting. The Vice-Chair was present.")
        if how is signal.SIGKILL:
            _draft_saved(db_path, "The Chair opened the meeting. The Vice-Chair was present.")
        _stop(term, how)
    assert _entries(db_path) == ["The Chair opened the meeting."]
    with window(db_path, meeting) as again:
        again.wait_for_text("Editing entry #1")
        again.wait_for_text("The Chair opened the meeting. The Vice-Chair was present.")
        again.write(ENTER)
        wait_for_row(
            db_path,
            "select 1 from entries where text = ?",
            ["The Chair opened the meeting. The Vice-Chair was present."],
            what="the edit saved",
        )


# --- 18, 19, 20: the database will not take writes -------------------------------


@contextmanager
def write_lock(db_path: Path) -> Iterator[sqlite3.Connection]:
    """Another program holding the database's write lock until the block ends."""
    other = sqlite3.connect(db_path, timeout=30, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        yield other
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_lines_refused_while_locked_stay_separate_and_are_stored_in_order(
    db_path: Path, meeting: str
) -> None:
    lines = ["Objection one was noted.", "Objection two was noted.", "Objection three."]
    with window(db_path, meeting) as term:
        with write_lock(db_path):
            term.write(lines[0] + ENTER)
            term.wait_for_text("the database is busy (another program is writing")
            term.wait_for_text("your line is kept")
            term.write(lines[1] + ENTER)
            term.write(lines[2] + ENTER)
            # the count in the border can be drawn a frame before the box
            # has grown to the third line: wait for the screen that has both
            shown = term.wait_for_screen(
                lambda screen: (
                    "3 line(s) not stored yet" in screen and "3. Objection three." in screen
                ),
                "three lines waiting, the third shown",
            )
            assert "1. Objection one was noted." in shown
            assert _entries(db_path) == ["The Chair opened the meeting."]
        wait_for_row(
            db_path, "select 1 from entries where text = ?", [lines[2]], what="the last line"
        )
        assert _entries(db_path) == ["The Chair opened the meeting.", *lines]


def test_sigterm_writes_unstored_lines_to_a_recovery_file_and_says_where(
    db_path: Path, meeting: str
) -> None:
    with window(db_path, meeting) as term, write_lock(db_path):
        term.write("The vote was tied." + ENTER)
        term.wait_for_text("1 line(s) not stored yet")
        term.write("The Chair used a casting")
        term.wait_for_text("The Chair used a casting")
        assert _stop(term) == 0
        said = term.text
    found = list(db_path.parent.glob("*-unsaved-*.txt"))
    assert len(found) == 1
    assert found[0].read_text(encoding="utf-8").splitlines() == [
        "The vote was tied.",
        "The Chair used a casting",
    ]
    assert found[0].name in re.sub(r"\s+", "", said)


def test_ctrl_q_asks_before_quitting_over_unstored_lines(db_path: Path, meeting: str) -> None:
    with window(db_path, meeting) as term, write_lock(db_path):
        term.write("The vote was tied." + ENTER)
        term.wait_for_text("1 line(s) not stored yet")
        term.write(CTRL_Q)
        term.wait_for_text("Quit anyway?")
        assert term.process.poll() is None
        term.write(ENTER)  # the first choice: stay
        term.wait_for_screen(lambda shown: "Quit anyway?" not in shown, "the question gone")
        assert term.process.poll() is None
        term.write(CTRL_Q)
        term.wait_for_text("Quit anyway?")
        term.write("\x1b[B" + ENTER)  # down, Enter: write them to a file and quit
        assert term.process.wait(timeout=60) == 0
    found = list(db_path.parent.glob("*-unsaved-*.txt"))
    assert [path.read_text(encoding="utf-8") for path in found] == ["The vote was tied.\n"]


def test_read_only_commands_do_not_wait_for_the_write_lock(db_path: Path, meeting: str) -> None:
    target = db_path.parent / "minutes.md"
    with write_lock(db_path):
        listed = _minuteterm(db_path, "list")
        _minuteterm(db_path, "export", meeting, "--format", "md", "-o", str(target))
        found = _minuteterm(db_path, "search", "opened")
    assert "Scratch Board" in listed
    assert "The Chair opened the meeting." in target.read_text(encoding="utf-8")
    assert "opened" in found


def test_quitting_leaves_every_line_stored_and_the_file_closed(db_path: Path, meeting: str) -> None:
    """Ctrl+Q ends the command without the collector's last pass over what
    is still alive (:func:`minuteterm.start.end_without_a_last_collection`):
    everything that has to happen at exit happens before it, on purpose.
    The lines typed are stored, and the database is closed as a finished
    file (no write-ahead log left beside it, which only a connection still
    open, or ended without closing, leaves)."""
    with window(db_path, meeting) as term:
        for line in ("? Grey: is the budget signed off", "> Treasurer: it is, in full"):
            term.write(line + ENTER)
        term.wait_for_text("it is, in full")
        term.write(CTRL_Q)
        assert term.process.wait(timeout=60) == 0
    assert not Path(f"{db_path}-wal").exists()
    with sqlite3.connect(db_path) as conn:
        texts = [row[0] for row in conn.execute("select text from entries order by id")]
    assert texts[-2:] == ["is the budget signed off", "it is, in full"]
