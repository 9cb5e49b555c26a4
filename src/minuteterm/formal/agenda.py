"""Reading an agenda typed in or loaded from a Markdown file.

An agenda is a numbered (``1.``, ``5a.``, ``4.1)``) or bulleted (``-``,
``*``, ``+``) list, one item per line; ``(exempt)`` anywhere in a line marks
a Part II item, ``(exempt 3)`` one exempt under paragraph 3 of Schedule 12A.
Typed numbers are kept (so ``/item 5a`` works) when every item has one and
none repeats. In a file, lines that are not list items
(headings, notes) are ignored; typed into the form, every non-blank line is
an item.
"""

from __future__ import annotations

import re
from pathlib import Path

from minuteterm.db.store import StoreError
from minuteterm.filekind import kind_of
from minuteterm.formal.exempt import EXEMPT_PARAGRAPHS
from minuteterm.model import NewItem
from minuteterm.textsafe import clean

MAX_AGENDA_BYTES = 256 * 1024
_LIST_ITEM = re.compile(
    r"^\s*(?:(?P<number>\d+[a-z]?(?:\.\d+)*)[.)]|[-*+])\s+(?P<title>.+)$", re.IGNORECASE
)
_EXEMPT = re.compile(
    r"\(\s*exempt(?:\s*[,:]?\s*(?:para(?:graph)?\.?\s*)?(?P<paragraph>\d{1,2}))?\s*\)",
    re.IGNORECASE,
)


class AgendaError(StoreError):
    """An agenda that cannot be read; the message says why."""


def _item(title: str, number: str | None) -> NewItem:
    found = _EXEMPT.search(title)
    paragraph = found.group("paragraph") if found else None
    if paragraph is not None and int(paragraph) not in EXEMPT_PARAGRAPHS:
        raise AgendaError(
            f"Schedule 12A has no paragraph {paragraph} (England: 1 to 7; Wales: 12 to 18):"
            f" {clean(title)}"
        )
    return NewItem(
        clean(_EXEMPT.sub("", title)), exempt=bool(found), number=number, exempt_paragraph=paragraph
    )


def _read_line(line: str) -> NewItem | None:
    """One line as an item, or ``None`` for a line that is not a list item."""
    match = _LIST_ITEM.match(line)
    if match is None:
        return None
    return _item(match.group("title"), match.group("number"))


def parse_agenda(text: str, *, list_lines_only: bool = False) -> list[NewItem]:
    """The items of an agenda, in order.

    With ``list_lines_only`` (a Markdown file), only list lines are items;
    otherwise every non-blank line that is not a ``#`` heading is one.
    """
    items: list[NewItem] = []
    for line in text.splitlines():
        item = _read_line(line)
        typed_line = not list_lines_only and line.strip() and not line.lstrip().startswith("#")
        if item is None and typed_line:
            item = _item(line, None)
        if item is not None and item.title:
            items.append(item)
    return items


def read_agenda_file(path: str | Path) -> list[NewItem]:
    """Load an agenda from a Markdown file, refusing what is not one."""
    path = Path(path).expanduser()
    if (kind := kind_of(path)) is not None:  # a FIFO would be waited on for ever
        raise AgendaError(f"agenda file {path} is {kind}, not a file")
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
    items = parse_agenda(text, list_lines_only=True)
    if not items:
        raise AgendaError(f"no agenda items in {path}: expected a numbered or bulleted list")
    return items
