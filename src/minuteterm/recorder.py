"""Applies what the clerk types to a meeting in the store.

The TUI's capture bar and ``minuteterm capture`` both call
:meth:`Recorder.apply`, so a script and live typing make the same minutes.
Every method here either commits its change before returning or raises one
of :data:`CLERK_ERRORS` with a message for the clerk, having changed nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import pendulum

from . import clock
from .capture import (
    AddEntry,
    AddItem,
    CaptureError,
    Command,
    Correct,
    EndMeeting,
    GoToItem,
    NextItem,
    PreviousItem,
    UndoDelete,
    format_line,
    parse,
)
from .dates import DateError, to_local
from .model import AgendaItem, Entry, EntryKind
from .store import ActionFields, Store, StoreError

#: Errors whose message is meant for the clerk (never a traceback).
CLERK_ERRORS: tuple[type[Exception], ...] = (CaptureError, DateError, StoreError)

#: The longest line one entry may hold (a long paragraph is about 2,000).
MAX_ENTRY_CHARS = 20_000


def _check_length(line: str) -> None:
    if len(line) > MAX_ENTRY_CHARS:
        raise CaptureError(
            f"that line is {len(line):,} characters; an entry holds at most "
            f"{MAX_ENTRY_CHARS:,}: split it into several entries"
        )


@dataclass(frozen=True)
class Outcome:
    """What happened, in words for the status line, and what it touched."""

    message: str
    entry_id: int | None = None
    item_id: int | None = None


class Recorder:
    """The capture commands of one meeting."""

    def __init__(self, store: Store, meeting_id: int) -> None:
        self.store = store
        self.meeting_id = store.meeting(meeting_id).id

    # --- reading ------------------------------------------------------------

    def current_item(self) -> AgendaItem | None:
        """The item being minuted, or ``None`` before the first is opened."""
        meeting = self.store.meeting(self.meeting_id)
        if meeting.current_item_id is None:
            return None
        return self.store.item(meeting.current_item_id)

    def check_editable(self) -> None:
        """Refuse (:class:`~minuteterm.store.MeetingLocked`) once approved."""
        self.store.assert_editable(self.store.meeting(self.meeting_id))

    def _today(self, now: pendulum.DateTime) -> pendulum.Date:
        return to_local(now).date()

    def parse(self, line: str, default_kind: EntryKind, now: pendulum.DateTime) -> Command:
        """Parse a line with this meeting's people as known speakers."""
        _check_length(line)
        return parse(
            line,
            self._today(now),
            default_kind=default_kind,
            known_names=self.store.people_names(self.meeting_id),
        )

    # --- capture --------------------------------------------------------------

    def apply(
        self,
        line: str,
        default_kind: EntryKind = EntryKind.NOTE,
        now: pendulum.DateTime | None = None,
    ) -> Outcome:
        """Parse ``line`` and carry it out; the change is committed on return."""
        moment = now or clock.now()
        command = self.parse(line, default_kind, moment)
        match command:
            case AddEntry():
                return self._add(command, moment)
            case GoToItem(number=number):
                return self._go_to(self._item_numbered(number), moment)
            case NextItem():
                return self._go_to(self._neighbour(+1), moment)
            case PreviousItem():
                return self._go_to(self._neighbour(-1), moment)
            case EndMeeting():
                self.store.end_meeting(self.meeting_id, moment)
                return Outcome("meeting closed")
            case AddItem(title=title):
                item_id = self.store.add_item(self.meeting_id, title)
                item = self.store.item(item_id)
                return Outcome(f"added item {item.number}: {item.title}", item_id=item_id)
            case UndoDelete():
                return self.undo()
            case Correct(old=old, new=new):
                return self._correct(old, new, moment)
        raise CaptureError(f"cannot carry out {line!r}")  # pragma: no cover

    def _open_item(self, moment: pendulum.DateTime) -> AgendaItem:
        """The current item, opening the first one if none is open yet."""
        item = self.current_item()
        if item is not None:
            return item
        items = self.store.items(self.meeting_id)
        if not items:
            raise CaptureError("this meeting has no agenda items yet: add one with /add TITLE")
        self.store.set_current_item(self.meeting_id, items[0].id, moment)
        return items[0]

    def _add(self, command: AddEntry, moment: pendulum.DateTime) -> Outcome:
        item = self._open_item(moment)
        reply_to = None
        if command.kind is EntryKind.RESPONSE:
            reply_to = self.store.question_to_answer(item.id)
        entry_id = self.store.add_entry(
            item.id,
            command.kind,
            command.text,
            speaker=command.speaker,
            reply_to=reply_to,
            action=_action_fields(command),
            now=moment,
        )
        return Outcome(f"saved {command.kind.value} in item {item.number}", entry_id, item.id)

    def _item_numbered(self, number: str) -> AgendaItem:
        items = self.store.items(self.meeting_id)
        for item in items:
            if item.number.casefold() == number.casefold():
                return item
        numbers = ", ".join(item.number for item in items) or "none"
        raise CaptureError(f"there is no item {number} (items: {numbers})")

    def _neighbour(self, step: int) -> AgendaItem:
        items = self.store.items(self.meeting_id)
        if not items:
            raise CaptureError("this meeting has no agenda items yet: add one with /add TITLE")
        current = self.current_item()
        if current is None:
            return items[0]
        index = next(i for i, item in enumerate(items) if item.id == current.id)
        if not 0 <= index + step < len(items):
            raise CaptureError(
                "already at the last item (/end closes the meeting)"
                if step > 0
                else "already at the first item"
            )
        return items[index + step]

    def go_to(self, item_id: int, now: pendulum.DateTime | None = None) -> Outcome:
        """Make the agenda item ``item_id`` current."""
        return self._go_to(self.store.item(item_id), now or clock.now())

    def _go_to(self, item: AgendaItem, moment: pendulum.DateTime) -> Outcome:
        self.store.set_current_item(self.meeting_id, item.id, moment)
        return Outcome(f"now on item {item.number}: {item.title}", item_id=item.id)

    def _correct(self, old: str, new: str, moment: pendulum.DateTime) -> Outcome:
        entry = self.store.last_entry(self.meeting_id)
        if entry is None:
            raise CaptureError("there is no entry yet to correct")
        if old not in entry.text:
            raise CaptureError(f"{old!r} is not in the last entry ({entry.text[:60]!r})")
        text = entry.text.replace(old, new, 1)
        if not text.strip():
            raise CaptureError("that would leave the last entry empty: delete it instead")
        self._rewrite(entry, entry.kind, text, entry.speaker, entry.reply_to, moment)
        return Outcome("corrected the last entry", entry.id, entry.item_id)

    # --- changing entries -----------------------------------------------------

    def _rewrite(
        self,
        entry: Entry,
        kind: EntryKind,
        text: str,
        speaker: str | None,
        reply_to: int | None,
        moment: pendulum.DateTime,
        action: ActionFields | None = None,
    ) -> None:
        if kind is EntryKind.ACTION and action is None:
            if not speaker:
                raise CaptureError(
                    'an action needs an owner: edit it to read "Owner: what to do" first'
                )
            old = entry.action
            action = ActionFields(
                owner=speaker,
                description=text,
                due=old.due if old else None,
                due_text=old.due_text if old else None,
            )
        self.store.update_entry(
            entry.id,
            kind=kind,
            text=text,
            speaker=speaker,
            reply_to=reply_to if kind is EntryKind.RESPONSE else None,
            action=action if kind is EntryKind.ACTION else None,
            now=moment,
        )

    def edit_line(self, entry_id: int) -> str:
        """The entry as a capture line, for editing in place."""
        entry = self.store.entry(entry_id)
        due_text = None
        if entry.action is not None:
            # A resolved date is written out in full, so "in 2 weeks" typed
            # last month is not moved when the entry is edited today.
            due = entry.action.due
            due_text = f"{due:%d/%m/%Y}" if due else entry.action.due_text
        return format_line(entry.kind, entry.text, entry.speaker, due_text)

    def edit(self, entry_id: int, line: str, now: pendulum.DateTime | None = None) -> Outcome:
        """Replace an entry with a re-typed line (its kind is the default)."""
        moment = now or clock.now()
        entry = self.store.entry(entry_id)
        command = self.parse(line, entry.kind, moment)
        if not isinstance(command, AddEntry):
            raise CaptureError("an edit must be an entry, not a command")
        reply_to = entry.reply_to
        if command.kind is EntryKind.RESPONSE and reply_to is None:
            reply_to = self.store.question_to_answer(entry.item_id, before=entry.id)
        self._rewrite(
            entry,
            command.kind,
            command.text,
            command.speaker,
            reply_to,
            moment,
            _action_fields(command),
        )
        return Outcome(f"updated {command.kind.value}", entry.id, entry.item_id)

    def change_kind(
        self, entry_id: int, kind: EntryKind, now: pendulum.DateTime | None = None
    ) -> Outcome:
        """Make an entry another kind (a response finds its question)."""
        entry = self.store.entry(entry_id)
        reply_to = entry.reply_to
        if kind is EntryKind.RESPONSE and reply_to is None:
            reply_to = self.store.question_to_answer(entry.item_id, before=entry.id)
        self._rewrite(entry, kind, entry.text, entry.speaker, reply_to, now or clock.now())
        return Outcome(f"now a {kind.value}", entry.id, entry.item_id)

    def reattach(self, response_id: int, question_id: int) -> Outcome:
        """Make a response answer another question of the same meeting."""
        response = self.store.entry(response_id)
        question = self.store.entry(question_id)
        if response.kind is not EntryKind.RESPONSE:
            raise CaptureError("only a response can be attached to a question")
        if question.kind is not EntryKind.QUESTION:
            raise CaptureError("a response can only be attached to a question")
        if question.item_id != response.item_id:
            raise CaptureError("a response can only answer a question of its own item")
        self.store.update_entry(
            response.id,
            kind=response.kind,
            text=response.text,
            speaker=response.speaker,
            reply_to=question.id,
            action=None,
        )
        return Outcome("response attached to the chosen question", response.id, response.item_id)

    def delete(self, entry_id: int, now: pendulum.DateTime | None = None) -> Outcome:
        """Delete an entry; :meth:`undo` brings it back."""
        entry = self.store.entry(entry_id)
        self.store.delete_entry(entry_id, now or clock.now())
        return Outcome(
            f"deleted the {entry.kind.value} (u or /undo brings it back)",
            None,
            entry.item_id,
        )

    def undo(self) -> Outcome:
        """Bring back the entry deleted last."""
        entry = self.store.undo_delete(self.meeting_id)
        if entry is None:
            raise CaptureError("nothing deleted to bring back")
        return Outcome(f"restored the {entry.kind.value}", entry.id, entry.item_id)


def _action_fields(command: AddEntry) -> ActionFields | None:
    if command.kind is not EntryKind.ACTION:
        return None
    return ActionFields(
        owner=command.speaker or "",
        description=command.text,
        due=command.due,
        due_text=command.due_text,
    )
