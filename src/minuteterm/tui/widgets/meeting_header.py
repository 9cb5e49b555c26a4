"""The meeting screen's header: committee, date, elapsed clock, members
present against the quorum (a warning when below it), status."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from minuteterm import clock
from minuteterm.dates import (
    format_clock,
    format_elapsed,
    format_short_date,
    zone_named_if_elsewhere,
)
from minuteterm.formal.people import Quorum
from minuteterm.model import Meeting, MeetingStatus

STATUS_STYLE: dict[MeetingStatus, str] = {
    MeetingStatus.DRAFT: "bold $text-muted",
    MeetingStatus.LIVE: "bold $text-error",
    MeetingStatus.CLOSED: "bold $text-success",
    MeetingStatus.APPROVED: "bold $text-primary",
}


class MeetingHeader(Widget):
    """One line that says which meeting this is and how long it has run,
    fitted to its width whenever it is drawn (so the first frame, drawn
    before the header has heard its size, is already the right line)."""

    DEFAULT_CSS = """
    MeetingHeader {
        height: 1;
        background: $panel;
        padding: 0 1;
    }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._meeting: Meeting | None = None
        self._quorum: Quorum | None = None
        #: The pieces the line is made of (fitted to the width when drawn).
        self._pieces_now: list[tuple[int, Content]] = []

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
        """``elapsed 0:12``, in words and plain characters: a clock emoji
        (U+23F1) is one cell to Textual but two to tmux and many terminals,
        which shifted the rest of the line and left letters of the old
        status behind it ("LIVE   FT")."""
        if meeting.opened_at is None:
            return "not started"
        until = meeting.ended_at or clock.now()
        return f"elapsed {format_elapsed((until - meeting.opened_at).total_seconds())}"

    def _pieces(self, meeting: Meeting) -> list[tuple[int, Content]]:
        """The header's pieces in reading order, each with the order in which
        it gives way when the line is too narrow (highest number first)."""
        start = meeting.starts_at
        when = f"{format_short_date(start)} {format_clock(start)}"
        if elsewhere := _elsewhere(meeting):
            when += f" {elsewhere}"  # the clerk's machine is elsewhere: say where
        present, look = self._present()
        pieces = [
            (GIVES_WAY["title"], Content.assemble((meeting.title, "bold"))),
            (GIVES_WAY["when"], Content(when)),
            (GIVES_WAY["venue"], Content(meeting.venue)),
            (GIVES_WAY["elapsed"], Content(self._elapsed(meeting))),
            (GIVES_WAY["quorum"], Content.assemble((present, look))),
            (
                GIVES_WAY["status"],
                Content.assemble(
                    (f" {meeting.status.value.upper()} ", STATUS_STYLE[meeting.status])
                ),
            ),
        ]
        return [(rank, piece) for rank, piece in pieces if piece.plain]

    def _tick(self) -> None:
        """Draw the line again if its words changed (every second: the
        elapsed time; after every change: the rest)."""
        meeting = self._meeting
        if meeting is None:
            return
        pieces = self._pieces(meeting)
        if pieces != self._pieces_now:  # Content compares its words: repaint only those
            self._pieces_now = pieces
            self.refresh()  # one line, always: no layout needed

    def render(self) -> Content:
        meeting = self._meeting
        if meeting is None:
            return Content("")
        pieces = self._pieces_now
        width = self.size.width or 10_000
        line = fit_line(pieces, width)
        elsewhere = _elsewhere(meeting)
        if elsewhere and elsewhere not in line.plain:
            # the date gave way: still say whose clock the times on screen are
            zone = (GIVES_WAY["zone"], Content(f"times {elsewhere}"))
            line = fit_line([pieces[0], zone, *pieces[2:]], width)  # in place of the date
        return line


def _elsewhere(meeting: Meeting) -> str:
    """The meeting's zone (``GMT``) when the machine is elsewhere; else ''."""
    return zone_named_if_elsewhere(meeting.starts_at)


#: Which piece gives way first when the header is too narrow: the venue,
#: then the elapsed time, then the date; the title is shortened before the
#: quorum (and BELOW QUORUM) or the meeting's status would be lost. When the
#: date gives way on a machine in another zone, "times GMT" takes its place,
#: and goes after the title.
GIVES_WAY = {"venue": 5, "elapsed": 4, "when": 3, "title": 2, "zone": 2, "quorum": 1, "status": 0}
SEPARATOR = Content("  ·  ")
SHORTEST_TITLE = 12


def fit_line(pieces: list[tuple[int, Content]], width: int) -> Content:
    """``pieces`` joined by separators in ``width`` cells: the pieces that
    give way first are left out until the rest fits; the title (rank 2) is
    shortened with an ellipsis before anything ranked below it goes."""
    kept = list(pieces)

    def length() -> int:
        return sum(piece.cell_length for _rank, piece in kept) + SEPARATOR.cell_length * (
            len(kept) - 1
        )

    while kept and length() > width:
        worst = max(rank for rank, _piece in kept)
        index = next(i for i, (rank, _piece) in enumerate(kept) if rank == worst)
        rank, piece = kept[index]
        if rank == GIVES_WAY["title"]:
            room = piece.cell_length - (length() - width)
            if room >= SHORTEST_TITLE:
                kept[index] = (rank, piece.truncate(room - 1) + Content("…"))
                continue
        del kept[index]
    # Not SEPARATOR.join: Textual's Content.join starts its cell count from the
    # separator's own when that is known, so the line claimed five cells more
    # than it has, was not filled to the width, and a terminal kept the last
    # letters of an earlier header at the end of the row ("CLOSED     re").
    joined: list[Content] = []
    for _rank, piece in kept:
        joined += [SEPARATOR, piece] if joined else [piece]
    return Content.assemble(*joined)
