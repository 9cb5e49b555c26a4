"""A meeting's record turned into its minutes, as a small document tree.

Pure: no I/O, no markup. :func:`build_minutes` decides the wording (house
style, question style, what the public version may show); the exporters in
:mod:`minuteterm.export` only lay the tree out as Markdown, HTML or, later,
Word. Everything the clerk typed stays in plain :class:`Span` text so each
exporter can escape it for its own format.

Rules the conventions leave open, decided here:

- A note with a speaker reads "{Speaker} {text}" when the text carries on
  from the name ("Cllr Ahmed thanked the staff"); when the clerk typed a
  whole sentence (capital first letter) the sentence stands alone, because
  minutes are not a transcript.
- Questions, their responses and any actions or unattached responses that
  arise among them form one question block; a note, declaration or vote
  closes it. Resolutions are gathered at the end of the item.
- A second response to the same question "added that ...".
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from .dates import format_date, format_long_date, format_time, to_local
from .model import (
    Action,
    AttendanceStatus,
    Attendee,
    Entry,
    EntryKind,
    ItemRecord,
    MeetingRecord,
    MeetingStatus,
    PersonKind,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: The ways members' questions and officers' answers can be written.
QUESTION_STYLES: tuple[str, ...] = ("dash", "bullets", "narrative")

#: The body word ("the Board was advised") is the last of these found in the
#: committee's name, else "Committee".
BODY_WORDS = "Board Panel Cabinet Council Commission Forum Committee Sub-Committee Group"

#: First words written in lower case when a question or answer is run into a
#: sentence ("regarding how ...", "advised that the ...").
LOWER_WORDS = _words(
    "was is are were did does do how what why when where whether who which "
    "could would can will has have had should yes no the it this there they "
    "we if about for a an some all any both each these those their its our "
    "in at on as to due not officers staff"
)

#: Question openings that read as reported speech ("asked whether ...").
INDIRECT_WORDS = _words("whether if how what why when where who which about for")

#: A speaker whose first word is one of these is a role: "The Head of ...".
ROLE_FIRST_WORDS = _words(
    "head director operational chief strategic corporate assistant deputy "
    "executive service principal senior interim monitoring section portfolio "
    "chair vice leader clerk manager officer lead cabinet"
)

#: ...and so is one whose last word is one of these: "The Harbour Master".
ROLE_LAST_WORDS = _words(
    "officer manager director master engineer surveyor treasurer solicitor "
    "secretary inspector coordinator co-ordinator adviser advisor analyst "
    "accountant planner warden lead clerk chair leader holder"
)

DRAFT_LINE = "Draft — subject to approval"
CONFIDENTIAL_LINE = "Confidential — contains exempt information, not for publication"
EXEMPT_MARK = "(Exempt – Part II)"


# --- the document tree --------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A run of text; ``strong`` only for the generator's own labels."""

    text: str
    strong: bool = False


@dataclass(frozen=True)
class Paragraph:
    """One paragraph (or one list item) made of spans; ``role`` names what
    it is for styling ("action"), ``None`` for ordinary prose."""

    spans: tuple[Span, ...]
    role: str | None = None

    @property
    def text(self) -> str:
        """The paragraph as plain text."""
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True)
class BulletList:
    """An unordered list, one paragraph per bullet."""

    items: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Resolutions:
    """The resolution block that ends an item; numbered 1), 2) when several."""

    items: tuple[str, ...]
    label: str = "RESOLVED:"


Block = Paragraph | BulletList | Resolutions


@dataclass(frozen=True)
class Section:
    """One agenda item's minute."""

    number: str
    title: str
    exempt: bool = False
    blocks: tuple[Block, ...] = ()

    @property
    def heading(self) -> str:
        """``4. Harbour dredging`` (with the Part II mark when exempt)."""
        heading = f"{self.number.rstrip('.')}. {self.title}"
        return f"{heading} {EXEMPT_MARK}" if self.exempt else heading


@dataclass(frozen=True)
class Heading:
    """What the minutes open with."""

    body: str
    held: str
    venue: str = ""
    title: str | None = None
    status: str | None = None
    marking: str | None = None


@dataclass(frozen=True)
class Attendance:
    """Who attended and how; each tuple empty when nobody fits."""

    present: tuple[str, ...] = ()
    substitutions: tuple[str, ...] = ()
    apologies: tuple[str, ...] = ()
    officers: tuple[str, ...] = ()
    others: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActionRow:
    """One line of the action sheet."""

    ref: str
    action: str
    owner: str
    due: str
    status: str


@dataclass(frozen=True)
class Minutes:
    """The whole document, in reading order."""

    heading: Heading
    title: str
    attendance: Attendance | None = None
    sections: tuple[Section, ...] = ()
    closing: str | None = None
    actions: tuple[ActionRow, ...] = field(default=())


# --- small wording helpers ----------------------------------------------------


def body_word(committee: str) -> str:
    """ "Board", "Panel", ...: the last body word in the name, else "Committee"."""
    pattern = "|".join(sorted(BODY_WORDS.split(), key=len, reverse=True))
    found = re.findall(rf"(?<![\w-])(?:{pattern})(?![\w-])", committee, re.I)
    words = {word.lower(): word for word in BODY_WORDS.split()}
    return words[found[-1].lower()] if found else "Committee"


def ensure_stop(text: str) -> str:
    """``text`` ending in a full stop (or the ``!``, ``?``, ``:`` or ``…`` it
    already has)."""
    text = text.strip()
    if not text or text.rstrip("\"'”’)").endswith((".", "!", "?", ":", "…")):
        return text
    return text + "."


def strip_stop(text: str) -> str:
    """``text`` without trailing full stops or spaces."""
    return text.strip().rstrip(".").rstrip()


def capitalise(text: str) -> str:
    """First letter upper case, the rest as typed."""
    return text[:1].upper() + text[1:]


def first_word(text: str) -> str:
    """The first word, lower case, without punctuation."""
    match = re.match(r"[\w'’-]+", text.strip())
    return match.group(0).lower() if match else ""


def run_in(text: str) -> str:
    """``text`` ready to follow other words: a common first word in lower case."""
    text = text.strip()
    return text[:1].lower() + text[1:] if first_word(text) in LOWER_WORDS else text


def strip_that(text: str) -> str:
    """``text`` without a leading "that" (the clerk typed it for "advised
    that") or a trailing full stop."""
    text = strip_stop(text)
    return text[4:].lstrip() if first_word(text) == "that" else text


def clause(text: str) -> str:
    """An answer ready to follow "advised that": no doubled "that", no stop,
    and a bare "Yes, ..." or "No, ..." turned into "this was (not) the case"."""
    text = strip_that(text)
    word = first_word(text)
    rest = text[len(word) :]
    if word in ("yes", "no") and rest.lstrip()[:1] in ("", *",;:.–-"):
        rest = rest.lstrip(" ,;:.–-")
        case = "this was the case" if word == "yes" else "this was not the case"
        return f"{case}, {rest}" if rest else case
    return run_in(text)


def bare_question(text: str) -> str:
    """The question without its trailing question marks or stops."""
    return text.strip().rstrip("?.").rstrip()


def role_name(speaker: str) -> str:
    """ "The Harbour Master" for a role, a person's name as it is."""
    speaker = speaker.strip()
    words = speaker.split()
    if not words or words[0].lower() == "the":
        return speaker
    first, last = words[0].lower(), words[-1].lower().strip(".,")
    if first in ROLE_FIRST_WORDS or last in ROLE_LAST_WORDS:
        return f"The {speaker}"
    return speaker


def _plain(text: str) -> Paragraph:
    return Paragraph((Span(text),))


# --- heading and attendance -----------------------------------------------------


def _heading(record: MeetingRecord, public: bool) -> Heading:
    meeting = record.meeting
    start = to_local(meeting.starts_at)
    held = f"Minutes of the meeting held on {format_long_date(start.date())}"
    held += f" at {format_time(meeting.starts_at)}"
    has_exempt = any(item.item.exempt for item in record.items)
    return Heading(
        body=meeting.committee,
        held=held,
        venue=meeting.venue,
        title=meeting.title if meeting.title != meeting.committee else None,
        status=None if meeting.status is MeetingStatus.APPROVED else DRAFT_LINE,
        marking=CONFIDENTIAL_LINE if has_exempt and not public else None,
    )


def _attendee_name(person: Attendee) -> str:
    if person.chair:
        return f"{person.name} (Chair)"
    if person.kind is not PersonKind.MEMBER and person.title:
        return f"{person.name} ({person.title})"
    return person.name


def _substitution(person: Attendee) -> str:
    if person.substitute_for:
        return f"{person.name} attended as a substitute for {person.substitute_for}."
    return f"{person.name} attended as a substitute."


def _attendance_group(person: Attendee) -> str | None:
    """Which :class:`Attendance` list ``person`` belongs in (absent: none)."""
    status, kind = person.status, person.kind
    if status is AttendanceStatus.APOLOGIES:
        return "apologies"
    if kind is PersonKind.MEMBER and status is not AttendanceStatus.IN_ATTENDANCE:
        return "present" if status is not AttendanceStatus.ABSENT else None
    if status in (AttendanceStatus.PRESENT, AttendanceStatus.IN_ATTENDANCE):
        return "officers" if kind is PersonKind.OFFICER else "others"
    return None


def _attendance(attendees: list[Attendee]) -> Attendance | None:
    groups: dict[str, list[str]] = defaultdict(list)
    for person in attendees:
        group = _attendance_group(person)
        if group is not None:
            groups[group].append(_attendee_name(person))
    substitutes = [p for p in attendees if p.status is AttendanceStatus.SUBSTITUTE]
    if not groups and not substitutes:
        return None
    return Attendance(
        **{group: tuple(names) for group, names in groups.items()},
        substitutions=tuple(_substitution(person) for person in substitutes),
    )


# --- entries ----------------------------------------------------------------------


def due_phrase(action: Action) -> str:
    """``by 14 December 2026``, ``by next meeting``, or nothing."""
    if action.due is not None:
        return f"by {format_date(action.due)}"
    text = (action.due_text or "").strip()
    if not text:
        return ""
    if first_word(text) in ("by", "before", "at", "in", "within", "for", "on"):
        return text
    return f"by {text}"


def action_paragraph(entry: Entry) -> Paragraph:
    """``ACTION – Owner: description (by date)`` with ACTION emphasised."""
    action = entry.action
    owner = action.owner if action else (entry.speaker or "")
    words = strip_stop(action.description if action else entry.text)
    due = due_phrase(action) if action else ""
    text = f"{owner}: {words}" if owner else words
    if due:
        text += f" ({due})"
    return Paragraph((Span("ACTION", strong=True), Span(f" – {text}")), "action")


def narrative(entry: Entry) -> Paragraph:
    """A note (declaration, vote) as a paragraph of the minute."""
    text = entry.text.strip()
    if entry.speaker and text[:1].islower():
        text = f"{role_name(entry.speaker)} {text}"
    return _plain(ensure_stop(capitalise(text)))


def unattached_response(entry: Entry) -> Paragraph:
    """A response to no (live) question: "The Harbour Master advised that ..."."""
    who = role_name(entry.speaker) if entry.speaker else "Officers"
    return _plain(f"{who} advised that {clause(entry.text)}.")


def _dash(question: Entry, answers: list[Entry], body: str) -> Paragraph:
    asked = capitalise(bare_question(question.text))
    if not answers:
        return _plain(f"{asked}.")
    said = "; ".join(run_in(strip_that(answer.text)) for answer in answers)
    return _plain(ensure_stop(f"{asked} – {said}"))


def _further(answers: list[Entry]) -> str:
    """ " The Head of Finance added that ..." for each answer after the first."""
    parts = []
    for answer in answers:
        who = role_name(answer.speaker) if answer.speaker else "It was"
        parts.append(f" {who} added that {clause(answer.text)}.")
    return "".join(parts)


def _bullet(question: Entry, answers: list[Entry], body: str) -> Paragraph:
    asked = bare_question(question.text)
    indirect = first_word(asked) in INDIRECT_WORDS
    if not answers:
        by = f" by {question.speaker}" if question.speaker else ""
        if indirect:
            return _plain(f"A query was raised{by} regarding {run_in(asked)}.")
        return _plain(f"A question was raised{by}: “{capitalise(asked)}?”")
    by = f" from {question.speaker}" if question.speaker else ""
    if indirect:
        query = f"a query{by} regarding {run_in(asked)}"
    else:
        query = f"a question{by}, “{capitalise(asked)}?”"
    advised = f"the {body} was advised that {clause(answers[0].text)}."
    return _plain(f"In response to {query}, {advised}{_further(answers[1:])}")


def _narrative(question: Entry, answers: list[Entry], body: str) -> Paragraph:
    asker = question.speaker or "A Member"
    asked = bare_question(question.text)
    if first_word(asked) in INDIRECT_WORDS:
        text = f"{asker} asked {run_in(asked)}."
    else:
        text = f"{asker} asked: “{capitalise(asked)}?”"
    if answers:
        who = role_name(answers[0].speaker) if answers[0].speaker else "Officers"
        text += f" {who} advised that {clause(answers[0].text)}."
        text += _further(answers[1:])
    return _plain(text)


_QUESTION_WRITERS = {"dash": _dash, "bullets": _bullet, "narrative": _narrative}


def _block_intro(style: str, body: str, first: bool) -> Paragraph | None:
    if style == "dash":
        further = "" if first else " further"
        return Paragraph((Span(f"Members raised the following{further} queries:"),), "intro")
    if style == "bullets":
        lead = f"The {body} discussed the report and comments" if first else "Further comments"
        return Paragraph((Span(f"{lead} were made, including:"),), "intro")
    return None


# --- items --------------------------------------------------------------------------


class _ItemWriter:
    """Walks one item's entries in capture order, building its blocks."""

    def __init__(self, entries: list[Entry], style: str, body: str) -> None:
        self.style = style
        self.body = body
        self.blocks: list[Block] = []
        self.run: list[Paragraph] | None = None
        self.runs = 0
        questions = {e.id for e in entries if e.kind is EntryKind.QUESTION}
        self.answers: dict[int, list[Entry]] = defaultdict(list)
        self.answered: set[int] = set()
        for entry in entries:
            if entry.kind is EntryKind.RESPONSE and entry.reply_to in questions:
                self.answers[entry.reply_to].append(entry)
                self.answered.add(entry.id)

    def add(self, entry: Entry) -> None:
        """Place one entry (resolutions are left to the caller)."""
        if entry.kind is EntryKind.QUESTION:
            if self.run is None:
                self.run = []
            write = _QUESTION_WRITERS[self.style]
            self.run.append(write(entry, self.answers.get(entry.id, []), self.body))
        elif entry.id in self.answered:
            return
        elif entry.kind is EntryKind.RESPONSE:
            self._in_run(unattached_response(entry))
        elif entry.kind is EntryKind.ACTION:
            self._in_run(action_paragraph(entry))
        else:
            self.close()
            self.blocks.append(narrative(entry))

    def _in_run(self, paragraph: Paragraph) -> None:
        if self.run is None:
            self.blocks.append(paragraph)
        else:
            self.run.append(paragraph)

    def close(self) -> None:
        """End the open question block, if any, adding its intro."""
        if self.run is None:
            return
        intro = _block_intro(self.style, self.body, self.runs == 0)
        if intro is not None:
            self.blocks.append(intro)
        if self.style == "bullets":
            self.blocks.append(BulletList(tuple(self.run)))
        else:
            self.blocks.extend(self.run)
        self.run, self.runs = None, self.runs + 1


def _resolutions(entries: list[Entry]) -> list[Block]:
    texts = tuple(
        ensure_stop(e.text) for e in entries if e.kind is EntryKind.RESOLUTION and e.text.strip()
    )
    return [Resolutions(texts)] if texts else []


def exclusion_paragraph(paragraph: str | None) -> Paragraph:
    """Why the public version leaves an exempt item's discussion out."""
    text = (
        "The press and public were excluded from the meeting for this item, "
        "which involved the likely disclosure of exempt information"
    )
    if paragraph:
        text += (
            f" as defined in paragraph {paragraph} of Part 1 of Schedule 12A "
            "to the Local Government Act 1972"
        )
    return _plain(text + ".")


def _section(record: ItemRecord, style: str, body: str, public: bool) -> Section:
    item = record.item
    if item.exempt and public:
        blocks: list[Block] = [exclusion_paragraph(item.exempt_paragraph)]
    else:
        writer = _ItemWriter(record.entries, style, body)
        for entry in record.entries:
            if entry.kind is not EntryKind.RESOLUTION:
                writer.add(entry)
        writer.close()
        blocks = writer.blocks
    blocks += _resolutions(record.entries)
    return Section(item.number, item.title, item.exempt, tuple(blocks))


# --- action sheet and the whole -----------------------------------------------------


def _action_rows(record: MeetingRecord, public: bool) -> tuple[ActionRow, ...]:
    rows = []
    for item_record in record.items:
        if item_record.item.exempt and public:
            continue
        for entry in item_record.entries:
            if entry.kind is EntryKind.ACTION and entry.action is not None:
                rows.append(_action_row(item_record.item.number, entry.action))
    return tuple(rows)


def _action_row(ref: str, action: Action) -> ActionRow:
    due = format_date(action.due) if action.due else (action.due_text or "")
    return ActionRow(
        ref=ref,
        action=capitalise(strip_stop(action.description)),
        owner=action.owner,
        due=due,
        status=capitalise(action.status.value),
    )


def build_minutes(
    record: MeetingRecord, questions: str = "dash", *, public: bool = False
) -> Minutes:
    """The minutes of ``record`` in the ``questions`` house style.

    ``public=True`` leaves out the discussion (and actions) of exempt items,
    keeping their heading, why they were exempt and their resolutions.
    Raises :class:`ValueError` for a question style not in
    :data:`QUESTION_STYLES`.
    """
    if questions not in QUESTION_STYLES:
        choices = ", ".join(QUESTION_STYLES)
        raise ValueError(f"unknown question style {questions!r}: use one of {choices}")
    meeting = record.meeting
    body = body_word(meeting.committee)
    closing = None
    if meeting.ended_at is not None:
        closing = f"The meeting closed at {format_time(meeting.ended_at)}."
    day = format_date(to_local(meeting.starts_at).date())
    return Minutes(
        heading=_heading(record, public),
        title=f"{meeting.committee} – minutes of {day}",
        attendance=_attendance(record.attendees),
        sections=tuple(_section(item, questions, body, public) for item in record.items),
        closing=closing,
        actions=_action_rows(record, public),
    )
