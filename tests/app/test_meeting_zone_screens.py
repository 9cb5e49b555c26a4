"""The screens show a meeting's times where it happens, whatever zone the
clerk's machine is in; the header names the zone when the machine is
elsewhere."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pendulum
import pytest
from textual.widgets import OptionList

from minuteterm.db.store import Store
from minuteterm.formal.committees import Settings
from minuteterm.model import NewItem
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.settings import change_committee
from minuteterm.tui.app import MinuteTermApp
from minuteterm.tui.screens.start_screen import StartScreen
from minuteterm.tui.widgets.entry_pane import MinutePane
from tests.app.test_tui import shown, type_line


def machine_in(zone: str) -> None:
    """The machine's zone, as ``TZ`` sets it for the whole process."""
    os.environ["TZ"] = zone
    time.tzset()
    pendulum.set_local_timezone(pendulum.timezone(zone))


@pytest.fixture
def los_angeles() -> Iterator[None]:
    """The clerk's laptop still on Los Angeles time (conftest puts it back)."""
    machine_in("America/Los_Angeles")
    yield


def london_and_paris(store: Store) -> tuple[int, int]:
    """Two meetings at 6 pm where each happens: London, and Paris."""
    london = create_meeting(
        store,
        "Housing Board",
        pendulum.datetime(2026, 12, 14, 18, 0, tz="Europe/London"),
        agenda=[NewItem("Repairs")],
    )
    change_committee(store, "Calais Liaison Panel", Settings(time_zone="Europe/Paris"))
    paris = create_meeting(
        store,
        "Calais Liaison Panel",
        pendulum.datetime(2026, 12, 14, 18, 0, tz="Europe/Paris"),
    )
    return london, paris


def header(app: MinuteTermApp) -> str:
    return str(app.screen.query_one("MeetingHeader").render())


async def test_the_start_screen_lists_each_meeting_at_its_own_six_pm(
    store: Store, los_angeles: None
) -> None:
    london_and_paris(store)
    app = MinuteTermApp(store)
    async with app.run_test(size=(120, 40)):
        assert isinstance(app.screen, StartScreen)
        rows = app.screen.listed_rows()
        by_title = {row[2]: row[:2] for row in rows}
        # each at 6 pm where it happens, its zone named as the laptop is elsewhere
        assert by_title["Housing Board"] == ["Mon 14 Dec 2026", "18:00 GMT"]
        assert by_title["Calais Liaison Panel"] == ["Mon 14 Dec 2026", "18:00 CET"]


async def test_the_start_screen_names_no_zone_when_the_machine_is_there(store: Store) -> None:
    london_and_paris(store)
    app = MinuteTermApp(store)
    async with app.run_test(size=(80, 24)):
        assert isinstance(app.screen, StartScreen)
        by_title = {row[2]: row[1] for row in app.screen.listed_rows()}
        assert by_title == {"Housing Board": "18:00", "Calais Liaison Panel": "18:00 CET"}


async def test_the_header_and_entries_read_london_time_on_a_los_angeles_machine(
    store: Store, los_angeles: None
) -> None:
    london, _paris = london_and_paris(store)
    app = MinuteTermApp(store, meeting_id=london)
    async with app.run_test(size=(120, 40)) as pilot:
        assert "Mon 14 Dec 2026 18:00 GMT" in header(app)
        await type_line(pilot, "The Board received the report.")  # now: 18:25 in London
        assert "18:25 NOTE The Board received the report." in shown(pilot, MinutePane)
        agenda = [str(o.prompt) for o in app.screen.query_one("#agenda", OptionList).options]
        assert "Repairs  18:25" in agenda[0]


async def test_the_header_names_no_zone_when_the_machine_is_there(store: Store) -> None:
    london, _paris = london_and_paris(store)
    app = MinuteTermApp(store, meeting_id=london)
    async with app.run_test(size=(120, 40)):
        said = header(app)
        assert "Mon 14 Dec 2026 18:00" in said
        assert "GMT" not in said


async def test_a_paris_meeting_says_cet_on_a_london_machine(store: Store) -> None:
    _london, paris = london_and_paris(store)
    app = MinuteTermApp(store, meeting_id=paris)
    async with app.run_test(size=(120, 40)):
        assert "Mon 14 Dec 2026 18:00 CET" in header(app)


async def test_on_a_narrow_screen_the_header_still_says_whose_clock_it_is(
    store: Store, los_angeles: None
) -> None:
    meeting = create_meeting(
        store,
        "Housing and Communities Scrutiny Committee",
        pendulum.datetime(2026, 12, 14, 18, 0, tz="Europe/London"),
        venue="Committee Room 1, Westmere Civic Centre",
    )
    app = MinuteTermApp(store, meeting_id=meeting)
    async with app.run_test(size=(80, 24)):
        said = header(app)
        assert "Mon 14 Dec" not in said  # no room for the date
        assert "times GMT" in said
        assert said.startswith("Housing and Communities")
