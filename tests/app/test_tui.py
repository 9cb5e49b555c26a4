"""Pilot tests: a clerk minutes a short meeting from the keyboard; we check
what the panes show and what the database holds."""

from __future__ import annotations

import pendulum
import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from minuteterm.db.store import Store, open_store
from minuteterm.model import AttendanceStatus, EntryKind, MeetingStatus, NewItem, PersonKind
from minuteterm.recording.entries import add_entry
from minuteterm.recording.meetings import create_meeting
from minuteterm.tui.app import MinuteTermApp
from minuteterm.tui.screens.choice_dialog import ChoiceDialog
from minuteterm.tui.screens.help_screen import HelpScreen
from minuteterm.tui.screens.meeting_screen import MeetingScreen
from minuteterm.tui.widgets.capture_bar import CaptureBar
from minuteterm.tui.widgets.entry_editor import EntryEditor
from minuteterm.tui.widgets.entry_pane import (
    ActionsPane,
    EntryPane,
    MinutePane,
    QuestionsPane,
    ResolutionsPane,
)


def budget_meeting(store: Store) -> int:
    meeting_id = create_meeting(
        store,
        "Finance Scrutiny Panel",
        pendulum.datetime(2026, 12, 14, 18, 30, tz="Europe/London"),
        venue="Council Chamber",
        agenda=[
            NewItem("Apologies for absence"),
            NewItem("Budget monitoring, quarter 2"),
            NewItem("Work programme"),
        ],
    )
    store.add_attendee(meeting_id, "Cllr Jewell", PersonKind.MEMBER)
    store.add_attendee(
        meeting_id,
        "Anne Moss",
        PersonKind.OFFICER,
        AttendanceStatus.IN_ATTENDANCE,
        title="Head of Finance",
    )
    return meeting_id


async def type_line(pilot: Pilot, text: str, enter: bool = True) -> None:
    """Type ``text`` key by key, as a clerk would, then Enter."""
    await pilot.press(*text)
    if enter:
        await pilot.press("enter")
    await pilot.pause()


def capture_input(pilot: Pilot) -> Input:
    return pilot.app.screen.query_one(CaptureBar).input


def outcome(pilot: Pilot) -> str:
    return pilot.app.screen.query_one(CaptureBar).outcome_text


def shown(pilot: Pilot, pane: type[EntryPane]) -> str:
    return "\n".join(pilot.app.screen.query_one(pane).plain_lines())


def item_entries(store: Store, meeting_id: int, position: int) -> list[tuple[str, str]]:
    item = store.items(meeting_id)[position - 1]
    return [(entry.kind.value, entry.text) for entry in store.entries(item.id)]


async def focus_pane(pilot: Pilot, pane: type[EntryPane]) -> None:
    pilot.app.screen.query_one(pane).focus()
    await pilot.pause()


async def select_entry(pilot: Pilot, pane: type[EntryPane], text: str) -> None:
    """Highlight the row containing ``text`` with the arrow keys."""
    await focus_pane(pilot, pane)
    options = pilot.app.screen.query_one(pane)
    target = next(i for i, option in enumerate(options.options) if text in str(option.prompt))
    await pilot.press("home")
    for _ in range(target):
        await pilot.press("down")
    assert text in str(options.highlighted_option.prompt)


async def test_clerk_minutes_a_short_meeting(store: Store) -> None:
    meeting_id = budget_meeting(store)
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, MeetingScreen)
        assert capture_input(pilot).has_focus

        await type_line(pilot, "Apologies were received from Cllr Reed.")
        await type_line(pilot, "/next")
        await type_line(pilot, "The Panel considered the quarter 2 budget report.")
        await type_line(pilot, "? Cllr Jewell: was the reserve adequate")
        await type_line(pilot, "> Head of Finance: it met the minimum level set by Council")
        await type_line(pilot, "! Head of Finance: circulate the reserves policy by 14/01/2027")
        await type_line(pilot, "= That the report be noted.")

        minute = shown(pilot, MinutePane)
        assert "The Panel considered the quarter 2 budget report." in minute
        assert "Q Cllr Jewell: was the reserve adequate" in minute
        questions = pilot.app.screen.query_one(QuestionsPane).plain_lines()
        assert "Q Cllr Jewell: was the reserve adequate" in questions[0]
        assert "↳" in questions[1] and "it met the minimum level" in questions[1]
        assert "by 14 January 2027" in shown(pilot, ActionsPane)
        assert "That the report be noted." in shown(pilot, ResolutionsPane)
        assert capture_input(pilot).value == ""

        # The database holds every entry, in its item, with its links.
        assert item_entries(store, meeting_id, 1) == [
            ("note", "Apologies were received from Cllr Reed.")
        ]
        entries = store.entries(store.items(meeting_id)[1].id)
        kinds = [entry.kind for entry in entries]
        assert kinds == [
            EntryKind.NOTE,
            EntryKind.QUESTION,
            EntryKind.RESPONSE,
            EntryKind.ACTION,
            EntryKind.RESOLUTION,
        ]
        assert entries[2].reply_to == entries[1].id
        assert entries[3].action is not None
        assert entries[3].action.owner == "Head of Finance"
        assert entries[3].action.due == pendulum.date(2027, 1, 14)
        assert store.meeting(meeting_id).status is MeetingStatus.LIVE

        # Move on and back: the agenda pane marks the current item.
        await type_line(pilot, "/next")
        assert "▶ 3. Work programme" in "\n".join(
            str(o.prompt) for o in app.screen.query_one("#agenda", OptionList).options
        )
        await type_line(pilot, "/prev")
        assert store.meeting(meeting_id).current_item_id == store.items(meeting_id)[1].id


async def test_edit_delete_undo_and_change_kind_from_the_panes(store: Store) -> None:
    meeting_id = budget_meeting(store)
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_line(pilot, "The Panel considerd the report.")
        await type_line(pilot, "Members welcomed the new format.")
        await type_line(pilot, "Cllr Jewell: were the savings on track")

        # Edit in place: select, e, fix the typo, Enter.
        await select_entry(pilot, MinutePane, "considerd")
        await pilot.press("e")
        editor = app.screen.query_one(EntryEditor)
        assert editor.has_focus and editor.value == "The Panel considerd the report."
        await pilot.press("home", *["right"] * len("The Panel consider"), "e", "enter")
        await pilot.pause()
        assert item_entries(store, meeting_id, 1)[0] == ("note", "The Panel considered the report.")
        assert "considered the report" in shown(pilot, MinutePane)

        # Delete, then undo.
        await select_entry(pilot, MinutePane, "new format")
        await pilot.press("d")
        await pilot.pause()
        assert ("note", "Members welcomed the new format.") not in item_entries(
            store, meeting_id, 1
        )
        assert "new format" not in shown(pilot, MinutePane)
        await focus_pane(pilot, MinutePane)
        await pilot.press("u")
        await pilot.pause()
        assert ("note", "Members welcomed the new format.") in item_entries(store, meeting_id, 1)
        assert "new format" in shown(pilot, MinutePane)

        # Change a note into a question.
        await select_entry(pilot, MinutePane, "savings on track")
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "enter")  # note -> question
        await pilot.pause()
        entry = store.entries(store.items(meeting_id)[0].id)[-1]
        assert (entry.kind, entry.speaker) == (EntryKind.QUESTION, "Cllr Jewell")
        assert "Q Cllr Jewell: were the savings on track" in shown(pilot, QuestionsPane)


async def test_response_can_be_reattached_to_another_question(store: Store) -> None:
    meeting_id = budget_meeting(store)
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_line(pilot, "? Cllr Jewell: what was the overspend")
        await type_line(pilot, "? Cllr Jewell: when would the audit report")
        await type_line(pilot, "> Head of Finance: 1.2 million pounds, mostly in social care")
        questions = store.entries(store.items(meeting_id)[0].id)[:2]
        response = store.entries(store.items(meeting_id)[0].id)[2]
        assert response.reply_to == questions[1].id  # the latest open question

        await select_entry(pilot, QuestionsPane, "1.2 million pounds")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("home", "enter")  # the first question
        await pilot.pause()
        assert store.entry(response.id).reply_to == questions[0].id
        lines = app.screen.query_one(QuestionsPane).plain_lines()
        assert "what was the overspend" in lines[0] and "1.2 million pounds" in lines[1]


async def test_refused_line_stays_in_the_bar_with_the_reason(store: Store) -> None:
    meeting_id = budget_meeting(store)
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_line(pilot, "! Head of Finance: report back by 31/02/2027")
        assert "Refused" in outcome(pilot) and "February" in outcome(pilot)
        assert capture_input(pilot).value == "! Head of Finance: report back by 31/02/2027"
        await pilot.press("end", "ctrl+u")  # clear the bar
        await type_line(pilot, "/item 9")
        assert "no item 9" in outcome(pilot)
        assert store.meeting_entries(meeting_id) == []


async def test_markup_and_escapes_show_literally_and_do_nothing(store: Store) -> None:
    meeting_id = budget_meeting(store)
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_line(pilot, "[@click=app.quit]Motion[/] and [bold")
        assert app.is_running
        assert "[@click=app.quit]Motion[/] and [bold" in shown(pilot, MinutePane)
        # Pasted terminal escapes are stripped before they are stored.
        capture_input(pilot).value = "Budget \x1b[2J\x1b]0;owned\x07agreed"
        await pilot.press("enter")
        await pilot.pause()
        texts = [text for _, text in item_entries(store, meeting_id, 1)]
        assert texts[-1] == "Budget agreed"


async def test_kind_keys_speaker_completion_and_help(store: Store) -> None:
    meeting_id = budget_meeting(store)
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        assert "Question" in str(app.screen.query_one("#kind").render())
        await type_line(pilot, "Cllr J", enter=False)
        await pilot.press("tab")
        assert capture_input(pilot).value == "Cllr Jewell: "
        await type_line(pilot, "was the audit late")
        entry = store.meeting_entries(meeting_id)[-1]
        assert (entry.kind, entry.speaker, entry.text) == (
            EntryKind.QUESTION,
            "Cllr Jewell",
            "was the audit late",
        )
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_every_pane_is_visible_at_clerk_terminal_sizes(
    store: Store, size: tuple[int, int]
) -> None:
    meeting_id = budget_meeting(store)
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=size) as pilot:
        await type_line(pilot, "? Cllr Jewell: was the reserve adequate")
        for pane in (MinutePane, QuestionsPane, ActionsPane, ResolutionsPane):
            region = app.screen.query_one(pane).region
            assert region.width >= 20 and region.height >= 3, (pane, region)
        assert app.screen.query_one(CaptureBar).region.height >= 3


async def test_hostile_titles_and_names_show_literally(store: Store) -> None:
    meeting_id = create_meeting(
        store,
        "[b]Audit[/b] Committee",
        pendulum.datetime(2026, 12, 14, 18, 30, tz="Europe/London"),
        agenda=[NewItem("[@click=app.quit]Budget[/]"), NewItem("[$accent]Risk")],
    )
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_line(pilot, "[red]Cllr[/red] Vale: [link=https://example.com]see[/link]")
        screen = app.screen
        assert screen.query_one(MinutePane)._border_title.plain == (
            "Item 1: [@click=app.quit]Budget[/]"
        )
        agenda = [str(o.prompt) for o in screen.query_one("#agenda", OptionList).options]
        assert "[$accent]Risk" in agenda[1]
        header = str(screen.query_one("MeetingHeader").render())
        assert "[b]Audit[/b] Committee" in header
        assert "[link=https://example.com]see[/link]" in shown(pilot, MinutePane)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.is_running


async def test_multi_line_paste_is_kept_whole_and_huge_paste_refused(store: Store) -> None:
    from textual import events

    meeting_id = budget_meeting(store)
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        bar_input = capture_input(pilot)
        bar_input.post_message(
            events.Paste("The report set out three options.\nOption A\n\nOption B")
        )
        await pilot.pause()
        assert bar_input.value == "The report set out three options. Option A Option B"
        await pilot.press("enter")
        await pilot.pause()
        assert item_entries(store, meeting_id, 1) == [
            ("note", "The report set out three options. Option A Option B")
        ]
        huge = "word " * 300_000
        bar_input.post_message(events.Paste(huge))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "Refused" in outcome(pilot) and "at most 20,000" in outcome(pilot)
        assert bar_input.value == huge.strip()  # nothing lost: still in the bar
        assert len(item_entries(store, meeting_id, 1)) == 1


async def test_entries_from_another_writer_appear_on_the_open_screen(store: Store, db_path) -> None:
    from minuteterm.db.store import open_store
    from minuteterm.recording.recorder import Recorder

    meeting_id = budget_meeting(store)
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_line(pilot, "Typed in the app.")
        other = open_store(db_path)  # a second terminal on the same file
        Recorder(other, meeting_id).apply("? Cllr Jewell: typed in another terminal")
        other.close()
        await pilot.pause(1.5)
        assert "typed in another terminal" in shown(pilot, MinutePane)
        assert "typed in another terminal" in shown(pilot, QuestionsPane)


async def test_attach_offers_only_questions_of_the_same_item(store: Store) -> None:
    meeting_id = budget_meeting(store)
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_line(pilot, "? Cllr Jewell: a question in item one")
        await type_line(pilot, "/next")
        await type_line(pilot, "? Cllr Jewell: a question in item two")
        await type_line(pilot, "> Head of Finance: the answer")
        await select_entry(pilot, QuestionsPane, "the answer")
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        offered = [str(o.prompt) for o in dialog.query_one(OptionList).options]
        assert len(offered) == 1 and "item two" in offered[0]
        await pilot.press("escape")


async def test_unsent_line_is_kept_as_a_draft_and_restored(store: Store) -> None:
    from minuteterm.recording.drafts import load_draft

    meeting_id = budget_meeting(store)
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        await type_line(pilot, "Cllr Jewell: was the audit", enter=False)
        await pilot.pause(0.8)  # the draft is saved within half a second
        draft = load_draft(store, meeting_id)
        assert draft is not None and draft.text == "Cllr Jewell: was the audit"
        assert draft.kind is EntryKind.QUESTION

    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        assert capture_input(pilot).value == "Cllr Jewell: was the audit"
        assert "Question" in str(app.screen.query_one("#kind").render())
        assert "Restored the unsent line" in outcome(pilot)
        await type_line(pilot, " late")
        assert store.meeting_entries(meeting_id)[-1].text == "was the audit late"
        assert load_draft(store, meeting_id) is None  # saved: no draft left behind


async def test_enter_on_a_kept_draft_stores_the_line_in_one_write(store: Store) -> None:
    """The line and the removal of its draft are one commit: no moment in
    which the file holds both (the line would come back to be entered
    twice) or neither, and Enter waits for one write to disk, not two."""
    from minuteterm.recording.drafts import load_draft

    meeting_id = budget_meeting(store)
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_line(pilot, "Members asked about the reserves", enter=False)
        for _ in range(100):  # the draft is kept within half a second
            draft = load_draft(store, meeting_id)
            if draft is not None and draft.text == "Members asked about the reserves":
                break
            await pilot.pause(0.05)
        else:
            pytest.fail("the unsent line was never kept as a draft")
        statements: list[str] = []
        store.conn.set_trace_callback(statements.append)
        try:
            await pilot.press("enter")
            await pilot.pause()
        finally:
            store.conn.set_trace_callback(None)
        assert store.meeting_entries(meeting_id)[-1].text == "Members asked about the reserves"
        assert load_draft(store, meeting_id) is None
        assert [s for s in statements if s.strip().upper() == "COMMIT"] == ["COMMIT"]


async def test_the_running_minute_follows_the_newest_line_until_the_clerk_goes_into_it(
    store: Store, db_path
) -> None:
    meeting_id = budget_meeting(store)
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        bar = capture_input(pilot)
        for number in range(1, 61):  # far more lines than the pane is high
            bar.value = f"Point {number} was made."
            await pilot.press("enter")
        await pilot.pause()
        minute = app.screen.query_one(MinutePane)
        assert "Point 60 was made." in str(minute.highlighted_option.prompt)
        assert minute.scroll_offset.y > 0 and minute.scroll_offset.y == minute.max_scroll_y

        # In the pane, the clerk's selection stays put when a line arrives
        # from another terminal.
        await select_entry(pilot, MinutePane, "Point 7 was")
        other = open_store(db_path)
        item = store.meeting(meeting_id).current_item_id
        add_entry(other, item, EntryKind.NOTE, "Point 61 came from the other terminal.")
        other.close()
        app.screen.refresh_panes()
        await pilot.pause()
        assert "Point 61 came from" in shown(pilot, MinutePane)
        assert "Point 7 was made." in str(minute.highlighted_option.prompt)


async def test_a_line_longer_than_the_bar_keeps_its_end_in_view(store: Store) -> None:
    meeting_id = budget_meeting(store)
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        bar = capture_input(pilot)
        words = "The Panel heard that the reserve had been drawn down twice this year. "
        await pilot.press(*(words * 3).strip())
        await pilot.pause()
        assert bar.scroll_offset.x > 0  # scrolled along with the cursor
        left, _top = bar.content_region.offset
        assert left <= bar.cursor_screen_offset.x <= left + bar.content_region.width
        await pilot.press("enter")
        await pilot.pause()
        assert store.entries(store.items(meeting_id)[0].id)[-1].text == (words * 3).strip()
        await pilot.press(*"Apologies")  # the next line starts at the left again
        await pilot.pause()
        assert bar.scroll_offset.x == 0
        assert bar.render_line(0).text.startswith("Apologies")


async def test_keys_typed_on_through_a_pause_start_the_next_line(store: Store) -> None:
    """After a moment's pause the terminal delivers the keys typed meanwhile
    all at once; Enter among them must end its line there, not after the
    keys that followed it."""
    meeting_id = budget_meeting(store)
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for char in "The Panel met.\rMembers asked questions.\rThe re":
            app.post_message(events.Key("enter", None) if char == "\r" else events.Key(char, char))
        await pilot.pause()
        assert item_entries(store, meeting_id, 1) == [
            ("note", "The Panel met."),
            ("note", "Members asked questions."),
        ]
        assert capture_input(pilot).value == "The re"
