"""Dates far outside any meeting are refused with the reason (issue 11,
point 13), wherever a date is read: typed, due, imported."""

from __future__ import annotations

from datetime import date

import pendulum
import pytest

from minuteterm.dates import DateError, parse_date, parse_meeting_start
from minuteterm.db.store import Store
from minuteterm.errors import CLERK_ERRORS
from minuteterm.importing.moderngov import read_day
from minuteterm.model import NewItem
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.recorder import Recorder

TODAY = date(2026, 12, 14)


@pytest.mark.parametrize(
    ("typed", "year"),
    [
        ("31/12/9999", "9999"),
        ("1/1/0001", "year 1 "),
        ("1/1/1899", "1899"),
        ("in 200 years", "2226"),
    ],
)
def test_a_date_outside_the_years_accepted_is_refused_with_the_reason(
    typed: str, year: str
) -> None:
    with pytest.raises(DateError) as refused:
        parse_date(typed, TODAY)
    assert year in str(refused.value)
    assert "1900 to 2199" in str(refused.value)


def test_the_edges_of_the_range_are_accepted() -> None:
    assert parse_date("1/1/1900", TODAY) == date(1900, 1, 1)
    assert parse_date("31/12/2199", TODAY) == date(2199, 12, 31)


def test_a_meeting_cannot_be_made_in_the_year_9999() -> None:
    with pytest.raises(DateError, match="9999"):
        parse_meeting_start("31/12/9999", "18:00", TODAY, "Europe/London")


def test_an_action_due_in_the_year_1_is_refused_and_not_saved(store: Store) -> None:
    meeting = create_meeting(
        store,
        "Audit Committee",
        pendulum.datetime(2026, 12, 14, 18, 30, tz="Europe/London"),
        agenda=[NewItem("Plan")],
    )
    with pytest.raises(CLERK_ERRORS, match="year 1 is outside"):
        Recorder(store, meeting).apply("! Head of Audit: circulate the plan by 1/1/0001")
    assert store.query("select count(*) as n from entries")[0]["n"] == 0


def test_an_imported_date_outside_the_range_is_not_read() -> None:
    assert read_day("31/12/9999") is None
    assert read_day("0001-01-01T00:00:00") is None
    assert read_day("14/12/2026") == date(2026, 12, 14)
