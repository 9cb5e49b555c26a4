"""A meeting's times, read and written where it happens: the zone names a
clerk types, what the recorder writes into the minute, the dates typed in
it, and a database upgraded from before meetings had zones."""

from __future__ import annotations

import json
import os
import time
from datetime import date
from pathlib import Path

import pendulum
import pytest

from minuteterm.dates import DateError, machine_zone_name, zone_named
from minuteterm.db.schema import MIGRATIONS, _v15_time_zones
from minuteterm.db.store import Store, open_store
from minuteterm.export import render
from minuteterm.formal.committees import Settings
from minuteterm.model import EntryKind, NewItem
from minuteterm.recording.meetings import change_zone, close_meeting, create_meeting
from minuteterm.recording.record import meeting_record
from minuteterm.recording.recorder import Recorder
from minuteterm.recording.settings import change_committee


def machine_in(zone: str | pendulum.FixedTimezone) -> None:
    """The machine's zone for this process (conftest puts London back)."""
    if isinstance(zone, str):
        os.environ["TZ"] = zone
        time.tzset()
        pendulum.set_local_timezone(pendulum.timezone(zone))
    else:
        pendulum.set_local_timezone(zone)


@pytest.mark.parametrize(
    ("typed", "named"),
    [("Europe/Dublin", "Europe/Dublin"), ("europe/paris", "Europe/Paris"), (" UTC ", "UTC")],
)
def test_zone_names_are_read_in_any_case(typed: str, named: str) -> None:
    assert zone_named(typed) == named


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("Nowhere/Place", "(e.g. Europe/London)"),
        ("Europe/Londn", "did you mean Europe/London"),
        ("Dublin", "did you mean Europe/Dublin?"),
        ("America/Los_Angles", "did you mean America/Los_Angeles"),
    ],
)
def test_an_unknown_zone_is_refused_with_the_closest_names(typed: str, hint: str) -> None:
    with pytest.raises(DateError, match="is not a time zone name") as refused:
        zone_named(typed)
    assert hint in str(refused.value)


@pytest.mark.parametrize("typed", ["localtime", "Factory", "posixrules", "", "Europe/../etc"])
def test_names_that_are_no_place_are_refused(typed: str) -> None:
    with pytest.raises(DateError, match="is not a time zone name"):
        zone_named(typed)


def test_a_machine_with_no_named_zone_counts_as_london() -> None:
    machine_in(pendulum.fixed_timezone(3 * 3600))
    assert machine_zone_name() == "Europe/London"
    machine_in("America/Los_Angeles")
    assert machine_zone_name() == "America/Los_Angeles"


def test_what_the_recorder_writes_is_in_the_meetings_zone(store: Store) -> None:
    machine_in("America/Los_Angeles")
    meeting = create_meeting(
        store,
        "Housing Board",
        pendulum.datetime(2026, 12, 14, 18, 0, tz="Europe/London"),
        agenda=[NewItem("Repairs")],
    )
    recorder = Recorder(store, meeting)
    recorder.apply("present+ Cllr Lee, Cllr Fenn")
    arrived = recorder.apply(
        "arrived+ Cllr Ward", now=pendulum.datetime(2026, 12, 14, 18, 40, tz="Europe/London")
    )
    assert "arrived at 6.40 pm" in arrived.message
    minutes = render(meeting_record(store, meeting), "md")
    assert "6.40 pm" in minutes
    assert "10.40 am" not in minutes


def test_dates_typed_count_from_the_meetings_own_date(store: Store) -> None:
    """7 am on 15 December in London is still 14 December in Los Angeles."""
    machine_in("America/Los_Angeles")
    meeting = create_meeting(
        store,
        "Housing Board",
        pendulum.datetime(2026, 12, 15, 7, 0, tz="Europe/London"),
        agenda=[NewItem("Repairs")],
    )
    Recorder(store, meeting).apply("! Repairs Manager: circulate the survey in 2 weeks")
    (entry,) = store.meeting_entries(meeting, [EntryKind.ACTION])
    assert entry.action is not None
    assert entry.action.due == date(2026, 12, 29)


def test_a_draft_moved_to_another_zone_keeps_its_clock_time(store: Store) -> None:
    meeting = create_meeting(
        store, "Housing Board", pendulum.datetime(2027, 7, 1, 18, 0, tz="Europe/London")
    )
    moved = change_zone(store, meeting, "America/New_York")
    assert (moved.starts_at.hour, moved.starts_at.minute) == (18, 0)
    assert moved.starts_at == pendulum.datetime(2027, 7, 1, 22, 0, tz="UTC")
    assert "Thursday 1 July 2027 at 6.00 pm" in render(meeting_record(store, meeting), "md")


# --- a database from before meetings had zones ------------------------------------------


def _approved_pair(store: Store) -> int:
    """A closed meeting (18:00 on 14 December in Los Angeles) approved at the
    next: its record is frozen."""
    change_committee(store, "Housing Board", Settings(time_zone="America/Los_Angeles"))
    first = create_meeting(
        store,
        "Housing Board",
        pendulum.datetime(2026, 12, 14, 18, 0, tz="America/Los_Angeles"),
        agenda=[NewItem("Repairs")],
    )
    Recorder(store, first).apply(
        "The Board received the report.",
        now=pendulum.datetime(2026, 12, 14, 18, 5, tz="America/Los_Angeles"),
    )
    close_meeting(store, first, pendulum.datetime(2026, 12, 14, 19, 15, tz="America/Los_Angeles"))
    second = create_meeting(
        store,
        "Housing Board",
        pendulum.datetime(2027, 1, 11, 18, 0, tz="America/Los_Angeles"),
        agenda=[NewItem("Minutes of the previous meeting")],
    )
    Recorder(store, second).apply("/approve")
    return first


def _as_the_previous_version_left_it(path: Path) -> None:
    """No zones anywhere: not on meetings or committees, nor in frozen records."""
    import sqlite3

    conn = sqlite3.connect(path)
    for table in ("meetings", "committees"):
        conn.execute(f"alter table {table} drop column time_zone")
    for meeting_id, text in conn.execute("select meeting_id, record from minutes_snapshots"):
        record = json.loads(text)
        del record["meeting"]["time_zone"]
        del record["committee"]["time_zone"]
        conn.execute(
            "update minutes_snapshots set record = ? where meeting_id = ?",
            [json.dumps(record, ensure_ascii=False, sort_keys=True), meeting_id],
        )
    conn.execute(f"pragma user_version = {MIGRATIONS.index(_v15_time_zones)}")
    conn.commit()
    conn.close()


def test_an_upgrade_gives_frozen_minutes_the_zone_they_were_shown_in(db_path: Path) -> None:
    machine_in("America/Los_Angeles")
    store = open_store(db_path)
    first = _approved_pair(store)
    assert store.query("select count(*) as n from minutes_snapshots")[0]["n"] == 1
    before = render(meeting_record(store, first), "md")
    store.close()
    _as_the_previous_version_left_it(db_path)

    store = open_store(db_path)  # upgraded on the Los Angeles machine
    try:
        assert store.meeting(first).time_zone == "America/Los_Angeles"
        assert store.committee("Housing Board").time_zone == "America/Los_Angeles"
        machine_in("Europe/London")
        record = meeting_record(store, first)
        assert record.meeting.time_zone == "America/Los_Angeles"
        after = render(record, "md")
        assert after == before
        assert "Monday 14 December 2026 at 6.00 pm" in after
        assert "closed at 7.15 pm" in after
    finally:
        store.close()


def test_an_upgrade_on_a_machine_with_no_named_zone_gives_london(db_path: Path) -> None:
    store = open_store(db_path)
    meeting = create_meeting(
        store, "Housing Board", pendulum.datetime(2026, 12, 14, 18, 0, tz="Europe/London")
    )
    store.close()
    _as_the_previous_version_left_it(db_path)
    machine_in(pendulum.fixed_timezone(3 * 3600))
    store = open_store(db_path)
    try:
        assert store.meeting(meeting).time_zone == "Europe/London"
        assert store.meeting(meeting).starts_at.hour == 18
    finally:
        store.close()


def test_a_restore_names_lost_approvals_by_the_meetings_own_date(
    db_path: Path, tmp_path: Path
) -> None:
    """7 am on 15 December in London is still the 14th in Los Angeles."""
    import shutil

    from minuteterm.db.restore_check import lost_approvals

    store = open_store(db_path)
    meeting = create_meeting(
        store, "Housing Board", pendulum.datetime(2026, 12, 15, 7, 0, tz="Europe/London")
    )
    store.close()
    backup = tmp_path / "backup.db"
    shutil.copy(db_path, backup)
    store = open_store(db_path)
    with store.transaction() as db:
        db.execute("update meetings set status = 'approved' where id = ?", [meeting])
    store.close()
    machine_in("America/Los_Angeles")
    assert lost_approvals(backup, db_path) == [
        "meeting of 15 Dec 2026 (Housing Board) was approved; in the backup it is draft"
    ]


def test_the_action_log_dates_an_action_by_the_day_of_the_meeting_that_raised_it(
    store: Store,
) -> None:
    """Raised at 7 am on 15 December in London: still the 14th in Los Angeles."""
    machine_in("America/Los_Angeles")
    start = pendulum.datetime(2026, 12, 15, 7, 0, tz="Europe/London")
    first = create_meeting(store, "Housing Board", start, agenda=[NewItem("Repairs")])
    Recorder(store, first).apply(
        "! Repairs Manager: survey the flats by next meeting", now=start.add(minutes=5)
    )
    close_meeting(store, first, start.add(hours=1))
    second = create_meeting(
        store,
        "Housing Board",
        pendulum.datetime(2027, 1, 12, 7, 0, tz="Europe/London"),
        agenda=[NewItem("Housing repairs")],
    )
    minutes = render(meeting_record(store, second), "md")
    assert "on 15 December 2026" in minutes
    assert "14 December 2026" not in minutes
