"""The wording of action updates and of the action log in the minutes.

The "Action log" standing item opens with "The Committee reviewed the action
log." and then gives one paragraph per action carried forward — its number,
owner, what is to be done, where it was raised and when it is due — followed
by its updates as a list: those recorded since the committee's previous
meeting (dated) and those captured in this meeting ("Done – report
circulated."). An update captured under another item is written there too,
and the log says so ("(minute 6 refers)").

Pure: no I/O. Exempt (Part II) words stay out of the public version: an
action raised in an exempt item (in this or any earlier meeting) is given
there only as "an exempt action (minute X refers)", and an update typed in
an exempt item is left out, as is what it changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from minuteterm.dates import format_date
from minuteterm.minutes.document import Block, BulletList, Paragraph, Span
from minuteterm.minutes.wording import capitalise, ensure_stop, strip_stop
from minuteterm.model import (
    ActionStatus,
    ActionUpdate,
    Entry,
    LoggedAction,
    LoggedUpdate,
    MeetingRecord,
)

#: How the minutes word a change of status.
STATUS_WORDS = {
    ActionStatus.DONE: "Done",
    ActionStatus.DROPPED: "Dropped",
    ActionStatus.OPEN: "Reopened",
}


def due_clause(due: date | None, due_text: str | None) -> str:
    """``due 15 December 2026``, ``due by the next meeting``, or ``no due date``."""
    if due is not None:
        return f"due {format_date(due)}"
    if due_text == "next meeting":
        return "due by the next meeting"
    return f"due {due_text}" if due_text else "no due date"


def update_words(update: ActionUpdate) -> str:
    """``Done – report circulated``, ``Reassigned to X; now due 31 January
    2027``, or just the note."""
    changes = []
    if update.status is not None:
        changes.append(STATUS_WORDS[update.status])
    if update.owner:
        changes.append(f"reassigned to {update.owner}")
    if update.due is not None:
        changes.append(f"now due {format_date(update.due)}")
    elif update.due_text:
        changes.append(
            "now due by the next meeting"
            if update.due_text == "next meeting"
            else f"now due {update.due_text}"
        )
    label = capitalise("; ".join(changes))
    note = strip_stop(update.note)
    if label and note:
        return f"{label} – {note}"
    return label or capitalise(note) or "Updated"


class LogWriter:
    """The action-log wording of one meeting's minutes."""

    def __init__(self, record: MeetingRecord, body: str, public: bool) -> None:
        self.body = body
        self.public = public
        self.exempt_items = {r.item.id for r in record.items if r.item.exempt}
        self.by_number = {action.action_id: action for action in record.actions}
        self.by_entry: dict[int, tuple[LoggedAction, LoggedUpdate]] = {
            logged.update.entry_id: (action, logged)
            for action in record.actions
            for logged in action.updates
            if logged.update.entry_id is not None
        }
        views = (self._view(a) for a in record.actions)
        self.logged = tuple(a for a in views if a is not None and a.carried)
        self._in_log = {a.action_id for a in self.logged}

    def _view(self, action: LoggedAction) -> LoggedAction | None:
        """The action as this version shows it: in the public version an
        exempt action stands as it is (only its number and minute are
        printed), one with confidential updates as the public saw it."""
        if not self.public or action.exempt:
            return action
        return action.seen_publicly()

    def _secret(self, action: LoggedAction, logged: LoggedUpdate | None = None) -> bool:
        """Whether the public version must not give this action's (or this
        update's) words."""
        if not self.public:
            return False
        return action.exempt or (logged is not None and logged.confidential)

    def in_log(self, entry: Entry) -> bool:
        """Whether an update entry is written in the action log (so the log
        item need not write it again where it arose)."""
        found = self.by_entry.get(entry.id)
        return found is not None and found[0].action_id in self._in_log

    # --- the log item -------------------------------------------------------------

    def log_blocks(self, log_item_id: int) -> list[Block]:
        """The intro, then each carried action and its updates."""
        intro = f"The {self.body} reviewed the action log."
        if not self.logged:
            intro += " There were no outstanding actions."
        blocks: list[Block] = [Paragraph((Span(intro),), "intro")]
        for action in self.logged:
            blocks.append(self._action(action))
            bullets = tuple(self._bullets(action, log_item_id))
            if bullets:
                blocks.append(BulletList(bullets))
        return blocks

    def _action(self, action: LoggedAction) -> Paragraph:
        if self._secret(action):
            return exempt_paragraph(f"ACTION {action.number}", action)
        raised = f"raised under minute {action.raised_item} on {format_date(_day(action))}"
        owner = action.prior_owner or action.owner
        due_on = action.prior_due if action.prior_owner else action.due
        due_text = action.prior_due_text if action.prior_owner else action.due_text
        due = due_clause(due_on, due_text)
        if action.overdue:
            due += ", overdue"
        text = f" – {owner}: {strip_stop(action.description)} ({raised}; {due})."
        if not self._updates(action):
            text += (
                " No update was reported."
                if action.status is ActionStatus.OPEN
                else f" {STATUS_WORDS[action.status]}."
            )
        return Paragraph((Span(f"ACTION {action.number}", strong=True), Span(text)), "action")

    def _updates(self, action: LoggedAction) -> list[LoggedUpdate]:
        if self._secret(action):
            return []
        return [
            logged
            for logged in action.updates
            if not (self.public and (logged.item_id in self.exempt_items or logged.confidential))
        ]

    def _bullets(self, action: LoggedAction, log_item_id: int) -> Iterable[Paragraph]:
        for logged in self._updates(action):
            text = ensure_stop(update_words(logged.update))
            if logged.item_id is None:
                day = logged.update.at.date()
                text = f"{format_date(day)}: {text}"
            elif logged.item_id != log_item_id:
                text = f"{strip_stop(text)} (minute {logged.item_number} refers)."
            yield Paragraph((Span(text),))

    # --- updates where they arise ----------------------------------------------------

    def update_paragraph(self, entry: Entry) -> Paragraph:
        """``UPDATE ON ACTION 12 – Owner: what. Done – note.`` where it arose."""
        found = self.by_entry.get(entry.id)
        if found is None:
            text = ensure_stop(capitalise(strip_stop(entry.text)))
            return Paragraph((Span("ACTION UPDATE", strong=True), Span(f" – {text}")), "action")
        action, logged = found
        if self._secret(action, logged):
            return exempt_paragraph(f"UPDATE ON ACTION {action.number}", action)
        what = f"{action.raised_owner}: {strip_stop(action.description)}"
        words = f"{what}. {ensure_stop(update_words(logged.update))}"
        label = Span(f"UPDATE ON ACTION {action.number}", strong=True)
        return Paragraph((label, Span(f" – {words}")), "action")

    def as_raised(self, action_id: int) -> LoggedAction | None:
        """The action numbered ``action_id``, if the minutes mention it (as
        this version shows it)."""
        found = self.by_number.get(action_id)
        return (self._view(found) or found) if found is not None else None


def exempt_paragraph(label: str, action: LoggedAction) -> Paragraph:
    """``ACTION 42 – an exempt action (minute 7 refers).``: what a public
    version says of an action raised in an exempt item, never its words."""
    words = f" – an exempt action (minute {action.raised_item} refers)."
    return Paragraph((Span(label, strong=True), Span(words)), "action")


def _day(action: LoggedAction) -> date:
    return action.raised_at.date()
