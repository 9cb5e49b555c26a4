"""A pane of entries the clerk can select, edit in place, re-kind or delete.

The pane renders what the screen reads from the database and keeps no copy
of the meeting; every key here posts a message the meeting screen acts on.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from .line_input import LineInput


@dataclass(frozen=True)
class Line:
    """One row of a pane: the entry it stands for (if any) and how it looks."""

    content: Content
    entry_id: int | None = None


class EntryPane(Vertical):
    """A titled list of entries with an editor that opens in place."""

    DEFAULT_CSS = """
    EntryPane {
        border: round $primary 50%;
        border-title-color: $text;
        height: 1fr;
        &:focus-within { border: round $accent; }
        OptionList { border: none; height: 1fr; padding: 0; background: transparent; }
        .editor { display: none; border: tall $accent; }
        &.-editing .editor { display: block; }
    }
    """

    BINDINGS = [
        Binding("e", "edit", "Edit", id="entry.edit"),
        Binding("k", "change_kind", "Kind", id="entry.kind"),
        Binding("d,delete", "delete", "Delete", id="entry.delete"),
        Binding("u", "undo", "Undo delete", id="entry.undo"),
        Binding("a", "attach", "Attach", id="entry.attach"),
        Binding("h", "history", "History", id="entry.history"),
        Binding("escape", "cancel_edit", "Cancel edit", show=False, id="entry.cancel"),
    ]

    TITLE = "Entries"
    EMPTY = "Nothing yet."

    @dataclass
    class EditRequested(Message):
        """The clerk asked to edit an entry."""

        pane: EntryPane
        entry_id: int

    @dataclass
    class EditSubmitted(Message):
        """The clerk pressed Enter in the in-place editor."""

        pane: EntryPane
        entry_id: int
        line: str

    @dataclass
    class KindChangeRequested(Message):
        """The clerk asked to change an entry's kind."""

        entry_id: int

    @dataclass
    class DeleteRequested(Message):
        """The clerk asked to delete an entry."""

        entry_id: int

    @dataclass
    class UndoRequested(Message):
        """The clerk asked to bring back the last deleted entry."""

    @dataclass
    class AttachRequested(Message):
        """The clerk asked to attach a response to another question."""

        entry_id: int

    @dataclass
    class HistoryRequested(Message):
        """The clerk asked to see every earlier version of an entry."""

        entry_id: int

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._editing: int | None = None

    def compose(self) -> ComposeResult:
        yield OptionList(classes="entries")
        yield LineInput(classes="editor", select_on_focus=False)

    def on_mount(self) -> None:
        self.border_title = self.TITLE

    @property
    def option_list(self) -> OptionList:
        """The list of entries."""
        return self.query_one(OptionList)

    @property
    def selected_entry(self) -> int | None:
        """The id of the highlighted entry, if it is one."""
        option = self.option_list.highlighted_option
        if option is None or not option.id:
            return None
        return int(option.id.removeprefix("e"))

    def show(self, lines: list[Line]) -> None:
        """Render rows (from the database), keeping the selection if it stays."""
        options = self.option_list
        keep = self.selected_entry
        if not lines:
            options.set_options([Option(Content(self.EMPTY), disabled=True)])
            return
        options.set_options(
            Option(line.content, id=None if line.entry_id is None else f"e{line.entry_id}")
            for line in lines
        )
        ids = [line.entry_id for line in lines]
        if keep in ids:
            options.highlighted = ids.index(keep)
        elif not options.has_focus:
            options.highlighted = len(lines) - 1
            options.scroll_end(animate=False)

    def plain_lines(self) -> list[str]:
        """What the pane shows, as plain text (for tests and screen readers)."""
        return [str(option.prompt) for option in self.option_list.options]

    # --- editing in place ---------------------------------------------------

    def open_editor(self, entry_id: int, line: str) -> None:
        """Show the editor under the list with the entry as a capture line."""
        self._editing = entry_id
        editor = self.query_one(".editor", Input)
        editor.value = line
        editor.cursor_position = len(line)
        self.add_class("-editing")
        editor.focus()

    def close_editor(self) -> None:
        """Hide the editor and give focus back to the list."""
        self._editing = None
        self.remove_class("-editing")
        self.option_list.focus()

    @property
    def editing(self) -> bool:
        """Whether the in-place editor is open."""
        return self._editing is not None

    @on(Input.Submitted, ".editor")
    def _editor_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._editing is not None:
            self.post_message(self.EditSubmitted(self, self._editing, event.value))

    def action_cancel_edit(self) -> None:
        """Esc in the editor cancels the edit; elsewhere Esc is the screen's."""
        self.close_editor()

    # --- keys -------------------------------------------------------------

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    def action_edit(self) -> None:
        """Edit the selected entry."""
        if (entry := self.selected_entry) is not None:
            self.post_message(self.EditRequested(self, entry))

    def action_change_kind(self) -> None:
        """Change the selected entry's kind."""
        if (entry := self.selected_entry) is not None:
            self.post_message(self.KindChangeRequested(entry))

    def action_delete(self) -> None:
        """Delete the selected entry."""
        if (entry := self.selected_entry) is not None:
            self.post_message(self.DeleteRequested(entry))

    def action_undo(self) -> None:
        """Bring back the entry deleted last."""
        self.post_message(self.UndoRequested())

    def action_attach(self) -> None:
        """Attach the selected response to another question."""
        if (entry := self.selected_entry) is not None:
            self.post_message(self.AttachRequested(entry))

    def action_history(self) -> None:
        """Show the selected entry's earlier versions."""
        if (entry := self.selected_entry) is not None:
            self.post_message(self.HistoryRequested(entry))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Entry keys do nothing while the editor is open (they are typing)."""
        if action == "cancel_edit":
            return self.editing
        return not (
            self.editing
            and action in {"edit", "change_kind", "delete", "undo", "attach", "history"}
        )


class MinutePane(EntryPane):
    """The current item's running minute: every entry in order."""

    TITLE = "Minute"
    EMPTY = "No entries for this item yet: type below and press Enter."


class QuestionsPane(EntryPane):
    """Member questions of the current item, each with its responses."""

    TITLE = "Questions & responses"
    EMPTY = "No questions yet (start a line with ?)."


class ActionsPane(EntryPane):
    """Every action of the meeting, with owner and due date."""

    TITLE = "Actions"
    EMPTY = "No actions yet (start a line with !)."


class ResolutionsPane(EntryPane):
    """Every resolution of the meeting."""

    TITLE = "Resolutions"
    EMPTY = "No resolutions yet (start a line with =)."
