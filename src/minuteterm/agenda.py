"""Reading an agenda typed in or loaded from a Markdown file.

An agenda is a numbered (``1.``, ``1)``) or bulleted (``-``, ``*``, ``+``)
list, one item per line; ``(exempt)`` anywhere in a line marks a Part II
item. Other lines (headings, blank lines, notes) are ignored; typed text
with no list markers at all is taken one item per line.
"""

from __future__ import annotations

import re
from pathlib import Path

from .store import NewItem, StoreError
from .textsafe import clean

MAX_AGENDA_BYTES = 256 * 1024
_LIST_ITEM = re.compile(r"^\s*(?:\d+[.)]|[-*+])\s+(?P<title>.+)$")
_EXEMPT = re.compile(r"\(\s*exempt\s*\)", re.IGNORECASE)


class AgendaError(StoreError):
    """An agenda that cannot be read; the message says why."""


def _item(title: str) -> NewItem:
    exempt = bool(_EXEMPT.search(title))
    return NewItem(clean(_EXEMPT.sub("", title)), exempt=exempt)


def parse_agenda(text: str) -> list[NewItem]:
    """The items of an agenda, in order (list lines, else one per line)."""
    lines = text.splitlines()
    listed = [m.group("title") for line in lines if (m := _LIST_ITEM.match(line))]
    if not listed:
        listed = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    items = [_item(title) for title in listed]
    return [item for item in items if item.title]


def read_agenda_file(path: str | Path) -> list[NewItem]:
    """Load an agenda from a Markdown file, refusing what is not one."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise AgendaError(f"agenda file {path} does not exist") from None
    except OSError as error:
        raise AgendaError(f"cannot read agenda file {path}: {error.strerror}") from None
    if len(data) > MAX_AGENDA_BYTES:
        raise AgendaError(f"{path} is too big to be an agenda ({len(data) // 1024} KB)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AgendaError(f"{path} is not a text file (expected a Markdown agenda)") from None
    if "\x00" in text:
        raise AgendaError(f"{path} is not a text file (expected a Markdown agenda)")
    if not any(_LIST_ITEM.match(line) for line in text.splitlines()):
        raise AgendaError(f"no agenda items in {path}: expected a numbered or bulleted list")
    return parse_agenda(text)
