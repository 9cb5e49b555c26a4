"""Screens as a clerk sees them, at the sizes clerks use: SVG snapshots
(pytest-textual-snapshot) of the meeting screen with long entries at 80×24,
100×30 and 120×40, and of attendance (F7), review (F8) and the action sheet
(Ctrl+A) at 80×24 and 120×40. Time is pinned (conftest) and every cursor is
steady, so a snapshot changes only when the screen does. Update with
``pytest tests/app/test_snapshots.py --snapshot-update`` and read every diff."""

from __future__ import annotations

from collections.abc import Callable

import pendulum
import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from minuteterm.db.store import Store
from minuteterm.formal.committees import Settings, configure
from minuteterm.model import ActionFields, AttendanceStatus, EntryKind, NewItem, PersonKind
from minuteterm.recording.entries import add_entry
from minuteterm.recording.meetings import create_meeting
from minuteterm.tui.app import MinuteTermApp

COMMITTEE = "Housing and Communities Scrutiny Committee"
SENTENCES = (
    "The Head of Housing reported to the committee that the damp and mould",
    "survey had reached 2,140 of the 2,600 homes on the list, that 312 homes",
    "needed works, and that the repairs contractor had cleared the backlog of",
    "urgent jobs although the average time to complete a routine job was still",
    "forty-one days against a target of twenty-eight days, as set out in the report.",
)


def at(hour: int, minute: int) -> pendulum.DateTime:
    return pendulum.datetime(2026, 12, 14, hour, minute, tz="Europe/London")


def long_note(number: int) -> str:
    """A note of about 180 characters, each one different."""
    words = " ".join(SENTENCES).split()
    start = number * 4 % len(words)
    text = f"{number}."
    for word in words[start:] + words[:start]:
        if len(text) + len(word) + 1 > 180:
            break
        text += " " + word
    return text


def long_meeting(store: Store) -> int:
    """A live meeting below its quorum, its current item holding nine long
    notes, a question with its answer, an action and a resolution."""
    meeting = create_meeting(
        store,
        COMMITTEE,
        at(18, 30),
        venue="Committee Room 1, Westmere Civic Centre",
        agenda=[
            NewItem("Apologies for absence"),
            NewItem("Declarations of interest"),
            NewItem("Damp and mould in council homes: progress on the survey and repairs"),
            NewItem("Work programme"),
        ],
    )
    configure(store, COMMITTEE, Settings(quorum=4))
    member, officer = PersonKind.MEMBER, PersonKind.OFFICER
    store.add_attendee(meeting, "Cllr Priya Anand", member, chair=True)
    store.add_attendee(meeting, "Cllr Rhys Caddick", member)
    store.add_attendee(meeting, "Cllr Mark Dorsey", member, AttendanceStatus.APOLOGIES)
    here = AttendanceStatus.IN_ATTENDANCE
    store.add_attendee(meeting, "Sarah Okafor", officer, here, title="Director of Housing")
    items = [item.id for item in store.items(meeting)]
    store.set_current_item(meeting, items[0], now=at(18, 31))
    store.set_current_item(meeting, items[2], now=at(18, 36))
    for number in range(1, 10):
        add_entry(store, items[2], EntryKind.NOTE, long_note(number), now=at(18, 36 + number))
    question = add_entry(
        store,
        items[2],
        EntryKind.QUESTION,
        "how many of the 312 homes needing works had tenants with a disability?",
        speaker="Cllr Rhys Caddick",
        now=at(18, 47),
    )
    add_entry(
        store,
        items[2],
        EntryKind.RESPONSE,
        "forty-four, and each of them had been visited by an occupational therapist",
        speaker="Director of Housing",
        reply_to=question,
        now=at(18, 48),
    )
    add_entry(
        store,
        items[2],
        EntryKind.ACTION,
        "circulate the list of homes needing works, by ward, to members",
        speaker="Director of Housing",
        action=ActionFields(
            owner="Director of Housing",
            description="circulate the list of homes needing works, by ward, to members",
            due=pendulum.date(2027, 1, 15),
        ),
        now=at(18, 49),
    )
    add_entry(
        store,
        items[2],
        EntryKind.RESOLUTION,
        "That the progress on the damp and mould survey be noted and a further report "
        "be brought to the March meeting.",
        now=at(18, 50),
    )
    return meeting


def steady(keys: tuple[str, ...] = ()) -> Callable[[Pilot], object]:
    """Press ``keys``, let the screen settle, and stop every cursor blinking."""

    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for screen in pilot.app.screen_stack:
            for field in screen.query(Input):
                field.cursor_blink = False
            for area in screen.query(TextArea):
                area.cursor_blink = False
        await pilot.pause()

    return run_before


@pytest.mark.parametrize(
    "size", [(80, 24), (100, 30), (120, 40)], ids=lambda s: "x".join(map(str, s))
)
def test_meeting_screen_with_long_entries(
    snap_compare, store: Store, size: tuple[int, int]
) -> None:
    app = MinuteTermApp(store, long_meeting(store))
    assert snap_compare(app, terminal_size=size, run_before=steady())


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: "x".join(map(str, s)))
@pytest.mark.parametrize(
    "screen_key", ["f7", "f8", "ctrl+a"], ids=["attendance", "review", "action-sheet"]
)
def test_screens_opened_from_the_meeting(
    snap_compare, store: Store, size: tuple[int, int], screen_key: str
) -> None:
    app = MinuteTermApp(store, long_meeting(store))
    assert snap_compare(app, terminal_size=size, run_before=steady((screen_key,)))
