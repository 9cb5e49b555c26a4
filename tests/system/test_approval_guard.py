"""Signed minutes stay signed: the resolution that approved them cannot be
edited to say the opposite while they stand approved (deleting it withdraws
the approval, and says so), and restoring a backup from before an approval
says what it undoes before it happens (``--yes`` in a script)."""

from __future__ import annotations

from pathlib import Path

import pytest

from minuteterm.db.backup import backup_file
from minuteterm.db.store import Store, open_store
from minuteterm.errors import CLERK_ERRORS
from minuteterm.model import MeetingStatus
from minuteterm.recording.recorder import Recorder
from tests.system.test_cli import run
from tests.unit.test_formal_business import meeting, typed


def approved_pair(store: Store) -> tuple[int, int, Recorder]:
    """December, closed; January, which approves December's minutes."""
    december = meeting(store)
    typed(Recorder(store, december), "/item 4", "The Committee noted the policy.", "/end")
    january = meeting(store, 18, 1)
    second = Recorder(store, january)
    typed(second, "/item 3", "/approve")
    return december, january, second


def test_the_approving_resolution_cannot_be_edited_while_approved(store: Store) -> None:
    december, january, second = approved_pair(store)
    approval = store.last_entry(january)
    attempts = (
        lambda: second.apply("s/be signed as a correct record/not be signed/"),
        lambda: second.edit(approval.id, "= That the minutes be rejected."),
        lambda: second.change_kind(approval.id, approval.kind.NOTE),
    )
    for attempt in attempts:
        with pytest.raises(CLERK_ERRORS) as refused:
            attempt()
        message = str(refused.value)
        assert "\n" not in message
        assert "approved the minutes of the meeting held on 14 December 2026" in message
        assert "cannot be edited while they stand approved" in message
    assert store.entry(approval.id).text == approval.text
    assert store.meeting(december).status is MeetingStatus.APPROVED


def test_deleting_the_approval_says_it_withdraws_it(store: Store) -> None:
    december, january, second = approved_pair(store)
    approval = store.last_entry(january)
    deleted = second.delete(approval.id).message
    assert "the minutes of the meeting held on 14 December 2026 are no longer approved" in deleted
    assert store.meeting(december).status is MeetingStatus.CLOSED
    restored = second.undo().message
    assert "are approved again" in restored
    assert store.meeting(december).status is MeetingStatus.APPROVED


def test_restoring_a_backup_from_before_an_approval_asks_first(
    db_path: Path, tmp_path: Path
) -> None:
    store = open_store(db_path)
    december = meeting(store)
    typed(Recorder(store, december), "/item 4", "The Committee noted the policy.", "/end")
    january = meeting(store, 18, 1)
    store.close()
    before = backup_file(db_path, tmp_path / "before-approval.db")
    store = open_store(db_path)
    typed(Recorder(store, january), "/item 3", "/approve")
    store.close()

    refused = run("restore", str(before), db=db_path)
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1
    assert "meeting of 14 Dec 2026 (Licensing and Appeals Committee) was approved;" in (
        refused.stderr
    )
    assert "in the backup it is closed" in refused.stderr and "--yes" in refused.stderr
    store = open_store(db_path)
    assert store.meeting(december).status is MeetingStatus.APPROVED  # nothing changed
    store.close()

    done = run("restore", str(before), "--yes", db=db_path)
    assert done.returncode == 0, done.stderr
    assert "was approved; in the backup it is closed" in done.stdout
    store = open_store(db_path)
    assert store.meeting(december).status is MeetingStatus.CLOSED
    store.close()


def test_restoring_a_backup_that_undoes_no_approval_needs_no_yes(
    db_path: Path, tmp_path: Path
) -> None:
    store = open_store(db_path)
    approved_pair(store)
    store.close()
    after = backup_file(db_path, tmp_path / "after-approval.db")
    done = run("restore", str(after), db=db_path)
    assert done.returncode == 0, done.stderr
    assert "approved" not in done.stdout
