"""The action sheet's filter line: what the clerk types above the table.

Words are searched for in the action, owner, committee and latest update;
``owner:NAME``, ``committee:NAME``, ``status:open|done|dropped|all``,
``due:N`` (due within N days), ``overdue`` and ``sort:COLUMN`` (``-COLUMN``
for descending) narrow and order it. Quotes keep spaces together:
``owner:"Head of Finance"``. Pure: no I/O.
"""

from __future__ import annotations

import shlex
from dataclasses import replace

from minuteterm.actions.sheet import SORTS, ActionFilter
from minuteterm.db.store import StoreError
from minuteterm.model import ActionStatus


class FilterError(StoreError):
    """A filter line that cannot be read; the message says why."""


def _words(text: str) -> list[str]:
    try:
        return shlex.split(text)
    except ValueError:  # an unbalanced quote: read it word by word
        return text.replace('"', " ").replace("'", " ").split()


def _status(value: str) -> frozenset[ActionStatus]:
    if value == "all":
        return frozenset()
    try:
        return frozenset(ActionStatus(part) for part in value.split(","))
    except ValueError:
        raise FilterError(f"status:{value} — use open, done, dropped or all") from None


def _days(value: str) -> int:
    if not value.isdigit():
        raise FilterError(f"due:{value} — give a number of days, e.g. due:14")
    return int(value)


def _sort(chosen: ActionFilter, value: str) -> ActionFilter:
    column = value.lstrip("-")
    if column not in SORTS:
        raise FilterError(f"sort:{value} — sort by one of {', '.join(SORTS)}")
    return replace(chosen, sort=column, descending=value.startswith("-"))


def parse_filter(text: str, base: ActionFilter | None = None) -> ActionFilter:
    """The filter the line asks for, starting from ``base`` (default: none)."""
    chosen = base or ActionFilter()
    free: list[str] = []
    for word in _words(text):
        key, colon, value = word.partition(":")
        key = key.casefold()
        if word.casefold() == "overdue":
            chosen = replace(chosen, overdue=True)
        elif colon and key == "owner":
            chosen = replace(chosen, owner=value)
        elif colon and key == "committee":
            chosen = replace(chosen, committee=value)
        elif colon and key == "status":
            chosen = replace(chosen, statuses=_status(value.casefold()))
        elif colon and key == "due":
            chosen = replace(chosen, due_within=_days(value))
        elif colon and key == "sort":
            chosen = _sort(chosen, value.casefold())
        else:
            free.append(word)
    return replace(chosen, text=" ".join(free))
