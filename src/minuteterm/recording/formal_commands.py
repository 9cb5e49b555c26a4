"""The recorder's formal business: attendance, declarations, votes, exempt
items and approving the previous minutes.

:func:`carry_out` is called by :meth:`minuteterm.recording.recorder.Recorder.apply`
for the commands of :mod:`minuteterm.grammar.formal` and for ``/exempt``,
``/public`` and ``/approve``; each is committed before it returns, or
refused with a reason having changed nothing.
"""

from __future__ import annotations

import pendulum

from minuteterm.dates import format_long_date, format_time, in_zone
from minuteterm.db.store import Store
from minuteterm.errors import CaptureError
from minuteterm.formal.approval import approve
from minuteterm.formal.declarations import declare
from minuteterm.formal.exempt import set_exempt, set_public_decision
from minuteterm.formal.people import attend, name_for, quorum, record_movement, take_chair
from minuteterm.formal.votes import record_vote, words
from minuteterm.grammar.formal import Attend, CastVote, Declare, Movement, TakeChair
from minuteterm.grammar.lines import ApprovePrevious, MarkExempt, PublicDecision
from minuteterm.model import AgendaItem, AttendanceStatus
from minuteterm.recording.current_item import open_item
from minuteterm.recording.outcome import Outcome
from minuteterm.recording.record import freeze

BusinessCommand = (
    Attend
    | TakeChair
    | Movement
    | Declare
    | CastVote
    | MarkExempt
    | PublicDecision
    | ApprovePrevious
)

_MARKED = {
    AttendanceStatus.PRESENT: "present",
    AttendanceStatus.APOLOGIES: "apologies from",
    AttendanceStatus.ABSENT: "absent",
    AttendanceStatus.IN_ATTENDANCE: "in attendance",
}


def _quorum_words(store: Store, meeting_id: int) -> str:
    state = quorum(store, meeting_id)
    if state.quorum is None:
        return f"{state.present} member{'s' if state.present != 1 else ''} present"
    if state.met:
        return f"{state.present} present, quorum {state.quorum}"
    return f"{state.present} present: BELOW THE QUORUM of {state.quorum}"


def carry_out(
    store: Store,
    meeting_id: int,
    command: BusinessCommand,
    moment: pendulum.DateTime,
    item_id: int | None = None,
) -> Outcome:
    """Carry out one formal command; the change is committed on return.

    The capture bar and ``minuteterm capture`` record in the current item;
    the attendance screen names the item (``item_id``: the declarations
    item), and gets the same words back."""
    store.assert_editable(store.meeting(meeting_id))
    moment = in_zone(moment, store.meeting_zone(meeting_id))

    def in_item() -> AgendaItem:
        if item_id is not None:
            return store.item(item_id)
        return open_item(store, meeting_id, moment)

    match command:
        case Attend():
            with store.transaction():  # present+ NAME (Chair): both, or neither
                names = attend(store, meeting_id, command)
                chair = take_chair(store, meeting_id, command.chair) if command.chair else None
            if command.substitute_for:
                committee = store.meeting(meeting_id).committee_id
                member = name_for(store, committee, command.substitute_for)
                said = f"{names[0]} is substituting for {member}"
            else:
                said = f"{_MARKED[command.status]} {', '.join(names)}"
            if chair:
                said += f"; {chair} is in the Chair"
            return Outcome(f"{said} ({_quorum_words(store, meeting_id)})")
        case TakeChair(name=name):
            return Outcome(f"{take_chair(store, meeting_id, name)} is in the Chair")
        case Movement(name=name, arrived=arrived):
            item = open_item(store, meeting_id, moment)
            entry_id, who = record_movement(store, meeting_id, item.id, name, arrived, moment)
            verb = "arrived" if arrived else "left"
            return Outcome(
                f"{who} {verb} at {format_time(moment)} ({_quorum_words(store, meeting_id)})",
                entry_id,
                item.id,
            )
        case Declare():
            item = in_item()
            entry_id = declare(store, meeting_id, item.id, command, moment)
            return Outcome(f"saved: {store.entry(entry_id).text}", entry_id, item.id)
        case CastVote():
            item = open_item(store, meeting_id, moment)
            entry_id, vote = record_vote(store, meeting_id, item.id, command, moment)
            outcome = "carried" if vote.carried else "LOST"
            return Outcome(f"vote on #{vote.resolution_id}: {words(vote)} – {outcome}", entry_id)
        case MarkExempt(paragraph=paragraph):
            return _exempt(store, meeting_id, paragraph, moment)
        case PublicDecision(text=text):
            item = open_item(store, meeting_id, moment)
            set_public_decision(store, item.id, text)
            return Outcome(f"saved the public decision of item {item.number}", item_id=item.id)
        case ApprovePrevious(amendment=amendment):
            item = open_item(store, meeting_id, moment)
            with store.transaction():
                entry_id, approved = approve(store, meeting_id, item.id, amendment, moment)
                freeze(store, approved.id)  # its minutes are made from this from now on
            held = format_long_date(approved.starts_at.date())
            return Outcome(
                f"the minutes of the meeting held on {held} are approved:"
                " they can no longer change",
                entry_id,
                item.id,
            )
    raise CaptureError(f"cannot carry out {command!r}")  # pragma: no cover


def _exempt(
    store: Store, meeting_id: int, paragraph: str | None, moment: pendulum.DateTime
) -> Outcome:
    item = open_item(store, meeting_id, moment)
    set_exempt(store, item.id, paragraph)
    if paragraph is None:
        return Outcome(f"item {item.number} is no longer exempt", item_id=item.id)
    return Outcome(
        f"item {item.number} is exempt (paragraph {paragraph} of Schedule 12A): the public"
        " minutes keep its heading, the exclusion and the decision in general terms"
        " (/public TEXT)",
        item_id=item.id,
    )
