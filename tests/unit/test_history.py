"""A subject's history: every earlier item on the subject across
committees, oldest first, with resolutions and actions as they stand
today; exported as one page; a public history keeps exempt discussion out."""

from __future__ import annotations

from pathlib import Path

import pendulum

from minuteterm.actions.sheet import ActionSheet
from minuteterm.db.store import Store, open_store
from minuteterm.export.history import render_history
from minuteterm.model import NewItem
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.recorder import Recorder
from minuteterm.search.history import history, item_history, predecessors, subject_words
from tests.search_scenario import FINANCE, HARBOUR, build, typed
from tests.system.test_cli import assert_refused, run


def test_history_lists_items_across_two_committees_in_date_order(store: Store) -> None:
    build(store)
    story = history(store.conn, "sea wall repairs")
    assert [(item.committee, item.starts_at.month) for item in story.items] == [
        (HARBOUR, 10),
        (FINANCE, 11),
        (HARBOUR, 12),
    ]
    first = story.items[0]
    assert first.title == "Sea wall repairs at the north quay"
    assert first.resolutions == ("That the sea wall repair programme be approved.",)
    assert [action.description for action in first.actions] == [
        "commission a structural survey of the sea wall"
    ]


def test_actions_show_where_they_stand_today(store: Store) -> None:
    build(store)
    survey = history(store.conn, "sea wall").items[0].actions[0]
    assert survey.status == "open"
    ActionSheet(store).update(survey.action_id, note="survey received", status=None)
    Recorder(store, 3).apply(f"!! {survey.number} done: survey report circulated")
    today = history(store.conn, "sea wall").items[0].actions[0]
    assert (today.status, today.latest_note) == ("done", "survey report circulated")


def test_an_items_history_is_the_earlier_items_only(store: Store) -> None:
    scenario = build(store)
    items = store.items(scenario.december)
    december_item = next(item for item in items if item.title == "Sea wall repairs: progress")
    story = item_history(store.conn, december_item.id)
    assert [item.starts_at.month for item in story.items] == [10, 11]
    assert [item.starts_at.month for item in predecessors(store.conn, december_item.id)] == [
        11,
        10,
    ]


def test_the_subject_is_its_telling_words(store: Store) -> None:
    assert subject_words("Damp and mould in council homes: progress update") == [
        "damp",
        "mould",
        "council",
        "homes",
    ]
    start = pendulum.datetime(2026, 3, 2, 18, 30, tz="Europe/London")
    titles = [
        "Damp and mould in council homes: progress update",
        "Council homes allocation policy",
        "Damp and mould action plan",
        "Apologies for absence",
    ]
    for number, title in enumerate(titles):
        create_meeting(store, "Housing", start.add(months=number), agenda=[NewItem(title)])
    story = history(store.conn, "Damp and mould in council homes: progress update")
    assert [item.title for item in story.items] == [titles[0], titles[2]]
    assert history(store.conn, "the report update").items == []  # no telling words
    assert history(store.conn, "apologies").items == []  # a standing item is no subject


def test_a_public_history_keeps_exempt_discussion_out(store: Store) -> None:
    build(store)
    secret = ["marlowbridge", "zanzibarite", "slipway", "quillfeather", "gallimaufry"]
    full = render_history(history(store.conn, "lease of the boatyard"), "text")
    assert "CONFIDENTIAL" in full and "zanzibarite" in full
    for fmt in ("text", "md", "html"):
        public = render_history(history(store.conn, "boatyard", public=True), fmt)
        assert "Lease of the boatyard" in public  # the heading is public
        assert not [word for word in secret if word in public.casefold()], fmt
        sea = render_history(history(store.conn, "sea wall", public=True), fmt).casefold()
        assert not [word for word in secret if word in sea], fmt


def test_history_command_writes_one_page(db_path: Path, tmp_path: Path) -> None:
    opened = open_store(db_path)
    build(opened)
    opened.close()
    result = run("history", "sea wall repairs", db=db_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "History: sea wall repairs"
    assert lines.index(next(x for x in lines if FINANCE in x)) > lines.index(
        next(x for x in lines if "12 October 2026" in x)
    )
    page = tmp_path / "story.html"
    written = run("history", "sea wall", "--format", "html", "-o", str(page), db=db_path)
    assert written.returncode == 0 and page.read_text().startswith("<!DOCTYPE html>")
    assert "RESOLVED: That the sea wall repair programme be approved." in page.read_text()
    nothing = run("history", "unicorns", db=db_path)
    assert nothing.returncode == 0 and "No earlier items" in nothing.stdout
    assert_refused(run("history", "  ", db=db_path), "subject")


def test_history_after_a_delete_and_an_edit(store: Store) -> None:
    scenario = build(store)
    recorder = Recorder(store, scenario.december)
    typed(recorder, "= That the contractor be thanked.")
    resolution = store.last_entry(scenario.december)
    assert resolution is not None
    story = history(store.conn, "sea wall")
    assert story.items[-1].resolutions == ("That the contractor be thanked.",)
    recorder.delete(resolution.id)
    assert history(store.conn, "sea wall").items[-1].resolutions == ()
