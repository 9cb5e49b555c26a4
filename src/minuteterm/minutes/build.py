"""A meeting's record turned into its minutes (see :mod:`minuteterm.minutes`).

:func:`build_minutes` decides the wording of each item from the entries the
clerk captured, in capture order: question blocks in the chosen house style,
notes, actions where they arise, and the resolutions gathered at the end.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace

from minuteterm.dates import format_date, format_long_date, format_time
from minuteterm.grammar.citations import cite
from minuteterm.minutes.action_log_section import LogWriter
from minuteterm.minutes.document import (
    ActionRow,
    Block,
    BulletList,
    Heading,
    Minutes,
    Paragraph,
    Resolutions,
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
from minuteterm.minutes.house_style import HouseStyle, house_style, restyle_record, shared_stem
from minuteterm.minutes.questions import WRITERS, said
from minuteterm.minutes.reported_speech import verb_led
from minuteterm.minutes.standing_text import is_substitutes_item, standard_sentence
from minuteterm.minutes.wording import (
    body_word,
    capitalise,
    ensure_stop,
    first_word,
    role_name,
    strip_stop,
)
from minuteterm.model import (
    ACTION_LOG,
    APOLOGIES,
    DECLARATIONS,
    Action,
    Entry,
    EntryKind,
    ItemRecord,
    LoggedAction,
    MeetingRecord,
    MeetingStatus,
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
    start = meeting.starts_at
    held = f"Minutes of the meeting held on {format_long_date(start.date())}"
    held += f" at {format_time(meeting.starts_at)}"
    return Heading(
        body=meeting.committee,
        held=held,
        venue=meeting.venue,
        title=meeting.title if meeting.title != meeting.committee else None,
        status=None if meeting.status is MeetingStatus.APPROVED else DRAFT_LINE,
        marking=CONFIDENTIAL_LINE if record.confidential and not public else None,
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
        number=logged.number,
    )


def _number(entry: Entry, action: Action | None) -> int:
    """The number the action is printed with (its entry's id before actions
    were numbered of their own)."""
    return action.number if action is not None and action.number is not None else entry.id


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
    return Paragraph(
        (Span(f"ACTION {_number(entry, action)}", strong=True), Span(f" – {text}")),
        "action",
    )


def narrative(entry: Entry) -> Paragraph:
    """A note (declaration, vote) as a paragraph of the minute."""
    text = entry.text.strip()
    led = verb_led(text) if entry.speaker else None
    if entry.speaker and led is not None:  # "thanked …", "confirms that …" (-> "confirmed")
        text = f"{role_name(entry.speaker)} {led.phrase}"
    elif entry.speaker and text[:1].islower():
        text = f"{role_name(entry.speaker)} {text}"
    return _plain(ensure_stop(capitalise(text)))


def unattached_response(entry: Entry) -> Paragraph:
    """A response to no (live) question: "The Harbour Master advised that
    ...", or with the clerk's own verb ("The Director explained that ...")."""
    return _plain(said(entry, ""))


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

    def __init__(
        self,
        entries: list[Entry],
        style: str,
        body: str,
        log: LogWriter,
        decide: Callable[[list[Entry]], list[Block]],
    ) -> None:
        self.style = style
        self.body = body
        self.log = log
        self.decide = decide
        self.pending: list[Entry] = []
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
            self._flush()
            write = WRITERS[self.style]
            self.run.extend(write(entry, self.answers.get(entry.id, []), self.body))
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

    def resolve(self, entry: Entry) -> None:
        """A resolution: it waits, with any typed after it, until something
        else is minuted, so that what came after it stays after it."""
        self.close()
        self.pending.append(entry)

    def _flush(self) -> None:
        if self.pending:
            self.blocks.extend(self.decide(self.pending))
            self.pending = []

    def finish(self) -> list[Block]:
        """Close the item: the open question block and the last resolutions."""
        self.close()
        self._flush()
        return self.blocks

    def _in_run(self, paragraph: Paragraph) -> None:
        self._flush()
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
    record: ItemRecord,
    house: HouseStyle,
    log: LogWriter,
    formal: frozenset[int],
    decide: Callable[[list[Entry]], list[Block]],
) -> list[Block]:
    """What was said, done and decided in the item, in the order it
    happened (a note typed after a resolution stays after it)."""
    item = record.item
    is_log = item.standing == ACTION_LOG
    writer = _ItemWriter(record.entries, house.questions, log.body, log, decide)
    for entry in record.entries:
        if entry.kind is EntryKind.RESOLUTION:
            writer.resolve(entry)
        elif entry.kind is EntryKind.PROPOSAL:
            continue  # a report's recommendation: not in the minutes until confirmed
        elif entry.id in formal or (is_log and log.in_log(entry)):
            continue
        else:
            writer.add(entry)
    return (log.log_blocks(item.id) if is_log else []) + writer.finish()


def _elsewhere(entry: Entry, formal: frozenset[int]) -> bool:
    """Whether the minutes write ``entry`` elsewhere than in the flow of the
    discussion: resolutions (and the votes on them) at the end of the item,
    and declarations under the declarations item. ``formal`` holds the ids
    of entries that stand for a recorded declaration or vote; one typed as
    words only (an older file's) is minuted where it was typed."""
    if entry.kind is EntryKind.PROPOSAL:  # not in the minutes until confirmed
        return True
    return entry.kind is EntryKind.RESOLUTION or entry.id in formal


def _formal_entries(record: MeetingRecord) -> frozenset[int]:
    """The entries that stand for a recorded declaration or vote."""
    votes = {r.vote.entry_id for r in record.resolutions.values() if r.vote is not None}
    return frozenset({d.entry_id for d in record.declarations} | votes)


def _standing_blocks(record: MeetingRecord, item: ItemRecord, public: bool) -> list[Block]:
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
        blocks = apologies_blocks(record.attendees)
        if any(is_substitutes_item(other.item.title) for other in record.items):
            blocks = blocks[:1]  # the substitutes are minuted under their own item
        return blocks
    if item.item.standing == DECLARATIONS:
        items = {other.item.id: other.item for other in record.items}
        declared = declarations_blocks(record.declarations, items, public)
        return declared if record.declarations or not typed else []
    return []


def _section(
    record: MeetingRecord, item_record: ItemRecord, house: HouseStyle, log: LogWriter, public: bool
) -> Section:
    item = item_record.item
    marks = house.marks
    blocks: list[Block] = []
    if item.exempt:
        blocks.append(exclusion_resolution(item.exempt_paragraph))
    blocks += _standing_blocks(record, item_record, public)
    blocks += declared_here(record.declarations, item.id)

    def decide(entries: list[Entry]) -> list[Block]:
        decided = decision_blocks(entries, record.resolutions, marks)
        if house.resolutions != "shared-stem":
            return decided
        return [
            shared_stem(block, log.body) if isinstance(block, Resolutions) else block
            for block in decided
        ]

    if item.exempt and public:
        blocks += public_decision_blocks(item, marks)
    else:
        blocks += _discussion(item_record, house, log, _formal_entries(record), decide)
    if not blocks:
        blocks += standard_sentence(item.title, record.attendees)
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
        number=str(action.label),
    )


def build_minutes(
    record: MeetingRecord,
    questions: str | None = None,
    *,
    public: bool = False,
    naming: str | None = None,
    resolutions: str | None = None,
) -> Minutes:
    """The minutes of ``record`` in its committee's house style (see
    :mod:`.house_style`), or with ``questions``, ``naming`` and
    ``resolutions`` given here instead.

    ``public=True`` leaves out the discussion (and actions) of exempt items,
    keeping their heading, why they were exempt and their resolutions.
    Raises :class:`ValueError` for a style not offered (the question styles
    are :data:`QUESTION_STYLES`).
    """
    house = house_style(record, questions, naming, resolutions)
    record = restyle_record(_with_citations(record), house.naming)
    meeting = record.meeting
    log = LogWriter(record, body_word(meeting.committee), public)
    day = format_date(meeting.starts_at.date())
    return Minutes(
        heading=_heading(record, public),
        title=f"{meeting.committee} – minutes of {day}",
        attendance=attendance(record.attendees),
        sections=tuple(_section(record, item, house, log, public) for item in record.items),
        closing=closing_line(meeting),
        actions=_action_rows(record, log, public),
    )
