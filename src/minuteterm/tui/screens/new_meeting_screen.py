"""Create a meeting: committee, date, time, venue and the agenda.

The agenda is typed in (one item per line, or a numbered or bulleted list)
or loaded from a Markdown file; ``(exempt 3)`` marks a Part II item. The date
the clerk typed is shown back, resolved, before anything is saved.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static, TextArea

from minuteterm.dates import (
    DateError,
    format_long_date,
    format_time,
    parse_meeting_start,
    zone_named_if_elsewhere,
    zone_of,
)
from minuteterm.db.store import Store
from minuteterm.errors import CLERK_ERRORS
from minuteterm.formal.agenda import parse_agenda, read_agenda_file
from minuteterm.recording.meetings import create_meeting
from minuteterm.tui.widgets.line_input import LineInput
from minuteterm.tui.widgets.ordered_text_area import OrderedTextArea


class _Form(VerticalScroll, can_focus=False):
    """The form's fields; scrolls on a small terminal, never takes focus."""


class NewMeetingScreen(ModalScreen[int | None]):
    """A form; Ctrl+S creates the meeting and returns its id."""

    DEFAULT_CSS = """
    NewMeetingScreen {
        align: center middle;
        #form { width: 96%; max-width: 100; height: auto; max-height: 96%;
                border: thick $accent; background: $surface; padding: 0 1; }
        #form-title { text-style: bold; }
        #fields { grid-size: 2; grid-columns: 14 1fr; grid-rows: 3; height: auto; }
        #fields Label { padding: 1 0 0 0; }
        #agenda { height: 8; min-height: 4; }
        #resolved { color: $text-success; height: 1; }
        #problem { color: $text-error; text-style: bold; height: auto; }
    }
    """

    AUTO_FOCUS = "#committee"
    BINDINGS = [
        Binding("ctrl+s", "create", "Create", id="new.create"),
        Binding("escape", "cancel", "Cancel", id="new.cancel"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        with _Form(id="form"):
            yield Static(Content("New meeting (Ctrl+S creates, Esc cancels)"), id="form-title")
            yield Static(id="problem")
            with Grid(id="fields"):
                yield Label("Committee")
                yield LineInput(id="committee", placeholder="e.g. Housing Scrutiny Committee")
                yield Label("Date")
                yield LineInput(id="date", placeholder="e.g. 14/12/2026, 14 Dec, in 2 weeks")
                yield Label("Time")
                yield LineInput(id="time", placeholder="e.g. 18:30 (default 6 pm)")
                yield Label("Venue")
                yield LineInput(id="venue", placeholder="e.g. Committee Room 1, Civic Centre")
                yield Label("Agenda file")
                yield LineInput(id="agenda-file", placeholder="optional: path to a Markdown list")
            yield Static(id="resolved")
            yield Label("Agenda (one item per line; (exempt 3): Part II, paragraph 3)")
            yield OrderedTextArea(id="agenda")

    @on(Input.Changed, "#date, #time, #committee")
    def _show_resolved(self) -> None:
        resolved = self.query_one("#resolved", Static)
        date_text = self.query_one("#date", Input).value
        if not date_text.strip():
            resolved.update("")
            return
        try:
            starts = self._starts_at()
        except DateError as error:
            resolved.update(Content(f"? {error}"))
            return
        said = f"→ {format_long_date(starts)} at {format_time(starts)}"
        if zone := zone_named_if_elsewhere(starts):
            said += f" {zone} ({zone_of(starts)})"
        resolved.update(Content(said))

    def _zone(self) -> str:
        """Where the meeting happens: its committee's zone."""
        return self.store.committee_zone(self.query_one("#committee", Input).value)

    def _starts_at(self):  # -> pendulum.DateTime
        """The date and time typed, read as the clock reads where it happens."""
        return parse_meeting_start(
            self.query_one("#date", Input).value,
            self.query_one("#time", Input).value,
            None,
            self._zone(),
        )

    def _agenda(self):  # -> list[NewItem]
        path = self.query_one("#agenda-file", Input).value.strip()
        if path:
            return read_agenda_file(path)
        return parse_agenda(self.query_one("#agenda", TextArea).text)

    def action_create(self) -> None:
        """Validate the form and create the meeting."""
        problem = self.query_one("#problem", Static)
        problem.update("")
        committee = self.query_one("#committee", Input).value
        try:
            if not committee.strip():
                raise DateError("the meeting needs a committee name")
            if not self.query_one("#date", Input).value.strip():
                raise DateError("the meeting needs a date, e.g. 14/12/2026")
            starts = self._starts_at()
            meeting_id = create_meeting(
                self.store,
                committee,
                starts,
                venue=self.query_one("#venue", Input).value,
                agenda=self._agenda(),
            )
        except CLERK_ERRORS as error:
            problem.update(Content(str(error)))
            self.query_one(_Form).scroll_home(animate=False)
            return
        self.dismiss(meeting_id)

    def action_cancel(self) -> None:
        """Close without creating anything."""
        self.dismiss(None)
