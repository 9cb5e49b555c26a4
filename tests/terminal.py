"""The real app in a real terminal, for tests that Pilot cannot do.

Pilot hands the app one key event at a time; a terminal hands it whatever
arrived in one read: a burst of keys from a fast typist or a text expander,
a bracketed paste with escape sequences in it. :class:`Terminal` runs
``python -m minuteterm`` on a pseudo-terminal of a given size, writes keys
in single writes as a terminal does, and keeps the screen the app draws in
a terminal emulator (pyte), so a test can read what the clerk would see.

Every wait is on a condition with a deadline; the process is ended by its
pid when the test is done.
"""

from __future__ import annotations

import fcntl
import os
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import closing
from pathlib import Path
from typing import TypeVar

import pyte

#: How long to wait for the app to show something or save it.
DEADLINE = 30.0

#: Keys as a terminal sends them.
BACKSPACE = "\x7f"
ENTER = "\r"
TAB = "\t"
LEFT = "\x1b[D"
HOME = "\x1b[H"
DELETE = "\x1b[3~"
CTRL_S = "\x13"
CTRL_U = "\x15"
CTRL_W = "\x17"

T = TypeVar("T")


def bracketed_paste(text: str) -> str:
    """``text`` as a terminal sends a paste to an app that asked for
    bracketed paste (tmux's ``paste-buffer -p`` sends ESC inside it as is)."""
    return f"\x1b[200~{text}\x1b[201~"


class Terminal:
    """``minuteterm ARGS`` running on a pseudo-terminal ``cols`` × ``rows``
    (``program``: another command line to run ARGS with, in ``cwd``; ``env``:
    variables set for it on top of this process's)."""

    def __init__(
        self,
        args: Sequence[str],
        *,
        cols: int = 120,
        rows: int = 40,
        program: Sequence[str] = (sys.executable, "-m", "minuteterm"),
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        self._master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        inherited = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
        inherited.pop("TEXTUAL", None)  # no devtools
        # pytest-xdist's workers carry COLUMNS=80 and LINES=24: a program in
        # a terminal of its own does not inherit its starter's size
        for name in ("COLUMNS", "LINES"):
            inherited.pop(name, None)
        env = {**inherited, **(env or {})}
        self.process = subprocess.Popen(
            [*program, *args],
            cwd=cwd,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,  # the pty becomes its controlling terminal
            close_fds=True,
        )
        os.close(slave)
        self._screen = pyte.Screen(cols, rows)
        self._stream = pyte.ByteStream(self._screen)
        self._changed = threading.Condition()
        self._closed = False
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        """Feed everything the app draws into the emulated screen."""
        while True:
            try:
                data = os.read(self._master, 65536)
            except OSError:
                data = b""
            with self._changed:
                if data:
                    self._stream.feed(data)
                else:
                    self._closed = True
                self._changed.notify_all()
            if not data:
                return

    def write(self, keys: str) -> None:
        """Send ``keys`` in ONE write, as a terminal sends what arrived together."""
        data = keys.encode()
        written = os.write(self._master, data)
        assert written == len(data), "the burst did not go in one write"

    @property
    def text(self) -> str:
        """What the screen shows now, one line per row."""
        with self._changed:
            return "\n".join(line.rstrip() for line in self._screen.display)

    def wait_for_screen(self, wanted: Callable[[str], bool], what: str) -> str:
        """Wait until the screen satisfies ``wanted``; the screen's text."""
        deadline = time.monotonic() + DEADLINE
        with self._changed:
            while True:
                shown = "\n".join(line.rstrip() for line in self._screen.display)
                if wanted(shown):
                    return shown
                left = deadline - time.monotonic()
                if left <= 0 or self._closed:
                    raise AssertionError(f"the screen never showed {what}:\n{shown}")
                self._changed.wait(min(left, 0.5))

    def wait_for_text(self, text: str) -> str:
        """Wait until ``text`` is on the screen."""
        return self.wait_for_screen(lambda shown: text in shown, repr(text))

    def end(self) -> int:
        """End the app by its pid (SIGTERM: it exits cleanly) and read all it
        wrote until it ended; its exit status."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
        status = self.process.wait(timeout=DEADLINE)
        self._reader.join(timeout=DEADLINE)  # the pty reads empty once it has ended
        return status

    def close(self) -> None:
        """End the app by its pid (SIGTERM: it exits cleanly), then the pty."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=DEADLINE)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=DEADLINE)
        os.close(self._master)
        self._reader.join(timeout=DEADLINE)


def wait_for_row(
    db_path: Path, sql: str, params: Sequence[object] = (), *, what: str
) -> tuple[object, ...]:
    """Poll the database until ``sql`` returns a row; that row. Read only,
    each poll a fresh connection (the app writes in WAL mode)."""
    deadline = time.monotonic() + DEADLINE
    pause = threading.Event()
    while True:
        with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5)) as conn:
            row = conn.execute(sql, params).fetchone()
        if row is not None:
            return tuple(row)
        if time.monotonic() > deadline:
            raise AssertionError(f"the database never held {what}")
        pause.wait(0.05)  # between polls of another process's file


def rows(db_path: Path, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
    """Every row ``sql`` returns now."""
    with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5)) as conn:
        return [tuple(row) for row in conn.execute(sql, params)]


def new_meeting(
    folder: Path, agenda: Sequence[str], *, committee: str = "Planning", date: str = "14/12/2026"
) -> Path:
    """A database in ``folder`` holding one meeting at 18:30 on ``date``,
    made as a clerk makes it: ``minuteterm new`` with an agenda file."""
    db, agenda_file = folder / "minutes.db", folder / "agenda.md"
    agenda_file.write_text(
        "".join(f"{n}. {title}\n" for n, title in enumerate(agenda, 1)), encoding="utf-8"
    )
    subprocess.run(
        [
            *(sys.executable, "-m", "minuteterm", "new", "--db", str(db)),
            *("--committee", committee, "--date", date, "--time", "18:30"),
            *("--agenda", str(agenda_file)),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    return db
