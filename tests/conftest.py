"""Shared fixtures: every test runs away from the real home directory, in a
pinned time zone, at a pinned "now", against a real database file."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pendulum
import pytest

from minuteterm import clock
from minuteterm.db.store import Store, open_store

#: The moment tests run at unless they move the clock: Monday 14 December
#: 2026, 6.25 pm in London.
PINNED_NOW = pendulum.datetime(2026, 12, 14, 18, 25, tz="Europe/London")


class FrozenClock:
    """The time MinuteTerm sees in a test: fixed until a test moves it."""

    def __init__(self, moment: pendulum.DateTime) -> None:
        self.moment = moment.in_tz("UTC")

    def now(self) -> pendulum.DateTime:
        return self.moment

    def advance(self, **delta: int) -> pendulum.DateTime:
        """Move the clock on, e.g. ``advance(minutes=5)``."""
        self.moment = self.moment.add(**delta)
        return self.moment


@pytest.fixture
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> FrozenClock:
    """The pinned clock, for tests that move it."""
    frozen = FrozenClock(PINNED_NOW)
    monkeypatch.setattr(clock, "now", frozen.now)
    return frozen


@pytest.fixture(autouse=True)
def isolated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, frozen_clock: FrozenClock
) -> Iterator[None]:
    """Point data and config at tmp_path, pin the zone and the clock."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("MINUTETERM_DB", raising=False)
    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    pendulum.set_local_timezone(pendulum.timezone("Europe/London"))
    yield
    pendulum.set_local_timezone()
    os.environ.pop("TZ", None)
    time.tzset()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's database file lives."""
    return tmp_path / "minutes.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """A store on a real file in tmp_path."""
    opened = open_store(db_path)
    yield opened
    opened.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under ``tests/system`` starts real processes, terminals,
    servers or browsers: it is marked ``slow`` (``pytest -m "not slow"`` runs
    the unit and app tests in well under a minute)."""
    for item in items:
        if "system" in Path(str(item.path)).parts[-2:-1]:
            item.add_marker(pytest.mark.slow)
