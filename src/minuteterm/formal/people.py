"""Who attends: a committee's people, a meeting's attendance, arrivals and
departures during it, the quorum, and who may vote on an item.

Names typed by the clerk are matched against the committee's people first
(``Fenn`` or ``Cllr Fenn`` finds ``Cllr Alison Fenn``; an officer can be
named by title), so a meeting's record uses one spelling of each person.
A name that matches nobody is refused, offering the close matches ("did
you mean Cllr Robert Hale?"), so a typo never becomes a new member; the
clerk adds someone new by ending their name with ``!`` (``present+ Cllr
Robret Hale!``). Once a committee's members are known from an earlier
meeting, a new member always needs the ``!``; at its first meeting, and for
substitutes, officers and others in attendance (who change from meeting to
meeting), a name far from everyone known is added as typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pendulum

from minuteterm.clock import iso, moment
from minuteterm.db.store import Store, StoreError
from minuteterm.errors import CaptureError
from minuteterm.model import (
    AttendanceStatus,
    Attendee,
    EntryKind,
    InterestKind,
    PersonKind,
)
from minuteterm.textsafe import clean

if TYPE_CHECKING:  # the grammar (~9 ms to load) and the events: once a line is typed
    from minuteterm.grammar.formal import Attend
    from minuteterm.model import AttendanceEvent

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


#: A name ending with this is someone new, whatever it is close to.
NEW_MARK = "!"
#: How alike (0-100, rapidfuzz's ratio of the names without honorifics) a
#: typed name must be to a known person's to be offered as a correction.
CLOSE = 75


def close_matches(people: list[Person], typed: str, limit: int = 3) -> list[Person]:
    """The known people whose names (without Cllr, Mr …) are close to
    ``typed``'s, closest first: ``Cllr Robret Hale`` -> Cllr Robert Hale;
    a surname alone is compared with surnames (``Hail`` -> Hale)."""
    from rapidfuzz import fuzz, process  # only when a name is typed: ~17 ms to load

    core = " ".join(_core(typed))
    if not core:
        return []
    one_word = " " not in core
    choices = {
        person.id: (_core(person.name)[-1:] if one_word else _core(person.name))
        for person in people
    }
    found = process.extract(
        core,
        {key: " ".join(words) for key, words in choices.items() if words},
        scorer=fuzz.ratio,
        score_cutoff=CLOSE,
        limit=limit,
    )
    by_id = {person.id: person for person in people}
    return [by_id[key] for _choice, _score, key in found]


def is_new(typed: str) -> bool:
    """Whether the clerk marked ``typed`` as someone new (``Cllr Hale!``)."""
    return typed.rstrip().endswith(NEW_MARK)


def bare(typed: str) -> str:
    """``typed`` without the new-person mark."""
    return typed.rstrip().removesuffix(NEW_MARK).rstrip()


def not_known(typed: str, near: list[Person]) -> CaptureError:
    """The refusal of a name that is nobody the committee knows."""
    name = bare(typed)
    if near:
        offer = " or ".join(person.name for person in near)
        return CaptureError(
            f'"{name}" is not one of the committee\'s people: did you mean {offer}?'
            f' (to add someone new, end the name with !: "{name}!")'
        )
    return CaptureError(
        f'"{name}" is not one of the committee\'s people: to add someone new,'
        f' end the name with !: "{name}!"'
    )


def identify(people: list[Person], typed: str, *, new_welcome: bool = False) -> Person | None:
    """The known person ``typed`` names, or ``None`` for someone new: marked
    with ``!``, or (when ``new_welcome``) far from everyone known. A name
    close to someone known is refused with the close matches offered."""
    if is_new(typed):
        return resolve(people, bare(typed))
    person = resolve(people, typed)
    if person is not None:
        return person
    near = close_matches(people, typed)
    if near or not new_welcome:
        raise not_known(typed, near)
    return None


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
    return _member_named(committee_people(store, committee_id), typed)


def _member_named(people: list[Person], typed: str) -> str | None:
    members = [p for p in people if p.kind is PersonKind.MEMBER]
    try:
        person = resolve(members, typed)
    except CaptureError:
        return None
    return person.name if person else None


def speaker_named(store: Store, committee_id: int, typed: str) -> str:
    """The speaker as the minutes should name them: a member typed by part
    of their name gets their full name; a name close to a member's but not
    theirs (``Cllr Robret Hale``) is refused with the member offered,
    unless marked new (``Cllr Robret Hale!``); anyone else (an officer by
    title) stays as typed."""
    if is_new(typed):
        return clean(bare(typed))
    people = committee_people(store, committee_id)
    named = _member_named(people, typed)
    if named is not None:
        return named
    if any(person.name == typed or person.title == typed for person in people):
        return typed
    near = close_matches(_members(people), typed)
    if near:
        raise not_known(typed, near)
    return typed


def name_for(store: Store, committee_id: int, typed: str) -> str:
    """The stored spelling of the member ``typed`` names, or ``typed`` itself
    (cleaned) for someone new (see :func:`identify`)."""
    person = identify(committee_people(store, committee_id), typed, new_welcome=True)
    return person.name if person else clean(bare(typed))


def _members_known(store: Store, meeting_id: int) -> bool:
    """Whether the meeting's committee knows its members from another meeting."""
    rows = store.query(
        """select 1 from attendance a join meetings m on m.id = a.meeting_id
        join people p on p.id = a.person_id
        where m.committee_id = (select committee_id from meetings where id = ?)
        and m.id != ? and p.kind = 'member' limit 1""",
        [meeting_id, meeting_id],
    )
    return bool(rows)


def _members(people: list[Person]) -> list[Person]:
    return [person for person in people if person.kind is PersonKind.MEMBER]


def attend(store: Store, meeting_id: int, command: Attend) -> list[str]:
    """Mark each named person's attendance; return the names as stored. A
    substitute's member, if not otherwise marked, gives apologies."""
    meeting = store.meeting(meeting_id)
    people = committee_people(store, meeting.committee_id)
    # Members are added only when marked new, once the committee's members
    # are known from an earlier meeting; substitutes (often new to the
    # committee), officers and others when they are far from anyone known.
    welcome = (
        command.kind is not PersonKind.MEMBER
        or command.status is AttendanceStatus.SUBSTITUTE
        or not _members_known(store, meeting_id)
    )
    # A typo is refused before anything is marked: all the names or none.
    found = [identify(people, typed, new_welcome=welcome) for typed in command.names]
    marked: list[str] = []
    with store.transaction():
        for typed, person in zip(command.names, found, strict=True):
            name = person.name if person else clean(bare(typed))
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
    from minuteterm.model import AttendanceEvent  # a record the start never reads

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
