"""Applies what the clerk types to a meeting in the store.

The TUI's capture bar and ``minuteterm capture`` both call
:meth:`Recorder.apply`, so a script and live typing make the same minutes.

An action update (``!! 12 done: note``) is an entry of kind
``action_update`` in the current item *and* a dated row of the action's
history, saved in one transaction. Such an entry can be edited (as a
``!! N ...`` line, or ``s/old/new/`` for its note) or deleted and restored
like any other; the action's current status, owner and due date are then
worked out again from the updates that remain. It cannot change kind.

Every method here either commits its change before returning or raises one
of :data:`CLERK_ERRORS` with a message for the clerk, having changed nothing.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import replace

import pendulum

from minuteterm import clock
from minuteterm.actions.history import (
    action_numbered,
    changes,
    number_of,
    raised,
    rewrite_update,
    summary,
)
from minuteterm.actions.sheet import ActionSheet
from minuteterm.dates import format_date, format_time, in_zone
from minuteterm.db.backup import backup, prune
from minuteterm.db.store import Store, StoreError
from minuteterm.formal.committees import committee_named
from minuteterm.formal.numbering import check_citations
from minuteterm.formal.people import quorum, speaker_named
from minuteterm.formal.votes import form_of, set_form
from minuteterm.grammar.formal import Attend, CastVote, Declare, Movement, TakeChair
from minuteterm.grammar.lines import (
    AddEntry,
    AddItem,
    ApprovePrevious,
    CaptureError,
    Command,
    Correct,
    EndMeeting,
    GoToItem,
    Inquorate,
    MarkExempt,
    NextItem,
    PreviousItem,
    PublicDecision,
    ResolveProposals,
    UndoDelete,
    UpdateAction,
    format_line,
    format_update,
    parse,
)
from minuteterm.model import (
    FORMAL_KINDS,
    ActionFields,
    ActionUpdate,
    AgendaItem,
    Change,
    Entry,
    EntryKind,
    Meeting,
    ResolutionForm,
)
from minuteterm.recording.current_item import current_item, open_item
from minuteterm.recording.drafts import clear_draft
from minuteterm.recording.entries import add_entry, delete_entry, undo_delete, update_entry
from minuteterm.recording.formal_commands import carry_out
from minuteterm.recording.meetings import close_meeting
from minuteterm.recording.outcome import Outcome
from minuteterm.recording.proposals import confirm_proposals, unconfirmed
from minuteterm.textsafe import clean

_UPDATE_HINT = "an update to an action is typed as !! N, e.g. !! 12 done: report circulated"

#: The longest line one entry may hold (a long paragraph is about 2,000).
MAX_ENTRY_CHARS = 20_000


def _check_length(line: str) -> None:
    if len(line) > MAX_ENTRY_CHARS:
        raise CaptureError(
            f"that line is {len(line):,} characters; an entry holds at most "
            f"{MAX_ENTRY_CHARS:,}: split it into several entries"
        )


class Recorder:
    """The capture commands of one meeting."""

    def __init__(self, store: Store, meeting_id: int) -> None:
        self.store = store
        self.meeting_id = store.meeting(meeting_id).id

    # --- reading ------------------------------------------------------------

    def current_item(self) -> AgendaItem | None:
        """The item being minuted, or ``None`` before the first is opened."""
        return current_item(self.store, self.meeting_id)

    def check_editable(self) -> None:
        """Refuse (:class:`~minuteterm.db.store.MeetingLocked`) once approved."""
        self.store.assert_editable(self.store.meeting(self.meeting_id))

    def _meeting_day(self) -> pendulum.Date:
        """The day dates typed in this meeting count from: the meeting's own
        date (``in 2 weeks`` typed up days later still means two weeks from
        the meeting), whenever the line is typed."""
        return self.store.meeting(self.meeting_id).starts_at.date()

    def parse(
        self,
        line: str,
        default_kind: EntryKind,
        now: pendulum.DateTime,
        known_names: Sequence[str] | None = None,
    ) -> Command:
        """Parse a line with this meeting's people as known speakers (read
        when the line names one, unless ``known_names`` are given).

        The line is cleaned first (:func:`~minuteterm.textsafe.clean`), so what
        is read is what the clerk sees: a line of nothing but escapes is
        nothing to save, and a refusal never repeats an escape to a terminal.
        """
        _check_length(line)
        return parse(
            clean(line),
            self._meeting_day(),
            default_kind=default_kind,
            known_names=(
                known_names
                if known_names is not None
                else lambda: self.store.people_names(self.meeting_id)
            ),
        )

    # --- capture --------------------------------------------------------------

    def apply(
        self,
        line: str,
        default_kind: EntryKind = EntryKind.NOTE,
        now: pendulum.DateTime | None = None,
        *,
        typed_in: str | None = None,
        known_names: Sequence[str] | None = None,
    ) -> Outcome:
        """Parse ``line`` and carry it out; the change is committed on return.

        Everything a line does (the first item opened, the meeting going
        live, its start stamped, the entry itself) is one transaction: a line
        refused at any step changes nothing at all. ``typed_in``: the window
        whose capture bar the line was just entered from; its draft (the
        line, as last kept while it was typed) goes in the same transaction,
        so the line is an entry or a draft, never both and never neither,
        whenever the program stops (and Enter waits for one write, not two).
        ``known_names``: the meeting's speaker names as the caller read them
        (:meth:`~minuteterm.db.store.Store.people_names`) and knows to be
        current, so the line is not read against them again."""
        moment = in_zone(now or clock.now(), self.store.meeting_zone(self.meeting_id))
        line, override = _without_override(line)
        command = self.parse(line, default_kind, moment, known_names)
        if override and not _decides(command):
            raise CaptureError(
                f"{OVERRIDE} only goes at the end of a resolution, a vote or /approve"
            )
        if not override and _decides(command):
            self._check_quorum()
        if isinstance(command, EndMeeting):
            waiting = unconfirmed(self.store, self.meeting_id)
            close_meeting(self.store, self.meeting_id, moment)
            if typed_in is not None:
                clear_draft(self.store, self.meeting_id, typed_in)
            return Outcome(f"meeting closed; {self._back_up()}{waiting}")  # after the commit
        with self.store.transaction():
            outcome = self._carry_out(command, line, moment)
            if typed_in is not None:
                clear_draft(self.store, self.meeting_id, typed_in)
            return outcome

    def _carry_out(self, command: Command, line: str, moment: pendulum.DateTime) -> Outcome:
        match command:
            case AddEntry():
                return self._add(command, moment)
            case GoToItem(number=number):
                return self._go_to(self._item_numbered(number), moment)
            case NextItem():
                return self._go_to(self._neighbour(+1), moment)
            case PreviousItem():
                return self._go_to(self._neighbour(-1), moment)
            case ResolveProposals(number=number):
                return confirm_proposals(self.store, self.meeting_id, number, moment)
            case AddItem(title=title):
                item_id = self.store.add_item(self.meeting_id, title)
                item = self.store.item(item_id)
                return Outcome(f"added item {item.number}: {item.title}", item_id=item_id)
            case UndoDelete():
                return self.undo()
            case Inquorate():
                return self._inquorate(moment)
            case Correct(old=old, new=new):
                return self._correct(old, new, moment)
            case UpdateAction():
                return self._update_action(command, moment)
            case (
                Attend()
                | TakeChair()
                | Movement()
                | Declare()
                | CastVote()
                | MarkExempt()
                | PublicDecision()
                | ApprovePrevious()
            ):
                return carry_out(self.store, self.meeting_id, command, moment)
        raise CaptureError(f"cannot carry out {line!r}")  # pragma: no cover

    def _check_quorum(self) -> None:
        """Refuse a decision while the meeting is below its quorum."""
        state = quorum(self.store, self.meeting_id)
        if state.met:
            return
        raise CaptureError(
            f"the meeting is inquorate ({state.present} member"
            f"{'s' if state.present != 1 else ''} present, quorum {state.quorum}):"
            " no decision can be taken. Mark arrivals (present+), or type /inquorate to"
            f" minute it, or end the line with {OVERRIDE} to record it anyway"
        )

    def _inquorate(self, moment: pendulum.DateTime) -> Outcome:
        """``/inquorate``: minute, in the current item, that the meeting fell
        below its quorum and the remaining items were deferred. Refused
        while the record shows it quorate (who left is marked first)."""
        state = quorum(self.store, self.meeting_id)
        if state.quorum is not None and state.met:
            raise CaptureError(
                f"the meeting is quorate ({state.present} present, quorum {state.quorum}):"
                " mark who left with left+ first"
            )
        item = self.open_item(moment)
        text = (
            f"The meeting was inquorate from {format_time(moment)};"
            " the remaining items were deferred."
        )
        entry_id = add_entry(self.store, item.id, EntryKind.NOTE, text, now=moment)
        return Outcome(
            f"minuted in item {item.number}: {text} (/end closes the meeting)", entry_id, item.id
        )

    def _back_up(self) -> str:
        """Back up the database after a meeting closes, keeping the latest
        few automatic backups; a failure is reported, never raised (the
        meeting is closed either way)."""
        try:
            path = backup(self.store)
        except (StoreError, OSError, sqlite3.Error) as error:
            return f"but the automatic backup failed: {error}"
        prune(path.parent)
        return f"backed up to {path}"

    def open_item(self, moment: pendulum.DateTime) -> AgendaItem:
        """The current item, opening the first one if none is open yet (the
        meeting goes live with its first line)."""
        return open_item(self.store, self.meeting_id, moment)

    def _add(self, command: AddEntry, moment: pendulum.DateTime) -> Outcome:
        if command.kind is EntryKind.ACTION_UPDATE:
            raise CaptureError(_UPDATE_HINT)
        item = self.current_item()
        already_current = item is not None
        if item is None:
            item = self.open_item(moment)  # the meeting's first line: it goes live
        reply_to = None
        if command.kind is EntryKind.RESPONSE:
            reply_to = self.store.question_to_answer(item.id)
        command = replace(command, text=self._cited(command.text), speaker=self._speaker(command))
        with self.store.transaction():
            entry_id = add_entry(
                self.store,
                item.id,
                command.kind,
                command.text,
                speaker=command.speaker,
                reply_to=reply_to,
                action=_action_fields(command),
                now=moment,
            )
            if command.kind is EntryKind.RESOLUTION:
                set_form(self.store, entry_id, command.form or ResolutionForm.RESOLVED)
        added = command.kind if already_current else None
        return Outcome(
            f"saved {command.kind.value} in item {item.number}", entry_id, item.id, added=added
        )

    def _speaker(self, command: AddEntry) -> str | None:
        """The speaker as the committee spells them: a member typed by
        surname gets their full name; a near miss of a member's name is
        refused with the match offered; anyone else stays as typed."""
        if not command.speaker:
            return command.speaker
        committee = self.store.meeting(self.meeting_id).committee_id
        return speaker_named(self.store, committee, command.speaker)

    def _cited(self, text: str) -> str:
        """``text`` with its ``@minute`` citations checked against the
        committee's minutes (a minute it does not have is refused)."""
        if "@" not in text:
            return text
        meeting = self.store.meeting(self.meeting_id)
        return check_citations(self.store.db, meeting.committee_id, text)

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
        if entry.kind is EntryKind.ACTION_UPDATE:
            return self._correct_update(entry, text, moment)
        self._rewrite(entry, entry.kind, text, entry.speaker, entry.reply_to, moment)
        return Outcome("corrected the last entry", entry.id, entry.item_id)

    # --- action updates -------------------------------------------------------

    def _by_number(self, command: UpdateAction) -> UpdateAction:
        """``command`` with the action the clerk numbered (``!! 3`` is the
        committee's action 3, as printed) given by its id."""
        committee = self.store.meeting(self.meeting_id).committee_id
        sheet = "this committee's sheet"
        if command.committee:
            other = committee_named(self.store, command.committee)
            committee, sheet = other.id, f"the {other.name} sheet"
        action_id = action_numbered(self.store.db, committee, command.action_id)
        if action_id is None:
            raise StoreError(f"there is no action {command.action_id} on {sheet}")
        return replace(command, action_id=action_id, committee=None)

    def _as_typed(self, command: UpdateAction) -> UpdateAction:
        """``command`` with its action given as the clerk types it: its
        number, after its committee's name when it is another committee's."""
        number, committee_id = number_of(self.store.db, command.action_id)
        ours = self.store.meeting(self.meeting_id).committee_id
        other = self.store.committee_by_id(committee_id).name if committee_id != ours else None
        return replace(command, action_id=number, committee=other)

    def _update_action(self, command: UpdateAction, moment: pendulum.DateTime) -> Outcome:
        """``!! N ...``: an update entry in the current item and the dated
        update to action N, saved together or not at all."""
        command = self._by_number(command)
        sheet = ActionSheet(self.store)
        row = sheet.row(command.action_id)
        with self.store.transaction():
            item = self.open_item(moment)
            entry_id = add_entry(
                self.store, item.id, EntryKind.ACTION_UPDATE, _entry_text(command), now=moment
            )
            update = sheet.update(
                command.action_id,
                note=command.note,
                status=command.status,
                owner=command.owner,
                due=command.due,
                due_text=command.due_text,
                entry_id=entry_id,
                now=moment,
            )
        what = "; ".join(changes(update)) or "note added"
        short = row.description if len(row.description) <= 40 else row.description[:39] + "…"
        return Outcome(f"action {row.number} ({short}): {what}", entry_id, item.id)

    def _rewrite_update(
        self, entry: Entry, command: UpdateAction, moment: pendulum.DateTime
    ) -> None:
        """Replace an update entry and its update; the actions it touches are
        worked out again from their histories."""
        sheet = ActionSheet(self.store)
        before = sheet.entry_update(entry.id)
        sheet.row(command.action_id)
        if before is not None and _as_update(command, before) == before:
            return  # saved unchanged: nothing to rewrite, nothing to keep
        with self.store.transaction() as db:
            update_entry(
                self.store,
                entry.id,
                kind=EntryKind.ACTION_UPDATE,
                text=_entry_text(command),
                speaker=None,
                reply_to=None,
                action=None,
                now=moment,
            )
            if before is not None:
                rewrite_update(db, entry.id, _as_update(command, before))

    def _correct_update(self, entry: Entry, text: str, moment: pendulum.DateTime) -> Outcome:
        """``s/old/new/`` on an update corrects its note."""
        update = ActionSheet(self.store).entry_update(entry.id)
        if update is None or not update.note:
            raise CaptureError("that update has no note to correct: edit it instead")
        command = replace(_as_command(update), note=text)
        self._rewrite_update(entry, command, moment)
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
        change: Change = Change.EDIT,
    ) -> None:
        if kind is EntryKind.ACTION and action is None:
            if not speaker:
                raise CaptureError(
                    'an action needs an owner: edit it to read "Owner: what to do" first'
                )
            old = raised(self.store.db, entry.id)
            action = ActionFields(
                owner=speaker,
                description=text,
                due=old.due if old else None,
                due_text=old.due_text if old else None,
            )
        update_entry(
            self.store,
            entry.id,
            kind=kind,
            text=text,
            speaker=speaker,
            reply_to=reply_to if kind is EntryKind.RESPONSE else None,
            action=action if kind is EntryKind.ACTION else None,
            now=moment,
            change=change,
        )

    def edit_line(self, entry_id: int) -> str:
        """The entry as a capture line, for editing in place."""
        entry = self.store.entry(entry_id)
        _refuse_formal(entry)
        if entry.kind is EntryKind.ACTION_UPDATE:
            update = ActionSheet(self.store).entry_update(entry_id)
            if update is not None:
                return format_update(self._as_typed(_as_command(update)))
        due_text = None
        as_raised = raised(self.store.db, entry_id) if entry.action is not None else None
        if as_raised is not None:
            # A resolved date is written out in full, so "in 2 weeks" typed
            # last month is not moved when the entry is edited today. The
            # action is edited as it was raised: later updates stay on top.
            due = as_raised.due
            due_text = f"{due:%d/%m/%Y}" if due else as_raised.due_text
        if entry.kind is EntryKind.PROPOSAL:  # saved as an = line, it is confirmed
            return format_line(EntryKind.RESOLUTION, entry.text, entry.speaker)
        form = form_of(self.store, entry_id) if entry.kind is EntryKind.RESOLUTION else None
        return format_line(
            entry.kind, entry.text, entry.speaker, due_text, form or ResolutionForm.RESOLVED
        )

    def edit(self, entry_id: int, line: str, now: pendulum.DateTime | None = None) -> Outcome:
        """Replace an entry with a re-typed line (its kind is the default)."""
        moment = now or clock.now()
        entry = self.store.entry(entry_id)
        _refuse_formal(entry)
        command = self.parse(line, entry.kind, moment)
        if entry.kind is EntryKind.ACTION_UPDATE:
            if not isinstance(command, UpdateAction):
                raise CaptureError(f"{_UPDATE_HINT}: edit it as {self.edit_line(entry_id)}")
            self._rewrite_update(entry, self._by_number(command), moment)
            return Outcome(f"updated the update to action {command.action_id}", entry.id)
        if isinstance(command, UpdateAction):
            raise CaptureError("an entry cannot become an action update: type !! N as a new line")
        if not isinstance(command, AddEntry):
            raise CaptureError("an edit must be an entry, not a command")
        reply_to = entry.reply_to
        if command.kind is EntryKind.RESPONSE and reply_to is None:
            reply_to = self.store.question_to_answer(entry.item_id, before=entry.id)
        command = replace(command, text=self._cited(command.text), speaker=self._speaker(command))
        with self.store.transaction():
            self._rewrite(
                entry,
                command.kind,
                command.text,
                command.speaker,
                reply_to,
                moment,
                _action_fields(command),
            )
            if command.kind is EntryKind.RESOLUTION:
                set_form(self.store, entry.id, command.form or ResolutionForm.RESOLVED)
        return Outcome(f"updated {command.kind.value}", entry.id, entry.item_id)

    def change_kind(
        self, entry_id: int, kind: EntryKind, now: pendulum.DateTime | None = None
    ) -> Outcome:
        """Make an entry another kind (a response finds its question)."""
        entry = self.store.entry(entry_id)
        _refuse_formal(entry)
        if kind in FORMAL_KINDS:
            raise CaptureError(
                f"an entry cannot become {_FORMAL_NAMES[kind]}: type it as a new line"
            )
        if EntryKind.ACTION_UPDATE in (entry.kind, kind):
            raise CaptureError(
                "an action update stays an update: edit it, or delete it and type it again"
                if entry.kind is EntryKind.ACTION_UPDATE
                else _UPDATE_HINT
            )
        reply_to = entry.reply_to
        if kind is EntryKind.RESPONSE and reply_to is None:
            reply_to = self.store.question_to_answer(entry.item_id, before=entry.id)
        moment = now or clock.now()
        self._rewrite(entry, kind, entry.text, entry.speaker, reply_to, moment, change=Change.KIND)
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
        update_entry(
            self.store,
            response.id,
            kind=response.kind,
            text=response.text,
            speaker=response.speaker,
            reply_to=question.id,
            action=None,
            change=Change.ATTACH,
        )
        return Outcome("response attached to the chosen question", response.id, response.item_id)

    def delete(self, entry_id: int, now: pendulum.DateTime | None = None) -> Outcome:
        """Delete an entry; :meth:`undo` brings it back."""
        entry = self.store.entry(entry_id)
        approved = self.store.approved_by(entry_id)
        delete_entry(self.store, entry_id, now or clock.now())
        withdrawn = f"; {_approval_words(approved)} are no longer approved" if approved else ""
        return Outcome(
            f"deleted the {_kind_name(entry.kind)}{withdrawn} (u or /undo brings it back)",
            None,
            entry.item_id,
        )

    def undo(self) -> Outcome:
        """Bring back the entry deleted last."""
        entry = undo_delete(self.store, self.meeting_id)
        if entry is None:
            raise CaptureError("nothing deleted to bring back")
        approved = self.store.approved_by(entry.id)
        again = f"; {_approval_words(approved)} are approved again" if approved else ""
        return Outcome(f"restored the {_kind_name(entry.kind)}{again}", entry.id, entry.item_id)


#: Ends a resolution or a vote taken knowingly below the quorum.
OVERRIDE = "!inquorate"
_OVERRIDE_AT_END = re.compile(r"\s+!inquorate\s*$", re.IGNORECASE)


def _without_override(line: str) -> tuple[str, bool]:
    """``line`` without a trailing ``!inquorate``, and whether it had one."""
    match = _OVERRIDE_AT_END.search(line)
    return (line[: match.start()], True) if match else (line, False)


def _decides(command: Command) -> bool:
    """Whether ``command`` takes a decision: a resolution (approving the
    previous minutes is one) or a vote."""
    if isinstance(command, CastVote | ApprovePrevious):
        return True
    return isinstance(command, AddEntry) and command.kind is EntryKind.RESOLUTION


def _approval_words(meeting: Meeting) -> str:
    """``the minutes of the meeting held on 14 December 2026``."""
    held = format_date(meeting.starts_at.date())
    return f"the minutes of the meeting held on {held}"


def _kind_name(kind: EntryKind) -> str:
    return kind.value.replace("_", " ")


#: What each formal kind is called when a change to it is refused.
_FORMAL_NAMES = {
    EntryKind.DECLARATION: "a declaration",
    EntryKind.VOTE: "a vote",
    EntryKind.ATTENDANCE: "an arrival or departure",
}


def _refuse_formal(entry: Entry) -> None:
    """Declarations, votes, arrivals and departures stand for records kept
    beside the entry: they are deleted (D) and typed again, never edited."""
    if entry.kind in FORMAL_KINDS:
        raise CaptureError(
            f"{_FORMAL_NAMES[entry.kind]} cannot be edited: delete it (D) and type it again"
        )


def _as_command(update: ActionUpdate) -> UpdateAction:
    return UpdateAction(
        update.action_id, update.note, update.status, update.owner, update.due, update.due_text
    )


def _as_update(command: UpdateAction, before: ActionUpdate) -> ActionUpdate:
    return ActionUpdate(
        action_id=command.action_id,
        at=before.at,
        note=command.note,
        status=command.status,
        owner=command.owner,
        due=command.due,
        due_text=command.due_text,
        entry_id=before.entry_id,
    )


def _entry_text(command: UpdateAction) -> str:
    """What the running minute shows: the note, else what changed."""
    changed = ActionUpdate(
        command.action_id,
        clock.now(),
        command.note,
        command.status,
        command.owner,
        command.due,
        command.due_text,
    )
    return summary(changed)


def _action_fields(command: AddEntry) -> ActionFields | None:
    if command.kind is not EntryKind.ACTION:
        return None
    return ActionFields(
        owner=command.speaker or "",
        description=command.text,
        due=command.due,
        due_text=command.due_text,
    )
