"""Action numbers and dates as the clerk types and reads them: each committee
numbers its actions 1, 2, 3 …, a number is never given twice, ``!! N`` is the
number printed in the minutes, an older database keeps the numbers it has
already printed, and ``in 2 weeks`` counts from the meeting's date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pendulum
import pytest

from minuteterm.actions.sheet import ActionSheet
from minuteterm.dates import trailing_relative
from minuteterm.db.schema import MIGRATIONS, _v14_action_numbers
from minuteterm.db.store import Store, StoreError, open_store
from minuteterm.export import render
from minuteterm.grammar.lines import AddEntry, UpdateAction, format_update, parse
from minuteterm.model import ActionStatus, EntryKind, NewItem
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.record import meeting_record
from minuteterm.recording.recorder import Recorder

HOUSING = "Housing Scrutiny Committee"
AUDIT = "Audit Committee"


def meeting(store: Store, committee: str, month: int, day: int, year: int = 2026) -> int:
    start = pendulum.datetime(year, month, day, 18, 30, tz="Europe/London")
    return create_meeting(store, committee, start, agenda=[NewItem("Housing repairs")])


def typed(store: Store, meeting_id: int, *lines: str) -> Recorder:
    recorder = Recorder(store, meeting_id)
    for line in lines:
        recorder.apply(line)
    return recorder


def numbers(store: Store, meeting_id: int) -> list[int | None]:
    entries = store.meeting_entries(meeting_id, [EntryKind.ACTION])
    return [entry.action.number if entry.action else None for entry in entries]


def test_a_fresh_database_numbers_actions_1_2_3_in_the_minutes(store: Store) -> None:
    first = meeting(store, HOUSING, 11, 10)
    typed(
        store,
        first,
        "/item 1",
        "The Committee received the repairs report.",
        "! Repairs Manager: circulate the damp survey by 30/11/2026",
        "? Cllr Lee: were tenants told",
        "! Head of Housing: report on void times by next meeting",
        "! Head of Finance: cost the backlog by 15/12/2026",
    )
    assert numbers(store, first) == [1, 2, 3]
    minutes = render(meeting_record(store, first), "md")
    assert "**ACTION 1** – Repairs Manager: circulate the damp survey" in minutes
    assert "**ACTION 3** – Head of Finance: cost the backlog" in minutes
    assert [row.number for row in ActionSheet(store).rows()] == [1, 2, 3]


def test_each_committee_has_its_own_numbers_and_they_carry_on_across_meetings(
    store: Store,
) -> None:
    typed(store, meeting(store, HOUSING, 11, 10), "/item 1", "! Repairs Manager: fix it")
    typed(store, meeting(store, AUDIT, 11, 12), "/item 1", "! Head of Audit: check it")
    later = meeting(store, HOUSING, 12, 8)
    typed(store, later, "/item 1", "! Repairs Manager: fix the next one")
    assert numbers(store, later) == [2]
    by_committee = {(row.committee, row.number) for row in ActionSheet(store).rows()}
    assert by_committee == {(HOUSING, 1), (AUDIT, 1), (HOUSING, 2)}


def test_a_number_is_never_given_twice(store: Store) -> None:
    first = meeting(store, HOUSING, 11, 10)
    recorder = typed(store, first, "/item 1", "! Repairs Manager: one", "! Repairs Manager: two")
    second = store.last_entry(first)
    assert second is not None
    recorder.delete(second.id)
    recorder.apply("! Repairs Manager: three")
    assert numbers(store, first) == [1, 3]
    recorder.undo()  # the deleted action comes back with its own number
    assert sorted(n or 0 for n in numbers(store, first)) == [1, 2, 3]
    # an action made a note and back again is a new action: a new number
    one = store.meeting_entries(first, [EntryKind.ACTION])[0]
    recorder.change_kind(one.id, EntryKind.NOTE)
    recorder.change_kind(one.id, EntryKind.ACTION)
    assert sorted(n or 0 for n in numbers(store, first)) == [2, 3, 4]


def test_double_bang_n_updates_the_action_printed_as_n(store: Store) -> None:
    first = meeting(store, HOUSING, 11, 10)
    typed(store, first, "/item 1", "! Repairs Manager: one", "! Head of Housing: two")
    typed(store, meeting(store, AUDIT, 11, 12), "/item 1", "! Head of Audit: audit one")
    later = meeting(store, HOUSING, 12, 8)
    recorder = typed(store, later, "/item 1")
    outcome = recorder.apply("!! 2 done: report circulated")
    assert outcome.message.startswith("action 2 (two): marked done")
    rows = {(row.committee, row.number): row.status for row in ActionSheet(store).rows()}
    assert rows[(HOUSING, 2)] is ActionStatus.DONE
    assert rows[(HOUSING, 1)] is ActionStatus.OPEN
    minutes = render(meeting_record(store, later), "md")
    assert "**ACTION 2** – Head of Housing: two (raised under minute 1" in minutes
    assert "**ACTION 1** – Repairs Manager: one (raised" in minutes
    assert "- Done – report circulated." in minutes
    update = store.last_entry(later)
    assert update is not None
    assert recorder.edit_line(update.id) == "!! 2 done: report circulated"
    with pytest.raises(StoreError, match="there is no action 3 on this committee's sheet"):
        recorder.apply("!! 3 done")


def test_another_committees_action_is_updated_by_naming_the_committee(store: Store) -> None:
    typed(store, meeting(store, AUDIT, 11, 12), "/item 1", "! Head of Audit: audit one")
    housing = meeting(store, HOUSING, 12, 8)
    recorder = typed(store, housing, "/item 1")
    with pytest.raises(StoreError, match="there is no action 1 on this committee's sheet"):
        recorder.apply("!! 1: chased")
    recorder.apply("!! audit committee 1: chased by the Chair")
    (row,) = [row for row in ActionSheet(store).rows() if row.committee == AUDIT]
    assert row.latest_update == "chased by the Chair"
    update = store.last_entry(housing)
    assert update is not None
    assert recorder.edit_line(update.id) == f"!! {AUDIT} 1: chased by the Chair"
    with pytest.raises(StoreError, match='there is no committee "Planning"'):
        recorder.apply("!! Planning 1: chased")


def test_the_grammar_reads_a_committee_before_the_number() -> None:
    command = parse("!! Audit Committee #4 done: sent", date(2026, 12, 1))
    assert command == UpdateAction(4, "sent", ActionStatus.DONE, committee="Audit Committee")
    assert format_update(command) == "!! Audit Committee 4 done: sent"
    assert parse("!! 4 done", date(2026, 12, 1)) == UpdateAction(4, "", ActionStatus.DONE)


def test_an_older_database_keeps_the_numbers_it_printed(db_path: Path) -> None:
    store = open_store(db_path)
    first = meeting(store, HOUSING, 11, 10)
    typed(store, first, "/item 1", "The report was received.", "! Repairs Manager: one")
    typed(store, first, "Members asked about damp.", "! Head of Housing: two")
    ids = [e.id for e in store.meeting_entries(first, [EntryKind.ACTION])]
    assert ids[0] > 1  # entry ids are not 1, 2: the old numbers differ from the new
    # the file as an older MinuteTerm left it: no numbers of their own
    for statement in (
        "drop index actions_by_number",
        "drop table action_counters",
        "update actions set number = null, committee_id = null",
        f"pragma user_version = {MIGRATIONS.index(_v14_action_numbers)}",
    ):
        store.conn.execute(statement)
    store.conn.commit()
    store.close()
    store = open_store(db_path)
    try:
        assert numbers(store, first) == ids
        typed(store, first, "! Head of Finance: three")
        assert numbers(store, first) == [*ids, ids[-1] + 1]
        minutes = render(meeting_record(store, first), "md")
        assert f"**ACTION {ids[0]}** – Repairs Manager: one" in minutes
    finally:
        store.close()


# --- dates ----------------------------------------------------------------------------


def test_in_2_weeks_counts_from_the_meetings_date_not_today(store: Store) -> None:
    past = meeting(store, HOUSING, 3, 10, year=2026)  # typed up long after
    recorder = typed(
        store,
        past,
        "/item 1",
        "! Repairs Manager: circulate the survey in 2 weeks",
        "! Head of Housing: report back by in a month",
        "! Head of Finance: cost it by 14 Apr",
    )
    dues = [
        (e.action.description, e.action.due)
        for e in store.meeting_entries(past, [EntryKind.ACTION])
        if e.action
    ]
    assert dues == [
        ("circulate the survey", date(2026, 3, 24)),
        ("report back", date(2026, 4, 10)),
        ("cost it", date(2026, 4, 14)),
    ]
    minutes = render(meeting_record(store, past), "md")
    assert "circulate the survey (by 24 March 2026)" in minutes
    assert recorder is not None


@pytest.mark.parametrize(
    ("line", "description", "due"),
    [
        ("! Owner: share the report in 2 weeks", "share the report", date(2026, 12, 15)),
        ("! Owner: share the report in a fortnight.", "share the report", date(2026, 12, 15)),
        ("! Owner: reply in 3 working days", "reply", date(2026, 12, 4)),
        ("! Owner: review it in a month's time", "review it", date(2027, 1, 1)),
        ("! Owner: split the budget in two parts", "split the budget in two parts", None),
        ("! Owner: report on spending in 2025", "report on spending in 2025", None),
        ("! Owner: check the weeks in 2 weeks time", "check the weeks", date(2026, 12, 15)),
    ],
)
def test_a_trailing_relative_date_needs_no_by(line: str, description: str, due: date) -> None:
    command = parse(line, date(2026, 12, 1))
    assert isinstance(command, AddEntry)
    assert (command.text, command.due) == (description, due)


def test_trailing_relative_only_takes_what_dates_can_read() -> None:
    assert trailing_relative("visit in 2 weeks") == ("visit", "in 2 weeks")
    assert trailing_relative("visit in twenty weeks") is None
    assert trailing_relative("meet in the weeks ahead") is None
    assert trailing_relative("in 2 weeks") == ("", "in 2 weeks")


def test_the_action_sheet_under_the_minutes_uses_the_printed_numbers(store: Store) -> None:
    """The table at the foot of the minutes numbers each action as its
    paragraph above does (ACTION 4 is row 4), in the second meeting too,
    where the committee's numbers carry on, and in every format."""
    import re

    first = meeting(store, HOUSING, 11, 10)
    typed(store, first, "/item 1", "! Repairs Manager: circulate the damp survey by 30/11/2026")
    typed(store, first, "! Head of Housing: report on void times by 15/12/2026")
    second = meeting(store, HOUSING, 12, 8)
    typed(store, second, "/item 1", "Repairs were discussed.")
    typed(store, second, "! Head of Finance: cost the backlog by 15/1/2027")
    for meeting_id, expected in ((first, ["1", "2"]), (second, ["3"])):
        minutes = render(meeting_record(store, meeting_id), "md")
        body, _, sheet = minutes.partition("## Action sheet")
        raised = re.findall(r"\*\*ACTION (\d+)\*\* –", body)
        rows = re.findall(r"^\| (\d+) \|", sheet, flags=re.MULTILINE)
        assert raised[-len(expected) :] == expected
        assert rows == expected, f"the sheet numbers {rows}, the minutes {raised}"
        html = render(meeting_record(store, meeting_id), "html")
        for number in expected:
            assert f"<td>{number}</td>" in html
