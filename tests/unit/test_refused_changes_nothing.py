"""A refused command changes nothing, anywhere (issue 11, point 12).

A refused first line leaves a draft meeting a draft, with no start time and
no item opened; a refused committee setting makes no committee and changes
none. Checked on a real database file, read back through a fresh connection.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pendulum
import pytest

from minuteterm.db.store import Store
from minuteterm.errors import CLERK_ERRORS
from minuteterm.formal.committees import Settings, configure
from minuteterm.model import MeetingStatus, NewItem
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.recorder import Recorder

START = pendulum.datetime(2026, 12, 14, 18, 30, tz="Europe/London")

#: First lines that are refused only after the line has been read: each
#: used to open the first item (and make the meeting live) first.
REFUSED_FIRST_LINES = (
    "vote+ for 5, against 2",  # no resolution to vote on
    "The plan was agreed as at @XYZ/9/26.",  # a minute the committee does not have
    "declare+ Cllr Nobody: item 9, pecuniary, owns a shop",  # no item 9
    "!! 999 done: circulated",  # no action 999
    "/public That the offer be accepted.",  # the item is not exempt
)


def _draft(store: Store) -> int:
    return create_meeting(
        store,
        "Licensing Committee",
        START,
        agenda=[NewItem("Apologies for absence"), NewItem("Street trading policy")],
    )


def _state(db_path: Path, meeting_id: int) -> tuple:
    """What a clerk would see of the meeting, read through a new connection."""
    conn = sqlite3.connect(db_path)
    try:
        meeting = conn.execute(
            "select status, opened_at, current_item_id from meetings where id = ?", [meeting_id]
        ).fetchone()
        items = conn.execute(
            "select started_at, ended_at from agenda_items where meeting_id = ? order by id",
            [meeting_id],
        ).fetchall()
        entries = conn.execute("select count(*) from entries").fetchone()[0]
    finally:
        conn.close()
    return meeting, items, entries


@pytest.mark.parametrize("line", REFUSED_FIRST_LINES)
def test_a_refused_first_line_leaves_the_meeting_a_draft(
    store: Store, db_path: Path, line: str
) -> None:
    meeting_id = _draft(store)
    before = _state(db_path, meeting_id)
    assert before[0] == (MeetingStatus.DRAFT.value, None, None)
    with pytest.raises(CLERK_ERRORS):
        Recorder(store, meeting_id).apply(line)
    assert _state(db_path, meeting_id) == before
    assert store.meeting(meeting_id).status is MeetingStatus.DRAFT


def test_the_next_good_line_opens_the_meeting_as_usual(store: Store, db_path: Path) -> None:
    meeting_id = _draft(store)
    recorder = Recorder(store, meeting_id)
    with pytest.raises(CLERK_ERRORS):
        recorder.apply(REFUSED_FIRST_LINES[0])
    recorder.apply("Apologies were received from Cllr Reed.")
    (status, opened_at, current), items, entries = _state(db_path, meeting_id)
    assert status == MeetingStatus.LIVE.value and opened_at is not None and current is not None
    assert items[0][0] is not None and entries == 1


def _committees(db_path: Path) -> list[tuple]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("select name, quorum from committees order by name").fetchall()
    finally:
        conn.close()


def test_a_refused_setting_makes_no_committee(store: Store, db_path: Path) -> None:
    with pytest.raises(CLERK_ERRORS):
        configure(store, "Typo Comittee", Settings(quorum=999))
    assert _committees(db_path) == []
