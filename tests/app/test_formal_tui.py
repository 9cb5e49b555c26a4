"""Formal business in the app, driven with the keys a clerk presses: the
attendance screen, a declaration made there, the quorum in the header, a
vote refused then corrected, an exempt item, approving the previous minutes
and then being refused an edit to them, and the review screen."""

from __future__ import annotations

import pendulum
from textual.pilot import Pilot
from textual.widgets import DataTable, Markdown, Static

from minuteterm.db.store import Store
from minuteterm.model import EntryKind, InterestKind, MeetingStatus, NewItem
from minuteterm.recording.entries import add_entry
from minuteterm.recording.meetings import close_meeting, create_meeting
from minuteterm.recording.record import meeting_record
from minuteterm.tui.app import MinuteTermApp
from minuteterm.tui.screens.attendance_screen import AttendanceScreen
from minuteterm.tui.screens.choice_dialog import ChoiceDialog
from minuteterm.tui.screens.meeting_screen import MeetingScreen
from minuteterm.tui.screens.review_screen import ReviewScreen
from minuteterm.tui.screens.text_dialog import TextDialog
from minuteterm.tui.widgets.capture_bar import CaptureBar
from minuteterm.tui.widgets.entry_pane import ResolutionsPane
from minuteterm.tui.widgets.meeting_header import MeetingHeader
from minuteterm.tui.widgets.outcome_line import OutcomeLine
from tests.app.test_tui import outcome, shown, type_line

COMMITTEE = "Corporate Parenting Board"
AGENDA = [
    NewItem("Apologies for absence"),
    NewItem("Declarations of interest"),
    NewItem("Minutes of the previous meeting"),
    NewItem("Fostering recruitment"),
    NewItem("Residential placement contract", exempt=True),
]


def board_meeting(store: Store, month: int = 12) -> int:
    starts = pendulum.datetime(2026, month, 14, 17, 0, tz="Europe/London")
    return create_meeting(store, COMMITTEE, starts, venue="Room 1", agenda=AGENDA)


async def enter(pilot: Pilot, line: str) -> None:
    """Put a whole line in the capture bar and press Enter."""
    pilot.app.screen.query_one(CaptureBar).input.value = line
    await pilot.press("enter")
    await pilot.pause()


def header(pilot: Pilot) -> str:
    return str(pilot.app.screen.query_one(MeetingHeader).render())


def people(app: MinuteTermApp) -> dict[str, list[str]]:
    table = app.screen.query_one(DataTable)
    return {
        str(table.get_row_at(row)[0]): [str(cell) for cell in table.get_row_at(row)[1:]]
        for row in range(table.row_count)
    }


async def select_person(pilot: Pilot, name: str) -> None:
    table = pilot.app.screen.query_one(DataTable)
    rows = [str(table.get_row_at(row)[0]) for row in range(table.row_count)]
    table.move_cursor(row=rows.index(name))
    await pilot.pause()


async def test_attendance_screen_marks_people_sets_quorum_and_takes_a_declaration(
    store: Store,
) -> None:
    earlier = board_meeting(store, 11)
    for name in ("Cllr Ava Reid", "Cllr Ben Ortiz", "Cllr Cara Singh"):
        store.add_attendee(earlier, name)
    meeting_id = board_meeting(store)
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        assert people(app)["Cllr Ava Reid"][1] == "expected (not marked)"

        await select_person(pilot, "Cllr Ava Reid")
        await pilot.press("p", "c")
        await pilot.pause()
        await select_person(pilot, "Cllr Ben Ortiz")
        await pilot.press("a")
        await pilot.pause()
        await select_person(pilot, "Cllr Cara Singh")
        await pilot.press("p")
        await pilot.pause()
        # the same words as the capture bar's present+ (one door, one wording)
        said = str(app.screen.query_one(OutcomeLine).render())
        assert "present Cllr Cara Singh (2 members present)" in said
        assert people(app)["Cllr Ava Reid"][1:3] == ["present", "Chair"]
        assert people(app)["Cllr Ben Ortiz"][1] == "apologies"

        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        await pilot.press("3", "enter")
        await pilot.pause()
        quorum = str(app.screen.query_one("#attendance-quorum", Static).render())
        assert "BELOW QUORUM: 2 members present, quorum 3" in quorum

        await select_person(pilot, "Cllr Cara Singh")
        await pilot.press("d")  # declare: the item, the kind, then what it is
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "down", "down", "down", "enter")  # item 4
        await pilot.pause()
        await pilot.press("enter")  # a disclosable pecuniary interest
        await pilot.pause()
        await type_line(pilot, "is a foster carer for the Council")
        declared = str(app.screen.query_one("#declarations", Static).render())
        assert "Cllr Cara Singh: a disclosable pecuniary interest in item 4" in declared

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert "BELOW QUORUM: 2 of 3" in header(pilot)

    record = meeting_record(store, meeting_id)
    (declaration,) = record.declarations
    assert declaration.kind is InterestKind.PECUNIARY
    assert declaration.detail == "is a foster carer for the Council"
    assert store.committee(COMMITTEE).quorum == 3


async def test_a_vote_is_refused_then_corrected_and_an_item_made_exempt(store: Store) -> None:
    meeting_id = board_meeting(store)
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await enter(pilot, "present+ Cllr Ava Reid, Cllr Ben Ortiz, Cllr Cara Singh")
        assert "3 members present" in outcome(pilot)
        assert "3 present" in header(pilot)
        await enter(pilot, "/item 5")
        await enter(pilot, "/exempt 3")
        assert "exempt (paragraph 3 of Schedule 12A)" in outcome(pilot)
        await enter(pilot, "= That the contract be awarded to the preferred bidder.")
        await enter(pilot, "vote+ for 4, against 0")
        assert "Refused: 4 votes cast, but only 3 members are present" in outcome(pilot)
        bar = app.screen.query_one(CaptureBar).input
        assert bar.value == "vote+ for 4, against 0"  # kept, to be put right
        bar.value = ""
        await enter(pilot, "vote+ for 2, against 1")
        assert "carried" in outcome(pilot)
        assert "VOTE Vote on" in shown(pilot, type(app.screen.query_one("#minute")))
        decided = shown(pilot, ResolutionsPane).splitlines()
        assert "awarded to the preferred bidder" in decided[0]
        assert decided[1].startswith("   ↳ VOTE") and "for 2, against 1" in decided[1]
        await enter(pilot, "/public That the contract be awarded.")

    item = store.items(meeting_id)[4]
    assert item.exempt and item.exempt_paragraph == "3"
    assert item.public_decision == "That the contract be awarded."
    (resolution,) = meeting_record(store, meeting_id).resolutions.values()
    assert resolution.vote is not None and (resolution.vote.votes_for, resolution.vote.against) == (
        2,
        1,
    )


async def test_approving_the_previous_minutes_then_an_edit_to_them_is_refused(
    store: Store,
) -> None:
    november = board_meeting(store, 11)
    store.set_current_item(november, store.items(november)[3].id)
    add_entry(store, store.items(november)[3].id, EntryKind.NOTE, "The Board noted the report.")
    close_meeting(store, november)
    december = board_meeting(store)
    app = MinuteTermApp(store, meeting_id=december)
    async with app.run_test(size=(120, 40)) as pilot:
        await enter(pilot, "/item 3")
        await enter(pilot, "/approve")
        assert "14 November 2026 are approved" in outcome(pilot)
        assert "signed as a correct record" in shown(pilot, type(app.screen.query_one("#minute")))

        await pilot.press("ctrl+l")  # to the list, and open the November meeting
        await pilot.pause()
        app.open_meeting(november)
        await pilot.pause()
        assert "APPROVED" in header(pilot)
        await enter(pilot, "The Board also thanked the fostering team.")
        assert "approved and cannot change" in outcome(pilot)
    assert store.meeting(november).status is MeetingStatus.APPROVED
    assert [e.text for e in store.entries(store.items(november)[3].id)] == [
        "The Board noted the report."
    ]


async def test_review_shows_the_minutes_in_the_chosen_style_and_version(store: Store) -> None:
    meeting_id = board_meeting(store)
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(140, 40)) as pilot:
        for line in (
            "present+ Cllr Ava Reid, Cllr Ben Ortiz",
            "/item 4",
            "? Cllr Reid: how many carers had been approved this year",
            "> Head of Fostering: eleven households had been approved",
            "/item 5",
            "/exempt 1",
            "The Board discussed the bidder's hourly rate of £58.",
        ):
            await enter(pilot, line)
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        review = app.screen

        def minutes() -> str:
            return review.query_one(Markdown).source

        assert "How many carers had been approved this year – eleven" in minutes()
        assert "£58" in minutes()
        await pilot.press("2")
        await pilot.pause()
        assert "In response to a query from Cllr Ava Reid regarding how many carers" in minutes()
        await pilot.press("p")
        await pilot.pause()
        assert "£58" not in minutes() and "excluded from the meeting" in minutes()
        title = str(review.query_one("#review-title", Static).render())
        assert "bullets questions, public version" in title
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
