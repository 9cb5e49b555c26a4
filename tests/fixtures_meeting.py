"""A fixed, invented meeting for the export tests, built through the Store API.

Everything is timed with explicit moments so the minutes come out the same
on every machine. Some entries carry hostile text (markup, HTML, a Markdown
image, an entity) that must come out of every export as plain words.
"""

from __future__ import annotations

from datetime import date

import pendulum

from minuteterm.db.store import Store
from minuteterm.formal.declarations import declare
from minuteterm.formal.exempt import set_public_decision
from minuteterm.grammar.formal import Declare
from minuteterm.model import (
    ActionFields,
    AttendanceStatus,
    EntryKind,
    InterestKind,
    NewItem,
    PersonKind,
)
from minuteterm.recording.entries import add_entry
from minuteterm.recording.meetings import close_meeting, create_meeting

COMMITTEE = "Harbour and Coastal Services Board"

HOSTILE = (
    "[bold]not markup[/]",
    "<script>alert(1)</script>",
    "![x](http://example.com/x.png)",
    "*stars*",
    "1. not a list",
    "&amp;",
)

AGENDA = (
    NewItem("Declarations of interest"),
    NewItem("Minutes of the previous meeting"),
    NewItem("Winter dredging programme and visitor pontoons"),
    NewItem("Quayside signage and visitor information"),
    NewItem("Harbour office lease", exempt=True, exempt_paragraph="3"),
)


def at(hour: int, minute: int) -> pendulum.DateTime:
    """A moment on the meeting's evening, London time."""
    return pendulum.datetime(2026, 12, 14, hour, minute, tz="Europe/London")


def _attendance(store: Store, meeting: int) -> None:
    member, officer = PersonKind.MEMBER, PersonKind.OFFICER
    store.add_attendee(meeting, "Cllr Helen Rowe", member, chair=True)
    store.add_attendee(meeting, "Cllr Sam Ahmed", member)
    store.add_attendee(meeting, "Cllr Priya Bell", member)
    store.add_attendee(
        meeting,
        "Cllr Dan Okafor",
        member,
        AttendanceStatus.SUBSTITUTE,
        substitute_for="Cllr Ruth Dunn",
    )
    store.add_attendee(meeting, "Cllr Ruth Dunn", member, AttendanceStatus.APOLOGIES)
    store.add_attendee(meeting, "Cllr Gareth Lloyd", member, AttendanceStatus.APOLOGIES)
    here = AttendanceStatus.IN_ATTENDANCE
    store.add_attendee(meeting, "Amara Osei", officer, here, title="Harbour Master")
    store.add_attendee(meeting, "Tom Reed", officer, here, title="Head of Coastal Finance")
    store.add_attendee(meeting, "Lucy Marsh", officer, here, title="Democratic Services Officer")


def _declarations(store: Store, item: int) -> None:
    meeting = store.item(item).meeting_id
    trustee = Declare("Cllr Bell", "4", InterestKind.OTHER, "trustee of the Harbour Heritage Trust")
    declare(store, meeting, item, trustee, at(18, 32))


def _previous_minutes(store: Store, item: int) -> None:
    add_entry(
        store,
        item,
        EntryKind.RESOLUTION,
        "That the minutes of the meeting held on 12 October 2026 be signed as a correct record",
        now=at(18, 35),
    )


def _dredging(store: Store, item: int) -> None:
    def add(kind: EntryKind, text: str, minute: int, **extra: object) -> int:
        return add_entry(store, item, kind, text, now=at(18, minute), **extra)

    note, question, response = EntryKind.NOTE, EntryKind.QUESTION, EntryKind.RESPONSE
    add(
        note,
        "The Board considered a report of the Harbour Master on the winter dredging "
        "programme and the condition of the visitor pontoons",
        38,
    )
    add(
        note,
        "It was reported that the survey of the inner harbour was complete and that "
        "silt levels at the fuel berth were higher than forecast.",
        40,
    )
    cost = add(
        question,
        "how would the higher silt levels affect the cost of the programme?",
        43,
        speaker="Cllr Sam Ahmed",
    )
    add(
        response,
        "The extra dredging could be met from the harbour reserve without raising mooring fees.",
        44,
        speaker="Head of Coastal Finance",
        reply_to=cost,
    )
    easter = add(
        question,
        "Was the pontoon repair still expected to finish before Easter?",
        46,
        speaker="Cllr Priya Bell",
    )
    add(
        response,
        "Yes, subject to the weather.",
        47,
        speaker="Harbour Master",
        reply_to=easter,
    )
    add(
        response,
        "that the contractor had been asked for a firm programme by January",
        48,
        speaker="Head of Coastal Finance",
        reply_to=easter,
    )
    add(
        EntryKind.ACTION,
        "circulate the revised dredging programme to members",
        49,
        speaker="Harbour Master",
        action=ActionFields(
            owner="Harbour Master",
            description="circulate the revised dredging programme to members",
            due=date(2027, 1, 15),
        ),
    )
    add(
        question,
        "What notice would berth holders get before the fuel berth closed?",
        51,
        speaker="Cllr Dan Okafor",
    )
    add(
        EntryKind.RESOLUTION,
        "That the Board notes the report and the revised dredging programme.",
        53,
    )
    add(
        note,
        "The Chair thanked the harbour team for keeping the harbour open through "
        "the November storms.",
        55,
    )
    add(
        EntryKind.RESOLUTION,
        "That the Harbour Master reports progress on the pontoon repairs to the next meeting",
        57,
    )


def _signage(store: Store, item: int) -> None:
    def add(kind: EntryKind, text: str, minute: int, **extra: object) -> int:
        return add_entry(store, item, kind, text, now=at(19, minute), **extra)

    add(
        EntryKind.NOTE,
        "The draft quayside notice had displayed <script>alert(1)</script> where "
        "the tide table should have appeared; the web page had since been corrected.",
        2,
    )
    add(
        EntryKind.NOTE,
        "A photograph of the old sign was shared in the meeting chat as "
        "![x](http://example.com/x.png) and would be circulated with the minutes.",
        4,
    )
    add(
        EntryKind.NOTE,
        "1. not a list – the wording proposed for panel one was agreed.",
        6,
    )
    add(
        EntryKind.NOTE,
        "Members asked that the *stars* rating from visitor reviews and the text "
        "[bold]not markup[/] be removed from the draft.",
        8,
    )
    add(
        EntryKind.RESPONSE,
        "the slipway gates had been repaired & repainted.",
        10,
        speaker="Harbour Master",
    )
    where = add(
        EntryKind.QUESTION,
        "whether the Sailing Club &amp; Rowing Club could share the new notice board?",
        12,
        speaker="Cllr Priya Bell",
    )
    add(
        EntryKind.RESPONSE,
        "Both clubs would be asked before the panels were ordered.",
        13,
        speaker="Democratic Services Officer",
        reply_to=where,
    )
    add(
        EntryKind.ACTION,
        "add the signage review | next steps to the work programme",
        14,
        action=ActionFields(
            owner="Democratic Services Officer",
            description="add the signage review | next steps to the *work programme*.",
            due_text="next meeting",
        ),
    )
    add(EntryKind.RESOLUTION, "That the revised quayside signage be approved", 16)


def _lease(store: Store, item: int) -> None:
    add_entry(
        store,
        item,
        EntryKind.NOTE,
        "The Board considered the tenant's offer for the harbour office lease, "
        "which was commercially sensitive.",
        now=at(19, 50),
    )
    add_entry(
        store,
        item,
        EntryKind.ACTION,
        "negotiate the break clause",
        action=ActionFields(
            owner="Head of Coastal Finance", description="negotiate the break clause"
        ),
        now=at(19, 55),
    )
    add_entry(
        store,
        item,
        EntryKind.RESOLUTION,
        "That the Head of Coastal Finance be authorised to agree the lease terms.",
        now=at(20, 0),
    )
    set_public_decision(store, item, "That the lease terms be agreed.")


def build_fixed_meeting(store: Store) -> int:
    """Create the fixed test meeting, run it and close it; return its id."""
    meeting = create_meeting(
        store,
        COMMITTEE,
        at(18, 30),
        venue="Council Chamber, Harbour House, Quay Street",
        agenda=AGENDA,
    )
    _attendance(store, meeting)
    items = [item.id for item in store.items(meeting)]
    fillers = (_declarations, _previous_minutes, _dredging, _signage, _lease)
    starts = (at(18, 31), at(18, 34), at(18, 37), at(19, 1), at(19, 45))
    for item, fill, start in zip(items, fillers, starts, strict=True):
        store.set_current_item(meeting, item, now=start)
        fill(store, item)
    close_meeting(store, meeting, now=at(20, 5))
    return meeting


def action_number(store: Store, entry_id: int) -> int:
    """The number action entry ``entry_id`` is printed with and typed as
    (``!! 3``): given per committee, not its entry id."""
    action = store.entry(entry_id).action
    assert action is not None and action.number is not None
    return action.number
