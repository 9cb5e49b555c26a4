"""Part II stays Part II across meetings: an action raised in an exempt item,
and an update typed in one, are confidential wherever they appear — the next
meeting's action log, a ``!! N`` line in a later meeting, the action sheet —
and a declaration typed in an exempt item keeps its reason out of the public
minutes. A meeting that shows any of it gets a confidential and a public
version, like any Part II meeting."""

from __future__ import annotations

import sqlite3

import pendulum
import pytest

from minuteterm.db.store import Store
from minuteterm.export import FORMATS, default_filename, render
from minuteterm.model import NewItem
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.record import meeting_record
from minuteterm.recording.recorder import Recorder
from tests.app.test_no_leak import visible_text, words
from tests.conftest import FrozenClock
from tests.fixtures_meeting import action_number

COMMITTEE = "Corporate Parenting Board"
AGENDA = [
    NewItem("Apologies for absence"),
    NewItem("Declarations of interest"),
    NewItem("Minutes of the previous meeting"),
    NewItem("Foster carer recruitment"),
    NewItem("Residential placement contract", exempt=True, exempt_paragraph="3"),
]
#: Words typed only in meeting 1's exempt item.
SECRET = {"marlowe", "zanzibar", "£418,000", "quennell", "tollbridge"}


def meeting(store: Store, day: int, month: int, agenda: list[NewItem] = AGENDA) -> int:
    year = 2026 if month >= 5 else 2027
    starts = pendulum.datetime(year, month, day, 18, 30, tz="Europe/London")
    return create_meeting(store, COMMITTEE, starts, venue="Room 4", agenda=agenda)


def typed(recorder: Recorder, *lines: str) -> None:
    for line in lines:
        recorder.apply(line)


def two_meetings(store: Store, clock: FrozenClock) -> tuple[int, int, int, int]:
    """Meeting 1 raises an exempt action and, in the exempt item, updates a
    public one; meeting 2 (no exempt item) carries and updates both. Returns
    the two meetings and the two actions' numbers."""
    first = meeting(store, 14, 12)
    one = Recorder(store, first)
    typed(
        one,
        "present+ Cllr Nadia Osei",
        "/item 4",
        "! Head of Fostering: publish the recruitment campaign by 31/01/2027",
    )
    public_action = action_number(store, store.last_entry(first).id)
    typed(
        one,
        "/item 5",
        "The Board heard that Marlowe House bid £418,000 a year.",
        "! Head of Property: negotiate the Marlowe break clause with Quennell by 28/02/2027",
    )
    secret_action = action_number(store, store.last_entry(first).id)
    typed(one, f"!! {public_action} owner Zanzibar Tollbridge: hold until Marlowe signs")
    typed(one, "/end")
    clock.advance(days=30)
    second = meeting(store, 18, 1, agenda=AGENDA[:4])
    two = Recorder(store, second)
    numbers = {item.title: item.number for item in store.items(second)}
    typed(
        two,
        f"/item {numbers['Action log']}",
        f"!! {secret_action}: Quennell accepted the Marlowe terms at £418,000",
        f"/item {numbers['Foster carer recruitment']}",
        "The Board noted the campaign.",
        f"!! {secret_action}: Marlowe survey booked with Quennell",
        "/end",
    )
    return first, second, public_action, secret_action


def test_an_exempt_action_stays_exempt_in_the_next_meeting(
    store: Store, frozen_clock: FrozenClock
) -> None:
    _, second, public_action, secret_action = two_meetings(store, frozen_clock)
    record = meeting_record(store, second)
    for fmt in FORMATS:
        public = words(visible_text(render(record, fmt, public=True), fmt))
        leaked = SECRET & public
        assert not leaked, f"{fmt} public version of meeting 2 leaks {sorted(leaked)}"
        full = words(visible_text(render(record, fmt), fmt))
        assert {"marlowe", "quennell", "zanzibar"} <= full  # the confidential version keeps them
    text = str(render(record, "md", public=True))
    assert f"ACTION {secret_action}** – an exempt action (minute" in text
    assert f"ACTION {public_action}** – Head of Fostering: publish the recruitment" in text
    assert f"UPDATE ON ACTION {secret_action}** – an exempt action (minute" in text
    assert "CONFIDENTIAL" in str(render(record, "md"))
    assert "CONFIDENTIAL" not in text
    assert record.confidential, "meeting 2 shows exempt material, so it has two versions"
    assert default_filename(record, "md", public=True).endswith("-public.md")


def test_the_flag_follows_the_item_being_marked_and_unmarked(store: Store) -> None:
    first = meeting(store, 14, 12, agenda=[NewItem("Budget"), NewItem("Land at Mill Lane")])
    recorder = Recorder(store, first)
    typed(recorder, "/item 2", "! Head of Property: value the Mill Lane plot")
    action = store.last_entry(first).id

    def flagged() -> bool:
        rows = store.query("select confidential from actions where entry_id = ?", [action])
        return bool(rows[0]["confidential"])

    assert not flagged()
    typed(recorder, "/exempt 3")
    assert flagged()
    typed(recorder, "/exempt off")
    assert not flagged()


def test_existing_exempt_actions_are_flagged_by_the_migration(db_path, store: Store) -> None:
    first = meeting(store, 14, 12)
    typed(Recorder(store, first), "/item 5", "! Head of Property: sell the Marlowe site")
    action = store.last_entry(first).id
    store.close()
    conn = sqlite3.connect(db_path)  # as an older MinuteTerm left it
    conn.executescript(
        """drop trigger action_raised_confidential; drop trigger update_typed_confidential;
        drop trigger item_exempt_confidential; alter table actions drop column confidential;
        alter table action_updates drop column confidential; pragma user_version = 6;"""
    )
    conn.close()
    from minuteterm.db.store import open_store

    reopened = open_store(db_path)
    rows = reopened.query("select confidential from actions where entry_id = ?", [action])
    assert rows[0]["confidential"] == 1
    reopened.close()


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_declaration_typed_in_an_exempt_item_keeps_its_reason_private(
    store: Store, fmt: str
) -> None:
    first = meeting(store, 14, 12)
    typed(
        Recorder(store, first),
        "present+ Cllr Peter Lund",
        "/item 5",
        "declare+ Cllr Peter Lund: item 5, other, his sister manages Tollbridge Care",
    )
    record = meeting_record(store, first)
    public = visible_text(render(record, fmt, public=True), fmt)
    assert "tollbridge" not in words(public) and "sister" not in words(public)
    assert "Cllr Peter Lund declared an interest (other registrable)" in " ".join(public.split())
    full = visible_text(render(record, fmt), fmt)
    assert "Tollbridge" in full


async def test_the_actions_screen_has_a_public_switch_that_x_honours(
    store: Store, frozen_clock: FrozenClock, tmp_path, monkeypatch
) -> None:
    from textual.widgets import DataTable, Static

    from minuteterm.tui.app import MinuteTermApp

    _, second, public_action, secret_action = two_meetings(store, frozen_clock)
    monkeypatch.chdir(tmp_path)
    app = MinuteTermApp(store, meeting_id=second)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+a")
        await pilot.pause()
        table = app.screen.query_one(DataTable)

        def numbers() -> set[str]:
            return {str(table.get_row_at(n)[0]) for n in range(table.row_count)}

        assert {str(public_action), str(secret_action)} <= numbers()
        await pilot.press("p")
        await pilot.pause()
        assert str(secret_action) not in numbers() and str(public_action) in numbers()
        assert "public version" in str(app.screen.query_one("#sheet-title", Static).render())
        await pilot.press("x")
        await pilot.pause()
    written = sorted(tmp_path.glob("action-sheet-public-*"))
    assert [path.suffix for path in written] == [".csv", ".html", ".md"]
    for path in written:
        text = path.read_text(encoding="utf-8-sig")
        assert "Head of Fostering" in text
        assert not SECRET & words(text.replace(",", " ")), path.name
