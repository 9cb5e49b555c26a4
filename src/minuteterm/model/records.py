"""The model's records no start of the app shows: loaded when first named.

Minutes (:class:`MeetingRecord` and what it holds: logged actions,
declarations, votes, resolutions, attendance events), the action sheet's
rows and counts, and an entry's revisions. They are plain frozen
dataclasses like the rest of :mod:`minuteterm.model`, which names them all:
``from minuteterm.model import MeetingRecord`` loads this module the first
time (defining a dataclass compiles its methods, and these thirteen cost
the meeting screen's start ~15 ms it has no use for).

Every name their annotations use is imported here at run time:
:mod:`minuteterm.recording.frozen` reads a record's type hints to thaw it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pendulum

from minuteterm.model import (
    ActionStatus,
    AgendaItem,
    Attendee,
    Change,
    Committee,
    Entry,
    EntryKind,
    InterestKind,
    Meeting,
    ResolutionForm,
    VoteSide,
)


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


@dataclass(frozen=True)
class LoggedUpdate:
    """An update to an action, as a meeting's minutes show it.

    ``item_id``/``item_number`` name the item it was captured under when it
    was captured in this meeting; both are ``None`` for an update recorded
    since the committee's previous meeting (from the action sheet).
    ``confidential``: typed in an exempt item (in any meeting)."""

    update: ActionUpdate
    item_id: int | None = None
    item_number: str | None = None
    confidential: bool = False


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

    ``exempt``: raised in an exempt item, so confidential wherever it
    appears. ``confidential_updates``: some update to it was typed in an
    exempt item; ``public_view`` is then the action as the public may see
    it (those updates left out), ``None`` when the public minutes would not
    mention it at all.
    """

    action_id: int
    #: The number it is printed with (``ACTION 3``).
    number: int
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
    confidential_updates: bool = False
    public_view: LoggedAction | None = None

    def seen_publicly(self) -> LoggedAction | None:
        """The action as a public version shows it: ``None`` when it is
        exempt or only mentioned for confidential updates."""
        if self.exempt:
            return None
        return self.public_view if self.confidential_updates else self


@dataclass(frozen=True)
class ActionSheetRow:
    """One action as the action sheet shows it, across meetings."""

    action_id: int
    #: The number it is printed with (``ACTION 3``), given per committee.
    number: int
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
    #: Raised in an exempt item, or updated in one: not for publication.
    confidential: bool = False

    @property
    def reference(self) -> str:
        """Meeting date and item: ``10 Nov 2026 / 4``."""
        day = self.meeting_starts_at
        return f"{day.day} {day:%b %Y} / {self.item_number}"


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
class AttendanceEvent:
    """Someone arriving late or leaving early, against the item then current."""

    entry_id: int
    name: str
    arrived: bool
    item_id: int
    at: pendulum.DateTime


@dataclass(frozen=True)
class Declaration:
    """An interest a member declared, in an item (or generally: ``None``)."""

    entry_id: int
    name: str
    item_id: int | None
    kind: InterestKind
    detail: str
    #: Typed in an exempt item (in private session): the reason is confidential.
    confidential: bool = False


@dataclass(frozen=True)
class Vote:
    """How a resolution was voted on: totals, or the names on each side (a
    recorded vote), and the Chair's casting vote when the votes were equal."""

    entry_id: int
    resolution_id: int
    votes_for: int
    against: int
    abstain: int
    names: tuple[tuple[VoteSide, str], ...] = ()
    casting: VoteSide | None = None

    @property
    def recorded(self) -> bool:
        """Whether the names were recorded."""
        return bool(self.names)

    @property
    def carried(self) -> bool:
        """More for than against, or equal and the Chair's casting vote for."""
        if self.votes_for != self.against:
            return self.votes_for > self.against
        return self.casting is VoteSide.FOR

    def named(self, side: VoteSide) -> tuple[str, ...]:
        """The names recorded on one side."""
        return tuple(name for named_side, name in self.names if named_side is side)


@dataclass(frozen=True)
class Resolution:
    """A resolution entry's form, and its vote if one was taken."""

    entry_id: int
    form: ResolutionForm = ResolutionForm.RESOLVED
    vote: Vote | None = None


@dataclass(frozen=True)
class ItemRecord:
    """An agenda item together with its live (not deleted) entries, in order."""

    item: AgendaItem
    entries: list[Entry] = field(default_factory=list)


@dataclass(frozen=True)
class MeetingRecord:
    """Everything the minutes of one meeting are made from.

    It is also what approval freezes (see :mod:`minuteterm.recording.frozen`): a new
    setting the minutes depend on (a committee's house style, say) belongs
    here, on :class:`Committee` or beside it, and is then frozen with the
    rest when the minutes are approved."""

    meeting: Meeting
    items: list[ItemRecord]
    attendees: list[Attendee] = field(default_factory=list)
    #: Actions raised, carried forward or updated in the meeting, by number.
    actions: tuple[LoggedAction, ...] = ()
    committee: Committee | None = None
    declarations: tuple[Declaration, ...] = ()
    events: tuple[AttendanceEvent, ...] = ()
    #: Each resolution entry's form and vote, by entry id.
    resolutions: dict[int, Resolution] = field(default_factory=dict)

    @property
    def confidential(self) -> bool:
        """Whether the minutes show anything confidential, so the meeting
        has a confidential and a public version: an exempt item, or an
        exempt action (or a confidential update) carried or updated here."""
        if any(item.item.exempt for item in self.items):
            return True
        return any(action.exempt or action.confidential_updates for action in self.actions)


@dataclass(frozen=True)
class ActionFields:
    """The parts of an action beyond its entry."""

    owner: str
    description: str
    due: date | None = None
    due_text: str | None = None


@dataclass(frozen=True)
class Counts:
    """How many actions the filter matches, by state."""

    total: int = 0
    open: int = 0
    overdue: int = 0
    done: int = 0
    dropped: int = 0
