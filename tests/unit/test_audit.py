"""The audit trail on a real file: every edit, change of kind, re-attachment,
delete and restore keeps the entry as it was, with when, in the same
transaction as the change; approved minutes change nothing and keep nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pendulum
import pytest
import sqlite_utils

from minuteterm.db import audit
from minuteterm.db.schema import MIGRATIONS, SCHEMA_VERSION
from minuteterm.db.store import MeetingLocked, Store, StoreError, open_store
from minuteterm.model import Change, EntryKind, MeetingStatus, NewItem
from minuteterm.recording import entries
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.recorder import Recorder
from tests.conftest import FrozenClock

START = pendulum.datetime(2026, 12, 14, 18, 30, tz="Europe/London")


def meeting(store: Store) -> Recorder:
    meeting_id = create_meeting(
        store, "Audit Committee", START, agenda=[NewItem("Internal audit"), NewItem("Fraud")]
    )
    return Recorder(store, meeting_id)


def history(store: Store, entry_id: int) -> list[tuple[Change, EntryKind, str | None, str]]:
    return [(r.change, r.kind, r.speaker, r.text) for r in store.revisions(entry_id)]


def test_a_v3_file_gains_revisions_and_drafts_and_keeps_its_entries(db_path: Path) -> None:
    db = sqlite_utils.Database(sqlite3.connect(db_path))
    for number, step in enumerate(MIGRATIONS[:3], start=1):
        step(db)
        db.execute(f"PRAGMA user_version = {number}")
    db.executescript(
        """insert into committees (id, name) values (1, 'Audit');
        insert into meetings (id, committee_id, title, starts_at, created_at)
          values (1, 1, 'Audit', '2026-12-14T18:30:00+00:00', '2026-12-01T09:00:00+00:00');
        insert into agenda_items (id, meeting_id, position, number, title)
          values (1, 1, 1, '1', 'Apologies');
        insert into entries (id, item_id, position, kind, text, created_at)
          values (1, 1, 1, 'note', 'Apologies from Cllr Reed.', '2026-12-14T18:31:00+00:00');"""
    )
    db.conn.commit()
    db.close()

    store = open_store(db_path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.entry(1).text == "Apologies from Cllr Reed."
    columns = {c.name for c in store.db["entry_revisions"].columns}
    assert columns == {"id", "entry_id", "at", "action", "kind", "speaker", "text", "reply_to"}
    assert {c.name for c in store.db["drafts"].columns} == {
        "meeting_id",
        "window",
        "entry_id",
        "text",
        "kind",
        "saved_at",
    }
    Recorder(store, 1).edit(1, "Apologies from Cllr Reid.")
    store.db.execute(
        "insert into drafts (meeting_id, window, text, kind, saved_at)"
        " values (1, 'w', 'half a line', 'note', '2026-12-14T18:40:00+00:00')"
    )
    with pytest.raises(sqlite3.IntegrityError):  # only the five changes are allowed
        store.db.execute(
            "insert into entry_revisions (entry_id, at, action, kind, text) "
            "values (1, 'x', 'rename', 'note', 'x')"
        )
    with store.transaction() as db:  # a meeting takes its revisions and draft with it
        db.execute("delete from meetings where id = 1")
    assert store.query("select * from entry_revisions") == []
    assert store.query("select * from drafts") == []
    store.close()


def test_each_change_keeps_the_entry_as_it_was_with_its_time(
    db_path: Path, frozen_clock: FrozenClock
) -> None:
    store = open_store(db_path)
    recorder = meeting(store)
    first_q = recorder.apply("? Cllr Yu: was the plan late").entry_id
    second_q = recorder.apply("? Cllr Yu: who signed it off").entry_id
    note = recorder.apply("Head of Audit: it was three weeks late").entry_id
    assert first_q and second_q and note
    times = [frozen_clock.advance(minutes=1) for _ in range(5)]

    recorder.edit(note, "Head of Audit: it was three weeks late, owing to staffing", times[0])
    recorder.change_kind(note, EntryKind.RESPONSE, times[1])
    assert store.entry(note).reply_to == second_q
    frozen_clock.moment = times[2]
    recorder.reattach(note, first_q)
    recorder.delete(note, times[3])
    frozen_clock.moment = times[4]
    recorder.undo()
    store.close()

    reopened = open_store(db_path)  # the trail is on disk, not in memory
    revisions = reopened.revisions(note)
    said = "it was three weeks late"
    assert [(r.change, r.kind, r.text, r.reply_to) for r in revisions] == [
        (Change.EDIT, EntryKind.NOTE, said, None),
        (Change.KIND, EntryKind.NOTE, f"{said}, owing to staffing", None),
        (Change.ATTACH, EntryKind.RESPONSE, f"{said}, owing to staffing", second_q),
        (Change.DELETE, EntryKind.RESPONSE, f"{said}, owing to staffing", first_q),
        (Change.RESTORE, EntryKind.RESPONSE, f"{said}, owing to staffing", first_q),
    ]
    assert [r.at for r in revisions] == times
    assert {r.speaker for r in revisions} == {"Head of Audit"}
    assert reopened.revisions(first_q) == []
    reopened.close()


def test_saving_an_entry_unchanged_keeps_no_revision(store: Store) -> None:
    recorder = meeting(store)
    question = recorder.apply("? Cllr Yu: was the plan late").entry_id
    answer = recorder.apply("> Head of Audit: yes").entry_id
    action = recorder.apply("! Head of Audit: circulate the plan by 14/01/2027").entry_id
    assert question and answer and action
    for entry_id in (question, answer, action):
        recorder.edit(entry_id, recorder.edit_line(entry_id))
    recorder.reattach(answer, question)  # already its question
    recorder.change_kind(question, EntryKind.QUESTION)
    assert [store.revisions(e) for e in (question, answer, action)] == [[], [], []]


def test_an_action_keeps_its_earlier_due_date_words_and_owner(store: Store) -> None:
    recorder = meeting(store)
    action = recorder.apply("! Head of Audit: circulate the plan by 14/01/2027").entry_id
    assert action is not None
    recorder.edit(action, "! Head of Audit: circulate the plan by 21/01/2027")
    recorder.edit(action, "! Chief Executive: circulate the plan by 21/01/2027")
    assert history(store, action) == [
        (Change.EDIT, EntryKind.ACTION, "Head of Audit", "circulate the plan"),  # due moved
        (Change.EDIT, EntryKind.ACTION, "Head of Audit", "circulate the plan"),
    ]
    assert store.entry(action).speaker == "Chief Executive"


def test_an_edited_action_update_keeps_its_earlier_words(store: Store) -> None:
    recorder = meeting(store)
    action = recorder.apply("! Head of Audit: circulate the plan").entry_id
    update = recorder.apply(f"!! {action}: chased on Monday").entry_id
    assert update is not None
    recorder.edit(update, f"!! {action}: chased on Tuesday")
    assert history(store, update) == [
        (Change.EDIT, EntryKind.ACTION_UPDATE, None, "chased on Monday")
    ]


def test_a_correction_keeps_the_words_it_replaced(store: Store) -> None:
    recorder = meeting(store)
    note = recorder.apply("The Committee noted the Febuary figures.").entry_id
    recorder.apply("s/Febuary/February/")
    assert note is not None
    assert history(store, note) == [
        (Change.EDIT, EntryKind.NOTE, None, "The Committee noted the Febuary figures.")
    ]


def test_a_revision_and_its_change_are_saved_together_or_not_at_all(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = meeting(store)
    action = recorder.apply("! Head of Audit: circulate the plan").entry_id
    assert action is not None

    def disk_fails(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    # The revision is written first; the action after it fails: neither stays.
    monkeypatch.setattr(entries, "_save", disk_fails)
    with pytest.raises(StoreError, match="disk I/O error"):
        recorder.edit(action, "! Head of Audit: circulate the revised plan")
    assert store.revisions(action) == []
    assert store.entry(action).text == "circulate the plan"
    monkeypatch.undo()

    # The change is made after the revision; if keeping it fails, no change.
    monkeypatch.setattr(audit, "keep", disk_fails)
    with pytest.raises(StoreError):
        recorder.delete(action)
    with pytest.raises(StoreError):
        recorder.edit(action, "! Head of Audit: circulate the revised plan")
    assert store.entry(action).text == "circulate the plan"
    assert store.query("select count(*) as n from entry_revisions")[0]["n"] == 0


def test_approved_minutes_cannot_be_changed_and_keep_no_revision(store: Store) -> None:
    recorder = meeting(store)
    question = recorder.apply("? Cllr Yu: was the plan late").entry_id
    answer = recorder.apply("> Head of Audit: yes").entry_id
    deleted = recorder.apply("A note deleted before approval.").entry_id
    assert question and answer and deleted
    recorder.delete(deleted)
    before = store.query("select * from entries order by id")
    kept = store.query("select * from entry_revisions order by id")
    with store.transaction() as db:
        db.execute("update meetings set status = 'approved' where id = ?", [recorder.meeting_id])
    assert store.meeting(recorder.meeting_id).status is MeetingStatus.APPROVED

    attempts = [
        lambda: recorder.edit(question, "? Cllr Yu: was the plan very late"),
        lambda: recorder.apply("s/yes/no/"),  # the last live entry
        lambda: recorder.change_kind(question, EntryKind.NOTE),
        lambda: recorder.reattach(answer, question),
        lambda: recorder.delete(question),
        lambda: recorder.undo(),
    ]
    for attempt in attempts:
        with pytest.raises(MeetingLocked, match="approved"):
            attempt()
    assert store.query("select * from entries order by id") == before
    assert store.query("select * from entry_revisions order by id") == kept
