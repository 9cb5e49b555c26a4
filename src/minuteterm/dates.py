"""UK-first dates and times: reading what a clerk types, writing minute style.

Stored times are UTC; everything shown is in the local zone
(:func:`minuteterm.clock.local_zone`). Minutes write dates as
"14 December 2026" and times as "6.30 pm".
"""

from __future__ import annotations

from datetime import date

import pendulum

from . import clock


class DateError(ValueError):
    """A date or time the clerk typed that cannot be read; says why."""


# --- formatting -------------------------------------------------------------


def to_local(moment: pendulum.DateTime) -> pendulum.DateTime:
    """``moment`` in the zone times are shown in."""
    return moment.in_tz(clock.local_zone())


def format_date(day: date) -> str:
    """``14 December 2026``."""
    return f"{day.day} {day:%B %Y}"


def format_long_date(day: date) -> str:
    """``Monday 14 December 2026``."""
    return f"{day:%A} {format_date(day)}"


def format_short_date(day: date) -> str:
    """``Mon 14 Dec 2026`` (for narrow panes)."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def format_time(moment: pendulum.DateTime) -> str:
    """Minute style, local: ``6.30 pm``, ``12.05 am``."""
    local = to_local(moment)
    hour = local.hour % 12 or 12
    return f"{hour}.{local.minute:02d} {'am' if local.hour < 12 else 'pm'}"


def format_clock(moment: pendulum.DateTime) -> str:
    """24-hour local clock time for the screen: ``18:30``."""
    return f"{to_local(moment):%H:%M}"


def format_elapsed(seconds: float) -> str:
    """``1:05:09`` (or ``05:09`` under an hour) for the header clock."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
