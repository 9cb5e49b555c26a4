"""Start an app headless, exit on its first painted screen, print peak RSS.

Used by cold_start.py, which times this whole process (Python start-up
included)::

    python benchmarks/first_paint.py bare
    python benchmarks/first_paint.py app DB MEETING_ID

``bare`` is a Textual App with one Static. ``app`` goes the way the
``minuteterm`` command does (holds the garbage collector as
:mod:`minuteterm.start` does, imports :mod:`minuteterm.launch` as its plain
starts do, opens the store with ``open_store``) and runs
``MinuteTermApp(store, meeting_id=...)``, exiting once the meeting screen
has mounted and been refreshed. Prints two lines: ``painted_ns=N``
(``time.monotonic_ns()`` when the app starts to exit: its first screen is
painted and settled) and ``rss_kb=N`` (``ru_maxrss`` after the first
paint). Both apps do what the ``minuteterm`` command does at exit
(:func:`minuteterm.start.end_without_a_last_collection` for ``app``;
nothing for ``bare``), so the wall clock of the process includes its exit.
"""

from __future__ import annotations

import inspect
import resource
import sys
import time
from pathlib import Path

SIZE = (120, 40)


#: When the app began to exit (its first screen painted and settled).
PAINTED: list[int] = []


def painted_then_exit(app: object) -> None:
    PAINTED.append(time.monotonic_ns())
    app.exit()  # type: ignore[attr-defined]


def peak_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def bare() -> int:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("Hello")

        def on_mount(self) -> None:
            self.call_after_refresh(painted_then_exit, self)

    Bare().run(headless=True, size=SIZE)
    return peak_kb()


def app(db: str, meeting_id: int) -> int:
    from minuteterm.start import defer_imports, end_without_a_last_collection, hold_collector

    # as the `minuteterm` command does: the collector held until the first
    # frame and skipped at exit; what the start never uses loaded on first use
    hold_collector()
    end_without_a_last_collection()
    defer_imports()
    from textual import events, on

    import minuteterm.launch  # noqa: F401  (what `minuteterm open` loads before the app; no click)
    from minuteterm.db.store import open_store
    from minuteterm.tui.app import MinuteTermApp
    from minuteterm.tui.screens.meeting_screen import MeetingScreen

    class FirstPaintMeeting(MeetingScreen):
        CSS_PATH = Path(inspect.getfile(MeetingScreen)).with_name("meeting_screen.tcss")

        @on(events.Mount)
        def _bench_exit_after_paint(self) -> None:
            self.call_after_refresh(painted_then_exit, self.app)

    class FirstPaintApp(MinuteTermApp):
        def open_meeting(self, meeting_id: int) -> None:
            self.push_screen(FirstPaintMeeting(self.store, meeting_id))

    store = open_store(db)
    try:
        FirstPaintApp(store, meeting_id=meeting_id).run(headless=True, size=SIZE)
    finally:
        store.close()
    return peak_kb()


def main() -> None:
    rss = bare() if sys.argv[1] == "bare" else app(sys.argv[2], int(sys.argv[3]))
    print(f"painted_ns={PAINTED[0]}")
    print(f"rss_kb={rss}")


if __name__ == "__main__":
    main()
