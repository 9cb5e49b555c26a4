"""The action sheet's filter line, as a clerk types it."""

from __future__ import annotations

import pytest

from minuteterm.actions.sheet import ActionFilter
from minuteterm.actions.sheet_filter import FilterError, parse_filter
from minuteterm.model import ActionStatus


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", ActionFilter()),
        ("pontoon", ActionFilter(text="pontoon")),
        ("owner:Price overdue", ActionFilter(owner="Price", overdue=True)),
        ('owner:"Head of Finance" budget', ActionFilter(owner="Head of Finance", text="budget")),
        ("status:done", ActionFilter(statuses=frozenset({ActionStatus.DONE}))),
        ("status:all", ActionFilter()),
        (
            "status:open,dropped",
            ActionFilter(statuses=frozenset({ActionStatus.OPEN, ActionStatus.DROPPED})),
        ),
        ("due:14 committee:housing", ActionFilter(due_within=14, committee="housing")),
        ("sort:-due", ActionFilter(sort="due", descending=True)),
        ('report "unbalanced', ActionFilter(text="report unbalanced")),
    ],
)
def test_filter_line(typed: str, expected: ActionFilter) -> None:
    assert parse_filter(typed) == expected


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("status:finished", "use open, done, dropped or all"),
        ("due:soon", "number of days"),
        ("sort:colour", "sort by one of"),
    ],
)
def test_bad_filter_says_why(typed: str, words: str) -> None:
    with pytest.raises(FilterError, match=words):
        parse_filter(typed)
