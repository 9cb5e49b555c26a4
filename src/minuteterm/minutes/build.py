"""A meeting's record turned into its minutes (see :mod:`minuteterm.minutes`).

:func:`build_minutes` decides the wording of each item from the entries the
clerk captured, in capture order: question blocks in the chosen house style,
notes, actions where they arise, and the resolutions gathered at the end.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from minuteterm.dates import format_date, format_long_date, format_time, to_local
from minuteterm.grammar.citations import cite
from minuteterm.minutes.action_log_section import LogWriter
from minuteterm.minutes.document import (
    ActionRow,
    Block,
    BulletList,
    Heading,
    Minutes,
    Paragraph,
    Section,
    Span,
)
from minuteterm.minutes.formal import (
    apologies_blocks,
    attendance,
    closing_line,
    decision_blocks,
    declarations_blocks,
    declared_here,
    exclusion_resolution,
    movement_paragraph,
    public_decision_blocks,
)
from minuteterm.minutes.wording import (
    INDIRECT_WORDS,
    bare_question,
    body_word,
    capitalise,
    clause,
    ensure_stop,
    first_word,
    is_direct,
    role_name,
    run_in,
    strip_stop,
    strip_that,
)
from minuteterm.model import (
    ACTION_LOG,
    APOLOGIES,
    DECLARATIONS,
    QUESTION_STYLES,
    Action,
    Entry,
    EntryKind,
    ItemRecord,
    LoggedAction,
    MeetingRecord,
    MeetingStatus,
    ResolutionMarks,
)

#: The status line of minutes not yet approved.
DRAFT_LINE = "Draft — subject to approval"
#: The marking of a version that shows exempt (Part II) discussion.
CONFIDENTIAL_LINE = "CONFIDENTIAL — contains exempt information (Part II): not for publication"


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


def _as_raised(entry: Entry, logged: LoggedAction | None) -> Action | None:
    """The entry's action as it was raised (later updates are minuted where
    they are made), when the record knows it; else as it stands."""
    if logged is None:
        return entry.action
    return Action(
        entry_id=entry.id,
        owner=logged.raised_owner,
        description=logged.description,
        due=logged.raised_due,
        due_text=logged.raised_due_text,
    )


def action_paragraph(entry: Entry, logged: LoggedAction | None = None) -> Paragraph:
    """``ACTION 12 – Owner: description (by date)`` with ``ACTION 12``
    emphasised: the number is the action's on the action sheet."""
    action = _as_raised(entry, logged)
    owner = action.owner if action else (entry.speaker or "")
    words = strip_stop(action.description if action else entry.text)
    due = due_phrase(action) if action else ""
    text = f"{owner}: {words}" if owner else words
    if due:
        text += f" ({due})"
    return Paragraph((Span(f"ACTION {entry.id}", strong=True), Span(f" – {text}")), "action")


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
        return _plain(f"{asked}?" if is_direct(question.text) else f"{asked}.")
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
    direct = is_direct(question.text)
    if not answers:
        by = f" by {question.speaker}" if question.speaker else ""
        if direct:
            return _plain(f"A question was raised{by}: “{capitalise(asked)}?”")
        return _plain(f"A query was raised{by} regarding {run_in(asked)}.")
    by = f" from {question.speaker}" if question.speaker else ""
    if direct:
        query = f"a question{by}, “{capitalise(asked)}?”"
    else:
        query = f"a query{by} regarding {run_in(asked)}"
    advised = f"the {body} was advised that {clause(answers[0].text)}."
    return _plain(f"In response to {query}, {advised}{_further(answers[1:])}")


def _narrative(question: Entry, answers: list[Entry], body: str) -> Paragraph:
    asker = question.speaker or "A Member"
    asked = bare_question(question.text)
    if is_direct(question.text):
        text = f"{asker} asked: “{capitalise(asked)}?”"
    elif first_word(asked) in INDIRECT_WORDS:
        text = f"{asker} asked {run_in(asked)}."
    else:
        text = f"{asker} asked about {run_in(asked)}."
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

    def __init__(self, entries: list[Entry], style: str, body: str, log: LogWriter) -> None:
        self.style = style
        self.body = body
        self.log = log
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
            self._in_run(action_paragraph(entry, self.log.as_raised(entry.id)))
        elif entry.kind is EntryKind.ACTION_UPDATE:
            self._in_run(self.log.update_paragraph(entry))
        elif entry.kind is EntryKind.ATTENDANCE:
            self._in_run(movement_paragraph(entry))
        else:  # a note inside the discussion stays in it (a bullet in bullets style)
            self._in_run(narrative(entry))

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


def _discussion(
    record: ItemRecord, style: str, log: LogWriter, formal: frozenset[int]
) -> list[Block]:
    """What was said and done in the item, in capture order (its decisions
    are added after)."""
    item = record.item
    is_log = item.standing == ACTION_LOG
    writer = _ItemWriter(record.entries, style, log.body, log)
    for entry in record.entries:
        if _elsewhere(entry, formal) or (is_log and log.in_log(entry)):
            continue
        writer.add(entry)
    writer.close()
    return (log.log_blocks(item.id) if is_log else []) + writer.blocks


def _elsewhere(entry: Entry, formal: frozenset[int]) -> bool:
    """Whether the minutes write ``entry`` elsewhere than in the flow of the
    discussion: resolutions (and the votes on them) at the end of the item,
    and declarations under the declarations item. ``formal`` holds the ids
    of entries that stand for a recorded declaration or vote; one typed as
    words only (an older file's) is minuted where it was typed."""
    return entry.kind is EntryKind.RESOLUTION or entry.id in formal


def _formal_entries(record: MeetingRecord) -> frozenset[int]:
    """The entries that stand for a recorded declaration or vote."""
    votes = {r.vote.entry_id for r in record.resolutions.values() if r.vote is not None}
    return frozenset({d.entry_id for d in record.declarations} | votes)


def _standing_blocks(record: MeetingRecord, item: ItemRecord) -> list[Block]:
    """What a standing item says of itself, before anything typed in it:
    the apologies from attendance (unless the clerk wrote them), or every
    declaration of the meeting ("No declarations of interest were made."
    when there were none and nothing was typed)."""
    formal = _formal_entries(record)
    typed = any(
        not _elsewhere(entry, formal) and entry.kind is not EntryKind.ATTENDANCE
        for entry in item.entries
    )  # an arrival noted here is not the clerk writing the apologies out
    if item.item.standing == APOLOGIES and not typed:
        return apologies_blocks(record.attendees)
    if item.item.standing == DECLARATIONS:
        items = {other.item.id: other.item for other in record.items}
        declared = declarations_blocks(record.declarations, items)
        return declared if record.declarations or not typed else []
    return []


def _section(
    record: MeetingRecord, item_record: ItemRecord, style: str, log: LogWriter, public: bool
) -> Section:
    item = item_record.item
    marks = record.committee.resolution_marks if record.committee else ResolutionMarks.NUMBERS
    blocks: list[Block] = []
    if item.exempt:
        blocks.append(exclusion_resolution(item.exempt_paragraph))
    blocks += _standing_blocks(record, item_record)
    blocks += declared_here(record.declarations, item.id)
    if item.exempt and public:
        blocks += public_decision_blocks(item, marks)
    else:
        blocks += _discussion(item_record, style, log, _formal_entries(record))
        blocks += decision_blocks(item_record.entries, record.resolutions, marks)
    return Section(item.reference, item.title, item.exempt, tuple(blocks))


def _with_citations(record: MeetingRecord) -> MeetingRecord:
    """The record with each ``@minute`` citation written out in full
    ("(minute CYP/2/26 refers)")."""
    items = [
        ItemRecord(
            item.item,
            [replace(e, text=cite(e.text)) if "@" in e.text else e for e in item.entries],
        )
        for item in record.items
    ]
    return replace(record, items=items)


# --- action sheet and the whole -----------------------------------------------------


def _action_rows(record: MeetingRecord, log: LogWriter, public: bool) -> tuple[ActionRow, ...]:
    rows = []
    for item_record in record.items:
        if item_record.item.exempt and public:
            continue
        for entry in item_record.entries:
            if entry.kind is EntryKind.ACTION and entry.action is not None:
                logged = log.as_raised(entry.id)
                rows.append(_action_row(item_record.item.reference, entry, entry.action, logged))
    return tuple(rows)


def _action_row(ref: str, entry: Entry, action: Action, logged: LoggedAction | None) -> ActionRow:
    """One row of the sheet at the foot of the minutes: the action as it
    stood at the end of the meeting ("next meeting" as that meeting's date
    once it exists), else as it stands."""
    owner, due, due_text, status = action.owner, action.due, action.due_text, action.status
    if logged is not None:
        owner, due, due_text, status = logged.owner, logged.due, logged.due_text, logged.status
    return ActionRow(
        ref=ref,
        action=capitalise(strip_stop(action.description)),
        owner=owner,
        due=format_date(due) if due else (due_text or ""),
        status=capitalise(status.value),
        number=str(entry.id),
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
    record = _with_citations(record)
    meeting = record.meeting
    log = LogWriter(record, body_word(meeting.committee), public)
    day = format_date(to_local(meeting.starts_at).date())
    return Minutes(
        heading=_heading(record, public),
        title=f"{meeting.committee} – minutes of {day}",
        attendance=attendance(record.attendees),
        sections=tuple(_section(record, item, questions, log, public) for item in record.items),
        closing=closing_line(meeting),
        actions=_action_rows(record, log, public),
    )
