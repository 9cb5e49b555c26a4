"""Who attends: a committee's people, a meeting's attendance, arrivals and
departures during it, the quorum, and who may vote on an item.

Names typed by the clerk are matched against the committee's people first
(``Fenn`` or ``Cllr Fenn`` finds ``Cllr Alison Fenn``; an officer can be
named by title), so a meeting's record uses one spelling of each person.
A name that matches nobody is a new person, remembered for the committee.
"""

from __future__ import annotations

from dataclasses import dataclass

import pendulum

from minuteterm.clock import iso, moment
from minuteterm.db.store import Store, StoreError
from minuteterm.errors import CaptureError
from minuteterm.grammar.formal import Attend
from minuteterm.model import (
    AttendanceEvent,
    AttendanceStatus,
    Attendee,
    EntryKind,
    InterestKind,
    PersonKind,
)
from minuteterm.textsafe import clean

#: Words before a surname that a clerk may leave out, or type differently.
_HONORIFICS = frozenset("cllr councillor cllrs mr mrs ms mx dr prof sir dame".split())  # noqa: SIM905


@dataclass(frozen=True)
class Person:
    """Someone a committee knows: a member, an officer or someone else."""

    id: int
    name: str
    kind: PersonKind
    title: str | None = None
    expected: bool = False


@dataclass(frozen=True)
class Quorum:
    """Members in the room now, against the committee's quorum (if set)."""

    present: int
    quorum: int | None

    @property
    def met(self) -> bool:
        """Whether the meeting is quorate (always, when no quorum is set)."""
        return self.quorum is None or self.present >= self.quorum


def committee_people(store: Store, committee_id: int) -> list[Person]:
    """Everyone the committee knows, by name."""
    rows = store.query(
        "select * from people where committee_id = ? order by name collate nocase", [committee_id]
    )
    return [
        Person(row["id"], row["name"], PersonKind(row["kind"]), row["title"], bool(row["expected"]))
        for row in rows
    ]


def _words(name: str) -> list[str]:
    return [word for word in name.casefold().replace(".", " ").split() if word]


def _core(name: str) -> list[str]:
    return [word for word in _words(name) if word not in _HONORIFICS]


def resolve(people: list[Person], typed: str) -> Person | None:
    """The person ``typed`` names: their name or title exactly (any case),
    else the one person whose name ends with the typed words (``Fenn``,
    ``Alison Fenn``, ``Cllr Fenn``). ``None`` when nobody matches;
    :class:`CaptureError` when several do, naming them."""
    wanted = " ".join(_words(typed))
    for person in people:
        if " ".join(_words(person.name)) == wanted:
            return person
    for person in people:
        if person.title and " ".join(_words(person.title)) == wanted:
            return person
    core = _core(typed)
    if not core:
        return None
    found = [person for person in people if _core(person.name)[-len(core) :] == core]
    if len(found) > 1:
        names = "; ".join(person.name for person in found)
        raise CaptureError(f'"{typed}" could be any of {names}: type more of the name')
    return found[0] if found else None


def person_id(store: Store, committee_id: int, name: str) -> int:
    """The id of the committee's person called exactly ``name``."""
    rows = store.query(
        "select id from people where committee_id = ? and name = ?", [committee_id, name]
    )
    if not rows:
        raise StoreError(f"{name} is not one of the committee's people")
    return int(rows[0]["id"])


def member_named(store: Store, committee_id: int, typed: str) -> str | None:
    """The committee member ``typed`` names by part of their name (a
    speaker typed as ``Caddick`` is Cllr Rhys Caddick), if exactly one
    member's name ends that way; ``None`` otherwise. Roles and titles are
    left as typed: the minutes write "The Head of Finance advised"."""
    members = [p for p in committee_people(store, committee_id) if p.kind is PersonKind.MEMBER]
    try:
        person = resolve(members, typed)
    except CaptureError:
        return None
    return person.name if person else None


def name_for(store: Store, committee_id: int, typed: str) -> str:
    """The stored spelling of the person ``typed`` names, or ``typed`` itself
    (cleaned) for someone new."""
    person = resolve(committee_people(store, committee_id), typed)
    return person.name if person else clean(typed)


def attend(store: Store, meeting_id: int, command: Attend) -> list[str]:
    """Mark each named person's attendance; return the names as stored. A
    substitute's member, if not otherwise marked, gives apologies."""
    meeting = store.meeting(meeting_id)
    people = committee_people(store, meeting.committee_id)
    marked: list[str] = []
    with store.transaction():
        for typed in command.names:
            person = resolve(people, typed)
            name = person.name if person else typed
            # present+ of someone the committee knows keeps what they are
            keep = person is not None and command.kind is PersonKind.MEMBER
            kind = person.kind if person is not None and keep else command.kind
            substitute_for = None
            if command.substitute_for:
                substitute_for = name_for(store, meeting.committee_id, command.substitute_for)
            marked.append(
                store.add_attendee(
                    meeting_id,
                    name,
                    kind,
                    command.status,
                    title=command.title,
                    substitute_for=substitute_for,
                )
            )
            if substitute_for:
                _apologies_unless_marked(store, meeting_id, substitute_for)
    return marked


def _apologies_unless_marked(store: Store, meeting_id: int, name: str) -> None:
    status = status_of(store, meeting_id, name)
    if status in (None, AttendanceStatus.EXPECTED, AttendanceStatus.ABSENT):
        store.add_attendee(meeting_id, name, PersonKind.MEMBER, AttendanceStatus.APOLOGIES)


def marked_or_present(store: Store, meeting_id: int, name: str) -> AttendanceStatus:
    """How ``name`` is marked, or present if they are not marked yet (someone
    who speaks up is in the room)."""
    status = status_of(store, meeting_id, name)
    if status in (None, AttendanceStatus.EXPECTED):
        return AttendanceStatus.PRESENT
    return status


def status_of(store: Store, meeting_id: int, name: str) -> AttendanceStatus | None:
    """How ``name`` is listed against the meeting, if at all."""
    for attendee in store.attendees(meeting_id):
        if attendee.name == name:
            return attendee.status
    return None


def take_chair(store: Store, meeting_id: int, typed: str) -> str:
    """Make the named member the Chair (present, if they were not marked)."""
    meeting = store.meeting(meeting_id)
    name = name_for(store, meeting.committee_id, typed)
    status = marked_or_present(store, meeting_id, name)
    if status in (AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT):
        raise CaptureError(f"{name} is marked {status.value}: mark them present+ first")
    return store.add_attendee(meeting_id, name, PersonKind.MEMBER, status, chair=True)


def record_movement(
    store: Store, meeting_id: int, item_id: int, typed: str, arrived: bool, now: pendulum.DateTime
) -> tuple[int, str]:
    """A late arrival or an early departure: an entry in the item (so it is
    minuted there, and can be deleted and brought back) and the event it
    stands for, saved together. An arrival marks a member present. Returns
    the entry's id and the person's name as stored."""
    meeting = store.meeting(meeting_id)
    name = name_for(store, meeting.committee_id, typed)
    status = status_of(store, meeting_id, name)
    if not arrived and status not in (
        AttendanceStatus.PRESENT,
        AttendanceStatus.SUBSTITUTE,
        AttendanceStatus.IN_ATTENDANCE,
    ):
        raise CaptureError(f"{name} is not marked as here: nobody can leave before arriving")
    verb = "arrived" if arrived else "left the meeting"
    with store.transaction() as db:
        if arrived and status not in (
            AttendanceStatus.PRESENT,
            AttendanceStatus.SUBSTITUTE,
            AttendanceStatus.IN_ATTENDANCE,
        ):
            store.add_attendee(meeting_id, name, PersonKind.MEMBER, AttendanceStatus.PRESENT)
        entry_id = store.add_entry(item_id, EntryKind.ATTENDANCE, f"{name} {verb}", now=now)
        db.table("attendance_events").insert(
            {
                "entry_id": entry_id,
                "meeting_id": meeting_id,
                "person_id": person_id(store, meeting.committee_id, name),
                "event": "arrived" if arrived else "left",
                "item_id": item_id,
                "at": iso(now),
            }
        )
    return entry_id, name


def events(store: Store, meeting_id: int) -> tuple[AttendanceEvent, ...]:
    """The meeting's arrivals and departures whose entries stand, in order."""
    rows = store.query(
        """select ev.*, p.name from attendance_events ev
        join entries x on x.id = ev.entry_id and x.deleted_at is null
        join people p on p.id = ev.person_id
        where ev.meeting_id = ? order by ev.at, ev.entry_id""",
        [meeting_id],
    )
    return tuple(
        AttendanceEvent(
            entry_id=row["entry_id"],
            name=row["name"],
            arrived=row["event"] == "arrived",
            item_id=row["item_id"],
            at=moment(row["at"]) or pendulum.now("UTC"),
        )
        for row in rows
    )


def quorum(store: Store, meeting_id: int) -> Quorum:
    """How many members are in the room now, and the committee's quorum."""
    meeting = store.meeting(meeting_id)
    committee = store.committee_by_id(meeting.committee_id)
    here = sum(1 for attendee in store.attendees(meeting_id) if attendee.counts_to_quorum)
    return Quorum(here, committee.quorum)


def voters(store: Store, meeting_id: int, item_id: int) -> list[Attendee]:
    """The members entitled to vote on an item now: in the room, and not
    having declared a pecuniary interest in it."""
    barred = {
        row["name"]
        for row in store.query(
            """select p.name from declarations d
            join entries x on x.id = d.entry_id and x.deleted_at is null
            join people p on p.id = d.person_id
            where d.meeting_id = ? and d.item_id = ? and d.kind = ?""",
            [meeting_id, item_id, InterestKind.PECUNIARY.value],
        )
    }
    return [
        attendee
        for attendee in store.attendees(meeting_id)
        if attendee.counts_to_quorum and attendee.name not in barred
    ]


def forget_member(store: Store, committee_id: int, name: str) -> None:
    """Stop listing ``name`` at the committee's new meetings (they left it)."""
    person = person_id(store, committee_id, name)
    with store.transaction() as db:
        db.table("people").update(person, {"expected": 0})
