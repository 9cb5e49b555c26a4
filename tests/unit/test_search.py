"""Archive search: every kind of entry and every title is found, the index
follows every change (edit, delete, undo, a second connection), the exact
phrase ranks first, no query can raise, and a public search never shows
exempt discussion or a confidential action."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pendulum
import pytest

from minuteterm.db.schema import MIGRATIONS
from minuteterm.db.search_index import SCOPE_MARK
from minuteterm.db.store import Store, open_store
from minuteterm.model import NewItem
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.recorder import Recorder
from minuteterm.search.query import SearchFilter, search
from minuteterm.search.results import Hit, plain
from tests.search_scenario import FINANCE, HARBOUR, build, typed
from tests.system.test_cli import assert_refused, run

HOSTILE = [
    '"',
    '""',
    '"unbalanced phrase',
    "*",
    "**",
    "NEAR(",
    "NEAR(sea wall",
    "-",
    "--",
    "- -",
    "-sea",
    "OR",
    "AND",
    "NOT",
    "sea OR",
    "OR wall",
    "(",
    ")",
    "sea)",
    "{text}: sea",
    "text:sea",
    "scope:c1",
    "^sea",
    "sea + wall",
    "'",
    "\\",
    "%_",
    "\x00sea",
    "sea" * 3_400,
    "sea wall " * 1_250,
    "🌊 wall",
    "é",
]


def found(store: Store, text: str, **chosen: object) -> list[Hit]:
    """The hits for ``text`` (as many as there are)."""
    return search(store.conn, text, SearchFilter(limit=100, **chosen)).hits  # type: ignore[arg-type]


def kinds(store: Store, text: str, **chosen: object) -> set[str]:
    return {hit.kind for hit in found(store, text, **chosen)}


def test_words_in_every_kind_of_entry_and_in_titles_are_found(store: Store) -> None:
    build(store)
    assert kinds(store, "cracking") == {"note"}
    assert kinds(store, "divers inspected") == {"question"}
    assert kinds(store, "scouring") == {"response"}
    assert kinds(store, "structural survey") == {"action"}
    assert kinds(store, "repair programme approved") == {"resolution"}
    assert kinds(store, "gallimaufry") == {"action_update"}
    assert kinds(store, "quillfeather") == {"action_update"}  # typed on the action sheet
    assert kinds(store, "north quay") == {"item"}
    assert kinds(store, "Rowe") == {"question"}  # the speaker is searched too
    hit = found(store, "scouring")[0]
    assert (hit.committee, hit.reference, hit.title) == (
        HARBOUR,
        "1",
        "Sea wall repairs at the north quay",
    )
    assert hit.starts_at.date() == date(2026, 10, 12)
    assert "\x02scouring\x03" in hit.snippet


def test_prefix_or_and_exclusion(store: Store) -> None:
    build(store)
    assert kinds(store, "scour*") == {"response"}
    assert kinds(store, "cracking OR scouring") == {"note", "response"}
    assert kinds(store, "sea wall -budget -allocation", kinds=frozenset({"note"})) == {"note"}
    assert [h.starts_at.month for h in found(store, "sea wall -budget", kinds={"note"})] == [10]
    assert found(store, "-cracking") == []  # nothing to find: nothing found


def test_the_index_follows_edits_deletes_and_undo(store: Store) -> None:
    scenario = build(store)
    recorder = Recorder(store, scenario.december)
    typed(recorder, "The contractor's compound was fenced off.")
    entry = store.last_entry(scenario.december)
    assert entry is not None and kinds(store, "compound") == {"note"}
    recorder.edit(entry.id, "The contractor's enclosure was fenced off.")
    assert found(store, "compound") == []
    assert kinds(store, "enclosure") == {"note"}
    typed(recorder, "s/enclosure/stockade/")
    assert found(store, "enclosure") == [] and kinds(store, "stockade") == {"note"}
    recorder.change_kind(entry.id, recorder.store.entry(entry.id).kind.QUESTION)
    assert kinds(store, "stockade") == {"question"}
    recorder.delete(entry.id)
    assert found(store, "stockade") == []
    recorder.undo()
    assert kinds(store, "stockade") == {"question"}
    assert_in_step(store)


def test_a_title_added_or_renamed_is_found(store: Store) -> None:
    scenario = build(store)
    Recorder(store, scenario.december).apply("/add Urgent business: breakwater lighting")
    assert kinds(store, "lighting") == {"item"}


def test_the_exact_phrase_ranks_first(store: Store) -> None:
    start = pendulum.datetime(2026, 12, 14, 18, 30, tz="Europe/London")
    meeting = create_meeting(store, "Housing Scrutiny", start, agenda=[NewItem("Homes")])
    recorder = Recorder(store, meeting)
    typed(
        recorder,
        "/item 1",
        "Damp and mould: the action plan was agreed.",
        "Mould in the flats, damp in the houses, mould and more mould; damp again.",
        "The mould survey found damp in every block; mould, mould and mould.",
    )
    hits = found(store, "damp and mould")
    assert len(hits) == 3
    assert plain(hits[0].snippet).startswith("Damp and mould")


def test_no_query_raises(store: Store) -> None:
    build(store)
    for text in HOSTILE:
        for chosen in ({}, {"public": True, "committee": "harbour"}, {"kinds": {"item"}}):
            results = search(store.conn, text, SearchFilter(**chosen))  # type: ignore[arg-type]
            assert isinstance(results.hits, list), text


def test_hostile_queries_find_what_they_hold(store: Store) -> None:
    build(store)
    assert kinds(store, '"sea wall repair') == {"resolution", "item"}  # not an error
    assert kinds(store, "(cracking)") == {"note"}  # brackets are not grouping
    assert kinds(store, "NEAR(divers") == set()  # "near divers", as typed, is not there
    assert kinds(store, "scope:c1") == set()  # the scope words cannot be searched for
    assert len(found(store, "sea wall " * 1_250)) > 0  # a pasted page: its first words


def test_filters_committee_dates_kind(store: Store) -> None:
    build(store)
    assert {h.committee for h in found(store, "sea wall")} == {HARBOUR, FINANCE}
    assert {h.committee for h in found(store, "sea wall", committee="finance")} == {FINANCE}
    november = found(store, "sea wall", date_from=date(2026, 11, 1), date_to=date(2026, 11, 30))
    assert {h.starts_at.month for h in november} == {11}
    assert {h.starts_at.month for h in found(store, "sea wall", date_from=date(2026, 12, 14))} == {
        12
    }
    assert kinds(store, "sea wall", kinds={"resolution", "item"}) == {"resolution", "item"}
    assert found(store, "sea wall", committee="no such committee") == []


def test_a_public_search_leaves_out_exempt_discussion_and_confidential_actions(
    store: Store,
) -> None:
    build(store)
    secret = ["marlowbridge", "zanzibarite", "slipway", "quillfeather", "gallimaufry"]
    for word in secret:
        hits = found(store, word)
        assert hits and all(hit.confidential for hit in hits), word
        assert found(store, word, public=True) == [], word
    assert found(store, "boatyard", public=True)[0].kind == "item"  # the heading is public
    public = found(store, "sea wall OR lease OR valuation OR covenant", public=True)
    assert public and not any(hit.confidential for hit in public)
    assert all(not hit.exempt_item or hit.kind == "item" for hit in public)


def test_an_approved_meeting_is_found(store: Store) -> None:
    scenario = build(store)
    assert store.meeting(scenario.october).status.value == "approved"
    assert {h.meeting_id for h in found(store, "cracking")} == {scenario.october}


def test_a_second_connection_writing_while_searching(store: Store, db_path: Path) -> None:
    scenario = build(store)
    other = open_store(db_path)
    try:
        writer = Recorder(other, scenario.december)
        for number in range(5):
            typed(writer, f"Buoy number {number} relit as vortexmark{number}.")
            assert kinds(store, f"vortexmark{number}") == {"note"}
            assert len(found(store, "relit")) == number + 1
        entry = other.last_entry(scenario.december)
        assert entry is not None
        writer.delete(entry.id)
        assert found(store, "vortexmark4") == []
        assert_in_step(store)
    finally:
        other.close()


def _v6_database(path: Path) -> None:
    """A database as the previous MinuteTerm left it: schema 6, rows in."""
    import sqlite_utils

    db = sqlite_utils.Database(path)
    for migration in MIGRATIONS[:6]:
        with db.atomic():
            migration(db)
    db.execute("PRAGMA user_version = 6")
    db.execute("insert into committees (id, name) values (1, 'Harbour Board')")
    db.execute(
        "insert into meetings (id, committee_id, title, starts_at, created_at)"
        " values (1, 1, 'Harbour Board', '2019-03-04T18:30:00+00:00', '2019-03-01T00:00:00')"
    )
    db.execute(
        "insert into agenda_items (id, meeting_id, position, number, title)"
        " values (1, 1, 1, '1', 'Pontoon moorings')"
    )
    rows = [
        (n, 1, n, "note", f"Entry {n} about the lighthouse keeper.", "2019-03-04T18:31:00")
        for n in range(1, 301)
    ]
    db.conn.executemany(
        "insert into entries (id, item_id, position, kind, text, created_at)"
        " values (?, ?, ?, ?, ?, ?)",
        rows,
    )
    db.execute("update entries set deleted_at = '2019-03-04T19:00:00' where id = 300")
    db.conn.commit()
    db.close()


def test_an_older_database_gets_its_index_on_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _v6_database(path)
    seen: list[tuple[int, int]] = []
    upgraded = open_store(path, progress=lambda done, total: seen.append((done, total)))
    try:
        assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] > 300
        hits = search(upgraded.conn, "lighthouse", SearchFilter(limit=1000)).hits
        assert len(hits) == 299  # the deleted entry is not found
        assert kinds(upgraded, "moorings") == {"item"}
        Recorder(upgraded, 1).delete(1)  # the triggers work on the built index
        assert len(search(upgraded.conn, "lighthouse", SearchFilter(limit=1000)).hits) == 298
        assert_in_step(upgraded)
    finally:
        upgraded.close()
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    check.execute("insert into search_items(search_items) values ('integrity-check')")
    check.close()


# --- the command line -------------------------------------------------------------


@pytest.fixture
def scenario_db(db_path: Path) -> Path:
    opened = open_store(db_path)
    build(opened)
    opened.close()
    return db_path


def test_search_command_prints_each_result(scenario_db: Path) -> None:
    result = run("search", "scouring", db=scenario_db)
    assert result.returncode == 0, result.stderr
    assert "12/10/2026" in result.stdout and HARBOUR in result.stdout
    assert "Sea wall repairs at the north quay" in result.stdout
    assert "response" in result.stdout and "«scouring»" in result.stdout
    as_json = json.loads(run("search", "sea wall", "--format", "json", db=scenario_db).stdout)
    assert {row["committee"] for row in as_json["results"]} == {HARBOUR, FINANCE}
    csv_out = run("search", "sea wall", "--format", "csv", "--kind", "item", db=scenario_db)
    assert csv_out.stdout.splitlines()[0].startswith("date,committee,minute,title,kind")
    assert len(csv_out.stdout.splitlines()) == 4
    md = run("search", "scouring", "--format", "md", db=scenario_db).stdout
    assert "**scouring**" in md


def test_search_command_confidential_and_public(scenario_db: Path) -> None:
    full = run("search", "zanzibarite", db=scenario_db)
    assert "CONFIDENTIAL" in full.stdout and "zanzibarite" in full.stdout
    public = run("search", "zanzibarite", "--public", db=scenario_db)
    assert public.returncode == 0 and "zanzibarite" not in public.stdout.replace('"', " ")[30:]
    empty = run("search", "zanzibarite", "--public", "--format", "json", db=scenario_db)
    assert json.loads(empty.stdout)["results"] == []


@pytest.mark.parametrize("text", ['"', "NEAR(", "*", "-", "x" * 10_000])
def test_search_command_hostile_query_exits_0(scenario_db: Path, text: str) -> None:
    result = run("search", text, "--format", "json", db=scenario_db)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["results"] == []


def test_search_command_refuses_bad_filters(scenario_db: Path) -> None:
    assert_refused(run("search", "sea", "--from", "31/02/2026", db=scenario_db), "--from")
    assert_refused(run("search", "sea", "--committee", "zoo", db=scenario_db), "zoo")
    assert_refused(run("search", "sea", "--kind", "vote", db=scenario_db), "vote")
    refused = run("search", "sea", "--from", "01/12/2026", "--to", "01/11/2026", db=scenario_db)
    assert_refused(refused, "after")


#: For each index with scope words: its live rows, by committee id.
_LIVE_BY_COMMITTEE = {
    "search_entries": """select m.committee_id, count(*) from entries e
        join agenda_items i on i.id = e.item_id join meetings m on m.id = i.meeting_id
        where e.deleted_at is null group by 1""",
    "search_items": """select m.committee_id, count(*) from agenda_items i
        join meetings m on m.id = i.meeting_id group by 1""",
    "search_notes": """select m.committee_id, count(*) from action_updates u
        join entries e on e.id = u.action_id join agenda_items i on i.id = e.item_id
        join meetings m on m.id = i.meeting_id
        where u.note != '' and u.entry_id is null group by 1""",
}


def assert_in_step(store: Store) -> None:
    """Each index is sound (FTS5's own check) and holds exactly the live
    rows of its source, committee by committee (by their scope words)."""
    conn = store.conn
    for name in ("search_entries", "search_items", "search_actions", "search_notes"):
        conn.execute(f"insert into {name}({name}, rank) values ('integrity-check', 0)")
    conn.execute("insert into search_actions(search_actions, rank) values ('integrity-check', 1)")
    for name, live in _LIVE_BY_COMMITTEE.items():
        expected = dict(conn.execute(live).fetchall())
        (indexed,) = conn.execute(f"select count(*) from {name}_docsize").fetchone()
        assert indexed == sum(expected.values()), name
        for committee, count in expected.items():
            (held,) = conn.execute(
                f"select count(*) from {name} where {name} match ?",
                [f'scope : "{SCOPE_MARK}c{committee}"'],
            ).fetchone()
            assert held == count, (name, committee)
    conn.rollback()


def test_a_hard_delete_leaves_the_index_in_step(store: Store) -> None:
    """Nothing deletes a meeting, an item or an entry today, but if a
    cascade ever does, the index loses exactly those rows."""
    scenario = build(store)
    conn = store.conn
    conn.execute("delete from entries where text like 'The Harbour Master reported%'")
    assert found(store, "cracking") == []
    conn.execute(
        "delete from agenda_items where title = 'Lease of the boatyard'"
    )  # its entries, its action and the action's note (typed on the sheet) go too
    assert found(store, "quillfeather") == [] and found(store, "boatyard") == []
    conn.execute("delete from meetings where id = ?", [scenario.november])
    assert found(store, "gallimaufry") == [] and found(store, "allocation") == []
    assert kinds(store, "scouring") == {"response"}  # the rest is still found
    assert_in_step(store)


def test_a_meeting_moved_to_another_date_or_committee_is_found_there(store: Store) -> None:
    scenario = build(store)
    store.conn.execute(
        "update meetings set starts_at = '2025-06-02T17:30:00+00:00', committee_id ="
        " (select id from committees where name = ?) where id = ?",
        [FINANCE, scenario.october],
    )
    in_2025 = found(store, "cracking", date_from=date(2025, 1, 1), date_to=date(2025, 12, 31))
    assert [hit.committee for hit in in_2025] == [FINANCE]
    assert found(store, "cracking", committee="harbour") == []
    assert found(store, "north quay", date_from=date(2026, 1, 1)) == []
    assert_in_step(store)


def test_searching_while_another_connection_writes(store: Store, db_path: Path) -> None:
    """A second store writes 40 lines in its own thread while this one
    searches: every search answers (never an error, never a torn result),
    and afterwards every line is found and the index is in step."""
    import threading

    scenario = build(store)
    errors: list[BaseException] = []

    def write() -> None:
        other = open_store(db_path)
        try:
            writer = Recorder(other, scenario.december)
            for number in range(40):
                typed(writer, f"Mooring buoy {number} inspected by the quaymaster.")
        except BaseException as error:  # reported to the test below
            errors.append(error)
        finally:
            other.close()

    thread = threading.Thread(target=write)
    thread.start()
    seen = []
    for _ in range(400):  # bounded: at most 400 searches
        hits = found(store, "quaymaster")
        assert all("quaymaster" in plain(hit.snippet) for hit in hits)
        seen.append(len(hits))
        if not thread.is_alive():
            break
    thread.join(timeout=60)
    assert not thread.is_alive() and errors == []
    assert seen == sorted(seen)  # what was found stays found
    assert len(found(store, "quaymaster")) == 40
    assert_in_step(store)
