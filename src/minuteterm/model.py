"""Plain data shared by every layer: the kinds of things a meeting holds.

Nothing here does I/O or imports Textual; the store builds these from rows
and the minutes generator, the CLI and the TUI read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

import pendulum


class EntryKind(StrEnum):
    """What one line of the running minute records."""

    NOTE = "note"
    QUESTION = "question"
    RESPONSE = "response"
    ACTION = "action"
    RESOLUTION = "resolution"
    DECLARATION = "declaration"
    VOTE = "vote"
    ACTION_UPDATE = "action_update"


#: The kinds a clerk switches between in the capture bar, in cycling order.
CAPTURE_KINDS: tuple[EntryKind, ...] = (
    EntryKind.NOTE,
    EntryKind.QUESTION,
    EntryKind.RESPONSE,
    EntryKind.ACTION,
    EntryKind.RESOLUTION,
)


#: The ways members' questions and officers' answers can be written in the
#: minutes (see :mod:`minuteterm.minutes`).
QUESTION_STYLES: tuple[str, ...] = ("dash", "bullets", "narrative")


class MeetingStatus(StrEnum):
    """Where a meeting is in its life."""

    DRAFT = "draft"
    LIVE = "live"
    CLOSED = "closed"
    APPROVED = "approved"


class ActionStatus(StrEnum):
    """Where an action is in its life."""

    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class PersonKind(StrEnum):
    """Whether someone is a member, an officer or somebody else."""

    MEMBER = "member"
    OFFICER = "officer"
    OTHER = "other"


class AttendanceStatus(StrEnum):
    """How someone attended a meeting."""

    PRESENT = "present"
    APOLOGIES = "apologies"
    SUBSTITUTE = "substitute"
    ABSENT = "absent"
    IN_ATTENDANCE = "in_attendance"


@dataclass(frozen=True)
class Committee:
    """A committee, board or panel that meets."""

    id: int
    name: str
    prefix: str | None = None


@dataclass(frozen=True)
class Meeting:
    """One meeting of a committee. Times are UTC; show them in local time."""

    id: int
    committee_id: int
    committee: str
    title: str
    starts_at: pendulum.DateTime
    venue: str
    status: MeetingStatus
    current_item_id: int | None = None
    opened_at: pendulum.DateTime | None = None
    ended_at: pendulum.DateTime | None = None
    approved_at: pendulum.DateTime | None = None


@dataclass(frozen=True)
class AgendaItem:
    """One item of business on a meeting's agenda."""

    id: int
    meeting_id: int
    position: int
    number: str
    title: str
    exempt: bool = False
    exempt_paragraph: str | None = None
    standing: str | None = None
    report: str | None = None
    purpose: str | None = None
    started_at: pendulum.DateTime | None = None
    ended_at: pendulum.DateTime | None = None


@dataclass(frozen=True)
class Action:
    """An action raised in a meeting; it outlives the meeting."""

    entry_id: int
    owner: str
    description: str
    due: date | None = None
    due_text: str | None = None
    status: ActionStatus = ActionStatus.OPEN


@dataclass(frozen=True)
class ActionUpdate:
    """One dated update to an action: a note, and what it changed."""

    action_id: int
    at: pendulum.DateTime
    note: str
    status: ActionStatus | None = None
    owner: str | None = None
    due: date | None = None
    due_text: str | None = None
    entry_id: int | None = None


#: ``agenda_items.standing`` for the item that reviews the open actions.
ACTION_LOG = "action_log"


@dataclass(frozen=True)
class LoggedUpdate:
    """An update to an action, as a meeting's minutes show it.

    ``item_id``/``item_number`` name the item it was captured under when it
    was captured in this meeting; both are ``None`` for an update recorded
    since the committee's previous meeting (from the action sheet)."""

    update: ActionUpdate
    item_id: int | None = None
    item_number: str | None = None


@dataclass(frozen=True)
class LoggedAction:
    """An action as one meeting's minutes show it.

    ``raised_*`` are the owner and due date as the action was raised;
    ``owner``, ``due``, ``due_text`` and ``status`` are as they stood at the
    end of the meeting (``due`` is the committee's next meeting date when
    the action was due "next meeting" and that meeting exists); ``prior_*``
    are the owner and due date before the ``updates`` listed; ``overdue`` is
    true when the action was open and past its due date as the meeting
    started. ``carried`` is
    true for an action from an earlier meeting that belongs in this
    meeting's action log; ``updates`` are those captured in this meeting and,
    for carried actions, those recorded since the previous meeting.
    """

    action_id: int
    description: str
    raised_owner: str
    raised_due: date | None
    raised_due_text: str | None
    owner: str
    due: date | None
    due_text: str | None
    status: ActionStatus
    raised_meeting_id: int
    raised_at: pendulum.DateTime
    raised_item: str
    exempt: bool = False
    carried: bool = False
    updates: tuple[LoggedUpdate, ...] = ()
    prior_owner: str | None = None
    prior_due: date | None = None
    prior_due_text: str | None = None
    overdue: bool = False


@dataclass(frozen=True)
class ActionSheetRow:
    """One action as the action sheet shows it, across meetings."""

    action_id: int
    committee: str
    meeting_id: int
    meeting_starts_at: pendulum.DateTime
    item_number: str
    description: str
    owner: str
    due: date | None
    due_text: str | None
    status: ActionStatus
    latest_update: str | None = None
    latest_update_at: pendulum.DateTime | None = None
    overdue: bool = False

    @property
    def reference(self) -> str:
        """Meeting date and item: ``10 Nov 2026 / 4``."""
        day = self.meeting_starts_at
        return f"{day.day} {day:%b %Y} / {self.item_number}"


@dataclass(frozen=True)
class Entry:
    """One thing the clerk captured against an agenda item."""

    id: int
    item_id: int
    position: int
    kind: EntryKind
    text: str
    speaker: str | None
    created_at: pendulum.DateTime
    updated_at: pendulum.DateTime | None = None
    reply_to: int | None = None
    action: Action | None = None


class Change(StrEnum):
    """What was done to an entry when one of its revisions was kept."""

    EDIT = "edit"
    DELETE = "delete"
    RESTORE = "restore"
    KIND = "kind"
    ATTACH = "attach"


@dataclass(frozen=True)
class Revision:
    """An entry as it stood just before one change to it (``at``, UTC).

    A ``delete`` revision holds the words that were deleted; a ``restore``
    one the words brought back. ``reply_to`` is the question a response
    answered then."""

    id: int
    entry_id: int
    at: pendulum.DateTime
    change: Change
    kind: EntryKind
    text: str
    speaker: str | None = None
    reply_to: int | None = None


@dataclass(frozen=True)
class Attendee:
    """Someone listed against a meeting, with how they attended."""

    name: str
    kind: PersonKind
    status: AttendanceStatus
    title: str | None = None
    substitute_for: str | None = None
    chair: bool = False


@dataclass(frozen=True)
class ItemRecord:
    """An agenda item together with its live (not deleted) entries, in order."""

    item: AgendaItem
    entries: list[Entry] = field(default_factory=list)


@dataclass(frozen=True)
class MeetingRecord:
    """Everything the minutes of one meeting are made from."""

    meeting: Meeting
    items: list[ItemRecord]
    attendees: list[Attendee] = field(default_factory=list)
    #: Actions raised, carried forward or updated in the meeting, by number.
    actions: tuple[LoggedAction, ...] = ()
