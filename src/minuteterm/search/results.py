"""What a search finds, as plain data: the CLI, the search screen and the
exporters read these without touching the database."""

from __future__ import annotations

from dataclasses import dataclass, field

import pendulum

from minuteterm.search.words import Query

#: Marks around a word found, in :attr:`Hit.snippet` (never in typed text:
#: control characters are cleaned out of everything a clerk types).
MARK_START, MARK_END = "\x02", "\x03"


@dataclass(frozen=True)
class Hit:
    """One place the words were found: an entry, an item's title, or a note
    on an action typed on the action sheet."""

    kind: str
    meeting_id: int
    starts_at: pendulum.DateTime
    committee: str
    item_id: int
    reference: str
    title: str
    snippet: str
    entry_id: int | None = None
    speaker: str | None = None
    confidential: bool = False
    exempt_item: bool = False

    @property
    def kind_label(self) -> str:
        """The kind in words: ``note``, ``action update``, ``item``…"""
        return self.kind.replace("_", " ")


@dataclass(frozen=True)
class Results:
    """The hits, best first, and how they were ordered."""

    hits: list[Hit] = field(default_factory=list)
    ranked_within: int | None = None
    query: Query = field(default_factory=Query)

    @property
    def order(self) -> str:
        """How the hits are ordered, in words for the clerk."""
        if self.ranked_within is None:
            return "best match first"
        return f"best match first among the newest {self.ranked_within:,} matches of each kind"


def plain(text: str) -> str:
    """A snippet without its marks."""
    return text.replace(MARK_START, "").replace(MARK_END, "")


def marked(text: str, start: str, end: str) -> str:
    """A snippet with its marks written as ``start`` and ``end``."""
    return text.replace(MARK_START, start).replace(MARK_END, end)
