"""The documents kept with an agenda's items, as the meeting screen shows
them: its own module, so that opening a meeting does not load the Modern.Gov
importer (its parsers, the recorder) to read a few rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from minuteterm.db.store import Store


@dataclass(frozen=True)
class ItemDocument:
    """A document kept with an agenda item (from an imported agenda)."""

    item_id: int
    title: str
    url: str | None = None
    restricted: bool = False


def item_documents(store: Store, meeting_id: int) -> dict[int, list[ItemDocument]]:
    """Each item's documents, in the agenda's order, by item id."""
    rows = store.query(
        """select d.* from item_documents d join agenda_items i on i.id = d.item_id
        where i.meeting_id = ? order by i.position, d.position""",
        [meeting_id],
    )
    found: dict[int, list[ItemDocument]] = {}
    for row in rows:
        found.setdefault(row["item_id"], []).append(
            ItemDocument(row["item_id"], row["title"], row["url"], bool(row["restricted"]))
        )
    return found
