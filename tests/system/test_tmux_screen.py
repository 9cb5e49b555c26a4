"""The meeting screen in tmux, as many clerks run it.

tmux decides for itself how many cells a character takes, and it does not
always agree with the emulator the other terminal tests use (pyte, which
follows ``wcwidth``): a clock emoji in the header was one cell to Textual and
pyte but two to tmux, so in tmux the header's line slid one cell right and
letters of the old status stayed behind the new one ("LIVE   FT"). This
test minutes a few lines in a real tmux at 80×24 and reads the screen as
tmux holds it: every row is as wide as the window, every pane's right
border is where it belongs, and the header holds only the status it shows.

The tmux server is this test's own (its own socket name), and it is ended
when the test is done; every wait has a deadline.
"""

from __future__ import annotations

import os
import select
import shlex
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.terminal import new_meeting

DEADLINE = 30.0
COLS, ROWS = 80, 24


class Tmux:
    """One tmux server of this test's own, with the app in its window."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.socket = f"minuteterm-test-{uuid.uuid4().hex[:12]}"
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        shell = f"env {exports} {shlex.join(command)}"
        self._tmux("new-session", "-d", "-s", "clerk", "-x", str(COLS), "-y", str(ROWS), shell)
        # A control-mode client: tmux tells it of every piece of output the
        # app writes, so a wait wakes when the screen can have changed (it
        # does not size the window).
        self._control = subprocess.Popen(
            ["tmux", "-L", self.socket, "-f", os.devnull, "-C", "attach-session", "-t", "clerk"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", os.devnull, *args],
            capture_output=True,
            text=True,
            timeout=DEADLINE,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def type_line(self, line: str) -> None:
        self._tmux("send-keys", "-t", "clerk", "-l", line)
        self._tmux("send-keys", "-t", "clerk", "Enter")

    def screen(self) -> list[str]:
        return self._tmux("capture-pane", "-t", "clerk", "-p").split("\n")[:ROWS]

    def wait_for(self, wanted: Callable[[list[str]], bool], what: str) -> list[str]:
        """The screen once ``wanted`` holds, looked at again after each piece
        of output tmux reports (at most 10,000 times, for ``DEADLINE``)."""
        end = time.monotonic() + DEADLINE
        notices = self._control.stdout
        assert notices is not None
        screen = self.screen()
        for _output in range(10_000):
            left = end - time.monotonic()
            if wanted(screen) or left <= 0:
                break
            ready, _, _ = select.select([notices], [], [], left)
            if ready:
                notices.read1(65536)  # type: ignore[attr-defined]
            screen = self.screen()
        assert wanted(screen), f"waited {DEADLINE:.0f} s for {what}:\n" + "\n".join(screen)
        return screen

    def close(self) -> None:
        """End the control client (by its pid) and this test's tmux server."""
        self._control.terminate()
        try:
            self._control.wait(timeout=DEADLINE)
        finally:
            if self._control.stdin:
                self._control.stdin.close()
            if self._control.stdout:
                self._control.stdout.close()
        subprocess.run(
            ["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=DEADLINE
        )


@pytest.fixture
def meeting_db(tmp_path: Path) -> Path:
    agenda = ["Apologies", "Land at Mill Lane", "Appeals"]
    return new_meeting(tmp_path, agenda, committee="Planning Committee", date="02/12/2026")


@pytest.fixture
def tmux(meeting_db: Path) -> Iterator[Tmux]:
    env = {"TZ": "UTC", "TERM": "xterm-256color", "COLORTERM": "truecolor"}
    env |= {key: os.environ[key] for key in ("PATH", "HOME", "PYTHONPATH") if key in os.environ}
    terminal = Tmux([sys.executable, "-m", "minuteterm", "--db", str(meeting_db), "open", "1"], env)
    try:
        yield terminal
    finally:
        terminal.close()


def test_minuting_in_tmux_leaves_every_row_whole(tmux: Tmux) -> None:
    """On a machine in UTC, a meeting of today names its zone ("18:30 GMT"),
    which made the header fill the row: with the clock emoji the status's
    last letters were pushed past the edge and left behind ("DRAFT  FT")."""
    first = tmux.wait_for(lambda rows: "DRAFT" in rows[0] and "Agenda" in rows[1], "the meeting")
    assert "not started" in first[0]
    said = [  # what the status line says once each line is saved
        ("present+ Cllr Ann Grey (Chair), Cllr Bob Hale, Cllr Cara Lyle", "present"),
        ("Grey: welcomed everyone to the meeting", "saved note in item 1"),
        ("/next", "now on item 2"),
        ("? Hale: what happens to parking on Mill Lane", "saved question"),
        ("> Head of Planning: six spaces are added and highways do not object", "saved response"),
        ("! Head of Planning: circulate the landscaping plan by 20 January", "saved action"),
        ("= Resolved that permission be granted", "saved resolution"),
    ]
    for line, words in said:
        tmux.type_line(line)
        # each line in its turn, as a clerk types: the header redrawn over itself
        screen = tmux.wait_for(
            lambda rows, words=words: words in "\n".join(rows[-3:]), f"{line!r} saved"
        )
        header = screen[0].rstrip()
        assert header.endswith(("DRAFT", "LIVE")), header  # nothing left behind the status
        assert len(screen[0]) <= COLS, screen[0]
    assert "permission be granted" in "\n".join(screen[1:18])
    assert screen[0].rstrip().endswith("LIVE")
    # every pane's right border in the last column: nothing slid sideways
    for row in screen[1:18]:
        assert len(row) == COLS and row[-1] in "╮│╯", screen
