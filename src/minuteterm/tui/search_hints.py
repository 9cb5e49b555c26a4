"""What the meeting screen says about earlier items on a new item's subject."""

from __future__ import annotations

import sqlite3

from minuteterm.search.history import predecessors


def predecessors_hint(conn: sqlite3.Connection, item_id: int) -> str:
    """`` · earlier on this subject: 12/10/2026 Harbour Board minute 4 …;
    H on the agenda shows its history``, or nothing when there are none."""
    try:
        earlier = predecessors(conn, item_id)
    except sqlite3.Error:
        return ""
    if not earlier:
        return ""
    told = "; ".join(
        f"{item.starts_at:%d/%m/%Y} {item.committee} minute {item.reference}" for item in earlier
    )
    return f" · earlier on this subject: {told} (H on the agenda shows its history)"
