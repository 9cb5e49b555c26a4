"""Plain data shared by every layer: the kinds of things a meeting holds.

Nothing here does I/O or imports Textual; the store builds these from rows
and the minutes generator, the CLI and the TUI read them.

The records the app's first screens do not show (a meeting's full record
for its minutes, the action sheet's rows, revisions, votes …) live in
:mod:`minuteterm.model.records` and are named here too: they load when
first named (``from minuteterm.model import MeetingRecord``), not with the
rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

import pendulum

if TYPE_CHECKING:
    from minuteterm.model import records

    ActionFields = records.ActionFields
    ActionSheetRow = records.ActionSheetRow
    ActionUpdate = records.ActionUpdate
    AttendanceEvent = records.AttendanceEvent
    Counts = records.Counts
    Declaration = records.Declaration
    ItemRecord = records.ItemRecord
    LoggedAction = records.LoggedAction
    LoggedUpdate = records.LoggedUpdate
    MeetingRecord = records.MeetingRecord
    Resolution = records.Resolution
    Revision = records.Revision
    Vote = records.Vote


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
    ATTENDANCE = "attendance"  # an arrival or departure during the meeting
    #: A recommendation read from an officer's report, waiting to be
    #: confirmed (``/resolve``) before the minutes print it as resolved.
    PROPOSAL = "proposal"


#: Kinds whose entries stand for a structured record (a declaration, a vote,
#: an arrival or departure): deleted and typed again, never edited or re-kinded.
FORMAL_KINDS: frozenset[EntryKind] = frozenset(
    {EntryKind.DECLARATION, EntryKind.VOTE, EntryKind.ATTENDANCE}
)


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
#: How a committee's minutes name members: "Cllr Priya Lee", "Councillor
#: Lee", "Councillor Priya Lee".
NAMINGS: tuple[str, ...] = ("cllr-full", "councillor-surname", "councillor-full")
#: How several resolutions of one item are set out: 1), 2); (a), (b); or
#: under one stem ("That the Board – 1) note …; and 2) support …").
RESOLUTION_STYLES: tuple[str, ...] = ("numbered", "lettered", "shared-stem")


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
    """How someone attended a meeting. ``expected``: a member of the
    committee listed when the meeting was made, not yet marked."""

    PRESENT = "present"
    APOLOGIES = "apologies"
    SUBSTITUTE = "substitute"
    ABSENT = "absent"
    IN_ATTENDANCE = "in_attendance"
    EXPECTED = "expected"


class InterestKind(StrEnum):
    """The kinds of interest a member may declare."""

    PECUNIARY = "pecuniary"
    OTHER = "other"
    NON_REGISTRABLE = "non_registrable"


#: How the minutes name each kind of interest.
INTEREST_WORDS: dict[InterestKind, str] = {
    InterestKind.PECUNIARY: "a disclosable pecuniary interest",
    InterestKind.OTHER: "an interest (other registrable)",
    InterestKind.NON_REGISTRABLE: "a non-registrable interest",
}


class ResolutionForm(StrEnum):
    """What a decision is called in the minutes."""

    RESOLVED = "resolved"
    RECOMMENDED = "recommended"  # to full Council
    AGREED = "agreed"


class MinuteNumbering(StrEnum):
    """How a committee numbers its minutes."""

    RUNNING = "running"  # 620, 621, ...
    PREFIXED = "prefixed"  # CYP/4/26: prefix, number in the year, year


class ResolutionMarks(StrEnum):
    """How several resolutions of one item are marked."""

    NUMBERS = "numbers"  # 1), 2)
    LETTERS = "letters"  # (a), (b)


class VoteSide(StrEnum):
    """A side of a vote."""

    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"


@dataclass(frozen=True)
class Committee:
    """A committee, board or panel that meets, and how it minutes."""

    id: int
    name: str
    prefix: str | None = None
    quorum: int | None = None
    numbering: MinuteNumbering = MinuteNumbering.RUNNING
    first_minute: int = 1
    resolution_marks: ResolutionMarks = ResolutionMarks.NUMBERS
    #: The house style (see ``minutes.house_style``): how questions are
    #: written, how members are named, several resolutions under one stem.
    question_style: str = "dash"
    member_naming: str = "cllr-full"
    shared_stem: bool = False
    #: The IANA time zone its new meetings happen in.
    time_zone: str = "Europe/London"


@dataclass(frozen=True)
class Meeting:
    """One meeting of a committee. It happens in one place, ``time_zone``
    (an IANA name): its moments are read in that zone (stored as UTC)."""

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
    time_zone: str = "Europe/London"


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
    minute_number: str | None = None
    public_decision: str | None = None

    @property
    def reference(self) -> str:
        """The minute number once allocated, else the agenda number."""
        return self.minute_number or self.number


@dataclass(frozen=True)
class Action:
    """An action raised in a meeting; it outlives the meeting."""

    entry_id: int
    owner: str
    description: str
    due: date | None = None
    #: The number it is printed with (``ACTION 3``): given per committee.
    number: int | None = None
    due_text: str | None = None
    status: ActionStatus = ActionStatus.OPEN

    @property
    def label(self) -> int:
        """The number printed for it (its entry id before numbers were given)."""
        return self.number if self.number is not None else self.entry_id


#: ``agenda_items.standing`` for the item that reviews the open actions.
ACTION_LOG = "action_log"
#: ``agenda_items.standing`` for the usual opening items.
APOLOGIES = "apologies"
DECLARATIONS = "declarations"
PREVIOUS_MINUTES = "previous_minutes"


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
class Attendee:
    """Someone listed against a meeting, with how they attended. ``left``:
    their latest arrival or departure recorded was a departure."""

    name: str
    kind: PersonKind
    status: AttendanceStatus
    title: str | None = None
    substitute_for: str | None = None
    chair: bool = False
    left: bool = False

    @property
    def counts_to_quorum(self) -> bool:
        """A member (or substitute) in the room now."""
        if self.kind is not PersonKind.MEMBER or self.left:
            return False
        return self.status in (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE)


# --- standing items, known by their titles ---------------------------------
# "Apologies for absence", "Declarations of interest" and "Minutes of the
# previous meeting" are marked when a meeting is made, so the minutes can fill
# them from what was captured.

_TITLES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^apolog", re.IGNORECASE), APOLOGIES),
    (re.compile(r"^(?:disclosures?|declarations?)\b.*\binterests?\b", re.IGNORECASE), DECLARATIONS),
    (
        re.compile(
            r"^(?:(?:approval|confirmation|signing) of (?:the )?)?minutes"
            r"(?: of (?:the )?(?:previous|last) meeting| of the meeting held on .+)?\.?$",
            re.IGNORECASE,
        ),
        PREVIOUS_MINUTES,
    ),
)


def standing_item(title: str) -> str | None:
    """Which standing item ``title`` names, if any."""
    for pattern, standing in _TITLES:
        if pattern.search(title.strip()):
            return standing
    return None


@dataclass(frozen=True)
class NewItem:
    """An agenda item as typed or loaded, before it is stored; an exempt
    (Part II) item may cite its Schedule 12A paragraph."""

    title: str
    exempt: bool = False
    number: str | None = None
    exempt_paragraph: str | None = None


#: The names :mod:`minuteterm.model.records` defines, loaded when first named.
LATER = frozenset(
    {
        "ActionFields",
        "ActionSheetRow",
        "ActionUpdate",
        "AttendanceEvent",
        "Counts",
        "Declaration",
        "ItemRecord",
        "LoggedAction",
        "LoggedUpdate",
        "MeetingRecord",
        "Resolution",
        "Revision",
        "Vote",
    }
)


def __getattr__(name: str) -> object:
    """One of :data:`LATER`, from :mod:`minuteterm.model.records` (loaded
    the first time; from then on they are names of this module as well)."""
    if name not in LATER:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from minuteterm.model import records

    globals().update({later: getattr(records, later) for later in LATER})
    return getattr(records, name)
