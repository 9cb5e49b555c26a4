"""Escape sequences inside a bracketed paste are dropped before Textual's
parser sees them, wherever the terminal's reads split the paste; and every
field of the app is one of the inputs that keep keys in order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from minuteterm.tui.terminal_input import PasteEscapeFilter, paste_text, strip_escapes

PASTE = "\x1b[200~esc \x1b[31mRED\x1b[0m end\x1b]0;title\x07!\x1b[201~"
CLEAN = "\x1b[200~esc RED end!\x1b[201~"


def test_a_paste_loses_its_escapes_and_keeps_its_markers() -> None:
    assert PasteEscapeFilter()(PASTE) == CLEAN


@pytest.mark.parametrize("cut", range(1, len(PASTE)))
def test_a_paste_split_across_two_reads_comes_out_the_same(cut: int) -> None:
    feed = PasteEscapeFilter()
    assert feed(PASTE[:cut]) + feed(PASTE[cut:]) == CLEAN


def test_keys_outside_a_paste_pass_through_at_once() -> None:
    feed = PasteEscapeFilter()
    keys = "ab\x7f\x1b[D\x1b"  # letters, Backspace, Left, a lone Escape
    assert feed(keys) == keys
    assert feed("x" + PASTE + "\x1b[A") == "x" + CLEAN + "\x1b[A"


def test_paste_text_joins_lines_for_a_one_line_field() -> None:
    assert paste_text("one\x1b[1m\n\n  two  \n", keep_lines=False) == "one two"
    assert paste_text("one\r\ntwo", keep_lines=True) == "one\r\ntwo"
    assert strip_escapes("\x1b[38;5;196mred\x1b[0m \x9b1mbold") == "red bold"


def test_every_field_of_the_app_keeps_keys_in_order() -> None:
    tui = Path(__file__).parents[2] / "src" / "minuteterm" / "tui"
    raw = re.compile(r"(?<![A-Za-z])(Input|TextArea)\(")
    offenders = [
        f"{path.name}:{number}"
        for path in tui.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if raw.search(line)
    ]
    assert offenders == [], "use LineInput / OrderedTextArea: " + ", ".join(offenders)
