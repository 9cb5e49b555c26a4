"""Each committee's house style, set once and used by every export path.

Through the command line (``minuteterm committee … --questions/--naming/
--resolutions`` then ``minuteterm export``, in child processes on a real
file) and through the review screen (F8, its X) and Ctrl+E in the app.
Also: standing items that have nothing minuted say so, and a file made by
an earlier MinuteTerm gains the house-style columns.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pendulum
import pytest
import sqlite_utils
from textual.widgets import Markdown, Static

from minuteterm.db.schema import MIGRATIONS, SCHEMA_VERSION
from minuteterm.db.store import Store, open_store
from minuteterm.formal.committees import Settings, configure
from minuteterm.minutes import BulletList, Minutes, Paragraph, build_minutes
from minuteterm.minutes.house_style import member_name
from minuteterm.model import EntryKind, NewItem
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.recorder import Recorder
from minuteterm.tui.app import MinuteTermApp
from minuteterm.tui.screens.review_screen import ReviewScreen
from tests.system.test_cli import assert_refused, run
from tests.unit.test_reported_speech import case_record

COMMITTEE = "Audit and Governance Board"
LINES = (
    "present+ Cllr Priya Lee, Cllr Helen Ward",
    "officer+ Gemma Lowe, Head of Finance",
    "/item 4",
    "? Cllr Lee: asked whether the audit would be late",
    "> Head of Finance: confirmed that it would be on time",
    "? Cllr Ward: was the audit fee higher this year?",
    "> Gemma Lowe: yes, by 4 per cent",
    "= That the Board note the report",
    "= That the Board support the revised audit timetable",
    "The Chair thanked the auditors for attending.",
)
AGENDA = "1. Apologies for absence\n2. Substitute Members\n3. Declarations of interest\n"
AGENDA += "4. External audit plan\n5. Urgent business\n"


@pytest.fixture
def meeting_file(tmp_path: Path, db_path: Path) -> str:
    """A meeting minuted through the command line; its id."""
    agenda = tmp_path / "agenda.md"
    agenda.write_text(AGENDA, encoding="utf-8")
    made = run(
        "new", "--committee", COMMITTEE, "--date", "14/12/2026", "--agenda", str(agenda), db=db_path
    )
    assert made.returncode == 0, made.stderr
    meeting = made.stdout.strip()
    captured = run("capture", meeting, db=db_path, stdin="\n".join(LINES) + "\n")
    assert captured.returncode == 0, captured.stderr
    return meeting


def exported(db: Path, meeting: str, folder: Path, *options: str) -> str:
    """``minuteterm export MEETING --format md`` with ``options``; the file's text."""
    result = run("export", meeting, "--format", "md", "-o", str(folder), *options, db=db)
    assert result.returncode == 0, result.stderr
    return Path(result.stdout.strip()).read_text(encoding="utf-8")


def test_each_house_style_setting_changes_the_cli_export(
    meeting_file: str, db_path: Path, tmp_path: Path
) -> None:
    plain = exported(db_path, meeting_file, tmp_path)
    # the default house style: dash questions, "Cllr Priya Lee", numbered resolutions
    assert "Cllr Priya Lee asked whether the audit would be late – the Head of Finance" in plain
    assert "Was the audit fee higher this year – yes, by 4 per cent." in plain
    assert "1) That the Board note the report." in plain
    assert "Gemma Lowe advised" not in plain  # officers speak by title

    settings = run(
        "committee",
        COMMITTEE,
        "--questions",
        "narrative",
        "--naming",
        "councillor-surname",
        "--resolutions",
        "shared-stem",
        db=db_path,
    )
    assert settings.returncode == 0, settings.stderr
    assert "narrative" in settings.stdout and "Councillor Lee" in settings.stdout
    house = exported(db_path, meeting_file, tmp_path)
    assert "**Present:** Councillor Lee, Councillor Ward." in house
    assert (
        "Councillor Lee asked whether the audit would be late. The Head of Finance confirmed"
        " that it would be on time." in house
    )
    assert (
        "Councillor Ward asked whether the audit fee was higher this year. The Head of Finance"
        " advised that this was the case, by 4 per cent." in house
    )
    assert "**RESOLVED:** That the Board –\n\n1) note the report; and\n2) support" in house
    # a note typed after the resolutions stays after them
    assert house.index("support the revised audit timetable.") < house.index("thanked the auditors")

    bullets = exported(db_path, meeting_file, tmp_path, "--questions", "bullets")
    assert "- In response to a query from Councillor Lee as to whether the audit" in bullets

    run(
        "committee",
        COMMITTEE,
        "--naming",
        "councillor-full",
        "--resolutions",
        "lettered",
        db=db_path,
    )
    full = exported(db_path, meeting_file, tmp_path)
    assert "Councillor Priya Lee asked whether" in full
    assert "(a) That the Board note the report." in full
    overridden = exported(db_path, meeting_file, tmp_path, "--naming", "cllr-full")
    assert "Cllr Priya Lee asked whether" in overridden


def test_the_old_resolution_flags_still_work_and_bad_styles_are_refused(
    meeting_file: str, db_path: Path, tmp_path: Path
) -> None:
    assert run("committee", COMMITTEE, "--resolutions", "letters", db=db_path).returncode == 0
    assert "(a) That the Board note the report." in exported(db_path, meeting_file, tmp_path)
    assert run("committee", COMMITTEE, "--resolutions", "numbers", db=db_path).returncode == 0
    assert "1) That the Board note the report." in exported(db_path, meeting_file, tmp_path)
    assert_refused(run("committee", COMMITTEE, "--naming", "lord-mayor", db=db_path), "--naming")
    assert_refused(run("committee", COMMITTEE, "--questions", "table", db=db_path), "--questions")


def test_standing_items_with_nothing_minuted_say_so(
    meeting_file: str, db_path: Path, tmp_path: Path
) -> None:
    text = exported(db_path, meeting_file, tmp_path)
    for heading, sentence in (
        ("## 1. Apologies for absence", "There were no apologies for absence."),
        ("## 2. Substitute Members", "There were no substitute members."),
        ("## 3. Declarations of interest", "No declarations of interest were made."),
        ("## 5. Urgent business", "There was no urgent business."),
    ):
        assert f"{heading}\n\n{sentence}" in text


# --- the app ----------------------------------------------------------------------------


def app_meeting(store: Store) -> int:
    """The same meeting, made through the store and the Recorder."""
    starts = pendulum.datetime(2026, 12, 14, 18, 30, tz="Europe/London")
    agenda = [NewItem(line.split(". ", 1)[1]) for line in AGENDA.splitlines()]
    meeting_id = create_meeting(store, COMMITTEE, starts, venue="Room 2", agenda=agenda)
    recorder = Recorder(store, meeting_id)
    for line in LINES:
        recorder.apply(line, EntryKind.NOTE)  # raises if refused
    return meeting_id


async def test_review_opens_in_the_house_style_and_x_names_files_by_style(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    meeting_id = app_meeting(store)
    committee = store.committee(COMMITTEE)
    configure(
        store,
        committee.name,
        Settings(question_style="narrative", member_naming="councillor-surname", shared_stem=True),
    )
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        review = app.screen
        source = review.query_one(Markdown).source
        assert "Councillor Lee asked whether the audit would be late. The Head of Finance" in source
        assert "That the Board –" in source
        title = str(review.query_one("#review-title", Static).render())
        assert "narrative questions, full version — the house style" in title

        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        narrative = tmp_path / "audit-and-governance-board-2026-12-14-narrative.md"
        assert narrative.is_file()
        kept = narrative.read_text(encoding="utf-8")
        assert "Councillor Lee asked whether" in kept

        await pilot.press("1")
        await pilot.pause()
        title = str(review.query_one("#review-title", Static).render())
        assert "dash questions, full version — house style: narrative" in title
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        dash = tmp_path / "audit-and-governance-board-2026-12-14-dash.md"
        assert "Councillor Lee asked whether the audit would be late – the Head" in dash.read_text(
            encoding="utf-8"
        )
        assert narrative.read_text(encoding="utf-8") == kept  # never overwritten
        assert {p.suffix for p in tmp_path.glob("*-dash.*")} == {".md", ".html", ".docx"}


async def test_ctrl_e_exports_in_the_house_style(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    meeting_id = app_meeting(store)
    configure(store, COMMITTEE, Settings(question_style="bullets"))
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+e")
        await app.workers.wait_for_complete()
        await pilot.pause()
    text = (tmp_path / "audit-and-governance-board-2026-12-14.md").read_text(encoding="utf-8")
    assert "- In response to a query from Cllr Priya Lee as to whether the audit" in text


# --- the file ------------------------------------------------------------------------------


def test_an_older_file_gains_the_house_style_columns(db_path: Path) -> None:
    db = sqlite_utils.Database(sqlite3.connect(db_path))
    for number, step in enumerate(MIGRATIONS[:6], start=1):
        step(db)
        db.execute(f"PRAGMA user_version = {number}")
    db.execute("insert into committees (id, name, resolution_marks) values (1, 'Audit', 'letters')")
    db.conn.commit()
    db.close()
    store = open_store(db_path)
    try:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        committee = store.committee("Audit")
        assert (committee.question_style, committee.member_naming) == ("dash", "cllr-full")
        assert committee.shared_stem is False and committee.resolution_marks.value == "letters"
    finally:
        store.close()


# --- pure: names and the body noun ---------------------------------------------------------


def section_text(minutes: Minutes) -> list[str]:
    """The only section's paragraphs and bullets as text (intros left out)."""
    out = []
    for block in minutes.sections[0].blocks:
        if isinstance(block, BulletList):
            out += [item.text for item in block.items]
        elif isinstance(block, Paragraph) and block.role != "intro":
            out.append(block.text)
    return out


@pytest.mark.parametrize(
    ("naming", "written"),
    [
        ("cllr-full", "Cllr Priya Lee"),
        ("councillor-surname", "Councillor Lee"),
        ("councillor-full", "Councillor Priya Lee"),
    ],
)
def test_members_are_named_the_house_way_and_officers_by_title(naming: str, written: str) -> None:
    lines = ["? Cllr Lee: asked about the backlog", "> Gemma Lowe: explained that it had halved"]
    record = case_record(lines)
    minutes = build_minutes(record, "narrative", naming=naming)
    assert section_text(minutes) == [
        f"{written} asked about the backlog. The Head of Digital Services explained that it"
        " had halved."
    ]
    assert minutes.attendance is not None and written in minutes.attendance.present
    assert member_name("Cllr Mary-Jane O'Neil", naming).endswith("O'Neil")
    assert member_name("Gemma Lowe", naming) == "Gemma Lowe"  # not a councillor


@pytest.mark.parametrize(
    ("committee", "noun"),
    [
        ("Audit and Governance Board", "Board"),
        ("Health Scrutiny Panel", "Panel"),
        ("Planning Sub-Committee", "Sub-Committee"),
        ("Overview and Scrutiny Committee", "Committee"),
    ],
)
def test_the_body_noun_follows_the_committee_name(committee: str, noun: str) -> None:
    lines = ["? Cllr Ward: the cost of the scheme", "> Director of Place: it was £3m"]
    minutes = build_minutes(case_record(lines, committee), "bullets")
    assert f"the {noun} was advised that it was £3m." in section_text(minutes)[0]


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        ("Apologies for absence", "There were no apologies for absence."),
        ("Substitute Members", "There were no substitute members."),
        ("Urgent business", "There was no urgent business."),
        ("Any other business", "There was no other business."),
        ("Public questions", "No questions had been received from members of the public."),
        ("Petitions", "No petitions had been received."),
        ("Chair's announcements", "There were no announcements."),
    ],
)
def test_a_routine_item_with_nothing_minuted_is_never_a_bare_heading(
    title: str, sentence: str
) -> None:
    record = case_record([])
    item = replace(record.items[0].item, title=title)
    record = replace(record, items=[replace(record.items[0], item=item)], attendees=[])
    assert section_text(build_minutes(record)) == [sentence]
    ordinary = build_minutes(case_record([])).sections[0]
    assert ordinary.blocks == ()  # an ordinary item is left for the clerk to write
