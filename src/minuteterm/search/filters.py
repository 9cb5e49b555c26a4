"""The search screen's line: words to find, and filters typed among them.

``committee:NAME``, ``from:DATE``, ``to:DATE`` (UK dates) and
``kind:note|question|response|action|resolution|item`` narrow the search;
quotes keep spaces together (``committee:"Audit and Governance"``);
everything else is what to find. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from minuteterm.dates import DateError, parse_date
from minuteterm.search.query import KINDS, SearchFilter

_FILTER = re.compile(r'(?i)\b(committee|from|to|kind):("([^"]*)"?|\S*)')


class FilterError(ValueError):
    """A filter that cannot be read; the message says why."""


def _apply(chosen: SearchFilter, key: str, value: str, today: date) -> SearchFilter:
    if key == "committee":
        return replace(chosen, committee=value)
    if key == "kind":
        if value.casefold() not in KINDS:
            raise FilterError(f"kind:{value} — use one of {', '.join(KINDS)}")
        return replace(chosen, kinds=chosen.kinds | {value.casefold()})
    try:
        day = parse_date(value, today)
    except DateError as error:
        raise FilterError(f"{key}:{value} — {error}") from None
    if key == "from":
        return replace(chosen, date_from=day)
    return replace(chosen, date_to=day)


def parse_line(
    line: str, today: date, base: SearchFilter | None = None
) -> tuple[str, SearchFilter]:
    """The words to find and the filter the line asks for (from ``base``)."""
    chosen = base or SearchFilter()
    for match in _FILTER.finditer(line):
        value = match.group(3) if match.group(3) is not None else match.group(2)
        if value:
            chosen = _apply(chosen, match.group(1).casefold(), value, today)
    return _FILTER.sub(" ", line), chosen
