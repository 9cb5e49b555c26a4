"""Moments as the database stores them: UTC ISO-8601 text.

Kept apart from :mod:`minuteterm.store` so that modules the store itself
uses (the action history, the action log) can read and write moments too.
"""

from __future__ import annotations

import pendulum


def iso(stamp: pendulum.DateTime | None) -> str | None:
    """A moment as stored: UTC ISO-8601 text."""
    return None if stamp is None else stamp.in_tz("UTC").isoformat()


def moment(text: str | None) -> pendulum.DateTime | None:
    """A stored moment read back, in UTC.

    The stored form is read with ``fromisoformat`` (a few microseconds; a
    list of thousands of meetings reads four moments each), anything else
    MinuteTerm once wrote with :func:`pendulum.parse`."""
    if not text:
        return None
    try:
        read = pendulum.DateTime.fromisoformat(text)
    except ValueError:
        parsed = pendulum.parse(text)
        assert isinstance(parsed, pendulum.DateTime)
        return parsed.in_tz("UTC")
    if read.tzinfo is None:
        return read.replace(tzinfo=pendulum.UTC)
    return read.astimezone(pendulum.UTC)
