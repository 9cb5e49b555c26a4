"""The capture bar: one line the clerk types into, saved on Enter.

It shows the kind a line without a prefix will be, suggests speaker names
from the meeting's people (Tab or → accepts), and says what happened to the
last line. A refused line stays in the bar with the reason beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.suggester import Suggester
from textual.widgets import Input, Static

from minuteterm.model import EntryKind
from minuteterm.tui.entry_text import KIND_LABEL, KIND_LOOK
from minuteterm.tui.widgets.line_input import LineInput

PREFIXES = "?>!=\\"
#: The most lines the outcome of a line may take (``max-height`` below).
OUTCOME_LINES = 3


class SpeakerSuggester(Suggester):
    """Completes a speaker's name typed at the start of a line."""

    def __init__(self, names: Callable[[], list[str]]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._names = names

    async def get_suggestion(self, value: str) -> str | None:
        """The line with the first matching name completed, plus ": "."""
        body = value.lstrip(PREFIXES).lstrip()
        if not body or ":" in body or value.startswith("/"):
            return None
        folded = body.casefold()
        for name in self._names():
            if name.casefold().startswith(folded) and len(name) > len(body):
                return value + name[len(body) :] + ": "
        return None


class CaptureInput(LineInput):
    """The capture line; Tab takes a suggestion before it moves focus.

    Enter empties the bar and hands the line straight to ``on_enter``, which
    saves it before Enter's handling returns. Keys typed meanwhile wait in
    the app's queue, so they start the next line instead of joining this
    one; and the cleared bar, the saved line and the outcome reach the
    screen in one frame (a message hop in between would cost a frame).
    """

    BINDINGS = [
        Binding("tab", "accept_or_next", "Accept name", show=False, id="capture.accept"),
    ]

    def __init__(self, on_enter: Callable[[str], None], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._submit_line = on_enter

    async def action_submit(self) -> None:
        """Take the line out of the bar and hand it on to be saved."""
        line = self.value
        with self.prevent(Input.Changed):  # nothing listens; it would bubble up the screen
            self.value = ""
        self._submit_line(line)

    def action_accept_or_next(self) -> None:
        """Accept the suggested name, or move to the next pane."""
        if self._suggestion and self.cursor_at_end:
            self.value = self._suggestion
            self.cursor_position = len(self.value)
        else:
            self.screen.focus_next()


class CaptureBar(Vertical):
    """Kind label, the line being typed, and the last outcome."""

    DEFAULT_CSS = """
    CaptureBar {
        height: auto;
        #capture-row { height: 3; }
        #kind { width: 14; height: 3; content-align: center middle; text-style: bold; }
        CaptureInput { width: 1fr; }
        #outcome { height: auto; max-height: 3; padding: 0 1; color: $text-muted; }
        #outcome.-refused { color: $text-error; text-style: bold; }
    }
    """

    BINDINGS = [
        Binding("f2", "kind('note')", "Note", id="capture.note"),
        Binding("f3", "kind('question')", "Question", id="capture.question"),
        Binding("f4", "kind('response')", "Response", id="capture.response"),
        Binding("f5", "kind('action')", "Action", id="capture.action"),
        Binding("f6", "kind('resolution')", "Resolution", id="capture.resolution"),
    ]

    def __init__(self, on_line: Callable[[str, EntryKind], None], **kwargs: Any) -> None:
        """``on_line(line, kind)`` saves a line when Enter is pressed; ``kind``
        is what a line without a prefix becomes."""
        super().__init__(**kwargs)
        self._names: list[str] = []
        self._on_line = on_line
        self.kind = EntryKind.NOTE

    def compose(self) -> ComposeResult:
        with Horizontal(id="capture-row"):
            yield Static(id="kind")
            yield CaptureInput(
                lambda line: self._on_line(line, self.kind),
                placeholder="Type what happens; Enter saves. ? question  > response  "
                "! action  = resolution  /item N",
                suggester=SpeakerSuggester(lambda: self._names),
                id="capture",
                select_on_focus=False,
            )
        yield Static(id="outcome")

    def on_mount(self) -> None:
        self._show_kind()

    def set_names(self, names: list[str]) -> None:
        """The speaker names to suggest, most used first (read once per change,
        not once per keystroke)."""
        self._names = names

    @property
    def names(self) -> list[str]:
        """The speaker names it suggests."""
        return self._names

    @property
    def input(self) -> CaptureInput:
        """The line being typed."""
        return self.query_one(CaptureInput)

    def action_kind(self, kind: str) -> None:
        """Lines without a prefix become ``kind``."""
        self.kind = EntryKind(kind)
        self._show_kind()
        self.input.focus()

    def _show_kind(self) -> None:
        _tag, style = KIND_LOOK[self.kind]
        label = Content.assemble((KIND_LABEL[self.kind], style))
        self.query_one("#kind", Static).update(label, layout=False)  # a fixed size

    def say(self, message: str, *, refused: bool = False) -> None:
        """Show the outcome of the last line (plain text, never markup)."""
        outcome = self.query_one("#outcome", Static)
        words = Content(("Refused: " if refused else "") + message)
        outcome.set_class(refused, "-refused")
        if words.plain == self.outcome_text:
            return  # the same words: nothing to repaint
        outcome.update(words, layout=self._height_changes(outcome, words))

    @staticmethod
    def _height_changes(outcome: Static, words: Content) -> bool:
        """Whether ``words`` take another number of lines than the outcome
        line has now: only then is the screen laid out again (a layout on
        every saved line costs the clerk a frame)."""
        width = outcome.content_region.width
        if not width:
            return True
        # RenderStyles reads rules as Content expects; Textual types it narrower.
        lines = min(words.get_height(outcome.styles, width), OUTCOME_LINES)  # type: ignore[arg-type]
        return lines != outcome.content_region.height

    @property
    def outcome_text(self) -> str:
        """What the outcome line says."""
        return str(self.query_one("#outcome", Static).render())

    def give_back(self, line: str) -> None:
        """Put a refused line back in the bar, ahead of anything typed since."""
        capture = self.input
        typed_since = capture.value
        capture.value = line + typed_since
        capture.cursor_position = len(line)
