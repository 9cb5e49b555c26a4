"""Make typed or pasted text safe to keep: no terminal escapes, no controls.

Everything a clerk types, pastes or scripts passes through :func:`clean`
before it is stored, and everything read back from the file passes through
:func:`printable` (a database restored or edited by hand may hold anything),
so a note can never move the cursor, retitle the terminal, reverse the
reading order of a line or hide a NUL in the file. Visible characters,
including right-to-left scripts and emoji, are kept; an escape string left
unterminated loses only its introducer, not the words after it.
"""

from __future__ import annotations

import re

_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]          # CSI: colours, cursor moves
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)    # OSC: titles, hyperlinks
    | \x1b[PX^_][^\x1b]*\x1b\\       # DCS, SOS, PM, APC strings
    | \x1b[ -/]*[0-~]?               # any other escape (or a lone introducer)
    | \x9b[0-?]*[ -/]*[@-~]          # 8-bit CSI
    | \x9d[^\x07\x9c]*[\x07\x9c]     # 8-bit OSC
    """,
    re.VERBOSE,
)

#: Controls (C0 but tab/newline, DEL, C1), bidi embeddings, overrides and
#: isolates, and lone surrogates that cannot be encoded.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_WHITESPACE_RUN = re.compile(r"[ \t\r\n\f\v\u2028\u2029]+")


def clean(text: str) -> str:
    """Return ``text`` as one safe line: escapes and controls removed.

    Line breaks and tabs become single spaces (an entry is one line), and
    leading and trailing spaces go.
    """
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _WHITESPACE_RUN.sub(" ", text.replace("\t", " "))
    text = _INVISIBLE.sub("", text)
    return text.strip()


def clean_multiline(text: str) -> str:
    """Like :func:`clean`, but keep line breaks (for an agenda typed in)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(clean(line) for line in lines)


#: The controls :func:`printable` removes: all but tab, newline and return.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


#: As :data:`_UNPRINTABLE`, less STX and ETX: full-text search marks the
#: words it found with them (see :mod:`minuteterm.search.results`); they
#: move no cursor and set no title.
_UNPRINTABLE_STORED = re.compile(
    "[\x00\x01\x04-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)


def printable(text: str, unprintable: re.Pattern[str] = _UNPRINTABLE) -> str:
    """``text`` with terminal escapes and controls removed, its line breaks
    and tabs kept: safe to show in a terminal or write to an export."""
    if not unprintable.search(text):
        return text  # nearly every value: one scan, no copy
    return unprintable.sub("", _ESCAPE_SEQUENCE.sub("", text))


def stored_text(data: bytes) -> str:
    """A text value read from the database, made :func:`printable` (the
    ``text_factory`` of MinuteTerm's connections: cleaned once, on the way
    out, whatever later shows or exports it). A value ``isprintable`` holds
    none of the characters removed (controls, bidi formatting and lone
    surrogates are not printable): nearly every value, checked in C."""
    text = data.decode("utf-8", "replace")
    if text.isprintable():
        return text
    return printable(text, _UNPRINTABLE_STORED)
