"""What one capture line did: words for the status line, and what it touched.

Its own module, so the recorder and the formal business it hands lines to
(:mod:`minuteterm.recording.formal_commands`) both return it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    """What happened, in words for the status line, and what it touched."""

    message: str
    entry_id: int | None = None
    item_id: int | None = None
