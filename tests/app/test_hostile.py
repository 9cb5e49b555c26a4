"""Hostile text in, plain words out (issue "Nothing lost, nothing leaked").

Every payload of ``tests/hostile/payloads.json`` is typed as a clerk would
type it (through :meth:`Recorder.apply`) into every place user text can go:
a note, a speaker, a question, a response, a resolution, an action's
description and owner, an action update and a new owner; and it names the
committee, the meeting, its venue, an agenda item and an attendee. Then:

* the database holds no escape, control, bidi, NUL or surrogate character
  anywhere, and every visible character that was typed is still there;
* the minutes (Markdown and HTML, in every question style) and the action
  sheet (Markdown, CSV, HTML and the terminal table) make no element,
  attribute, link or image out of it, keep our Content Security Policy, and
  a spreadsheet will not run it as a formula; the Word minutes open and
  show it as text;
* in a running app (one session for several payloads) it shows literally
  in the Minute pane, and markup that would quit the app does nothing.

``tests/system/test_browser.py`` opens the same text in a real browser.
"""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

import docx
import pendulum
import pytest
from textual import events

from minuteterm.actions.sheet import ActionSheet
from minuteterm.db.store import MAX_NAME_CHARS, Store
from minuteterm.errors import CLERK_ERRORS, StoreError
from minuteterm.export import render, write_export
from minuteterm.export.action_sheet import SHEET_FORMATS, render_sheet, write_sheet
from minuteterm.minutes import QUESTION_STYLES
from minuteterm.model import AttendanceStatus, NewItem, PersonKind
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.record import meeting_record
from minuteterm.recording.recorder import MAX_ENTRY_CHARS, Outcome, Recorder
from minuteterm.textsafe import clean
from minuteterm.tui.app import MinuteTermApp
from minuteterm.tui.screens.meeting_screen import MeetingScreen
from minuteterm.tui.widgets.entry_pane import MinutePane
from tests.app.test_tui import capture_input, outcome, shown, type_line
from tests.fixtures_meeting import action_number
from tests.hostile import (
    BY_ID,
    EXPORT_FORBIDDEN,
    FORBIDDEN,
    FORMULA_START,
    PAYLOADS,
    Payload,
    csv_problems,
    csv_rows,
    html_problems,
    markdown_plain,
    markdown_problems,
    parse_html,
)

START = pendulum.datetime(2026, 12, 14, 18, 30, tz="Europe/London")
OWNER = "Head of Finance"
#: Raised before the payloads, so there is an action for them to update.
FIRST_ACTION = f"! {OWNER}: circulate the reserves policy by 14/01/2027"

#: Each place a payload goes, as the line a clerk types. A leading ``\``
#: makes the note literal (so "=..." is a note, not a resolution).
LINES = {
    "note": "\\{text}",
    "speaker": "{text}: said this",
    "question": "? Cllr Jewell: {text}",
    "response": f"> {OWNER}: {{text}}",
    "resolution": "= {text}",
    "action": f"! {OWNER}: {{text}}",
    "action owner": "! {text}: check the figures",
    "new owner": "!! {action} owner {text}",
    "update": "!! {action}: {text}",
}
#: What a line starts with that is not part of what is stored.
_PREFIX = re.compile(r"^(?:\\|[?>=!](?!!))\s*")


def ids(payload: Payload) -> str:
    return payload.id


@dataclass
class Captured:
    """A meeting made of one payload, and what each capture line did."""

    meeting_id: int
    action_id: int
    outcomes: dict[str, Outcome | Exception]
    lines: dict[str, str]


def capture(store: Store, payload: Payload) -> Captured:
    """Put ``payload`` everywhere a clerk's words can go."""
    text = payload.text
    name = text
    if len(clean(text)) > MAX_NAME_CHARS:  # too long for a name: refused, nothing made
        with pytest.raises(StoreError, match=f"at most {MAX_NAME_CHARS} characters"):
            create_meeting(store, text, START, venue=text, title=text)
        assert store.meetings() == []
        name = f"Audit Board {text[:40]}"
    committee = name if clean(name) else f"Audit Board{name}"
    meeting_id = create_meeting(
        store,
        committee,
        START,
        venue=name,
        title=name,
        agenda=[NewItem(text), NewItem("Any other business")],
    )
    store.add_attendee(meeting_id, "Cllr Jewell")
    here = AttendanceStatus.IN_ATTENDANCE
    store.add_attendee(meeting_id, "Anne Moss", PersonKind.OFFICER, here, title=OWNER)
    if clean(text):
        store.add_attendee(meeting_id, text)
    recorder = Recorder(store, meeting_id)
    action_id = recorder.apply(FIRST_ACTION).entry_id
    assert action_id is not None
    number = action_number(store, action_id)
    lines = {place: line.format(text=text, action=number) for place, line in LINES.items()}
    outcomes: dict[str, Outcome | Exception] = {}
    for place, line in lines.items():
        try:
            outcomes[place] = recorder.apply(line)
        except CLERK_ERRORS as error:
            outcomes[place] = error
    return Captured(meeting_id, action_id, outcomes, lines)


def stored_texts(store: Store) -> list[tuple[str, str, str]]:
    """Every text value in the database: (table, column, value)."""
    tables = [
        row["name"] for row in store.query("select name from sqlite_master where type = 'table'")
    ]
    return [
        (table, column, value)
        for table in tables
        for row in store.query(f'select * from "{table}"')
        for column, value in row.items()
        if isinstance(value, str)
    ]


def said(speaker: str | None, text: str) -> str:
    """An entry as the clerk typed it: ``Speaker: words``."""
    return f"{speaker}: {text}" if speaker else text


# --- the database ----------------------------------------------------------------------


def test_the_corpus_covers_the_issue() -> None:
    assert len(PAYLOADS) >= 40
    assert len(BY_ID) == len(PAYLOADS), "payload ids must be unique"
    assert any(len(payload.text) >= 1_000_000 for payload in PAYLOADS)
    assert any(re.search("[\ud800-\udfff]", payload.text) for payload in PAYLOADS)
    assert all(payload.attacks for payload in PAYLOADS)


@pytest.mark.parametrize("payload", PAYLOADS, ids=ids)
def test_the_database_keeps_the_words_and_drops_the_escapes(store: Store, payload: Payload) -> None:
    captured = capture(store, payload)
    visible = clean(payload.text)
    if payload.expect is not None:
        assert visible == payload.expect
    dirty = [(t, c, v[:60]) for t, c, v in stored_texts(store) if FORBIDDEN.search(v)]
    assert dirty == []
    for place, result in captured.outcomes.items():
        message = str(result) if isinstance(result, Exception) else result.message
        assert not FORBIDDEN.search(message), f"{place}: message repeats an escape"

    huge = len(payload.text) > MAX_ENTRY_CHARS
    for place, result in captured.outcomes.items():
        if huge:
            assert isinstance(result, CLERK_ERRORS), place
            assert "at most 20,000" in str(result), place
        elif isinstance(result, Outcome) and place not in ("new owner", "update"):
            entry = store.entry(result.entry_id)
            typed = _PREFIX.sub("", clean(captured.lines[place]), count=1)
            assert said(entry.speaker, entry.text) == typed, place
    note = captured.outcomes["note"]
    if not visible or huge:
        assert isinstance(note, CLERK_ERRORS), "a line with nothing visible is refused"
    else:
        assert isinstance(note, Outcome), note
        entry = store.entry(note.entry_id)
        assert said(entry.speaker, entry.text) == visible

    update = captured.outcomes["update"]
    if isinstance(update, Outcome):
        assert ActionSheet(store).row(captured.action_id).latest_update == visible

    record = meeting_record(store, captured.meeting_id)
    if visible and len(visible) > MAX_NAME_CHARS:  # names were refused; the item kept it
        assert record.items[0].item.title == visible
    elif visible:
        assert record.meeting.committee == record.meeting.title == visible
        assert record.meeting.venue == visible
        assert record.items[0].item.title == visible
        assert visible in [attendee.name for attendee in record.attendees]
    else:
        assert [item.item.title for item in record.items] == ["Any other business"]


@pytest.mark.parametrize(
    "payload_id", ["rtl-arabic", "rtl-hebrew", "emoji-zwj", "markup-bold", "combining"]
)
def test_scripts_emoji_and_markup_survive_exactly(store: Store, payload_id: str) -> None:
    text = BY_ID[payload_id].text
    captured = capture(store, BY_ID[payload_id])
    note = captured.outcomes["note"]
    assert isinstance(note, Outcome)
    assert store.entry(note.entry_id).text == text
    speaker = captured.outcomes["speaker"]
    assert isinstance(speaker, Outcome)
    entry = store.entry(speaker.entry_id)
    assert (entry.speaker, entry.text) == (text, "said this")
    assert store.meeting(captured.meeting_id).committee == text
    row = ActionSheet(store).row(captured.action_id)
    assert (row.owner, row.latest_update) == (text, text)


def test_escapes_never_reach_a_refusal_or_an_entry(store: Store) -> None:
    meeting_id = create_meeting(store, "Audit Board", START, agenda=[NewItem("Budget")])
    recorder = Recorder(store, meeting_id)
    for line in ("\x1b[2J", "\u202e\x00", "\\\x1b]0;x\x07", "/\x1b]0;PWNED\x07"):
        with pytest.raises(CLERK_ERRORS) as refused:
            recorder.apply(line)
        assert not FORBIDDEN.search(str(refused.value))
    assert store.meeting_entries(meeting_id) == []
    # What is read is what the clerk sees: a coloured prefix still works.
    recorder.apply("\x1b[1m?\x1b[0m \x1b[31mCllr Jewell\x1b[0m: was it late")
    (entry,) = store.meeting_entries(meeting_id)
    assert (entry.kind.value, entry.speaker, entry.text) == (
        "question",
        "Cllr Jewell",
        "was it late",
    )


def test_an_attendee_with_nothing_visible_in_the_name_is_refused(store: Store) -> None:
    meeting_id = create_meeting(store, "Audit Board", START, agenda=[NewItem("Budget")])
    with pytest.raises(CLERK_ERRORS):
        store.add_attendee(meeting_id, BY_ID["escape-only"].text)
    assert store.attendees(meeting_id) == []


# --- exports ---------------------------------------------------------------------------


def _check_text_file(text: str) -> None:
    found = EXPORT_FORBIDDEN.search(text)
    assert found is None, f"control character {found.group()!r} in an export"


@pytest.mark.parametrize("payload", PAYLOADS, ids=ids)
def test_minutes_make_nothing_that_runs_fetches_or_links(store: Store, payload: Payload) -> None:
    captured = capture(store, payload)
    record = meeting_record(store, captured.meeting_id)
    visible = clean(payload.text)
    for style in QUESTION_STYLES:
        html = render(record, "html", questions=style)
        markdown = render(record, "md", questions=style)
        assert html_problems(html) == [], style
        assert markdown_problems(markdown) == [], style
        _check_text_file(html)
        _check_text_file(markdown)
        if visible:  # the item's heading shows its title exactly
            assert f"1. {visible}" in parse_html(html).plain
            assert f"1. {visible}" in markdown_plain(markdown)
    word = docx.Document(io.BytesIO(render(record, "docx")))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    _check_text_file("\n".join(p.text for p in word.paragraphs))
    if visible:  # the committee heading, then the item's (a name too long was refused)
        committee = record.meeting.committee
        assert headings[:2] == [committee, f"1. {visible}"]
        assert len(visible) > MAX_NAME_CHARS or committee == visible


@pytest.mark.parametrize("payload", PAYLOADS, ids=ids)
def test_the_action_sheet_makes_nothing_that_runs_fetches_or_links(
    store: Store, payload: Payload
) -> None:
    captured = capture(store, payload)
    sheet = ActionSheet(store)
    rows, counts = sheet.rows(), sheet.counts()
    # No caller passes typed text as the title yet; if one does, it is cleaned.
    title = clean(payload.text) or "Action sheet"
    files = {fmt: render_sheet(rows, counts, fmt, title=title) for fmt in SHEET_FORMATS}
    for text in files.values():
        _check_text_file(text)
    assert html_problems(files["html"]) == []
    assert markdown_problems(files["md"]) == []
    assert csv_problems(files["csv"]) == []

    owner = sheet.row(captured.action_id).owner
    if isinstance(captured.outcomes["new owner"], Outcome):
        assert owner != OWNER
        assert owner in parse_html(files["html"]).plain
        assert owner in markdown_plain(files["md"])
        cells = {cell for row in csv_rows(files["csv"])[1:] for cell in row}
        assert ("'" + owner if owner.startswith(FORMULA_START) else owner) in cells


@pytest.mark.parametrize("payload_id", ["csv-hyperlink", "csv-at-sum", "csv-plus-cmd", "csv-minus"])
def test_formulas_are_kept_as_text_in_every_typed_cell(store: Store, payload_id: str) -> None:
    text = BY_ID[payload_id].text
    capture(store, BY_ID[payload_id])
    sheet = ActionSheet(store)
    data = csv_rows(render_sheet(sheet.rows(), sheet.counts(), "csv"))
    header, rows = data[0], data[1:]
    typed = [
        row[header.index(column)]
        for row in rows
        for column in ("committee", "action", "owner", "latest update")
    ]
    # The committee of both actions, one's description and the other's update.
    assert typed.count(f"'{text}") >= 4, typed
    assert not [cell for cell in typed if cell.startswith(FORMULA_START)]


# --- file names ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["../../etc/passwd", "..\\..\\x", "/etc/passwd", "..", "CON"])
def test_a_hostile_name_never_writes_outside_the_target_folder(
    store: Store, tmp_path: Path, name: str
) -> None:
    folder = tmp_path / "exports" / "inner"
    folder.mkdir(parents=True)
    meeting_id = create_meeting(store, name, START, title=name, agenda=[NewItem(name)])
    with contextlib.suppress(*CLERK_ERRORS):  # an owner, if it reads as a name
        Recorder(store, meeting_id).apply(f"! {name}: x")
    record = meeting_record(store, meeting_id)
    written = [write_export(record, fmt, folder) for fmt in ("md", "html", "docx")]
    sheet = ActionSheet(store)
    written += [
        write_sheet(sheet.rows(), sheet.counts(), fmt, folder, title=name)
        for fmt in ("md", "csv", "html")
    ]
    for path in written:
        assert path.parent == folder
        assert path.resolve().parent == folder.resolve()
        assert re.fullmatch(r"[a-z0-9-]+\.(md|html|docx|csv)", path.name), path.name
    outside = tmp_path / "exports"
    assert {p.name for p in outside.rglob("*") if p.is_file()} == {p.name for p in written}


# --- the TUI ---------------------------------------------------------------------------

#: Typed key by key (printable, and slow: about 40 ms a key), then pasted.
TYPED = ("markup-click", "markup-stray-close")
PASTED = (
    "markup-link",
    "html-script",
    "csi-clear-screen",
    "osc52-clipboard",
    "osc8-hyperlink",
    "bidi-rlo",
    "nul",
    "lone-high-surrogate",
    "rtl-arabic",
    "rtl-mixed",
    "emoji-zwj",
    "combining",
    "long-word",
)


async def test_payloads_show_literally_in_a_running_app(store: Store) -> None:
    meeting_id = create_meeting(
        store, "Audit Board", START, agenda=[NewItem("[@click=app.quit]Budget[/]")]
    )
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        bar = capture_input(pilot)
        for payload_id in TYPED + PASTED:
            text = BY_ID[payload_id].text
            if payload_id in TYPED:
                await type_line(pilot, text)
            else:
                bar.post_message(events.Paste(text))
                await pilot.pause()
                await pilot.press("enter")
                await pilot.pause()
            entry = store.meeting_entries(meeting_id)[-1]
            assert said(entry.speaker, entry.text) == clean(text), payload_id
            assert said(entry.speaker, entry.text) in shown(pilot, MinutePane), payload_id
            assert not FORBIDDEN.search(shown(pilot, MinutePane).replace("\n", " "))
            assert app.is_running and isinstance(app.screen, MeetingScreen), payload_id

        # Clicking the words that look like an action link does nothing but
        # select the row (which opens it for editing); Esc closes it.
        minute = app.screen.query_one(MinutePane)
        await pilot.click(minute, offset=(20, 0))
        await pilot.pause()
        await pilot.press("escape", "escape")
        assert app.is_running and isinstance(app.screen, MeetingScreen)

        # Nothing visible, or far too much: refused, kept in the bar, no entry.
        before = len(store.meeting_entries(meeting_id))
        for payload_id in ("escape-only", "huge-paste"):
            bar.post_message(events.Paste(BY_ID[payload_id].text))
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert "Refused" in outcome(pilot), payload_id
            assert not FORBIDDEN.search(outcome(pilot))
            if payload_id == "escape-only":  # a paste drops escapes: nothing was pasted
                assert bar.value == "", payload_id
            else:  # refused, and the words stay in the bar to be fixed
                assert bar.value.strip(), payload_id
            bar.value = ""
        assert len(store.meeting_entries(meeting_id)) == before
        assert app.is_running
