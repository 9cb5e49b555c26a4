"""Plain data shared by every layer: the kinds of things a meeting holds.

Nothing here does I/O or imports Textual; the store builds these from rows
and the minutes generator, the CLI and the TUI read them.
"""

from __future__ import annotations

import re
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
#: ``agenda_items.standing`` for the usual opening items.
APOLOGIES = "apologies"
DECLARATIONS = "declarations"
PREVIOUS_MINUTES = "previous_minutes"


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
