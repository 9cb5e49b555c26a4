"""Actions across meetings: numbered, updated with a dated history, carried
into the next meeting's action log, and filtered on the action sheet — as a
clerk would see them in the running minute, the sheet and the minutes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pendulum
import pytest
import sqlite_utils

from minuteterm.actions.sheet import ActionFilter, ActionSheet
from minuteterm.db.schema import MIGRATIONS
from minuteterm.db.store import Store, StoreError, open_store
from minuteterm.export import render
from minuteterm.grammar.lines import CaptureError
from minuteterm.model import ACTION_LOG, ActionStatus, EntryKind, NewItem
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.record import meeting_record
from minuteterm.recording.recorder import Recorder
from tests.conftest import FrozenClock
from tests.fixtures_meeting import action_number

COMMITTEE = "Housing Scrutiny Committee"
ZONE = "Europe/London"
STANDING = [
    NewItem("Apologies for absence"),
    NewItem("Declarations of interest"),
    NewItem("Minutes of the previous meeting"),
]
DONE, DROPPED, OPEN = ActionStatus.DONE, ActionStatus.DROPPED, ActionStatus.OPEN


def at(month: int, day: int, hour: int = 18, minute: int = 30, year: int = 2026):
    """A moment in London."""
    return pendulum.datetime(year, month, day, hour, minute, tz=ZONE)


def make_meeting(
    store: Store,
    when: pendulum.DateTime,
    agenda: list[NewItem] | None = None,
    committee: str = COMMITTEE,
) -> int:
    items = [*STANDING, NewItem("Housing repairs")] if agenda is None else agenda
    return create_meeting(store, committee, when, agenda=items)


def minute(store: Store, meeting_id: int, start: pendulum.DateTime, *lines: str) -> Recorder:
    """Type ``lines`` into the meeting one minute apart from ``start``."""
    recorder = Recorder(store, meeting_id)
    for offset, line in enumerate(lines):
        recorder.apply(line, now=start.add(minutes=offset))
    return recorder


def first_meeting(store: Store) -> tuple[int, int, int]:
    """The 10 November meeting with two actions; returns (meeting, action, action)."""
    meeting = make_meeting(store, at(11, 10))
    minute(
        store,
        meeting,
        at(11, 10, 18, 35),
        "/item 4",
        "! Repairs Manager: circulate the damp survey by 30/11/2026",
        "! Head of Housing: report on void times by next meeting",
        "/end",
    )
    first, second = (e.id for e in store.meeting_entries(meeting, [EntryKind.ACTION]))
    return meeting, first, second


def titles(store: Store, meeting_id: int) -> list[tuple[str, str]]:
    return [(item.number, item.title) for item in store.items(meeting_id)]


# --- carried forward --------------------------------------------------------------------


def test_action_carried_across_two_meetings_and_updated_in_the_second(store: Store) -> None:
    first, survey, voids = first_meeting(store)
    second = make_meeting(store, at(12, 1))
    assert titles(store, second) == [
        ("1", "Apologies for absence"),
        ("2", "Declarations of interest"),
        ("3", "Minutes of the previous meeting"),
        ("4", "Action log"),
        ("5", "Housing repairs"),
    ]
    log = store.items(second)[3]
    assert log.standing == ACTION_LOG
    before = render(meeting_record(store, first), "md")

    minute(
        store,
        second,
        at(12, 1, 18, 40),
        "/item 4",
        f"!! {action_number(store, survey)}: chased, reply expected Friday",
        f"!! {action_number(store, survey)} done: report circulated on 3 Dec",
    )

    # the running minute holds both updates as entries of the log item
    entries = store.entries(log.id)
    assert [(e.kind, e.text) for e in entries] == [
        (EntryKind.ACTION_UPDATE, "chased, reply expected Friday"),
        (EntryKind.ACTION_UPDATE, "report circulated on 3 Dec"),
    ]
    # the history keeps both, in order; the sheet shows the latest
    sheet = ActionSheet(store)
    history = sheet.history(survey)
    assert [(u.note, u.status) for u in history] == [
        ("chased, reply expected Friday", None),
        ("report circulated on 3 Dec", DONE),
    ]
    assert [u.entry_id for u in history] == [e.id for e in entries]
    row = sheet.row(survey)
    assert row.status is DONE and row.latest_update == "report circulated on 3 Dec"

    minutes = render(meeting_record(store, second), "md")
    section = minutes[minutes.index("## 4. Action log") : minutes.index("## 5. ")]
    assert "The Committee reviewed the action log." in section
    assert (
        f"**ACTION {survey}** – Repairs Manager: circulate the damp survey (raised under minute 4"
        " on 10 November 2026; due 30 November 2026, overdue)." in section
    )
    assert "- Chased, reply expected Friday.\n- Done – report circulated on 3 Dec." in section
    assert f"**ACTION {voids}** – Head of Housing: report on void times" in section
    assert "due 1 December 2026). No update was reported." in section
    # the minutes of the first meeting show its actions as they stood then
    assert render(meeting_record(store, first), "md") == before
    assert f"| {survey} | 4 | Circulate the damp survey | Repairs Manager |" in before
    assert "| 30 November 2026 | Open |" in before


def test_no_log_item_without_open_actions_from_earlier_meetings(store: Store) -> None:
    _meeting, survey, voids = first_meeting(store)
    other = make_meeting(store, at(12, 2), committee="Planning Committee")
    assert "Action log" not in [title for _, title in titles(store, other)]
    earlier = make_meeting(store, at(10, 1))  # before the actions were raised
    assert "Action log" not in [title for _, title in titles(store, earlier)]
    sheet = ActionSheet(store)
    sheet.update(survey, status=DONE)
    sheet.update(voids, status=DROPPED)
    later = make_meeting(store, at(12, 3))
    assert "Action log" not in [title for _, title in titles(store, later)]


def test_a_meeting_created_in_advance_gets_its_log_when_the_last_one_closes(
    store: Store,
) -> None:
    first = make_meeting(store, at(11, 10))
    second = make_meeting(store, at(12, 1))  # the year's meetings, set up in advance
    third = make_meeting(store, at(1, 12, year=2027))
    assert "Action log" not in [title for _, title in titles(store, second)]
    minute(store, first, at(11, 10, 18, 35), "/item 4", "! Repairs Manager: circulate the survey")
    assert "Action log" not in [title for _, title in titles(store, second)]
    minute(store, first, at(11, 10, 19, 0), "/end")
    assert titles(store, second)[3] == ("4", "Action log")
    assert "Action log" not in [title for _, title in titles(store, third)]  # only the next
    Recorder(store, first).apply("/end")  # closing again adds nothing more
    assert [title for _, title in titles(store, second)].count("Action log") == 1


def test_an_opened_meeting_is_not_given_a_log_behind_the_clerks_back(store: Store) -> None:
    first = make_meeting(store, at(11, 10))
    second = make_meeting(store, at(12, 1))
    minute(store, first, at(11, 10, 18, 35), "/item 4", "! Repairs Manager: circulate the survey")
    minute(store, second, at(12, 1, 18, 35), "/item 1")  # already being minuted
    minute(store, first, at(11, 10, 19, 0), "/end")
    assert "Action log" not in [title for _, title in titles(store, second)]


@pytest.mark.parametrize(
    ("agenda", "expected"),
    [
        (
            [NewItem("Apologies"), NewItem("Declarations of interest"), NewItem("Budget")],
            [("1", "Apologies"), ("2", "Declarations of interest"), ("3", "Action log")],
        ),
        ([NewItem("Budget"), NewItem("Parks")], [("1", "Action log"), ("2", "Budget")]),
        (
            [NewItem("Apologies"), NewItem("Minutes of the last meeting"), NewItem("Budget")],
            [("1", "Apologies"), ("2", "Minutes of the last meeting"), ("3", "Action log")],
        ),
        (
            [
                NewItem("Apologies", number="1"),
                NewItem("Minutes of the previous meeting", number="2"),
                NewItem("Budget", number="5a"),
            ],
            [
                ("1", "Apologies"),
                ("2", "Minutes of the previous meeting"),
                ("2a", "Action log"),
                ("5a", "Budget"),
            ],
        ),
        (
            [NewItem("Apologies"), NewItem("Matters arising"), NewItem("Budget")],
            [("1", "Apologies"), ("2", "Matters arising"), ("3", "Budget")],
        ),
    ],
)
def test_where_the_log_item_goes(
    store: Store, agenda: list[NewItem], expected: list[tuple[str, str]]
) -> None:
    first_meeting(store)
    second = make_meeting(store, at(12, 1), agenda)
    assert titles(store, second)[: len(expected)] == expected
    logs = [item for item in store.items(second) if item.standing == ACTION_LOG]
    assert len(logs) == 1
    assert [item.position for item in store.items(second)] == list(
        range(1, len(store.items(second)) + 1)
    )


def test_updates_since_the_last_meeting_and_elsewhere_in_the_meeting(store: Store) -> None:
    _first, survey, voids = first_meeting(store)
    sheet = ActionSheet(store)
    sheet.update(survey, status=DONE, note="survey sent to members", now=at(11, 20, 10, 0))
    second = make_meeting(store, at(12, 1))
    minute(
        store,
        second,
        at(12, 1, 18, 40),
        "/item 5",
        f"!! {action_number(store, voids)} owner Head of Finance",
    )
    minutes = render(meeting_record(store, second), "md")
    log = minutes[minutes.index("## 4. Action log") : minutes.index("## 5. ")]
    # closed between meetings: still reported, with its date
    assert f"**ACTION {survey}**" in log
    assert "- 20 November 2026: Done – survey sent to members." in log
    assert "circulate the damp survey (raised under minute 4 on 10 November 2026; " in log
    assert "due 30 November 2026)." in log  # done before the meeting: not overdue
    # updated under item 5: written there, and the log refers to it
    assert "- Reassigned to Head of Finance (minute 5 refers)." in log
    item5 = minutes[minutes.index("## 5. ") :]
    assert (
        f"**UPDATE ON ACTION {voids}** – Head of Housing: report on void times."
        " Reassigned to Head of Finance." in item5
    )


def test_public_minutes_leave_exempt_actions_out_of_the_log(store: Store) -> None:
    meeting = make_meeting(
        store, at(11, 10), [*STANDING, NewItem("Land disposal", exempt=True), NewItem("Parks")]
    )
    minute(
        store,
        meeting,
        at(11, 10, 18, 35),
        "/item 4",
        "! Head of Estates: negotiate the sale price of the depot",
        "/next",
        "! Parks Manager: repaint the bandstand",
    )
    second = make_meeting(store, at(12, 1))
    confidential = render(meeting_record(store, second), "md")
    public = render(meeting_record(store, second), "md", public=True)
    assert "negotiate the sale price" in confidential
    assert "negotiate the sale price" not in public
    assert "repaint the bandstand" in public


# --- "next meeting" and overdue -------------------------------------------------------------


def test_next_meeting_resolves_once_that_meeting_exists(store: Store) -> None:
    first, _survey, voids = first_meeting(store)
    sheet = ActionSheet(store)
    row = sheet.row(voids)
    assert (row.due, row.due_text, row.overdue) == (None, "next meeting", False)
    assert "| Head of Housing | next meeting | Open |" in render(meeting_record(store, first), "md")

    second = make_meeting(store, at(1, 19, year=2027))
    row = sheet.row(voids)
    assert (row.due, row.due_text) == (date(2027, 1, 19), "next meeting")
    minutes = render(meeting_record(store, first), "md")
    assert "report on void times (by next meeting)" in minutes  # as it was said
    assert "| Head of Housing | 19 January 2027 | Open |" in minutes  # on the sheet

    # set again in the second meeting: it now means the meeting after that one
    minute(
        store,
        second,
        at(1, 19, 18, 40, year=2027),
        f"!! {action_number(store, voids)} due next meeting",
    )
    assert sheet.row(voids).due is None
    make_meeting(store, at(3, 2, year=2027))
    assert sheet.row(voids).due == date(2027, 3, 2)


def test_overdue_is_counted_against_now(store: Store, frozen_clock: FrozenClock) -> None:
    meeting = make_meeting(store, at(11, 10))
    minute(
        store,
        meeting,
        at(11, 10, 18, 35),
        "/item 4",
        "! Clerk: yesterday's task by 13/12/2026",
        "! Clerk: today's task by 14/12/2026",
        "! Clerk: tomorrow's task by 15/12/2026",
        "! Clerk: finished task by 01/12/2026",
    )
    ids = [e.id for e in store.meeting_entries(meeting, [EntryKind.ACTION])]
    sheet = ActionSheet(store)
    sheet.update(ids[3], status=DONE)
    # now is Monday 14 December 2026
    assert [sheet.row(i).overdue for i in ids] == [True, False, False, False]
    assert sheet.counts().overdue == 1
    assert [r.action_id for r in sheet.rows(ActionFilter(overdue=True))] == [ids[0]]
    frozen_clock.advance(days=2)
    assert [sheet.row(i).overdue for i in ids] == [True, True, True, False]
    assert sheet.counts() == replace(sheet.counts(), total=4, open=3, overdue=3, done=1)


# --- updates: history, corrections, refusals ----------------------------------------------


def test_history_is_never_overwritten(store: Store) -> None:
    _, survey, _ = first_meeting(store)
    sheet = ActionSheet(store)
    sheet.update(survey, note="chased", now=at(11, 20, 9))
    sheet.update(survey, note="chased again", now=at(11, 27, 9))
    sheet.update(survey, owner="Head of Repairs", due=date(2027, 1, 31), due_text="31/01/2027")
    history = sheet.history(survey)
    assert [(u.note, u.owner) for u in history] == [
        ("chased", None),
        ("chased again", None),
        ("", "Head of Repairs"),
    ]
    row = sheet.row(survey)
    assert (row.owner, row.due, row.latest_update) == (
        "Head of Repairs",
        date(2027, 1, 31),
        "chased again",
    )


def test_an_older_update_does_not_override_a_newer_one(store: Store) -> None:
    _, survey, _ = first_meeting(store)
    sheet = ActionSheet(store)
    sheet.update(survey, status=DONE, now=at(12, 5, 9))
    sheet.update(survey, status=OPEN, note="typed up late", now=at(12, 1, 9))
    assert sheet.row(survey).status is DONE


def test_deleting_an_update_entry_works_the_action_out_again(store: Store) -> None:
    _, survey, _ = first_meeting(store)
    second = make_meeting(store, at(12, 1))
    recorder = minute(
        store,
        second,
        at(12, 1, 18, 40),
        "/item 4",
        f"!! {action_number(store, survey)}: chased",
        f"!! {action_number(store, survey)} done owner Head of Repairs: report circulated",
    )
    sheet = ActionSheet(store)
    done = store.last_entry(second)
    assert done is not None
    recorder.delete(done.id)
    row = sheet.row(survey)
    assert (row.status, row.owner, row.latest_update) == (OPEN, "Repairs Manager", "chased")
    assert [u.note for u in sheet.history(survey)] == ["chased"]
    assert "report circulated" not in render(meeting_record(store, second), "md")
    recorder.undo()
    row = sheet.row(survey)
    assert (row.status, row.owner) == (DONE, "Head of Repairs")


def test_editing_an_update_entry(store: Store) -> None:
    _, survey, voids = first_meeting(store)
    second = make_meeting(store, at(12, 1))
    recorder = minute(
        store,
        second,
        at(12, 1, 18, 40),
        "/item 4",
        f"!! {action_number(store, survey)} done: report circulatd",
    )
    entry = store.last_entry(second)
    assert entry is not None
    assert (
        recorder.edit_line(entry.id) == f"!! {action_number(store, survey)} done: report circulatd"
    )
    recorder.apply("s/circulatd/circulated/")
    sheet = ActionSheet(store)
    assert sheet.row(survey).latest_update == "report circulated"
    assert store.entry(entry.id).text == "report circulated"

    recorder.edit(entry.id, f"!! {action_number(store, voids)} dropped: superseded")
    assert sheet.row(survey).status is OPEN  # no longer the action this update is about
    assert sheet.row(voids).status is DROPPED
    assert [u.note for u in sheet.history(voids)] == ["superseded"]
    assert sheet.history(survey) == []

    with pytest.raises(CaptureError, match="typed as !! N"):
        recorder.edit(entry.id, "just words")
    with pytest.raises(CaptureError, match="stays an update"):
        recorder.change_kind(entry.id, EntryKind.NOTE)


def test_an_action_with_updates_stays_an_action(store: Store) -> None:
    first, survey, _ = first_meeting(store)
    recorder = Recorder(store, first)
    ActionSheet(store).update(survey, owner="Head of Repairs")
    with pytest.raises(StoreError, match="stays an action"):
        recorder.change_kind(survey, EntryKind.NOTE)
    # re-wording it keeps the later reassignment on top
    recorder.edit(survey, "! Repairs Manager: circulate the full damp survey by 30/11/2026")
    row = ActionSheet(store).row(survey)
    assert (row.description, row.owner) == ("circulate the full damp survey", "Head of Repairs")


def test_unknown_or_deleted_action_is_refused_and_nothing_saved(store: Store) -> None:
    first, survey, _ = first_meeting(store)
    second = make_meeting(store, at(12, 1))
    recorder = Recorder(store, second)
    with pytest.raises(StoreError, match="there is no action 999"):
        recorder.apply("!! 999 done")
    number = action_number(store, survey)
    Recorder(store, first).delete(survey)
    with pytest.raises(StoreError, match=f"there is no action {number}"):
        recorder.apply(f"!! {number} done")
    assert store.meeting_entries(second) == []


def test_entry_and_update_are_saved_together_or_not_at_all(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, survey, _ = first_meeting(store)
    second = make_meeting(store, at(12, 1))

    def fail(*args: object, **kwargs: object) -> None:
        raise StoreError("the disk is full")

    monkeypatch.setattr(ActionSheet, "update", fail)
    with pytest.raises(StoreError, match="disk is full"):
        Recorder(store, second).apply(f"!! {action_number(store, survey)} done")
    assert store.meeting_entries(second) == []
    assert store.meeting(second).current_item_id is None


def test_an_update_without_a_note_reads_as_what_changed(store: Store) -> None:
    _, survey, _ = first_meeting(store)
    second = make_meeting(store, at(12, 1))
    recorder = Recorder(store, second)
    outcome = recorder.apply(
        f"!! {action_number(store, survey)} done owner Head of Repairs due 31/01/2027"
    )
    number = action_number(store, survey)
    assert outcome.message.startswith(f"action {number} (circulate the damp survey): marked done")
    entry = store.entry(outcome.entry_id or 0)
    assert entry.text == ("marked done; reassigned to Head of Repairs; now due by 31 January 2027")
    with pytest.raises(CaptureError, match="typed as !! N"):
        recorder.apply("report sent", default_kind=EntryKind.ACTION_UPDATE)


# --- the sheet: filters and sorts --------------------------------------------------------


@pytest.fixture
def sheet(store: Store) -> ActionSheet:
    """Four actions in two committees, one with an update."""
    audit = make_meeting(store, at(10, 5), [NewItem("Audit plan")], committee="Audit Committee")
    minute(
        store,
        audit,
        at(10, 5, 18, 35),
        "! Head of Audit: circulate the revised audit plan by 30/11/2026",
        "! Chief Finance Officer: report on fraud referrals by 31/01/2027",
    )
    licensing = make_meeting(
        store, at(11, 2), [NewItem("Street trading")], committee="Licensing Committee"
    )
    minute(
        store,
        licensing,
        at(11, 2, 10, 5),
        "! Licensing Manager: publish the consultation responses by 20/12/2026",
        "! Head of Audit: review pitch fee income by next meeting",
    )
    sheet = ActionSheet(store)
    (fraud,) = sheet.rows(ActionFilter(text="fraud"))
    sheet.update(fraud.action_id, note="police liaison meeting booked", now=at(12, 1, 9))
    return sheet


def descriptions(sheet: ActionSheet, **fields: object) -> list[str]:
    return [row.description for row in sheet.rows(ActionFilter(**fields))]  # type: ignore[arg-type]


def test_sheet_filters(sheet: ActionSheet) -> None:
    assert len(descriptions(sheet)) == 4
    assert descriptions(sheet, owner="head of audit") == [
        "circulate the revised audit plan",
        "review pitch fee income",
    ]
    assert descriptions(sheet, committee="licensing") == [
        "publish the consultation responses",
        "review pitch fee income",
    ]
    assert descriptions(sheet, text="liaison") == ["report on fraud referrals"]  # latest update
    assert descriptions(sheet, overdue=True) == ["circulate the revised audit plan"]
    assert descriptions(sheet, due_within=7) == ["publish the consultation responses"]
    assert descriptions(sheet, statuses=frozenset({DONE})) == []
    assert descriptions(sheet, text="100%_") == []  # wildcards are literal
    counts = sheet.counts(ActionFilter(owner="head of audit"))
    assert (counts.total, counts.open, counts.overdue) == (2, 2, 1)


def test_a_page_counts_every_action_it_matches_filtered_or_not(sheet: ActionSheet) -> None:
    """The sheet as opened (no filter) counts in a query of its own; a
    filtered page counts on its rows. Either way the counts are those of
    every action matched, however few rows the page holds."""
    done = sheet.rows(ActionFilter(owner="licensing manager"))[0].action_id
    sheet.update(done, status=DONE, now=at(12, 1, 10))
    for chosen in (ActionFilter(), ActionFilter(public=True), ActionFilter(committee="e")):
        rows, counts = sheet.page(replace(chosen, limit=1))
        assert len(rows) == 1
        assert counts == sheet.counts(chosen)
        assert (counts.total, counts.open, counts.done, counts.overdue) == (4, 3, 1, 1)
    rows, counts = sheet.page(ActionFilter(statuses=frozenset({DONE})))
    assert [row.action_id for row in rows] == [done]
    assert (counts.total, counts.open, counts.done) == (1, 0, 1)


def test_sheet_sorts(sheet: ActionSheet) -> None:
    assert [r.due for r in sheet.rows(ActionFilter(sort="due"))] == [
        date(2026, 11, 30),
        date(2026, 12, 20),
        date(2027, 1, 31),
        None,  # next meeting, not yet arranged: last
    ]
    assert descriptions(sheet, sort="owner")[0] == "report on fraud referrals"
    assert descriptions(sheet, sort="update", descending=True)[0] == "report on fraud referrals"
    assert descriptions(sheet, sort="action", limit=2) == [
        "circulate the revised audit plan",
        "publish the consultation responses",
    ]
    with pytest.raises(StoreError, match="cannot sort by 'colour'"):
        sheet.rows(ActionFilter(sort="colour"))


def test_nothing_to_update_is_refused(sheet: ActionSheet) -> None:
    action = sheet.rows()[0].action_id
    with pytest.raises(StoreError, match="nothing to update"):
        sheet.update(action, note="   ")
    with pytest.raises(StoreError, match="needs an owner"):
        sheet.update(action, owner=" ")
    with pytest.raises(StoreError, match="there is no action 999"):
        sheet.update(999, note="x")


# --- the schema --------------------------------------------------------------------------


def test_a_version_2_file_keeps_its_actions_as_raised(db_path) -> None:
    db = sqlite_utils.Database(db_path)
    for number, migration in enumerate(MIGRATIONS[:2], start=1):
        migration(db)
        db.execute(f"PRAGMA user_version = {number}")
    db.executescript(
        """
        insert into committees (id, name) values (1, 'Audit Committee');
        insert into meetings (id, committee_id, title, starts_at, created_at)
            values (1, 1, 'Audit', '2026-10-05T17:00:00+00:00', '2026-10-01T09:00:00+00:00');
        insert into agenda_items (id, meeting_id, position, number, title)
            values (1, 1, 1, '1', 'Plan');
        insert into entries (id, item_id, position, kind, text, created_at)
            values (1, 1, 1, 'action', 'circulate the plan', '2026-10-05T17:05:00+00:00');
        insert into actions (entry_id, owner, description, due)
            values (1, 'Head of Audit', 'circulate the plan', '2026-11-30');
        """
    )
    db.close()
    store = open_store(db_path)
    try:
        (row,) = store.query("select raised_owner, raised_due from actions")
        assert row == {"raised_owner": "Head of Audit", "raised_due": "2026-11-30"}
        assert ActionSheet(store).row(1).owner == "Head of Audit"
    finally:
        store.close()


def test_a_version_4_file_keeps_each_actions_latest_live_note(db_path) -> None:
    db = sqlite_utils.Database(db_path)
    for number, migration in enumerate(MIGRATIONS[:4], start=1):
        migration(db)
        db.execute(f"PRAGMA user_version = {number}")
    db.executescript(
        """
        insert into committees (id, name) values (1, 'Audit Committee');
        insert into meetings (id, committee_id, title, starts_at, created_at)
            values (1, 1, 'Audit', '2026-10-05T17:00:00+00:00', '2026-10-01T09:00:00+00:00');
        insert into agenda_items (id, meeting_id, position, number, title)
            values (1, 1, 1, '1', 'Plan');
        insert into entries (id, item_id, position, kind, text, created_at)
            values (1, 1, 1, 'action', 'circulate the plan', '2026-10-05T17:05:00+00:00');
        insert into entries (id, item_id, position, kind, text, created_at, deleted_at)
            values (2, 1, 2, 'action_update', 'withdrawn note', '2026-10-05T17:09:00+00:00',
                    '2026-10-05T17:10:00+00:00');
        insert into actions (entry_id, owner, description, due, status, raised_owner)
            values (1, 'Head of Audit', 'circulate the plan', '2026-11-30', 'open',
                    'Head of Audit');
        insert into action_updates (action_id, entry_id, at, note)
            values (1, null, '2026-10-20T09:00:00+00:00', 'draft plan shared'),
                   (1, 2, '2026-10-21T09:00:00+00:00', 'withdrawn note'),
                   (1, null, '2026-10-22T09:00:00+00:00', '');
        """
    )
    db.close()
    store = open_store(db_path)
    try:
        (row,) = store.query("select status_note, noted_at from actions")
        assert row == {"status_note": "draft plan shared", "noted_at": "2026-10-20T09:00:00+00:00"}
        sheet_row = ActionSheet(store).row(1)
        assert sheet_row.latest_update == "draft plan shared"
        assert sheet_row.latest_update_at == pendulum.datetime(2026, 10, 20, 9, 0, tz="UTC")
        assert [r.action_id for r in ActionSheet(store).rows(ActionFilter(text="plan shared"))] == [
            1
        ]
    finally:
        store.close()
