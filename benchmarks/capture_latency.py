"""Enter pressed -> entry committed -> panes repainted, on the archive.

Run ``.venv/bin/python benchmarks/capture_latency.py [--archive PATH] [--runs N]``.
Opens ``MinuteTermApp`` on a copy of the archive's live meeting under Pilot
(120x40), and for each capture sets the capture bar's value, presses Enter
and times until ``await pilot.pause()`` returns (the line is saved, every
pane re-read and the screen refreshed). Lines cycle through notes,
questions, responses and resolutions. Target: p95 <= 16 ms.
"""

from __future__ import annotations

import asyncio
import time

from benchlib import archive_copy, arguments, live_meeting, report

from minuteterm.store import open_store
from minuteterm.tui.app import MinuteTermApp
from minuteterm.tui.widgets.capture_bar import CaptureInput

LINES = [
    "Cllr Smith: the pontoon repairs are running three weeks late, number {n}",
    "? Cllr Jones: when will the revised programme be published ({n})",
    "> Harbour Master: by the end of the month, with costs ({n})",
    "= Resolved that the revised programme be noted ({n})",
]


async def measure(path, runs: int) -> list[float]:
    store = open_store(path)
    app = MinuteTermApp(store, meeting_id=live_meeting(store))
    samples: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(CaptureInput)
        for n in range(runs + 10):
            bar.value = LINES[n % len(LINES)].format(n=n)
            started = time.perf_counter()
            await pilot.press("enter")
            await pilot.pause()
            if n >= 10:  # the first few warm caches
                samples.append(1000 * (time.perf_counter() - started))
    (row,) = store.query("select count(*) as n from entries where text like '%(9)%'")
    if row["n"] == 0:
        raise SystemExit("the captured lines were not saved")
    store.close()
    return samples


async def measure_bare(runs: int) -> list[float]:
    """The same keystrokes on a bare Textual app (an Input and an OptionList
    that gains a line per Enter): the floor Pilot and frame pacing set."""
    from textual.app import App, ComposeResult
    from textual.widgets import Input, OptionList

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield OptionList()
            yield Input()

        def on_input_submitted(self, event: Input.Submitted) -> None:
            self.query_one(OptionList).add_option(event.value)
            event.input.value = ""

    app = Bare()
    samples: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        field = app.query_one(Input)
        for n in range(runs + 10):
            field.value = LINES[n % len(LINES)].format(n=n)
            started = time.perf_counter()
            await pilot.press("enter")
            await pilot.pause()
            if n >= 10:
                samples.append(1000 * (time.perf_counter() - started))
    return samples


def main() -> None:
    args = arguments(__doc__.splitlines()[0], runs=500)
    report(
        "capture: same keys on a bare Textual app",
        asyncio.run(measure_bare(args.runs)),
        None,
        figure="p95",
    )
    with archive_copy(args.archive) as path:
        samples = asyncio.run(measure(path, args.runs))
    report("capture: Enter -> committed -> repainted", samples, 16.0, figure="p95")


if __name__ == "__main__":
    main()
