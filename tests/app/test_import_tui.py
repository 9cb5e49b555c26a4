"""The imported agenda and its reports on screen, from the keyboard: the
agenda pane lists each item's documents, R drops a report onto an item,
proposals wait in the resolutions pane until /resolve confirms one, and a
report imported from another terminal appears on the open screen."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList

from minuteterm.db.store import Store
from minuteterm.importing.agenda_import import import_meeting
from minuteterm.importing.moderngov import read_meeting
from minuteterm.model import EntryKind
from minuteterm.tui.app import MinuteTermApp
from minuteterm.tui.screens.review_screen import ReviewScreen
from minuteterm.tui.screens.text_dialog import TextDialog
from minuteterm.tui.widgets.entry_pane import MinutePane, ResolutionsPane
from tests.app.test_tui import shown, type_line
from tests.system.test_import_moderngov import MEETING_XML
from tests.unit.test_import_report import MARSHFIELD_TXT, write_docx


def imported_meeting(store: Store) -> int:
    meeting_id, _outcome = import_meeting(
        store, "democracy.westmere.example", read_meeting(MEETING_XML.encode())
    )
    return meeting_id


def agenda_text(pilot: Pilot) -> str:
    options = pilot.app.screen.query_one("#agenda", OptionList).options
    return "\n".join(str(option.prompt) for option in options)


async def wait_for(pilot: Pilot, condition, seconds: float = 10.0) -> bool:
    """Let the app run until ``condition()`` holds (at most ``seconds``)."""
    for _ in range(int(seconds / 0.1)):
        if condition():
            return True
        await pilot.pause(0.1)
    return condition()


async def test_the_imported_agenda_and_a_proposal_confirmed_from_the_bar(
    store: Store, tmp_path: Path
) -> None:
    meeting_id = imported_meeting(store)
    report = tmp_path / "fees.txt"
    report.write_text(MARSHFIELD_TXT)
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        agenda = agenda_text(pilot)
        assert "2. Fees & Charges 2027/28" in agenda
        assert "▸ Fees and Charges report" in agenda
        assert "▸ Appendix C & tariff detail (restricted)" in agenda
        assert "Disposal of the Mill Lane depot (paragraph 3) (exempt)" in agenda

        await type_line(pilot, "/item 2")
        # R on the highlighted item asks for the report's path
        agenda_pane = app.screen.query_one("#agenda", OptionList)
        agenda_pane.focus()
        agenda_pane.highlighted = 1
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        await pilot.press(*str(report))
        await pilot.press("enter")
        await pilot.pause()
        minute = shown(pilot, MinutePane)
        assert "The Committee considered a report of the Strategic Director, People" in minute
        resolutions = shown(pilot, ResolutionsPane)
        assert "1) [2] PROPOSED That the Committee note the findings" in resolutions
        assert "2) [2] PROPOSED That the Board endorse consultation" in resolutions

        await pilot.press("escape")
        await type_line(pilot, "/resolve 2")
        resolutions = shown(pilot, ResolutionsPane)
        assert "RESOLVED That the Board endorse consultation" in resolutions
        assert "1) [2] PROPOSED That the Committee note the findings" in resolutions
        kinds = [e.kind for e in store.entries(store.items(meeting_id)[1].id)]
        assert kinds == [EntryKind.NOTE, EntryKind.PROPOSAL, EntryKind.RESOLUTION]

        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        title = str(app.screen.query_one("#review-title").render())
        assert "1 proposed resolution not in the minutes" in title
        entries = app.screen.query_one("#review-entries", OptionList)
        listed = "\n".join(str(option.prompt) for option in entries.options)
        assert "▸ Fees and Charges report" in listed
        assert "PROPOSED That the Committee note the findings" in listed


async def test_a_report_imported_from_another_terminal_appears(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    meeting_id = imported_meeting(store)
    report = write_docx(tmp_path / "tariff.docx")
    app = MinuteTermApp(store, meeting_id=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_line(pilot, "/item 2")
        command = [
            sys.executable, "-m", "minuteterm", "import", "report", str(report),
            "--meeting", str(meeting_id), "--item", "2", "--db", str(db_path),
        ]  # fmt: skip
        result = await asyncio.to_thread(
            subprocess.run,
            command,
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
        assert result.returncode == 0, result.stderr
        assert await wait_for(pilot, lambda: "PROPOSED" in shown(pilot, ResolutionsPane))
        assert "considered a report of the Director of Place" in shown(pilot, MinutePane)
        await type_line(pilot, "/resolve")
        assert "PROPOSED" not in shown(pilot, ResolutionsPane)
