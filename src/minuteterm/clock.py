"""The one place MinuteTerm asks what time it is (UTC), and moments as the
database stores them (UTC ISO-8601 text).

Tests pin it with ``pendulum.travel_to``; nothing else calls ``now`` directly.
"""

from __future__ import annotations

import pendulum


def now() -> pendulum.DateTime:
    """Return the current moment in UTC."""
    return pendulum.now("UTC")


def local_zone() -> pendulum.Timezone | pendulum.FixedTimezone:
    """Return the zone times are shown in (the ``TZ`` environment, else the
    machine's own zone)."""
    return pendulum.local_timezone()


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
