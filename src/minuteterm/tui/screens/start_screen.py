"""The list of meetings, newest first: find one, open it, or create one.

Ten years of a council's meetings run to thousands, so the list shows the
newest :data:`SHOWN` that match the filter line (words found in the
committee, title, venue, status or date, e.g. ``audit 2026``) and says how
many more there are. It is made only when first shown: ``minuteterm demo``
opens straight on a meeting and never pays for it.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from minuteterm.dates import format_clock, format_short_date
from minuteterm.db.store import Store
from minuteterm.errors import CLERK_ERRORS
from minuteterm.tui.widgets.key_hints import KeyHints
from minuteterm.tui.widgets.line_input import LineInput

#: The most meetings listed at once; the filter finds the others.
SHOWN = 200


LIST_COLUMNS = ("Date", "Time", "Meeting", "Venue", "Status", "Entries")


def list_widths(total: int) -> list[int]:
    """Widths of :data:`LIST_COLUMNS` in ``total`` cells: the meeting takes
    three fifths of what the fixed columns leave, the venue the rest."""
    fixed = [15, 5, 0, 0, 8, 7]
    spare = max(20, total - sum(fixed) - 2 * len(fixed) - 2)
    meeting = spare * 3 // 5
    return [15, 5, meeting, spare - meeting, 8, 7]


class StartScreen(Screen[None]):
    """Lists meetings; Enter opens the highlighted one, / filters."""

    DEFAULT_CSS = """
    StartScreen {
        #start-title { height: 1; padding: 0 1; background: $panel; text-style: bold; }
        #start-filter { margin: 0 1; }
        #start-hint { height: 1; padding: 0 1; color: $text-muted; }
        DataTable { height: 1fr; }
    }
    """

    BINDINGS = [
        Binding("n", "new_meeting", "New meeting", id="start.new"),
        Binding("enter", "open_meeting", "Open", show=False, id="start.open"),
        Binding("slash", "filter", "Filter", id="start.filter"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        yield Static(Content("MinuteTerm — meetings"), id="start-title")
        yield LineInput(
            placeholder="/ to filter: committee, title, venue, status or date (audit 2026-03)",
            id="start-filter",
        )
        yield DataTable(cursor_type="row", zebra_stripes=True, id="meetings")
        yield Static(id="start-hint")
        yield KeyHints()

    def on_mount(self) -> None:
        self._width = 0
        self._set_columns(self.size.width)
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self._set_columns(self.size.width)
            self.reload()

    def _set_columns(self, width: int) -> None:
        """Columns that fit ``width``: Status and Entries always on screen,
        the meeting and the venue sharing what is left (cut, not pushed off)."""
        self._width = width
        table = self.query_one(DataTable)
        table.clear(columns=True)
        for heading, cells in zip(LIST_COLUMNS, list_widths(width), strict=True):
            table.add_column(heading, width=cells)

    def on_screen_resume(self) -> None:
        """Shown (first, or back from a meeting): read the list again."""
        self.reload()

    @property
    def filter_text(self) -> str:
        """What the filter line holds."""
        return self.query_one("#start-filter", Input).value

    def reload(self) -> None:
        """Re-read the matching meetings from the database."""
        table = self.query_one(DataTable)
        try:
            meetings = self.store.meetings(self.filter_text, limit=SHOWN)
            total = self.store.count_meetings(self.filter_text)
            counts = self.store.entry_counts(meeting.id for meeting in meetings)
        except CLERK_ERRORS as error:
            self._hint(f"Cannot read the meetings: {error}")
            return
        table.clear()
        for meeting in meetings:
            table.add_row(
                Text(format_short_date(meeting.starts_at)),
                Text(format_clock(meeting.starts_at)),
                Text(meeting.title),
                Text(meeting.venue),
                Text(meeting.status.value),
                Text(str(counts.get(meeting.id, 0)), justify="right"),
                key=str(meeting.id),
            )
        self._hint(_hint_words(len(meetings), total, bool(self.filter_text.strip())))

    def _hint(self, words: str) -> None:
        self.query_one("#start-hint", Static).update(Content(words))

    @on(Input.Changed, "#start-filter")
    def _filter_changed(self, _event: Input.Changed) -> None:
        self.reload()

    @on(Input.Submitted, "#start-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(DataTable).focus()

    def action_filter(self) -> None:
        """Type in the filter line (Enter goes back to the list)."""
        self.query_one("#start-filter", Input).focus()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.app.open_meeting(int(event.row_key.value))  # type: ignore[attr-defined]

    def action_open_meeting(self) -> None:
        """Open the highlighted meeting."""
        table = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            self.app.open_meeting(int(str(key.value)))  # type: ignore[attr-defined]

    def action_new_meeting(self) -> None:
        """Create a meeting, then open it."""
        from minuteterm.tui.screens.new_meeting_screen import NewMeetingScreen

        def created(meeting_id: int | None) -> None:
            if meeting_id is not None:
                self.app.open_meeting(meeting_id)  # type: ignore[attr-defined]

        self.app.push_screen(NewMeetingScreen(self.store), created)


def _hint_words(shown: int, total: int, filtered: bool) -> str:
    """What the line under the list says about what it holds."""
    keys = "Enter opens the highlighted meeting · N creates one · / filters · F1 keys"
    if total == 0:
        return ("No meeting matches the filter · " if filtered else "No meetings yet · ") + keys
    if shown < total:
        return f"The newest {shown:,} of {total:,} meetings (/ to find others) · " + keys
    return f"{total:,} meeting{'s' if total != 1 else ''} · " + keys
