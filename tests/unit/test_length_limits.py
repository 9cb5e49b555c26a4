"""Committee names, meeting titles and venues have a length limit with a
clear refusal, and generated file names stay short (issue 11, point 15)."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from minuteterm.db.store import MAX_NAME_CHARS, Store, StoreError
from minuteterm.export import default_filename, write_export
from minuteterm.export.action_sheet import default_sheet_filename
from minuteterm.model import NewItem
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.record import meeting_record

START = pendulum.datetime(2026, 12, 14, 18, 30, tz="Europe/London")

#: A committee name of exactly the longest allowed length, in real words.
LONGEST = ("Joint Health Overview and Scrutiny Committee of Northshire " * 4)[:MAX_NAME_CHARS]


def _count(store: Store, table: str) -> int:
    return store.query(f"select count(*) as n from {table}")[0]["n"]


@pytest.mark.parametrize(
    ("field", "what"),
    [("committee", "a committee name"), ("title", "a meeting title"), ("venue", "a venue")],
)
def test_a_name_too_long_is_refused_and_nothing_made(store: Store, field: str, what: str) -> None:
    values = {"committee": "Audit Committee", "title": None, "venue": "Room 2"}
    values[field] = "x" * (MAX_NAME_CHARS + 1)
    with pytest.raises(StoreError) as refused:
        create_meeting(
            store, values["committee"], START, title=values["title"], venue=values["venue"]
        )
    assert str(refused.value).startswith(f"{what} is at most {MAX_NAME_CHARS} characters")
    assert "201" in str(refused.value)
    assert (_count(store, "meetings"), _count(store, "committees")) == (0, 0)


def test_the_longest_name_makes_a_short_file_name(store: Store, tmp_path: Path) -> None:
    meeting = create_meeting(
        store, LONGEST, START, venue="v" * MAX_NAME_CHARS, agenda=[NewItem("Fraud", True)]
    )
    record = meeting_record(store, meeting)
    name = default_filename(record, "docx", public=True, style="narrative")
    assert len(name) <= 100, name
    assert name.startswith("joint-health-overview-and-scrutiny-committee-of-northshire-")
    written = write_export(record, "md", tmp_path)
    assert written.parent == tmp_path and written.is_file()
    assert len(default_sheet_filename("csv", LONGEST)) <= 100
