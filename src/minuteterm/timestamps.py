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
    """A stored moment read back, in UTC."""
    if not text:
        return None
    parsed = pendulum.parse(text)
    assert isinstance(parsed, pendulum.DateTime)
    return parsed.in_tz("UTC")
