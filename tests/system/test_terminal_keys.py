"""Keys and pastes arriving together, in a real terminal, land as typed.

Each test runs the real app on a pseudo-terminal (tests/terminal.py) and
sends a burst in ONE write, as a terminal does when keys come faster than
the app reads them, then checks the screen and the database.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.terminal import (
    BACKSPACE,
    CTRL_S,
    CTRL_U,
    CTRL_W,
    DELETE,
    ENTER,
    HOME,
    LEFT,
    TAB,
    Terminal,
    bracketed_paste,
    rows,
    wait_for_row,
)

pytestmark = pytest.mark.slow

READY = "Type what happens"  # the capture bar's placeholder


def _minuteterm(db_path: Path, *args: str, stdin: str | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "minuteterm", "--db", str(db_path), *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


@pytest.fixture
def meeting(db_path: Path, tmp_path: Path) -> str:
    """A new meeting with two agenda items; its id."""
    agenda = tmp_path / "agenda.md"
    agenda.write_text("1. Apologies\n2. Scratch business\n", encoding="utf-8")
    return _minuteterm(
        db_path,
        "new",
        "--committee",
        "Scratch Board",
        "--date",
        "14/12/2026",
        "--agenda",
        str(agenda),
    )


@pytest.fixture
def terminal(db_path: Path, meeting: str) -> Iterator[Terminal]:
    """The app open on the meeting at 120×40, the capture bar ready."""
    term = Terminal(["--db", str(db_path), "open", meeting], cols=120, rows=40)
    try:
        term.wait_for_text(READY)
        yield term
    finally:
        term.close()


def _notes(db_path: Path) -> list[str]:
    return [str(row[0]) for row in rows(db_path, "select text from entries order by id")]


def _saved(db_path: Path, text: str) -> None:
    wait_for_row(db_path, "select id from entries where text = ?", [text], what=repr(text))


def test_backspaces_in_a_burst_apply_before_the_letters_after_them(
    terminal: Terminal, db_path: Path
) -> None:
    terminal.write("abcdefgh")
    terminal.wait_for_text("abcdefgh")
    terminal.write(BACKSPACE * 4 + "WXYZ")
    shown = terminal.wait_for_text("abcdWXYZ")
    assert "abcdefgh" not in shown
    terminal.write(ENTER)
    _saved(db_path, "abcdWXYZ")
    assert _notes(db_path) == ["abcdWXYZ"]


def test_backspace_and_enter_together_save_the_corrected_line(
    terminal: Terminal, db_path: Path
) -> None:
    terminal.write("Scratch test linex")
    terminal.wait_for_text("Scratch test linex")
    terminal.write(BACKSPACE + ENTER)
    _saved(db_path, "Scratch test line")
    assert _notes(db_path) == ["Scratch test line"]


def test_editing_keys_and_the_next_line_in_one_burst(terminal: Terminal, db_path: Path) -> None:
    # Every key of two lines in one write: arrows, Home, Delete, Ctrl+W,
    # Ctrl+U and Enter each take effect exactly where they were typed.
    terminal.write(
        "Teh report"
        + HOME
        + DELETE * 3
        + "The"
        + ENTER
        + "wrong words"
        + CTRL_U
        + "Members noted it"
        + CTRL_W
        + "the report"
        + LEFT * 6
        + "whole "
        + ENTER
    )
    _saved(db_path, "Members noted the whole report")
    assert _notes(db_path) == ["The report", "Members noted the whole report"]


def test_a_paste_with_escape_sequences_keeps_its_text_in_order(
    terminal: Terminal, db_path: Path
) -> None:
    terminal.write("Before ")
    terminal.wait_for_text("Before")
    terminal.write(bracketed_paste("esc \x1b[31mRED\x1b[0m end") + " after" + ENTER)
    _saved(db_path, "Before esc RED end after")
    assert _notes(db_path) == ["Before esc RED end after"]


def test_a_burst_across_tab_fills_each_field_of_the_new_meeting_form(db_path: Path) -> None:
    _minuteterm(db_path, "list")  # an empty database: the app opens on the list
    term = Terminal(["--db", str(db_path)], cols=100, rows=30)
    try:
        term.wait_for_text("New meeting")
        term.write("n")
        term.wait_for_text("Agenda file")
        term.write(
            "Harbour Board"
            + TAB
            + "15/12/2026"
            + TAB
            + "19:15"
            + TAB
            + "Committee Room 1"
            + TAB
            + TAB
            + "Welcome"
            + ENTER
            + "Apologies"
            + CTRL_S
        )
        row = wait_for_row(
            db_path,
            "select c.name, m.venue, m.starts_at from meetings m"
            " join committees c on c.id = m.committee_id",
            what="the new meeting",
        )
        term.wait_for_text(READY)  # the new meeting opens, ready to minute
        titles = rows(db_path, "select title from agenda_items order by position")
    finally:
        term.close()
    name, venue, starts_at = row
    assert (name, venue) == ("Harbour Board", "Committee Room 1")
    assert str(starts_at).startswith("2026-12-15T19:15")
    assert [title for (title,) in titles] == ["Welcome", "Apologies"]


SENTENCES = (
    "The Head of Service reported to the committee that the improvement plan",
    "had met eleven of its fourteen milestones, that recruitment to the",
    "social work academy was ahead of forecast and that agency spending",
    "had fallen for the third quarter running, although caseloads in the",
    "assessment teams remained above the agreed level of eighteen families.",
)


def _long_note(number: int) -> str:
    """A note of about 180 characters, each one different."""
    words = " ".join(SENTENCES).split()
    start = number * 3
    text = f"Note {number}:"
    for word in words[start:] + words[:start]:
        if len(text) + len(word) + 1 > 180:
            break
        text += " " + word
    return text


def _pane_rows(screen: str, title: str) -> list[str]:
    """The rows inside the pane whose border carries ``title``."""
    rows_ = screen.splitlines()
    top = next(index for index, row in enumerate(rows_) if title in row)
    left = rows_[top].rindex("╭", 0, rows_[top].index(title))
    right = rows_[top].index("╮", left)
    inside = []
    for row in rows_[top + 1 :]:
        if row[left] == "╰":
            break
        inside.append(row[left + 1 : right])
    return inside


def _minute_shown(screen: str) -> tuple[bool, bool, list[str]]:
    """From the screen: whether the minute pane has a scrollbar, whether any
    letter sits under it, and each entry shown from its first line, whole."""
    inside = _pane_rows(screen, "Item 1: Apologies")
    scrollbar = any(row[-2:].strip() for row in inside)
    covered = any(char.isalnum() for row in inside for char in row[-2:])
    shown: list[str] = []
    for row in (row[:-2].strip() for row in inside):
        if re.match(r"\d\d:\d\d NOTE ", row):
            shown.append(row[len("00:00 NOTE ") :])
        elif shown:
            shown[-1] += " " + row
    return scrollbar, covered, [entry.strip() for entry in shown if entry.strip()]


def test_nine_long_notes_show_every_word_beside_the_scrollbar(
    terminal: Terminal, db_path: Path
) -> None:
    notes = [_long_note(number) for number in range(1, 10)]
    for number, note in enumerate(notes, 1):
        terminal.write(note + ENTER)
        wait_for_row(
            db_path, "select id from entries where text = ?", [note], what=f"note {number}"
        )

    def every_word_shown(screen: str) -> bool:
        # The scrollbar has come (nine notes do not fit), no letter runs under
        # it, and each entry shown from its first line has every word of its
        # note: the last entries on screen are the last notes typed.
        scrollbar, covered, shown = _minute_shown(screen)
        return scrollbar and not covered and len(shown) >= 3 and shown == notes[-len(shown) :]

    terminal.wait_for_screen(every_word_shown, "the last notes whole beside the scrollbar")


def test_slash_and_a_filter_typed_together_filter_the_list_of_meetings(
    db_path: Path, meeting: str
) -> None:
    """``/scratch`` in one write on the list of meetings: ``/`` moves to the
    filter line and every letter behind it follows (they reached the list
    first, which dropped them)."""
    _minuteterm(db_path, "new", "--committee", "Audit Board", "--date", "15/12/2026")
    term = Terminal(["--db", str(db_path)], cols=120, rows=40)
    try:
        term.wait_for_text("Audit Board")
        term.write("/scratch")
        shown = term.wait_for_screen(
            lambda screen: "scratch" in screen and "Audit Board" not in screen,
            "the filter line holding every letter, and the list filtered by it",
        )
        assert "Scratch Board" in shown
    finally:
        term.close()


def test_slash_and_a_filter_typed_together_filter_the_action_sheet(terminal: Terminal) -> None:
    """On the action sheet (Ctrl+A) ``/`` and a filter in one write."""
    terminal.write("! Clerk: book the room by 1/1/2027" + ENTER)
    terminal.write("! Treasurer: cost the repairs by 1/1/2027" + ENTER)
    terminal.wait_for_text("cost the repairs")
    terminal.write("\x01")  # Ctrl+A
    terminal.wait_for_text("Action sheet")
    terminal.write("/treasurer")
    shown = terminal.wait_for_screen(
        lambda screen: "treasurer" in screen and "book the room" not in screen,
        "the sheet filtered by every letter typed",
    )
    assert "cost the repairs" in shown
