"""Enter pressed -> entry committed -> panes repainted, on the archive.

Run ``.venv/bin/python benchmarks/capture_latency.py [--archive PATH] [--runs N]``.

Opens ``MinuteTermApp`` headless (120x40) on a copy of the archive's live
meeting. For each capture it puts a line in the capture bar, posts the Enter
key event to the app (as the terminal driver does) and times, in the
process, until the end of the compositor refresh whose frame shows the new
line in the running minute: the key is handled, the line parsed and
committed, every pane re-read from the database and the changed parts of the
screen rendered. Only writing the frame to a terminal is left out (the
headless driver drops it). It also reports when the entry was committed,
measured inside the same run. Lines cycle through notes, questions,
responses and resolutions, 25 to an item before ``/next`` moves on (the
running minute of the item being minuted is what is redrawn).
Targets (issue 17): median and p95 each <= 1.25 x the bare app's below, in
the same run (round one's p95 <= 16 ms is missed by the bare app itself on a
2-core machine).

The same harness on a bare Textual app (an Input and an OptionList that
gains a line per Enter) is printed as a reference: the floor set by
Textual's own key handling and refresh.
"""

from __future__ import annotations

import asyncio
import inspect
import statistics
import time
from pathlib import Path

from benchlib import archive_copy, arguments, live_meeting, p95, report, verdict_line
from textual import events

from minuteterm.db.store import open_store
from minuteterm.tui.app import MinuteTermApp
from minuteterm.tui.screens.meeting_screen import MeetingScreen
from minuteterm.tui.widgets.capture_bar import CaptureInput
from minuteterm.tui.widgets.entry_pane import MinutePane

LINES = [
    "{speaker}: the pontoon repairs are running three weeks late, number {n}",
    "? Cllr Jones: when will the revised programme be published ({n})",
    "> Harbour Master: by the end of the month, with costs ({n})",
    "= Resolved that the revised programme be noted ({n})",
]
WARM_UP = 10
#: Lines captured in an item before moving to the next (a 15-item meeting of
#: about 100 entries has 7 an item; a busy item has 25).
PER_ITEM = 25


async def move_on(app: MinuteTermApp, pilot, bar: CaptureInput) -> None:
    """``/next``, or back to item 1 after the last (not timed)."""
    screen = app.screen
    items = screen.store.items(screen.meeting_id)
    current = screen.store.meeting(screen.meeting_id).current_item_id
    last = items[-1].id == current
    bar.value = f"/item {items[0].number}" if last else "/next"
    await pilot.press("enter")
    await pilot.pause()


class Stopwatch:
    """Waits for the first frame in which ``shown()`` is true."""

    def __init__(self) -> None:
        self.started = 0.0
        self.committed = 0.0
        self.done: asyncio.Future[float] | None = None
        self.shown = lambda: False

    def start(self, shown) -> asyncio.Future[float]:
        self.shown = shown
        self.done = asyncio.get_running_loop().create_future()
        self.started = time.perf_counter()
        return self.done

    def frame(self) -> None:
        if self.done is not None and not self.done.done() and self.shown():
            self.done.set_result(time.perf_counter())


def known_member(store, meeting_id: int) -> str:
    """A councillor the meeting knows, to speak in the notes (a speaker the
    committee does not know is refused, and the line not saved)."""
    names = [name for name in store.people_names(meeting_id) if name.startswith("Cllr ")]
    if not names:
        raise SystemExit(f"meeting {meeting_id} knows no councillor to speak")
    return names[0]


def timed_app(store, meeting_id: int, watch: Stopwatch) -> MinuteTermApp:
    """The real app, with its meeting screen reporting each finished frame."""

    class TimedMeetingScreen(MeetingScreen):
        CSS_PATH = Path(inspect.getfile(MeetingScreen)).with_name("meeting_screen.tcss")

        def _compositor_refresh(self) -> None:
            super()._compositor_refresh()
            watch.frame()

    class TimedApp(MinuteTermApp):
        def open_meeting(self, meeting_id: int) -> None:
            self.push_screen(TimedMeetingScreen(self.store, meeting_id))

    original = store.add_entry

    def add_entry(*args, **kwargs):
        entry_id = original(*args, **kwargs)
        watch.committed = time.perf_counter()
        return entry_id

    store.add_entry = add_entry
    return TimedApp(store, meeting_id=meeting_id)


async def measure(path, runs: int) -> tuple[list[float], list[float]]:
    store = open_store(path)
    watch = Stopwatch()
    app = timed_app(store, live_meeting(store), watch)
    totals: list[float] = []
    commits: list[float] = []
    speaker = known_member(store, live_meeting(store))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(CaptureInput)
        minute = app.screen.query_one(MinutePane)
        for n in range(runs + WARM_UP):
            if n and n % PER_ITEM == 0:  # on to the next item, as a meeting goes
                await move_on(app, pilot, bar)
            bar.value = LINES[n % len(LINES)].format(n=n, speaker=speaker)
            await pilot.pause()  # the line as typed is on screen; now Enter
            marker = f"({n})" if n % len(LINES) else f"number {n}"
            done = watch.start(lambda marker=marker: marker in str(minute.options[-1].prompt))
            app.post_message(events.Key("enter", None))
            finished = await asyncio.wait_for(done, timeout=10)
            if n >= WARM_UP:
                totals.append(1000 * (finished - watch.started))
                commits.append(1000 * (watch.committed - watch.started))
            await pilot.pause()  # let timers and the draft save run between lines
    (row,) = store.query("select count(*) as n from entries where text like '%(19)%'")
    if row["n"] == 0:
        raise SystemExit("the captured lines were not saved")
    store.close()
    return totals, commits


async def measure_bare(runs: int) -> list[float]:
    """The same harness on a bare Textual app."""
    from textual.app import App, ComposeResult
    from textual.screen import Screen
    from textual.widgets import Input, OptionList

    watch = Stopwatch()

    class BareScreen(Screen[None]):
        def compose(self) -> ComposeResult:
            yield OptionList()
            yield Input()

        def on_input_submitted(self, event: Input.Submitted) -> None:
            self.query_one(OptionList).add_option(event.value)
            event.input.value = ""

        def _compositor_refresh(self) -> None:
            super()._compositor_refresh()
            watch.frame()

    class Bare(App[None]):
        def on_mount(self) -> None:
            self.push_screen(BareScreen())

    app = Bare()
    samples: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        field = app.screen.query_one(Input)
        field.focus()
        listing = app.screen.query_one(OptionList)
        for n in range(runs + WARM_UP):
            line = LINES[n % len(LINES)].format(n=n, speaker="Cllr Smith")
            field.value = line
            await pilot.pause()
            done = watch.start(
                lambda line=line: listing.option_count and listing.options[-1].prompt == line
            )
            app.post_message(events.Key("enter", None))
            finished = await asyncio.wait_for(done, timeout=10)
            if n >= WARM_UP:
                samples.append(1000 * (finished - watch.started))
            await pilot.pause()
    return samples


def main() -> None:
    args = arguments(__doc__.splitlines()[0], runs=500)
    bare = asyncio.run(measure_bare(args.runs))
    report("capture: bare Textual app, same harness", bare, None, figure="p95")
    with archive_copy(args.archive) as path:
        totals, commits = asyncio.run(measure(path, args.runs))
    report("capture: Enter -> committed (inside the run)", commits, None, figure="p95")
    # Round one's target was p95 <= 16 ms; the bare app itself misses that on
    # a 2-core machine, so issue 17 set capture against the bare app instead.
    report("capture: Enter -> committed -> repainted", totals, None, figure="p95")
    verdict_line(
        "capture ratio median / bare median",
        statistics.median(totals) / statistics.median(bare),
        1.25,
        "x",
    )
    verdict_line("capture ratio p95 / bare p95", p95(totals) / p95(bare), 1.25, "x")


if __name__ == "__main__":
    main()
