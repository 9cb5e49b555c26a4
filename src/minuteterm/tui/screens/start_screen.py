"""The first screen: meetings newest first; open one or create one."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from ...dates import format_clock, format_short_date, to_local
from ...store import Store


class StartScreen(Screen[None]):
    """Lists every meeting; Enter opens the highlighted one."""

    DEFAULT_CSS = """
    StartScreen {
        #start-title { height: 1; padding: 0 1; background: $panel; text-style: bold; }
        #start-hint { height: 1; padding: 0 1; color: $text-muted; }
        DataTable { height: 1fr; }
    }
    """

    BINDINGS = [
        Binding("n", "new_meeting", "New meeting", id="start.new"),
        Binding("enter", "open_meeting", "Open", show=False, id="start.open"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        yield Static(Content("MinuteTerm — meetings"), id="start-title")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="meetings")
        yield Static(
            Content("Enter opens the highlighted meeting · N creates one · F1 keys"),
            id="start-hint",
        )
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Date", "Time", "Meeting", "Venue", "Status", "Entries")
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Re-read the list of meetings from the database."""
        table = self.query_one(DataTable)
        table.clear()
        counts = self.store.entry_counts()
        for meeting in self.store.meetings():
            table.add_row(
                Text(format_short_date(to_local(meeting.starts_at))),
                Text(format_clock(meeting.starts_at)),
                Text(meeting.title),
                Text(meeting.venue),
                Text(meeting.status.value),
                Text(str(counts.get(meeting.id, 0)), justify="right"),
                key=str(meeting.id),
            )
        table.focus()

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
            self.app.open_meeting(int(key.value))  # type: ignore[attr-defined]

    def action_new_meeting(self) -> None:
        """Create a meeting, then open it."""
        from .new_meeting_screen import NewMeetingScreen

        def created(meeting_id: int | None) -> None:
            if meeting_id is not None:
                self.app.open_meeting(meeting_id)  # type: ignore[attr-defined]

        self.app.push_screen(NewMeetingScreen(self.store), created)
