"""The wording of formal business in the minutes: attendance, apologies,
declarations of interest, arrivals and departures, votes and decisions, the
exclusion of the press and public, and the times the meeting began and
closed.

Pure: no I/O. Each function takes what the record holds and returns
document blocks or words.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from minuteterm.dates import format_time
from minuteterm.minutes.document import Attendance, Block, Paragraph, Resolutions, Span
from minuteterm.minutes.wording import capitalise, ensure_stop, strip_stop
from minuteterm.model import (
    INTEREST_WORDS,
    AgendaItem,
    AttendanceStatus,
    Attendee,
    Declaration,
    Entry,
    InterestKind,
    Meeting,
    PersonKind,
    Resolution,
    ResolutionForm,
    ResolutionMarks,
    Vote,
    VoteSide,
)

#: The label each form of decision is printed with.
FORM_LABELS: dict[ResolutionForm, str] = {
    ResolutionForm.RESOLVED: "RESOLVED:",
    ResolutionForm.RECOMMENDED: "RECOMMENDED:",
    ResolutionForm.AGREED: "AGREED:",
}

#: The public minutes' words for an exempt item whose decision in general
#: terms the clerk has not given.
UNSTATED_DECISION = "The decision on this item is recorded in the confidential minutes."


def _plain(text: str, role: str | None = None) -> Paragraph:
    return Paragraph((Span(text),), role)


# --- attendance ---------------------------------------------------------------------


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


def _group(person: Attendee) -> str | None:
    """Which :class:`Attendance` list ``person`` belongs in."""
    status, kind = person.status, person.kind
    if status is AttendanceStatus.APOLOGIES:
        return "apologies"
    if kind is PersonKind.MEMBER and status is not AttendanceStatus.IN_ATTENDANCE:
        if status in (AttendanceStatus.ABSENT, AttendanceStatus.EXPECTED):
            return "absent"
        return "present"
    if status in (AttendanceStatus.ABSENT, AttendanceStatus.EXPECTED):
        return None
    return "officers" if kind is PersonKind.OFFICER else "others"


def attendance(attendees: list[Attendee]) -> Attendance | None:
    """Present (the Chair marked), substitutions, apologies, absent (members
    listed but never marked, or marked absent), officers and others."""
    groups: dict[str, list[str]] = defaultdict(list)
    for person in attendees:
        group = _group(person)
        if group is not None:
            groups[group].append(_attendee_name(person))
    substitutes = [p for p in attendees if p.status is AttendanceStatus.SUBSTITUTE]
    if not groups and not substitutes:
        return None
    return Attendance(
        **{group: tuple(names) for group, names in groups.items()},
        substitutions=tuple(_substitution(person) for person in substitutes),
    )


def _listed(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def apologies_blocks(attendees: list[Attendee]) -> list[Block]:
    """The "Apologies for absence" item, from attendance: who sent apologies
    and who substituted for whom (nothing when attendance was not taken)."""
    if not attendees:
        return []
    sent = [p.name for p in attendees if p.status is AttendanceStatus.APOLOGIES]
    blocks: list[Block] = []
    if sent:
        blocks.append(_plain(f"Apologies for absence were received from {_listed(sent)}."))
    else:
        blocks.append(_plain("There were no apologies for absence."))
    blocks += [
        _plain(_substitution(p)) for p in attendees if p.status is AttendanceStatus.SUBSTITUTE
    ]
    return blocks


# --- declarations -----------------------------------------------------------------------


def _item_words(item: AgendaItem | None) -> str:
    if item is None:
        return ""
    which = f"minute {item.minute_number}" if item.minute_number else f"item {item.number}"
    return f" in {which} ({item.title})"


def declaration_paragraph(declaration: Declaration, item: AgendaItem | None) -> Paragraph:
    """``Cllr Fenn declared a disclosable pecuniary interest in item 6 (Land
    at Mill Lane) as owner of the land, and left the meeting for that item.``"""
    text = f"{declaration.name} declared {INTEREST_WORDS[declaration.kind]}{_item_words(item)}"
    if declaration.detail:
        text += f": {strip_stop(declaration.detail)}"
    if declaration.kind is InterestKind.PECUNIARY and item is not None:
        text += ", and left the meeting during consideration of that item"
    return _plain(ensure_stop(text), "declaration")


def declarations_blocks(
    declarations: Iterable[Declaration], items: dict[int, AgendaItem]
) -> list[Block]:
    """Every declaration of the meeting, or the line saying there were none."""
    blocks: list[Block] = [
        declaration_paragraph(d, items.get(d.item_id) if d.item_id else None) for d in declarations
    ]
    return blocks or [_plain("No declarations of interest were made.")]


def declared_here(declarations: Iterable[Declaration], item_id: int) -> list[Block]:
    """At the top of the item concerned: who declared an interest in it,
    and (a pecuniary interest) that they left for it."""
    blocks: list[Block] = []
    for d in declarations:
        if d.item_id != item_id:
            continue
        kind = INTEREST_WORDS[d.kind]
        if d.kind is InterestKind.PECUNIARY:
            text = (
                f"{d.name}, having declared {kind} in this item, left the meeting during"
                " its consideration and did not vote on it."
            )
        else:
            text = f"{d.name} declared {kind} in this item and remained in the meeting."
        blocks.append(_plain(text, "declaration"))
    return blocks


# --- arrivals and departures ------------------------------------------------------------


def movement_paragraph(entry: Entry) -> Paragraph:
    """``Cllr Lee arrived at 7.10 pm.`` / ``Cllr Lee left the meeting at 7.40 pm.``"""
    return _plain(f"{strip_stop(entry.text)} at {format_time(entry.created_at)}.", "attendance")


# --- decisions ---------------------------------------------------------------------------


def _lower_that(text: str) -> str:
    text = strip_stop(text)
    return "that" + text[4:] if text[:5].lower() == "that " else text[:1].lower() + text[1:]


def _totals(vote: Vote) -> str:
    abstain = f"{vote.abstain} abstention{'s' if vote.abstain != 1 else ''}"
    return f"{vote.votes_for} for, {vote.against} against, {abstain}"


def _side(vote: Vote, side: VoteSide, label: str) -> str:
    names = vote.named(side)
    return f"{label}: {_listed(list(names)) if names else 'none'} ({len(names)})"


def vote_paragraph(text: str, vote: Vote, only: bool) -> Paragraph:
    """How the vote on one resolution went, and whether it was carried: the
    totals, or (a recorded vote) who voted which way; a lost motion is
    given in full, since it is not among the resolutions."""
    motion = "the motion" if only else f"the motion {_lower_that(text)}"
    outcome = "carried" if vote.carried else "lost"
    casting = ""
    if vote.votes_for == vote.against and vote.casting is not None:
        way = "for" if vote.casting is VoteSide.FOR else "against"
        casting = f" The votes being equal, the Chair used a casting vote {way} the motion."
    if vote.recorded:
        sides = "; ".join(
            _side(vote, side, label)
            for side, label in (
                (VoteSide.FOR, "For"),
                (VoteSide.AGAINST, "Against"),
                (VoteSide.ABSTAIN, "Abstaining"),
            )
        )
        lost = "" if vote.carried else f" ({_lower_that(text)})"
        said = f"A recorded vote was taken on {motion}. {sides}.{casting}"
        said += f" The motion{lost} was {outcome}."
    elif vote.carried:
        said = f"On being put to the vote, {motion} was carried ({_totals(vote)}).{casting}"
    else:
        said = (
            f"A motion {_lower_that(text)} was put to the vote and was lost"
            f" ({_totals(vote)}).{casting}"
        )
    return _plain(said, "vote")


def decision_blocks(
    entries: list[Entry],
    resolutions: dict[int, Resolution],
    marks: ResolutionMarks,
) -> list[Block]:
    """The votes taken, then the resolutions that stand, grouped by form
    (RESOLVED, RECOMMENDED, AGREED) and numbered or lettered when several. A
    resolution whose vote was lost is minuted as a motion that was lost."""
    typed = [e for e in entries if e.kind.value == "resolution" and e.text.strip()]
    blocks: list[Block] = []
    standing: list[tuple[ResolutionForm, str]] = []
    for entry in typed:
        resolution = resolutions.get(entry.id, Resolution(entry.id))
        if resolution.vote is not None:
            blocks.append(vote_paragraph(entry.text, resolution.vote, only=len(typed) == 1))
            if not resolution.vote.carried:
                continue
        standing.append((resolution.form, capitalise(ensure_stop(entry.text))))
    for form in (ResolutionForm.RESOLVED, ResolutionForm.RECOMMENDED, ResolutionForm.AGREED):
        texts = tuple(text for found, text in standing if found is form)
        if texts:
            blocks.append(Resolutions(texts, FORM_LABELS[form], marks.value))
    return blocks


def public_decision_blocks(item: AgendaItem, marks: ResolutionMarks) -> list[Block]:
    """An exempt item's decision in the public minutes: in general terms as
    the clerk gave it, or a line saying where it is recorded."""
    if item.public_decision:
        decision = capitalise(ensure_stop(item.public_decision))
        return [Resolutions((decision,), "RESOLVED:", marks.value)]
    return [_plain(UNSTATED_DECISION)]


def exclusion_resolution(paragraph: str | None) -> Resolutions:
    """The resolution excluding the press and public, citing the paragraph
    of Schedule 12A (Part 1 in England, Part 4 in Wales)."""
    if paragraph:
        part = "4" if paragraph.isdigit() and int(paragraph) >= 12 else "1"
        cited = f"paragraph {paragraph} of Part {part} of Schedule 12A to the Act"
    else:
        cited = "Part 1 of Schedule 12A to the Act"
    return Resolutions(
        (
            "That under Section 100A(4) of the Local Government Act 1972 the press and public"
            " be excluded from the meeting for the following item of business on the grounds"
            " that it involves the likely disclosure of exempt information as defined in"
            f" {cited}.",
        ),
        "RESOLVED:",
    )


# --- the meeting's times ----------------------------------------------------------------


def closing_line(meeting: Meeting) -> str | None:
    """``The meeting began at 6.34 pm and closed at 8.05 pm.`` (just the
    close when it began on time), once the meeting has closed."""
    if meeting.ended_at is None:
        return None
    closed = f"closed at {format_time(meeting.ended_at)}"
    began = meeting.opened_at
    if began is not None and format_time(began) != format_time(meeting.starts_at):
        return f"The meeting began at {format_time(began)} and {closed}."
    return f"The meeting {closed}."
