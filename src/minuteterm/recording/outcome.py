"""What one capture line did: words for the status line, and what it touched.

Its own module, so the recorder and the formal business it hands lines to
(:mod:`minuteterm.recording.formal_commands`) both return it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from minuteterm.model import EntryKind


@dataclass(frozen=True)
class Outcome:
    """What happened, in words for the status line, and what it touched."""

    message: str
    entry_id: int | None = None
    item_id: int | None = None
    #: The kind of the entry, when the line was an entry added to the item
    #: that was already current (nothing else changed): a screen then
    #: re-reads only what an entry of that kind shows in.
    added: EntryKind | None = None
