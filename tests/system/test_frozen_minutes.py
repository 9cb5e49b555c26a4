"""Signed minutes never change: once a meeting's minutes are approved, later
work on people and committee settings (a new title, a substitute made an
officer, letters for resolutions, another numbering, a quorum) leaves every
export of them — every format, both versions — byte for byte the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from minuteterm.db.store import Store, open_store
from minuteterm.export import FORMATS
from minuteterm.model import MeetingRecord
from minuteterm.recording.record import meeting_record
from minuteterm.recording.recorder import Recorder
from tests.system.test_cli import run

COMMITTEE = "Housing Scrutiny Panel"


def cli(db: Path, *args: str, stdin: str | None = None) -> str:
    done = run(*args, db=db, stdin=stdin)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def exports(db: Path, meeting: str, folder: Path) -> dict[str, bytes]:
    """Every format, both versions, as written by ``minuteterm export``."""
    found = {}
    for fmt in FORMATS:
        for public in ((), ("--public",)):
            target = folder / f"{fmt}{'-public' if public else ''}.{fmt}"
            cli(db, "export", meeting, "--format", fmt, *public, "-o", str(target))
            found[target.name] = target.read_bytes()
    return found


@pytest.fixture
def approved(db_path: Path, tmp_path: Path) -> tuple[str, str]:
    """December's meeting, closed and approved at January's."""
    agenda = tmp_path / "agenda.md"
    agenda.write_text(
        "1. Apologies for absence\n2. Declarations of interest\n"
        "3. Minutes of the previous meeting\n4. Damp and mould\n"
        "5. Sale of Mill Lane depot (exempt 3)\n",
        encoding="utf-8",
    )
    december = cli(
        db_path, "new", "--committee", COMMITTEE, "--date", "14/12/2026", "--agenda", str(agenda)
    )
    lines = [
        "present+ Cllr Nadia Osei, Cllr Tom Price",
        "chair+ Osei",
        "sub+ Cllr Sam Ahmed for Cllr Ruth Dale",
        "officer+ Gemma Lowe, Head of Housing",
        "/item 4",
        "? Cllr Price: how many homes had damp reported",
        "> Head of Housing: 212 homes this year",
        "= That the report be noted.",
        "= That a further report come in March.",
        "/item 5",
        "The Panel heard the offer of £1.2m.",
        "= That the offer be accepted.",
        "/end",
    ]
    cli(db_path, "capture", december, stdin="\n".join(lines) + "\n")
    january = cli(
        db_path, "new", "--committee", COMMITTEE, "--date", "18/1/2027", "--agenda", str(agenda)
    )
    cli(db_path, "capture", january, stdin="/item 3\n/approve\n")
    return december, january


def test_approved_minutes_stay_byte_identical_after_every_change(
    db_path: Path, tmp_path: Path, approved: tuple[str, str]
) -> None:
    december, january = approved
    (tmp_path / "before").mkdir()
    (tmp_path / "after").mkdir()
    before = exports(db_path, december, tmp_path / "before")
    text = before["md.md"].decode()
    assert "Gemma Lowe (Head of Housing)" in text and "1) That the report be noted." in text
    changes = [
        "officer+ Gemma Lowe, Chief Executive",
        "officer+ Cllr Sam Ahmed, Housing Adviser",
        "present+ Cllr Tom Price",
        "chair+ Price",
    ]
    cli(db_path, "capture", january, stdin="\n".join(changes) + "\n")
    cli(
        db_path,
        "committee",
        COMMITTEE,
        "--resolutions",
        "letters",
        "--numbering",
        "prefixed",
        "--prefix",
        "HSP",
        "--quorum",
        "5",
        "--first-minute",
        "400",
    )
    after = exports(db_path, december, tmp_path / "after")
    changed = [name for name in before if before[name] != after[name]]
    assert not changed, f"approved minutes changed in {changed}"
    # the changes took: the people and the committee as they are now differ
    store = open_store(db_path)
    try:
        titles = store.query("select title from people where name = 'Gemma Lowe'")
        assert [row["title"] for row in titles] == ["Chief Executive"]
        committee = meeting_record(store, int(december)).committee
        assert store.committee_by_id(committee.id) != committee
    finally:
        store.close()


def test_withdrawing_the_approval_thaws_the_minutes_and_undo_freezes_them_again(
    db_path: Path, approved: tuple[str, str]
) -> None:
    december, january = approved

    def snapshots(store: Store) -> int:
        rows = store.query(
            "select count(*) as n from minutes_snapshots where meeting_id = ?", [int(december)]
        )
        return int(rows[0]["n"])

    store = open_store(db_path)
    try:
        recorder = Recorder(store, int(january))
        assert snapshots(store) == 1
        approval = store.last_entry(int(january))
        recorder.delete(approval.id)
        assert snapshots(store) == 0  # open again: made from its rows
        Recorder(store, int(december)).apply("officer+ Gemma Lowe, Chief Executive")
        titles = {a.name: a.title for a in meeting_record(store, int(december)).attendees}
        assert titles["Gemma Lowe"] == "Chief Executive"
        recorder.undo()
        assert snapshots(store) == 1  # frozen again when re-approved
        recorder.apply("officer+ Gemma Lowe, Director of Place")
        titles = {a.name: a.title for a in meeting_record(store, int(december)).attendees}
        assert titles["Gemma Lowe"] == "Chief Executive"
    finally:
        store.close()


def test_a_record_survives_its_json_unchanged(db_path: Path, approved: tuple[str, str]) -> None:
    from minuteterm.recording.frozen import decode, encode
    from minuteterm.recording.record import live_record

    december, _ = approved
    store = open_store(db_path)
    try:
        record = live_record(store, int(december))
    finally:
        store.close()
    assert decode(MeetingRecord, encode(record)) == record


def test_minutes_approved_before_snapshots_existed_never_change_either(
    db_path: Path, approved: tuple[str, str], tmp_path: Path
) -> None:
    """Minutes approved by an older MinuteTerm (no frozen record) are frozen
    before their committee's settings change, so that change (and a new
    title for an officer) leaves them as they were."""
    import sqlite3

    december, january = approved
    (tmp_path / "old-before").mkdir()
    (tmp_path / "old-after").mkdir()
    before = exports(db_path, december, tmp_path / "old-before")
    conn = sqlite3.connect(db_path)  # as an older MinuteTerm left it: approved, no snapshot
    conn.execute("delete from minutes_snapshots")
    conn.commit()
    conn.close()
    cli(db_path, "capture", january, stdin="officer+ Gemma Lowe, Chief Executive\n")
    cli(db_path, "committee", COMMITTEE, "--resolutions", "letters", "--questions", "narrative")
    after = exports(db_path, december, tmp_path / "old-after")
    assert [name for name in before if before[name] != after[name]] == []
    store = open_store(db_path)
    try:
        frozen = store.query("select meeting_id from minutes_snapshots")
        assert [row["meeting_id"] for row in frozen] == [int(december)]
        titles = {a.name: a.title for a in meeting_record(store, int(december)).attendees}
        assert titles["Gemma Lowe"] == "Head of Housing"
    finally:
        store.close()
