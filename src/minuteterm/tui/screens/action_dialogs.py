"""Dialogs for one action: its dated history, and an update to it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, RadioButton, RadioSet, Static

from minuteterm.actions.sheet import ActionSheet
from minuteterm.dates import format_date, in_zone, parse_due, today_in, zone_of
from minuteterm.errors import CLERK_ERRORS
from minuteterm.model import ActionSheetRow, ActionStatus, ActionUpdate
from minuteterm.tui.widgets.line_input import LineInput

DIALOG_CSS = """
    align: center middle;
    #box { width: 90%; max-width: 100; height: auto; max-height: 90%;
           border: thick $accent; background: $surface; padding: 0 1; }
    .title { text-style: bold; }
    .problem { color: $text-error; text-style: bold; height: auto; }
    .keys { color: $text-muted; padding: 1 0 0 0; }
"""

#: The keys of the update dialog, shown in it.
SAVE_KEYS = "Ctrl+S or Enter saves · Tab next field · ← → status · Esc cancels"


def _summary(row: ActionSheetRow) -> str:
    due = format_date(row.due) if row.due else (row.due_text or "no date")
    return (
        f"Action {row.number} ({row.committee}, {row.reference}): {row.description}\n"
        f"Owner: {row.owner} · Due: {due} · Status: {row.status.value}"
    )


def _update_line(update: ActionUpdate, zone: str) -> str:
    """One dated update, its time where the action's meeting happens."""
    when = f"{in_zone(update.at, zone):%d %b %Y %H:%M}"
    changes = [
        f"status {update.status.value}" if update.status else "",
        f"owner {update.owner}" if update.owner else "",
        f"due {format_date(update.due)}" if update.due else "",
        f"due {update.due_text}" if update.due_text and not update.due else "",
    ]
    changed = ", ".join(part for part in changes if part)
    return f"{when}  {changed + ' — ' if changed else ''}{update.note}"


class ActionHistoryDialog(ModalScreen[None]):
    """The action and every update to it, oldest first; Esc closes."""

    DEFAULT_CSS = "ActionHistoryDialog {" + DIALOG_CSS + "}"
    BINDINGS = [Binding("escape,enter,q", "close", "Close", id="history.close")]

    def __init__(self, row: ActionSheetRow, history: list[ActionUpdate]) -> None:
        super().__init__()
        self.row = row
        self.history = history

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="box"):
            yield Static(Content(_summary(self.row)), classes="title")
            yield Label("History (oldest first):")
            zone = zone_of(self.row.meeting_starts_at)
            lines = [_update_line(update, zone) for update in self.history] or ["No updates yet."]
            yield Static(Content("\n".join(lines)), id="history")

    def action_close(self) -> None:
        """Close the history."""
        self.dismiss(None)


class ActionUpdateDialog(ModalScreen[str | None]):
    """Status, owner, due date and a note; Ctrl+S (or Enter) saves."""

    DEFAULT_CSS = (
        "ActionUpdateDialog {"
        + DIALOG_CSS
        + """
    #fields { grid-size: 2; grid-columns: 10 1fr; grid-rows: auto; height: auto; }
    #fields Label { padding: 1 0 0 0; }
    RadioSet { layout: horizontal; height: auto; }
}"""
    )
    AUTO_FOCUS = "#note"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="update.save"),
        Binding("escape", "cancel", "Cancel", id="update.cancel"),
    ]

    def __init__(self, sheet: ActionSheet, row: ActionSheetRow) -> None:
        super().__init__()
        self.sheet = sheet
        self.row = row

    def _due_text(self) -> str:
        if self.row.due_text == "next meeting":
            return "next meeting"
        return f"{self.row.due:%d/%m/%Y}" if self.row.due else ""

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static(Content(_summary(self.row)), classes="title")
            yield Static(classes="problem", id="problem")
            with Grid(id="fields"):
                yield Label("Note")
                yield LineInput(id="note", placeholder="what happened (kept, dated)")
                yield Label("Status")
                with RadioSet(id="status"):
                    for status in ActionStatus:
                        yield RadioButton(
                            status.value, value=status is self.row.status, name=status.value
                        )
                yield Label("Owner")
                yield LineInput(self.row.owner, id="owner")
                yield Label("Due")
                yield LineInput(self._due_text(), id="due", placeholder="e.g. 31/01/2027")
            yield Static(Content(SAVE_KEYS), classes="keys")

    def on_mount(self) -> None:
        """The first field (the note) has the focus: the first key typed
        lands there; the chosen status is named in words."""
        self.query_one("#note", Input).focus()
        self._name_chosen()

    @on(RadioSet.Changed)
    def _name_chosen(self) -> None:
        """Mark the chosen status by a word as well as by colour."""
        for button in self.query(RadioButton):
            label = button.name or ""
            if button.value:
                label += " (chosen)" if button.name != self.row.status.value else " (now)"
            button.label = Content(label)

    def _chosen_status(self) -> ActionStatus | None:
        pressed = self.query_one(RadioSet).pressed_button
        if pressed is None or pressed.name is None or pressed.name == self.row.status.value:
            return None
        return ActionStatus(pressed.name)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        """Record the update (only what changed, plus the note)."""
        owner = self.query_one("#owner", Input).value.strip()
        due_typed = self.query_one("#due", Input).value.strip()
        try:
            due = None
            if due_typed and due_typed != self._due_text():
                due = parse_due(due_typed, today_in(zone_of(self.row.meeting_starts_at)))
            self.sheet.update(
                self.row.action_id,
                note=self.query_one("#note", Input).value,
                status=self._chosen_status(),
                owner=owner if owner != self.row.owner else None,
                due=due.date if due else None,
                due_text=due.text if due else None,
            )
        except CLERK_ERRORS as error:
            self.query_one("#problem", Static).update(Content(str(error)))
            return
        self.dismiss(f"updated action {self.row.number}")

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss(None)
