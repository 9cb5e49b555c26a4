"""A line entered from the capture bar and its draft go in one transaction.

While the clerk types, the bar's text is kept as the window's draft every
half second. On Enter the line becomes an entry and the draft must go: if
the two were separate writes, a program stopped between them would bring
the saved line back into the bar next time (to be entered twice), or, the
other way round, lose it. Checked on a real database file, through a fresh
connection.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pendulum
import pytest

from minuteterm.db.store import Store
from minuteterm.errors import CLERK_ERRORS
from minuteterm.model import EntryKind, NewItem
from minuteterm.recording.drafts import save_draft
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.recorder import Recorder

START = pendulum.datetime(2026, 12, 14, 18, 30, tz="Europe/London")
HERE, THERE = "window-here", "window-there"


@pytest.fixture
def meeting(store: Store) -> int:
    made = create_meeting(
        store,
        "Licensing Committee",
        START,
        agenda=[NewItem("Apologies for absence"), NewItem("Street trading policy")],
    )
    Recorder(store, made).apply("/item 1", now=START)
    return made


def _seen(db_path: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """The entries' texts and the drafts (window, text), read afresh."""
    conn = sqlite3.connect(db_path)
    try:
        entries = [row[0] for row in conn.execute("select text from entries order by id")]
        drafts = conn.execute("select window, text from drafts order by window").fetchall()
    finally:
        conn.close()
    return entries, drafts


def _typing(store: Store, meeting: int, window: str, text: str) -> None:
    save_draft(store, meeting, text, EntryKind.NOTE, START, window=window)


def test_enter_stores_the_line_and_removes_only_its_windows_draft(
    store: Store, meeting: int, db_path: Path
) -> None:
    _typing(store, meeting, HERE, "Members discussed the late-night levy")
    _typing(store, meeting, THERE, "Cllr Obi asked about")
    Recorder(store, meeting).apply(
        "Members discussed the late-night levy", now=START, typed_in=HERE
    )
    entries, drafts = _seen(db_path)
    assert entries == ["Members discussed the late-night levy"]
    assert drafts == [(THERE, "Cllr Obi asked about")]


def test_the_entry_and_the_draft_removal_are_one_transaction(
    store: Store, meeting: int, db_path: Path
) -> None:
    """If the draft cannot be removed, the line is not stored either (and
    the other way round, below): neither is ever done without the other."""
    _typing(store, meeting, HERE, "Members noted the report")
    store.conn.execute(
        "create trigger keep_drafts before delete on drafts begin select raise(abort, 'held'); end"
    )
    with pytest.raises(CLERK_ERRORS):
        Recorder(store, meeting).apply("Members noted the report", now=START, typed_in=HERE)
    assert _seen(db_path) == ([], [(HERE, "Members noted the report")])

    store.conn.execute("drop trigger keep_drafts")
    store.conn.execute(
        "create trigger no_entries before insert on entries begin select raise(abort, 'full'); end"
    )
    with pytest.raises(CLERK_ERRORS):
        Recorder(store, meeting).apply("Members noted the report", now=START, typed_in=HERE)
    assert _seen(db_path) == ([], [(HERE, "Members noted the report")])


def test_a_refused_line_keeps_its_draft(store: Store, meeting: int, db_path: Path) -> None:
    _typing(store, meeting, HERE, "!! 999 done: circulated")
    with pytest.raises(CLERK_ERRORS):
        Recorder(store, meeting).apply("!! 999 done: circulated", now=START, typed_in=HERE)
    assert _seen(db_path) == ([], [(HERE, "!! 999 done: circulated")])


def test_ending_the_meeting_from_the_bar_removes_its_draft(
    store: Store, meeting: int, db_path: Path
) -> None:
    _typing(store, meeting, HERE, "/end")
    Recorder(store, meeting).apply("/end", now=START.add(hours=1), typed_in=HERE)
    _entries, drafts = _seen(db_path)
    assert drafts == []
    (status,) = sqlite3.connect(db_path).execute("select status from meetings").fetchone()
    assert status == "closed"


def test_lines_from_elsewhere_leave_every_draft_alone(
    store: Store, meeting: int, db_path: Path
) -> None:
    """``minuteterm capture`` and the demo pass no window: a clerk's unsent
    line in an open window is not theirs to remove."""
    _typing(store, meeting, HERE, "Cllr Obi asked about")
    Recorder(store, meeting).apply("Members noted the report", now=START)
    assert _seen(db_path) == (["Members noted the report"], [(HERE, "Cllr Obi asked about")])
