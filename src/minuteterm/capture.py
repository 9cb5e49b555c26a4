"""The capture grammar: one line from the capture bar -> one command.

Pure: no I/O, no clock (``today`` is passed in), no Textual. The recorder
applies the command to the store; the TUI and ``minuteterm capture`` both
go through here, so a script and live typing give the same minutes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .model import EntryKind


class CaptureError(ValueError):
    """A line that cannot be understood; the message says why, for the clerk."""


@dataclass(frozen=True)
class AddEntry:
    """Record an entry. For an action, ``speaker`` is its owner and ``text``
    what is to be done; ``due``/``due_text`` come from ``by``/``due DATE``."""

    kind: EntryKind
    text: str
    speaker: str | None = None
    due: date | None = None
    due_text: str | None = None


@dataclass(frozen=True)
class GoToItem:
    """``/item N``: make agenda item number ``number`` current."""

    number: str


@dataclass(frozen=True)
class NextItem:
    """``/next``: move to the next agenda item."""


@dataclass(frozen=True)
class PreviousItem:
    """``/prev``: move back to the previous agenda item."""


@dataclass(frozen=True)
class EndMeeting:
    """``/end``: close the meeting; the current item ends now."""


@dataclass(frozen=True)
class AddItem:
    """``/add TITLE``: add an item of urgent business at the end of the agenda."""

    title: str


@dataclass(frozen=True)
class UndoDelete:
    """``/undo``: bring back the entry deleted last."""


@dataclass(frozen=True)
class Correct:
    """``s/old/new/``: replace ``old`` with ``new`` in the last entry."""

    old: str
    new: str


Command = (
    AddEntry
    | GoToItem
    | NextItem
    | PreviousItem
    | EndMeeting
    | AddItem
    | UndoDelete
    | Correct
)
