"""The action sheet's quicker reads show exactly what the sheet showed before.

``ActionSheet.page`` (and ``row`` and ``counts``) were rewritten for speed on
the archive (issue 17). Here a frozen copy of the SQL and row building they
replaced reads the same database, and every filter, sort, direction, public
or private version and limit (``None`` too) must give the same rows, in the
same order, with the same counts — what a clerk sees on the sheet. The
database crosses the seams: due dates past, today and ahead, "next meeting"
set when raised, set again in a later meeting's update, set from the sheet
(no meeting), an update setting it deleted again, the next meeting created
later and moved to another time zone (its local date differs from its UTC
date), done and dropped actions, a deleted action, an action raised in an
exempt item, an update typed in one, two committees and several meetings.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date
from typing import Any

import pendulum
import pytest

from minuteterm import clock
from minuteterm.actions.confidential import public_state
from minuteterm.actions.sheet import SORTS, ActionFilter, ActionSheet, local_date
from minuteterm.dates import in_zone, to_local, zone_of
from minuteterm.db.store import Store, like_pattern, moment
from minuteterm.model import ActionSheetRow, ActionStatus, Counts, EntryKind, NewItem
from minuteterm.recording.entries import delete_entry
from minuteterm.recording.meetings import change_zone, create_meeting
from minuteterm.recording.recorder import Recorder
from minuteterm.search.words import parse_query
from tests.fixtures_meeting import action_number

# --- the sheet as it was read before (frozen copy of sheet.py at 74910f9) ---------------

_OLD_DUE_SET_AT = """coalesce((select coalesce(um.starts_at, u.at) from action_updates u
    left join entries ue on ue.id = u.entry_id
    left join agenda_items ui on ui.id = ue.item_id
    left join meetings um on um.id = ui.meeting_id
    where u.action_id = a.entry_id and ue.deleted_at is null
    and (u.due is not null or u.due_text is not null)
    order by u.at desc, u.id desc limit 1), m.starts_at)"""

_OLD_SHEET = f"""
with sheet as (
    select a.entry_id as action_id, a.number, a.description, a.owner, a.due, a.due_text,
        a.status, m.id as meeting_id, m.starts_at as meeting_starts_at,
        m.time_zone as meeting_zone,
        c.name as committee, i.number as item_number, i.position as item_position,
        case
            when a.due is not null then a.due
            when a.due_text = 'next meeting' then (
                select local_date(min(n.starts_at), n.time_zone) from meetings n
                where n.committee_id = m.committee_id and n.starts_at > {_OLD_DUE_SET_AT})
        end as effective_due,
        a.status_note as latest_update, a.noted_at as latest_update_at,
        a.confidential, exists (select 1 from action_updates u
            where u.action_id = a.entry_id and u.confidential) as secret_updates
    from entries e
    join actions a on a.entry_id = e.id
    join agenda_items i on i.id = e.item_id
    join meetings m on m.id = i.meeting_id
    join committees c on c.id = m.committee_id
    where e.kind = 'action' and e.deleted_at is null
)
select *, (status = 'open' and effective_due < :today) as overdue from sheet
"""

_OLD_TOTALS = """count(*) over () as n_total, sum(status = 'open') over () as n_open,
    sum(overdue) over () as n_overdue, sum(status = 'done') over () as n_done,
    sum(status = 'dropped') over () as n_dropped"""


def _old_text_clause(text: str) -> tuple[str, dict[str, Any]]:
    expression = parse_query(text).as_prefixes().fts()
    typed = " ".join(text.split())
    escaped = typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    params: dict[str, Any] = {"text_like": f"%{escaped}%"}
    committee = "committee like :text_like escape '\\'"
    if not expression:
        return f"({committee})", params
    params["text_fts"] = expression
    return (
        "(action_id in (select rowid from search_actions where search_actions match :text_fts)"
        f" or {committee})",
        params,
    )


def _old_where(chosen: ActionFilter, today: date) -> tuple[str, dict[str, Any]]:
    clauses: list[str] = ["not confidential"] if chosen.public else []
    params: dict[str, Any] = {"today": today.isoformat()}
    if chosen.committee.strip():
        clauses.append("committee like :committee escape '\\'")
        params["committee"] = like_pattern(chosen.committee.strip())
    if chosen.owner.strip():
        clauses.append("owner like :owner escape '\\'")
        params["owner"] = like_pattern(chosen.owner.strip())
    if chosen.statuses:
        names = sorted(status.value for status in chosen.statuses)
        clauses.append(f"status in ({', '.join(repr(name) for name in names)})")
    if chosen.overdue:
        clauses.append("status = 'open' and effective_due < :today")
    if chosen.due_within is not None:
        clauses.append("status = 'open' and effective_due between :today and :until")
        params["until"] = (today + pendulum.duration(days=chosen.due_within)).isoformat()
    if chosen.text.strip():
        clause, found = _old_text_clause(chosen.text)
        clauses.append(clause)
        params.update(found)
    return (" where " + " and ".join(clauses)) if clauses else "", params


def _old_row(row: dict[str, Any]) -> ActionSheetRow:
    zone = row["meeting_zone"]
    due = row["effective_due"]
    noted = moment(row["latest_update_at"])
    return ActionSheetRow(
        action_id=row["action_id"],
        number=row["number"],
        committee=row["committee"],
        meeting_id=row["meeting_id"],
        meeting_starts_at=in_zone(moment(row["meeting_starts_at"]) or clock.now(), zone),
        item_number=row["item_number"],
        description=row["description"],
        owner=row["owner"],
        due=date.fromisoformat(due) if due else None,
        due_text=row["due_text"],
        status=ActionStatus(row["status"]),
        latest_update=row["latest_update"],
        latest_update_at=None if noted is None else in_zone(noted, zone),
        overdue=bool(row["overdue"]),
        confidential=bool(row["confidential"] or row["secret_updates"]),
    )


def _old_public(store: Store, row: ActionSheetRow, found: dict[str, Any], today: date):
    if not found["secret_updates"]:
        return row
    state = public_state(store.db, row.action_id)
    due = state.due
    if due is None and state.due_text == row.due_text:
        due = row.due
    noted = state.noted_at
    return replace(
        row,
        owner=state.owner,
        due=due,
        due_text=state.due_text,
        status=state.status,
        latest_update=state.note,
        latest_update_at=None if noted is None else in_zone(noted, zone_of(row.meeting_starts_at)),
        confidential=False,
        overdue=state.status is ActionStatus.OPEN and due is not None and due < today,
    )


def old_page(
    store: Store, chosen: ActionFilter, now: pendulum.DateTime
) -> tuple[list[ActionSheetRow], Counts]:
    """The sheet as the replaced code read it: the whole sheet in one
    query, with the counts as window totals, sorted and limited in SQL."""
    today = to_local(now).date()
    where, params = _old_where(chosen, today)
    order = SORTS[chosen.sort].format(dir="desc" if chosen.descending else "asc")
    limit = "" if chosen.limit is None else f" limit {int(chosen.limit)}"
    found = store.query(
        f"select *, {_OLD_TOTALS} from ({_OLD_SHEET}){where} order by {order}{limit}", params
    )
    if not found:
        return [], Counts()
    counts = Counts(
        **{
            name: int(found[0][f"n_{name}"] or 0)
            for name in ("total", "open", "overdue", "done", "dropped")
        }
    )
    rows = [_old_row(row) for row in found]
    if chosen.public:
        rows = [_old_public(store, r, raw, today) for r, raw in zip(rows, found, strict=True)]
    return rows, counts


# --- a database across the seams -------------------------------------------------------

HARBOUR = "Harbour and Coastal Services Board"
AUDIT = "Audit Committee"
LONDON = "Europe/London"


def at(year: int, month: int, day: int, hour: int = 18, minute: int = 30, zone: str = LONDON):
    return pendulum.datetime(year, month, day, hour, minute, tz=zone)


def minute(store: Store, meeting_id: int, start: pendulum.DateTime, *lines: str) -> list[int]:
    """Type ``lines`` into the meeting a minute apart; the ids of the entries made."""
    recorder = Recorder(store, meeting_id)
    made = []
    for offset, line in enumerate(lines):
        outcome = recorder.apply(line, now=start.add(minutes=offset))
        made.append(outcome.entry_id or 0)
    return made


def actions_of(store: Store, meeting_id: int) -> list[int]:
    return [e.id for e in store.meeting_entries(meeting_id, [EntryKind.ACTION])]


FILTERS = [
    ActionFilter(),
    ActionFilter(statuses=frozenset({ActionStatus.OPEN})),
    ActionFilter(statuses=frozenset({ActionStatus.DONE, ActionStatus.DROPPED})),
    ActionFilter(overdue=True),
    ActionFilter(due_within=0),
    ActionFilter(due_within=30),
    ActionFilter(committee="harbour", due_within=60),
    ActionFilter(committee="audit"),
    ActionFilter(owner="head of"),
    ActionFilter(owner="harbour master", statuses=frozenset({ActionStatus.OPEN})),
    ActionFilter(text="pontoon"),
    ActionFilter(text="pont"),
    ActionFilter(text="coastal"),  # a committee's name: the index alone is not enough
    ActionFilter(text="audit"),  # in a committee's name and in actions
    ActionFilter(text="100%_"),
    ActionFilter(text="-"),  # no words for the index: the committee only
    ActionFilter(text="chased"),  # a latest update's words
    ActionFilter(text="pontoon", overdue=True),
]
LIMITS = [None, 0, 1, 4]


def assert_same_everywhere(
    store: Store, now: pendulum.DateTime, sorts: tuple[str, ...] = tuple(SORTS)
) -> int:
    """Every filter, sort (of ``sorts``), direction, version and limit
    reads as it did before; the number of non-empty pages compared."""
    sheet = ActionSheet(store)
    compared = 0
    for chosen, sort, descending, public, limit in itertools.product(
        FILTERS, sorts, (False, True), (False, True), LIMITS
    ):
        wanted = replace(chosen, sort=sort, descending=descending, public=public, limit=limit)
        expected = old_page(store, wanted, now)
        assert sheet.page(wanted, now) == expected, wanted
        compared += bool(expected[0])
        if limit is None:
            assert sheet.counts(wanted, now) == expected[1], wanted
            assert sheet.rows(wanted, now) == expected[0], wanted
    everything, _ = old_page(store, ActionFilter(limit=None), now)
    for row in everything:
        assert sheet.row(row.action_id, now) == row
    for row in old_page(store, ActionFilter(limit=None, public=True), now)[0]:
        assert sheet.row(row.action_id, now, public=True) == row
    return compared


@pytest.fixture
def seams(store: Store) -> dict[str, int]:
    """Two committees, four meetings so far; the ids of what later steps change."""
    october = create_meeting(
        store,
        HARBOUR,
        at(2026, 10, 5),
        agenda=[NewItem("Pontoon repairs"), NewItem("Land at the quay", exempt=True)],
    )
    minute(
        store,
        october,
        at(2026, 10, 5, 18, 35),
        "/item 1",
        "! Harbour Master: inspect the pontoon hinges by 30/11/2026",
        "! Head of Assets: cost the pontoon replacement by next meeting",
        "! Head of Finance: report pontoon income by 14/12/2026",
        "! Harbour master: publish the tide tables by 15/12/2026",
        "! Head of Legal: check the 100%_ clause by 01/01/2027",
        "! Clerk: book the boat by next meeting",
        "! Clerk: a duplicate action typed by mistake by next meeting",
        "/item 2",
        "! Head of Legal: value the quay land by next meeting",
    )
    november = create_meeting(
        store,
        HARBOUR,
        at(2026, 11, 10),
        agenda=[NewItem("Dredging"), NewItem("Quay lease", exempt=True)],
    )
    hinges, cost, income, tides, clause, boat, duplicate, land = actions_of(store, october)
    delete_entry(store, duplicate)
    updates = minute(
        store,
        november,
        at(2026, 11, 10, 18, 35),
        "/item 1",
        f"!! {action_number(store, hinges)} done: hinges inspected",
        f"!! {action_number(store, income)} dropped: no longer needed",
        f"!! {action_number(store, tides)}: chased the printer",
        f"!! {action_number(store, boat)} due next meeting",
        "! Harbour Master: dredge the channel by next meeting",
        "/item 2",
        f"!! {action_number(store, cost)} due next meeting",
        f"!! {action_number(store, clause)}: chased; owner now Solicitor",
    )
    delete_entry(store, updates[3])  # the boat's due set again: deleted, counts no more
    audit = create_meeting(
        store, AUDIT, at(2026, 12, 1, 10, 0), agenda=[NewItem("Audit plan and pontoon audit")]
    )
    minute(
        store,
        audit,
        at(2026, 12, 1, 10, 5),
        "! Head of Audit: circulate the audit plan by 14/12/2026",
        "! Chief Finance Officer: report fraud referrals by next meeting",
        "! Head of Audit: audit the pontoon accounts by next meeting",
    )
    plan, fraud, accounts = actions_of(store, audit)
    sheet = ActionSheet(store)
    sheet.update(fraud, due_text="next meeting", now=at(2026, 12, 3, 9, 0))  # from the sheet
    sheet.update(plan, note="chased the auditors", now=at(2026, 12, 4, 9, 0))
    # the Audit Committee meets next in Auckland: its start's date there is a day on
    auckland = create_meeting(
        store, AUDIT, at(2026, 12, 20, 23, 30, zone="UTC"), time_zone="Pacific/Auckland"
    )
    return {
        "land": land,
        "cost": cost,
        "boat": boat,
        "accounts": accounts,
        "auckland": auckland,
    }


@pytest.mark.parametrize("now", [at(2026, 12, 14, 18, 25), at(2026, 12, 21, 9, 0)])
def test_every_page_reads_as_before_across_the_seams(
    store: Store, seams: dict[str, int], now: pendulum.DateTime
) -> None:
    sheet = ActionSheet(store)
    rows, counts = sheet.page(ActionFilter(limit=None), now)
    # the database does cross the seams it is meant to
    assert counts.total == 11 and counts.done == 1 and counts.dropped == 1
    dues = {row.action_id: (row.due, row.due_text) for row in rows}
    assert dues[seams["accounts"]] == (date(2026, 12, 21), "next meeting")  # Auckland's date
    assert dues[seams["cost"]] == (None, "next meeting")  # set again in November: none yet
    public, _ = sheet.page(ActionFilter(limit=None, public=True), now)
    assert len(public) == 10 and seams["land"] not in {row.action_id for row in public}
    assert sheet.row(seams["land"], now).confidential
    assert assert_same_everywhere(store, now) > 500


def test_pages_read_as_before_as_meetings_are_added_and_moved(
    store: Store, seams: dict[str, int]
) -> None:
    now = at(2027, 2, 1, 9, 0)
    due_sorts = ("due", "status", "reference")  # what "next meeting" moves
    assert_same_everywhere(store, now, due_sorts)
    # the Harbour Board's next meeting is arranged: November's "next meeting"s resolve
    january = create_meeting(store, HARBOUR, at(2027, 1, 19), agenda=[NewItem("Pontoon")])
    sheet = ActionSheet(store)
    assert sheet.row(seams["cost"], now).due == date(2027, 1, 19)
    assert sheet.row(seams["cost"], now).overdue
    assert_same_everywhere(store, now, due_sorts)
    # ... and moves to New York: same wall clock, five hours later in UTC
    change_zone(store, january, "America/New_York")
    assert_same_everywhere(store, now, due_sorts)
    # one arranged earlier still, in Auckland, where 19:30 on 18 January is the 19th in UTC
    create_meeting(store, HARBOUR, at(2027, 1, 19, 6, 30, zone="UTC"), time_zone="Pacific/Auckland")
    assert sheet.row(seams["cost"], now).due == date(2027, 1, 19)
    assert_same_everywhere(store, now, due_sorts)
    # Auckland's meeting moves to London at the same wall clock: still the 21st
    change_zone(store, seams["auckland"], LONDON)
    assert store.meeting(seams["auckland"]).starts_at.isoformat() == "2026-12-21T12:30:00+00:00"
    assert sheet.row(seams["accounts"], now).due == date(2026, 12, 21)
    assert_same_everywhere(store, now, due_sorts)


def test_a_meeting_start_that_is_not_an_iso_moment_reads_as_before(
    store: Store, seams: dict[str, int]
) -> None:
    """A start stored by hand in another form (``local_date``'s way out)."""
    store.conn.execute(
        "update meetings set starts_at = '2026-12-20 23:30:00+00:00' where id = ?",
        [seams["auckland"]],
    )
    store.conn.commit()
    assert local_date("2026-12-20 23:30:00+00:00", "Pacific/Auckland") == "2026-12-21"
    assert_same_everywhere(store, at(2026, 12, 22, 9, 0))


def test_a_filter_reads_only_the_actions_it_needs(store: Store, seams: dict[str, int]) -> None:
    """What keeps the filters quick on a 30,000-action archive, read from
    SQLite's plan (not from a clock): actions lead, each action's entry is
    looked up in the index of live action entries (never in the entries
    table, ten times the size), the text filter starts from the full-text
    index's ids, and when "next meeting" was set is found in the index of
    updates that set a due date."""
    from minuteterm.actions import sheet

    today = to_local(clock.now()).date()
    for chosen in (
        ActionFilter(statuses=frozenset({ActionStatus.OPEN})),
        ActionFilter(overdue=True),
        ActionFilter(owner="head of"),
        ActionFilter(text="pontoon"),
    ):
        where, params = ActionSheet(store)._where(chosen, today)
        plan = [
            row[3]
            for row in store.conn.execute(
                f"explain query plan select action_id, {sheet._TOTALS} from ({sheet._SHEET})"
                f"{where} order by {SORTS['reference'].format(dir='asc')} limit 500",
                params,
            )
        ]
        assert "SEARCH e USING INDEX entries_live_actions (id=?)" in plan, plan
        assert not any(step.startswith(("SCAN e", "SEARCH e USING INTEGER")) for step in plan)
        assert "SEARCH i USING COVERING INDEX agenda_items_placed (id=?)" in plan, plan
        assert any("USING INDEX action_updates_setting_due" in step for step in plan), plan
        if chosen.text:
            assert "SEARCH a USING INTEGER PRIMARY KEY (rowid=?)" in plan, plan
            assert not any(step.startswith("SCAN a") for step in plan), plan
