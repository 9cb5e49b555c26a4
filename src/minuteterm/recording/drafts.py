"""Unsent text, kept so a crash loses at most a second of typing.

Each window on a meeting (each meeting screen, in one app or in two) has an
id of its own, and keeps its own drafts under it: the capture bar's unsent
line, and the entry editor's edit in progress (``entry_id`` set). Enter in
one window clears only that window's draft, never another's.

When a meeting is opened again, its newest draft of each sort is handed to
the new window (re-keyed to it, so it is not handed out twice); older drafts
stay in the file and come back, newest first, the next times the meeting is
opened. A window that is still open and finds its draft taken writes it back
(see :func:`draft_is_kept`), so nothing is lost either way.
"""

from __future__ import annotations

import os
import re
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import pendulum

from minuteterm import clock
from minuteterm.dates import in_zone
from minuteterm.db.store import Store, iso, moment
from minuteterm.model import EntryKind

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

#: A draft of the entry editor is kept under its window's id and this ending.
EDITOR = "/edit"


def new_window() -> str:
    """A fresh id for a window on a meeting."""
    return uuid.uuid4().hex


@dataclass(frozen=True)
class Draft:
    """Unsent text of one window, and when it was saved (``entry_id``: the
    entry being edited, for the entry editor's draft)."""

    text: str
    kind: EntryKind
    saved_at: pendulum.DateTime
    window: str = ""
    entry_id: int | None = None


def save_draft(
    store: Store,
    meeting_id: int,
    text: str,
    kind: EntryKind,
    now: pendulum.DateTime | None = None,
    *,
    window: str,
    entry_id: int | None = None,
) -> None:
    """Keep one window's text (an empty text removes its draft). The text is
    kept as typed (it is cleaned when it becomes an entry), less any lone
    surrogate, which no file can hold."""
    text = _LONE_SURROGATE.sub("", text)
    if not text.strip():
        clear_draft(store, meeting_id, window)
        return
    with store.transaction() as db:
        db.table("drafts").upsert(
            {
                "meeting_id": meeting_id,
                "window": window,
                "entry_id": entry_id,
                "text": text,
                "kind": kind.value,
                "saved_at": iso(now or clock.now()),
            },
            pk=("meeting_id", "window"),
        )


def clear_draft(store: Store, meeting_id: int, window: str) -> None:
    """Remove ``window``'s capture-bar draft (its entry editor's stays): in
    the caller's transaction when there is one (see
    :meth:`minuteterm.recording.recorder.Recorder.apply`)."""
    with store.transaction() as db:
        db.execute("delete from drafts where meeting_id = ? and window = ?", [meeting_id, window])


def draft_is_kept(store: Store, meeting_id: int, window: str, text: str) -> bool:
    """Whether ``window``'s draft in the file still holds ``text`` (a read:
    it never waits for another program's write)."""
    rows = store.query(
        "select text from drafts where meeting_id = ? and window = ?", [meeting_id, window]
    )
    return bool(rows) and rows[0]["text"] == text


def _draft(row: dict[str, object], zone: str) -> Draft:
    return Draft(
        str(row["text"]),
        EntryKind(str(row["kind"])),
        in_zone(moment(str(row["saved_at"])) or clock.now(), zone),
        str(row["window"]),
        row["entry_id"] if isinstance(row["entry_id"], int) else None,
    )


def load_drafts(store: Store, meeting_id: int) -> list[Draft]:
    """Every unsent text left on the meeting, newest first."""
    rows = store.query(
        "select * from drafts where meeting_id = ? order by saved_at desc, rowid desc",
        [meeting_id],
    )
    zone = store.meeting_zone(meeting_id)
    return [_draft(row, zone) for row in rows]


def take_draft(store: Store, meeting_id: int, window: str, *, editor: bool = False) -> Draft | None:
    """Hand the meeting's newest capture-bar draft (or, with ``editor``, its
    newest entry-editor draft) to ``window``: it is re-keyed to the window,
    so the window's next save or Enter replaces it. Other drafts stay."""
    wanted = window + EDITOR if editor else window
    for draft in load_drafts(store, meeting_id):
        if (draft.entry_id is not None) != editor:
            continue
        if draft.window != wanted:
            with store.transaction() as db:
                db.execute(
                    "delete from drafts where meeting_id = ? and window = ?", [meeting_id, wanted]
                )
                db.execute(
                    "update drafts set window = ? where meeting_id = ? and window = ?",
                    [wanted, meeting_id, draft.window],
                )
        return Draft(draft.text, draft.kind, draft.saved_at, wanted, draft.entry_id)
    return None


def load_draft(store: Store, meeting_id: int) -> Draft | None:
    """The meeting's newest unsent capture-bar line, if any was left."""
    for draft in load_drafts(store, meeting_id):
        if draft.entry_id is None:
            return draft
    return None


def write_recovery(database: Path, lines: list[str], now: pendulum.DateTime | None = None) -> Path:
    """Write words the database would not take to a text file next to it
    (else in the home folder, else the temporary folder); its path. Never
    overwrites an earlier recovery file."""
    stamp = (now or clock.now()).format("YYYYMMDD-HHmmss")
    body = "".join(line + "\n" for line in lines)
    folders = [database.parent, Path.home(), Path(tempfile.gettempdir())]
    last: OSError | None = None
    for folder in folders:
        for number in range(1, 100):
            suffix = "" if number == 1 else f"-{number}"
            target = folder / f"{database.stem}-unsaved-{stamp}{suffix}.txt"
            try:
                with target.open("x", encoding="utf-8") as handle:
                    handle.write(body)
                    handle.flush()
                    os.fsync(handle.fileno())
                return target
            except FileExistsError:
                continue
            except OSError as error:
                last = error
                break
    raise OSError(f"could not write the unsaved lines anywhere ({last})")
