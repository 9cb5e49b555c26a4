"""Pasted text as the clerk meant it: terminal escape sequences taken out.

Text copied from a terminal or a web page can carry escape sequences (a
colour: ``ESC[31m``). Most terminals strip them from a bracketed paste;
tmux's ``paste-buffer -p`` does not, and Textual's input parser then ends
the paste at the first ESC and delivers the rest as keys, *before* the
paste itself: ``esc ESC[31mRED ESC[0m end`` was saved as
``^[31mRED^[0m endesc``.

:class:`PasteEscapeFilter` sits in front of Textual's parser and drops every
escape sequence between the paste's start and end markers, so the whole
paste reaches the app as one ``Paste`` event, in order. :func:`paste_text`
cleans a ``Paste`` event's text again in the widgets (a paste that reached
the app some other way).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from textual._xterm_parser import XTermParser

ESC = "\x1b"
PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"

_ESCAPES = re.compile(
    r"""
      \x1b\[ [0-?]* [\x20-/]* [@-~]          # CSI: colours, cursor moves
    | \x1b\] [^\x07\x1b]* (?:\x07|\x1b\\)?   # OSC: titles, links
    | \x1b [\x20-/]* [0-~]?                  # any other escape, or a lone ESC
    | \x9b [0-?]* [\x20-/]* [@-~]            # CSI as one 8-bit character
    """,
    re.VERBOSE,
)


def strip_escapes(text: str) -> str:
    """``text`` without terminal escape sequences."""
    return _ESCAPES.sub("", text)


def paste_text(text: str, *, keep_lines: bool) -> str:
    """A paste as text to insert: escapes stripped; with ``keep_lines`` false,
    its non-blank lines joined by spaces (an entry is one line)."""
    cleaned = strip_escapes(text)
    if keep_lines:
        return cleaned
    return " ".join(line.strip() for line in cleaned.splitlines() if line.strip())


def _sequence_done(held: str) -> bool:
    """Whether ``held`` (starting with ESC) is a whole escape sequence."""
    if len(held) < 2:
        return False
    kind = held[1]
    if kind == "[":
        return len(held) > 2 and "@" <= held[-1] <= "~"
    if kind == "]":
        return held.endswith(("\x07", "\x1b\\"))
    return True  # ESC and one more character


class PasteEscapeFilter:
    """Terminal input passed through unchanged, except that inside a
    bracketed paste every escape sequence is dropped. It keeps its place
    between reads, so a marker or a sequence split across two reads is
    still recognised. Outside a paste nothing is held back (a lone Escape
    key reaches the app at once)."""

    def __init__(self) -> None:
        self._in_paste = False
        self._start_matched = 0
        self._held = ""

    def __call__(self, data: str) -> str:
        out: list[str] = []
        for char in data:
            if not self._in_paste:
                out.append(char)
                self._look_for_start(char)
            else:
                self._in_paste_char(char, out)
        return "".join(out)

    def _look_for_start(self, char: str) -> None:
        if char == PASTE_START[self._start_matched]:
            self._start_matched += 1
        else:
            self._start_matched = 1 if char == ESC else 0
        if self._start_matched == len(PASTE_START):
            self._in_paste, self._start_matched = True, 0

    def _in_paste_char(self, char: str, out: list[str]) -> None:
        if not self._held:
            if char == ESC:
                self._held = char
            else:
                out.append(char)
            return
        if char == ESC and not self._held.startswith("\x1b]"):
            self._held = char  # a new sequence: the unfinished one is dropped
            return
        self._held += char
        if PASTE_END.startswith(self._held):
            if self._held == PASTE_END:
                out.append(PASTE_END)
                self._held, self._in_paste = "", False
            return
        if _sequence_done(self._held):
            self._held = ""  # an escape sequence inside the paste: dropped


def _parser_class() -> type[XTermParser]:
    """Textual's terminal parser with :class:`PasteEscapeFilter` in front."""
    from textual._xterm_parser import XTermParser

    class PasteSafeParser(XTermParser):
        """Textual's parser, fed through :class:`PasteEscapeFilter`."""

        def __init__(self, debug: bool = False) -> None:
            self._paste_filter = PasteEscapeFilter()
            super().__init__(debug)

        def feed(self, data: str) -> Iterable[Message]:
            if not data:  # end of input
                return super().feed(data)
            filtered = self._paste_filter(data)
            if not filtered:  # all held back: an empty feed would mean the end
                return ()
            return super().feed(filtered)

    return PasteSafeParser


def install_paste_filter() -> None:
    """Make the terminal driver read keys through :class:`PasteEscapeFilter`
    (Textual's Linux/macOS driver makes its parser when the app starts)."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # pragma: no cover - Windows: its driver has no such parser
        return
    if getattr(linux_driver.XTermParser, "_minuteterm_filtered", False):
        return
    parser = _parser_class()
    parser._minuteterm_filtered = True  # type: ignore[attr-defined]
    linux_driver.XTermParser = parser  # type: ignore[misc]
