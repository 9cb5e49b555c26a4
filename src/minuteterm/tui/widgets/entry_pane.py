"""A pane of entries the clerk can select, edit, re-kind or delete.

The pane renders what the screen reads from the database and keeps no copy
of the meeting: :meth:`EntryPane.show` is given every row, every time. It
compares them with what it shows and touches only the rows that differ, so
a line captured at the end of a long minute costs one new row, not a
re-wrap of all of them. Every key here posts a message the meeting screen
acts on.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from minuteterm.tui.widgets.local_size import local_virtual_size
from minuteterm.tui.widgets.pane_lines import PaneLines


@dataclass(frozen=True)
class Line:
    """One row of a pane: the entry it stands for (if any) and how it looks."""

    content: Content
    entry_id: int | None = None


def _option_id(entry_id: int | None) -> str | None:
    return None if entry_id is None else f"e{entry_id}"


def same_content(one: Content, other: Content) -> bool:
    """Whether two lines look alike: the same words *and* styles (Content's
    own ``==`` compares the words only)."""
    return one.plain == other.plain and list(one.spans) == list(other.spans)


def show_lines(options: PaneLines, lines: list[tuple[Content, str | None]]) -> bool:
    """Make ``options`` show ``lines`` (prompt, option id), changing only
    what differs: new rows at the end are appended, new rows in one place
    inserted there, changed rows replaced in place; anything else (a row
    removed or moved) sets every row again. Returns whether any row changed."""
    old = options.options
    ids = [option.id for option in old]
    new_ids = [line_id for _content, line_id in lines]
    changed = False
    if new_ids[: len(old)] != ids:
        at = _inserted_at(ids, new_ids)
        if at is None:
            options.set_options(Option(content, id=line_id) for content, line_id in lines)
            return True
        added = len(new_ids) - len(ids)
        options.insert_options(
            at, [Option(content, id=line_id) for content, line_id in lines[at : at + added]]
        )
        old = options.options
        changed = True
    for index, (content, _id) in enumerate(lines[: len(old)]):
        prompt = old[index].prompt
        if not (isinstance(prompt, Content) and same_content(prompt, content)):
            options.replace_option_prompt_at_index(index, content)
            changed = True
    if len(lines) > len(old):
        options.add_options(Option(content, id=line_id) for content, line_id in lines[len(old) :])
        changed = True
    return changed


def _inserted_at(old: list[str | None], new: list[str | None]) -> int | None:
    """Where ``new`` is ``old`` with rows inserted in one place (none of
    them, nor any row kept, a row without an id): that place, else ``None``."""
    added = len(new) - len(old)
    if added <= 0 or None in old or None in new:
        return None
    at = 0
    while at < len(old) and old[at] == new[at]:
        at += 1
    return at if new[at + added :] == old[at:] else None


class EntryPane(PaneLines):
    """A titled list of entries; keys on the highlighted entry act on it."""

    virtual_size = local_virtual_size()  # a new line repaints this pane only

    DEFAULT_CSS = """
    EntryPane {
        border: round $primary 50%;
        border-title-color: $text;
        height: 1fr;
        padding: 0;
        background: transparent;
        &:focus { border: round $accent; }
    }
    """

    BINDINGS = [
        Binding("e", "edit", "Edit", id="entry.edit"),
        Binding("k", "change_kind", "Kind", id="entry.kind"),
        Binding("d,delete", "delete", "Delete", id="entry.delete"),
        Binding("u", "undo", "Undo delete", id="entry.undo"),
        Binding("a", "attach", "Attach", id="entry.attach"),
        Binding("h", "history", "History", id="entry.history"),
    ]

    TITLE = "Entries"
    EMPTY = "Nothing yet."

    @dataclass
    class EditRequested(Message):
        """The clerk asked to edit an entry."""

        pane: EntryPane
        entry_id: int

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

    def on_mount(self) -> None:
        self.border_title = self.TITLE

    def on_resize(self) -> None:
        """Wrapped again to a new width, a pane following its newest row has
        more or fewer lines, so its end moved; at a new height alone, its
        end is elsewhere on screen. Follow it either way, or the newest
        entry's last words are cut off."""
        if not self.has_focus and self.option_count:
            if self.wrapped_to_width():
                self.scroll_end(animate=False)
            else:
                self._wrap_again()

    def bring_into_view(self) -> None:
        """A pane following its newest row shows that row's end (the row
        may be taller than the pane); one the clerk is in, the highlight."""
        if not self.has_focus and self.option_count:
            self.scroll_to(y=self.max_scroll_y, animate=False)
        else:
            super().bring_into_view()

    def _rewrap(self) -> None:
        super()._rewrap()
        if not self.has_focus and self.option_count:
            # Following the newest entry: wrapped again, the lines are more,
            # so the end moved; scrolled to before, the newest words were cut.
            self.scroll_end(animate=False)

    @property
    def selected_entry(self) -> int | None:
        """The id of the highlighted entry, if it is one."""
        option = self.highlighted_option
        if option is None or not option.id:
            return None
        return int(option.id.removeprefix("e"))

    def show(self, lines: list[Line]) -> None:
        """Render rows (from the database). While the clerk is in the pane
        the highlighted entry stays highlighted (if it is still there);
        otherwise the pane follows the newest row."""
        if not lines:
            show_lines(self, [(Content(self.EMPTY), None)])
            if not self.options[0].disabled:
                self.disable_option_at_index(0)
            return
        keep = self.selected_entry
        if not show_lines(self, [(line.content, _option_id(line.entry_id)) for line in lines]):
            return
        ids = [line.entry_id for line in lines]
        if self.has_focus and keep in ids:
            self.highlighted = ids.index(keep)
        elif not self.has_focus:
            # following the newest row is not the clerk choosing it: no
            # OptionHighlighted to bubble up the screen on every line saved
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = len(lines) - 1
            if self.scrollable_content_region:
                # to the newest row's end now, in the frame that shows it
                # (scroll_end waits for a refresh: one message more a line,
                # and a row taller than the pane was cut until the next frame)
                self.bring_into_view()
            # else: not placed yet; its first placement brings the end into view
            # the newest row loses its highlight to the next line: have its
            # plain look ready by then (drawn after this frame, not in that one)
            self.call_after_refresh(self.draw_ahead)

    def plain_lines(self) -> list[str]:
        """What the pane shows, as plain text (for tests and screen readers)."""
        return [str(option.prompt) for option in self.options]

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
