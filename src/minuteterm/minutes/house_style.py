"""A committee's house style: how its minutes write questions, name members
and set out several resolutions.

Pure: :class:`HouseStyle` comes from the committee's settings (or the
command line's overrides); :func:`restyle_record` returns the record with
every member named the house way and every officer by title, so the rest of
the generator never has to think about names; :func:`shared_stem` sets
several resolutions out under one stem ("That the Board – 1) note ...;
and 2) support ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from minuteterm.minutes.document import Resolutions
from minuteterm.model import (
    NAMINGS,
    QUESTION_STYLES,
    RESOLUTION_STYLES,
    Attendee,
    Entry,
    EntryKind,
    ItemRecord,
    LoggedAction,
    MeetingRecord,
    PersonKind,
    ResolutionMarks,
    Vote,
)

_TITLE = re.compile(r"^(?:cllr\.?|councillor)\s+(?=\S)", re.IGNORECASE)
_IN_TEXT = re.compile(r"\b(?:Cllr\.?|Councillor)\s+((?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*){0,2})")


@dataclass(frozen=True)
class HouseStyle:
    """The three choices a committee makes once."""

    questions: str = "dash"
    naming: str = "cllr-full"
    resolutions: str = "numbered"

    def __post_init__(self) -> None:
        for value, allowed, what in (
            (self.questions, QUESTION_STYLES, "question style"),
            (self.naming, NAMINGS, "naming"),
            (self.resolutions, RESOLUTION_STYLES, "resolution style"),
        ):
            if value not in allowed:
                raise ValueError(f"unknown {what} {value!r}: use one of {', '.join(allowed)}")

    @property
    def marks(self) -> ResolutionMarks:
        """1), 2) or (a), (b)."""
        return (
            ResolutionMarks.LETTERS if self.resolutions == "lettered" else ResolutionMarks.NUMBERS
        )


def house_style(
    record: MeetingRecord,
    questions: str | None = None,
    naming: str | None = None,
    resolutions: str | None = None,
) -> HouseStyle:
    """The committee's house style, with any choice given here instead."""
    committee = record.committee
    base = HouseStyle()
    if committee is not None:
        stem = getattr(committee, "shared_stem", False)
        marks = "lettered" if committee.resolution_marks is ResolutionMarks.LETTERS else "numbered"
        base = HouseStyle(
            getattr(committee, "question_style", None) or "dash",
            getattr(committee, "member_naming", None) or "cllr-full",
            "shared-stem" if stem else marks,
        )
    return HouseStyle(
        questions or base.questions, naming or base.naming, resolutions or base.resolutions
    )


# --- names ----------------------------------------------------------------------------


def member_name(name: str, naming: str, full: str | None = None) -> str:
    """A councillor's name the house way; other names as they are. ``full``
    is the member's full name when ``name`` is only part of it."""
    name = name.strip()
    if not _TITLE.match(name):
        return name
    rest = _TITLE.sub("", full or name).strip()
    if naming == "councillor-surname":
        return "Councillor " + rest.split()[-1]
    if naming == "councillor-full":
        return "Councillor " + rest
    return "Cllr " + rest


class NameBook:
    """The meeting's people: members' full names (by full name and by a
    surname only one of them has) and officers' titles."""

    def __init__(self, attendees: list[Attendee], naming: str) -> None:
        self.naming = naming
        self.full: dict[str, str] = {}
        self.titles: dict[str, str] = {}
        surnames: dict[str, list[str]] = {}
        for person in attendees:
            if person.kind is PersonKind.OFFICER and person.title:
                self.titles[person.name.lower()] = person.title
            if _TITLE.match(person.name):
                rest = _TITLE.sub("", person.name).strip()
                self.full[rest.lower()] = person.name
                surnames.setdefault(rest.split()[-1].lower(), []).append(person.name)
        for surname, names in surnames.items():
            if len(names) == 1:
                self.full.setdefault(surname, names[0])

    def name(self, name: str) -> str:
        """A member as the house names them, an officer by title."""
        title = self.titles.get(name.strip().lower())
        if title:
            return title
        rest = _TITLE.sub("", name).strip().lower()
        return member_name(name, self.naming, self.full.get(rest))

    def in_text(self, text: str) -> str:
        """Every "Cllr X" / "Councillor X" in ``text`` who is a member of this
        meeting, named the house way (other words are left as typed)."""
        if not self.full:
            return text

        def styled(match: re.Match[str]) -> str:
            words = match.group(1).split()
            for size in range(len(words), 0, -1):  # the longest known name
                known = self.full.get(" ".join(words[:size]).lower())
                if known:
                    tail = " ".join(words[size:])
                    named = member_name(known, self.naming)
                    return f"{named} {tail}" if tail else named
            return match.group(0)  # not a member of this meeting: as typed

        return _IN_TEXT.sub(styled, text)


def _entry(entry: Entry, book: NameBook) -> Entry:
    speaker = book.name(entry.speaker) if entry.speaker else entry.speaker
    text = entry.text
    if entry.kind in (EntryKind.ATTENDANCE, EntryKind.NOTE, EntryKind.QUESTION):
        text = book.in_text(text)
    action = entry.action
    if action is not None and action.owner:
        action = replace(action, owner=book.name(action.owner))
    if speaker == entry.speaker and text == entry.text and action == entry.action:
        return entry
    return replace(entry, speaker=speaker, text=text, action=action)


def _logged(action: LoggedAction, book: NameBook) -> LoggedAction:
    """An action's owners (as raised, and now) named the house way."""
    prior = book.name(action.prior_owner) if action.prior_owner else action.prior_owner
    return replace(
        action,
        raised_owner=book.name(action.raised_owner),
        owner=book.name(action.owner),
        prior_owner=prior,
    )


def _vote(vote: Vote, book: NameBook) -> Vote:
    return replace(vote, names=tuple((side, book.name(name)) for side, name in vote.names))


def restyle_record(record: MeetingRecord, naming: str) -> MeetingRecord:
    """``record`` with members named the house way and officers who speak
    or own an action named by their title ("Gemma Lowe" -> "Repairs
    Manager")."""
    book = NameBook(record.attendees, naming)
    attendees = [
        replace(
            person,
            name=book.name(person.name) if person.kind is PersonKind.MEMBER else person.name,
            substitute_for=book.name(person.substitute_for) if person.substitute_for else None,
        )
        for person in record.attendees
    ]
    items = [
        ItemRecord(item.item, [_entry(entry, book) for entry in item.entries])
        for item in record.items
    ]
    declarations = tuple(replace(d, name=book.name(d.name)) for d in record.declarations)
    resolutions = {
        key: replace(value, vote=_vote(value.vote, book)) if value.vote else value
        for key, value in record.resolutions.items()
    }
    return replace(
        record,
        attendees=attendees,
        items=items,
        declarations=declarations,
        resolutions=resolutions,
        actions=tuple(_logged(action, book) for action in record.actions),
    )


# --- resolutions under one stem -------------------------------------------------------


def shared_stem(block: Resolutions, body: str) -> Resolutions:
    """Several resolutions that all start "That" (or "That the Board") set
    out under that stem: "That the Board – 1) note the report; and 2)
    support the plan." One resolution, or any that does not start "That",
    is left as it is."""
    items = block.items
    if len(items) < 2 or not all(re.match(r"(?i)that\s", text) for text in items):
        return block
    stem = "That"
    body_stem = f"That the {body} "
    if all(text.lower().startswith(body_stem.lower()) for text in items):
        stem = body_stem.strip()
    rests = [text[len(stem) :].strip().rstrip(".;") for text in items]
    last = len(rests) - 1
    shaped = tuple(
        rest + ("." if index == last else "; and" if index == last - 1 else ";")
        for index, rest in enumerate(rests)
    )
    return replace(block, items=shaped, stem=stem)
