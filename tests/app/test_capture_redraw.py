"""After each line the clerk enters, the screen shows what opening the
meeting afresh would show.

A line that only adds an entry to the item on screen re-reads just the panes
an entry of its kind shows in (the running minute, and the questions,
actions or resolutions pane); anything else redraws every pane. These tests
type a meeting's worth of lines, worded as clerks word them, and after each
compare every pane, the agenda, the header and the speaker names with a full
redraw from the database: nothing may be stale. They cross it with the
meeting's first line (it goes live), a new speaker, an exempt item, a second
meeting of the committee, approval, and a second window writing meanwhile.
"""

from __future__ import annotations

import pendulum
from textual.pilot import Pilot

from minuteterm.db.store import Store, open_store
from minuteterm.formal.approval import approve
from minuteterm.model import AttendanceStatus, NewItem, PersonKind
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.recorder import Recorder
from minuteterm.tui.app import MinuteTermApp
from minuteterm.tui.screens.meeting_screen import MeetingScreen
from minuteterm.tui.widgets.agenda_pane import AgendaPane
from minuteterm.tui.widgets.capture_bar import CaptureBar
from minuteterm.tui.widgets.entry_pane import EntryPane, MinutePane
from minuteterm.tui.widgets.meeting_header import MeetingHeader

WHEN = pendulum.datetime(2026, 12, 14, 18, 30, tz="Europe/London")


def planning_meeting(store: Store, when: pendulum.DateTime = WHEN) -> int:
    meeting_id = create_meeting(
        store,
        "Planning Committee",
        when,
        venue="Council Chamber",
        agenda=[
            NewItem("Declarations of interest"),
            NewItem("24/01234/FUL Land at Mill Lane"),
            NewItem("Disposal of the Harbour Road depot", exempt=True),
            NewItem("Planning appeals update"),
        ],
    )
    for name in ("Cllr Ann Grey", "Cllr Bob Hale", "Cllr Cara Lyle"):
        store.add_attendee(meeting_id, name, PersonKind.MEMBER)
    store.add_attendee(
        meeting_id,
        "Dev Patel",
        PersonKind.OFFICER,
        AttendanceStatus.IN_ATTENDANCE,
        title="Head of Planning",
    )
    return meeting_id


#: Lines as clerks type them: speakers by surname, by title, new people,
#: no speaker, commands between entries, and lines across items.
LINES = [
    "Grey: welcomed everyone and reminded members to switch phones to silent",
    "no declarations were made",
    "/next",
    "Head of Planning: presented the report, recommending approval subject to conditions",
    "? Hale: what is the impact on parking in Mill Lane",
    "> Head of Planning: highways raised no objection and six spaces are added",
    "Cllr Dana Moor!: spoke as ward member against the scheme",
    "? cllr dana moor: will the trees on the boundary be kept",
    "> officer said the tree preservation order stays",
    "! Head of Planning: circulate the revised landscaping plan by 20 January",
    "! Pat Quinn!: check the bus stop relocation with the county in 2 weeks",
    "= Resolved that planning permission be granted subject to the conditions in the report",
    "/next",
    "the Head of Planning outlined the bids received",
    "= Resolved that the depot be sold to the highest bidder",
    "! Head of Planning: complete the sale by 31 March",
    "/item 2",
    "Lyle: asked that her thanks to the officers be minuted",
    "/next",
    "/next",
    "noted the appeals lodged since the last meeting",
]


def shown(screen: MeetingScreen) -> dict[str, object]:
    """Everything a clerk reads on the meeting screen."""
    return {
        "header": str(screen.query_one(MeetingHeader).render()),
        "agenda": [str(option.prompt) for option in screen.query_one(AgendaPane).options],
        **{str(pane.border_title): pane.plain_lines() for pane in screen.query(EntryPane)},
        # the order of suggestions follows use; which names are offered is what counts
        "names": sorted(screen.query_one(CaptureBar).names),
    }


async def enter(pilot: Pilot, line: str) -> None:
    bar = pilot.app.screen.query_one(CaptureBar)
    bar.input.value = line
    await pilot.press("enter")
    await pilot.pause()


async def same_as_a_full_redraw(pilot: Pilot) -> dict[str, object]:
    screen = pilot.app.screen
    assert isinstance(screen, MeetingScreen)
    after_line = shown(screen)
    screen.refresh_panes()
    await pilot.pause()
    assert shown(screen) == after_line
    return after_line


async def test_each_line_leaves_the_screen_as_a_fresh_read_shows_it(store: Store) -> None:
    meeting_id = planning_meeting(store)
    app = MinuteTermApp(store, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        before = await same_as_a_full_redraw(pilot)
        assert "DRAFT" in str(before["header"]) and "not started" in str(before["header"])
        seen: list[dict[str, object]] = []
        for line in LINES:
            await enter(pilot, line)
            bar = app.screen.query_one(CaptureBar)
            assert not bar.input.value, f"{line!r} was refused: {bar.outcome_text}"
            seen.append(await same_as_a_full_redraw(pilot))
        # the first line took the meeting live and opened item 1
        assert "LIVE" in str(seen[0]["header"])
        assert str(seen[0]["agenda"][0]).startswith("▶ 1.")  # type: ignore[index]
        # the people typed new are offered by name from then on
        assert {"Cllr Dana Moor", "Pat Quinn"} <= set(seen[-1]["names"])  # type: ignore[arg-type]
        actions = seen[-1]["Actions"]
        assert len(actions) == 3  # type: ignore[arg-type]
        assert any("bus stop" in line for line in actions)  # type: ignore[union-attr]
        assert len(seen[-1]["Resolutions"]) == 2  # type: ignore[arg-type]


async def test_a_second_meeting_shows_only_its_own_actions_after_each_line(
    store: Store,
) -> None:
    earlier = planning_meeting(store, WHEN.subtract(weeks=4))
    Recorder(store, earlier).apply("! Head of Planning: report on enforcement by 1 February")
    meeting_id = planning_meeting(store)
    app = MinuteTermApp(store, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for line in ["/next", "! Hale: visit the site before the next meeting", "a note"]:
            await enter(pilot, line)
            after = await same_as_a_full_redraw(pilot)
        actions = " ".join(after["Actions"])  # type: ignore[arg-type]
        assert "visit the site" in actions
        assert "enforcement" not in actions


async def test_a_line_refused_after_approval_changes_no_pane(store: Store) -> None:
    meeting_id = planning_meeting(store, WHEN.subtract(weeks=4))
    recorder = Recorder(store, meeting_id)
    recorder.apply("Grey: opened the meeting")
    recorder.apply("/end")
    following = planning_meeting(store)
    approve(store, following, store.items(following)[0].id)  # signed at the next meeting
    app = MinuteTermApp(store, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        before = await same_as_a_full_redraw(pilot)
        await enter(pilot, "Hale: a late addition")
        bar = app.screen.query_one(CaptureBar)
        assert bar.input.value == "Hale: a late addition"  # given back, not saved
        assert "approved" in bar.outcome_text.casefold()
        assert await same_as_a_full_redraw(pilot) == before


async def test_a_line_from_another_window_is_on_screen_with_the_clerks_next_line(
    store: Store, db_path
) -> None:
    meeting_id = planning_meeting(store)
    Recorder(store, meeting_id).apply("/item 2")
    app = MinuteTermApp(store, meeting_id)
    other = open_store(db_path)  # the second window: its own connection
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            elsewhere = Recorder(other, meeting_id)
            elsewhere.apply("! Lyle: write to the applicant by 5 January")
            elsewhere.apply("= Resolved that the item be deferred")
            # an item added and minuted elsewhere, then back to item 2
            elsewhere.apply("/add Late item: the Mill Lane footpath")
            elsewhere.apply("/item 5")
            elsewhere.apply("! Head of Planning: survey the footpath by 12 January")
            elsewhere.apply("/item 2")
            # the clerk's next line, before the screen's one-second look for
            # other writers: the screen shows everything they wrote with it
            await enter(pilot, "! Hale: chase the highways response by 8 January")
            screen = app.screen
            assert isinstance(screen, MeetingScreen)
            panes = shown(screen)
            assert any("applicant" in line for line in panes["Actions"])  # type: ignore[union-attr]
            assert any("footpath" in line for line in panes["Actions"])  # type: ignore[union-attr]
            assert any("Late item" in line for line in panes["agenda"])  # type: ignore[union-attr]
            after = await same_as_a_full_redraw(pilot)
            assert any("applicant" in line for line in after["Actions"])  # type: ignore[union-attr]
            assert any("deferred" in line for line in after["Resolutions"])  # type: ignore[union-attr]
            minute = screen.query_one(MinutePane).plain_lines()
            assert any("chase the highways" in line for line in minute)
            assert any("deferred" in line for line in minute)
    finally:
        other.close()


async def test_a_speaker_named_in_another_window_is_known_to_the_clerks_next_line(
    store: Store, db_path
) -> None:
    """The screen hands the recorder the names it holds, so a line is not
    read against the file's names again; after another program's write it
    must not: the name typed there is known here before the screen's
    one-second look, in whatever case the clerk types it."""
    meeting_id = planning_meeting(store)
    Recorder(store, meeting_id).apply("/item 2")
    app = MinuteTermApp(store, meeting_id)
    other = open_store(db_path)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await enter(pilot, "Hale: asked about the site visit")
            Recorder(other, meeting_id).apply("Rev Sam Hill!: spoke for the residents")
            await enter(pilot, "? rev sam hill: will the footpath stay open")
            bar = app.screen.query_one(CaptureBar)
            assert not bar.input.value, bar.outcome_text
            newest = store.meeting_entries(meeting_id)[-1]
            assert (newest.speaker, newest.text) == ("Rev Sam Hill", "will the footpath stay open")
            # and a name the clerk's own line brought in is known to the next
            await enter(pilot, "Cllr Eve Tate!: asked for a site visit")
            await enter(pilot, "> cllr eve tate: the date will be circulated")
            newest = store.meeting_entries(meeting_id)[-1]
            assert newest.speaker == "Cllr Eve Tate"
            await same_as_a_full_redraw(pilot)
    finally:
        other.close()


async def test_the_quick_redraw_holds_in_a_small_window(store: Store) -> None:
    meeting_id = planning_meeting(store)
    app = MinuteTermApp(store, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for line in LINES[:12]:
            await enter(pilot, line)
            await same_as_a_full_redraw(pilot)


def test_only_an_entry_added_to_the_item_already_current_is_marked_added(store: Store) -> None:
    """The recorder marks a line as 'an entry added, nothing else' only when
    the item was already current: the meeting's first line also takes it
    live and opens item 1, so the whole screen is drawn again after it."""
    recorder = Recorder(store, planning_meeting(store))
    first = recorder.apply("Grey: welcomed everyone")
    assert first.added is None and first.entry_id is not None
    second = recorder.apply("? Hale: is the car park included")
    assert second.added is not None and second.added.value == "question"
    assert recorder.apply("/next").added is None
    assert recorder.apply("s/included/affected/").added is None
