"""The capture bar's unsent text, kept so a crash loses at most a second.

While the clerk types, the bar's text is saved here at most a second after
it changes; Enter clears it once the line is saved as an entry. When the
meeting is opened again, the draft goes back into the bar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pendulum

from minuteterm import clock
from minuteterm.db.store import Store, iso, moment
from minuteterm.model import EntryKind

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Draft:
    """What was in the capture bar, and when it was saved."""

    text: str
    kind: EntryKind
    saved_at: pendulum.DateTime


def save_draft(
    store: Store,
    meeting_id: int,
    text: str,
    kind: EntryKind,
    now: pendulum.DateTime | None = None,
) -> None:
    """Keep the bar's text (an empty bar removes the draft). The text is kept
    as typed (it is cleaned when it becomes an entry), less any lone
    surrogate, which no file can hold."""
    text = _LONE_SURROGATE.sub("", text)
    with store.transaction() as db:
        if not text.strip():
            db.execute("delete from drafts where meeting_id = ?", [meeting_id])
            return
        db.table("drafts").upsert(
            {
                "meeting_id": meeting_id,
                "text": text,
                "kind": kind.value,
                "saved_at": iso(now or clock.now()),
            },
            pk="meeting_id",
        )


def load_draft(store: Store, meeting_id: int) -> Draft | None:
    """The meeting's unsent text, if any was left."""
    rows = store.query("select * from drafts where meeting_id = ?", [meeting_id])
    if not rows:
        return None
    row = rows[0]
    return Draft(row["text"], EntryKind(row["kind"]), moment(row["saved_at"]) or clock.now())
