"""Reading dates and times the way a UK clerk types them (day first)."""

from __future__ import annotations

from datetime import date

import pendulum
import pytest

from minuteterm.dates import (
    DateError,
    Due,
    looks_like_date,
    parse_date,
    parse_due,
    parse_meeting_start,
    parse_time,
)

#: Monday 14 December 2026, the day the conftest clock is pinned to.
TODAY = date(2026, 12, 14)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # numeric, day first
        ("14/12/2026", date(2026, 12, 14)),
        ("14/12/26", date(2026, 12, 14)),
        ("14-12-2026", date(2026, 12, 14)),
        ("14.12.2026", date(2026, 12, 14)),
        ("1/3/2027", date(2027, 3, 1)),
        ("12/03/2027", date(2027, 3, 12)),
        ("12/03/2026", date(2026, 3, 12)),  # a past date is still a date
        ("  14/12/2026  ", date(2026, 12, 14)),
        ("29/02/2028", date(2028, 2, 29)),
        # no year: the next one on or after today
        ("14/12", date(2026, 12, 14)),
        ("13/12", date(2027, 12, 13)),
        ("25/12", date(2026, 12, 25)),
        ("1/3", date(2027, 3, 1)),
        # ISO
        ("2026-12-14", date(2026, 12, 14)),
        ("2027-03-01", date(2027, 3, 1)),
        # named months
        ("14 Dec", date(2026, 12, 14)),
        ("14 December", date(2026, 12, 14)),
        ("14th December 2026", date(2026, 12, 14)),
        ("14 Dec 2026", date(2026, 12, 14)),
        ("14 dec 26", date(2026, 12, 14)),
        ("Dec 14", date(2026, 12, 14)),
        ("December 14, 2026", date(2026, 12, 14)),
        ("1st March", date(2027, 3, 1)),
        ("2nd Sept", date(2027, 9, 2)),
        ("the 3rd of March 2027", date(2027, 3, 3)),
        ("1 JANUARY", date(2027, 1, 1)),
        ("Monday 14 December 2026", date(2026, 12, 14)),
        ("Fri, 18 Dec", date(2026, 12, 18)),
        ("Friday 18/12/2026", date(2026, 12, 18)),
        # words
        ("today", date(2026, 12, 14)),
        ("Tomorrow", date(2026, 12, 15)),
        ("Friday", date(2026, 12, 18)),
        ("next Friday", date(2026, 12, 18)),
        ("fri", date(2026, 12, 18)),
        ("Monday", date(2026, 12, 21)),  # today is Monday: the next one
        ("next monday", date(2026, 12, 21)),
        ("Sunday", date(2026, 12, 20)),
        ("next week", date(2026, 12, 21)),
        ("next month", date(2027, 1, 14)),
        # in ...
        ("in 2 weeks", date(2026, 12, 28)),
        ("in 3 days", date(2026, 12, 17)),
        ("in a week", date(2026, 12, 21)),
        ("in one month", date(2027, 1, 14)),
        ("in 6 months", date(2027, 6, 14)),
        ("in a fortnight", date(2026, 12, 28)),
        ("in 2 working days", date(2026, 12, 16)),
        ("in 5 working days", date(2026, 12, 21)),
        ("in two weeks' time", date(2026, 12, 28)),
        ("in a year", date(2027, 12, 14)),
        ("In 1 Day", date(2026, 12, 15)),
        # end of ...
        ("end of March", date(2027, 3, 31)),
        ("end of December", date(2026, 12, 31)),
        ("end of the month", date(2026, 12, 31)),
        ("end of month", date(2026, 12, 31)),
        ("end of next month", date(2027, 1, 31)),
        ("end of the year", date(2026, 12, 31)),
        ("end of 2027", date(2027, 12, 31)),
        ("end of March 2027", date(2027, 3, 31)),
        ("end of February 2028", date(2028, 2, 29)),
        ("the end of March", date(2027, 3, 31)),
        ("end of the financial year", date(2027, 3, 31)),
    ],
)
def test_parse_date_reads(typed: str, expected: date) -> None:
    assert parse_date(typed, TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "today", "expected"),
    [
        ("14/12", date(2027, 1, 1), date(2027, 12, 14)),
        ("end of March", date(2027, 3, 31), date(2027, 3, 31)),
        ("end of March", date(2027, 4, 1), date(2028, 3, 31)),
        ("next month", date(2027, 1, 31), date(2027, 2, 28)),
        ("in 1 month", date(2028, 1, 31), date(2028, 2, 29)),
        ("in 1 working day", date(2026, 12, 18), date(2026, 12, 21)),
        ("Friday", date(2026, 12, 18), date(2026, 12, 25)),
        ("29/02", date(2027, 12, 1), date(2028, 2, 29)),
        ("end of the month", pendulum.date(2027, 2, 3), date(2027, 2, 28)),
    ],
)
def test_parse_date_counts_from_the_today_given(typed: str, today: date, expected: date) -> None:
    assert parse_date(typed, today) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31/02/2026", 'cannot use "31/02/2026": February 2026 has 28 days'),
        ("30/2/2028", "February 2028 has 29 days"),
        ("31/04/2027", "April 2027 has 30 days"),
        ("2026-02-30", "February 2026 has 28 days"),
        ("31 June", "June has 30 days"),
        ("29/02", "February 2027 has 28 days"),
        ("13/13/2026", '"13/13/2026": 13 is not a month'),
        ("12/13/2026", "13 is not a month (dates here are day/month/year)"),
        ("1/0/2026", "0 is not a month"),
        ("0/1/2026", 'cannot use "0/1/2026": there is no day 0'),
        ("123/4/2026", "123 is not a day of the month"),
        ("14/12/202", "write the year as 2026 or 26, not 202"),
        ("Friday 14 December 2026", "14 December 2026 is a Monday"),
        ("March", "which day of March? try 1 March or end of March"),
        ("end of blah", 'after "end of" put a month or a year'),
        ("in 99999 years", "that is too far ahead"),
        (
            "blurgh",
            'cannot read "blurgh" as a date: try 14/12/2026, 14 Dec, in 2 weeks or end of March',
        ),
        ("14 Decmber", 'cannot read "14 Decmber" as a date'),
        ("in 2 wekes", 'cannot read "in 2 wekes" as a date'),
        ("", "no date given: try 14/12/2026"),
        ("   ", "no date given"),
    ],
)
def test_parse_date_refuses_with_a_reason(typed: str, message: str) -> None:
    with pytest.raises(DateError) as refused:
        parse_date(typed, TODAY)
    assert message in str(refused.value)
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize(
    "text",
    [
        "14/12/2026",
        "14/12",
        "31/02/2027",
        "14.12.2026",
        "2026-12-14",
        "14th",
        "3 Decmber",
        "14 Dec",
        "Dec 14",
        "March",
        "Friday",
        "Friday afternoon",
        "fri",
        "today",
        "Tomorrow",
        "in 2 weeks",
        "in 2 wekes",
        "in a week",
        "in one month",
        "end of March",
        "the end of March",
        "next week",
        "next month",
        "next Tuesday",
        "next meeting",
        "the next meeting",
    ],
)
def test_looks_like_date(text: str) -> None:
    assert looks_like_date(text)


@pytest.mark.parametrize(
    "text",
    [
        "email",
        "Email",
        "",
        "5%",
        "10 per cent",
        "3 officers",
        "2.5",
        "2030",
        "200",
        "Jan Smith",
        "May Lee",
        "sat nav",
        "in a format agreed",
        "next steps",
        "the Chair",
        "Friday's meeting",
    ],
)
def test_does_not_look_like_date(text: str) -> None:
    assert not looks_like_date(text)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("next meeting", Due(None, "next meeting")),
        ("the next meeting", Due(None, "next meeting")),
        ("  Next Meeting ", Due(None, "next meeting")),
        (" 14/12/2026 ", Due(date(2026, 12, 14), "14/12/2026")),
        ("in 2 weeks", Due(date(2026, 12, 28), "in 2 weeks")),
        ("End of March", Due(date(2027, 3, 31), "End of March")),
    ],
)
def test_parse_due(typed: str, expected: Due) -> None:
    assert parse_due(typed, TODAY) == expected


def test_parse_due_refuses_a_bad_date() -> None:
    with pytest.raises(DateError, match="February 2027 has 28 days"):
        parse_due("31/02/2027", TODAY)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("18:30", (18, 30)),
        ("18.30", (18, 30)),
        ("6.30pm", (18, 30)),
        ("6:30 pm", (18, 30)),
        ("6.30 p.m.", (18, 30)),
        ("6pm", (18, 0)),
        ("6 PM", (18, 0)),
        ("630pm", (18, 30)),
        ("10am", (10, 0)),
        ("12am", (0, 0)),
        ("12pm", (12, 0)),
        ("12.15pm", (12, 15)),
        ("1830", (18, 30)),
        ("0930", (9, 30)),
        ("18", (18, 0)),
        ("09:05", (9, 5)),
        ("0:15", (0, 15)),
        ("noon", (12, 0)),
        ("Midday", (12, 0)),
        ("midnight", (0, 0)),
    ],
)
def test_parse_time_reads(typed: str, expected: tuple[int, int]) -> None:
    assert parse_time(typed) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("25:00", 'cannot use "25:00": 25 is not an hour (use 0 to 23)'),
        ("24:00", "24 is not an hour"),
        ("2500", "25 is not an hour"),
        ("6.75pm", 'cannot use "6.75pm": 75 is not a minute (use 00 to 59)'),
        ("18:60", "60 is not a minute"),
        ("13pm", "with am or pm the hour is 1 to 12, not 13"),
        ("0am", "with am or pm the hour is 1 to 12, not 0"),
        ("6", "morning or evening? say 6am or 6pm"),
        ("teatime", 'cannot read "teatime" as a time: try 18:30, 6.30pm or 6pm'),
        ("6.5pm", 'cannot read "6.5pm" as a time'),
        ("", "no time given"),
    ],
)
def test_parse_time_refuses_with_a_reason(typed: str, message: str) -> None:
    with pytest.raises(DateError) as refused:
        parse_time(typed)
    assert message in str(refused.value)


@pytest.mark.parametrize(
    ("date_text", "time_text", "expected_utc"),
    [
        ("14/12/2026", "18:30", pendulum.datetime(2026, 12, 14, 18, 30)),
        ("14/12/2026", None, pendulum.datetime(2026, 12, 14, 18, 0)),
        ("14/12/2026", "  ", pendulum.datetime(2026, 12, 14, 18, 0)),
        # British Summer Time: 6.30 pm in London is 5.30 pm UTC
        ("1/7/2027", "6.30pm", pendulum.datetime(2027, 7, 1, 17, 30)),
        ("tomorrow", "10am", pendulum.datetime(2026, 12, 15, 10, 0)),
    ],
)
def test_parse_meeting_start_is_read_in_the_meetings_zone(
    date_text: str, time_text: str | None, expected_utc: pendulum.DateTime
) -> None:
    starts = parse_meeting_start(date_text, time_text, TODAY, "Europe/London")
    assert starts == expected_utc
    assert starts.timezone_name == "Europe/London"


def test_parse_meeting_start_refuses_bad_parts() -> None:
    with pytest.raises(DateError, match="February 2027 has 28 days"):
        parse_meeting_start("30/02/2027", "18:00", TODAY, "Europe/London")
    with pytest.raises(DateError, match="25 is not an hour"):
        parse_meeting_start("14/12/2026", "25:00", TODAY, "Europe/London")
