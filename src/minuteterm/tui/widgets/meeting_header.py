"""The meeting screen's header: committee, date, elapsed clock, members
present against the quorum (a warning when below it), status."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from minuteterm import clock
from minuteterm.dates import format_clock, format_elapsed, format_short_date, to_local
from minuteterm.formal.people import Quorum
from minuteterm.model import Meeting, MeetingStatus

STATUS_STYLE: dict[MeetingStatus, str] = {
    MeetingStatus.DRAFT: "bold $text-muted",
    MeetingStatus.LIVE: "bold $text-error",
    MeetingStatus.CLOSED: "bold $text-success",
    MeetingStatus.APPROVED: "bold $text-primary",
}


class MeetingHeader(Static):
    """One line that says which meeting this is and how long it has run."""

    DEFAULT_CSS = """
    MeetingHeader {
        height: 1;
        background: $panel;
        padding: 0 1;
    }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self._meeting: Meeting | None = None
        self._quorum: Quorum | None = None
        self._shown = ""

    def compose(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.set_interval(1, self._tick)

    def show(self, meeting: Meeting, quorum: Quorum | None = None) -> None:
        """Show ``meeting`` and who is present (called after every change,
        from the database)."""
        self._meeting = meeting
        self._quorum = quorum
        self._tick()

    def _present(self) -> tuple[str, str]:
        """``5 present · quorum 3``, or a warning when below the quorum."""
        state = self._quorum
        if state is None or (state.present == 0 and state.quorum is None):
            return ("", "")
        if state.quorum is None:
            return (f"{state.present} present", "")
        if state.met:
            return (f"{state.present} present · quorum {state.quorum}", "")
        return (f" BELOW QUORUM: {state.present} of {state.quorum} ", "bold $text-warning reverse")

    def _elapsed(self, meeting: Meeting) -> str:
        if meeting.opened_at is None:
            return "not started"
        until = meeting.ended_at or clock.now()
        return format_elapsed((until - meeting.opened_at).total_seconds())

    def _tick(self) -> None:
        meeting = self._meeting
        if meeting is None:
            return
        when = f"{format_short_date(to_local(meeting.starts_at))} {format_clock(meeting.starts_at)}"
        present = self._present()
        line = Content.assemble(
            (meeting.title, "bold"),
            "  ·  ",
            when,
            "  ·  ",
            (f"⏱ {self._elapsed(meeting)}", ""),
            "  ·  ",
            *((present, "  ·  ") if present[0] else ()),
            (f" {meeting.status.value.upper()} ", STATUS_STYLE[meeting.status]),
        )
        if line.plain != self._shown:  # repaint only what changed
            self._shown = line.plain
            self.update(line, layout=False)  # one line, always: no layout needed
