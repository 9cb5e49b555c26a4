"""A subject's history, from an agenda item (H): every earlier item on
the same subject across committees, oldest first, with what was resolved
and where each action stands today. X writes it as Markdown and HTML."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from minuteterm.export.errors import ExportError
from minuteterm.export.files import slug, write_atomic
from minuteterm.export.history import render_history, title_of
from minuteterm.search.story import Story
from minuteterm.tui.screens.action_dialogs import DIALOG_CSS


class SubjectHistoryDialog(ModalScreen[None]):
    """The story of an item's subject so far; Esc closes, X exports."""

    DEFAULT_CSS = "SubjectHistoryDialog {" + DIALOG_CSS + "}"
    BINDINGS = [
        Binding("escape,enter,q", "close", "Close", id="subject-history.close"),
        Binding("x", "export", "Export", id="subject-history.export"),
    ]

    def __init__(self, story: Story) -> None:
        super().__init__()
        self.story = story

    def compose(self) -> ComposeResult:
        lines = render_history(self.story, "text").splitlines()
        with VerticalScroll(id="box"):
            yield Static(Content(lines[0]), classes="title")
            yield Static(Content("\n".join(lines[1:])), id="story")
            yield Static(Content("Esc closes · X writes it as Markdown and HTML"), id="keys")

    def action_export(self) -> None:
        """Write the story to the current folder as Markdown and HTML."""
        name = slug(title_of(self.story)) or "history"
        paths = []
        try:
            for fmt in ("md", "html"):
                path = Path.cwd() / f"{name}.{fmt}"
                write_atomic(path, render_history(self.story, fmt))
                paths.append(str(path))
        except (ExportError, OSError) as error:
            self.query_one("#keys", Static).update(Content(f"Could not export: {error}"))
            return
        self.query_one("#keys", Static).update(Content("Written: " + ", ".join(paths)))

    def action_close(self) -> None:
        """Close the history."""
        self.dismiss(None)
