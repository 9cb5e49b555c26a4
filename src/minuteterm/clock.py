"""The one place MinuteTerm asks what time it is (UTC).

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
