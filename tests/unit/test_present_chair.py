"""``present+ Cllr Grey (Chair)``: how a clerk writes the Chair in the list
of those present. It marks her present and in the Chair; it never makes a
person called "Cllr Grey (Chair)". Other brackets in a name are refused."""

from __future__ import annotations

import pendulum
import pytest

from minuteterm.db.store import Store
from minuteterm.errors import CaptureError
from minuteterm.export import render
from minuteterm.grammar.formal import Attend, parse_formal
from minuteterm.model import NewItem
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.record import meeting_record
from minuteterm.recording.recorder import Recorder


@pytest.mark.parametrize(
    "typed",
    [
        "present+ Cllr Ann Grey (Chair), Cllr Bob Hale",
        "present+ Cllr Ann Grey (chair), Cllr Bob Hale",
        "present+ Cllr Ann Grey (in the Chair) and Cllr Bob Hale",
        "present+ Cllr Ann Grey(Chairman), Cllr Bob Hale",
        "present+ Cllr Bob Hale, Cllr Ann Grey (Chairperson)",
    ],
)
def test_the_chair_is_read_from_the_list_of_those_present(typed: str) -> None:
    command = parse_formal(typed)
    assert isinstance(command, Attend)
    assert sorted(command.names) == ["Cllr Ann Grey", "Cllr Bob Hale"]
    assert command.chair == "Cllr Ann Grey"


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("present+ Cllr Grey (Vice-Chair)", "a name takes no brackets"),
        ("apologies+ Cllr Grey (Chair)", "a name takes no brackets"),
        ("present+ Cllr Grey (Chair), Cllr Hale (Chair)", "only one can be in the Chair"),
        ("present+ (Chair)", "a name takes no brackets"),
    ],
)
def test_other_brackets_are_refused(typed: str, said: str) -> None:
    with pytest.raises(CaptureError, match=said):
        parse_formal(typed)


def test_the_minutes_name_her_once_as_chair(store: Store) -> None:
    start = pendulum.datetime(2026, 12, 8, 10, 0, tz="Europe/London")
    meeting = create_meeting(
        store, "Licensing Sub-Committee", start, agenda=[NewItem("Apologies for absence")]
    )
    recorder = Recorder(store, meeting)
    said = recorder.apply("present+ Cllr Ann Grey (chair), Cllr Bob Hale, Cllr Carl Ince")
    assert "Cllr Ann Grey is in the Chair" in said.message
    minutes = render(meeting_record(store, meeting), "md")
    assert "**Present:** Cllr Ann Grey (Chair), Cllr Bob Hale, Cllr Carl Ince." in minutes
    names = [row[0] for row in store.conn.execute("select name from people order by id")]
    assert names == ["Cllr Ann Grey", "Cllr Bob Hale", "Cllr Carl Ince"]


def test_a_refused_line_marks_nobody(store: Store) -> None:
    start = pendulum.datetime(2026, 12, 8, 10, 0, tz="Europe/London")
    meeting = create_meeting(store, "Licensing Sub-Committee", start)
    with pytest.raises(CaptureError):
        Recorder(store, meeting).apply("present+ Cllr Ann Grey (Vice-Chair), Cllr Bob Hale")
    assert store.conn.execute("select count(*) from people").fetchone()[0] == 0
